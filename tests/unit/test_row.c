/*
 * test_row.c - row.c: each typed column of a read row taken or refused,
 * with the message, file and line a hand-edited table gets; ids, outcome
 * names, moods, amounts, periods and occasions.  The rows are made by
 * hand, as the reader would hand them over.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define LINE 12			/* the line of every row made here */
#define NOT_ID "an id (a whole number from 1 to 9223372036854775807)"

/* The file each table's errors name. */
static const char *const file_of[FU_NTABLES] = {
	"clients.csv", "agreements.tsv", "log.csv"
};

/* Valid rows to change one value of. */
static const char *const client_ok[FU_C_NCOLS] = {
	[FU_C_ID] = "1", [FU_C_NAME] = "Ana",
};
static const char *const agreement_ok[FU_A_NCOLS] = {
	[FU_A_ID] = "1", [FU_A_CLIENT] = "1", [FU_A_WHAT] = "Call",
	[FU_A_DUE] = "2026-11-23",
};
static const char *const log_ok[FU_L_NCOLS] = {
	[FU_L_ID] = "1", [FU_L_DATE] = "2026-11-23", [FU_L_CLIENT] = "1",
};
static const char *const *const ok_row[FU_NTABLES] = {
	client_ok, agreement_ok, log_ok
};

/* What a row converts to. */
union typed {
	struct fu_client c;
	struct fu_agreement a;
	struct fu_logrow l;
};

/* A valid row of table t with column k set to s (NULL leaves it). */
static struct fu_row
row_with(enum fu_table t, int k, const char *s)
{
	struct fu_row r;
	int i;

	memset(&r, 0, sizeof(r));
	r.line = LINE;
	for (i = 0; i < FU_MAXCOLS; i++) {
		r.f[i] = i < fu_ncolumns[t] && ok_row[t][i] != NULL ?
		    ok_row[t][i] : "";
		if (i == k && s != NULL)
			r.f[i] = s;
		r.len[i] = strlen(r.f[i]);
	}
	return r;
}

static int
convert(enum fu_table t, const struct fu_row *r, union typed *out,
    struct fu_err *e)
{
	switch (t) {
	case FU_CLIENTS: return fu_row_client(r, file_of[t], &out->c, e);
	case FU_AGREEMENTS: return fu_row_agreement(r, file_of[t], &out->a, e);
	default: return fu_row_log(r, file_of[t], &out->l, e);
	}
}

/* Converts the row with column k set to s; fails the test if refused. */
static union typed
taken(enum fu_table t, int k, const char *s)
{
	struct fu_row r = row_with(t, k, s);
	struct fu_err e = { 0 };
	union typed out;

	memset(&out, 0xA5, sizeof(out));
	if (convert(t, &r, &out, &e) == -1)
		fail_msg("%s \"%s\" refused: %s", fu_columns[t][k], s, e.text);
	return out;
}

/* Expects the row with column k set to s to be refused with exactly the
 * message want, as a data error naming the file and the row's line. */
static void
refused(enum fu_table t, int k, const char *s, const char *want)
{
	struct fu_row r = row_with(t, k, s);
	struct fu_err e = { 0 };
	union typed out;

	if (convert(t, &r, &out, &e) != -1)
		fail_msg("%s \"%s\" taken", fu_columns[t][k], s);
	assert_int_equal(e.code, FU_EXIT_DATA);
	assert_string_equal(e.file, file_of[t]);
	assert_int_equal(e.line, LINE);
	assert_int_equal(e.errnum, 0);
	assert_string_equal(e.text, want);
}

/* "COL "VALUE" is not WHAT", as row.c says it. */
static void
refused_as(enum fu_table t, int k, const char *s, const char *what)
{
	char want[512];

	snprintf(want, sizeof(want), "%s \"%s\" is not %s", fu_columns[t][k],
	    s, what);
	refused(t, k, s, want);
}

static void
test_row_client_takes_a_full_row(void **state)
{
	const char *v[FU_C_NCOLS] = {
		"42", "Ana López", "Acme", "ana@acme.example", "+34 600",
		"2026-01-05", "1985-11-28", "06-15", "7", "yes", "lead",
		"vip north", "likes mornings",
	};
	struct fu_row r;
	struct fu_client c;
	struct fu_err e = { 0 };
	int k;

	(void)state;
	memset(&r, 0, sizeof(r));
	r.line = 3;
	for (k = 0; k < FU_C_NCOLS; k++) {
		r.f[k] = v[k];
		r.len[k] = strlen(v[k]);
	}
	assert_int_equal(fu_row_client(&r, "clients.csv", &c, &e), 0);
	assert_int_equal(c.id, 42);
	assert_string_equal(c.name, "Ana López");
	assert_ptr_equal(c.name, r.f[FU_C_NAME]);	/* not a copy */
	assert_string_equal(c.company, "Acme");
	assert_string_equal(c.email, "ana@acme.example");
	assert_string_equal(c.phone, "+34 600");
	assert_int_equal(c.since, d("2026-01-05"));
	assert_int_equal(c.birthday.year, 1985);
	assert_int_equal(c.birthday.month, 11);
	assert_int_equal(c.birthday.day, 28);
	assert_int_equal(c.anniversary.year, 0);
	assert_int_equal(c.anniversary.month, 6);
	assert_int_equal(c.anniversary.day, 15);
	assert_int_equal(c.referred_by, 7);
	assert_int_equal(c.consent, 1);
	assert_string_equal(c.stage, "lead");
	assert_string_equal(c.tags, "vip north");
	assert_string_equal(c.note, "likes mornings");
}

static void
test_row_client_empty_optional_columns_read_as_none(void **state)
{
	union typed t = taken(FU_CLIENTS, -1, NULL);

	(void)state;
	assert_int_equal(t.c.id, 1);
	assert_string_equal(t.c.name, "Ana");
	assert_int_equal(t.c.since, FU_DATE_NONE);
	assert_int_equal(t.c.birthday.month, 0);
	assert_int_equal(t.c.anniversary.month, 0);
	assert_int_equal(t.c.referred_by, 0);
	assert_int_equal(t.c.consent, 0);
	assert_string_equal(t.c.company, "");
	assert_string_equal(t.c.note, "");
}

static void
test_row_ids_run_from_1_to_int64_max(void **state)
{
	static const struct {
		const char *s;
		uint64_t v;
	} good[] = {
		{ "1", 1 }, { "2", 2 }, { "10", 10 }, { "007", 7 },
		{ "9223372036854775807", UINT64_C(9223372036854775807) },
		{ "9223372036854775806", UINT64_C(9223372036854775806) },
		{ "0000000000000000001", 1 },
	};
	size_t i;
	uint64_t id;

	(void)state;
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		id = 0;
		if (fu_id_parse(good[i].s, strlen(good[i].s), &id) == -1)
			fail_msg("id \"%s\" refused", good[i].s);
		assert_int_equal(id, good[i].v);
		assert_int_equal(taken(FU_CLIENTS, FU_C_ID, good[i].s).c.id,
		    good[i].v);
		assert_int_equal(taken(FU_LOG, FU_L_AGREEMENT,
		    good[i].s).l.agreement, good[i].v);
	}
	/* The length counts, not a NUL. */
	assert_int_equal(fu_id_parse("12,3", 2, &id), 0);
	assert_int_equal(id, 12);
}

static void
test_row_ids_refuse_zero_overflow_signs_and_spaces(void **state)
{
	static const char *const bad[] = {
		"0", "00", "9223372036854775808", "9999999999999999999",
		"18446744073709551615", "18446744073709551616",
		"99999999999999999999", "+1", "-1", " 1", "1 ", "1 2", "1a",
		"a1", "0x10", "1.0", "1e3", "\xef\xbc\x91" /* fullwidth 1 */,
	};
	size_t i;
	uint64_t id;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		id = 777;
		if (fu_id_parse(bad[i], strlen(bad[i]), &id) != -1)
			fail_msg("id \"%s\" taken as %llu", bad[i],
			    (unsigned long long)id);
		assert_int_equal(id, 777);	/* untouched */
		refused_as(FU_CLIENTS, FU_C_ID, bad[i], NOT_ID);
		refused_as(FU_AGREEMENTS, FU_A_CLIENT, bad[i], NOT_ID);
		refused_as(FU_LOG, FU_L_NEXT, bad[i], NOT_ID);
	}
	assert_int_equal(fu_id_parse("", 0, &id), -1);
	assert_int_equal(fu_id_parse("12", 0, &id), -1);
}

static void
test_row_every_id_column_is_checked(void **state)
{
	(void)state;
	refused_as(FU_CLIENTS, FU_C_ID, "x", NOT_ID);
	refused_as(FU_CLIENTS, FU_C_REFERRED_BY, "0", NOT_ID);
	refused_as(FU_AGREEMENTS, FU_A_ID, "x", NOT_ID);
	refused_as(FU_AGREEMENTS, FU_A_CLIENT, "x", NOT_ID);
	refused_as(FU_AGREEMENTS, FU_A_FROM, "0", NOT_ID);
	refused_as(FU_LOG, FU_L_ID, "x", NOT_ID);
	refused_as(FU_LOG, FU_L_CLIENT, "x", NOT_ID);
	refused_as(FU_LOG, FU_L_AGREEMENT, "-3", NOT_ID);
	refused_as(FU_LOG, FU_L_NEXT, "3.0", NOT_ID);
	/* The optional ones read as 0 when empty. */
	assert_int_equal(taken(FU_AGREEMENTS, FU_A_FROM, "").a.from, 0);
	assert_int_equal(taken(FU_AGREEMENTS, FU_A_FROM, "9").a.from, 9);
	assert_int_equal(taken(FU_LOG, FU_L_AGREEMENT, "").l.agreement, 0);
	assert_int_equal(taken(FU_LOG, FU_L_NEXT, "").l.next, 0);
	assert_int_equal(taken(FU_LOG, FU_L_NEXT, "5").l.next, 5);
	assert_int_equal(taken(FU_CLIENTS, FU_C_REFERRED_BY, "3").c.referred_by,
	    3);
}

static void
test_row_required_columns_may_not_be_empty(void **state)
{
	(void)state;
	refused(FU_CLIENTS, FU_C_ID, "", "id is empty");
	refused(FU_CLIENTS, FU_C_NAME, "", "name is empty");
	refused(FU_AGREEMENTS, FU_A_ID, "", "id is empty");
	refused(FU_AGREEMENTS, FU_A_CLIENT, "", "client is empty");
	refused(FU_AGREEMENTS, FU_A_WHAT, "", "what is empty");
	refused(FU_AGREEMENTS, FU_A_DUE, "", "due is empty");
	refused(FU_LOG, FU_L_ID, "", "id is empty");
	refused(FU_LOG, FU_L_DATE, "", "date is empty");
	refused(FU_LOG, FU_L_CLIENT, "", "client is empty");
}

static void
test_row_dates_are_strict_iso(void **state)
{
	static const char *const bad[] = {
		"2026-02-30", "2026-1-5", "05/01/2026", "today", "2026-01-05 ",
		" 2026-01-05", "20260105", "2026-13-01",
	};
	size_t i;

	(void)state;
	assert_int_equal(taken(FU_CLIENTS, FU_C_SINCE, "2026-01-05").c.since,
	    d("2026-01-05"));
	assert_int_equal(taken(FU_AGREEMENTS, FU_A_DUE, "2024-02-29").a.due,
	    d("2024-02-29"));
	assert_int_equal(taken(FU_AGREEMENTS, FU_A_MADE, "2026-11-20").a.made,
	    d("2026-11-20"));
	assert_int_equal(taken(FU_AGREEMENTS, FU_A_MADE, "").a.made,
	    FU_DATE_NONE);
	assert_int_equal(taken(FU_LOG, FU_L_DATE, "9999-12-31").l.date,
	    d("9999-12-31"));
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		refused_as(FU_CLIENTS, FU_C_SINCE, bad[i],
		    "a date (YYYY-MM-DD)");
		refused_as(FU_AGREEMENTS, FU_A_DUE, bad[i],
		    "a date (YYYY-MM-DD)");
		refused_as(FU_AGREEMENTS, FU_A_MADE, bad[i],
		    "a date (YYYY-MM-DD)");
		refused_as(FU_LOG, FU_L_DATE, bad[i], "a date (YYYY-MM-DD)");
	}
}

static void
test_row_birthdays_and_anniversaries_take_mm_dd_and_full_dates(void **state)
{
	static const char *const bad[] = {
		"02-30", "13-01", "6-15", "06/15", "15-06-1985", "2025-02-29",
		"31-02", "--", "0615", "06-15 ",
	};
	union typed t;
	size_t i;

	(void)state;
	t = taken(FU_CLIENTS, FU_C_BIRTHDAY, "06-15");
	assert_int_equal(t.c.birthday.year, 0);
	assert_int_equal(t.c.birthday.month, 6);
	assert_int_equal(t.c.birthday.day, 15);
	t = taken(FU_CLIENTS, FU_C_BIRTHDAY, "02-29");
	assert_int_equal(t.c.birthday.month, 2);
	assert_int_equal(t.c.birthday.day, 29);
	t = taken(FU_CLIENTS, FU_C_BIRTHDAY, "1985-11-28");
	assert_int_equal(t.c.birthday.year, 1985);
	assert_int_equal(t.c.birthday.month, 11);
	assert_int_equal(t.c.birthday.day, 28);
	t = taken(FU_CLIENTS, FU_C_ANNIVERSARY, "2020-02-29");
	assert_int_equal(t.c.anniversary.year, 2020);
	assert_int_equal(t.c.anniversary.month, 2);
	assert_int_equal(t.c.anniversary.day, 29);
	assert_int_equal(t.c.birthday.month, 0);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		refused_as(FU_CLIENTS, FU_C_BIRTHDAY, bad[i],
		    "a date (YYYY-MM-DD or MM-DD)");
		refused_as(FU_CLIENTS, FU_C_ANNIVERSARY, bad[i],
		    "a date (YYYY-MM-DD or MM-DD)");
	}
}

static void
test_row_consent_is_yes_no_or_empty_as_people_type_it(void **state)
{
	static const char *const yes[] = {
		"yes", "Yes", "YES", "s\303\255", "S\303\255", "si", "Si",
		"x", "X", "true", "TRUE", "1", " yes", "yes ",
	};
	static const char *const no[] = {
		"", "no", "No", "NO", "false", "False", "0", " no ",
	};
	static const char *const bad[] = {
		"y", "n", "yess", "ja", "2", "yes please", "-",
	};
	char want[256];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		assert_int_equal(taken(FU_CLIENTS, FU_C_CONSENT,
		    yes[i]).c.consent, 1);
	for (i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		assert_int_equal(taken(FU_CLIENTS, FU_C_CONSENT,
		    no[i]).c.consent, 0);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		snprintf(want, sizeof(want), "consent \"%s\" is not yes, no "
		    "or empty (yes: yes, s\303\255, si, x, true, 1; no: no, "
		    "false, 0)", bad[i]);
		refused(FU_CLIENTS, FU_C_CONSENT, bad[i], want);
	}
}

static void
test_row_side_is_mine_or_the_clients(void **state)
{
	static const char *const bad[] = { "us", "them", "client's", "x" };
	size_t i;

	(void)state;
	assert_int_equal(taken(FU_AGREEMENTS, FU_A_SIDE, "").a.side,
	    FU_SIDE_MINE);
	assert_int_equal(taken(FU_AGREEMENTS, FU_A_SIDE, "mine").a.side,
	    FU_SIDE_MINE);
	assert_int_equal(taken(FU_AGREEMENTS, FU_A_SIDE, "Me").a.side,
	    FU_SIDE_MINE);
	assert_int_equal(taken(FU_AGREEMENTS, FU_A_SIDE, "client").a.side,
	    FU_SIDE_CLIENT);
	assert_int_equal(taken(FU_AGREEMENTS, FU_A_SIDE, "Theirs").a.side,
	    FU_SIDE_CLIENT);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		refused_as(FU_AGREEMENTS, FU_A_SIDE, bad[i],
		    "mine (or me, mío, yo, or empty) or client (or theirs, "
		    "cliente)");
}

static void
test_row_outcomes_are_the_twelve_names_in_any_case(void **state)
{
	static const struct {
		const char *s;
		enum fu_outcome o;
	} names[] = {
		{ "kept", FU_O_KEPT }, { "broken", FU_O_BROKEN },
		{ "moved", FU_O_MOVED }, { "dropped", FU_O_DROPPED },
		{ "signal", FU_O_SIGNAL }, { "lost", FU_O_LOST },
		{ "won", FU_O_WON }, { "referral", FU_O_REFERRAL },
		{ "greeting", FU_O_GREETING }, { "no-next", FU_O_NO_NEXT },
		{ "consent", FU_O_CONSENT }, { "no-consent", FU_O_NO_CONSENT },
	};
	static const char *const bad[] = {
		"keep", "kep", "kept ", " kept", "none", "open", "won!",
		"referrals", "wo", "no next", "noconsent",
	};
	const char *what = "an outcome: kept, broken, moved, dropped, signal, "
	    "lost, won, referral, greeting, no-next, consent or no-consent";
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		assert_int_equal(fu_outcome_parse(names[i].s,
		    strlen(names[i].s)), names[i].o);
		assert_string_equal(fu_outcome_str(names[i].o), names[i].s);
		/* Round trip. */
		assert_int_equal(fu_outcome_parse(fu_outcome_str(names[i].o),
		    strlen(fu_outcome_str(names[i].o))), names[i].o);
		/* A referral row names whom: see the test of row kinds. */
		if (names[i].o != FU_O_REFERRAL)
			assert_int_equal(taken(FU_LOG, FU_L_OUTCOME,
			    names[i].s).l.outcome, names[i].o);
	}
	/* A spreadsheet may have capitalised it. */
	assert_int_equal(fu_outcome_parse("Kept", 4), FU_O_KEPT);
	assert_int_equal(fu_outcome_parse("NO-CONSENT", 10), FU_O_NO_CONSENT);
	assert_string_equal(fu_outcome_str(FU_O_NONE), "");
	assert_int_equal(fu_outcome_parse("", 0), FU_O_NONE);
	assert_int_equal(taken(FU_LOG, FU_L_OUTCOME, "").l.outcome, FU_O_NONE);
	/* The length counts: a prefix is not a name, a longer string may
	 * hold one. */
	assert_int_equal(fu_outcome_parse("kept", 3), FU_O_NONE);
	assert_int_equal(fu_outcome_parse("kept,x", 4), FU_O_KEPT);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(fu_outcome_parse(bad[i], strlen(bad[i])),
		    FU_O_NONE);
		refused_as(FU_LOG, FU_L_OUTCOME, bad[i], what);
	}
	/* The command line takes the Spanish too, in any case; the file
	 * keeps its one vocabulary, so a reader refuses it there. */
	assert_int_equal(fu_outcome_said("cumplido"), FU_O_KEPT);
	assert_int_equal(fu_outcome_said("Cumplida"), FU_O_KEPT);
	assert_int_equal(fu_outcome_said("INCUMPLIDO"), FU_O_BROKEN);
	assert_int_equal(fu_outcome_said("movida"), FU_O_MOVED);
	assert_int_equal(fu_outcome_said("descartado"), FU_O_DROPPED);
	assert_int_equal(fu_outcome_said("kept"), FU_O_KEPT);
	assert_int_equal(fu_outcome_said("cumplid"), FU_O_NONE);
	assert_int_equal(fu_outcome_said(""), FU_O_NONE);
	refused_as(FU_LOG, FU_L_OUTCOME, "cumplido", what);
}

static void
test_row_mood_is_plus_zero_minus_or_empty(void **state)
{
	static const char *const bad[] = {
		"++", "--", "+1", "-1", "00", "1", "plus", " +", "+ ", "=",
	};
	size_t i;

	(void)state;
	assert_int_equal(taken(FU_LOG, FU_L_MOOD, "+").l.mood, FU_MOOD_PLUS);
	assert_int_equal(taken(FU_LOG, FU_L_MOOD, "0").l.mood, FU_MOOD_ZERO);
	assert_int_equal(taken(FU_LOG, FU_L_MOOD, "-").l.mood, FU_MOOD_MINUS);
	assert_int_equal(taken(FU_LOG, FU_L_MOOD, "").l.mood, FU_MOOD_NONE);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		refused_as(FU_LOG, FU_L_MOOD, bad[i], "+, 0 or -");
}

static void
test_row_amounts_are_cents_not_negative(void **state)
{
	static const char *const bad[] = {
		"-5", "1e3", "abc", "1,234", "1.234", " 5", "5 ", "$5",
		"99999999999999999999",
	};
	union typed t;
	size_t i;

	(void)state;
	t = taken(FU_LOG, FU_L_AMOUNT, "1250.50");
	assert_int_equal(t.l.has_amount, 1);
	assert_int_equal(t.l.amount, 125050);
	t = taken(FU_LOG, FU_L_AMOUNT, "0");
	assert_int_equal(t.l.has_amount, 1);
	assert_int_equal(t.l.amount, 0);
	t = taken(FU_LOG, FU_L_AMOUNT, "19,99");
	assert_int_equal(t.l.amount, 1999);
	t = taken(FU_LOG, FU_L_AMOUNT, "");
	assert_int_equal(t.l.has_amount, 0);
	assert_int_equal(t.l.amount, 0);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		refused_as(FU_LOG, FU_L_AMOUNT, bad[i],
		    "an amount (such as 1250 or 1250.50, not negative)");
}

static void
test_row_periods_recur_by_days_weeks_months_years(void **state)
{
	static const char *const bad[] = {
		"0d", "3x", "d", "3", "-1m", "1.5m", "101y", " 3m", "3m ",
	};
	union typed t;
	size_t i;

	(void)state;
	t = taken(FU_AGREEMENTS, FU_A_EVERY, "90d");
	assert_int_equal(t.a.every.n, 90);
	assert_int_equal(t.a.every.unit, 'd');
	t = taken(FU_AGREEMENTS, FU_A_EVERY, "2w");
	assert_int_equal(t.a.every.n, 2);
	assert_int_equal(t.a.every.unit, 'w');
	t = taken(FU_AGREEMENTS, FU_A_EVERY, "3m");
	assert_int_equal(t.a.every.unit, 'm');
	t = taken(FU_AGREEMENTS, FU_A_EVERY, "1y");
	assert_int_equal(t.a.every.unit, 'y');
	t = taken(FU_AGREEMENTS, FU_A_EVERY, "");
	assert_int_equal(t.a.every.n, 0);	/* not recurring */
	assert_int_equal(t.a.every.unit, 0);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		refused_as(FU_AGREEMENTS, FU_A_EVERY, bad[i],
		    "a period such as 90d, 2w, 3m or 1y");
}

static void
test_row_agreement_and_log_carry_their_text_columns(void **state)
{
	union typed t;

	(void)state;
	t = taken(FU_AGREEMENTS, FU_A_CHANNEL, "phone");
	assert_int_equal(t.a.id, 1);
	assert_int_equal(t.a.client, 1);
	assert_string_equal(t.a.what, "Call");
	assert_string_equal(t.a.channel, "phone");
	assert_int_equal(t.a.due, d("2026-11-23"));
	assert_int_equal(t.a.closed, FU_DATE_NONE);
	t = taken(FU_LOG, FU_L_NOTE, "said yes");
	assert_int_equal(t.l.id, 1);
	assert_int_equal(t.l.client, 1);
	assert_int_equal(t.l.date, d("2026-11-23"));
	assert_string_equal(t.l.note, "said yes");
	assert_string_equal(t.l.channel, "");
	assert_int_equal(t.l.outcome, FU_O_NONE);
	assert_int_equal(t.l.mood, FU_MOOD_NONE);
	assert_int_equal(t.l.agreement, 0);
	assert_int_equal(t.l.next, 0);
	assert_int_equal(t.l.has_amount, 0);
}

static void
test_row_message_quotes_at_most_40_bytes_of_the_value(void **state)
{
	const char *v = "2026-01-05-and-then-some-more-text-that-goes-on-and-on";
	char want[256];

	(void)state;
	snprintf(want, sizeof(want), "since \"%.40s\" is not a date "
	    "(YYYY-MM-DD)", v);
	refused(FU_CLIENTS, FU_C_SINCE, v, want);
	assert_int_equal(strlen(want), strlen("since \"\" is not a date "
	    "(YYYY-MM-DD)") + 40);
}

static void
test_row_first_bad_column_is_the_one_named(void **state)
{
	struct fu_row r = row_with(FU_CLIENTS, FU_C_SINCE, "never");
	struct fu_client c;
	struct fu_err e = { 0 };

	(void)state;
	/* An id is checked before anything else in the row. */
	r.f[FU_C_ID] = "x";
	r.len[FU_C_ID] = 1;
	r.f[FU_C_NAME] = "";
	r.len[FU_C_NAME] = 0;
	assert_int_equal(fu_row_client(&r, "clients.csv", &c, &e), -1);
	assert_string_equal(e.text, "id \"x\" is not " NOT_ID);
	r.f[FU_C_ID] = "1";
	assert_int_equal(fu_row_client(&r, "clients.csv", &c, &e), -1);
	assert_string_equal(e.text, "since \"never\" is not a date "
	    "(YYYY-MM-DD)");
}

/* Known bug: the value in a message is cut at 40 bytes, which may split
 * a UTF-8 character and leave half of it in the message.  From the
 * command line:
 *   printf 'id,name,birthday\n1,Ana,%sñ\n' "$(printf 'a%.0s' $(seq 39))" \
 *       > p/clients.csv; fu-due -p p
 * prints `birthday "aaa...a\303" is not a date ...` (a lone 0xC3 byte). */
static void
test_row_message_never_cuts_a_utf8_character_in_half(void **state)
{
	char v[64];
	struct fu_row r;
	struct fu_client c;
	struct fu_err e = { 0 };

	(void)state;
	memset(v, 'a', 39);
	strcpy(v + 39, "ñ");	/* bytes 40 and 41 */
	r = row_with(FU_CLIENTS, FU_C_BIRTHDAY, v);
	assert_int_equal(fu_utf8_valid(v, strlen(v)), 1);
	assert_int_equal(fu_row_client(&r, "clients.csv", &c, &e), -1);
	if (!fu_utf8_valid(e.text, strlen(e.text)))
		fail_msg("message is not valid UTF-8: %s", e.text);
}

/* A log row of outcome o with column k set to s: the kinds of row that
 * alone may say a thing (issue 12: a hand-edited no-next row with an
 * amount aborted fu-stats; a self-referral was counted). */
static int
log_kind(const char *o, int k, const char *s, struct fu_err *e)
{
	struct fu_row r = row_with(FU_LOG, k, s);
	struct fu_logrow l;

	r.f[FU_L_OUTCOME] = o;
	r.len[FU_L_OUTCOME] = strlen(o);
	return fu_row_log(&r, "log.csv", &l, e);
}

static void
test_row_log_says_what_its_kind_of_row_may_say(void **state)
{
	static const int nonext_empty[] = {
		FU_L_AGREEMENT, FU_L_AMOUNT, FU_L_MOOD, FU_L_NEXT,
	};
	static const char *const values[] = { "3", "100", "+", "4" };
	struct fu_err e = { 0 };
	size_t i;

	(void)state;
	assert_int_equal(log_kind("no-next", FU_L_NOTE, "Bought for the year",
	    &e), 0);
	for (i = 0; i < sizeof(nonext_empty) / sizeof(nonext_empty[0]); i++) {
		memset(&e, 0, sizeof(e));
		assert_int_equal(log_kind("no-next", nonext_empty[i],
		    values[i], &e), -1);
		assert_int_equal(e.code, FU_EXIT_DATA);
		assert_string_equal(e.text, "a no-next row says why there is "
		    "no next step: its agreement, amount, mood and next are "
		    "empty");
	}
	assert_int_equal(log_kind("referral", FU_L_REFERRED, "2", &e), 0);
	assert_int_equal(log_kind("Referral", FU_L_REFERRED, "1", &e), -1);
	assert_string_equal(e.text, "a client does not refer themselves "
	    "(client and referred are both 1)");
	/* Before the referred column, the note said whom. */
	assert_int_equal(log_kind("referral", FU_L_REFERRED, "", &e), 0);
	assert_int_equal(log_kind("kept", FU_L_REFERRED, "2", &e), -1);
	assert_string_equal(e.text, "referred is for a referral row, and this "
	    "one is not");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_row_client_takes_a_full_row),
		cmocka_unit_test(
		    test_row_client_empty_optional_columns_read_as_none),
		cmocka_unit_test(test_row_ids_run_from_1_to_int64_max),
		cmocka_unit_test(
		    test_row_ids_refuse_zero_overflow_signs_and_spaces),
		cmocka_unit_test(test_row_every_id_column_is_checked),
		cmocka_unit_test(test_row_required_columns_may_not_be_empty),
		cmocka_unit_test(test_row_dates_are_strict_iso),
		cmocka_unit_test(
		    test_row_birthdays_and_anniversaries_take_mm_dd_and_full_dates),
		cmocka_unit_test(
		    test_row_consent_is_yes_no_or_empty_as_people_type_it),
		cmocka_unit_test(test_row_side_is_mine_or_the_clients),
		cmocka_unit_test(
		    test_row_outcomes_are_the_twelve_names_in_any_case),
		cmocka_unit_test(test_row_mood_is_plus_zero_minus_or_empty),
		cmocka_unit_test(test_row_amounts_are_cents_not_negative),
		cmocka_unit_test(
		    test_row_periods_recur_by_days_weeks_months_years),
		cmocka_unit_test(
		    test_row_agreement_and_log_carry_their_text_columns),
		cmocka_unit_test(
		    test_row_message_quotes_at_most_40_bytes_of_the_value),
		cmocka_unit_test(test_row_first_bad_column_is_the_one_named),
		cmocka_unit_test(
		    test_row_message_never_cuts_a_utf8_character_in_half),
		cmocka_unit_test(
		    test_row_log_says_what_its_kind_of_row_may_say),
	};
	return cmocka_run_group_tests_name("row", tests, NULL, NULL);
}
