/*
 * fuzz_match.c - the one client matcher, over a clients table built from
 * the input.
 *
 * Input: one byte of flags, then the query up to the first line break,
 * then the rows of clients.csv.  Flag bit 0 puts the header
 * "id,name,company" before the rows (so that most inputs load); without
 * it the rows bring their own header.
 *
 * Invariants: fu_client_match returns a client of the table or NULL with
 * a usage error; an id finds the client with that id; a name finds a
 * client whose name or company holds the query, without regard to case or
 * accents, and only when that client is the one such (or the only one
 * whose name is exactly the query); a refusal is right to refuse.
 */
#include "fuzz.h"

static char dir[300];

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	unsetenv("FU_FORMAT");
	fuzz_subdir("match", dir, sizeof(dir));
	return 0;
}

static int
holds(const char *hay, const char *q)
{
	char *h = fu_fold(hay, strlen(hay));
	int r;

	if (h == NULL)
		abort();
	r = strstr(h, q) != NULL;
	free(h);
	return r;
}

static int
is(const char *name, const char *q)
{
	char *h = fu_fold(name, strlen(name));
	int r;

	if (h == NULL)
		abort();
	r = strcmp(h, q) == 0;
	free(h);
	return r;
}

/* Found here and fixed in 789bd5c: a NUL byte in the table made the
 * reader compute NULL + 0 (tests/fuzz/regress/fuzz_match/nul-byte). */

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char header[] = "id,name,company\n";
	struct fu_portfolio pf;
	struct fu_clients cs;
	const struct fu_clientrec *c;
	struct fu_err e;
	const uint8_t *nl;
	char *query, *fq;
	size_t qn, i, hits = 0, exact = 0;
	uint64_t id;
	uint8_t flags;
	int byid;

	if (size < 1)
		return 0;
	flags = data[0];
	data++, size--;
	nl = memchr(data, '\n', size);
	qn = nl ? (size_t)(nl - data) : size;
	query = fuzz_str(data, qn);
	data += nl ? qn + 1 : qn;
	size -= nl ? qn + 1 : qn;
	if (flags & 1) {
		uint8_t *buf = malloc(sizeof(header) - 1 + size + 1);

		if (buf == NULL)
			abort();
		memcpy(buf, header, sizeof(header) - 1);
		if (size > 0)
			memcpy(buf + sizeof(header) - 1, data, size);
		fuzz_write(dir, "clients.csv", buf, sizeof(header) - 1 + size);
		free(buf);
	} else
		fuzz_write(dir, "clients.csv", data, size);

	memset(&e, 0, sizeof(e));
	if (fu_portfolio_open(&pf, dir, &e) == -1 ||
	    fu_clients_load(&pf, &cs, &e) == -1) {
		CHECK(e.code == FU_EXIT_DATA || e.code == FU_EXIT_IO,
		    "load: code %d: %s", e.code, e.text);
		free(query);
		return 0;
	}
	CHECK(cs.n <= 1 || cs.v != NULL, "clients");
	memset(&e, 0, sizeof(e));
	c = fu_client_match(&cs, query, &e);

	/* What the answer should be, worked out the plain way. */
	byid = fu_id_parse(query, strlen(query), &id) == 0;
	fq = fu_fold(query, strlen(query));
	if (fq == NULL)
		abort();
	if (!byid && *query != '\0')
		for (i = 0; i < cs.n; i++)
			if (holds(cs.v[i].name, fq) || holds(cs.v[i].company,
			    fq)) {
				hits++;
				exact += is(cs.v[i].name, fq);
			}
	if (c != NULL) {
		CHECK(c >= cs.v && c < cs.v + cs.n, "a client not in the table");
		if (byid)
			CHECK(c->id == id, "\"%s\" found id %llu", query,
			    (unsigned long long)c->id);
		else {
			CHECK(holds(c->name, fq) || holds(c->company, fq),
			    "\"%s\" found \"%s\" (%s), which does not hold it",
			    query, c->name, c->company);
			CHECK(hits == 1 || (exact == 1 && is(c->name, fq)),
			    "\"%s\" found \"%s\" among %zu candidates", query,
			    c->name, hits);
		}
	} else {
		CHECK(e.code == FU_EXIT_USAGE && e.text[0] != '\0',
		    "\"%s\": code %d", query, e.code);
		if (byid)
			CHECK(fu_clients_get(&cs, id) == NULL, "id %llu is "
			    "there but not found", (unsigned long long)id);
		else
			CHECK(hits != 1 && exact != 1, "\"%s\": %zu candidates, "
			    "%zu exact, none found: %s", query, hits, exact,
			    e.text);
	}
	free(fq);
	fu_clients_free(&cs);
	free(query);
	return 0;
}
