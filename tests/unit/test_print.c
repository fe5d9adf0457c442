/*
 * test_print.c - print.c: the one printer, for people and for scripts.
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

static const struct fu_field fields[] = {
	{ "client", "CLIENT", FU_F_CUT },
	{ "late", "LATE", FU_F_NUM },
	{ "what", "WHAT", FU_F_CUT },
	{ "hidden", "HIDDEN", FU_F_NOTEXT },
};

static char out[4096];
static int saved = -1;
static FILE *cap;

/* Sends stdout to a temporary file until captured() reads it back. */
static void
capture(void)
{
	fflush(stdout);
	saved = dup(STDOUT_FILENO);
	assert_non_null(cap = tmpfile());
	dup2(fileno(cap), STDOUT_FILENO);
}

static const char *
captured(void)
{
	size_t n;

	fflush(stdout);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	rewind(cap);
	n = fread(out, 1, sizeof(out) - 1, cap);
	out[n] = '\0';
	fclose(cap);
	return out;
}

static void
print(enum fu_fmt fmt, const char *tmpl, int width, const char *const rows[][4],
    int n)
{
	struct fu_out o;
	struct fu_err e = { 0 };
	int i;

	capture();
	assert_int_equal(fu_out_init(&o, fmt, tmpl, fields, 4, &e), 0);
	o.width = width;
	for (i = 0; i < n; i++)
		assert_int_equal(fu_out_row(&o, rows[i], &e), 0);
	assert_int_equal(fu_out_end(&o, &e), 0);
	captured();
}

static const char *const rows[][4] = {
	{ "Ana López", "3", "Send the quote", "x" },
	{ "José Peña", "-12", "Llamar a José, \"urgente\"", "y" },
	{ "Zoë", "0", "tab\there\nand a line", "" },
};

static void
test_print_text_aligns_by_display_width(void **state)
{
	(void)state;
	print(FU_FMT_TEXT, NULL, 0, rows, 3);
	assert_string_equal(out,
	    "CLIENT     LATE  WHAT\n"
	    "Ana López     3  Send the quote\n"
	    "José Peña   -12  Llamar a José, \"urgente\"\n"
	    "Zoë           0  tab here and a line\n");
}

static void
test_print_text_cuts_with_an_ellipsis_only_to_fit_a_terminal(void **state)
{
	(void)state;
	print(FU_FMT_TEXT, NULL, 30, rows, 3);
	assert_string_equal(out,
	    "CLIENT     LATE  WHAT\n"
	    "Ana López     3  Send the quo…\n"
	    "José Peña   -12  Llamar a Jos…\n"
	    "Zoë           0  tab here and…\n");
}

static void
test_print_text_prints_nothing_without_rows(void **state)
{
	(void)state;
	print(FU_FMT_TEXT, NULL, 0, rows, 0);
	assert_string_equal(out, "");
}

static void
test_print_tsv_escapes_and_keeps_every_field(void **state)
{
	(void)state;
	print(FU_FMT_TSV, NULL, 0, rows, 3);
	assert_string_equal(out,
	    "client\tlate\twhat\thidden\n"
	    "Ana López\t3\tSend the quote\tx\n"
	    "José Peña\t-12\tLlamar a José, \"urgente\"\ty\n"
	    "Zoë\t0\ttab\\there\\nand a line\t\n");
}

static void
test_print_csv_quotes_what_needs_it(void **state)
{
	(void)state;
	print(FU_FMT_CSV, NULL, 0, rows, 2);
	assert_string_equal(out,
	    "client,late,what,hidden\n"
	    "Ana López,3,Send the quote,x\n"
	    "José Peña,-12,\"Llamar a José, \"\"urgente\"\"\",y\n");
}

static void
test_print_json_lines_escape_and_numbers(void **state)
{
	static const char *const empty[][4] = { { "A\\B", "", "\x01", "" } };

	(void)state;
	print(FU_FMT_JSON, NULL, 0, rows, 3);
	assert_string_equal(out,
	    "{\"client\":\"Ana López\",\"late\":3,\"what\":\"Send the quote\",\"hidden\":\"x\"}\n"
	    "{\"client\":\"José Peña\",\"late\":-12,\"what\":\"Llamar a José, \\\"urgente\\\"\",\"hidden\":\"y\"}\n"
	    "{\"client\":\"Zoë\",\"late\":0,\"what\":\"tab\\there\\nand a line\",\"hidden\":\"\"}\n");
	print(FU_FMT_JSON, NULL, 0, empty, 1);
	assert_string_equal(out, "{\"client\":\"A\\\\B\",\"late\":null,"
	    "\"what\":\"\\u0001\",\"hidden\":\"\"}\n");
}

static void
test_print_template_fields_and_escapes(void **state)
{
	(void)state;
	print(FU_FMT_TEMPLATE, "{late}\\t{client}: {what} %n $(x) \\{x\\}", 0,
	    rows, 1);
	assert_string_equal(out, "3\tAna López: Send the quote %n $(x) {x}\n");
}

static void
test_print_template_refuses_unknown_fields_naming_the_known(void **state)
{
	struct fu_out o;
	struct fu_err e = { 0 };

	(void)state;
	assert_int_equal(fu_out_init(&o, FU_FMT_TEMPLATE, "{due} {../etc}",
	    fields, 4, &e), -1);
	assert_int_equal(e.code, FU_EXIT_USAGE);
	assert_string_equal(e.text, "--format: unknown field \"due\"; the "
	    "fields are: client late what hidden");
	fu_out_end(&o, &e);
	assert_int_equal(fu_out_init(&o, FU_FMT_TEMPLATE, "{client", fields, 4,
	    &e), -1);
	fu_out_end(&o, &e);
}

/* Prints rows in tones, coloured or not. */
static void
print_toned(enum fu_fmt fmt, int color, const enum fu_tone *tone)
{
	struct fu_out o;
	struct fu_err e = { 0 };
	int i;

	capture();
	assert_int_equal(fu_out_init(&o, fmt, NULL, fields, 4, &e), 0);
	o.color = color;
	for (i = 0; i < 3; i++)
		assert_int_equal(fu_out_row_tone(&o, rows[i], tone[i], &e), 0);
	assert_int_equal(fu_out_end(&o, &e), 0);
	captured();
}

static const enum fu_tone tones[] = {
	FU_TONE_LATE, FU_TONE_PLAIN, FU_TONE_TODAY
};

static void
test_print_tones_colour_whole_lines_and_keep_the_columns(void **state)
{
	(void)state;
	print_toned(FU_FMT_TEXT, 1, tones);
	/* The escapes go around the line, the trailing blanks trimmed
	 * inside them: without them, the table of the first test. */
	assert_string_equal(out,
	    "CLIENT     LATE  WHAT\n"
	    "\033[1;31mAna López     3  Send the quote\033[0m\n"
	    "José Peña   -12  Llamar a José, \"urgente\"\n"
	    "\033[1mZoë           0  tab here and a line\033[0m\n");
}

static void
test_print_tones_are_nothing_without_colour(void **state)
{
	(void)state;
	print_toned(FU_FMT_TEXT, 0, tones);
	assert_string_equal(out,
	    "CLIENT     LATE  WHAT\n"
	    "Ana López     3  Send the quote\n"
	    "José Peña   -12  Llamar a José, \"urgente\"\n"
	    "Zoë           0  tab here and a line\n");
}

static void
test_print_tones_never_reach_a_machine_format(void **state)
{
	static const enum fu_fmt fmt[] = {
		FU_FMT_TSV, FU_FMT_CSV, FU_FMT_JSON
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(fmt) / sizeof(fmt[0]); i++) {
		print_toned(fmt[i], 1, tones);
		assert_non_null(strstr(out, "Ana López"));
		assert_null(strchr(out, '\033'));
	}
}

static void
test_print_colour_is_never_asked_in_a_machine_format(void **state)
{
	struct fu_cli cli = { 0 };

	(void)state;
	cli.color = FU_COLOR_ALWAYS;
	assert_int_equal(fu_out_color(&cli), 1);
	cli.fmt = FU_FMT_JSON;
	assert_int_equal(fu_out_color(&cli), 0);
	cli.fmt = FU_FMT_TEXT;
	cli.color = FU_COLOR_NEVER;
	assert_int_equal(fu_out_color(&cli), 0);
	assert_string_equal(fu_tone_on(1, FU_TONE_TODAY), "\033[1m");
	assert_string_equal(fu_tone_off(1, FU_TONE_TODAY), "\033[0m");
	assert_string_equal(fu_tone_on(0, FU_TONE_TODAY), "");
	assert_string_equal(fu_tone_off(1, FU_TONE_PLAIN), "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_print_text_aligns_by_display_width),
		cmocka_unit_test(test_print_text_cuts_with_an_ellipsis_only_to_fit_a_terminal),
		cmocka_unit_test(test_print_text_prints_nothing_without_rows),
		cmocka_unit_test(test_print_tsv_escapes_and_keeps_every_field),
		cmocka_unit_test(test_print_csv_quotes_what_needs_it),
		cmocka_unit_test(test_print_json_lines_escape_and_numbers),
		cmocka_unit_test(test_print_template_fields_and_escapes),
		cmocka_unit_test(test_print_template_refuses_unknown_fields_naming_the_known),
		cmocka_unit_test(test_print_tones_colour_whole_lines_and_keep_the_columns),
		cmocka_unit_test(test_print_tones_are_nothing_without_colour),
		cmocka_unit_test(test_print_tones_never_reach_a_machine_format),
		cmocka_unit_test(test_print_colour_is_never_asked_in_a_machine_format),
	};

	return cmocka_run_group_tests_name("print", tests, NULL, NULL);
}
