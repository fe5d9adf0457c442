/*
 * clientlist.c - what fu-clients lists: the clients, each with the last
 * contact and the open steps, found by part of a name or company, tag,
 * stage, consent or referrer; or, with --vcard, their cards for an
 * address book.  In the order of the clients table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "priv.h"

static const struct fu_field fields[] = {
	{ "client_id", N_("ID"), FU_F_NUM },
	{ "client", N_("CLIENT"), FU_F_CUT },
	{ "company", N_("COMPANY"), FU_F_CUT },
	{ "status", N_("STATUS"), 0 },
	{ "last", N_("LAST"), 0 },
	{ "open", N_("OPEN"), FU_F_NUM },
	{ "what", N_("NEXT STEP"), FU_F_CUT },
	{ "due", N_("DUE"), 0 },
	{ "id", N_("STEP ID"), FU_F_NUM | FU_F_NOTEXT },
	{ "last_channel", N_("CHANNEL"), FU_F_NOTEXT },
	{ "email", N_("EMAIL"), FU_F_NOTEXT },
	{ "phone", N_("PHONE"), FU_F_NOTEXT },
	{ "since", N_("SINCE"), FU_F_NOTEXT },
	{ "stage", N_("STAGE"), FU_F_NOTEXT },
	{ "tags", N_("TAGS"), FU_F_NOTEXT },
	{ "consent", N_("CONSENT"), FU_F_NOTEXT },
	{ "referred_by", N_("REFERRED BY"), FU_F_NUM | FU_F_NOTEXT },
};
#define NF ((int)(sizeof(fields) / sizeof(fields[0])))

/* Whether client i is one the query finds. */
static int
found(const struct fu_state *st, size_t i, const struct fu_clients_query *q,
    const char *text, uint64_t referrer)
{
	const struct fu_clientrec *c = &st->clients.v[i];

	if (text != NULL && fu_client_like(c, text) != 1)
		return 0;
	if (q->tag != NULL && !fu_client_tagged(c, q->tag))
		return 0;
	if (q->stage != NULL && !fu_fold_same(c->stage, q->stage))
		return 0;
	if (q->consent >= 0 && fu_state_consent(st, i) != q->consent)
		return 0;
	return referrer == 0 || fu_state_referrer(st, i) == referrer;
}

static int
list_rows(const struct fu_state *st, struct fu_portfolio *pf,
    const unsigned char *want, struct fu_out *o, struct fu_err *e)
{
	struct fu_arena *arena = NULL;
	struct fu_reach *r;
	size_t i;
	int rc;

	if ((r = calloc(st->clients.n + 1, sizeof(*r))) == NULL)
		return fu_err_nomem(e);
	rc = fu_clients_reach(pf, &st->clients, want, r, &arena, e);
	for (i = 0; i < st->clients.n && rc == 0; i++) {
		const struct fu_clientrec *c = &st->clients.v[i];
		const struct fu_cstate *cs = &st->cs[i];
		const struct fu_open *a = cs->open ? &st->open[cs->next] : NULL;
		char cid[24], last[11], open[24], due[11], id[24], since[11];
		char ref[24];
		uint64_t by = fu_state_referrer(st, i);
		const char *v[NF];

		if (!want[i])
			continue;
		snprintf(cid, sizeof(cid), "%llu", (unsigned long long)c->id);
		snprintf(open, sizeof(open), "%lu", (unsigned long)cs->open);
		snprintf(ref, sizeof(ref), "%llu", (unsigned long long)by);
		v[0] = cid;
		v[1] = c->name;
		v[2] = c->company;
		v[3] = fu_status_str(fu_state_status(st, i));
		if (o->fmt == FU_FMT_TEXT)
			v[3] = _(v[3]);
		v[4] = fu_date_str(cs->last, last);
		v[5] = open;
		v[6] = a != NULL ? a->what : "";
		v[7] = a != NULL && a->due != FU_DATE_WAITING ?
		    fu_date_str(a->due, due) : "";
		if (a != NULL)
			snprintf(id, sizeof(id), "%llu",
			    (unsigned long long)a->id);
		v[8] = a != NULL ? id : "";
		v[9] = cs->last_channel ? cs->last_channel : "";
		v[10] = r[i].email ? r[i].email : "";
		v[11] = r[i].phone ? r[i].phone : "";
		v[12] = fu_date_str(c->since, since);
		v[13] = c->stage;
		v[14] = c->tags;
		v[15] = fu_state_consent(st, i) ? "yes" : "";
		v[16] = by ? ref : "";
		rc = fu_out_row(o, v, e);
	}
	fu_arena_free(arena);
	free(r);
	return rc;
}

struct cards {
	const struct fu_state *st;
	const unsigned char *want;
	const char *file;
	struct fu_buf b;
};

/* Each card is written as its row is read: the state keeps no notes. */
static int
on_card(void *ctx, const struct fu_row *row, struct fu_err *e)
{
	struct cards *k = ctx;
	const struct fu_clientrec *c, *by;
	struct fu_client full;
	char uid[46];
	uint64_t id, ref;
	size_t i;

	/* The rows were checked when the state was derived from them. */
	if (fu_id_parse(row->f[FU_C_ID], row->len[FU_C_ID], &id) == -1 ||
	    (c = fu_clients_get(&k->st->clients, id)) == NULL ||
	    !k->want[i = (size_t)(c - k->st->clients.v)])
		return 0;
	if (fu_row_client(row, k->file, &full, e) == -1)
		return -1;
	/* The consent in force, and the referrer however recorded. */
	full.consent = fu_state_consent(k->st, i);
	ref = fu_state_referrer(k->st, i);
	by = ref ? fu_clients_get(&k->st->clients, ref) : NULL;
	k->b.len = 0;
	if ((by != NULL && fu_vcard_uid(by->id, by->name, by->since, uid) ==
	    -1) || fu_vcard_write(&k->b, &full, by != NULL ? uid : NULL) == -1)
		return fu_err_nomem(e);
	fwrite(k->b.p, 1, k->b.len, stdout);
	return 0;
}

long
fu_clients_list(const struct fu_cli *cli, const struct fu_clients_query *q,
    struct fu_err *e)
{
	struct fu_portfolio pf;
	struct fu_state st;
	struct fu_out o;
	const struct fu_clientrec *ref = NULL;
	unsigned char *want = NULL;
	char *text = NULL;
	size_t i;
	long n = 0;
	int rc = 0;

	if ((q->tag != NULL && fu_tag_check(q->tag, e) == -1) ||
	    fu_text_check("--stage", q->stage, 0, e) == -1 ||
	    fu_text_check("--client", q->text, 0, e) == -1)
		return -1;
	if (q->vcard && cli->fmt != FU_FMT_TEXT)
		return fu_err_usage(e, _("--vcard prints cards: it does not go "
		    "with --tsv, --csv, --json or -f"));
	if (!q->vcard && fu_out_init(&o, cli->fmt, cli->tmpl, fields, NF, e) ==
	    -1)
		return -1;
	if (fu_portfolio_open(&pf, fu_cli_portfolio(cli), e) == -1 ||
	    fu_state_load(&pf, cli->today, NULL, &st, e) == -1) {
		if (!q->vcard)
			fu_out_discard(&o);
		return -1;
	}
	if (!q->vcard)
		o.raw = cli->raw;
	if (q->referrer != NULL && (ref = fu_client_match(&st.clients,
	    q->referrer, e)) == NULL)
		rc = -1;
	else if (q->text != NULL && (text = fu_fold(q->text,
	    strlen(q->text))) == NULL)
		rc = fu_err_nomem(e);
	else if ((want = calloc(st.clients.n + 1, 1)) == NULL)
		rc = fu_err_nomem(e);
	for (i = 0; rc == 0 && i < st.clients.n; i++)
		if ((want[i] = (unsigned char)found(&st, i, q, text,
		    ref != NULL ? ref->id : 0)))
			n++;
	if (rc == 0 && n > 0 && q->vcard) {
		struct cards k = { &st, want, pf.t[FU_CLIENTS].name, { 0 } };

		pf.t[FU_CLIENTS].start = 0;
		rc = fu_table_scan(&pf, FU_CLIENTS, on_card, &k, e);
		fu_buf_free(&k.b);
	} else if (rc == 0 && n > 0)
		rc = list_rows(&st, &pf, want, &o, e);
	if (!q->vcard)
		rc = fu_out_finish(&o, rc, e);
	free(want);
	free(text);
	fu_state_free(&st);
	return rc == -1 ? -1 : n;
}
