/*
 * fuzz_template.c - the one printer: --format templates, and the text
 * table, TSV, CSV and JSON Lines it also prints, over fixed fields.
 *
 * Input: one byte picks the format, one the terminal width the text table
 * must fit (0 for none); then the template up to the first NUL; then the
 * values, NUL-separated, filling rows of the fields in order.  stdout goes
 * to /dev/null, but for templates it is caught in memory and compared with
 * what the template says: its literal text (with the escapes \t \n \\ \{
 * \}) and its fields' values, nothing else.
 *
 * Invariants: a template is refused (a usage error) exactly when it names
 * an unknown field or leaves a "{" open; a template row prints exactly
 * what the template says; no format crashes or leaks on any value.
 */
#include "fuzz.h"

static const struct fu_field fields[] = {
	{ "due", "DUE", 0 },
	{ "late", "LATE", FU_F_NUM },
	{ "client", "CLIENT", FU_F_CUT },
	{ "what", "WHAT", FU_F_CUT },
	{ "channel", "CHANNEL", 0 },
	{ "id", "ID", FU_F_NUM },
	{ "client_id", "CLIENT ID", FU_F_NUM | FU_F_NOTEXT },
	{ "every", "EVERY", FU_F_NOTEXT },
	{ "slips", "SLIPS", FU_F_NUM | FU_F_NOTEXT },
};
#define NF ((int)(sizeof(fields) / sizeof(fields[0])))
#define MAXROWS 64

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (freopen("/dev/null", "w", stdout) == NULL)
		abort();
	return 0;
}

/* The template as the man page says it reads, or -1 if it must be
 * refused; the parts go in part[] (field index, or -1 and the text),
 * which has room for one more than the template has bytes. */
struct part {
	int field;
	struct fu_buf text;
};

static int
oracle(const char *s, struct part *part, size_t *np)
{
	size_t n = 0;
	int i;

	part[0].field = -1;
	while (*s != '\0') {
		if (*s == '{') {
			const char *end = strchr(s, '}');

			if (end == NULL)
				return -1;
			for (i = 0; i < NF; i++)
				if (strlen(fields[i].name) == (size_t)(end - s - 1)
				    && strncmp(fields[i].name, s + 1, (size_t)(end -
				    s - 1)) == 0)
					break;
			if (i == NF)
				return -1;
			part[++n].field = i;
			part[++n].field = -1;
			s = end + 1;
		} else if (*s == '\\' && s[1] != '\0' && strchr("tn\\{}", s[1])) {
			char c = s[1] == 't' ? '\t' : s[1] == 'n' ? '\n' : s[1];

			if (fu_buf_add(&part[n].text, &c, 1) == -1)
				abort();
			s += 2;
		} else if (fu_buf_add(&part[n].text, s++, 1) == -1)
			abort();
	}
	*np = n + 1;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *empty = "";
	const char *vals[MAXROWS][NF];
	struct part *part;
	struct fu_out o;
	struct fu_err e;
	struct fu_buf want = { 0 };
	enum fu_fmt fmt;
	const uint8_t *end;
	char *tmpl, *rest;
	size_t tn, restn, np = 0, off, i;
	int width, r, k, nrows = 0, ok;
	FILE *saved = NULL, *mem = NULL;
	char *got = NULL;
	size_t gotn = 0;

	if (size < 2)
		return 0;
	fmt = (enum fu_fmt)(data[0] % 5);
	width = data[1];
	data += 2, size -= 2;
	end = memchr(data, '\0', size);
	tn = end ? (size_t)(end - data) : size;
	tmpl = fuzz_str(data, tn);
	data += end ? tn + 1 : tn;
	size -= end ? tn + 1 : tn;
	rest = fuzz_str(data, size);	/* NUL-separated values */
	restn = size;

	/* Rows: the values in order, "" for any missing at the end. */
	for (off = 0; nrows < MAXROWS && (off < restn || nrows == 0);
	    nrows++)
		for (k = 0; k < NF; k++) {
			if (off < restn) {
				vals[nrows][k] = rest + off;
				off += strlen(rest + off) + 1;
			} else
				vals[nrows][k] = empty;
		}

	/* Each part but the first takes at least a byte of the template. */
	if ((part = calloc(tn + 2, sizeof(*part))) == NULL)
		abort();
	memset(&e, 0, sizeof(e));
	ok = fmt == FU_FMT_TEMPLATE ? oracle(tmpl, part, &np) : 0;
	if (fu_out_init(&o, fmt, tmpl, fields, NF, &e) == -1) {
		CHECK(fmt == FU_FMT_TEMPLATE && ok == -1, "template \"%s\" "
		    "refused: %s", tmpl, e.text);
		CHECK(e.code == FU_EXIT_USAGE && e.text[0] != '\0', "code %d",
		    e.code);
		fu_out_end(&o, &e);	/* frees what the template held */
		goto out;
	}
	CHECK(ok != -1, "template \"%s\" accepted, but it should be refused",
	    tmpl);
	if (fmt == FU_FMT_TEXT)
		o.width = width;
	if (fmt == FU_FMT_TEMPLATE && ok == 0) {
		/* Catch what the rows print. */
		fflush(stdout);
		saved = stdout;
		if ((mem = open_memstream(&got, &gotn)) == NULL)
			abort();
		stdout = mem;
		for (r = 0; r < nrows; r++) {
			for (i = 0; i < np; i++) {
				if (part[i].field >= 0)
					fu_buf_add(&want, vals[r][part[i].field],
					    strlen(vals[r][part[i].field]));
				else if (part[i].text.len > 0)
					fu_buf_add(&want, part[i].text.p,
					    part[i].text.len);
			}
			fu_buf_add(&want, "\n", 1);
		}
	}
	for (r = 0; r < nrows; r++)
		CHECK(fu_out_row(&o, vals[r], &e) == 0, "row %d: %s", r, e.text);
	CHECK(fu_out_end(&o, &e) == 0, "end: %s", e.text);
	if (mem != NULL) {
		fflush(mem);
		stdout = saved;
		CHECK(gotn == want.len && (gotn == 0 || memcmp(got, want.p,
		    gotn) == 0), "template \"%s\" printed %zu bytes \"%.*s\", "
		    "want %zu \"%.*s\"", tmpl, gotn, (int)gotn, got, want.len,
		    (int)want.len, want.p ? want.p : "");
		fclose(mem);
		free(got);
	}
	fflush(stdout);
out:
	for (i = 0; i < tn + 2; i++)
		fu_buf_free(&part[i].text);
	free(part);
	fu_buf_free(&want);
	free(tmpl);
	free(rest);
	return 0;
}
