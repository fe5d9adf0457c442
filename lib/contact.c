/*
 * contact.c - rule 2: a contact follows up on an open agreement of its
 * client, or makes one; a contact that checks on nothing is refused, and
 * so is one that leaves the client with no next step, unless it says why.
 * An event (signal, lost, won, referral, consent given or taken back) is
 * about the client and settles no agreement; nor does a greeting, a touch
 * that keeps the relationship alive and asks for nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "priv.h"

#define LIST_MAX 8
#define NEAR 7		/* days: an agreement due this soon, or overdue, is
			 * the one an unnamed contact followed up on */

/* A contact as checked and typed. */
struct contact {
	const struct fu_cli *cli;
	const struct fu_contact *in;
	enum fu_outcome outcome;	/* -o or the event; NONE for kept */
	int settles;			/* -o was given */
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
		if (v[i]->due == FU_DATE_WAITING)
			w = snprintf(buf + len, size - len, _("\n  -a %llu\t%s "
			    "(due once %llu is kept)"), (unsigned long long)
			    v[i]->id, v[i]->what, (unsigned long long)
			    v[i]->waits_on);
		else
			w = snprintf(buf + len, size - len, _("\n  -a %llu\t%s "
			    "(due %s)"), (unsigned long long)v[i]->id,
			    v[i]->what, fu_date_str(v[i]->due, due));
		if (w < 0 || (size_t)w >= size - len)
			break;
		len += (size_t)w;
	}
	return buf;
}

/* The outcome of an event, NONE for a contact. */
static enum fu_outcome
event_outcome(enum fu_event ev)
{
	static const enum fu_outcome o[] = {
		[FU_EVENT_NONE] = FU_O_NONE, [FU_EVENT_SIGNAL] = FU_O_SIGNAL,
		[FU_EVENT_LOST] = FU_O_LOST, [FU_EVENT_WON] = FU_O_WON,
		[FU_EVENT_REFERRAL] = FU_O_REFERRAL,
		[FU_EVENT_GREETING] = FU_O_GREETING,
		[FU_EVENT_CONSENT] = FU_O_CONSENT,
		[FU_EVENT_NO_CONSENT] = FU_O_NO_CONSENT,
	};

	return o[ev];
}

/* Checks and types what fu-log was given, before any file is read. */
static int
parse(const struct fu_cli *cli, const struct fu_contact *in,
    struct contact *c, struct fu_err *e)
{
	int event = in->event != FU_EVENT_NONE;
	const char *text_opt = in->event == FU_EVENT_LOST ? "--lost" :
	    in->event == FU_EVENT_GREETING ? "--greeting" : "--signal";

	memset(c, 0, sizeof(*c));
	c->cli = cli;
	c->in = in;
	c->today = cli->today;
	c->date = cli->today;
	c->due = FU_DATE_NONE;
	if (in->agreement != NULL && fu_id_parse(in->agreement,
	    strlen(in->agreement), &c->agreement) == -1)
		return fu_err_usage(e, _("-a \"%s\" is not an agreement id"),
		    in->agreement);
	/* A greeting may say how it felt; it settles nothing and sells
	 * nothing. */
	if (event && (in->outcome || in->agreement || in->amount))
		return fu_err_usage(e, _("-a, -o and --amount are for a "
		    "contact, not for --signal, --lost, --won, --referral, "
		    "--greeting, --consent or --no-consent"));
	if (event && in->mood && in->event != FU_EVENT_GREETING)
		return fu_err_usage(e, _("--mood is for a contact or a "
		    "greeting, not for --signal, --lost, --won, --referral, "
		    "--consent or --no-consent"));
	if (in->client != NULL && in->client[strspn(in->client, " \t")] ==
	    '\0')
		return fu_err_usage(e, _("no client named: give an id or "
		    "part of a name"));
	if ((in->date && fu_date_parse(in->date, c->today, &c->date, e) ==
	    -1) || (in->due && fu_date_parse(in->due, c->today, &c->due, e) ==
	    -1) || fu_text_check("CLIENT", in->client, 0, e) == -1 ||
	    fu_text_check("--channel", in->channel, 0, e) == -1 ||
	    fu_text_check("--next-channel", in->next_channel, 0, e) == -1 ||
	    fu_text_check("--note", in->note, 1, e) == -1 ||
	    fu_text_check("--next", in->next, 0, e) == -1 ||
	    fu_text_check("--no-next", in->no_next, 0, e) == -1 ||
	    fu_text_check(text_opt, in->text, 0, e) == -1 ||
	    (in->event == FU_EVENT_GREETING && fu_rule_greeting(in->text,
	    e) == -1))
		return -1;
	if (in->outcome != NULL && ((c->outcome = fu_outcome_said(
	    in->outcome)) == FU_O_NONE || !FU_SETTLES(c->outcome)))
		return fu_err_usage(e, _("-o \"%s\" is not an outcome: kept, "
		    "broken, moved or dropped"), in->outcome);
	c->settles = in->outcome != NULL;
	if (in->every && fu_period_parse(in->every, strlen(in->every),
	    &c->every) == -1)
		return fu_err_usage(e, _("--every \"%s\" is not a period: use "
		    "such as 90d, 2w, 3m or 1y"), in->every);
	if (in->every && in->next == NULL)
		return fu_err_usage(e, _("--every goes with --next WHAT"));
	if ((in->next_channel || in->theirs) && in->next == NULL)
		return fu_err_usage(e, _("--next-channel and --theirs go with "
		    "--next WHAT"));
	if (in->no_next && (in->next || in->plan || (event &&
	    in->event != FU_EVENT_NO_CONSENT)))
		return fu_err_usage(e, _("--no-next says why a contact, or "
		    "--no-consent, leaves no next step: it does not go with "
		    "--next, --plan or another event"));
	if (in->plan && (in->next || in->due || in->every))
		return fu_err_usage(e, _("--plan makes the next steps: it "
		    "does not go with --next, --due or --every"));
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
	if (event)
		c->outcome = event_outcome(in->event);
	return 0;
}

/* The agreement a contact followed up on: the one named, or the one it
 * can only be.  It can only be one when the client has one open, due
 * within a week or overdue (or -o says what became of it, or --no-next
 * that none is left), and not made this same day by the contact that
 * kept the one before it, or by one that made the same step: this would
 * then most likely be that contact logged again. */
static int
follow(const struct fu_state *st, const struct fu_clientrec *cl, size_t ci,
    const struct contact *c, const struct fu_open **a, struct fu_err *e)
{
	const struct fu_open *v[LIST_MAX];
	size_t n = fu_state_client_open(st, ci, v, LIST_MAX), due_n = 0, i;
	char list[1024], d1[11], d2[11];

	/* A plan's step that waits on another (listed last) is none a
	 * contact can have followed up on unnamed. */
	for (i = 0; i < n && i < LIST_MAX; i++)
		due_n += v[i]->due != FU_DATE_WAITING;
	if (n > LIST_MAX && due_n == LIST_MAX)
		due_n = n;
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
	} else if (due_n > 1)
		return fu_err_usage(e, _("%s has %zu open agreements; name the "
		    "one this contact followed up on:%s"), cl->name, n,
		    list_open(v, n, list, sizeof(list)));
	else if (due_n == 1) {
		if (v[0]->continues && v[0]->made == c->date)
			return fu_err_usage(e, _("%s's only open agreement, %llu "
			    "(%s), was made on %s by the contact that kept the "
			    "one before it: if another contact followed up on "
			    "it, name it with -a %llu"),
			    cl->name, (unsigned long long)v[0]->id,
			    v[0]->what, fu_date_str(v[0]->made, d1),
			    (unsigned long long)v[0]->id);
		if (v[0]->from != 0 && v[0]->made == c->date &&
		    c->in->next != NULL && strcmp(c->in->next, v[0]->what) ==
		    0)
			return fu_err_usage(e, _("%s's only open agreement, %llu "
			    "(%s), was made on %s by a contact that made the "
			    "same step: this is that contact logged again; if "
			    "not, name the agreement with -a %llu"), cl->name,
			    (unsigned long long)v[0]->id, v[0]->what,
			    fu_date_str(v[0]->made, d1),
			    (unsigned long long)v[0]->id);
		/* --no-next settles the one open agreement, or is refused. */
		if (!c->settles && c->in->no_next == NULL &&
		    v[0]->due > c->date + NEAR)
			return fu_err_usage(e, _("%s's only open agreement, %llu "
			    "(%s), is due on %s: if this contact followed up "
			    "on it, name it with -a %llu; a greeting that "
			    "settles nothing is --greeting TEXT"), cl->name,
			    (unsigned long long)v[0]->id, v[0]->what,
			    fu_date_str(v[0]->due, d1), (unsigned long long)
			    v[0]->id);
		*a = v[0];
	}
	if (*a != NULL && (*a)->made != FU_DATE_NONE && (*a)->made > c->date)
		return fu_err_usage(e, _("agreement %llu was made on %s, after "
		    "this contact (%s)"), (unsigned long long)(*a)->id,
		    fu_date_str((*a)->made, d1), fu_date_str(c->date, d2));
	if (*a == NULL && c->in->next == NULL && c->outcome != FU_O_LOST &&
	    c->in->no_next == NULL && c->in->plan == NULL)
		return fu_err_usage(e, _("%s has no open agreement; add --next "
		    "WHAT --due DATE, --lost REASON, or --no-next REASON"),
		    cl->name);
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
	const char *via;			/* the contact's channel */
	const char *channel;			/* the step's channel */
	enum fu_side side;
	const char *label;			/* a plan's step it continues */
	char *owned;				/* what, when made here */
	int consent;				/* in force after this */
};

/* A referral is one fact: refused when it is recorded already, in the
 * clients table or in the log, by this referrer or another. */
static int
referral(const struct fu_state *st, const struct fu_clientrec *cl,
    const struct fu_clientrec *ref, struct fu_err *e)
{
	const struct fu_clientrec *by;
	uint64_t r = ref->referred_by;
	int where = 0;

	if (r == 0 && fu_idmap_get(st->referrals, ref->id, &r))
		where = 1;
	if (r == 0)
		return 0;
	if ((by = fu_clients_get(&st->clients, r)) == NULL)
		FU_BUG("a referrer who is not a client");
	if (by == cl)
		return fu_err_usage(e, where ? _("%s's referral of %s is in the "
		    "log already") : _("%s's referral of %s is recorded already "
		    "(referred_by, clients.csv line %ld)"), cl->name, ref->name,
		    ref->line);
	return fu_err_usage(e, _("%s was referred by %s: a client is referred "
	    "once"), ref->name, by->name);
}

/* Appends " OPT VALUE" (or " VALUE" for a NULL opt), the value quoted for
 * a shell when it is not a plain word. */
static int
sh_arg(struct fu_buf *b, const char *opt, const char *value)
{
	const char *s;

	if (fu_buf_str(b, " ") == -1 || (opt != NULL && (fu_buf_str(b, opt) ==
	    -1 || fu_buf_str(b, " ") == -1)))
		return -1;
	if (*value != '\0' && value[strspn(value, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._,+-/:=@%")] == '\0')
		return fu_buf_str(b, value);
	if (fu_buf_str(b, "'") == -1)
		return -1;
	for (s = value; *s != '\0'; s++)
		if (fu_buf_add(b, *s == '\'' ? "'\\''" : s, *s == '\'' ? 4 :
		    1) == -1)
			return -1;
	return fu_buf_str(b, "'");
}

/* The refusal of a contact that would leave the client with no next
 * step; after a sale, with the step the method asks for, in a command
 * that records the contact as typed, ready to run. */
static int
adrift(const struct fu_clientrec *cl, const struct contact *c,
    const struct fu_open *a, struct fu_err *e)
{
	const struct fu_contact *in = c->in;
	struct fu_buf b = { 0 };
	char cid[24], aid[24];
	int rc;

	if (!c->has_amount || c->amount <= 0)
		return fu_err_usage(e, _("this contact leaves %s with no next "
		    "step: add --next WHAT --due DATE, or say why there is "
		    "none with --no-next REASON"), cl->name);
	snprintf(cid, sizeof(cid), "%llu", (unsigned long long)cl->id);
	snprintf(aid, sizeof(aid), "%llu", (unsigned long long)a->id);
	if (fu_buf_str(&b, "fu-log") == -1 ||
	    (c->cli->nportfolio > 0 && sh_arg(&b, "-p",
	    c->cli->portfolio[0]) == -1) ||
	    sh_arg(&b, NULL, cid) == -1 || sh_arg(&b, "-a", aid) == -1 ||
	    (in->outcome != NULL && sh_arg(&b, "-o", in->outcome) == -1) ||
	    (in->channel != NULL && sh_arg(&b, "--channel", in->channel) ==
	    -1) ||
	    (in->date != NULL && sh_arg(&b, "--date", in->date) == -1) ||
	    sh_arg(&b, "--amount", in->amount) == -1 ||
	    (in->mood != NULL && sh_arg(&b, "--mood", in->mood) == -1) ||
	    (in->note != NULL && sh_arg(&b, "--note", in->note) == -1)) {
		fu_buf_free(&b);
		return fu_err_nomem(e);
	}
	rc = fu_err_usage(e, _("this contact leaves %s with no next step.  "
	    "After a sale comes the post-sale follow-up (check the delivery, "
	    "ask how it went, ask for a referral), such as:\n  %s --next "
	    "\"Call to check the delivery went well\" --due +1w\nor the "
	    "whole post-sale plan:\n  %s --plan post-sale\nor say why there "
	    "is none with --no-next REASON"), cl->name, b.p, b.p);
	fu_buf_free(&b);
	return rc;
}

/* The day of the client's last contact or agreement made, or none. */
static fu_date
last_done(const struct fu_state *st, size_t ci)
{
	const struct fu_cstate *cs = &st->cs[ci];
	fu_date made = cs->last_made != 0 ? FU_STAMP_DATE(cs->last_made) :
	    FU_DATE_NONE;

	if (cs->last == FU_DATE_NONE)
		return made;
	return made == FU_DATE_NONE || cs->last > made ? cs->last : made;
}

/* The client's open agreements that taking back consent ends. */
static long
recurring_open(const struct fu_state *st, size_t ci)
{
	size_t i;
	long n = 0;

	if (st->cs[ci].open == 0)
		return 0;
	for (i = st->cs[ci].next; i < st->nopen; i++)
		n += st->open[i].client == ci && st->open[i].every.n > 0;
	return n;
}

/* Decides what the contact does, under rule 2; refuses what it must. */
static int
decide(const struct fu_state *st, const struct fu_clientrec *cl, size_t ci,
    const struct contact *c, struct plan *p, struct fu_err *e)
{
	enum fu_status status = fu_state_status(st, ci);
	int consent = fu_state_consent_on(st, ci, c->date);
	char d1[11], d2[11];
	long left;

	memset(p, 0, sizeof(*p));
	p->outcome = c->outcome;
	p->what = c->in->next;
	p->due = c->due;
	p->every = c->every;
	p->side = c->in->theirs ? FU_SIDE_CLIENT : FU_SIDE_MINE;
	if (p->outcome >= FU_O_SIGNAL) {
		if (p->outcome == FU_O_LOST && status == FU_LOST)
			return fu_err_usage(e, _("%s is already lost; a comeback "
			    "is --won --next WHAT --due DATE"), cl->name);
		if (p->outcome == FU_O_SIGNAL && status == FU_LOST)
			return fu_err_usage(e, _("%s is lost: a warning sign is "
			    "for a client still with us; a comeback is --won "
			    "--next WHAT --due DATE"), cl->name);
		if (p->outcome == FU_O_WON && status != FU_LOST)
			return fu_err_usage(e, _("%s is not lost: --won records "
			    "that a lost client came back"), cl->name);
		if (p->outcome == FU_O_WON && p->what == NULL &&
		    c->in->plan == NULL)
			return fu_err_usage(e, _("a client who comes back needs "
			    "a next step: add --next WHAT --due DATE, or "
			    "--plan NAME"));
		if (p->outcome == FU_O_GREETING && !consent)
			return fu_err_usage(e, _("%s has not agreed to be kept "
			    "in touch with: a greeting needs consent (once "
			    "given, record it with fu-log %llu --consent)"),
			    cl->name, (unsigned long long)cl->id);
		if (p->outcome == FU_O_REFERRAL) {
			if ((p->ref = fu_client_match(&st->clients,
			    c->in->referral, e)) == NULL)
				return -1;
			if (p->ref == cl)
				return fu_err_usage(e, _("%s cannot refer "
				    "themselves"), cl->name);
			if (referral(st, cl, p->ref, e) == -1)
				return -1;
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
		/* Consent changes in order: what was made before it was
		 * made under the consent then in force. */
		if ((p->outcome == FU_O_CONSENT || p->outcome ==
		    FU_O_NO_CONSENT) && c->date < last_done(st, ci))
			return fu_err_usage(e, _("--date %s is before %s's last "
			    "contact or agreement (%s): consent given or taken "
			    "back is recorded in order, dated that day or "
			    "later, with the day it was said in --note"),
			    fu_date_str(c->date, d1), cl->name,
			    fu_date_str(last_done(st, ci), d2));
		/* Consent is what this contact gives or takes back. */
		if (p->outcome == FU_O_CONSENT)
			consent = 1;
		else if (p->outcome == FU_O_NO_CONSENT)
			consent = 0;
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
			    "follow up on"), c->in->outcome != NULL ?
			    c->in->outcome : fu_outcome_str(p->outcome));
		if (p->a != NULL && p->outcome == FU_O_NONE)
			p->outcome = FU_O_KEPT;
		/* A moved step continues: the same step, channel, side and
		 * period, on the new date. */
		if (p->outcome == FU_O_MOVED && p->what == NULL) {
			if (p->due == FU_DATE_NONE)
				return fu_err_usage(e, _("moved to when? add "
				    "--due DATE (and --next WHAT for a new "
				    "step)"));
			p->what = p->a->what;
			p->channel = p->a->channel;
			p->side = p->a->side;
			p->label = p->a->plan;
			if (c->every.n == 0)
				p->every = p->a->every;
		}
	}
	if (p->what == NULL && p->due != FU_DATE_NONE)
		return fu_err_usage(e, _("--due goes with --next WHAT"));
	/* A contact went by the channel it names, else by that of the
	 * agreement it followed up on; the step goes by its own, else by
	 * the contact's. */
	p->via = c->in->channel != NULL ? c->in->channel : p->a != NULL ?
	    p->a->channel : NULL;
	if (c->in->next_channel != NULL)
		p->channel = c->in->next_channel;
	else if (p->channel == NULL)
		p->channel = p->via;
	if (p->what != NULL && fu_rule_agreement(cl, consent, p->what, p->due,
	    c->date, &p->every, e) == -1)
		return -1;
	/* Every contact that settles the client's last agreement ends in
	 * a next step, or says why there is none; and only one that leaves
	 * none open says so. */
	p->consent = consent;
	left = st->cs[ci].open - (p->a != NULL) + (p->what != NULL) +
	    (p->outcome == FU_O_KEPT && p->a->every.n > 0) +
	    (c->in->plan != NULL);
	if (left == 0 && p->a != NULL && c->in->no_next == NULL &&
	    status != FU_LOST)
		return adrift(cl, c, p->a, e);
	if (p->outcome == FU_O_NO_CONSENT && fu_state_consent(st, ci) &&
	    status != FU_LOST &&
	    st->cs[ci].open > 0 && (left -= recurring_open(st, ci)) == 0 &&
	    c->in->no_next == NULL)
		return fu_err_usage(e, _("taking back consent ends %s's "
		    "recurring agreements and leaves no next step: add --next "
		    "WHAT --due DATE for a step they asked for, or say why "
		    "there is none with --no-next REASON"), cl->name);
	if (left > 0 && c->in->no_next != NULL)
		return fu_err_usage(e, _("%s has an open agreement still: "
		    "--no-next is for a contact that leaves none"), cl->name);
	return 0;
}

/* Builds the rows of a decided contact: the step it makes, the next
 * occurrence of a recurring agreement it kept, its log row, and the row
 * that says why there is no next step. */
static int
build(struct fu_builder *b, const struct fu_clientrec *cl,
    const struct contact *c, const struct plan *p, uint64_t *made,
    size_t *nmade, struct fu_err *e)
{
	uint64_t log_id = fu_build_next_id(b, FU_LOG);
	struct fu_agreement next, occ;
	struct fu_logrow l;
	char *note = NULL;
	int rc;

	*made = 0;
	*nmade = 0;
	/* A plan's steps, made by this contact, from its day on (from
	 * today, for a contact logged late). */
	if (c->in->plan != NULL && fu_plan_start(b, cl, p->consent,
	    c->in->plan, c->date < c->today ? c->today : c->date, c->date,
	    log_id, p->a != NULL ? p->a->id : 0, p->outcome == FU_O_LOST,
	    c->today, made, nmade, e) == -1)
		return -1;
	if (p->what != NULL) {
		memset(&next, 0, sizeof(next));
		next.client = cl->id;
		next.what = p->what;
		next.due = p->due;
		next.channel = p->channel;
		next.every = p->every;
		next.side = p->side;
		next.plan = p->label;
		next.made = c->date;
		next.from = log_id;
		if (fu_build_agreement(b, &next, e) == -1)
			return -1;
		/* The ids made run on: a plan's steps, then this one. */
		if (*nmade == 0)
			*made = next.id;
		(*nmade)++;
	}
	/* A kept recurring agreement makes its next occurrence, due one
	 * period after this contact, unless consent was taken back. */
	if (p->a != NULL && p->outcome == FU_O_KEPT && p->a->every.n > 0) {
		memset(&occ, 0, sizeof(occ));
		occ.client = cl->id;
		occ.what = p->a->what;
		occ.due = fu_period_add(c->date, &p->a->every);
		occ.channel = p->a->channel;
		occ.every = p->a->every;
		occ.side = p->a->side;
		occ.made = c->date;
		occ.from = log_id;
		if (fu_build_agreement(b, &occ, e) == -1)
			return -1;
		if (*made == 0) {
			*made = occ.id;
			*nmade = 1;
		}
	}
	/* A --no-next that tells of no contact (no channel, note, amount or
	 * mood) is the row that says why alone. */
	if (p->a != NULL || p->outcome != FU_O_NONE || c->in->no_next == NULL ||
	    c->in->channel != NULL || c->in->note != NULL || c->has_amount ||
	    c->mood != FU_MOOD_NONE) {
		memset(&l, 0, sizeof(l));
		l.date = c->date;
		l.client = cl->id;
		l.agreement = p->a != NULL ? p->a->id : 0;
		l.channel = p->via;
		l.outcome = p->outcome;
		l.has_amount = c->has_amount;
		l.amount = c->amount;
		l.mood = c->mood;
		l.next = *made;
		l.note = c->in->note;
		l.referred = p->ref != NULL ? p->ref->id : 0;
		if ((p->outcome >= FU_O_SIGNAL && (c->in->text != NULL ||
		    p->ref != NULL))) {
			if ((note = event_note(c, p->ref)) == NULL)
				return fu_err_nomem(e);
			l.note = note;
		}
		rc = fu_build_log(b, &l, e);
		free(note);
		if (rc == 0 && l.id != log_id)
			FU_BUG("the log row did not get the id its agreements "
			    "name");
		if (rc == -1)
			return -1;
	}
	if (c->in->no_next != NULL) {
		memset(&l, 0, sizeof(l));
		l.date = c->date;
		l.client = cl->id;
		l.channel = p->via;
		l.outcome = FU_O_NO_NEXT;
		l.note = c->in->no_next;
		return fu_build_log(b, &l, e);
	}
	return 0;
}

static int
record(struct fu_builder *b, const struct fu_clientrec *cl, size_t ci,
    const struct contact *c, uint64_t *made, size_t *nmade,
    struct fu_err *e)
{
	struct plan p;
	int rc;

	rc = decide(&b->st, cl, ci, c, &p, e);
	if (rc == 0)
		rc = build(b, cl, c, &p, made, nmade, e);
	free(p.owned);
	return rc;
}

int
fu_contact_log(const struct fu_cli *cli, const struct fu_contact *in,
    uint64_t *made, size_t *nmade, struct fu_err *e)
{
	struct fu_builder b;
	struct contact c;
	const struct fu_clientrec *cl;
	char d1[11], d2[11];

	*made = 0;
	*nmade = 0;
	if (parse(cli, in, &c, e) == -1)
		return -1;
	if (c.date > c.today)
		return fu_err_usage(e, _("--date %s is after today (%s): a "
		    "contact is logged once it happened"), fu_date_str(c.date,
		    d1), fu_date_str(c.today, d2));
	if (fu_build_begin(&b, cli, 0, e) == -1)
		return -1;
	if ((cl = fu_client_match(&b.st.clients, in->client, e)) == NULL ||
	    record(&b, cl, (size_t)(cl - b.st.clients.v), &c, made, nmade,
	    e) == -1) {
		fu_build_abort(&b);
		return -1;
	}
	return fu_build_commit(&b, e);
}
