/*
 * test_date.c - date.c: the calendar, the strict ISO reader, the dates a
 * person types, today, periods and occasions.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util.h"

/* Today in these tests: Monday 2026-11-23. */
#define TODAY_Y 2026
#define TODAY_M 11
#define TODAY_D 23

static fu_date
ymd(int y, int m, int d)
{
	fu_date z;

	if (fu_date_ymd(y, m, d, &z) == -1)
		fail_msg("%04d-%02d-%02d should be a date", y, m, d);
	return z;
}

static fu_date
today(void)
{
	return ymd(TODAY_Y, TODAY_M, TODAY_D);
}

/* Parses s against today and checks it lands on y-m-d. */
static void
check_parse(const char *s, fu_date now, fu_date want)
{
	struct fu_err e = { 0 };
	fu_date got = FU_DATE_NONE;
	char b1[11], b2[11];

	if (fu_date_parse(s, now, &got, &e) == -1)
		fail_msg("\"%s\" refused: %s", s, e.text);
	if (got != want)
		fail_msg("\"%s\" gave %s, want %s", s, fu_date_str(got, b1),
		    fu_date_str(want, b2));
}

/* Checks that s is refused as a usage error whose message holds word. */
static void
check_refused(const char *s, const char *word)
{
	struct fu_err e = { 0 };
	fu_date got = 12345;
	char b[11];

	if (fu_date_parse(s, today(), &got, &e) != -1)
		fail_msg("\"%s\" accepted as %s", s, fu_date_str(got, b));
	assert_int_equal(e.code, FU_EXIT_USAGE);
	if (word != NULL && strstr(e.text, word) == NULL)
		fail_msg("\"%s\": message \"%s\" lacks \"%s\"", s, e.text, word);
}

static void
test_date_epoch_is_day_zero(void **state)
{
	int y, m, d;

	(void)state;
	assert_int_equal(ymd(1970, 1, 1), 0);
	assert_int_equal(ymd(1970, 1, 2), 1);
	assert_int_equal(ymd(1969, 12, 31), -1);
	assert_int_equal(ymd(2000, 3, 1), 11017);
	fu_date_split(0, &y, &m, &d);
	assert_int_equal(y, 1970);
	assert_int_equal(m, 1);
	assert_int_equal(d, 1);
}

static void
test_date_ymd_and_split_round_trip_every_day_1900_to_2100(void **state)
{
	static const int mlen[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	fu_date z, prev = FU_DATE_NONE;
	int y, m, d, yy, mm, dd, n, days = 0;
	char buf[11], want[32];

	(void)state;
	for (y = 1900; y <= 2100; y++)
		for (m = 1; m <= 12; m++) {
			n = mlen[m - 1] + (m == 2 && ((y % 4 == 0 &&
			    y % 100 != 0) || y % 400 == 0));
			for (d = 1; d <= n; d++) {
				assert_int_equal(fu_date_ymd(y, m, d, &z), 0);
				if (prev != FU_DATE_NONE && z != prev + 1)
					fail_msg("%d-%d-%d is %d, the day "
					    "before %d", y, m, d, z, prev);
				fu_date_split(z, &yy, &mm, &dd);
				if (yy != y || mm != m || dd != d)
					fail_msg("%d-%d-%d split as %d-%d-%d",
					    y, m, d, yy, mm, dd);
				snprintf(want, sizeof(want), "%04d-%02d-%02d",
				    y, m, d);
				assert_string_equal(fu_date_str(z, buf), want);
				assert_int_equal(fu_date_iso(buf, 10, &z), 0);
				assert_int_equal(z, prev == FU_DATE_NONE ? z :
				    prev + 1);
				prev = z;
				days++;
			}
			/* The day after the last is refused. */
			assert_int_equal(fu_date_ymd(y, m, n + 1, &z), -1);
		}
	/* 201 years, 49 of them leap (1900 and 2100 are not). */
	assert_int_equal(days, 201 * 365 + 49);
}

static void
test_date_leap_years_follow_the_gregorian_rule(void **state)
{
	fu_date z;

	(void)state;
	assert_int_equal(fu_date_ymd(2000, 2, 29, &z), 0);
	assert_int_equal(fu_date_ymd(2024, 2, 29, &z), 0);
	assert_int_equal(fu_date_ymd(2028, 2, 29, &z), 0);
	assert_int_equal(fu_date_ymd(1900, 2, 29, &z), -1);
	assert_int_equal(fu_date_ymd(2100, 2, 29, &z), -1);
	assert_int_equal(fu_date_ymd(2026, 2, 29, &z), -1);
	assert_int_equal(ymd(2024, 3, 1) - ymd(2024, 2, 28), 2);
	assert_int_equal(ymd(1900, 3, 1) - ymd(1900, 2, 28), 1);
}

static void
test_date_impossible_dates_are_refused(void **state)
{
	fu_date z = 777;

	(void)state;
	assert_int_equal(fu_date_ymd(2026, 2, 30, &z), -1);
	assert_int_equal(fu_date_ymd(2026, 13, 1, &z), -1);
	assert_int_equal(fu_date_ymd(2026, 0, 10, &z), -1);
	assert_int_equal(fu_date_ymd(2026, 4, 31, &z), -1);
	assert_int_equal(fu_date_ymd(2026, 1, 0, &z), -1);
	assert_int_equal(fu_date_ymd(2026, 1, 32, &z), -1);
	assert_int_equal(fu_date_ymd(0, 1, 1, &z), -1);
	assert_int_equal(fu_date_ymd(10000, 1, 1, &z), -1);
	assert_int_equal(z, 777);	/* untouched on refusal */
	assert_int_equal(fu_date_iso("2026-02-30", 10, &z), -1);
	assert_int_equal(fu_date_iso("2026-13-01", 10, &z), -1);
	assert_int_equal(fu_date_iso("2026-00-10", 10, &z), -1);
	assert_int_equal(fu_date_iso("2026-01-00", 10, &z), -1);
	assert_int_equal(fu_date_iso("0000-01-01", 10, &z), -1);
}

static void
test_date_iso_is_strict(void **state)
{
	static const char *const bad[] = {
		"2026-1-05", " 2026-01-05", "2026-01-05x", "2026-01-5",
		"2026/01/05", "20260105", "26-01-05", "2026-01-05 ",
		"2026-0a-05", "+026-01-05", "2026--1-05", "2026-01-+5",
		"", "2026-01", "２026-01-05",
	};
	fu_date z;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (fu_date_iso(bad[i], strlen(bad[i]), &z) != -1)
			fail_msg("fu_date_iso accepted \"%s\"", bad[i]);
	assert_int_equal(fu_date_iso("2026-01-05", 10, &z), 0);
	assert_int_equal(z, ymd(2026, 1, 5));
	assert_int_equal(fu_date_iso("9999-12-31", 10, &z), 0);
	assert_int_equal(z, ymd(9999, 12, 31));
	/* The length counts, not a NUL: a field in a row is not one. */
	assert_int_equal(fu_date_iso("2026-01-05,next", 10, &z), 0);
	assert_int_equal(z, ymd(2026, 1, 5));
	assert_int_equal(fu_date_iso("2026-01-05", 9, &z), -1);
}

static void
test_date_str_of_none_is_empty(void **state)
{
	char buf[11] = "xxxxxxxxxx";

	(void)state;
	assert_string_equal(fu_date_str(FU_DATE_NONE, buf), "");
	assert_string_equal(fu_date_str(ymd(1, 1, 1), buf), "0001-01-01");
	assert_string_equal(fu_date_str(ymd(9999, 12, 31), buf), "9999-12-31");
}

static void
test_date_weekday_counts_from_monday(void **state)
{
	int i;

	(void)state;
	assert_int_equal(fu_date_weekday(ymd(2026, 11, 23)), 0);	/* Mon */
	assert_int_equal(fu_date_weekday(ymd(2026, 11, 29)), 6);	/* Sun */
	assert_int_equal(fu_date_weekday(ymd(1970, 1, 1)), 3);		/* Thu */
	assert_int_equal(fu_date_weekday(ymd(1969, 12, 31)), 2);	/* Wed */
	assert_int_equal(fu_date_weekday(ymd(1900, 1, 1)), 0);		/* Mon */
	assert_int_equal(fu_date_weekday(ymd(2000, 2, 29)), 1);		/* Tue */
	for (i = -800; i < 800; i++)
		assert_int_equal(fu_date_weekday(ymd(2026, 11, 23) + i),
		    ((i % 7) + 7) % 7);
}

static void
test_date_parse_takes_iso(void **state)
{
	(void)state;
	check_parse("2026-01-05", today(), ymd(2026, 1, 5));
	check_parse("2024-02-29", today(), ymd(2024, 2, 29));
}

static void
test_date_parse_takes_relative_words_in_english_and_spanish(void **state)
{
	fu_date t = today();

	(void)state;
	check_parse("today", t, t);
	check_parse("TODAY", t, t);
	check_parse("Today", t, t);
	check_parse("tomorrow", t, t + 1);
	check_parse("yesterday", t, t - 1);
	check_parse("hoy", t, t);
	check_parse("Hoy", t, t);
	check_parse("mañana", t, t + 1);
	check_parse("manana", t, t + 1);
	check_parse("MAÑANA", t, t + 1);
	check_parse("man\xCC\x83" "ana", t, t + 1);	/* decomposed ñ */
	check_parse("ayer", t, t - 1);
	/* Over a month and a year end. */
	check_parse("tomorrow", ymd(2026, 12, 31), ymd(2027, 1, 1));
	check_parse("ayer", ymd(2024, 3, 1), ymd(2024, 2, 29));
}

static void
test_date_parse_takes_offsets(void **state)
{
	fu_date t = today();

	(void)state;
	check_parse("+3d", t, t + 3);
	check_parse("+2w", t, t + 14);
	check_parse("+1m", t, ymd(2026, 12, 23));
	check_parse("+1y", t, ymd(2027, 11, 23));
	check_parse("-1d", t, t - 1);
	check_parse("-2w", t, t - 14);
	check_parse("-1m", t, ymd(2026, 10, 23));
	check_parse("-1y", t, ymd(2025, 11, 23));
	check_parse("+5", t, t + 5);
	/* +N is documented from 0 (was refused: issue 17). */
	check_parse("+0d", t, t);
	check_parse("+0", t, t);
	check_parse("-0w", t, t);
	check_parse("+0000000d", t, t);
	/* Long runs of digits overflowed an int (fuzz_date, issue 12). */
	check_refused("-5555555555555555555555555555552", NULL);
	check_refused("+5555555555555555555555555555552d", NULL);
	check_refused("+0000000000000000000000000000001d", NULL);
	check_parse("-5", t, t - 5);
	check_parse("+90d", t, t + 90);
	check_parse("+3m", t, ymd(2027, 2, 23));
	check_parse("+1m", ymd(2026, 1, 31), ymd(2026, 2, 28));
	check_parse("+1y", ymd(2024, 2, 29), ymd(2025, 2, 28));
	check_parse("-1m", ymd(2026, 3, 31), ymd(2026, 2, 28));
}

/* Offsets that leave years 0001 to 9999 are refused, not clamped. */
static void
test_date_parse_refuses_offsets_off_the_calendar(void **state)
{
	static const struct {
		const char *s;
		int y, m, d;
	} c[] = {
		{ "+100y", 9950, 1, 1 }, { "+50y", 9950, 1, 1 },
		{ "+1m", 9999, 12, 1 }, { "+1200m", 9950, 6, 15 },
		{ "+1d", 9999, 12, 31 }, { "+1w", 9999, 12, 30 },
		{ "-100y", 50, 6, 15 }, { "-1m", 1, 1, 31 },
		{ "-13m", 1, 12, 31 }, { "-1y", 1, 12, 31 },
	};
	struct fu_err e;
	fu_date got;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		memset(&e, 0, sizeof(e));
		if (fu_date_parse(c[i].s, ymd(c[i].y, c[i].m, c[i].d), &got,
		    &e) != -1)
			fail_msg("\"%s\" from %04d-%02d-%02d accepted", c[i].s,
			    c[i].y, c[i].m, c[i].d);
		assert_int_equal(e.code, FU_EXIT_USAGE);
		assert_non_null(strstr(e.text, "out of range"));
	}
	/* Up to the edges is fine. */
	check_parse("+49y", ymd(9950, 1, 1), ymd(9999, 1, 1));
	check_parse("+1m", ymd(9999, 11, 30), ymd(9999, 12, 30));
	check_parse("-1m", ymd(1, 2, 28), ymd(1, 1, 28));
	check_parse("-99y", ymd(100, 3, 1), ymd(1, 3, 1));
	/* Periods and reports still clamp to the calendar. */
	assert_int_equal(fu_date_add_months(ymd(9950, 1, 1), 1200),
	    ymd(9999, 12, 31));
	assert_int_equal(fu_date_add_months(ymd(1, 1, 31), -1), ymd(1, 1, 1));
	assert_int_equal(fu_date_add_months(ymd(50, 6, 15), -1200),
	    ymd(1, 1, 1));
}

static void
test_date_parse_takes_weekday_names(void **state)
{
	fu_date t = today();	/* a Monday */
	static const struct {
		const char *s;
		int ahead;
	} c[] = {
		{ "tuesday", 1 }, { "tue", 1 }, { "martes", 1 },
		{ "wednesday", 2 }, { "wed", 2 }, { "miércoles", 2 },
		{ "miercoles", 2 }, { "MIÉRCOLES", 2 },
		{ "mie\xCC\x81rcoles", 2 },	/* decomposed é */
		{ "thursday", 3 }, { "thu", 3 }, { "jueves", 3 },
		{ "friday", 4 }, { "Friday", 4 }, { "FRI", 4 },
		{ "viernes", 4 }, { "Viernes", 4 },
		{ "saturday", 5 }, { "sat", 5 }, { "sábado", 5 },
		{ "sabado", 5 }, { "SABADO", 5 }, { "SÁBADO", 5 },
		{ "sunday", 6 }, { "sun", 6 }, { "domingo", 6 },
		/* Today's own weekday is next week's. */
		{ "monday", 7 }, { "mon", 7 }, { "lunes", 7 }, { "LUNES", 7 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++)
		check_parse(c[i].s, t, t + c[i].ahead);
	/* From a Friday: friday is in a week, monday in three days. */
	check_parse("friday", ymd(2026, 11, 27), ymd(2026, 12, 4));
	check_parse("viernes", ymd(2026, 11, 27), ymd(2026, 12, 4));
	check_parse("monday", ymd(2026, 11, 27), ymd(2026, 11, 30));
	check_parse("sábado", ymd(2026, 11, 29), ymd(2026, 12, 5));
}

static void
test_date_refuses_slash_dates(void **state)
{
	(void)state;
	check_refused("03/04/2026", "ambiguous");
	check_refused("3/4/2026", "ambiguous");
	check_refused("3/4", "ambiguous");
	check_refused("2026/01/05", "ambiguous");
}

static void
test_date_refuses_dotted_dates(void **state)
{
	(void)state;
	check_refused("3.4.2026", "ambiguous");
	check_refused("03.04.2026", "ambiguous");
	check_refused("2026.01.05", "ambiguous");
	/* A day that is none, read any way, is no day at all. */
	check_refused("31/02", "there is no such day");
	check_refused("31/04/2027", "there is no such day");
	check_refused("29/02/2027", "there is no such day");
	check_refused("99/99", "there is no such day");
	check_refused("2026/13/32", "there is no such day");
	check_refused("29/02", "ambiguous");
	check_refused("13/02", "ambiguous");
	/* One reading only: refused all the same, saying which day it
	 * is (fu reads one way of writing days), not that it is ambiguous. */
	check_refused("12/31/2026", "write the date as YYYY-MM-DD, here "
	    "2026-12-31");
	check_refused("31/12/2026", "write the date as YYYY-MM-DD, here "
	    "2026-12-31");
	check_refused("23.11.2026", "here 2026-11-23");
	check_refused("3/3/2026", "here 2026-03-03");
}

static void
test_date_refuses_a_day_that_does_not_exist(void **state)
{
	(void)state;
	check_refused("2026-02-30", "2026-02-30");
	check_refused("2026-13-01", NULL);
	check_refused("2026-00-10", NULL);
	check_refused("2025-02-29", NULL);
}

static void
test_date_refuses_garbage(void **state)
{
	static const char *const bad[] = {
		"", " ", "garbage", "fridays", "fr", "2026-1-05",
		" 2026-01-05", "2026-01-05x", "+", "-", "+3x", "++3d", "+-3d",
		"3d", "+d", "+1.5d", "tomorrow ", " today", "5",
		"+100000000", "2026", "26-11-23", "23-11-2026", "Nov 23",
		"+3d+1d", "lunes!", "hoy mismo",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		check_refused(bad[i], NULL);
	/* The message quotes what was typed. */
	check_refused("garbage", "\"garbage\"");
}

static void
test_today_takes_a_pinned_date(void **state)
{
	struct fu_err e = { 0 };
	fu_date z = 0;

	(void)state;
	util_env("FU_TODAY", NULL);
	assert_int_equal(fu_today("2026-11-23", &z, &e), 0);
	assert_int_equal(z, ymd(2026, 11, 23));
}

static void
test_today_takes_fu_today_from_the_environment(void **state)
{
	struct fu_err e = { 0 };
	fu_date z = 0;

	(void)state;
	util_env("FU_TODAY", "2024-02-29");
	assert_int_equal(fu_today(NULL, &z, &e), 0);
	assert_int_equal(z, ymd(2024, 2, 29));
	z = 0;
	assert_int_equal(fu_today("", &z, &e), 0);
	assert_int_equal(z, ymd(2024, 2, 29));
	/* A pinned date wins over the environment. */
	assert_int_equal(fu_today("2026-01-05", &z, &e), 0);
	assert_int_equal(z, ymd(2026, 1, 5));
	util_env("FU_TODAY", NULL);
}

static void
test_today_refuses_a_bad_pinned_date(void **state)
{
	struct fu_err e = { 0 };
	fu_date z = 0;

	(void)state;
	util_env("FU_TODAY", NULL);
	assert_int_equal(fu_today("2026-02-30", &z, &e), -1);
	assert_int_equal(e.code, FU_EXIT_USAGE);
	assert_non_null(strstr(e.text, "2026-02-30"));
	memset(&e, 0, sizeof(e));
	assert_int_equal(fu_today("03/04/2026", &z, &e), -1);
	assert_int_equal(e.code, FU_EXIT_USAGE);
	memset(&e, 0, sizeof(e));
	assert_int_equal(fu_today("tomorrow", &z, &e), -1);
	assert_int_equal(e.code, FU_EXIT_USAGE);
	util_env("FU_TODAY", "someday");
	memset(&e, 0, sizeof(e));
	assert_int_equal(fu_today(NULL, &z, &e), -1);
	assert_int_equal(e.code, FU_EXIT_USAGE);
	assert_non_null(strstr(e.text, "someday"));
	util_env("FU_TODAY", NULL);
}

static void
test_today_without_a_pin_reads_the_clock(void **state)
{
	struct fu_err e = { 0 };
	struct tm tm;
	time_t now;
	fu_date z = 0, before, after;

	(void)state;
	util_env("FU_TODAY", NULL);
	now = time(NULL);
	assert_non_null(localtime_r(&now, &tm));
	before = ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	assert_int_equal(fu_today(NULL, &z, &e), 0);
	now = time(NULL);
	assert_non_null(localtime_r(&now, &tm));
	after = ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	assert_in_range(z, before, after);	/* midnight may pass */
}

static void
test_period_parse_takes_days_weeks_months_years(void **state)
{
	static const struct {
		const char *s;
		int n;
		char unit;
	} c[] = {
		{ "90d", 90, 'd' }, { "2w", 2, 'w' }, { "3m", 3, 'm' },
		{ "1y", 1, 'y' }, { "1d", 1, 'd' }, { "12m", 12, 'm' },
		{ "100y", 100, 'y' },
	};
	struct fu_period p;
	char buf[16];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		memset(&p, 0, sizeof(p));
		if (fu_period_parse(c[i].s, strlen(c[i].s), &p) == -1)
			fail_msg("period \"%s\" refused", c[i].s);
		assert_int_equal(p.n, c[i].n);
		assert_int_equal(p.unit, c[i].unit);
		assert_string_equal(fu_period_str(&p, buf), c[i].s);
	}
	p.n = 0;
	assert_string_equal(fu_period_str(&p, buf), "");
}

static void
test_period_parse_refuses_what_is_not_a_period(void **state)
{
	static const char *const bad[] = {
		"0d", "d", "3x", "-1d", "3", "", "+3d", "3 d", " 3d", "3d ",
		"3dd", "1.5m", "0w", "00d", "101y", "1201m", "99999999d", "m3",
	};
	struct fu_period p;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (fu_period_parse(bad[i], strlen(bad[i]), &p) != -1)
			fail_msg("period \"%s\" accepted as %d%c", bad[i], p.n,
			    p.unit);
	/* The length counts: "3m" out of "3mx". */
	assert_int_equal(fu_period_parse("3mx", 2, &p), 0);
	assert_int_equal(p.n, 3);
	assert_int_equal(p.unit, 'm');
}

static void
test_period_month_clamps_to_last_day(void **state)
{
	struct fu_period m1 = { 1, 'm' }, m3 = { 3, 'm' }, y1 = { 1, 'y' };
	struct fu_period w2 = { 2, 'w' }, d90 = { 90, 'd' };

	(void)state;
	assert_int_equal(fu_period_add(ymd(2026, 1, 31), &m1), ymd(2026, 2, 28));
	assert_int_equal(fu_period_add(ymd(2024, 1, 31), &m1), ymd(2024, 2, 29));
	assert_int_equal(fu_period_add(ymd(2024, 2, 29), &y1), ymd(2025, 2, 28));
	assert_int_equal(fu_period_add(ymd(2026, 3, 31), &m1), ymd(2026, 4, 30));
	assert_int_equal(fu_period_add(ymd(2025, 11, 30), &m3), ymd(2026, 2, 28));
	assert_int_equal(fu_period_add(ymd(2026, 12, 15), &m1), ymd(2027, 1, 15));
	assert_int_equal(fu_period_add(ymd(2026, 1, 31), &w2), ymd(2026, 2, 14));
	assert_int_equal(fu_period_add(ymd(2026, 11, 23), &w2),
	    ymd(2026, 11, 23) + 14);
	assert_int_equal(fu_period_add(ymd(2026, 11, 23), &d90),
	    ymd(2026, 11, 23) + 90);
	assert_int_equal(fu_date_add_months(ymd(2026, 3, 31), -1),
	    ymd(2026, 2, 28));
	assert_int_equal(fu_date_add_months(ymd(2026, 1, 15), -13),
	    ymd(2024, 12, 15));
	assert_int_equal(fu_date_add_months(ymd(2026, 1, 15), 0),
	    ymd(2026, 1, 15));
}

static void
test_mday_parse_takes_full_dates_and_month_days(void **state)
{
	struct fu_mday md;
	char buf[11];

	(void)state;
	assert_int_equal(fu_mday_parse("1985-11-28", 10, &md), 0);
	assert_int_equal(md.year, 1985);
	assert_int_equal(md.month, 11);
	assert_int_equal(md.day, 28);
	assert_string_equal(fu_mday_str(&md, buf), "1985-11-28");
	assert_int_equal(fu_mday_parse("06-15", 5, &md), 0);
	assert_int_equal(md.year, 0);
	assert_int_equal(md.month, 6);
	assert_int_equal(md.day, 15);
	assert_string_equal(fu_mday_str(&md, buf), "06-15");
	/* A birthday on 29 February needs no year. */
	assert_int_equal(fu_mday_parse("02-29", 5, &md), 0);
	assert_int_equal(md.month, 2);
	assert_int_equal(md.day, 29);
	assert_string_equal(fu_mday_str(&md, buf), "02-29");
	assert_int_equal(fu_mday_parse("2024-02-29", 10, &md), 0);
	assert_string_equal(fu_mday_str(&md, buf), "2024-02-29");
	md.month = 0;
	assert_string_equal(fu_mday_str(&md, buf), "");
}

static void
test_mday_parse_refuses_days_that_do_not_exist(void **state)
{
	static const char *const bad[] = {
		"02-30", "02-31", "04-31", "13-01", "00-10", "06-00", "6-15",
		"06-5", "0615", "06/15", "15-06-1985", "2025-02-29", "1985-13-01",
		"", "06-15 ", " 06-15", "--", "ab-cd",
	};
	struct fu_mday md;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (fu_mday_parse(bad[i], strlen(bad[i]), &md) != -1)
			fail_msg("occasion \"%s\" accepted", bad[i]);
}

static void
test_mday_in_year_puts_29_february_on_28_in_common_years(void **state)
{
	struct fu_mday feb29 = { 0, 2, 29 }, jun15 = { 1985, 6, 15 };
	struct fu_mday dec31 = { 0, 12, 31 };

	(void)state;
	assert_int_equal(fu_mday_in_year(&feb29, 2027), ymd(2027, 2, 28));
	assert_int_equal(fu_mday_in_year(&feb29, 2028), ymd(2028, 2, 29));
	assert_int_equal(fu_mday_in_year(&feb29, 2100), ymd(2100, 2, 28));
	assert_int_equal(fu_mday_in_year(&feb29, 2000), ymd(2000, 2, 29));
	assert_int_equal(fu_mday_in_year(&jun15, 2026), ymd(2026, 6, 15));
	assert_int_equal(fu_mday_in_year(&dec31, 2026), ymd(2026, 12, 31));
}

/* Dates as people say them, in Spanish and in English (issue 13). */
static void
test_date_parse_takes_dates_said_in_words(void **state)
{
	fu_date t = today();	/* Monday 2026-11-23 */
	static const char *const refused[] = {
		"en 3", "in days", "next", "el", "en 3 lunas", "dentro 2 semanas",
		"en -3 dias", "in 3.5 days", "en 99999 dias", "proximo", "el el viernes",
		"next next friday", "en un", "pasado",
		"hace", "ago", "3 ago", "hace 3", "el viernes pasado manana",
		"este", "last", "el lunes que", "en once dias", "viernes este",
		"hace -3 dias", "days ago",
	};
	size_t i;

	(void)state;
	check_parse("el viernes", t, ymd(2026, 11, 27));
	check_parse("próximo viernes", t, ymd(2026, 11, 27));
	check_parse("el próximo viernes", t, ymd(2026, 11, 27));
	check_parse("El Próximo Viernes", t, ymd(2026, 11, 27));
	check_parse("vie", t, ymd(2026, 11, 27));
	check_parse("el lunes", t, ymd(2026, 11, 30));
	check_parse("pasado mañana", t, t + 2);
	check_parse("en 3 días", t, t + 3);
	check_parse("en 1 dia", t, t + 1);
	check_parse("dentro de 2 semanas", t, t + 14);
	check_parse("en un mes", t, ymd(2026, 12, 23));
	check_parse("en una semana", t, t + 7);
	check_parse("dentro de 2 años", t, ymd(2028, 11, 23));
	check_parse("next friday", t, ymd(2026, 11, 27));
	check_parse("fri", t, ymd(2026, 11, 27));
	check_parse("in 3 days", t, t + 3);
	check_parse("in 2 weeks", t, t + 14);
	check_parse("In A Month", t, ymd(2026, 12, 23));
	check_parse("the day after tomorrow", t, t + 2);
	check_parse("en  3  dias", t, t + 3);
	/* As Spanish speakers say them most, and their English kin. */
	check_parse("este viernes", t, ymd(2026, 11, 27));
	check_parse("este lunes", t, t);	/* the coming one: today */
	check_parse("this monday", t, t);
	check_parse("el viernes próximo", t, ymd(2026, 11, 27));
	check_parse("el lunes que viene", t, ymd(2026, 11, 30));
	check_parse("el lunes que entra", t, ymd(2026, 11, 30));
	check_parse("el lunes entrante", t, ymd(2026, 11, 30));
	check_parse("en dos semanas", t, t + 14);
	check_parse("en tres días", t, t + 3);
	check_parse("dentro de quince días", t, t + 15);
	check_parse("in two weeks", t, t + 14);
	/* Before today, as a contact logged late is dated. */
	check_parse("hace 3 días", t, t - 3);
	check_parse("hace una semana", t, t - 7);
	check_parse("hace un mes", t, ymd(2026, 10, 23));
	check_parse("anteayer", t, t - 2);
	check_parse("antier", t, t - 2);
	check_parse("el viernes pasado", t, ymd(2026, 11, 20));
	check_parse("el pasado viernes", t, ymd(2026, 11, 20));
	check_parse("el lunes pasado", t, t - 7);	/* not today */
	check_parse("last friday", t, ymd(2026, 11, 20));
	check_parse("3 days ago", t, t - 3);
	check_parse("two weeks ago", t, t - 14);
	check_parse("the day before yesterday", t, t - 2);
	for (i = 0; i < sizeof(refused) / sizeof(refused[0]); i++)
		check_refused(refused[i], "is not a date");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_epoch_is_day_zero),
		cmocka_unit_test(
		    test_date_ymd_and_split_round_trip_every_day_1900_to_2100),
		cmocka_unit_test(test_date_leap_years_follow_the_gregorian_rule),
		cmocka_unit_test(test_date_impossible_dates_are_refused),
		cmocka_unit_test(test_date_iso_is_strict),
		cmocka_unit_test(test_date_str_of_none_is_empty),
		cmocka_unit_test(test_date_weekday_counts_from_monday),
		cmocka_unit_test(test_date_parse_takes_iso),
		cmocka_unit_test(
		    test_date_parse_takes_relative_words_in_english_and_spanish),
		cmocka_unit_test(test_date_parse_takes_offsets),
		cmocka_unit_test(
		    test_date_parse_refuses_offsets_off_the_calendar),
		cmocka_unit_test(test_date_parse_takes_weekday_names),
		cmocka_unit_test(test_date_parse_takes_dates_said_in_words),
		cmocka_unit_test(test_date_refuses_slash_dates),
		cmocka_unit_test(test_date_refuses_dotted_dates),
		cmocka_unit_test(test_date_refuses_a_day_that_does_not_exist),
		cmocka_unit_test(test_date_refuses_garbage),
		cmocka_unit_test(test_today_takes_a_pinned_date),
		cmocka_unit_test(test_today_takes_fu_today_from_the_environment),
		cmocka_unit_test(test_today_refuses_a_bad_pinned_date),
		cmocka_unit_test(test_today_without_a_pin_reads_the_clock),
		cmocka_unit_test(test_period_parse_takes_days_weeks_months_years),
		cmocka_unit_test(test_period_parse_refuses_what_is_not_a_period),
		cmocka_unit_test(test_period_month_clamps_to_last_day),
		cmocka_unit_test(test_mday_parse_takes_full_dates_and_month_days),
		cmocka_unit_test(test_mday_parse_refuses_days_that_do_not_exist),
		cmocka_unit_test(
		    test_mday_in_year_puts_29_february_on_28_in_common_years),
	};

	return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
