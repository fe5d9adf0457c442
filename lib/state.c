/*
 * state.c - the derived state (SPEC section 3).  Files are only appended
 * to, so what is open, who is lost and who is adrift is derived from the
 * log in one streaming pass: the log first (what closed, each client's
 * events), then the agreements (which are still open).  Memory grows with
 * the clients and the open agreements; every other agreement and log row
 * costs one bit.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "priv.h"

/* What one pass keeps beyond struct fu_state. */
struct pass {
	struct fu_portfolio *pf;
	struct fu_state *st;
	const struct fu_state_hooks *h;
	struct fu_known k;		/* saved with the state */
	const char *file;
	/* For an agreement hook only: the day each agreement closed, as
	 * days since 1970 plus one in 16 bits, 0 if open. */
	uint16_t *closed_day;
	size_t nclosed_day;
	struct fu_idmap *closed_far;	/* the same for ids past 2^26 and
					 * days outside 1970-2149 */
	int partial;			/* rows after asof were left out */
	struct fu_idset *kept_logs;	/* log rows that kept an agreement,
					 * read in this pass */
	struct fu_idmap *moved_to;	/* an agreement moved -> the step
					 * that continues it, read in this
					 * pass */
	int resort;			/* a waiting step became due */
	int cached;			/* only rows appended since the saved
					 * state are read */
	int doubt;			/* and one needed what it does not
					 * keep: read everything again */
};

static const char *
intern(struct pass *p, const char *s, size_t n)
{
	return fu_strmap_intern(&p->st->channels, s, n);
}

static int
client_index(struct pass *p, uint64_t id, const char *file, long line,
    size_t *out, struct fu_err *e)
{
	const struct fu_clientrec *c = fu_clients_get(&p->st->clients, id);

	if (c == NULL)
		return fu_err_data(e, file, line, _("client %llu is not in "
		    "the clients table"), (unsigned long long)id);
	*out = (size_t)(c - p->st->clients.v);
	return 0;
}

static void
later(fu_stamp *slot, fu_stamp s)
{
	if (s > *slot)
		*slot = s;
}

#define DAY_DENSE (1ULL << 26)
#define DAY_FAR (1LL << 32)	/* added to a date kept in closed_far */

/* Notes the day an agreement closed, for a report that asks; the first
 * closing row counts.  Days 1970-01-01 to 2149-06-04 of the dense ids fit
 * in 16 bits; any other day or id goes to a map. */
static int
note_closed(struct pass *p, uint64_t id, fu_date date)
{
	uint64_t v;

	if (id >= DAY_DENSE || date < 0 || date > 65533) {
		if (p->closed_far == NULL &&
		    (p->closed_far = fu_idmap_new()) == NULL)
			return -1;
		if (fu_idmap_get(p->closed_far, id, &v) && (int64_t)v - DAY_FAR
		    <= date)
			return 0;
		return fu_idmap_put(p->closed_far, id, (uint64_t)(date +
		    DAY_FAR));
	}
	if (id >= p->nclosed_day) {
		size_t n = p->nclosed_day ? p->nclosed_day : 1024;
		uint16_t *d;

		while (n <= id)
			n *= 2;
		if ((d = realloc(p->closed_day, n * sizeof(*d))) == NULL)
			return -1;
		fu_mem_hint(d, n * sizeof(*d));
		memset(d + p->nclosed_day, 0, (n - p->nclosed_day) * sizeof(*d));
		p->closed_day = d;
		p->nclosed_day = n;
	}
	if (p->closed_day[id] == 0 || p->closed_day[id] > date + 1)
		p->closed_day[id] = (uint16_t)(date + 1);
	return 0;
}

static fu_date
closed_on(const struct pass *p, uint64_t id)
{
	fu_date d = FU_DATE_NONE;
	uint64_t v;

	if (id < p->nclosed_day && p->closed_day[id] != 0)
		d = (fu_date)p->closed_day[id] - 1;
	if (p->closed_far != NULL && fu_idmap_get(p->closed_far, id, &v) &&
	    (d == FU_DATE_NONE || (int64_t)v - DAY_FAR < d))
		d = (fu_date)((int64_t)v - DAY_FAR);
	return d;
}

/* Asks for the client's state a row names, all its cache lines: the
 * log is in the order of days, its clients in none. */
static void
hint_client(const struct pass *p, const struct fu_row *row, int col)
{
	const struct fu_clientrec *r;
	const char *c;
	uint64_t id;

	if (fu_id_parse(row->f[col], row->len[col], &id) == -1 ||
	    (r = fu_clients_get(&p->st->clients, id)) == NULL)
		return;
	c = (const char *)&p->st->cs[r - p->st->clients.v];
	FU_PREFETCH(c);
	FU_PREFETCH(c + 64);
	FU_PREFETCH(c + sizeof(struct fu_cstate) - 1);
}

static void
hint_log(void *ctx, const struct fu_row *row)
{
	const struct pass *p = ctx;
	uint64_t a;

	hint_client(p, row, FU_L_CLIENT);
	if (fu_id_parse(row->f[FU_L_AGREEMENT], row->len[FU_L_AGREEMENT],
	    &a) == -1 || a == 0)
		return;
	if (a < p->nclosed_day)
		FU_PREFETCH(&p->closed_day[a]);
	fu_idmap_prefetch(p->k.slips, a);
}

static void
hint_agreement(void *ctx, const struct fu_row *row)
{
	const struct pass *p = ctx;
	uint64_t a;

	hint_client(p, row, FU_A_CLIENT);
	if (fu_id_parse(row->f[FU_A_ID], row->len[FU_A_ID], &a) == 0)
		fu_idmap_prefetch(p->k.slips, a);
}

static int
on_log(void *ctx, const struct fu_row *row, struct fu_err *e)
{
	struct pass *p = ctx;
	struct fu_state *st = p->st;
	struct fu_logrow l;
	struct fu_cstate *c;
	size_t ci = 0, ri = 0;
	fu_stamp s;

	if (fu_row_log(row, p->file, &l, e) == -1)
		return -1;
	if (fu_idset_has(p->k.logs, l.id))
		return fu_err_data(e, p->file, row->line, _("id %llu is "
		    "already used"), (unsigned long long)l.id);
	if (fu_idset_add(p->k.logs, l.id) == -1)
		return fu_err_nomem(e);
	if (l.id > st->max_log)
		st->max_log = l.id;
	if (l.date < st->fresh.log_min)
		st->fresh.log_min = l.date;
	if (client_index(p, l.client, p->file, row->line, &ci, e) == -1 ||
	    (l.referred != 0 && client_index(p, l.referred, p->file,
	    row->line, &ri, e) == -1))
		return -1;
	if (l.outcome >= FU_O_KEPT && l.outcome <= FU_O_DROPPED &&
	    l.agreement == 0)
		return fu_err_data(e, p->file, row->line, _("outcome %s names "
		    "no agreement"), fu_outcome_str(l.outcome));
	if ((l.agreement && fu_idset_add(p->k.named, l.agreement) == -1) ||
	    (l.next && fu_idset_add(p->k.named, l.next) == -1))
		return fu_err_nomem(e);
	if (p->h && p->h->log && p->h->log(p->h->ctx, &l, ci, e) == -1)
		return -1;
	if (l.date > p->k.maxdate)
		p->k.maxdate = l.date;
	if (l.date > st->asof) {
		p->partial = 1;
		return 0;
	}
	c = &st->cs[ci];
	s = FU_STAMP(l.date, l.id);
	if (FU_IS_CONTACT(l.outcome) && s > c->last_stamp) {
		c->last_stamp = s;
		c->last = l.date;
		if ((c->last_channel = intern(p, l.channel, strlen(l.channel))) ==
		    NULL)
			return fu_err_nomem(e);
	}
	if (l.has_amount && l.amount > 0 && (c->first_sale == 0 ||
	    s < c->first_sale))
		c->first_sale = s;
	/* An amount is appended as the log writes its amounts. */
	if (l.has_amount)
		st->decimal_comma = memchr(row->f[FU_L_AMOUNT], ',',
		    row->len[FU_L_AMOUNT]) != NULL;
	switch (l.outcome) {
	case FU_O_KEPT:
		/* A client is at risk until the sign's action is kept. */
		if (c->signal_action != 0 && l.agreement == c->signal_action)
			later(&c->last_kept, s);
		if (fu_idset_add(p->kept_logs, l.id) == -1)
			return fu_err_nomem(e);
		break;
	case FU_O_SIGNAL:
		if (s > c->last_signal) {
			/* At risk since the first sign not acted on. */
			if (!(c->last_signal > c->last_kept &&
			    c->last_signal > c->last_won))
				c->risk_since = s;
			c->last_signal = s;
			c->signal_action = l.next;
			if ((c->signal_why = fu_arena_dup(&st->arena, l.note,
			    strlen(l.note))) == NULL)
				return fu_err_nomem(e);
		}
		break;
	case FU_O_MOVED:
		if (c->signal_action != 0 && l.agreement == c->signal_action)
			c->signal_action = l.next;
		break;
	case FU_O_LOST: later(&c->last_lost, s); break;
	case FU_O_WON: later(&c->last_won, s); break;
	case FU_O_CONSENT: later(&c->last_consent, s); break;
	case FU_O_NO_CONSENT: later(&c->last_no_consent, s); break;
	case FU_O_NO_NEXT:
		if (s > c->last_no_next) {
			c->last_no_next = s;
			if ((c->no_next_why = fu_arena_dup(&st->arena, l.note,
			    strlen(l.note))) == NULL)
				return fu_err_nomem(e);
		}
		break;
	case FU_O_REFERRAL:
		/* The first row that names a referral is the one. */
		if (l.referred != 0 && !fu_idmap_get(st->referrals,
		    l.referred, NULL) && fu_idmap_put(st->referrals,
		    l.referred, l.client) == -1)
			return fu_err_nomem(e);
		break;
	default: break;
	}
	/* The day each step closed: a plan's step may wait on it, and a
	 * report asks. */
	if (l.outcome >= FU_O_KEPT && l.outcome <= FU_O_DROPPED &&
	    note_closed(p, l.agreement, l.date) == -1)
		return fu_err_nomem(e);
	if (l.outcome == FU_O_MOVED && l.next != 0 && fu_idmap_put(p->moved_to,
	    l.agreement, l.next) == -1)
		return fu_err_nomem(e);
	if (l.outcome >= FU_O_KEPT && l.outcome <= FU_O_DROPPED) {
		uint64_t slips = 0;

		if (fu_idset_add(p->k.closed, l.agreement) == -1)
			return fu_err_nomem(e);
		/* The count moves on to the step that continues it; a closed
		 * one leaves the map, which so holds only open agreements. */
		fu_idmap_get(p->k.slips, l.agreement, &slips);
		fu_idmap_del(p->k.slips, l.agreement);
		if (l.outcome == FU_O_MOVED && l.next != 0 &&
		    fu_idmap_put(p->k.slips, l.next, slips + 1) == -1)
			return fu_err_nomem(e);
	}
	return 0;
}

/* Notes an agreement whose from is past the end of the log. */
static int
pend(struct pass *p, uint64_t from, long line)
{
	if (p->k.npend == p->k.cappend) {
		size_t cap = p->k.cappend ? 2 * p->k.cappend : 16;
		struct fu_pending *v = realloc(p->k.pend, cap * sizeof(*v));

		if (v == NULL)
			return -1;
		p->k.pend = v;
		p->k.cappend = cap;
	}
	p->k.pend[p->k.npend].from = from;
	p->k.pend[p->k.npend].line = line;
	p->k.npend++;
	return 0;
}

/* The froms past the end of the log, checked again now that the log may
 * have grown: what a full scan would refuse is refused. */
static int
check_pending(struct fu_portfolio *pf, struct pass *p, struct fu_err *e)
{
	size_t i, k = 0;

	for (i = 0; i < p->k.npend; i++) {
		const struct fu_pending *q = &p->k.pend[i];

		if (fu_idset_has(p->k.logs, q->from))
			continue;
		if (q->from <= p->st->max_log || !pf->unfinished)
			return fu_err_data(e, pf->t[FU_AGREEMENTS].name, q->line,
			    _("from names log row %llu, which is not in the "
			    "log"), (unsigned long long)q->from);
		p->k.pend[k++] = *q;
	}
	p->k.npend = k;
	return 0;
}

/* When a plan's step that waits on another falls due: that one, followed
 * through the steps that moved it, still open (*waits_on is it, *due
 * FU_DATE_WAITING), or closed on a day: *due is that day and the wait.
 * A closing whose day this pass did not read (hand edits) makes the step
 * due on fallback. */
static void
resolve_wait(struct pass *p, uint64_t after, const struct fu_period
    *wait, fu_date fallback, fu_date *due, uint64_t *waits_on)
{
	uint64_t x = after, next;
	fu_date day;
	int hops;

	for (hops = 0; hops < 1000; hops++) {
		if (!fu_idset_has(p->k.closed, x)) {
			*due = FU_DATE_WAITING;
			*waits_on = x;
			return;
		}
		if (!fu_idmap_get(p->moved_to, x, &next) || next == 0)
			break;
		x = next;
	}
	*waits_on = 0;
	/* The day of a closing the saved state read is not kept. */
	if ((day = closed_on(p, x)) == FU_DATE_NONE && p->cached)
		p->doubt = 1;
	if (day == FU_DATE_NONE)
		*due = fallback;
	else
		*due = wait->n > 0 ? fu_period_add(day, wait) : day;
}

/* When an agreement was made, as a stamp among the log's rows: the log
 * row that made it, or, for one of fu-add (from empty), the last log row
 * that had made one when it was appended, so that a step added on the
 * day of a loss and a comeback sorts after the loss it came after. */
static fu_stamp
made_at(struct fu_state *st, const struct fu_agreement *a)
{
	uint64_t from = a->from != 0 ? a->from : st->max_from;

	if (a->from > st->max_from)
		st->max_from = a->from;
	return a->made == FU_DATE_NONE ? 1 : FU_STAMP(a->made, from);
}

/* Whether an open agreement made at made ended with its client: all of
 * a lost client's made before the loss, and the recurring ones made
 * before consent was taken back (recurring touches need consent). */
static int
ended(const struct fu_state *st, size_t ci, fu_stamp made,
    const struct fu_period *every)
{
	const struct fu_cstate *c = &st->cs[ci];

	return (c->last_lost != 0 && c->last_lost > made) || (every->n > 0 &&
	    c->last_no_consent != 0 && c->last_no_consent > made);
}

static int
on_agreement(void *ctx, const struct fu_row *row, struct fu_err *e)
{
	struct pass *p = ctx;
	struct fu_state *st = p->st;
	struct fu_agreement a;
	struct fu_open *o;
	uint64_t m, waits_on;
	size_t ci = 0;
	fu_stamp made;

	if (fu_row_agreement(row, p->file, &a, e) == -1)
		return -1;
	if (fu_idset_has(p->k.exists, a.id))
		return fu_err_data(e, p->file, row->line, _("id %llu is "
		    "already used"), (unsigned long long)a.id);
	if (fu_idset_add(p->k.exists, a.id) == -1)
		return fu_err_nomem(e);
	if (a.id > st->max_agreement)
		st->max_agreement = a.id;
	if (a.made < st->fresh.made_min)
		st->fresh.made_min = a.made;
	if (a.from != 0 && (st->fresh.from_min == 0 || a.from <
	    st->fresh.from_min))
		st->fresh.from_min = a.from;
	if (client_index(p, a.client, p->file, row->line, &ci, e) == -1)
		return -1;
	/* A from past the end of the log is malformed, but while a killed
	 * commit waits to be made whole (its log row is yet to come). */
	if (a.from != 0 && !fu_idset_has(p->k.logs, a.from)) {
		if (a.from <= st->max_log || !p->pf->unfinished)
			return fu_err_data(e, p->file, row->line, _("from "
			    "names log row %llu, which is not in the log"),
			    (unsigned long long)a.from);
		if (pend(p, a.from, row->line) == -1)
			return fu_err_nomem(e);
	}
	waits_on = 0;
	/* The step it waits on comes before it, and is there. */
	if (a.after != 0 && !fu_idset_has(p->k.exists, a.after))
		return fu_err_data(e, p->file, row->line, _("after names "
		    "agreement %llu, which is not in the table before it"),
		    (unsigned long long)a.after);
	if (a.after != 0)
		resolve_wait(p, a.after, &a.wait, a.due, &a.due, &waits_on);
	made = a.order = made_at(st, &a);
	if (p->h && p->h->agreement) {
		a.closed = closed_on(p, a.id);
		if (p->h->agreement(p->h->ctx, &a, ci, e) == -1)
			return -1;
	}
	if (a.made != FU_DATE_NONE && a.made > p->k.maxdate)
		p->k.maxdate = a.made;
	if (a.made != FU_DATE_NONE && a.made > st->asof) {
		p->partial = 1;
		return 0;
	}
	later(&st->cs[ci].last_made, made);
	if (fu_idset_has(p->k.closed, a.id) || ended(st, ci, made, &a.every))
		return 0;
	if (st->nopen == st->capopen) {
		size_t cap = st->capopen ? 2 * st->capopen : 256;
		struct fu_open *v = realloc(st->open, cap * sizeof(*v));

		if (v == NULL)
			return fu_err_nomem(e);
		fu_mem_hint(v, cap * sizeof(*v));
		st->open = v;
		st->capopen = cap;
	}
	o = &st->open[st->nopen];
	o->id = a.id;
	o->from = a.from;
	o->client = ci;
	o->due = a.due;
	o->made = a.made;
	o->order = made;
	o->every = a.every;
	o->side = a.side;
	o->continues = a.from != 0 && fu_idset_has(p->kept_logs, a.from);
	o->waits_on = waits_on;
	o->wait = a.wait;
	o->plan = "";
	if (*a.plan != '\0' && (o->plan = fu_arena_dup(&st->arena, a.plan,
	    strlen(a.plan))) == NULL)
		return fu_err_nomem(e);
	o->slips = fu_idmap_get(p->k.slips, a.id, &m) ? (int)m : 0;
	if ((o->what = fu_arena_dup(&st->arena, a.what, strlen(a.what))) ==
	    NULL || (o->channel = intern(p, a.channel, strlen(a.channel))) ==
	    NULL)
		return fu_err_nomem(e);
	st->nopen++;
	return 0;
}

/* Finds the log row that names an agreement missing from the table. */
struct dangling {
	uint64_t id;
	long line;
};

static int
find_dangling(void *ctx, const struct fu_row *row, struct fu_err *e)
{
	struct dangling *d = ctx;
	uint64_t a = 0, n = 0;

	(void)e;
	if (d->line != 0)
		return 0;
	(void)fu_id_parse(row->f[FU_L_AGREEMENT], row->len[FU_L_AGREEMENT],
	    &a);
	(void)fu_id_parse(row->f[FU_L_NEXT], row->len[FU_L_NEXT], &n);
	if (a == d->id || n == d->id)
		d->line = row->line;
	return 0;
}

static int
check_named(struct fu_portfolio *pf, struct pass *p, struct fu_err *e)
{
	struct dangling d = { 0, 0 };

	d.id = fu_idset_first_missing(p->k.named, p->k.exists);
	if (d.id == 0)
		return 0;
	if (fu_table_scan(pf, FU_LOG, find_dangling, &d, e) == -1)
		return -1;
	return fu_err_data(e, pf->t[FU_LOG].name, d.line, _("agreement %llu "
	    "is not in the agreements table"), (unsigned long long)d.id);
}

static int
by_due(const void *a, const void *b)
{
	const struct fu_open *x = a, *y = b;

	if (x->due != y->due)
		return x->due < y->due ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* Sorts the open agreements by due date.  The first ones came from the
 * saved state, already in order: only those read since are sorted, then
 * merged in from the back, in place, so that no second copy of a large
 * array is made. */
static int
sort_open(struct pass *p, size_t sorted)
{
	struct fu_open *a = p->st->open, *t;
	size_t n = p->st->nopen, k = n - sorted, i = sorted, j = k, w = n;

	if (k > 1)
		qsort(a + sorted, k, sizeof(*a), by_due);
	if (sorted == 0 || k == 0 || by_due(&a[sorted - 1], &a[sorted]) < 0)
		return 0;
	if ((t = malloc(k * sizeof(*t))) == NULL)
		return -1;
	memcpy(t, a + sorted, k * sizeof(*t));
	while (j > 0) {
		if (i > 0 && by_due(&a[i - 1], &t[j - 1]) > 0)
			a[--w] = a[--i];
		else
			a[--w] = t[--j];
	}
	free(t);
	return 0;
}

/* Drops the saved open agreements that the rows read since closed, or
 * that a loss read since dropped. */
static void
recheck_open(struct pass *p)
{
	struct fu_state *st = p->st;
	size_t i, k = 0;

	for (i = 0; i < st->nopen; i++) {
		const struct fu_open *o = &st->open[i];
		uint64_t slips;

		if (fu_idset_has(p->k.closed, o->id) || ended(st, o->client,
		    o->order, &o->every))
			continue;
		st->open[k] = *o;
		/* A row that moved the step it continues may come later. */
		st->open[k].slips = fu_idmap_get(p->k.slips, o->id, &slips) ?
		    (int)slips : 0;
		/* And the one a waiting step waits on may have closed. */
		if (o->waits_on != 0) {
			resolve_wait(p, o->waits_on, &o->wait, st->asof,
			    &st->open[k].due, &st->open[k].waits_on);
			p->resort |= st->open[k].due != FU_DATE_WAITING;
		}
		k++;
	}
	st->nopen = k;
}

static int
grow_cs(struct fu_state *st, size_t from)
{
	struct fu_cstate *cs;
	size_t i;

	if ((cs = realloc(st->cs, (st->clients.n + 1) * sizeof(*cs))) == NULL)
		return -1;
	fu_mem_hint(cs + from, (st->clients.n + 1 - from) * sizeof(*cs));
	st->cs = cs;
	for (i = from; i <= st->clients.n; i++) {
		memset(&cs[i], 0, sizeof(cs[i]));
		cs[i].last = FU_DATE_NONE;
	}
	return 0;
}

/* One pass, from the saved state if use_cache and it stands; 1 when it
 * was in doubt, to be made again from the tables alone. */
static int
load(struct fu_portfolio *pf, fu_date asof, const struct fu_state_hooks *h,
    const struct fu_memo *add, struct fu_state *st, int use_cache,
    struct fu_err *e)
{
	struct pass p;
	size_t i, known = 0, sorted;
	long long fresh = 0, covered = 0;
	int rc = -1, t, loaded = -1, cached;

	memset(st, 0, sizeof(*st));
	memset(&p, 0, sizeof(p));
	p.pf = pf;
	if (!pf->found)
		return fu_err_io(e, pf->dir, 0, _("no portfolio here "
		    "(fu-add client NAME makes one)"));
	st->asof = asof;
	st->fresh.log_min = st->fresh.made_min = st->fresh.since_min =
	    FU_DATE_WAITING;
	p.st = st;
	p.h = h;
	if ((st->referrals = fu_idmap_new()) == NULL ||
	    (p.kept_logs = fu_idset_new()) == NULL ||
	    (p.moved_to = fu_idmap_new()) == NULL) {
		fu_err_nomem(e);
		goto out;
	}
	/* A saved state stands for the bytes it read; only what was
	 * appended since is read.  A report (hooks) sees every row. */
	if (fu_known_init(&p.k) == -1 || (h == NULL && use_cache && (loaded =
	    fu_cache_load(pf, asof, st, &p.k)) == -2)) {
		fu_err_nomem(e);
		goto out;
	}
	cached = p.cached = loaded == 0;
	/* What may be saved is hashed as it is read (cache.c), and so is what
	 * a report reads, whose figures may be saved with a state. */
	for (t = 0; t < FU_NTABLES; t++)
		if (!pf->writing && fu_settings()->cache &&
		    pf->t[t].exists && pf->t[t].digest == NULL &&
		    (pf->t[t].digest = fu_digest_new()) == NULL) {
			fu_err_nomem(e);
			goto out;
		}
	if (!cached) {
		for (t = 0; t < FU_NTABLES; t++)
			pf->t[t].start = 0;
		if (fu_clients_load(pf, &st->clients, e) == -1)
			goto out;
	} else {
		known = st->clients.n;
		if (fu_clients_more(pf, &st->clients, e) == -1)
			goto out;
	}
	for (i = known; i < st->clients.n; i++)
		if (st->clients.v[i].since < st->fresh.since_min)
			st->fresh.since_min = st->clients.v[i].since;
	if (grow_cs(st, known) == -1) {
		fu_err_nomem(e);
		goto out;
	}
	p.file = pf->t[FU_LOG].name;
	if (fu_table_scan_ahead(pf, FU_LOG, on_log, hint_log, &p, e) == -1)
		goto out;
	recheck_open(&p);
	/* A saved state's steps are in order, unless one stopped waiting. */
	sorted = p.resort ? 0 : st->nopen;
	if (check_pending(pf, &p, e) == -1)
		goto out;
	p.file = pf->t[FU_AGREEMENTS].name;
	if (fu_table_scan_ahead(pf, FU_AGREEMENTS, on_agreement,
	    hint_agreement, &p, e) == -1)
		goto out;
	if (p.doubt) {
		rc = 1;
		goto out;
	}
	for (t = 0; t < FU_NTABLES; t++) {
		fresh += pf->t[t].snap - pf->t[t].start;
		covered += pf->t[t].start;
		pf->t[t].start = 0;
	}
	if (check_named(pf, &p, e) == -1)
		goto out;
	if (sort_open(&p, sorted) == -1) {
		fu_err_nomem(e);
		goto out;
	}
	for (i = 0; i < st->clients.n; i++)
		st->cs[i].open = 0;
	for (i = st->nopen; i-- > 0;) {
		struct fu_open *o = &st->open[i];
		struct fu_cstate *c = &st->cs[o->client];

		c->open++;
		c->next = i;	/* walking back: ends on the first due */
	}
	/* Only the state of every row is worth saving. */
	if (h == NULL && !p.partial)
		fu_cache_save(pf, st, &p.k, fresh, covered, add);
	rc = 0;
out:
	for (t = 0; t < FU_NTABLES; t++) {
		pf->t[t].read_hashed = rc == 0 && pf->t[t].digest != NULL;
		if (pf->t[t].read_hashed)
			pf->t[t].read_hash = fu_digest_value(pf->t[t].digest);
		pf->t[t].start = 0;
		fu_digest_free(pf->t[t].digest);
		pf->t[t].digest = NULL;
	}
	fu_known_free(&p.k);
	fu_idset_free(p.kept_logs);
	fu_idmap_free(p.moved_to);
	free(p.closed_day);
	fu_idmap_free(p.closed_far);
	if (rc != 0)
		fu_state_free(st);
	return rc;
}

int
fu_state_load(struct fu_portfolio *pf, fu_date asof,
    const struct fu_state_hooks *h, struct fu_state *st, struct fu_err *e)
{
	int rc = load(pf, asof, h, NULL, st, 1, e);

	return rc == 1 ? load(pf, asof, h, NULL, st, 0, e) : rc;
}

int
fu_state_load_memo(struct fu_portfolio *pf, fu_date asof,
    const struct fu_memo *add, struct fu_state *st, struct fu_err *e)
{
	int rc = load(pf, asof, NULL, add, st, 1, e);

	return rc == 1 ? load(pf, asof, NULL, add, st, 0, e) : rc;
}

void
fu_state_free(struct fu_state *st)
{
	fu_clients_free(&st->clients);
	fu_cache_unmap(st);
	fu_arena_free(st->arena);
	fu_strmap_free(&st->channels);
	fu_idmap_free(st->referrals);
	free(st->cs);
	free(st->open);
	memset(st, 0, sizeof(*st));
}

enum fu_status
fu_state_status(const struct fu_state *st, size_t i)
{
	const struct fu_cstate *c = &st->cs[i];

	if (c->last_lost != 0 && c->last_lost > c->last_won)
		return FU_LOST;
	if (c->last_signal != 0 && c->last_signal > c->last_kept &&
	    c->last_signal > c->last_won)
		return FU_AT_RISK;
	if (c->first_sale != 0 || c->last_won != 0)
		return FU_ACTIVE;
	return FU_PROSPECT;
}

int
fu_state_consent(const struct fu_state *st, size_t i)
{
	return fu_state_consent_on(st, i, FU_DATE_WAITING);
}

/* From the last consent given and the last taken back: the later of
 * those on or before the day, else clients.csv's. */
int
fu_state_consent_on(const struct fu_state *st, size_t i, fu_date day)
{
	const struct fu_cstate *c = &st->cs[i];
	int given = c->last_consent != 0 &&
	    FU_STAMP_DATE(c->last_consent) <= day;
	int taken = c->last_no_consent != 0 &&
	    FU_STAMP_DATE(c->last_no_consent) <= day;

	if (given && taken)
		return c->last_consent > c->last_no_consent;
	if (given || taken)
		return given;
	return st->clients.v[i].consent;
}

const char *
fu_state_no_next(const struct fu_state *st, size_t i)
{
	const struct fu_cstate *c = &st->cs[i];

	return c->last_no_next != 0 && c->last_no_next > c->last_made ?
	    c->no_next_why : NULL;
}

uint64_t
fu_state_referrer(const struct fu_state *st, size_t i)
{
	uint64_t r;

	if (st->clients.v[i].referred_by != 0)
		return st->clients.v[i].referred_by;
	return fu_idmap_get(st->referrals, st->clients.v[i].id, &r) ? r : 0;
}

const char *
fu_status_str(enum fu_status s)
{
	/* The word a script reads; a text table shows it translated. */
	static const char *const names[] = {
		N_("prospect"), N_("active"), N_("at risk"), N_("lost")
	};

	return names[s];
}

size_t
fu_state_client_open(const struct fu_state *st, size_t client,
    const struct fu_open **out, size_t max)
{
	size_t i, n = 0;

	if (st->cs[client].open == 0)
		return 0;
	for (i = st->cs[client].next; i < st->nopen; i++)
		if (st->open[i].client == client) {
			if (n < max)
				out[n] = &st->open[i];
			n++;
		}
	return n;
}

const struct fu_open *
fu_state_find_open(const struct fu_state *st, uint64_t id)
{
	size_t i;

	for (i = 0; i < st->nopen; i++)
		if (st->open[i].id == id)
			return &st->open[i];
	return NULL;
}
