/*
 * test_report.c - report.c: the retention report of fu-stats.
 *
 * The fixture is a portfolio of twelve clients written by the test.  Every
 * expected figure below was computed by hand from the rows of the fixture
 * (the reasoning is in the comments), never by the code under test.
 *
 * The story of the fixture, in October 2026:
 *   1 Ana López   old client (first sale 2026-04-10); a sale on 10-01, the
 *                 first day, and another on 10-31, the last; referred Eve
 *                 and Fay; reached by call and message.
 *   2 Bea Ruiz    first sale 05-01 (the first day of October's six
 *                 months); broke then dropped an agreement: adrift at the
 *                 end; referred Lou; reached by email only, twice.
 *   3 Carl Berg   lost on 09-15, before the period; won back on 10-10.
 *   4 Dan Olsen   lost on 10-05 and won back on 10-20: both in October.
 *   5 Eve Stone   new on 10-01, the first day; first sale on 10-15.
 *   6 Fay Wong    new on 10-31, the last day; nothing else: adrift.
 *   7 Gus Hale    added on 11-05, after the period; a contact on 11-06.
 *   8 Hal Price   first sale 09-20; lost on 10-25, and stays lost.
 *   9 Ivy Chen    never contacted: silent; an open agreement with no
 *                 made date, due 09-01: overdue.
 *  10 Jon Marsh   last contact 08-02, exactly 90 days before 10-31:
 *                 silent; his agreement due 10-20 is overdue.
 *  11 Kim Park    no since date; a recurring agreement moved then kept,
 *                 by "email" and "Email": one channel.
 *  12 Lou Reed    new on 10-15, referred by Bea; first sale on 10-30.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

static const char *const clients[] = {
	"id,name,since,referred_by,stage",
	"1,Ana López,2026-01-10,,customer",
	"2,Bea Ruiz,2026-03-05,,customer",
	"3,Carl Berg,2026-06-01,,customer",
	"4,Dan Olsen,2026-02-01,,negotiation",
	"5,Eve Stone,2026-10-01,1,prospect",
	"6,Fay Wong,2026-10-31,1,prospect",
	"7,Gus Hale,2026-11-05,,prospect",
	"8,Hal Price,2026-04-01,,customer",
	"9,Ivy Chen,2026-05-01,,customer",
	"10,Jon Marsh,2026-03-01,,Customer",
	"11,Kim Park,,,",
	"12,Lou Reed,2026-10-15,2,prospect",
	NULL
};

static const char *const agreements[] = {
	"id,client,what,due,channel,every,made,from",
	"1,1,Send the quote,2026-10-03,call,,2026-09-20,",
	"2,2,Send the catalogue,2026-10-10,email,,2026-09-25,",
	"3,4,Visit the office,2026-10-04,visit,,2026-09-01,",
	"4,8,Call about the renewal,2026-11-30,call,,2026-09-10,",
	"5,10,Call to take the order,2026-10-20,call,,2026-08-02,3",
	"6,11,Email the price list,2026-10-12,email,,2026-09-30,",
	"7,1,Call to close the order,2026-11-05,call,,2026-10-01,6",
	"8,5,Email the brochure,2026-10-15,email,,2026-10-02,7",
	"9,2,Email the new catalogue,2026-10-20,email,,2026-10-06,9",
	"10,3,Call to plan the return,2026-11-10,call,,2026-10-10,10",
	"11,11,Email the monthly offer,2026-10-26,email,1m,2026-10-12,11",
	"12,5,Email the contract,2026-11-15,email,,2026-10-15,12",
	"13,12,Visit the studio,2026-10-30,visit,,2026-10-16,13",
	"14,4,Visit to sign again,2026-11-03,visit,,2026-10-20,14",
	"15,11,Email the monthly offer,2026-11-26,email,1m,2026-10-26,17",
	"16,12,Visit to deliver the desks,2026-11-06,visit,,2026-10-30,18",
	"17,1,Call to close the order,2026-11-12,call,,2026-10-31,19",
	"18,7,Call to present the range,2026-11-20,call,,2026-11-06,21",
	"19,2,Call about the invoice,2026-11-20,call,,2026-11-02,22",
	"20,9,Visit the new shop,2026-09-01,,,,",
	NULL
};

static const char *const logrows[] = {
	"id,date,client,agreement,channel,outcome,amount,mood,next,note",
	"1,2026-04-10,1,,call,,100.00,,,",
	"2,2026-05-01,2,,visit,,200.00,,,",
	"3,2026-08-02,10,,call,,,0,5,",
	"4,2026-09-15,3,,call,lost,,,,Went to a competitor",
	"5,2026-09-20,8,,call,,50.00,+,,",
	"6,2026-10-01,1,1,call,kept,300.00,+,7,",
	"7,2026-10-02,5,,call,,,+,8,",
	"8,2026-10-05,4,,call,lost,,,,",
	"9,2026-10-06,2,2,email,broken,,-,9,",
	"10,2026-10-10,3,,call,won,,,10,",
	"11,2026-10-12,11,6,email,moved,,0,11,",
	"12,2026-10-15,5,8,email,kept,80.00,+,12,",
	"13,2026-10-16,12,,call,,,0,13,",
	"14,2026-10-20,4,,visit,won,,,14,",
	"15,2026-10-20,2,9,email,dropped,,0,,",
	"16,2026-10-25,8,,call,lost,,,,",
	"17,2026-10-26,11,11,Email,kept,,+,15,",
	"18,2026-10-30,12,13,visit,kept,500.00,+,16,",
	"19,2026-10-31,1,7,call,moved,120.00,0,17,",
	"20,2026-10-31,1,,message,referral,,,,Referred Fay Wong",
	"21,2026-11-06,7,,call,,,,18,",
	"22,2026-11-02,2,,call,,70.00,,19,",
	NULL
};

/* Three portfolios that are the fixture split by client; referrers stay
 * with whom they referred. */
static const int part1[] = { 1, 5, 6, 7, 0 };
static const int part2[] = { 2, 3, 9, 12, 0 };
static const int part3[] = { 4, 8, 10, 11, 0 };

static char root[64], all[96], p1[96], p2[96], p3[96], empty[96];

/* How printed() prints the report: set by report() and the tests. */
static enum fu_fmt out_fmt;
static const char *out_tmpl;

/* The client a row is about: field col, as a number. */
static int
client_of(const char *row, int col)
{
	while (col-- > 0)
		row = strchr(row, ',') + 1;
	return atoi(row);
}

static int
wanted(const int *only, int client)
{
	if (only == NULL)
		return 1;
	for (; *only != 0; only++)
		if (*only == client)
			return 1;
	return 0;
}

static void
write_table(const char *dir, const char *name, const char *const *rows,
    int col, const int *only)
{
	char path[160];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	assert_non_null(f = fopen(path, "w"));
	fprintf(f, "%s\n", rows[0]);
	for (rows++; *rows != NULL; rows++)
		if (wanted(only, client_of(*rows, col)))
			fprintf(f, "%s\n", *rows);
	assert_int_equal(fclose(f), 0);
}

static void
write_portfolio(const char *dir, const int *only)
{
	assert_int_equal(mkdir(dir, 0700), 0);
	write_table(dir, "clients.csv", clients, 0, only);
	write_table(dir, "agreements.csv", agreements, 1, only);
	write_table(dir, "log.csv", logrows, 2, only);
}

/* A small portfolio of its own, in root/name. */
static const char *
small(const char *name, const char *c, const char *a, const char *l)
{
	static char dir[160];
	char path[200];
	FILE *f;

	snprintf(dir, sizeof(dir), "%s/%s", root, name);
	assert_int_equal(mkdir(dir, 0700), 0);
	snprintf(path, sizeof(path), "%s/clients.csv", dir);
	assert_non_null(f = fopen(path, "w"));
	fputs(c, f);
	fclose(f);
	snprintf(path, sizeof(path), "%s/agreements.csv", dir);
	assert_non_null(f = fopen(path, "w"));
	fputs(a, f);
	fclose(f);
	snprintf(path, sizeof(path), "%s/log.csv", dir);
	assert_non_null(f = fopen(path, "w"));
	fputs(l, f);
	fclose(f);
	return dir;
}

static int
setup(void **state)
{
	(void)state;
	snprintf(root, sizeof(root), "/tmp/fu-report.XXXXXX");
	assert_non_null(mkdtemp(root));
	snprintf(all, sizeof(all), "%s/all", root);
	snprintf(p1, sizeof(p1), "%s/p1", root);
	snprintf(p2, sizeof(p2), "%s/p2", root);
	snprintf(p3, sizeof(p3), "%s/p3", root);
	snprintf(empty, sizeof(empty), "%s/empty", root);
	write_portfolio(all, NULL);
	write_portfolio(p1, part1);
	write_portfolio(p2, part2);
	write_portfolio(p3, part3);
	assert_int_equal(mkdir(empty, 0700), 0);
	return 0;
}

static int
teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf %s", root);
	return system(cmd);
}

/* A report over some portfolios; fails the test on an error. */
static struct fu_report *
report(const char *const *dirs, fu_date from, fu_date to,
    enum fu_report_by by, enum fu_fmt fmt)
{
	/* Today a year after the period: every row of the fixture known. */
	struct fu_report_spec q = { from, to, by, to + 366 };
	struct fu_portfolio pf;
	struct fu_report *r;
	struct fu_err e = { 0 };

	out_fmt = fmt;
	out_tmpl = NULL;
	if ((r = fu_report_new(&q, &e)) == NULL)
		fail_msg("%s", e.text);
	for (; *dirs != NULL; dirs++) {
		assert_int_equal(fu_portfolio_open(&pf, *dirs, &e), 0);
		if (fu_report_add(r, &pf, &e) == -1)
			fail_msg("%s:%ld: %s", e.file, e.line, e.text);
	}
	return r;
}

static struct fu_report *
october(const char *dir, enum fu_report_by by, enum fu_fmt fmt)
{
	const char *dirs[] = { dir, NULL };

	return report(dirs, d("2026-10-01"), d("2026-10-31"), by, fmt);
}

/* What fu_report_print writes, as a string to free. */
static char *
printed(const struct fu_report *r)
{
	char path[128], *s;
	struct fu_err e = { 0 };
	struct fu_cli cli = { 0 };
	FILE *f;
	long n;
	int fd, saved;

	cli.fmt = out_fmt;
	cli.tmpl = out_tmpl;
	snprintf(path, sizeof(path), "%s/out", root);
	fflush(stdout);
	saved = dup(STDOUT_FILENO);
	assert_true((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600)) >= 0);
	dup2(fd, STDOUT_FILENO);
	close(fd);
	if (fu_report_print(r, &cli, &e) == -1)
		fail_msg("%s", e.text);
	fflush(stdout);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	assert_non_null(f = fopen(path, "r"));
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	assert_non_null(s = malloc((size_t)n + 1));
	assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
	s[n] = '\0';
	fclose(f);
	return s;
}

static void
test_report_october_gives_every_field_computed_by_hand(void **state)
{
	struct fu_report *r = october(all, FU_BY_NONE, FU_FMT_TSV);
	const struct fu_figures *f;
	const char *key;

	(void)state;
	assert_int_equal(fu_report_rows(r), 1);
	assert_non_null(f = fu_report_row(r, 0, &key));
	assert_string_equal(key, "");
	assert_int_equal(f->from, d("2026-10-01"));
	assert_int_equal(f->to, d("2026-10-31"));
	/* since before 10-01 and not lost on 09-30: 1, 2, 4, 8, 9, 10, 11
	 * (no since); not 3 (lost 09-15), 5 (since 10-01), 6, 7, 12. */
	assert_int_equal(f->n[FU_R_CLIENTS_START], 7);
	/* since in October: 5 (10-01), 12 (10-15), 6 (10-31). */
	assert_int_equal(f->n[FU_R_CLIENTS_NEW], 3);
	/* lost: log 8 (Dan), 16 (Hal); won: log 10 (Carl), 14 (Dan). */
	assert_int_equal(f->n[FU_R_CLIENTS_LOST], 2);
	assert_int_equal(f->n[FU_R_CLIENTS_WON], 2);
	/* since up to 10-31, not lost at the end: all but 7 (after) and 8
	 * (lost): 1, 2, 3, 4, 5, 6, 9, 10, 11, 12. */
	assert_int_equal(f->n[FU_R_CLIENTS_END], 10);
	/* Of those, a log row in October: 1, 2, 3, 4, 5, 11, 12. */
	assert_int_equal(f->n[FU_R_CONTACTED], 7);
	/* Last row or since 90 days or more before 10-31: 9 (since 05-01,
	 * no row: 183 days) and 10 (last row 08-02: 90 days). */
	assert_int_equal(f->n[FU_R_SILENT_90], 2);
	/* made in October: agreements 7 to 17. */
	assert_int_equal(f->n[FU_R_MADE], 11);
	/* kept: log 6, 12, 17, 18; broken: 9; moved: 11, 19; dropped: 15. */
	assert_int_equal(f->n[FU_R_KEPT], 4);
	assert_int_equal(f->n[FU_R_BROKEN], 1);
	assert_int_equal(f->n[FU_R_MOVED], 2);
	assert_int_equal(f->n[FU_R_DROPPED], 1);
	/* Open at the end: 5, 10, 12, 14, 15, 16, 17, 20 (3 and 4 dropped by
	 * the losses, 18 and 19 made later); due before 10-31: 5 (10-20) and
	 * 20 (09-01). */
	assert_int_equal(f->n[FU_R_OPEN], 8);
	assert_int_equal(f->n[FU_R_OVERDUE], 2);
	/* No open agreement: 2 (dropped hers) and 6 (none ever). */
	assert_int_equal(f->n[FU_R_ADRIFT], 2);
	/* Sales: log 6 (300), 12 (80), 18 (500), 19 (120); first sales are
	 * 12 (Eve) and 18 (Lou); Ana's first was log 1, in April. */
	assert_int_equal(f->n[FU_R_SALES], 4);
	assert_int_equal(f->n[FU_R_AMOUNT], 100000);
	assert_int_equal(f->n[FU_R_SALES_NEW], 2);
	assert_int_equal(f->n[FU_R_AMOUNT_NEW], 58000);
	/* Six months from 05-01: log 2 (200), 5 (50) and the four above;
	 * first sales among them: 2 (Bea), 5 (Hal), 12, 18. */
	assert_int_equal(f->n[FU_R_SALES6], 6);
	assert_int_equal(f->n[FU_R_AMOUNT6], 125000);
	assert_int_equal(f->n[FU_R_SALES6_NEW], 4);
	assert_int_equal(f->n[FU_R_AMOUNT6_NEW], 83000);
	/* The three new clients were all referred. */
	assert_int_equal(f->n[FU_R_REFERRED], 3);
	/* Log 6 to 20; mood + 6 7 12 17 18, 0 11 13 15 19, - 9. */
	assert_int_equal(f->n[FU_R_CONTACTS], 15);
	assert_int_equal(f->n[FU_R_MOOD_PLUS], 5);
	assert_int_equal(f->n[FU_R_MOOD_ZERO], 4);
	assert_int_equal(f->n[FU_R_MOOD_MINUS], 1);
	/* Twice or more, one channel: Bea (email), Kim (email, Email). */
	assert_int_equal(f->n[FU_R_ONE_CHANNEL], 2);
	assert_int_equal(f->na, 0);
	fu_report_free(r);
}

#define HEADER "from\tto\tclients_start\tclients_new\tclients_lost\t" \
	"clients_won\tclients_end\tretention\tchurn\tcontacted\tcoverage\t" \
	"silent_90\tmade\tkept\tbroken\tmoved\tdropped\tkept_rate\topen\t" \
	"overdue\tadrift\tsales\tamount\tsales_existing\tsales_new\t" \
	"sales6_existing\tsales6_new\treferred\treferral_share\tcontacts\t" \
	"mood_plus\tmood_zero\tmood_minus\tamount_existing\tamount_new\t" \
	"amount6_existing\tamount6_new\tone_channel\ttop_referrers\t" \
	"kept_mine\tbroken_mine\tkept_rate_mine\tkept_theirs\t" \
	"broken_theirs\tkept_rate_theirs\tsignals\tat_risk\tgreetings\t" \
	"exit_plans\texit_interviews\tlost_12m\twon_back_12m\twinback_rate\t" \
	"post_sale_cared\tpost_sale_coverage\n"
/* retention (10 - 3 - 2) / 7 = 71.43; churn 2 / 7 = 28.57; coverage
 * 7 / 10; kept rate 4 / 5; referral share 3 / 3.  No agreement says who
 * owes it (the table has no side column): all are mine.  No plan: no
 * exit plan, interview or sale cared for (0 of 4 sales); lost in the 12
 * months to 10-31: Carl (09-15), Dan (10-05), Hal (10-25), of whom Carl
 * (10-10) and Dan (10-20) came back: 2 / 3. */
#define OCTOBER "2026-10-01\t2026-10-31\t7\t3\t2\t2\t10\t71.4\t28.6\t7\t" \
	"70.0\t2\t11\t4\t1\t2\t1\t80.0\t8\t2\t2\t4\t1000.00\t2\t2\t2\t4\t3\t" \
	"100.0\t15\t5\t4\t1\t420.00\t580.00\t420.00\t830.00\t2\t" \
	"Ana López (2); Bea Ruiz (1)\t4\t1\t80.0\t0\t0\t\t0\t0\t0\t0\t0\t" \
	"3\t2\t66.7\t0\t0.0\n"

static void
test_report_prints_tsv_with_the_spec_field_names(void **state)
{
	struct fu_report *r = october(all, FU_BY_NONE, FU_FMT_TSV);
	char *s = printed(r);

	(void)state;
	assert_string_equal(s, HEADER OCTOBER);
	free(s);
	fu_report_free(r);
}

static void
test_report_prints_csv_json_and_templates_with_the_same_values(void **state)
{
	struct fu_report_spec q = { .from = d("2026-10-01"),
	    .to = d("2026-10-31"), .by = FU_BY_NONE };
	struct fu_report *r = october(all, FU_BY_NONE, FU_FMT_CSV);
	struct fu_portfolio pf;
	struct fu_err e = { 0 };
	char *s = printed(r);

	(void)state;
	assert_non_null(strstr(s, "\n2026-10-01,2026-10-31,7,3,2,2,10,71.4,"
	    "28.6,7,70.0,2,11,4,1,2,1,80.0,8,2,2,4,1000.00,2,2,2,4,3,100.0,15,"
	    "5,4,1,420.00,580.00,420.00,830.00,2,Ana López (2); Bea Ruiz (1),"
	    "4,1,80.0,0,0,,0,0,0,0,0,3,2,66.7,0,0.0\n"));
	free(s);
	fu_report_free(r);

	r = october(all, FU_BY_NONE, FU_FMT_JSON);
	s = printed(r);
	assert_non_null(strstr(s, "{\"from\":\"2026-10-01\",\"to\":"
	    "\"2026-10-31\",\"clients_start\":7,"));
	assert_non_null(strstr(s, "\"retention\":71.4,\"churn\":28.6,"));
	assert_non_null(strstr(s, "\"amount\":1000.00,"));
	assert_non_null(strstr(s, "\"top_referrers\":\"Ana López (2); Bea "
	    "Ruiz (1)\",\"kept_mine\":4,\"broken_mine\":1,"
	    "\"kept_rate_mine\":80.0,\"kept_theirs\":0,\"broken_theirs\":0,"
	    "\"kept_rate_theirs\":null,\"signals\":0,\"at_risk\":0,"
	    "\"greetings\":0,\"exit_plans\":0,\"exit_interviews\":0,"
	    "\"lost_12m\":3,\"won_back_12m\":2,\"winback_rate\":66.7,"
	    "\"post_sale_cared\":0,\"post_sale_coverage\":0.0}\n"));
	free(s);
	fu_report_free(r);

	assert_non_null(r = fu_report_new(&q, &e));
	assert_int_equal(fu_portfolio_open(&pf, all, &e), 0);
	assert_int_equal(fu_report_add(r, &pf, &e), 0);
	out_fmt = FU_FMT_TEMPLATE;
	out_tmpl = "{retention}|{coverage}|{amount}|{top_referrers}";
	s = printed(r);
	assert_string_equal(s, "71.4|70.0|1000.00|Ana López (2); Bea Ruiz "
	    "(1)\n");
	free(s);
	fu_report_free(r);
}

static void
test_report_for_a_person_has_every_section_within_80_columns(void **state)
{
	struct fu_report *r = october(all, FU_BY_NONE, FU_FMT_TEXT);
	char *s = printed(r), *line, *save = NULL;

	(void)state;
	assert_non_null(strstr(s, "Retention report, 2026-10-01 to "
	    "2026-10-31\n"));
	assert_non_null(strstr(s, "\nClients\n  At the start                 "
	    "    7      Retention                    71.4%\n"));
	assert_non_null(strstr(s, "\nAgreements\n  Made                     "
	    "       11      Kept rate                    80.0%\n"));
	assert_non_null(strstr(s, "  Six months from 2026-05-01           6"
	    "                1250.00\n"));
	assert_non_null(strstr(s, "    to new clients                     4"
	    "    66.7%        830.00    66.4%\n"));
	assert_non_null(strstr(s, "\nReferrals\n"));
	assert_non_null(strstr(s, "    Ana López                              "
	    "        2\n"));
	assert_non_null(strstr(s, "\nContacts and mood\n"));
	assert_non_null(strstr(s, "  By channel:    call 7, Email 5, visit 2, "
	    "message 1\n"));
	assert_non_null(strstr(s, "    Bea Ruiz                                 "
	    "Email                  2\n    Kim Park"));
	for (line = strtok_r(s, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (fu_utf8_width(line, strlen(line)) > 80)
			fail_msg("wider than 80 columns: %s", line);
		assert_true(line[strlen(line) - 1] != ' ');
	}
	free(s);
	fu_report_free(r);
}

static void
test_report_an_empty_period_counts_clients_and_leaves_rates_of_nothing_empty(
    void **state)
{
	const char *dirs[] = { all, NULL };
	struct fu_report *r = report(dirs, d("2026-07-01"), d("2026-07-31"),
	    FU_BY_NONE, FU_FMT_TSV);
	const struct fu_figures *f = fu_report_row(r, 0, NULL);
	char *s;

	(void)state;
	/* since before 07-01: 1, 2, 3 (06-01), 4, 8, 9, 10, 11; nobody lost
	 * yet, nobody new. */
	assert_int_equal(f->n[FU_R_CLIENTS_START], 8);
	assert_int_equal(f->n[FU_R_CLIENTS_NEW], 0);
	assert_int_equal(f->n[FU_R_CLIENTS_END], 8);
	assert_int_equal(f->n[FU_R_CONTACTS], 0);
	assert_int_equal(f->n[FU_R_CONTACTED], 0);
	/* Silent on 07-31: 1 (last 04-10), 2 (05-01: 91 days), 4 (since
	 * 02-01), 8 (since 04-01), 9 (since 05-01), 10 (since 03-01), 11
	 * (nothing at all); not 3 (since 06-01). */
	assert_int_equal(f->n[FU_R_SILENT_90], 7);
	/* Only 20, which has no made date, is open; all but Ivy adrift. */
	assert_int_equal(f->n[FU_R_OPEN], 1);
	assert_int_equal(f->n[FU_R_OVERDUE], 0);
	assert_int_equal(f->n[FU_R_ADRIFT], 7);
	/* Six months from 02-01: log 1 (100) and 2 (200), both first. */
	assert_int_equal(f->n[FU_R_SALES6], 2);
	assert_int_equal(f->n[FU_R_SALES6_NEW], 2);
	assert_int_equal(f->n[FU_R_AMOUNT6], 30000);
	s = printed(r);
	/* retention 8 / 8, churn 0 / 8, coverage 0 / 8; kept rate and
	 * referral share have a zero denominator: empty; so have the
	 * win-back rate (no loss in the 12 months to 07-31) and post-sale
	 * coverage (no sale). */
	assert_string_equal(s, HEADER "2026-07-01\t2026-07-31\t8\t0\t0\t0\t8\t"
	    "100.0\t0.0\t0\t0.0\t7\t0\t0\t0\t0\t0\t\t1\t0\t7\t0\t0.00\t0\t0\t0\t"
	    "2\t0\t\t0\t0\t0\t0\t0.00\t0.00\t0.00\t300.00\t0\t"
	    "\t0\t0\t\t0\t0\t\t0\t0\t0\t0\t0\t0\t0\t\t0\t\n");
	free(s);
	fu_report_free(r);
}

static void
test_report_an_empty_portfolio_has_every_rate_empty(void **state)
{
	struct fu_report *r = october(empty, FU_BY_NONE, FU_FMT_JSON);
	char *s = printed(r);

	(void)state;
	assert_string_equal(s, "{\"from\":\"2026-10-01\",\"to\":\"2026-10-31\","
	    "\"clients_start\":0,\"clients_new\":0,\"clients_lost\":0,"
	    "\"clients_won\":0,\"clients_end\":0,\"retention\":null,"
	    "\"churn\":null,\"contacted\":0,\"coverage\":null,\"silent_90\":0,"
	    "\"made\":0,\"kept\":0,\"broken\":0,\"moved\":0,\"dropped\":0,"
	    "\"kept_rate\":null,\"open\":0,\"overdue\":0,\"adrift\":0,"
	    "\"sales\":0,\"amount\":0.00,\"sales_existing\":0,\"sales_new\":0,"
	    "\"sales6_existing\":0,\"sales6_new\":0,\"referred\":0,"
	    "\"referral_share\":null,\"contacts\":0,\"mood_plus\":0,"
	    "\"mood_zero\":0,\"mood_minus\":0,\"amount_existing\":0.00,"
	    "\"amount_new\":0.00,\"amount6_existing\":0.00,\"amount6_new\":0.00,"
	    "\"one_channel\":0,\"top_referrers\":\"\",\"kept_mine\":0,"
	    "\"broken_mine\":0,\"kept_rate_mine\":null,\"kept_theirs\":0,"
	    "\"broken_theirs\":0,\"kept_rate_theirs\":null,\"signals\":0,"
	    "\"at_risk\":0,\"greetings\":0,\"exit_plans\":0,"
	    "\"exit_interviews\":0,\"lost_12m\":0,\"won_back_12m\":0,"
	    "\"winback_rate\":null,\"post_sale_cared\":0,"
	    "\"post_sale_coverage\":null}\n");
	free(s);
	fu_report_free(r);
	r = october(empty, FU_BY_NONE, FU_FMT_TEXT);
	s = printed(r);
	assert_non_null(strstr(s, "  At the start                     0      "
	    "Retention                        -\n"));
	assert_non_null(strstr(s, "  Made                             0      "
	    "Kept rate                        -\n"));
	free(s);
	fu_report_free(r);
}

static void
test_report_a_client_lost_and_won_back_in_the_period_is_lost_and_won(
    void **state)
{
	const char *dirs[2] = { NULL, NULL };
	const struct fu_figures *f;
	struct fu_report *r;
	char *s;

	(void)state;
	dirs[0] = small("lostwon", "id,name,since\n1,Ana,2026-01-01\n",
	    "id,client,what,due,channel,every,made,from\n"
	    "1,1,Call to win her back,2026-10-25,call,,2026-10-12,2\n",
	    "id,date,client,agreement,channel,outcome,amount,mood,next,note\n"
	    "1,2026-10-05,1,,call,lost,,,,\n2,2026-10-12,1,,call,won,,,1,\n");
	r = report(dirs, d("2026-10-01"), d("2026-10-31"), FU_BY_NONE,
	    FU_FMT_TSV);
	f = fu_report_row(r, 0, NULL);
	/* She was there at the start and is there at the end, but she was
	 * lost: retention (1 - 0 - 1) / 1 = 0%, churn 1 / 1 = 100%. */
	assert_int_equal(f->n[FU_R_CLIENTS_START], 1);
	assert_int_equal(f->n[FU_R_CLIENTS_LOST], 1);
	assert_int_equal(f->n[FU_R_CLIENTS_WON], 1);
	assert_int_equal(f->n[FU_R_CLIENTS_END], 1);
	assert_int_equal(f->n[FU_R_CONTACTED], 1);
	assert_int_equal(f->n[FU_R_OPEN], 1);
	assert_int_equal(f->n[FU_R_OVERDUE], 1);
	assert_int_equal(f->n[FU_R_ADRIFT], 0);
	s = printed(r);
	assert_non_null(strstr(s, "\n2026-10-01\t2026-10-31\t1\t0\t1\t1\t1\t"
	    "0.0\t100.0\t1\t100.0\t"));
	free(s);
	fu_report_free(r);
}

static void
test_report_sales_on_the_first_and_the_last_day_are_in_the_period(
    void **state)
{
	const char *dirs[] = { all, NULL };
	struct fu_report *r;
	const struct fu_figures *f;

	(void)state;
	/* October has log 6 (10-01) and 19 (10-31), both Ana's. */
	r = october(all, FU_BY_NONE, FU_FMT_TSV);
	f = fu_report_row(r, 0, NULL);
	assert_int_equal(f->n[FU_R_SALES], 4);
	assert_int_equal(f->n[FU_R_AMOUNT] - f->n[FU_R_AMOUNT_NEW], 42000);
	fu_report_free(r);
	/* One day less at each end leaves them out: 12 and 18 are left. */
	r = report(dirs, d("2026-10-02"), d("2026-10-30"), FU_BY_NONE,
	    FU_FMT_TSV);
	f = fu_report_row(r, 0, NULL);
	assert_int_equal(f->n[FU_R_SALES], 2);
	assert_int_equal(f->n[FU_R_AMOUNT], 58000);
	assert_int_equal(f->n[FU_R_SALES_NEW], 2);
	/* Six months from 05-01 (to 10-30: 04-30 plus a day): 2, 5, 6, 12,
	 * 18; log 19 is after. */
	assert_int_equal(f->n[FU_R_SALES6], 5);
	assert_int_equal(f->n[FU_R_AMOUNT6], 113000);
	/* Fay (since 10-31) is not new yet, and Eve (since 10-01) is at the
	 * start: only Lou is new. */
	assert_int_equal(f->n[FU_R_CLIENTS_NEW], 1);
	assert_int_equal(f->n[FU_R_CLIENTS_START], 8);
	fu_report_free(r);
}

static void
test_report_six_months_that_cross_a_year(void **state)
{
	const char *dirs[] = { all, NULL };
	struct fu_report *r = report(dirs, d("2027-01-01"), d("2027-01-31"),
	    FU_BY_NONE, FU_FMT_TSV);
	const struct fu_figures *f = fu_report_row(r, 0, NULL);

	(void)state;
	/* From 2026-08-01 to 2027-01-31: log 5 (50), 6 (300), 12 (80), 18
	 * (500), 19 (120), 22 (70); first sales of 8, 5 and 12 among them. */
	assert_int_equal(f->n[FU_R_SALES6], 6);
	assert_int_equal(f->n[FU_R_AMOUNT6], 112000);
	assert_int_equal(f->n[FU_R_SALES6_NEW], 3);
	assert_int_equal(f->n[FU_R_AMOUNT6_NEW], 63000);
	assert_int_equal(f->n[FU_R_SALES], 0);
	/* Gus is there now; Hal is still lost. */
	assert_int_equal(f->n[FU_R_CLIENTS_START], 11);
	assert_int_equal(f->n[FU_R_CLIENTS_END], 11);
	fu_report_free(r);
}

static void
test_report_a_client_added_after_the_period_is_not_counted(void **state)
{
	const char *dirs[] = { all, NULL };
	struct fu_report *r;
	const struct fu_figures *f;

	(void)state;
	/* Gus (since 11-05) is in none of October's figures: see the
	 * October test, whose clients leave him out. */
	r = report(dirs, d("2026-11-01"), d("2026-11-30"), FU_BY_NONE,
	    FU_FMT_TSV);
	f = fu_report_row(r, 0, NULL);
	/* In November he is new, and contacted (log 21). */
	assert_int_equal(f->n[FU_R_CLIENTS_NEW], 1);
	assert_int_equal(f->n[FU_R_CLIENTS_START], 10);
	assert_int_equal(f->n[FU_R_CLIENTS_END], 11);
	/* Log 21 and 22 are the contacts; 22 is Bea's second sale. */
	assert_int_equal(f->n[FU_R_CONTACTS], 2);
	assert_int_equal(f->n[FU_R_CONTACTED], 2);
	assert_int_equal(f->n[FU_R_SALES], 1);
	assert_int_equal(f->n[FU_R_SALES_NEW], 0);
	assert_int_equal(f->n[FU_R_MADE], 2);
	fu_report_free(r);
}

static void
test_report_by_month_gives_a_row_a_month_the_last_as_the_period(
    void **state)
{
	const char *dirs[] = { all, NULL };
	struct fu_report *r = report(dirs, d("2026-09-01"), d("2026-10-31"),
	    FU_BY_MONTH, FU_FMT_TSV);
	struct fu_report *oct = october(all, FU_BY_NONE, FU_FMT_TSV);
	const struct fu_figures *f;
	const char *key;
	char *s;

	(void)state;
	assert_int_equal(fu_report_rows(r), 2);
	f = fu_report_row(r, 0, &key);
	assert_string_equal(key, "2026-09");
	assert_int_equal(f->from, d("2026-09-01"));
	assert_int_equal(f->to, d("2026-09-30"));
	/* September: 1, 2, 3, 4, 8, 9, 10, 11 at the start; Carl lost on
	 * 09-15, so 7 at the end, of whom Hal was contacted (log 5). */
	assert_int_equal(f->n[FU_R_CLIENTS_START], 8);
	assert_int_equal(f->n[FU_R_CLIENTS_LOST], 1);
	assert_int_equal(f->n[FU_R_CLIENTS_END], 7);
	assert_int_equal(f->n[FU_R_CONTACTED], 1);
	/* Silent on 09-30: 1 (04-10), 2 (05-01), 4, 9, 11; not 8 (09-20) nor
	 * 10 (08-02: 59 days). */
	assert_int_equal(f->n[FU_R_SILENT_90], 5);
	/* Made: 1, 2, 3, 4, 6. */
	assert_int_equal(f->n[FU_R_MADE], 5);
	assert_int_equal(f->n[FU_R_SALES], 1);
	assert_int_equal(f->n[FU_R_SALES_NEW], 1);
	/* Six months from 03-31: log 1, 2, 5, each a first sale. */
	assert_int_equal(f->n[FU_R_SALES6], 3);
	assert_int_equal(f->n[FU_R_SALES6_NEW], 3);
	assert_int_equal(f->n[FU_R_CONTACTS], 2);
	assert_int_equal(f->n[FU_R_MOOD_PLUS], 1);
	/* Open on 09-30: 1 (closed 10-01), 2 (closed 10-06), 3 (Dan is lost
	 * on 10-05 only), 4, 5, 6 (made 09-30, closed 10-12) and 20 (no made
	 * date); the rest were made in October or later.  Of those only 20
	 * (due 09-01) is due before 09-30.  Each of the 7 clients at the end
	 * has one of them: none adrift. */
	assert_int_equal(f->na, 0);
	assert_int_equal(f->n[FU_R_OPEN], 7);
	assert_int_equal(f->n[FU_R_OVERDUE], 1);
	assert_int_equal(f->n[FU_R_ADRIFT], 0);
	/* October, the last month, is the October report. */
	f = fu_report_row(r, 1, &key);
	assert_string_equal(key, "2026-10");
	assert_memory_equal(f, fu_report_row(oct, 0, NULL), sizeof(*f));
	s = printed(r);
	/* Retention 7 / 8 = 87.5; churn 12.5; coverage 1 / 7 = 14.29; lost
	 * in the 12 months to 09-30: Carl, not back by then: 0 / 1; the one
	 * sale (Hal's) not cared for: 0 / 1. */
	assert_string_equal(s, "month\t" HEADER "2026-09\t2026-09-01\t"
	    "2026-09-30\t8\t0\t1\t0\t7\t87.5\t12.5\t1\t14.3\t5\t5\t0\t0\t0\t0\t"
	    "\t7\t1\t0\t1\t50.00\t0\t1\t0\t3\t0\t\t2\t1\t0\t0\t0.00\t50.00\t0.00\t"
	    "350.00\t0\t\t0\t0\t\t0\t0\t\t0\t0\t0\t0\t0\t1\t0\t0.0\t0\t0.0\n"
	    "2026-10\t" OCTOBER);
	free(s);
	fu_report_free(r);
	fu_report_free(oct);
}

static void
test_report_by_month_draws_coverage_as_a_bar(void **state)
{
	const char *dirs[] = { all, NULL };
	struct fu_report *r = report(dirs, d("2026-09-01"), d("2026-10-31"),
	    FU_BY_MONTH, FU_FMT_TEXT);
	char *s = printed(r);

	(void)state;
	assert_string_equal(s,
	    "MONTH    CLIENTS  NEW  LOST  WON  CONTACTS  KEPT%  AMOUNT   "
	    "COVERAGE\n"
	    "2026-09        7    0     1    0         2      -    50.00  "
	    "#.........  14.3%\n"
	    "2026-10       10    3     2    2        15  80.0%  1000.00  "
	    "#######...  70.0%\n");
	free(s);
	fu_report_free(r);
}

/*
 * What is open at the end of each month, on a portfolio of its own; the
 * period is 2026-07-01 to 2026-10-20, so its months end on 07-31, 08-31,
 * 09-30 and 10-20.
 *   1 Ana  agreement 1 (made 06-20, due 07-15) kept on 08-05 by log 2,
 *          which made 2 (due 09-30, the last day of September); lost on
 *          10-22 (log 9), after the period: not lost at its end.
 *   2 Bob  agreement 3 (made 07-01, due 08-20); lost on 09-10 (log 3),
 *          which drops 3; won back on 10-01 (log 4), which made 4 (due
 *          10-31) and does not bring 3 back; 4 is kept on 10-25 (log 8),
 *          after the period: still open at its end.
 *   3 Cy   new on 08-10; agreement 5 has no made date (open from the
 *          start, before Cy was even a client), due 09-01, dropped on
 *          09-15 (log 5).
 *   4 Dee  agreement 8 made 05-01, kept on 06-15 (log 1), before the
 *          period; lost on 08-12 by log 6; the same day log 7 made 6 (due
 *          09-15), later than the loss (log 7 after log 6), so open; 7,
 *          made that day by no log row and appended before 6 (after
 *          log 4 only), is before the loss and dropped.
 * The log is not in date order.
 */
static const char small_clients[] = "id,name,since\n"
    "1,Ana,2026-01-01\n2,Bob,2026-01-01\n3,Cy,2026-08-10\n4,Dee,2026-01-01\n";
static const char small_agreements[] =
    "id,client,what,due,channel,every,made,from\n"
    "1,1,Send the quote,2026-07-15,call,,2026-06-20,\n"
    "2,1,Call to close,2026-09-30,call,,2026-08-05,2\n"
    "3,2,Visit the office,2026-08-20,visit,,2026-07-01,\n"
    "4,2,Visit to sign again,2026-10-31,visit,,2026-10-01,4\n"
    "5,3,Send the catalogue,2026-09-01,email,,,\n"
    "7,4,Send the invoice,2026-09-01,email,,2026-08-12,\n"
    "6,4,Call about the return,2026-09-15,call,,2026-08-12,7\n"
    "8,4,Call about the order,2026-06-01,call,,2026-05-01,\n";
static const char small_log[] =
    "id,date,client,agreement,channel,outcome,amount,mood,next,note\n"
    "1,2026-06-15,4,8,call,kept,,,,\n"
    "7,2026-08-12,4,,call,,,,6,\n"
    "6,2026-08-12,4,,call,lost,,,,\n"
    "9,2026-10-22,1,,call,lost,,,,\n"
    "2,2026-08-05,1,1,call,kept,,,2,\n"
    "5,2026-09-15,3,5,email,dropped,,,,\n"
    "3,2026-09-10,2,,call,lost,,,,\n"
    "8,2026-10-25,2,4,visit,kept,,,,\n"
    "4,2026-10-01,2,,call,won,,,4,\n";

static void
test_report_by_month_gives_what_is_open_at_each_months_end(void **state)
{
	const char *dirs[2] = { NULL, NULL };
	/*
	 * Open at the end of each month, and of those due before that day:
	 *   July       1 (due 07-15: overdue), 3, 5 (no made date)   3, 1
	 *   August     2, 3 (due 08-20: overdue), 5, 6               4, 1
	 *              (1 closed on 08-05; 7 dropped by the loss of its
	 *              own day; 6 made after it)
	 *   September  2 (due 09-30, not before 09-30), 6 (due 09-15:
	 *              overdue); 3 dropped by Bob's loss, 5 closed    2, 1
	 *   October    2 (overdue now), 4 (Bob's, made after his loss;
	 *              its keeping on 10-25 is after 10-20), 6 (Dee is
	 *              lost, but 6 was made after)                   3, 2
	 * Adrift: the clients at the end with none of those open:
	 *   July       Ana (1), Bob (3), Dee (nothing open): Cy is not a
	 *              client yet                                     1
	 *   August     Ana (2), Bob (3), Cy (5); Dee is lost          0
	 *   September  Ana (2), Cy (nothing); Bob and Dee are lost    1
	 *   October    Ana (2; lost after the period), Bob (4, won back),
	 *              Cy (nothing); Dee is lost                      1
	 */
	static const struct {
		const char *key, *from, *to;
		long long end, open, overdue, adrift;
	} want[] = {
		{ "2026-07", "2026-07-01", "2026-07-31", 3, 3, 1, 1 },
		{ "2026-08", "2026-08-01", "2026-08-31", 3, 4, 1, 0 },
		{ "2026-09", "2026-09-01", "2026-09-30", 2, 2, 1, 1 },
		{ "2026-10", "2026-10-01", "2026-10-20", 3, 3, 2, 1 },
	};
	struct fu_report_spec q = { .by = FU_BY_MONTH };
	struct fu_portfolio pf;
	struct fu_err e = { 0 };
	struct fu_report *r, *alone;
	const struct fu_figures *f, *g;
	const char *key;
	size_t k;
	char *s;

	(void)state;
	dirs[0] = small("months", small_clients, small_agreements, small_log);
	r = report(dirs, d("2026-07-01"), d("2026-10-20"), FU_BY_MONTH,
	    FU_FMT_TSV);
	assert_int_equal(fu_report_rows(r), 4);
	for (k = 0; k < 4; k++) {
		f = fu_report_row(r, k, &key);
		assert_string_equal(key, want[k].key);
		assert_int_equal(f->from, d(want[k].from));
		assert_int_equal(f->to, d(want[k].to));
		assert_int_equal(f->na, 0);
		assert_int_equal(f->n[FU_R_CLIENTS_END], want[k].end);
		assert_int_equal(f->n[FU_R_OPEN], want[k].open);
		assert_int_equal(f->n[FU_R_OVERDUE], want[k].overdue);
		assert_int_equal(f->n[FU_R_ADRIFT], want[k].adrift);
		/* The same as the month reported alone. */
		alone = report(dirs, f->from, f->to, FU_BY_NONE, FU_FMT_TSV);
		g = fu_report_row(alone, 0, NULL);
		assert_int_equal(g->n[FU_R_CLIENTS_END], want[k].end);
		assert_int_equal(g->n[FU_R_OPEN], want[k].open);
		assert_int_equal(g->n[FU_R_OVERDUE], want[k].overdue);
		assert_int_equal(g->n[FU_R_ADRIFT], want[k].adrift);
		fu_report_free(alone);
	}
	fu_report_free(r);
	/* Printed on every row. */
	q.from = d("2026-07-01");
	q.to = d("2026-10-20");
	assert_non_null(r = fu_report_new(&q, &e));
	assert_int_equal(fu_portfolio_open(&pf, dirs[0], &e), 0);
	assert_int_equal(fu_report_add(r, &pf, &e), 0);
	out_fmt = FU_FMT_TEMPLATE;
	out_tmpl = "{month} {open} {overdue} {adrift}";
	s = printed(r);
	assert_string_equal(s, "2026-07 3 1 1\n2026-08 4 1 0\n"
	    "2026-09 2 1 1\n2026-10 3 2 1\n");
	free(s);
	fu_report_free(r);
}

/* Each month's open, overdue and adrift are those of the month reported
 * alone, over one portfolio and over several, for periods that start and
 * end within a month. */
static void
test_report_by_month_open_is_each_month_reported_alone(void **state)
{
	const char *one[] = { all, NULL }, *three[] = { p1, p2, p3, NULL };
	const char *const *sets[] = { one, three };
	static const char *const periods[][2] = {
		{ "2026-03-15", "2026-12-31" },
		{ "2026-08-02", "2026-10-30" },
		{ "2026-10-02", "2026-11-05" },
	};
	struct fu_report *r, *alone;
	const struct fu_figures *f, *g;
	size_t i, j, k;

	(void)state;
	for (i = 0; i < 2; i++)
		for (j = 0; j < sizeof(periods) / sizeof(periods[0]); j++) {
			r = report(sets[i], d(periods[j][0]), d(periods[j][1]),
			    FU_BY_MONTH, FU_FMT_TSV);
			for (k = 0; k < fu_report_rows(r); k++) {
				f = fu_report_row(r, k, NULL);
				alone = report(sets[i], f->from, f->to,
				    FU_BY_NONE, FU_FMT_TSV);
				g = fu_report_row(alone, 0, NULL);
				assert_int_equal(f->n[FU_R_CLIENTS_END],
				    g->n[FU_R_CLIENTS_END]);
				assert_int_equal(f->n[FU_R_OPEN], g->n[FU_R_OPEN]);
				assert_int_equal(f->n[FU_R_OVERDUE], g->n[FU_R_OVERDUE]);
				assert_int_equal(f->n[FU_R_ADRIFT], g->n[FU_R_ADRIFT]);
				fu_report_free(alone);
			}
			fu_report_free(r);
		}
}

static void
test_report_by_channel_gives_what_each_channel_carried(void **state)
{
	struct fu_report *r = october(all, FU_BY_CHANNEL, FU_FMT_TSV);
	const struct fu_figures *f;
	const char *key;
	char *s;

	(void)state;
	/* call, email (spelt "Email" too), message, visit, then the
	 * agreement with no channel. */
	assert_int_equal(fu_report_rows(r), 5);
	f = fu_report_row(r, 0, &key);
	assert_string_equal(key, "call");
	/* Log 6, 7, 8, 10, 13, 16, 19. */
	assert_int_equal(f->n[FU_R_CONTACTS], 7);
	assert_int_equal(f->n[FU_R_KEPT], 1);
	assert_int_equal(f->n[FU_R_MOVED], 1);
	/* Made: 7, 10, 17; open: 5, 10, 17, of which 5 is overdue. */
	assert_int_equal(f->n[FU_R_MADE], 3);
	assert_int_equal(f->n[FU_R_OPEN], 3);
	assert_int_equal(f->n[FU_R_OVERDUE], 1);
	/* Sales 6 and 19, Ana's; six months: also 5, Hal's first. */
	assert_int_equal(f->n[FU_R_SALES], 2);
	assert_int_equal(f->n[FU_R_AMOUNT], 42000);
	assert_int_equal(f->n[FU_R_SALES_NEW], 0);
	assert_int_equal(f->n[FU_R_SALES6], 3);
	assert_int_equal(f->n[FU_R_SALES6_NEW], 1);
	assert_int_equal(f->n[FU_R_MOOD_PLUS], 2);
	assert_int_equal(f->n[FU_R_MOOD_ZERO], 2);
	assert_int_equal(f->na, FU_NA_CLIENTS);
	f = fu_report_row(r, 1, &key);
	/* The first spelling in byte order: "Email" before "email". */
	assert_string_equal(key, "Email");
	/* Log 9, 11, 12, 15, 17: kept 12 and 17, broken 9, moved 11,
	 * dropped 15; made 8, 9, 11, 12, 15; open 12 and 15. */
	assert_int_equal(f->n[FU_R_CONTACTS], 5);
	assert_int_equal(f->n[FU_R_KEPT], 2);
	assert_int_equal(f->n[FU_R_BROKEN], 1);
	assert_int_equal(f->n[FU_R_MOVED], 1);
	assert_int_equal(f->n[FU_R_DROPPED], 1);
	assert_int_equal(f->n[FU_R_MADE], 5);
	assert_int_equal(f->n[FU_R_OPEN], 2);
	assert_int_equal(f->n[FU_R_SALES_NEW], 1);
	f = fu_report_row(r, 2, &key);
	assert_string_equal(key, "message");
	assert_int_equal(f->n[FU_R_CONTACTS], 1);
	f = fu_report_row(r, 3, &key);
	assert_string_equal(key, "visit");
	/* Log 14, 18; made 13, 14, 16; six months: Bea's log 2 and 18. */
	assert_int_equal(f->n[FU_R_CONTACTS], 2);
	assert_int_equal(f->n[FU_R_MADE], 3);
	assert_int_equal(f->n[FU_R_OPEN], 2);
	assert_int_equal(f->n[FU_R_SALES6], 2);
	assert_int_equal(f->n[FU_R_AMOUNT6], 70000);
	assert_int_equal(f->n[FU_R_SALES6_NEW], 2);
	f = fu_report_row(r, 4, &key);
	assert_string_equal(key, "");
	assert_int_equal(f->n[FU_R_OPEN], 1);
	assert_int_equal(f->n[FU_R_OVERDUE], 1);
	s = printed(r);
	/* A channel has no client figures: they are empty. */
	assert_non_null(strstr(s, "\ncall\t2026-10-01\t2026-10-31\t\t\t\t\t\t"
	    "\t\t\t\t\t3\t1\t0\t1\t0\t100.0\t3\t1\t\t2\t420.00\t2\t0\t2\t1\t\t"
	    "\t7\t2\t2\t0\t420.00\t0.00\t420.00\t50.00\t\t\t1\t0\t100.0\t0\t"
	    "0\t\t0\t\t0\t0\t0\t\t\t\t0\t0.0\n"));
	free(s);
	fu_report_free(r);
}

static void
test_report_by_stage_adds_up_to_the_period(void **state)
{
	struct fu_report *r = october(all, FU_BY_STAGE, FU_FMT_TSV);
	struct fu_report *oct = october(all, FU_BY_NONE, FU_FMT_TSV);
	const struct fu_figures *f, *t = fu_report_row(oct, 0, NULL);
	struct fu_figures sum;
	const char *key;
	size_t i;
	int k;

	(void)state;
	/* customer (with Jon's "Customer"), negotiation, prospect, none. */
	assert_int_equal(fu_report_rows(r), 4);
	f = fu_report_row(r, 2, &key);
	assert_string_equal(key, "prospect");
	/* Eve, Fay, Lou are new and at the end; Gus is after. */
	assert_int_equal(f->n[FU_R_CLIENTS_START], 0);
	assert_int_equal(f->n[FU_R_CLIENTS_NEW], 3);
	assert_int_equal(f->n[FU_R_CLIENTS_END], 3);
	assert_int_equal(f->n[FU_R_CONTACTED], 2);
	assert_int_equal(f->n[FU_R_REFERRED], 3);
	assert_int_equal(f->n[FU_R_ADRIFT], 1);
	f = fu_report_row(r, 3, &key);
	assert_string_equal(key, "");
	assert_int_equal(f->n[FU_R_CLIENTS_START], 1);
	assert_int_equal(f->n[FU_R_ONE_CHANNEL], 1);
	memset(&sum, 0, sizeof(sum));
	for (i = 0; i < fu_report_rows(r); i++) {
		f = fu_report_row(r, i, NULL);
		/* Every raw count, the derived ones too, is a sum. */
		for (k = 0; k < FU_NRAW; k++)
			sum.n[k] += f->n[k];
	}
	sum.from = t->from;
	sum.to = t->to;
	assert_memory_equal(&sum, t, sizeof(sum));
	fu_report_free(r);
	fu_report_free(oct);
}

static void
test_report_three_portfolios_equal_their_union(void **state)
{
	const char *one[] = { all, NULL }, *three[] = { p1, p2, p3, NULL };
	static const enum fu_report_by by[] = { FU_BY_NONE, FU_BY_MONTH,
	    FU_BY_CHANNEL, FU_BY_STAGE };
	static const enum fu_fmt fmt[] = { FU_FMT_TSV, FU_FMT_TEXT };
	struct fu_report *a, *b;
	char *x, *y, *nl;
	size_t i, j;

	(void)state;
	for (i = 0; i < sizeof(by) / sizeof(by[0]); i++)
		for (j = 0; j < sizeof(fmt) / sizeof(fmt[0]); j++) {
			a = report(one, d("2026-05-01"), d("2026-10-31"), by[i],
			    fmt[j]);
			b = report(three, d("2026-05-01"), d("2026-10-31"),
			    by[i], fmt[j]);
			x = printed(a);
			y = printed(b);
			/* The title of the text report says how many. */
			if (by[i] == FU_BY_NONE && fmt[j] == FU_FMT_TEXT) {
				assert_non_null(strstr(y, ", over 3 "
				    "portfolios\n"));
				nl = strchr(x, '\n');
				assert_string_equal(nl, strchr(y, '\n'));
			} else
				assert_string_equal(x, y);
			free(x);
			free(y);
			fu_report_free(a);
			fu_report_free(b);
		}
}

static void
test_report_reads_every_row_even_with_a_saved_state(void **state)
{
	const char *dirs[] = { all, NULL };
	struct fu_portfolio pf;
	struct fu_state st;
	struct fu_err e = { 0 };
	struct fu_report *r;
	const struct fu_figures *f;
	char *s;

	(void)state;
	/* A full pass of another command may leave a saved state behind;
	 * the report must still see each row. */
	assert_int_equal(fu_portfolio_open(&pf, all, &e), 0);
	assert_int_equal(fu_state_load(&pf, d("2027-06-30"), NULL, &st, &e), 0);
	fu_state_free(&st);
	r = report(dirs, d("2026-01-01"), d("2027-06-30"), FU_BY_NONE,
	    FU_FMT_TSV);
	f = fu_report_row(r, 0, NULL);
	/* All 22 log rows and the 19 agreements with a made date; sales: log
	 * 1, 2, 5, 6, 12, 18, 19, 22 (1420.00), first of 1, 2, 8, 5, 12. */
	assert_int_equal(f->n[FU_R_CONTACTS], 22);
	assert_int_equal(f->n[FU_R_MADE], 19);
	assert_int_equal(f->n[FU_R_SALES], 8);
	assert_int_equal(f->n[FU_R_AMOUNT], 142000);
	assert_int_equal(f->n[FU_R_SALES_NEW], 5);
	fu_report_free(r);
	r = october(all, FU_BY_NONE, FU_FMT_TSV);
	s = printed(r);
	assert_string_equal(s, HEADER OCTOBER);
	free(s);
	fu_report_free(r);
}

static void
test_report_period_is_a_month_or_from_and_to(void **state)
{
	struct fu_err e = { 0 };
	fu_date from, to, today = d("2026-11-23");

	(void)state;
	assert_int_equal(fu_report_period(NULL, NULL, NULL, today, &from, &to,
	    &e), 0);
	assert_int_equal(from, d("2026-11-01"));
	assert_int_equal(to, today);
	assert_int_equal(fu_report_period("this", NULL, NULL, today, &from,
	    &to, &e), 0);
	assert_int_equal(from, d("2026-11-01"));
	assert_int_equal(to, today);
	assert_int_equal(fu_report_period("last", NULL, NULL, today, &from,
	    &to, &e), 0);
	assert_int_equal(from, d("2026-10-01"));
	assert_int_equal(to, d("2026-10-31"));
	assert_int_equal(fu_report_period("last", NULL, NULL, d("2027-01-15"),
	    &from, &to, &e), 0);
	assert_int_equal(from, d("2026-12-01"));
	assert_int_equal(to, d("2026-12-31"));
	assert_int_equal(fu_report_period("2024-02", NULL, NULL, today, &from,
	    &to, &e), 0);
	assert_int_equal(from, d("2024-02-01"));
	assert_int_equal(to, d("2024-02-29"));
	assert_int_equal(fu_report_period(NULL, "2026-09-15", "2026-10-14",
	    today, &from, &to, &e), 0);
	assert_int_equal(from, d("2026-09-15"));
	assert_int_equal(to, d("2026-10-14"));
	assert_int_equal(fu_report_period(NULL, "-3m", NULL, today, &from, &to,
	    &e), 0);
	assert_int_equal(from, d("2026-08-23"));
	assert_int_equal(to, today);
	/* A period that ends after today ends today. */
	assert_int_equal(fu_report_period(NULL, "2026-11-01", "2026-12-31",
	    today, &from, &to, &e), 0);
	assert_int_equal(to, today);
}

static void
test_report_period_refuses_what_is_not_one(void **state)
{
	struct fu_err e = { 0 };
	fu_date from, to, today = d("2026-11-23");

	(void)state;
	assert_int_equal(fu_report_period("2026-13", NULL, NULL, today, &from,
	    &to, &e), -1);
	assert_int_equal(e.code, FU_EXIT_USAGE);
	assert_string_equal(e.text, "--month \"2026-13\" is not a month: use "
	    "YYYY-MM, this or last");
	assert_int_equal(fu_report_period("2026-1", NULL, NULL, today, &from,
	    &to, &e), -1);
	assert_int_equal(fu_report_period("next", NULL, NULL, today, &from,
	    &to, &e), -1);
	assert_int_equal(fu_report_period("last", "2026-10-01", NULL, today,
	    &from, &to, &e), -1);
	assert_string_equal(e.text, "--month does not go with --from and --to");
	assert_int_equal(fu_report_period(NULL, NULL, "2026-10-01", today,
	    &from, &to, &e), -1);
	assert_string_equal(e.text, "--to goes with --from DATE");
	assert_int_equal(fu_report_period(NULL, "2026-10-02", "2026-10-01",
	    today, &from, &to, &e), -1);
	assert_string_equal(e.text, "the period starts on 2026-10-02, after it "
	    "ends (2026-10-01)");
	assert_int_equal(fu_report_period(NULL, "2026-12-01", "2026-12-31",
	    today, &from, &to, &e), -1);
	assert_string_equal(e.text, "the period starts on 2026-12-01, after "
	    "today (2026-11-23): there is nothing to report yet");
	assert_int_equal(fu_report_period(NULL, "01/10/2026", NULL, today,
	    &from, &to, &e), -1);
	assert_int_equal(e.code, FU_EXIT_USAGE);
}

static void
test_report_by_month_covers_at_most_120_months(void **state)
{
	struct fu_report_spec q = { .by = FU_BY_MONTH };
	struct fu_report *r;
	struct fu_err e = { 0 };

	(void)state;
	q.from = d("2016-11-01");
	q.to = d("2026-10-31");
	assert_non_null(r = fu_report_new(&q, &e));
	assert_int_equal(fu_report_rows(r), 120);
	fu_report_free(r);
	q.from = d("2016-10-31");
	assert_null(fu_report_new(&q, &e));
	assert_int_equal(e.code, FU_EXIT_USAGE);
	assert_string_equal(e.text, "--by month covers at most 120 months");
}

/*
 * The method's edges, in a portfolio of five clients, October and
 * November 2026 (the rows below; every figure worked out by hand):
 *   1 Ana   her quote kept (mine); the signed order she owed kept, with a
 *           sale of 500.00 (hers, her first); a birthday card (a
 *           greeting); referred Cid in the log; a second, stray record
 *           that she referred Dee.
 *   2 Bea   a warning sign on 10-28, its action kept on 11-02; the
 *           drawings she owed broken, then my call broken.
 *   3 Cid   new on 11-10, referred by Ana in the log only.
 *   4 Dee   new on 11-12, referred by Bea in clients.csv; a "no next
 *           step" row, which is no contact.
 *   5 Eli   a recurring visit made 09-15; took consent back on 11-05,
 *           which ended it; a warning sign on 11-24, not acted on yet.
 */
static const char method_clients[] =
    "id,name,since,referred_by,consent\n"
    "1,Ana,2026-01-01,,yes\n"
    "2,Bea,2026-01-01,,yes\n"
    "3,Cid,2026-11-10,,\n"
    "4,Dee,2026-11-12,2,\n"
    "5,Eli,2026-02-01,,yes\n";
static const char method_agreements[] =
    "id,client,what,due,channel,every,made,from,side\n"
    "1,1,Send the quote,2026-11-03,email,,2026-10-20,1,\n"
    "2,1,Ana sends the signed order,2026-11-10,email,,2026-11-03,4,client\n"
    "3,2,Bea sends the drawings,2026-11-06,email,,2026-10-25,,client\n"
    "4,2,Call to agree the drawings,2026-11-20,call,,2026-11-07,7,mine\n"
    "5,5,Quarterly visit,2026-12-15,visit,3m,2026-09-15,,\n"
    "6,2,Call to confirm the drawings,2026-12-05,call,,2026-11-21,10,\n"
    "7,1,Call to check the delivery,2026-12-02,call,,2026-11-10,8,\n"
    "8,5,Act on the warning sign: the delay,2026-11-25,,,2026-11-24,11,\n"
    "9,2,Act on the warning sign: slow replies,2026-10-28,,,2026-10-28,2,"
    "\n";
static const char method_log[] =
    "id,date,client,agreement,channel,outcome,amount,mood,next,note,"
    "referred\n"
    "1,2026-10-20,1,,call,,,,1,,\n"
    "2,2026-10-28,2,,call,signal,,-,9,Slow replies,\n"
    "3,2026-11-02,2,9,call,kept,,0,,,\n"
    "4,2026-11-03,1,1,email,kept,,+,2,,\n"
    "5,2026-11-05,5,,email,no-consent,,,,,\n"
    "6,2026-11-06,1,,note,greeting,,+,,Birthday card,\n"
    "7,2026-11-07,2,3,email,broken,,-,4,,\n"
    "8,2026-11-10,1,2,email,kept,500.00,+,7,,\n"
    "9,2026-11-10,1,,call,referral,,,,referred Cid (3),3\n"
    "10,2026-11-21,2,4,call,broken,,0,6,,\n"
    "11,2026-11-24,5,,visit,signal,,-,8,The delay,\n"
    "12,2026-11-25,4,,call,no-next,,,,Waiting for their budget,\n"
    "13,2026-11-26,1,,message,referral,,,,referred Dee (4),4\n";

static struct fu_report *
method_report(fu_date from, enum fu_report_by by, enum fu_fmt fmt)
{
	static const char *dir;
	const char *dirs[2];

	if (dir == NULL)
		dir = strdup(small("method", method_clients, method_agreements,
		    method_log));
	dirs[0] = dir;
	dirs[1] = NULL;
	return report(dirs, from, d("2026-11-30"), by, fmt);
}

static void
test_report_the_method_figures_computed_by_hand(void **state)
{
	struct fu_report *r = method_report(d("2026-11-01"), FU_BY_NONE,
	    FU_FMT_TSV);
	const struct fu_figures *f = fu_report_row(r, 0, NULL);
	char *s;

	(void)state;
	/* Ana, Bea and Eli at the start; Cid and Dee new; none lost. */
	assert_int_equal(f->n[FU_R_CLIENTS_START], 3);
	assert_int_equal(f->n[FU_R_CLIENTS_NEW], 2);
	assert_int_equal(f->n[FU_R_CLIENTS_END], 5);
	/* Contacts: log 3 to 11 and 13; 12 says why there is no next step
	 * and is no contact, so Dee, like Cid, was not contacted. */
	assert_int_equal(f->n[FU_R_CONTACTS], 10);
	assert_int_equal(f->n[FU_R_CONTACTED], 3);
	assert_int_equal(f->n[FU_R_SILENT_90], 0);
	/* Mood + 4 6 8, 0 3 10, - 7 11; none 5 9 13. */
	assert_int_equal(f->n[FU_R_MOOD_PLUS], 3);
	assert_int_equal(f->n[FU_R_MOOD_ZERO], 2);
	assert_int_equal(f->n[FU_R_MOOD_MINUS], 2);
	assert_int_equal(f->n[FU_R_MOOD_NONE], 3);
	/* The greeting (log 6) counts as a contact and settles nothing. */
	assert_int_equal(f->n[FU_R_GREETINGS], 1);
	/* Made in November: 2, 4, 6, 7, 8. */
	assert_int_equal(f->n[FU_R_MADE], 5);
	/* Kept: log 3 (agreement 9, mine), 4 (1, mine), 8 (2, Ana's);
	 * broken: 7 (3, Bea's), 10 (4, mine). */
	assert_int_equal(f->n[FU_R_KEPT], 3);
	assert_int_equal(f->n[FU_R_BROKEN], 2);
	assert_int_equal(f->n[FU_R_KEPT_MINE], 2);
	assert_int_equal(f->n[FU_R_BROKEN_MINE], 1);
	assert_int_equal(f->n[FU_R_KEPT_THEIRS], 1);
	assert_int_equal(f->n[FU_R_BROKEN_THEIRS], 1);
	/* Open at the end: 6, 7, 8; 5 ended with Eli's consent (recurring,
	 * made before 11-05).  Overdue: 8 (due 11-25). */
	assert_int_equal(f->n[FU_R_OPEN], 3);
	assert_int_equal(f->n[FU_R_OVERDUE], 1);
	/* Adrift: Cid and Dee, who have none. */
	assert_int_equal(f->n[FU_R_ADRIFT], 2);
	/* Cid referred in the log (Ana), Dee in clients.csv (Bea); the
	 * stray second record of Dee's referral does not count. */
	assert_int_equal(f->n[FU_R_REFERRED], 2);
	/* One warning sign in November (Eli's); Eli at risk at the end, Bea
	 * no longer (its action kept on 11-02). */
	assert_int_equal(f->n[FU_R_SIGNALS], 1);
	assert_int_equal(f->n[FU_R_AT_RISK], 1);
	out_fmt = FU_FMT_TEMPLATE;
	/* kept rate 3 / 5, mine 2 / 3 = 66.67, theirs 1 / 2; referral share
	 * 2 / 2. */
	out_tmpl = "{kept_rate} {kept_rate_mine} {kept_rate_theirs} "
	    "{referral_share} {top_referrers}";
	s = printed(r);
	assert_string_equal(s, "60.0 66.7 50.0 100.0 Ana (1); Bea (1)\n");
	free(s);
	fu_report_free(r);
}

/* The figures of plans, November 2026 (issue 16):
 *   1 Ana  lost on 11-03 (log 1), which started the exit plan (steps 1
 *          to 3); its interview step, 2, kept on 11-20 (log 6).
 *   2 Bea  lost on 11-05 (log 2), no plan.
 *   3 Cid  lost on 2025-12-10 (log 3), within the 12 months to 11-30
 *          (from 2025-12-01), won back on 2026-03-01 (log 4).
 *   4 Dee  lost on 2025-11-15 (log 5): before those 12 months.
 *   5 Eva  a sale on 11-10 (log 7) that started post-sale (steps 4, 5);
 *          its post-sale step 4 kept on 11-20 (log 9): 10 days, cared.
 *   6 Fay  a sale on 11-12 (log 8) that started post-sale (step 6),
 *          kept on 11-28 (log 10): 16 days, not cared for.
 *   7 Gus  a sale on 11-15 (log 11), no plan.
 *   8 Hal  a sale on 11-25 (log 12) that started post-sale (step 8),
 *          kept on 12-02 (log 13), after the period but within 14 days:
 *          cared for (was counted in neither month).
 * By hand: exit_plans 1 (Ana's loss; Bea's had none); exit_interviews 1;
 * lost in the 12 months: Ana, Bea, Cid (not Dee) = 3, won back: Cid = 1,
 * 33.3%; sales 4 (Eva, Fay, Gus, Hal), cared 2 (Eva, Hal): 50.0%. */
static const char plan_clients[] = "id,name,since\n"
    "1,Ana,2026-01-01\n2,Bea,2026-01-01\n3,Cid,2025-06-01\n"
    "4,Dee,2025-06-01\n5,Eva,2026-01-01\n6,Fay,2026-01-01\n"
    "7,Gus,2026-01-01\n8,Hal,2026-01-01\n";
static const char plan_agreements[] =
    "id,client,what,due,channel,every,made,from,side,plan,after\n"
    "1,1,Propose the exit plan,2026-11-03,visit,,2026-11-03,1,,exit 1/3,\n"
    "2,1,Ask for an exit interview,2026-11-20,call,,2026-11-03,1,,"
    "exit 2/3 interview,1+7d\n"
    "3,1,Keep in touch,2026-12-20,email,,2026-11-03,1,,exit 3/3,2+1m\n"
    "4,5,Check the delivery,2026-11-12,call,,2026-11-10,7,,"
    "post-sale 1/2 post-sale,\n"
    "5,5,Ask for a referral,2026-12-20,call,,2026-11-10,7,,post-sale 2/2,"
    "4+30d\n"
    "6,6,Check the delivery,2026-11-14,call,,2026-11-12,8,,"
    "post-sale 1/1 post-sale,\n"
    "7,3,Visit to welcome back,2026-03-05,visit,,2026-03-01,4,,,\n"
    "8,8,Check the delivery,2026-11-27,call,,2026-11-25,12,,"
    "post-sale 1/1 post-sale,\n";
static const char plan_log[] =
    "id,date,client,agreement,channel,outcome,amount,mood,next,note\n"
    "1,2026-11-03,1,,visit,lost,,,1,Went to a competitor\n"
    "2,2026-11-05,2,,call,lost,,,,Closed the shop\n"
    "3,2025-12-10,3,,call,lost,,,,Moved away\n"
    "4,2026-03-01,3,,visit,won,,,7,\n"
    "5,2025-11-15,4,,call,lost,,,,Retired\n"
    "6,2026-11-20,1,2,call,kept,,,,\n"
    "7,2026-11-10,5,,visit,,900.00,+,4,\n"
    "8,2026-11-12,6,,visit,,400.00,+,6,\n"
    "9,2026-11-20,5,4,call,kept,,+,,\n"
    "10,2026-11-28,6,6,call,kept,,+,,\n"
    "11,2026-11-15,7,,call,,100.00,,,\n"
    "12,2026-11-25,8,,visit,,300.00,+,8,\n"
    "13,2026-12-02,8,8,call,kept,,+,,\n";

static void
test_report_the_figures_of_plans_computed_by_hand(void **state)
{
	const char *dirs[] = { small("plans", plan_clients, plan_agreements,
	    plan_log), NULL };
	struct fu_report *r = report(dirs, d("2026-11-01"), d("2026-11-30"),
	    FU_BY_NONE, FU_FMT_TEMPLATE);
	const struct fu_figures *f = fu_report_row(r, 0, NULL);
	char *s;

	(void)state;
	assert_int_equal(f->n[FU_R_EXIT_PLANS], 1);
	assert_int_equal(f->n[FU_R_INTERVIEWS], 1);
	assert_int_equal(f->n[FU_R_LOST_12M], 3);
	assert_int_equal(f->n[FU_R_WON_BACK_12M], 1);
	assert_int_equal(f->n[FU_R_SALES], 4);
	assert_int_equal(f->n[FU_R_POST_SALE_CARED], 2);
	out_tmpl = "{exit_plans} {exit_interviews} {lost_12m} {won_back_12m} "
	    "{winback_rate} {post_sale_cared} {post_sale_coverage}";
	s = printed(r);
	assert_string_equal(s, "1 1 3 1 33.3 2 50.0\n");
	free(s);
	fu_report_free(r);
}

static void
test_report_by_month_knows_risk_and_consent_at_each_months_end(void **state)
{
	struct fu_report *r = method_report(d("2026-10-01"), FU_BY_MONTH,
	    FU_FMT_TSV);
	struct fu_report *nov = method_report(d("2026-11-01"), FU_BY_NONE,
	    FU_FMT_TSV);
	const struct fu_figures *f;

	(void)state;
	assert_int_equal(fu_report_rows(r), 2);
	f = fu_report_row(r, 0, NULL);
	/* At the end of October: open 1, 3, 9, and Eli's recurring visit 5,
	 * whose consent was taken back only on 11-05; overdue 9 (10-28). */
	assert_int_equal(f->n[FU_R_OPEN], 4);
	assert_int_equal(f->n[FU_R_OVERDUE], 1);
	assert_int_equal(f->n[FU_R_ADRIFT], 0);
	/* Bea's warning sign of 10-28: at risk at October's end. */
	assert_int_equal(f->n[FU_R_SIGNALS], 1);
	assert_int_equal(f->n[FU_R_AT_RISK], 1);
	assert_int_equal(f->n[FU_R_MADE], 3);
	assert_int_equal(f->n[FU_R_CONTACTS], 2);
	/* November, the last month, is the November report. */
	assert_memory_equal(fu_report_row(r, 1, NULL), fu_report_row(nov, 0,
	    NULL), sizeof(*f));
	fu_report_free(r);
	fu_report_free(nov);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_report_october_gives_every_field_computed_by_hand),
		cmocka_unit_test(test_report_prints_tsv_with_the_spec_field_names),
		cmocka_unit_test(test_report_prints_csv_json_and_templates_with_the_same_values),
		cmocka_unit_test(test_report_for_a_person_has_every_section_within_80_columns),
		cmocka_unit_test(test_report_an_empty_period_counts_clients_and_leaves_rates_of_nothing_empty),
		cmocka_unit_test(test_report_an_empty_portfolio_has_every_rate_empty),
		cmocka_unit_test(test_report_a_client_lost_and_won_back_in_the_period_is_lost_and_won),
		cmocka_unit_test(test_report_sales_on_the_first_and_the_last_day_are_in_the_period),
		cmocka_unit_test(test_report_six_months_that_cross_a_year),
		cmocka_unit_test(test_report_a_client_added_after_the_period_is_not_counted),
		cmocka_unit_test(test_report_by_month_gives_a_row_a_month_the_last_as_the_period),
		cmocka_unit_test(test_report_by_month_draws_coverage_as_a_bar),
		cmocka_unit_test(test_report_by_month_gives_what_is_open_at_each_months_end),
		cmocka_unit_test(test_report_by_month_open_is_each_month_reported_alone),
		cmocka_unit_test(test_report_by_channel_gives_what_each_channel_carried),
		cmocka_unit_test(test_report_by_stage_adds_up_to_the_period),
		cmocka_unit_test(test_report_three_portfolios_equal_their_union),
		cmocka_unit_test(test_report_reads_every_row_even_with_a_saved_state),
		cmocka_unit_test(test_report_period_is_a_month_or_from_and_to),
		cmocka_unit_test(test_report_period_refuses_what_is_not_one),
		cmocka_unit_test(test_report_the_method_figures_computed_by_hand),
		cmocka_unit_test(
		    test_report_the_figures_of_plans_computed_by_hand),
		cmocka_unit_test(
		    test_report_by_month_knows_risk_and_consent_at_each_months_end),
		cmocka_unit_test(test_report_by_month_covers_at_most_120_months),
	};

	return cmocka_run_group_tests_name("report", tests, setup, teardown);
}
