/*
 * figures.c - the figures of the retention report (SPEC section 5): every
 * count of a period, over one portfolio or several.
 *
 * Each portfolio is read in one pass.  The state as of the period's last
 * day (who is lost, what is open, each client's last contact and first
 * sale) comes from fu_state_load.  What the report needs from other days is
 * collected by the pass's hooks as the rows go by: who was lost the day
 * before the period, which clients were contacted and through which
 * channels, and with --by month the same for each month, and what was open
 * at the end of each month.  It is kept in arrays of one slot a client (a
 * client and month with --by month), and in a map of the events that
 * change a client's standing (lost, won, consent taken back, a warning
 * sign and a kept step), so memory grows with the clients and never with
 * the length of the log; only the steps settled in the period are listed,
 * to be told apart by who owed them when the agreements are read.
 *
 * The counts are raw (enum fu_raw) and summed over the portfolios; rates
 * are computed from the sums when printed (report.c), so a report over
 * several portfolios is the report over their union.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "priv.h"

#define NOGROUP ((size_t)-1)
#define SILENT_DAYS 90

static int
nomem(struct fu_err *e)
{
	return fu_err_nomem(e);
}

/* Adds an amount to a sum, or says that the sum would pass what fu can
 * count (a wrong total is worse than none). */
static int
add_money(long long *sum, fu_cents a, const char *file, long line,
    struct fu_err *e)
{
	char max[32];

	if (a > 0 && *sum > INT64_MAX - a)
		return fu_err_data(e, file, line, _("the amounts add up to more "
		    "than %s, more than fu can count"), fu_money_str(INT64_MAX,
		    max));
	*sum += a;
	return 0;
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
group_of(struct fu_report *r, struct fu_groups *g, const char *s, size_t *out,
    struct fu_err *e)
{
	size_t n = strlen(s), i;
	char *f, *name;

	if (fu_strmap_get(&g->spelling, s, n, out))
		return 0;
	if ((f = fu_fold(s, n)) == NULL)
		return nomem(e);
	if (fu_strmap_get(&g->folded, f, strlen(f), &i)) {
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
			struct fu_group *v = realloc(g->v, cap * sizeof(*v));

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
		if (fu_strmap_put(&g->folded, f, strlen(f), i) == NULL ||
		    (g == r->rowgroups && add_row(r, r->q.from, r->q.to,
		    g == &r->chan ? FU_NA_CLIENTS : 0) == -1))
			return nomem(e);
	}
	if (fu_strmap_put(&g->spelling, s, n, i) == NULL)
		return nomem(e);
	*out = i;
	return 0;
}

static void
groups_free(struct fu_groups *g)
{
	size_t i;

	for (i = 0; i < g->n; i++) {
		free(g->v[i].key);
		free(g->v[i].name);
	}
	free(g->v);
	fu_strmap_free(&g->spelling);
	fu_strmap_free(&g->folded);
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
		/* In English or Spanish, in any case. */
		if (strcasecmp(month, "last") == 0 ||
		    strcasecmp(month, "pasado") == 0) {
			if (--m == 0) {
				m = 12;
				y--;
			}
		} else if (strcasecmp(month, "this") != 0 &&
		    strcasecmp(month, "este") != 0 &&
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

struct fu_report *
fu_report_new(const struct fu_report_spec *q, struct fu_err *e)
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

#define EV_BEFORE 1		/* an event before the period */
#define EV_DURING 2		/* one in the period, with --by month */
#define EV_LOST 4		/* a lost event by the end of the period */
#define EV_NO_CONSENT 8		/* consent taken back by then */

/* The events kept by time bucket. */
enum evkind { K_LOST, K_WON, K_NO_CONSENT, K_SIGNAL, K_KEPT, K_N };

struct settled {		/* a step kept or broken in the period */
	uint64_t agreement;
	size_t row;		/* the report's row that counted it */
	int kept;
	fu_date date;
};

struct event {			/* a client lost or won back, by the end */
	size_t client;
	fu_date date;
};

#define POST_SALE_DAYS 14	/* a sale cared for: its post-sale step
				 * kept within this many days */

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
	const char *logname;	/* for messages */
	struct fu_state *st;	/* being loaded: the clients are there */
	int ready;
	uint32_t *w;		/* [clients * nt] */
	uint32_t *count;	/* [clients]: rows in the period (--by none) */
	fu_date *last_before;	/* [clients]: last row before (--by month) */
	struct first *first;	/* [clients] */
	size_t *srow;		/* [clients]: row of its stage (--by stage) */
	unsigned char *evf;	/* [clients]: EV_* */
	uint64_t *action;	/* [clients]: the last sign's action, followed
				 * through its moves (--by month) */
	struct fu_idmap *ev;	/* client, bucket, kind -> last stamp */
	struct settled *set;	/* sorted by agreement once the log is read */
	size_t nset, capset;
	int set_sorted;
	/* For the figures of plans: the period's losses and sales by log
	 * id (row, and the sale's day), each until a plan's step names it;
	 * and every loss and win back up to the end, by client. */
	struct fu_idmap *lost_rows, *sale_rows;
	struct fu_idmap *kept_after;	/* agreement -> the day a row after
					 * the period kept it, up to
					 * POST_SALE_DAYS after: a sale near
					 * the end may be cared for then */
	struct event *lost, *won;
	size_t nlost, caplost, nwon, capwon;
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
ev_key(const struct pass *p, size_t client, size_t slot, enum evkind kind)
{
	return ((uint64_t)client * (p->r->nt + 1) + slot) * K_N + kind + 1;
}

static fu_stamp
ev_get(const struct pass *p, size_t client, size_t slot, enum evkind kind)
{
	uint64_t v;

	return fu_idmap_get(p->ev, ev_key(p, client, slot, kind), &v) ? v : 0;
}

static int
ev_later(struct pass *p, size_t client, size_t slot, enum evkind kind,
    fu_stamp s)
{
	uint64_t key = ev_key(p, client, slot, kind), v;

	p->evf[client] |= (slot == 0 ? EV_BEFORE : EV_DURING) |
	    (kind == K_LOST ? EV_LOST : 0) |
	    (kind == K_NO_CONSENT ? EV_NO_CONSENT : 0);
	if (fu_idmap_get(p->ev, key, &v) && v >= s)
		return 0;
	return fu_idmap_put(p->ev, key, s);
}

/* The kind of event a log row is, kept by bucket; K_N if none.  The
 * warning signs and kept steps only matter month by month. */
static enum evkind
ev_kind(const struct pass *p, enum fu_outcome o)
{
	switch (o) {
	case FU_O_LOST: return K_LOST;
	case FU_O_WON: return K_WON;
	case FU_O_NO_CONSENT: return K_NO_CONSENT;
	case FU_O_SIGNAL: return p->r->nt > 1 ? K_SIGNAL : K_N;
	case FU_O_KEPT: return p->r->nt > 1 ? K_KEPT : K_N;
	default: return K_N;
	}
}

static int
add_event(struct event **v, size_t *n, size_t *cap, size_t client,
    fu_date date)
{
	struct event *x;

	if (*n == *cap) {
		size_t c = *cap ? 2 * *cap : 64;

		if ((x = realloc(*v, c * sizeof(*x))) == NULL)
			return -1;
		*v = x;
		*cap = c;
	}
	(*v)[*n].client = client;
	(*v)[(*n)++].date = date;
	return 0;
}

static int
by_client(const void *a, const void *b)
{
	const struct event *x = a, *y = b;

	if (x->client != y->client)
		return x->client < y->client ? -1 : 1;
	return (x->date > y->date) - (x->date < y->date);
}

/* Notes a step kept or broken in the period, for the side that owed it. */
static int
note_settled(struct pass *p, uint64_t agreement, size_t row, int kept,
    fu_date date)
{
	struct settled *v;

	if (p->nset == p->capset) {
		size_t cap = p->capset ? 2 * p->capset : 64;

		if ((v = realloc(p->set, cap * sizeof(*v))) == NULL)
			return -1;
		p->set = v;
		p->capset = cap;
	}
	p->set[p->nset].agreement = agreement;
	p->set[p->nset].row = row;
	p->set[p->nset].date = date;
	p->set[p->nset++].kept = kept;
	return 0;
}

static int
by_agreement(const void *a, const void *b)
{
	const struct settled *x = a, *y = b;

	return x->agreement < y->agreement ? -1 : x->agreement > y->agreement;
}

/* The first of an agreement's rows that kept or broke it in the period,
 * or NULL; the others follow it. */
static const struct settled *
settled_of(struct pass *p, uint64_t agreement)
{
	struct settled key = { agreement, 0, 0, 0 }, *s;

	if (!p->set_sorted && p->nset > 0) {
		qsort(p->set, p->nset, sizeof(*p->set), by_agreement);
		p->set_sorted = 1;
	}
	if (p->nset == 0 || (s = bsearch(&key, p->set, p->nset,
	    sizeof(*p->set), by_agreement)) == NULL)
		return NULL;
	while (s > p->set && s[-1].agreement == agreement)
		s--;
	return s;
}

/* Counts the steps a client owed, once the agreement says so. */
static void
count_theirs(struct pass *p, uint64_t agreement)
{
	const struct settled *s = settled_of(p, agreement);

	for (; s != NULL && s < p->set + p->nset && s->agreement == agreement;
	    s++)
		p->r->row[s->row].n[s->kept ? FU_R_KEPT_THEIRS :
		    FU_R_BROKEN_THEIRS]++;
}

/* The figures of plans an agreement adds to: a loss that started a plan,
 * an exit interview held, a sale whose post-sale step was kept in time
 * (each once). */
static int
count_plan(struct pass *p, const struct fu_agreement *a)
{
	const struct settled *s, *first;
	char name[64];
	const char *mark;
	uint64_t v, later;

	if (*a->plan == '\0' ||
	    fu_plan_label_parse(a->plan, name, &mark) == -1)
		return 0;
	if (a->from != 0 && fu_idmap_get(p->lost_rows, a->from, &v)) {
		p->r->row[v].n[FU_R_EXIT_PLANS]++;
		fu_idmap_del(p->lost_rows, a->from);
	}
	first = settled_of(p, a->id);
	for (s = first; strcmp(mark, FU_MARK_INTERVIEW) == 0 && s != NULL &&
	    s < p->set + p->nset && s->agreement == a->id; s++)
		if (s->kept) {
			p->r->row[s->row].n[FU_R_INTERVIEWS]++;
			break;
		}
	if (strcmp(mark, FU_MARK_POST_SALE) != 0 || a->from == 0 ||
	    !fu_idmap_get(p->sale_rows, a->from, &v))
		return 0;
	for (s = first; s != NULL && s < p->set + p->nset &&
	    s->agreement == a->id; s++)
		if (s->kept && s->date - (fu_date)(uint32_t)v <=
		    POST_SALE_DAYS) {
			p->r->row[v >> 32].n[FU_R_POST_SALE_CARED]++;
			fu_idmap_del(p->sale_rows, a->from);
			return 0;
		}
	/* Kept after the period, in time. */
	if (fu_idmap_get(p->kept_after, a->id, &later) &&
	    (fu_date)(int64_t)later - (fu_date)(uint32_t)v <= POST_SALE_DAYS) {
		p->r->row[v >> 32].n[FU_R_POST_SALE_CARED]++;
		fu_idmap_del(p->sale_rows, a->from);
	}
	return 0;
}

/* With --by stage, the row of a client's stage, made when first needed. */
static int
stage_of(struct pass *p, size_t client, struct fu_err *e)
{
	if (p->srow == NULL || p->srow[client] != NOGROUP)
		return 0;
	return group_of(p->r, &p->r->stage, p->st->clients.v[client].stage,
	    &p->srow[client], e);
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
	    (p->lost_rows = fu_idmap_new()) == NULL ||
	    (p->sale_rows = fu_idmap_new()) == NULL ||
	    (p->kept_after = fu_idmap_new()) == NULL ||
	    (r->q.by == FU_BY_NONE && (p->count = calloc(n,
	    sizeof(*p->count))) == NULL) ||
	    (r->nt > 1 && (p->last_before = malloc(n *
	    sizeof(*p->last_before))) == NULL) ||
	    (r->q.by == FU_BY_STAGE && (p->srow = malloc(n *
	    sizeof(*p->srow))) == NULL) ||
	    (r->nt > 1 && ((p->om = calloc(n, sizeof(*p->om))) == NULL ||
	    (p->dopen = calloc(r->nt + 1, sizeof(*p->dopen))) == NULL ||
	    (p->ddue = calloc(r->nt + 1, sizeof(*p->ddue))) == NULL ||
	    (p->action = calloc(n, sizeof(*p->action))) == NULL)))
		return nomem(e);
	for (i = 0; p->last_before != NULL && i < n; i++)
		p->last_before[i] = FU_DATE_NONE;
	/* A client who came after the period has no say in its stages (not
	 * even in their spelling), unless a row of the period names it. */
	for (i = 0; p->srow != NULL && i < n; i++) {
		p->srow[i] = NOGROUP;
		if (i < cs->n && (cs->v[i].since == FU_DATE_NONE ||
		    cs->v[i].since <= r->q.to) && stage_of(p, i, e) == -1)
			return -1;
	}
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
	free(p->action);
	fu_idmap_free(p->ev);
	free(p->om);
	free(p->dopen);
	free(p->ddue);
	free(p->set);
	fu_idmap_free(p->lost_rows);
	fu_idmap_free(p->sale_rows);
	fu_idmap_free(p->kept_after);
	free(p->lost);
	free(p->won);
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
	case FU_BY_STAGE:
		if (p->srow[client] == NOGROUP)
			FU_BUG("a client's stage has no row");
		return &p->r->row[p->srow[client]];
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
	enum evkind kind = ev_kind(p, l->outcome);

	if (!p->ready && setup(p, e) == -1)
		return -1;
	if (l->outcome == FU_O_KEPT && l->date > r->q.to && l->date <=
	    r->q.to + POST_SALE_DAYS && l->date <= r->q.today &&
	    !fu_idmap_get(p->kept_after,
	    l->agreement, NULL) && fu_idmap_put(p->kept_after, l->agreement,
	    (uint64_t)(int64_t)l->date) == -1)
		return nomem(e);
	if (l->date > r->q.to || !FU_IS_CONTACT(l->outcome))
		return 0;
	if (stage_of(p, ci, e) == -1)
		return -1;
	/* As state.c: a client is at risk until the sign's action is kept. */
	if (p->action != NULL) {
		uint64_t *act = &p->action[ci];

		if (l->outcome == FU_O_SIGNAL)
			*act = l->next;
		else if (l->outcome == FU_O_MOVED && *act != 0 &&
		    l->agreement == *act)
			*act = l->next;
		else if (l->outcome == FU_O_KEPT && (*act == 0 ||
		    l->agreement != *act))
			kind = K_N;
	}
	if ((l->outcome == FU_O_LOST && add_event(&p->lost, &p->nlost,
	    &p->caplost, ci, l->date) == -1) || (l->outcome == FU_O_WON &&
	    add_event(&p->won, &p->nwon, &p->capwon, ci, l->date) == -1))
		return nomem(e);
	if (l->date < r->q.from) {
		if (kind != K_N && ev_later(p, ci, 0, kind, s) == -1)
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
				f->n[FU_R_SALES6]++;
				if (add_money(&f->n[FU_R_AMOUNT6], l->amount,
				    p->logname, l->line, e) == -1)
					return -1;
			}
	}
	if (l->date < r->q.from)
		return 0;
	if (g == NOGROUP && group_of(r, &r->chan, l->channel, &g, e) == -1)
		return -1;
	k = bucket(r, l->date);
	f = row_of(p, k, g, ci);
	f->n[FU_R_CONTACTS]++;
	switch (l->mood) {
	case FU_MOOD_PLUS: f->n[FU_R_MOOD_PLUS]++; break;
	case FU_MOOD_ZERO: f->n[FU_R_MOOD_ZERO]++; break;
	case FU_MOOD_MINUS: f->n[FU_R_MOOD_MINUS]++; break;
	default: break;
	}
	switch (l->outcome) {
	case FU_O_KEPT: f->n[FU_R_KEPT]++; break;
	case FU_O_BROKEN: f->n[FU_R_BROKEN]++; break;
	case FU_O_MOVED: f->n[FU_R_MOVED]++; break;
	case FU_O_DROPPED: f->n[FU_R_DROPPED]++; break;
	case FU_O_LOST: f->n[FU_R_CLIENTS_LOST]++; break;
	case FU_O_WON: f->n[FU_R_CLIENTS_WON]++; break;
	case FU_O_SIGNAL: f->n[FU_R_SIGNALS]++; break;
	case FU_O_GREETING: f->n[FU_R_GREETINGS]++; break;
	default: break;
	}
	if ((l->outcome == FU_O_KEPT || l->outcome == FU_O_BROKEN) &&
	    note_settled(p, l->agreement, (size_t)(f - r->row), l->outcome ==
	    FU_O_KEPT, l->date) == -1)
		return nomem(e);
	if ((l->outcome == FU_O_LOST && fu_idmap_put(p->lost_rows, l->id,
	    (uint64_t)(f - r->row)) == -1) || (sale && fu_idmap_put(
	    p->sale_rows, l->id, (uint64_t)(f - r->row) << 32 |
	    (uint32_t)l->date) == -1))
		return nomem(e);
	if (sale) {
		f->n[FU_R_SALES]++;
		if (add_money(&f->n[FU_R_AMOUNT], l->amount, p->logname,
		    l->line, e) == -1)
			return -1;
	}
	r->chan.v[g].contacts++;
	touch(&p->w[ci * r->nt + k], g, r->nt > 1 ? l->date - r->tfrom[k] : 0);
	if (p->count != NULL)
		p->count[ci]++;
	if (r->nt > 1 && kind != K_N && ev_later(p, ci, k + 1, kind, s) == -1)
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
 * event by D is not later than the agreement's made stamp (nor, for a
 * recurring one, consent taken back by D).  Each of these
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
	made = a->order;
	for (slot = 0; (p->evf[ci] & EV_LOST) && slot <= nt; slot++)
		if (ev_get(p, ci, slot, K_LOST) > made) {
			k = slot == 0 ? 0 : slot - 1;
			k1 = k < k1 ? k : k1;
			break;
		}
	for (slot = 0; a->every.n > 0 && (p->evf[ci] & EV_NO_CONSENT) &&
	    slot <= nt; slot++)
		if (ev_get(p, ci, slot, K_NO_CONSENT) > made) {
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
	if (a->side == FU_SIDE_CLIENT)
		count_theirs(p, a->id);
	if (count_plan(p, a) == -1)
		return nomem(e);
	if (a->made == FU_DATE_NONE || a->made < r->q.from ||
	    a->made > r->q.to)
		return 0;
	if (r->q.by == FU_BY_CHANNEL && group_of(r, &r->chan, a->channel, &g,
	    e) == -1)
		return -1;
	if (stage_of(p, ci, e) == -1)
		return -1;
	row_of(p, bucket(r, a->made), g, ci)->n[FU_R_MADE]++;
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
by_one(const struct fu_report *r, const struct fu_one_channel *x, const struct fu_one_channel *y)
{
	int c;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	if ((c = strcmp(x->name, y->name)) != 0)
		return c;
	return strcmp(r->chan.v[x->chan].name, r->chan.v[y->chan].name);
}

/* Keeps the first FU_TOP_ONE_CHANNEL clients reached through one channel,
 * the most contacted first: the same over several portfolios as over
 * their union. */
static int
keep_one(struct fu_report *r, const char *name, size_t chan, long long n)
{
	struct fu_one_channel o = { NULL, chan, n };
	size_t i;

	o.name = (char *)name;
	if (r->none == FU_TOP_ONE_CHANNEL &&
	    by_one(r, &o, &r->one[r->none - 1]) >= 0)
		return 0;
	if ((o.name = strdup(name)) == NULL)
		return -1;
	if (r->none == FU_TOP_ONE_CHANNEL)
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
			struct fu_referrer *x = realloc(r->ref, cap * sizeof(*x));

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

/* The win-back rate at the end of each bucket: of the clients lost in
 * the twelve months before it (the first loss in them), those won back
 * since, by then. */
static void
count_winback(struct pass *p)
{
	struct fu_report *r = p->r;
	size_t k, i, j, w = 0;

	if (r->q.by == FU_BY_CHANNEL)
		return;		/* client figures: none by channel */
	/* qsort(3) may not be given NULL, even for no element. */
	if (p->nlost > 0)
		qsort(p->lost, p->nlost, sizeof(*p->lost), by_client);
	if (p->nwon > 0)
		qsort(p->won, p->nwon, sizeof(*p->won), by_client);
	for (k = 0; k < r->nt; k++) {
		fu_date to = r->tto[k];
		fu_date from = fu_date_add_months(to, -12) + 1;

		for (i = 0, w = 0; i < p->nlost; i = j) {
			size_t c = p->lost[i].client;
			fu_date first = FU_DATE_NONE;
			struct fu_figures *f;

			for (j = i; j < p->nlost && p->lost[j].client == c; j++)
				if (first == FU_DATE_NONE &&
				    p->lost[j].date >= from &&
				    p->lost[j].date <= to)
					first = p->lost[j].date;
			if (first == FU_DATE_NONE)
				continue;
			f = row_of(p, k, NOGROUP, c);
			f->n[FU_R_LOST_12M]++;
			while (w < p->nwon && p->won[w].client < c)
				w++;
			for (; w < p->nwon && p->won[w].client == c; w++)
				if (p->won[w].date > first &&
				    p->won[w].date <= to) {
					f->n[FU_R_WON_BACK_12M]++;
					break;
				}
		}
	}
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
		fu_stamp lm = 0, wm = 0, sm = 0, km = 0;
		fu_date last = p->last_before ? p->last_before[i] :
		    FU_DATE_NONE, ref, d;
		int lost, lost_end, risk_end;
		uint64_t referrer = fu_state_referrer(st, i);

		if (p->evf[i] & EV_BEFORE) {
			lm = ev_get(p, i, 0, K_LOST);
			wm = ev_get(p, i, 0, K_WON);
			sm = ev_get(p, i, 0, K_SIGNAL);
			km = ev_get(p, i, 0, K_KEPT);
		}
		lost = lm > wm;
		for (k = 0; k < nt && r->q.by != FU_BY_CHANNEL; k++) {
			/* A client who came later counts nowhere. */
			struct fu_figures *f = p->srow != NULL && p->srow[i] ==
			    NOGROUP ? NULL : row_of(p, k, NOGROUP, i);
			uint32_t w = p->w[i * nt + k];

			if (c->since == FU_DATE_NONE || c->since < r->tfrom[k])
				f->n[FU_R_CLIENTS_START] += !lost;
			if (p->evf[i] & EV_DURING) {
				fu_stamp x[K_N];
				int kind;

				for (kind = 0; kind < K_N; kind++)
					x[kind] = ev_get(p, i, k + 1, kind);
				lm = x[K_LOST] > lm ? x[K_LOST] : lm;
				wm = x[K_WON] > wm ? x[K_WON] : wm;
				sm = x[K_SIGNAL] > sm ? x[K_SIGNAL] : sm;
				km = x[K_KEPT] > km ? x[K_KEPT] : km;
			}
			/* As fu_state_status, at the end of month k. */
			risk_end = lm <= wm && sm != 0 && sm > km && sm > wm;
			if (k == nt - 1) {
				/* The end of the period: the state's, which
				 * the months' must agree with. */
				lost_end = fu_state_status(st, i) == FU_LOST;
				if (nt > 1 && risk_end != (fu_state_status(st,
				    i) == FU_AT_RISK))
					FU_BUG("who is at risk at the end is "
					    "not the state's");
				risk_end = fu_state_status(st, i) ==
				    FU_AT_RISK;
				last = cs->last;
			} else {
				lost_end = lm > wm;
				if (W_DAY(w) != 0)
					last = r->tfrom[k] + (fu_date)W_DAY(w) -
					    1;
			}
			lost = lost_end;
			if (c->since != FU_DATE_NONE && c->since >= r->tfrom[k] &&
			    c->since <= r->tto[k]) {
				f->n[FU_R_CLIENTS_NEW]++;
				/* Referred in clients.csv or in the log, once. */
				if (referrer != 0) {
					f->n[FU_R_REFERRED]++;
					pairs[npairs].row = (size_t)(f - r->row);
					pairs[npairs++].referrer = (size_t)(
					    fu_clients_get(&st->clients,
					    referrer) - st->clients.v);
				}
			}
			if (lost_end || (c->since != FU_DATE_NONE &&
			    c->since > r->tto[k]))
				continue;
			f->n[FU_R_CLIENTS_END]++;
			f->n[FU_R_AT_RISK] += risk_end;
			f->n[FU_R_CONTACTED] += W_CHAN(w) != 0;
			ref = last != FU_DATE_NONE ? last : c->since;
			f->n[FU_R_SILENT_90] += ref == FU_DATE_NONE ||
			    r->tto[k] - ref >= SILENT_DAYS;
			if (W_COUNT(w) >= 2 && !(w & W_MULTI)) {
				f->n[FU_R_ONE_CHANNEL]++;
				if (p->count != NULL && keep_one(r, c->name,
				    W_CHAN(w) - 1, p->count[i]) == -1) {
					nomem(e);
					goto out;
				}
			}
			f->n[FU_R_ADRIFT] += k == nt - 1 ? cs->open == 0 :
			    !month_open(&p->om[i], k);
		}
		if (nt > 1 && month_open(&p->om[i], nt - 1) !=
		    (cs->open != 0)) {
			FU_BUG("what a client has open at the end is not the "
			    "state's");
		}
		if (cs->first_sale == 0)
			continue;
		if (fs->s != cs->first_sale) {
			FU_BUG("a client's first sale is not the state's");
		}
		d = stamp_date(cs->first_sale);
		for (k = 0; k < nt; k++) {
			struct fu_figures *f = row_of(p, k, fs->chan, i);

			if (d >= r->tfrom[k] && d <= r->tto[k]) {
				f->n[FU_R_SALES_NEW]++;
				if (add_money(&f->n[FU_R_AMOUNT_NEW],
				    fs->amount, p->logname, 0, e) == -1)
					goto out;
			}
			if (d >= r->t6from[k] && d <= r->tto[k]) {
				f->n[FU_R_SALES6_NEW]++;
				if (add_money(&f->n[FU_R_AMOUNT6_NEW],
				    fs->amount, p->logname, 0, e) == -1)
					goto out;
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
		if (stage_of(p, o->client, e) == -1)
			goto out;
		f = row_of(p, nt - 1, g, o->client);
		f->n[FU_R_OPEN]++;
		f->n[FU_R_OVERDUE] += o->due < r->q.to;
		due_end += o->due < r->q.to;
	}
	/* The months before the last, from the agreements' month ranges; the
	 * last month's, so counted, must be the state's. */
	for (k = 0; k < nt && nt > 1; k++) {
		sum_open += p->dopen[k];
		sum_due += p->ddue[k];
		if (k < nt - 1) {
			r->row[k].n[FU_R_OPEN] += sum_open;
			r->row[k].n[FU_R_OVERDUE] += sum_due;
		} else if (sum_open != (long long)st->nopen ||
		    sum_due != due_end) {
			FU_BUG("the agreements open at the end are not the "
			    "state's");
		}
	}
	count_winback(p);
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
	const struct fu_group *x = &sort_report->rowgroups->v[*(const size_t *)a];
	const struct fu_group *y = &sort_report->rowgroups->v[*(const size_t *)b];

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

/* The raw counts that follow from the others, made again from the sums
 * after each portfolio. */
void
fu_report_derive(long long *n)
{
	n[FU_R_RETAINED] = n[FU_R_CLIENTS_END] - n[FU_R_CLIENTS_NEW] -
	    n[FU_R_CLIENTS_WON];
	n[FU_R_SETTLED] = n[FU_R_KEPT] + n[FU_R_BROKEN];
	n[FU_R_SETTLED_THEIRS] = n[FU_R_KEPT_THEIRS] +
	    n[FU_R_BROKEN_THEIRS];
	n[FU_R_KEPT_MINE] = n[FU_R_KEPT] - n[FU_R_KEPT_THEIRS];
	n[FU_R_BROKEN_MINE] = n[FU_R_BROKEN] - n[FU_R_BROKEN_THEIRS];
	n[FU_R_SETTLED_MINE] = n[FU_R_KEPT_MINE] + n[FU_R_BROKEN_MINE];
	n[FU_R_SALES_EXISTING] = n[FU_R_SALES] - n[FU_R_SALES_NEW];
	n[FU_R_SALES6_EXISTING] = n[FU_R_SALES6] - n[FU_R_SALES6_NEW];
	n[FU_R_AMOUNT_EXISTING] = n[FU_R_AMOUNT] - n[FU_R_AMOUNT_NEW];
	n[FU_R_AMOUNT6_EXISTING] = n[FU_R_AMOUNT6] -
	    n[FU_R_AMOUNT6_NEW];
	n[FU_R_MOOD_NONE] = n[FU_R_CONTACTS] - n[FU_R_MOOD_PLUS] -
	    n[FU_R_MOOD_ZERO] - n[FU_R_MOOD_MINUS];
}

static void
derive(struct fu_report *r)
{
	size_t i;

	for (i = 0; i < r->nrows; i++)
		fu_report_derive(r->row[i].n);
}

/* One pass over a portfolio's tables. */
static int
add_scan(struct fu_report *r, struct fu_portfolio *pf, struct fu_err *e)
{
	struct fu_state_hooks h = { on_log, on_agreement, NULL };
	struct fu_state st;
	struct pass p;
	int rc = -1;

	memset(&p, 0, sizeof(p));
	p.r = r;
	p.st = &st;
	p.logname = pf->t[FU_LOG].name;
	h.ctx = &p;
	if (fu_state_load(pf, r->q.to, &h, &st, e) == -1) {
		pass_free(&p);
		return -1;
	}
	if ((p.ready || setup(&p, e) == 0) && finish(&p, e) == 0) {
		derive(r);
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

/*
 * The figures saved with the state.  A portfolio's figures for a period
 * are the lines of its partial, saved in .fu-state with the tables' bytes
 * they were made from, and added as fu-stats --merge adds a partial: the
 * same sums, by the same code, whether made now or saved.  They stand
 * while no row read since could change them: a log row dated in the
 * period or up to POST_SALE_DAYS after it (a post-sale step kept then
 * counts), an agreement made by its end, or made from a log row the
 * figures saw, or a client there by its end (or one of those undated).
 * Any doubt is a full pass.
 */
int
fu_memo_stands(const struct fu_memo *m, const struct fu_fresh *f)
{
	return (int64_t)f->log_min > (int64_t)m->to + POST_SALE_DAYS &&
	    f->made_min > m->to && f->since_min > m->to &&
	    (f->from_min == 0 || f->from_min > m->max_log);
}

static void
memo_period(const struct fu_report *r, struct fu_memo *m)
{
	memset(m, 0, sizeof(*m));
	m->from = r->q.from;
	m->to = r->q.to;
	m->by = (int32_t)r->q.by;
	/* A step kept after the period counts up to today. */
	m->today = (int64_t)r->q.today < (int64_t)r->q.to + POST_SALE_DAYS ?
	    r->q.today : FU_DATE_NONE;
}

/* Adds the lines of a partial held in memory; with check, only parses
 * them. */
static int
add_lines(struct fu_report *r, const char *text, size_t len, int check,
    const char *file, struct fu_err *e)
{
	struct fu_partial pl;
	const char *p = text, *end = text + len, *nl;
	long line = 0;
	int rc = 0;

	while (rc == 0 && p < end) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		line++;
		rc = fu_partial_parse(p, (size_t)(nl - p), &pl, file, line, e);
		if (rc == 0 && !check)
			rc = fu_report_add_partial(r, &pl, file, line, e);
		fu_partial_free(&pl);
		p = nl + 1;
	}
	return line == 0 ? -1 : rc;
}

/* The saved figures of the period, if they stand. */
static const struct fu_memo *
memo_find(const struct fu_state *st, const struct fu_memo *want)
{
	size_t i;

	for (i = 0; i < st->nmemo; i++) {
		const struct fu_memo *m = &st->memo[i];

		if (m->from == want->from && m->to == want->to && m->today ==
		    want->today && m->by == want->by && fu_memo_stands(m,
		    &st->fresh))
			return m;
	}
	return NULL;
}

int
fu_report_add(struct fu_report *r, struct fu_portfolio *pf, struct fu_err *e)
{
	struct fu_report *one;
	struct fu_memo want;
	const struct fu_memo *m;
	struct fu_state st;
	struct fu_err ignored;
	char *text = NULL;
	size_t len = 0;
	FILE *fp;
	int rc, t, keep = 1;

	if (!fu_settings()->cache || r->direct)
		return add_scan(r, pf, e);
	memo_period(r, &want);
	/* The state as of today, from the saved state: a portfolio in doubt
	 * is read whole, by the pass below, which tells what is wrong. */
	if (fu_state_load_memo(pf, r->q.today, NULL, &st, &ignored) == -1)
		return add_scan(r, pf, e);
	if ((m = memo_find(&st, &want)) != NULL && add_lines(r, m->text,
	    m->len, 1, ".fu-state", &ignored) == 0) {
		rc = add_lines(r, m->text, m->len, 0, ".fu-state", e);
		fu_state_free(&st);
		if (rc == -1 && r->overflow)
			return -2;
		return rc == 0 ? fu_report_sums(r, e) : -1;
	}
	fu_state_free(&st);
	/* Made now, alone, then added as saved figures are. */
	if ((one = fu_report_new(&r->q, e)) == NULL)
		return -1;
	if (add_scan(one, pf, e) == -1) {
		fu_report_free(one);
		return -1;
	}
	if ((fp = open_memstream(&text, &len)) == NULL) {
		fu_report_free(one);
		return nomem(e);
	}
	fu_report_write_partial(one, fp);
	fu_report_free(one);
	for (t = 0; t < FU_NTABLES; t++) {
		if (pf->t[t].exists && !pf->t[t].read_hashed)
			keep = 0;
		want.hash[t] = pf->t[t].read_hash;
	}
	if (fclose(fp) == EOF) {
		free(text);
		return nomem(e);
	}
	rc = add_lines(r, text, len, 0, pf->t[FU_LOG].name, e);
	if (rc == -1 && r->overflow) {
		free(text);
		return -2;
	}
	if (rc == 0)
		rc = fu_report_sums(r, e);
	if (rc == 0 && keep) {
		want.text = text;
		want.len = len;
		want.max_log = 0;
		/* Saved with the state of these very bytes: a failure to
		 * save costs only the next run's time. */
		if (fu_state_load_memo(pf, r->q.today, &want, &st, &ignored) ==
		    0)
			fu_state_free(&st);
	}
	free(text);
	return rc;
}

size_t
fu_report_rows(const struct fu_report *r)
{
	return r->order != NULL ? r->norder : r->rowgroups ? 0 : r->nrows;
}

const char *
fu_report_key(const struct fu_report *r, size_t i, char buf[11])
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
		*key = fu_report_key(r, i, buf);
	return &r->row[i];
}


/* Adds b to a, or says that the sum would pass what fu can count. */
static int
add_count(long long *a, long long b, const char *file, long line,
    struct fu_err *e)
{
	if (b > 0 && *a > INT64_MAX - b)
		return fu_err_data(e, file, line, _("the partials add up to "
		    "more than fu can count"));
	*a += b;
	return 0;
}

/*
 * A partial's line holds what fu_report_add leaves in a report from one
 * portfolio or several: the counts of a row, the referrers of its new
 * clients, and with no --by the channels (their names as spelled, and
 * contacts) and the clients reached through one channel only.  Adding it
 * is adding those, as fu_report_add would have: counts summed, referrers
 * listed (one portfolio's referrer is not another's, even by the same
 * name), channels and stages grouped by group_of, and the first clients
 * of one channel kept by keep_one.
 */
int
fu_report_add_partial(struct fu_report *r, const struct fu_partial *pl,
    const char *file, long line, struct fu_err *e)
{
	struct fu_figures *f;
	size_t row = 0, i, g;
	const char *want;
	char kbuf[11];

	if (pl->row <= 1 && pl->portfolios > INT_MAX - r->nportfolios)
		return fu_err_data(e, file, line, _("the partials add up to "
		    "more than fu can count"));
	if (pl->row <= 1)
		r->nportfolios += (int)pl->portfolios;
	if (pl->rows == 0)
		return 0;
	if (r->rowgroups != NULL) {
		if (group_of(r, r->rowgroups, pl->key, &row, e) == -1)
			return -1;
	} else {
		/* The rows of months, or the one row, are the period's. */
		if ((size_t)pl->rows != r->nrows)
			return fu_err_data(e, file, line, _("the partial has "
			    "%lld rows, where the period has %zu"), pl->rows,
			    r->nrows);
		row = (size_t)pl->row - 1;
		if (strcmp(pl->key, want = fu_report_key(r, row, kbuf)) != 0)
			return fu_err_data(e, file, line, _("row %lld is of "
			    "\"%s\", where the period's is of \"%s\""),
			    pl->row, pl->key, want);
	}
	f = &r->row[row];
	for (i = 0; i < FU_NRAW; i++)
		if (add_count(&f->n[i], pl->n[i], file, line, e) == -1)
			return r->overflow = 1, -1;
	for (i = 0; i < pl->nref; i++) {
		if (r->nref == r->capref) {
			size_t cap = r->capref ? 2 * r->capref : 16;
			struct fu_referrer *x = realloc(r->ref, cap * sizeof(*x));

			if (x == NULL)
				return nomem(e);
			r->ref = x;
			r->capref = cap;
		}
		r->ref[r->nref].row = row;
		r->ref[r->nref].n = pl->ref[i].n;
		if ((r->ref[r->nref].name = strdup(pl->ref[i].name)) == NULL)
			return nomem(e);
		r->nref++;
	}
	for (i = 0; i < pl->nchan; i++)
		if (group_of(r, &r->chan, pl->chan[i].name, &g, e) == -1)
			return -1;
		else if (add_count(&r->chan.v[g].contacts, pl->chan[i].n, file,
		    line, e) == -1)
			return r->overflow = 1, -1;
	for (i = 0; i < pl->none; i++)
		if (group_of(r, &r->chan, pl->one[i].chan, &g, e) == -1 ||
		    (r->q.by == FU_BY_NONE && keep_one(r, pl->one[i].name, g,
		    pl->one[i].n) == -1))
			return nomem(e);
	return 0;
}

int
fu_report_sums(struct fu_report *r, struct fu_err *e)
{
	derive(r);
	return make_order(r) == -1 ? nomem(e) : 0;
}
