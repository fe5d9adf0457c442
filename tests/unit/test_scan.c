/*
 * test_scan.c - scan.c: a table read on two threads hands over the rows
 * and the errors a read on one thread would, in the same order, across
 * many batches.
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
	};

	return cmocka_run_group_tests_name("pipe", tests, NULL, NULL);
}
