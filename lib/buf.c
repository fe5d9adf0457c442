/*
 * buf.c - growing byte buffers, and arenas of strings that live as long
 * as the table they were read from.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "priv.h"

int
fu_buf_reserve(struct fu_buf *b, size_t n)
{
	size_t cap;
	char *np;

	/* The size first: len + n could wrap round and seem to fit. */
	if (n > (size_t)-1 / 4 - b->len) {
		errno = ENOMEM;
		return -1;
	}
	if (b->len + n + 1 <= b->cap)
		return 0;
	for (cap = b->cap ? b->cap : 256; cap < b->len + n + 1; cap *= 2)
		;
	if ((np = realloc(b->p, cap)) == NULL)
		return -1;
	b->p = np;
	b->cap = cap;
	return 0;
}

int
fu_buf_add(struct fu_buf *b, const void *p, size_t n)
{
	if (fu_buf_reserve(b, n) == -1)
		return -1;
	memcpy(b->p + b->len, p, n);
	b->len += n;
	b->p[b->len] = '\0';
	return 0;
}

int
fu_buf_str(struct fu_buf *b, const char *s)
{
	return fu_buf_add(b, s, strlen(s));
}

int
fu_buf_pad(struct fu_buf *b, char c, size_t n)
{
	if (fu_buf_reserve(b, n) == -1)
		return -1;
	memset(b->p + b->len, c, n);
	b->len += n;
	b->p[b->len] = '\0';
	return 0;
}

char *
fu_strf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || (s = malloc((size_t)n + 1)) == NULL)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

void
fu_buf_free(struct fu_buf *b)
{
	free(b->p);
	memset(b, 0, sizeof(*b));
}

struct fu_arena {
	struct fu_arena *next;
	size_t used, cap;
	char data[];
};

char *
fu_arena_dup(struct fu_arena **a, const char *s, size_t n)
{
	struct fu_arena *b = *a;
	char *p;

	if (b == NULL || b->cap - b->used < n + 1) {
		size_t cap = n + 1 > 1 << 20 ? n + 1 : 1 << 20;

		if ((b = malloc(sizeof(*b) + cap)) == NULL)
			return NULL;
		b->next = *a;
		b->used = 0;
		b->cap = cap;
		*a = b;
	}
	p = b->data + b->used;
	memcpy(p, s, n);
	p[n] = '\0';
	b->used += n + 1;
	return p;
}

void
fu_arena_free(struct fu_arena *a)
{
	struct fu_arena *next;

	for (; a != NULL; a = next) {
		next = a->next;
		free(a);
	}
}
