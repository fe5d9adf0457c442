/*
 * report.c - the retention report printed: for scripts, one row a line
 * with every figure; for a person, a page of labelled figures, or with
 * --by a table of the figures that matter most.  All of it goes through
 * the one printer (print.c).  The figures are declared once, below; their
 * counts are made in figures.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "priv.h"

/* The fields, in the order scripts see them: those of SPEC section 5,
 * then those fu-stats adds (the amounts of the 50/50 balance, the clients
 * reached through one channel only, the top referrers, the steps kept by
 * who owed them, the warning signs, the greetings, and the figures of
 * plans: exits and win-backs, and post-sale care). */
enum {
	F_FROM, F_TO, F_CLIENTS_START, F_CLIENTS_NEW, F_CLIENTS_LOST,
	F_CLIENTS_WON, F_CLIENTS_END, F_RETENTION, F_CHURN, F_CONTACTED,
	F_COVERAGE, F_SILENT_90, F_MADE, F_KEPT, F_BROKEN, F_MOVED, F_DROPPED,
	F_KEPT_RATE, F_OPEN, F_OVERDUE, F_ADRIFT, F_SALES, F_AMOUNT,
	F_SALES_EXISTING, F_SALES_NEW, F_SALES6_EXISTING, F_SALES6_NEW,
	F_REFERRED, F_REFERRAL_SHARE, F_CONTACTS, F_MOOD_PLUS, F_MOOD_ZERO,
	F_MOOD_MINUS, F_AMOUNT_EXISTING, F_AMOUNT_NEW, F_AMOUNT6_EXISTING,
	F_AMOUNT6_NEW, F_ONE_CHANNEL, F_TOP_REFERRERS, F_KEPT_MINE,
	F_BROKEN_MINE, F_KEPT_RATE_MINE, F_KEPT_THEIRS, F_BROKEN_THEIRS,
	F_KEPT_RATE_THEIRS, F_SIGNALS, F_AT_RISK, F_GREETINGS, F_EXIT_PLANS,
	F_INTERVIEWS, F_LOST_12M, F_WON_BACK_12M, F_WINBACK_RATE,
	F_POST_SALE_CARED, F_POST_SALE_COVERAGE, NFIELDS
};

/* What a field shows: a raw count, an amount, a share of two counts (a
 * percentage with one decimal), or the row's own dates and referrers. */
enum kind { COUNT, MONEY, SHARE, FROM, TO, REFERRERS };
struct figure {
	const char *name;	/* as templates, headers and JSON name it */
	const char *title;	/* a table's heading */
	enum kind kind;
	enum fu_raw of, per;	/* the count, or the share of / per */
	int client;		/* about clients: empty in a channel's row */
};
static const struct figure figures[NFIELDS] = {
	[F_FROM] = { "from", N_("FROM"), FROM, 0, 0, 0 },
	[F_TO] = { "to", N_("TO"), TO, 0, 0, 0 },
	[F_CLIENTS_START] = { "clients_start", N_("START"), COUNT,
	    FU_R_CLIENTS_START, 0, 1 },
	[F_CLIENTS_NEW] = { "clients_new", NC_("clients", "NEW"), COUNT,
	    FU_R_CLIENTS_NEW, 0, 1 },
	[F_CLIENTS_LOST] = { "clients_lost", N_("LOST"), COUNT,
	    FU_R_CLIENTS_LOST, 0, 1 },
	[F_CLIENTS_WON] = { "clients_won", N_("WON"), COUNT,
	    FU_R_CLIENTS_WON, 0, 1 },
	[F_CLIENTS_END] = { "clients_end", N_("CLIENTS"), COUNT,
	    FU_R_CLIENTS_END, 0, 1 },
	[F_RETENTION] = { "retention", N_("RETENTION"), SHARE,
	    FU_R_RETAINED, FU_R_CLIENTS_START, 1 },
	[F_CHURN] = { "churn", N_("CHURN"), SHARE, FU_R_CLIENTS_LOST,
	    FU_R_CLIENTS_START, 1 },
	[F_CONTACTED] = { "contacted", N_("CONTACTED"), COUNT,
	    FU_R_CONTACTED, 0, 1 },
	[F_COVERAGE] = { "coverage", N_("COVERAGE"), SHARE, FU_R_CONTACTED,
	    FU_R_CLIENTS_END, 1 },
	[F_SILENT_90] = { "silent_90", N_("SILENT"), COUNT, FU_R_SILENT_90,
	    0, 1 },
	[F_MADE] = { "made", N_("MADE"), COUNT, FU_R_MADE, 0, 0 },
	[F_KEPT] = { "kept", N_("KEPT"), COUNT, FU_R_KEPT, 0, 0 },
	[F_BROKEN] = { "broken", N_("BROKEN"), COUNT, FU_R_BROKEN, 0, 0 },
	[F_MOVED] = { "moved", N_("MOVED"), COUNT, FU_R_MOVED, 0, 0 },
	[F_DROPPED] = { "dropped", N_("DROPPED"), COUNT, FU_R_DROPPED, 0, 0 },
	[F_KEPT_RATE] = { "kept_rate", N_("KEPT%"), SHARE, FU_R_KEPT,
	    FU_R_SETTLED, 0 },
	[F_OPEN] = { "open", N_("OPEN"), COUNT, FU_R_OPEN, 0, 0 },
	[F_OVERDUE] = { "overdue", N_("OVERDUE"), COUNT, FU_R_OVERDUE, 0, 0 },
	[F_ADRIFT] = { "adrift", N_("ADRIFT"), COUNT, FU_R_ADRIFT, 0, 1 },
	[F_SALES] = { "sales", N_("SALES"), COUNT, FU_R_SALES, 0, 0 },
	[F_AMOUNT] = { "amount", N_("AMOUNT"), MONEY, FU_R_AMOUNT, 0, 0 },
	[F_SALES_EXISTING] = { "sales_existing", NC_("sales to", "EXISTING"),
	    COUNT, FU_R_SALES_EXISTING, 0, 0 },
	[F_SALES_NEW] = { "sales_new", NC_("sales to", "NEW"), COUNT,
	    FU_R_SALES_NEW, 0, 0 },
	[F_SALES6_EXISTING] = { "sales6_existing", NC_("sales to",
	    "EXISTING 6M"), COUNT, FU_R_SALES6_EXISTING, 0, 0 },
	[F_SALES6_NEW] = { "sales6_new", NC_("sales to", "NEW 6M"), COUNT,
	    FU_R_SALES6_NEW, 0, 0 },
	[F_REFERRED] = { "referred", N_("REFERRED"), COUNT, FU_R_REFERRED,
	    0, 1 },
	[F_REFERRAL_SHARE] = { "referral_share", N_("REFERRED%"), SHARE,
	    FU_R_REFERRED, FU_R_CLIENTS_NEW, 1 },
	[F_CONTACTS] = { "contacts", N_("CONTACTS"), COUNT, FU_R_CONTACTS, 0,
	    0 },
	[F_MOOD_PLUS] = { "mood_plus", N_("+"), COUNT, FU_R_MOOD_PLUS, 0, 0 },
	[F_MOOD_ZERO] = { "mood_zero", N_("0"), COUNT, FU_R_MOOD_ZERO, 0, 0 },
	[F_MOOD_MINUS] = { "mood_minus", N_("-"), COUNT, FU_R_MOOD_MINUS, 0,
	    0 },
	[F_AMOUNT_EXISTING] = { "amount_existing", NC_("sales to", "EXISTING"), MONEY,
	    FU_R_AMOUNT_EXISTING, 0, 0 },
	[F_AMOUNT_NEW] = { "amount_new", NC_("sales to",
	    "NEW"), MONEY, FU_R_AMOUNT_NEW,
	    0, 0 },
	[F_AMOUNT6_EXISTING] = { "amount6_existing", NC_("sales to", "EXISTING 6M"),
	    MONEY, FU_R_AMOUNT6_EXISTING, 0, 0 },
	[F_AMOUNT6_NEW] = { "amount6_new", NC_("sales to", "NEW 6M"), MONEY,
	    FU_R_AMOUNT6_NEW, 0, 0 },
	[F_ONE_CHANNEL] = { "one_channel", N_("ONE CHANNEL"), COUNT,
	    FU_R_ONE_CHANNEL, 0, 1 },
	[F_TOP_REFERRERS] = { "top_referrers", N_("TOP REFERRERS"),
	    REFERRERS, 0, 0, 1 },
	[F_KEPT_MINE] = { "kept_mine", N_("KEPT MINE"), COUNT,
	    FU_R_KEPT_MINE, 0, 0 },
	[F_BROKEN_MINE] = { "broken_mine", N_("BROKEN MINE"), COUNT,
	    FU_R_BROKEN_MINE, 0, 0 },
	[F_KEPT_RATE_MINE] = { "kept_rate_mine", N_("KEPT% MINE"), SHARE,
	    FU_R_KEPT_MINE, FU_R_SETTLED_MINE, 0 },
	[F_KEPT_THEIRS] = { "kept_theirs", N_("KEPT THEIRS"), COUNT,
	    FU_R_KEPT_THEIRS, 0, 0 },
	[F_BROKEN_THEIRS] = { "broken_theirs", N_("BROKEN THEIRS"), COUNT,
	    FU_R_BROKEN_THEIRS, 0, 0 },
	[F_KEPT_RATE_THEIRS] = { "kept_rate_theirs", N_("KEPT% THEIRS"),
	    SHARE, FU_R_KEPT_THEIRS, FU_R_SETTLED_THEIRS, 0 },
	[F_SIGNALS] = { "signals", N_("SIGNALS"), COUNT, FU_R_SIGNALS, 0, 0 },
	[F_AT_RISK] = { "at_risk", N_("AT RISK"), COUNT, FU_R_AT_RISK, 0, 1 },
	[F_GREETINGS] = { "greetings", N_("GREETINGS"), COUNT,
	    FU_R_GREETINGS, 0, 0 },
	[F_EXIT_PLANS] = { "exit_plans", N_("EXIT PLANS"), COUNT,
	    FU_R_EXIT_PLANS, 0, 0 },
	[F_INTERVIEWS] = { "exit_interviews", N_("INTERVIEWS"), COUNT,
	    FU_R_INTERVIEWS, 0, 0 },
	[F_LOST_12M] = { "lost_12m", N_("LOST 12M"), COUNT, FU_R_LOST_12M,
	    0, 1 },
	[F_WON_BACK_12M] = { "won_back_12m", N_("WON BACK 12M"), COUNT,
	    FU_R_WON_BACK_12M, 0, 1 },
	[F_WINBACK_RATE] = { "winback_rate", N_("WIN-BACK%"), SHARE,
	    FU_R_WON_BACK_12M, FU_R_LOST_12M, 1 },
	[F_POST_SALE_CARED] = { "post_sale_cared", N_("CARED"), COUNT,
	    FU_R_POST_SALE_CARED, 0, 0 },
	[F_POST_SALE_COVERAGE] = { "post_sale_coverage", N_("CARED%"),
	    SHARE, FU_R_POST_SALE_CARED, FU_R_SALES, 0 },
};

/* The counts and amounts of the table, as --partial writes them: every
 * other raw count follows from them (priv.h). */
const char *
fu_report_count(size_t i, enum fu_raw *of, int *money)
{
	size_t k;

	for (k = 0; k < NFIELDS; k++) {
		if (figures[k].kind != COUNT && figures[k].kind != MONEY)
			continue;
		if (i-- == 0) {
			*of = figures[k].of;
			*money = figures[k].kind == MONEY;
			return figures[k].name;
		}
	}
	return NULL;
}

/* The key column of --by. */
static const struct fu_field keys[] = {
	[FU_BY_NONE] = { "", "", 0 },
	[FU_BY_MONTH] = { "month", N_("MONTH"), 0 },
	[FU_BY_CHANNEL] = { "channel", N_("CHANNEL"), FU_F_CUT },
	[FU_BY_STAGE] = { "stage", N_("STAGE"), FU_F_CUT },
};

/* The printer's field of a figure. */
static struct fu_field
field(const struct figure *g)
{
	struct fu_field f = { g->name, g->title, 0 };

	if (g->kind == REFERRERS)
		f.flags = FU_F_CUT;
	else if (g->kind != FROM && g->kind != TO)
		f.flags = FU_F_NUM;
	return f;
}

/* The fields of a report: the key of --by first, if any. */
static int
all_fields(enum fu_report_by by, struct fu_field *f)
{
	int i, base = by != FU_BY_NONE;

	if (base)
		f[0] = keys[by];
	for (i = 0; i < NFIELDS; i++)
		f[base + i] = field(&figures[i]);
	return NFIELDS + base;
}

/* A percentage with one decimal, rounded half away from zero; a zero
 * denominator gives "" for scripts and "-" for a person. */
static const char *
pct(char buf[32], long long num, long long den, int text)
{
	long long x;
	int neg = (num < 0) != (den < 0);

	if (den == 0)
		return text ? "-" : "";
	num = num < 0 ? -num : num;
	den = den < 0 ? -den : den;
	x = (2000 * num + den) / (2 * den);
	if (neg && x == 0)
		neg = 0;
	snprintf(buf, 32, "%s%lld.%lld%s", neg ? "-" : "", x / 10, x % 10,
	    text ? "%" : "");
	return buf;
}

static const char *
num(char buf[32], long long n)
{
	snprintf(buf, 32, "%lld", n);
	return buf;
}

struct refsort {
	const char *name;
	long long n;
};

static int
by_refs(const void *a, const void *b)
{
	const struct refsort *x = a, *y = b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* The referrers of a row's new clients, the most first: up to max of
 * them into v; returns how many there are. */
static size_t
top_refs(const struct fu_report *r, size_t row, struct refsort *v,
    size_t max)
{
	size_t i, n = 0;

	for (i = 0; i < r->nref; i++) {
		struct refsort x = { r->ref[i].name, r->ref[i].n };
		size_t j;

		if (r->ref[i].row != row)
			continue;
		/* Insertion into the first max, best first. */
		if (n < max)
			n++;
		else if (by_refs(&x, &v[max - 1]) >= 0)
			continue;
		for (j = n - 1; j > 0 && by_refs(&x, &v[j - 1]) < 0; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
	return n;
}

static int
refs_str(const struct fu_report *r, size_t row, struct fu_buf *b)
{
	struct refsort v[FU_TOP_REFERRERS];
	size_t n = top_refs(r, row, v, FU_TOP_REFERRERS), i;
	char cnt[32];
	int rc = 0;

	b->len = 0;
	for (i = 0; i < n && rc == 0; i++) {
		snprintf(cnt, sizeof(cnt), " (%lld)", v[i].n);
		rc = (i > 0 ? fu_buf_str(b, "; ") : 0) | fu_buf_str(b,
		    v[i].name) | fu_buf_str(b, cnt);
	}
	return rc | fu_buf_add(b, "", 0);
}

/* The values of a row's fields, as text or raw; buf and refs hold them. */
static int
values(const struct fu_report *r, size_t row, int text, char buf[][32],
    struct fu_buf *refs, const char **v)
{
	const struct fu_figures *f = &r->row[row];
	int i;

	for (i = 0; i < NFIELDS; i++) {
		const struct figure *g = &figures[i];

		switch (g->kind) {
		case COUNT: v[i] = num(buf[i], f->n[g->of]); break;
		case MONEY: v[i] = fu_money_str(f->n[g->of], buf[i]); break;
		case SHARE:
			v[i] = pct(buf[i], f->n[g->of], f->n[g->per], text);
			break;
		case FROM: v[i] = fu_date_str(f->from, buf[i]); break;
		case TO: v[i] = fu_date_str(f->to, buf[i]); break;
		case REFERRERS:
			if (refs_str(r, row, refs) == -1)
				return -1;
			v[i] = refs->p;
			break;
		}
		/* What a row cannot give is left empty. */
		if ((f->na & FU_NA_CLIENTS) && g->client)
			v[i] = "";
	}
	return 0;
}

int
fu_report_check_template(enum fu_report_by by, const char *tmpl,
    struct fu_err *e)
{
	struct fu_field f[NFIELDS + 1];
	struct fu_out o;
	int rc;

	rc = fu_out_init(&o, FU_FMT_TEMPLATE, tmpl, f, all_fields(by, f), e);
	fu_out_discard(&o);
	return rc;
}

/* For scripts: one row a line, every field. */
static int
print_machine(const struct fu_report *r, const struct fu_cli *cli,
    struct fu_err *e)
{
	struct fu_field f[NFIELDS + 1];
	const char *v[NFIELDS + 1];
	char buf[NFIELDS][32], kbuf[11];
	struct fu_buf refs = { 0 };
	struct fu_out o;
	int base = r->q.by != FU_BY_NONE, rc = 0;
	size_t i, row;

	if (fu_out_init(&o, cli->fmt, cli->tmpl, f, all_fields(r->q.by, f),
	    e) == -1)
		return -1;
	o.raw = cli->raw;
	for (i = 0; i < fu_report_rows(r) && rc == 0; i++) {
		row = r->order != NULL ? r->order[i] : i;
		if (base)
			v[0] = fu_report_key(r, row, kbuf);
		if ((rc = values(r, row, 0, buf, &refs, v + base)) == -1)
			fu_err_nomem(e);
		else
			rc = fu_out_row(&o, v, e);
	}
	fu_buf_free(&refs);
	return fu_out_finish(&o, rc, e);
}

/* For a person, with --by: a table of the figures that matter most. */
static const int month_cols[] = {
	F_CLIENTS_END, F_CLIENTS_NEW, F_CLIENTS_LOST, F_CLIENTS_WON,
	F_CONTACTS, F_KEPT_RATE, F_AMOUNT, F_COVERAGE
};
static const int channel_cols[] = {
	F_CONTACTS, F_MADE, F_KEPT, F_BROKEN, F_KEPT_RATE, F_OPEN, F_OVERDUE,
	F_SALES, F_AMOUNT
};
static const int stage_cols[] = {
	F_CLIENTS_END, F_CLIENTS_NEW, F_CLIENTS_LOST, F_RETENTION,
	F_COVERAGE, F_ADRIFT, F_KEPT_RATE, F_AMOUNT
};
#define NCOLS(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* Coverage as a bar of ten, one mark a tenth, and the percentage. */
static const char *
bar(char buf[64], const struct fu_figures *f, const char *percent)
{
	long long full, end = f->n[FU_R_CLIENTS_END];
	int i;

	if (end == 0)
		return percent;
	full = (20 * f->n[FU_R_CONTACTED] + end) / (2 * end);
	for (i = 0; i < 10; i++)
		buf[i] = i < full ? '#' : '.';
	snprintf(buf + 10, 54, " %6s", percent);
	return buf;
}

static int
print_table(const struct fu_report *r, int color, struct fu_err *e)
{
	const int *cols = r->q.by == FU_BY_MONTH ? month_cols : r->q.by ==
	    FU_BY_CHANNEL ? channel_cols : stage_cols;
	int ncols = r->q.by == FU_BY_MONTH ? NCOLS(month_cols) : r->q.by ==
	    FU_BY_CHANNEL ? NCOLS(channel_cols) : NCOLS(stage_cols);
	struct fu_field f[16];
	const char *all[NFIELDS], *v[16];
	char buf[NFIELDS][32], kbuf[11], barbuf[64];
	struct fu_buf refs = { 0 };
	struct fu_out o;
	size_t i, row;
	int k, rc = 0;

	f[0] = keys[r->q.by];
	for (k = 0; k < ncols; k++) {
		f[k + 1] = field(&figures[cols[k]]);
		/* The bar is text, and left-aligned. */
		if (r->q.by == FU_BY_MONTH && cols[k] == F_COVERAGE)
			f[k + 1].flags = 0;
	}
	if (fu_out_init(&o, FU_FMT_TEXT, NULL, f, ncols + 1, e) == -1)
		return -1;
	o.color = color;
	for (i = 0; i < fu_report_rows(r) && rc == 0; i++) {
		row = r->order != NULL ? r->order[i] : i;
		v[0] = fu_report_key(r, row, kbuf);
		if (*v[0] == '\0')
			v[0] = _("(none)");
		if (values(r, row, 1, buf, &refs, all) == -1) {
			rc = fu_err_nomem(e);
			break;
		}
		for (k = 0; k < ncols; k++)
			v[k + 1] = r->q.by == FU_BY_MONTH && cols[k] ==
			    F_COVERAGE ? bar(barbuf, &r->row[row],
			    all[F_COVERAGE]) : all[cols[k]];
		rc = fu_out_row(&o, v, e);
	}
	fu_buf_free(&refs);
	return fu_out_finish(&o, rc, e);
}

/*
 * The report for a person: sections of labels and figures in two columns
 * of 36, to fit 80 columns.
 */

/* "  label ...... value": 36 columns, or more for a long label; the
 * value between on and off, a tone's escapes or "". */
static void
cell(struct fu_buf *b, const char *label, const char *value, const char *on,
    const char *off)
{
	size_t lw = fu_utf8_width(label, strlen(label));
	size_t vw = fu_utf8_width(value, strlen(value));

	fu_text_pad(b, "  ", 2, 0);
	fu_text_pad(b, label, 24, 0);
	lw = lw > 24 ? lw : 24;
	if (lw + 1 + vw <= 34)
		fu_text_pad(b, "", 34 - lw - vw, 0);
	else
		fu_text_pad(b, " ", 1, 0);
	fu_buf_str(b, on);
	fu_text_pad(b, value, 0, 0);
	fu_buf_str(b, off);
}

/* Two cells, the second in a tone when its figure asks for attention. */
static void
line2_tone(struct fu_buf *b, const char *l1, const char *v1, const char *l2,
    const char *v2, int color, enum fu_tone tone)
{
	if (l1 != NULL)
		cell(b, l1, v1, "", "");
	else
		fu_text_pad(b, "", 36, 0);
	if (l2 != NULL) {
		fu_text_pad(b, "    ", 4, 0);
		cell(b, l2, v2, fu_tone_on(color, tone), fu_tone_off(color,
		    tone));
	}
	fu_text_line(b);
}

static void
line2(struct fu_buf *b, const char *l1, const char *v1, const char *l2,
    const char *v2)
{
	line2_tone(b, l1, v1, l2, v2, 0, FU_TONE_PLAIN);
}

/* A section's heading. */
static void
heading(int color, const char *s)
{
	printf("\n%s%s%s\n", fu_tone_on(color, FU_TONE_HEAD), s,
	    fu_tone_off(color, FU_TONE_HEAD));
}

static void
sales_line(struct fu_buf *b, const char *label, long long n,
    long long nall, fu_cents a, fu_cents aall, int share)
{
	char b1[32], b2[32], b3[32], b4[32];

	fu_text_pad(b, "  ", 2, 0);
	fu_text_pad(b, label, 30, 0);
	fu_text_pad(b, num(b1, n), 8, 1);
	fu_text_pad(b, share ? pct(b2, n, nall, 1) : "", 9, 1);
	fu_text_pad(b, fu_money_str(a, b3), 14, 1);
	fu_text_pad(b, share ? pct(b4, a, aall, 1) : "", 9, 1);
	fu_text_line(b);
}

static int
by_contacts(const void *a, const void *b)
{
	const struct fu_group *x = *(const struct fu_group *const *)a;
	const struct fu_group *y = *(const struct fu_group *const *)b;

	if (x->contacts != y->contacts)
		return x->contacts > y->contacts ? -1 : 1;
	return strcmp(x->key, y->key);
}

/* "By channel:  call 13, visit 4, ...", the most used first, wrapped at
 * 78 columns. */
static int
by_channel_line(struct fu_buf *b, const struct fu_report *r)
{
	const struct fu_group **g;
	const char *head = _("By channel:");
	size_t i, n, col, w;
	char item[64];

	if ((g = malloc((r->chan.n + 1) * sizeof(*g))) == NULL)
		return -1;
	for (i = n = 0; i < r->chan.n; i++)
		if (r->chan.v[i].contacts > 0)
			g[n++] = &r->chan.v[i];
	qsort(g, n, sizeof(*g), by_contacts);
	fu_text_pad(b, "  ", 2, 0);
	fu_text_pad(b, head, 15, 0);
	col = 2 + fu_utf8_width(head, strlen(head));
	col = col > 17 ? col : 17;
	for (i = 0; i < n; i++) {
		const char *name = *g[i]->name ? g[i]->name : _("(none)");

		snprintf(item, sizeof(item), " %lld%s", g[i]->contacts,
		    i + 1 < n ? "," : "");
		w = fu_utf8_width(name, strlen(name)) + strlen(item);
		if (i > 0 && col + 1 + w > 78) {
			fu_text_line(b);
			fu_text_pad(b, "", 17, 0);
			col = 17;
		} else if (i > 0 || col > 17) {
			fu_text_pad(b, " ", 1, 0);
			col++;
		}
		fu_text_pad(b, name, 0, 0);
		fu_text_pad(b, item, 0, 0);
		col += w;
	}
	if (n > 0)
		fu_text_line(b);
	else
		b->len = 0;
	free(g);
	return 0;
}

static int
print_text(const struct fu_report *r, int color, struct fu_err *e)
{
	const struct fu_figures *f = &r->row[0];
	const long long *n = f->n;
	const char *v[NFIELDS];
	char buf[NFIELDS][32], d1[11], d2[11], b1[64], b2[32];
	struct fu_buf refs = { 0 }, b = { 0 };
	struct refsort top[FU_TOP_REFERRERS];
	size_t i, ntop;
	int rc = 0;

	if (values(r, 0, 1, buf, &refs, v) == -1) {
		fu_buf_free(&refs);
		return fu_err_nomem(e);
	}
	fu_buf_free(&refs);
	if (r->nportfolios > 1)
		printf(_("Retention report, %s to %s, over %d portfolios\n"),
		    fu_date_str(f->from, d1), fu_date_str(f->to, d2),
		    r->nportfolios);
	else
		printf(_("Retention report, %s to %s\n"), fu_date_str(f->from,
		    d1), fu_date_str(f->to, d2));

	heading(color, _("Clients"));
	line2(&b, _("At the start"), v[F_CLIENTS_START], _("Retention"),
	    v[F_RETENTION]);
	line2(&b, C_("clients", "New"), v[F_CLIENTS_NEW], _("Churn"),
	    v[F_CHURN]);
	line2(&b, _("Lost"), v[F_CLIENTS_LOST], _("Contacted"),
	    v[F_CONTACTED]);
	line2(&b, _("Won back"), v[F_CLIENTS_WON], _("Coverage"),
	    v[F_COVERAGE]);
	line2(&b, _("At the end"), v[F_CLIENTS_END], _("Silent 90 days or "
	    "more"), v[F_SILENT_90]);
	line2_tone(&b, _("Warning signs"), v[F_SIGNALS], _("At risk at the "
	    "end"), v[F_AT_RISK], color, n[FU_R_AT_RISK] > 0 ? FU_TONE_RISK :
	    FU_TONE_PLAIN);

	heading(color, _("Agreements"));
	line2(&b, _("Made"), v[F_MADE], _("Kept rate"), v[F_KEPT_RATE]);
	line2(&b, _("Kept"), v[F_KEPT], _("  of my promises"),
	    v[F_KEPT_RATE_MINE]);
	line2(&b, _("Broken"), v[F_BROKEN], _("  of clients' promises"),
	    v[F_KEPT_RATE_THEIRS]);
	line2(&b, _("Moved"), v[F_MOVED], _("Open at the end"), v[F_OPEN]);
	line2_tone(&b, _("Dropped"), v[F_DROPPED], _("Overdue at the end"),
	    v[F_OVERDUE], color, n[FU_R_OVERDUE] > 0 ? FU_TONE_LATE :
	    FU_TONE_PLAIN);
	line2_tone(&b, NULL, NULL, _("Clients adrift"), v[F_ADRIFT], color,
	    n[FU_R_ADRIFT] > 0 ? FU_TONE_ADRIFT : FU_TONE_PLAIN);

	putchar('\n');
	fu_buf_str(&b, fu_tone_on(color, FU_TONE_HEAD));
	fu_text_pad(&b, _("Sales"), 32, 0);
	fu_text_pad(&b, _("count"), 8, 1);
	fu_text_pad(&b, _("share"), 9, 1);
	fu_text_pad(&b, _("amount"), 14, 1);
	fu_text_pad(&b, _("share"), 9, 1);
	fu_buf_str(&b, fu_tone_off(color, FU_TONE_HEAD));
	fu_text_line(&b);
	sales_line(&b, _("In the period"), n[FU_R_SALES], 0, n[FU_R_AMOUNT],
	    0, 0);
	sales_line(&b, _("  to existing clients"), n[FU_R_SALES_EXISTING],
	    n[FU_R_SALES], n[FU_R_AMOUNT_EXISTING], n[FU_R_AMOUNT], 1);
	sales_line(&b, _("  to new clients"), n[FU_R_SALES_NEW],
	    n[FU_R_SALES], n[FU_R_AMOUNT_NEW], n[FU_R_AMOUNT], 1);
	snprintf(b1, sizeof(b1), _("Six months from %s"), fu_date_str(
	    fu_date_add_months(f->to, -6) + 1, d1));
	sales_line(&b, b1, n[FU_R_SALES6], 0, n[FU_R_AMOUNT6], 0, 0);
	sales_line(&b, _("  to existing clients"), n[FU_R_SALES6_EXISTING],
	    n[FU_R_SALES6], n[FU_R_AMOUNT6_EXISTING], n[FU_R_AMOUNT6], 1);
	sales_line(&b, _("  to new clients"), n[FU_R_SALES6_NEW],
	    n[FU_R_SALES6], n[FU_R_AMOUNT6_NEW], n[FU_R_AMOUNT6], 1);
	printf("  %s\n", _("A healthy portfolio sells about half and half "
	    "over six months."));

	heading(color, _("Referrals"));
	snprintf(b1, sizeof(b1), _("%lld of %lld"), n[FU_R_REFERRED],
	    n[FU_R_CLIENTS_NEW]);
	line2(&b, _("New clients referred"), b1, _("Referral share"),
	    v[F_REFERRAL_SHARE]);
	if ((ntop = top_refs(r, 0, top, FU_TOP_REFERRERS)) > 0)
		printf("  %s\n", _("Top referrers, new clients referred:"));
	for (i = 0; i < ntop; i++) {
		fu_text_pad(&b, "    ", 4, 0);
		fu_text_cut(&b, top[i].name, 40);
		fu_text_pad(&b, num(b2, top[i].n), 8, 1);
		fu_text_line(&b);
	}

	heading(color, _("Exits, win-backs and post-sale care"));
	snprintf(b1, sizeof(b1), _("%lld of %lld"), n[FU_R_WON_BACK_12M],
	    n[FU_R_LOST_12M]);
	line2(&b, _("Lost, with an exit plan"), v[F_EXIT_PLANS],
	    _("Lost in 12 months, won back"), b1);
	line2(&b, _("Exit interviews held"), v[F_INTERVIEWS],
	    _("Win-back rate"), v[F_WINBACK_RATE]);
	line2(&b, _("Sales cared for in 14 days"), v[F_POST_SALE_CARED],
	    _("Post-sale coverage"), v[F_POST_SALE_COVERAGE]);

	heading(color, _("Contacts and mood"));
	line2(&b, _("Contacts"), v[F_CONTACTS], _("Mood +"), v[F_MOOD_PLUS]);
	line2(&b, _("One channel only"), v[F_ONE_CHANNEL], _("Mood 0"),
	    v[F_MOOD_ZERO]);
	line2(&b, _("Greetings"), v[F_GREETINGS], _("Mood -"),
	    v[F_MOOD_MINUS]);
	line2(&b, NULL, NULL, _("No mood noted"), num(b2, n[FU_R_MOOD_NONE]));
	if (by_channel_line(&b, r) == -1)
		rc = fu_err_nomem(e);
	if (rc == 0 && r->none > 0)
		printf("  %s\n", _("Reached through one channel only, the most "
		    "contacts first:"));
	for (i = 0; rc == 0 && i < r->none; i++) {
		const char *c = r->chan.v[r->one[i].chan].name;

		fu_text_pad(&b, "    ", 4, 0);
		fu_text_cut(&b, r->one[i].name, 40);
		fu_text_pad(&b, " ", 1, 0);
		fu_text_cut(&b, *c ? c : _("(none)"), 16);
		fu_text_pad(&b, num(b2, r->one[i].n), 8, 1);
		fu_text_line(&b);
	}
	fu_buf_free(&b);
	return rc;
}

int
fu_report_print(const struct fu_report *r, const struct fu_cli *cli,
    struct fu_err *e)
{
	if (cli->fmt != FU_FMT_TEXT)
		return print_machine(r, cli, e);
	if (r->q.by != FU_BY_NONE)
		return print_table(r, fu_out_color(cli), e);
	return print_text(r, fu_out_color(cli), e);
}

/*
 * The partial (fu-stats --partial): one line a row, even an empty one (a
 * channel or stage of one portfolio may have another's spelling), or one
 * line of row 0 of 0 when there is none, so that a partial always says
 * its period and how many portfolios it holds.  Amounts are in cents.
 */
/* The referrers of a row, as [name, count] items. */
static void
partial_refs(const struct fu_report *r, size_t row, FILE *out)
{
	size_t i, k = 0;

	fputs(",\"referrers\":[", out);
	for (i = 0; i < r->nref; i++)
		if (r->ref[i].row == row) {
			fputs(k++ > 0 ? ",[" : "[", out);
			fu_json_fstring(out, r->ref[i].name);
			fprintf(out, ",%lld]", r->ref[i].n);
		}
	putc(']', out);
}

/* With no --by, every channel as spelled, with its contacts, and the
 * clients of one channel; empty lists otherwise. */
static void
partial_channels(const struct fu_report *r, FILE *out)
{
	size_t i, n = r->q.by == FU_BY_NONE ? r->chan.n : 0;

	fputs(",\"channels\":[", out);
	for (i = 0; i < n; i++) {
		fputs(i > 0 ? ",[" : "[", out);
		fu_json_fstring(out, r->chan.v[i].name);
		fprintf(out, ",%lld]", r->chan.v[i].contacts);
	}
	fputs("],\"one_channel_clients\":[", out);
	for (i = 0; r->q.by == FU_BY_NONE && i < r->none; i++) {
		fputs(i > 0 ? ",[" : "[", out);
		fu_json_fstring(out, r->one[i].name);
		putc(',', out);
		fu_json_fstring(out, r->chan.v[r->one[i].chan].name);
		fprintf(out, ",%lld]", r->one[i].n);
	}
	putc(']', out);
}

void
fu_report_print_partial(const struct fu_report *r)
{
	fu_report_write_partial(r, stdout);
}

void
fu_report_write_partial(const struct fu_report *r, FILE *out)
{
	static const char *const by[] = {
		[FU_BY_NONE] = "", [FU_BY_MONTH] = "month",
		[FU_BY_CHANNEL] = "channel", [FU_BY_STAGE] = "stage"
	};
	static const struct fu_figures zero;
	const struct fu_figures *f;
	char d1[11], d2[11], kbuf[11];
	size_t i, k, n = r->nrows;

	for (i = 0; i < (n > 0 ? n : 1); i++) {
		f = n > 0 ? &r->row[i] : &zero;
		fprintf(out, "{\"fu_partial\":%d,\"from\":\"%s\",\"to\":\"%s\","
		    "\"by\":\"%s\",\"key\":", FU_PARTIAL_FORMAT,
		    fu_date_str(r->q.from, d1), fu_date_str(r->q.to, d2),
		    by[r->q.by]);
		fu_json_fstring(out, n > 0 ? fu_report_key(r, i, kbuf) : "");
		fprintf(out, ",\"row\":%zu,\"rows\":%zu,\"portfolios\":%d",
		    n > 0 ? i + 1 : 0, n, r->nportfolios);
		for (k = 0; k < NFIELDS; k++)
			if (figures[k].kind == COUNT || figures[k].kind == MONEY)
				fprintf(out, ",\"%s\":%lld", figures[k].name,
				    f->n[figures[k].of]);
		partial_refs(r, n > 0 ? i : (size_t)-1, out);
		partial_channels(r, out);
		fputs("}\n", out);
	}
}

/* Adds a portfolio; with several, a message names the one it is about. */
static int
add(struct fu_report *r, const char *dir, int several, struct fu_err *e)
{
	struct fu_portfolio pf;
	int rc;

	if (fu_portfolio_open(&pf, dir, e) == -1)
		return fu_err_within(e, pf.dir, several);
	if ((rc = fu_report_add(r, &pf, e)) == -1)
		return fu_err_within(e, pf.dir, several);
	return rc;
}

int
fu_stats(const struct fu_cli *cli, const struct fu_report_query *q,
    struct fu_err *e)
{
	struct fu_report_spec s = { 0, 0, q->by, cli->today };
	struct fu_report *r;
	int i, rc = -1, direct = 0;

	if (fu_report_period(q->month, q->from, q->to, cli->today, &s.from,
	    &s.to, e) == -1 || fu_cli_portfolios_distinct(cli, e) == -1)
		return -1;
	/* A template naming an unknown field is refused before any file is
	 * read. */
	if (cli->fmt == FU_FMT_TEMPLATE && fu_report_check_template(q->by,
	    cli->tmpl, e) == -1)
		return -1;
again:
	if ((r = fu_report_new(&s, e)) == NULL)
		return -1;
	r->direct = direct;
	/* No -p: $FU_PORTFOLIO or the default. */
	for (i = 0; i < (cli->nportfolio > 0 ? cli->nportfolio : 1); i++)
		switch (add(r, cli->nportfolio > 0 ? cli->portfolio[i] : NULL,
		    cli->nportfolio > 1, e)) {
		case -1:
			goto out;
		case -2:
			/* The sums pass what fu can count: read every
			 * portfolio again, to tell the row where. */
			fu_report_free(r);
			direct = 1;
			goto again;
		}
	if (q->partial) {
		fu_report_print_partial(r);
		rc = 0;
	} else
		rc = fu_report_print(r, cli, e);
out:
	fu_report_free(r);
	return rc;
}
