/*
 * test_idmap.c - idmap.c: ids to values in an open-addressing table that
 * grows and shifts entries back on delete, sets of ids (a bitset below
 * 2^26, a map above), the first id of one set missing from another, and
 * sets saved and loaded back.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define DENSE_MAX (UINT64_C(1) << 26)	/* as idmap.c: sets switch here */

/* A reproducible stream of 64-bit numbers (xorshift64*). */
static uint64_t
rnd(uint64_t *x)
{
	*x ^= *x >> 12;
	*x ^= *x << 25;
	*x ^= *x >> 27;
	return *x * UINT64_C(2685821657736338717);
}

static struct fu_idmap *
map_new(void)
{
	struct fu_idmap *m = fu_idmap_new();

	assert_non_null(m);
	return m;
}

static struct fu_idset *
set_new(void)
{
	struct fu_idset *s = fu_idset_new();

	assert_non_null(s);
	return s;
}

/* Expects key to map to want. */
static void
check_get(const struct fu_idmap *m, uint64_t key, uint64_t want)
{
	uint64_t v = ~want;

	if (fu_idmap_get(m, key, &v) != 1)
		fail_msg("key %llu is missing", (unsigned long long)key);
	if (v != want)
		fail_msg("key %llu maps to %llu, want %llu",
		    (unsigned long long)key, (unsigned long long)v,
		    (unsigned long long)want);
}

static void
check_absent(const struct fu_idmap *m, uint64_t key)
{
	uint64_t v = 12345;

	if (fu_idmap_get(m, key, &v) != 0)
		fail_msg("key %llu is there (-> %llu)", (unsigned long long)key,
		    (unsigned long long)v);
	assert_int_equal(v, 12345);	/* untouched */
}

/* How many entries a walk of m gives. */
static size_t
walk_count(const struct fu_idmap *m)
{
	size_t pos = 0, n = 0;
	uint64_t k, v;

	while (fu_idmap_next(m, &pos, &k, &v))
		n++;
	return n;
}

static void
test_idmap_new_map_is_empty(void **state)
{
	struct fu_idmap *m = map_new();
	size_t pos = 0;
	uint64_t k, v;

	(void)state;
	check_absent(m, 1);
	check_absent(m, UINT64_MAX);
	assert_int_equal(fu_idmap_del(m, 1), 0);
	assert_int_equal(fu_idmap_next(m, &pos, &k, &v), 0);
	fu_idmap_free(m);
	/* A map that is not there holds nothing, and freeing it is no-op. */
	assert_int_equal(fu_idmap_get(NULL, 1, &v), 0);
	assert_int_equal(fu_idmap_del(NULL, 1), 0);
	pos = 0;
	assert_int_equal(fu_idmap_next(NULL, &pos, &k, &v), 0);
	fu_idmap_free(NULL);
}

static void
test_idmap_put_then_get_and_put_again_replaces(void **state)
{
	struct fu_idmap *m = map_new();

	(void)state;
	assert_int_equal(fu_idmap_put(m, 7, 70), 0);
	assert_int_equal(fu_idmap_put(m, 8, 0), 0);
	check_get(m, 7, 70);
	check_get(m, 8, 0);		/* a value of 0 is a value */
	check_absent(m, 6);
	assert_int_equal(fu_idmap_put(m, 7, 71), 0);
	check_get(m, 7, 71);
	assert_int_equal(walk_count(m), 2);	/* replaced, not added */
	fu_idmap_free(m);
}

static void
test_idmap_grows_past_its_first_capacity_and_keeps_every_key(void **state)
{
	struct fu_idmap *m = map_new();
	uint64_t i, n = 200000;

	(void)state;
	/* Far past the first table of 1024 slots, dense and spread ids. */
	for (i = 1; i <= n; i++) {
		assert_int_equal(fu_idmap_put(m, i, i * 3), 0);
		assert_int_equal(fu_idmap_put(m, i << 40, ~i), 0);
	}
	for (i = 1; i <= n; i++) {
		check_get(m, i, i * 3);
		check_get(m, i << 40, ~i);
	}
	check_absent(m, n + 1);
	check_absent(m, (n + 1) << 40);
	assert_int_equal(walk_count(m), 2 * n);
	fu_idmap_free(m);
}

static void
test_idmap_next_walks_every_entry_once(void **state)
{
	struct fu_idmap *m = map_new();
	struct fu_idset *seen = set_new();
	size_t pos = 0, count = 0;
	uint64_t k, v, i;

	(void)state;
	for (i = 1; i <= 5000; i++)
		assert_int_equal(fu_idmap_put(m, i, i + 1000000), 0);
	while (fu_idmap_next(m, &pos, &k, &v)) {
		if (k < 1 || k > 5000)
			fail_msg("walk gave key %llu", (unsigned long long)k);
		if (fu_idset_has(seen, k))
			fail_msg("walk gave key %llu twice",
			    (unsigned long long)k);
		assert_int_equal(v, k + 1000000);
		assert_int_equal(fu_idset_add(seen, k), 0);
		count++;
	}
	assert_int_equal(count, 5000);
	/* At the end it stays at the end. */
	assert_int_equal(fu_idmap_next(m, &pos, &k, &v), 0);
	fu_idset_free(seen);
	fu_idmap_free(m);
}

static void
test_idmap_keys_at_the_edges_of_uint64(void **state)
{
	static const uint64_t keys[] = {
		1, 2, UINT64_MAX, UINT64_MAX - 1, (uint64_t)INT64_MAX,
		(uint64_t)INT64_MAX + 1, UINT32_MAX, (uint64_t)UINT32_MAX + 1,
		DENSE_MAX - 1, DENSE_MAX, UINT64_C(1) << 63 | 1,
	};
	struct fu_idmap *m = map_new();
	size_t i, n = sizeof(keys) / sizeof(keys[0]);

	(void)state;
	for (i = 0; i < n; i++)
		assert_int_equal(fu_idmap_put(m, keys[i], i), 0);
	for (i = 0; i < n; i++)
		check_get(m, keys[i], i);
	assert_int_equal(walk_count(m), n);
	check_absent(m, 3);
	check_absent(m, UINT64_MAX - 2);
	for (i = 0; i < n; i++) {
		assert_int_equal(fu_idmap_del(m, keys[i]), 1);
		check_absent(m, keys[i]);
		assert_int_equal(fu_idmap_del(m, keys[i]), 0);
	}
	assert_int_equal(walk_count(m), 0);
	fu_idmap_free(m);
}

static void
test_idmap_delete_keeps_the_others_reachable(void **state)
{
	struct fu_idmap *m = map_new();
	uint64_t i, n = 3000;

	(void)state;
	/* Half full before growing: long probe runs that wrap the end. */
	for (i = 1; i <= n; i++)
		assert_int_equal(fu_idmap_put(m, i * 7919, i), 0);
	for (i = 1; i <= n; i += 2)
		assert_int_equal(fu_idmap_del(m, i * 7919), 1);
	for (i = 1; i <= n; i++)
		if (i % 2)
			check_absent(m, i * 7919);
		else
			check_get(m, i * 7919, i);
	assert_int_equal(walk_count(m), n / 2);
	/* Deleted keys come back with their new values. */
	for (i = 1; i <= n; i += 2)
		assert_int_equal(fu_idmap_put(m, i * 7919, i + 1), 0);
	for (i = 1; i <= n; i++)
		check_get(m, i * 7919, i % 2 ? i + 1 : i);
	assert_int_equal(walk_count(m), n);
	fu_idmap_free(m);
}

/* Many random puts, gets and deletes of a few thousand sparse keys,
 * against a plain array that knows the answer. */
static void
test_idmap_agrees_with_a_plain_array_over_random_churn(void **state)
{
	enum { NKEYS = 4000, OPS = 400000 };
	static uint64_t key[NKEYS], val[NKEYS];
	static int in[NKEYS];
	struct fu_idmap *m = map_new();
	uint64_t x = 0x9E3779B97F4A7C15ULL, v;
	size_t i, j, live = 0;

	(void)state;
	for (i = 0; i < NKEYS; i++) {
		do
			key[i] = rnd(&x);
		while (key[i] == 0);
		in[i] = 0;
	}
	for (i = 0; i < OPS; i++) {
		j = (size_t)(rnd(&x) % NKEYS);
		switch (rnd(&x) % 3) {
		case 0:
			v = rnd(&x);
			assert_int_equal(fu_idmap_put(m, key[j], v), 0);
			live += !in[j];
			in[j] = 1;
			val[j] = v;
			break;
		case 1:
			assert_int_equal(fu_idmap_del(m, key[j]), in[j]);
			live -= in[j];
			in[j] = 0;
			break;
		default:
			if (in[j])
				check_get(m, key[j], val[j]);
			else
				check_absent(m, key[j]);
		}
	}
	for (j = 0; j < NKEYS; j++)
		if (in[j])
			check_get(m, key[j], val[j]);
		else
			check_absent(m, key[j]);
	assert_int_equal(walk_count(m), live);
	fu_idmap_free(m);
}

static void
test_idset_holds_dense_small_ids(void **state)
{
	struct fu_idset *s = set_new();
	uint64_t i;

	(void)state;
	assert_int_equal(fu_idset_has(s, 1), 0);
	assert_int_equal(fu_idset_has(s, DENSE_MAX - 1), 0);
	for (i = 1; i <= 100000; i += 3)
		assert_int_equal(fu_idset_add(s, i), 0);
	for (i = 1; i <= 100010; i++)
		if (fu_idset_has(s, i) != (i % 3 == 1 && i <= 100000))
			fail_msg("id %llu: has says %d", (unsigned long long)i,
			    fu_idset_has(s, i));
	/* Adding twice is adding once. */
	assert_int_equal(fu_idset_add(s, 4), 0);
	assert_int_equal(fu_idset_has(s, 4), 1);
	assert_int_equal(fu_idset_has(s, 5), 0);
	fu_idset_free(s);
	fu_idset_free(NULL);
}

static void
test_idset_holds_ids_past_the_bitset(void **state)
{
	static const uint64_t big[] = {
		DENSE_MAX, DENSE_MAX + 1, DENSE_MAX + 8, UINT64_C(1) << 40,
		(uint64_t)INT64_MAX, UINT64_MAX,
	};
	struct fu_idset *s = set_new();
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(big) / sizeof(big[0]); i++) {
		assert_int_equal(fu_idset_has(s, big[i]), 0);
		assert_int_equal(fu_idset_add(s, big[i]), 0);
		assert_int_equal(fu_idset_has(s, big[i]), 1);
	}
	/* Their neighbours are not in, nor are the dense ids they would
	 * land on if they were cut to the bitset. */
	assert_int_equal(fu_idset_has(s, DENSE_MAX + 2), 0);
	assert_int_equal(fu_idset_has(s, (UINT64_C(1) << 40) + 1), 0);
	assert_int_equal(fu_idset_has(s, UINT64_MAX - 1), 0);
	assert_int_equal(fu_idset_has(s, 0), 0);
	assert_int_equal(fu_idset_has(s, 1), 0);
	assert_int_equal(fu_idset_has(s, 8), 0);
	/* The last dense id, at the very end of the largest bitset. */
	assert_int_equal(fu_idset_add(s, DENSE_MAX - 1), 0);
	assert_int_equal(fu_idset_has(s, DENSE_MAX - 1), 1);
	assert_int_equal(fu_idset_has(s, DENSE_MAX - 2), 0);
	fu_idset_free(s);
}

static void
test_idset_first_missing_is_the_smallest_id_of_a_not_in_b(void **state)
{
	struct fu_idset *a = set_new(), *b = set_new();
	uint64_t i;

	(void)state;
	/* Nothing in a: nothing missing. */
	assert_int_equal(fu_idset_first_missing(a, b), 0);
	for (i = 1; i <= 20; i++)
		assert_int_equal(fu_idset_add(a, i), 0);
	assert_int_equal(fu_idset_first_missing(a, b), 1);
	for (i = 1; i <= 20; i++)
		if (i != 13 && i != 17)
			assert_int_equal(fu_idset_add(b, i), 0);
	assert_int_equal(fu_idset_first_missing(a, b), 13);
	assert_int_equal(fu_idset_add(b, 13), 0);
	assert_int_equal(fu_idset_first_missing(a, b), 17);
	assert_int_equal(fu_idset_add(b, 17), 0);
	assert_int_equal(fu_idset_first_missing(a, b), 0);
	/* b holding more than a changes nothing. */
	assert_int_equal(fu_idset_add(b, 900000), 0);
	assert_int_equal(fu_idset_first_missing(a, b), 0);
	/* a's bitset longer than b's: the ids past b's end are missing. */
	assert_int_equal(fu_idset_add(a, 2000000), 0);
	assert_int_equal(fu_idset_first_missing(a, b), 2000000);
	assert_int_equal(fu_idset_first_missing(b, a), 900000);
	fu_idset_free(a);
	fu_idset_free(b);
}

static void
test_idset_first_missing_looks_past_the_bitset(void **state)
{
	struct fu_idset *a = set_new(), *b = set_new();

	(void)state;
	/* Only large ids: the smallest missing one, whatever the order
	 * they went in. */
	assert_int_equal(fu_idset_add(a, UINT64_C(1) << 50), 0);
	assert_int_equal(fu_idset_add(a, DENSE_MAX + 5), 0);
	assert_int_equal(fu_idset_add(a, UINT64_MAX), 0);
	assert_int_equal(fu_idset_first_missing(a, b), DENSE_MAX + 5);
	assert_int_equal(fu_idset_add(b, DENSE_MAX + 5), 0);
	assert_int_equal(fu_idset_first_missing(a, b), UINT64_C(1) << 50);
	assert_int_equal(fu_idset_add(b, UINT64_C(1) << 50), 0);
	assert_int_equal(fu_idset_first_missing(a, b), UINT64_MAX);
	assert_int_equal(fu_idset_add(b, UINT64_MAX), 0);
	assert_int_equal(fu_idset_first_missing(a, b), 0);
	/* A dense id missing comes before any large one. */
	assert_int_equal(fu_idset_add(a, 42), 0);
	assert_int_equal(fu_idset_add(a, DENSE_MAX + 1), 0);
	assert_int_equal(fu_idset_first_missing(a, b), 42);
	assert_int_equal(fu_idset_add(b, 42), 0);
	assert_int_equal(fu_idset_first_missing(a, b), DENSE_MAX + 1);
	fu_idset_free(a);
	fu_idset_free(b);
}

/* The bytes fu_idset_save writes for s; *n their length. */
static char *
saved(const struct fu_idset *s, size_t *n)
{
	char *p = NULL;
	FILE *f = open_memstream(&p, n);

	assert_non_null(f);
	assert_int_equal(fu_idset_save(s, f), 0);
	assert_int_equal(fclose(f), 0);
	return p;
}

/* A set of some dense and some large ids. */
static struct fu_idset *
sample_set(void)
{
	struct fu_idset *s = set_new();
	uint64_t i;

	for (i = 1; i < 5000; i += 7)
		assert_int_equal(fu_idset_add(s, i), 0);
	assert_int_equal(fu_idset_add(s, 70001), 0);
	assert_int_equal(fu_idset_add(s, DENSE_MAX), 0);
	assert_int_equal(fu_idset_add(s, UINT64_C(1) << 45), 0);
	assert_int_equal(fu_idset_add(s, UINT64_MAX), 0);
	return s;
}

/* Expects t to hold exactly the ids of sample_set. */
static void
check_sample(const struct fu_idset *t)
{
	uint64_t i;

	for (i = 0; i < 80000; i++)
		if (fu_idset_has(t, i) != ((i % 7 == 1 && i < 5000) ||
		    i == 70001))
			fail_msg("id %llu: has says %d", (unsigned long long)i,
			    fu_idset_has(t, i));
	assert_int_equal(fu_idset_has(t, DENSE_MAX), 1);
	assert_int_equal(fu_idset_has(t, UINT64_C(1) << 45), 1);
	assert_int_equal(fu_idset_has(t, UINT64_MAX), 1);
	assert_int_equal(fu_idset_has(t, DENSE_MAX + 1), 0);
	assert_int_equal(fu_idset_has(t, UINT64_MAX - 1), 0);
}

static void
test_idset_save_and_load_round_trip(void **state)
{
	struct fu_idset *s = sample_set(), *t = set_new(), *u = set_new();
	struct fu_idset *empty = set_new(), *e2 = set_new();
	size_t n, n2;
	char *p = saved(s, &n), *q;
	const char *cur = p;

	(void)state;
	assert_int_equal(fu_idset_load(t, &cur, p + n), 0);
	assert_ptr_equal(cur, p + n);	/* every byte, no more */
	check_sample(t);
	free(p);
	/* Saved again, the loaded set gives the same bytes. */
	p = saved(s, &n);
	q = saved(t, &n2);
	assert_int_equal(n, n2);
	assert_memory_equal(p, q, n);
	free(q);
	free(p);
	/* An empty set, and through a real file as the saved state is. */
	{
		FILE *f = tmpfile();
		long len;

		assert_non_null(f);
		assert_int_equal(fu_idset_save(empty, f), 0);
		assert_int_equal(fu_idset_save(s, f), 0);
		assert_int_equal(fflush(f), 0);
		assert_true((len = ftell(f)) > 16);
		rewind(f);
		assert_non_null(p = malloc((size_t)len));
		assert_int_equal(fread(p, 1, (size_t)len, f), (size_t)len);
		fclose(f);
		cur = p;
		/* Two sets back to back, as the saved state holds them. */
		assert_int_equal(fu_idset_load(e2, &cur, p + len), 0);
		assert_ptr_equal(cur, p + 16);	/* two zero counts */
		assert_int_equal(fu_idset_load(u, &cur, p + len), 0);
		assert_ptr_equal(cur, p + len);
		assert_int_equal(fu_idset_has(e2, 1), 0);
		assert_int_equal(fu_idset_first_missing(e2, empty), 0);
		check_sample(u);
		free(p);
	}
	fu_idset_free(s);
	fu_idset_free(t);
	fu_idset_free(u);
	fu_idset_free(empty);
	fu_idset_free(e2);
}

static void
test_idset_load_refuses_every_truncation(void **state)
{
	struct fu_idset *s = sample_set(), *t;
	size_t n, len;
	char *p = saved(s, &n), *copy;
	const char *cur;

	(void)state;
	for (len = 0; len < n; len++) {
		/* Exactly len bytes, so ASan sees any read past them. */
		assert_non_null(copy = malloc(len ? len : 1));
		memcpy(copy, p, len);
		t = set_new();
		cur = copy;
		if (fu_idset_load(t, &cur, copy + len) != -1)
			fail_msg("a save cut to %zu of %zu bytes loaded", len, n);
		fu_idset_free(t);
		free(copy);
	}
	free(p);
	fu_idset_free(s);
}

static void
test_idset_load_refuses_damaged_counts(void **state)
{
	struct fu_idset *s = sample_set(), *t = set_new();
	size_t n;
	char *p = saved(s, &n), *big;
	const char *cur;
	uint64_t v, nbytes;

	(void)state;
	memcpy(&nbytes, p, sizeof(nbytes));
	/* The count of dense bytes larger than the bytes there. */
	v = nbytes + 1000000;
	memcpy(p, &v, sizeof(v));
	cur = p;
	assert_int_equal(fu_idset_load(t, &cur, p + n), -1);
	v = UINT64_MAX;
	memcpy(p, &v, sizeof(v));
	cur = p;
	assert_int_equal(fu_idset_load(t, &cur, p + n), -1);
	memcpy(p, &nbytes, sizeof(nbytes));
	/* The count of large ids larger than the ids there. */
	v = 4;
	memcpy(p + 8 + nbytes, &v, sizeof(v));
	cur = p;
	assert_int_equal(fu_idset_load(t, &cur, p + n), -1);
	v = UINT64_MAX / 8 + 2;
	memcpy(p + 8 + nbytes, &v, sizeof(v));
	cur = p;
	assert_int_equal(fu_idset_load(t, &cur, p + n), -1);
	v = UINT64_MAX;
	memcpy(p + 8 + nbytes, &v, sizeof(v));
	cur = p;
	assert_int_equal(fu_idset_load(t, &cur, p + n), -1);
	/* Put right, it loads again. */
	v = 3;
	memcpy(p + 8 + nbytes, &v, sizeof(v));
	cur = p;
	assert_int_equal(fu_idset_load(t, &cur, p + n), 0);
	check_sample(t);
	free(p);
	/* A bitset larger than any set of dense ids has, even with all its
	 * bytes there. */
	n = 8 + (size_t)(DENSE_MAX / 8 + 2) + 8;
	assert_non_null(big = calloc(1, n));
	v = DENSE_MAX / 8 + 2;
	memcpy(big, &v, sizeof(v));
	cur = big;
	assert_int_equal(fu_idset_load(t, &cur, big + n), -1);
	free(big);
	fu_idset_free(t);
	fu_idset_free(s);
}

static void
test_idset_save_fails_on_a_stream_that_cannot_be_written(void **state)
{
	struct fu_idset *s = sample_set(), *empty = set_new();
	FILE *f = fopen("/dev/null", "r");
	size_t n, room;
	char *p = saved(s, &n), *buf;

	(void)state;
	assert_non_null(f);
	assert_int_equal(fu_idset_save(s, f), -1);
	assert_int_equal(fu_idset_save(empty, f), -1);
	fclose(f);
	/* A stream that takes only so many bytes (a full disk), unbuffered
	 * so that each write meets it: whichever write fails is told. */
	assert_non_null(buf = malloc(n));
	for (room = 0; room <= n; room++) {
		assert_non_null(f = fmemopen(buf, room, "w"));
		assert_int_equal(setvbuf(f, NULL, _IONBF, 0), 0);
		if (fu_idset_save(s, f) != (room < n ? -1 : 0))
			fail_msg("save into %zu bytes of %zu returned %s", room,
			    n, room < n ? "0" : "-1");
		fclose(f);
	}
	assert_memory_equal(buf, p, n);
	free(buf);
	free(p);
	fu_idset_free(s);
	fu_idset_free(empty);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_idmap_new_map_is_empty),
		cmocka_unit_test(test_idmap_put_then_get_and_put_again_replaces),
		cmocka_unit_test(
		    test_idmap_grows_past_its_first_capacity_and_keeps_every_key),
		cmocka_unit_test(test_idmap_next_walks_every_entry_once),
		cmocka_unit_test(test_idmap_keys_at_the_edges_of_uint64),
		cmocka_unit_test(test_idmap_delete_keeps_the_others_reachable),
		cmocka_unit_test(
		    test_idmap_agrees_with_a_plain_array_over_random_churn),
		cmocka_unit_test(test_idset_holds_dense_small_ids),
		cmocka_unit_test(test_idset_holds_ids_past_the_bitset),
		cmocka_unit_test(
		    test_idset_first_missing_is_the_smallest_id_of_a_not_in_b),
		cmocka_unit_test(test_idset_first_missing_looks_past_the_bitset),
		cmocka_unit_test(test_idset_save_and_load_round_trip),
		cmocka_unit_test(test_idset_load_refuses_every_truncation),
		cmocka_unit_test(test_idset_load_refuses_damaged_counts),
		cmocka_unit_test(
		    test_idset_save_fails_on_a_stream_that_cannot_be_written),
	};

	return cmocka_run_group_tests_name("idmap", tests, NULL, NULL);
}
