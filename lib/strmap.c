/*
 * strmap.c - strings to numbers: an open-addressing hash table over
 * copies of the keys.  For the few distinct names a long table repeats
 * (channels, stages), looked up once a row.
 */
#include <stdlib.h>
#include <string.h>

#include "priv.h"

static uint64_t
hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;

	while (n-- > 0) {
		h ^= (unsigned char)*s++;
		h *= 1099511628211ULL;
	}
	return h;
}

/* The slot where s is, or where it would go; cap is a power of two. */
static size_t
slot(const struct fu_strmap *m, const char *s, size_t n)
{
	size_t i = (size_t)hash(s, n) & (m->cap - 1);

	for (; m->key[i] != NULL; i = (i + 1) & (m->cap - 1))
		if (m->len[i] == n && memcmp(m->key[i], s, n) == 0)
			break;
	return i;
}

int
fu_strmap_get(const struct fu_strmap *m, const char *s, size_t n,
    size_t *val)
{
	size_t i;

	if (m->cap == 0)
		return 0;
	i = slot(m, s, n);
	if (m->key[i] == NULL)
		return 0;
	if (val != NULL)
		*val = m->val[i];
	return 1;
}

static int
grow(struct fu_strmap *m)
{
	struct fu_strmap g = { NULL, NULL, NULL, m->cap ? 2 * m->cap : 16,
	    m->n };
	size_t i, j;

	g.key = calloc(g.cap, sizeof(*g.key));
	g.len = malloc(g.cap * sizeof(*g.len));
	g.val = malloc(g.cap * sizeof(*g.val));
	if (g.key == NULL || g.len == NULL || g.val == NULL) {
		free(g.key);
		free(g.len);
		free(g.val);
		return -1;
	}
	for (i = 0; i < m->cap; i++) {
		if (m->key[i] == NULL)
			continue;
		j = slot(&g, m->key[i], m->len[i]);
		g.key[j] = m->key[i];
		g.len[j] = m->len[i];
		g.val[j] = m->val[i];
	}
	free(m->key);
	free(m->len);
	free(m->val);
	*m = g;
	return 0;
}

const char *
fu_strmap_put(struct fu_strmap *m, const char *s, size_t n, size_t val)
{
	size_t i;

	if ((m->n + 1) * 2 > m->cap && grow(m) == -1)
		return NULL;
	i = slot(m, s, n);
	if (m->key[i] == NULL) {
		if ((m->key[i] = malloc(n + 1)) == NULL)
			return NULL;
		memcpy(m->key[i], s, n);
		m->key[i][n] = '\0';
		m->len[i] = n;
		m->n++;
	}
	m->val[i] = val;
	return m->key[i];
}

const char *
fu_strmap_intern(struct fu_strmap *m, const char *s, size_t n)
{
	size_t i;

	if (m->cap > 0 && m->key[i = slot(m, s, n)] != NULL)
		return m->key[i];
	return fu_strmap_put(m, s, n, 0);
}

void
fu_strmap_free(struct fu_strmap *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		free(m->key[i]);
	free(m->key);
	free(m->len);
	free(m->val);
	memset(m, 0, sizeof(*m));
}
