/*
 * write.c - the one writer.  Files are the user's: fu only appends whole
 * rows, in the file's own dialect, under the portfolio's exclusive lock.
 * Each table's rows go out in one write(2) and are fsync'ed; if anything
 * fails, every table touched is cut back to the length it had, and a table
 * created whole (written to a 0600 temporary file, then renamed) is
 * removed again.  What a commit appends is announced in the journal first
 * (journal.c), so that a run killed half-way is taken back by the next
 * writer.  A portfolio that is not there yet is made at the commit, so
 * that a refusal makes nothing.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "priv.h"

struct fu_txn {
	struct fu_portfolio *pf;
	int lockfd;
	int deferred;		/* the portfolio is made at the commit */
	struct fu_header hdr[FU_NTABLES];
	struct fu_buf rows[FU_NTABLES];
};

/* Takes the lock, and the tables as they are now that no one else
 * writes, once a commit a killed run left half done is taken back. */
static int
lock(struct fu_txn *x, struct fu_err *e)
{
	struct fu_portfolio *pf = x->pf;
	int t, rc;

	if ((x->lockfd = fu_lock(pf->dir, 1, e)) == -1)
		return -1;
	if (fu_portfolio_snap(pf, e) == -1 || (rc = fu_journal_recover(pf,
	    e)) == -1 || (rc == 1 && fu_portfolio_snap(pf, e) == -1))
		return -1;
	/* Only a writer makes a table's temporary file, under this lock: one
	 * found now is a killed run's. */
	for (t = 0; t < FU_NTABLES; t++)
		fu_sweep(pf->dir, pf->t[t].name, 0);
	return 0;
}

struct fu_txn *
fu_txn_begin(struct fu_portfolio *pf, struct fu_err *e)
{
	struct fu_txn *x;
	int t;

	if ((x = calloc(1, sizeof(*x))) == NULL)
		return fu_err_nomem(e), NULL;
	x->pf = pf;
	x->lockfd = -1;
	pf->writing = 1;
	if (!pf->found) {
		x->deferred = 1;
		return x;
	}
	if (lock(x, e) == -1)
		goto fail;
	for (t = 0; t < FU_NTABLES; t++)
		if (pf->t[t].exists && fu_table_read(&pf->t[t], (enum fu_table)t,
		    &x->hdr[t], 1, NULL, NULL, e) == -1)
			goto fail;
	return x;
fail:
	fu_txn_abort(x);
	return NULL;
}

/* What a row read back must be: the values it was made of. */
struct readback {
	enum fu_table t;
	const struct fu_header *h;
	const char *const *values;
	int rows;
};

static int
same_back(void *ctx, const struct fu_row *row, struct fu_err *e)
{
	struct readback *b = ctx;
	const char *v;
	int k;

	if (b->rows++ > 0)
		FU_BUG("one row read back as two");
	for (k = 0; k < fu_ncolumns[b->t]; k++) {
		/* A column the table lacks keeps no value. */
		if (b->h->ncols > 0 && b->h->field[k] < 0)
			continue;
		v = b->values[k] != NULL ? b->values[k] : "";
		if (strlen(v) != row->len[k] || memcmp(v, row->f[k],
		    row->len[k]) != 0)
			return fu_err_data(e, NULL, 0, _("column \"%s\" reads "
			    "back otherwise"), fu_columns[b->t][k]);
	}
	return fu_row_check(b->t, row, NULL, e);
}

/* Refuses values for columns the table's header lacks: fu never rewrites
 * a header, and a value without its column would be lost. */
static int
columns_there(struct fu_txn *x, enum fu_table t, const char *const *values,
    struct fu_err *e)
{
	const struct fu_header *h = &x->hdr[t];
	char list[512] = "";
	size_t len = 0;
	int k, w;

	if (h->ncols == 0)
		return 0;	/* no header yet: fu writes the whole one */
	for (k = 0; k < fu_ncolumns[t]; k++)
		if (values[k] != NULL && *values[k] != '\0' && h->field[k] < 0 &&
		    !(fu_default_columns[t] & 1u << k) &&
		    (w = snprintf(list + len, sizeof(list) - len, "%s%s",
		    len > 0 ? ", " : "", fu_columns[t][k])) > 0 &&
		    (size_t)w < sizeof(list) - len)
			len += (size_t)w;
	if (len == 0)
		return 0;
	return fu_err_usage(e, _("%s has no column for %s: add each (its name "
	    "on the first line and a field on every row, as a spreadsheet "
	    "does; fu never rewrites the file), or leave those values out"),
	    x->pf->t[t].name, list);
}

int
fu_txn_add(struct fu_txn *x, enum fu_table t, const char *const *values,
    struct fu_err *e)
{
	const struct fu_header *h = &x->hdr[t];
	struct fu_table_file *tf = &x->pf->t[t];
	struct readback b = { t, h, values, 0 };
	struct fu_buf row = { 0 };
	int rc = -1;

	if (columns_there(x, t, values, e) == -1)
		return -1;
	if (fu_row_format(&row, &tf->dialect, h->ncols > 0 ? h->colmap : NULL,
	    h->ncols > 0 ? h->ncols : fu_ncolumns[t], t, values) == -1)
		return fu_err_nomem(e);
	/* What fu writes must read back: the row goes through the reader,
	 * as the next command will read it, before it is queued. */
	if (fu_table_read_mem(tf, t, h, row.p, row.len, same_back, &b, e) ==
	    -1) {
		if (e->code == FU_EXIT_DATA) {
			char why[sizeof(e->text)];

			memcpy(why, e->text, sizeof(why));
			fu_err_usage(e, _("%s: the new row would not read back "
			    "(%s); nothing was written"), tf->name, why);
		}
	} else if (b.rows != 1)
		FU_BUG("a row did not read back as one");
	else if (fu_buf_add(&x->rows[t], row.p, row.len) == -1)
		fu_err_nomem(e);
	else
		rc = 0;
	fu_buf_free(&row);
	return rc;
}

/* A table's part of a commit: what it gets, and the length it had. */
struct plan {
	int touched, created;
	int fd;			/* open for appending, or -1 */
	off_t old;
	struct fu_buf b;	/* the bytes to write (a new table whole) */
};

/* Plans a new table: its header and rows. */
static int
plan_create(struct fu_txn *x, enum fu_table t, struct plan *pl,
    struct fu_err *e)
{
	pl->created = 1;
	if (fu_header_format(&pl->b, &x->pf->t[t].dialect, t) == -1 ||
	    fu_buf_add(&pl->b, x->rows[t].p ? x->rows[t].p : "",
	    x->rows[t].len) == -1)
		return fu_err_nomem(e);
	return 0;
}

/* Plans an append: opens the table, and puts before the rows a line end
 * or a header the file lacks. */
static int
plan_append(struct fu_txn *x, enum fu_table t, struct plan *pl,
    struct fu_err *e)
{
	struct fu_table_file *tf = &x->pf->t[t];
	const char *eol = fu_dialect_eol(&tf->dialect);
	struct stat st;
	char last = '\n';
	int saved = 0;

	if ((pl->fd = open(tf->path, O_WRONLY | O_APPEND | O_NOFOLLOW |
	    O_CLOEXEC)) == -1) {
		if (errno == ELOOP)
			return fu_err_io(e, tf->name, 0, _("is a symbolic "
			    "link; fu refuses to follow it"));
		return fu_err_io(e, tf->name, errno, _("cannot append"));
	}
	/* st is unset when fstat fails: then its errno is the one to tell. */
	if (fstat(pl->fd, &st) == -1)
		saved = errno;
	else if (!S_ISREG(st.st_mode))
		saved = EISDIR;
	if (saved != 0)
		return fu_err_io(e, tf->name, saved, _("cannot append"));
	pl->old = st.st_size;
	if (st.st_size > 0) {
		int rfd = open(tf->path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);

		if (rfd == -1 || pread(rfd, &last, 1, st.st_size - 1) != 1) {
			saved = errno;
			if (rfd != -1)
				close(rfd);
			return fu_err_io(e, tf->name, saved, _("cannot read"));
		}
		close(rfd);
	}
	/* A hand-edited file may lack its last line end: add it first; a
	 * file that is only a byte order mark has no line to end.  In a file
	 * of CR line ends, a CR is one. */
	if ((last != '\n' && !(last == '\r' && tf->dialect.cr) &&
	    !(tf->bom && st.st_size == 3) && fu_buf_str(&pl->b, eol) == -1) ||
	    (x->hdr[t].ncols == 0 && fu_header_format(&pl->b, &tf->dialect,
	    t) == -1) || fu_buf_add(&pl->b, x->rows[t].p, x->rows[t].len) == -1)
		return fu_err_nomem(e);
	return 0;
}

/* Creates a table whole: header and rows in a temporary file, renamed. */
static int
create_table(struct fu_txn *x, enum fu_table t, const struct plan *pl,
    struct fu_err *e)
{
	struct fu_table_file *tf = &x->pf->t[t];
	char tmp[4200];
	int fd, saved;

	if ((fd = fu_temp(x->pf->dir, tf->name, tmp, sizeof(tmp), e)) == -1)
		return -1;
	if (fu_write_all(fd, pl->b.p, pl->b.len) == -1 || fsync(fd) == -1) {
		saved = errno;
		close(fd);
		unlink(tmp);
		return fu_err_io(e, tf->name, saved, _("cannot create"));
	}
	if (close(fd) == -1) {
		saved = errno;
		unlink(tmp);
		return fu_err_io(e, tf->name, saved, _("cannot create"));
	}
	if (rename(tmp, tf->path) == -1) {
		saved = errno;
		unlink(tmp);
		return fu_err_io(e, tf->name, saved, _("cannot create"));
	}
	fu_sync_dir(x->pf->dir);	/* the new name must survive a crash */
	return 0;
}

/* Appends what was planned, in one write, and makes it durable. */
static int
append_table(struct fu_txn *x, enum fu_table t, struct plan *pl,
    struct fu_err *e)
{
	int fd = pl->fd, saved;

	pl->fd = -1;
	if (fu_write_all(fd, pl->b.p, pl->b.len) == -1 || fsync(fd) == -1) {
		saved = errno;
		close(fd);
		return fu_err_io(e, x->pf->t[t].name, saved,
		    _("cannot append"));
	}
	if (close(fd) == -1)
		return fu_err_io(e, x->pf->t[t].name, errno,
		    _("cannot append"));
	return 0;
}

/* A portfolio made by this commit: the directory, the lock, and no table
 * another writer made meanwhile. */
static int
make(struct fu_txn *x, struct fu_err *e)
{
	struct fu_portfolio *pf = x->pf;
	int t;

	if (fu_make_dir(pf->dir, e) == -1 || fu_dir_check(pf->dir, 1, e) ==
	    -1 || lock(x, e) == -1)
		return -1;
	for (t = 0; t < FU_NTABLES; t++)
		if (pf->t[t].exists)
			return fu_err_io(e, pf->dir, 0, _("another fu command "
			    "made this portfolio meanwhile; try again"));
	return 0;
}

int
fu_txn_commit(struct fu_txn *x, struct fu_err *e)
{
	struct fu_portfolio *pf = x->pf;
	struct plan pl[FU_NTABLES];
	struct fu_journal_entry j[FU_NTABLES];
	int t, u, nj = 0, nrows = 0, appends = 0, journal = 0, began = 0;
	int rc = -1;

	memset(pl, 0, sizeof(pl));
	for (t = 0; t < FU_NTABLES; t++)
		pl[t].fd = -1;
	if (x->deferred && make(x, e) == -1)
		goto out;
	began = 1;
	/* Everything is opened and planned before anything is written. */
	for (t = 0; t < FU_NTABLES; t++) {
		if (pf->t[t].exists && x->rows[t].len == 0)
			continue;
		pl[t].touched = 1;
		appends += pf->t[t].exists;
		if ((pf->t[t].exists ? plan_append(x, (enum fu_table)t, &pl[t],
		    e) : plan_create(x, (enum fu_table)t, &pl[t], e)) == -1)
			goto out;
		j[nj].table = (enum fu_table)t;
		j[nj].created = pl[t].created;
		j[nj].old = pl[t].old;
		j[nj].bytes = pl[t].b.p;
		j[nj++].len = pl[t].b.len;
		nrows += x->rows[t].len > 0;
	}
	/* An append cut short, or rows in two tables that name each other,
	 * must be undone if this run dies half-way: the journal says how.
	 * Tables made whole are renamed into place, all or nothing. */
	if (appends > 0 || nrows > 1) {
		if (fu_journal_write(pf, j, nj, e) == 0)
			journal = 1;
		/* A directory fu may not write to (its tables may be): one
		 * table's rows go out without a journal, as one write. */
		else if (nrows > 1 || (e->errnum != EACCES && e->errnum !=
		    EPERM && e->errnum != EROFS))
			goto out;
	}
	for (t = 0; t < FU_NTABLES; t++) {
		if (!pl[t].touched || (pl[t].created ? create_table(x,
		    (enum fu_table)t, &pl[t], e) : append_table(x,
		    (enum fu_table)t, &pl[t], e)) == 0)
			continue;
		/* Every table touched so far goes back to what it was, this
		 * one too if its append may have got half-way (a table being
		 * made was never put in place). */
		for (u = 0; u <= t; u++)
			if (pl[u].touched && (u < t || !pl[u].created) &&
			    fu_cut_back(pf->t[u].path, pl[u].created,
			    pl[u].old) == -1) {
				/* The journal stays: the next writer
				 * takes it back, and readers read as
				 * before meanwhile. */
				e->unwritten = 2;
				journal = 0;
			}
		goto out;
	}
	rc = 0;
out:
	if (journal)
		fu_journal_remove(pf);
	for (t = 0; t < FU_NTABLES; t++) {
		if (pl[t].fd >= 0)
			close(pl[t].fd);
		fu_buf_free(&pl[t].b);
	}
	if (rc == -1 && began && e->unwritten == 0)
		e->unwritten = 1;
	fu_txn_abort(x);
	return rc;
}

void
fu_txn_abort(struct fu_txn *x)
{
	int t;

	if (x == NULL)
		return;
	for (t = 0; t < FU_NTABLES; t++) {
		fu_header_free(&x->hdr[t]);
		fu_buf_free(&x->rows[t]);
	}
	fu_unlock(x->lockfd);
	free(x);
}
