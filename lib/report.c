/*
 * report.c - the retention report of fu-stats (SPEC section 5): every
 * figure of a period, over one portfolio or several.
 *
 * Each portfolio is read in one pass.  The state as of the period's last
 * day (who is lost, what is open, each client's last contact and first
 * sale) comes from fu_state_load.  What the report needs from other days is
 * collected by the pass's hooks as the rows go by: who was lost the day
 * before the period, which clients were contacted and through which
 * channels, and with --by month the same for each month, and what was open
 * at the end of each month.  It is kept in arrays of one slot a client (a
 * client and month with --by month), and in a map of the lost and won
 * events, so memory grows with the clients and never with the length of
 * the log.
 *
 * Counts are summed over the portfolios and the rates are recomputed from
 * the sums when printed, so a report over several portfolios is the report
 * over their union.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fu.h"

#define NOGROUP ((size_t)-1)
#define TOP_REFERRERS 5		/* referrers named in a row */
#define TOP_ONE_CHANNEL 10	/* one-channel clients named in the text */
#define SILENT_DAYS 90

/* Strings to indexes, for channels and stages: few, but every log row
 * looks its channel up. */
struct strmap {
	char **key;
	size_t *len, *val;
	size_t cap, n;
};

/* A channel or a stage.  Spellings that differ only in case or accents
 * ("Call", "call") are one group, shown by the first in byte order. */
struct group {
	char *key;		/* folded */
	char *name;
	long long contacts;	/* log rows in the period */
};

struct groups {
	struct group *v;
	size_t n, cap;
	struct strmap spelling;	/* each spelling seen -> group */
	struct strmap folded;	/* key -> group */
};

struct ref {			/* a referrer of a row's new clients */
	size_t row;
	char *name;
	long long n;
};

struct one {			/* a client reached through one channel only */
	char *name;
	size_t chan;
	long long n;
};

struct fu_report {
	struct fu_report_query q;
	size_t nt;			/* time buckets: months, or 1 */
	fu_date *tfrom, *tto, *t6from;	/* each bucket, and its six months */
	struct fu_figures *row;
	size_t nrows, caprows;
	size_t *order;			/* rows as printed */
	size_t norder;
	struct groups chan, stage;
	struct groups *rowgroups;	/* with --by channel or stage */
	struct ref *ref;
	size_t nref, capref;
	struct one one[TOP_ONE_CHANNEL];
	size_t none;
	int nportfolios;
};

static int
nomem(struct fu_err *e)
{
	return fu_err_io(e, NULL, ENOMEM, _("cannot make the report"));
}

static uint64_t
hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;

	while (n-- > 0) {
		h ^= (unsigned char)*s++;
		h *= 1099511628211ULL;
	}
	return h;
}

/* The slot where s is, or where it would go. */
static size_t
strmap_slot(const struct strmap *m, const char *s, size_t n)
{
	size_t i = (size_t)hash(s, n) & (m->cap - 1);

	for (; m->key[i] != NULL; i = (i + 1) & (m->cap - 1))
		if (m->len[i] == n && memcmp(m->key[i], s, n) == 0)
			break;
	return i;
}

static int
strmap_get(const struct strmap *m, const char *s, size_t n, size_t *val)
{
	size_t i;

	if (m->cap == 0)
		return 0;
	i = strmap_slot(m, s, n);
	if (m->key[i] == NULL)
		return 0;
	*val = m->val[i];
	return 1;
}

/* Adds s, which is not in the map yet. */
static int
strmap_put(struct strmap *m, const char *s, size_t n, size_t val)
{
	size_t i;

	if ((m->n + 1) * 2 > m->cap) {
		struct strmap g = { NULL, NULL, NULL, m->cap ? 2 * m->cap : 16,
		    m->n };

		g.key = calloc(g.cap, sizeof(*g.key));
		g.len = malloc(g.cap * sizeof(*g.len));
		g.val = malloc(g.cap * sizeof(*g.val));
		if (g.key == NULL || g.len == NULL || g.val == NULL) {
			free(g.key);
			free(g.len);
			free(g.val);
			return -1;
		}
		for (i = 0; i < m->cap; i++) {
			size_t j;

			if (m->key[i] == NULL)
				continue;
			j = strmap_slot(&g, m->key[i], m->len[i]);
			g.key[j] = m->key[i];
			g.len[j] = m->len[i];
			g.val[j] = m->val[i];
		}
		free(m->key);
		free(m->len);
		free(m->val);
		*m = g;
	}
	i = strmap_slot(m, s, n);
	if ((m->key[i] = malloc(n + 1)) == NULL)
		return -1;
	memcpy(m->key[i], s, n);
	m->key[i][n] = '\0';
	m->len[i] = n;
	m->val[i] = val;
	m->n++;
	return 0;
}

static void
strmap_free(struct strmap *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		free(m->key[i]);
	free(m->key);
	free(m->len);
	free(m->val);
	memset(m, 0, sizeof(*m));
}

static int
add_row(struct fu_report *r, fu_date from, fu_date to, int na)
{
	struct fu_figures *f;

	if (r->nrows == r->caprows) {
		size_t cap = r->caprows ? 2 * r->caprows : 16;

		if ((f = realloc(r->row, cap * sizeof(*f))) == NULL)
			return -1;
		r->row = f;
		r->caprows = cap;
	}
	f = &r->row[r->nrows++];
	memset(f, 0, sizeof(*f));
	f->from = from;
	f->to = to;
	f->na = na;
	return 0;
}

/* The group of a channel or a stage; a new one gets a row when the rows
 * are groups. */
static int
group_of(struct fu_report *r, struct groups *g, const char *s, size_t *out,
    struct fu_err *e)
{
	size_t n = strlen(s), i;
	char *f, *name;

	if (strmap_get(&g->spelling, s, n, out))
		return 0;
	if ((f = fu_fold(s, n)) == NULL)
		return nomem(e);
	if (strmap_get(&g->folded, f, strlen(f), &i)) {
		free(f);
		if (strcmp(s, g->v[i].name) < 0) {
			if ((name = strdup(s)) == NULL)
				return nomem(e);
			free(g->v[i].name);
			g->v[i].name = name;
		}
	} else {
		if (g->n == g->cap) {
			size_t cap = g->cap ? 2 * g->cap : 16;
			struct group *v = realloc(g->v, cap * sizeof(*v));

			if (v == NULL) {
				free(f);
				return nomem(e);
			}
			g->v = v;
			g->cap = cap;
		}
		i = g->n;
		g->v[i].key = f;
		g->v[i].contacts = 0;
		if ((g->v[i].name = strdup(s)) == NULL) {
			free(f);
			return nomem(e);
		}
		g->n++;
		if (strmap_put(&g->folded, f, strlen(f), i) == -1 ||
		    (g == r->rowgroups && add_row(r, r->q.from, r->q.to,
		    g == &r->chan ? FU_NA_CLIENTS : 0) == -1))
			return nomem(e);
	}
	if (strmap_put(&g->spelling, s, n, i) == -1)
		return nomem(e);
	*out = i;
	return 0;
}

static void
groups_free(struct groups *g)
{
	size_t i;

	for (i = 0; i < g->n; i++) {
		free(g->v[i].key);
		free(g->v[i].name);
	}
	free(g->v);
	strmap_free(&g->spelling);
	strmap_free(&g->folded);
	memset(g, 0, sizeof(*g));
}

static int
month_parse(const char *s, int *y, int *m)
{
	size_t i;

	if (strlen(s) != 7 || s[4] != '-')
		return -1;
	for (i = 0; i < 7; i++)
		if (i != 4 && (s[i] < '0' || s[i] > '9'))
			return -1;
	*y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	*m = (s[5] - '0') * 10 + (s[6] - '0');
	return *y >= 1 && *m >= 1 && *m <= 12 ? 0 : -1;
}

int
fu_report_period(const char *month, const char *from, const char *to,
    fu_date today, fu_date *pfrom, fu_date *pto, struct fu_err *e)
{
	char d1[11], d2[11];
	int y, m, d;

	if (month != NULL && (from != NULL || to != NULL))
		return fu_err_usage(e, _("--month does not go with --from and "
		    "--to"));
	if (to != NULL && from == NULL)
		return fu_err_usage(e, _("--to goes with --from DATE"));
	fu_date_split(today, &y, &m, &d);
	if (month == NULL && from == NULL) {
		*pfrom = today - d + 1;
		*pto = today;
	} else if (month != NULL) {
		if (strcmp(month, "last") == 0) {
			if (--m == 0) {
				m = 12;
				y--;
			}
		} else if (strcmp(month, "this") != 0 &&
		    month_parse(month, &y, &m) == -1)
			return fu_err_usage(e, _("--month \"%s\" is not a month: "
			    "use YYYY-MM, this or last"), month);
		if (fu_date_ymd(y, m, 1, pfrom) == -1)
			return fu_err_usage(e, _("--month \"%s\" is not a "
			    "month: use YYYY-MM, this or last"), month);
		*pto = fu_date_add_months(*pfrom, 1) - 1;
	} else {
		if (fu_date_parse(from, today, pfrom, e) == -1)
			return -1;
		*pto = today;
		if (to != NULL && fu_date_parse(to, today, pto, e) == -1)
			return -1;
	}
	if (*pfrom > today)
		return fu_err_usage(e, _("the period starts on %s, after today "
		    "(%s): there is nothing to report yet"), fu_date_str(*pfrom,
		    d1), fu_date_str(today, d2));
	if (*pfrom > *pto)
		return fu_err_usage(e, _("the period starts on %s, after it "
		    "ends (%s)"), fu_date_str(*pfrom, d1), fu_date_str(*pto, d2));
	if (*pto > today)
		*pto = today;
	return 0;
}

static int
month_index(fu_date d)
{
	int y, m, day;

	fu_date_split(d, &y, &m, &day);
	return y * 12 + m - 1;
}

static int check_template(const struct fu_report_query *, struct fu_err *);

struct fu_report *
fu_report_new(const struct fu_report_query *q, struct fu_err *e)
{
	struct fu_report *r;
	size_t k;
	int m0 = month_index(q->from);

	if (q->from > q->to)
		return fu_err_usage(e, _("the period starts after it ends")),
		    NULL;
	if (q->by == FU_BY_MONTH && month_index(q->to) - m0 >=
	    FU_REPORT_MONTHS)
		return fu_err_usage(e, _("--by month covers at most %d months"),
		    FU_REPORT_MONTHS), NULL;
	if (q->fmt == FU_FMT_TEMPLATE && check_template(q, e) == -1)
		return NULL;
	if ((r = calloc(1, sizeof(*r))) == NULL)
		return nomem(e), NULL;
	r->q = *q;
	r->nt = q->by == FU_BY_MONTH ? (size_t)(month_index(q->to) - m0 + 1) :
	    1;
	r->rowgroups = q->by == FU_BY_CHANNEL ? &r->chan : q->by ==
	    FU_BY_STAGE ? &r->stage : NULL;
	if ((r->tfrom = calloc(r->nt, sizeof(fu_date))) == NULL ||
	    (r->tto = calloc(r->nt, sizeof(fu_date))) == NULL ||
	    (r->t6from = calloc(r->nt, sizeof(fu_date))) == NULL)
		goto nomem;
	for (k = 0; k < r->nt; k++) {
		fu_date first;

		fu_date_ymd((m0 + (int)k) / 12, (m0 + (int)k) % 12 + 1, 1,
		    &first);
		r->tfrom[k] = k == 0 ? q->from : first;
		r->tto[k] = k == r->nt - 1 ? q->to :
		    fu_date_add_months(first, 1) - 1;
		/* Six months that end at to: from the day after the same
		 * date six months before. */
		r->t6from[k] = fu_date_add_months(r->tto[k], -6) + 1;
		if (r->rowgroups == NULL && (q->by == FU_BY_MONTH || k == 0) &&
		    add_row(r, r->tfrom[k], r->tto[k], 0) == -1)
			goto nomem;
	}
	return r;
nomem:
	fu_report_free(r);
	return nomem(e), NULL;
}

void
fu_report_free(struct fu_report *r)
{
	size_t i;

	if (r == NULL)
		return;
	free(r->tfrom);
	free(r->tto);
	free(r->t6from);
	free(r->row);
	free(r->order);
	groups_free(&r->chan);
	groups_free(&r->stage);
	for (i = 0; i < r->nref; i++)
		free(r->ref[i].name);
	free(r->ref);
	for (i = 0; i < r->none; i++)
		free(r->one[i].name);
	free(r);
}

/*
 * The pass over one portfolio.  Each client has a word for each time
 * bucket (the period, or each month of it): the channel of its first log
 * row in the bucket, whether there were others, its last day there, and
 * how many rows, up to 255.
 */
#define W_CHAN(w)	((w) & 0xFFFFu)		/* channel + 1; 0: no row */
#define W_MULTI		0x10000u		/* more than one channel */
#define W_DAY(w)	((w) >> 17 & 0x1Fu)	/* last day in the month + 1 */
#define W_COUNT(w)	((w) >> 24)		/* rows, at most 255 */

#define EV_BEFORE 1		/* a lost or won event before the period */
#define EV_DURING 2		/* one in the period, with --by month */
#define EV_LOST 4		/* a lost event by the end of the period */

/* With --by month, the months at whose end a client has an open agreement:
 * one bit a month. */
_Static_assert(FU_REPORT_MONTHS <= 128, "a month mask holds 128 months");
struct months {
	uint64_t bit[2];
};

struct first {			/* a client's first sale up to the end */
	fu_stamp s;		/* 0 when none */
	fu_cents amount;
	size_t chan;
};

struct pass {
	struct fu_report *r;
	struct fu_state *st;	/* being loaded: the clients are there */
	int ready;
	uint32_t *w;		/* [clients * nt] */
	uint32_t *count;	/* [clients]: rows in the period (--by none) */
	fu_date *last_before;	/* [clients]: last row before (--by month) */
	struct first *first;	/* [clients] */
	size_t *srow;		/* [clients]: row of its stage (--by stage) */
	unsigned char *evf;	/* [clients]: EV_* */
	struct fu_idmap *ev;	/* client, bucket, lost or won -> stamp */
	/* With --by month, what is open at the end of each month: for each
	 * client, and in all as the change from the month before. */
	struct months *om;	/* [clients] */
	long long *dopen;	/* [nt + 1]: open */
	long long *ddue;	/* [nt + 1]: of those, overdue */
};

static fu_date
stamp_date(fu_stamp s)
{
	return (fu_date)((int64_t)(s >> 32) - 0x80000000LL);
}

/* Slot 0 is before the period, slot k + 1 the month k. */
static uint64_t
ev_key(const struct pass *p, size_t client, size_t slot, int won)
{
	return ((uint64_t)client * (p->r->nt + 1) + slot) * 2 + (won != 0) + 1;
}

static fu_stamp
ev_get(const struct pass *p, size_t client, size_t slot, int won)
{
	uint64_t v;

	return fu_idmap_get(p->ev, ev_key(p, client, slot, won), &v) ? v : 0;
}

static int
ev_later(struct pass *p, size_t client, size_t slot, int won, fu_stamp s)
{
	uint64_t key = ev_key(p, client, slot, won), v;

	p->evf[client] |= (slot == 0 ? EV_BEFORE : EV_DURING) |
	    (won ? 0 : EV_LOST);
	if (fu_idmap_get(p->ev, key, &v) && v >= s)
		return 0;
	return fu_idmap_put(p->ev, key, s);
}

static int
setup(struct pass *p, struct fu_err *e)
{
	struct fu_report *r = p->r;
	const struct fu_clients *cs = &p->st->clients;
	size_t n = cs->n + 1, i;

	p->ready = 1;
	if ((p->w = calloc(n * r->nt, sizeof(*p->w))) == NULL ||
	    (p->first = calloc(n, sizeof(*p->first))) == NULL ||
	    (p->evf = calloc(n, 1)) == NULL ||
	    (p->ev = fu_idmap_new()) == NULL ||
	    (r->q.by == FU_BY_NONE && (p->count = calloc(n,
	    sizeof(*p->count))) == NULL) ||
	    (r->nt > 1 && (p->last_before = malloc(n *
	    sizeof(*p->last_before))) == NULL) ||
	    (r->q.by == FU_BY_STAGE && (p->srow = malloc(n *
	    sizeof(*p->srow))) == NULL) ||
	    (r->nt > 1 && ((p->om = calloc(n, sizeof(*p->om))) == NULL ||
	    (p->dopen = calloc(r->nt + 1, sizeof(*p->dopen))) == NULL ||
	    (p->ddue = calloc(r->nt + 1, sizeof(*p->ddue))) == NULL)))
		return nomem(e);
	for (i = 0; p->last_before != NULL && i < n; i++)
		p->last_before[i] = FU_DATE_NONE;
	for (i = 0; p->srow != NULL && i < cs->n; i++)
		if (group_of(r, &r->stage, cs->v[i].stage, &p->srow[i], e) ==
		    -1)
			return -1;
	return 0;
}

static void
pass_free(struct pass *p)
{
	free(p->w);
	free(p->count);
	free(p->last_before);
	free(p->first);
	free(p->srow);
	free(p->evf);
	fu_idmap_free(p->ev);
	free(p->om);
	free(p->dopen);
	free(p->ddue);
}

/* The time bucket of a day in the period. */
static size_t
bucket(const struct fu_report *r, fu_date d)
{
	return r->nt == 1 ? 0 : (size_t)(month_index(d) -
	    month_index(r->q.from));
}

/* The row of a time bucket, a channel group or a client. */
static struct fu_figures *
row_of(const struct pass *p, size_t k, size_t chan, size_t client)
{
	switch (p->r->q.by) {
	case FU_BY_MONTH: return &p->r->row[k];
	case FU_BY_CHANNEL: return &p->r->row[chan];
	case FU_BY_STAGE: return &p->r->row[p->srow[client]];
	default: return &p->r->row[0];
	}
}

static void
touch(uint32_t *w, size_t chan, fu_date day)
{
	uint32_t c = chan + 1 > 0xFFFF ? 0xFFFF : (uint32_t)chan + 1;

	if (W_CHAN(*w) == 0)
		*w |= c;
	else if (W_CHAN(*w) != c)
		*w |= W_MULTI;
	if ((uint32_t)day + 1 > W_DAY(*w))
		*w = (*w & ~(0x1Fu << 17)) | ((uint32_t)day + 1) << 17;
	if (W_COUNT(*w) < 255)
		*w += 1u << 24;
}

static int
on_log(void *ctx, const struct fu_logrow *l, size_t ci, struct fu_err *e)
{
	struct pass *p = ctx;
	struct fu_report *r = p->r;
	struct fu_figures *f;
	fu_stamp s = FU_STAMP(l->date, l->id);
	size_t k, g = NOGROUP;
	int sale = l->has_amount && l->amount > 0;
	int event = l->outcome == FU_O_LOST || l->outcome == FU_O_WON;

	if (!p->ready && setup(p, e) == -1)
		return -1;
	if (l->date > r->q.to)
		return 0;
	if (l->date < r->q.from) {
		if (event && ev_later(p, ci, 0, l->outcome == FU_O_WON, s) ==
		    -1)
			return nomem(e);
		if (p->last_before != NULL && l->date > p->last_before[ci])
			p->last_before[ci] = l->date;
	}
	if (sale) {
		struct first *fs = &p->first[ci];

		if (group_of(r, &r->chan, l->channel, &g, e) == -1)
			return -1;
		/* As state.c: the earliest by date, then by log id. */
		if (fs->s == 0 || s < fs->s) {
			fs->s = s;
			fs->amount = l->amount;
			fs->chan = g;
		}
		for (k = 0; k < r->nt; k++)
			if (l->date >= r->t6from[k] && l->date <= r->tto[k]) {
				f = row_of(p, k, g, ci);
				f->sales6++;
				f->amount6 += l->amount;
			}
	}
	if (l->date < r->q.from)
		return 0;
	if (g == NOGROUP && group_of(r, &r->chan, l->channel, &g, e) == -1)
		return -1;
	k = bucket(r, l->date);
	f = row_of(p, k, g, ci);
	f->contacts++;
	switch (l->mood) {
	case FU_MOOD_PLUS: f->mood_plus++; break;
	case FU_MOOD_ZERO: f->mood_zero++; break;
	case FU_MOOD_MINUS: f->mood_minus++; break;
	default: break;
	}
	switch (l->outcome) {
	case FU_O_KEPT: f->kept++; break;
	case FU_O_BROKEN: f->broken++; break;
	case FU_O_MOVED: f->moved++; break;
	case FU_O_DROPPED: f->dropped++; break;
	case FU_O_LOST: f->clients_lost++; break;
	case FU_O_WON: f->clients_won++; break;
	default: break;
	}
	if (sale) {
		f->sales++;
		f->amount += l->amount;
	}
	r->chan.v[g].contacts++;
	touch(&p->w[ci * r->nt + k], g, r->nt > 1 ? l->date - r->tfrom[k] : 0);
	if (p->count != NULL)
		p->count[ci]++;
	if (r->nt > 1 && event && ev_later(p, ci, k + 1, l->outcome ==
	    FU_O_WON, s) == -1)
		return nomem(e);
	return 0;
}

static int
month_open(const struct months *m, size_t k)
{
	return (m->bit[k / 64] >> (k % 64) & 1) != 0;
}

/*
 * With --by month: the months at whose end an agreement is open, decided
 * as state.c decides it at the end of the period.  It is open at the end
 * of day D when it was made by D (or has no made date), no log row dated
 * by D closed it, and it was not dropped by a loss: the client's last lost
 * event by D is not later than the agreement's made stamp.  Each of these
 * holds from a month on or up to a month, so the months are a range
 * [k0, k1); of those, it is overdue from the first month that ends after
 * its due date.  The whole log was read before the first agreement, so
 * the client's lost events by month are all known here.
 */
static void
open_months(struct pass *p, const struct fu_agreement *a, size_t ci)
{
	const struct fu_report *r = p->r;
	const size_t nt = r->nt;
	size_t k0, k1, kd, k, slot;
	fu_stamp made;

	if (a->made != FU_DATE_NONE && a->made > r->q.to)
		return;
	k0 = a->made == FU_DATE_NONE || a->made < r->q.from ? 0 :
	    bucket(r, a->made);
	k1 = a->closed == FU_DATE_NONE || a->closed > r->q.to ? nt :
	    a->closed < r->q.from ? 0 : bucket(r, a->closed);
	/* A lost event in slot 0 (before the period) drops it from the
	 * first month on, one in slot k + 1 from month k on. */
	made = a->made == FU_DATE_NONE ? 1 : FU_STAMP(a->made, a->from);
	for (slot = 0; (p->evf[ci] & EV_LOST) && slot <= nt; slot++)
		if (ev_get(p, ci, slot, 0) > made) {
			k = slot == 0 ? 0 : slot - 1;
			k1 = k < k1 ? k : k1;
			break;
		}
	if (k0 >= k1)
		return;
	for (k = k0; k < k1; k++)
		p->om[ci].bit[k / 64] |= 1ULL << (k % 64);
	p->dopen[k0]++;
	p->dopen[k1]--;
	/* Overdue at the end of month k: due before tto[k]. */
	if (a->due < r->q.from)
		kd = 0;
	else if (a->due >= r->q.to)
		kd = nt;
	else {
		kd = bucket(r, a->due);
		kd += r->tto[kd] <= a->due;
	}
	kd = kd > k0 ? kd : k0;
	if (kd < k1) {
		p->ddue[kd]++;
		p->ddue[k1]--;
	}
}

static int
on_agreement(void *ctx, const struct fu_agreement *a, size_t ci,
    struct fu_err *e)
{
	struct pass *p = ctx;
	struct fu_report *r = p->r;
	size_t g = NOGROUP;

	if (!p->ready && setup(p, e) == -1)
		return -1;
	if (r->nt > 1)
		open_months(p, a, ci);
	if (a->made == FU_DATE_NONE || a->made < r->q.from ||
	    a->made > r->q.to)
		return 0;
	if (r->q.by == FU_BY_CHANNEL && group_of(r, &r->chan, a->channel, &g,
	    e) == -1)
		return -1;
	row_of(p, bucket(r, a->made), g, ci)->made++;
	return 0;
}

struct pair {			/* a new client referred, in a row */
	size_t row, referrer;
};

static int
by_pair(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;

	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	return x->referrer < y->referrer ? -1 : x->referrer > y->referrer;
}

static int
by_one(const struct fu_report *r, const struct one *x, const struct one *y)
{
	int c;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	if ((c = strcmp(x->name, y->name)) != 0)
		return c;
	return strcmp(r->chan.v[x->chan].name, r->chan.v[y->chan].name);
}

/* Keeps the first TOP_ONE_CHANNEL clients reached through one channel,
 * the most contacted first: the same over several portfolios as over
 * their union. */
static int
keep_one(struct fu_report *r, const char *name, size_t chan, long long n)
{
	struct one o = { NULL, chan, n };
	size_t i;

	o.name = (char *)name;
	if (r->none == TOP_ONE_CHANNEL &&
	    by_one(r, &o, &r->one[r->none - 1]) >= 0)
		return 0;
	if ((o.name = strdup(name)) == NULL)
		return -1;
	if (r->none == TOP_ONE_CHANNEL)
		free(r->one[--r->none].name);
	for (i = r->none; i > 0 && by_one(r, &o, &r->one[i - 1]) < 0; i--)
		r->one[i] = r->one[i - 1];
	r->one[i] = o;
	r->none++;
	return 0;
}

static int
add_refs(struct fu_report *r, const struct fu_state *st, struct pair *v,
    size_t n)
{
	size_t i, j;

	qsort(v, n, sizeof(*v), by_pair);
	for (i = 0; i < n; i = j) {
		for (j = i; j < n && by_pair(&v[i], &v[j]) == 0; j++)
			;
		if (r->nref == r->capref) {
			size_t cap = r->capref ? 2 * r->capref : 16;
			struct ref *x = realloc(r->ref, cap * sizeof(*x));

			if (x == NULL)
				return -1;
			r->ref = x;
			r->capref = cap;
		}
		r->ref[r->nref].row = v[i].row;
		r->ref[r->nref].n = (long long)(j - i);
		if ((r->ref[r->nref].name = strdup(
		    st->clients.v[v[i].referrer].name)) == NULL)
			return -1;
		r->nref++;
	}
	return 0;
}

/* After the pass: the clients, as of the end of each bucket. */
static int
finish(struct pass *p, struct fu_err *e)
{
	struct fu_report *r = p->r;
	const struct fu_state *st = p->st;
	const size_t nt = r->nt;
	struct pair *pairs = NULL;
	size_t npairs = 0, i, k;
	long long sum_open = 0, sum_due = 0, due_end = 0;
	int rc = -1;

	if ((pairs = malloc((st->clients.n + 1) * sizeof(*pairs))) == NULL)
		return nomem(e);
	for (i = 0; i < st->clients.n; i++) {
		const struct fu_clientrec *c = &st->clients.v[i];
		const struct fu_cstate *cs = &st->cs[i];
		const struct first *fs = &p->first[i];
		fu_stamp lm = 0, wm = 0;
		fu_date last = p->last_before ? p->last_before[i] :
		    FU_DATE_NONE, ref, d;
		int lost, lost_end;

		if (p->evf[i] & EV_BEFORE) {
			lm = ev_get(p, i, 0, 0);
			wm = ev_get(p, i, 0, 1);
		}
		lost = lm > wm;
		for (k = 0; k < nt && r->q.by != FU_BY_CHANNEL; k++) {
			struct fu_figures *f = row_of(p, k, NOGROUP, i);
			uint32_t w = p->w[i * nt + k];

			if (c->since == FU_DATE_NONE || c->since < r->tfrom[k])
				f->clients_start += !lost;
			if (k == nt - 1) {
				/* The end of the period: the state's. */
				lost_end = fu_state_status(st, i) == FU_LOST;
				last = cs->last;
			} else {
				if (p->evf[i] & EV_DURING) {
					fu_stamp x = ev_get(p, i, k + 1, 0);
					fu_stamp y = ev_get(p, i, k + 1, 1);

					lm = x > lm ? x : lm;
					wm = y > wm ? y : wm;
				}
				lost_end = lm > wm;
				if (W_DAY(w) != 0)
					last = r->tfrom[k] + (fu_date)W_DAY(w) -
					    1;
			}
			lost = lost_end;
			if (c->since != FU_DATE_NONE && c->since >= r->tfrom[k] &&
			    c->since <= r->tto[k]) {
				f->clients_new++;
				if (c->referred_by != 0) {
					f->referred++;
					pairs[npairs].row = (size_t)(f - r->row);
					pairs[npairs++].referrer = (size_t)(
					    fu_clients_get(&st->clients,
					    c->referred_by) - st->clients.v);
				}
			}
			if (lost_end || (c->since != FU_DATE_NONE &&
			    c->since > r->tto[k]))
				continue;
			f->clients_end++;
			f->contacted += W_CHAN(w) != 0;
			ref = last != FU_DATE_NONE ? last : c->since;
			f->silent_90 += ref == FU_DATE_NONE ||
			    r->tto[k] - ref >= SILENT_DAYS;
			if (W_COUNT(w) >= 2 && !(w & W_MULTI)) {
				f->one_channel++;
				if (p->count != NULL && keep_one(r, c->name,
				    W_CHAN(w) - 1, p->count[i]) == -1) {
					nomem(e);
					goto out;
				}
			}
			f->adrift += k == nt - 1 ? cs->open == 0 :
			    !month_open(&p->om[i], k);
		}
		if (nt > 1 && month_open(&p->om[i], nt - 1) !=
		    (cs->open != 0)) {
			fu_err_usage(e, _("what client %llu has open at the "
			    "end is not the state's: a bug in fu"),
			    (unsigned long long)c->id);
			goto out;
		}
		if (cs->first_sale == 0)
			continue;
		if (fs->s != cs->first_sale) {
			fu_err_usage(e, _("the first sale of client %llu is "
			    "not the state's: a bug in fu"),
			    (unsigned long long)c->id);
			goto out;
		}
		d = stamp_date(cs->first_sale);
		for (k = 0; k < nt; k++) {
			struct fu_figures *f = row_of(p, k, fs->chan, i);

			if (d >= r->tfrom[k] && d <= r->tto[k]) {
				f->sales_new++;
				f->amount_new += fs->amount;
			}
			if (d >= r->t6from[k] && d <= r->tto[k]) {
				f->sales6_new++;
				f->amount6_new += fs->amount;
			}
		}
	}
	for (i = 0; i < st->nopen; i++) {
		const struct fu_open *o = &st->open[i];
		size_t g = NOGROUP;
		struct fu_figures *f;

		if (r->q.by == FU_BY_CHANNEL && group_of(r, &r->chan,
		    o->channel, &g, e) == -1)
			goto out;
		f = row_of(p, nt - 1, g, o->client);
		f->open++;
		f->overdue += o->due < r->q.to;
		due_end += o->due < r->q.to;
	}
	/* The months before the last, from the agreements' month ranges; the
	 * last month's, so counted, must be the state's. */
	for (k = 0; k < nt && nt > 1; k++) {
		sum_open += p->dopen[k];
		sum_due += p->ddue[k];
		if (k < nt - 1) {
			r->row[k].open += sum_open;
			r->row[k].overdue += sum_due;
		} else if (sum_open != (long long)st->nopen ||
		    sum_due != due_end) {
			fu_err_usage(e, _("the agreements open at the end are "
			    "not the state's: a bug in fu"));
			goto out;
		}
	}
	if (add_refs(r, st, pairs, npairs) == -1) {
		nomem(e);
		goto out;
	}
	rc = 0;
out:
	free(pairs);
	return rc;
}

static int
row_empty(const struct fu_figures *f)
{
	static const struct fu_figures zero;
	struct fu_figures x = *f;

	x.from = x.to = 0;
	x.na = 0;
	return memcmp(&x, &zero, sizeof(x)) == 0;
}

static const struct fu_report *sort_report;

static int
by_key(const void *a, const void *b)
{
	const struct group *x = &sort_report->rowgroups->v[*(const size_t *)a];
	const struct group *y = &sort_report->rowgroups->v[*(const size_t *)b];

	/* Those with no channel or stage go last. */
	if ((*x->key == '\0') != (*y->key == '\0'))
		return *x->key == '\0' ? 1 : -1;
	return strcmp(x->key, y->key);
}

/* The rows as printed: months in order; channels and stages by name,
 * leaving out those with nothing in the period. */
static int
make_order(struct fu_report *r)
{
	size_t i;

	free(r->order);
	r->norder = 0;
	if ((r->order = malloc((r->nrows + 1) * sizeof(*r->order))) == NULL)
		return -1;
	for (i = 0; i < r->nrows; i++)
		if (r->rowgroups == NULL || !row_empty(&r->row[i]))
			r->order[r->norder++] = i;
	if (r->rowgroups != NULL) {
		sort_report = r;
		qsort(r->order, r->norder, sizeof(*r->order), by_key);
		sort_report = NULL;
	}
	return 0;
}

int
fu_report_add(struct fu_report *r, struct fu_portfolio *pf, struct fu_err *e)
{
	struct fu_state_hooks h = { on_log, on_agreement, NULL };
	struct fu_state st;
	struct pass p;
	int rc = -1;

	memset(&p, 0, sizeof(p));
	p.r = r;
	p.st = &st;
	h.ctx = &p;
	if (fu_state_load(pf, r->q.to, &h, &st, e) == -1) {
		pass_free(&p);
		return -1;
	}
	if ((p.ready || setup(&p, e) == 0) && finish(&p, e) == 0) {
		if (make_order(r) == -1)
			nomem(e);
		else
			rc = 0;
	}
	r->nportfolios++;
	pass_free(&p);
	fu_state_free(&st);
	return rc;
}

size_t
fu_report_rows(const struct fu_report *r)
{
	return r->order != NULL ? r->norder : r->rowgroups ? 0 : r->nrows;
}

static const char *
row_key(const struct fu_report *r, size_t i, char buf[11])
{
	int y, m, d;

	if (r->rowgroups != NULL)
		return r->rowgroups->v[i].name;
	if (r->q.by != FU_BY_MONTH)
		return "";
	fu_date_split(r->row[i].from, &y, &m, &d);
	snprintf(buf, 11, "%04d-%02d", y % 10000, m % 100);
	return buf;
}

const struct fu_figures *
fu_report_row(const struct fu_report *r, size_t i, const char **key)
{
	static char buf[11];

	if (i >= fu_report_rows(r))
		return NULL;
	if (r->order != NULL)
		i = r->order[i];
	if (key != NULL)
		*key = row_key(r, i, buf);
	return &r->row[i];
}

/*
 * Printing.  The fields are those of SPEC section 5, in its order, then
 * those fu-stats adds: the amounts of the 50/50 balance, the clients
 * reached through one channel only, and the top referrers.
 */
enum {
	F_FROM, F_TO, F_CLIENTS_START, F_CLIENTS_NEW, F_CLIENTS_LOST,
	F_CLIENTS_WON, F_CLIENTS_END, F_RETENTION, F_CHURN, F_CONTACTED,
	F_COVERAGE, F_SILENT_90, F_MADE, F_KEPT, F_BROKEN, F_MOVED, F_DROPPED,
	F_KEPT_RATE, F_OPEN, F_OVERDUE, F_ADRIFT, F_SALES, F_AMOUNT,
	F_SALES_EXISTING, F_SALES_NEW, F_SALES6_EXISTING, F_SALES6_NEW,
	F_REFERRED, F_REFERRAL_SHARE, F_CONTACTS, F_MOOD_PLUS, F_MOOD_ZERO,
	F_MOOD_MINUS, F_AMOUNT_EXISTING, F_AMOUNT_NEW, F_AMOUNT6_EXISTING,
	F_AMOUNT6_NEW, F_ONE_CHANNEL, F_TOP_REFERRERS, NFIELDS
};

static const struct fu_field fields[NFIELDS] = {
	{ "from", N_("FROM"), 0 },
	{ "to", N_("TO"), 0 },
	{ "clients_start", N_("START"), FU_F_NUM },
	{ "clients_new", N_("NEW"), FU_F_NUM },
	{ "clients_lost", N_("LOST"), FU_F_NUM },
	{ "clients_won", N_("WON"), FU_F_NUM },
	{ "clients_end", N_("CLIENTS"), FU_F_NUM },
	{ "retention", N_("RETENTION"), FU_F_NUM },
	{ "churn", N_("CHURN"), FU_F_NUM },
	{ "contacted", N_("CONTACTED"), FU_F_NUM },
	{ "coverage", N_("COVERAGE"), FU_F_NUM },
	{ "silent_90", N_("SILENT"), FU_F_NUM },
	{ "made", N_("MADE"), FU_F_NUM },
	{ "kept", N_("KEPT"), FU_F_NUM },
	{ "broken", N_("BROKEN"), FU_F_NUM },
	{ "moved", N_("MOVED"), FU_F_NUM },
	{ "dropped", N_("DROPPED"), FU_F_NUM },
	{ "kept_rate", N_("KEPT%"), FU_F_NUM },
	{ "open", N_("OPEN"), FU_F_NUM },
	{ "overdue", N_("OVERDUE"), FU_F_NUM },
	{ "adrift", N_("ADRIFT"), FU_F_NUM },
	{ "sales", N_("SALES"), FU_F_NUM },
	{ "amount", N_("AMOUNT"), FU_F_NUM },
	{ "sales_existing", N_("EXISTING"), FU_F_NUM },
	{ "sales_new", N_("NEW"), FU_F_NUM },
	{ "sales6_existing", N_("EXISTING 6M"), FU_F_NUM },
	{ "sales6_new", N_("NEW 6M"), FU_F_NUM },
	{ "referred", N_("REFERRED"), FU_F_NUM },
	{ "referral_share", N_("REFERRED%"), FU_F_NUM },
	{ "contacts", N_("CONTACTS"), FU_F_NUM },
	{ "mood_plus", N_("+"), FU_F_NUM },
	{ "mood_zero", N_("0"), FU_F_NUM },
	{ "mood_minus", N_("-"), FU_F_NUM },
	{ "amount_existing", N_("EXISTING"), FU_F_NUM },
	{ "amount_new", N_("NEW"), FU_F_NUM },
	{ "amount6_existing", N_("EXISTING 6M"), FU_F_NUM },
	{ "amount6_new", N_("NEW 6M"), FU_F_NUM },
	{ "one_channel", N_("ONE CHANNEL"), FU_F_NUM },
	{ "top_referrers", N_("TOP REFERRERS"), FU_F_CUT },
};

/* The key column of --by. */
static const struct fu_field keys[] = {
	{ "", "", 0 },
	{ "month", N_("MONTH"), 0 },
	{ "channel", N_("CHANNEL"), FU_F_CUT },
	{ "stage", N_("STAGE"), FU_F_CUT },
};

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
	struct refsort v[TOP_REFERRERS];
	size_t n = top_refs(r, row, v, TOP_REFERRERS), i;
	char cnt[32];
	int rc = 0;

	b->len = 0;
	for (i = 0; i < n && rc == 0; i++) {
		snprintf(cnt, sizeof(cnt), " (%lld)", v[i].n);
		rc = (i > 0 ? fu_buf_add(b, "; ", 2) : 0) | fu_buf_add(b,
		    v[i].name, strlen(v[i].name)) | fu_buf_add(b, cnt,
		    strlen(cnt));
	}
	return rc | fu_buf_add(b, "", 1);
}

/* The values of a row's fields, as text or raw; buf holds them. */
static int
values(const struct fu_report *r, size_t row, int text, char buf[][32],
    struct fu_buf *refs, const char **v)
{
	const struct fu_figures *f = &r->row[row];
	int i;

	v[F_FROM] = fu_date_str(f->from, buf[F_FROM]);
	v[F_TO] = fu_date_str(f->to, buf[F_TO]);
	v[F_CLIENTS_START] = num(buf[F_CLIENTS_START], f->clients_start);
	v[F_CLIENTS_NEW] = num(buf[F_CLIENTS_NEW], f->clients_new);
	v[F_CLIENTS_LOST] = num(buf[F_CLIENTS_LOST], f->clients_lost);
	v[F_CLIENTS_WON] = num(buf[F_CLIENTS_WON], f->clients_won);
	v[F_CLIENTS_END] = num(buf[F_CLIENTS_END], f->clients_end);
	v[F_RETENTION] = pct(buf[F_RETENTION], f->clients_end -
	    f->clients_new - f->clients_won, f->clients_start, text);
	v[F_CHURN] = pct(buf[F_CHURN], f->clients_lost, f->clients_start,
	    text);
	v[F_CONTACTED] = num(buf[F_CONTACTED], f->contacted);
	v[F_COVERAGE] = pct(buf[F_COVERAGE], f->contacted, f->clients_end,
	    text);
	v[F_SILENT_90] = num(buf[F_SILENT_90], f->silent_90);
	v[F_MADE] = num(buf[F_MADE], f->made);
	v[F_KEPT] = num(buf[F_KEPT], f->kept);
	v[F_BROKEN] = num(buf[F_BROKEN], f->broken);
	v[F_MOVED] = num(buf[F_MOVED], f->moved);
	v[F_DROPPED] = num(buf[F_DROPPED], f->dropped);
	v[F_KEPT_RATE] = pct(buf[F_KEPT_RATE], f->kept, f->kept + f->broken,
	    text);
	v[F_OPEN] = num(buf[F_OPEN], f->open);
	v[F_OVERDUE] = num(buf[F_OVERDUE], f->overdue);
	v[F_ADRIFT] = num(buf[F_ADRIFT], f->adrift);
	v[F_SALES] = num(buf[F_SALES], f->sales);
	v[F_AMOUNT] = fu_money_str(f->amount, buf[F_AMOUNT]);
	v[F_SALES_EXISTING] = num(buf[F_SALES_EXISTING], f->sales -
	    f->sales_new);
	v[F_SALES_NEW] = num(buf[F_SALES_NEW], f->sales_new);
	v[F_SALES6_EXISTING] = num(buf[F_SALES6_EXISTING], f->sales6 -
	    f->sales6_new);
	v[F_SALES6_NEW] = num(buf[F_SALES6_NEW], f->sales6_new);
	v[F_REFERRED] = num(buf[F_REFERRED], f->referred);
	v[F_REFERRAL_SHARE] = pct(buf[F_REFERRAL_SHARE], f->referred,
	    f->clients_new, text);
	v[F_CONTACTS] = num(buf[F_CONTACTS], f->contacts);
	v[F_MOOD_PLUS] = num(buf[F_MOOD_PLUS], f->mood_plus);
	v[F_MOOD_ZERO] = num(buf[F_MOOD_ZERO], f->mood_zero);
	v[F_MOOD_MINUS] = num(buf[F_MOOD_MINUS], f->mood_minus);
	v[F_AMOUNT_EXISTING] = fu_money_str(f->amount - f->amount_new,
	    buf[F_AMOUNT_EXISTING]);
	v[F_AMOUNT_NEW] = fu_money_str(f->amount_new, buf[F_AMOUNT_NEW]);
	v[F_AMOUNT6_EXISTING] = fu_money_str(f->amount6 - f->amount6_new,
	    buf[F_AMOUNT6_EXISTING]);
	v[F_AMOUNT6_NEW] = fu_money_str(f->amount6_new, buf[F_AMOUNT6_NEW]);
	v[F_ONE_CHANNEL] = num(buf[F_ONE_CHANNEL], f->one_channel);
	if (refs_str(r, row, refs) == -1)
		return -1;
	v[F_TOP_REFERRERS] = refs->p;
	/* What a row cannot give is left empty. */
	if (f->na & FU_NA_CLIENTS) {
		static const int client_fields[] = {
			F_CLIENTS_START, F_CLIENTS_NEW, F_CLIENTS_LOST,
			F_CLIENTS_WON, F_CLIENTS_END, F_RETENTION, F_CHURN,
			F_CONTACTED, F_COVERAGE, F_SILENT_90, F_ADRIFT,
			F_REFERRED, F_REFERRAL_SHARE, F_ONE_CHANNEL,
			F_TOP_REFERRERS
		};

		for (i = 0; i < (int)(sizeof(client_fields) /
		    sizeof(client_fields[0])); i++)
			v[client_fields[i]] = "";
	}
	return 0;
}

/* A template naming an unknown field is refused before any file is read. */
static int
check_template(const struct fu_report_query *q, struct fu_err *e)
{
	struct fu_field f[NFIELDS + 1];
	struct fu_out o;
	int base = q->by != FU_BY_NONE, rc;

	if (base)
		f[0] = keys[q->by];
	memcpy(f + base, fields, sizeof(fields));
	rc = fu_out_init(&o, q->fmt, q->tmpl, f, NFIELDS + base, e);
	fu_out_discard(&o);
	return rc;
}

/* For scripts: one row a line, every field. */
static int
print_machine(const struct fu_report *r, struct fu_err *e)
{
	struct fu_field f[NFIELDS + 1];
	const char *v[NFIELDS + 1];
	char buf[NFIELDS][32], kbuf[11];
	struct fu_buf refs = { 0 };
	struct fu_out o;
	int base = r->q.by != FU_BY_NONE, rc = 0;
	size_t i, row;

	if (base)
		f[0] = keys[r->q.by];
	memcpy(f + base, fields, sizeof(fields));
	if (fu_out_init(&o, r->q.fmt, r->q.tmpl, f, NFIELDS + base, e) == -1)
		return -1;
	for (i = 0; i < fu_report_rows(r) && rc == 0; i++) {
		row = r->order != NULL ? r->order[i] : i;
		if (base)
			v[0] = row_key(r, row, kbuf);
		if ((rc = values(r, row, 0, buf, &refs, v + base)) == -1)
			nomem(e);
		else
			rc = fu_out_row(&o, v, e);
	}
	fu_buf_free(&refs);
	if (fu_out_end(&o, e) == -1)
		rc = -1;
	return rc;
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

/* Coverage as a bar of ten, one mark a tenth, and the percentage. */
static const char *
bar(char buf[64], const struct fu_figures *f, const char *percent)
{
	long long full;
	int i;

	if (f->clients_end == 0)
		return percent;
	full = (20 * f->contacted + f->clients_end) / (2 * f->clients_end);
	for (i = 0; i < 10; i++)
		buf[i] = i < full ? '#' : '.';
	snprintf(buf + 10, 54, " %6s", percent);
	return buf;
}

static int
print_table(const struct fu_report *r, struct fu_err *e)
{
	const int *cols = r->q.by == FU_BY_MONTH ? month_cols : r->q.by ==
	    FU_BY_CHANNEL ? channel_cols : stage_cols;
	int ncols = r->q.by == FU_BY_MONTH ? (int)(sizeof(month_cols) /
	    sizeof(int)) : r->q.by == FU_BY_CHANNEL ? (int)(sizeof(
	    channel_cols) / sizeof(int)) : (int)(sizeof(stage_cols) /
	    sizeof(int));
	struct fu_field f[16];
	const char *all[NFIELDS], *v[16];
	char buf[NFIELDS][32], kbuf[11], barbuf[64];
	struct fu_buf refs = { 0 };
	struct fu_out o;
	size_t i, row;
	int k, rc = 0;

	f[0] = keys[r->q.by];
	for (k = 0; k < ncols; k++) {
		f[k + 1] = fields[cols[k]];
		/* The bar is text, and left-aligned. */
		if (r->q.by == FU_BY_MONTH && cols[k] == F_COVERAGE)
			f[k + 1].flags = 0;
	}
	if (fu_out_init(&o, FU_FMT_TEXT, NULL, f, ncols + 1, e) == -1)
		return -1;
	for (i = 0; i < fu_report_rows(r) && rc == 0; i++) {
		row = r->order != NULL ? r->order[i] : i;
		v[0] = row_key(r, row, kbuf);
		if (*v[0] == '\0')
			v[0] = _("(none)");
		if (values(r, row, 1, buf, &refs, all) == -1) {
			rc = nomem(e);
			break;
		}
		for (k = 0; k < ncols; k++)
			v[k + 1] = r->q.by == FU_BY_MONTH && cols[k] ==
			    F_COVERAGE ? bar(barbuf, &r->row[row],
			    all[F_COVERAGE]) : all[cols[k]];
		rc = fu_out_row(&o, v, e);
	}
	fu_buf_free(&refs);
	if (fu_out_end(&o, e) == -1)
		rc = -1;
	return rc;
}

/*
 * The report for a person: sections of labels and figures in two columns
 * of 36, to fit 80 columns.  Each line is built, then printed without its
 * trailing blanks.
 */
static void
put(struct fu_buf *b, const char *s, size_t w, int right)
{
	size_t n = fu_utf8_width(s, strlen(s));

	for (; right && n < w; n++)
		fu_buf_add(b, " ", 1);
	fu_buf_add(b, s, strlen(s));
	for (; !right && n < w; n++)
		fu_buf_add(b, " ", 1);
}

static void
end_line(struct fu_buf *b)
{
	while (b->len > 0 && b->p[b->len - 1] == ' ')
		b->len--;
	if (b->len > 0)
		fwrite(b->p, 1, b->len, stdout);
	putchar('\n');
	b->len = 0;
}

/* "  label ...... value": 36 columns, or more for a long label. */
static void
cell(struct fu_buf *b, const char *label, const char *value)
{
	size_t lw = fu_utf8_width(label, strlen(label));
	size_t vw = fu_utf8_width(value, strlen(value));

	put(b, "  ", 2, 0);
	put(b, label, 24, 0);
	lw = lw > 24 ? lw : 24;
	if (lw + 1 + vw <= 34)
		put(b, value, 34 - lw, 1);
	else {
		put(b, " ", 1, 0);
		put(b, value, 0, 0);
	}
}

static void
line2(struct fu_buf *b, const char *l1, const char *v1, const char *l2,
    const char *v2)
{
	if (l1 != NULL)
		cell(b, l1, v1);
	else
		put(b, "", 36, 0);
	if (l2 != NULL) {
		put(b, "    ", 4, 0);
		cell(b, l2, v2);
	}
	end_line(b);
}

static void
sales_line(struct fu_buf *b, const char *label, long long n,
    long long nall, fu_cents a, fu_cents aall, int share)
{
	char b1[32], b2[32], b3[32], b4[32];

	put(b, "  ", 2, 0);
	put(b, label, 30, 0);
	put(b, num(b1, n), 8, 1);
	put(b, share ? pct(b2, n, nall, 1) : "", 9, 1);
	put(b, fu_money_str(a, b3), 14, 1);
	put(b, share ? pct(b4, a, aall, 1) : "", 9, 1);
	end_line(b);
}

/* A name cut to w columns, with "..." where it is cut. */
static void
put_name(struct fu_buf *b, const char *s, size_t w)
{
	size_t n = strlen(s);

	if (fu_utf8_width(s, n) <= w) {
		put(b, s, w, 0);
		return;
	}
	n = fu_utf8_fit(s, n, w - 1);
	fu_buf_add(b, s, n);
	fu_buf_add(b, "\xE2\x80\xA6", 3);
	for (n = fu_utf8_width(s, n) + 1; n < w; n++)
		fu_buf_add(b, " ", 1);
}

static int
by_contacts(const void *a, const void *b)
{
	const struct group *x = *(const struct group *const *)a;
	const struct group *y = *(const struct group *const *)b;

	if (x->contacts != y->contacts)
		return x->contacts > y->contacts ? -1 : 1;
	return strcmp(x->key, y->key);
}

/* "By channel:  call 13, visit 4, ...", the most used first, wrapped at
 * 78 columns. */
static int
by_channel_line(struct fu_buf *b, const struct fu_report *r)
{
	const struct group **g;
	const char *head = _("By channel:");
	size_t i, n, col, w;
	char item[64];

	if ((g = malloc((r->chan.n + 1) * sizeof(*g))) == NULL)
		return -1;
	for (i = n = 0; i < r->chan.n; i++)
		if (r->chan.v[i].contacts > 0)
			g[n++] = &r->chan.v[i];
	qsort(g, n, sizeof(*g), by_contacts);
	put(b, "  ", 2, 0);
	put(b, head, 15, 0);
	col = 2 + fu_utf8_width(head, strlen(head));
	col = col > 17 ? col : 17;
	for (i = 0; i < n; i++) {
		const char *name = *g[i]->name ? g[i]->name : _("(none)");

		snprintf(item, sizeof(item), " %lld%s", g[i]->contacts,
		    i + 1 < n ? "," : "");
		w = fu_utf8_width(name, strlen(name)) + strlen(item);
		if (i > 0 && col + 1 + w > 78) {
			end_line(b);
			put(b, "", 17, 0);
			col = 17;
		} else if (i > 0 || col > 17) {
			put(b, " ", 1, 0);
			col++;
		}
		put(b, name, 0, 0);
		put(b, item, 0, 0);
		col += w;
	}
	if (n > 0)
		end_line(b);
	else
		b->len = 0;
	free(g);
	return 0;
}

static int
print_text(const struct fu_report *r, struct fu_err *e)
{
	const struct fu_figures *f = &r->row[0];
	const char *v[NFIELDS];
	char buf[NFIELDS][32], d1[11], d2[11], b1[64], b2[32];
	struct fu_buf refs = { 0 }, b = { 0 };
	struct refsort top[TOP_REFERRERS];
	size_t i, ntop;
	int rc = 0;

	if (values(r, 0, 1, buf, &refs, v) == -1)
		return nomem(e);
	fu_buf_free(&refs);
	if (r->nportfolios > 1)
		printf(_("Retention report, %s to %s, over %d portfolios\n"),
		    fu_date_str(f->from, d1), fu_date_str(f->to, d2),
		    r->nportfolios);
	else
		printf(_("Retention report, %s to %s\n"), fu_date_str(f->from,
		    d1), fu_date_str(f->to, d2));

	printf("\n%s\n", _("Clients"));
	line2(&b, _("At the start"), v[F_CLIENTS_START], _("Retention"),
	    v[F_RETENTION]);
	line2(&b, _("New"), v[F_CLIENTS_NEW], _("Churn"), v[F_CHURN]);
	line2(&b, _("Lost"), v[F_CLIENTS_LOST], _("Contacted"),
	    v[F_CONTACTED]);
	line2(&b, _("Won back"), v[F_CLIENTS_WON], _("Coverage"),
	    v[F_COVERAGE]);
	line2(&b, _("At the end"), v[F_CLIENTS_END], _("Silent 90 days or "
	    "more"), v[F_SILENT_90]);

	printf("\n%s\n", _("Agreements"));
	line2(&b, _("Made"), v[F_MADE], _("Kept rate"), v[F_KEPT_RATE]);
	line2(&b, _("Kept"), v[F_KEPT], _("Open at the end"), v[F_OPEN]);
	line2(&b, _("Broken"), v[F_BROKEN], _("Overdue at the end"),
	    v[F_OVERDUE]);
	line2(&b, _("Moved"), v[F_MOVED], _("Clients adrift"), v[F_ADRIFT]);
	line2(&b, _("Dropped"), v[F_DROPPED], NULL, NULL);

	putchar('\n');
	put(&b, _("Sales"), 32, 0);
	put(&b, _("count"), 8, 1);
	put(&b, _("share"), 9, 1);
	put(&b, _("amount"), 14, 1);
	put(&b, _("share"), 9, 1);
	end_line(&b);
	sales_line(&b, _("In the period"), f->sales, 0, f->amount, 0, 0);
	sales_line(&b, _("  to existing clients"), f->sales - f->sales_new,
	    f->sales, f->amount - f->amount_new, f->amount, 1);
	sales_line(&b, _("  to new clients"), f->sales_new, f->sales,
	    f->amount_new, f->amount, 1);
	snprintf(b1, sizeof(b1), _("Six months from %s"), fu_date_str(
	    fu_date_add_months(f->to, -6) + 1, d1));
	sales_line(&b, b1, f->sales6, 0, f->amount6, 0, 0);
	sales_line(&b, _("  to existing clients"), f->sales6 - f->sales6_new,
	    f->sales6, f->amount6 - f->amount6_new, f->amount6, 1);
	sales_line(&b, _("  to new clients"), f->sales6_new, f->sales6,
	    f->amount6_new, f->amount6, 1);
	printf("  %s\n", _("A healthy portfolio sells about half and half "
	    "over six months."));

	printf("\n%s\n", _("Referrals"));
	snprintf(b1, sizeof(b1), _("%lld of %lld"), f->referred,
	    f->clients_new);
	line2(&b, _("New clients referred"), b1, _("Referral share"),
	    v[F_REFERRAL_SHARE]);
	if ((ntop = top_refs(r, 0, top, TOP_REFERRERS)) > 0)
		printf("  %s\n", _("Top referrers, new clients referred:"));
	for (i = 0; i < ntop; i++) {
		put(&b, "    ", 4, 0);
		put_name(&b, top[i].name, 40);
		put(&b, num(b2, top[i].n), 8, 1);
		end_line(&b);
	}

	printf("\n%s\n", _("Contacts and mood"));
	line2(&b, _("Contacts"), v[F_CONTACTS], _("Mood +"), v[F_MOOD_PLUS]);
	line2(&b, _("One channel only"), v[F_ONE_CHANNEL], _("Mood 0"),
	    v[F_MOOD_ZERO]);
	line2(&b, NULL, NULL, _("Mood -"), v[F_MOOD_MINUS]);
	line2(&b, NULL, NULL, _("No mood noted"), num(b2, f->contacts -
	    f->mood_plus - f->mood_zero - f->mood_minus));
	if (by_channel_line(&b, r) == -1)
		rc = nomem(e);
	if (rc == 0 && r->none > 0)
		printf("  %s\n", _("Reached through one channel only, the most "
		    "contacts first:"));
	for (i = 0; rc == 0 && i < r->none; i++) {
		const char *c = r->chan.v[r->one[i].chan].name;

		put(&b, "    ", 4, 0);
		put_name(&b, r->one[i].name, 40);
		put(&b, " ", 1, 0);
		put_name(&b, *c ? c : _("(none)"), 16);
		put(&b, num(b2, r->one[i].n), 8, 1);
		end_line(&b);
	}
	fu_buf_free(&b);
	return rc;
}

int
fu_report_print(const struct fu_report *r, struct fu_err *e)
{
	if (r->q.fmt != FU_FMT_TEXT)
		return print_machine(r, e);
	if (r->q.by != FU_BY_NONE)
		return print_table(r, e);
	return print_text(r, e);
}
