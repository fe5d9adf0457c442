/*
 * journal.c - a commit that writes to more than one table first writes
 * DIR/.fu-journal: each table's name, length before, and the bytes it is
 * about to get.  A run killed between two tables leaves the journal, and
 * the next writer, under the lock, takes back what was done, unless all of
 * it was: otherwise an agreement would name as its contact a log row that
 * never came, and the next fu-log would give that id to another contact.
 * Only bytes the journal holds, still at the end of their table, are ever
 * cut; a table that changed otherwise is left as it is.
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
	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW |
	    O_CLOEXEC, 0600)) == -1 || fu_write_all(fd, j.p, j.len) == -1 ||
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
}

enum done { UNTOUCHED, APPLIED, CHANGED };

/* How far a killed commit got with one table: path's length was old, and
 * it was to get the n bytes at want. */
static enum done
done(const char *path, int created, off_t old, const char *want, size_t n)
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

int
fu_journal_recover(struct fu_portfolio *pf, struct fu_err *e)
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
	size_t len, i, nent = 0, untouched = 0, applied = 0, magic;
	int t, created, used, rc = 0;
	long long old;
	unsigned long long n;

	journal_path(pf, path, sizeof(path));
	e->code = 0;
	if ((j = journal_read(path, &len, e)) == NULL)
		return e->code != 0 ? -1 : 0;
	end = j + len;
	magic = strlen(MAGIC);
	/* A journal cut short (its writer killed before it was complete)
	 * touched no table: it is only removed. */
	if (len < magic || memcmp(j, MAGIC, magic) != 0)
		goto done;
	p = j + magic;
	while (p < end && (size_t)(end - p) > 4 && nent < FU_NTABLES) {
		char *nl = memchr(p, '\n', (size_t)(end - p));

		/* The bytes start right after the line's own line end. */
		if (nl == NULL || nl - p >= (ptrdiff_t)sizeof(line))
			goto done;
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
		ent[i].d = done(pf->t[ent[i].t].path, ent[i].created,
		    (off_t)ent[i].old, ent[i].bytes, ent[i].n);
		untouched += ent[i].d == UNTOUCHED;
		applied += ent[i].d == APPLIED;
	}
	/* Half done and nothing else changed: undone. */
	if (untouched > 0 && untouched + applied == nent && applied > 0) {
		for (i = 0; i < nent; i++)
			if (ent[i].d == APPLIED)
				(void)fu_cut_back(pf->t[ent[i].t].path,
				    ent[i].created, (off_t)ent[i].old);
		rc = 1;
	}
done:
	free(j);
	if (unlink(path) == -1 && errno != ENOENT)
		return fu_err_io(e, path, errno, _("cannot remove"));
	fu_sync_dir(pf->dir);
	return rc;
}
