/*
 * test_write.c - write.c and lock.c: the one writer.  New portfolios are
 * private, appends keep every existing byte and follow the file's
 * dialect, values come back as typed, a failed commit leaves every table
 * as it was, and ids are picked under the lock.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util.h"

#define CLIENTS_HDR "id,name,company,email,phone,since,birthday,anniversary," \
	"referred_by,consent,stage,tags,note\n"
#define AGREEMENTS_HDR "id,client,what,due,channel,every,made,from,side,plan,after\n"
#define LOG_HDR "id,date,client,agreement,channel,outcome,amount,mood,next," \
	"note,referred\n"

/* The temporary directory of the test running; the portfolio is in it
 * or is it. */

#define setup util_setup
#define teardown util_teardown

/* The transaction begun on each portfolio of a test: two at most. */
static struct {
	struct fu_portfolio *pf;
	struct fu_txn *x;
} txns[2];

static struct fu_txn **
txn_of(struct fu_portfolio *pf)
{
	int i;

	for (i = 0; i < 2; i++)
		if (txns[i].pf == pf)
			return &txns[i].x;
	for (i = 0; i < 2; i++)
		if (txns[i].pf == NULL) {
			txns[i].pf = pf;
			return &txns[i].x;
		}
	fail_msg("more than two transactions");
	return NULL;
}

/* Forgets the transaction of pf, which ended. */
static void
txn_done(struct fu_portfolio *pf)
{
	int i;

	for (i = 0; i < 2; i++)
		if (txns[i].pf == pf)
			txns[i].pf = NULL;
}

static void
begin(struct fu_portfolio *pf, const char *d)
{
	struct fu_err e = { 0 };

	if (fu_portfolio_open(pf, d, &e) == -1 ||
	    (*txn_of(pf) = fu_txn_begin(pf, &e)) == NULL)
		fail_msg("begin: %s: %s", e.file, e.text);
}

static void
add(struct fu_portfolio *pf, enum fu_table t, const char *const *v)
{
	struct fu_err e = { 0 };

	if (fu_txn_add(*txn_of(pf), t, v, &e) == -1)
		fail_msg("add: %s: %s", e.file, e.text);
}

static void
commit(struct fu_portfolio *pf)
{
	struct fu_err e = { 0 };
	struct fu_txn *x = *txn_of(pf);

	txn_done(pf);
	if (fu_txn_commit(x, &e) == -1)
		fail_msg("commit: %s: %s", e.file, e.text);
}

static void
abort_txn(struct fu_portfolio *pf)
{
	fu_txn_abort(*txn_of(pf));
	txn_done(pf);
}

/* Rows read back from a table, copied. */
#define MAXROWS 16
static struct {
	int n;
	long line[MAXROWS];
	char *f[MAXROWS][FU_MAXCOLS];
} got;

static int
record(void *ctx, const struct fu_row *r, struct fu_err *e)
{
	int k;

	(void)ctx;
	(void)e;
	assert_true(got.n < MAXROWS);
	got.line[got.n] = r->line;
	for (k = 0; k < FU_MAXCOLS; k++) {
		got.f[got.n][k] = malloc(r->len[k] + 1);
		assert_non_null(got.f[got.n][k]);
		memcpy(got.f[got.n][k], r->f[k], r->len[k] + 1);
	}
	got.n++;
	return 0;
}

static void
got_clear(void)
{
	int i, k;

	for (i = 0; i < got.n; i++)
		for (k = 0; k < FU_MAXCOLS; k++)
			free(got.f[i][k]);
	memset(&got, 0, sizeof(got));
}

static void
read_back(const char *d, enum fu_table t)
{
	struct fu_portfolio pf;
	struct fu_err e = { 0 };

	got_clear();
	if (fu_portfolio_open(&pf, d, &e) == -1 ||
	    fu_table_scan(&pf, t, record, NULL, &e) == -1)
		fail_msg("read back: %s:%ld: %s", e.file, e.line, e.text);
}

static void
check_new_portfolio(mode_t mask)
{
	const char *v[FU_C_NCOLS] = { "1", "Ana López" };
	char pdir[4096];
	struct fu_portfolio pf;
	struct stat st;
	mode_t old;
	static const char *const names[] = {
		"clients.csv", "agreements.csv", "log.csv",
	};
	size_t i;

	snprintf(pdir, sizeof(pdir), "%s/umask%03o/fu", dir, (unsigned)mask);
	old = umask(mask);
	begin(&pf, pdir);
	add(&pf, FU_CLIENTS, v);
	commit(&pf);
	umask(old);
	assert_int_equal(stat(pdir, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	if ((st.st_mode & 07777) != 0700)
		fail_msg("umask %03o: the portfolio is %04o, want 0700",
		    (unsigned)mask, (unsigned)(st.st_mode & 07777));
	for (i = 0; i < 3; i++) {
		char p[4200];

		snprintf(p, sizeof(p), "%s/%s", pdir, names[i]);
		assert_int_equal(lstat(p, &st), 0);
		assert_true(S_ISREG(st.st_mode));
		if ((st.st_mode & 07777) != 0600)
			fail_msg("umask %03o: %s is %04o, want 0600",
			    (unsigned)mask, names[i],
			    (unsigned)(st.st_mode & 07777));
	}
	snprintf(pdir, sizeof(pdir), "umask%03o/fu/clients.csv", (unsigned)mask);
	CHECK_FILE(pdir, CLIENTS_HDR "1,Ana López,,,,,,,,,,,\n");
	snprintf(pdir, sizeof(pdir), "umask%03o/fu/agreements.csv",
	    (unsigned)mask);
	CHECK_FILE(pdir, AGREEMENTS_HDR);
	snprintf(pdir, sizeof(pdir), "umask%03o/fu/log.csv", (unsigned)mask);
	CHECK_FILE(pdir, LOG_HDR);
}

static void
test_txn_creates_a_private_portfolio_whatever_the_umask(void **state)
{
	(void)state;
	check_new_portfolio(0);
	check_new_portfolio(077);
	check_new_portfolio(022);
	check_new_portfolio(0777 & ~0100);	/* hostile, but writable */
}

static void
test_txn_leaves_no_temporary_files(void **state)
{
	const char *v[FU_C_NCOLS] = { "1", "Ana" };
	struct fu_portfolio pf;
	struct dirent *de;
	DIR *d;

	(void)state;
	begin(&pf, dir);
	add(&pf, FU_CLIENTS, v);
	commit(&pf);
	assert_non_null(d = opendir(dir));
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") !=
		    0 && strcmp(de->d_name, ".lock") != 0 &&
		    strcmp(de->d_name, "clients.csv") != 0 &&
		    strcmp(de->d_name, "agreements.csv") != 0 &&
		    strcmp(de->d_name, "log.csv") != 0)
			fail_msg("left behind: %s", de->d_name);
	closedir(d);
}

static void
test_txn_appends_to_a_spreadsheet_file_in_its_dialect(void **state)
{
	static const char before[] =
	    "\xEF\xBB\xBFname;id;favourite colour;email\r\n"
	    "Ana López;1;blue;ana@example.com\r\n"
	    "\"Bob; Jr.\";2;;";		/* no final line end */
	const char *v[FU_C_NCOLS] = { 0 };
	struct fu_portfolio pf;
	size_t n;
	char *p;

	(void)state;
	put("clients.csv", before, sizeof(before) - 1);
	v[FU_C_ID] = "3";
	v[FU_C_NAME] = "Carl; the \"Third\"";
	v[FU_C_EMAIL] = "carl@example.com";
	begin(&pf, dir);
	add(&pf, FU_CLIENTS, v);
	v[FU_C_ID] = "4";
	v[FU_C_NAME] = "Dan";
	v[FU_C_EMAIL] = NULL;
	add(&pf, FU_CLIENTS, v);
	commit(&pf);
	p = slurp("clients.csv", &n);
	/* Every byte that was there is still there. */
	assert_true(n > sizeof(before) - 1);
	assert_memory_equal(p, before, sizeof(before) - 1);
	assert_string_equal(p + sizeof(before) - 1,
	    "\r\n\"Carl; the \"\"Third\"\"\";3;;carl@example.com\r\n"
	    "Dan;4;;\r\n");
	free(p);
	read_back(dir, FU_CLIENTS);
	assert_int_equal(got.n, 4);
	assert_string_equal(got.f[1][FU_C_NAME], "Bob; Jr.");
	assert_string_equal(got.f[2][FU_C_ID], "3");
	assert_string_equal(got.f[2][FU_C_NAME], "Carl; the \"Third\"");
	assert_string_equal(got.f[2][FU_C_EMAIL], "carl@example.com");
	assert_int_equal(got.line[2], 4);
	assert_string_equal(got.f[3][FU_C_NAME], "Dan");
	assert_int_equal(got.line[3], 5);
	got_clear();
}

static void
test_txn_adds_the_missing_line_end_first(void **state)
{
	const char *v[FU_C_NCOLS] = { "2", "Bob" };
	struct fu_portfolio pf;

	(void)state;
	PUT("clients.csv", "id,name\n1,Ana");
	begin(&pf, dir);
	add(&pf, FU_CLIENTS, v);
	commit(&pf);
	CHECK_FILE("clients.csv", "id,name\n1,Ana\n2,Bob\n");
	/* With a final line end, none is added. */
	v[FU_C_ID] = "3";
	v[FU_C_NAME] = "Carl";
	begin(&pf, dir);
	add(&pf, FU_CLIENTS, v);
	commit(&pf);
	CHECK_FILE("clients.csv", "id,name\n1,Ana\n2,Bob\n3,Carl\n");
}

/* Was a bug: rows appended to a file of CR line ends ("CSV (Macintosh)")
 * ended in LF, and every row read back said line 1. */
static void
test_txn_appends_to_a_file_of_cr_line_ends(void **state)
{
	const char *v[FU_C_NCOLS] = { "3", "Carl" };
	struct fu_portfolio pf;

	(void)state;
	PUT("clients.csv", "id,name\r1,Ana\r2,\"Bob\rSmith\"\r");
	begin(&pf, dir);
	add(&pf, FU_CLIENTS, v);
	commit(&pf);
	CHECK_FILE("clients.csv", "id,name\r1,Ana\r2,\"Bob\rSmith\"\r"
	    "3,Carl\r");
	read_back(dir, FU_CLIENTS);
	assert_int_equal(got.n, 3);
	assert_string_equal(got.f[1][FU_C_NAME], "Bob\rSmith");
	assert_int_equal(got.line[0], 2);
	assert_int_equal(got.line[1], 3);
	assert_int_equal(got.line[2], 5);
	got_clear();
	/* Without its last line end, the end added is a CR. */
	PUT("clients.csv", "id,name\r1,Ana");
	v[FU_C_ID] = "2";
	v[FU_C_NAME] = "Bob";
	begin(&pf, dir);
	add(&pf, FU_CLIENTS, v);
	commit(&pf);
	CHECK_FILE("clients.csv", "id,name\r1,Ana\r2,Bob\r");
}

static void
test_txn_writes_a_header_into_an_empty_table(void **state)
{
	const char *v[FU_C_NCOLS] = { "1", "Ana" };
	struct fu_portfolio pf;

	(void)state;
	PUT("clients.csv", "");
	begin(&pf, dir);
	add(&pf, FU_CLIENTS, v);
	commit(&pf);
	CHECK_FILE("clients.csv", CLIENTS_HDR "1,Ana,,,,,,,,,,,\n");
}

static void
test_txn_quotes_every_field_where_the_header_is_quoted(void **state)
{
	const char *v[FU_C_NCOLS] = { "2", "Bob" };
	struct fu_portfolio pf;

	(void)state;
	PUT("clients.csv", "\"id\",\"name\",\"extra\"\n\"1\",\"Ana\",\"x\"\n");
	begin(&pf, dir);
	add(&pf, FU_CLIENTS, v);
	commit(&pf);
	CHECK_FILE("clients.csv", "\"id\",\"name\",\"extra\"\n"
	    "\"1\",\"Ana\",\"x\"\n\"2\",\"Bob\",\"\"\n");
}

static void
test_txn_appends_to_a_tab_delimited_csv_with_quotes(void **state)
{
	const char *v[FU_C_NCOLS] = { "2", "Tab\there", "a, b" };
	struct fu_portfolio pf;

	(void)state;
	PUT("clients.csv", "id\tname\tcompany\n1\tAna\tAcme\n");
	begin(&pf, dir);
	add(&pf, FU_CLIENTS, v);
	commit(&pf);
	CHECK_FILE("clients.csv", "id\tname\tcompany\n1\tAna\tAcme\n"
	    "2\t\"Tab\there\"\ta, b\n");
	read_back(dir, FU_CLIENTS);
	assert_int_equal(got.n, 2);
	assert_string_equal(got.f[1][FU_C_NAME], "Tab\there");
	assert_string_equal(got.f[1][FU_C_COMPANY], "a, b");
	got_clear();
}

static void
test_row_format_quotes_fields_that_need_it(void **state)
{
	struct fu_dialect comma = { ',', 0, 0, 0, 0 };
	struct fu_dialect semi = { ';', 0, 1, 0, 0 };
	const char *v[FU_C_NCOLS] = { 0 };
	struct fu_buf b = { 0 };

	(void)state;
	v[FU_C_ID] = "1";
	v[FU_C_NAME] = "Ana \"La Jefa\"";
	v[FU_C_COMPANY] = "López, Hijos";
	v[FU_C_EMAIL] = " padded ";
	v[FU_C_PHONE] = "a\rb";
	v[FU_C_STAGE] = "uno; dos";
	v[FU_C_NOTE] = "two\nlines";
	assert_int_equal(fu_row_format(&b, &comma, NULL, FU_C_NCOLS,
	    FU_CLIENTS, v), 0);
	assert_string_equal(b.p, "1,\"Ana \"\"La Jefa\"\"\",\"López, Hijos\","
	    "\" padded \",\"a\rb\",,,,,,uno; dos,,\"two\nlines\"\n");
	fu_buf_free(&b);
	assert_int_equal(fu_row_format(&b, &semi, NULL, FU_C_NCOLS,
	    FU_CLIENTS, v), 0);
	assert_string_equal(b.p, "1;\"Ana \"\"La Jefa\"\"\";López, Hijos;"
	    "\" padded \";\"a\rb\";;;;;;\"uno; dos\";;\"two\nlines\"\r\n");
	fu_buf_free(&b);
}

static void
test_row_format_follows_the_file_columns(void **state)
{
	struct fu_dialect d = { ';', 0, 1, 0, 0 }, q = { ',', 0, 0, 1, 0 };
	const int colmap[] = { FU_C_NAME, -1, FU_C_ID, FU_C_EMAIL };
	const char *v[FU_C_NCOLS] = { "7", "Ana", "Acme", "a@b" };
	struct fu_buf b = { 0 };

	(void)state;
	assert_int_equal(fu_row_format(&b, &d, colmap, 4, FU_CLIENTS, v), 0);
	assert_string_equal(b.p, "Ana;;7;a@b\r\n");
	/* Appended, not replaced. */
	assert_int_equal(fu_row_format(&b, &q, colmap, 4, FU_CLIENTS, v), 0);
	assert_string_equal(b.p, "Ana;;7;a@b\r\n\"Ana\",\"\",\"7\",\"a@b\"\n");
	fu_buf_free(&b);
}

static void
test_row_format_guards_text_that_starts_like_a_formula(void **state)
{
	struct fu_dialect comma = { ',', 0, 0, 0, 0 };
	const char *v[FU_C_NCOLS] = { 0 };
	const char *l[FU_L_NCOLS] = { 0 };
	struct fu_buf b = { 0 };

	(void)state;
	v[FU_C_ID] = "1";
	v[FU_C_NAME] = "=SUM(A1)";
	v[FU_C_COMPANY] = "+34 600";
	v[FU_C_EMAIL] = "@home";
	v[FU_C_PHONE] = "-5";
	v[FU_C_STAGE] = "'=x";
	v[FU_C_TAGS] = "'hello";
	v[FU_C_NOTE] = "=A1,B1";
	assert_int_equal(fu_row_format(&b, &comma, NULL, FU_C_NCOLS,
	    FU_CLIENTS, v), 0);
	assert_string_equal(b.p, "1,'=SUM(A1),'+34 600,'@home,'-5,,,,,,''=x,"
	    "'hello,\"'=A1,B1\"\n");
	fu_buf_free(&b);
	/* Columns that are not free text are written as they are. */
	l[FU_L_ID] = "1";
	l[FU_L_MOOD] = "-";
	l[FU_L_NOTE] = "-";
	assert_int_equal(fu_row_format(&b, &comma, NULL, FU_L_NCOLS, FU_LOG,
	    l), 0);
	assert_string_equal(b.p, "1,,,,,,,-,,'-,\n");
	fu_buf_free(&b);
}

static void
test_txn_reads_back_guarded_text_as_typed(void **state)
{
	static const char *const typed[] = {
		"=SUM(A1)", "+34 600 123 456", "-5% off", "@home", "'=x",
		"''=x", "'hello", "'", "=a,\"b\"\nc", "\tindented",
	};
	const char *v[FU_C_NCOLS] = { 0 };
	struct fu_portfolio pf;
	char ids[10][4];
	size_t i, n;
	char *p;

	(void)state;
	begin(&pf, dir);
	for (i = 0; i < 10; i++) {
		snprintf(ids[i], sizeof(ids[i]), "%zu", i + 1);
		v[FU_C_ID] = ids[i];
		v[FU_C_NAME] = typed[i];
		v[FU_C_NOTE] = typed[i];
		add(&pf, FU_CLIENTS, v);
	}
	commit(&pf);
	p = slurp("clients.csv", &n);
	assert_non_null(strstr(p, "\n1,'=SUM(A1),"));
	assert_null(strstr(p, ",=SUM"));
	free(p);
	read_back(dir, FU_CLIENTS);
	assert_int_equal(got.n, 10);
	for (i = 0; i < 10; i++) {
		if (strcmp(got.f[i][FU_C_NAME], typed[i]) != 0)
			fail_msg("typed \"%s\", read back \"%s\"", typed[i],
			    got.f[i][FU_C_NAME]);
		assert_string_equal(got.f[i][FU_C_NOTE], typed[i]);
	}
	got_clear();
}

static void
test_txn_writes_a_new_tsv_portfolio_and_reads_it_back(void **state)
{
	const char *v[FU_C_NCOLS] = { 0 };
	struct fu_portfolio pf;

	(void)state;
	util_env("FU_FORMAT", "tsv");
	v[FU_C_ID] = "1";
	v[FU_C_NAME] = "Ana \"La Jefa\", López";
	v[FU_C_COMPANY] = "C:\\path\\new";
	v[FU_C_NOTE] = "line one\nline two\tand a tab\r";
	v[FU_C_STAGE] = "=x";
	begin(&pf, dir);
	add(&pf, FU_CLIENTS, v);
	commit(&pf);
	util_env("FU_FORMAT", NULL);
	assert_false(exists("clients.csv"));
	assert_true(exists("agreements.tsv"));
	assert_true(exists("log.tsv"));
	CHECK_FILE("clients.tsv", "id\tname\tcompany\temail\tphone\tsince\t"
	    "birthday\tanniversary\treferred_by\tconsent\tstage\ttags\tnote\n"
	    "1\tAna \"La Jefa\", López\tC:\\\\path\\\\new\t\t\t\t\t\t\t\t'=x\t"
	    "\tline one\\nline two\\tand a tab\\r\n");
	CHECK_FILE("agreements.tsv", "id\tclient\twhat\tdue\tchannel\tevery\t"
	    "made\tfrom\tside\tplan\tafter\n");
	read_back(dir, FU_CLIENTS);
	assert_int_equal(got.n, 1);
	assert_string_equal(got.f[0][FU_C_NAME], v[FU_C_NAME]);
	assert_string_equal(got.f[0][FU_C_COMPANY], v[FU_C_COMPANY]);
	assert_string_equal(got.f[0][FU_C_NOTE], v[FU_C_NOTE]);
	assert_string_equal(got.f[0][FU_C_STAGE], "=x");
	got_clear();
	/* An existing TSV table is appended to as TSV, FU_FORMAT or not. */
	v[FU_C_ID] = "2";
	v[FU_C_NAME] = "Bob\\";
	begin(&pf, dir);
	add(&pf, FU_CLIENTS, v);
	commit(&pf);
	read_back(dir, FU_CLIENTS);
	assert_int_equal(got.n, 2);
	assert_string_equal(got.f[1][FU_C_NAME], "Bob\\");
	assert_string_equal(got.f[1][FU_C_NOTE], v[FU_C_NOTE]);
	got_clear();
}

static void
test_txn_makes_missing_tables_in_an_existing_portfolio(void **state)
{
	const char *a[FU_A_NCOLS] = { "1", "1", "Send the quote",
	    "2026-12-01" };
	struct fu_portfolio pf;
	struct stat st;

	(void)state;
	PUT("clients.csv", "id,name\n1,Ana\n");
	begin(&pf, dir);
	add(&pf, FU_AGREEMENTS, a);
	commit(&pf);
	CHECK_FILE("clients.csv", "id,name\n1,Ana\n");
	CHECK_FILE("agreements.csv", AGREEMENTS_HDR
	    "1,1,Send the quote,2026-12-01,,,,,,,\n");
	CHECK_FILE("log.csv", LOG_HDR);
	assert_int_equal(stat(path_of("agreements.csv"), &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
}

/* A portfolio of three tables, one row each, as a person left it. */
#define P_CLIENTS "id,name\r\n1,Ana\r\n"
#define P_AGREEMENTS "id,client,what,due\n1,1,Send the quote,2026-12-01"
#define P_LOG "id,date,client\n1,2026-11-20,1\n"

static void
put_portfolio(void)
{
	PUT("clients.csv", P_CLIENTS);
	PUT("agreements.csv", P_AGREEMENTS);
	PUT("log.csv", P_LOG);
}

static void
check_portfolio_untouched(void)
{
	CHECK_FILE("clients.csv", P_CLIENTS);
	CHECK_FILE("log.csv", P_LOG);
}

static void
queue_three_rows(struct fu_portfolio *pf)
{
	const char *c[FU_C_NCOLS] = { "2", "Bob" };
	const char *a[FU_A_NCOLS] = { "2", "2", "Visit", "2026-12-02" };
	const char *l[FU_L_NCOLS] = { "2", "2026-11-23", "2" };

	add(pf, FU_CLIENTS, c);
	add(pf, FU_AGREEMENTS, a);
	add(pf, FU_LOG, l);
}

static void
check_commit_fails(struct fu_portfolio *pf, const char *file)
{
	struct fu_err e = { 0 };

	struct fu_txn *x = *txn_of(pf);

	txn_done(pf);
	if (fu_txn_commit(x, &e) != -1)
		fail_msg("the commit succeeded");
	assert_int_equal(e.code, FU_EXIT_IO);
	assert_int_equal(e.unwritten, 1);
	assert_string_equal(e.file, file);
}

static void
test_txn_rolls_back_when_a_table_became_a_directory(void **state)
{
	struct fu_portfolio pf;
	char bak[4096];

	(void)state;
	put_portfolio();
	begin(&pf, dir);
	queue_three_rows(&pf);
	snprintf(bak, sizeof(bak), "%s", path_of("agreements.bak"));
	assert_int_equal(rename(path_of("agreements.csv"), bak), 0);
	assert_int_equal(mkdir(path_of("agreements.csv"), 0700), 0);
	check_commit_fails(&pf, "agreements.csv");
	check_portfolio_untouched();
	CHECK_FILE("agreements.bak", P_AGREEMENTS);
	/* The portfolio is unlocked: the next writer gets in. */
	assert_int_equal(rmdir(path_of("agreements.csv")), 0);
	assert_int_equal(rename(bak, path_of("agreements.csv")), 0);
	begin(&pf, dir);
	queue_three_rows(&pf);
	commit(&pf);
	CHECK_FILE("clients.csv", P_CLIENTS "2,Bob\r\n");
	CHECK_FILE("agreements.csv", P_AGREEMENTS "\n2,2,Visit,2026-12-02\n");
	CHECK_FILE("log.csv", P_LOG "2,2026-11-23,2\n");
}

static void
test_txn_rolls_back_when_a_table_became_a_symlink(void **state)
{
	struct fu_portfolio pf;
	char bak[4096];

	(void)state;
	put_portfolio();
	begin(&pf, dir);
	queue_three_rows(&pf);
	snprintf(bak, sizeof(bak), "%s", path_of("agreements.bak"));
	assert_int_equal(rename(path_of("agreements.csv"), bak), 0);
	assert_int_equal(symlink(bak, path_of("agreements.csv")), 0);
	check_commit_fails(&pf, "agreements.csv");
	check_portfolio_untouched();
	CHECK_FILE("agreements.bak", P_AGREEMENTS);
}

static void
test_txn_rolls_back_the_tables_it_created(void **state)
{
	struct fu_portfolio pf;
	struct dirent *de;
	DIR *d;

	(void)state;
	PUT("clients.csv", P_CLIENTS);
	begin(&pf, dir);
	queue_three_rows(&pf);
	/* agreements.csv will be created, then log.csv cannot be. */
	assert_int_equal(mkdir(path_of("log.csv"), 0700), 0);
	check_commit_fails(&pf, "log.csv");
	CHECK_FILE("clients.csv", P_CLIENTS);
	assert_false(exists("agreements.csv"));
	assert_non_null(d = opendir(dir));
	while ((de = readdir(d)) != NULL)
		if (de->d_name[0] == '.' && strcmp(de->d_name, ".") != 0 &&
		    strcmp(de->d_name, "..") != 0 &&
		    strcmp(de->d_name, ".lock") != 0)
			fail_msg("left behind: %s", de->d_name);
	closedir(d);
}

static void
test_txn_abort_writes_nothing_and_unlocks(void **state)
{
	struct fu_portfolio pf;

	(void)state;
	put_portfolio();
	begin(&pf, dir);
	queue_three_rows(&pf);
	abort_txn(&pf);
	check_portfolio_untouched();
	CHECK_FILE("agreements.csv", P_AGREEMENTS);
	begin(&pf, dir);
	abort_txn(&pf);
}

static void
test_txn_refuses_a_portfolio_that_is_a_file(void **state)
{
	struct fu_portfolio pf;
	struct fu_err e = { 0 };
	struct fu_txn *x;

	(void)state;
	PUT("plain", "not a directory\n");
	assert_int_equal(fu_portfolio_open(&pf, path_of("plain"), &e), 0);
	/* Not a portfolio yet: it would be made at the commit, and cannot. */
	assert_non_null(x = fu_txn_begin(&pf, &e));
	assert_int_equal(fu_txn_commit(x, &e), -1);
	assert_int_equal(e.code, FU_EXIT_IO);
	CHECK_FILE("plain", "not a directory\n");
}

static void
test_txn_refuses_to_begin_on_a_malformed_table(void **state)
{
	struct fu_portfolio pf;
	struct fu_err e = { 0 };

	(void)state;
	PUT("clients.csv", "name,company\nAna,Acme\n");
	assert_int_equal(fu_portfolio_open(&pf, dir, &e), 0);
	assert_null(fu_txn_begin(&pf, &e));
	assert_int_equal(e.code, FU_EXIT_DATA);
	assert_string_equal(e.file, "clients.csv");
	assert_int_equal(e.line, 1);
}

static int
max_one(void *ctx, const struct fu_row *row, struct fu_err *e)
{
	uint64_t *max = ctx, id;

	(void)e;
	assert_int_equal(fu_id_parse(row->f[0], row->len[0], &id), 0);
	if (id > *max)
		*max = id;
	return 0;
}

/* The largest id of a table, as the portfolio's view of it says. */
static uint64_t
max_id(struct fu_portfolio *pf, enum fu_table t)
{
	struct fu_err e = { 0 };
	uint64_t m = 0;

	if (fu_table_scan(pf, t, max_one, &m, &e) == -1)
		fail_msg("max id: %s", e.text);
	return m;
}

static void
test_txn_picks_ids_under_the_lock(void **state)
{
	struct fu_portfolio a, b;
	struct fu_err e = { 0 };
	const char *v[FU_C_NCOLS] = { 0 };
	char id[24];

	(void)state;
	PUT("clients.csv", "id,name\n1,Ana\n2,Bob\n");
	assert_int_equal(fu_portfolio_open(&a, dir, &e), 0);
	assert_int_equal(fu_portfolio_open(&b, dir, &e), 0);
	assert_non_null(*txn_of(&a) = fu_txn_begin(&a, &e));
	snprintf(id, sizeof(id), "%llu",
	    (unsigned long long)max_id(&a, FU_CLIENTS) + 1);
	assert_string_equal(id, "3");
	v[FU_C_ID] = id;
	v[FU_C_NAME] = "Carl";
	add(&a, FU_CLIENTS, v);
	commit(&a);
	/* b was opened before: its view is the old one until it locks. */
	assert_int_equal(max_id(&b, FU_CLIENTS), 2);
	assert_non_null(*txn_of(&b) = fu_txn_begin(&b, &e));
	snprintf(id, sizeof(id), "%llu",
	    (unsigned long long)max_id(&b, FU_CLIENTS) + 1);
	assert_string_equal(id, "4");
	v[FU_C_NAME] = "Dan";
	add(&b, FU_CLIENTS, v);
	commit(&b);
	CHECK_FILE("clients.csv", "id,name\n1,Ana\n2,Bob\n3,Carl\n4,Dan\n");
}

/* In a child process (fcntl locks are per process): tries to open the
 * portfolio and begin a transaction with no wait; exits 0 if that is
 * refused with code 4 (a reader's shared lock waits for the writer too),
 * 1 if it got in, 2 on any other error. */
static int
child_begin(void)
{
	pid_t pid = fork();
	int status;

	assert_true(pid >= 0);
	if (pid == 0) {
		struct fu_portfolio pf;
		struct fu_err e = { 0 };

		util_env("FU_LOCK_TIMEOUT", "0");
		alarm(20);
		if (fu_portfolio_open(&pf, dir, &e) == 0 &&
		    fu_txn_begin(&pf, &e) != NULL)
			_exit(1);
		_exit(e.code == FU_EXIT_IO ? 0 : 2);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	return WEXITSTATUS(status);
}

static void
test_txn_keeps_a_second_writer_out(void **state)
{
	struct fu_portfolio pf;

	(void)state;
	put_portfolio();
	begin(&pf, dir);
	assert_int_equal(child_begin(), 0);	/* refused */
	queue_three_rows(&pf);
	commit(&pf);
	assert_int_equal(child_begin(), 1);	/* got in */
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_txn_creates_a_private_portfolio_whatever_the_umask),
		T(test_txn_leaves_no_temporary_files),
		T(test_txn_appends_to_a_spreadsheet_file_in_its_dialect),
		T(test_txn_adds_the_missing_line_end_first),
		T(test_txn_appends_to_a_file_of_cr_line_ends),
		T(test_txn_writes_a_header_into_an_empty_table),
		T(test_txn_quotes_every_field_where_the_header_is_quoted),
		T(test_txn_appends_to_a_tab_delimited_csv_with_quotes),
		T(test_row_format_quotes_fields_that_need_it),
		T(test_row_format_follows_the_file_columns),
		T(test_row_format_guards_text_that_starts_like_a_formula),
		T(test_txn_reads_back_guarded_text_as_typed),
		T(test_txn_writes_a_new_tsv_portfolio_and_reads_it_back),
		T(test_txn_makes_missing_tables_in_an_existing_portfolio),
		T(test_txn_rolls_back_when_a_table_became_a_directory),
		T(test_txn_rolls_back_when_a_table_became_a_symlink),
		T(test_txn_rolls_back_the_tables_it_created),
		T(test_txn_abort_writes_nothing_and_unlocks),
			T(test_txn_refuses_a_portfolio_that_is_a_file),
		T(test_txn_refuses_to_begin_on_a_malformed_table),
		T(test_txn_picks_ids_under_the_lock),
		T(test_txn_keeps_a_second_writer_out),
	};

	return cmocka_run_group_tests_name("write", tests, NULL, NULL);
}
