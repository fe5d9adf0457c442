/*
 * fuzz_partial.c - the reader of fu-stats --partial's lines, and the merge
 * of what it reads, as fu-stats --merge does it.
 *
 * Input: lines, each given to fu_partial_parse; those it takes are merged
 * into one report (made from the first, as partial.c makes it), which is
 * then printed in every format to /dev/null.
 *
 * Invariants: a line is taken or refused with a message and the status of
 * a malformed file (3), or out of memory (4); a line taken holds a row
 * of its rows, and counts that are not negative; nothing crashes or leaks,
 * whatever the lines and however they are merged.
 */
#include "fuzz.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (freopen("/dev/null", "w", stdout) == NULL)
		abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum fu_fmt fmts[] = {
		FU_FMT_TEXT, FU_FMT_TSV, FU_FMT_CSV, FU_FMT_JSON
	};
	const char *s = (const char *)data, *end = s + size, *nl;
	struct fu_report *r = NULL;
	struct fu_partial p;
	struct fu_err e;
	struct fu_cli cli;
	long line = 0;
	size_t i, k;
	int rc;

	for (; s < end; s = nl + 1) {
		if ((nl = memchr(s, '\n', (size_t)(end - s))) == NULL)
			nl = end;
		line++;
		memset(&e, 0, sizeof(e));
		rc = fu_partial_parse(s, (size_t)(nl - s), &p, "f", line, &e);
		CHECK(rc == 0 || (e.text[0] != '\0' && (e.code == FU_EXIT_DATA ||
		    e.code == FU_EXIT_IO)), "line %ld: rc %d, code %d", line, rc,
		    e.code);
		if (rc == 0) {
			CHECK(p.rows == 0 ? p.row == 0 : p.row >= 1 &&
			    p.row <= p.rows, "row %lld of %lld", p.row, p.rows);
			for (k = 0; k < FU_NRAW; k++)
				CHECK(p.n[k] >= 0, "count %zu is %lld", k, p.n[k]);
			if (r == NULL) {
				struct fu_report_spec q = { p.from, p.to, p.by,
				    p.to };

				r = fu_report_new(&q, &e);
			}
			/* Partials of another period are refused before
			 * this, by partial.c. */
			if (r != NULL && r->q.from == p.from && r->q.to == p.to &&
			    r->q.by == p.by)
				(void)fu_report_add_partial(r, &p, "f", line, &e);
		}
		fu_partial_free(&p);
	}
	if (r != NULL && fu_report_sums(r, &e) == 0) {
		memset(&cli, 0, sizeof(cli));
		for (i = 0; i < sizeof(fmts) / sizeof(fmts[0]); i++) {
			cli.fmt = fmts[i];
			(void)fu_report_print(r, &cli, &e);
		}
		fu_report_print_partial(r);
	}
	fu_report_free(r);
	fflush(stdout);
	return 0;
}
