/*
 * table.c - reading a table as a stream of rows over libcsv.  Columns are
 * found by header name; the dialect (delimiter, line end, quoting) is read
 * off the header line.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csv.h>

#include "priv.h"

/* The reader's state, shared by the libcsv callbacks. */
struct reader {
	struct csv_parser csv;
	struct fu_table_file *tf;
	enum fu_table table;
	fu_row_cb cb;
	void *ctx;
	struct fu_err *e;
	int failed;
	int header_only;
	int done;
	long line;		/* current physical line */
	char eol;		/* what ends a line: '\n', or '\r' alone */
	long row_line;		/* line where the current row started */
	/* the current row: fields as offsets into buf */
	struct fu_buf buf;
	size_t *off, *len;
	size_t nf, capf;
	/* the header */
	struct fu_header *hdr;
};

#define MAX_COLUMNS 1024
#define BLOCK (64 * 1024)	/* libcsv grows its field buffer this much */

/* libcsv keeps a field whole before it hands it over: a field far past
 * the limit is refused while it grows, not once it is all in memory.  Its
 * realloc function takes no context, so the refusal is noted per thread
 * (each thread runs its own parser). */
static _Thread_local int field_too_long;

static void *
bounded_realloc(void *p, size_t n)
{
	if (n > FU_FIELD_MAX + 2 * BLOCK) {
		field_too_long = 1;
		return NULL;
	}
	return realloc(p, n);
}

static void
fail(struct reader *r, long line, const char *fmt, const char *arg)
{
	if (r->failed)
		return;
	r->failed = 1;
	fu_err_data(r->e, r->tf->name, line, fmt, arg);
}

static void
fail_nomem(struct reader *r)
{
	if (r->failed)
		return;
	r->failed = 1;
	fu_err_nomem(r->e);
}

static void
on_field(void *data, size_t n, void *arg)
{
	struct reader *r = arg;
	const char *s = data ? data : "";
	const char *nl;
	size_t left = n;

	if (r->failed || r->done)
		return;
	if (r->nf == 0)
		r->row_line = r->line;
	/* Line breaks inside a quoted field still count as lines; most
	 * fields are short, and a loop beats a call to memchr there. */
	if (n <= 32) {
		for (left = 0; left < n; left++)
			r->line += s[left] == r->eol;
	} else
		for (nl = s; left > 0 && (nl = memchr(nl, r->eol, left)) !=
		    NULL; nl++, left = n - (size_t)(nl - s))
			r->line++;
	if (n > FU_FIELD_MAX) {
		fail(r, r->row_line, _("a field is longer than %s bytes"),
		    "65536");
		return;
	}
	if (r->hdr->ncols > 0 && r->nf >= (size_t)r->hdr->ncols) {
		r->nf++;
		return;		/* too many fields: reported at row end */
	}
	if (r->nf == r->capf) {
		size_t cap = r->capf ? 2 * r->capf : 32;
		size_t *o = realloc(r->off, cap * sizeof(*o));
		size_t *l = o ? realloc(r->len, cap * sizeof(*l)) : NULL;

		if (o != NULL)
			r->off = o;
		if (o == NULL || l == NULL) {
			fail_nomem(r);
			return;
		}
		r->len = l;
		r->capf = cap;
	}
	if (r->hdr->ncols == 0 && r->nf >= MAX_COLUMNS) {
		fail(r, r->row_line, _("more than %s columns"), "1024");
		return;
	}
	r->off[r->nf] = r->buf.len;
	r->len[r->nf] = n;
	if (fu_buf_reserve(&r->buf, n + 1) == -1) {
		fail_nomem(r);
		return;
	}
	/* The field and its NUL, in one copy. */
	memcpy(r->buf.p + r->buf.len, s, n);
	r->buf.len += n;
	r->buf.p[r->buf.len++] = '\0';
	r->nf++;
}

static void
trim(const char **s, size_t *n)
{
	while (*n > 0 && (**s == ' ' || **s == '\t')) {
		(*s)++;
		(*n)--;
	}
	while (*n > 0 && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

static void
on_header(struct reader *r)
{
	struct fu_header *h = r->hdr;
	int i, k, nk = fu_ncolumns[r->table], rank = 0, ranks[FU_MAXCOLS];
	unsigned seen = 0;

	h->line = r->row_line;
	if ((h->colmap = malloc(r->nf * sizeof(int))) == NULL ||
	    (h->name = calloc(r->nf, sizeof(char *))) == NULL) {
		fail_nomem(r);
		return;
	}
	h->ncols = (int)r->nf;
	for (k = 0; k < nk; k++)
		h->field[k] = -1;
	for (i = 0; i < h->ncols; i++) {
		const char *name = r->buf.p + r->off[i];
		size_t n = r->len[i];

		if (r->tf->dialect.tsv)
			n = fu_tsv_unescape((char *)name, n);
		trim(&name, &n);
		h->colmap[i] = -1;
		if (!fu_utf8_valid(name, n)) {
			fail(r, r->row_line, "%s", _("the header is not valid "
			    "UTF-8"));
			return;
		}
		if ((h->name[i] = malloc(n + 1)) == NULL) {
			fail_nomem(r);
			return;
		}
		memcpy(h->name[i], name, n);
		h->name[i][n] = '\0';
		if (r->table == FU_IMPORT)
			k = (k = fu_import_column(r->tf->map, name, n,
			    &rank)) < 0 ? nk : k;
		else
			for (k = 0; k < nk; k++)
				if (strlen(fu_columns[r->table][k]) == n &&
				    strncasecmp(name, fu_columns[r->table][k],
				    n) == 0)
					break;
		if (k == nk)
			continue;
		/* An export may have Phone 1 and Phone 2: the first counts,
		 * but a column that says the field better wins (Mobile over
		 * Business Phone). */
		if (r->table == FU_IMPORT && (seen & 1u << k)) {
			if (rank >= ranks[k])
				continue;
			h->colmap[h->field[k]] = -1;
			seen &= ~(1u << k);
		}
		if (r->table == FU_IMPORT)
			ranks[k] = rank;
		if (seen & 1u << k) {
			fail(r, r->row_line, _("column \"%s\" appears twice in "
			    "the header"), fu_columns[r->table][k]);
			return;
		}
		seen |= 1u << k;
		h->colmap[i] = k;
		h->field[k] = i;
	}
	for (k = 0; k < nk; k++)
		if ((fu_required_columns[r->table] & 1u << k) && !(seen & 1u << k)) {
			fail(r, r->row_line, _("the header has no \"%s\" "
			    "column (the first line must name the columns)"),
			    fu_columns[r->table][k]);
			return;
		}
}

/* Keeps a "#" line of a plan, its fields joined as they were. */
static void
on_comment(struct reader *r)
{
	struct fu_buf b = { 0 };
	size_t i, old = r->hdr->comment ? strlen(r->hdr->comment) : 0;
	char *s;

	for (i = 0; i < r->nf; i++) {
		const char *f = r->buf.p + r->off[i];
		size_t n = r->len[i];

		if (i == 0) {		/* "# text": the text */
			f++, n--;
			if (n > 0 && *f == ' ')
				f++, n--;
		}
		if ((i > 0 && fu_buf_add(&b, &r->tf->dialect.delim, 1) ==
		    -1) || fu_buf_add(&b, f, n) == -1)
			goto nomem;
	}
	if ((s = realloc(r->hdr->comment, old + b.len + 2)) == NULL)
		goto nomem;
	if (old > 0)
		s[old++] = '\n';
	memcpy(s + old, b.p != NULL ? b.p : "", b.len);
	s[old + b.len] = '\0';
	r->hdr->comment = s;
	fu_buf_free(&b);
	return;
nomem:
	fu_buf_free(&b);
	fail_nomem(r);
}

static void
on_row(int c, void *arg)
{
	struct reader *r = arg;
	struct fu_row row;
	int k, i, nk = fu_ncolumns[r->table];
	char want[32], got[32];

	if (r->failed || r->done)
		return;
	if (r->nf == 0) {		/* a blank line */
		if (c == r->eol)
			r->line++;
		return;
	}
	/* A plan may say what it is for in "#" lines before its header. */
	if (r->hdr->ncols == 0 && r->table == FU_PLAN && r->len[0] > 0 &&
	    r->buf.p[r->off[0]] == '#') {
		on_comment(r);
		goto next;
	}
	if (r->hdr->ncols == 0) {
		on_header(r);
		if (r->header_only)
			r->done = 1;
		goto next;
	}
	if (r->nf != (size_t)r->hdr->ncols) {
		snprintf(want, sizeof(want), "%d", r->hdr->ncols);
		snprintf(got, sizeof(got), "%zu", r->nf);
		if (!r->failed) {
			r->failed = 1;
			fu_err_data(r->e, r->tf->name, r->row_line,
			    _("%s fields where the header has %s"), got, want);
		}
		return;
	}
	row.line = r->row_line;
	for (k = 0; k < nk; k++) {
		row.f[k] = "";
		row.len[k] = 0;
	}
	/* Every field, those of columns fu does not know too, is text. */
	for (i = 0; i < r->hdr->ncols; i++) {
		char *s = r->buf.p + r->off[i];
		size_t n = r->len[i];

		if (r->tf->dialect.tsv)
			n = fu_tsv_unescape(s, n);
		if (!fu_utf8_valid(s, n)) {
			fail(r, r->row_line, _("column \"%s\" is not valid "
			    "UTF-8"), (k = r->hdr->colmap[i]) >= 0 ?
			    fu_columns[r->table][k] : r->hdr->name != NULL ?
			    r->hdr->name[i] : "?");
			return;
		}
		if ((k = r->hdr->colmap[i]) < 0)
			continue;
		if (n > 0 && s[0] == '\'' && fu_formula_guarded(s, n)) {
			s++;
			n--;
		}
		row.f[k] = s;
		row.len[k] = n;
	}
	if (r->cb != NULL && r->cb(r->ctx, &row, r->e) == -1) {
		r->failed = 1;
		return;
	}
next:
	r->nf = 0;
	r->buf.len = 0;
	if (c == r->eol)
		r->line++;
}

static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static long
count_lines(const char *s, size_t n, char eol)
{
	long c = 0;
	const char *p = s, *end;

	if (s == NULL)
		return 0;	/* libcsv has no buffer before its first field */
	end = s + n;
	while ((p = memchr(p, eol, (size_t)(end - p))) != NULL) {
		c++;
		p++;
	}
	return c;
}

int
fu_table_open(struct fu_table_file *tf, int *fdp, struct fu_err *e)
{
	struct stat st;
	int fd, flags, saved;

	/* Non-blocking, so that a FIFO in the way cannot hang us before
	 * fstat tells what it is. */
	if ((fd = open(tf->path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC |
	    O_NONBLOCK)) == -1) {
		if (errno == ELOOP)
			return fu_err_io(e, tf->name, 0, _("is a symbolic "
			    "link; fu refuses to follow it"));
		return fu_err_io(e, tf->name, errno, _("cannot open"));
	}
	if (fstat(fd, &st) == -1)
		goto fail;
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return fu_err_io(e, tf->name, 0, _("is not a regular file"));
	}
	/* Back to blocking reads: a descriptor whose flags cannot be read
	 * or set is not one to read a table on. */
	if ((flags = fcntl(fd, F_GETFL)) == -1 ||
	    fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) == -1)
		goto fail;
	*fdp = fd;
	return 0;
fail:
	saved = errno;
	close(fd);
	return fu_err_io(e, tf->name, saved, _("cannot read"));
}

#define CHUNK (1 << 20)

static int
parser_init(struct reader *r)
{
	if (csv_init(&r->csv, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) !=
	    0)
		return -1;
	csv_set_space_func(&r->csv, no_space);
	/* libcsv grows its field buffer by this much: 128 bytes at a time
	 * makes a 1 MB field cost a gigabyte of copies. */
	csv_set_blk_size(&r->csv, BLOCK);
	csv_set_realloc_func(&r->csv, bounded_realloc);
	field_too_long = 0;
	csv_set_delim(&r->csv, (unsigned char)r->tf->dialect.delim);
	csv_set_quote(&r->csv, r->tf->dialect.tsv ? 0 : '"');
	return 0;
}

/* Whether s holds the end of its first line that is not blank (after any
 * byte order mark): a CR needs the byte after it, to tell CR LF from CR
 * alone. */
static int
first_line_ended(const char *s, size_t n)
{
	size_t i = n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;

	while (i < n && (s[i] == '\n' || s[i] == '\r'))
		i++;
	for (; i < n; i++)
		if (s[i] == '\n' || (s[i] == '\r' && i + 1 < n))
			return 1;
	return 0;
}

/* Reads at most want bytes into chunk: what one read(2) gives, but for the
 * first chunk of a file as many as it takes to hold the first line whole,
 * since the dialect is read off it and a read may stop short anywhere (in
 * the byte order mark, too).  Returns the bytes read, 0 at the end. */
static ssize_t
read_chunk(int fd, char *chunk, size_t want, int first)
{
	size_t have = 0;
	ssize_t got;

	while (have < want) {
		if ((got = read(fd, chunk + have, want - have)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (got == 0)
			break;
		have += (size_t)got;
		if (!first || first_line_ended(chunk, have))
			break;
	}
	return (ssize_t)have;
}

/* Parses n bytes at s, which hold no part of the byte order mark. */
static int
feed(struct reader *r, const char *s, size_t n)
{
	const char *nul;
	size_t done;

	if ((nul = memchr(s, '\0', n)) != NULL) {
		r->failed = 1;
		return fu_err_data(r->e, r->tf->name, r->line + count_lines(
		    (char *)r->csv.entry_buf, r->csv.entry_pos, r->eol) +
		    count_lines(s, (size_t)(nul - s), r->eol), _("contains a "
		    "NUL byte (is it a text file?)"));
	}
	done = csv_parse(&r->csv, s, n, on_field, on_row, r);
	if (r->failed || r->done || done == n)
		return r->failed ? -1 : 0;
	r->failed = 1;
	switch (csv_error(&r->csv)) {
	case CSV_ENOMEM:
	case CSV_ETOOBIG:
		if (!field_too_long)
			return fu_err_nomem(r->e);
		return fu_err_data(r->e, r->tf->name, r->nf > 0 ? r->row_line :
		    r->line, _("a field is longer than %s bytes"), "65536");
	default:
		return fu_err_data(r->e, r->tf->name, r->line + count_lines(
		    (char *)r->csv.entry_buf, r->csv.entry_pos, r->eol), "%s",
		    _("a quote inside a field: quote the whole field and "
		    "double the quote (\"\")"));
	}
}

/* Parses the bytes of fd from its offset to tf->snap; the first chunk of
 * the file sets the dialect. */
static int
parse(struct reader *r, int fd, char *chunk, off_t from)
{
	struct fu_table_file *tf = r->tf;
	off_t left = tf->snap - from;
	int first = from == 0;
	/* The bytes a saved state will stand for are hashed as they are
	 * read (those of a header read again are not). */
	struct fu_digest *dg = from == tf->start ? tf->digest : NULL;
	ssize_t got;
	size_t skip;

	while (left > 0 && !r->failed && !r->done) {
		size_t want = left < CHUNK ? (size_t)left : CHUNK;

		if ((got = read_chunk(fd, chunk, want, first)) == -1) {
			r->failed = 1;
			return fu_err_io(r->e, tf->name, errno, _("cannot read"));
		}
		if (got == 0)
			break;		/* shrank under us: read what is there */
		if (dg != NULL)
			fu_digest_add(dg, chunk, (size_t)got);
		left -= got;
		skip = 0;
		if (first) {
			first = 0;
			if (got >= 3 && memcmp(chunk, "\xEF\xBB\xBF", 3) == 0)
				skip = 3, tf->bom = 1;
			fu_dialect_sniff(tf, chunk + skip, (size_t)got - skip);
			r->eol = tf->dialect.cr ? '\r' : '\n';
			csv_set_delim(&r->csv, (unsigned char)tf->dialect.delim);
			csv_set_quote(&r->csv, tf->dialect.tsv ? 0 : '"');
		}
		if (feed(r, chunk + skip, (size_t)got - skip) == -1)
			return -1;
	}
	return 0;
}

int
fu_table_read(struct fu_table_file *tf, enum fu_table table,
    struct fu_header *hdr, int header_only, fu_row_cb cb, void *ctx,
    struct fu_err *e)
{
	struct reader r;
	char *chunk = NULL;
	int fd, rc = -1, parser = 0;

	memset(&r, 0, sizeof(r));
	memset(hdr, 0, sizeof(*hdr));
	r.tf = tf;
	r.table = table;
	r.cb = cb;
	r.ctx = ctx;
	r.e = e;
	r.line = 1;
	r.eol = '\n';
	r.hdr = hdr;
	r.header_only = header_only || tf->start > 0;
	tf->dialect.tsv = strstr(tf->name, ".tsv") != NULL;
	tf->dialect.delim = tf->dialect.tsv ? '\t' : ',';
	tf->dialect.crlf = 0;
	tf->dialect.quote_all = 0;
	tf->dialect.cr = 0;
	tf->bom = 0;
	tf->end_line = 1;
	tf->has_header = 0;
	if (!tf->exists)
		return 0;
	if (fu_table_open(tf, &fd, e) == -1)
		return -1;
	if ((chunk = malloc(CHUNK)) == NULL || parser_init(&r) == -1) {
		fu_err_nomem(e);
		goto out;
	}
	parser = 1;
	if (parse(&r, fd, chunk, 0) == -1)
		goto out;
	/* Continuing where a saved state stopped: the header gave the
	 * columns; now on from the first byte not read before. */
	if (tf->start > 0 && !header_only) {
		csv_free(&r.csv);
		parser = 0;
		if (hdr->ncols == 0 || lseek(fd, tf->start, SEEK_SET) == -1 ||
		    parser_init(&r) == -1) {
			fu_err_io(e, tf->name, EINVAL, _("cannot read"));
			goto out;
		}
		parser = 1;
		r.header_only = 0;
		r.done = 0;
		r.nf = 0;
		r.buf.len = 0;
		r.line = tf->start_line;
		if (parse(&r, fd, chunk, tf->start) == -1)
			goto out;
	}
	if (!r.done && csv_fini(&r.csv, on_field, on_row, &r) != 0 &&
	    !r.failed) {
		fu_err_data(e, tf->name, r.line, "%s", _("the quoted field "
		    "that starts here is never closed: a quote is missing"));
		r.failed = 1;
	}
	if (!r.failed) {
		rc = 0;
		tf->end_line = r.line;
		tf->has_header = hdr->ncols > 0;
	}
out:
	if (parser)
		csv_free(&r.csv);
	free(chunk);
	free(r.buf.p);
	free(r.off);
	free(r.len);
	close(fd);
	if (rc == -1)
		fu_header_free(hdr);
	return rc;
}

/* A reader of rows under a header already read, its lines from 1. */
static int
reader_under(struct reader *r, struct fu_table_file *tf, enum fu_table table,
    const struct fu_header *hdr, fu_row_cb cb, void *ctx, struct fu_err *e)
{
	memset(r, 0, sizeof(*r));
	r->tf = tf;
	r->table = table;
	r->cb = cb;
	r->ctx = ctx;
	r->e = e;
	r->line = 1;
	r->eol = tf->dialect.cr ? '\r' : '\n';
	r->hdr = (struct fu_header *)hdr;	/* only read: ncols > 0 */
	return parser_init(r) == -1 ? fu_err_nomem(e) : 0;
}

static int
reader_done(struct reader *r, int rc)
{
	csv_free(&r->csv);
	free(r->buf.p);
	free(r->off);
	free(r->len);
	return r->failed ? -1 : rc;
}

int
fu_table_read_mem(struct fu_table_file *tf, enum fu_table table,
    const struct fu_header *hdr, const char *s, size_t n, fu_row_cb cb,
    void *ctx, struct fu_err *e)
{
	struct fu_header schema;
	struct reader r;
	int colmap[FU_MAXCOLS], k, rc;

	if (hdr == NULL || hdr->ncols == 0) {
		/* A table fu makes has the schema's columns, in order. */
		schema.ncols = fu_ncolumns[table];
		schema.name = NULL;
		schema.colmap = colmap;
		for (k = 0; k < FU_MAXCOLS; k++)
			colmap[k] = schema.field[k] = k < schema.ncols ? k : -1;
		hdr = &schema;
	}
	if (reader_under(&r, tf, table, hdr, cb, ctx, e) == -1)
		return -1;
	if ((rc = feed(&r, s, n)) == 0 && csv_fini(&r.csv, on_field, on_row,
	    &r) != 0 && !r.failed)
		rc = fu_err_data(e, tf->name, r.line, "%s", _("the quoted field "
		    "that starts here is never closed: a quote is missing"));
	return reader_done(&r, rc);
}

int
fu_table_read_part(struct fu_table_file *tf, enum fu_table table,
    const struct fu_header *hdr, int fd, off_t from, off_t to, int last,
    char *win, size_t winsize, long *lines, fu_row_cb cb, void *ctx,
    struct fu_err *e)
{
	struct reader r;
	ssize_t got;
	int rc = 0;

	/* Its lines from 1: the caller adds where the part starts. */
	if (reader_under(&r, tf, table, hdr, cb, ctx, e) == -1)
		return -1;
	while (from < to && !r.failed) {
		size_t want = to - from < (off_t)winsize ? (size_t)(to - from) :
		    winsize;

		if ((got = pread(fd, win, want, from)) == -1) {
			if (errno == EINTR)
				continue;
			rc = fu_err_io(e, tf->name, errno, _("cannot read"));
			r.failed = 1;
			break;
		}
		if (got == 0)
			break;		/* shrank under us: read what is there */
		from += got;
		if (feed(&r, win, (size_t)got) == -1)
			rc = -1;
	}
	/* A part ends where a record does, so only the last can leave a
	 * quote open.  One that does not end at a record's end was cut
	 * where the quotes before it said, wrongly: a malformed row before
	 * it is told first (or the file changed under us: lines is -1). */
	if (!r.failed && last && csv_fini(&r.csv, on_field, on_row, &r) != 0 &&
	    !r.failed)
		rc = fu_err_data(e, tf->name, r.line, "%s", _("the quoted field "
		    "that starts here is never closed: a quote is missing"));
	*lines = r.line;
	if (!r.failed && !last && (r.nf > 0 || r.csv.pstate != 0 ||
	    r.csv.entry_pos != 0)) {
		rc = fu_err_io(e, tf->name, EINVAL, _("cannot read"));
		*lines = -1;
	}
	return reader_done(&r, rc);
}

void
fu_header_free(struct fu_header *h)
{
	int i;

	for (i = 0; h->name != NULL && i < h->ncols; i++)
		free(h->name[i]);
	free(h->name);
	free(h->colmap);
	free(h->comment);
	h->comment = NULL;
	h->name = NULL;
	h->colmap = NULL;
	h->ncols = 0;
}
