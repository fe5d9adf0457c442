/*
 * journal.c - a commit first writes DIR/.fu-journal: each table's name,
 * its length before, and the bytes it is about to get.  A run killed
 * before the commit is whole leaves the journal, and the next writer,
 * under the lock, takes back what was done, unless all of it was:
 * otherwise an agreement would name as its contact a log row that never
 * came, and a row cut half-way would make the table unreadable.  Only
 * bytes the journal holds, still at the end of their table, are ever cut;
 * a table that changed otherwise is left as it is.  A reader that finds a
 * journal (its writer was killed) reads the tables as they were before.
 */
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "priv.h"

#define JOURNAL ".fu-journal"
#define MAGIC "fu-journal 1\n"

static void
journal_path(const struct fu_portfolio *pf, char *path, size_t size)
{
	snprintf(path, size, "%s/%s", pf->dir, JOURNAL);
}

int
fu_journal_write(struct fu_portfolio *pf, const struct fu_journal_entry *v,
    int n, struct fu_err *e)
{
	struct fu_buf j = { 0 };
	char path[4200], line[160];
	int fd = -1, i, saved;

	journal_path(pf, path, sizeof(path));
	if (fu_buf_str(&j, MAGIC) == -1)
		goto nomem;
	for (i = 0; i < n; i++) {
		snprintf(line, sizeof(line), "%s %d %lld %zu\n",
		    pf->t[v[i].table].name, v[i].created, (long long)v[i].old,
		    v[i].len);
		if (fu_buf_str(&j, line) == -1 ||
		    fu_buf_add(&j, v[i].bytes, v[i].len) == -1)
			goto nomem;
	}
	if (fu_buf_str(&j, "end\n") == -1)
		goto nomem;
	/* Made afresh: the writer removed any journal before, under the
	 * lock, so one there now is not fu's. */
	if ((fd = fu_file_create(path, e)) == -1) {
		fu_buf_free(&j);
		return -1;
	}
	if (fu_write_all(fd, j.p, j.len) == -1 || fsync(fd) == -1) {
		saved = errno;
		close(fd);
		unlink(path);
		fu_buf_free(&j);
		return fu_err_io(e, path, saved, _("cannot write"));
	}
	fu_buf_free(&j);
	if (close(fd) == -1) {
		saved = errno;
		unlink(path);
		return fu_err_io(e, path, saved, _("cannot write"));
	}
	fu_sync_dir(pf->dir);
	return 0;
nomem:
	fu_buf_free(&j);
	return fu_err_nomem(e);
}

void
fu_journal_remove(struct fu_portfolio *pf)
{
	char path[4200];

	journal_path(pf, path, sizeof(path));
	(void)unlink(path);
	fu_sync_dir(pf->dir);
}

/* How far a killed commit got with one table. */
enum done {
	UNTOUCHED,	/* none of its bytes (another program may have
			 * appended rows since) */
	PARTIAL,	/* some of its bytes, cut short */
	APPLIED,	/* all of its bytes, and nothing after */
	APPLIED_MORE,	/* all of its bytes, then another program's rows:
			 * not to be cut, so the commit is made whole */
	CHANGED		/* anything else: not fu's to touch */
};

struct entry {
	int t, created;
	long long old;
	const char *bytes;
	size_t n;
	enum done d;
};

/* How far a killed commit got with a table at path: its length was old,
 * and it was to get the n bytes at want. */
static enum done
done(const char *path, int created, off_t old, const char *want, size_t n)
{
	struct stat st;
	char *got;
	size_t have;
	int fd;
	enum done d = CHANGED;

	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC)) == -1)
		return errno == ENOENT && created ? UNTOUCHED : CHANGED;
	/* A table made whole was renamed into place: all there, or not
	 * fu's.  An append may have been cut short: then its bytes are a
	 * prefix of the journal's.  Bytes after the old end that do not
	 * start as the journal's are another program's rows. */
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >=
	    (created ? (off_t)n : old)) {
		have = (size_t)(st.st_size - (created ? 0 : old));
		if (created && have != n)
			have = 0;	/* CHANGED */
		else if (have == 0)
			d = UNTOUCHED;
		if (have > 0 && (got = malloc((have < n ? have : n) + 1)) !=
		    NULL) {
			size_t k = have < n ? have : n;

			if (pread(fd, got, k, created ? 0 : old) == (ssize_t)k) {
				if (memcmp(got, want, k) == 0)
					d = have < n ? PARTIAL : have == n ?
					    APPLIED : APPLIED_MORE;
				else if (!created && n > 0 && got[0] != want[0])
					d = UNTOUCHED;
			}
			free(got);
		}
	}
	close(fd);
	return d;
}

/* Reads a journal whole; NULL when there is none, or on an error (then
 * e->code is set). */
static char *
journal_read(const char *path, size_t *len, struct fu_err *e)
{
	struct stat st;
	char *p = NULL;
	ssize_t got;
	size_t have = 0;
	int fd;

	*len = 0;
	if ((fd = fu_file_open(path, e)) == -1)
		return NULL;
	if (fstat(fd, &st) == -1 || st.st_size > (off_t)1 << 30 ||
	    (p = malloc((size_t)st.st_size + 1)) == NULL) {
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

/* Parses a journal and judges each of its tables; returns how many, 0 for
 * a journal cut short (its writer was killed before any table was
 * touched), which is only to be removed. */
static size_t
judge(struct fu_portfolio *pf, char *j, size_t len, struct entry *ent)
{
	char name[64], line[160], *p, *end = j + len;
	size_t nent = 0, magic = strlen(MAGIC);
	int t, created, used;
	long long old;
	unsigned long long n;

	if (len < magic || memcmp(j, MAGIC, magic) != 0)
		return 0;
	p = j + magic;
	while (p < end && (size_t)(end - p) > 4 && nent < FU_NTABLES) {
		char *nl = memchr(p, '\n', (size_t)(end - p));

		/* The bytes start right after the line's own line end. */
		if (nl == NULL || nl - p >= (ptrdiff_t)sizeof(line))
			return 0;
		memcpy(line, p, (size_t)(nl - p));
		line[nl - p] = '\0';
		used = 0;
		if (sscanf(line, "%63s %d %lld %llu%n", name, &created, &old,
		    &n, &used) != 4 || line[used] != '\0' || old < 0 ||
		    n > (size_t)(end - nl - 1))
			return 0;
		used = (int)(nl - p) + 1;
		for (t = 0; t < FU_NTABLES; t++)
			if (strcmp(pf->t[t].name, name) == 0)
				break;
		if (t == FU_NTABLES)
			return 0;
		ent[nent].t = t;
		ent[nent].created = created != 0;
		ent[nent].old = old;
		ent[nent].bytes = p + used;
		ent[nent].n = (size_t)n;
		nent++;
		p += used + n;
	}
	if ((size_t)(end - p) != 4 || memcmp(p, "end\n", 4) != 0)
		return 0;
	for (t = 0; t < (int)nent; t++)
		ent[t].d = done(pf->t[ent[t].t].path, ent[t].created,
		    (off_t)ent[t].old, ent[t].bytes, ent[t].n);
	return nent;
}

/* Whether the commit is to be made whole rather than taken back: a
 * table got all its bytes and then another program's rows, so they
 * cannot be cut, and the others are fu's to finish. */
static int
completes(const struct entry *ent, size_t nent)
{
	size_t k, more = 0;

	for (k = 0; k < nent; k++) {
		if (ent[k].d == CHANGED || (ent[k].created && ent[k].d !=
		    APPLIED))
			return 0;
		more += ent[k].d == APPLIED_MORE;
	}
	return more > 0;
}

/* Whether a table's bytes of a commit are to be taken back: all of them
 * when the commit is not whole and nothing else changed; a row cut short
 * in any case (it is the journal's, and no one can read it). */
static int
takes_back(const struct entry *ent, size_t nent, size_t i)
{
	size_t k, applied = 0, changed = 0;

	if (completes(ent, nent))
		return 0;
	for (k = 0; k < nent; k++) {
		applied += ent[k].d == APPLIED || ent[k].d == APPLIED_MORE;
		changed += ent[k].d == CHANGED || ent[k].d == APPLIED_MORE;
	}
	if (ent[i].d == PARTIAL)
		return 1;
	return ent[i].d == APPLIED && applied < nent && changed == 0;
}

/* Appends what a table did not get of the commit's bytes. */
static int
finish(const char *path, const struct entry *x)
{
	struct stat st;
	size_t have = 0;
	int fd;

	if ((fd = open(path, O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC)) ==
	    -1)
		return -1;
	if (x->d == PARTIAL && fstat(fd, &st) == 0)
		have = (size_t)(st.st_size - x->old);
	return fu_close_after(fd, fu_write_all(fd, x->bytes + have, x->n -
	    have) == -1 || fsync(fd) == -1 ? -1 : 0);
}

int
fu_journal_recover(struct fu_portfolio *pf, struct fu_err *e)
{
	struct entry ent[FU_NTABLES];
	char path[4200], *j;
	size_t len, i, nent;
	int rc = 0;

	journal_path(pf, path, sizeof(path));
	e->code = 0;
	if ((j = journal_read(path, &len, e)) == NULL)
		return e->code != 0 ? -1 : 0;
	nent = judge(pf, j, len, ent);
	for (i = 0; i < nent && completes(ent, nent); i++) {
		if (ent[i].d != UNTOUCHED && ent[i].d != PARTIAL)
			continue;
		if (finish(pf->t[ent[i].t].path, &ent[i]) == -1) {
			free(j);
			return fu_err_io(e, pf->t[ent[i].t].name, errno,
			    _("cannot finish what a killed command left half "
			    "written"));
		}
		rc = 1;
	}
	for (i = 0; i < nent; i++) {
		if (!takes_back(ent, nent, i))
			continue;
		if (fu_cut_back(pf->t[ent[i].t].path, ent[i].created,
		    (off_t)ent[i].old) == -1) {
			/* The journal stays, for the next writer to try. */
			free(j);
			return fu_err_io(e, pf->t[ent[i].t].name, errno,
			    _("cannot take back what a killed command left "
			    "half written"));
		}
		rc = 1;
	}
	free(j);
	if (unlink(path) == -1 && errno != ENOENT)
		return fu_err_io(e, path, errno, _("cannot remove"));
	fu_sync_dir(pf->dir);
	return rc;
}

int
fu_journal_verdict(struct fu_portfolio *pf, struct fu_err *e)
{
	struct entry ent[FU_NTABLES];
	char path[4200], *j;
	size_t len, i, nent;

	journal_path(pf, path, sizeof(path));
	e->code = 0;
	if ((j = journal_read(path, &len, e)) == NULL)
		return e->code != 0 ? -1 : 0;
	nent = judge(pf, j, len, ent);
	pf->unfinished = completes(ent, nent);
	for (i = 0; i < nent; i++) {
		struct fu_table_file *tf = &pf->t[ent[i].t];

		if (!takes_back(ent, nent, i))
			continue;
		/* Read as before the commit that was not made. */
		if (ent[i].created)
			tf->exists = 0;
		else if (tf->snap > ent[i].old)
			tf->snap = ent[i].old;
	}
	free(j);
	return 0;
}
