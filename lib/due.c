/*
 * due.c - what fu-due lists: agreements, never bare clients (rule 4).
 * Where it lists clients (--stale, --adrift, --at-risk) each row carries
 * the pending agreement, or says there is none.  Given several
 * portfolios (a team lead's morning view), it lists each in turn, with a
 * first column naming it.  With --ics, the agreements and the occasions
 * are the events of a calendar that a calendar app subscribes to.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "priv.h"

/* Each set of fields starts with the portfolio's, left out when there is
 * one portfolio. */
static const struct fu_field agreement_fields[] = {
	{ "portfolio", N_("PORTFOLIO"), 0 },
	{ "due", N_("DUE"), 0 },
	{ "late", N_("WHEN"), FU_F_NUM },
	{ "client", N_("CLIENT"), FU_F_CUT },
	{ "what", N_("WHAT"), FU_F_CUT },
	{ "channel", N_("CHANNEL"), 0 },
	{ "id", N_("ID"), FU_F_NUM },
	{ "client_id", N_("CLIENT ID"), FU_F_NUM | FU_F_NOTEXT },
	{ "every", N_("EVERY"), FU_F_NOTEXT },
	{ "slips", N_("SLIPS"), FU_F_NUM | FU_F_NOTEXT },
	{ "side", N_("OWES"), FU_F_NOTEXT },
	{ "plan", N_("PLAN"), FU_F_NOTEXT },
};
#define SLIPS 9		/* shown in the text table with --slipped */
static const struct fu_field client_fields[] = {
	{ "portfolio", N_("PORTFOLIO"), 0 },
	{ "client_id", N_("CLIENT ID"), FU_F_NUM | FU_F_NOTEXT },
	{ "client", N_("CLIENT"), FU_F_CUT },
	{ "last", N_("LAST"), 0 },
	{ "days", N_("DAYS"), FU_F_NUM },
	{ "last_channel", N_("CHANNEL"), 0 },
	{ "what", N_("PENDING"), FU_F_CUT },
	{ "due", N_("DUE"), 0 },
	{ "id", N_("ID"), FU_F_NUM },
	{ "no_next", N_("WHY NONE"), FU_F_NOTEXT },	/* --adrift only */
};
static const struct fu_field risk_fields[] = {
	{ "portfolio", N_("PORTFOLIO"), 0 },
	{ "client_id", N_("CLIENT ID"), FU_F_NUM | FU_F_NOTEXT },
	{ "client", N_("CLIENT"), FU_F_CUT },
	{ "since", N_("SINCE"), 0 },
	{ "signal", N_("SIGNAL"), FU_F_CUT },
	{ "what", N_("PENDING"), FU_F_CUT },
	{ "due", N_("DUE"), 0 },
	{ "id", N_("ID"), FU_F_NUM },
};
static const struct fu_field occasion_fields[] = {
	{ "portfolio", N_("PORTFOLIO"), 0 },
	{ "date", N_("DATE"), 0 },
	{ "client_id", N_("CLIENT ID"), FU_F_NUM | FU_F_NOTEXT },
	{ "client", N_("CLIENT"), FU_F_CUT },
	{ "occasion", N_("OCCASION"), 0 },
	{ "years", N_("YEARS"), FU_F_NUM },
};
/* With --ics, a row is an event and a field a property (print.c); the
 * text is never translated: a feed is read by a program first. */
static const struct fu_field ics_fields[] = {
	{ "UID", "", 0 },
	{ "DTSTAMP", "", FU_F_ICS_VALUE },
	{ "DTSTART;VALUE=DATE", "", FU_F_ICS_VALUE },
	{ "DTEND;VALUE=DATE", "", FU_F_ICS_VALUE },
	{ "RRULE", "", FU_F_ICS_VALUE },
	{ "SUMMARY", "", 0 },
	{ "DESCRIPTION", "", 0 },
	{ "TRANSP", "", FU_F_ICS_VALUE },	/* a step takes no time */
};
enum {
	ICS_UID, ICS_STAMP, ICS_START, ICS_END, ICS_RRULE, ICS_SUMMARY,
	ICS_DESCRIPTION, ICS_TRANSP, ICS_NF
};
#define NF(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* Whether a client passes --client and --tag. */
static int
client_passes(const struct fu_state *st, size_t i, const struct fu_clientrec
    *only, const char *tag)
{
	const struct fu_clientrec *c = &st->clients.v[i];

	if (only != NULL && only != c)
		return 0;
	return tag == NULL || fu_client_tagged(c, tag);
}

static int
same_channel(const char *a, const char *b)
{
	return fu_fold_same(a, b);
}

/* One listing over one portfolio. */
struct list {
	struct fu_portfolio *pf;
	const struct fu_state *st;
	const struct fu_due_query *q;
	const struct fu_clientrec *only;	/* --client, or NULL */
	struct fu_out *o;
	const char *portfolio;			/* as given, with several */
	const char *feed;			/* in the UIDs, with several:
						 * feed_name() */
	int several;
	long n;
};

/* Where the UIDs of a team's feed tell one portfolio from another: its
 * directory's name (ana, ben), the same on every machine; or, where two
 * of the feed share that name, the path as given.  Two sellers' first
 * clients and plans are alike, and one feed must not hold a UID twice. */
static const char *
feed_name(const struct fu_cli *cli, int k, char *buf, size_t size)
{
	const char *b[2];
	size_t n[2];
	int i, j;

	for (i = -1; i < cli->nportfolio; i++) {
		const char *p = cli->portfolio[i < 0 ? k : i];
		size_t m = strlen(p);

		j = i >= 0;
		while (m > 1 && p[m - 1] == '/')
			m--;
		for (b[j] = p + m; b[j] > p && b[j][-1] != '/'; b[j]--)
			;
		n[j] = (size_t)(p + m - b[j]);
		if (i >= 0 && i != k && n[1] == n[0] && strncmp(b[1], b[0],
		    n[0]) == 0)
			return cli->portfolio[k];
	}
	snprintf(buf, size, "%.*s", (int)n[0], b[0]);
	return buf;
}

/* Prints a row whose first value is the portfolio's, in the tone of its
 * state (shown only where the printer colours). */
static int
emit(struct list *l, const char **v, enum fu_tone tone, struct fu_err *e)
{
	l->n++;
	if (l->q->quiet)
		return 0;
	v[0] = l->portfolio;
	return fu_out_row_tone(l->o, v + !l->several, tone, e);
}

/* When a due date falls, as a person reads it: "3d late", "today",
 * "in 7d"; a script gets the days late, negative ahead. */
static const char *
when(const struct list *l, long late, char *buf, size_t size)
{
	if (l->o->fmt != FU_FMT_TEXT)
		snprintf(buf, size, "%ld", late);
	else if (late > 0)
		snprintf(buf, size, _("%ldd late"), late);
	else if (late < 0)
		snprintf(buf, size, _("in %ldd"), -late);
	else
		snprintf(buf, size, "%s", _("today"));
	return buf;
}

/* A step's place in its plan, "exit 2/5", without its mark. */
static const char *
place(const struct fu_open *a, char buf[80])
{
	size_t n = strlen(a->plan), sp;

	sp = strcspn(a->plan, " ");
	sp += sp < n ? 1 + strcspn(a->plan + sp + 1, " ") : 0;
	snprintf(buf, 80, "%.*s", (int)(sp < 79 ? sp : 79), a->plan);
	return buf;
}

/* What is to be done about an agreement, as a person reads it: one the
 * client owes is to be checked on; a plan's step says which. */
static const char *
todo(const struct list *l, const struct fu_open *a, struct fu_buf *b,
    struct fu_err *e)
{
	char *s, where[80];

	if (l->o->fmt != FU_FMT_TEXT || (a->side != FU_SIDE_CLIENT &&
	    *a->plan == '\0'))
		return a->what;
	if (a->side == FU_SIDE_CLIENT)
		s = fu_strf(_("check whether it arrived: %s"), a->what);
	else
		s = fu_strf("%s", a->what);
	if (s == NULL)
		return fu_err_nomem(e), NULL;
	b->len = 0;
	if ((*a->plan != '\0' && (fu_buf_str(b, "(") == -1 ||
	    fu_buf_str(b, place(a, where)) == -1 || fu_buf_str(b, ") ") ==
	    -1)) || fu_buf_str(b, s) == -1) {
		free(s);
		return fu_err_nomem(e), NULL;
	}
	free(s);
	return b->p;
}

/* Whether a step belongs to the plan called name. */
static int
in_plan(const struct fu_open *a, const char *name)
{
	size_t n = strlen(name);

	return strncmp(a->plan, name, n) == 0 && a->plan[n] == ' ';
}

/* The last due date an agreement listed may have. */
static fu_date
horizon(const struct list *l)
{
	const struct fu_due_query *q = l->q;

	/* A plan's steps are listed all, those that wait too. */
	if ((q->slipped > 0 || q->plan != NULL) && q->within < 0 &&
	    !q->overdue)
		return INT32_MAX;
	return l->st->asof + (q->within > 0 ? q->within : 0);
}

/* Whether an open agreement due by the horizon is listed. */
static int
listed(const struct list *l, const struct fu_open *a)
{
	const struct fu_due_query *q = l->q;

	return !((a->due == FU_DATE_WAITING && q->plan == NULL) ||
	    (q->plan != NULL && !in_plan(a, q->plan)) ||
	    (q->overdue && a->due >= l->st->asof) ||
	    a->slips < q->slipped ||
	    !client_passes(l->st, a->client, l->only, q->tag) ||
	    (q->channel != NULL && !same_channel(a->channel, q->channel)));
}

static int
list_agreements(struct list *l, struct fu_err *e)
{
	const struct fu_state *st = l->st;
	fu_date until = horizon(l);
	char due[11], late[32], cid[24], id[24], every[16], slips[24];
	char where[80];
	struct fu_buf what = { 0 };
	size_t i;
	int rc = 0;

	for (i = 0; i < st->nopen && rc == 0; i++) {
		const struct fu_open *a = &st->open[i];
		const struct fu_clientrec *c = &st->clients.v[a->client];
		const char *v[12];
		int waiting = a->due == FU_DATE_WAITING;

		if (a->due > until)
			break;		/* st->open is in order of due date */
		if (!listed(l, a))
			continue;
		snprintf(cid, sizeof(cid), "%llu", (unsigned long long)c->id);
		snprintf(id, sizeof(id), "%llu", (unsigned long long)a->id);
		snprintf(slips, sizeof(slips), "%d", a->slips);
		v[1] = waiting ? "" : fu_date_str(a->due, due);
		v[2] = when(l, (long)st->asof - a->due, late, sizeof(late));
		if (waiting) {
			/* Due once the step it waits on is closed. */
			if (l->o->fmt == FU_FMT_TEXT)
				snprintf(late, sizeof(late), _("after #%llu"),
				    (unsigned long long)a->waits_on);
			else
				late[0] = '\0';
		}
		v[3] = c->name;
		if ((v[4] = todo(l, a, &what, e)) == NULL) {
			rc = -1;
			break;
		}
		v[5] = a->channel;
		v[6] = id;
		v[7] = cid;
		v[8] = fu_period_str(&a->every, every);
		v[9] = slips;
		v[10] = a->side == FU_SIDE_CLIENT ? "client" : "mine";
		v[11] = *a->plan ? place(a, where) : "";
		rc = emit(l, v, waiting || a->due > st->asof ? FU_TONE_PLAIN :
		    a->due < st->asof ? FU_TONE_LATE : FU_TONE_TODAY, e);
	}
	fu_buf_free(&what);
	return rc;
}

struct silent {
	size_t client;
	long days;
};

static int
by_days(const void *a, const void *b)
{
	const struct silent *x = a, *y = b;

	if (x->days != y->days)
		return x->days > y->days ? -1 : 1;
	return x->client < y->client ? -1 : x->client > y->client;
}

/* The pending agreement of a client (prefer, if it is open, else the one
 * due first), into row[at..at+2], or a word that says there is none
 * (rule 4). */
static int
pending(const struct list *l, size_t ci, uint64_t prefer, const char **row,
    int at, char id[24], char due[11], struct fu_buf *b, struct fu_err *e)
{
	const struct fu_cstate *cs = &l->st->cs[ci];
	const struct fu_open *a = NULL;
	const char *why = fu_state_no_next(l->st, ci);

	/* The step asked for (a warning sign's action), if open still. */
	if (prefer != 0 && ((a = fu_state_find_open(l->st, prefer)) == NULL ||
	    a->client != ci))
		a = NULL;
	if (a == NULL && cs->open)
		a = &l->st->open[cs->next];
	if (a != NULL) {
		snprintf(id, 24, "%llu", (unsigned long long)a->id);
		if ((row[at] = todo(l, a, b, e)) == NULL)
			return -1;
		row[at + 1] = a->due == FU_DATE_WAITING ? "" :
		    fu_date_str(a->due, due);
		row[at + 2] = id;
		return 0;
	}
	row[at + 1] = row[at + 2] = "";
	row[at] = "";
	if (l->o->fmt != FU_FMT_TEXT)
		return 0;
	/* Where a person reads, none is said, and why when it was. */
	b->len = 0;
	if (why != NULL && *why != '\0' && fu_buf_str(b, _("none: ")) == 0 &&
	    fu_buf_str(b, why) == 0)
		row[at] = b->p;
	else
		row[at] = _("none: no next step");
	return 0;
}

static int
list_clients(struct list *l, struct fu_err *e)
{
	const struct fu_state *st = l->st;
	const struct fu_due_query *q = l->q;
	struct fu_buf b = { 0 };
	struct silent *v;
	size_t i, k = 0;
	int rc = 0;

	if ((v = malloc((st->clients.n + 1) * sizeof(*v))) == NULL)
		return fu_err_nomem(e);
	for (i = 0; i < st->clients.n; i++) {
		const struct fu_cstate *cs = &st->cs[i];
		fu_date since = st->clients.v[i].since, from;

		/* Lost clients, and those not yet in the portfolio, are left
		 * out. */
		if (fu_state_status(st, i) == FU_LOST ||
		    (since != FU_DATE_NONE && since > st->asof) ||
		    !client_passes(st, i, l->only, q->tag))
			continue;
		from = cs->last != FU_DATE_NONE ? cs->last : since;
		v[k].client = i;
		v[k].days = from == FU_DATE_NONE ? -1 : (long)st->asof - from;
		if (q->mode == FU_DUE_ADRIFT ? cs->open != 0 :
		    (from != FU_DATE_NONE && v[k].days < q->stale))
			continue;
		if (q->channel != NULL && !same_channel(cs->last_channel ?
		    cs->last_channel : "", q->channel))
			continue;
		k++;
	}
	qsort(v, k, sizeof(*v), by_days);
	for (i = 0; i < k && rc == 0; i++) {
		const struct fu_cstate *cs = &st->cs[v[i].client];
		const char *why = fu_state_no_next(st, v[i].client);
		char cid[24], last[11], days[24], id[24], due[11];
		const char *row[10];

		snprintf(cid, sizeof(cid), "%llu",
		    (unsigned long long)st->clients.v[v[i].client].id);
		snprintf(days, sizeof(days), "%ld", v[i].days);
		row[1] = cid;
		row[2] = st->clients.v[v[i].client].name;
		row[3] = fu_date_str(cs->last, last);
		row[4] = v[i].days < 0 ? "" : days;
		row[5] = cs->last_channel ? cs->last_channel : "";
		row[9] = why != NULL ? why : "";
		rc = pending(l, v[i].client, 0, row, 6, id, due, &b, e);
		/* No next step is what the method does not allow. */
		if (rc == 0)
			rc = emit(l, row, cs->open ? FU_TONE_PLAIN :
			    FU_TONE_ADRIFT, e);
	}
	fu_buf_free(&b);
	free(v);
	return rc;
}

struct risk {
	fu_stamp since;
	size_t client;
};

static int
by_since(const void *a, const void *b)
{
	const struct risk *x = a, *y = b;

	if (x->since != y->since)
		return x->since < y->since ? -1 : 1;
	return x->client < y->client ? -1 : x->client > y->client;
}

/* Clients at risk: a warning sign whose action is not kept yet; the one
 * at risk longest first. */
static int
list_at_risk(struct list *l, struct fu_err *e)
{
	const struct fu_state *st = l->st;
	struct fu_buf b = { 0 };
	struct risk *v;
	size_t i, k = 0;
	int rc = 0;

	if ((v = malloc((st->clients.n + 1) * sizeof(*v))) == NULL)
		return fu_err_nomem(e);
	for (i = 0; i < st->clients.n; i++) {
		if (fu_state_status(st, i) != FU_AT_RISK ||
		    !client_passes(st, i, l->only, l->q->tag) ||
		    (l->q->channel != NULL && !same_channel(
		    st->cs[i].last_channel ? st->cs[i].last_channel : "",
		    l->q->channel)))
			continue;
		v[k].since = st->cs[i].risk_since;
		v[k++].client = i;
	}
	qsort(v, k, sizeof(*v), by_since);
	for (i = 0; i < k && rc == 0; i++) {
		const struct fu_cstate *cs = &st->cs[v[i].client];
		char cid[24], since[11], id[24], due[11];
		const char *row[8];

		snprintf(cid, sizeof(cid), "%llu",
		    (unsigned long long)st->clients.v[v[i].client].id);
		row[1] = cid;
		row[2] = st->clients.v[v[i].client].name;
		row[3] = fu_date_str(FU_STAMP_DATE(cs->risk_since), since);
		row[4] = cs->signal_why != NULL ? cs->signal_why : "";
		rc = pending(l, v[i].client, cs->signal_action, row, 5, id,
		    due, &b, e);
		if (rc == 0)
			rc = emit(l, row, FU_TONE_RISK, e);
	}
	fu_buf_free(&b);
	free(v);
	return rc;
}

struct occasion {
	fu_date date;
	size_t client;
	int kind;		/* 0 birthday, 1 anniversary */
	int years;
};

static int
by_date(const void *a, const void *b)
{
	const struct occasion *x = a, *y = b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if (x->client != y->client)
		return x->client < y->client ? -1 : 1;
	return x->kind - y->kind;
}

/*
 * The calendar (--ics): one all-day event a row, which a calendar app
 * that subscribes to the feed reads again each time it changes.
 */

/* A day as iCalendar writes it: 20261123. */
static char *
ics_day(fu_date z, char buf[9])
{
	int y, m, d;

	fu_date_split(z, &y, &m, &d);
	snprintf(buf, 9, "%04u%02u%02u", (unsigned)y % 10000u,
	    (unsigned)m % 100u, (unsigned)d % 100u);
	return buf;
}

/* An event's UID: the same for the same agreement or occasion on every
 * run and every machine, so that a calendar reading the feed again
 * updates its events instead of adding them twice.  Ids are not enough,
 * as every portfolio has an agreement 12 of a client 3, and the path
 * differs between machines; so the hash (XXH64) takes, with the ids,
 * what the rows were made with and no later row changes: the client's
 * name and the day the client came in, and the agreement's step, the day
 * it was made and the log row that made it, or the occasion's date. */
static const char *
ics_uid(const struct list *l, char buf[64], const char *kind, uint64_t id,
    const char *const *part, int n, struct fu_err *e)
{
	struct fu_digest *d;
	int i;

	if ((d = fu_digest_new()) == NULL)
		return fu_err_nomem(e), NULL;
	/* A team's feed: which of its portfolios (a feed of one portfolio
	 * keeps the UIDs it had alone). */
	if (*l->feed != '\0')
		fu_digest_add(d, l->feed, strlen(l->feed) + 1);
	fu_digest_add(d, kind, strlen(kind) + 1);
	for (i = 0; i < n; i++)
		fu_digest_add(d, part[i], strlen(part[i]) + 1);
	snprintf(buf, 64, "fu-%s-%llu-%016llx", kind, (unsigned long long)id,
	    (unsigned long long)fu_digest_value(d));
	fu_digest_free(d);
	return buf;
}

/* Adds a line "label: value" to a description, when there is a value. */
static int
ics_text(struct fu_buf *b, const char *label, const char *value)
{
	if (value == NULL || *value == '\0')
		return 0;
	if ((b->len > 0 && fu_buf_str(b, "\n") == -1) ||
	    fu_buf_str(b, label) == -1 || fu_buf_str(b, ": ") == -1 ||
	    fu_buf_str(b, value) == -1)
		return -1;
	return 0;
}

/* The lines of a description about the client: who, and how to reach
 * them. */
static int
ics_client(struct fu_buf *b, const struct list *l,
    const struct fu_clientrec *c, const struct fu_reach *r)
{
	return ics_text(b, "Client", c->name) | ics_text(b, "Company",
	    c->company) | ics_text(b, "Phone", r->phone) | ics_text(b, "Email",
	    r->email) | (l->several ? ics_text(b, "Portfolio", l->portfolio) :
	    0);
}

/* Prints an event: v holds its own properties, the rest are the same for
 * all. */
static int
ics_event(struct list *l, const char **v, fu_date day, char stamp[17],
    struct fu_err *e)
{
	char start[9], end[9];
	fu_date last;

	ics_day(l->st->asof, stamp);
	/* Made from today, not the clock, so that the feed of a day is the
	 * same bytes each time it is made (and a test can pin it). */
	memcpy(stamp + 8, "T000000Z", 9);
	v[ICS_STAMP] = stamp;
	v[ICS_START] = ics_day(day, start);
	/* All day: to the day after, which 9999-12-31 has not (an event
	 * with no end lasts its one day, RFC 5545 3.6.1). */
	fu_date_ymd(9999, 12, 31, &last);
	v[ICS_END] = day < last ? ics_day(day + 1, end) : "";
	v[ICS_TRANSP] = "TRANSPARENT";
	l->n++;
	return fu_out_row(l->o, v, e);
}

/* The email and phone of the clients whose want is set, as read again
 * (the state keeps neither); NULL if they cannot be read. */
static struct fu_reach *
ics_reach(struct list *l, const unsigned char *want,
    struct fu_arena **arena, struct fu_err *e)
{
	struct fu_reach *r;

	if ((r = calloc(l->st->clients.n + 1, sizeof(*r))) == NULL)
		return fu_err_nomem(e), NULL;
	if (fu_clients_reach(l->pf, &l->st->clients, want, r, arena, e) ==
	    -1) {
		free(r);
		return NULL;
	}
	return r;
}

/* An agreement's event, on its due day: a step that is late stays on the
 * day it was due, as the other listings show it. */
static int
ics_agreement(struct list *l, const struct fu_open *a,
    const struct fu_reach *r, struct fu_buf *sum, struct fu_buf *text,
    struct fu_err *e)
{
	const struct fu_clientrec *c = &l->st->clients.v[a->client];
	char uid[64], stamp[17], id[24], cid[24], from[24], since[11];
	char made[11], every[16], where[80], slips[48];
	const char *part[7], *v[ICS_NF] = { 0 };
	int rc;

	snprintf(id, sizeof(id), "%llu", (unsigned long long)a->id);
	snprintf(cid, sizeof(cid), "%llu", (unsigned long long)c->id);
	snprintf(from, sizeof(from), "%llu", (unsigned long long)a->from);
	snprintf(slips, sizeof(slips), "%d times", a->slips);
	part[0] = id;
	part[1] = cid;
	part[2] = c->name;
	part[3] = fu_date_str(c->since, since);
	part[4] = a->what;
	part[5] = fu_date_str(a->made, made);
	part[6] = a->from ? from : "";
	sum->len = text->len = 0;
	rc = fu_buf_str(sum, c->name) | fu_buf_str(sum, ": ") |
	    fu_buf_str(sum, a->what);
	rc |= ics_text(text, "Step", a->what) | ics_text(text, "Whose move",
	    a->side == FU_SIDE_CLIENT ? "the client's" : "mine") |
	    ics_text(text, "Channel", a->channel) | ics_client(text, l, c, r) |
	    ics_text(text, "Every", fu_period_str(&a->every, every)) |
	    ics_text(text, "Plan", *a->plan ? place(a, where) : "") |
	    ics_text(text, "Moved", a->slips > 0 ? slips : "") |
	    ics_text(text, "Agreement", id);
	if (rc != 0)
		return fu_err_nomem(e);
	if ((v[ICS_UID] = ics_uid(l, uid, "agreement", a->id, part, 7, e)) ==
	    NULL)
		return -1;
	v[ICS_RRULE] = "";
	v[ICS_SUMMARY] = sum->p;
	v[ICS_DESCRIPTION] = text->p;
	return ics_event(l, v, a->due, stamp, e);
}

/* The agreements listed, as events; a plan's step that waits has no day
 * yet, and no event. */
static int
ics_agreements(struct list *l, struct fu_err *e)
{
	const struct fu_state *st = l->st;
	fu_date until = horizon(l);
	struct fu_arena *arena = NULL;
	struct fu_reach *r = NULL;
	struct fu_buf sum = { 0 }, text = { 0 };
	unsigned char *want;
	size_t i, n = 0;
	int rc = 0;

	if ((want = calloc(st->clients.n + 1, 1)) == NULL)
		return fu_err_nomem(e);
	for (i = 0; i < st->nopen && st->open[i].due <= until; i++)
		if (st->open[i].due != FU_DATE_WAITING &&
		    listed(l, &st->open[i])) {
			want[st->open[i].client] = 1;
			n++;
		}
	if (l->q->quiet || n == 0)
		l->n += (long)n;
	else if ((r = ics_reach(l, want, &arena, e)) == NULL)
		rc = -1;
	for (i = 0; r != NULL && rc == 0 && i < st->nopen &&
	    st->open[i].due <= until; i++)
		if (st->open[i].due != FU_DATE_WAITING &&
		    listed(l, &st->open[i]))
			rc = ics_agreement(l, &st->open[i],
			    &r[st->open[i].client], &sum, &text, e);
	fu_buf_free(&sum);
	fu_buf_free(&text);
	fu_arena_free(arena);
	free(r);
	free(want);
	return rc;
}

struct occasion;
static int ics_occasions(struct list *, const struct occasion *, size_t,
    struct fu_err *);

/* Birthdays and anniversaries of clients whose consent is in force. */
static int
list_occasions(struct list *l, struct fu_err *e)
{
	const struct fu_state *st = l->st;
	int ics = l->o->fmt == FU_FMT_ICS;
	/* A calendar repeats them every year: by default it has them all,
	 * each on the next day it comes round. */
	fu_date until = st->asof + (l->q->within >= 0 ? l->q->within : ics ?
	    366 : 7);
	struct occasion *v;
	size_t i, k = 0;
	int y, m, d, kind, rc = 0;

	if ((v = malloc((2 * st->clients.n + 1) * sizeof(*v))) == NULL)
		return fu_err_nomem(e);
	fu_date_split(st->asof, &y, &m, &d);
	for (i = 0; i < st->clients.n; i++) {
		const struct fu_clientrec *c = &st->clients.v[i];

		if (!fu_state_consent(st, i) || (c->since != FU_DATE_NONE &&
		    c->since > st->asof) || !client_passes(st, i, l->only,
		    l->q->tag))
			continue;
		for (kind = 0; kind < 2; kind++) {
			const struct fu_mday *md = kind ? &c->anniversary :
			    &c->birthday;
			fu_date date;
			int year = y;

			if (md->month == 0)
				continue;
			/* The next time it comes round, today included. */
			if ((date = fu_mday_in_year(md, year)) < st->asof)
				date = fu_mday_in_year(md, ++year);
			if (date > until)
				continue;
			v[k].date = date;
			v[k].client = i;
			v[k].kind = kind;
			v[k].years = md->year ? year - md->year : -1;
			k++;
		}
	}
	qsort(v, k, sizeof(*v), by_date);
	if (ics)
		rc = ics_occasions(l, v, k, e);
	for (i = 0; i < k && rc == 0 && !ics; i++) {
		char date[11], cid[24], years[24];
		const char *row[6];

		snprintf(cid, sizeof(cid), "%llu",
		    (unsigned long long)st->clients.v[v[i].client].id);
		snprintf(years, sizeof(years), "%d", v[i].years);
		row[1] = fu_date_str(v[i].date, date);
		row[2] = cid;
		row[3] = st->clients.v[v[i].client].name;
		/* The word a script reads, or the person's. */
		row[4] = v[i].kind ? "anniversary" : "birthday";
		if (l->o->fmt == FU_FMT_TEXT)
			row[4] = v[i].kind ? _("anniversary") : _("birthday");
		row[5] = v[i].years < 0 ? "" : years;
		rc = emit(l, row, v[i].date == st->asof ? FU_TONE_TODAY :
		    FU_TONE_PLAIN, e);
	}
	free(v);
	return rc;
}

/* Occasions as yearly events, each from the next day it comes round
 * (the one listed), so that the first is never before the feed was
 * made; one on 29 February falls on the last day of February, as
 * fu_mday_in_year has it. */
static int
ics_occasions(struct list *l, const struct occasion *o, size_t n,
    struct fu_err *e)
{
	const struct fu_state *st = l->st;
	struct fu_arena *arena = NULL;
	struct fu_reach *r = NULL;
	struct fu_buf sum = { 0 }, text = { 0 };
	unsigned char *want;
	size_t i;
	int rc = 0;

	if (l->q->quiet || n == 0) {
		l->n += (long)n;
		return 0;
	}
	if ((want = calloc(st->clients.n + 1, 1)) == NULL)
		return fu_err_nomem(e);
	for (i = 0; i < n; i++)
		want[o[i].client] = 1;
	if ((r = ics_reach(l, want, &arena, e)) == NULL)
		rc = -1;
	for (i = 0; rc == 0 && i < n; i++) {
		const struct fu_clientrec *c = &st->clients.v[o[i].client];
		const struct fu_mday *md = o[i].kind ? &c->anniversary :
		    &c->birthday;
		const char *kind = o[i].kind ? "anniversary" : "birthday";
		char uid[64], stamp[17], cid[24], since[11], date[11];
		const char *part[4], *v[ICS_NF] = { 0 };

		snprintf(cid, sizeof(cid), "%llu", (unsigned long long)c->id);
		part[0] = cid;
		part[1] = c->name;
		part[2] = fu_date_str(c->since, since);
		part[3] = fu_mday_str(md, date);
		sum.len = text.len = 0;
		if ((fu_buf_str(&sum, c->name) | fu_buf_str(&sum, ": ") |
		    fu_buf_str(&sum, kind) | ics_text(&text, o[i].kind ?
		    "Anniversary" : "Birthday", date) | ics_client(&text, l, c,
		    &r[o[i].client])) != 0) {
			rc = fu_err_nomem(e);
			break;
		}
		if ((v[ICS_UID] = ics_uid(l, uid, kind, c->id, part, 4, e)) ==
		    NULL) {
			rc = -1;
			break;
		}
		v[ICS_RRULE] = md->month == 2 && md->day == 29 ?
		    "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1" : "FREQ=YEARLY";
		v[ICS_SUMMARY] = sum.p;
		v[ICS_DESCRIPTION] = text.p;
		rc = ics_event(l, v, o[i].date, stamp, e);
	}
	fu_buf_free(&sum);
	fu_buf_free(&text);
	fu_arena_free(arena);
	free(r);
	free(want);
	return rc;
}

/* Lists one portfolio.  With several, --client names a client of some of
 * them: where no one matches, nothing is listed. */
/* Whether a plan called name can be found for any of the portfolios;
 * if none, the error of the first. */
static int
plan_known(const struct fu_cli *cli, const char *name, struct fu_err *e)
{
	struct fu_portfolio pf;
	struct fu_plan plan;
	struct fu_err first = { 0 };
	int i, n = cli->nportfolio > 0 ? cli->nportfolio : 1;

	for (i = 0; i < n; i++) {
		if (fu_portfolio_path(cli->nportfolio > 0 ? cli->portfolio[i] :
		    NULL, pf.dir, sizeof(pf.dir), e) == -1)
			return -1;
		if (fu_plan_load(pf.dir, name, &plan, i == 0 ? &first : e) ==
		    0) {
			fu_plan_free(&plan);
			return 0;
		}
	}
	*e = first;
	return -1;
}

static int
list_one(struct list *l, const char *dir, fu_date today, int *matched,
    struct fu_err *e)
{
	struct fu_portfolio pf;
	struct fu_state st;
	int rc = 0;

	if (fu_portfolio_open(&pf, dir, e) == -1 ||
	    fu_state_load(&pf, today, NULL, &st, e) == -1)
		return fu_err_within(e, pf.dir, l->several);
	l->pf = &pf;
	l->st = &st;
	l->only = NULL;
	if (l->q->client != NULL && (rc = fu_client_find(&st.clients,
	    l->q->client, &l->only, e)) != 1) {
		fu_state_free(&st);
		if (rc == 0 && l->several)
			return 0;
		return fu_err_within(e, pf.dir, l->several);
	}
	++*matched;
	switch (l->q->mode) {
	case FU_DUE_AGREEMENTS:
		rc = l->o->fmt == FU_FMT_ICS ? ics_agreements(l, e) :
		    list_agreements(l, e);
		break;
	case FU_DUE_OCCASIONS: rc = list_occasions(l, e); break;
	case FU_DUE_AT_RISK: rc = list_at_risk(l, e); break;
	default: rc = list_clients(l, e); break;
	}
	fu_state_free(&st);
	return rc == -1 ? fu_err_within(e, pf.dir, l->several) : 0;
}

/*
 * --complete: the names a shell offers to complete a word, one a line,
 * so that completion asks the commands and never reads the files itself.
 */
static const struct fu_field name_field[] = { { "name", N_("NAME"), 0 } };

struct names {
	struct fu_out *o;
	const struct fu_clients *cs;
	struct fu_err *e;
	long n;
};

static int
put_name(struct names *nm, const char *name)
{
	const char *p;

	/* A name that is not one line cannot come back as one word. */
	for (p = name; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7F)
			return 0;
	nm->n++;
	return fu_out_row(nm->o, &name, nm->e);
}

static int
put_client(void *ctx, size_t i, int exact)
{
	struct names *nm = ctx;

	(void)exact;
	return put_name(nm, nm->cs->v[i].name);
}

/* The clients that the word (--client, all if none) matches as the client
 * matcher matches them, lost ones too; or the plans that can be started. */
static long
complete(const struct fu_cli *cli, const struct fu_due_query *q,
    struct fu_err *e)
{
	struct fu_portfolio pf;
	struct fu_clients cs;
	struct fu_out o;
	struct names nm = { NULL, NULL, NULL, 0 };
	char plans[64][48];
	size_t k, np;
	int i, rc = 0, n = cli->nportfolio > 0 ? cli->nportfolio : 1;
	int clients = strcmp(q->complete, "clients") == 0;

	if (!clients && strcmp(q->complete, "plans") != 0)
		return fu_err_usage(e, _("--complete \"%s\": use clients or "
		    "plans"), q->complete);
	if (fu_out_init(&o, FU_FMT_TEMPLATE, "{name}", name_field, 1, e) == -1)
		return -1;
	nm.o = &o;
	nm.e = e;
	for (i = 0; i < n && rc == 0; i++) {
		const char *dir = cli->nportfolio > 0 ? cli->portfolio[i] :
		    NULL;

		if (!clients) {
			if ((rc = fu_portfolio_path(dir, pf.dir,
			    sizeof(pf.dir), e)) == -1)
				break;
			np = fu_plan_names(pf.dir, plans, 64);
			for (k = 0; k < np && rc == 0; k++)
				rc = put_name(&nm, plans[k]);
			continue;
		}
		if ((rc = fu_portfolio_open(&pf, dir, e)) == -1 || !pf.found)
			continue;
		if ((rc = fu_clients_load(&pf, &cs, e)) == -1)
			break;
		nm.cs = &cs;
		rc = fu_client_each(&cs, q->client != NULL ? q->client : "",
		    put_client, &nm, e);
		fu_clients_free(&cs);
	}
	rc = fu_out_finish(&o, rc, e);
	return rc == -1 ? -1 : nm.n;
}

long
fu_due(const struct fu_cli *cli, const struct fu_due_query *q,
    struct fu_err *e)
{
	struct fu_field f[16];
	const struct fu_field *set;
	struct fu_out o;
	struct list l;
	char feed[256];
	int nf, i, n = cli->nportfolio > 0 ? cli->nportfolio : 1, matched = 0;
	int rc = 0;

	if (q->complete != NULL)
		return complete(cli, q, e);
	if (fu_text_check("--channel", q->channel, 0, e) == -1 ||
	    (q->tag != NULL && fu_tag_check(q->tag, e) == -1))
		return -1;
	if (q->mode != FU_DUE_AGREEMENTS && (q->overdue || q->slipped ||
	    q->plan))
		return fu_err_usage(e, _("--overdue, --slipped and --plan list "
		    "agreements: they do not go with --stale, --adrift, "
		    "--at-risk or --occasions"));
	if (cli->fmt == FU_FMT_ICS && q->mode != FU_DUE_AGREEMENTS &&
	    q->mode != FU_DUE_OCCASIONS)
		return fu_err_usage(e, _("--ics makes a calendar of the days "
		    "agreements are due, or of --occasions: not of --stale, "
		    "--adrift or --at-risk, which list clients"));
	if (fu_cli_portfolios_distinct(cli, e) == -1)
		return -1;
	switch (q->mode) {
	case FU_DUE_AGREEMENTS:
		set = agreement_fields;
		nf = NF(agreement_fields);
		break;
	case FU_DUE_OCCASIONS:
		set = occasion_fields;
		nf = NF(occasion_fields);
		break;
	case FU_DUE_AT_RISK:
		set = risk_fields;
		nf = NF(risk_fields);
		break;
	case FU_DUE_ADRIFT:
		set = client_fields;
		nf = NF(client_fields);
		break;
	default:		/* --stale: no reason why there is no step */
		set = client_fields;
		nf = NF(client_fields) - 1;
		break;
	}
	memcpy(f, set, (size_t)nf * sizeof(*f));
	if (q->mode == FU_DUE_AGREEMENTS && q->slipped)
		f[SLIPS].flags &= ~FU_F_NOTEXT;
	memset(&l, 0, sizeof(l));
	l.q = q;
	l.o = &o;
	l.several = n > 1;
	if (cli->fmt == FU_FMT_ICS) {
		/* The events' properties; the portfolio is in the text. */
		if (fu_out_init(&o, cli->fmt, NULL, ics_fields, ICS_NF, e) ==
		    -1)
			return -1;
	} else if (fu_out_init(&o, cli->fmt, cli->tmpl, f + !l.several, nf -
	    !l.several, e) == -1)
		return -1;
	o.raw = cli->raw;
	o.color = fu_out_color(cli);
	for (i = 0; i < n && rc == 0; i++) {
		l.portfolio = cli->nportfolio > 0 ? cli->portfolio[i] : NULL;
		l.feed = l.several ? feed_name(cli, i, feed, sizeof(feed)) :
		    "";
		rc = list_one(&l, l.portfolio, cli->today, &matched, e);
	}
	if (rc == 0 && q->client != NULL && matched == 0)
		rc = fu_err_usage(e, _("no client matches \"%s\" in any of "
		    "the portfolios"), q->client);
	/* A plan that lists nothing must be one: a typo is no silence. */
	if (rc == 0 && l.n == 0 && q->mode == FU_DUE_AGREEMENTS &&
	    q->plan != NULL)
		rc = plan_known(cli, q->plan, e);
	if (q->quiet)
		fu_out_discard(&o);
	else
		rc = fu_out_finish(&o, rc, e);
	return rc == -1 ? -1 : l.n;
}
