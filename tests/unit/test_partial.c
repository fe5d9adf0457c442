/*
 * test_partial.c - partial.c: the reader of fu-stats --partial's lines,
 * and the merge of what it reads.
 *
 * The lines are written here by hand (every count 0 but those a test
 * sets), so that what the reader must take or refuse does not come from
 * the writer under test; one test then reads back what the writer wrote
 * for the sample portfolio, and finds the report it came from.
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

/* A line as --partial writes it: the head, every count in order (0, or
 * the value counts gives it, as "name":N,...), then the lists. */
static char *
line(const char *head, const char *counts, const char *lists)
{
	struct fu_buf b = { 0 };
	enum fu_raw of;
	const char *name;
	char item[64];
	size_t i;
	int money;

	fu_buf_str(&b, head);
	for (i = 0; (name = fu_report_count(i, &of, &money)) != NULL; i++) {
		const char *set;

		snprintf(item, sizeof(item), "\"%s\":", name);
		set = strstr(counts, item);
		if (set != NULL && (set == counts || set[-1] == ',')) {
			fu_buf_add(&b, ",", 1);
			fu_buf_add(&b, set, strcspn(set, ","));
		} else {
			fu_buf_str(&b, ",");
			fu_buf_str(&b, item);
			fu_buf_str(&b, "0");
		}
	}
	fu_buf_str(&b, lists);
	fu_buf_add(&b, "", 1);
	return b.p;
}

#define HEAD "{\"fu_partial\":1,\"from\":\"2026-10-01\",\"to\":\"2026-10-31\"," \
	"\"by\":\"\",\"key\":\"\",\"row\":1,\"rows\":1,\"portfolios\":1"
#define LISTS ",\"referrers\":[],\"channels\":[],\"one_channel_clients\":[]}"

/* Parses s; returns what fu_partial_parse did, with e filled. */
static int
parse(const char *s, struct fu_partial *p, struct fu_err *e)
{
	memset(e, 0, sizeof(*e));
	return fu_partial_parse(s, strlen(s), p, "t.jsonl", 7, e);
}

/* Expects s refused (exit 3, t.jsonl line 7) with the message want. */
static void
refused(const char *s, const char *want)
{
	struct fu_partial p;
	struct fu_err e;

	assert_int_equal(parse(s, &p, &e), -1);
	fu_partial_free(&p);
	assert_int_equal(e.code, FU_EXIT_DATA);
	assert_string_equal(e.file, "t.jsonl");
	assert_int_equal(e.line, 7);
	assert_string_equal(e.text, want);
}

static void
test_partial_reads_a_line_with_every_field(void **state)
{
	char *s = line("{\"fu_partial\":1,\"from\":\"2026-10-01\",\"to\":"
	    "\"2026-10-31\",\"by\":\"channel\",\"key\":\"Tel\\u00e9fono\","
	    "\"row\":2,\"rows\":3,\"portfolios\":12",
	    "\"sales\":3,\"sales_new\":1,\"sales_existing\":2,\"amount\":150050,"
	    "\"amount_existing\":150050,\"sales6_new\":4",
	    ",\"referrers\":[[\"Ana \\\"la\\\" L\\u00f3pez\",2],[\"\\ud83d"
	    "\\ude00\",1]],\"channels\":[[\"call\",13]],"
	    "\"one_channel_clients\":[[\"Bea\\tRuiz\",\"email\",2]]}");
	struct fu_partial p;
	struct fu_err e;

	(void)state;
	assert_int_equal(parse(s, &p, &e), 0);
	assert_int_equal(p.format, 1);
	assert_int_equal(p.from, d("2026-10-01"));
	assert_int_equal(p.to, d("2026-10-31"));
	assert_int_equal(p.by, FU_BY_CHANNEL);
	assert_string_equal(p.key, "Tel\xc3\xa9" "fono");
	assert_int_equal(p.row, 2);
	assert_int_equal(p.rows, 3);
	assert_int_equal(p.portfolios, 12);
	assert_int_equal(p.n[FU_R_SALES], 3);
	assert_int_equal(p.n[FU_R_SALES_NEW], 1);
	assert_int_equal(p.n[FU_R_AMOUNT], 150050);
	/* The six months' sums, which are no field, are made. */
	assert_int_equal(p.n[FU_R_SALES6], 4);
	assert_int_equal(p.nref, 2);
	assert_string_equal(p.ref[0].name, "Ana \"la\" L\xc3\xb3pez");
	assert_int_equal(p.ref[0].n, 2);
	assert_string_equal(p.ref[1].name, "\xf0\x9f\x98\x80");
	assert_int_equal(p.nchan, 1);
	assert_string_equal(p.chan[0].name, "call");
	assert_int_equal(p.chan[0].n, 13);
	assert_int_equal(p.none, 1);
	assert_string_equal(p.one[0].name, "Bea\tRuiz");
	assert_string_equal(p.one[0].chan, "email");
	assert_int_equal(p.one[0].n, 2);
	fu_partial_free(&p);
	free(s);
}

static void
test_partial_takes_blanks_and_a_carriage_return(void **state)
{
	char *s = line(HEAD, "", LISTS), *t;
	struct fu_buf b = { 0 };
	struct fu_partial p;
	struct fu_err e;
	const char *c;

	(void)state;
	/* A blank after each "," and ":", and a CR at the end. */
	for (c = s; *c != '\0'; c++) {
		fu_buf_add(&b, c, 1);
		if (*c == ',' || *c == ':')
			fu_buf_add(&b, " \t", 2);
	}
	fu_buf_add(&b, "\r", 2);
	t = b.p;
	assert_int_equal(parse(t, &p, &e), 0);
	assert_int_equal(p.rows, 1);
	fu_partial_free(&p);
	free(s);
	free(t);
}

static void
test_partial_refuses_another_format_before_anything_else(void **state)
{
	(void)state;
	refused("{\"fu_partial\":2,\"what\":[{}]}", "a partial of format 2, "
	    "where this fu-stats reads format 1: merge with the fu-stats that "
	    "made it");
	refused("{\"from\":\"2026-10-01\"}", "this is not a partial of "
	    "fu-stats --partial: it does not start with {\"fu_partial\":");
	refused("[1]", "this is not a partial of fu-stats --partial: it is "
	    "garbled at column 1");
	refused("", "this is not a partial of fu-stats --partial: it is "
	    "garbled at column 1");
}

static void
test_partial_refuses_fields_unknown_twice_or_missing(void **state)
{
	char *s;

	(void)state;
	s = line(HEAD ",\"retention\":90", "", LISTS);
	refused(s, "this is not a partial of fu-stats --partial: it has a "
	    "field \"retention\"");
	free(s);
	s = line(HEAD ",\"row\":1", "", LISTS);
	refused(s, "\"row\" is given twice");
	free(s);
	s = line(HEAD, "", ",\"referrers\":[],\"channels\":[]}");
	refused(s, "\"one_channel_clients\" is missing");
	free(s);
	refused("{\"fu_partial\":1}", "\"from\" is missing");
}

static void
test_partial_refuses_values_that_are_not_what_was_written(void **state)
{
	/* A column is that of mark in the line, plus off; why has %zu for
	 * it. */
	static const struct {
		const char *head, *counts, *lists, *mark;
		size_t off;
		const char *why;
	} v[] = {
		{ HEAD, "\"kept\":-1", LISTS, "\"kept\":", 8, "this is not a "
		    "partial of fu-stats --partial: it is garbled at column %zu" },
		{ HEAD, "\"kept\":01", LISTS, "\"kept\":", 8, "this is not a "
		    "partial of fu-stats --partial: it is garbled at column %zu" },
		{ HEAD, "\"kept\":1.5", LISTS, "\"kept\":", 9, "this is not a "
		    "partial of fu-stats --partial: it is garbled at column %zu" },
		{ HEAD, "\"kept\":9223372036854775807", LISTS, NULL, 0,
		    "\"kept_mine\" is 0, where the other counts make it "
		    "9223372036854775807: the line is not as fu-stats --partial "
		    "wrote it" },
		{ HEAD, "\"kept\":9223372036854775808", LISTS, "\"kept\":", 26,
		    "a count is larger than fu can count, at column %zu" },
		{ HEAD, "", ",\"referrers\":[[\"Ana\"]],\"channels\":[],"
		    "\"one_channel_clients\":[]}", "\"Ana\"]", 6, "this is not a "
		    "partial of fu-stats --partial: it is garbled at column %zu" },
		{ HEAD, "", LISTS " {}", "} {}", 3, "this is not a partial of "
		    "fu-stats --partial: it is garbled at column %zu" },
		{ "{\"fu_partial\":1,\"from\":\"2026-02-30\"", "", LISTS, NULL, 0,
		    "\"from\": \"2026-02-30\" is not a date (YYYY-MM-DD)" },
		{ "{\"fu_partial\":1,\"from\":\"2026-11-01\",\"to\":\"2026-10-31\","
		    "\"by\":\"\",\"key\":\"\",\"row\":1,\"rows\":1,\"portfolios\":1",
		    "", LISTS, NULL, 0, "the period ends before it starts" },
		{ "{\"fu_partial\":1,\"by\":\"week\"", "", LISTS, NULL, 0,
		    "\"by\": \"week\" is not month, channel, stage or \"\"" },
		{ "{\"fu_partial\":1,\"from\":\"2026-10-01\",\"to\":\"2026-10-31\","
		    "\"by\":\"\",\"key\":\"\",\"row\":2,\"rows\":1,\"portfolios\":1",
		    "", LISTS, NULL, 0, "row 2 of 1 is not a row" },
		{ "{\"fu_partial\":1,\"from\":\"2026-10-01\",\"to\":\"2026-10-31\","
		    "\"by\":\"\",\"key\":\"\",\"row\":1,\"rows\":1,\"portfolios\":0",
		    "", LISTS, NULL, 0, "\"portfolios\" is 0: a partial is of 1 "
		    "portfolio or more" },
		{ "{\"fu_partial\":1,\"from\":\"2026-10-01\",\"to\":\"2026-10-31\","
		    "\"by\":\"\",\"key\":\"\",\"row\":0,\"rows\":0,\"portfolios\":1",
		    "\"contacts\":1", LISTS, NULL, 0, "a partial of no row has "
		    "counts: the line is not as fu-stats --partial wrote it" },
		/* Counts that follow from others must be what they make. */
		{ HEAD, "\"sales\":3,\"sales_new\":1,\"sales_existing\":1", LISTS,
		    NULL, 0, "\"sales_existing\" is 1, where the other counts "
		    "make it 2: the line is not as fu-stats --partial wrote it" },
		{ HEAD, "\"kept\":3,\"kept_theirs\":1", LISTS, NULL, 0,
		    "\"kept_mine\" is 0, where the other counts make it 2: the "
		    "line is not as fu-stats --partial wrote it" },
	};
	char why[256], *s;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		s = line(v[i].head, v[i].counts, v[i].lists);
		if (v[i].mark != NULL) {
			assert_non_null(strstr(s, v[i].mark));
			snprintf(why, sizeof(why), v[i].why,
			    (size_t)(strstr(s, v[i].mark) - s) + v[i].off);
		} else
			snprintf(why, sizeof(why), "%s", v[i].why);
		refused(s, why);
		free(s);
	}
}

static void
test_partial_refuses_strings_that_are_not_text(void **state)
{
	static const char *const key[] = {
		"\"a\\u0000b\"",		/* NUL */
		"\"\\ud83d\"",			/* a lone high surrogate */
		"\"\\ude00x\"",			/* a lone low one */
		"\"\\ud83d\\u0041\"",		/* a high one, then no low */
		"\"\\x41\"",			/* no such escape */
		"\"\\u12G4\"",			/* not hex */
		"\"\xc3\x28\"",			/* not UTF-8 */
		"\"tab\there\"",		/* a control character */
		"\"open",			/* never closed */
	};
	char head[256], *s;
	size_t i;
	struct fu_partial p;
	struct fu_err e;

	(void)state;
	for (i = 0; i < sizeof(key) / sizeof(key[0]); i++) {
		snprintf(head, sizeof(head), "{\"fu_partial\":1,\"from\":"
		    "\"2026-10-01\",\"to\":\"2026-10-31\",\"by\":\"\",\"key\":%s",
		    key[i]);
		s = line(head, "", LISTS);
		assert_int_equal(parse(s, &p, &e), -1);
		fu_partial_free(&p);
		assert_int_equal(e.code, FU_EXIT_DATA);
		assert_non_null(strstr(e.text, "it is garbled at column"));
		free(s);
	}
}

/* Every prefix of a valid line, and every byte of it changed, is read or
 * refused, never more: no crash, no leak (under the sanitizers), and a
 * refusal always has a message. */
static void
test_partial_survives_every_cut_and_every_changed_byte(void **state)
{
	static const char bytes[] = { '\0', '"', '\\', ',', ':', '[', ']',
	    '{', '}', '0', '9', '-', ' ', '\x80', '\xff', 'u' };
	char *s = line(HEAD, "\"contacts\":3,\"mood_plus\":1", ",\"referrers\":"
	    "[[\"L\\u00f3pez\",2]],\"channels\":[[\"call\",3]],"
	    "\"one_channel_clients\":[[\"Ana\",\"call\",2]]}"), *t;
	size_t n = strlen(s), i, k;
	struct fu_partial p;
	struct fu_err e;
	int rc;

	(void)state;
	for (i = 0; i < n; i++) {
		memset(&e, 0, sizeof(e));
		assert_int_equal(fu_partial_parse(s, i, &p, "t", 1, &e), -1);
		fu_partial_free(&p);
		assert_true(e.text[0] != '\0');
	}
	assert_non_null(t = malloc(n));
	for (i = 0; i < n; i++)
		for (k = 0; k < sizeof(bytes); k++) {
			memcpy(t, s, n);
			t[i] = bytes[k];
			memset(&e, 0, sizeof(e));
			rc = fu_partial_parse(t, n, &p, "t", 1, &e);
			fu_partial_free(&p);
			assert_true(rc == 0 || (rc == -1 && e.text[0] != '\0' &&
			    (e.code == FU_EXIT_DATA || e.code == FU_EXIT_IO)));
		}
	free(t);
	free(s);
}

/* What the writer prints, the reader takes back: the sample portfolio's
 * partial, merged alone, is the report it came from, row by row. */
static void
test_partial_reads_back_what_the_writer_wrote(void **state)
{
	static const enum fu_report_by by[] = {
		FU_BY_NONE, FU_BY_MONTH, FU_BY_CHANNEL, FU_BY_STAGE
	};
	struct fu_report_spec q = { 0, 0, FU_BY_NONE, 0 };
	struct fu_report *r, *m;
	struct fu_portfolio pf;
	struct fu_partial p;
	struct fu_err e = { 0 };
	char *out, *s, *nl;
	const char *k1, *k2;
	size_t i, j, n;
	long line_no;

	(void)state;
	q.from = d("2026-06-01");
	q.to = d("2026-10-31");
	q.today = d("2026-11-23");
	for (i = 0; i < sizeof(by) / sizeof(by[0]); i++) {
		q.by = by[i];
		assert_non_null(r = fu_report_new(&q, &e));
		assert_int_equal(fu_portfolio_open(&pf, "examples/portfolio",
		    &e), 0);
		assert_int_equal(fu_report_add(r, &pf, &e), 0);
		catch_begin(STDOUT_FILENO, "partial");
		fu_report_print_partial(r);
		fflush(stdout);
		out = catch_end(STDOUT_FILENO, "partial");
		assert_non_null(m = fu_report_new(&q, &e));
		for (s = out, line_no = 1; *s != '\0'; s = nl + 1, line_no++) {
			assert_non_null(nl = strchr(s, '\n'));
			assert_int_equal(fu_partial_parse(s, (size_t)(nl - s),
			    &p, "partial", line_no, &e), 0);
			assert_int_equal(fu_report_add_partial(m, &p, "partial",
			    line_no, &e), 0);
			fu_partial_free(&p);
		}
		assert_int_equal(fu_report_sums(m, &e), 0);
		assert_int_equal(m->nportfolios, 1);
		assert_int_equal(n = fu_report_rows(m), fu_report_rows(r));
		for (j = 0; j < n; j++) {
			const struct fu_figures *a = fu_report_row(r, j, &k1);
			char key[256];

			snprintf(key, sizeof(key), "%s", k1);
			assert_memory_equal(fu_report_row(m, j, &k2)->n, a->n,
			    sizeof(a->n));
			assert_string_equal(k2, key);
		}
		assert_int_equal(m->nref, r->nref);
		assert_int_equal(m->none, r->none);
		fu_report_free(r);
		fu_report_free(m);
		free(out);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_partial_reads_a_line_with_every_field),
		cmocka_unit_test(test_partial_takes_blanks_and_a_carriage_return),
		cmocka_unit_test(
		    test_partial_refuses_another_format_before_anything_else),
		cmocka_unit_test(
		    test_partial_refuses_fields_unknown_twice_or_missing),
		cmocka_unit_test(
		    test_partial_refuses_values_that_are_not_what_was_written),
		cmocka_unit_test(test_partial_refuses_strings_that_are_not_text),
		cmocka_unit_test(
		    test_partial_survives_every_cut_and_every_changed_byte),
		cmocka_unit_test(test_partial_reads_back_what_the_writer_wrote),
	};

	return cmocka_run_group_tests_name("partial", tests, util_setup,
	    util_teardown);
}
