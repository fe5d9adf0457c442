/*
 * test_utf8.c - utf8.c: validation, display width, fitting, accent
 * folding, and the checks on text from the command line.
 *
 * Tests marked "Was a bug" failed before their fix; they run as a second
 * group, "utf8 regressions".
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "util.h"

struct bytes {
	const char *s;
	size_t n;
};
#define B(lit) { lit, sizeof(lit) - 1 }

static void
test_utf8_valid_accepts_valid_text(void **state)
{
	static const struct bytes ok[] = {
		B(""), B("abc"), B("López"), B("José Peña"), B("Straße"),
		B("日本語"), B("한국"), B("e\xCC\x81"),
		B("\xF0\x9F\x98\x80"),		/* U+1F600 */
		B("\x7F"), B("a\0b"),		/* ASCII, NUL included */
		B("\xC2\x80"),			/* U+0080, smallest 2-byte */
		B("\xDF\xBF"),			/* U+07FF */
		B("\xE0\xA0\x80"),		/* U+0800, smallest 3-byte */
		B("\xED\x9F\xBF"),		/* U+D7FF, before surrogates */
		B("\xEE\x80\x80"),		/* U+E000, after them */
		B("\xEF\xBF\xBF"),		/* U+FFFF */
		B("\xF0\x90\x80\x80"),		/* U+10000, smallest 4-byte */
		B("\xF4\x8F\xBF\xBF"),		/* U+10FFFF, the last */
		B("\xEF\xBB\xBF" "id"),		/* a BOM is a character */
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		if (fu_utf8_valid(ok[i].s, ok[i].n) != 1)
			fail_msg("valid text %zu refused", i);
}

static void
test_utf8_valid_refuses_overlong_encodings(void **state)
{
	static const struct bytes bad[] = {
		B("\xC0\x80"), B("\xC1\xBF"), B("\xC0\xAF"),
		B("\xE0\x80\x80"), B("\xE0\x9F\xBF"),
		B("\xF0\x80\x80\x80"), B("\xF0\x8F\xBF\xBF"),
		B("ab\xC0\x80" "cd"),
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (fu_utf8_valid(bad[i].s, bad[i].n) != 0)
			fail_msg("overlong %zu accepted", i);
}

static void
test_utf8_valid_refuses_surrogates(void **state)
{
	(void)state;
	assert_int_equal(fu_utf8_valid("\xED\xA0\x80", 3), 0);	/* D800 */
	assert_int_equal(fu_utf8_valid("\xED\xAF\xBF", 3), 0);	/* DBFF */
	assert_int_equal(fu_utf8_valid("\xED\xB0\x80", 3), 0);	/* DC00 */
	assert_int_equal(fu_utf8_valid("\xED\xBF\xBF", 3), 0);	/* DFFF */
	/* A CESU-8 pair for U+1F600. */
	assert_int_equal(fu_utf8_valid("\xED\xA0\xBD\xED\xB8\x80", 6), 0);
}

static void
test_utf8_valid_refuses_truncated_sequences(void **state)
{
	static const struct bytes bad[] = {
		B("\xC3"), B("ab\xC3"), B("\xE6\x97"), B("\xF0\x9F\x98"),
		B("\xC3" "A"), B("\xE6" "ab"), B("\xE6\x97" "a"),
		B("\xF0\x9F\x98" "a"), B("\x80"), B("\xBF"), B("a\x80" "b"),
		B("\xC3\xB3\xB3"),		/* a stray continuation byte */
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (fu_utf8_valid(bad[i].s, bad[i].n) != 0)
			fail_msg("truncated %zu accepted", i);
	/* Cut by the length, not by a NUL. */
	assert_int_equal(fu_utf8_valid("日", 2), 0);
	assert_int_equal(fu_utf8_valid("日", 3), 1);
}

static void
test_utf8_valid_refuses_beyond_u10ffff_and_bad_bytes(void **state)
{
	static const struct bytes bad[] = {
		B("\xF4\x90\x80\x80"), B("\xF5\x80\x80\x80"),
		B("\xF7\xBF\xBF\xBF"), B("\xF8\x88\x80\x80\x80"),
		B("\xFC\x84\x80\x80\x80\x80"), B("\xFE"), B("\xFF"),
		B("L\xF3pez"),			/* Latin-1 "López" */
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (fu_utf8_valid(bad[i].s, bad[i].n) != 0)
			fail_msg("invalid %zu accepted", i);
}

static void
test_utf8_width_counts_columns_not_bytes(void **state)
{
	(void)state;
	assert_int_equal(fu_utf8_width("", 0), 0);
	assert_int_equal(fu_utf8_width("Ana", 3), 3);
	assert_int_equal(fu_utf8_width("López", strlen("López")), 5);
	assert_int_equal(fu_utf8_width("Peña", strlen("Peña")), 4);
	assert_int_equal(fu_utf8_width("Zoë", strlen("Zoë")), 3);
	assert_int_equal(fu_utf8_width("Straße", strlen("Straße")), 6);
}

static void
test_utf8_width_gives_combining_accents_no_column(void **state)
{
	(void)state;
	assert_int_equal(fu_utf8_width("e\xCC\x81", 3), 1);
	assert_int_equal(fu_utf8_width("Jose\xCC\x81 Pen\xCC\x83" "a",
	    strlen("Jose\xCC\x81 Pen\xCC\x83" "a")), 9);
}

static void
test_utf8_width_gives_wide_characters_two_columns(void **state)
{
	(void)state;
	assert_int_equal(fu_utf8_width("日本", strlen("日本")), 4);
	assert_int_equal(fu_utf8_width("日本語", strlen("日本語")), 6);
	assert_int_equal(fu_utf8_width("한국", strlen("한국")), 4);
	assert_int_equal(fu_utf8_width("ＡＢ", strlen("ＡＢ")), 4);
	assert_int_equal(fu_utf8_width("a日b", strlen("a日b")), 4);
	assert_int_equal(fu_utf8_width("\xF0\x9F\x98\x80", 4), 2);
}

static void
test_utf8_width_counts_invalid_bytes_one_column_each(void **state)
{
	(void)state;
	assert_int_equal(fu_utf8_width("\xFF", 1), 1);
	assert_int_equal(fu_utf8_width("L\xF3pez", 5), 5);
	assert_int_equal(fu_utf8_width("\xC0\x80", 2), 2);
}

static void
test_utf8_fit_never_splits_a_character(void **state)
{
	const char *lopez = "López", *cjk = "日本語";

	(void)state;
	assert_int_equal(fu_utf8_fit(lopez, strlen(lopez), 0), 0);
	assert_int_equal(fu_utf8_fit(lopez, strlen(lopez), 1), 1);
	assert_int_equal(fu_utf8_fit(lopez, strlen(lopez), 2), 3);	/* Ló */
	assert_int_equal(fu_utf8_fit(lopez, strlen(lopez), 5), 6);
	assert_int_equal(fu_utf8_fit(lopez, strlen(lopez), 80), 6);
	assert_int_equal(fu_utf8_fit(cjk, 9, 1), 0);
	assert_int_equal(fu_utf8_fit(cjk, 9, 2), 3);
	assert_int_equal(fu_utf8_fit(cjk, 9, 3), 3);
	assert_int_equal(fu_utf8_fit(cjk, 9, 4), 6);
	assert_int_equal(fu_utf8_fit(cjk, 9, 6), 9);
}

static void
test_utf8_fit_keeps_a_combining_accent_with_its_letter(void **state)
{
	(void)state;
	assert_int_equal(fu_utf8_fit("e\xCC\x81x", 4, 1), 3);
	assert_int_equal(fu_utf8_fit("e\xCC\x81x", 4, 2), 4);
}

/* Folds s and compares with want. */
static void
check_fold(const char *s, const char *want)
{
	char *f = fu_fold(s, strlen(s));

	assert_non_null(f);
	if (strcmp(f, want) != 0) {
		char got[256];

		strncpy(got, f, sizeof(got) - 1);
		got[sizeof(got) - 1] = '\0';
		free(f);
		fail_msg("fold \"%s\" gave \"%s\", want \"%s\"", s, got, want);
	}
	free(f);
}

static void
test_fold_drops_case_and_accents(void **state)
{
	(void)state;
	check_fold("López", "lopez");
	check_fold("Ana López", "ana lopez");
	check_fold("ÑÚÑEZ", "nunez");
	check_fold("José Peña", "jose pena");
	check_fold("María Fernández Ñúñez", "maria fernandez nunez");
	check_fold("ZOË", "zoe");
	check_fold("ÀÁÂÃÄÅ àáâãäå", "aaaaaa aaaaaa");
	check_fold("ÇÈÉÊËÌÍÎÏ", "ceeeeiiii");
	check_fold("ÒÓÔÕÖØÙÚÛÜÝ", "oooooouuuuy");
	check_fold("çèéêëìíîïðñòóôõöøùúûüýÿ", "ceeeeiiiidnoooooouuuuyy");
	check_fold("Łódź", "lodz");
	check_fold("Dvořák", "dvorak");
	check_fold("Šťastný Żółw", "stastny zolw");
	check_fold("İstanbul", "istanbul");
	check_fold("Ŵŷž", "wyz");
}

static void
test_fold_spells_out_ligatures(void **state)
{
	(void)state;
	check_fold("Straße", "strasse");
	check_fold("Œuvre", "oeuvre");
	check_fold("œuvre", "oeuvre");
	check_fold("Ærø", "aero");
	check_fold("Þór", "thor");
	check_fold("Ĳssel", "ijssel");
	check_fold("ßßßß", "ssssssss");
}

static void
test_fold_drops_decomposed_accents(void **state)
{
	(void)state;
	check_fold("Lo\xCC\x81pez", "lopez");
	check_fold("Pen\xCC\x83" "a", "pena");
	check_fold("N\xCC\x83U\xCC\x81N\xCC\x83" "EZ", "nunez");
	check_fold("e\xCC\x81\xCC\x81", "e");
}

static void
test_fold_keeps_what_it_cannot_fold(void **state)
{
	(void)state;
	check_fold("日本", "日本");
	check_fold("Ωmega", "Ωmega");
	check_fold("a\xFF" "b", "a\xFF" "b");
	check_fold("", "");
	check_fold("ACME 3M, S.A.", "acme 3m, s.a.");
}

static void
test_text_check_accepts_plain_text(void **state)
{
	struct fu_err e = { 0 };

	(void)state;
	assert_int_equal(fu_text_check("NAME", "Ana López", 0, &e), 0);
	assert_int_equal(fu_text_check("NAME", "日本", 0, &e), 0);
	assert_int_equal(fu_text_check("NAME", NULL, 0, &e), 0);
	assert_int_equal(fu_text_check("--note", "two\nlines\tand a tab", 1,
	    &e), 0);
	assert_int_equal(fu_text_check("--note", "", 1, &e), 0);
}

/* Checks that fu_text_check refuses s, naming what. */
static void
check_text_refused(const char *s, int multiline)
{
	struct fu_err e = { 0 };

	if (fu_text_check("--company", s, multiline, &e) != -1)
		fail_msg("text \"%s\" accepted (multiline %d)", s, multiline);
	assert_int_equal(e.code, FU_EXIT_USAGE);
	assert_non_null(strstr(e.text, "--company"));
}

static void
test_text_check_refuses_bad_text(void **state)
{
	(void)state;
	check_text_refused("L\xF3pez", 0);
	check_text_refused("L\xF3pez", 1);
	check_text_refused("\xED\xA0\x80", 0);
	check_text_refused("", 0);
	check_text_refused("two\nlines", 0);
	check_text_refused("a\ttab", 0);
	check_text_refused("a\rb", 0);
	check_text_refused("a\rb", 1);
	check_text_refused("bell\a", 1);
	check_text_refused("esc\x1B[31m", 1);
	check_text_refused("del\x7F", 0);
}

static void
test_tag_check_takes_one_word(void **state)
{
	struct fu_err e = { 0 };

	(void)state;
	assert_int_equal(fu_tag_check("retail", &e), 0);
	assert_int_equal(fu_tag_check("sala-de-espera", &e), 0);
	assert_int_equal(fu_tag_check("mañana", &e), 0);
	assert_int_equal(fu_tag_check("two words", &e), -1);
	assert_int_equal(e.code, FU_EXIT_USAGE);
	assert_non_null(strstr(e.text, "two words"));
	memset(&e, 0, sizeof(e));
	assert_int_equal(fu_tag_check("", &e), -1);
	assert_int_equal(e.code, FU_EXIT_USAGE);
	memset(&e, 0, sizeof(e));
	assert_int_equal(fu_tag_check("a\tb", &e), -1);
	assert_int_equal(e.code, FU_EXIT_USAGE);
	memset(&e, 0, sizeof(e));
	assert_int_equal(fu_tag_check("L\xF3pez", &e), -1);
	assert_int_equal(e.code, FU_EXIT_USAGE);
}

/* Was a bug: fu_text_check promises "no control characters" but lets the C1
 * controls U+0080..U+009F through: fu_text_check("NAME", "Ana\xC2\x85",
 * 0, &e) (U+0085, NEXT LINE) and "\xC2\x9B" "31m" (U+009B, the 8-bit CSI a
 * terminal may take as an escape) return 0; expected -1 with FU_EXIT_USAGE. */
static void
test_text_check_refuses_c1_control_characters(void **state)
{
	struct fu_err e = { 0 };

	(void)state;
	assert_int_equal(fu_text_check("NAME", "Ana\xC2\x85", 0, &e), -1);
	assert_int_equal(e.code, FU_EXIT_USAGE);
	memset(&e, 0, sizeof(e));
	assert_int_equal(fu_text_check("NAME", "\xC2\x9B" "31m", 1, &e), -1);
	assert_int_equal(e.code, FU_EXIT_USAGE);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_valid_accepts_valid_text),
		cmocka_unit_test(test_utf8_valid_refuses_overlong_encodings),
		cmocka_unit_test(test_utf8_valid_refuses_surrogates),
		cmocka_unit_test(test_utf8_valid_refuses_truncated_sequences),
		cmocka_unit_test(
		    test_utf8_valid_refuses_beyond_u10ffff_and_bad_bytes),
		cmocka_unit_test(test_utf8_width_counts_columns_not_bytes),
		cmocka_unit_test(
		    test_utf8_width_gives_combining_accents_no_column),
		cmocka_unit_test(
		    test_utf8_width_gives_wide_characters_two_columns),
		cmocka_unit_test(
		    test_utf8_width_counts_invalid_bytes_one_column_each),
		cmocka_unit_test(test_utf8_fit_never_splits_a_character),
		cmocka_unit_test(
		    test_utf8_fit_keeps_a_combining_accent_with_its_letter),
		cmocka_unit_test(test_fold_drops_case_and_accents),
		cmocka_unit_test(test_fold_spells_out_ligatures),
		cmocka_unit_test(test_fold_drops_decomposed_accents),
		cmocka_unit_test(test_fold_keeps_what_it_cannot_fold),
		cmocka_unit_test(test_text_check_accepts_plain_text),
		cmocka_unit_test(test_text_check_refuses_bad_text),
		cmocka_unit_test(test_tag_check_takes_one_word),
	};
	const struct CMUnitTest bugs[] = {
		cmocka_unit_test(test_text_check_refuses_c1_control_characters),
	};
	int rc;

	rc = cmocka_run_group_tests_name("utf8", tests, NULL, NULL);
	rc |= cmocka_run_group_tests_name("utf8 regressions", bugs,
	    NULL, NULL);
	return rc;
}
