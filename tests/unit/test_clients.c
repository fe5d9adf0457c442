/*
 * test_clients.c - clients.c and idmap.c under it: the clients table in
 * memory, the one client matcher, and the id maps and sets.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"


#define setup util_setup
#define teardown util_teardown

static int
load(struct fu_clients *cs, struct fu_err *e)
{
	struct fu_portfolio pf;
	int rc;

	memset(e, 0, sizeof(*e));
	if (fu_portfolio_open(&pf, dir, e) == -1)
		return -1;
	rc = fu_clients_load(&pf, cs, e);
	return rc;
}

static void
load_ok(struct fu_clients *cs)
{
	struct fu_err e;

	if (load(cs, &e) == -1)
		fail_msg("load: %s:%ld: %s", e.file, e.line, e.text);
}

#define PORTFOLIO \
	"id,name,company,since,birthday,referred_by,consent,stage,tags\n" \
	"1,Ana López,Papelería López,2024-03-12,1985-11-28,,yes,customer," \
	    "retail madrid\n" \
	"2,José Peña,\"Muebles García, S.A.\",2024-06-03,,1,,,\n" \
	"3,María Fernández Ñúñez,Clínica Dental Sonrisa,,02-29,1,yes,,\n" \
	"7,Zoë Clarke,ACME Corp,,,,,,\n" \
	"4,Bob Smith,ACME Corp,,,,,,\n"

/* Matches query and expects the client with that id. */
static void
check_match(const struct fu_clients *cs, const char *query, uint64_t id)
{
	struct fu_err e = { 0 };
	const struct fu_clientrec *c = fu_client_match(cs, query, &e);

	if (c == NULL)
		fail_msg("\"%s\" found no one: %s", query, e.text);
	if (c->id != id)
		fail_msg("\"%s\" found %llu %s, want %llu", query,
		    (unsigned long long)c->id, c->name,
		    (unsigned long long)id);
}

/* Matches query and expects a usage error holding each of words. */
static void
check_no_match(const struct fu_clients *cs, const char *query,
    const char *const *words)
{
	struct fu_err e = { 0 };
	const struct fu_clientrec *c = fu_client_match(cs, query, &e);

	if (c != NULL)
		fail_msg("\"%s\" found %s", query, c->name);
	assert_int_equal(e.code, FU_EXIT_USAGE);
	for (; words != NULL && *words != NULL; words++)
		if (strstr(e.text, *words) == NULL)
			fail_msg("\"%s\": message \"%s\" lacks \"%s\"", query,
			    e.text, *words);
}

static void
test_clients_load_keeps_every_client(void **state)
{
	struct fu_clients cs;
	const struct fu_clientrec *c;
	char buf[11];

	(void)state;
	PUT("clients.csv", PORTFOLIO);
	load_ok(&cs);
	assert_int_equal(cs.n, 5);
	assert_int_equal(cs.max_id, 7);
	assert_non_null(c = fu_clients_get(&cs, 1));
	assert_string_equal(c->name, "Ana López");
	assert_string_equal(c->company, "Papelería López");
	assert_int_equal(c->line, 2);
	assert_int_equal(c->consent, 1);
	assert_string_equal(fu_date_str(c->since, buf), "2024-03-12");
	assert_string_equal(fu_mday_str(&c->birthday, buf), "1985-11-28");
	assert_string_equal(c->stage, "customer");
	assert_string_equal(c->tags, "retail madrid");
	assert_non_null(c = fu_clients_get(&cs, 2));
	assert_string_equal(c->company, "Muebles García, S.A.");
	assert_int_equal(c->referred_by, 1);
	assert_int_equal(c->consent, 0);
	assert_string_equal(fu_date_str(c->since, buf), "2024-06-03");
	assert_non_null(c = fu_clients_get(&cs, 3));
	assert_int_equal(c->since, FU_DATE_NONE);
	assert_string_equal(fu_mday_str(&c->birthday, buf), "02-29");
	assert_int_equal(c->line, 4);
	assert_non_null(c = fu_clients_get(&cs, 7));
	assert_string_equal(c->name, "Zoë Clarke");
	assert_null(fu_clients_get(&cs, 5));
	assert_null(fu_clients_get(&cs, 0));
	fu_clients_free(&cs);
}

static void
test_clients_reach_reads_the_email_and_phone_of_those_wanted(void **state)
{
	struct fu_portfolio pf;
	struct fu_clients cs;
	struct fu_reach r[3] = { { NULL, NULL } };
	struct fu_arena *arena = NULL;
	struct fu_err e = { 0 };
	unsigned char want[3] = { 1, 0, 1 };

	(void)state;
	/* Ids out of order: found by id, not by line. */
	PUT("clients.csv", "id,name,email,phone\n"
	    "3,Ana,ana@example.com,+34 600 123 456\n"
	    "1,Bob,bob@example.com,555\n"
	    "2,\"Peña, José\",,\"911, ext. 2\"\n");
	assert_int_equal(fu_portfolio_open(&pf, dir, &e), 0);
	assert_int_equal(fu_clients_load(&pf, &cs, &e), 0);
	assert_int_equal(fu_clients_reach(&pf, &cs, want, r, &arena, &e), 0);
	assert_string_equal(r[0].email, "ana@example.com");
	assert_string_equal(r[0].phone, "+34 600 123 456");
	assert_null(r[1].email);	/* not wanted */
	assert_string_equal(r[2].email, "");
	assert_string_equal(r[2].phone, "911, ext. 2");
	fu_arena_free(arena);
	fu_clients_free(&cs);
}

static void
test_clients_load_reads_an_empty_portfolio(void **state)
{
	struct fu_clients cs;
	const char *const words[] = { "ana", NULL };

	(void)state;
	load_ok(&cs);
	assert_int_equal(cs.n, 0);
	assert_int_equal(cs.max_id, 0);
	assert_null(fu_clients_get(&cs, 1));
	check_no_match(&cs, "ana", words);
	fu_clients_free(&cs);
}

static void
test_client_match_finds_by_id(void **state)
{
	struct fu_clients cs;

	(void)state;
	PUT("clients.csv", PORTFOLIO);
	load_ok(&cs);
	check_match(&cs, "1", 1);
	check_match(&cs, "7", 7);
	check_match(&cs, "4", 4);
	fu_clients_free(&cs);
}

static void
test_client_match_refuses_an_unknown_id(void **state)
{
	struct fu_clients cs;
	const char *const words[] = { "99", NULL };

	(void)state;
	PUT("clients.csv", PORTFOLIO);
	load_ok(&cs);
	check_no_match(&cs, "99", words);
	check_no_match(&cs, "5", NULL);
	fu_clients_free(&cs);
}

static void
test_client_match_finds_by_part_of_the_name(void **state)
{
	struct fu_clients cs;

	(void)state;
	PUT("clients.csv", PORTFOLIO);
	load_ok(&cs);
	check_match(&cs, "Ana López", 1);
	check_match(&cs, "Peña", 2);
	check_match(&cs, "Zoë", 7);
	check_match(&cs, "Smith", 4);
	check_match(&cs, "ría Fer", 3);
	fu_clients_free(&cs);
}

static void
test_client_match_finds_by_part_of_the_company(void **state)
{
	struct fu_clients cs;

	(void)state;
	PUT("clients.csv", PORTFOLIO);
	load_ok(&cs);
	check_match(&cs, "Muebles", 2);
	check_match(&cs, "garcia, s.a", 2);
	check_match(&cs, "dental", 3);
	check_match(&cs, "Papelería", 1);
	fu_clients_free(&cs);
}

static void
test_client_match_ignores_case_and_accents(void **state)
{
	struct fu_clients cs;

	(void)state;
	PUT("clients.csv", PORTFOLIO);
	load_ok(&cs);
	check_match(&cs, "lopez", 1);
	check_match(&cs, "LOPEZ", 1);
	check_match(&cs, "ana lopez", 1);
	check_match(&cs, "PENA", 2);
	check_match(&cs, "jose", 2);
	check_match(&cs, "JOSÉ", 2);
	check_match(&cs, "nunez", 3);
	check_match(&cs, "ÑÚÑEZ", 3);
	check_match(&cs, "zoe", 7);
	check_match(&cs, "Lo\xCC\x81pez", 1);	/* typed decomposed */
	check_match(&cs, "papeleria", 1);
	fu_clients_free(&cs);
}

static void
test_client_match_with_no_match_names_the_query(void **state)
{
	struct fu_clients cs;
	const char *const words[] = { "Gonzalo", NULL };

	(void)state;
	PUT("clients.csv", PORTFOLIO);
	load_ok(&cs);
	check_no_match(&cs, "Gonzalo", words);
	check_no_match(&cs, "", NULL);
	check_no_match(&cs, "0", NULL);
	fu_clients_free(&cs);
}

static void
test_client_match_with_several_matches_lists_the_candidates(void **state)
{
	struct fu_clients cs;
	const char *const acme[] = { "\"acme\"", "Zoë Clarke", "Bob Smith",
	    NULL };
	const char *const a[] = { "Ana López", "José Peña",
	    "María Fernández Ñúñez", NULL };

	(void)state;
	PUT("clients.csv", PORTFOLIO);
	load_ok(&cs);
	check_no_match(&cs, "acme", acme);
	check_no_match(&cs, "a", a);
	fu_clients_free(&cs);
}

static void
test_client_match_prefers_an_exact_full_name(void **state)
{
	struct fu_clients cs;
	const char *const both[] = { "Ana Torres", "Mariana", NULL };

	(void)state;
	PUT("clients.csv", "id,name\n1,Mariana\n2,Ana\n3,Ana Torres\n");
	load_ok(&cs);
	check_match(&cs, "Ana", 2);
	check_match(&cs, "ana", 2);
	check_match(&cs, "ANÁ", 2);
	check_match(&cs, "Mariana", 1);
	/* No name is exactly "an": all three match. */
	check_no_match(&cs, "an", both);
	fu_clients_free(&cs);
	/* Two clients called Ana: the name alone cannot choose. */
	PUT("clients.csv", "id,name\n1,Mariana\n2,Ana\n3,ana\n");
	load_ok(&cs);
	check_no_match(&cs, "Ana", NULL);
	check_match(&cs, "3", 3);
	fu_clients_free(&cs);
}

static void
test_client_match_lists_at_most_ten_of_many(void **state)
{
	char buf[4096];
	size_t n;
	struct fu_clients cs;
	struct fu_err e = { 0 };
	int i;

	(void)state;
	n = (size_t)snprintf(buf, sizeof(buf), "id,name\n");
	for (i = 1; i <= 25; i++)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n,
		    "%d,Client Number %02d\n", i, i);
	put("clients.csv", buf, n);
	load_ok(&cs);
	assert_null(fu_client_match(&cs, "client", &e));
	assert_int_equal(e.code, FU_EXIT_USAGE);
	assert_non_null(strstr(e.text, "25"));
	assert_non_null(strstr(e.text, "Client Number 10"));
	assert_null(strstr(e.text, "Client Number 11"));
	check_match(&cs, "number 17", 17);
	fu_clients_free(&cs);
}

static void
test_clients_load_refuses_a_duplicate_id(void **state)
{
	struct fu_clients cs;
	struct fu_err e;

	(void)state;
	PUT("clients.csv", "id,name,note\n1,Ana,\"two\nlines\"\n2,Bob,\n"
	    "1,Carl,\n");
	assert_int_equal(load(&cs, &e), -1);
	assert_int_equal(e.code, FU_EXIT_DATA);
	assert_string_equal(e.file, "clients.csv");
	assert_int_equal(e.line, 5);
	/* ...and names the line of the first. */
	assert_non_null(strstr(e.text, "id 1"));
	assert_non_null(strstr(e.text, "line 2"));
}

static void
test_clients_load_refuses_a_referrer_who_is_not_there(void **state)
{
	struct fu_clients cs;
	struct fu_err e;

	(void)state;
	PUT("clients.csv", "id,name,referred_by\n1,Ana,\n2,Bob,1\n3,Carl,9\n");
	assert_int_equal(load(&cs, &e), -1);
	assert_int_equal(e.code, FU_EXIT_DATA);
	assert_string_equal(e.file, "clients.csv");
	assert_int_equal(e.line, 4);
	assert_non_null(strstr(e.text, "9"));
	/* A referrer further down the file is there. */
	PUT("clients.csv", "id,name,referred_by\n1,Ana,3\n3,Carl,\n");
	load_ok(&cs);
	assert_int_equal(fu_clients_get(&cs, 1)->referred_by, 3);
	fu_clients_free(&cs);
}

static void
test_clients_load_refuses_a_malformed_row(void **state)
{
	struct fu_clients cs;
	struct fu_err e;

	(void)state;
	PUT("clients.csv", "id,name,since\n1,Ana,2026-01-05\n2,Bob,2026-02-30\n");
	assert_int_equal(load(&cs, &e), -1);
	assert_int_equal(e.code, FU_EXIT_DATA);
	assert_string_equal(e.file, "clients.csv");
	assert_int_equal(e.line, 3);
	PUT("clients.csv", "id,name\n1,Ana\n9223372036854775808,Bob\n");
	assert_int_equal(load(&cs, &e), -1);
	assert_int_equal(e.code, FU_EXIT_DATA);
	assert_int_equal(e.line, 3);
}

static void
test_clients_load_handles_thousands_of_sparse_ids(void **state)
{
	char path[4096];
	struct fu_clients cs;
	FILE *fp;
	uint64_t i, id;
	const struct fu_clientrec *c;
	char name[64];

	(void)state;
	snprintf(path, sizeof(path), "%s/clients.csv", dir);
	assert_non_null(fp = fopen(path, "w"));
	fputs("id,name\n", fp);
	for (i = 1; i <= 5000; i++)
		fprintf(fp, "%llu,Client %llu\n",
		    (unsigned long long)(i * 7919 % 100003 + i * 1000000000ULL),
		    (unsigned long long)i);
	fprintf(fp, "9223372036854775807,Last\n");
	assert_int_equal(fclose(fp), 0);
	load_ok(&cs);
	assert_int_equal(cs.n, 5001);
	assert_true(cs.max_id == 9223372036854775807ULL);
	for (i = 1; i <= 5000; i++) {
		id = i * 7919 % 100003 + i * 1000000000ULL;
		c = fu_clients_get(&cs, id);
		if (c == NULL || c->id != id)
			fail_msg("client %llu not found",
			    (unsigned long long)id);
		snprintf(name, sizeof(name), "Client %llu",
		    (unsigned long long)i);
		assert_string_equal(c->name, name);
		assert_int_equal(c->line, (long)i + 1);
	}
	assert_null(fu_clients_get(&cs, 1));
	assert_non_null(c = fu_clients_get(&cs, 9223372036854775807ULL));
	assert_string_equal(c->name, "Last");
	check_match(&cs, "9223372036854775807", 9223372036854775807ULL);
	check_match(&cs, "client 4999", 4999 * 7919 % 100003 +
	    4999 * 1000000000ULL);
	fu_clients_free(&cs);
}

/* A reproducible stream of 64-bit keys, never 0. */
static uint64_t
next_key(uint64_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x | 1;
}

static void
test_idmap_puts_gets_and_overwrites(void **state)
{
	struct fu_idmap *m = fu_idmap_new();
	uint64_t v = 0;

	(void)state;
	assert_non_null(m);
	assert_int_equal(fu_idmap_get(m, 1, &v), 0);
	assert_int_equal(fu_idmap_put(m, 1, 10), 0);
	assert_int_equal(fu_idmap_put(m, 9223372036854775807ULL, 20), 0);
	assert_int_equal(fu_idmap_get(m, 1, &v), 1);
	assert_int_equal(v, 10);
	assert_int_equal(fu_idmap_put(m, 1, 11), 0);
	assert_int_equal(fu_idmap_get(m, 1, &v), 1);
	assert_int_equal(v, 11);
	assert_int_equal(fu_idmap_get(m, 9223372036854775807ULL, &v), 1);
	assert_int_equal(v, 20);
	assert_int_equal(fu_idmap_get(m, 2, &v), 0);
	assert_int_equal(fu_idmap_del(m, 2), 0);
	assert_int_equal(fu_idmap_del(m, 1), 1);
	assert_int_equal(fu_idmap_get(m, 1, &v), 0);
	assert_int_equal(fu_idmap_del(m, 1), 0);
	fu_idmap_free(m);
	fu_idmap_free(NULL);
	assert_int_equal(fu_idmap_get(NULL, 1, &v), 0);
}

static void
test_idmap_deletes_without_losing_colliding_keys(void **state)
{
	enum { N = 20000 };
	static uint64_t keys[N];
	struct fu_idmap *m = fu_idmap_new();
	uint64_t x = 88172645463325252ULL, v;
	size_t i;

	(void)state;
	assert_non_null(m);
	for (i = 0; i < N; i++) {
		/* Half random, half dense: both kinds of id in one map. */
		keys[i] = i % 2 ? next_key(&x) : i + 1;
		assert_int_equal(fu_idmap_put(m, keys[i], i), 0);
	}
	for (i = 0; i < N; i += 3)
		assert_int_equal(fu_idmap_del(m, keys[i]), 1);
	for (i = 0; i < N; i++) {
		int want = i % 3 != 0;

		if (fu_idmap_get(m, keys[i], &v) != want)
			fail_msg("key %zu (%llu): found %d, want %d", i,
			    (unsigned long long)keys[i], !want, want);
		if (want)
			assert_int_equal(v, i);
	}
	/* Put back, delete the rest, and the map is empty. */
	for (i = 0; i < N; i += 3)
		assert_int_equal(fu_idmap_put(m, keys[i], i + N), 0);
	for (i = 0; i < N; i++)
		if (i % 3 != 0)
			assert_int_equal(fu_idmap_del(m, keys[i]), 1);
	for (i = 0; i < N; i++) {
		int want = i % 3 == 0;

		assert_int_equal(fu_idmap_get(m, keys[i], &v), want);
		if (want)
			assert_int_equal(v, i + N);
	}
	fu_idmap_free(m);
}

static void
test_idset_holds_dense_and_sparse_ids(void **state)
{
	struct fu_idset *a = fu_idset_new(), *b = fu_idset_new();
	static const uint64_t ids[] = {
		1, 7, 8, 4095, 4096, 32769, 1ULL << 25, (1ULL << 26) - 1,
		1ULL << 26, (1ULL << 26) + 5, 1ULL << 40,
		9223372036854775807ULL,
	};
	size_t i;

	(void)state;
	assert_non_null(a);
	assert_non_null(b);
	assert_int_equal(fu_idset_has(a, 1), 0);
	assert_int_equal(fu_idset_has(a, 1ULL << 40), 0);
	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++)
		assert_int_equal(fu_idset_add(a, ids[i]), 0);
	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		size_t j;
		int listed = 0;

		assert_int_equal(fu_idset_has(a, ids[i]), 1);
		for (j = 0; j < sizeof(ids) / sizeof(ids[0]); j++)
			listed |= ids[j] == ids[i] + 1;
		assert_int_equal(fu_idset_has(a, ids[i] + 1), listed);
	}
	assert_int_equal(fu_idset_has(a, 2), 0);
	assert_int_equal(fu_idset_has(a, 6), 0);
	assert_int_equal(fu_idset_first_missing(a, b), 1);
	assert_int_equal(fu_idset_add(b, 1), 0);
	assert_int_equal(fu_idset_add(b, 7), 0);
	assert_int_equal(fu_idset_first_missing(a, b), 8);
	for (i = 0; i < 8; i++)
		assert_int_equal(fu_idset_add(b, ids[i]), 0);
	/* Past the bitset too, the smallest first. */
	assert_int_equal(fu_idset_first_missing(a, b), 1ULL << 26);
	assert_int_equal(fu_idset_add(b, 1ULL << 26), 0);
	assert_int_equal(fu_idset_add(b, 1ULL << 40), 0);
	assert_int_equal(fu_idset_first_missing(a, b), (1ULL << 26) + 5);
	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++)
		assert_int_equal(fu_idset_add(b, ids[i]), 0);
	assert_int_equal(fu_idset_first_missing(a, b), 0);
	fu_idset_free(a);
	fu_idset_free(b);
	fu_idset_free(NULL);
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_clients_load_keeps_every_client),
		T(test_clients_load_reads_an_empty_portfolio),
		T(test_clients_reach_reads_the_email_and_phone_of_those_wanted),
		T(test_client_match_finds_by_id),
		T(test_client_match_refuses_an_unknown_id),
		T(test_client_match_finds_by_part_of_the_name),
		T(test_client_match_finds_by_part_of_the_company),
		T(test_client_match_ignores_case_and_accents),
		T(test_client_match_with_no_match_names_the_query),
		T(test_client_match_with_several_matches_lists_the_candidates),
		T(test_client_match_prefers_an_exact_full_name),
		T(test_client_match_lists_at_most_ten_of_many),
		T(test_clients_load_refuses_a_duplicate_id),
		T(test_clients_load_refuses_a_referrer_who_is_not_there),
		T(test_clients_load_refuses_a_malformed_row),
		T(test_clients_load_handles_thousands_of_sparse_ids),
		cmocka_unit_test(test_idmap_puts_gets_and_overwrites),
		cmocka_unit_test(
		    test_idmap_deletes_without_losing_colliding_keys),
		cmocka_unit_test(test_idset_holds_dense_and_sparse_ids),
	};

	return cmocka_run_group_tests_name("clients", tests, NULL, NULL);
}
