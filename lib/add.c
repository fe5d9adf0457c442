/*
 * add.c - what fu-add records: a client, or an agreement made outside a
 * contact.  Everything typed is checked before the lock is taken; the row
 * is then built against the portfolio as it is under the lock.
 */
#include <stdlib.h>
#include <string.h>

#include "priv.h"

/* Joins the tags with spaces, each checked to be one word. */
static int
join_tags(const struct fu_client_in *in, struct fu_buf *b, struct fu_err *e)
{
	int i;

	for (i = 0; i < in->ntags; i++) {
		if (fu_tag_check(in->tags[i], e) == -1)
			return -1;
		if ((i > 0 && fu_buf_str(b, " ") == -1) ||
		    fu_buf_str(b, in->tags[i]) == -1)
			return fu_err_nomem(e);
	}
	return 0;
}

int
fu_client_of(const struct fu_cli *cli, const struct fu_client_in *in,
    struct fu_buf *tags, struct fu_client *c, struct fu_err *e)
{
	memset(c, 0, sizeof(*c));
	c->since = cli->today;
	/* A name of blanks names no one (the reader refuses it too). */
	if (in->name != NULL && in->name[strspn(in->name, " \t")] == '\0')
		return fu_err_usage(e, _("the client's name is empty"));
	if (join_tags(in, tags, e) == -1 ||
	    fu_text_check("NAME", in->name, 0, e) == -1 ||
	    fu_text_check("--company", in->company, 0, e) == -1 ||
	    fu_text_check("--email", in->email, 0, e) == -1 ||
	    fu_text_check("--phone", in->phone, 0, e) == -1 ||
	    fu_text_check("--stage", in->stage, 0, e) == -1 ||
	    fu_text_check("--note", in->note, 1, e) == -1 ||
	    (in->since != NULL && fu_date_parse(in->since, cli->today,
	    &c->since, e) == -1))
		return -1;
	if (in->birthday != NULL && fu_mday_parse(in->birthday,
	    strlen(in->birthday), &c->birthday) == -1)
		return fu_err_usage(e, _("birthday \"%s\" is not a date "
		    "(YYYY-MM-DD or MM-DD)"), in->birthday);
	if (in->anniversary != NULL && fu_mday_parse(in->anniversary,
	    strlen(in->anniversary), &c->anniversary) == -1)
		return fu_err_usage(e, _("anniversary \"%s\" is not a date "
		    "(YYYY-MM-DD or MM-DD)"), in->anniversary);
	c->name = in->name;
	c->company = in->company;
	c->email = in->email;
	c->phone = in->phone;
	c->stage = in->stage;
	c->tags = tags->p;
	c->note = in->note;
	c->consent = in->consent;
	return 0;
}

int
fu_client_add(const struct fu_cli *cli, const struct fu_client_in *in,
    uint64_t *id, struct fu_err *e)
{
	struct fu_builder b;
	struct fu_client c;
	struct fu_buf tags = { 0 };
	const struct fu_clientrec *ref = NULL, *twin;
	int rc = -1, found;

	if (fu_client_of(cli, in, &tags, &c, e) == -1 ||
	    fu_build_begin(&b, cli, 1, e) == -1)
		goto out;
	if (in->referred_by != NULL && (ref = fu_client_match(
	    &b.st.clients, in->referred_by, e)) == NULL) {
		fu_build_abort(&b);
		goto out;
	}
	c.referred_by = ref != NULL ? ref->id : 0;
	/* Two rows for one person split their history in two. */
	if (!in->duplicate && (found = fu_client_twin(&b.st.clients, c.name,
	    c.company, &twin)) != 0) {
		if (found == -1)
			fu_err_nomem(e);
		else if (*twin->company != '\0')
			fu_err_usage(e, _("%s, of %s, is client %llu already "
			    "(clients.csv line %ld); if this is another person "
			    "of the same name, add --duplicate"), twin->name,
			    twin->company, (unsigned long long)twin->id,
			    twin->line);
		else
			fu_err_usage(e, _("%s is client %llu already "
			    "(clients.csv line %ld); if this is another person "
			    "of the same name, add --duplicate"), twin->name,
			    (unsigned long long)twin->id, twin->line);
		fu_build_abort(&b);
		goto out;
	}
	if (fu_build_client(&b, &c, e) == -1)
		fu_build_abort(&b);
	else if (fu_build_commit(&b, e) == 0) {
		*id = c.id;
		rc = 0;
	}
out:
	fu_buf_free(&tags);
	return rc;
}

/* A step of the plan called name open for the client, but settles, or
 * NULL. */
static const struct fu_open *
plan_under_way(const struct fu_state *st, size_t ci, const char *name,
    uint64_t settles)
{
	const struct fu_open *v[64];
	size_t n = fu_state_client_open(st, ci, v, 64), i, k = strlen(name);

	for (i = 0; i < n && i < 64; i++)
		if (strncmp(v[i]->plan, name, k) == 0 && v[i]->plan[k] ==
		    ' ' && v[i]->id != settles)
			return v[i];
	return NULL;
}

int
fu_plan_start(struct fu_builder *b, const struct fu_clientrec *c,
    int consent, const char *name, fu_date start, fu_date made,
    uint64_t from, uint64_t settles, int loss, fu_date today,
    uint64_t *first, size_t *n, struct fu_err *e)
{
	struct fu_plan plan;
	struct fu_agreement a;
	const struct fu_open *on;
	fu_date prev_due = start;
	uint64_t prev_id = 0;
	char d1[11], d2[11], *label;
	size_t i;
	int rc = 0;

	*first = 0;
	*n = 0;
	/* Once an occasion: a new loss, or a new sale once the last step is
	 * settled, is another. */
	if (!loss && (on = plan_under_way(&b->st, (size_t)(c -
	    b->st.clients.v), name, settles)) != NULL)
		return fu_err_usage(e, _("%s's plan %s is under way already "
		    "(agreement %llu, step %s): a plan is started once"),
		    c->name, name, (unsigned long long)on->id,
		    on->plan + strlen(name) + 1);
	if (fu_plan_load(b->pf.dir, name, &plan, e) == -1)
		return -1;
	for (i = 0; i < plan.n && rc == 0; i++) {
		const struct fu_plan_step *st = &plan.step[i];

		memset(&a, 0, sizeof(a));
		a.client = c->id;
		a.what = st->what;
		a.channel = st->channel;
		a.side = st->side;
		a.made = made;
		a.from = from;
		if (st->after_prev) {
			/* Due once the step before is closed; until then
			 * its due date is a guess no one is shown. */
			a.after = prev_id;
			a.wait = st->offset;
		}
		a.due = st->after_prev ? prev_due : start;
		if (st->offset.n > 0 && fu_period_add_within(a.due,
		    &st->offset, &a.due) == -1) {
			rc = fu_err_data(e, plan.file, st->line, "%s",
			    _("this step would be due after 9999-12-31: start "
			    "the plan earlier"));
			break;
		}
		if (!st->after_prev && a.due < today) {
			rc = fu_err_data(e, plan.file, st->line, _("this step "
			    "would be due on %s, before today (%s): start the "
			    "plan later"), fu_date_str(a.due, d1),
			    fu_date_str(today, d2));
			break;
		}
		if ((label = fu_plan_label(&plan, i)) == NULL) {
			rc = fu_err_nomem(e);
			break;
		}
		a.plan = label;
		if (fu_rule_agreement(c, consent, a.what, a.due, a.made,
		    &a.every, e) == -1 || fu_build_agreement(b, &a, e) == -1)
			rc = -1;
		free(label);
		if (rc == 0 && i == 0)
			*first = a.id;
		prev_due = a.due;
		prev_id = a.id;
	}
	if (rc == 0)
		*n = plan.n;
	fu_plan_free(&plan);
	return rc;
}

/* fu-add agreement CLIENT --plan NAME [--start DATE]. */
static int
plan_add(const struct fu_cli *cli, const struct fu_agreement_in *in,
    uint64_t *first, size_t *n, struct fu_err *e)
{
	struct fu_builder b;
	const struct fu_clientrec *c;
	fu_date start = cli->today;

	if (in->what != NULL || in->due != NULL || in->every != NULL ||
	    in->channel != NULL || in->theirs)
		return fu_err_usage(e, _("a plan's steps say what, when, by "
		    "which channel and who owes each: --plan goes with no "
		    "WHAT, --due, --every, --channel or --theirs"));
	if (in->start != NULL && fu_date_parse(in->start, cli->today, &start,
	    e) == -1)
		return -1;
	if (fu_build_begin(&b, cli, 0, e) == -1)
		return -1;
	if ((c = fu_client_match(&b.st.clients, in->client, e)) == NULL ||
	    fu_plan_start(&b, c, fu_state_consent(&b.st, (size_t)(c -
	    b.st.clients.v)), in->plan, start, cli->today, 0, 0, 0,
	    cli->today, first, n, e) == -1) {
		fu_build_abort(&b);
		return -1;
	}
	return fu_build_commit(&b, e);
}

int
fu_agreement_add(const struct fu_cli *cli, const struct fu_agreement_in *in,
    uint64_t *first, size_t *n, struct fu_err *e)
{
	struct fu_builder b;
	struct fu_agreement a;
	const struct fu_clientrec *c;

	*first = 0;
	*n = 0;
	if (in->plan != NULL)
		return plan_add(cli, in, first, n, e);
	if (in->start != NULL)
		return fu_err_usage(e, _("--start goes with --plan NAME"));
	if (in->what == NULL)
		return fu_err_usage(e, _("an agreement needs a step: fu-add "
		    "agreement CLIENT WHAT --due DATE, or --plan NAME"));
	memset(&a, 0, sizeof(a));
	a.side = in->theirs ? FU_SIDE_CLIENT : FU_SIDE_MINE;
	if (in->due == NULL)
		return fu_err_usage(e, _("an agreement needs a due date: add "
		    "--due DATE"));
	if (in->what != NULL && in->what[strspn(in->what, " \t")] == '\0')
		return fu_err_usage(e, _("the step is empty: say what will be "
		    "done, such as \"Send the quote for 3 laptops\""));
	if (fu_text_check("WHAT", in->what, 0, e) == -1 ||
	    fu_text_check("--channel", in->channel, 0, e) == -1 ||
	    fu_date_parse(in->due, cli->today, &a.due, e) == -1)
		return -1;
	if (in->every != NULL && fu_period_parse(in->every, strlen(in->every),
	    &a.every) == -1)
		return fu_err_usage(e, _("--every \"%s\" is not a period: use "
		    "such as 90d, 2w, 3m or 1y"), in->every);
	a.what = in->what;
	a.channel = in->channel;
	a.made = cli->today;
	if (fu_build_begin(&b, cli, 0, e) == -1)
		return -1;
	if ((c = fu_client_match(&b.st.clients, in->client, e)) == NULL ||
	    fu_rule_agreement(c, fu_state_consent(&b.st, (size_t)(c -
	    b.st.clients.v)), a.what, a.due, a.made, &a.every, e) == -1 ||
	    (a.client = c->id, fu_build_agreement(&b, &a, e)) == -1) {
		fu_build_abort(&b);
		return -1;
	}
	if (fu_build_commit(&b, e) == -1)
		return -1;
	*first = a.id;
	*n = 1;
	return 0;
}
