/*
 * dialect.c - how a table is spelled: the dialect read off its first line
 * (delimiter, line end, quoting), fields quoted or escaped in it, whole
 * rows formatted in it, and the guard that keeps a spreadsheet from
 * running what a person typed.
 */
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "priv.h"

/* A formula guard is one apostrophe before text that, after any further
 * apostrophes, starts like a formula.  See fu-portfolio(5). */
int
fu_formula_guarded(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && s[i] == '\'')
		i++;
	return i < n && strchr("=+-@\t\r", s[i]) != NULL && s[i] != '\0';
}

/* Reads the dialect off the first line of a table. */
void
fu_dialect_sniff(struct fu_table_file *tf, const char *s, size_t n)
{
	size_t len, i;
	int commas = 0, semis = 0, tabs = 0;

	/* Blank lines before the header say nothing of the dialect. */
	while (n > 0 && (*s == '\n' || *s == '\r')) {
		s++;
		n--;
	}
	for (len = 0; len < n && s[len] != '\n' && s[len] != '\r'; len++)
		;
	tf->dialect.crlf = len + 1 < n && s[len] == '\r' &&
	    s[len + 1] == '\n';
	/* CR alone, as "CSV (Macintosh)" saves: then lines end there. */
	tf->dialect.cr = len < n && s[len] == '\r' && !tf->dialect.crlf;
	tf->dialect.quote_all = n > 0 && s[0] == '"';
	if (tf->dialect.tsv) {
		tf->dialect.delim = '\t';
		return;
	}
	for (i = 0; i < len; i++) {
		commas += s[i] == ',';
		semis += s[i] == ';';
		tabs += s[i] == '\t';
	}
	tf->dialect.delim = semis > commas && semis >= tabs ? ';' :
	    tabs > commas && tabs > semis ? '\t' : ',';
}

/* Undoes the TSV escapes \t \n \r \\ in place; returns the new length. */
size_t
fu_tsv_unescape(char *s, size_t n)
{
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n && strchr("tnr\\", s[i + 1])) {
			i++;
			s[o++] = s[i] == 't' ? '\t' : s[i] == 'n' ? '\n' :
			    s[i] == 'r' ? '\r' : '\\';
		} else
			s[o++] = s[i];
	}
	s[o] = '\0';
	return o;
}

int
fu_field_csv(struct fu_buf *b, const struct fu_dialect *d, const char *s,
    size_t n)
{
	size_t i, need = n > 0 && (s[0] == ' ' || s[n - 1] == ' ');
	char *tmp;
	size_t len;
	int rc;

	for (i = 0; i < n && !need; i++)
		need = s[i] == d->delim || s[i] == '"' || s[i] == '\n' ||
		    s[i] == '\r';
	if (!need && !d->quote_all)
		return fu_buf_add(b, s, n);
	/* libcsv quotes it and doubles the quotes inside. */
	len = csv_write2(NULL, 0, s, n, '"');
	if ((tmp = malloc(len)) == NULL)
		return -1;
	csv_write2(tmp, len, s, n, '"');
	rc = fu_buf_add(b, tmp, len);
	free(tmp);
	return rc;
}

int
fu_field_tsv(struct fu_buf *b, const char *s, size_t n)
{
	size_t i;
	const char *esc;

	for (i = 0; i < n; i++) {
		switch (s[i]) {
		case '\t': esc = "\\t"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\\': esc = "\\\\"; break;
		default: esc = NULL; break;
		}
		if (esc != NULL ? fu_buf_add(b, esc, 2) : fu_buf_add(b, s + i,
		    1))
			return -1;
	}
	return 0;
}

const char *
fu_dialect_eol(const struct fu_dialect *d)
{
	return d->crlf ? "\r\n" : d->cr ? "\r" : "\n";
}

int
fu_row_format(struct fu_buf *b, const struct fu_dialect *d, const int *colmap,
    int ncols, enum fu_table t, const char *const *values)
{
	int i, k;

	for (i = 0; i < ncols; i++) {
		const char *v = "";
		size_t n;

		if (i > 0 && fu_buf_add(b, &d->delim, 1) == -1)
			return -1;
		if ((k = colmap ? colmap[i] : i) >= 0 && values[k] != NULL)
			v = values[k];
		n = strlen(v);
		/* Keep a spreadsheet from running what a person typed: the
		 * apostrophe goes inside the quotes, as part of the value. */
		if (k >= 0 && (fu_text_columns[t] & 1u << k) &&
		    fu_formula_guarded(v, n)) {
			char *g = malloc(n + 2);
			int rc;

			if (g == NULL)
				return -1;
			g[0] = '\'';
			memcpy(g + 1, v, n + 1);
			rc = d->tsv ? fu_field_tsv(b, g, n + 1) : fu_field_csv(b, d, g,
			    n + 1);
			free(g);
			if (rc == -1)
				return -1;
			continue;
		}
		if ((d->tsv ? fu_field_tsv(b, v, n) : fu_field_csv(b, d, v, n)) == -1)
			return -1;
	}
	return fu_buf_add(b, fu_dialect_eol(d), strlen(fu_dialect_eol(d)));
}

int
fu_header_format(struct fu_buf *b, const struct fu_dialect *d, enum fu_table t)
{
	return fu_row_format(b, d, NULL, fu_ncolumns[t], t, fu_columns[t]);
}

