/*
 * idmap.c - ids to array indexes: an open-addressing hash table, so that a
 * portfolio of a million clients is looked up in constant time.
 */
#include <stdlib.h>

#include "fu.h"

struct fu_idmap {
	uint64_t *keys;		/* 0 marks an empty slot: ids start at 1 */
	uint32_t *vals;
	size_t cap, n;		/* cap is a power of two */
};

static size_t
slot(uint64_t k, size_t cap)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33;
	return (size_t)k & (cap - 1);
}

struct fu_idmap *
fu_idmap_new(void)
{
	return calloc(1, sizeof(struct fu_idmap));
}

void
fu_idmap_free(struct fu_idmap *m)
{
	if (m == NULL)
		return;
	free(m->keys);
	free(m->vals);
	free(m);
}

static int
grow(struct fu_idmap *m)
{
	size_t cap = m->cap ? 2 * m->cap : 1024, i, j;
	uint64_t *keys = calloc(cap, sizeof(*keys));
	uint32_t *vals = malloc(cap * sizeof(*vals));

	if (keys == NULL || vals == NULL) {
		free(keys);
		free(vals);
		return -1;
	}
	for (i = 0; i < m->cap; i++) {
		if (m->keys[i] == 0)
			continue;
		for (j = slot(m->keys[i], cap); keys[j] != 0; j = (j + 1) &
		    (cap - 1))
			;
		keys[j] = m->keys[i];
		vals[j] = m->vals[i];
	}
	free(m->keys);
	free(m->vals);
	m->keys = keys;
	m->vals = vals;
	m->cap = cap;
	return 0;
}

int
fu_idmap_put(struct fu_idmap *m, uint64_t key, uint32_t val)
{
	size_t i;

	if ((m->n + 1) * 2 > m->cap && grow(m) == -1)
		return -1;
	for (i = slot(key, m->cap); m->keys[i] != 0; i = (i + 1) & (m->cap -
	    1))
		if (m->keys[i] == key) {
			m->vals[i] = val;
			return 0;
		}
	m->keys[i] = key;
	m->vals[i] = val;
	m->n++;
	return 0;
}

int
fu_idmap_get(const struct fu_idmap *m, uint64_t key, uint32_t *val)
{
	size_t i;

	if (m == NULL || m->cap == 0)
		return 0;
	for (i = slot(key, m->cap); m->keys[i] != 0; i = (i + 1) & (m->cap -
	    1))
		if (m->keys[i] == key) {
			*val = m->vals[i];
			return 1;
		}
	return 0;
}
