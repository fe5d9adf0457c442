/*
 * clients.c - the clients table in memory (it grows with the portfolio,
 * not with the log) and the one client matcher.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "priv.h"

struct load {
	struct fu_clients *cs;
	const char *file;
};

static int
on_client(void *ctx, const struct fu_row *row, struct fu_err *e)
{
	struct load *l = ctx;
	struct fu_clients *cs = l->cs;
	struct fu_clientrec *r;
	struct fu_client c;
	uint64_t prev;

	if (fu_row_client(row, l->file, &c, e) == -1)
		return -1;
	/* The ids fu writes come in order: while they do, none can be
	 * used twice and none needs hashing. */
	if (cs->seq && c.id != cs->n + 1) {
		for (cs->seq = 0, prev = 0; prev < cs->n; prev++)
			if (fu_idmap_put(cs->byid, cs->v[prev].id, prev) == -1)
				goto nomem;
	}
	if (!cs->seq && (fu_idmap_get(cs->byid, c.id, &prev) ||
	    (cs->dense != NULL && c.id <= cs->max_id && (prev = cs->dense[c.id])
	    != 0 && prev--)))
		return fu_err_data(e, l->file, row->line, _("id %llu is "
		    "already used on line %ld"), (unsigned long long)c.id,
		    cs->v[prev].line);
	if (cs->n == cs->cap) {
		size_t cap = cs->cap ? 2 * cs->cap : 64;
		struct fu_clientrec *v = realloc(cs->v, cap * sizeof(*v));

		if (v == NULL)
			goto nomem;
		fu_mem_hint(v, cap * sizeof(*v));
		cs->v = v;
		cs->cap = cap;
	}
	r = &cs->v[cs->n];
	r->id = c.id;
	r->line = row->line;
	r->since = c.since;
	r->birthday = c.birthday;
	r->anniversary = c.anniversary;
	r->referred_by = c.referred_by;
	r->consent = c.consent;
	if ((r->name = fu_arena_dup(&cs->arena, c.name, row->len[FU_C_NAME])) ==
	    NULL || (r->company = fu_arena_dup(&cs->arena, c.company,
	    row->len[FU_C_COMPANY])) == NULL || (r->stage = fu_arena_dup(
	    &cs->arena, c.stage, row->len[FU_C_STAGE])) == NULL || (r->tags =
	    fu_arena_dup(&cs->arena, c.tags, row->len[FU_C_TAGS])) == NULL ||
	    (!cs->seq && fu_idmap_put(cs->byid, c.id, (uint32_t)cs->n) == -1))
		goto nomem;
	cs->n++;
	if (c.id > cs->max_id)
		cs->max_id = c.id;
	return 0;
nomem:
	return fu_err_nomem(e);
}

int
fu_clients_load(struct fu_portfolio *pf, struct fu_clients *cs,
    struct fu_err *e)
{
	memset(cs, 0, sizeof(*cs));
	cs->seq = 1;
	if ((cs->byid = fu_idmap_new()) == NULL)
		return fu_err_nomem(e);
	if (fu_clients_more(pf, cs, e) == -1) {
		fu_clients_free(cs);
		return -1;
	}
	return 0;
}

int
fu_clients_index(struct fu_clients *cs)
{
	size_t i;

	free(cs->dense);
	cs->dense = NULL;
	/* The largest id as the rows say, not as a saved state says. */
	for (cs->max_id = 0, cs->seq = 1, i = 0; i < cs->n; i++) {
		if (cs->v[i].id > cs->max_id)
			cs->max_id = cs->v[i].id;
		cs->seq &= cs->v[i].id == i + 1;
	}
	if (cs->seq)
		return 0;
	/* Ids fu writes are dense: index them directly, no hashing. */
	if (cs->max_id <= 2 * (uint64_t)cs->n + 1024) {
		if ((cs->dense = calloc(cs->max_id + 1, sizeof(*cs->dense))) ==
		    NULL)
			return -1;
		fu_mem_hint(cs->dense, (cs->max_id + 1) * sizeof(*cs->dense));
		for (i = 0; i < cs->n; i++)
			cs->dense[cs->v[i].id] = (uint32_t)i + 1;
		return 0;
	}
	for (i = 0; i < cs->n; i++)
		if (fu_idmap_put(cs->byid, cs->v[i].id, i) == -1)
			return -1;
	return 0;
}

int
fu_clients_more(struct fu_portfolio *pf, struct fu_clients *cs,
    struct fu_err *e)
{
	struct load l = { cs, pf->t[FU_CLIENTS].name };
	size_t i, before = cs->n;

	if (fu_table_scan(pf, FU_CLIENTS, on_client, &l, e) == -1)
		return -1;
	if (cs->n != before && fu_clients_index(cs) == -1)
		return fu_err_nomem(e);
	for (i = 0; i < cs->n; i++)
		if (cs->v[i].referred_by != 0 &&
		    fu_clients_get(cs, cs->v[i].referred_by) == NULL)
			return fu_err_data(e, l.file, cs->v[i].line,
			    _("referred_by names client %llu, who is not in "
			    "the table"), (unsigned long long)cs->v[i].referred_by);
	return 0;
}

struct reach {
	const struct fu_clients *cs;
	const unsigned char *want;
	struct fu_reach *out;
	struct fu_arena **arena;
};

static int
on_reach(void *ctx, const struct fu_row *row, struct fu_err *e)
{
	struct reach *r = ctx;
	const struct fu_clientrec *c;
	struct fu_reach *to;
	uint64_t id;

	/* The rows were checked when the state was derived from them. */
	if (fu_id_parse(row->f[FU_C_ID], row->len[FU_C_ID], &id) == -1 ||
	    (c = fu_clients_get(r->cs, id)) == NULL || !r->want[c - r->cs->v])
		return 0;
	to = &r->out[c - r->cs->v];
	if ((to->email = fu_arena_dup(r->arena, row->f[FU_C_EMAIL],
	    row->len[FU_C_EMAIL])) == NULL || (to->phone = fu_arena_dup(
	    r->arena, row->f[FU_C_PHONE], row->len[FU_C_PHONE])) == NULL)
		return fu_err_nomem(e);
	return 0;
}

int
fu_clients_reach(struct fu_portfolio *pf, const struct fu_clients *cs,
    const unsigned char *want, struct fu_reach *out, struct fu_arena **arena,
    struct fu_err *e)
{
	struct reach r = { cs, want, out, arena };

	/* The whole table, as far as the state read it. */
	pf->t[FU_CLIENTS].start = 0;
	return fu_table_scan(pf, FU_CLIENTS, on_reach, &r, e);
}

void
fu_clients_free(struct fu_clients *cs)
{
	fu_arena_free(cs->arena);
	fu_idmap_free(cs->byid);
	free(cs->dense);
	free(cs->v);
	memset(cs, 0, sizeof(*cs));
}

const struct fu_clientrec *
fu_clients_get(const struct fu_clients *cs, uint64_t id)
{
	uint64_t i;

	if (cs->seq)
		return id >= 1 && id <= cs->n ? &cs->v[id - 1] : NULL;
	if (cs->dense != NULL && id <= cs->max_id && cs->dense[id] != 0)
		return &cs->v[cs->dense[id] - 1];
	return fu_idmap_get(cs->byid, id, &i) ? &cs->v[i] : NULL;
}

/* Lists up to ten candidates in the message. */
static int
ambiguous(const struct fu_clients *cs, const char *query, const size_t *hits,
    size_t n, struct fu_err *e)
{
	char list[768] = "";
	size_t i, len = 0;

	for (i = 0; i < n && i < 10; i++) {
		const struct fu_clientrec *c = &cs->v[hits[i]];
		int w = snprintf(list + len, sizeof(list) - len, "\n  %llu\t%s%s%s",
		    (unsigned long long)c->id, c->name, *c->company ? ", " : "",
		    c->company);

		if (w < 0 || (size_t)w >= sizeof(list) - len)
			break;
		len += (size_t)w;
	}
	if (n > 10 && len + 16 < sizeof(list))
		snprintf(list + len, sizeof(list) - len, "\n  ...");
	return fu_err_usage(e, _("\"%s\" matches %zu clients; name one by "
	    "id or by more of the name:%s"), query, n, list);
}

int
fu_client_each(const struct fu_clients *cs, const char *query,
    int (*fn)(void *ctx, size_t i, int exact), void *ctx, struct fu_err *e)
{
	const struct fu_clientrec *c;
	size_t qn = strlen(query), i;
	uint64_t id;
	char *q, *fname, *fc;
	int rc = 0;

	if (fu_id_parse(query, qn, &id) == 0)
		return (c = fu_clients_get(cs, id)) == NULL ? 0 :
		    fn(ctx, (size_t)(c - cs->v), 1);
	if ((q = fu_fold(query, qn)) == NULL)
		return fu_err_nomem(e);
	for (i = 0; i < cs->n && rc == 0; i++) {
		c = &cs->v[i];
		fname = fu_fold(c->name, strlen(c->name));
		fc = fu_fold(c->company, strlen(c->company));
		if (fname == NULL || fc == NULL)
			rc = fu_err_nomem(e);
		else if (strstr(fname, q) != NULL || strstr(fc, q) != NULL)
			rc = fn(ctx, i, strcmp(fname, q) == 0);
		free(fname);
		free(fc);
	}
	free(q);
	return rc;
}

struct hits {
	size_t v[11];		/* the first, for the message */
	size_t n, exact, nexact;
};

static int
hit(void *ctx, size_t i, int exact)
{
	struct hits *h = ctx;

	if (h->n < 11)
		h->v[h->n] = i;
	h->n++;
	if (exact) {
		h->exact = i;
		h->nexact++;
	}
	return 0;
}

int
fu_client_find(const struct fu_clients *cs, const char *query,
    const struct fu_clientrec **out, struct fu_err *e)
{
	struct hits h = { { 0 }, 0, 0, 0 };
	uint64_t id;

	if (fu_id_parse(query, strlen(query), &id) == 0) {
		if ((*out = fu_clients_get(cs, id)) == NULL)
			return fu_err_usage(e, _("no client has id %s"),
			    query), 0;
		return 1;
	}
	if (*query == '\0')
		return fu_err_usage(e, _("no client named: give an id or "
		    "part of a name"));
	if (fu_client_each(cs, query, hit, &h, e) == -1)
		return -1;
	if (h.n == 1 || h.nexact == 1) {
		/* "Ana" names Ana, not Mariana too, when one name is exactly
		 * it. */
		*out = &cs->v[h.n == 1 ? h.v[0] : h.exact];
		return 1;
	}
	if (h.n == 0)
		return fu_err_usage(e, _("no client matches \"%s\" (fu-add "
		    "client NAME adds one)"), query), 0;
	return ambiguous(cs, query, h.v, h.n, e);
}

const struct fu_clientrec *
fu_client_match(const struct fu_clients *cs, const char *query,
    struct fu_err *e)
{
	const struct fu_clientrec *c = NULL;

	return fu_client_find(cs, query, &c, e) == 1 ? c : NULL;
}

/* Folds a text for comparison, trailing and leading blanks aside. */
static char *
fold_trim(const char *s)
{
	size_t n;

	s += strspn(s, " \t");
	for (n = strlen(s); n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'); n--)
		;
	return fu_fold(s, n);
}

char *
fu_client_twin_key(const char *name, const char *company)
{
	char *n = fold_trim(name), *co = fold_trim(company ? company : "");
	char *k = n != NULL && co != NULL ? fu_strf("%s\037%s", n, co) : NULL;

	free(n);
	free(co);
	return k;
}

int
fu_client_twin(const struct fu_clients *cs, const char *name,
    const char *company, const struct fu_clientrec **twin)
{
	char *want = fu_client_twin_key(name, company), *k;
	size_t i;
	int rc = 0;

	*twin = NULL;
	if (want == NULL)
		rc = -1;
	for (i = 0; rc == 0 && i < cs->n; i++) {
		if ((k = fu_client_twin_key(cs->v[i].name, cs->v[i].company)) ==
		    NULL)
			rc = -1;
		else if (strcmp(k, want) == 0) {
			*twin = &cs->v[i];
			rc = 1;
		}
		free(k);
	}
	free(want);
	return rc;
}

int
fu_client_tagged(const struct fu_clientrec *c, const char *tag)
{
	const char *p;
	size_t n;

	if ((n = strlen(tag)) == 0)
		return 0;	/* no word is empty */
	for (p = c->tags; (p = strstr(p, tag)) != NULL; p += n)
		if ((p == c->tags || p[-1] == ' ') && (p[n] == '\0' ||
		    p[n] == ' '))
			return 1;
	return 0;
}

int
fu_client_like(const struct fu_clientrec *c, const char *folded)
{
	char *fn = fu_fold(c->name, strlen(c->name));
	char *fc = fu_fold(c->company, strlen(c->company));
	int rc = -1;

	if (fn != NULL && fc != NULL)
		rc = strstr(fn, folded) != NULL || strstr(fc, folded) != NULL;
	free(fn);
	free(fc);
	return rc;
}
