/*
 * fuzz_date.c - the parsers of what a person types or a file holds: dates
 * (ISO and the forms a person types), periods, birthdays, amounts and ids.
 *
 * The first four bytes pick "today" (any day from 0001-01-01 to
 * 9999-12-31); the rest, as a NUL-terminated copy, goes to every parser.
 *
 * Invariants: what parses prints back as read (dates, periods, days of the
 * year, amounts: the printed form parses to the same value; an ISO date
 * prints as the very same text); a parsed date is a day fu can write and
 * read back; fu_date_split and fu_date_ymd are inverses; a refusal is a
 * usage error with a message.
 */
#include <strings.h>

#include "fuzz.h"

static fu_date lo, hi;		/* 0001-01-01 and 9999-12-31 */

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (fu_date_ymd(1, 1, 1, &lo) == -1 || fu_date_ymd(9999, 12, 31, &hi) ==
	    -1)
		abort();
	return 0;
}

/* A day fu can hold: fu_date_str gives text that fu_date_iso reads back
 * as the same day, and split and ymd agree. */
static void
check_day(fu_date z, const char *how, const char *input)
{
	char buf[11];
	fu_date back;
	int y, m, d;

	CHECK(z >= lo && z <= hi, "%s \"%s\" gives day %ld, outside "
	    "0001-01-01..9999-12-31 (prints as \"%s\")", how, input, (long)z,
	    fu_date_str(z, buf));
	fu_date_str(z, buf);
	CHECK(fu_date_iso(buf, strlen(buf), &back) == 0 && back == z,
	    "%s \"%s\": day %ld prints as \"%s\"", how, input, (long)z, buf);
	fu_date_split(z, &y, &m, &d);
	CHECK(fu_date_ymd(y, m, d, &back) == 0 && back == z, "split %ld",
	    (long)z);
	CHECK(fu_date_weekday(z) >= 0 && fu_date_weekday(z) <= 6, "weekday");
}

/* What this harness found, fixed in 789bd5c, with its input in
 * tests/fuzz/regress/fuzz_date: a bare offset ("+7") made a pointer before
 * an array (bare-offset); offsets from a today near the ends of the
 * calendar left it, and year 10000 was written as "0000" (date-after-9999,
 * date-before-0001); a NUL byte was a period unit (period-nul-unit). */

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fu_period p, p2;
	struct fu_mday md, md2;
	struct fu_err e;
	fu_date today, z, z2;
	fu_cents c, c2;
	uint64_t id;
	uint32_t raw;
	char buf[32], *s;
	size_t n;
	int y, m, d;

	if (size < 4)
		return 0;
	memcpy(&raw, data, 4);
	today = lo + (fu_date)(raw % (uint32_t)(hi - lo + 1));
	s = fuzz_str(data + 4, size - 4);
	n = size - 4;

	/* The calendar on "today" itself. */
	check_day(today, "today", "");
	fu_date_split(today, &y, &m, &d);
	z = fu_date_add_months(today, (int)(raw >> 20) - 2048);
	check_day(z, "add_months", "");

	/* Strict ISO: prints back as the same text. */
	if (fu_date_iso(s, n, &z) == 0) {
		CHECK(n == 10, "ISO date of %zu bytes", n);
		check_day(z, "fu_date_iso", s);
		CHECK(strcmp(fu_date_str(z, buf), s) == 0, "\"%s\" prints as "
		    "\"%s\"", s, buf);
	}

	/* A date a person typed, relative to today. */
	memset(&e, 0, sizeof(e));
	if (fu_date_parse(s, today, &z, &e) == 0)
		check_day(z, "fu_date_parse", s);
	else
		CHECK(e.code == FU_EXIT_USAGE && e.text[0] != '\0',
		    "fu_date_parse \"%s\": code %d", s, e.code);

	/* A period: prints back as a period of the same length. */
	if (fu_period_parse(s, n, &p) == 0) {
		CHECK(p.n >= 1 && strchr("dwmy", p.unit) != NULL, "period %d%c",
		    p.n, p.unit);
		fu_period_str(&p, buf);
		CHECK(fu_period_parse(buf, strlen(buf), &p2) == 0 &&
		    p2.n == p.n && p2.unit == p.unit, "\"%s\" prints as \"%s\"",
		    s, buf);
		/* Realistic days: a period from now lands in the calendar. */
		if (fu_date_ymd(2026, 11, 23, &z2) == 0)
			check_day(fu_period_add(z2, &p), "fu_period_add", s);
	}

	/* A birthday or anniversary. */
	if (fu_mday_parse(s, n, &md) == 0) {
		CHECK(md.month >= 1 && md.month <= 12 && md.day >= 1 &&
		    md.day <= 31, "\"%s\" gives %d-%d-%d", s, md.year,
		    md.month, md.day);
		fu_mday_str(&md, buf);
		CHECK(strcmp(buf, s) == 0, "\"%s\" prints as \"%s\"", s, buf);
		CHECK(fu_mday_parse(buf, strlen(buf), &md2) == 0 &&
		    md2.year == md.year && md2.month == md.month &&
		    md2.day == md.day, "\"%s\" does not read back", buf);
		z = fu_mday_in_year(&md, y);
		check_day(z, "fu_mday_in_year", s);
	}

	/* An amount: exact cents, never negative, prints back. */
	if (fu_money_parse(s, n, &c) == 0) {
		CHECK(c >= 0, "\"%s\" is %lld cents", s, (long long)c);
		fu_money_str(c, buf);
		CHECK(fu_money_parse(buf, strlen(buf), &c2) == 0 && c2 == c,
		    "\"%s\" prints as \"%s\"", s, buf);
	}

	/* An id: 1 to 2^63 - 1, printed back as typed but for zeros. */
	if (fu_id_parse(s, n, &id) == 0) {
		CHECK(id >= 1 && id <= (uint64_t)INT64_MAX, "id %llu",
		    (unsigned long long)id);
		snprintf(buf, sizeof(buf), "%llu", (unsigned long long)id);
		CHECK(fu_id_parse(buf, strlen(buf), &id) == 0, "id %s", buf);
	}

	/* An outcome names itself, in any case a spreadsheet gave it. */
	{
		enum fu_outcome o = fu_outcome_parse(s, n);

		if (o != FU_O_NONE)
			CHECK(strcasecmp(fu_outcome_str(o), s) == 0, "outcome");
	}
	free(s);
	return 0;
}
