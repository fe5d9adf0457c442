/*
 * due.c - what fu-due lists: agreements, never bare clients (rule 4).
 * Where it lists clients (--stale, --adrift) each row carries the pending
 * agreement, or says there is none.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "priv.h"

static const struct fu_field agreement_fields[] = {
	{ "due", N_("DUE"), 0 },
	{ "late", N_("LATE"), FU_F_NUM },
	{ "client", N_("CLIENT"), FU_F_CUT },
	{ "what", N_("WHAT"), FU_F_CUT },
	{ "channel", N_("CHANNEL"), 0 },
	{ "id", N_("ID"), FU_F_NUM },
	{ "client_id", N_("CLIENT ID"), FU_F_NUM | FU_F_NOTEXT },
	{ "every", N_("EVERY"), FU_F_NOTEXT },
	{ "slips", N_("SLIPS"), FU_F_NUM | FU_F_NOTEXT },
};
#define SLIPS 8		/* shown in the text table with --slipped */
static const struct fu_field client_fields[] = {
	{ "client_id", N_("CLIENT ID"), FU_F_NUM | FU_F_NOTEXT },
	{ "client", N_("CLIENT"), FU_F_CUT },
	{ "last", N_("LAST"), 0 },
	{ "days", N_("DAYS"), FU_F_NUM },
	{ "last_channel", N_("CHANNEL"), 0 },
	{ "what", N_("PENDING"), FU_F_CUT },
	{ "due", N_("DUE"), 0 },
	{ "id", N_("ID"), FU_F_NUM },
};
static const struct fu_field occasion_fields[] = {
	{ "date", N_("DATE"), 0 },
	{ "client_id", N_("CLIENT ID"), FU_F_NUM | FU_F_NOTEXT },
	{ "client", N_("CLIENT"), FU_F_CUT },
	{ "occasion", N_("OCCASION"), 0 },
	{ "years", N_("YEARS"), FU_F_NUM },
};
#define NF(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* Whether a client passes --client and --tag. */
static int
client_passes(const struct fu_state *st, size_t i, const struct fu_clientrec
    *only, const char *tag)
{
	const struct fu_clientrec *c = &st->clients.v[i];
	const char *p;
	size_t n;

	if (only != NULL && only != c)
		return 0;
	if (tag == NULL)
		return 1;
	if ((n = strlen(tag)) == 0)
		return 0;	/* no word is empty */
	for (p = c->tags; (p = strstr(p, tag)) != NULL; p += n)
		if ((p == c->tags || p[-1] == ' ') && (p[n] == '\0' ||
		    p[n] == ' '))
			return 1;
	return 0;
}

static int
same_channel(const char *a, const char *b)
{
	char *x = fu_fold(a, strlen(a)), *y = fu_fold(b, strlen(b));
	int same = x != NULL && y != NULL && strcmp(x, y) == 0;

	free(x);
	free(y);
	return same;
}

static int
emit(struct fu_out *o, const struct fu_due_query *q, const char *const *v,
    long *n, struct fu_err *e)
{
	(*n)++;
	return q->quiet ? 0 : fu_out_row(o, v, e);
}

static int
list_agreements(const struct fu_state *st, const struct fu_due_query *q,
    const struct fu_clientrec *only, struct fu_out *o, long *n,
    struct fu_err *e)
{
	fu_date until = st->asof + (q->within > 0 ? q->within : 0);
	char due[11], late[24], cid[24], id[24], every[16], slips[24];
	size_t i;

	if (q->slipped > 0 && q->within < 0 && !q->overdue)
		until = INT32_MAX;
	for (i = 0; i < st->nopen; i++) {
		const struct fu_open *a = &st->open[i];
		const struct fu_clientrec *c = &st->clients.v[a->client];
		const char *v[9];

		if (a->due > until)
			break;		/* st->open is in order of due date */
		if ((q->overdue && a->due >= st->asof) ||
		    a->slips < q->slipped ||
		    !client_passes(st, a->client, only, q->tag) ||
		    (q->channel != NULL && !same_channel(a->channel,
		    q->channel)))
			continue;
		snprintf(late, sizeof(late), "%ld", (long)st->asof - a->due);
		snprintf(cid, sizeof(cid), "%llu", (unsigned long long)c->id);
		snprintf(id, sizeof(id), "%llu", (unsigned long long)a->id);
		snprintf(slips, sizeof(slips), "%d", a->slips);
		v[0] = fu_date_str(a->due, due);
		v[1] = late;
		v[2] = c->name;
		v[3] = a->what;
		v[4] = a->channel;
		v[5] = id;
		v[6] = cid;
		v[7] = fu_period_str(&a->every, every);
		v[8] = slips;
		if (emit(o, q, v, n, e) == -1)
			return -1;
	}
	return 0;
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

static int
list_clients(const struct fu_state *st, const struct fu_due_query *q,
    const struct fu_clientrec *only, struct fu_out *o, long *n,
    struct fu_err *e)
{
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
		    !client_passes(st, i, only, q->tag))
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
		const struct fu_open *a = cs->open ? &st->open[cs->next] : NULL;
		char cid[24], last[11], days[24], id[24], due[11];
		const char *row[8];

		snprintf(cid, sizeof(cid), "%llu",
		    (unsigned long long)st->clients.v[v[i].client].id);
		snprintf(days, sizeof(days), "%ld", v[i].days);
		row[0] = cid;
		row[1] = st->clients.v[v[i].client].name;
		row[2] = fu_date_str(cs->last, last);
		row[3] = v[i].days < 0 ? "" : days;
		row[4] = cs->last_channel ? cs->last_channel : "";
		if (a != NULL) {
			snprintf(id, sizeof(id), "%llu",
			    (unsigned long long)a->id);
			row[5] = a->what;
			row[6] = fu_date_str(a->due, due);
			row[7] = id;
		} else {
			/* Rule 4: say there is none, where a person reads. */
			row[5] = o->fmt == FU_FMT_TEXT ? _("none: no next "
			    "step") : "";
			row[6] = row[7] = "";
		}
		rc = emit(o, q, row, n, e);
	}
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

static int
list_occasions(const struct fu_state *st, const struct fu_due_query *q,
    const struct fu_clientrec *only, struct fu_out *o, long *n,
    struct fu_err *e)
{
	fu_date until = st->asof + (q->within >= 0 ? q->within : 7);
	struct occasion *v;
	size_t i, k = 0;
	int y, m, d, kind, rc = 0;

	if ((v = malloc((2 * st->clients.n + 1) * sizeof(*v))) == NULL)
		return fu_err_nomem(e);
	fu_date_split(st->asof, &y, &m, &d);
	for (i = 0; i < st->clients.n; i++) {
		const struct fu_clientrec *c = &st->clients.v[i];

		if (!c->consent || (c->since != FU_DATE_NONE && c->since >
		    st->asof) || !client_passes(st, i, only, q->tag))
			continue;
		for (kind = 0; kind < 2; kind++) {
			const struct fu_mday *md = kind ? &c->anniversary :
			    &c->birthday;
			fu_date when;
			int year = y;

			if (md->month == 0)
				continue;
			/* The next time it comes round, today included. */
			if ((when = fu_mday_in_year(md, year)) < st->asof)
				when = fu_mday_in_year(md, ++year);
			if (when > until)
				continue;
			v[k].date = when;
			v[k].client = i;
			v[k].kind = kind;
			v[k].years = md->year ? year - md->year : -1;
			k++;
		}
	}
	qsort(v, k, sizeof(*v), by_date);
	for (i = 0; i < k && rc == 0; i++) {
		char date[11], cid[24], years[24];
		const char *row[5];

		snprintf(cid, sizeof(cid), "%llu",
		    (unsigned long long)st->clients.v[v[i].client].id);
		snprintf(years, sizeof(years), "%d", v[i].years);
		row[0] = fu_date_str(v[i].date, date);
		row[1] = cid;
		row[2] = st->clients.v[v[i].client].name;
		row[3] = v[i].kind ? "anniversary" : "birthday";
		row[4] = v[i].years < 0 ? "" : years;
		rc = emit(o, q, row, n, e);
	}
	free(v);
	return rc;
}

long
fu_due(const struct fu_cli *cli, const struct fu_due_query *q,
    struct fu_err *e)
{
	struct fu_field af[NF(agreement_fields)];
	struct fu_portfolio pf;
	struct fu_state st;
	struct fu_out o;
	const struct fu_clientrec *only = NULL;
	long n = 0;
	int rc = 0;

	memset(&o, 0, sizeof(o));
	if (fu_text_check("--channel", q->channel, 0, e) == -1 ||
	    (q->tag != NULL && fu_tag_check(q->tag, e) == -1))
		return -1;
	if (q->mode != FU_DUE_AGREEMENTS && (q->overdue || q->slipped))
		return fu_err_usage(e, _("--overdue and --slipped list "
		    "agreements: they do not go with --stale, --adrift or "
		    "--occasions"));
	memcpy(af, agreement_fields, sizeof(af));
	if (q->slipped)
		af[SLIPS].flags &= ~FU_F_NOTEXT;
	switch (q->mode) {
	case FU_DUE_AGREEMENTS:
		rc = fu_out_init(&o, cli->fmt, cli->tmpl, af, NF(af), e);
		break;
	case FU_DUE_OCCASIONS:
		rc = fu_out_init(&o, cli->fmt, cli->tmpl, occasion_fields,
		    NF(occasion_fields), e);
		break;
	default:
		rc = fu_out_init(&o, cli->fmt, cli->tmpl, client_fields,
		    NF(client_fields), e);
		break;
	}
	if (rc == -1)
		return -1;
	o.raw = cli->raw;
	if (fu_portfolio_open(&pf, fu_cli_portfolio(cli), e) == -1 ||
	    fu_state_load(&pf, cli->today, NULL, &st, e) == -1) {
		fu_out_discard(&o);
		return -1;
	}
	if (q->client != NULL &&
	    (only = fu_client_match(&st.clients, q->client, e)) == NULL)
		rc = -1;
	else if (q->mode == FU_DUE_AGREEMENTS)
		rc = list_agreements(&st, q, only, &o, &n, e);
	else if (q->mode == FU_DUE_OCCASIONS)
		rc = list_occasions(&st, q, only, &o, &n, e);
	else
		rc = list_clients(&st, q, only, &o, &n, e);
	if (q->quiet)
		fu_out_discard(&o);
	else
		rc = fu_out_finish(&o, rc, e);
	fu_state_free(&st);
	return rc == -1 ? -1 : n;
}
