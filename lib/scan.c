/*
 * scan.c - the one way to read a table's rows: on the caller's thread, or
 * for a large table on every core.  The table is cut into parts at ends of
 * records, found by the parity of the quotes before them (a line end
 * outside quotes ends a record, and a doubled quote keeps the parity);
 * each part is parsed by a libcsv parser of its own, on as many threads as
 * there are cores, while the caller's thread takes the rows part by part,
 * in file order.  A table too small for parts (or with a NUL byte, which
 * one parser tells by where its reads fall) is parsed on a second thread,
 * a batch at a time.  What comes out is what one thread would give: every
 * row before a malformed one is taken first, with its line, and a row the
 * caller refuses stops the parse; that error is the one told.
 */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "priv.h"

#define NBATCH 4
#define BATCH_ROWS 4096
#define BATCH_BYTES (512 * 1024)
#define HINT_ROWS 32	/* rows shown to the hint before they are taken */

struct brow {
	long line;
	uint32_t off[FU_MAXCOLS], len[FU_MAXCOLS];
};
struct batch {
	struct brow *rows;
	size_t nrows;
	struct fu_buf text;
};
struct pipe {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct batch b[NBATCH];
	size_t head, tail;	/* batches [tail, head) are full */
	int done, stop;
	int rc;			/* the parser's result, and its error */
	struct fu_err e;
	struct fu_table_file *tf;
	enum fu_table table;
};

/* Passes the batch being filled to the caller's thread and waits for a
 * free one; -1 once the caller wants no more. */
static int
hand_over(struct pipe *p)
{
	struct batch *b;
	int stop;

	pthread_mutex_lock(&p->mu);
	p->head++;
	pthread_cond_broadcast(&p->cv);
	while (p->head - p->tail >= NBATCH && !p->stop)
		pthread_cond_wait(&p->cv, &p->mu);
	stop = p->stop;
	pthread_mutex_unlock(&p->mu);
	b = &p->b[p->head % NBATCH];
	b->nrows = 0;
	b->text.len = 0;
	return stop ? -1 : 0;
}

static int
on_parsed(void *ctx, const struct fu_row *row, struct fu_err *e)
{
	struct pipe *p = ctx;
	struct batch *b = &p->b[p->head % NBATCH];
	struct brow *r;
	size_t need = 0;
	int k;

	for (k = 0; k < fu_ncolumns[p->table]; k++)
		need += row->len[k] + 1;
	if (b->nrows == BATCH_ROWS || (b->nrows > 0 && b->text.len + need >
	    BATCH_BYTES)) {
		if (hand_over(p) == -1)
			return -1;	/* the caller's error is told */
		b = &p->b[p->head % NBATCH];
	}
	if (need > UINT32_MAX - b->text.len || fu_buf_reserve(&b->text, need) ==
	    -1)
		return fu_err_nomem(e);
	r = &b->rows[b->nrows++];
	r->line = row->line;
	for (k = 0; k < fu_ncolumns[p->table]; k++) {
		r->off[k] = (uint32_t)b->text.len;
		r->len[k] = (uint32_t)row->len[k];
		memcpy(b->text.p + b->text.len, row->f[k], row->len[k]);
		b->text.len += row->len[k];
		b->text.p[b->text.len++] = '\0';
	}
	return 0;
}

static void *
parser(void *arg)
{
	struct pipe *p = arg;
	struct fu_header h;
	int rc;

	rc = fu_table_read(p->tf, p->table, &h, 0, on_parsed, p, &p->e);
	fu_header_free(&h);
	pthread_mutex_lock(&p->mu);
	if (p->b[p->head % NBATCH].nrows > 0)
		p->head++;
	p->rc = rc;
	p->done = 1;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

/* Reads on the caller's thread alone. */
static int
scan_here(struct fu_portfolio *pf, enum fu_table t, fu_row_cb cb, void *ctx,
    struct fu_err *e)
{
	struct fu_header h;
	int rc;

	rc = fu_table_read(&pf->t[t], t, &h, 0, cb, ctx, e);
	fu_header_free(&h);
	return rc;
}

static const struct fu_row *
brow_row(struct fu_row *row, const struct batch *b, size_t i, enum fu_table t)
{
	int k;

	row->line = b->rows[i].line;
	for (k = 0; k < fu_ncolumns[t]; k++) {
		row->f[k] = b->text.p + b->rows[i].off[k];
		row->len[k] = b->rows[i].len[k];
	}
	return row;
}

/* Parses on a second thread while the caller's takes the rows. */
static int
scan_piped(struct fu_portfolio *pf, enum fu_table t, fu_row_cb cb,
    fu_row_hint hint, void *ctx, struct fu_err *e)
{
	struct pipe *p;
	struct fu_row row, ahead;
	pthread_t th;
	size_t i;
	int failed = 0, rc = 0;

	if ((p = calloc(1, sizeof(*p))) == NULL)
		return fu_err_nomem(e);
	p->tf = &pf->t[t];
	p->table = t;
	for (i = 0; i < NBATCH; i++)
		if ((p->b[i].rows = malloc(BATCH_ROWS * sizeof(struct brow))) ==
		    NULL)
			goto nomem;
	if (pthread_mutex_init(&p->mu, NULL) != 0)
		goto nomem;
	if (pthread_cond_init(&p->cv, NULL) != 0) {
		pthread_mutex_destroy(&p->mu);
		goto nomem;
	}
	if (pthread_create(&th, NULL, parser, p) != 0) {
		/* No second thread to be had: one does it all. */
		pthread_cond_destroy(&p->cv);
		pthread_mutex_destroy(&p->mu);
		for (i = 0; i < NBATCH; i++)
			free(p->b[i].rows);
		free(p);
		return scan_here(pf, t, cb, ctx, e);
	}
	for (;;) {
		struct batch *b;

		pthread_mutex_lock(&p->mu);
		while (p->tail == p->head && !p->done)
			pthread_cond_wait(&p->cv, &p->mu);
		if (p->tail == p->head) {
			pthread_mutex_unlock(&p->mu);
			break;
		}
		pthread_mutex_unlock(&p->mu);
		b = &p->b[p->tail % NBATCH];
		for (i = 0; hint != NULL && i < HINT_ROWS && i < b->nrows;
		    i++)
			hint(ctx, brow_row(&ahead, b, i, t));
		for (i = 0; i < b->nrows && !failed; i++) {
			if (hint != NULL && i + HINT_ROWS < b->nrows)
				hint(ctx, brow_row(&ahead, b, i + HINT_ROWS, t));
			failed = cb(ctx, brow_row(&row, b, i, t), e) == -1;
		}
		pthread_mutex_lock(&p->mu);
		p->tail++;
		p->stop = failed;
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
		if (failed)
			break;
	}
	pthread_join(th, NULL);
	if (failed)
		rc = -1;
	else if (p->rc == -1) {
		*e = p->e;
		rc = -1;
	}
	pthread_cond_destroy(&p->cv);
	pthread_mutex_destroy(&p->mu);
	for (i = 0; i < NBATCH; i++) {
		free(p->b[i].rows);
		fu_buf_free(&p->b[i].text);
	}
	free(p);
	return rc;
nomem:
	for (i = 0; i < NBATCH; i++)
		free(p->b[i].rows);
	free(p);
	return fu_err_nomem(e);
}

/*
 * The table in parts.  The bytes to read, [r0, snap), are first counted
 * in pieces of about PART bytes (the quotes in each, and whether there is
 * a NUL), on every thread; then each piece's first record end follows
 * from the parity of the quotes before it, and cuts a part.  Part 0 is
 * read as one parser reads the table (the byte order mark, the dialect,
 * the header, the saved state's start) up to the first cut; every other
 * part by a parser of its own under the header, its lines counted from 1
 * and moved to where the part before ended.  The parity is the parser's
 * own state up to the first malformed row, which the part holding it
 * tells first: a part cut wrongly after it is never taken.
 */
#define PART (256 * 1024)	/* bytes a part, at most */
#define PART_MIN 64		/* bytes a part, at least */
#define WIN (256 * 1024)	/* bytes a pread */
#define AHEAD 2			/* parts parsed ahead, a thread */
#define SLOTS_MAX 8		/* parts parsed ahead, in all */
#define NOT_SPLIT (-2)

long fu_scan_part;

/* A row of a part: its fields are one after the other in the part's
 * text, each with its NUL; a row costs its line and lengths, not a whole
 * struct fu_row of pointers. */
struct prow {
	long line;
	uint32_t len[FU_MAXCOLS];
};
struct part {
	long idx;		/* the part held once parsed, else -1 */
	struct prow *rows;
	size_t nrows, cap;
	struct fu_buf text;
	int rc;
	long lines;		/* the line reached: part 0's, or from 1 */
	struct fu_err e;
};
struct parts {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct fu_table_file *tf;
	struct fu_table_file tf0;	/* part 0's: header, start and all */
	enum fu_table table;
	const struct fu_header *hdr;
	int fd;
	off_t r0, snap, piece_size;
	/* the count */
	size_t npieces;
	atomic_size_t piece;
	unsigned char *odd;	/* a piece holds an odd number of quotes */
	atomic_int nul, shrank;
	/* the parse */
	off_t *bound;		/* part i is [bound[i], bound[i + 1]) */
	size_t nparts, next, taken;	/* to parse next; taken by the caller */
	struct part *slot;
	size_t nslots;
	atomic_int stop;
};
struct part_ctx {
	struct parts *p;
	struct part *s;
};

static off_t
min_off(off_t a, off_t b)
{
	return a < b ? a : b;
}

/* Counts pieces until none is left; with dg, the caller's thread alone
 * counts, in order, and hashes the bytes (those a saved state stands
 * for). */
static void
count_pieces(struct parts *p, char *win, struct fu_digest *dg)
{
	size_t i;

	while ((i = atomic_fetch_add(&p->piece, 1)) < p->npieces) {
		off_t at = p->r0 + (off_t)i * p->piece_size;
		off_t end = min_off(at + p->piece_size, p->snap);
		size_t q = 0;

		while (at < end) {
			ssize_t got = pread(p->fd, win, (size_t)min_off(end - at,
			    WIN), at);
			const char *c = win, *lim = win + (got > 0 ? got : 0);

			if (got == -1 && errno == EINTR)
				continue;
			if (got <= 0) {
				atomic_store(&p->shrank, 1);
				return;
			}
			if (dg != NULL)
				fu_digest_add(dg, win, (size_t)got);
			if (memchr(win, '\0', (size_t)got) != NULL)
				atomic_store(&p->nul, 1);
			if (!p->tf->dialect.tsv)
				for (; (c = memchr(c, '"', (size_t)(lim - c))) !=
				    NULL; c++)
					q++;
			at += got;
		}
		p->odd[i] = q & 1;
	}
}

static void *
count_thread(void *arg)
{
	struct parts *p = arg;
	char *win = malloc(WIN);

	if (win == NULL)
		return NULL;	/* the others count its pieces */
	count_pieces(p, win, NULL);
	free(win);
	return NULL;
}

/* Where the first record that ends in [at, lim) ends, with the quotes
 * before at odd or not; -1 if none does.  Leading line ends are blank
 * lines, not a record, when blank says so (before the header). */
static off_t
record_end(struct parts *p, off_t at, off_t lim, int odd, int blank)
{
	char buf[4096];
	char eol = p->tf->dialect.cr ? '\r' : '\n';
	int tsv = p->tf->dialect.tsv;
	ssize_t got, i;

	while (at < lim) {
		if ((got = pread(p->fd, buf, (size_t)min_off(lim - at,
		    sizeof(buf)), at)) == -1 && errno == EINTR)
			continue;
		if (got <= 0)
			return -1;
		for (i = 0; i < got; i++) {
			char c = buf[i];

			if (blank && (c == '\n' || c == '\r'))
				continue;
			blank = 0;
			if (c == '"' && !tsv)
				odd = !odd;
			else if (!odd && c == eol)
				return at + i + 1;
		}
		at += got;
	}
	return -1;
}

/* Counts the pieces and cuts the parts; 0, or NOT_SPLIT when the table
 * is read as one (a NUL, a table that shrank, one part), or -1. */
static int
cut_parts(struct parts *p, int nthreads, struct fu_digest **dg,
    struct fu_err *e)
{
	struct fu_table_file *tf = p->tf;
	pthread_t th[64];
	char *win;
	off_t hend = p->r0, a, b;
	size_t i, n;
	int k, started = 0, odd = 0;

	p->npieces = (size_t)((p->snap - p->r0 + p->piece_size - 1) /
	    p->piece_size);
	if (p->npieces < 2)
		return NOT_SPLIT;
	if ((p->odd = calloc(p->npieces, 1)) == NULL ||
	    (p->bound = malloc((p->npieces + 1) * sizeof(off_t))) == NULL ||
	    (win = malloc(WIN)) == NULL)
		return fu_err_nomem(e);
	/* The digest goes on in order: the caller counts alone, on a copy
	 * kept only if the parts are read. */
	if (tf->digest != NULL) {
		unsigned char *saved = malloc(fu_digest_size());

		if (saved != NULL)
			fu_digest_save(tf->digest, saved);
		*dg = saved != NULL ? fu_digest_load(saved) : NULL;
		free(saved);
		if (*dg == NULL) {
			free(win);
			return fu_err_nomem(e);
		}
	} else
		for (k = 0; k < nthreads - 1; k++)
			if (pthread_create(&th[started], NULL, count_thread, p) ==
			    0)
				started++;
	count_pieces(p, win, *dg);
	for (k = 0; k < started; k++)
		pthread_join(th[k], NULL);
	free(win);
	if (atomic_load(&p->nul) || atomic_load(&p->shrank))
		return NOT_SPLIT;	/* one parser tells where */
	/* From the start of the file, the header is part 0's. */
	if (p->r0 == 0 && (hend = record_end(p, tf->bom ? 3 : 0, p->snap, 0,
	    1)) == -1)
		return NOT_SPLIT;
	p->bound[0] = p->r0;
	n = 1;
	for (i = 1; i < p->npieces; i++) {
		odd ^= p->odd[i - 1];
		a = p->r0 + (off_t)i * p->piece_size;
		if (a < hend)
			continue;
		b = record_end(p, a, min_off(a + p->piece_size, p->snap), odd,
		    0);
		if (b > p->bound[n - 1] && b < p->snap)
			p->bound[n++] = b;
	}
	p->bound[n] = p->snap;
	p->nparts = n;
	return n < 2 ? NOT_SPLIT : 0;
}

static int
on_part_row(void *ctx, const struct fu_row *row, struct fu_err *e)
{
	struct part_ctx *c = ctx;
	struct part *s = c->s;
	struct prow *r;
	size_t need = 0;
	int k, nk = fu_ncolumns[c->p->table];

	/* The caller took an error before this part: no need of it. */
	if (atomic_load_explicit(&c->p->stop, memory_order_relaxed))
		return fu_err_io(e, NULL, ECANCELED, "%s", "stopped");
	for (k = 0; k < nk; k++)
		need += row->len[k] + 1;
	if (s->nrows == s->cap) {
		size_t cap = s->cap ? 2 * s->cap : 1024;

		if ((r = realloc(s->rows, cap * sizeof(*r))) == NULL)
			return fu_err_nomem(e);
		s->rows = r;
		s->cap = cap;
	}
	if (need > UINT32_MAX || fu_buf_reserve(&s->text, need) == -1)
		return fu_err_nomem(e);
	r = &s->rows[s->nrows++];
	r->line = row->line;
	for (k = 0; k < nk; k++) {
		r->len[k] = (uint32_t)row->len[k];
		memcpy(s->text.p + s->text.len, row->f[k], row->len[k]);
		s->text.len += row->len[k];
		s->text.p[s->text.len++] = '\0';
	}
	return 0;
}

static void
parse_part(struct parts *p, size_t i, char *win)
{
	struct part_ctx c = { p, &p->slot[i % p->nslots] };
	struct part *s = c.s;
	struct fu_header h;

	s->nrows = 0;
	s->text.len = 0;
	memset(&s->e, 0, sizeof(s->e));
	if (i == 0) {
		/* Read as one parser reads a table, up to the first cut. */
		s->rc = fu_table_read(&p->tf0, p->table, &h, 0, on_part_row, &c,
		    &s->e);
		fu_header_free(&h);
		s->lines = p->tf0.end_line;
	} else
		s->rc = fu_table_read_part(p->tf, p->table, p->hdr, p->fd,
		    p->bound[i], p->bound[i + 1], i + 1 == p->nparts, win, WIN,
		    &s->lines, on_part_row, &c, &s->e);
}

static void *
part_thread(void *arg)
{
	struct parts *p = arg;
	char *win = malloc(WIN);
	size_t i;

	for (;;) {
		pthread_mutex_lock(&p->mu);
		while (!atomic_load(&p->stop) && p->next < p->nparts &&
		    p->next >= p->taken + p->nslots)
			pthread_cond_wait(&p->cv, &p->mu);
		if (atomic_load(&p->stop) || p->next >= p->nparts) {
			pthread_mutex_unlock(&p->mu);
			break;
		}
		i = p->next++;
		pthread_mutex_unlock(&p->mu);
		if (win == NULL) {
			p->slot[i % p->nslots].rc = fu_err_nomem(
			    &p->slot[i % p->nslots].e);
			p->slot[i % p->nslots].lines = 0;
		} else
			parse_part(p, i, win);
		pthread_mutex_lock(&p->mu);
		p->slot[i % p->nslots].idx = (long)i;
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
	}
	free(win);
	return NULL;
}

/* Row j of a part whose text is read at *t, its line moved by shift;
 * moves *t past it. */
static const struct fu_row *
prow_row(struct fu_row *row, const struct part *s, size_t j, const char **t,
    long shift, int nk)
{
	int k;

	row->line = s->rows[j].line + shift;
	for (k = 0; k < nk; k++) {
		row->f[k] = *t;
		row->len[k] = s->rows[j].len[k];
		*t += row->len[k] + 1;
	}
	return row;
}

/* Takes the parts' rows in order; 0, -1 with the first error in file
 * order, or NOT_SPLIT when no thread could be had. */
static int
take_parts(struct parts *p, int nthreads, fu_row_cb cb, fu_row_hint hint,
    void *ctx, struct fu_err *e)
{
	pthread_t th[64];
	struct fu_row row, ahead;
	const char *t, *ta;
	size_t i, j, ja;
	long base = 0, shift;
	int k, nk = fu_ncolumns[p->table], started = 0, failed = 0;

	for (k = 0; k < nthreads; k++)
		if (pthread_create(&th[started], NULL, part_thread, p) == 0)
			started++;
	if (started == 0)
		return NOT_SPLIT;
	for (i = 0; i < p->nparts && !failed; i++) {
		struct part *s = &p->slot[i % p->nslots];

		pthread_mutex_lock(&p->mu);
		while (s->idx != (long)i)
			pthread_cond_wait(&p->cv, &p->mu);
		pthread_mutex_unlock(&p->mu);
		/* The hint's cursor runs HINT_ROWS rows before the taker's,
		 * within the part. */
		shift = i > 0 ? base - 1 : 0;
		for (ja = 0, ta = s->text.p; hint != NULL && ja < HINT_ROWS &&
		    ja < s->nrows; ja++)
			hint(ctx, prow_row(&ahead, s, ja, &ta, shift, nk));
		for (j = 0, t = s->text.p; j < s->nrows && !failed; j++) {
			if (hint != NULL && ja < s->nrows)
				hint(ctx, prow_row(&ahead, s, ja++, &ta, shift,
				    nk));
			failed = cb(ctx, prow_row(&row, s, j, &t, shift, nk),
			    e) == -1;
		}
		if (!failed && s->rc == -1) {
			/* A part that does not end where a record does
			 * (lines -1), every part before it whole, is a file
			 * changed while read: "cannot read". */
			*e = s->e;
			if (i > 0 && e->code == FU_EXIT_DATA && e->line > 0)
				e->line += base - 1;
			failed = 1;
		}
		base = i == 0 ? s->lines : base + s->lines - 1;
		pthread_mutex_lock(&p->mu);
		s->idx = -1;
		p->taken = i + 1;
		if (failed)
			atomic_store(&p->stop, 1);
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
	}
	for (k = 0; k < started; k++)
		pthread_join(th[k], NULL);
	if (failed)
		return -1;
	p->tf->end_line = base;
	p->tf->has_header = 1;
	return 0;
}

static int
threads(void)
{
	long n = fu_settings()->threads;

	if (n == 0 && (n = sysconf(_SC_NPROCESSORS_ONLN)) < 1)
		n = 1;
	return n > 64 ? 64 : (int)n;
}

/* Reads the table in parts; NOT_SPLIT when it is one part, before any
 * row is taken. */
static int
scan_parts(struct fu_portfolio *pf, enum fu_table t, fu_row_cb cb,
    fu_row_hint hint, void *ctx, struct fu_err *e)
{
	struct fu_table_file *tf = &pf->t[t], hf;
	struct fu_digest *dg = NULL;
	struct fu_header h;
	struct fu_err e0;
	struct parts *p;
	size_t i;
	int rc, n = threads();

	if (n < 2)
		return NOT_SPLIT;
	/* The dialect and the header first, as one parser reads them; an
	 * error there is for one parser to tell. */
	hf = *tf;
	hf.digest = NULL;
	if (fu_table_read(&hf, t, &h, 1, NULL, NULL, &e0) == -1)
		return NOT_SPLIT;
	if (h.ncols == 0) {
		fu_header_free(&h);
		return NOT_SPLIT;
	}
	tf->dialect = hf.dialect;
	tf->bom = hf.bom;
	if ((p = calloc(1, sizeof(*p))) == NULL) {
		fu_header_free(&h);
		return fu_err_nomem(e);
	}
	p->tf = tf;
	p->table = t;
	p->hdr = &h;
	p->r0 = tf->start;
	p->snap = tf->snap;
	/* A part is about the bytes that pay for a thread: the tests set
	 * FU_PIPE_MIN=0, and get a part every row or two. */
	p->piece_size = fu_scan_part > 0 ? fu_scan_part :
	    fu_settings()->pipe_min < PART_MIN ? PART_MIN :
	    fu_settings()->pipe_min > PART ? PART :
	    (off_t)fu_settings()->pipe_min;
	p->fd = -1;
	if ((rc = fu_table_open(tf, &p->fd, e)) == -1 ||
	    (rc = cut_parts(p, n, &dg, e)) != 0)
		goto out;
	p->tf0 = *tf;
	p->tf0.digest = NULL;
	p->tf0.snap = p->bound[1];
	/* Parts parsed ahead, at most: each holds its rows' text and
	 * lengths, a few times its bytes. */
	p->nslots = (size_t)n * AHEAD > SLOTS_MAX ? SLOTS_MAX :
	    (size_t)n * AHEAD;
	if ((p->slot = calloc(p->nslots, sizeof(*p->slot))) == NULL) {
		rc = fu_err_nomem(e);
		goto out;
	}
	for (i = 0; i < p->nslots; i++)
		p->slot[i].idx = -1;
	if (pthread_mutex_init(&p->mu, NULL) != 0) {
		rc = fu_err_nomem(e);
		goto out;
	}
	if (pthread_cond_init(&p->cv, NULL) != 0) {
		pthread_mutex_destroy(&p->mu);
		rc = fu_err_nomem(e);
		goto out;
	}
	rc = take_parts(p, n, cb, hint, ctx, e);
	pthread_cond_destroy(&p->cv);
	pthread_mutex_destroy(&p->mu);
	if (rc == 0 && dg != NULL) {
		/* The bytes were hashed while counted. */
		fu_digest_free(tf->digest);
		tf->digest = dg;
		dg = NULL;
	}
out:
	fu_digest_free(dg);
	if (p->fd != -1)
		close(p->fd);
	for (i = 0; p->slot != NULL && i < p->nslots; i++) {
		free(p->slot[i].rows);
		fu_buf_free(&p->slot[i].text);
	}
	free(p->slot);
	free(p->odd);
	free(p->bound);
	free(p);
	fu_header_free(&h);
	return rc;
}

int
fu_table_scan_ahead(struct fu_portfolio *pf, enum fu_table t, fu_row_cb cb,
    fu_row_hint hint, void *ctx, struct fu_err *e)
{
	int rc;

	/* FU_PIPE_MIN sets the bytes that pay for a thread (the tests set
	 * 0, so that small tables take this path too).  One thread reading
	 * a small table needs no hint. */
	if (!pf->t[t].exists || pf->t[t].snap - pf->t[t].start <
	    fu_settings()->pipe_min)
		return scan_here(pf, t, cb, ctx, e);
	if ((rc = scan_parts(pf, t, cb, hint, ctx, e)) != NOT_SPLIT)
		return rc;
	return scan_piped(pf, t, cb, hint, ctx, e);
}

int
fu_table_scan(struct fu_portfolio *pf, enum fu_table t, fu_row_cb cb,
    void *ctx, struct fu_err *e)
{
	return fu_table_scan_ahead(pf, t, cb, NULL, ctx, e);
}
