/*
 * cache.c - the saved state.  The tables are only appended to, so the
 * derived state of their first bytes stays true: it is saved in
 * DIR/.fu-state with the length read of each table, and the next command
 * reads only what was appended since.  It is a cache, never the source of
 * truth: it is used only when every table still starts with the very
 * bytes it was made from (same file, at least as long, the same first and
 * last 4 KiB before the saved length), and is made again otherwise.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fu.h"
#include "table.h"
#include "state.h"

#define MAGIC "FUSTATE\n"
#define FORMAT 1
#define PRINT 4096		/* bytes of each end fingerprinted */

struct tablemark {
	uint8_t exists, tsv;
	uint64_t dev, ino, size, head, tail;
	int64_t line;
};

/* FNV-1a over bytes [from, to) of a file; -1 on a read error. */
static int
fingerprint(int fd, off_t from, off_t to, uint64_t *out)
{
	unsigned char buf[PRINT];
	uint64_t h = 0xcbf29ce484222325ULL;
	ssize_t n, i;

	if (to - from > PRINT || (n = pread(fd, buf, (size_t)(to - from),
	    from)) != to - from)
		return -1;
	for (i = 0; i < n; i++)
		h = (h ^ buf[i]) * 0x100000001b3ULL;
	*out = h;
	return 0;
}

/* Marks a table as read up to size bytes; -1 when it cannot be saved,
 * such as when its last row has no line end yet. */
static int
mark(const struct fu_table_file *tf, off_t size, long line,
    struct tablemark *m)
{
	struct stat st;
	char last;
	int fd, rc = -1;

	memset(m, 0, sizeof(*m));
	if (!tf->exists)
		return 0;
	if ((fd = open(tf->path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC |
	    O_NONBLOCK)) == -1)
		return -1;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= size &&
	    (size == 0 || (pread(fd, &last, 1, size - 1) == 1 && last ==
	    '\n')) && fingerprint(fd, 0, size < PRINT ? size : PRINT,
	    &m->head) == 0 && fingerprint(fd, size < PRINT ? 0 : size - PRINT,
	    size, &m->tail) == 0) {
		m->exists = 1;
		m->tsv = tf->dialect.tsv || strstr(tf->name, ".tsv") != NULL;
		m->dev = (uint64_t)st.st_dev;
		m->ino = (uint64_t)st.st_ino;
		m->size = (uint64_t)size;
		m->line = line;
		rc = 0;
	}
	close(fd);
	return rc;
}

/* Writing: raw values in the machine's own order, strings with their
 * length and a NUL, so that they can be used in place when mapped. */
static void
put(FILE *fp, const void *p, size_t n)
{
	fwrite(p, 1, n, fp);
}

static void
put_u64(FILE *fp, uint64_t v)
{
	put(fp, &v, sizeof(v));
}

static void
put_i32(FILE *fp, int32_t v)
{
	put(fp, &v, sizeof(v));
}

static void
put_str(FILE *fp, const char *s)
{
	uint32_t n = s ? (uint32_t)strlen(s) : 0;

	put(fp, &n, sizeof(n));
	put(fp, s ? s : "", n);
	fputc('\0', fp);
}

static void
put_mday(FILE *fp, const struct fu_mday *m)
{
	put_i32(fp, m->year);
	put_i32(fp, m->month);
	put_i32(fp, m->day);
}

int
fu_cache_save(struct fu_portfolio *pf, const struct pass *p)
{
	const struct fu_state *st = p->st;
	struct tablemark m[FU_NTABLES];
	char tmp[4200], path[4200];
	uint64_t k, v;
	size_t i, pos = 0;
	FILE *fp;
	int fd, t, bad;

	for (t = 0; t < FU_NTABLES; t++)
		if (mark(&pf->t[t], (off_t)pf->t[t].snap, pf->t[t].end_line,
		    &m[t]) == -1)
			return -1;
	snprintf(path, sizeof(path), "%s/.fu-state", pf->dir);
	snprintf(tmp, sizeof(tmp), "%s/.fu-state.XXXXXX", pf->dir);
	if ((fd = mkstemp(tmp)) == -1)
		return -1;
	if (fchmod(fd, 0600) == -1 || (fp = fdopen(fd, "w")) == NULL) {
		close(fd);
		unlink(tmp);
		return -1;
	}
	put(fp, MAGIC, 8);
	put_i32(fp, FORMAT);
	put_i32(fp, (int32_t)sizeof(struct fu_open));
	put(fp, FU_VERSION "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 16);
	put_i32(fp, p->maxdate);
	put_u64(fp, st->max_agreement);
	put_u64(fp, st->max_log);
	put(fp, m, sizeof(m));
	put_u64(fp, st->clients.n);
	put_u64(fp, st->clients.max_id);
	for (i = 0; i < st->clients.n; i++) {
		const struct fu_clientrec *c = &st->clients.v[i];

		put_u64(fp, c->id);
		put_u64(fp, (uint64_t)c->line);
		put_i32(fp, c->since);
		put_mday(fp, &c->birthday);
		put_mday(fp, &c->anniversary);
		put_u64(fp, c->referred_by);
		put_i32(fp, c->consent);
		put_str(fp, c->name);
		put_str(fp, c->company);
		put_str(fp, c->stage);
		put_str(fp, c->tags);
	}
	for (i = 0; i < st->clients.n; i++) {
		const struct fu_cstate *c = &st->cs[i];

		put_i32(fp, c->last);
		put_str(fp, c->last_channel);
		put_u64(fp, c->last_stamp);
		put_u64(fp, c->first_sale);
		put_u64(fp, c->last_signal);
		put_u64(fp, c->last_kept);
		put_u64(fp, c->last_lost);
		put_u64(fp, c->last_won);
	}
	put_u64(fp, st->nopen);
	for (i = 0; i < st->nopen; i++) {
		const struct fu_open *o = &st->open[i];

		put_u64(fp, o->id);
		put_u64(fp, o->from);
		put_u64(fp, o->client);
		put_i32(fp, o->due);
		put_i32(fp, o->made);
		put_i32(fp, o->every.n);
		put_i32(fp, o->every.unit);
		put_i32(fp, o->slips);
		put_str(fp, o->what);
		put_str(fp, o->channel);
	}
	bad = fu_idset_save(p->closed, fp) == -1 ||
	    fu_idset_save(p->named, fp) == -1 ||
	    fu_idset_save(p->logs, fp) == -1 ||
	    fu_idset_save(p->exists, fp) == -1;
	for (k = 0; fu_idmap_next(p->slips, &pos, &k, &v);)
		k++;
	put_u64(fp, k);
	for (pos = 0; fu_idmap_next(p->slips, &pos, &k, &v);) {
		put_u64(fp, k);
		put_u64(fp, v);
	}
	put(fp, "END\n", 4);
	if (bad || ferror(fp) | (fclose(fp) == EOF) || rename(tmp, path) ==
	    -1) {
		unlink(tmp);
		return -1;
	}
	return 0;
}

/* Reading: a cursor over the mapped file that refuses to run past it. */
struct cur {
	const char *p, *end;
	int bad;
};

static void
get(struct cur *c, void *out, size_t n)
{
	if (c->bad || (size_t)(c->end - c->p) < n) {
		c->bad = 1;
		memset(out, 0, n);
		return;
	}
	memcpy(out, c->p, n);
	c->p += n;
}

static uint64_t
get_u64(struct cur *c)
{
	uint64_t v;

	get(c, &v, sizeof(v));
	return v;
}

static int32_t
get_i32(struct cur *c)
{
	int32_t v;

	get(c, &v, sizeof(v));
	return v;
}

static const char *
get_str(struct cur *c)
{
	uint32_t n;
	const char *s;

	get(c, &n, sizeof(n));
	if (c->bad || (size_t)(c->end - c->p) < (size_t)n + 1 || c->p[n] !=
	    '\0') {
		c->bad = 1;
		return "";
	}
	s = c->p;
	c->p += n + 1;
	return s;
}

static void
get_mday(struct cur *c, struct fu_mday *m)
{
	m->year = get_i32(c);
	m->month = get_i32(c);
	m->day = get_i32(c);
}

/* Whether a table is still what the saved state read of it. */
static int
same_table(const struct fu_table_file *tf, const struct tablemark *m)
{
	struct tablemark now;

	if (!m->exists)
		return !tf->exists;
	if (!tf->exists || (uint64_t)tf->snap < m->size ||
	    m->tsv != (strstr(tf->name, ".tsv") != NULL) ||
	    mark(tf, (off_t)m->size, (long)m->line, &now) == -1)
		return 0;
	return now.dev == m->dev && now.ino == m->ino && now.head == m->head &&
	    now.tail == m->tail;
}

int
fu_cache_load(struct fu_portfolio *pf, struct pass *p, fu_date asof)
{
	struct fu_state *st = p->st;
	struct tablemark m[FU_NTABLES];
	struct cur c;
	struct stat sb;
	char path[4200];
	void *map;
	uint64_t n, i, k;
	int fd, t;

	snprintf(path, sizeof(path), "%s/.fu-state", pf->dir);
	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) == -1)
		return -1;
	if (fstat(fd, &sb) == -1 || !S_ISREG(sb.st_mode) || sb.st_size < 64 ||
	    (map = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_PRIVATE, fd,
	    0)) == MAP_FAILED) {
		close(fd);
		return -1;
	}
	close(fd);
	st->map = map;
	st->maplen = (size_t)sb.st_size;
	c.p = map;
	c.end = c.p + sb.st_size;
	c.bad = 0;
	if (memcmp(c.p, MAGIC, 8) != 0 || memcmp(c.end - 4, "END\n", 4) != 0)
		goto stale;
	c.p += 8;
	if (get_i32(&c) != FORMAT || get_i32(&c) != (int32_t)sizeof(struct
	    fu_open) || strncmp(c.p, FU_VERSION, 16) != 0)
		goto stale;
	c.p += 16;
	/* Rows dated after today would have been left out of the answer. */
	if ((p->maxdate = get_i32(&c)) > asof)
		goto stale;
	st->max_agreement = get_u64(&c);
	st->max_log = get_u64(&c);
	get(&c, m, sizeof(m));
	for (t = 0; t < FU_NTABLES && !c.bad; t++)
		if (!same_table(&pf->t[t], &m[t]))
			goto stale;
	n = get_u64(&c);
	st->clients.max_id = get_u64(&c);
	if (c.bad || n > (uint64_t)(c.end - c.p) / 32 ||
	    (st->clients.v = calloc(n + 1, sizeof(*st->clients.v))) == NULL ||
	    (st->clients.byid = fu_idmap_new()) == NULL ||
	    (st->cs = calloc(n + 1, sizeof(*st->cs))) == NULL)
		goto stale;
	st->clients.n = st->clients.cap = n;
	for (i = 0; i < n && !c.bad; i++) {
		struct fu_clientrec *r = &st->clients.v[i];

		r->id = get_u64(&c);
		r->line = (long)get_u64(&c);
		r->since = get_i32(&c);
		get_mday(&c, &r->birthday);
		get_mday(&c, &r->anniversary);
		r->referred_by = get_u64(&c);
		r->consent = get_i32(&c);
		r->name = get_str(&c);
		r->company = get_str(&c);
		r->stage = (char *)get_str(&c);
		r->tags = (char *)get_str(&c);
	}
	for (i = 0; i < n && !c.bad; i++) {
		struct fu_cstate *s = &st->cs[i];

		s->last = get_i32(&c);
		s->last_channel = get_str(&c);
		s->last_stamp = get_u64(&c);
		s->first_sale = get_u64(&c);
		s->last_signal = get_u64(&c);
		s->last_kept = get_u64(&c);
		s->last_lost = get_u64(&c);
		s->last_won = get_u64(&c);
	}
	n = get_u64(&c);
	if (c.bad || n > (uint64_t)(c.end - c.p) / 32 ||
	    (st->open = malloc((n + 1) * sizeof(*st->open))) == NULL)
		goto stale;
	p->capopen = n + 1;
	for (i = 0; i < n && !c.bad; i++) {
		struct fu_open *o = &st->open[i];

		o->id = get_u64(&c);
		o->from = get_u64(&c);
		o->client = (size_t)get_u64(&c);
		o->due = get_i32(&c);
		o->made = get_i32(&c);
		o->every.n = get_i32(&c);
		o->every.unit = (char)get_i32(&c);
		o->slips = get_i32(&c);
		o->what = get_str(&c);
		o->channel = get_str(&c);
		if (o->client >= st->clients.n)
			c.bad = 1;
	}
	st->nopen = n;
	if (c.bad || fu_idset_load(p->closed, &c.p, c.end) == -1 ||
	    fu_idset_load(p->named, &c.p, c.end) == -1 ||
	    fu_idset_load(p->logs, &c.p, c.end) == -1 ||
	    fu_idset_load(p->exists, &c.p, c.end) == -1)
		goto stale;
	n = get_u64(&c);
	for (i = 0; i < n && !c.bad; i++) {
		k = get_u64(&c);
		if (fu_idmap_put(p->slips, k, get_u64(&c)) == -1)
			goto stale;
	}
	if (c.bad || c.end - c.p != 4 || fu_clients_index(&st->clients) == -1)
		goto stale;
	for (t = 0; t < FU_NTABLES; t++) {
		pf->t[t].start = (long long)m[t].size;
		pf->t[t].start_line = (long)m[t].line;
	}
	return 0;
stale:
	/* Not fit to use: forget all of it, the tables will be read. */
	fu_clients_free(&st->clients);
	free(st->cs);
	free(st->open);
	st->cs = NULL;
	st->open = NULL;
	st->nopen = 0;
	st->max_agreement = st->max_log = 0;
	p->capopen = 0;
	p->maxdate = FU_DATE_NONE;
	fu_idset_free(p->closed);
	fu_idset_free(p->named);
	fu_idset_free(p->logs);
	fu_idset_free(p->exists);
	fu_idmap_free(p->slips);
	p->closed = fu_idset_new();
	p->named = fu_idset_new();
	p->logs = fu_idset_new();
	p->exists = fu_idset_new();
	p->slips = fu_idmap_new();
	fu_cache_unmap(st);
	return -1;
}

void
fu_cache_unmap(struct fu_state *st)
{
	if (st->map != NULL)
		munmap(st->map, st->maplen);
	st->map = NULL;
	st->maplen = 0;
}
