/*
 * idmap.c - ids to array indexes: an open-addressing hash table, so that a
 * portfolio of a million clients is looked up in constant time.
 */
#include <stdlib.h>
#include <string.h>

#include "priv.h"

struct fu_idmap {
	uint64_t *keys;		/* 0 marks an empty slot: ids start at 1 */
	uint64_t *vals;
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
	uint64_t *vals = malloc(cap * sizeof(*vals));

	if (keys == NULL || vals == NULL) {
		free(keys);
		free(vals);
		return -1;
	}
	fu_mem_hint(keys, cap * sizeof(*keys));
	fu_mem_hint(vals, cap * sizeof(*vals));
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
fu_idmap_put(struct fu_idmap *m, uint64_t key, uint64_t val)
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
fu_idmap_get(const struct fu_idmap *m, uint64_t key, uint64_t *val)
{
	size_t i;

	if (m == NULL || m->cap == 0)
		return 0;
	for (i = slot(key, m->cap); m->keys[i] != 0; i = (i + 1) & (m->cap -
	    1))
		if (m->keys[i] == key) {
			if (val != NULL)
				*val = m->vals[i];
			return 1;
		}
	return 0;
}

void
fu_idmap_prefetch(const struct fu_idmap *m, uint64_t key)
{
	size_t i;

	if (m == NULL || m->cap == 0)
		return;
	i = slot(key, m->cap);
	FU_PREFETCH(&m->keys[i]);
	FU_PREFETCH(&m->vals[i]);
}

int
fu_idmap_del(struct fu_idmap *m, uint64_t key)
{
	size_t i, j, k;

	if (m == NULL || m->cap == 0)
		return 0;
	for (i = slot(key, m->cap); m->keys[i] != key; i = (i + 1) &
	    (m->cap - 1))
		if (m->keys[i] == 0)
			return 0;
	/* Shift back the entries that probed past the hole. */
	for (j = i;;) {
		m->keys[i] = 0;
		for (;;) {
			j = (j + 1) & (m->cap - 1);
			if (m->keys[j] == 0) {
				m->n--;
				return 1;
			}
			k = slot(m->keys[j], m->cap);
			if (i <= j ? (i < k && k <= j) : (i < k || k <= j))
				continue;
			break;
		}
		m->keys[i] = m->keys[j];
		m->vals[i] = m->vals[j];
		i = j;
	}
}

/* Sets of ids: a bitset for the dense ids fu writes, a hash map for the
 * rare large id a person typed, so that memory stays one bit an id. */
#define DENSE_MAX (1ULL << 26)

struct fu_idset {
	unsigned char *bits;
	size_t nbytes;
	struct fu_idmap *sparse;
};

struct fu_idset *
fu_idset_new(void)
{
	return calloc(1, sizeof(struct fu_idset));
}

void
fu_idset_free(struct fu_idset *s)
{
	if (s == NULL)
		return;
	free(s->bits);
	fu_idmap_free(s->sparse);
	free(s);
}

int
fu_idset_add(struct fu_idset *s, uint64_t id)
{
	if (id < DENSE_MAX) {
		if (id / 8 >= s->nbytes) {
			size_t n = s->nbytes ? s->nbytes : 4096;
			unsigned char *b;

			while (n <= id / 8)
				n *= 2;
			if ((b = realloc(s->bits, n)) == NULL)
				return -1;
			fu_mem_hint(b, n);
			memset(b + s->nbytes, 0, n - s->nbytes);
			s->bits = b;
			s->nbytes = n;
		}
		s->bits[id / 8] |= (unsigned char)(1u << (id % 8));
		return 0;
	}
	if (s->sparse == NULL && (s->sparse = fu_idmap_new()) == NULL)
		return -1;
	return fu_idmap_put(s->sparse, id, 1);
}

int
fu_idset_has(const struct fu_idset *s, uint64_t id)
{
	uint64_t v;

	if (id < DENSE_MAX)
		return id / 8 < s->nbytes && (s->bits[id / 8] >> (id % 8) & 1);
	return fu_idmap_get(s->sparse, id, &v);
}

uint64_t
fu_idset_first_missing(const struct fu_idset *a, const struct fu_idset *b)
{
	size_t i;
	uint64_t k, v, first = 0;
	unsigned char miss;
	int bit;

	for (i = 0; i < a->nbytes; i++) {
		miss = a->bits[i] & (unsigned char)~(i < b->nbytes ? b->bits[i] :
		    0);
		if (miss == 0)
			continue;
		for (bit = 0; !(miss >> bit & 1); bit++)
			;
		return (uint64_t)i * 8 + (uint64_t)bit;
	}
	/* Then the ids past the bitset, the smallest first. */
	for (i = 0; fu_idmap_next(a->sparse, &i, &k, &v);)
		if (!fu_idset_has(b, k) && (first == 0 || k < first))
			first = k;
	return first;
}

int
fu_idmap_next(const struct fu_idmap *m, size_t *pos, uint64_t *key,
    uint64_t *val)
{
	if (m == NULL)
		return 0;
	for (; *pos < m->cap; (*pos)++)
		if (m->keys[*pos] != 0) {
			*key = m->keys[*pos];
			*val = m->vals[*pos];
			(*pos)++;
			return 1;
		}
	return 0;
}

/* A set as saved: its dense bytes, then its sparse ids. */
int
fu_idset_save(const struct fu_idset *s, FILE *fp)
{
	uint64_t n = s->nbytes, k, v, count = s->sparse ? s->sparse->n : 0;
	size_t pos = 0;

	if (fwrite(&n, sizeof(n), 1, fp) != 1 || (n > 0 && fwrite(s->bits, 1,
	    s->nbytes, fp) != s->nbytes) || fwrite(&count, sizeof(count), 1,
	    fp) != 1)
		return -1;
	while (fu_idmap_next(s->sparse, &pos, &k, &v))
		if (fwrite(&k, sizeof(k), 1, fp) != 1)
			return -1;
	return 0;
}

int
fu_idset_load(struct fu_idset *s, const char **cur, const char *end)
{
	uint64_t n, count, k, i;

	if ((size_t)(end - *cur) < sizeof(n))
		return -1;
	memcpy(&n, *cur, sizeof(n));
	*cur += sizeof(n);
	if (n > (uint64_t)(end - *cur) || n > DENSE_MAX / 8 + 1)
		return -1;
	free(s->bits);
	s->bits = NULL;
	s->nbytes = 0;
	if (n > 0) {
		if ((s->bits = malloc(n)) == NULL)
			return -1;
		fu_mem_hint(s->bits, n);
		memcpy(s->bits, *cur, n);
		s->nbytes = n;
		*cur += n;
	}
	if ((size_t)(end - *cur) < sizeof(count))
		return -1;
	memcpy(&count, *cur, sizeof(count));
	*cur += sizeof(count);
	if (count > (uint64_t)(end - *cur) / sizeof(k))
		return -1;
	for (i = 0; i < count; i++) {
		memcpy(&k, *cur, sizeof(k));
		*cur += sizeof(k);
		if (fu_idset_add(s, k) == -1)
			return -1;
	}
	return 0;
}
