/*
 * contact.c - rule 2: a contact follows up on an open agreement of its
 * client, or makes one; a contact that checks on nothing is refused.
 * An event (signal, lost, won, referral) is about the client and closes
 * no agreement.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "priv.h"

#define LIST_MAX 8

/* A contact as checked and typed. */
struct contact {
	const struct fu_contact *in;
	enum fu_outcome outcome;	/* -o or the event; NONE for kept */
	uint64_t agreement;		/* -a, 0 for the implied one */
	fu_date date, today, due;	/* due: FU_DATE_NONE if not given */
	struct fu_period every;		/* n 0 if not given */
	int has_amount;
	fu_cents amount;
	enum fu_mood mood;
};

/* "\n  -a 3\tSend the quote (due 2026-11-27)...": for messages. */
static const char *
list_open(const struct fu_open *const *v, size_t n, char *buf, size_t size)
{
	size_t i, len = 0;
	char due[11];
	int w;

	buf[0] = '\0';
	for (i = 0; i < n && i < LIST_MAX; i++) {
		w = snprintf(buf + len, size - len, "\n  -a %llu\t%s (due %s)",
		    (unsigned long long)v[i]->id, v[i]->what,
		    fu_date_str(v[i]->due, due));
		if (w < 0 || (size_t)w >= size - len)
			break;
		len += (size_t)w;
	}
	return buf;
}

/* Checks and types what fu-log was given, before any file is read. */
static int
parse(const struct fu_cli *cli, const struct fu_contact *in,
    struct contact *c, struct fu_err *e)
{
	int event = in->event != FU_EVENT_NONE;

	memset(c, 0, sizeof(*c));
	c->in = in;
	c->today = cli->today;
	c->date = cli->today;
	c->due = FU_DATE_NONE;
	if (in->agreement != NULL && fu_id_parse(in->agreement,
	    strlen(in->agreement), &c->agreement) == -1)
		return fu_err_usage(e, _("-a \"%s\" is not an agreement id"),
		    in->agreement);
	if (event && (in->outcome || in->agreement || in->amount || in->mood))
		return fu_err_usage(e, _("-a, -o, --amount and --mood are for "
		    "a contact, not for --signal, --lost, --won or "
		    "--referral"));
	if ((in->date && fu_date_parse(in->date, c->today, &c->date, e) ==
	    -1) || (in->due && fu_date_parse(in->due, c->today, &c->due, e) ==
	    -1) || fu_text_check("CLIENT", in->client, 0, e) == -1 ||
	    fu_text_check("--channel", in->channel, 0, e) == -1 ||
	    fu_text_check("--note", in->note, 1, e) == -1 ||
	    fu_text_check("--next", in->next, 0, e) == -1 ||
	    fu_text_check(in->event == FU_EVENT_LOST ? "--lost" : "--signal",
	    in->text, 0, e) == -1)
		return -1;
	if (in->outcome != NULL && ((c->outcome = fu_outcome_parse(
	    in->outcome, strlen(in->outcome))) == FU_O_NONE ||
	    c->outcome > FU_O_DROPPED))
		return fu_err_usage(e, _("-o \"%s\" is not an outcome: kept, "
		    "broken, moved or dropped"), in->outcome);
	if (in->every && fu_period_parse(in->every, strlen(in->every),
	    &c->every) == -1)
		return fu_err_usage(e, _("--every \"%s\" is not a period: use "
		    "such as 90d, 2w, 3m or 1y"), in->every);
	if (in->every && in->next == NULL)
		return fu_err_usage(e, _("--every goes with --next WHAT"));
	if (in->amount && (c->has_amount = 1, fu_money_parse(in->amount,
	    strlen(in->amount), &c->amount) == -1))
		return fu_err_usage(e, _("--amount \"%s\" is not an amount "
		    "(such as 1250 or 1250.50)"), in->amount);
	if (in->mood != NULL) {
		if (strcmp(in->mood, "+") == 0)
			c->mood = FU_MOOD_PLUS;
		else if (strcmp(in->mood, "0") == 0)
			c->mood = FU_MOOD_ZERO;
		else if (strcmp(in->mood, "-") == 0)
			c->mood = FU_MOOD_MINUS;
		else
			return fu_err_usage(e, _("--mood \"%s\" is not +, 0 or "
			    "-"), in->mood);
	}
	switch (in->event) {
	case FU_EVENT_SIGNAL: c->outcome = FU_O_SIGNAL; break;
	case FU_EVENT_LOST: c->outcome = FU_O_LOST; break;
	case FU_EVENT_WON: c->outcome = FU_O_WON; break;
	case FU_EVENT_REFERRAL: c->outcome = FU_O_REFERRAL; break;
	default: break;
	}
	return 0;
}

static int
follow(const struct fu_state *st, const struct fu_clientrec *cl, size_t ci,
    const struct contact *c, const struct fu_open **a, struct fu_err *e)
{
	const struct fu_open *v[LIST_MAX];
	size_t n = fu_state_client_open(st, ci, v, LIST_MAX);
	char list[1024], d1[11], d2[11];

	*a = NULL;
	if (c->agreement != 0) {
		if ((*a = fu_state_find_open(st, c->agreement)) == NULL ||
		    (*a)->client != ci) {
			if (n == 0)
				return fu_err_usage(e, _("agreement %llu is not "
				    "an open agreement of %s, who has none; add "
				    "--next WHAT --due DATE, or --lost REASON"),
				    (unsigned long long)c->agreement, cl->name);
			return fu_err_usage(e, _("agreement %llu is not an "
			    "open agreement of %s; the open ones:%s"),
			    (unsigned long long)c->agreement, cl->name,
			    list_open(v, n, list, sizeof(list)));
		}
	} else if (n == 1)
		*a = v[0];
	else if (n > 1)
		return fu_err_usage(e, _("%s has %zu open agreements; name the "
		    "one this contact followed up on:%s"), cl->name, n,
		    list_open(v, n, list, sizeof(list)));
	if (*a != NULL && (*a)->made != FU_DATE_NONE && (*a)->made > c->date)
		return fu_err_usage(e, _("agreement %llu was made on %s, after "
		    "this contact (%s)"), (unsigned long long)(*a)->id,
		    fu_date_str((*a)->made, d1), fu_date_str(c->date, d2));
	if (*a == NULL && c->in->next == NULL && c->outcome != FU_O_LOST)
		return fu_err_usage(e, _("%s has no open agreement; add --next "
		    "WHAT --due DATE, or --lost REASON"), cl->name);
	return 0;
}

/* The log row's note: an event's text before the note the user gave,
 * whole (text is never cut: a cut could split a character). */
static char *
event_note(const struct contact *c, const struct fu_clientrec *ref)
{
	const char *note = c->in->note;
	char *head, *s;

	if (ref != NULL)
		head = fu_strf(_("referred %s (%llu)"), ref->name,
		    (unsigned long long)ref->id);
	else
		head = fu_strf("%s", c->in->text);
	if (head == NULL)
		return NULL;
	s = note != NULL ? fu_strf("%s - %s", head, note) : head;
	if (s != head)
		free(head);
	return s;
}

/* What a contact does, once decided: the agreement it followed up on and
 * what became of it, and the step it makes. */
struct plan {
	const struct fu_open *a;		/* followed up on, or NULL */
	const struct fu_clientrec *ref;		/* --referral */
	enum fu_outcome outcome;
	const char *what;			/* the step made, or NULL */
	fu_date due;
	struct fu_period every;
	const char *channel;			/* the step's channel */
	char *owned;				/* what, when made here */
};

/* Decides what the contact does, under rule 2; refuses what it must. */
static int
decide(const struct fu_state *st, const struct fu_clientrec *cl, size_t ci,
    const struct contact *c, struct plan *p, struct fu_err *e)
{
	enum fu_status status = fu_state_status(st, ci);

	memset(p, 0, sizeof(*p));
	p->outcome = c->outcome;
	p->what = c->in->next;
	p->due = c->due;
	p->every = c->every;
	if (p->outcome >= FU_O_SIGNAL) {
		if (p->outcome == FU_O_LOST && status == FU_LOST)
			return fu_err_usage(e, _("%s is already lost; a comeback "
			    "is --won --next WHAT --due DATE"), cl->name);
		if (p->outcome == FU_O_WON && status != FU_LOST)
			return fu_err_usage(e, _("%s is not lost: --won records "
			    "that a lost client came back"), cl->name);
		if (p->outcome == FU_O_WON && p->what == NULL)
			return fu_err_usage(e, _("a client who comes back needs "
			    "a next step: add --next WHAT --due DATE"));
		if (p->outcome == FU_O_REFERRAL) {
			if ((p->ref = fu_client_match(&st->clients,
			    c->in->referral, e)) == NULL)
				return -1;
			if (p->ref == cl)
				return fu_err_usage(e, _("%s cannot refer "
				    "themselves"), cl->name);
		}
		if (p->outcome == FU_O_SIGNAL && p->what == NULL) {
			/* A warning sign is acted on at once, or by --due. */
			if ((p->owned = fu_strf(_("Act on the warning sign: "
			    "%s"), c->in->text)) == NULL)
				return fu_err_nomem(e);
			p->what = p->owned;
			if (p->due == FU_DATE_NONE)
				p->due = c->today;
		}
	} else {
		/* A lost client is followed up only on a win-back step made
		 * when they left (--lost --next). */
		if (status == FU_LOST && st->cs[ci].open == 0)
			return fu_err_usage(e, _("%s is lost: record a comeback "
			    "with --won --next WHAT --due DATE"), cl->name);
		if (follow(st, cl, ci, c, &p->a, e) == -1)
			return -1;
		if (p->a == NULL && p->outcome != FU_O_NONE)
			return fu_err_usage(e, _("-o %s needs an agreement to "
			    "follow up on"), fu_outcome_str(p->outcome));
		if (p->a != NULL && p->outcome == FU_O_NONE)
			p->outcome = FU_O_KEPT;
		/* A moved step continues: the same step, channel and period,
		 * on the new date. */
		if (p->outcome == FU_O_MOVED && p->what == NULL) {
			if (p->due == FU_DATE_NONE)
				return fu_err_usage(e, _("moved to when? add "
				    "--due DATE (and --next WHAT for a new "
				    "step)"));
			p->what = p->a->what;
			p->channel = p->a->channel;
			if (c->every.n == 0)
				p->every = p->a->every;
		}
	}
	if (p->what == NULL && p->due != FU_DATE_NONE)
		return fu_err_usage(e, _("--due goes with --next WHAT"));
	if (p->what != NULL && fu_rule_agreement(cl, p->what, p->due, c->date,
	    &p->every, e) == -1)
		return -1;
	return 0;
}

/* Builds the rows of a decided contact: the step it makes, the next
 * occurrence of a recurring agreement it kept, and its log row. */
static int
build(struct fu_builder *b, const struct fu_clientrec *cl,
    const struct contact *c, const struct plan *p, uint64_t *made,
    struct fu_err *e)
{
	uint64_t log_id = fu_build_next_id(b, FU_LOG);
	struct fu_agreement next, occ;
	struct fu_logrow l;
	char *note = NULL;
	int rc;

	*made = 0;
	if (p->what != NULL) {
		memset(&next, 0, sizeof(next));
		next.client = cl->id;
		next.what = p->what;
		next.due = p->due;
		next.channel = p->channel;
		next.every = p->every;
		next.made = c->date;
		next.from = log_id;
		if (fu_build_agreement(b, &next, e) == -1)
			return -1;
		*made = next.id;
	}
	/* A kept recurring agreement makes its next occurrence, due one
	 * period after this contact. */
	if (p->a != NULL && p->outcome == FU_O_KEPT && p->a->every.n > 0) {
		memset(&occ, 0, sizeof(occ));
		occ.client = cl->id;
		occ.what = p->a->what;
		occ.due = fu_period_add(c->date, &p->a->every);
		occ.channel = p->a->channel;
		occ.every = p->a->every;
		occ.made = c->date;
		occ.from = log_id;
		if (fu_build_agreement(b, &occ, e) == -1)
			return -1;
		if (*made == 0)
			*made = occ.id;
	}
	memset(&l, 0, sizeof(l));
	l.date = c->date;
	l.client = cl->id;
	l.agreement = p->a != NULL ? p->a->id : 0;
	l.channel = c->in->channel ? c->in->channel : p->a ? p->a->channel :
	    NULL;
	l.outcome = p->outcome;
	l.has_amount = c->has_amount;
	l.amount = c->amount;
	l.mood = c->mood;
	l.next = *made;
	l.note = c->in->note;
	if (p->outcome >= FU_O_SIGNAL && (c->in->text != NULL || p->ref !=
	    NULL)) {
		if ((note = event_note(c, p->ref)) == NULL)
			return fu_err_nomem(e);
		l.note = note;
	}
	rc = fu_build_log(b, &l, e);
	free(note);
	if (rc == 0 && l.id != log_id)
		FU_BUG("the log row did not get the id its agreements name");
	return rc;
}

static int
record(struct fu_builder *b, const struct fu_clientrec *cl, size_t ci,
    const struct contact *c, uint64_t *made, struct fu_err *e)
{
	struct plan p;
	int rc;

	rc = decide(&b->st, cl, ci, c, &p, e);
	if (rc == 0)
		rc = build(b, cl, c, &p, made, e);
	free(p.owned);
	return rc;
}

int
fu_contact_log(const struct fu_cli *cli, const struct fu_contact *in,
    uint64_t *made, struct fu_err *e)
{
	struct fu_builder b;
	struct contact c;
	const struct fu_clientrec *cl;
	char d1[11], d2[11];

	*made = 0;
	if (parse(cli, in, &c, e) == -1)
		return -1;
	if (c.date > c.today)
		return fu_err_usage(e, _("--date %s is after today (%s): a "
		    "contact is logged once it happened"), fu_date_str(c.date,
		    d1), fu_date_str(c.today, d2));
	if (fu_build_begin(&b, cli, 0, e) == -1)
		return -1;
	if ((cl = fu_client_match(&b.st.clients, in->client, e)) == NULL ||
	    record(&b, cl, (size_t)(cl - b.st.clients.v), &c, made, e) ==
	    -1) {
		fu_build_abort(&b);
		return -1;
	}
	return fu_build_commit(&b, e);
}
