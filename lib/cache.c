/*
 * cache.c - the saved state.  The tables are only appended to, so the
 * derived state of their first bytes stays true: it is saved in
 * DIR/.fu-state with the length read of each table, and the next command
 * reads only what was appended since.  It is a cache, never the source of
 * truth.  It is used only when its checksums hold and each table is proven
 * to start with the very bytes it was made from:
 *
 *   - by the table's stat data (device, inode, size, mtime and ctime to
 *     the nanosecond) being what they were when its bytes were last
 *     proven, if they were taken well after the table's last change (as
 *     git takes its index): any change since then, even one of the same
 *     length or one whose mtime was put back, changes the ctime;
 *   - else, by a hash (XXH64) of those bytes, kept running as they are
 *     read: so an append by fu or by another program is read alone, and
 *     any other change means a full read.
 *
 * What proved a table is written back into the header in place, so that
 * the next command trusts the stat data again.  See fu-portfolio(5).
 */
#include <errno.h>
#include <stddef.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "priv.h"

#define MAGIC "FUSTATE\n"
#define FORMAT 10
#define MEMO_MAX 16		/* saved figures kept, the latest first */
#define MEMO_TEXT_MAX (1 << 20)	/* the largest figures saved */
#define SAVE_AFTER (4LL << 20)	/* bytes read since that pay for a save */
#define DIGEST_MAX 128		/* room for a saved running hash */
#define NS 1000000000LL

/* What proved a table last: its stat data then, the clock just before it
 * was taken, and the running hash of its bytes at that size. */
struct seen {
	uint64_t size;
	int64_t mtime, ctime;		/* nanoseconds since the epoch */
	int64_t proven;
	unsigned char dg[DIGEST_MAX];
};
struct tablemark {
	uint8_t exists, tsv, pad[6];
	uint64_t dev, ino;
	uint64_t size;			/* bytes the state stands for */
	int64_t line;			/* the line there */
	unsigned char dg[DIGEST_MAX];	/* the running hash there */
	struct seen seen;
};

/* The records as saved, in the machine's own layout: fixed size, strings
 * as offsets into one block of NUL-terminated text, so that loading is a
 * pass of copies over a mapped file. */
struct dclient {
	uint64_t id, line, referred_by;
	int32_t since, consent, bd[3], an[3];
	uint32_t name, company, stage, tags;
};
struct dcstate {
	uint64_t signal_action;
	uint64_t stamp[11];	/* last, first sale, signal, kept, lost, won,
				 * made, no next, consent, no consent, at
				 * risk since */
	int32_t last;
	uint32_t channel, no_next_why, signal_why;
};
struct dopen {
	uint64_t id, from, client, waits_on, order;
	int32_t due, made, every_n, every_unit, slips, side, continues;
	int32_t wait_n, wait_unit;
	uint32_t what, channel, plan;
};
struct dmemo {
	int32_t from, to, today, by;
	uint64_t max_log, len;		/* then len bytes, padded to 8 */
};
struct dhead {
	char magic[8];
	int32_t format, sizes, maxdate, pad;
	char version[16];
	uint32_t digest;	/* fu_digest_version() */
	int32_t decimal_comma;
	uint64_t sum;		/* of the body, every byte after the header */
	uint64_t max_agreement, max_log, max_from, nclients, max_id, nopen,
	    ntext;
	struct tablemark m[FU_NTABLES];
	uint64_t hsum;		/* of the header before it */
};

/* A checksum, eight words at a time: a damaged state must not be taken
 * for the tables' word, and reading it all must cost little next to the
 * reading it saves.  Any one word changed changes it.  Summed in pieces
 * (each but the last a multiple of 64 bytes), so that a state is checked
 * as it is read. */
struct sum {
	uint64_t h[8];
	uint64_t n;
};

static const uint64_t K = 0x9e3779b97f4a7c15ULL;

static void
sum_init(struct sum *s)
{
	int j;

	for (j = 0; j < 8; j++)
		s->h[j] = (uint64_t)j + 1;
	s->n = 0;
}

static void
sum_add(struct sum *s, const unsigned char *p, size_t n)
{
	uint64_t w, x;
	size_t i = 0, j;

	for (; i + 64 <= n; i += 64)
		for (j = 0; j < 8; j++) {
			memcpy(&w, p + i + 8 * j, 8);
			x = s->h[j] ^ w;
			s->h[j] = (x << 23 | x >> 41) * K;
		}
	for (; i < n; i++)
		s->h[0] = (s->h[0] ^ p[i]) * K;
	s->n += n;
}

static uint64_t
sum_end(const struct sum *s)
{
	uint64_t x = s->n;
	int j;

	for (j = 0; j < 8; j++)
		x = (x ^ s->h[j]) * K ^ (x >> 29);
	return x;
}

static uint64_t
checksum(const unsigned char *p, size_t n)
{
	struct sum s;

	sum_init(&s);
	sum_add(&s, p, n);
	return sum_end(&s);
}

static uint64_t
head_sum(const struct dhead *h)
{
	return checksum((const unsigned char *)h, offsetof(struct dhead,
	    hsum));
}

static int64_t
ns(struct timespec t)
{
	return (int64_t)t.tv_sec * NS + t.tv_nsec;
}

/* Whether stat data taken at proven may miss a change: the table changed
 * so shortly before that a later change could keep its timestamps.  File
 * systems that keep whole seconds get two. */
static int
racy(const struct seen *s)
{
	int64_t margin = s->mtime % NS == 0 && s->ctime % NS == 0 ? 2 * NS :
	    NS;

	return s->ctime >= s->proven - margin;
}

/* The stat data and hash that prove a table as read now. */
static void
seen_now(const struct fu_portfolio *pf, const struct fu_table_file *tf,
    struct seen *s)
{
	memset(s, 0, sizeof(*s));
	s->size = (uint64_t)tf->st.st_size;
	s->mtime = ns(tf->st.st_mtim);
	s->ctime = ns(tf->st.st_ctim);
	s->proven = ns(pf->snapped);
	fu_digest_save(tf->digest, s->dg);
}

static int
same_stat(const struct fu_table_file *tf, const struct seen *s)
{
	return (uint64_t)tf->st.st_size == s->size && ns(tf->st.st_mtim) ==
	    s->mtime && ns(tf->st.st_ctim) == s->ctime;
}

/* Whether a table can be saved as read: read whole to its size (not cut
 * back by a journal), hashed, and ending in a line end. */
static int
savable(const struct fu_table_file *tf)
{
	char last;
	int fd, ok;

	if (!tf->exists)
		return 1;
	if (tf->digest == NULL || tf->snap != (long long)tf->st.st_size ||
	    (tf->snap > 0 && !tf->has_header))
		return 0;
	if (tf->snap == 0)
		return 1;
	if ((fd = open(tf->path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC)) == -1)
		return 0;
	ok = pread(fd, &last, 1, tf->snap - 1) == 1 && last == '\n';
	close(fd);
	return ok;
}

static void
mark(const struct fu_portfolio *pf, const struct fu_table_file *tf,
    struct tablemark *m)
{
	memset(m, 0, sizeof(*m));
	if (!tf->exists)
		return;
	m->exists = 1;
	m->tsv = strstr(tf->name, ".tsv") != NULL;
	m->dev = (uint64_t)tf->st.st_dev;
	m->ino = (uint64_t)tf->st.st_ino;
	m->size = (uint64_t)tf->snap;
	m->line = tf->end_line;
	fu_digest_save(tf->digest, m->dg);
	seen_now(pf, tf, &m->seen);
}

#define WINDOW (8 << 20)	/* bytes of the state summed at a time: a
				 * multiple of sum_add's 64 */

/* Seals a written state: its checksums into the header.  The body is
 * read back a window at a time, not mapped whole: a mapping of the file
 * just written would add all of it to the run's memory at its peak. */
static int
seal(int fd, size_t size)
{
	struct dhead h;
	struct sum s;
	unsigned char *win;
	size_t at, got, want;
	ssize_t n;
	int rc = -1;

	if (size <= sizeof(h) || (win = malloc(WINDOW)) == NULL)
		return -1;
	if (pread(fd, &h, sizeof(h), 0) != (ssize_t)sizeof(h))
		goto out;
	sum_init(&s);
	for (at = sizeof(h); at < size; at += want) {
		want = size - at < WINDOW ? size - at : WINDOW;
		/* Whole windows: the sum's blocks must fall where they
		 * fall when the state is read. */
		for (got = 0; got < want; got += (size_t)n) {
			n = pread(fd, win + got, want - got, (off_t)(at + got));
			if (n == -1 && errno == EINTR)
				n = 0;
			else if (n <= 0)
				goto out;
		}
		sum_add(&s, win, want);
	}
	h.sum = sum_end(&s);
	h.hsum = head_sum(&h);
	if (pwrite(fd, &h, sizeof(h), 0) == (ssize_t)sizeof(h))
		rc = 0;
out:
	free(win);
	return rc;
}

/* The text block, walked twice in the same order: the records' walk
 * gives each string its offset, the text's walk writes its bytes.  So
 * the block is never held in memory. */
struct texts {
	FILE *fp;		/* the second walk's, or NULL */
	uint64_t len;		/* offset 0 is "" */
};

static uint32_t
text(struct texts *t, const char *s, int *bad)
{
	uint64_t at = t->len;
	size_t n = s ? strlen(s) : 0;

	if (n == 0)
		return 0;
	if (at + n + 1 > UINT32_MAX) {
		*bad = 1;
		return 0;
	}
	if (t->fp != NULL)
		fwrite(s, 1, n + 1, t->fp);
	t->len += n + 1;
	return (uint32_t)at;
}

static int32_t
sizes(void)
{
	return (int32_t)(sizeof(struct dhead) + sizeof(struct dclient) * 3 +
	    sizeof(struct dcstate) * 5 + sizeof(struct dopen) * 7 +
	    sizeof(struct dmemo) * 11);
}

/* Reading: a cursor over the mapped file that refuses to run past it. */
struct cur {
	const char *p, *end;
	int bad;
};

static const void *
take(struct cur *c, size_t n)
{
	const void *at = c->p;

	if (c->bad || (size_t)(c->end - c->p) < n) {
		c->bad = 1;
		return NULL;
	}
	c->p += n;
	return at;
}

static int
same_period(const struct fu_memo *a, const struct fu_memo *b)
{
	return a->from == b->from && a->to == b->to && a->today == b->today &&
	    a->by == b->by;
}

/* The saved figures: those just made first, then those that still stand
 * after the rows read since, each period once. */
static void
save_memo(FILE *fp, const struct fu_state *st, const struct fu_memo *add)
{
	static const char pad[8];
	const struct fu_memo *m;
	struct dmemo d;
	uint64_t n = 0;
	size_t i;

	for (i = 0; i <= st->nmemo; i++) {
		m = i == 0 ? add : &st->memo[i - 1];
		if (m != NULL && (i == 0 || ((add == NULL || !same_period(m,
		    add)) && fu_memo_stands(m, &st->fresh))) && m->len <=
		    MEMO_TEXT_MAX && n < MEMO_MAX)
			n++;
	}
	fwrite(&n, sizeof(n), 1, fp);
	for (i = 0; i <= st->nmemo && n > 0; i++) {
		m = i == 0 ? add : &st->memo[i - 1];
		if (m == NULL || (i > 0 && ((add != NULL && same_period(m,
		    add)) || !fu_memo_stands(m, &st->fresh))) || m->len >
		    MEMO_TEXT_MAX)
			continue;
		memset(&d, 0, sizeof(d));
		d.from = m->from;
		d.to = m->to;
		d.today = m->today;
		d.by = m->by;
		/* Figures made now saw every log row read. */
		d.max_log = i == 0 ? st->max_log : m->max_log;
		d.len = m->len;
		fwrite(&d, sizeof(d), 1, fp);
		fwrite(m->text, 1, m->len, fp);
		fwrite(pad, 1, (8 - m->len % 8) % 8, fp);
		n--;
	}
}

/* Reads the saved figures; what the rows read since change is left out
 * when they are used or saved again. */
static int
load_memo(struct cur *c, struct fu_state *st)
{
	const char *at;
	struct dmemo d;
	uint64_t n, i;

	if ((at = take(c, sizeof(n))) == NULL)
		return -1;
	memcpy(&n, at, sizeof(n));
	if (n > MEMO_MAX)
		return -1;
	if (n > 0 && (st->memo = calloc(n, sizeof(*st->memo))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		struct fu_memo *m = &st->memo[i];

		if ((at = take(c, sizeof(d))) == NULL)
			return -1;
		memcpy(&d, at, sizeof(d));
		if (d.len > MEMO_TEXT_MAX || (m->text = take(c, d.len)) == NULL ||
		    take(c, (8 - d.len % 8) % 8) == NULL)
			return -1;
		m->from = d.from;
		m->to = d.to;
		m->today = d.today;
		m->by = d.by;
		m->max_log = d.max_log;
		m->len = d.len;
		st->nmemo++;
	}
	return 0;
}

/* The records, into rec, their strings' offsets from tx; with rec NULL,
 * the strings alone, in the same order, into tx's file. */
static void
put_records(FILE *rec, const struct fu_state *st, struct texts *tx, int *bad)
{
	size_t i;

	for (i = 0; i < st->clients.n; i++) {
		const struct fu_clientrec *c = &st->clients.v[i];
		struct dclient d;

		memset(&d, 0, sizeof(d));
		d.id = c->id;
		d.line = (uint64_t)c->line;
		d.referred_by = c->referred_by;
		d.since = c->since;
		d.consent = c->consent;
		d.bd[0] = c->birthday.year;
		d.bd[1] = c->birthday.month;
		d.bd[2] = c->birthday.day;
		d.an[0] = c->anniversary.year;
		d.an[1] = c->anniversary.month;
		d.an[2] = c->anniversary.day;
		d.name = text(tx, c->name, bad);
		d.company = text(tx, c->company, bad);
		d.stage = text(tx, c->stage, bad);
		d.tags = text(tx, c->tags, bad);
		if (rec != NULL)
			fwrite(&d, sizeof(d), 1, rec);
	}
	for (i = 0; i < st->clients.n; i++) {
		const struct fu_cstate *c = &st->cs[i];
		struct dcstate d;

		memset(&d, 0, sizeof(d));
		d.signal_action = c->signal_action;
		d.stamp[0] = c->last_stamp;
		d.stamp[1] = c->first_sale;
		d.stamp[2] = c->last_signal;
		d.stamp[3] = c->last_kept;
		d.stamp[4] = c->last_lost;
		d.stamp[5] = c->last_won;
		d.stamp[6] = c->last_made;
		d.stamp[7] = c->last_no_next;
		d.stamp[8] = c->last_consent;
		d.stamp[9] = c->last_no_consent;
		d.stamp[10] = c->risk_since;
		d.last = c->last;
		d.channel = text(tx, c->last_channel, bad);
		d.no_next_why = text(tx, c->no_next_why, bad);
		d.signal_why = text(tx, c->signal_why, bad);
		if (rec != NULL)
			fwrite(&d, sizeof(d), 1, rec);
	}
	for (i = 0; i < st->nopen; i++) {
		const struct fu_open *o = &st->open[i];
		struct dopen d;

		memset(&d, 0, sizeof(d));
		d.id = o->id;
		d.from = o->from;
		d.order = o->order;
		d.client = o->client;
		d.due = o->due;
		d.made = o->made;
		d.every_n = o->every.n;
		d.every_unit = o->every.unit;
		d.slips = o->slips;
		d.side = o->side;
		d.continues = o->continues;
		d.waits_on = o->waits_on;
		d.wait_n = o->wait.n;
		d.wait_unit = o->wait.unit;
		d.plan = text(tx, o->plan, bad);
		d.what = text(tx, o->what, bad);
		d.channel = text(tx, o->channel, bad);
		if (rec != NULL)
			fwrite(&d, sizeof(d), 1, rec);
	}
}

/* Writes the state whole to a temporary file, renamed over the old. */
static int
save(struct fu_portfolio *pf, const struct fu_state *st,
    const struct fu_known *p, const struct fu_memo *add)
{
	struct dhead h;
	struct texts count, strings;
	struct fu_err e;
	struct stat sb;
	char tmp[4200], path[4200];
	uint64_t k, v, nslips = 0, nref = 0;
	size_t i, pos = 0;
	FILE *fp;
	int fd, t, bad = 0;

	memset(&h, 0, sizeof(h));
	for (t = 0; t < FU_NTABLES; t++)
		mark(pf, &pf->t[t], &h.m[t]);
	snprintf(path, sizeof(path), "%s/.fu-state", pf->dir);
	/* A run killed while saving leaves its copy, as large as the state;
	 * one an hour old is no other run's at work. */
	fu_sweep(pf->dir, "state", time(NULL) - 3600);
	if ((fd = fu_temp(pf->dir, "state", tmp, sizeof(tmp), &e)) == -1)
		return -1;
	if ((fp = fdopen(fd, "w")) == NULL) {
		close(fd);
		unlink(tmp);
		return -1;
	}
	memcpy(h.magic, MAGIC, 8);
	h.format = FORMAT;
	h.sizes = sizes();
	h.maxdate = p->maxdate;
	h.decimal_comma = st->decimal_comma;
	h.digest = fu_digest_version();
	snprintf(h.version, sizeof(h.version), "%s", FU_VERSION);
	h.max_agreement = st->max_agreement;
	h.max_log = st->max_log;
	h.max_from = st->max_from;
	h.nclients = st->clients.n;
	h.max_id = st->clients.max_id;
	h.nopen = st->nopen;
	fwrite(&h, sizeof(h), 1, fp);
	count.fp = NULL;
	count.len = 1;
	put_records(fp, st, &count, &bad);
	k = count.len;
	fwrite(&k, sizeof(k), 1, fp);
	fputc('\0', fp);
	strings.fp = fp;
	strings.len = 1;
	put_records(NULL, st, &strings, &bad);
	if (strings.len != count.len)
		bad = 1;
	bad |= fu_idset_save(p->closed, fp) == -1 ||
	    fu_idset_save(p->named, fp) == -1 ||
	    fu_idset_save(p->logs, fp) == -1 ||
	    fu_idset_save(p->exists, fp) == -1;
	while (fu_idmap_next(p->slips, &pos, &k, &v))
		nslips++;
	fwrite(&nslips, sizeof(nslips), 1, fp);
	for (pos = 0; fu_idmap_next(p->slips, &pos, &k, &v);) {
		fwrite(&k, sizeof(k), 1, fp);
		fwrite(&v, sizeof(v), 1, fp);
	}
	k = p->npend;
	fwrite(&k, sizeof(k), 1, fp);
	for (i = 0; i < p->npend; i++) {
		int64_t line = p->pend[i].line;

		fwrite(&p->pend[i].from, sizeof(p->pend[i].from), 1, fp);
		fwrite(&line, sizeof(line), 1, fp);
	}
	k = 0;
	for (pos = 0; fu_idmap_next(st->referrals, &pos, &k, &v);)
		nref++;
	fwrite(&nref, sizeof(nref), 1, fp);
	for (pos = 0; fu_idmap_next(st->referrals, &pos, &k, &v);) {
		fwrite(&k, sizeof(k), 1, fp);
		fwrite(&v, sizeof(v), 1, fp);
	}
	save_memo(fp, st, add);
	fwrite("END\n", 1, 4, fp);
	/* Closed whatever went wrong, so that a failed save holds no disk
	 * space: it may be what the tables need next. */
	if (fflush(fp) == EOF || ferror(fp))
		bad = 1;
	if (!bad && (fstat(fd, &sb) == -1 || seal(fd, (size_t)sb.st_size) ==
	    -1 || fsync(fd) == -1))
		bad = 1;
	if (fclose(fp) == EOF)
		bad = 1;
	if (bad || rename(tmp, path) == -1) {
		unlink(tmp);
		return -1;
	}
	return 0;
}

/* Writes back into the saved header what proved each table now, so that
 * the next command trusts the stat data instead of hashing again.  In
 * place: a header torn by a crash fails its checksum, and the tables are
 * then read whole. */
static void
refresh(struct fu_portfolio *pf, const struct fu_state *st)
{
	struct dhead h;
	struct fu_err e;
	struct stat sb;
	char path[4200];
	int t, fd, changed = 0;

	memcpy(&h, st->map, sizeof(h));
	for (t = 0; t < FU_NTABLES; t++) {
		struct seen now;

		if (!pf->t[t].exists)
			continue;
		if (same_stat(&pf->t[t], &h.m[t].seen) && !racy(&h.m[t].seen))
			continue;
		seen_now(pf, &pf->t[t], &now);
		h.m[t].seen = now;
		changed = 1;
	}
	if (!changed)
		return;
	h.hsum = head_sum(&h);
	snprintf(path, sizeof(path), "%s/.fu-state", pf->dir);
	if ((fd = open(path, O_WRONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC)) == -1)
		return;
	/* Only the file this state was read from: another reader may have
	 * saved a new one meanwhile. */
	if (fu_file_lockable(fd, path, &e) == 0 && fstat(fd, &sb) == 0 &&
	    (uint64_t)sb.st_dev == st->map_dev && (uint64_t)sb.st_ino ==
	    st->map_ino)
		(void)pwrite(fd, &h, sizeof(h), 0);
	close(fd);
}

void
fu_cache_save(struct fu_portfolio *pf, const struct fu_state *st,
    const struct fu_known *k, long long fresh, long long covered,
    const struct fu_memo *add)
{
	int t, tables = 0;

	/* A writer's refusal writes nothing (and a writer's own state is
	 * stale once it commits); nor is a state saved in a directory that
	 * holds no table, or for a table not read whole. */
	if (!fu_settings()->cache || pf->writing || fu_digest_size() >
	    DIGEST_MAX)
		return;
	for (t = 0; t < FU_NTABLES; t++) {
		if (!savable(&pf->t[t]))
			return;
		tables += pf->t[t].exists;
	}
	if (tables == 0)
		return;
	/* Figures are saved only with the state of the very bytes they were
	 * made from: a table rewritten in place between the two passes is
	 * not. */
	for (t = 0; add != NULL && t < FU_NTABLES; t++)
		if (pf->t[t].exists && (pf->t[t].digest == NULL ||
		    fu_digest_value(pf->t[t].digest) != add->hash[t]))
			add = NULL;
	/* A few rows appended since the saved state cost less to read again
	 * than the state costs to write: it is saved again once they are an
	 * eighth of what it stands for, or a few megabytes; meanwhile, what
	 * proved the tables is written back.  Saving may fail (a read-only
	 * portfolio): the answer stands. */
	if (add == NULL && covered > 0 && fresh < SAVE_AFTER && fresh <
	    covered / 8) {
		if (st->map != NULL)
			refresh(pf, st);
		return;
	}
	(void)save(pf, st, k, add);
}


/* A count, then that many id pairs, into map. */
static int
load_pairs(struct cur *c, struct fu_idmap *map)
{
	uint64_t n, i, k, v;

	if (take(c, sizeof(n)) == NULL)
		return -1;
	memcpy(&n, c->p - sizeof(n), sizeof(n));
	if (n > (uint64_t)(c->end - c->p) / 16)
		return -1;
	for (i = 0; i < n; i++) {
		memcpy(&k, c->p, sizeof(k));
		memcpy(&v, c->p + 8, sizeof(v));
		c->p += 16;
		if (fu_idmap_put(map, k, v) == -1)
			return -1;
	}
	return 0;
}

/* Whether a table still starts with the bytes the saved state was made
 * from: by its stat data, when they were taken well after its last
 * change and are the same now; else by the hash of those bytes. */
static int
proven(const struct fu_table_file *tf, const struct tablemark *m)
{
	struct fu_digest *dg;
	uint64_t h;
	int same;

	if (!m->exists)
		return !tf->exists;
	if (!tf->exists || m->tsv != (strstr(tf->name, ".tsv") != NULL) ||
	    (uint64_t)tf->st.st_dev != m->dev || (uint64_t)tf->st.st_ino !=
	    m->ino || (uint64_t)tf->snap < m->size)
		return 0;
	if (same_stat(tf, &m->seen) && !racy(&m->seen))
		return 1;
	if ((dg = fu_digest_load(m->dg)) == NULL)
		return 0;
	same = fu_digest_file(tf->path, (off_t)m->size, &h) == 0 &&
	    h == fu_digest_value(dg);
	fu_digest_free(dg);
	return same;
}

int
fu_known_init(struct fu_known *k)
{
	memset(k, 0, sizeof(*k));
	k->maxdate = FU_DATE_NONE;
	return (k->closed = fu_idset_new()) == NULL ||
	    (k->named = fu_idset_new()) == NULL ||
	    (k->logs = fu_idset_new()) == NULL ||
	    (k->exists = fu_idset_new()) == NULL ||
	    (k->slips = fu_idmap_new()) == NULL ? -1 : 0;
}

void
fu_known_free(struct fu_known *k)
{
	fu_idset_free(k->closed);
	fu_idset_free(k->named);
	fu_idset_free(k->logs);
	fu_idset_free(k->exists);
	fu_idmap_free(k->slips);
	free(k->pend);
	memset(k, 0, sizeof(*k));
}


static const char *
text_at(const char *tx, uint64_t ntx, uint32_t off, int *bad)
{
	if (off < ntx)
		return tx + off;
	*bad = 1;
	return "";
}

static void
copy_client(struct fu_clientrec *r, const char *rec, const char *tx,
    uint64_t ntx, int *bad)
{
	struct dclient d;

	memcpy(&d, rec, sizeof(d));
	r->id = d.id;
	r->line = (long)d.line;
	r->referred_by = d.referred_by;
	r->since = d.since;
	r->consent = d.consent;
	r->birthday.year = d.bd[0];
	r->birthday.month = d.bd[1];
	r->birthday.day = d.bd[2];
	r->anniversary.year = d.an[0];
	r->anniversary.month = d.an[1];
	r->anniversary.day = d.an[2];
	r->name = text_at(tx, ntx, d.name, bad);
	r->company = text_at(tx, ntx, d.company, bad);
	r->stage = (char *)text_at(tx, ntx, d.stage, bad);
	r->tags = (char *)text_at(tx, ntx, d.tags, bad);
}

static void
copy_cstate(struct fu_cstate *s, const char *rec, const char *tx,
    uint64_t ntx, int *bad)
{
	struct dcstate d;

	memcpy(&d, rec, sizeof(d));
	s->signal_action = d.signal_action;
	s->last_stamp = d.stamp[0];
	s->first_sale = d.stamp[1];
	s->last_signal = d.stamp[2];
	s->last_kept = d.stamp[3];
	s->last_lost = d.stamp[4];
	s->last_won = d.stamp[5];
	s->last_made = d.stamp[6];
	s->last_no_next = d.stamp[7];
	s->last_consent = d.stamp[8];
	s->last_no_consent = d.stamp[9];
	s->risk_since = d.stamp[10];
	s->last = d.last;
	s->last_channel = text_at(tx, ntx, d.channel, bad);
	s->no_next_why = text_at(tx, ntx, d.no_next_why, bad);
	s->signal_why = text_at(tx, ntx, d.signal_why, bad);
}

static void
copy_open(struct fu_open *o, const char *rec, const char *tx, uint64_t ntx,
    uint64_t nclients, int *bad)
{
	struct dopen d;

	memcpy(&d, rec, sizeof(d));
	o->id = d.id;
	o->from = d.from;
	o->order = d.order;
	o->client = (size_t)d.client;
	o->due = d.due;
	o->made = d.made;
	o->every.n = d.every_n;
	o->every.unit = (char)d.every_unit;
	o->slips = d.slips;
	o->side = d.side == FU_SIDE_CLIENT ? FU_SIDE_CLIENT : FU_SIDE_MINE;
	o->continues = d.continues != 0;
	o->waits_on = d.waits_on;
	o->wait.n = d.wait_n;
	o->wait.unit = (char)d.wait_unit;
	o->plan = text_at(tx, ntx, d.plan, bad);
	o->what = text_at(tx, ntx, d.what, bad);
	o->channel = text_at(tx, ntx, d.channel, bad);
	if (d.client >= nclients)
		*bad = 1;
}

int
fu_cache_load(struct fu_portfolio *pf, fu_date asof, struct fu_state *st,
    struct fu_known *p)
{
	struct dhead h;
	struct cur c;
	struct stat sb;
	struct fu_err e;
	const char *tx, *rec;
	char path[4200];
	void *map;
	uint64_t i, n, ntx;
	int fd, t, loaded = -1;

	if (!fu_settings()->cache || fu_digest_size() > DIGEST_MAX)
		return -1;
	snprintf(path, sizeof(path), "%s/.fu-state", pf->dir);
	/* Only a regular file of the user's: not a FIFO that would hang us,
	 * nor another's that could lie. */
	if ((fd = fu_file_open(path, &e)) == -1)
		return -1;
	if (fstat(fd, &sb) == -1 || (size_t)sb.st_size < sizeof(h) + 4 ||
	    (map = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_PRIVATE, fd,
	    0)) == MAP_FAILED) {
		close(fd);
		return -1;
	}
	close(fd);
	st->map = map;
	st->maplen = (size_t)sb.st_size;
	st->map_dev = (uint64_t)sb.st_dev;
	st->map_ino = (uint64_t)sb.st_ino;
	c.p = map;
	c.end = c.p + sb.st_size;
	c.bad = 0;
	memcpy(&h, take(&c, sizeof(h)), sizeof(h));
	if (memcmp(h.magic, MAGIC, 8) != 0 || h.format != FORMAT ||
	    h.sizes != sizes() || strncmp(h.version, FU_VERSION,
	    sizeof(h.version)) != 0 || h.digest != fu_digest_version() ||
	    head_sum(&h) != h.hsum || memcmp(c.end - 4, "END\n", 4) != 0)
		goto stale;
	/* Rows dated after today would have been left out of the answer. */
	if (h.maxdate > asof)
		goto stale;
	for (t = 0; t < FU_NTABLES; t++)
		if (!proven(&pf->t[t], &h.m[t]))
			goto stale;
	n = h.nclients;
	if (n > (uint64_t)(c.end - c.p) / sizeof(struct dclient) ||
	    h.nopen > (uint64_t)(c.end - c.p) / sizeof(struct dopen))
		goto stale;
	/* The text block comes after the three arrays. */
	rec = c.p;
	if (take(&c, n * sizeof(struct dclient)) == NULL ||
	    take(&c, n * sizeof(struct dcstate)) == NULL ||
	    take(&c, h.nopen * sizeof(struct dopen)) == NULL)
		goto stale;
	if ((tx = take(&c, sizeof(ntx))) == NULL)
		goto stale;
	memcpy(&ntx, tx, sizeof(ntx));
	if (ntx == 0 || ntx > (uint64_t)(c.end - c.p) || (tx = take(&c,
	    (size_t)ntx)) == NULL || tx[ntx - 1] != '\0')
		goto stale;
	st->clients.max_id = h.max_id;
	st->max_agreement = h.max_agreement;
	st->max_log = h.max_log;
	st->max_from = h.max_from;
	p->maxdate = h.maxdate;
	if ((st->clients.v = calloc(n + 1, sizeof(*st->clients.v))) == NULL ||
	    (st->clients.byid = fu_idmap_new()) == NULL ||
	    (st->cs = calloc(n + 1, sizeof(*st->cs))) == NULL ||
	    (st->open = malloc((h.nopen + h.nopen / 8 + 1024) *
	    sizeof(*st->open))) == NULL)
		goto stale;
	fu_mem_hint(st->clients.v, (n + 1) * sizeof(*st->clients.v));
	fu_mem_hint(st->cs, (n + 1) * sizeof(*st->cs));
	fu_mem_hint(st->open, (h.nopen + h.nopen / 8 + 1024) *
	    sizeof(*st->open));
	st->clients.n = st->clients.cap = n;
	/* Room for the agreements read since: no copy of the array. */
	st->capopen = h.nopen + h.nopen / 8 + 1024;
	/* The body is summed a window at a time, and the records of each
	 * window copied and their pages given back right after: the map and the arrays
	 * are never both whole in memory.  A sum that fails at the end
	 * throws all of it away. */
	{
		const unsigned char *body = (const unsigned char *)map +
		    sizeof(h);
		size_t blen = (size_t)sb.st_size - sizeof(h), at, wend;
		const char *arr_end = rec + n * sizeof(struct dclient) +
		    n * sizeof(struct dcstate) + h.nopen * sizeof(struct dopen);
		uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE), from, to;
		uint64_t ic = 0, is = 0, io = 0;
		struct sum sm;

		sum_init(&sm);
		for (at = 0; at < blen; at = wend) {
			const char *lim;

			wend = blen - at > WINDOW ? at + WINDOW : blen;
			sum_add(&sm, body + at, wend - at);
			lim = (const char *)body + wend;
			for (; ic < n && rec + sizeof(struct dclient) <= lim;
			    ic++, rec += sizeof(struct dclient))
				copy_client(&st->clients.v[ic], rec, tx, ntx,
				    &c.bad);
			for (; ic == n && is < n && rec + sizeof(struct dcstate)
			    <= lim; is++, rec += sizeof(struct dcstate))
				copy_cstate(&st->cs[is], rec, tx, ntx, &c.bad);
			for (; is == n && io < h.nopen && rec +
			    sizeof(struct dopen) <= lim; io++,
			    rec += sizeof(struct dopen))
				copy_open(&st->open[io], rec, tx, ntx, n,
				    &c.bad);
			/* Whole pages of records copied, never the header's. */
			from = ((uintptr_t)(body + at) + page - 1) & ~(page - 1);
			to = (uintptr_t)(rec < arr_end ? rec : arr_end) &
			    ~(page - 1);
			if (page > 0 && to > from)
				fu_mem_drop((const void *)from, to - from);
		}
		if (sum_end(&sm) != h.sum || ic != n || is != n ||
		    io != h.nopen)
			goto stale;
	}
	st->nopen = h.nopen;
	if (c.bad || fu_idset_load(p->closed, &c.p, c.end) == -1 ||
	    fu_idset_load(p->named, &c.p, c.end) == -1 ||
	    fu_idset_load(p->logs, &c.p, c.end) == -1 ||
	    fu_idset_load(p->exists, &c.p, c.end) == -1 ||
	    load_pairs(&c, p->slips) == -1)
		goto stale;
	if (take(&c, sizeof(n)) == NULL)
		goto stale;
	memcpy(&n, c.p - sizeof(n), sizeof(n));
	if (n > (uint64_t)(c.end - c.p) / 16 || (n > 0 && (p->pend =
	    malloc(n * sizeof(*p->pend))) == NULL))
		goto stale;
	for (i = 0; i < n; i++) {
		int64_t line;

		memcpy(&p->pend[i].from, c.p, sizeof(p->pend[i].from));
		memcpy(&line, c.p + 8, sizeof(line));
		p->pend[i].line = (long)line;
		c.p += 16;
	}
	p->npend = p->cappend = n;
	if (load_pairs(&c, st->referrals) == -1 || load_memo(&c, st) == -1)
		goto stale;
	st->decimal_comma = h.decimal_comma != 0;
	if (c.end - c.p != 4 || fu_clients_index(&st->clients) == -1)
		goto stale;
	for (t = 0; t < FU_NTABLES; t++) {
		if (h.m[t].exists && (pf->t[t].digest = fu_digest_load(
		    h.m[t].dg)) == NULL)
			goto stale;
		pf->t[t].start = (long long)h.m[t].size;
		pf->t[t].start_line = (long)h.m[t].line;
	}
	return 0;
stale:
	/* Not fit to use: forget all of it, the tables will be read. */
	for (t = 0; t < FU_NTABLES; t++) {
		fu_digest_free(pf->t[t].digest);
		pf->t[t].digest = NULL;
	}
	fu_clients_free(&st->clients);
	free(st->cs);
	free(st->open);
	st->cs = NULL;
	st->open = NULL;
	st->nopen = st->capopen = 0;
	st->decimal_comma = 0;
	fu_idmap_free(st->referrals);
	if ((st->referrals = fu_idmap_new()) == NULL)
		loaded = -2;
	st->max_agreement = st->max_log = st->max_from = 0;
	fu_known_free(p);
	fu_cache_unmap(st);
	return fu_known_init(p) == -1 ? -2 : loaded;
}

void
fu_cache_unmap(struct fu_state *st)
{
	if (st->map != NULL)
		munmap(st->map, st->maplen);
	free(st->memo);
	st->memo = NULL;
	st->nmemo = 0;
	st->map = NULL;
	st->maplen = 0;
}
