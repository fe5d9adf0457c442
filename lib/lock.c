/*
 * lock.c - the portfolio's lock: fcntl(2) on DIR/.lock, exclusive for the
 * one writer, shared for a moment while readers note the tables' sizes.  A
 * lock held by a process that dies is released by the kernel, so no stale
 * lock file can block the user.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "priv.h"

int
fu_lock(const char *dir, int exclusive, struct fu_err *e)
{
	char path[4200];
	struct flock fl;
	struct timespec ts = { 0, 10 * 1000 * 1000 };
	long waited = 0, limit = fu_settings()->lock_wait_ms;
	int fd;

	snprintf(path, sizeof(path), "%s/.lock", dir);
	/* Without blocking: a FIFO in its place cannot hang us. */
	if (exclusive)
		fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK |
		    O_CLOEXEC, 0600);
	else
		fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd == -1) {
		if (!exclusive && (errno == ENOENT || errno == EACCES))
			return FU_LOCK_NONE;	/* no writer yet, or not ours */
		return fu_err_open(e, path, errno, _("cannot open the lock"));
	}
	/* A writer locks a file of its own; a reader of a teammate's
	 * portfolio locks theirs, but only a regular file. */
	if (exclusive ? fu_file_lockable(fd, path, e) == -1 :
	    fu_file_regular(fd, path, e) == -1) {
		close(fd);
		return -1;
	}
	memset(&fl, 0, sizeof(fl));
	fl.l_type = exclusive ? F_WRLCK : F_RDLCK;
	fl.l_whence = SEEK_SET;
	while (fcntl(fd, F_SETLK, &fl) == -1) {
		if (errno != EACCES && errno != EAGAIN && errno != EINTR) {
			int saved = errno;

			close(fd);
			return fu_err_io(e, path, saved, _("cannot lock"));
		}
		if (waited >= limit) {
			close(fd);
			/* The language says singular or plural: 1 second. */
			return fu_err_io(e, path, 0, ngettext("another fu "
			    "command has held the portfolio for %ld second; "
			    "try again later", "another fu command has held "
			    "the portfolio for %ld seconds; try again later",
			    (unsigned long)(limit / 1000)), limit / 1000);
		}
		nanosleep(&ts, NULL);
		waited += 10;
	}
	return fd;
}

void
fu_unlock(int fd)
{
	if (fd >= 0)
		close(fd);	/* closing releases the fcntl lock */
}
