/*
 * row.c - typed rows: each column a table holds, checked and converted.
 * A malformed value is an error naming file, line and column.
 */
#include <string.h>

#include "fu.h"

static int
bad(struct fu_err *e, const char *file, const struct fu_row *r,
    const char *col, int k, const char *what)
{
	return fu_err_data(e, file, r->line, _("%s \"%.40s\" is not %s"), col,
	    r->f[k], what);
}

static int
id_col(const struct fu_row *r, int k, const char *col, const char *file,
    int required, uint64_t *out, struct fu_err *e)
{
	*out = 0;
	if (r->len[k] == 0) {
		if (required)
			return fu_err_data(e, file, r->line,
			    _("%s is empty"), col);
		return 0;
	}
	if (fu_id_parse(r->f[k], r->len[k], out) == -1)
		return bad(e, file, r, col, k, _("an id (a whole number from "
		    "1 to 9223372036854775807)"));
	return 0;
}

static int
date_col(const struct fu_row *r, int k, const char *col, const char *file,
    int required, fu_date *out, struct fu_err *e)
{
	*out = FU_DATE_NONE;
	if (r->len[k] == 0) {
		if (required)
			return fu_err_data(e, file, r->line,
			    _("%s is empty"), col);
		return 0;
	}
	if (fu_date_iso(r->f[k], r->len[k], out) == -1)
		return bad(e, file, r, col, k, _("a date (YYYY-MM-DD)"));
	return 0;
}

static int
mday_col(const struct fu_row *r, int k, const char *col, const char *file,
    struct fu_mday *out, struct fu_err *e)
{
	memset(out, 0, sizeof(*out));
	if (r->len[k] == 0)
		return 0;
	if (fu_mday_parse(r->f[k], r->len[k], out) == -1)
		return bad(e, file, r, col, k, _("a date (YYYY-MM-DD or "
		    "MM-DD)"));
	return 0;
}

int
fu_row_client(const struct fu_row *r, const char *file, struct fu_client *c,
    struct fu_err *e)
{
	if (id_col(r, FU_C_ID, "id", file, 1, &c->id, e) == -1 ||
	    date_col(r, FU_C_SINCE, "since", file, 0, &c->since, e) == -1 ||
	    mday_col(r, FU_C_BIRTHDAY, "birthday", file, &c->birthday, e) ==
	    -1 || mday_col(r, FU_C_ANNIVERSARY, "anniversary", file,
	    &c->anniversary, e) == -1 || id_col(r, FU_C_REFERRED_BY,
	    "referred_by", file, 0, &c->referred_by, e) == -1)
		return -1;
	if (r->len[FU_C_NAME] == 0)
		return fu_err_data(e, file, r->line, _("name is empty"));
	if (r->len[FU_C_CONSENT] == 0 || strcmp(r->f[FU_C_CONSENT], "no") == 0)
		c->consent = 0;
	else if (strcmp(r->f[FU_C_CONSENT], "yes") == 0)
		c->consent = 1;
	else
		return bad(e, file, r, "consent", FU_C_CONSENT,
		    _("\"yes\", \"no\" or empty"));
	c->name = r->f[FU_C_NAME];
	c->company = r->f[FU_C_COMPANY];
	c->email = r->f[FU_C_EMAIL];
	c->phone = r->f[FU_C_PHONE];
	c->stage = r->f[FU_C_STAGE];
	c->tags = r->f[FU_C_TAGS];
	c->note = r->f[FU_C_NOTE];
	return 0;
}

int
fu_row_agreement(const struct fu_row *r, const char *file,
    struct fu_agreement *a, struct fu_err *e)
{
	if (id_col(r, FU_A_ID, "id", file, 1, &a->id, e) == -1 ||
	    id_col(r, FU_A_CLIENT, "client", file, 1, &a->client, e) == -1 ||
	    date_col(r, FU_A_DUE, "due", file, 1, &a->due, e) == -1 ||
	    date_col(r, FU_A_MADE, "made", file, 0, &a->made, e) == -1 ||
	    id_col(r, FU_A_FROM, "from", file, 0, &a->from, e) == -1)
		return -1;
	if (r->len[FU_A_WHAT] == 0)
		return fu_err_data(e, file, r->line, _("what is empty"));
	a->every.n = 0;
	a->every.unit = 0;
	if (r->len[FU_A_EVERY] > 0 && fu_period_parse(r->f[FU_A_EVERY],
	    r->len[FU_A_EVERY], &a->every) == -1)
		return bad(e, file, r, "every", FU_A_EVERY, _("a period such "
		    "as 90d, 2w, 3m or 1y"));
	a->what = r->f[FU_A_WHAT];
	a->channel = r->f[FU_A_CHANNEL];
	a->closed = FU_DATE_NONE;
	return 0;
}

int
fu_row_log(const struct fu_row *r, const char *file, struct fu_logrow *l,
    struct fu_err *e)
{
	const char *m = r->f[FU_L_MOOD];

	if (id_col(r, FU_L_ID, "id", file, 1, &l->id, e) == -1 ||
	    date_col(r, FU_L_DATE, "date", file, 1, &l->date, e) == -1 ||
	    id_col(r, FU_L_CLIENT, "client", file, 1, &l->client, e) == -1 ||
	    id_col(r, FU_L_AGREEMENT, "agreement", file, 0, &l->agreement,
	    e) == -1 || id_col(r, FU_L_NEXT, "next", file, 0, &l->next, e) ==
	    -1)
		return -1;
	l->outcome = FU_O_NONE;
	if (r->len[FU_L_OUTCOME] > 0 && (l->outcome = fu_outcome_parse(
	    r->f[FU_L_OUTCOME], r->len[FU_L_OUTCOME])) == FU_O_NONE)
		return bad(e, file, r, "outcome", FU_L_OUTCOME, _("kept, "
		    "broken, moved, dropped, signal, lost, won or referral"));
	l->has_amount = r->len[FU_L_AMOUNT] > 0;
	l->amount = 0;
	if (l->has_amount && fu_money_parse(r->f[FU_L_AMOUNT],
	    r->len[FU_L_AMOUNT], &l->amount) == -1)
		return bad(e, file, r, "amount", FU_L_AMOUNT, _("an amount "
		    "(such as 1250 or 1250.50, not negative)"));
	if (r->len[FU_L_MOOD] == 0)
		l->mood = FU_MOOD_NONE;
	else if (strcmp(m, "+") == 0)
		l->mood = FU_MOOD_PLUS;
	else if (strcmp(m, "0") == 0)
		l->mood = FU_MOOD_ZERO;
	else if (strcmp(m, "-") == 0)
		l->mood = FU_MOOD_MINUS;
	else
		return bad(e, file, r, "mood", FU_L_MOOD, _("+, 0 or -"));
	l->channel = r->f[FU_L_CHANNEL];
	l->note = r->f[FU_L_NOTE];
	return 0;
}
