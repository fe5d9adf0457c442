/*
 * partial.c - fu-stats --merge: the partials of fu-stats --partial read
 * back and added up into one report, which prints as fu-stats -p A -p B
 * ... would over their portfolios.
 *
 * The reader takes exactly what report.c writes (one JSON object a line,
 * its fields those of fu_report_count and a few more, see priv.h) and
 * nothing else: a line it does not understand in full is refused with its
 * file and line, never half read, since a figure summed from half a
 * partial would be wrong without a sign of it.  It is not a JSON parser:
 * no nesting but the lists of a partial, no numbers but whole counts.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "priv.h"

/* The fields of a line before the counts, in the order written. */
enum {
	K_FORMAT, K_FROM, K_TO, K_BY, K_KEY, K_ROW, K_ROWS, K_PORTFOLIOS,
	K_REFERRERS, K_CHANNELS, K_ONE, K_NFIXED
};
static const char *const fixed[K_NFIXED] = {
	"fu_partial", "from", "to", "by", "key", "row", "rows", "portfolios",
	"referrers", "channels", "one_channel_clients"
};
static const char *const by_name[] = {
	[FU_BY_NONE] = "", [FU_BY_MONTH] = "month",
	[FU_BY_CHANNEL] = "channel", [FU_BY_STAGE] = "stage"
};
#define MAXKEYS 128

struct cur {
	const char *s, *p, *end;
	const char *file;
	long line;
	struct fu_err *e;
};

static int
garbled(struct cur *c)
{
	return fu_err_data(c->e, c->file, c->line, _("this is not a partial "
	    "of fu-stats --partial: it is garbled at column %zu"),
	    (size_t)(c->p - c->s) + 1);
}

static void
blanks(struct cur *c)
{
	while (c->p < c->end && (*c->p == ' ' || *c->p == '\t'))
		c->p++;
}

/* The character ch next, after blanks. */
static int
expect(struct cur *c, char ch)
{
	blanks(c);
	if (c->p == c->end || *c->p != ch)
		return garbled(c);
	c->p++;
	return 0;
}

static int
peek(struct cur *c, char ch)
{
	blanks(c);
	return c->p < c->end && *c->p == ch;
}

static int
hex4(const char *p, unsigned *v)
{
	int i;

	*v = 0;
	for (i = 0; i < 4; i++) {
		int d = p[i] >= '0' && p[i] <= '9' ? p[i] - '0' :
		    p[i] >= 'a' && p[i] <= 'f' ? p[i] - 'a' + 10 :
		    p[i] >= 'A' && p[i] <= 'F' ? p[i] - 'A' + 10 : -1;

		if (d < 0)
			return -1;
		*v = *v << 4 | (unsigned)d;
	}
	return 0;
}

/* The UTF-8 of a character; its length. */
static int
utf8(unsigned u, char *ch)
{
	if (u < 0x80) {
		ch[0] = (char)u;
		return 1;
	}
	if (u < 0x800) {
		ch[0] = (char)(0xC0 | u >> 6);
		ch[1] = (char)(0x80 | (u & 0x3F));
		return 2;
	}
	if (u < 0x10000) {
		ch[0] = (char)(0xE0 | u >> 12);
		ch[1] = (char)(0x80 | (u >> 6 & 0x3F));
		ch[2] = (char)(0x80 | (u & 0x3F));
		return 3;
	}
	ch[0] = (char)(0xF0 | u >> 18);
	ch[1] = (char)(0x80 | (u >> 12 & 0x3F));
	ch[2] = (char)(0x80 | (u >> 6 & 0x3F));
	ch[3] = (char)(0x80 | (u & 0x3F));
	return 4;
}

/* A string, unescaped into a malloc'ed *out: valid UTF-8, no NUL. */
static int
string(struct cur *c, char **out)
{
	static const char esc[] = "\"\"\\\\//b\bf\fn\nr\rt\t";
	struct fu_buf b = { 0 };
	const char *x;
	unsigned u, lo;
	char ch[4];

	if (expect(c, '"') == -1)
		return -1;
	for (;;) {
		if (c->p == c->end || (unsigned char)*c->p < 0x20)
			goto bad;
		if (*c->p == '"')
			break;
		if (*c->p != '\\') {
			if (fu_buf_add(&b, c->p++, 1) == -1)
				goto nomem;
			continue;
		}
		if (++c->p == c->end)
			goto bad;
		if (*c->p != 'u') {
			/* One of the escapes of a character, in pairs. */
			for (x = esc; *x != '\0' && *x != *c->p; x += 2)
				;
			if (*x == '\0')
				goto bad;
			if (fu_buf_add(&b, x + 1, 1) == -1)
				goto nomem;
			c->p++;
			continue;
		}
		c->p++;
		if (c->end - c->p < 4 || hex4(c->p, &u) == -1 || u == 0)
			goto bad;
		c->p += 4;
		if (u >= 0xD800 && u <= 0xDBFF) {
			/* A pair of surrogates: one character past 0xFFFF. */
			if (c->end - c->p < 6 || c->p[0] != '\\' ||
			    c->p[1] != 'u' || hex4(c->p + 2, &lo) == -1 ||
			    lo < 0xDC00 || lo > 0xDFFF)
				goto bad;
			c->p += 6;
			u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
		} else if (u >= 0xDC00 && u <= 0xDFFF)
			goto bad;
		if (fu_buf_add(&b, ch, (size_t)utf8(u, ch)) == -1)
			goto nomem;
	}
	if (fu_buf_add(&b, "", 1) == -1)
		goto nomem;
	if (!fu_utf8_valid(b.p, b.len - 1))
		goto bad;
	c->p++;
	*out = b.p;
	return 0;
bad:
	fu_buf_free(&b);
	return garbled(c);
nomem:
	fu_buf_free(&b);
	return fu_err_nomem(c->e);
}

/* A whole count: digits, without a sign or a leading zero. */
static int
count(struct cur *c, long long *v)
{
	const char *p;

	blanks(c);
	p = c->p;
	*v = 0;
	if (p == c->end || *p < '0' || *p > '9' || (*p == '0' && p + 1 <
	    c->end && p[1] >= '0' && p[1] <= '9'))
		return garbled(c);
	for (; p < c->end && *p >= '0' && *p <= '9'; p++) {
		if (*v > (LLONG_MAX - (*p - '0')) / 10) {
			c->p = p;
			return fu_err_data(c->e, c->file, c->line, _("a count "
			    "is larger than fu can count, at column %zu"),
			    (size_t)(p - c->s) + 1);
		}
		*v = *v * 10 + (*p - '0');
	}
	c->p = p;
	return 0;
}

/* A list of [NAME, N], or of [NAME, CHANNEL, N] when chan. */
static int
items(struct cur *c, struct fu_partial_item **v, size_t *n, int chan)
{
	struct fu_partial_item *x;
	size_t cap = 0;

	if (expect(c, '[') == -1)
		return -1;
	if (peek(c, ']'))
		return expect(c, ']');
	for (;;) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 8;
			if ((x = realloc(*v, cap * sizeof(*x))) == NULL)
				return fu_err_nomem(c->e);
			*v = x;
		}
		x = &(*v)[(*n)++];
		memset(x, 0, sizeof(*x));
		if (expect(c, '[') == -1 || string(c, &x->name) == -1 ||
		    expect(c, ',') == -1 || (chan && (string(c, &x->chan) ==
		    -1 || expect(c, ',') == -1)) || count(c, &x->n) == -1 ||
		    expect(c, ']') == -1)
			return -1;
		if (!peek(c, ','))
			return expect(c, ']');
		c->p++;
	}
}

/* The key of a field: a fixed one, or K_NFIXED + the count's number. */
static int
key_of(const char *name)
{
	enum fu_raw of;
	size_t i;
	int money;
	const char *s;

	for (i = 0; i < K_NFIXED; i++)
		if (strcmp(name, fixed[i]) == 0)
			return (int)i;
	for (i = 0; (s = fu_report_count(i, &of, &money)) != NULL; i++)
		if (strcmp(name, s) == 0)
			return K_NFIXED + (int)i;
	return -1;
}

static int
date(struct cur *c, const char *field, fu_date *d)
{
	char *s;
	int rc = 0;

	if (string(c, &s) == -1)
		return -1;
	if (fu_date_iso(s, strlen(s), d) == -1)
		rc = fu_err_data(c->e, c->file, c->line, _("\"%s\": \"%s\" is "
		    "not a date (YYYY-MM-DD)"), field, s);
	free(s);
	return rc;
}

static int
value(struct cur *c, int k, struct fu_partial *p)
{
	enum fu_raw of;
	long long v;
	char *s;
	int money, i;

	switch (k) {
	case K_FORMAT: return count(c, &p->format);
	case K_FROM: return date(c, fixed[k], &p->from);
	case K_TO: return date(c, fixed[k], &p->to);
	case K_BY:
		if (string(c, &s) == -1)
			return -1;
		for (i = FU_BY_NONE; i <= FU_BY_STAGE; i++)
			if (strcmp(s, by_name[i]) == 0)
				break;
		if (i > FU_BY_STAGE) {
			fu_err_data(c->e, c->file, c->line, _("\"by\": \"%s\" "
			    "is not month, channel, stage or \"\""), s);
			free(s);
			return -1;
		}
		free(s);
		p->by = (enum fu_report_by)i;
		return 0;
	case K_KEY: return string(c, &p->key);
	case K_ROW: return count(c, &p->row);
	case K_ROWS: return count(c, &p->rows);
	case K_PORTFOLIOS: return count(c, &p->portfolios);
	case K_REFERRERS: return items(c, &p->ref, &p->nref, 0);
	case K_CHANNELS: return items(c, &p->chan, &p->nchan, 0);
	case K_ONE: return items(c, &p->one, &p->none, 1);
	default:
		if (count(c, &v) == -1)
			return -1;
		fu_report_count((size_t)(k - K_NFIXED), &of, &money);
		p->n[of] = v;
		return 0;
	}
}

/* What the counts of a line must be, when they are its own: the two sums
 * that are not fields, then those that follow from the others. */
static int
agree(struct cur *c, struct fu_partial *p)
{
	long long x[FU_NRAW];
	const char *name;
	enum fu_raw of;
	size_t i;
	int money;

	if (p->n[FU_R_SALES6_EXISTING] > LLONG_MAX - p->n[FU_R_SALES6_NEW] ||
	    p->n[FU_R_AMOUNT6_EXISTING] > LLONG_MAX - p->n[FU_R_AMOUNT6_NEW])
		return fu_err_data(c->e, c->file, c->line, _("a count is "
		    "larger than fu can count"));
	p->n[FU_R_SALES6] = p->n[FU_R_SALES6_EXISTING] + p->n[FU_R_SALES6_NEW];
	p->n[FU_R_AMOUNT6] = p->n[FU_R_AMOUNT6_EXISTING] +
	    p->n[FU_R_AMOUNT6_NEW];
	memcpy(x, p->n, sizeof(x));
	fu_report_derive(x);
	for (i = 0; (name = fu_report_count(i, &of, &money)) != NULL; i++)
		if (x[of] != p->n[of])
			return fu_err_data(c->e, c->file, c->line, _("\"%s\" is "
			    "%lld, where the other counts make it %lld: the line "
			    "is not as fu-stats --partial wrote it"), name,
			    p->n[of], x[of]);
	for (i = 0; p->rows == 0 && i < FU_NRAW; i++)
		if (p->n[i] != 0 || p->nref > 0 || p->nchan > 0 || p->none > 0)
			return fu_err_data(c->e, c->file, c->line, _("a partial "
			    "of no row has counts: the line is not as fu-stats "
			    "--partial wrote it"));
	return 0;
}

int
fu_partial_parse(const char *s, size_t n, struct fu_partial *p,
    const char *file, long line, struct fu_err *e)
{
	struct cur c = { s, s, s + n, file, line, e };
	unsigned char seen[MAXKEYS] = { 0 };
	char *name = NULL;
	int k, nkeys = K_NFIXED, money;
	enum fu_raw of;

	memset(p, 0, sizeof(*p));
	while (fu_report_count((size_t)(nkeys - K_NFIXED), &of, &money) !=
	    NULL)
		nkeys++;
	if (nkeys > MAXKEYS)
		FU_BUG("a partial has more fields than MAXKEYS");
	/* The format first: a line of another is refused as that. */
	if (expect(&c, '{') == -1 || string(&c, &name) == -1)
		return -1;
	if (strcmp(name, fixed[K_FORMAT]) != 0) {
		free(name);
		return fu_err_data(e, file, line, _("this is not a partial of "
		    "fu-stats --partial: it does not start with "
		    "{\"fu_partial\":"));
	}
	free(name);
	seen[K_FORMAT] = 1;
	if (expect(&c, ':') == -1 || count(&c, &p->format) == -1)
		return -1;
	if (p->format != FU_PARTIAL_FORMAT)
		return fu_err_data(e, file, line, _("a partial of format %lld, "
		    "where this fu-stats reads format %d: merge with the "
		    "fu-stats that made it"), p->format, FU_PARTIAL_FORMAT);
	while (peek(&c, ',')) {
		c.p++;
		if (string(&c, &name) == -1)
			return -1;
		if ((k = key_of(name)) == -1) {
			fu_err_data(e, file, line, _("this is not a partial of "
			    "fu-stats --partial: it has a field \"%s\""), name);
			free(name);
			return -1;
		}
		if (seen[k]++) {
			fu_err_data(e, file, line, _("\"%s\" is given twice"),
			    name);
			free(name);
			return -1;
		}
		free(name);
		if (expect(&c, ':') == -1 || value(&c, k, p) == -1)
			return -1;
	}
	if (expect(&c, '}') == -1)
		return -1;
	blanks(&c);
	if (c.p < c.end && *c.p == '\r' && c.p + 1 == c.end)
		c.p++;		/* a line ending copied through Windows */
	if (c.p != c.end)
		return garbled(&c);
	for (k = 0; k < nkeys; k++)
		if (!seen[k])
			return fu_err_data(e, file, line, _("\"%s\" is "
			    "missing"), k < K_NFIXED ? fixed[k] :
			    fu_report_count((size_t)(k - K_NFIXED), &of, &money));
	if (p->from > p->to)
		return fu_err_data(e, file, line, _("the period ends before "
		    "it starts"));
	if (p->rows == 0 ? p->row != 0 : p->row < 1 || p->row > p->rows)
		return fu_err_data(e, file, line, _("row %lld of %lld is not a "
		    "row"), p->row, p->rows);
	if (p->portfolios < 1 || p->portfolios > INT_MAX)
		return fu_err_data(e, file, line, _("\"portfolios\" is %lld: a "
		    "partial is of 1 portfolio or more"), p->portfolios);
	return agree(&c, p);
}

static void
items_free(struct fu_partial_item *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].chan);
	}
	free(v);
}

void
fu_partial_free(struct fu_partial *p)
{
	free(p->key);
	items_free(p->ref, p->nref);
	items_free(p->chan, p->nchan);
	items_free(p->one, p->none);
	memset(p, 0, sizeof(*p));
}

/*
 * The merge.  Each file holds whole partials, one after another (cat
 * joins them), each its rows 1 to N in order: a partial cut short, or an
 * empty file (a seller's run that failed), is refused rather than
 * counted as less.  Every partial must be of the first one's period and
 * --by.
 */
struct merge {
	struct fu_report *r;
	fu_date from, to;
	enum fu_report_by by;
	long long row, rows, portfolios;	/* the partial being read */
	struct fu_strmap keys;		/* its channels or stages, folded */
};

/* A refusal at a line: exit 2, as a usage error. */
static int
refuse(struct fu_err *e, const char *file, long line, const char *text)
{
	fu_err_data(e, file, line, "%s", text);
	e->code = FU_EXIT_USAGE;
	return -1;
}

static int
merge_line(struct merge *m, const struct fu_partial *p, fu_date today,
    const char *file, long line, struct fu_err *e)
{
	struct fu_report_spec s = { p->from, p->to, p->by, today };
	char d[4][11], text[512];

	if (m->r == NULL) {
		if ((m->r = fu_report_new(&s, e)) == NULL) {
			e->line = line;
			snprintf(e->file, sizeof(e->file), "%s", file);
			return -1;
		}
		m->from = p->from;
		m->to = p->to;
		m->by = p->by;
	} else if (p->from != m->from || p->to != m->to) {
		snprintf(text, sizeof(text), _("a partial of %s to %s, where "
		    "the first is of %s to %s: merge the partials of one "
		    "period"), fu_date_str(p->from, d[0]), fu_date_str(p->to,
		    d[1]), fu_date_str(m->from, d[2]), fu_date_str(m->to,
		    d[3]));
		return refuse(e, file, line, text);
	} else if (p->by != m->by) {
		snprintf(text, sizeof(text), _("a partial by \"%s\", where the "
		    "first is by \"%s\": merge the partials of one --by"),
		    by_name[p->by], by_name[m->by]);
		return refuse(e, file, line, text);
	}
	if (m->row == m->rows ? p->row > 1 : p->row != m->row + 1 ||
	    p->rows != m->rows || p->portfolios != m->portfolios)
		return fu_err_data(e, file, line, _("row %lld of %lld, where "
		    "row %lld of %lld was due: a partial is cut short or its "
		    "lines are out of order"), p->row, p->rows, m->row == m->rows ?
		    1 : m->row + 1, m->row == m->rows ? p->rows : m->rows);
	m->row = p->row;
	m->rows = p->rows;
	m->portfolios = p->portfolios;
	/* A channel or stage is one row of a partial: twice, it would be
	 * counted twice. */
	if (p->row <= 1)
		fu_strmap_free(&m->keys);
	if (p->rows > 0 && m->by != FU_BY_NONE && m->by != FU_BY_MONTH) {
		char *f = fu_fold(p->key, strlen(p->key));
		int again;

		if (f == NULL)
			return fu_err_nomem(e);
		again = fu_strmap_get(&m->keys, f, strlen(f), NULL);
		if (!again && fu_strmap_put(&m->keys, f, strlen(f), 0) ==
		    NULL) {
			free(f);
			return fu_err_nomem(e);
		}
		free(f);
		if (again)
			return fu_err_data(e, file, line, _("row %lld is of "
			    "\"%s\", as another row of its partial is"),
			    p->row, p->key);
	}
	return fu_report_add_partial(m->r, p, file, line, e);
}

static int
merge_file(struct merge *m, const char *name, FILE *fp, fu_date today,
    struct fu_err *e)
{
	struct fu_partial p;
	char *buf = NULL;
	size_t cap = 0;
	ssize_t n;
	long line = 0;
	int rc = 0;

	m->row = m->rows = 0;
	while (rc == 0 && (n = getline(&buf, &cap, fp)) != -1) {
		line++;
		if (n > 0 && buf[n - 1] == '\n')
			n--;
		rc = fu_partial_parse(buf, (size_t)n, &p, name, line, e);
		if (rc == 0 && memchr(buf, '\0', (size_t)n) != NULL)
			rc = fu_err_data(e, name, line, _("this is not a "
			    "partial of fu-stats --partial: it holds a NUL "
			    "byte"));
		if (rc == 0)
			rc = merge_line(m, &p, today, name, line, e);
		fu_partial_free(&p);
	}
	if (rc == 0 && ferror(fp))
		rc = fu_err_io(e, name, errno, _("cannot read"));
	else if (rc == 0 && line == 0)
		rc = fu_err_data(e, name, 0, _("there is no partial in it: "
		    "did fu-stats --partial fail there?"));
	else if (rc == 0 && m->row != m->rows)
		rc = fu_err_data(e, name, line, _("the partial ends at row %lld "
		    "of %lld: it is cut short"), m->row, m->rows);
	free(buf);
	return rc;
}

int
fu_stats_merge(const struct fu_cli *cli, const struct fu_report_query *q,
    char *const *files, int nfiles, struct fu_err *e)
{
	struct merge m = { 0 };
	const char *name;
	FILE *fp;
	int i, rc = 0;

	for (i = 0; rc == 0 && i < (nfiles > 0 ? nfiles : 1); i++) {
		name = nfiles > 0 ? files[i] : "-";
		if (strcmp(name, "-") == 0) {
			rc = merge_file(&m, "<stdin>", stdin, cli->today, e);
			continue;
		}
		if ((fp = fopen(name, "r")) == NULL) {
			rc = fu_err_io(e, name, errno, _("cannot open"));
			continue;
		}
		rc = merge_file(&m, name, fp, cli->today, e);
		fclose(fp);
	}
	if (rc == 0)
		rc = fu_report_sums(m.r, e);
	if (rc == 0 && q->partial)
		fu_report_print_partial(m.r);
	else if (rc == 0)
		rc = fu_report_print(m.r, cli, e);
	fu_report_free(m.r);
	fu_strmap_free(&m.keys);
	return rc;
}
