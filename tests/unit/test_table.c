/*
 * test_table.c - table.c, row.c and portfolio.c, reading: the dialects a
 * spreadsheet writes, the errors a hand-edited file holds (with the right
 * line), typed rows, and the formula guard.
 *
 * Tests marked "Was a bug" failed before their fix; they run as a second
 * group, "table regressions".
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util.h"

/* The portfolio of the test running: a fresh temporary directory. */

/* Rows a scan handed to its callback, copied (the first MAXROWS). */
#define MAXROWS 64
static struct {
	int n;		/* rows stored */
	long total;	/* rows handed over */
	long line[MAXROWS];
	char *f[MAXROWS][FU_MAXCOLS];
	size_t len[MAXROWS][FU_MAXCOLS];
} got;

static void
got_clear(void)
{
	int i, k;

	for (i = 0; i < got.n; i++)
		for (k = 0; k < FU_MAXCOLS; k++)
			free(got.f[i][k]);
	memset(&got, 0, sizeof(got));
}

static int
record(void *ctx, const struct fu_row *r, struct fu_err *e)
{
	int k;

	(void)ctx;
	(void)e;
	if (got.total++ >= MAXROWS)
		return 0;
	got.line[got.n] = r->line;
	for (k = 0; k < FU_MAXCOLS; k++) {
		assert_non_null(r->f[k]);
		assert_int_equal(strlen(r->f[k]), r->len[k]);
		got.f[got.n][k] = malloc(r->len[k] + 1);
		assert_non_null(got.f[got.n][k]);
		memcpy(got.f[got.n][k], r->f[k], r->len[k] + 1);
		got.len[got.n][k] = r->len[k];
	}
	got.n++;
	return 0;
}

static int
setup(void **state)
{
	if (util_setup(state) == -1)
		return -1;
	memset(&got, 0, sizeof(got));
	return 0;
}

static int
teardown(void **state)
{
	got_clear();
	return util_teardown(state);
}


/* Opens the portfolio and scans table t into got. */
static int
scan(enum fu_table t, struct fu_err *e)
{
	struct fu_portfolio pf;
	int rc;

	got_clear();
	memset(e, 0, sizeof(*e));
	if (fu_portfolio_open(&pf, dir, e) == -1)
		return -1;
	rc = fu_table_scan(&pf, t, record, NULL, e);
	return rc;
}

static void
scan_ok(enum fu_table t)
{
	struct fu_err e;

	if (scan(t, &e) == -1)
		fail_msg("scan failed: %s:%ld: %s", e.file, e.line, e.text);
}

/* Expects a malformed-file error naming file and line. */
static void
check_data_error(const struct fu_err *e, const char *file, long line)
{
	if (e->code != FU_EXIT_DATA || strcmp(e->file, file) != 0 ||
	    e->line != line)
		fail_msg("want %s:%ld (code 3), got %s:%ld (code %d): %s", file,
		    line, e->file, e->line, e->code, e->text);
}

static void
scan_fails(enum fu_table t, const char *file, long line)
{
	struct fu_err e;

	if (scan(t, &e) != -1)
		fail_msg("scan of %s succeeded with %d rows; want an error "
		    "on line %ld", file, got.n, line);
	check_data_error(&e, file, line);
}

#define F(i, col) (got.f[i][col])

static void
test_table_finds_columns_by_header_name_in_any_order(void **state)
{
	(void)state;
	PUT("clients.csv", "note,name,id,company\nhello,Ana,1,Acme\n"
	    "bye,Bob,2,\n");
	scan_ok(FU_CLIENTS);
	assert_int_equal(got.n, 2);
	assert_string_equal(F(0, FU_C_ID), "1");
	assert_string_equal(F(0, FU_C_NAME), "Ana");
	assert_string_equal(F(0, FU_C_COMPANY), "Acme");
	assert_string_equal(F(0, FU_C_NOTE), "hello");
	assert_string_equal(F(1, FU_C_ID), "2");
	assert_string_equal(F(1, FU_C_NAME), "Bob");
	assert_string_equal(F(1, FU_C_COMPANY), "");
	assert_int_equal(got.line[0], 2);
	assert_int_equal(got.line[1], 3);
}

static void
test_table_header_names_ignore_case_and_surrounding_spaces(void **state)
{
	(void)state;
	PUT("clients.csv", "ID, Name ,COMPANY\n1,Ana,Acme\n");
	scan_ok(FU_CLIENTS);
	assert_int_equal(got.n, 1);
	assert_string_equal(F(0, FU_C_ID), "1");
	assert_string_equal(F(0, FU_C_NAME), "Ana");
	assert_string_equal(F(0, FU_C_COMPANY), "Acme");
}

static void
test_table_ignores_extra_columns(void **state)
{
	(void)state;
	PUT("clients.csv", "id,favourite colour,name,notes2,email\n"
	    "1,blue,Ana,x,ana@example.com\n");
	scan_ok(FU_CLIENTS);
	assert_int_equal(got.n, 1);
	assert_string_equal(F(0, FU_C_ID), "1");
	assert_string_equal(F(0, FU_C_NAME), "Ana");
	assert_string_equal(F(0, FU_C_EMAIL), "ana@example.com");
	assert_string_equal(F(0, FU_C_NOTE), "");
}

static void
test_table_reads_missing_optional_columns_as_empty(void **state)
{
	int k;

	(void)state;
	PUT("clients.csv", "id,name\n1,Ana\n");
	scan_ok(FU_CLIENTS);
	assert_int_equal(got.n, 1);
	for (k = FU_C_COMPANY; k < FU_C_NCOLS; k++) {
		assert_string_equal(F(0, k), "");
		assert_int_equal(got.len[0][k], 0);
	}
}

static void
test_table_skips_a_utf8_bom(void **state)
{
	struct fu_portfolio pf;
	struct fu_err e = { 0 };

	(void)state;
	PUT("clients.csv", "\xEF\xBB\xBFid,name\n1,Ana López\n");
	scan_ok(FU_CLIENTS);
	assert_int_equal(got.n, 1);
	assert_string_equal(F(0, FU_C_ID), "1");
	assert_string_equal(F(0, FU_C_NAME), "Ana López");
	assert_int_equal(got.line[0], 2);
	assert_int_equal(fu_portfolio_open(&pf, dir, &e), 0);
	assert_int_equal(fu_table_scan(&pf, FU_CLIENTS, NULL, NULL, &e), 0);
	assert_int_equal(pf.t[FU_CLIENTS].bom, 1);
}

static void
test_table_reads_crlf_line_ends(void **state)
{
	struct fu_portfolio pf;
	struct fu_err e = { 0 };

	(void)state;
	PUT("clients.csv", "id,name,note\r\n1,Ana,\r\n2,Bob,\"two\r\nlines\"\r\n"
	    "3,Carl,x\r\n");
	scan_ok(FU_CLIENTS);
	assert_int_equal(got.n, 3);
	assert_string_equal(F(0, FU_C_NAME), "Ana");
	assert_string_equal(F(0, FU_C_NOTE), "");
	assert_string_equal(F(1, FU_C_NAME), "Bob");
	assert_string_equal(F(1, FU_C_NOTE), "two\r\nlines");
	assert_string_equal(F(2, FU_C_NOTE), "x");
	assert_int_equal(got.line[0], 2);
	assert_int_equal(got.line[1], 3);
	assert_int_equal(got.line[2], 5);
	assert_int_equal(fu_portfolio_open(&pf, dir, &e), 0);
	assert_int_equal(fu_table_scan(&pf, FU_CLIENTS, NULL, NULL, &e), 0);
	assert_int_equal(pf.t[FU_CLIENTS].dialect.crlf, 1);
	assert_int_equal(pf.t[FU_CLIENTS].dialect.delim, ',');
}

static void
test_table_reads_semicolon_delimiters(void **state)
{
	struct fu_portfolio pf;
	struct fu_err e = { 0 };

	(void)state;
	PUT("clients.csv", "id;name;company\n1;Ana;Muebles García, S.A.\n"
	    "2;Bob;\"Uno; Dos\"\n");
	scan_ok(FU_CLIENTS);
	assert_int_equal(got.n, 2);
	assert_string_equal(F(0, FU_C_NAME), "Ana");
	assert_string_equal(F(0, FU_C_COMPANY), "Muebles García, S.A.");
	assert_string_equal(F(1, FU_C_COMPANY), "Uno; Dos");
	assert_int_equal(fu_portfolio_open(&pf, dir, &e), 0);
	assert_int_equal(fu_table_scan(&pf, FU_CLIENTS, NULL, NULL, &e), 0);
	assert_int_equal(pf.t[FU_CLIENTS].dialect.delim, ';');
	assert_int_equal(pf.t[FU_CLIENTS].dialect.tsv, 0);
}

static void
test_table_reads_a_tab_delimited_csv(void **state)
{
	struct fu_portfolio pf;
	struct fu_err e = { 0 };

	(void)state;
	PUT("clients.csv", "id\tname\tcompany\n1\tAna\tAcme, Inc.\n"
	    "2\tBob\t\"Tab\there\"\n");
	scan_ok(FU_CLIENTS);
	assert_int_equal(got.n, 2);
	assert_string_equal(F(0, FU_C_NAME), "Ana");
	assert_string_equal(F(0, FU_C_COMPANY), "Acme, Inc.");
	assert_string_equal(F(1, FU_C_COMPANY), "Tab\there");
	assert_int_equal(fu_portfolio_open(&pf, dir, &e), 0);
	assert_int_equal(fu_table_scan(&pf, FU_CLIENTS, NULL, NULL, &e), 0);
	assert_int_equal(pf.t[FU_CLIENTS].dialect.delim, '\t');
	assert_int_equal(pf.t[FU_CLIENTS].dialect.tsv, 0);
}

static void
test_table_unescapes_a_tsv_table(void **state)
{
	struct fu_portfolio pf;
	struct fu_err e = { 0 };

	(void)state;
	PUT("clients.tsv", "id\tname\tnote\n"
	    "1\tAna\tline one\\nline two\\tafter a tab\\\\ a backslash\n"
	    "2\t\"Bob\"\tsaid \"hi\", then left\n"
	    "3\tCarl\tC:\\\\path\\\\n\n");
	scan_ok(FU_CLIENTS);
	assert_int_equal(got.n, 3);
	assert_string_equal(F(0, FU_C_NOTE),
	    "line one\nline two\tafter a tab\\ a backslash");
	/* Quotes mean nothing in TSV. */
	assert_string_equal(F(1, FU_C_NAME), "\"Bob\"");
	assert_string_equal(F(1, FU_C_NOTE), "said \"hi\", then left");
	assert_string_equal(F(2, FU_C_NOTE), "C:\\path\\n");
	assert_int_equal(got.line[2], 4);
	assert_int_equal(fu_portfolio_open(&pf, dir, &e), 0);
	assert_string_equal(pf.t[FU_CLIENTS].name, "clients.tsv");
	assert_int_equal(fu_table_scan(&pf, FU_CLIENTS, NULL, NULL, &e), 0);
	assert_int_equal(pf.t[FU_CLIENTS].dialect.tsv, 1);
}

static void
test_table_reads_quoted_fields(void **state)
{
	(void)state;
	PUT("clients.csv", "id,name,company,note\n"
	    "1,\"López, Ana\",\"Muebles \"\"El Roble\"\"\",\"two\nlines\"\n"
	    "2,Bob,,\"three\nlines\nhere\"\n"
	    "3,\"Carl\",\"\",\"\"\n"
	    "4,Dan,x,y\n");
	scan_ok(FU_CLIENTS);
	assert_int_equal(got.n, 4);
	assert_string_equal(F(0, FU_C_NAME), "López, Ana");
	assert_string_equal(F(0, FU_C_COMPANY), "Muebles \"El Roble\"");
	assert_string_equal(F(0, FU_C_NOTE), "two\nlines");
	assert_string_equal(F(1, FU_C_NOTE), "three\nlines\nhere");
	assert_string_equal(F(2, FU_C_NAME), "Carl");
	assert_string_equal(F(2, FU_C_COMPANY), "");
	assert_string_equal(F(3, FU_C_NAME), "Dan");
	/* Rows start where they start, after the line breaks in fields. */
	assert_int_equal(got.line[0], 2);
	assert_int_equal(got.line[1], 4);
	assert_int_equal(got.line[2], 7);
	assert_int_equal(got.line[3], 8);
}

static void
test_table_a_line_break_in_the_first_field_keeps_lines_right(void **state)
{
	(void)state;
	PUT("clients.csv", "note,id,name\n\"a\nb\",1,Ana\n\"c\nd\ne\",2,Bob\n"
	    "x,3,Carl\n");
	scan_ok(FU_CLIENTS);
	assert_int_equal(got.n, 3);
	assert_int_equal(got.line[0], 2);
	assert_int_equal(got.line[1], 4);
	assert_int_equal(got.line[2], 7);
	assert_string_equal(F(1, FU_C_NOTE), "c\nd\ne");
}

static void
test_table_skips_blank_lines(void **state)
{
	(void)state;
	PUT("clients.csv", "\n\nid,name\n\n1,Ana\n\n\n2,Bob\n\n");
	scan_ok(FU_CLIENTS);
	assert_int_equal(got.n, 2);
	assert_string_equal(F(0, FU_C_NAME), "Ana");
	assert_string_equal(F(1, FU_C_NAME), "Bob");
	assert_int_equal(got.line[0], 5);
	assert_int_equal(got.line[1], 8);
}

static void
test_table_skips_blank_crlf_lines(void **state)
{
	(void)state;
	PUT("clients.csv", "id,name\r\n\r\n1,Ana\r\n\r\n\r\n2,Bob\r\n");
	scan_ok(FU_CLIENTS);
	assert_int_equal(got.n, 2);
	assert_int_equal(got.line[0], 3);
	assert_int_equal(got.line[1], 6);
}

static void
test_table_reads_a_file_without_final_newline(void **state)
{
	(void)state;
	PUT("clients.csv", "id,name\n1,Ana\n2,Bob");
	scan_ok(FU_CLIENTS);
	assert_int_equal(got.n, 2);
	assert_string_equal(F(1, FU_C_NAME), "Bob");
	assert_int_equal(got.line[1], 3);
	PUT("clients.csv", "id,name\n1,Ana\n2,\"Bob\nSmith\"");
	scan_ok(FU_CLIENTS);
	assert_int_equal(got.n, 2);
	assert_string_equal(F(1, FU_C_NAME), "Bob\nSmith");
}

static void
test_table_reads_empty_and_bom_only_files_as_no_rows(void **state)
{
	(void)state;
	PUT("clients.csv", "");
	scan_ok(FU_CLIENTS);
	assert_int_equal(got.n, 0);
	PUT("clients.csv", "\xEF\xBB\xBF");
	scan_ok(FU_CLIENTS);
	assert_int_equal(got.n, 0);
	PUT("clients.csv", "id,name\n");
	scan_ok(FU_CLIENTS);
	assert_int_equal(got.n, 0);
	PUT("clients.csv", "\n\n");
	scan_ok(FU_CLIENTS);
	assert_int_equal(got.n, 0);
}

static void
test_table_reads_a_missing_table_or_portfolio_as_no_rows(void **state)
{
	char missing[128];
	struct fu_portfolio pf;
	struct fu_err e = { 0 };

	(void)state;
	scan_ok(FU_LOG);
	assert_int_equal(got.n, 0);
	snprintf(missing, sizeof(missing), "%s/nothing/here", dir);
	assert_int_equal(fu_portfolio_open(&pf, missing, &e), 0);
	assert_int_equal(pf.found, 0);
	assert_int_equal(fu_table_scan(&pf, FU_CLIENTS, record, NULL, &e), 0);
	assert_int_equal(got.n, 0);
}

static void
test_table_reads_a_long_field_whole(void **state)
{
	static char buf[16 * 1024];
	size_t n;

	(void)state;
	n = (size_t)snprintf(buf, sizeof(buf), "id,name,note\n1,Ana,");
	memset(buf + n, 'x', 10000);
	n += 10000;
	memcpy(buf + n, "\n2,Bob,y\n", 9);
	put("clients.csv", buf, n + 9);
	scan_ok(FU_CLIENTS);
	assert_int_equal(got.n, 2);
	assert_int_equal(got.len[0][FU_C_NOTE], 10000);
	assert_string_equal(F(1, FU_C_NOTE), "y");
}

/* Checks each row's line as it streams by: row i (from 1) starts on line
 * 2 + i - 1 + the extra lines of rows before it; every third row holds a
 * two-line note. */
struct bigscan {
	long rows;
	long want_line;
};

static int
check_big(void *ctx, const struct fu_row *r, struct fu_err *e)
{
	struct bigscan *b = ctx;
	char id[24];

	(void)e;
	b->rows++;
	snprintf(id, sizeof(id), "%ld", b->rows);
	if (strcmp(r->f[FU_C_ID], id) != 0 || r->line != b->want_line)
		fail_msg("row %ld: id %s on line %ld, want line %ld", b->rows,
		    r->f[FU_C_ID], r->line, b->want_line);
	if (b->rows % 3 == 0 && strcmp(r->f[FU_C_NOTE], "first\nsecond") != 0)
		fail_msg("row %ld: note \"%s\"", b->rows, r->f[FU_C_NOTE]);
	b->want_line += b->rows % 3 == 0 ? 2 : 1;
	return 0;
}

/* Writes a clients table of n rows, more than one read chunk, ending
 * with tail; returns the line the tail starts on. */
static long
put_big(long n, const char *tail, size_t tail_len)
{
	char path[4096];
	FILE *fp;
	long i, line = 2;

	snprintf(path, sizeof(path), "%s/clients.csv", dir);
	assert_non_null(fp = fopen(path, "w"));
	fputs("id,name,note\n", fp);
	for (i = 1; i <= n; i++) {
		if (i % 3 == 0) {
			fprintf(fp, "%ld,Client number %ld,\"first\nsecond\"\n",
			    i, i);
			line += 2;
		} else {
			fprintf(fp, "%ld,Client number %ld,\n", i, i);
			line++;
		}
	}
	fwrite(tail, 1, tail_len, fp);
	assert_int_equal(fclose(fp), 0);
	return line;
}

static void
test_table_keeps_line_numbers_across_read_chunks(void **state)
{
	struct fu_portfolio pf;
	struct fu_err e = { 0 };
	struct bigscan b = { 0, 2 };

	(void)state;
	put_big(100000, "", 0);		/* about 3 MB */
	assert_int_equal(fu_portfolio_open(&pf, dir, &e), 0);
	assert_true(pf.t[FU_CLIENTS].snap > 2 * 1024 * 1024);
	if (fu_table_scan(&pf, FU_CLIENTS, check_big, &b, &e) == -1)
		fail_msg("%s:%ld: %s", e.file, e.line, e.text);
	assert_int_equal(b.rows, 100000);
}

static void
test_table_names_the_line_of_an_error_past_the_first_chunk(void **state)
{
	long line;

	(void)state;
	line = put_big(60000, "60001,Bad,row,with,too,many\n", 28);
	scan_fails(FU_CLIENTS, "clients.csv", line);
	line = put_big(60000, "60001,N\0L,x\n", 12);
	scan_fails(FU_CLIENTS, "clients.csv", line);
	line = put_big(60000, "60001,\"open\n60002,x,y\n", 22);
	scan_fails(FU_CLIENTS, "clients.csv", line);
}

static void
test_table_refuses_an_unterminated_quote_near_the_end(void **state)
{
	int i;

	(void)state;
	PUT("clients.csv", "id,name\n1,Bob\n2,\"Ana\n3,Carl\n4,Dan\n");
	scan_fails(FU_CLIENTS, "clients.csv", 3);
	/* Carl and Dan were not handed over as if they were part of Ana. */
	for (i = 0; i < got.n; i++)
		assert_null(strstr(F(i, FU_C_NAME), "Carl"));
	PUT("clients.csv", "id,name\n1,Bob\n2,\"Ana");
	scan_fails(FU_CLIENTS, "clients.csv", 3);
	PUT("clients.csv", "id,name\r\n1,Bob\r\n2,\"Ana\r\n3,Carl\r\n");
	scan_fails(FU_CLIENTS, "clients.csv", 3);
}

static void
test_table_refuses_a_quote_after_a_quoted_field(void **state)
{
	(void)state;
	PUT("clients.csv", "id,name\n1,Bob\n2,\"Ana\"x\n3,Carl\n");
	scan_fails(FU_CLIENTS, "clients.csv", 3);
}

/* libcsv accepts a quote inside an unquoted field even in strict mode. */
static void
test_table_refuses_a_stray_quote_in_an_unquoted_field(void **state)
{
	(void)state;
	PUT("clients.csv", "id,name\n1,Bob\n2,An\"a\n3,Carl\n");
	scan_fails(FU_CLIENTS, "clients.csv", 3);
	PUT("clients.csv", "id,name\n1,Bob\n2,Ana\"\n3,Carl\n");
	scan_fails(FU_CLIENTS, "clients.csv", 3);
	PUT("clients.csv", "id,name,note\n1,Bob,\"a\nb\"\n2,An\"a,x\n");
	scan_fails(FU_CLIENTS, "clients.csv", 4);
}

static void
test_table_refuses_a_wrong_field_count(void **state)
{
	(void)state;
	PUT("clients.csv", "id,name\n1,Ana\n2,Bob,extra\n3,Carl\n");
	scan_fails(FU_CLIENTS, "clients.csv", 3);
	PUT("clients.csv", "id,name,company\n1,Ana,A\n2,Bob\n");
	scan_fails(FU_CLIENTS, "clients.csv", 3);
	PUT("clients.csv", "id,name,note\n1,Ana,\"x\ny\"\n2,Bob\n");
	scan_fails(FU_CLIENTS, "clients.csv", 4);
	/* A semicolon file with a comma row is one field short. */
	PUT("clients.csv", "id;name\n1;Ana\n2,Bob\n");
	scan_fails(FU_CLIENTS, "clients.csv", 3);
}

static void
test_table_refuses_a_duplicate_header_column(void **state)
{
	struct fu_err e;

	(void)state;
	PUT("clients.csv", "id,name,ID\n1,Ana,2\n");
	scan_fails(FU_CLIENTS, "clients.csv", 1);
	assert_int_equal(scan(FU_CLIENTS, &e), -1);
	assert_non_null(strstr(e.text, "\"id\""));
	PUT("agreements.csv", "\n\nid,client,what,due,due\n");
	scan_fails(FU_AGREEMENTS, "agreements.csv", 3);
}

static void
test_table_refuses_a_header_without_the_id_column(void **state)
{
	struct fu_err e;

	(void)state;
	PUT("clients.csv", "name,company\nAna,Acme\n");
	scan_fails(FU_CLIENTS, "clients.csv", 1);
	assert_int_equal(scan(FU_CLIENTS, &e), -1);
	assert_non_null(strstr(e.text, "\"id\""));
	/* A headerless file: its first row is taken as a header. */
	PUT("clients.csv", "1,Ana\n2,Bob\n");
	scan_fails(FU_CLIENTS, "clients.csv", 1);
	PUT("log.csv", "id,client\n1,2\n");
	scan_fails(FU_LOG, "log.csv", 1);
	assert_int_equal(scan(FU_LOG, &e), -1);
	assert_non_null(strstr(e.text, "\"date\""));
}

static void
test_table_refuses_invalid_utf8_in_a_known_column(void **state)
{
	(void)state;
	PUT("clients.csv", "id,name\n1,Ana\n2,L\xF3pez\n");
	scan_fails(FU_CLIENTS, "clients.csv", 3);
	PUT("clients.csv", "id,name,note\n1,Ana,\"a\nb\"\n2,Bob,\xED\xA0\x80\n");
	scan_fails(FU_CLIENTS, "clients.csv", 4);
}

static void
test_table_refuses_invalid_utf8_in_an_extra_column(void **state)
{
	struct fu_err e = { 0 };

	(void)state;
	/* A column the user added is text too, as fu-portfolio(5) says:
	 * it was read, silently (issue 17). */
	PUT("clients.csv", "id,name,legacy\n1,Ana,L\xF3pez\n");
	assert_int_equal(scan(FU_CLIENTS, &e), -1);
	assert_int_equal(e.code, FU_EXIT_DATA);
	assert_int_equal(e.line, 2);
	assert_string_equal(e.text, "column \"legacy\" is not valid UTF-8");
}

static void
test_table_refuses_a_field_of_100_kb(void **state)
{
	static char buf[110 * 1024];
	size_t n;

	(void)state;
	n = (size_t)snprintf(buf, sizeof(buf), "id,name,note\n1,Ana,\n2,Bob,");
	memset(buf + n, 'x', 100 * 1024);
	n += 100 * 1024;
	memcpy(buf + n, "\n3,Carl,\n", 9);
	put("clients.csv", buf, n + 9);
	scan_fails(FU_CLIENTS, "clients.csv", 3);
	/* Quoted, with line breaks, the row still starts on line 3. */
	n = (size_t)snprintf(buf, sizeof(buf), "id,name,note\n1,Ana,\n2,Bob,\"");
	memset(buf + n, '\n', 100 * 1024);
	n += 100 * 1024;
	memcpy(buf + n, "\"\n3,Carl,\n", 10);
	put("clients.csv", buf, n + 10);
	scan_fails(FU_CLIENTS, "clients.csv", 3);
}

static void
test_table_refuses_a_symlink(void **state)
{
	char target[4096], link[4096];
	struct fu_err e;

	(void)state;
	PUT("real.csv", "id,name\n1,Ana\n");
	snprintf(target, sizeof(target), "%s/real.csv", dir);
	snprintf(link, sizeof(link), "%s/clients.csv", dir);
	assert_int_equal(symlink(target, link), 0);
	assert_int_equal(scan(FU_CLIENTS, &e), -1);
	assert_int_equal(e.code, FU_EXIT_IO);
	assert_int_equal(got.n, 0);
	/* A dangling link too. */
	assert_int_equal(unlink(target), 0);
	assert_int_equal(scan(FU_CLIENTS, &e), -1);
	assert_int_equal(e.code, FU_EXIT_IO);
}

static void
test_table_refuses_a_directory(void **state)
{
	char path[4096];
	struct fu_err e;

	(void)state;
	snprintf(path, sizeof(path), "%s/log.csv", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	assert_int_equal(scan(FU_LOG, &e), -1);
	assert_int_equal(e.code, FU_EXIT_IO);
	assert_string_equal(e.file, "log.csv");
}

static void
test_table_refuses_both_csv_and_tsv(void **state)
{
	struct fu_err e;

	(void)state;
	PUT("clients.csv", "id,name\n1,Ana\n");
	PUT("clients.tsv", "id\tname\n1\tAna\n");
	assert_int_equal(scan(FU_CLIENTS, &e), -1);
	assert_int_equal(e.code, FU_EXIT_DATA);
	assert_non_null(strstr(e.text, "clients.csv"));
	assert_non_null(strstr(e.text, "clients.tsv"));
}

static void
test_table_strips_the_formula_guard(void **state)
{
	(void)state;
	PUT("clients.csv", "id,name,note,company\n"
	    "1,'=SUM(A1),''=x,'+34 600\n"
	    "2,'hello,'-5% off,'@home\n"
	    "3,\"'=A1,B1\",'',''hello\n");
	scan_ok(FU_CLIENTS);
	assert_int_equal(got.n, 3);
	assert_string_equal(F(0, FU_C_NAME), "=SUM(A1)");
	assert_string_equal(F(0, FU_C_NOTE), "'=x");
	assert_string_equal(F(0, FU_C_COMPANY), "+34 600");
	assert_string_equal(F(1, FU_C_NAME), "'hello");
	assert_string_equal(F(1, FU_C_NOTE), "-5% off");
	assert_string_equal(F(1, FU_C_COMPANY), "@home");
	assert_string_equal(F(2, FU_C_NAME), "=A1,B1");
	assert_string_equal(F(2, FU_C_NOTE), "''");
	assert_string_equal(F(2, FU_C_COMPANY), "''hello");
}

static void
test_id_parse_takes_positive_int64_only(void **state)
{
	static const char *const bad[] = {
		"", "0", "00", "-1", "+1", " 1", "1 ", "1.0", "1e3", "abc",
		"9223372036854775808", "9999999999999999999",
		"18446744073709551615", "18446744073709551616",
		"99999999999999999999",
	};
	uint64_t id;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (fu_id_parse(bad[i], strlen(bad[i]), &id) != -1)
			fail_msg("id \"%s\" accepted", bad[i]);
	assert_int_equal(fu_id_parse("1", 1, &id), 0);
	assert_int_equal(id, 1);
	assert_int_equal(fu_id_parse("007", 3, &id), 0);
	assert_int_equal(id, 7);
	assert_int_equal(fu_id_parse("9223372036854775807", 19, &id), 0);
	assert_true(id == (uint64_t)INT64_MAX);
}

static void
test_outcome_parse_knows_the_twelve_outcomes(void **state)
{
	static const char *const names[] = {
		"kept", "broken", "moved", "dropped", "signal", "lost", "won",
		"referral", "greeting", "no-next", "consent", "no-consent",
	};
	size_t i;

	(void)state;
	for (i = 0; i < 12; i++) {
		enum fu_outcome o = fu_outcome_parse(names[i], strlen(names[i]));

		assert_int_equal(o, (int)i + 1);
		assert_string_equal(fu_outcome_str(o), names[i]);
	}
	assert_int_equal(fu_outcome_parse("KEPT", 4), FU_O_KEPT);
	assert_int_equal(fu_outcome_parse("kep", 3), FU_O_NONE);
	assert_int_equal(fu_outcome_parse("kept ", 5), FU_O_NONE);
	assert_int_equal(fu_outcome_parse("", 0), FU_O_NONE);
}

/* A hand-made row: v[k] for schema column k, "" when NULL or past n. */
static void
make_row(struct fu_row *r, long line, const char *const *v, int n)
{
	int k;

	r->line = line;
	for (k = 0; k < FU_MAXCOLS; k++) {
		r->f[k] = k < n && v[k] != NULL ? v[k] : "";
		r->len[k] = strlen(r->f[k]);
	}
}

static void
test_row_client_converts_every_column(void **state)
{
	const char *v[FU_C_NCOLS] = {
		"12", "Ana López", "Acme", "ana@example.com", "+34 600",
		"2026-01-05", "1985-11-28", "02-29", "3", "yes", "customer",
		"retail madrid", "a note",
	};
	struct fu_row r;
	struct fu_client c;
	struct fu_err e = { 0 };
	char buf[11];

	(void)state;
	make_row(&r, 2, v, FU_C_NCOLS);
	assert_int_equal(fu_row_client(&r, "clients.csv", &c, &e), 0);
	assert_int_equal(c.id, 12);
	assert_string_equal(c.name, "Ana López");
	assert_string_equal(c.company, "Acme");
	assert_string_equal(c.email, "ana@example.com");
	assert_string_equal(c.phone, "+34 600");
	assert_string_equal(fu_date_str(c.since, buf), "2026-01-05");
	assert_string_equal(fu_mday_str(&c.birthday, buf), "1985-11-28");
	assert_string_equal(fu_mday_str(&c.anniversary, buf), "02-29");
	assert_int_equal(c.referred_by, 3);
	assert_int_equal(c.consent, 1);
	assert_string_equal(c.stage, "customer");
	assert_string_equal(c.tags, "retail madrid");
	assert_string_equal(c.note, "a note");
	/* The optional columns may be empty. */
	make_row(&r, 3, v, 2);
	assert_int_equal(fu_row_client(&r, "clients.csv", &c, &e), 0);
	assert_int_equal(c.since, FU_DATE_NONE);
	assert_int_equal(c.birthday.month, 0);
	assert_int_equal(c.anniversary.month, 0);
	assert_int_equal(c.referred_by, 0);
	assert_int_equal(c.consent, 0);
	v[FU_C_CONSENT] = "no";
	make_row(&r, 3, v, FU_C_NCOLS);
	assert_int_equal(fu_row_client(&r, "clients.csv", &c, &e), 0);
	assert_int_equal(c.consent, 0);
}

/* Sets column k of a good row to bad and expects a refusal on line 7
 * whose message names the column. */
static void
check_row_refused(enum fu_table t, int k, const char *bad)
{
	static const char *const good[FU_NTABLES][FU_MAXCOLS] = {
		{ "1", "Ana", "", "", "", "2026-01-05", "06-15", "", "", "yes",
		  "", "", "" },
		{ "1", "1", "Send the quote", "2026-01-10", "email", "3m",
		  "2026-01-05", "4" },
		{ "1", "2026-01-05", "1", "2", "call", "kept", "1250.50", "+",
		  "3", "fine" },
	};
	const char *v[FU_MAXCOLS];
	const char *file = t == FU_CLIENTS ? "clients.csv" :
	    t == FU_AGREEMENTS ? "agreements.csv" : "log.csv";
	struct fu_row r;
	struct fu_client c;
	struct fu_agreement a;
	struct fu_logrow l;
	struct fu_err e = { 0 };
	int rc;

	memcpy(v, good[t], sizeof(v));
	make_row(&r, 7, v, fu_ncolumns[t]);
	rc = t == FU_CLIENTS ? fu_row_client(&r, file, &c, &e) :
	    t == FU_AGREEMENTS ? fu_row_agreement(&r, file, &a, &e) :
	    fu_row_log(&r, file, &l, &e);
	if (rc != 0)
		fail_msg("the good %s row is refused: %s", file, e.text);
	v[k] = bad;
	make_row(&r, 7, v, fu_ncolumns[t]);
	rc = t == FU_CLIENTS ? fu_row_client(&r, file, &c, &e) :
	    t == FU_AGREEMENTS ? fu_row_agreement(&r, file, &a, &e) :
	    fu_row_log(&r, file, &l, &e);
	if (rc != -1)
		fail_msg("%s: %s \"%s\" accepted", file, fu_columns[t][k], bad);
	check_data_error(&e, file, 7);
	if (strstr(e.text, fu_columns[t][k]) == NULL)
		fail_msg("%s: message \"%s\" does not name %s", file, e.text,
		    fu_columns[t][k]);
}

static void
test_row_client_refuses_bad_values(void **state)
{
	(void)state;
	check_row_refused(FU_CLIENTS, FU_C_ID, "");
	check_row_refused(FU_CLIENTS, FU_C_ID, "0");
	check_row_refused(FU_CLIENTS, FU_C_ID, "-1");
	check_row_refused(FU_CLIENTS, FU_C_ID, "abc");
	check_row_refused(FU_CLIENTS, FU_C_ID, "9223372036854775808");
	check_row_refused(FU_CLIENTS, FU_C_ID, "18446744073709551617");
	check_row_refused(FU_CLIENTS, FU_C_ID, " 1");
	check_row_refused(FU_CLIENTS, FU_C_NAME, "");
	check_row_refused(FU_CLIENTS, FU_C_SINCE, "2026/01/05");
	check_row_refused(FU_CLIENTS, FU_C_SINCE, "05-01-2026");
	check_row_refused(FU_CLIENTS, FU_C_SINCE, "2026-02-30");
	check_row_refused(FU_CLIENTS, FU_C_SINCE, "today");
	check_row_refused(FU_CLIENTS, FU_C_BIRTHDAY, "02-30");
	check_row_refused(FU_CLIENTS, FU_C_BIRTHDAY, "1985-02-29");
	check_row_refused(FU_CLIENTS, FU_C_BIRTHDAY, "15/06");
	check_row_refused(FU_CLIENTS, FU_C_ANNIVERSARY, "13-01");
	check_row_refused(FU_CLIENTS, FU_C_REFERRED_BY, "Ana");
	check_row_refused(FU_CLIENTS, FU_C_REFERRED_BY, "9223372036854775808");
	check_row_refused(FU_CLIENTS, FU_C_CONSENT, "maybe");
}

static void
test_row_agreement_converts_and_refuses(void **state)
{
	const char *v[FU_A_NCOLS] = {
		"5", "2", "Send the quote", "2026-12-01", "email", "3m",
		"2026-11-23", "9",
	};
	struct fu_row r;
	struct fu_agreement a;
	struct fu_err e = { 0 };
	char buf[16];

	(void)state;
	make_row(&r, 4, v, FU_A_NCOLS);
	assert_int_equal(fu_row_agreement(&r, "agreements.csv", &a, &e), 0);
	assert_int_equal(a.id, 5);
	assert_int_equal(a.client, 2);
	assert_string_equal(a.what, "Send the quote");
	assert_string_equal(fu_date_str(a.due, buf), "2026-12-01");
	assert_string_equal(a.channel, "email");
	assert_string_equal(fu_period_str(&a.every, buf), "3m");
	assert_string_equal(fu_date_str(a.made, buf), "2026-11-23");
	assert_int_equal(a.from, 9);
	v[FU_A_EVERY] = v[FU_A_MADE] = v[FU_A_FROM] = v[FU_A_CHANNEL] = "";
	make_row(&r, 4, v, FU_A_NCOLS);
	assert_int_equal(fu_row_agreement(&r, "agreements.csv", &a, &e), 0);
	assert_int_equal(a.every.n, 0);
	assert_int_equal(a.made, FU_DATE_NONE);
	assert_int_equal(a.from, 0);
	check_row_refused(FU_AGREEMENTS, FU_A_ID, "9223372036854775808");
	check_row_refused(FU_AGREEMENTS, FU_A_CLIENT, "");
	check_row_refused(FU_AGREEMENTS, FU_A_CLIENT, "Ana");
	check_row_refused(FU_AGREEMENTS, FU_A_WHAT, "");
	check_row_refused(FU_AGREEMENTS, FU_A_DUE, "");
	check_row_refused(FU_AGREEMENTS, FU_A_DUE, "2026-13-01");
	check_row_refused(FU_AGREEMENTS, FU_A_DUE, "2026-02-30");
	check_row_refused(FU_AGREEMENTS, FU_A_DUE, "friday");
	check_row_refused(FU_AGREEMENTS, FU_A_MADE, "2026-1-5");
	check_row_refused(FU_AGREEMENTS, FU_A_FROM, "x");
	check_row_refused(FU_AGREEMENTS, FU_A_EVERY, "3x");
	check_row_refused(FU_AGREEMENTS, FU_A_EVERY, "0d");
	check_row_refused(FU_AGREEMENTS, FU_A_EVERY, "-1d");
	check_row_refused(FU_AGREEMENTS, FU_A_EVERY, "3");
	check_row_refused(FU_AGREEMENTS, FU_A_EVERY, "monthly");
}

static void
test_row_log_converts_and_refuses(void **state)
{
	const char *v[FU_L_NCOLS] = {
		"8", "2026-11-23", "2", "5", "call", "moved", "1250.50", "-",
		"6", "she asked for a week",
	};
	struct fu_row r;
	struct fu_logrow l;
	struct fu_err e = { 0 };
	char buf[32];

	(void)state;
	make_row(&r, 9, v, FU_L_NCOLS);
	assert_int_equal(fu_row_log(&r, "log.csv", &l, &e), 0);
	assert_int_equal(l.id, 8);
	assert_string_equal(fu_date_str(l.date, buf), "2026-11-23");
	assert_int_equal(l.client, 2);
	assert_int_equal(l.agreement, 5);
	assert_string_equal(l.channel, "call");
	assert_int_equal(l.outcome, FU_O_MOVED);
	assert_int_equal(l.has_amount, 1);
	assert_int_equal(l.amount, 125050);
	assert_int_equal(l.mood, FU_MOOD_MINUS);
	assert_int_equal(l.next, 6);
	assert_string_equal(l.note, "she asked for a week");
	v[FU_L_AGREEMENT] = v[FU_L_OUTCOME] = v[FU_L_AMOUNT] = "";
	v[FU_L_MOOD] = v[FU_L_NEXT] = "";
	make_row(&r, 9, v, FU_L_NCOLS);
	assert_int_equal(fu_row_log(&r, "log.csv", &l, &e), 0);
	assert_int_equal(l.agreement, 0);
	assert_int_equal(l.outcome, FU_O_NONE);
	assert_int_equal(l.has_amount, 0);
	assert_int_equal(l.mood, FU_MOOD_NONE);
	assert_int_equal(l.next, 0);
	v[FU_L_MOOD] = "+";
	v[FU_L_AMOUNT] = "0";
	make_row(&r, 9, v, FU_L_NCOLS);
	assert_int_equal(fu_row_log(&r, "log.csv", &l, &e), 0);
	assert_int_equal(l.mood, FU_MOOD_PLUS);
	assert_int_equal(l.has_amount, 1);
	assert_int_equal(l.amount, 0);
	v[FU_L_MOOD] = "0";
	make_row(&r, 9, v, FU_L_NCOLS);
	assert_int_equal(fu_row_log(&r, "log.csv", &l, &e), 0);
	assert_int_equal(l.mood, FU_MOOD_ZERO);
	check_row_refused(FU_LOG, FU_L_ID, "9223372036854775808");
	check_row_refused(FU_LOG, FU_L_ID, "");
	check_row_refused(FU_LOG, FU_L_DATE, "");
	check_row_refused(FU_LOG, FU_L_DATE, "2026-02-30");
	check_row_refused(FU_LOG, FU_L_DATE, "23/11/2026");
	check_row_refused(FU_LOG, FU_L_CLIENT, "");
	check_row_refused(FU_LOG, FU_L_AGREEMENT, "x");
	check_row_refused(FU_LOG, FU_L_NEXT, "-3");
	check_row_refused(FU_LOG, FU_L_OUTCOME, "keep");
	check_row_refused(FU_LOG, FU_L_OUTCOME, "done");
	check_row_refused(FU_LOG, FU_L_AMOUNT, "-5");
	check_row_refused(FU_LOG, FU_L_AMOUNT, "abc");
	check_row_refused(FU_LOG, FU_L_AMOUNT, "1,234");
	check_row_refused(FU_LOG, FU_L_AMOUNT, "1e3");
	check_row_refused(FU_LOG, FU_L_MOOD, "++");
	check_row_refused(FU_LOG, FU_L_MOOD, "good");
	check_row_refused(FU_LOG, FU_L_MOOD, "1");
}

/* Converts each log row as it streams by, recording the amounts. */
static int
on_log(void *ctx, const struct fu_row *r, struct fu_err *e)
{
	fu_cents *sum = ctx;
	struct fu_logrow l;

	if (fu_row_log(r, "log.csv", &l, e) == -1)
		return -1;
	*sum += l.amount;
	return 0;
}

static void
test_row_log_stops_a_scan_on_the_bad_row(void **state)
{
	struct fu_portfolio pf;
	struct fu_err e = { 0 };
	fu_cents sum = 0;

	(void)state;
	PUT("log.csv", "id,date,client,amount,note\n"
	    "1,2026-11-01,1,0.10,\"a\nb\"\n2,2026-11-02,1,0.20,\n");
	assert_int_equal(fu_portfolio_open(&pf, dir, &e), 0);
	assert_int_equal(fu_table_scan(&pf, FU_LOG, on_log, &sum, &e), 0);
	assert_int_equal(sum, 30);
	PUT("log.csv", "id,date,client,amount,note\n"
	    "1,2026-11-01,1,0.10,\"a\nb\"\n2,2026-11-02,1,-5,\n"
	    "3,2026-11-03,1,1,\n");
	sum = 0;
	assert_int_equal(fu_portfolio_open(&pf, dir, &e), 0);
	assert_int_equal(fu_table_scan(&pf, FU_LOG, on_log, &sum, &e), -1);
	check_data_error(&e, "log.csv", 4);
	assert_non_null(strstr(e.text, "amount"));
	assert_int_equal(sum, 10);	/* row 3 was not read */
}

/* Was a bug: a NUL byte in the first 1 MB read makes fu_table_read call
 * count_lines((char *)r.csv.entry_buf, r.csv.entry_pos) before libcsv has
 * parsed anything, so entry_buf is still NULL and memchr(NULL, '\n', 0) is
 * undefined behaviour.  The result is right (code 3, clients.csv line 3),
 * but under UBSan this test prints "lib/table.c: runtime error: null
 * pointer passed as argument 1, which is declared to never be null".  A
 * NUL past the first chunk (test_table_names_the_line_of_an_error_past_
 * the_first_chunk, in the group) does not hit it. */
static void
test_table_refuses_a_nul_byte(void **state)
{
	(void)state;
	PUT("clients.csv", "id,name\n1,Ana\n2,B\0b\n3,Carl\n");
	scan_fails(FU_CLIENTS, "clients.csv", 3);
	PUT("clients.csv", "id,name,note\n1,Ana,\"x\ny\"\n2,B\0b\n");
	scan_fails(FU_CLIENTS, "clients.csv", 4);
}

/* Was a bug: the dialect is sniffed from the first physical line only, so blank
 * lines before the header hide a semicolon (or tab) delimiter, although
 * blank lines are otherwise skipped (a comma file with them reads fine).
 * clients.csv "\nid;name\n1;Ana\n": fu_table_scan returns -1, code 3,
 * clients.csv:2 'the header has no "id" column'; expected one row (id "1",
 * name "Ana", line 3).  The same with CRLF ("\r\nid;name\r\n1;Ana\r\n"). */
static void
test_table_finds_a_semicolon_delimiter_after_blank_lines(void **state)
{
	(void)state;
	PUT("clients.csv", "\nid;name\n1;Ana\n");
	scan_ok(FU_CLIENTS);
	assert_int_equal(got.n, 1);
	assert_string_equal(F(0, FU_C_ID), "1");
	assert_string_equal(F(0, FU_C_NAME), "Ana");
	assert_int_equal(got.line[0], 3);
	PUT("clients.csv", "\r\nid;name\r\n1;Ana\r\n");
	scan_ok(FU_CLIENTS);
	assert_int_equal(got.n, 1);
	assert_string_equal(F(0, FU_C_NAME), "Ana");
}

/* Was a bug: a table that is a FIFO hangs the reader: fu_table_open opens it
 * with a blocking open(2) (no O_NONBLOCK), which waits for a writer that
 * never comes, before fstat can see it is not a regular file.  mkfifo
 * clients.csv, then fu_table_scan: expected -1 with FU_EXIT_IO ("is not a
 * regular file"), actual: blocks forever (here killed after 5 seconds).
 * fu_txn_begin hangs the same way. */
static void
test_table_refuses_a_fifo_without_hanging(void **state)
{
	char path[4096];
	pid_t pid;
	int status;

	(void)state;
	snprintf(path, sizeof(path), "%s/clients.csv", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct fu_err e;

		alarm(5);
		if (scan(FU_CLIENTS, &e) == -1 && e.code == FU_EXIT_IO)
			_exit(0);
		_exit(1);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (WIFSIGNALED(status))
		fail_msg("reading a FIFO table hung (killed by signal %d)",
		    WTERMSIG(status));
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

/* Was a bug: lines ended by CR alone (as "CSV (Macintosh)" saves them) are
 * read as rows, but lines are counted on LF only: every row and every
 * error says line 1, and the dialect is taken for LF. */
static void
test_table_counts_lines_ended_by_cr_alone(void **state)
{
	struct fu_portfolio pf;
	struct fu_err e = { 0 };

	(void)state;
	PUT("clients.csv", "id;name;note\r1;Ana;\r\r2;Bob;\"two\rlines\"\r"
	    "3;Carl;x\r");
	scan_ok(FU_CLIENTS);
	assert_int_equal(got.n, 3);
	assert_string_equal(F(1, FU_C_NOTE), "two\rlines");
	assert_string_equal(F(2, FU_C_NAME), "Carl");
	assert_int_equal(got.line[0], 2);
	assert_int_equal(got.line[1], 4);
	assert_int_equal(got.line[2], 6);
	assert_int_equal(fu_portfolio_open(&pf, dir, &e), 0);
	assert_int_equal(fu_table_scan(&pf, FU_CLIENTS, NULL, NULL, &e), 0);
	assert_int_equal(pf.t[FU_CLIENTS].dialect.cr, 1);
	assert_int_equal(pf.t[FU_CLIENTS].dialect.crlf, 0);
	assert_int_equal(pf.t[FU_CLIENTS].dialect.delim, ';');
	/* Errors name their line. */
	PUT("clients.csv", "id,name\r1,Ana\r2,Bob,x\r");
	scan_fails(FU_CLIENTS, "clients.csv", 3);
	PUT("clients.csv", "id,name\r1,\"A\rna\"\r2,B\"ob\r");
	scan_fails(FU_CLIENTS, "clients.csv", 4);
	PUT("clients.csv", "id,name\r1,Ana\r2,B\0b\r");
	scan_fails(FU_CLIENTS, "clients.csv", 3);
	PUT("clients.csv", "id,name\r1,Ana\r2,\"Bob\r");
	scan_fails(FU_CLIENTS, "clients.csv", 3);
	/* A header alone, ended by CR, is that dialect too; LF and CR LF are
	 * not it. */
	PUT("clients.csv", "\xEF\xBB\xBFid,name\r");
	assert_int_equal(fu_portfolio_open(&pf, dir, &e), 0);
	assert_int_equal(fu_table_scan(&pf, FU_CLIENTS, NULL, NULL, &e), 0);
	assert_int_equal(pf.t[FU_CLIENTS].dialect.cr, 1);
	PUT("clients.csv", "id,name\r\n1,Ana\r\n");
	assert_int_equal(fu_portfolio_open(&pf, dir, &e), 0);
	assert_int_equal(fu_table_scan(&pf, FU_CLIENTS, NULL, NULL, &e), 0);
	assert_int_equal(pf.t[FU_CLIENTS].dialect.cr, 0);
	assert_int_equal(pf.t[FU_CLIENTS].dialect.crlf, 1);
	PUT("clients.csv", "id,name\n1,Ana\n");
	assert_int_equal(fu_portfolio_open(&pf, dir, &e), 0);
	assert_int_equal(fu_table_scan(&pf, FU_CLIENTS, NULL, NULL, &e), 0);
	assert_int_equal(pf.t[FU_CLIENTS].dialect.cr, 0);
	assert_int_equal(pf.t[FU_CLIENTS].dialect.crlf, 0);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_table_finds_columns_by_header_name_in_any_order),
		T(test_table_header_names_ignore_case_and_surrounding_spaces),
		T(test_table_ignores_extra_columns),
		T(test_table_reads_missing_optional_columns_as_empty),
		T(test_table_skips_a_utf8_bom),
		T(test_table_reads_crlf_line_ends),
		T(test_table_reads_semicolon_delimiters),
		T(test_table_reads_a_tab_delimited_csv),
		T(test_table_unescapes_a_tsv_table),
		T(test_table_reads_quoted_fields),
		T(test_table_a_line_break_in_the_first_field_keeps_lines_right),
		T(test_table_skips_blank_lines),
		T(test_table_skips_blank_crlf_lines),
		T(test_table_reads_a_file_without_final_newline),
		T(test_table_reads_empty_and_bom_only_files_as_no_rows),
		T(test_table_reads_a_missing_table_or_portfolio_as_no_rows),
		T(test_table_reads_a_long_field_whole),
		T(test_table_keeps_line_numbers_across_read_chunks),
		T(test_table_names_the_line_of_an_error_past_the_first_chunk),
		T(test_table_refuses_an_unterminated_quote_near_the_end),
		T(test_table_refuses_a_quote_after_a_quoted_field),
		T(test_table_refuses_a_stray_quote_in_an_unquoted_field),
		T(test_table_refuses_a_wrong_field_count),
		T(test_table_refuses_a_duplicate_header_column),
		T(test_table_refuses_a_header_without_the_id_column),
		T(test_table_refuses_invalid_utf8_in_a_known_column),
		T(test_table_refuses_invalid_utf8_in_an_extra_column),
		T(test_table_refuses_a_field_of_100_kb),
		T(test_table_refuses_a_symlink),
		T(test_table_refuses_a_directory),
		T(test_table_refuses_both_csv_and_tsv),
		T(test_table_strips_the_formula_guard),
		T(test_id_parse_takes_positive_int64_only),
		T(test_outcome_parse_knows_the_twelve_outcomes),
		T(test_row_client_converts_every_column),
		T(test_row_client_refuses_bad_values),
		T(test_row_agreement_converts_and_refuses),
		T(test_row_log_converts_and_refuses),
		T(test_row_log_stops_a_scan_on_the_bad_row),
	};
	const struct CMUnitTest bugs[] = {
		T(test_table_refuses_a_nul_byte),
		T(test_table_finds_a_semicolon_delimiter_after_blank_lines),
		T(test_table_refuses_a_fifo_without_hanging),
		T(test_table_counts_lines_ended_by_cr_alone),
	};
	int rc;

	rc = cmocka_run_group_tests_name("table", tests, NULL, NULL);
	rc |= cmocka_run_group_tests_name("table regressions", bugs,
	    NULL, NULL);
	return rc;
}
