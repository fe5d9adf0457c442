/*
 * file.c - file primitives of the writer and the saved state: whole
 * writes, durable names, a table cut back to its old length, the
 * portfolio directory made private, and what killed runs leave swept.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "priv.h"

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
	int fd, rc = 0, saved;

	if (created)
		return unlink(path) == -1 && errno != ENOENT ? -1 : 0;
	if ((fd = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)) == -1)
		return -1;
	if (ftruncate(fd, old) == -1 || fsync(fd) == -1)
		rc = -1;
	saved = errno;
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
