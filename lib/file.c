/*
 * file.c - file primitives of the writer and the saved state: the files
 * fu makes in the portfolio (made exclusively, used only when they are
 * regular files of the user's, opened without blocking, so that no one
 * else's file or FIFO can be slipped in), whole writes, durable names, a
 * table cut back to its old length, the portfolio directory made private,
 * and what killed runs leave swept.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "priv.h"

static int
not_regular(struct fu_err *e, const char *path)
{
	return fu_err_io(e, path, 0, _("is not a regular file; fu made no "
	    "such thing: remove it"));
}

int
fu_err_open(struct fu_err *e, const char *path, int errnum, const char *what)
{
	/* O_NOFOLLOW met a link: not a file fu made. */
	if (errnum == ELOOP)
		return not_regular(e, path);
	return fu_err_io(e, path, errnum, what);
}

/* Whether fd is a regular file of the user's; -1 and an error if not. */
static int
ours(int fd, const char *path, struct fu_err *e)
{
	struct stat st;

	if (fstat(fd, &st) == -1)
		return fu_err_io(e, path, errno, _("cannot read"));
	if (!S_ISREG(st.st_mode))
		return not_regular(e, path);
	if (st.st_uid != geteuid())
		return fu_err_io(e, path, 0, _("belongs to another user; fu "
		    "will not use it: remove it"));
	return 0;
}

int
fu_file_open(const char *path, struct fu_err *e)
{
	int fd;

	e->code = 0;
	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC)) == -1) {
		if (errno != ENOENT)
			fu_err_open(e, path, errno, _("cannot open"));
		return -1;
	}
	if (ours(fd, path, e) == -1) {
		close(fd);
		return -1;
	}
	return fd;
}

int
fu_file_create(const char *path, struct fu_err *e)
{
	int fd;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_NONBLOCK | O_CLOEXEC, 0600)) == -1) {
		if (errno == EEXIST)
			return fu_err_io(e, path, 0, _("is there already, and "
			    "not by fu's doing: remove it"));
		return fu_err_open(e, path, errno, _("cannot create"));
	}
	return fd;
}

int
fu_file_lockable(int fd, const char *path, struct fu_err *e)
{
	return ours(fd, path, e);
}

int
fu_file_regular(int fd, const char *path, struct fu_err *e)
{
	struct stat st;

	if (fstat(fd, &st) == -1)
		return fu_err_io(e, path, errno, _("cannot read"));
	return S_ISREG(st.st_mode) ? 0 : not_regular(e, path);
}

int
fu_dir_check(const char *dir, int writing, struct fu_err *e)
{
	struct stat st;
	char mode[8];

	if (stat(dir, &st) == -1 || !S_ISDIR(st.st_mode))
		return 0;	/* said elsewhere, as it always was */
	snprintf(mode, sizeof(mode), "%04o", (unsigned)st.st_mode & 07777);
	if (st.st_uid != geteuid()) {
		if (writing)
			return fu_err_io(e, dir, 0, _("belongs to another user: "
			    "fu writes only to a portfolio of yours"));
		return 0;	/* a teammate's, read with their leave */
	}
	if (!(st.st_mode & (S_IWGRP | S_IWOTH)))
		return 0;
	if (writing)
		return fu_err_io(e, dir, 0, _("can be written by others (mode "
		    "%s): they could read and change what fu writes; make it "
		    "yours alone with chmod 700 %s"), mode, dir);
	fu_warn(_("%s can be written by others (mode %s): make it yours "
	    "alone with chmod 700 %s"), dir, mode, dir);
	return 0;
}

int
fu_write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;
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

void
fu_sync_dir(const char *dir)
{
	int fd;

	if ((fd = open(dir, O_RDONLY | O_CLOEXEC)) >= 0) {
		(void)fsync(fd);
		close(fd);
	}
}

int
fu_cut_back(const char *path, int created, off_t old)
{
	int fd;

	if (created)
		return unlink(path) == -1 && errno != ENOENT ? -1 : 0;
	if ((fd = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)) == -1)
		return -1;
	return fu_close_after(fd, ftruncate(fd, old) == -1 || fsync(fd) == -1 ?
	    -1 : 0);
}

int
fu_close_after(int fd, int rc)
{
	int saved = errno;

	if (close(fd) == -1 && rc == 0)
		return -1;
	errno = saved;
	return rc;
}

int
fu_make_dir(const char *dir, struct fu_err *e)
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
fu_temp(const char *dir, const char *kind, char *path, size_t size,
    struct fu_err *e)
{
	int fd;

	snprintf(path, size, "%s/" FU_TEMP "%s.XXXXXX", dir, kind);
	if ((fd = mkstemp(path)) == -1)
		return fu_err_io(e, path, errno, _("cannot create"));
	if (fchmod(fd, 0600) == -1) {
		int saved = errno;

		close(fd);
		unlink(path);
		return fu_err_io(e, path, saved, _("cannot create"));
	}
	return fd;
}

void
fu_sweep(const char *dir, const char *kind, time_t before)
{
	char prefix[64], path[4200];
	struct dirent *d;
	struct stat st;
	size_t n;
	DIR *dp;

	snprintf(prefix, sizeof(prefix), FU_TEMP "%s.", kind);
	n = strlen(prefix);
	if ((dp = opendir(dir)) == NULL)
		return;
	/* Only names fu makes (mkstemp's six characters after the kind),
	 * only regular files of the user's. */
	while ((d = readdir(dp)) != NULL) {
		if (strncmp(d->d_name, prefix, n) != 0 ||
		    strlen(d->d_name) != n + 6)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, d->d_name);
		if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) &&
		    st.st_uid == geteuid() && (before == 0 || st.st_mtime <
		    before))
			(void)unlink(path);
	}
	closedir(dp);
}
