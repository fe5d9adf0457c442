/*
 * write.c - the one writer.  Files are the user's: fu only appends whole
 * rows, in the file's own dialect, under the portfolio's exclusive lock.
 * Each table's rows go out in one write(2) and are fsync'ed; if anything
 * fails, every table touched is cut back to the length it had, and a table
 * created whole (written to a 0600 temporary file, then renamed) is
 * removed again.  Rows for two tables are announced in a journal first, so
 * that a run killed between them is taken back by the next writer.
 */
#include <dirent.h>
#include <errno.h>
#include <stddef.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
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

static int journal_recover(struct fu_portfolio *, struct fu_err *);

/* The names create_table gives its temporary files, but the last six. */
static const char *const table_temps[] = {
	".clients.csv.", ".clients.tsv.", ".agreements.csv.",
	".agreements.tsv.", ".log.csv.", ".log.tsv."
};

/* Removes the temporary files a killed run left in dir, in one pass over
 * it: regular files named one of the prefixes and six characters
 * (mkstemp's), last changed before before (0: whatever their age).  Best
 * effort. */
void
fu_sweep(const char *dir, const char *const *prefix, int nprefix,
    time_t before)
{
	char path[4200];
	struct dirent *d;
	struct stat st;
	size_t n;
	DIR *dp;
	int i;

	if ((dp = opendir(dir)) == NULL)
		return;
	while ((d = readdir(dp)) != NULL)
		for (i = 0; i < nprefix; i++) {
			n = strlen(prefix[i]);
			if (strncmp(d->d_name, prefix[i], n) != 0 ||
			    strlen(d->d_name) != n + 6)
				continue;
			snprintf(path, sizeof(path), "%s/%s", dir, d->d_name);
			if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) &&
			    (before == 0 || st.st_mtime < before))
				(void)unlink(path);
			break;
		}
	closedir(dp);
}

int
fu_txn_begin(struct fu_portfolio *pf, struct fu_err *e)
{
	struct fu_txn *x;
	int t, fd, rc;

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
	/* Sizes and headers as they are now that no one else writes, once
	 * a commit a killed run left half done is taken back. */
	if (fu_portfolio_snap(pf, e) == -1 || (rc = journal_recover(pf, e)) ==
	    -1 || (rc == 1 && fu_portfolio_snap(pf, e) == -1))
		goto fail;
	/* Only a writer makes a table's temporary file, under this lock: one
	 * found now is a killed run's. */
	fu_sweep(pf->dir, table_temps, (int)(sizeof(table_temps) /
	    sizeof(table_temps[0])), 0);
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

/* Makes a name made or removed in dir survive a crash; best effort, as
 * some file systems refuse fsync on a directory. */
static void
sync_dir(const char *dir)
{
	int fd;

	if ((fd = open(dir, O_RDONLY | O_CLOEXEC)) >= 0) {
		(void)fsync(fd);
		close(fd);
	}
}

/* A table's part of a commit: what it gets, and the length it had. */
struct plan {
	int touched, created;
	int fd;			/* open for appending, or -1 */
	off_t old;
	struct fu_buf b;	/* for a new table, the whole of it */
};

/* Plans a new table: its header and rows. */
static int
plan_create(struct fu_portfolio *pf, enum fu_table t, struct plan *pl,
    struct fu_err *e)
{
	pl->created = 1;
	if (header_format(&pl->b, &pf->t[t].dialect, t) == -1 ||
	    fu_buf_add(&pl->b, pf->txn->rows[t].p ? pf->txn->rows[t].p : "",
	    pf->txn->rows[t].len) == -1)
		return fu_err_io(e, pf->t[t].name, ENOMEM, _("cannot create"));
	return 0;
}

/* Plans an append: opens the table, and puts before the rows a line end
 * or a header the file lacks. */
static int
plan_append(struct fu_portfolio *pf, enum fu_table t, struct plan *pl,
    struct fu_err *e)
{
	struct fu_table_file *tf = &pf->t[t];
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
	    !(tf->bom && st.st_size == 3) && fu_buf_add(&pl->b,
	    eol(&tf->dialect), strlen(eol(&tf->dialect))) == -1) ||
	    (!pf->txn->has_hdr[t] && header_format(&pl->b, &tf->dialect, t) ==
	    -1) || fu_buf_add(&pl->b, pf->txn->rows[t].p, pf->txn->rows[t].len)
	    == -1)
		return fu_err_io(e, tf->name, ENOMEM, _("cannot append"));
	return 0;
}

/* Creates a table whole: header and rows in a temporary file, renamed. */
static int
create_table(struct fu_portfolio *pf, enum fu_table t, const struct plan *pl,
    struct fu_err *e)
{
	struct fu_table_file *tf = &pf->t[t];
	char tmp[4200];
	int fd, saved;

	snprintf(tmp, sizeof(tmp), "%s/.%s.XXXXXX", pf->dir, tf->name);
	if ((fd = mkstemp(tmp)) == -1)
		return fu_err_io(e, tf->name, errno, _("cannot create"));
	if (fchmod(fd, 0600) == -1 || write_all(fd, pl->b.p, pl->b.len) == -1 ||
	    fsync(fd) == -1 || close(fd) == -1) {
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
	sync_dir(pf->dir);	/* the new name must survive a crash too */
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

/* Appends what was planned, in one write, and makes it durable. */
static int
append_table(struct fu_portfolio *pf, enum fu_table t, struct plan *pl,
    struct fu_err *e)
{
	int fd = pl->fd, saved;

	pl->fd = -1;
	if (write_all(fd, pl->b.p, pl->b.len) == -1 || fsync(fd) == -1) {
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
	cut_back(pf, t, 0, pl->old);
	return fu_err_io(e, pf->t[t].name, saved, _("cannot append"));
}

/*
 * The journal.  A commit that writes to more than one table first writes
 * DIR/.fu-journal: each table's name, length before, and the bytes it is
 * about to get.  A run killed between two tables leaves the journal, and
 * the next writer, under the lock, takes back what was done, unless all of
 * it was: otherwise an agreement would name as its contact a log row that
 * never came, and the next fu-log would give that id to another contact.
 * Only bytes the journal holds, still at the end of their table, are ever
 * cut; a table that changed otherwise is left as it is.
 */
#define JOURNAL ".fu-journal"

static int
journal_write(struct fu_portfolio *pf, const struct plan *pl,
    struct fu_err *e)
{
	struct fu_buf j = { 0 };
	char path[4200], line[160];
	int fd = -1, t, saved;

	snprintf(path, sizeof(path), "%s/%s", pf->dir, JOURNAL);
	if (fu_buf_add(&j, "fu-journal 1\n", 13) == -1)
		goto nomem;
	for (t = 0; t < FU_NTABLES; t++) {
		if (!pl[t].touched)
			continue;
		snprintf(line, sizeof(line), "%s %d %lld %zu\n", pf->t[t].name,
		    pl[t].created, (long long)pl[t].old, pl[t].b.len);
		if (fu_buf_add(&j, line, strlen(line)) == -1 ||
		    fu_buf_add(&j, pl[t].b.p, pl[t].b.len) == -1)
			goto nomem;
	}
	if (fu_buf_add(&j, "end\n", 4) == -1)
		goto nomem;
	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW |
	    O_CLOEXEC, 0600)) == -1 || write_all(fd, j.p, j.len) == -1 ||
	    fsync(fd) == -1) {
		saved = errno;
		if (fd != -1) {
			close(fd);
			unlink(path);
		}
		fu_buf_free(&j);
		return fu_err_io(e, path, saved, _("cannot write"));
	}
	fu_buf_free(&j);
	if (close(fd) == -1) {
		saved = errno;
		unlink(path);
		return fu_err_io(e, path, saved, _("cannot write"));
	}
	sync_dir(pf->dir);
	return 0;
nomem:
	fu_buf_free(&j);
	return fu_err_io(e, path, ENOMEM, _("cannot write"));
}

enum done { UNTOUCHED, APPLIED, CHANGED };

/* How far a killed commit got with one table: path's length was old, and
 * it was to get the n bytes at want. */
static enum done
journal_done(const char *path, int created, off_t old, const char *want,
    size_t n)
{
	struct stat st;
	char *got;
	int fd;
	enum done d = CHANGED;

	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) == -1)
		return errno == ENOENT && created ? UNTOUCHED : CHANGED;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
		if (!created && st.st_size == old)
			d = UNTOUCHED;
		else if (st.st_size == old + (off_t)n && (got = malloc(n + 1)) !=
		    NULL) {
			if (pread(fd, got, n, old) == (ssize_t)n &&
			    memcmp(got, want, n) == 0)
				d = APPLIED;
			free(got);
		}
	}
	close(fd);
	return d;
}

/* Reads a journal whole; NULL when there is none.  A journal cut short
 * (its writer killed before it was complete) touched no table. */
static char *
journal_read(const char *path, size_t *len, struct fu_err *e)
{
	struct stat st;
	char *p = NULL;
	ssize_t got;
	size_t have = 0;
	int fd;

	*len = 0;
	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) == -1) {
		if (errno != ENOENT)
			fu_err_io(e, path, errno, _("cannot read"));
		return NULL;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) || st.st_size >
	    (off_t)1 << 30 || (p = malloc((size_t)st.st_size + 1)) == NULL) {
		fu_err_io(e, path, errno ? errno : EINVAL, _("cannot read"));
		close(fd);
		return NULL;
	}
	while (have < (size_t)st.st_size && (got = read(fd, p + have,
	    (size_t)st.st_size - have)) != 0) {
		if (got == -1 && errno == EINTR)
			continue;
		if (got == -1) {
			fu_err_io(e, path, errno, _("cannot read"));
			free(p);
			close(fd);
			return NULL;
		}
		have += (size_t)got;
	}
	close(fd);
	p[have] = '\0';
	*len = have;
	return p;
}

/* Takes back a killed commit, if one is left; 1 when a table changed. */
static int
journal_recover(struct fu_portfolio *pf, struct fu_err *e)
{
	struct {
		int t, created;
		long long old;
		const char *bytes;
		size_t n;
		enum done d;
	} ent[FU_NTABLES];
	char path[4200], name[64], line[160];
	char *j, *p, *end;
	size_t len, i, nent = 0, untouched = 0, applied = 0;
	int t, created, used, rc = 0;
	long long old;
	unsigned long long n;

	snprintf(path, sizeof(path), "%s/%s", pf->dir, JOURNAL);
	e->code = 0;
	if ((j = journal_read(path, &len, e)) == NULL)
		return e->code != 0 ? -1 : 0;
	end = j + len;
	if (len < 13 || memcmp(j, "fu-journal 1\n", 13) != 0)
		goto done;
	p = j + 13;
	while (p < end && (size_t)(end - p) > 4 && nent < FU_NTABLES) {
		char *nl = memchr(p, '\n', (size_t)(end - p));

		/* The bytes start right after the line's own line end. */
		if (nl == NULL || nl - p >= (ptrdiff_t)sizeof(line))
			goto done;	/* cut short: no table was touched */
		memcpy(line, p, (size_t)(nl - p));
		line[nl - p] = '\0';
		used = 0;
		if (sscanf(line, "%63s %d %lld %llu%n", name, &created, &old,
		    &n, &used) != 4 || line[used] != '\0' || old < 0 ||
		    n > (size_t)(end - nl - 1))
			goto done;
		used = (int)(nl - p) + 1;
		for (t = 0; t < FU_NTABLES; t++)
			if (strcmp(pf->t[t].name, name) == 0)
				break;
		if (t == FU_NTABLES)
			goto done;
		ent[nent].t = t;
		ent[nent].created = created != 0;
		ent[nent].old = old;
		ent[nent].bytes = p + used;
		ent[nent].n = (size_t)n;
		nent++;
		p += used + n;
	}
	if ((size_t)(end - p) != 4 || memcmp(p, "end\n", 4) != 0)
		goto done;
	for (i = 0; i < nent; i++) {
		ent[i].d = journal_done(pf->t[ent[i].t].path, ent[i].created,
		    (off_t)ent[i].old, ent[i].bytes, ent[i].n);
		untouched += ent[i].d == UNTOUCHED;
		applied += ent[i].d == APPLIED;
	}
	/* Half done and nothing else changed: undone. */
	if (untouched > 0 && untouched + applied == nent && applied > 0) {
		for (i = 0; i < nent; i++)
			if (ent[i].d == APPLIED)
				cut_back(pf, (enum fu_table)ent[i].t,
				    ent[i].created, (off_t)ent[i].old);
		rc = 1;
	}
done:
	free(j);
	if (unlink(path) == -1 && errno != ENOENT)
		return fu_err_io(e, path, errno, _("cannot remove"));
	sync_dir(pf->dir);
	return rc;
}

int
fu_txn_commit(struct fu_portfolio *pf, struct fu_err *e)
{
	struct fu_txn *x = pf->txn;
	struct plan pl[FU_NTABLES];
	char path[4200];
	int t, u, n = 0, began = 0, journal = 0, rc = -1;

	if (x == NULL)
		return fu_err_io(e, pf->dir, EINVAL, _("cannot write"));
	memset(pl, 0, sizeof(pl));
	for (t = 0; t < FU_NTABLES; t++)
		pl[t].fd = -1;
	/* Everything is opened and planned before anything is written. */
	for (t = 0; t < FU_NTABLES; t++) {
		if (pf->t[t].exists && x->rows[t].len == 0)
			continue;
		pl[t].touched = 1;
		n += x->rows[t].len > 0;
		began |= pf->t[t].exists;
		if ((pf->t[t].exists ? plan_append(pf, (enum fu_table)t, &pl[t],
		    e) : plan_create(pf, (enum fu_table)t, &pl[t], e)) == -1)
			goto out;
	}
	/* Rows in two tables may name each other: a crash between them
	 * must be undone. */
	if (n > 1) {
		began = 1;
		if (journal_write(pf, pl, e) == -1)
			goto out;
		journal = 1;
	}
	began = 1;
	for (t = 0; t < FU_NTABLES; t++) {
		if (!pl[t].touched)
			continue;
		if ((pl[t].created ? create_table(pf, (enum fu_table)t, &pl[t],
		    e) : append_table(pf, (enum fu_table)t, &pl[t], e)) == -1) {
			for (u = 0; u < t; u++)
				if (pl[u].touched)
					cut_back(pf, (enum fu_table)u,
					    pl[u].created, pl[u].old);
			goto out;
		}
	}
	rc = 0;
out:
	/* Once all is written, a journal left behind is harmless: the next
	 * writer finds every table whole and only removes it. */
	if (journal) {
		snprintf(path, sizeof(path), "%s/%s", pf->dir, JOURNAL);
		(void)unlink(path);
	}
	for (t = 0; t < FU_NTABLES; t++) {
		if (pl[t].fd >= 0)
			close(pl[t].fd);
		fu_buf_free(&pl[t].b);
	}
	if (rc == -1 && began)
		e->unwritten = 1;
	fu_txn_abort(pf);
	return rc;
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
