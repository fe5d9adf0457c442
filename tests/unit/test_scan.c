/*
 * test_scan.c - scan.c: a table read on two threads, or in parts on many,
 * hands over the rows and the errors a read on one thread would, in the
 * same order, across many batches and parts.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

#define NROWS 30000		/* several batches, more than the ring holds */


struct seen {
	long rows, last_line;
	uint64_t last_id;
	long fail_at;		/* refuse this row, 0 for none */
	int ordered;
};

static int
count(void *ctx, const struct fu_row *r, struct fu_err *e)
{
	struct seen *s = ctx;
	uint64_t id = 0;

	s->rows++;
	if (fu_id_parse(r->f[FU_L_ID], r->len[FU_L_ID], &id) == -1 ||
	    id != s->last_id + 1 || r->line != s->last_line + 1 ||
	    strcmp(r->f[FU_L_NOTE], "a note, \"quoted\"") != 0 ||
	    strlen(r->f[FU_L_CHANNEL]) != r->len[FU_L_CHANNEL])
		s->ordered = 0;
	s->last_id = id;
	s->last_line = r->line;
	if (s->rows == s->fail_at)
		return fu_err_data(e, "log.csv", r->line, "refused");
	return 0;
}

/* Writes log.csv of n rows; the row at bad (0 for none) has a stray
 * quote. */
static void
write_log(long n, long bad)
{
	char path[128];
	FILE *f;
	long i;

	snprintf(path, sizeof(path), "%s/log.csv", dir);
	assert_non_null(f = fopen(path, "w"));
	fprintf(f, "id,date,client,agreement,channel,outcome,amount,mood,"
	    "next,note\n");
	for (i = 1; i <= n; i++)
		fprintf(f, "%ld,2026-01-01,1,,%s,,,,,\"a note, \"\"quoted\"\"\"\n",
		    i, i == bad ? "ca\"ll" : "call");
	assert_int_equal(fclose(f), 0);
}

#define setup util_setup
#define teardown util_teardown

/* Reads log.csv on two threads or on one. */
static int
stream(int piped, struct seen *s, struct fu_err *e)
{
	struct fu_portfolio pf;
	int rc;

	s->rows = 0;
	s->last_id = 0;
	s->ordered = 1;
	s->last_line = 1;
	memset(e, 0, sizeof(*e));
	util_env("FU_PIPE_MIN", piped ? "0" : "999999999999");
	assert_int_equal(fu_portfolio_open(&pf, dir, e), 0);
	rc = fu_table_scan(&pf, FU_LOG, count, s, e);
	return rc;
}

static void
test_pipe_hands_over_every_row_in_order(void **state)
{
	struct seen s = { 0 };
	struct fu_err e;

	(void)state;
	write_log(NROWS, 0);
	assert_int_equal(stream(1, &s, &e), 0);
	assert_int_equal(s.rows, NROWS);
	assert_true(s.ordered);
	assert_int_equal(s.last_line, NROWS + 1);
}

static void
test_pipe_stops_where_the_caller_refuses(void **state)
{
	struct seen s = { 0 };
	struct fu_err e;
	long at[] = { 1, 4096, 4097, 20000, NROWS };
	size_t i;

	(void)state;
	write_log(NROWS, 0);
	for (i = 0; i < sizeof(at) / sizeof(at[0]); i++) {
		s.fail_at = at[i];
		assert_int_equal(stream(1, &s, &e), -1);
		assert_int_equal(s.rows, at[i]);
		assert_int_equal(e.line, at[i] + 1);
		assert_string_equal(e.text, "refused");
	}
}

static void
test_pipe_tells_a_malformed_row_after_the_rows_before_it(void **state)
{
	struct seen a = { 0 }, b = { 0 };
	struct fu_err ea, eb;
	long bad[] = { 1, 4096, 12289, NROWS };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		write_log(NROWS, bad[i]);
		assert_int_equal(stream(1, &a, &ea), -1);
		assert_int_equal(stream(0, &b, &eb), -1);
		assert_int_equal(a.rows, bad[i] - 1);
		assert_int_equal(a.rows, b.rows);
		assert_int_equal(ea.code, FU_EXIT_DATA);
		assert_int_equal(ea.line, eb.line);
		assert_string_equal(ea.text, eb.text);
		/* A refusal before the malformed row is the one told. */
		if (bad[i] > 2) {
			a.fail_at = bad[i] - 1;
			assert_int_equal(stream(1, &a, &ea), -1);
			assert_string_equal(ea.text, "refused");
			a.fail_at = 0;
		}
	}
}

/*
 * The property: random tables (quoted line breaks, doubled quotes, LF,
 * CR LF and CR line ends, byte order marks, blank lines, TSV escapes,
 * malformed rows and bad fields anywhere, so near the edges of parts cut
 * a few bytes long) read by one parser, in parts on several threads and
 * on the two-thread pipe give the same rows with the same lines, and the
 * same error, the same line reached and the same digest.
 */
#define ROUNDS 300

static uint64_t rng = 0x9E3779B97F4A7C15ULL;

static unsigned
rnd(unsigned n)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return (unsigned)((rng * 0x2545F4914F6CDD1DULL) >> 33) % n;
}

struct table {
	struct fu_buf b;
	const char *eol;
	char delim;
	int tsv;
	int bad;		/* errors to place in this table, about */
};

static void
add(struct fu_buf *b, const char *s)
{
	assert_int_equal(fu_buf_add(b, s, strlen(s)), 0);
}

static const char *const eols[] = { "\n", "\r\n", "\r" };

/* One field, now and then a malformed one. */
static void
field(struct table *t, int row_bad)
{
	static const char *const words[] = { "call", "2026-01-01", "12",
	    "Jos\xC3\xA9", "a b", "", "kept", "\xE2\x82\xAC" "5", "x'y" };
	char q[2] = { t->delim, '\0' };

	if (row_bad && rnd(4) == 0) {
		switch (rnd(t->tsv ? 2 : 4)) {
		case 0:
			add(&t->b, "bad\xFF");		/* not UTF-8 */
			return;
		case 1:
			add(&t->b, "\xC3");
			return;
		case 2:
			add(&t->b, "ab\"c");		/* a stray quote */
			return;
		default:
			add(&t->b, "\"ab\"c");		/* text after a quote */
			return;
		}
	}
	if (t->tsv) {
		switch (rnd(6)) {
		case 0:
			add(&t->b, "tab\\there");
			return;
		case 1:
			add(&t->b, "two\\nlines\\\\");
			return;
		case 2:
			add(&t->b, "say \"hi");		/* no quoting in TSV */
			return;
		default:
			add(&t->b, words[rnd(9)]);
			return;
		}
	}
	switch (rnd(8)) {
	case 0:
		add(&t->b, "\"one");
		add(&t->b, q);
		add(&t->b, " two\"");
		return;
	case 1:
		add(&t->b, "\"say \"\"hi\"\"\"");
		return;
	case 2:
		add(&t->b, "\"first");
		add(&t->b, eols[rnd(3)]);
		add(&t->b, rnd(2) ? "second\"" : "\"\"\"");
		return;
	case 3:
		add(&t->b, "\"\"\"\"");
		return;
	case 4:
		add(&t->b, "\"");
		add(&t->b, eols[rnd(3)]);
		add(&t->b, "\"");
		return;
	default:
		add(&t->b, words[rnd(9)]);
		return;
	}
}

static void
make_table(struct table *t, long rows)
{
	static const char *const cols[] = { "id", "date", "client",
	    "agreement", "channel", "outcome", "amount", "mood", "next",
	    "note" };
	char d[2];
	long i;
	int k, n, extra = rnd(3) == 0, quoted = !t->tsv && rnd(3) == 0;

	d[0] = t->delim;
	d[1] = '\0';
	t->b.len = 0;
	if (rnd(4) == 0)
		add(&t->b, "\xEF\xBB\xBF");
	if (rnd(5) == 0)
		add(&t->b, t->eol);		/* a blank line first */
	n = 10 + extra;
	for (k = 0; k < n; k++) {
		if (k > 0)
			add(&t->b, d);
		if (quoted)
			add(&t->b, "\"");
		add(&t->b, k == 10 ? "extra" : cols[k]);
		if (quoted)
			add(&t->b, "\"");
	}
	add(&t->b, t->eol);
	for (i = 0; i < rows; i++) {
		int bad = t->bad > 0 && rnd((unsigned)rows) < (unsigned)t->bad;
		int nf = n;

		if (bad && rnd(3) == 0)
			nf += rnd(2) ? 1 : -1;		/* a field too many or few */
		for (k = 0; k < nf; k++) {
			if (k > 0)
				add(&t->b, d);
			field(t, bad);
		}
		if (rnd(40) == 0)		/* a line end of another kind */
			add(&t->b, eols[rnd(3)]);
		else if (i + 1 < rows || rnd(2))
			add(&t->b, t->eol);
		if (rnd(15) == 0)
			add(&t->b, t->eol);	/* a blank line */
	}
	if (t->bad > 0 && rnd(8) == 0)
		add(&t->b, t->tsv ? "\xFF" : "\"never closed");
	if (t->bad > 0 && rnd(25) == 0) {
		/* A field longer than fu takes, somewhere near the end. */
		size_t at = t->b.len - rnd((unsigned)(t->b.len < 200 ?
		    t->b.len : 200));

		assert_int_equal(fu_buf_reserve(&t->b, 70000), 0);
		memmove(t->b.p + at + 70000, t->b.p + at, t->b.len - at);
		memset(t->b.p + at, 'x', 70000);
		t->b.len += 70000;
	}
	if (t->bad > 0 && rnd(30) == 0)
		t->b.p[rnd((unsigned)t->b.len)] = '\0';	/* a NUL byte */
}

/* What a read gave: each row's line and fields, then the error. */
struct got {
	struct fu_buf rows;
	struct fu_buf hinted;	/* the rows shown to the hint, as rows */
	long nrows, nhinted, refuse_at;
	int early;		/* every row hinted before it was taken */
	int rc;
	struct fu_err e;
	long end_line;
	int has_header;
	uint64_t digest;
};

static void
put_row(struct fu_buf *b, const struct fu_row *r)
{
	char line[32];
	int k;

	snprintf(line, sizeof(line), "%ld:", r->line);
	add(b, line);
	for (k = 0; k < fu_ncolumns[FU_LOG]; k++) {
		assert_int_equal(strlen(r->f[k]), r->len[k]);
		assert_int_equal(fu_buf_add(b, r->f[k], r->len[k] + 1), 0);
	}
	add(b, "\n");
}

static void
hint(void *ctx, const struct fu_row *r)
{
	struct got *g = ctx;

	put_row(&g->hinted, r);
	g->nhinted++;
}

static int
record(void *ctx, const struct fu_row *r, struct fu_err *e)
{
	struct got *g = ctx;

	put_row(&g->rows, r);
	if (g->nhinted <= g->nrows)
		g->early = 0;
	if (++g->nrows == g->refuse_at)
		return fu_err_data(e, "log.csv", r->line, "refused");
	return 0;
}

/* Reads dir's log table as mode says: 0 one parser, 1 in parts, 2 the
 * pipe. */
static void
read_as(int mode, int threads, long part, long start, long start_line,
    struct got *g)
{
	struct fu_portfolio pf;
	struct fu_table_file *tf = &pf.t[FU_LOG];
	char n[16];

	g->rows.len = 0;
	g->nrows = 0;
	g->hinted.len = 0;
	g->nhinted = 0;
	g->early = 1;
	memset(&g->e, 0, sizeof(g->e));
	snprintf(n, sizeof(n), "%d", mode == 1 ? threads : 1);
	util_env("FU_THREADS", n);
	util_env("FU_PIPE_MIN", mode == 0 ? "999999999999" : "0");
	fu_scan_part = part;
	assert_int_equal(fu_portfolio_open(&pf, dir, &g->e), 0);
	assert_true(tf->exists);
	assert_non_null(tf->digest = fu_digest_new());
	if (start < tf->snap) {
		tf->start = start;
		tf->start_line = start_line;
	}
	g->rc = mode == 0 ? fu_table_scan(&pf, FU_LOG, record, g, &g->e) :
	    fu_table_scan_ahead(&pf, FU_LOG, record, hint, g, &g->e);
	g->end_line = tf->end_line;
	g->has_header = tf->has_header;
	g->digest = fu_digest_value(tf->digest);
	fu_digest_free(tf->digest);
}

static void
same(const struct got *a, const struct got *b, int round, const char *how)
{
	size_t i;

	if (a->rows.len != b->rows.len || memcmp(a->rows.p, b->rows.p,
	    a->rows.len) != 0) {
		for (i = 0; i < a->rows.len && i < b->rows.len &&
		    a->rows.p[i] == b->rows.p[i]; i++)
			;
		fail_msg("round %d, %s: rows differ at byte %zu (%zu and %zu "
		    "bytes, %ld and %ld rows)", round, how, i, a->rows.len,
		    b->rows.len, a->nrows, b->nrows);
	}
	if (a->rc != b->rc)
		fail_msg("round %d, %s: rc %d and %d (%s:%ld: %s / %s:%ld: %s)",
		    round, how, a->rc, b->rc, a->e.file, a->e.line, a->e.text,
		    b->e.file, b->e.line, b->e.text);
	if (a->rc == -1 && (a->e.code != b->e.code || a->e.line != b->e.line ||
	    strcmp(a->e.file, b->e.file) != 0 || strcmp(a->e.text,
	    b->e.text) != 0))
		fail_msg("round %d, %s: errors %d %s:%ld: %s and %d %s:%ld: %s",
		    round, how, a->e.code, a->e.file, a->e.line, a->e.text,
		    b->e.code, b->e.file, b->e.line, b->e.text);
	if (a->rc == 0 && (a->end_line != b->end_line || a->has_header !=
	    b->has_header || a->digest != b->digest))
		fail_msg("round %d, %s: end line %ld and %ld, header %d and %d, "
		    "digest %s", round, how, a->end_line, b->end_line,
		    a->has_header, b->has_header, a->digest == b->digest ?
		    "same" : "differs");
}

static void
hinted_as_taken(const struct got *g, int round, const char *how)
{
	if (!g->early)
		fail_msg("round %d, %s: a row taken before it was hinted",
		    round, how);
	if (g->hinted.len < g->rows.len || memcmp(g->hinted.p, g->rows.p,
	    g->rows.len) != 0 || (g->rc == 0 && g->hinted.len !=
	    g->rows.len))
		fail_msg("round %d, %s: the rows hinted (%ld) are not those "
		    "taken (%ld)", round, how, g->nhinted, g->nrows);
}

static void
test_parts_read_as_one_parser_reads(void **state)
{
	struct table t = { 0 };
	struct got one = { 0 }, parts = { 0 }, pipe = { 0 };
	char how[96];
	long rows, start, start_line, part;
	int round, threads, errors = 0, refused = 0;
	long hints = 0;

	(void)state;
	for (round = 0; round < ROUNDS; round++) {
		t.tsv = rnd(5) == 0;
		t.delim = t.tsv ? '\t' : rnd(4) == 0 ? ';' : ',';
		t.eol = eols[rnd(3)];
		t.bad = rnd(3) == 0 ? 0 : (int)rnd(4);
		rows = 1 + rnd(rnd(4) == 0 ? 3000 : 300);
		make_table(&t, rows);
		unlink(path_of(t.tsv ? "log.csv" : "log.tsv"));
		put(t.tsv ? "log.tsv" : "log.csv", t.b.p, t.b.len);
		/* Now and then from where a saved state stopped. */
		start = rnd(6) == 0 ? 1 + (long)rnd((unsigned)t.b.len) : 0;
		start_line = 1 + rnd(1000);
		one.refuse_at = parts.refuse_at = pipe.refuse_at = rnd(4) == 0 ?
		    1 + rnd((unsigned)rows) : 0;
		threads = 2 + (int)rnd(4);
		part = 1 + rnd(rnd(2) ? 64 : 4096);
		read_as(0, 1, part, start, start_line, &one);
		read_as(1, threads, part, start, start_line, &parts);
		read_as(2, 1, part, start, start_line, &pipe);
		snprintf(how, sizeof(how), "%d threads, parts of %ld bytes, "
		    "start %ld", threads, part, start);
		same(&one, &parts, round, how);
		same(&one, &pipe, round, "the pipe");
		/* The hint is shown each row before it is taken, as it is
		 * taken (the rows after a refusal or an error may be shown
		 * or not). */
		hinted_as_taken(&parts, round, how);
		hinted_as_taken(&pipe, round, "the pipe");
		hints += parts.nhinted + pipe.nhinted;
		errors += one.rc == -1;
		refused += one.rc == -1 && strcmp(one.e.text, "refused") == 0;
	}
	fu_scan_part = 0;
	/* The rounds reach both sides: tables read whole and refused. */
	assert_true(errors > ROUNDS / 10 && errors < ROUNDS * 9 / 10);
	assert_true(refused > 0);
	assert_true(hints > 0);
	fu_buf_free(&t.b);
	fu_buf_free(&parts.hinted);
	fu_buf_free(&pipe.hinted);
	fu_buf_free(&one.rows);
	fu_buf_free(&parts.rows);
	fu_buf_free(&pipe.rows);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    test_pipe_hands_over_every_row_in_order, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_pipe_stops_where_the_caller_refuses, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_pipe_tells_a_malformed_row_after_the_rows_before_it,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_parts_read_as_one_parser_reads, setup, teardown),
	};

	return cmocka_run_group_tests_name("pipe", tests, NULL, NULL);
}
