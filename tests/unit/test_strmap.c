/*
 * test_strmap.c - strmap.c: strings to numbers over the map's own copies
 * of the keys, compared by length and bytes; interned strings are one
 * pointer for all equal ones.
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

/* Expects s (of length n) to map to want. */
static void
check_get(const struct fu_strmap *m, const char *s, size_t n, size_t want)
{
	size_t v = ~want;

	if (fu_strmap_get(m, s, n, &v) != 1)
		fail_msg("\"%.*s\" is missing", (int)n, s);
	if (v != want)
		fail_msg("\"%.*s\" maps to %zu, want %zu", (int)n, s, v, want);
}

static void
check_absent(const struct fu_strmap *m, const char *s, size_t n)
{
	size_t v = 4242;

	if (fu_strmap_get(m, s, n, &v) != 0)
		fail_msg("\"%.*s\" is there (-> %zu)", (int)n, s, v);
	assert_int_equal(v, 4242);
}

static void
test_strmap_empty_map_has_nothing_and_frees(void **state)
{
	struct fu_strmap m = { 0 };

	(void)state;
	check_absent(&m, "a", 1);
	check_absent(&m, "", 0);
	assert_int_equal(fu_strmap_get(&m, "a", 1, NULL), 0);
	fu_strmap_free(&m);
	fu_strmap_free(&m);		/* twice: still empty */
	assert_null(m.key);
	assert_int_equal(m.n, 0);
	assert_int_equal(m.cap, 0);
}

static void
test_strmap_put_keeps_its_own_copy(void **state)
{
	struct fu_strmap m = { 0 };
	char buf[8] = "call";
	const char *k;

	(void)state;
	k = fu_strmap_put(&m, buf, 4, 7);
	assert_non_null(k);
	assert_ptr_not_equal(k, buf);
	assert_string_equal(k, "call");	/* NUL-terminated */
	/* The caller's buffer may change; the key does not. */
	memcpy(buf, "mail", 4);
	assert_string_equal(k, "call");
	check_get(&m, "call", 4, 7);
	check_absent(&m, "mail", 4);
	assert_int_equal(m.n, 1);
	/* Only the n bytes given are the key. */
	assert_non_null(fu_strmap_put(&m, "email,phone", 5, 9));
	check_get(&m, "email", 5, 9);
	check_absent(&m, "email,phone", 11);
	fu_strmap_free(&m);
}

static void
test_strmap_put_again_replaces_the_value_and_keeps_the_key(void **state)
{
	struct fu_strmap m = { 0 };
	const char *k1, *k2;
	size_t v;

	(void)state;
	k1 = fu_strmap_put(&m, "visit", 5, 1);
	k2 = fu_strmap_put(&m, "visit", 5, 2);
	assert_ptr_equal(k1, k2);
	check_get(&m, "visit", 5, 2);
	assert_int_equal(m.n, 1);
	/* val may be NULL: only whether it is there. */
	assert_int_equal(fu_strmap_get(&m, "visit", 5, NULL), 1);
	assert_int_equal(fu_strmap_get(&m, "visit", 5, &v), 1);
	assert_int_equal(v, 2);
	fu_strmap_free(&m);
}

static void
test_strmap_grows_and_keeps_every_key(void **state)
{
	struct fu_strmap m = { 0 };
	const char **kept;
	char s[32];
	size_t i, n = 50000;
	int len;

	(void)state;
	assert_non_null(kept = calloc(n, sizeof(*kept)));
	for (i = 0; i < n; i++) {
		len = snprintf(s, sizeof(s), "channel-%zu", i);
		assert_non_null(kept[i] = fu_strmap_put(&m, s, (size_t)len,
		    i * 2));
		assert_int_equal(m.n, i + 1);
		/* Never more than half full. */
		assert_true(m.n * 2 <= m.cap);
	}
	for (i = 0; i < n; i++) {
		len = snprintf(s, sizeof(s), "channel-%zu", i);
		check_get(&m, s, (size_t)len, i * 2);
		/* The copies do not move as the table grows. */
		assert_string_equal(kept[i], s);
		assert_ptr_equal(fu_strmap_intern(&m, s, (size_t)len),
		    kept[i]);
	}
	check_absent(&m, "channel-50000", 13);
	check_absent(&m, "channel-", 8);
	assert_int_equal(m.n, n);
	free(kept);
	fu_strmap_free(&m);
	assert_int_equal(m.n, 0);
	/* A freed map is an empty one, fit for use again. */
	assert_non_null(fu_strmap_put(&m, "again", 5, 1));
	check_get(&m, "again", 5, 1);
	fu_strmap_free(&m);
}

static void
test_strmap_tells_apart_keys_of_equal_prefixes(void **state)
{
	static const char *const keys[] = {
		"", "a", "ab", "abc", "abcd", "abd", "b", "ba", "aa", "A",
	};
	struct fu_strmap m = { 0 };
	size_t i, n = sizeof(keys) / sizeof(keys[0]);

	(void)state;
	for (i = 0; i < n; i++)
		assert_non_null(fu_strmap_put(&m, keys[i], strlen(keys[i]), i));
	for (i = 0; i < n; i++)
		check_get(&m, keys[i], strlen(keys[i]), i);
	assert_int_equal(m.n, n);
	check_absent(&m, "abcde", 5);
	check_absent(&m, "c", 1);
	/* The same bytes, a different length: another key. */
	check_get(&m, "abcd", 3, 3);
	check_get(&m, "abcd", 0, 0);
	fu_strmap_free(&m);
}

static void
test_strmap_tells_apart_keys_that_are_prefixes_of_each_other(void **state)
{
	struct fu_strmap m = { 0 };
	char s[301];
	size_t i, len;

	(void)state;
	memset(s, 'p', sizeof(s));
	/* "p", "pp", ... up to 300, put in a scattered order: a lookup
	 * that passes a longer key on its way must not take it. */
	for (i = 0; i < 300; i++) {
		len = (i * 7) % 300 + 1;
		assert_non_null(fu_strmap_put(&m, s, len, len));
		assert_int_equal(m.n, i + 1);
	}
	for (len = 1; len <= 300; len++)
		check_get(&m, s, len, len);
	check_absent(&m, s, 0);
	check_absent(&m, s, 301);
	fu_strmap_free(&m);
}

static void
test_strmap_keys_are_bytes_not_text(void **state)
{
	struct fu_strmap m = { 0 };
	char key[255], other[255];
	const char *k;
	size_t i;

	(void)state;
	/* Every byte but NUL, and no valid UTF-8 required. */
	for (i = 0; i < sizeof(key); i++)
		key[i] = (char)(i + 1);
	k = fu_strmap_put(&m, key, sizeof(key), 1);
	assert_non_null(k);
	assert_memory_equal(k, key, sizeof(key));
	assert_int_equal(k[sizeof(key)], '\0');
	check_get(&m, key, sizeof(key), 1);
	/* One byte changed anywhere is another key. */
	for (i = 0; i < sizeof(key); i++) {
		memcpy(other, key, sizeof(key));
		other[i] ^= (char)0x80;
		check_absent(&m, other, sizeof(other));
	}
	assert_non_null(fu_strmap_put(&m, "\xff\xfe", 2, 2));
	assert_non_null(fu_strmap_put(&m, "\xc3\xb1", 2, 3));	/* ñ */
	assert_non_null(fu_strmap_put(&m, "n\xcc\x83", 3, 4));	/* n + ~ */
	check_get(&m, "\xff\xfe", 2, 2);
	check_get(&m, "\xc3\xb1", 2, 3);
	check_get(&m, "n\xcc\x83", 3, 4);
	check_absent(&m, "\xff", 1);
	fu_strmap_free(&m);
}

static void
test_strmap_intern_gives_one_pointer_for_equal_strings(void **state)
{
	struct fu_strmap m = { 0 };
	char a[] = "phone", b[] = "phone", c[] = "phones";
	const char *pa, *pb, *pc;
	size_t v;

	(void)state;
	pa = fu_strmap_intern(&m, a, 5);
	pb = fu_strmap_intern(&m, b, 5);
	pc = fu_strmap_intern(&m, c, 6);
	assert_non_null(pa);
	assert_ptr_equal(pa, pb);
	assert_ptr_not_equal(pa, a);
	assert_ptr_not_equal(pa, pc);
	assert_string_equal(pa, "phone");
	assert_string_equal(pc, "phones");
	assert_ptr_equal(fu_strmap_intern(&m, c, 5), pa);	/* "phone" */
	assert_int_equal(m.n, 2);
	/* An interned string is a key of value 0; interning a key that is
	 * there leaves its value alone. */
	check_get(&m, "phone", 5, 0);
	assert_ptr_equal(fu_strmap_put(&m, "phone", 5, 9), pa);
	assert_ptr_equal(fu_strmap_intern(&m, "phone", 5), pa);
	assert_int_equal(fu_strmap_get(&m, "phone", 5, &v), 1);
	assert_int_equal(v, 9);
	/* The empty string is a string like any other. */
	assert_ptr_equal(fu_strmap_intern(&m, "", 0),
	    fu_strmap_intern(&m, "x", 0));
	assert_string_equal(fu_strmap_intern(&m, "", 0), "");
	fu_strmap_free(&m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strmap_empty_map_has_nothing_and_frees),
		cmocka_unit_test(test_strmap_put_keeps_its_own_copy),
		cmocka_unit_test(
		    test_strmap_put_again_replaces_the_value_and_keeps_the_key),
		cmocka_unit_test(test_strmap_grows_and_keeps_every_key),
		cmocka_unit_test(test_strmap_tells_apart_keys_of_equal_prefixes),
		cmocka_unit_test(
		    test_strmap_tells_apart_keys_that_are_prefixes_of_each_other),
		cmocka_unit_test(test_strmap_keys_are_bytes_not_text),
		cmocka_unit_test(
		    test_strmap_intern_gives_one_pointer_for_equal_strings),
	};

	return cmocka_run_group_tests_name("strmap", tests, NULL, NULL);
}
