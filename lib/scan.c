/*
 * scan.c - the one way to read a table's rows: on the caller's thread, or
 * for a large table on two cores.  A second thread then parses
 * (libcsv, UTF-8, the fields of each row) while the caller's thread takes
 * the rows, in file order, a batch at a time.  What comes out is what one
 * thread would give: every row before a malformed one is taken first, and
 * a row the caller refuses stops the parse; that error is the one told.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "priv.h"

#define NBATCH 4
#define BATCH_ROWS 4096
#define BATCH_BYTES (512 * 1024)

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

int
fu_table_scan(struct fu_portfolio *pf, enum fu_table t, fu_row_cb cb,
    void *ctx, struct fu_err *e)
{
	struct pipe *p;
	struct fu_row row;
	pthread_t th;
	size_t i;
	int k, failed = 0, rc = 0;

	/* FU_PIPE_MIN sets the bytes that pay for a thread (the tests set
	 * 0, so that small tables take this path too). */
	if (!pf->t[t].exists || pf->t[t].snap - pf->t[t].start <
	    fu_settings()->pipe_min)
		return scan_here(pf, t, cb, ctx, e);
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
		for (i = 0; i < b->nrows && !failed; i++) {
			const struct brow *r = &b->rows[i];

			row.line = r->line;
			for (k = 0; k < fu_ncolumns[t]; k++) {
				row.f[k] = b->text.p + r->off[k];
				row.len[k] = r->len[k];
			}
			failed = cb(ctx, &row, e) == -1;
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
