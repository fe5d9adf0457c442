/*
 * test_print.c - print.c: the one printer, for people and for scripts,
 * and the calendar (iCalendar content lines: escaped, folded, CR LF).
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

/* A cell of more bytes than a row keeps the size of (64 KiB) is measured
 * again when printed, and the cells after it are where they were. */
static void
test_print_text_measures_a_cell_of_64k_again(void **state)
{
	static char big[70001];
	const char *const huge[][4] = {
		{ big, "1", "w", "x" },
		{ "Ana", "22", "Send", "y" },
	};
	size_t i;

	(void)state;
	for (i = 0; i + 1 < sizeof(big); i += 2)
		memcpy(big + i, "\xC3\xA9", 2);	/* é, 35,000 columns */
	print(FU_FMT_TEXT, NULL, 30, huge, 2);
	assert_string_equal(out,
	    "CLIENT              LATE  WHAT\n"
	    "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
	    "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
	    "\xC3\xA9\xC3\xA9\xC3\xA9\xE2\x80\xA6     1  w\n"
	    "Ana                   22  Send\n");
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

/* One content line of a calendar, as fu_ics_line makes it. */
static const char *
ics(const char *name, const char *value, int text)
{
	static struct fu_buf b;

	b.len = 0;
	assert_int_equal(fu_ics_line(&b, name, value, text), 0);
	return b.p;
}

static void
test_ics_text_escapes_backslash_semicolon_comma_and_line_breaks(void **state)
{
	(void)state;
	assert_string_equal(ics("SUMMARY", "a\\b; c, d\ne\r\nf\rg", 1),
	    "SUMMARY:a\\\\b\\; c\\, d\\ne\\nf\\ng\r\n");
	/* A value of another type is written as it is. */
	assert_string_equal(ics("RRULE", "FREQ=YEARLY;BYMONTH=2", 0),
	    "RRULE:FREQ=YEARLY;BYMONTH=2\r\n");
}

static void
test_ics_text_keeps_tabs_and_marks_other_control_characters(void **state)
{
	(void)state;
	assert_string_equal(ics("SUMMARY", "a\tb\x01" "c\x1b[2Jd\x7f", 1),
	    "SUMMARY:a\tb?c?[2Jd?\r\n");
}

static void
test_ics_folds_lines_at_75_octets(void **state)
{
	char v[200];
	const char *s;

	(void)state;
	/* "X:" and 73 octets: 75, one line. */
	memset(v, 'a', 73);
	v[73] = '\0';
	s = ics("X", v, 1);
	assert_int_equal(strlen(s), 77);
	assert_string_equal(s + 75, "\r\n");
	/* One more octet goes to a line of its own, after a space. */
	strcat(v, "b");
	assert_string_equal(ics("X", v, 1) + 75, "\r\n b\r\n");
	/* Then 74 octets a line past the space. */
	memset(v, 'a', 73 + 74 + 1);
	v[73 + 74 + 1] = '\0';
	s = ics("X", v, 1);
	assert_int_equal(strlen(s), 75 + 2 + 75 + 2 + 2 + 2);
	assert_memory_equal(s + 77, " aaaa", 5);
	assert_string_equal(s + 77 + 75, "\r\n a\r\n");
}

/* Each physical line, CR LF taken off: at most 75 octets, and a valid
 * UTF-8 string on its own. */
static void
check_folded(const char *s, const char *want)
{
	struct fu_buf u = { 0 };
	const char *eol;
	int first = 1;

	for (; *s != '\0'; s = eol + 2, first = 0) {
		assert_non_null(eol = strstr(s, "\r\n"));
		assert_true(eol - s <= 75);
		assert_true(fu_utf8_valid(s, (size_t)(eol - s)));
		if (!first) {
			assert_int_equal(*s, ' ');
			s++;
		}
		assert_int_equal(fu_buf_add(&u, s, (size_t)(eol - s)), 0);
	}
	assert_string_equal(u.p, want);
	fu_buf_free(&u);
}

static void
test_ics_never_folds_inside_a_character_or_an_escape(void **state)
{
	static const char *const chars[] = {
		"\xc3\xb1", "\xe2\x82\xac", "\xf0\x9f\x93\x9e"
	};
	struct fu_buf v = { 0 }, w = { 0 };
	int i;

	(void)state;
	/* Two, three and four octets a character, then an escape, so that
	 * each falls on the fold at some offset. */
	assert_int_equal(fu_buf_str(&w, "DESCRIPTION:"), 0);
	for (i = 0; i < 80; i++) {
		assert_int_equal(fu_buf_str(&v, chars[i % 3]) |
		    fu_buf_str(&v, ","), 0);
		assert_int_equal(fu_buf_str(&w, chars[i % 3]) |
		    fu_buf_str(&w, "\\,"), 0);
		check_folded(ics("DESCRIPTION", v.p, 1), w.p);
	}
	fu_buf_free(&v);
	fu_buf_free(&w);
}

static const struct fu_field ics_fields[] = {
	{ "UID", "", 0 },
	{ "DTSTART;VALUE=DATE", "", FU_F_ICS_VALUE },
	{ "RRULE", "", FU_F_ICS_VALUE },
	{ "SUMMARY", "", 0 },
};

static void
test_ics_prints_a_calendar_an_event_a_row(void **state)
{
	static const char *const ev[][4] = {
		{ "fu-1", "20261123", "", "Ana L\xc3\xb3pez: call, then mail" },
		{ "fu-2", "20261124", "FREQ=YEARLY", "Jos\xc3\xa9: birthday" },
	};
	static const char head[] = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
	    "PRODID:-//fu//test_print 0.1.0//EN\r\nCALSCALE:GREGORIAN\r\n"
	    "METHOD:PUBLISH\r\n";
	struct fu_out o;
	struct fu_err e = { 0 };

	(void)state;
	fu_progname = "test_print";
	capture();
	assert_int_equal(fu_out_init(&o, FU_FMT_ICS, NULL, ics_fields, 4, &e),
	    0);
	assert_int_equal(fu_out_row(&o, ev[0], &e), 0);
	assert_int_equal(fu_out_row(&o, ev[1], &e), 0);
	assert_int_equal(fu_out_end(&o, &e), 0);
	assert_string_equal(captured(), "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
	    "PRODID:-//fu//test_print 0.1.0//EN\r\nCALSCALE:GREGORIAN\r\n"
	    "METHOD:PUBLISH\r\n"
	    "BEGIN:VEVENT\r\nUID:fu-1\r\nDTSTART;VALUE=DATE:20261123\r\n"
	    "SUMMARY:Ana L\xc3\xb3pez: call\\, then mail\r\nEND:VEVENT\r\n"
	    "BEGIN:VEVENT\r\nUID:fu-2\r\nDTSTART;VALUE=DATE:20261124\r\n"
	    "RRULE:FREQ=YEARLY\r\nSUMMARY:Jos\xc3\xa9: birthday\r\n"
	    "END:VEVENT\r\nEND:VCALENDAR\r\n");
	/* No event is still a calendar, which a subscriber can read. */
	capture();
	assert_int_equal(fu_out_init(&o, FU_FMT_ICS, NULL, ics_fields, 4, &e),
	    0);
	assert_int_equal(fu_out_end(&o, &e), 0);
	assert_int_equal(strncmp(captured(), head, sizeof(head) - 1), 0);
	assert_string_equal(out + sizeof(head) - 1, "END:VCALENDAR\r\n");
	/* Dropped on an error: no end, so no reader takes half a calendar
	 * for a whole one. */
	capture();
	assert_int_equal(fu_out_init(&o, FU_FMT_ICS, NULL, ics_fields, 4, &e),
	    0);
	assert_int_equal(fu_out_row(&o, ev[0], &e), 0);
	fu_out_discard(&o);
	assert_null(strstr(captured(), "END:VCALENDAR"));
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
		cmocka_unit_test(test_print_text_measures_a_cell_of_64k_again),
		cmocka_unit_test(test_print_text_prints_nothing_without_rows),
		cmocka_unit_test(test_print_tsv_escapes_and_keeps_every_field),
		cmocka_unit_test(test_print_csv_quotes_what_needs_it),
		cmocka_unit_test(test_print_json_lines_escape_and_numbers),
		cmocka_unit_test(test_print_template_fields_and_escapes),
		cmocka_unit_test(test_print_template_refuses_unknown_fields_naming_the_known),
		cmocka_unit_test(test_ics_text_escapes_backslash_semicolon_comma_and_line_breaks),
		cmocka_unit_test(test_ics_text_keeps_tabs_and_marks_other_control_characters),
		cmocka_unit_test(test_ics_folds_lines_at_75_octets),
		cmocka_unit_test(test_ics_never_folds_inside_a_character_or_an_escape),
		cmocka_unit_test(test_ics_prints_a_calendar_an_event_a_row),
		cmocka_unit_test(test_print_tones_colour_whole_lines_and_keep_the_columns),
		cmocka_unit_test(test_print_tones_are_nothing_without_colour),
		cmocka_unit_test(test_print_tones_never_reach_a_machine_format),
		cmocka_unit_test(test_print_colour_is_never_asked_in_a_machine_format),
	};

	return cmocka_run_group_tests_name("print", tests, NULL, NULL);
}
