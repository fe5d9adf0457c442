/*
 * contact.c - rule 2: a contact follows up on an open agreement of its
 * client, or makes one; a contact that checks on nothing is refused.
 * An event (signal, lost, won, referral) is about the client and closes
 * no agreement.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fu.h"

#define LIST_MAX 8

/* "3 (Send the quote, due 2026-11-27), 5 (...)": for messages. */
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

struct plan {
	char id[24], cid[24], date[11], aid[24], amount[32], next[24];
	char nid[24], ndue[11], nmade[11], nevery[16];
	char oid[24], odue[11], oevery[16];
	const char *note;
	char *owned_note;
};

static int
follow(const struct fu_state *st, const struct fu_clientrec *c, size_t ci,
    const struct fu_contact *in, const struct fu_open **a, struct fu_err *e)
{
	const struct fu_open *v[LIST_MAX];
	size_t n = fu_state_client_open(st, ci, v, LIST_MAX);
	char list[1024], d1[11], d2[11];

	*a = NULL;
	if (in->agreement != 0) {
		if ((*a = fu_state_find_open(st, in->agreement)) == NULL ||
		    (*a)->client != ci) {
			if (n == 0)
				return fu_err_usage(e, _("agreement %llu is not "
				    "an open agreement of %s, who has none; add "
				    "--next WHAT --due DATE, or --lost REASON"),
				    (unsigned long long)in->agreement, c->name);
			return fu_err_usage(e, _("agreement %llu is not an "
			    "open agreement of %s; the open ones:%s"),
			    (unsigned long long)in->agreement, c->name,
			    list_open(v, n, list, sizeof(list)));
		}
	} else if (n == 1)
		*a = v[0];
	else if (n > 1)
		return fu_err_usage(e, _("%s has %zu open agreements; name the "
		    "one this contact followed up on:%s"), c->name, n,
		    list_open(v, n, list, sizeof(list)));
	if (*a != NULL && (*a)->made != FU_DATE_NONE && (*a)->made > in->date)
		return fu_err_usage(e, _("agreement %llu was made on %s, after "
		    "this contact (%s)"), (unsigned long long)(*a)->id,
		    fu_date_str((*a)->made, d1), fu_date_str(in->date, d2));
	if (*a == NULL && in->next == NULL && in->outcome != FU_O_LOST)
		return fu_err_usage(e, _("%s has no open agreement; add --next "
		    "WHAT --due DATE, or --lost REASON"), c->name);
	return 0;
}

static int
add_agreement(struct fu_portfolio *pf, const char *id, const char *cid,
    const char *what, const char *due, const char *channel,
    const char *every, const char *made, const char *from, struct fu_err *e)
{
	const char *v[FU_A_NCOLS];

	v[FU_A_ID] = id;
	v[FU_A_CLIENT] = cid;
	v[FU_A_WHAT] = what;
	v[FU_A_DUE] = due;
	v[FU_A_CHANNEL] = channel;
	v[FU_A_EVERY] = every;
	v[FU_A_MADE] = made;
	v[FU_A_FROM] = from;
	return fu_txn_add(pf, FU_AGREEMENTS, v, e);
}

static int
record(struct fu_portfolio *pf, const struct fu_state *st,
    const struct fu_clientrec *c, size_t ci, const struct fu_contact *in,
    uint64_t *made, struct fu_err *e)
{
	const struct fu_open *a = NULL;
	const struct fu_clientrec *ref = NULL;
	struct plan pl;
	enum fu_outcome outcome = in->outcome;
	enum fu_status status = fu_state_status(st, ci);
	uint64_t next_id = st->max_agreement + 1, occ_id = 0, new_id = 0;
	const char *what = in->next, *v[FU_L_NCOLS];
	fu_date due = in->due;
	struct fu_period every = in->every;
	const char *next_channel = NULL;
	char auto_what[512];
	int event = outcome >= FU_O_SIGNAL;

	memset(&pl, 0, sizeof(pl));
	if (event) {
		if (outcome == FU_O_LOST && status == FU_LOST)
			return fu_err_usage(e, _("%s is already lost; a comeback "
			    "is --won --next WHAT --due DATE"), c->name);
		if (outcome == FU_O_WON && status != FU_LOST)
			return fu_err_usage(e, _("%s is not lost: --won records "
			    "that a lost client came back"), c->name);
		if (outcome == FU_O_WON && what == NULL)
			return fu_err_usage(e, _("a client who comes back needs "
			    "a next step: add --next WHAT --due DATE"));
		if (outcome == FU_O_REFERRAL) {
			if ((ref = fu_client_match(&st->clients, in->referral,
			    e)) == NULL)
				return -1;
			if (ref == c)
				return fu_err_usage(e, _("%s cannot refer "
				    "themselves"), c->name);
		}
		if (outcome == FU_O_SIGNAL && what == NULL) {
			/* A warning sign is acted on at once, or by --due. */
			snprintf(auto_what, sizeof(auto_what), _("Act on the "
			    "warning sign: %s"), in->text);
			what = auto_what;
			if (due == FU_DATE_NONE)
				due = in->today;
		}
	} else {
		/* A lost client is followed up only on a win-back step made
		 * when they left (--lost --next). */
		if (status == FU_LOST && st->cs[ci].open == 0)
			return fu_err_usage(e, _("%s is lost: record a comeback "
			    "with --won --next WHAT --due DATE"), c->name);
		if (follow(st, c, ci, in, &a, e) == -1)
			return -1;
		if (a == NULL && outcome != FU_O_NONE)
			return fu_err_usage(e, _("-o %s needs an agreement to "
			    "follow up on"), fu_outcome_str(outcome));
		if (a != NULL && outcome == FU_O_NONE)
			outcome = FU_O_KEPT;
		/* A moved step continues: the same step, channel and period,
		 * on the new date. */
		if (outcome == FU_O_MOVED && what == NULL) {
			if (due == FU_DATE_NONE)
				return fu_err_usage(e, _("moved to when? add "
				    "--due DATE (and --next WHAT for a new "
				    "step)"));
			what = a->what;
			next_channel = a->channel;
			if (in->every.n == 0)
				every = a->every;
		}
	}
	if (what == NULL && due != FU_DATE_NONE)
		return fu_err_usage(e, _("--due goes with --next WHAT"));
	if (what != NULL && fu_rule_agreement(c, what, due, in->date, &every,
	    e) == -1)
		return -1;

	snprintf(pl.id, sizeof(pl.id), "%llu",
	    (unsigned long long)st->max_log + 1);
	snprintf(pl.cid, sizeof(pl.cid), "%llu", (unsigned long long)c->id);
	fu_date_str(in->date, pl.date);
	if (what != NULL) {
		new_id = next_id++;
		snprintf(pl.nid, sizeof(pl.nid), "%llu",
		    (unsigned long long)new_id);
		if (add_agreement(pf, pl.nid, pl.cid, what, fu_date_str(due,
		    pl.ndue), next_channel, fu_period_str(&every, pl.nevery),
		    pl.date, pl.id, e) == -1)
			return -1;
	}
	/* A kept recurring agreement makes its next occurrence, due one
	 * period after this contact. */
	if (a != NULL && outcome == FU_O_KEPT && a->every.n > 0) {
		occ_id = next_id++;
		snprintf(pl.oid, sizeof(pl.oid), "%llu",
		    (unsigned long long)occ_id);
		if (add_agreement(pf, pl.oid, pl.cid, a->what, fu_date_str(
		    fu_period_add(in->date, &a->every), pl.odue), a->channel,
		    fu_period_str(&a->every, pl.oevery), pl.date, pl.id, e) ==
		    -1)
			return -1;
	}
	*made = new_id ? new_id : occ_id;
	if (a != NULL)
		snprintf(pl.aid, sizeof(pl.aid), "%llu",
		    (unsigned long long)a->id);
	if (*made)
		snprintf(pl.next, sizeof(pl.next), "%llu",
		    (unsigned long long)*made);
	if (in->has_amount)
		fu_money_str(in->amount, pl.amount);
	pl.note = in->note;
	if (event && (in->text != NULL || ref != NULL)) {
		const char *head = in->text;
		char refbuf[512];
		size_t len;

		if (ref != NULL) {
			snprintf(refbuf, sizeof(refbuf), _("referred %s (%llu)"),
			    ref->name, (unsigned long long)ref->id);
			head = refbuf;
		}
		len = strlen(head) + (in->note ? strlen(in->note) + 3 : 0) + 1;
		if ((pl.owned_note = malloc(len)) == NULL)
			return fu_err_usage(e, _("out of memory"));
		snprintf(pl.owned_note, len, "%s%s%s", head, in->note ? " - " :
		    "", in->note ? in->note : "");
		pl.note = pl.owned_note;
	}
	v[FU_L_ID] = pl.id;
	v[FU_L_DATE] = pl.date;
	v[FU_L_CLIENT] = pl.cid;
	v[FU_L_AGREEMENT] = pl.aid;
	v[FU_L_CHANNEL] = in->channel ? in->channel : a ? a->channel : NULL;
	v[FU_L_OUTCOME] = fu_outcome_str(outcome);
	v[FU_L_AMOUNT] = pl.amount;
	v[FU_L_MOOD] = in->mood == FU_MOOD_PLUS ? "+" : in->mood ==
	    FU_MOOD_ZERO ? "0" : in->mood == FU_MOOD_MINUS ? "-" : NULL;
	v[FU_L_NEXT] = pl.next;
	v[FU_L_NOTE] = pl.note;
	if (fu_txn_add(pf, FU_LOG, v, e) == -1) {
		free(pl.owned_note);
		return -1;
	}
	free(pl.owned_note);
	return 0;
}

int
fu_contact_log(struct fu_portfolio *pf, const struct fu_contact *in,
    uint64_t *made, struct fu_err *e)
{
	struct fu_state st;
	const struct fu_clientrec *c;
	char d1[11], d2[11];
	int rc = -1;

	*made = 0;
	if (in->date > in->today)
		return fu_err_usage(e, _("--date %s is after today (%s): a "
		    "contact is logged once it happened"), fu_date_str(in->date,
		    d1), fu_date_str(in->today, d2));
	/* A contact needs a client, so a portfolio: make none here. */
	if (!pf->found)
		return fu_err_io(e, pf->dir, 0, _("no portfolio here "
		    "(fu-add client NAME makes one)"));
	if (fu_txn_begin(pf, e) == -1)
		return -1;
	if (fu_state_load(pf, in->today, NULL, &st, e) == -1) {
		fu_txn_abort(pf);
		return -1;
	}
	if ((c = fu_client_match(&st.clients, in->client, e)) != NULL &&
	    record(pf, &st, c, (size_t)(c - st.clients.v), in, made, e) == 0)
		rc = 0;
	fu_state_free(&st);
	if (rc == -1) {
		fu_txn_abort(pf);
		return -1;
	}
	return fu_txn_commit(pf, e);
}
