/*
 * write.c - the one writer.  Files are the user's: fu only appends whole
 * rows, in the file's own dialect, under the portfolio's exclusive lock.
 * Each table's rows go out in one write(2) and are fsync'ed; if anything
 * fails, every table touched is cut back to the length it had, and a table
 * created whole (written to a 0600 temporary file, then renamed) is
 * removed again.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csv.h>

#include "fu.h"
#include "table.h"

struct fu_txn {
	struct fu_header hdr[FU_NTABLES];
	int has_hdr[FU_NTABLES];
	struct fu_buf rows[FU_NTABLES];
};

int
fu_buf_reserve(struct fu_buf *b, size_t n)
{
	size_t cap;
	char *np;

	if (b->len + n + 1 <= b->cap)
		return 0;
	if (n > (size_t)-1 / 4 - b->len) {
		errno = ENOMEM;
		return -1;
	}
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

void
fu_buf_free(struct fu_buf *b)
{
	free(b->p);
	memset(b, 0, sizeof(*b));
}

int
fu_field_csv(struct fu_buf *b, const struct fu_dialect *d, const char *s,
    size_t n)
{
	size_t i, need = n > 0 && (s[0] == ' ' || s[n - 1] == ' ');
	char *tmp;
	size_t len;
	int rc;

	for (i = 0; i < n && !need; i++)
		need = s[i] == d->delim || s[i] == '"' || s[i] == '\n' ||
		    s[i] == '\r';
	if (!need && !d->quote_all)
		return fu_buf_add(b, s, n);
	/* libcsv quotes it and doubles the quotes inside. */
	len = csv_write2(NULL, 0, s, n, '"');
	if ((tmp = malloc(len)) == NULL)
		return -1;
	csv_write2(tmp, len, s, n, '"');
	rc = fu_buf_add(b, tmp, len);
	free(tmp);
	return rc;
}

int
fu_field_tsv(struct fu_buf *b, const char *s, size_t n)
{
	size_t i;
	const char *esc;

	for (i = 0; i < n; i++) {
		switch (s[i]) {
		case '\t': esc = "\\t"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\\': esc = "\\\\"; break;
		default: esc = NULL; break;
		}
		if (esc != NULL ? fu_buf_add(b, esc, 2) : fu_buf_add(b, s + i,
		    1))
			return -1;
	}
	return 0;
}

/* The line end of a dialect. */
static const char *
eol(const struct fu_dialect *d)
{
	return d->crlf ? "\r\n" : d->cr ? "\r" : "\n";
}

int
fu_row_format(struct fu_buf *b, const struct fu_dialect *d, const int *colmap,
    int ncols, enum fu_table t, const char *const *values)
{
	int i, k;

	for (i = 0; i < ncols; i++) {
		const char *v = "";
		size_t n;

		if (i > 0 && fu_buf_add(b, &d->delim, 1) == -1)
			return -1;
		if ((k = colmap ? colmap[i] : i) >= 0 && values[k] != NULL)
			v = values[k];
		n = strlen(v);
		/* Keep a spreadsheet from running what a person typed: the
		 * apostrophe goes inside the quotes, as part of the value. */
		if (k >= 0 && (fu_text_columns[t] & 1u << k) &&
		    fu_formula_guarded(v, n)) {
			char *g = malloc(n + 2);
			int rc;

			if (g == NULL)
				return -1;
			g[0] = '\'';
			memcpy(g + 1, v, n + 1);
			rc = d->tsv ? fu_field_tsv(b, g, n + 1) : fu_field_csv(b, d, g,
			    n + 1);
			free(g);
			if (rc == -1)
				return -1;
			continue;
		}
		if ((d->tsv ? fu_field_tsv(b, v, n) : fu_field_csv(b, d, v, n)) == -1)
			return -1;
	}
	return fu_buf_add(b, eol(d), strlen(eol(d)));
}

static int
header_format(struct fu_buf *b, const struct fu_dialect *d, enum fu_table t)
{
	return fu_row_format(b, d, NULL, fu_ncolumns[t], t, fu_columns[t]);
}

/* Makes DIR and any missing parents; the portfolio itself 0700. */
static int
make_dir(const char *dir, struct fu_err *e)
{
	char path[4096];
	char *p;
	struct stat st;

	if (stat(dir, &st) == 0)
		return S_ISDIR(st.st_mode) ? 0 : fu_err_io(e, dir, ENOTDIR,
		    _("cannot make the portfolio"));
	snprintf(path, sizeof(path), "%s", dir);
	for (p = path + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0700) == -1 && errno != EEXIST)
			return fu_err_io(e, path, errno, _("cannot make the "
			    "portfolio"));
		*p = '/';
	}
	if (mkdir(dir, 0700) == -1 && errno != EEXIST)
		return fu_err_io(e, dir, errno, _("cannot make the portfolio"));
	/* Personal data: 0700 whatever the umask. */
	if (chmod(dir, 0700) == -1)
		return fu_err_io(e, dir, errno, _("cannot make the portfolio"));
	return 0;
}

int
fu_txn_begin(struct fu_portfolio *pf, struct fu_err *e)
{
	struct fu_txn *x;
	int t, fd;

	if (make_dir(pf->dir, e) == -1)
		return -1;
	if ((fd = fu_lock(pf->dir, 1, e)) == -1)
		return -1;
	if ((x = calloc(1, sizeof(*x))) == NULL) {
		fu_unlock(fd);
		return fu_err_io(e, pf->dir, ENOMEM, _("cannot write"));
	}
	pf->lockfd = fd;
	pf->txn = x;
	/* Sizes and headers as they are now that no one else writes. */
	if (fu_portfolio_snap(pf, e) == -1)
		goto fail;
	for (t = 0; t < FU_NTABLES; t++) {
		if (!pf->t[t].exists)
			continue;
		if (fu_table_read(&pf->t[t], (enum fu_table)t, &x->hdr[t], 1,
		    NULL, NULL, e) == -1)
			goto fail;
		x->has_hdr[t] = x->hdr[t].ncols > 0;
	}
	return 0;
fail:
	fu_txn_abort(pf);
	return -1;
}

int
fu_txn_add(struct fu_portfolio *pf, enum fu_table t, const char *const *values,
    struct fu_err *e)
{
	struct fu_txn *x = pf->txn;

	if (x == NULL)
		return fu_err_io(e, pf->t[t].name, EINVAL, _("cannot write"));
	if (x->has_hdr[t] ? fu_row_format(&x->rows[t], &pf->t[t].dialect,
	    x->hdr[t].colmap, x->hdr[t].ncols, t, values) : fu_row_format(
	    &x->rows[t], &pf->t[t].dialect, NULL, fu_ncolumns[t], t, values))
		return fu_err_io(e, pf->t[t].name, ENOMEM, _("cannot write"));
	return 0;
}

/* Writes all of buf, or fails with errno set (a short write is ENOSPC). */
static int
write_all(int fd, const char *p, size_t n)
{
	ssize_t w;

	while (n > 0) {
		if ((w = write(fd, p, n)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (w == 0) {
			errno = ENOSPC;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Creates a table whole: header and rows in a temporary file, renamed. */
static int
create_table(struct fu_portfolio *pf, enum fu_table t, struct fu_err *e)
{
	struct fu_table_file *tf = &pf->t[t];
	struct fu_buf b = { 0 };
	char tmp[4200];
	int fd, saved;

	snprintf(tmp, sizeof(tmp), "%s/.%s.XXXXXX", pf->dir, tf->name);
	if ((fd = mkstemp(tmp)) == -1)
		return fu_err_io(e, tf->name, errno, _("cannot create"));
	if (fchmod(fd, 0600) == -1 || header_format(&b, &tf->dialect, t) ==
	    -1 || fu_buf_add(&b, pf->txn->rows[t].p ? pf->txn->rows[t].p : "",
	    pf->txn->rows[t].len) == -1 || write_all(fd, b.p, b.len) == -1 ||
	    fsync(fd) == -1 || close(fd) == -1) {
		saved = errno;
		close(fd);
		unlink(tmp);
		fu_buf_free(&b);
		return fu_err_io(e, tf->name, saved, _("cannot create"));
	}
	fu_buf_free(&b);
	if (rename(tmp, tf->path) == -1) {
		saved = errno;
		unlink(tmp);
		return fu_err_io(e, tf->name, saved, _("cannot create"));
	}
	/* The new name must survive a crash too. */
	if ((fd = open(pf->dir, O_RDONLY | O_CLOEXEC)) >= 0) {
		(void)fsync(fd);
		close(fd);
	}
	return 0;
}

static void
cut_back(struct fu_portfolio *pf, enum fu_table t, int created, off_t old)
{
	int fd;

	if (created) {
		unlink(pf->t[t].path);
		return;
	}
	if ((fd = open(pf->t[t].path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)) >=
	    0) {
		if (ftruncate(fd, old) == 0)
			(void)fsync(fd);
		close(fd);
	}
}

/* Appends queued rows; *old gets the length to cut back to. */
static int
append_table(struct fu_portfolio *pf, enum fu_table t, off_t *old,
    struct fu_err *e)
{
	struct fu_table_file *tf = &pf->t[t];
	struct fu_txn *x = pf->txn;
	struct fu_buf b = { 0 };
	struct stat st;
	char last = '\n';
	int fd, saved;

	if ((fd = open(tf->path, O_WRONLY | O_APPEND | O_NOFOLLOW |
	    O_CLOEXEC)) == -1) {
		if (errno == ELOOP)
			return fu_err_io(e, tf->name, 0, _("is a symbolic "
			    "link; fu refuses to follow it"));
		return fu_err_io(e, tf->name, errno, _("cannot append"));
	}
	/* st is unset when fstat fails: then its errno is the one to tell. */
	saved = 0;
	if (fstat(fd, &st) == -1)
		saved = errno;
	else if (!S_ISREG(st.st_mode))
		saved = EISDIR;
	if (saved != 0) {
		close(fd);
		return fu_err_io(e, tf->name, saved, _("cannot append"));
	}
	*old = st.st_size;
	if (st.st_size > 0) {
		int rfd = open(tf->path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);

		if (rfd == -1 || pread(rfd, &last, 1, st.st_size - 1) != 1) {
			saved = errno;
			if (rfd != -1)
				close(rfd);
			close(fd);
			return fu_err_io(e, tf->name, saved, _("cannot read"));
		}
		close(rfd);
	}
	/* A hand-edited file may lack its last line end: add it first; a
	 * file that is only a byte order mark has no line to end.  In a file
	 * of CR line ends, a CR is one. */
	if (last != '\n' && !(last == '\r' && tf->dialect.cr) &&
	    !(tf->bom && st.st_size == 3) && fu_buf_add(&b, eol(&tf->dialect),
	    strlen(eol(&tf->dialect))) == -1)
		goto fail;
	if (!x->has_hdr[t] && header_format(&b, &tf->dialect, t) == -1)
		goto fail;
	if (fu_buf_add(&b, x->rows[t].p, x->rows[t].len) == -1)
		goto fail;
	if (write_all(fd, b.p, b.len) == -1 || fsync(fd) == -1)
		goto fail;
	if (close(fd) == -1) {
		fd = -1;
		goto fail;
	}
	fu_buf_free(&b);
	return 0;
fail:
	saved = errno;
	if (fd >= 0)
		close(fd);
	fu_buf_free(&b);
	cut_back(pf, t, 0, st.st_size);
	fu_err_io(e, tf->name, saved, _("cannot append"));
	e->unwritten = 1;
	return -1;
}

int
fu_txn_commit(struct fu_portfolio *pf, struct fu_err *e)
{
	struct fu_txn *x = pf->txn;
	off_t old[FU_NTABLES] = { 0 };
	int done[FU_NTABLES] = { 0 }, created[FU_NTABLES] = { 0 };
	int t, u;

	if (x == NULL)
		return fu_err_io(e, pf->dir, EINVAL, _("cannot write"));
	for (t = 0; t < FU_NTABLES; t++) {
		int rc;

		if (!pf->t[t].exists) {
			rc = create_table(pf, (enum fu_table)t, e);
			created[t] = 1;
		} else if (x->rows[t].len > 0)
			rc = append_table(pf, (enum fu_table)t, &old[t], e);
		else
			continue;
		if (rc == -1) {
			for (u = 0; u < t; u++)
				if (done[u])
					cut_back(pf, (enum fu_table)u,
					    created[u], old[u]);
			e->unwritten = 1;
			fu_txn_abort(pf);
			return -1;
		}
		done[t] = 1;
	}
	fu_txn_abort(pf);
	return 0;
}

void
fu_txn_abort(struct fu_portfolio *pf)
{
	int t;

	if (pf->txn != NULL) {
		for (t = 0; t < FU_NTABLES; t++) {
			fu_header_free(&pf->txn->hdr[t]);
			fu_buf_free(&pf->txn->rows[t]);
		}
		free(pf->txn);
		pf->txn = NULL;
	}
	if (pf->lockfd >= 0) {
		fu_unlock(pf->lockfd);
		pf->lockfd = -1;
	}
}
