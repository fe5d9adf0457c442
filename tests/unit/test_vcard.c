/*
 * test_vcard.c - vcard.c: the reader, strict about syntax and fuzz-safe,
 * and the writer, whose cards it reads back.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "priv.h"

struct got {
	struct fu_vcard v[8];
	int n;
};

static int
keep(void *ctx, const struct fu_vcard *c, struct fu_err *e)
{
	struct got *g = ctx;

	(void)e;
	if (g->n < 8)
		g->v[g->n] = *c;
	g->n++;
	return 0;
}

/* Reads s; returns what fu_vcard_read did. */
static int
readv(const char *s, struct got *g, struct fu_arena **a, struct fu_err *e)
{
	memset(g, 0, sizeof(*g));
	memset(e, 0, sizeof(*e));
	return fu_vcard_read(s, strlen(s), "t.vcf", a, keep, g, e);
}

static void
test_vcard_reads_folded_lines_and_escapes(void **state)
{
	struct fu_arena *a = NULL;
	struct fu_err e;
	struct got g;

	(void)state;
	assert_int_equal(readv("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana L\r\n "
	    "\xc3\xb3pez\r\nNOTE:a\\, b\\; c\\nd\\\\e\r\nEND:VCARD\r\n", &g,
	    &a, &e), 0);
	assert_int_equal(g.n, 1);
	assert_string_equal(g.v[0].name, "Ana L\xc3\xb3pez");
	assert_string_equal(g.v[0].note, "a, b; c\nd\\e");
	assert_string_equal(g.v[0].why, "");
	fu_arena_free(a);
}

static void
test_vcard_reads_quoted_printable_with_a_soft_break_and_windows_1252(
    void **state)
{
	struct fu_arena *a = NULL;
	struct fu_err e;
	struct got g;

	(void)state;
	assert_int_equal(readv("BEGIN:VCARD\nVERSION:2.1\n"
	    "FN;ENCODING=QUOTED-PRINTABLE;CHARSET=Windows-1252:Jos=E9 =\n"
	    "Pe=F1a =80\nNOTE;QUOTED-PRINTABLE:uno=0D=0Ados\n"
	    "ORG;CHARSET=ISO-8859-1:Mu\xf1oz\nEND:VCARD\n", &g, &a, &e), 0);
	assert_string_equal(g.v[0].name, "Jos\xc3\xa9 Pe\xc3\xb1" "a \xe2\x82\xac");
	assert_string_equal(g.v[0].note, "uno\ndos");
	assert_string_equal(g.v[0].company, "Mu\xc3\xb1oz");
	fu_arena_free(a);
}

static void
test_vcard_takes_the_preferred_email_and_the_dates(void **state)
{
	struct fu_arena *a = NULL;
	struct fu_err e;
	struct got g;

	(void)state;
	assert_int_equal(readv("BEGIN:VCARD\nVERSION:3.0\nN:Mitchell;Sarah;;;\n"
	    "EMAIL;type=WORK:a@x\nitem1.EMAIL;type=INTERNET;type=pref:b@x\n"
	    "EMAIL:c@x\nBDAY;X-APPLE-OMIT-YEAR=1604:1604-04-03\n"
	    "item2.X-ABDATE:2015-09-12\nitem2.X-ABLabel:_$!<Anniversary>!$_\n"
	    "END:VCARD\nBEGIN:VCARD\nVERSION:4.0\nFN:R\n"
	    "EMAIL;PREF=1:p@x\nBDAY:--1202\nANNIVERSARY:20100301T120000Z\n"
	    "END:VCARD\n", &g, &a, &e), 0);
	assert_int_equal(g.n, 2);
	assert_string_equal(g.v[0].name, "Sarah Mitchell");
	assert_string_equal(g.v[0].email, "b@x");
	assert_string_equal(g.v[0].birthday, "04-03");
	assert_string_equal(g.v[0].anniversary, "2015-09-12");
	assert_string_equal(g.v[1].email, "p@x");
	assert_string_equal(g.v[1].birthday, "12-02");
	assert_string_equal(g.v[1].anniversary, "2010-03-01");
	fu_arena_free(a);
}

static void
test_vcard_refuses_a_card_and_says_why(void **state)
{
	struct fu_arena *a = NULL;
	struct fu_err e;
	struct got g;

	(void)state;
	assert_int_equal(readv("BEGIN:VCARD\nVERSION:3.0\nFN:A\n"
	    "BDAY:2026-02-30\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\n"
	    "EMAIL:x@y\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:\xe9\n"
	    "END:VCARD\n", &g, &a, &e), 0);
	assert_int_equal(g.n, 3);
	assert_non_null(strstr(g.v[0].why, "BDAY"));
	assert_int_equal(g.v[0].line, 1);
	assert_non_null(strstr(g.v[1].why, "no name"));
	assert_int_equal(g.v[1].line, 6);
	assert_non_null(strstr(g.v[2].why, "UTF-8"));
	fu_arena_free(a);
}

static void
test_vcard_stops_at_what_is_not_a_vcard(void **state)
{
	static const char *bad[] = {
		"hello\n",
		"BEGIN:VCARD\nFN:a\nno colon\nEND:VCARD\n",
		"BEGIN:VCARD\nFN:a\n",
		"END:VCARD\n",
		"BEGIN:VCARD\nBEGIN:VCARD\nEND:VCARD\n",
		"BEGIN:VCARD\n:x\nEND:VCARD\n",
	};
	static const long line[] = { 1, 3, 1, 1, 2, 2 };
	struct fu_arena *a = NULL;
	struct fu_err e;
	struct got g;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(readv(bad[i], &g, &a, &e), -1);
		assert_int_equal(e.code, FU_EXIT_DATA);
		assert_int_equal(e.line, line[i]);
	}
	fu_arena_free(a);
}

static void
test_vcard_reads_back_what_it_writes(void **state)
{
	struct fu_client c = { 0 };
	struct fu_buf b = { 0 };
	struct fu_arena *a = NULL;
	struct fu_err e;
	struct got g;
	char uid[46];

	(void)state;
	c.id = 7;
	c.name = "\xc3\x8d\xc3\xb1igo Zubizarreta";
	c.company = "Zubi; Hijos, S.L.";
	c.email = "i@z";
	c.phone = "+34 1";
	c.stage = "first call";
	c.tags = "vasco a,b";
	c.note = "una nota larga, con comas; y puntos y comas, y una l\xc3\xad"
	    "nea nueva\naqu\xc3\xad, para que se doble m\xc3\xa1s de una vez";
	c.since = 20000;
	c.birthday = (struct fu_mday){ 0, 2, 29 };
	c.anniversary = (struct fu_mday){ 2001, 6, 15 };
	c.consent = 1;
	assert_int_equal(fu_vcard_uid(1, "Ref", 100, uid), 0);
	assert_int_equal(fu_vcard_write(&b, &c, uid), 0);
	assert_int_equal(readv(b.p, &g, &a, &e), 0);
	assert_int_equal(g.n, 1);
	assert_string_equal(g.v[0].name, c.name);
	assert_string_equal(g.v[0].company, c.company);
	assert_string_equal(g.v[0].email, c.email);
	assert_string_equal(g.v[0].phone, c.phone);
	assert_string_equal(g.v[0].stage, c.stage);
	assert_string_equal(g.v[0].tags, "vasco a,b");
	assert_string_equal(g.v[0].note, c.note);
	assert_string_equal(g.v[0].birthday, "02-29");
	assert_string_equal(g.v[0].anniversary, "2001-06-15");
	assert_string_equal(g.v[0].referrer, uid);
	assert_int_equal(g.v[0].consent, 1);
	fu_buf_free(&b);
	fu_arena_free(a);
}

static void
test_vcard_uid_is_a_stable_uuid(void **state)
{
	char a[46], b[46];

	(void)state;
	assert_int_equal(fu_vcard_uid(3, "Ana", 20000, a), 0);
	assert_int_equal(fu_vcard_uid(3, "Ana", 20000, b), 0);
	assert_string_equal(a, b);
	assert_int_equal(strlen(a), 45);
	assert_int_equal(a[23], '8');
	assert_int_equal(fu_vcard_uid(3, "Ana", 20001, b), 0);
	assert_string_not_equal(a, b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vcard_reads_folded_lines_and_escapes),
		cmocka_unit_test(
    test_vcard_reads_quoted_printable_with_a_soft_break_and_windows_1252),
		cmocka_unit_test(
		    test_vcard_takes_the_preferred_email_and_the_dates),
		cmocka_unit_test(test_vcard_refuses_a_card_and_says_why),
		cmocka_unit_test(test_vcard_stops_at_what_is_not_a_vcard),
		cmocka_unit_test(test_vcard_reads_back_what_it_writes),
		cmocka_unit_test(test_vcard_uid_is_a_stable_uuid),
	};

	return cmocka_run_group_tests_name("vcard", tests, NULL, NULL);
}
