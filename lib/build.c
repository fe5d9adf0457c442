/*
 * build.c - the one builder of rows.  A command that writes begins here:
 * the portfolio is locked and its state read as it is under the lock.
 * Whatever makes a row (fu-add, a contact, the steps it makes) hands it
 * here typed: it gets the next id of its table, counting the rows already
 * queued, is spelled as the reader reads it, and is queued; the commit
 * appends them all or nothing.
 */
#include <stdio.h>
#include <string.h>

#include "priv.h"

int
fu_build_begin(struct fu_builder *b, const struct fu_cli *cli, int make,
    struct fu_err *e)
{
	char dir[sizeof(b->pf.dir)];

	memset(b, 0, sizeof(*b));
	/* A directory others can write is no place to write, refused before
	 * it is read (a reader would only be warned). */
	if (fu_portfolio_path(fu_cli_portfolio(cli), dir, sizeof(dir), e) ==
	    -1 || fu_dir_check(dir, 1, e) == -1 ||
	    fu_portfolio_open(&b->pf, dir, e) == -1)
		return -1;
	/* Only a new client makes a portfolio. */
	if (!make && !b->pf.found)
		return fu_err_io(e, b->pf.dir, 0, _("no portfolio here "
		    "(fu-add client NAME makes one)"));
	if ((b->txn = fu_txn_begin(&b->pf, e)) == NULL)
		return -1;
	/* A portfolio to be made has no row yet. */
	if (!b->pf.found) {
		b->st.clients.seq = 1;
		b->st.asof = cli->today;
	} else if (fu_state_load(&b->pf, cli->today, NULL, &b->st, e) ==
	    -1) {
		fu_txn_abort(b->txn);
		b->txn = NULL;
		return -1;
	}
	b->last[FU_CLIENTS] = b->st.clients.max_id;
	b->last[FU_AGREEMENTS] = b->st.max_agreement;
	b->last[FU_LOG] = b->st.max_log;
	return 0;
}

int
fu_build_commit(struct fu_builder *b, struct fu_err *e)
{
	struct fu_txn *x = b->txn;

	fu_state_free(&b->st);
	b->txn = NULL;
	return fu_txn_commit(x, e);
}

void
fu_build_abort(struct fu_builder *b)
{
	if (b->txn == NULL)
		return;
	fu_state_free(&b->st);
	fu_txn_abort(b->txn);
	b->txn = NULL;
}

uint64_t
fu_build_next_id(const struct fu_builder *b, enum fu_table t)
{
	return b->last[t] < (uint64_t)INT64_MAX ? b->last[t] + 1 : 0;
}

/* Gives a row of table t its id, as text in buf. */
static int
take_id(struct fu_builder *b, enum fu_table t, uint64_t *id, char buf[24],
    struct fu_err *e)
{
	if ((*id = fu_build_next_id(b, t)) == 0)
		return fu_err_io(e, b->pf.t[t].name, 0, _("id "
		    "9223372036854775807, the largest there is, is taken: no id "
		    "is left for a new row"));
	b->last[t] = *id;
	snprintf(buf, 24, "%llu", (unsigned long long)*id);
	return 0;
}

static const char *
id_str(uint64_t id, char buf[24])
{
	if (id == 0)
		buf[0] = '\0';
	else
		snprintf(buf, 24, "%llu", (unsigned long long)id);
	return buf;
}

int
fu_build_client(struct fu_builder *b, struct fu_client *c, struct fu_err *e)
{
	const char *v[FU_C_NCOLS] = { 0 };
	char id[24], ref[24], since[11], bd[11], an[11];

	if (take_id(b, FU_CLIENTS, &c->id, id, e) == -1)
		return -1;
	v[FU_C_ID] = id;
	v[FU_C_NAME] = c->name;
	v[FU_C_COMPANY] = c->company;
	v[FU_C_EMAIL] = c->email;
	v[FU_C_PHONE] = c->phone;
	v[FU_C_SINCE] = fu_date_str(c->since, since);
	v[FU_C_BIRTHDAY] = fu_mday_str(&c->birthday, bd);
	v[FU_C_ANNIVERSARY] = fu_mday_str(&c->anniversary, an);
	v[FU_C_REFERRED_BY] = id_str(c->referred_by, ref);
	v[FU_C_CONSENT] = c->consent ? "yes" : NULL;
	v[FU_C_STAGE] = c->stage;
	v[FU_C_TAGS] = c->tags;
	v[FU_C_NOTE] = c->note;
	return fu_txn_add(b->txn, FU_CLIENTS, v, e);
}

int
fu_build_agreement(struct fu_builder *b, struct fu_agreement *a,
    struct fu_err *e)
{
	const char *v[FU_A_NCOLS] = { 0 };
	char id[24], client[24], from[24], due[11], made[11], every[16];
	char after[48], wait[16];

	if (take_id(b, FU_AGREEMENTS, &a->id, id, e) == -1)
		return -1;
	v[FU_A_ID] = id;
	v[FU_A_CLIENT] = id_str(a->client, client);
	v[FU_A_WHAT] = a->what;
	v[FU_A_DUE] = fu_date_str(a->due, due);
	v[FU_A_CHANNEL] = a->channel;
	v[FU_A_EVERY] = fu_period_str(&a->every, every);
	v[FU_A_MADE] = fu_date_str(a->made, made);
	v[FU_A_FROM] = id_str(a->from, from);
	v[FU_A_SIDE] = a->side == FU_SIDE_CLIENT ? "client" : NULL;
	v[FU_A_PLAN] = a->plan;
	v[FU_A_AFTER] = id_str(a->after, after);
	if (a->after != 0 && a->wait.n > 0)
		snprintf(after + strlen(after), sizeof(after) - strlen(after),
		    "+%s", fu_period_str(&a->wait, wait));
	return fu_txn_add(b->txn, FU_AGREEMENTS, v, e);
}

int
fu_build_log(struct fu_builder *b, struct fu_logrow *l, struct fu_err *e)
{
	static const char *const moods[] = { NULL, "+", "0", "-" };
	const char *v[FU_L_NCOLS] = { 0 };
	char id[24], client[24], agreement[24], next[24], date[11];
	char amount[32], referred[24], *dot;

	if (take_id(b, FU_LOG, &l->id, id, e) == -1)
		return -1;
	v[FU_L_ID] = id;
	v[FU_L_DATE] = fu_date_str(l->date, date);
	v[FU_L_CLIENT] = id_str(l->client, client);
	v[FU_L_AGREEMENT] = id_str(l->agreement, agreement);
	v[FU_L_CHANNEL] = l->channel;
	v[FU_L_OUTCOME] = fu_outcome_str(l->outcome);
	v[FU_L_AMOUNT] = l->has_amount ? fu_money_str(l->amount, amount) :
	    NULL;
	/* In the log's own style, as a Spanish spreadsheet writes it. */
	if (l->has_amount && b->st.decimal_comma &&
	    (dot = strchr(amount, '.')) != NULL)
		*dot = ',';
	v[FU_L_MOOD] = moods[l->mood];
	v[FU_L_NEXT] = id_str(l->next, next);
	v[FU_L_NOTE] = l->note;
	v[FU_L_REFERRED] = id_str(l->referred, referred);
	return fu_txn_add(b->txn, FU_LOG, v, e);
}
