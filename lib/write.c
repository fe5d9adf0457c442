/*
 * write.c - the one writer.  Files are the user's: fu only appends whole
 * rows, in the file's own dialect, under the portfolio's exclusive lock.
 * Each table's rows go out in one write(2) and are fsync'ed; if anything
 * fails, every table touched is cut back to the length it had, and a table
 * created whole (written to a 0600 temporary file, then renamed) is
 * removed again.  Rows for two tables are announced in the journal first
 * (journal.c), so that a run killed between them is taken back by the
 * next writer.
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
	struct fu_header hdr[FU_NTABLES];
	struct fu_buf rows[FU_NTABLES];
};

/* The names create_table gives its temporary files, but the last six. */
static const char *const table_temps[] = {
	".clients.csv.", ".clients.tsv.", ".agreements.csv.",
	".agreements.tsv.", ".log.csv.", ".log.tsv."
};

struct fu_txn *
fu_txn_begin(struct fu_portfolio *pf, struct fu_err *e)
{
	struct fu_txn *x;
	int t, fd, rc;

	if (fu_make_dir(pf->dir, e) == -1)
		return NULL;
	if ((fd = fu_lock(pf->dir, 1, e)) == -1)
		return NULL;
	if ((x = calloc(1, sizeof(*x))) == NULL) {
		fu_unlock(fd);
		return fu_err_nomem(e), NULL;
	}
	x->pf = pf;
	x->lockfd = fd;
	/* Sizes and headers as they are now that no one else writes, once
	 * a commit a killed run left half done is taken back. */
	if (fu_portfolio_snap(pf, e) == -1 || (rc = fu_journal_recover(pf,
	    e)) == -1 || (rc == 1 && fu_portfolio_snap(pf, e) == -1))
		goto fail;
	/* Only a writer makes a table's temporary file, under this lock: one
	 * found now is a killed run's. */
	fu_sweep(pf->dir, table_temps, (int)(sizeof(table_temps) /
	    sizeof(table_temps[0])), 0);
	for (t = 0; t < FU_NTABLES; t++)
		if (pf->t[t].exists && fu_table_read(&pf->t[t], (enum fu_table)t,
		    &x->hdr[t], 1, NULL, NULL, e) == -1)
			goto fail;
	return x;
fail:
	fu_txn_abort(x);
	return NULL;
}

int
fu_txn_add(struct fu_txn *x, enum fu_table t, const char *const *values,
    struct fu_err *e)
{
	const struct fu_header *h = &x->hdr[t];

	if (fu_row_format(&x->rows[t], &x->pf->t[t].dialect, h->ncols > 0 ?
	    h->colmap : NULL, h->ncols > 0 ? h->ncols : fu_ncolumns[t], t,
	    values) == -1)
		return fu_err_nomem(e);
	return 0;
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

	snprintf(tmp, sizeof(tmp), "%s/.%s.XXXXXX", x->pf->dir, tf->name);
	if ((fd = mkstemp(tmp)) == -1)
		return fu_err_io(e, tf->name, errno, _("cannot create"));
	if (fchmod(fd, 0600) == -1 || fu_write_all(fd, pl->b.p, pl->b.len) ==
	    -1 || fsync(fd) == -1 || close(fd) == -1) {
		saved = errno;
		close(fd);
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
		goto fail;
	}
	if (close(fd) == -1) {
		saved = errno;
		goto fail;
	}
	return 0;
fail:
	(void)fu_cut_back(x->pf->t[t].path, 0, pl->old);
	return fu_err_io(e, x->pf->t[t].name, saved, _("cannot append"));
}

int
fu_txn_commit(struct fu_txn *x, struct fu_err *e)
{
	struct fu_portfolio *pf = x->pf;
	struct plan pl[FU_NTABLES];
	struct fu_journal_entry j[FU_NTABLES];
	int t, u, nj = 0, nrows = 0, began = 0, journal = 0, rc = -1;

	memset(pl, 0, sizeof(pl));
	for (t = 0; t < FU_NTABLES; t++)
		pl[t].fd = -1;
	/* Everything is opened and planned before anything is written. */
	for (t = 0; t < FU_NTABLES; t++) {
		if (pf->t[t].exists && x->rows[t].len == 0)
			continue;
		pl[t].touched = 1;
		began |= pf->t[t].exists;
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
	/* Rows in two tables may name each other: a crash between them
	 * must be undone. */
	if (nrows > 1) {
		began = 1;
		if (fu_journal_write(pf, j, nj, e) == -1)
			goto out;
		journal = 1;
	}
	began = 1;
	for (t = 0; t < FU_NTABLES; t++) {
		if (!pl[t].touched)
			continue;
		if ((pl[t].created ? create_table(x, (enum fu_table)t, &pl[t],
		    e) : append_table(x, (enum fu_table)t, &pl[t], e)) == -1) {
			for (u = 0; u < t; u++)
				if (pl[u].touched)
					(void)fu_cut_back(pf->t[u].path,
					    pl[u].created, pl[u].old);
			goto out;
		}
	}
	rc = 0;
out:
	/* Once all is written, a journal left behind is harmless: the next
	 * writer finds every table whole and only removes it. */
	if (journal)
		fu_journal_remove(pf);
	for (t = 0; t < FU_NTABLES; t++) {
		if (pl[t].fd >= 0)
			close(pl[t].fd);
		fu_buf_free(&pl[t].b);
	}
	if (rc == -1 && began)
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
