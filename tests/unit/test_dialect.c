/*
 * test_dialect.c - dialect.c: the dialect read off a table's first line,
 * fields quoted (CSV) or escaped (TSV) as they must be, the formula guard,
 * and whole rows and headers formatted in a dialect.
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

static const struct fu_dialect comma = { ',', 0, 0, 0, 0 };
static const struct fu_dialect semi_crlf = { ';', 0, 1, 0, 0 };
static const struct fu_dialect tab_csv = { '\t', 0, 0, 0, 0 };
static const struct fu_dialect quoted = { ',', 0, 0, 1, 0 };
static const struct fu_dialect tsv = { '\t', 1, 0, 0, 0 };
static const struct fu_dialect cr_only = { ',', 0, 0, 0, 1 };

/* The dialect sniffed off the n bytes s; tsv as a .tsv name makes it. */
static struct fu_dialect
sniff(const char *s, size_t n, int is_tsv)
{
	static struct fu_table_file tf;

	memset(&tf, 0, sizeof(tf));
	tf.dialect.tsv = is_tsv;
	fu_dialect_sniff(&tf, s, n);
	return tf.dialect;
}
#define SNIFF(lit) sniff(lit, sizeof(lit) - 1, 0)

/* Expects the dialect's delimiter and line end. */
static void
check_dialect(struct fu_dialect dl, char delim, int crlf, int cr,
    int quote_all)
{
	assert_int_equal(dl.delim, delim);
	assert_int_equal(dl.crlf, crlf);
	assert_int_equal(dl.cr, cr);
	assert_int_equal(dl.quote_all, quote_all);
}

static void
test_dialect_sniff_reads_the_delimiter_of_the_first_line(void **state)
{
	(void)state;
	check_dialect(SNIFF("id,name,company\n1,Ana,Acme\n"), ',', 0, 0, 0);
	check_dialect(SNIFF("id;name;company\n1;Ana;Acme\n"), ';', 0, 0, 0);
	check_dialect(SNIFF("id\tname\tcompany\n1\tAna\tAcme\n"), '\t', 0, 0,
	    0);
	/* The delimiter the first line has most of. */
	check_dialect(SNIFF("id;name;note,x\n"), ';', 0, 0, 0);
	check_dialect(SNIFF("id,name,note;x\n"), ',', 0, 0, 0);
	check_dialect(SNIFF("id\tname\tnote;x,y\n"), '\t', 0, 0, 0);
	/* Only the first line counts. */
	check_dialect(SNIFF("id,name\n1;2;3;4;5\n"), ',', 0, 0, 0);
	check_dialect(SNIFF("id;name\n1,2,3,4,5\n"), ';', 0, 0, 0);
	/* One column, or nothing at all: a comma. */
	check_dialect(SNIFF("id\n1\n"), ',', 0, 0, 0);
	check_dialect(sniff("", 0, 0), ',', 0, 0, 0);
	check_dialect(SNIFF("\n\n"), ',', 0, 0, 0);
	/* A header alone, without a line end. */
	check_dialect(SNIFF("id;name"), ';', 0, 0, 0);
}

static void
test_dialect_sniff_reads_the_line_end(void **state)
{
	(void)state;
	check_dialect(SNIFF("id,name\r\n1,Ana\r\n"), ',', 1, 0, 0);
	check_dialect(SNIFF("id;name\r\n"), ';', 1, 0, 0);
	/* CR alone, as "CSV (Macintosh)" saves. */
	check_dialect(SNIFF("id;name\r1;Ana\r"), ';', 0, 1, 0);
	check_dialect(SNIFF("id,name\r1,Ana"), ',', 0, 1, 0);
	/* LF: neither. */
	check_dialect(SNIFF("id,name\n1,Ana\r\n"), ',', 0, 0, 0);
	/* The length counts, not a NUL. */
	check_dialect(sniff("id;name\r\nmore", 7, 0), ';', 0, 0, 0);
}

static void
test_dialect_sniff_skips_blank_lines_before_the_header(void **state)
{
	(void)state;
	check_dialect(SNIFF("\n\nid;name\n1;Ana\n"), ';', 0, 0, 0);
	check_dialect(SNIFF("\r\n\r\nid;name\r\n"), ';', 1, 0, 0);
	check_dialect(SNIFF("\r\rid\tname\r"), '\t', 0, 1, 0);
	check_dialect(SNIFF("\n\"id\",\"name\"\n"), ',', 0, 0, 1);
	/* The first line that is not blank decides, whatever follows. */
	check_dialect(SNIFF("\n;;;\nid,name\n"), ';', 0, 0, 0);
}

static void
test_dialect_sniff_sees_a_quoted_header(void **state)
{
	(void)state;
	check_dialect(SNIFF("\"id\",\"name\"\n"), ',', 0, 0, 1);
	check_dialect(SNIFF("\"id\";\"name\"\r\n"), ';', 1, 0, 1);
	/* Only a header that opens with a quote is quoted whole. */
	check_dialect(SNIFF("id,\"name\"\n"), ',', 0, 0, 0);
}

static void
test_dialect_sniff_of_a_tsv_file_is_tab_delimited(void **state)
{
	struct fu_dialect dl;

	(void)state;
	/* The name decides: commas in a .tsv header are text. */
	dl = sniff("id,name,x\r\n", 11, 1);
	check_dialect(dl, '\t', 1, 0, 0);
	assert_int_equal(dl.tsv, 1);
	dl = sniff("id\tname\n", 8, 1);
	check_dialect(dl, '\t', 0, 0, 0);
	assert_int_equal(dl.tsv, 1);
	dl = SNIFF("id\tname\n");
	assert_int_equal(dl.tsv, 0);
}

static void
test_dialect_eol_is_the_dialect_line_end(void **state)
{
	(void)state;
	assert_string_equal(fu_dialect_eol(&comma), "\n");
	assert_string_equal(fu_dialect_eol(&semi_crlf), "\r\n");
	assert_string_equal(fu_dialect_eol(&cr_only), "\r");
	assert_string_equal(fu_dialect_eol(&tsv), "\n");
}

/* Expects fu_field_csv of s in dl to give want. */
static void
check_csv(const struct fu_dialect *dl, const char *s, const char *want)
{
	struct fu_buf b = { 0 };

	assert_int_equal(fu_buf_str(&b, "<"), 0);
	assert_int_equal(fu_field_csv(&b, dl, s, strlen(s)), 0);
	assert_int_equal(fu_buf_str(&b, ">"), 0);
	if (strncmp(b.p + 1, want, strlen(want)) != 0 ||
	    strlen(b.p) != strlen(want) + 2)
		fail_msg("field \"%s\" gave %s, want <%s>", s, b.p, want);
	fu_buf_free(&b);
}

static void
test_field_csv_quotes_only_what_must_be(void **state)
{
	(void)state;
	check_csv(&comma, "Ana", "Ana");
	check_csv(&comma, "", "");
	check_csv(&comma, "Ana López", "Ana López");
	check_csv(&comma, "a;b", "a;b");
	check_csv(&comma, "a\tb", "a\tb");
	check_csv(&comma, "it's", "it's");
	check_csv(&comma, "a,b", "\"a,b\"");
	check_csv(&comma, "say \"hi\"", "\"say \"\"hi\"\"\"");
	check_csv(&comma, "\"", "\"\"\"\"");
	check_csv(&comma, "a\nb", "\"a\nb\"");
	check_csv(&comma, "a\rb", "\"a\rb\"");
	check_csv(&comma, "a\r\nb", "\"a\r\nb\"");
	check_csv(&comma, " lead", "\" lead\"");
	check_csv(&comma, "trail ", "\"trail \"");
	check_csv(&comma, " ", "\" \"");
	check_csv(&comma, "mid dle", "mid dle");
	/* The delimiter is the dialect's. */
	check_csv(&semi_crlf, "a,b", "a,b");
	check_csv(&semi_crlf, "a;b", "\"a;b\"");
	check_csv(&tab_csv, "a\tb", "\"a\tb\"");
	check_csv(&tab_csv, "a,b", "a,b");
}

static void
test_field_csv_quotes_every_field_where_the_header_is_quoted(void **state)
{
	(void)state;
	check_csv(&quoted, "Ana", "\"Ana\"");
	check_csv(&quoted, "", "\"\"");
	check_csv(&quoted, "a,\"b\"", "\"a,\"\"b\"\"\"");
}

static void
test_field_csv_takes_the_length_given(void **state)
{
	struct fu_buf b = { 0 };

	(void)state;
	assert_int_equal(fu_field_csv(&b, &comma, "ab,cd", 2), 0);
	assert_string_equal(b.p, "ab");
	b.len = 0;
	assert_int_equal(fu_field_csv(&b, &comma, "ab ,cd", 3), 0);
	assert_string_equal(b.p, "\"ab \"");
	fu_buf_free(&b);
}

/* Expects fu_field_tsv of the n bytes s to give want, and want to
 * unescape back to s. */
static void
check_tsv(const char *s, size_t n, const char *want)
{
	struct fu_buf b = { 0 };
	size_t m;

	assert_int_equal(fu_field_tsv(&b, s, n), 0);
	if (b.len != strlen(want) || (b.len > 0 && memcmp(b.p, want, b.len) !=
	    0))
		fail_msg("TSV field of \"%.*s\" is \"%s\", want \"%s\"", (int)n,
		    s, b.p ? b.p : "", want);
	if (b.len > 0) {
		m = fu_tsv_unescape(b.p, b.len);
		assert_int_equal(m, n);
		assert_memory_equal(b.p, s, n);
		assert_int_equal(b.p[m], '\0');
	}
	fu_buf_free(&b);
}
#define CHECK_TSV(lit, want) check_tsv(lit, sizeof(lit) - 1, want)

static void
test_field_tsv_escapes_tab_line_ends_and_backslash(void **state)
{
	(void)state;
	CHECK_TSV("Ana", "Ana");
	CHECK_TSV("", "");
	CHECK_TSV("a\tb", "a\\tb");
	CHECK_TSV("a\nb", "a\\nb");
	CHECK_TSV("a\rb", "a\\rb");
	CHECK_TSV("a\\b", "a\\\\b");
	CHECK_TSV("\\", "\\\\");
	CHECK_TSV("\\t", "\\\\t");	/* a backslash, then t */
	CHECK_TSV("end\\", "end\\\\");
	CHECK_TSV("\r\n\t\\", "\\r\\n\\t\\\\");
	/* Quotes, commas and spaces are nothing in TSV. */
	CHECK_TSV("say \"hi\", ok ", "say \"hi\", ok ");
}

static void
test_field_tsv_round_trips_every_short_string(void **state)
{
	static const char alpha[] = { 'a', '\t', '\n', '\r', '\\', 't', 'n',
	    ' ' };
	enum { K = sizeof(alpha) };
	char s[4];
	struct fu_buf b = { 0 };
	size_t len, i, m, count = 0;
	unsigned code, max;

	(void)state;
	/* Every string of up to 4 of these characters. */
	for (len = 0; len <= 4; len++) {
		for (max = 1, i = 0; i < len; i++)
			max *= K;
		for (code = 0; code < max; code++) {
			unsigned c = code;

			for (i = 0; i < len; i++, c /= K)
				s[i] = alpha[c % K];
			b.len = 0;
			assert_int_equal(fu_field_tsv(&b, s, len), 0);
			if (b.p == NULL)
				assert_int_equal(len, 0);
			else {
				/* No raw tab or line end is left. */
				assert_null(memchr(b.p, '\t', b.len));
				assert_null(memchr(b.p, '\n', b.len));
				assert_null(memchr(b.p, '\r', b.len));
				m = fu_tsv_unescape(b.p, b.len);
				if (m != len || memcmp(b.p, s, len) != 0)
					fail_msg("string %u of length %zu does "
					    "not come back", code, len);
			}
			count++;
		}
	}
	assert_int_equal(count, 1 + 8 + 64 + 512 + 4096);
	fu_buf_free(&b);
}

/* Expects the n bytes s to unescape to want. */
static void
check_unescape(const char *s, const char *want)
{
	char buf[64];
	size_t n = strlen(s), m;

	memcpy(buf, s, n + 1);
	memset(buf + n + 1, 'Z', sizeof(buf) - n - 1);
	m = fu_tsv_unescape(buf, n);
	if (m != strlen(want) || memcmp(buf, want, m) != 0)
		fail_msg("\"%s\" unescaped to \"%.*s\", want \"%s\"", s, (int)m,
		    buf, want);
	assert_int_equal(buf[m], '\0');
	assert_int_equal(buf[n + 1], 'Z');	/* nothing past n */
}

static void
test_tsv_unescape_keeps_a_lone_backslash(void **state)
{
	(void)state;
	check_unescape("a\\tb", "a\tb");
	check_unescape("\\n\\r\\t\\\\", "\n\r\t\\");
	/* A backslash at the end, or before another letter, is itself. */
	check_unescape("end\\", "end\\");
	check_unescape("\\", "\\");
	check_unescape("C:\\dir", "C:\\dir");
	check_unescape("\\x\\", "\\x\\");
	check_unescape("\\\\t", "\\t");
	check_unescape("\\\\\\", "\\\\");
	check_unescape("", "");
	check_unescape("plain", "plain");
}

static void
test_tsv_unescape_reads_only_the_length_given(void **state)
{
	char buf[] = "ab\\tcd";

	(void)state;
	/* Cut between the backslash and its letter: the backslash alone. */
	assert_int_equal(fu_tsv_unescape(buf, 3), 3);
	assert_string_equal(buf, "ab\\");
}

static void
test_formula_guard_sees_what_a_spreadsheet_would_run(void **state)
{
	static const char *const formula[] = {
		"=SUM(A1)", "+34 600", "-5", "@home", "\tindented", "\rx", "=",
		"'=x", "''=x", "'''+1", "'\t",
	};
	static const char *const text[] = {
		"", "'", "''", "'a", "a=1", " =1", "Ana", "5", "(1)", "#N/A",
		"'hello", "\n=x", "%",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(formula) / sizeof(formula[0]); i++)
		if (!fu_formula_guarded(formula[i], strlen(formula[i])))
			fail_msg("\"%s\" is not guarded", formula[i]);
	for (i = 0; i < sizeof(text) / sizeof(text[0]); i++)
		if (fu_formula_guarded(text[i], strlen(text[i])))
			fail_msg("\"%s\" is guarded", text[i]);
	/* The length counts: nothing past it, and a NUL is not a formula. */
	assert_int_equal(fu_formula_guarded("=x", 0), 0);
	assert_int_equal(fu_formula_guarded("'=x", 1), 0);
	assert_int_equal(fu_formula_guarded("''=", 2), 0);
	assert_int_equal(fu_formula_guarded("\0=", 2), 0);
	assert_int_equal(fu_formula_guarded("'\0", 2), 0);
}

/* Formats one row of table t in dl with colmap and checks it. */
static void
check_row(const struct fu_dialect *dl, const int *colmap, int ncols,
    enum fu_table t, const char *const *v, const char *want)
{
	struct fu_buf b = { 0 };

	assert_int_equal(fu_row_format(&b, dl, colmap, ncols, t, v), 0);
	if (strcmp(b.p, want) != 0)
		fail_msg("row is \"%s\", want \"%s\"", b.p, want);
	fu_buf_free(&b);
}

static void
test_row_format_writes_the_schema_order_in_each_dialect(void **state)
{
	const char *v[FU_A_NCOLS] = {
		"3", "1", "Send the quote, signed", "2026-12-01", "email", "",
		"2026-11-23", NULL, "client", "exit 2/5", "2+30d",
	};

	(void)state;
	check_row(&comma, NULL, FU_A_NCOLS, FU_AGREEMENTS, v,
	    "3,1,\"Send the quote, signed\",2026-12-01,email,,2026-11-23,,"
	    "client,exit 2/5,2+30d\n");
	check_row(&semi_crlf, NULL, FU_A_NCOLS, FU_AGREEMENTS, v,
	    "3;1;Send the quote, signed;2026-12-01;email;;2026-11-23;;"
	    "client;exit 2/5;2+30d\r\n");
	check_row(&cr_only, NULL, FU_A_NCOLS, FU_AGREEMENTS, v,
	    "3,1,\"Send the quote, signed\",2026-12-01,email,,2026-11-23,,"
	    "client,exit 2/5,2+30d\r");
	check_row(&quoted, NULL, FU_A_NCOLS, FU_AGREEMENTS, v,
	    "\"3\",\"1\",\"Send the quote, signed\",\"2026-12-01\",\"email\","
	    "\"\",\"2026-11-23\",\"\",\"client\",\"exit 2/5\",\"2+30d\"\n");
	check_row(&tsv, NULL, FU_A_NCOLS, FU_AGREEMENTS, v,
	    "3\t1\tSend the quote, signed\t2026-12-01\temail\t\t2026-11-23\t"
	    "\tclient\texit 2/5\t2+30d\n");
}

static void
test_row_format_leaves_columns_fu_does_not_know_empty(void **state)
{
	/* The file's columns: note, an unknown one, id, name, another
	 * unknown one. */
	const int colmap[] = { FU_C_NOTE, -1, FU_C_ID, FU_C_NAME, -1 };
	const char *v[FU_C_NCOLS] = { [FU_C_ID] = "9", [FU_C_NAME] = "Ana",
	    [FU_C_NOTE] = "a, b" };

	(void)state;
	check_row(&comma, colmap, 5, FU_CLIENTS, v, "\"a, b\",,9,Ana,\n");
	check_row(&quoted, colmap, 5, FU_CLIENTS, v,
	    "\"a, b\",\"\",\"9\",\"Ana\",\"\"\n");
	check_row(&tsv, colmap, 5, FU_CLIENTS, v, "a, b\t\t9\tAna\t\n");
	/* A file of one unknown column still gets its line. */
	check_row(&comma, colmap + 1, 1, FU_CLIENTS, v, "\n");
}

static void
test_row_format_guards_each_text_column_and_no_other(void **state)
{
	/* The free-text columns, named here apart from row.c's mask. */
	static const char *const text[FU_NTABLES][8] = {
		{ "name", "company", "email", "phone", "stage", "tags", "note" },
		{ "what", "channel" },
		{ "channel", "note" },
	};
	const char *v[FU_MAXCOLS];
	struct fu_buf b = { 0 };
	int t, k, i, is_text, guarded;

	(void)state;
	for (t = 0; t < FU_NTABLES; t++)
		for (k = 0; k < fu_ncolumns[t]; k++) {
			is_text = 0;
			for (i = 0; text[t][i] != NULL; i++)
				is_text |= strcmp(text[t][i],
				    fu_columns[t][k]) == 0;
			for (i = 0; i < FU_MAXCOLS; i++)
				v[i] = NULL;
			v[k] = "=1+1";
			b.len = 0;
			assert_int_equal(fu_row_format(&b, &comma, NULL,
			    fu_ncolumns[t], (enum fu_table)t, v), 0);
			guarded = strstr(b.p, "'=1+1") != NULL;
			assert_non_null(strstr(b.p, "=1+1"));
			if (guarded != is_text)
				fail_msg("%s.%s: \"%s\"", fu_table_name[t],
				    fu_columns[t][k], b.p);
		}
	fu_buf_free(&b);
}

static void
test_row_format_puts_the_guard_inside_the_quotes(void **state)
{
	const char *v[FU_L_NCOLS] = {
		[FU_L_ID] = "1", [FU_L_AMOUNT] = "-5", [FU_L_MOOD] = "-",
		[FU_L_CHANNEL] = "@phone", [FU_L_NOTE] = "=A1,\"B1\"",
	};

	(void)state;
	check_row(&comma, NULL, FU_L_NCOLS, FU_LOG, v,
	    "1,,,,'@phone,,-5,-,,\"'=A1,\"\"B1\"\"\",\n");
	check_row(&quoted, NULL, FU_L_NCOLS, FU_LOG, v,
	    "\"1\",\"\",\"\",\"\",\"'@phone\",\"\",\"-5\",\"-\",\"\","
	    "\"'=A1,\"\"B1\"\"\",\"\"\n");
	/* In TSV, after the guard, the escapes as ever. */
	v[FU_L_NOTE] = "\t=x";
	check_row(&tsv, NULL, FU_L_NCOLS, FU_LOG, v,
	    "1\t\t\t\t'@phone\t\t-5\t-\t\t'\\t=x\t\n");
	/* Text that is guarded already is guarded again, so that it reads
	 * back as typed. */
	v[FU_L_NOTE] = "'=x";
	check_row(&comma, NULL, FU_L_NCOLS, FU_LOG, v,
	    "1,,,,'@phone,,-5,-,,''=x,\n");
}

static void
test_header_format_names_the_columns_in_the_dialect(void **state)
{
	struct fu_buf b = { 0 };

	(void)state;
	assert_int_equal(fu_header_format(&b, &comma, FU_CLIENTS), 0);
	assert_string_equal(b.p, "id,name,company,email,phone,since,birthday,"
	    "anniversary,referred_by,consent,stage,tags,note\n");
	b.len = 0;
	assert_int_equal(fu_header_format(&b, &semi_crlf, FU_AGREEMENTS), 0);
	assert_string_equal(b.p, "id;client;what;due;channel;every;made;from;"
	    "side;plan;after\r\n");
	b.len = 0;
	assert_int_equal(fu_header_format(&b, &tsv, FU_LOG), 0);
	assert_string_equal(b.p, "id\tdate\tclient\tagreement\tchannel\toutcome"
	    "\tamount\tmood\tnext\tnote\treferred\n");
	b.len = 0;
	assert_int_equal(fu_header_format(&b, &quoted, FU_AGREEMENTS), 0);
	assert_string_equal(b.p, "\"id\",\"client\",\"what\",\"due\","
	    "\"channel\",\"every\",\"made\",\"from\",\"side\",\"plan\","
	    "\"after\"\n");
	/* Appended after what is there. */
	assert_int_equal(fu_header_format(&b, &cr_only, FU_LOG), 0);
	assert_non_null(strstr(b.p, "\"after\"\nid,date,client,"));
	assert_int_equal(b.p[b.len - 1], '\r');
	fu_buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    test_dialect_sniff_reads_the_delimiter_of_the_first_line),
		cmocka_unit_test(test_dialect_sniff_reads_the_line_end),
		cmocka_unit_test(
		    test_dialect_sniff_skips_blank_lines_before_the_header),
		cmocka_unit_test(test_dialect_sniff_sees_a_quoted_header),
		cmocka_unit_test(
		    test_dialect_sniff_of_a_tsv_file_is_tab_delimited),
		cmocka_unit_test(test_dialect_eol_is_the_dialect_line_end),
		cmocka_unit_test(test_field_csv_quotes_only_what_must_be),
		cmocka_unit_test(
		    test_field_csv_quotes_every_field_where_the_header_is_quoted),
		cmocka_unit_test(test_field_csv_takes_the_length_given),
		cmocka_unit_test(
		    test_field_tsv_escapes_tab_line_ends_and_backslash),
		cmocka_unit_test(test_field_tsv_round_trips_every_short_string),
		cmocka_unit_test(test_tsv_unescape_keeps_a_lone_backslash),
		cmocka_unit_test(test_tsv_unescape_reads_only_the_length_given),
		cmocka_unit_test(
		    test_formula_guard_sees_what_a_spreadsheet_would_run),
		cmocka_unit_test(
		    test_row_format_writes_the_schema_order_in_each_dialect),
		cmocka_unit_test(
		    test_row_format_leaves_columns_fu_does_not_know_empty),
		cmocka_unit_test(
		    test_row_format_guards_each_text_column_and_no_other),
		cmocka_unit_test(test_row_format_puts_the_guard_inside_the_quotes),
		cmocka_unit_test(
		    test_header_format_names_the_columns_in_the_dialect),
	};

	return cmocka_run_group_tests_name("dialect", tests, NULL, NULL);
}
