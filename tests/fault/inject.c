/*
 * inject.c - an LD_PRELOAD shim that makes the system calls fu makes on a
 * portfolio fail, one at a time, so that a test can walk every call of a
 * write path and check that each failure leaves the files as they were.
 * In the manner of jq's src/inject_errors.c and SQLite's
 * sqlite3_io_error_pending.
 *
 * A call is counted when it touches the portfolio: a path call (open,
 * openat, mkstemp, rename, stat, lstat, chmod, mkdir, unlink) whose path is
 * $FU_FAULT_DIR or under it, or an fd call (read, pread, write, pwrite,
 * fsync, fdatasync, ftruncate, close, fstat, fchmod, fcntl's locking
 * commands, and fclose of a stream on such an fd) on an fd that was opened
 * under it.  Nothing else is touched: fcntl's F_GETFL and F_SETFL, which
 * cannot fail on an open fd, are let through uncounted; a stream's writes
 * go through the C library's own write(2), out of reach, so a stream is
 * failed where its buffered writes would report a full disk, at fclose.
 *
 * Environment:
 *   FU_FAULT_DIR    the portfolio; unset, the shim does nothing.
 *   FU_FAULT_N      fail the Nth counted call (1-based); 0 or unset: none.
 *   FU_FAULT_ERRNO  the errno of the failure: ENOSPC (default), EIO, EINTR,
 *                   EACCES, EROFS, EDQUOT, ENOMEM, EPERM, EFBIG (a write
 *                   past ulimit -f, once SIGXFSZ is ignored), or a number.
 *   FU_FAULT_CALL   count only these kinds, comma-separated: open, mkstemp,
 *                   read, pread, write, pwrite, fsync, ftruncate, close,
 *                   rename, stat, lstat, fstat, fcntl, chmod, fchmod,
 *                   mkdir, unlink, fclose.  Unset: all.
 *   FU_FAULT_SHORT  1: the Nth call is not failed but made short: a write
 *                   or pwrite writes half the bytes, a read or pread
 *                   returns half of what it read (at least one byte).
 *   FU_FAULT_KILL   1: the process kills itself (SIGKILL) at the Nth call,
 *                   before making it: a crash at that very point.
 *   FU_FAULT_PERSIST 1: every counted call after the Nth fails too (a disk
 *                   that stays full or broken).
 *   FU_FAULT_COUNT  at exit, write the number of counted calls to this
 *                   file, replacing it ("stderr" for standard error).
 *   FU_FAULT_LOG    append one line per counted call to this file:
 *                   "N kind name mode [FAIL|SHORT]", where name is the path
 *                   under the portfolio ("." for the portfolio itself) and
 *                   mode is r, w or rw for fd calls and open, - otherwise.
 *
 * A failed close or fclose still closes, as Linux does; every other
 * failed call does nothing and returns -1 with the errno.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

enum kind {
	K_OPEN, K_MKSTEMP, K_READ, K_PREAD, K_WRITE, K_PWRITE, K_FSYNC,
	K_FTRUNCATE, K_CLOSE, K_RENAME, K_STAT, K_LSTAT, K_FSTAT, K_FCNTL,
	K_CHMOD, K_FCHMOD, K_MKDIR, K_UNLINK, K_FCLOSE, K_NKINDS
};
static const char *const kind_name[K_NKINDS] = {
	"open", "mkstemp", "read", "pread", "write", "pwrite", "fsync",
	"ftruncate", "close", "rename", "stat", "lstat", "fstat", "fcntl",
	"chmod", "fchmod", "mkdir", "unlink", "fclose"
};

enum act { GO, FAIL, SHORT };

#define MAXFD 4096
#define NAMELEN 96

static int inited;
static char dir[PATH_MAX];
static size_t dirlen;
static long target, count;
static unsigned kinds = ~0u;
static int fault_errno = ENOSPC;
static int shortmode, persist, broken, killmode;
static const char *countfile, *logfile;
static char fdname[MAXFD][NAMELEN];	/* "" when the fd is not tracked */
static char fdmode[MAXFD][3];

#define REAL(ret, name, args) \
	static ret (*real_##name) args; \
	static ret (*get_##name(void)) args \
	{ \
		if (real_##name == NULL) \
			*(void **)&real_##name = dlsym(RTLD_NEXT, #name); \
		return real_##name; \
	}

REAL(int, open, (const char *, int, ...))
REAL(int, open64, (const char *, int, ...))
REAL(int, openat, (int, const char *, int, ...))
REAL(int, openat64, (int, const char *, int, ...))
REAL(int, creat, (const char *, mode_t))
REAL(int, mkstemp, (char *))
REAL(int, mkostemp, (char *, int))
REAL(ssize_t, read, (int, void *, size_t))
REAL(ssize_t, pread, (int, void *, size_t, off_t))
REAL(ssize_t, pread64, (int, void *, size_t, off_t))
REAL(ssize_t, write, (int, const void *, size_t))
REAL(ssize_t, pwrite, (int, const void *, size_t, off_t))
REAL(ssize_t, pwrite64, (int, const void *, size_t, off_t))
REAL(int, fsync, (int))
REAL(int, fdatasync, (int))
REAL(int, ftruncate, (int, off_t))
REAL(int, ftruncate64, (int, off_t))
REAL(int, close, (int))
REAL(int, rename, (const char *, const char *))
REAL(int, renameat, (int, const char *, int, const char *))
REAL(int, stat, (const char *, struct stat *))
REAL(int, lstat, (const char *, struct stat *))
REAL(int, fstat, (int, struct stat *))
REAL(int, stat64, (const char *, struct stat64 *))
REAL(int, lstat64, (const char *, struct stat64 *))
REAL(int, fstat64, (int, struct stat64 *))
REAL(int, fcntl, (int, int, ...))
REAL(int, fcntl64, (int, int, ...))
REAL(int, chmod, (const char *, mode_t))
REAL(int, fchmod, (int, mode_t))
REAL(int, mkdir, (const char *, mode_t))
REAL(int, unlink, (const char *))
REAL(int, fclose, (FILE *))

static int
errno_parse(const char *s)
{
	static const struct { const char *name; int val; } t[] = {
		{ "ENOSPC", ENOSPC }, { "EIO", EIO }, { "EINTR", EINTR },
		{ "EACCES", EACCES }, { "EROFS", EROFS }, { "EDQUOT", EDQUOT },
		{ "EFBIG", EFBIG },
		{ "ENOMEM", ENOMEM }, { "EPERM", EPERM }, { "EFBIG", EFBIG },
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (strcmp(s, t[i].name) == 0)
			return t[i].val;
	return atoi(s) > 0 ? atoi(s) : ENOSPC;
}

static void
init(void)
{
	const char *s;
	int saved = errno;

	if (inited)
		return;
	inited = 1;
	if ((s = getenv("FU_FAULT_DIR")) == NULL || *s == '\0' ||
	    strlen(s) >= sizeof(dir))
		goto out;
	strcpy(dir, s);
	dirlen = strlen(dir);
	while (dirlen > 1 && dir[dirlen - 1] == '/')
		dir[--dirlen] = '\0';
	if ((s = getenv("FU_FAULT_N")) != NULL)
		target = atol(s);
	if ((s = getenv("FU_FAULT_ERRNO")) != NULL && *s != '\0')
		fault_errno = errno_parse(s);
	if ((s = getenv("FU_FAULT_CALL")) != NULL && *s != '\0') {
		char buf[256], *tok, *save;
		int k;

		kinds = 0;
		snprintf(buf, sizeof(buf), "%s", s);
		for (tok = strtok_r(buf, ",", &save); tok != NULL;
		    tok = strtok_r(NULL, ",", &save))
			for (k = 0; k < K_NKINDS; k++)
				if (strcmp(tok, kind_name[k]) == 0)
					kinds |= 1u << k;
	}
	shortmode = (s = getenv("FU_FAULT_SHORT")) != NULL && *s == '1';
	persist = (s = getenv("FU_FAULT_PERSIST")) != NULL && *s == '1';
	killmode = (s = getenv("FU_FAULT_KILL")) != NULL && *s == '1';
	countfile = getenv("FU_FAULT_COUNT");
	logfile = getenv("FU_FAULT_LOG");
out:
	errno = saved;
}

/* The path below the portfolio ("." for itself), or NULL if not in it. */
static const char *
under(const char *path, char *buf, size_t size)
{
	char cwd[PATH_MAX];

	if (path == NULL || dirlen == 0)
		return NULL;
	if (path[0] != '/') {
		if (getcwd(cwd, sizeof(cwd)) == NULL)
			return NULL;
		snprintf(buf, size, "%s/%s", cwd, path);
		path = buf;
	}
	if (strncmp(path, dir, dirlen) != 0)
		return NULL;
	if (path[dirlen] == '\0')
		return ".";
	if (path[dirlen] != '/')
		return NULL;
	path += dirlen;
	while (*path == '/')
		path++;
	return *path ? path : ".";
}

/* Writes text to file ("stderr" for standard error), appended or not. */
static void
say(const char *file, const char *text, int append)
{
	int fd, saved = errno;

	if (file == NULL || *file == '\0')
		return;
	if (strcmp(file, "stderr") == 0)
		fd = 2;
	else if ((fd = get_open()(file, O_WRONLY | O_CREAT | O_CLOEXEC |
	    (append ? O_APPEND : O_TRUNC), 0644)) == -1)
		goto out;
	(void)!get_write()(fd, text, strlen(text));
	if (fd != 2)
		get_close()(fd);
out:
	errno = saved;
}

/* Counts a call on name (mode for fds and opens) and says what to do. */
static enum act
hit(enum kind k, const char *name, const char *mode)
{
	enum act a = GO;
	char line[256];

	if (!(kinds & 1u << k))
		return GO;
	count++;
	if (broken)
		a = FAIL;
	else if (target > 0 && count == target) {
		a = shortmode ? SHORT : FAIL;
		broken = persist;
	}
	if (logfile != NULL) {
		snprintf(line, sizeof(line), "%ld %s %s %s%s\n", count,
		    kind_name[k], name, mode, a == FAIL ? killmode ? " KILL" :
		    " FAIL" : a == SHORT ? " SHORT" : "");
		say(logfile, line, 1);
	}
	if (a == FAIL && killmode)
		raise(SIGKILL);
	return a;
}

static enum act
path_hit(enum kind k, const char *path, const char *mode)
{
	char buf[PATH_MAX * 2];
	const char *name;

	init();
	if ((name = under(path, buf, sizeof(buf))) == NULL)
		return GO;
	return hit(k, name, mode);
}

static enum act
fd_hit(enum kind k, int fd)
{
	init();
	if (fd < 0 || fd >= MAXFD || fdname[fd][0] == '\0')
		return GO;
	return hit(k, fdname[fd], fdmode[fd]);
}

static const char *
open_mode(int flags)
{
	switch (flags & O_ACCMODE) {
	case O_RDONLY: return "r";
	case O_WRONLY: return "w";
	default: return "rw";
	}
}

/* Notes an fd opened on path, or forgets whatever it was. */
static void
track(int fd, const char *path, int flags)
{
	char buf[PATH_MAX * 2];
	const char *name;

	if (fd < 0 || fd >= MAXFD)
		return;
	fdname[fd][0] = '\0';
	if ((name = under(path, buf, sizeof(buf))) == NULL)
		return;
	snprintf(fdname[fd], NAMELEN, "%s", name);
	snprintf(fdmode[fd], sizeof(fdmode[fd]), "%s", open_mode(flags));
}

static int
fail(void)
{
	errno = fault_errno;
	return -1;
}

__attribute__((destructor)) static void
report(void)
{
	char buf[32];

	init();
	if (countfile == NULL || dirlen == 0)
		return;
	snprintf(buf, sizeof(buf), "%ld\n", count);
	say(countfile, buf, 0);
}

/* open and friends */

/* Which open: 0 open, 1 open64, 2 openat, 3 openat64. */
static int
do_open(int which, int atfd, const char *path, int flags, mode_t mode)
{
	int fd;

	if ((which < 2 || atfd == AT_FDCWD || path[0] == '/') &&
	    path_hit(K_OPEN, path, open_mode(flags)) == FAIL)
		return fail();
	switch (which) {
	case 0: fd = get_open()(path, flags, mode); break;
	case 1: fd = get_open64()(path, flags, mode); break;
	case 2: fd = get_openat()(atfd, path, flags, mode); break;
	default: fd = get_openat64()(atfd, path, flags, mode); break;
	}
	if (which < 2 || atfd == AT_FDCWD || path[0] == '/')
		track(fd, path, flags);
	else if (fd >= 0 && fd < MAXFD)
		fdname[fd][0] = '\0';
	return fd;
}

#ifdef O_TMPFILE
#define NEEDS_MODE (O_CREAT | O_TMPFILE)
#else
#define NEEDS_MODE O_CREAT
#endif
#define OPEN_MODE(flags, mode) do { \
	va_list ap; \
	va_start(ap, flags); \
	mode = (flags & NEEDS_MODE) ? (mode_t)va_arg(ap, int) : 0; \
	va_end(ap); \
} while (0)

int
open(const char *path, int flags, ...)
{
	mode_t mode;

	OPEN_MODE(flags, mode);
	return do_open(0, AT_FDCWD, path, flags, mode);
}

int
open64(const char *path, int flags, ...)
{
	mode_t mode;

	OPEN_MODE(flags, mode);
	return do_open(1, AT_FDCWD, path, flags, mode);
}

int
openat(int atfd, const char *path, int flags, ...)
{
	mode_t mode;

	OPEN_MODE(flags, mode);
	return do_open(2, atfd, path, flags, mode);
}

int
openat64(int atfd, const char *path, int flags, ...)
{
	mode_t mode;

	OPEN_MODE(flags, mode);
	return do_open(3, atfd, path, flags, mode);
}

int
creat(const char *path, mode_t mode)
{
	int fd;

	if (path_hit(K_OPEN, path, "w") == FAIL)
		return fail();
	fd = get_creat()(path, mode);
	track(fd, path, O_WRONLY);
	return fd;
}

int
mkstemp(char *tmpl)
{
	int fd;

	if (path_hit(K_MKSTEMP, tmpl, "rw") == FAIL)
		return fail();
	fd = get_mkstemp()(tmpl);
	track(fd, tmpl, O_RDWR);
	return fd;
}

int
mkostemp(char *tmpl, int flags)
{
	int fd;

	if (path_hit(K_MKSTEMP, tmpl, "rw") == FAIL)
		return fail();
	fd = get_mkostemp()(tmpl, flags);
	track(fd, tmpl, O_RDWR);
	return fd;
}

/* reads: a short one gives back half of what was read */

ssize_t
read(int fd, void *buf, size_t n)
{
	enum act a = fd_hit(K_READ, fd);
	ssize_t got;

	if (a == FAIL)
		return fail();
	got = get_read()(fd, buf, n);
	if (a == SHORT && got > 1 && lseek(fd, got / 2 - got, SEEK_CUR) !=
	    (off_t)-1)
		got /= 2;
	return got;
}

static ssize_t
do_pread(ssize_t (*real)(int, void *, size_t, off_t), int fd, void *buf,
    size_t n, off_t off)
{
	enum act a = fd_hit(K_PREAD, fd);

	if (a == FAIL)
		return fail();
	if (a == SHORT && n > 1)
		n /= 2;
	return real(fd, buf, n, off);
}

ssize_t
pread(int fd, void *buf, size_t n, off_t off)
{
	return do_pread(get_pread(), fd, buf, n, off);
}

ssize_t
pread64(int fd, void *buf, size_t n, off_t off)
{
	return do_pread(get_pread64(), fd, buf, n, off);
}

/* writes: a short one writes half the bytes */

ssize_t
write(int fd, const void *buf, size_t n)
{
	enum act a = fd_hit(K_WRITE, fd);

	if (a == FAIL)
		return fail();
	if (a == SHORT && n > 1)
		n /= 2;
	return get_write()(fd, buf, n);
}

static ssize_t
do_pwrite(ssize_t (*real)(int, const void *, size_t, off_t), int fd,
    const void *buf, size_t n, off_t off)
{
	enum act a = fd_hit(K_PWRITE, fd);

	if (a == FAIL)
		return fail();
	if (a == SHORT && n > 1)
		n /= 2;
	return real(fd, buf, n, off);
}

ssize_t
pwrite(int fd, const void *buf, size_t n, off_t off)
{
	return do_pwrite(get_pwrite(), fd, buf, n, off);
}

ssize_t
pwrite64(int fd, const void *buf, size_t n, off_t off)
{
	return do_pwrite(get_pwrite64(), fd, buf, n, off);
}

int
fsync(int fd)
{
	return fd_hit(K_FSYNC, fd) == FAIL ? fail() : get_fsync()(fd);
}

int
fdatasync(int fd)
{
	return fd_hit(K_FSYNC, fd) == FAIL ? fail() : get_fdatasync()(fd);
}

int
ftruncate(int fd, off_t len)
{
	return fd_hit(K_FTRUNCATE, fd) == FAIL ? fail() : get_ftruncate()(fd,
	    len);
}

int
ftruncate64(int fd, off_t len)
{
	return fd_hit(K_FTRUNCATE, fd) == FAIL ? fail() :
	    get_ftruncate64()(fd, len);
}

int
close(int fd)
{
	enum act a = fd_hit(K_CLOSE, fd);
	int rc;

	if (fd >= 0 && fd < MAXFD)
		fdname[fd][0] = '\0';
	rc = get_close()(fd);
	return a == FAIL ? fail() : rc;
}

/* path calls */

int
rename(const char *from, const char *to)
{
	char buf[PATH_MAX * 2];

	init();
	if ((under(from, buf, sizeof(buf)) != NULL ? path_hit(K_RENAME, from,
	    "-") : path_hit(K_RENAME, to, "-")) == FAIL)
		return fail();
	return get_rename()(from, to);
}

int
renameat(int fd1, const char *from, int fd2, const char *to)
{
	if (path_hit(K_RENAME, to, "-") == FAIL)
		return fail();
	return get_renameat()(fd1, from, fd2, to);
}

int
stat(const char *path, struct stat *st)
{
	return path_hit(K_STAT, path, "-") == FAIL ? fail() : get_stat()(path,
	    st);
}

int
lstat(const char *path, struct stat *st)
{
	return path_hit(K_LSTAT, path, "-") == FAIL ? fail() : get_lstat()(path,
	    st);
}

int
fstat(int fd, struct stat *st)
{
	return fd_hit(K_FSTAT, fd) == FAIL ? fail() : get_fstat()(fd, st);
}

int
stat64(const char *path, struct stat64 *st)
{
	return path_hit(K_STAT, path, "-") == FAIL ? fail() :
	    get_stat64()(path, st);
}

int
lstat64(const char *path, struct stat64 *st)
{
	return path_hit(K_LSTAT, path, "-") == FAIL ? fail() :
	    get_lstat64()(path, st);
}

int
fstat64(int fd, struct stat64 *st)
{
	return fd_hit(K_FSTAT, fd) == FAIL ? fail() : get_fstat64()(fd, st);
}

static int
do_fcntl(int (*real)(int, int, ...), int fd, int cmd, va_list ap)
{
	void *arg = va_arg(ap, void *);
	int rc, lock = cmd == F_SETLK || cmd == F_SETLKW || cmd == F_GETLK;

#ifdef F_OFD_SETLK
	lock = lock || cmd == F_OFD_SETLK || cmd == F_OFD_SETLKW ||
	    cmd == F_OFD_GETLK;
#endif
	if (lock && fd_hit(K_FCNTL, fd) == FAIL)
		return fail();
	rc = real(fd, cmd, arg);
	if (rc >= 0 && (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC) && rc <
	    MAXFD && fd >= 0 && fd < MAXFD) {
		memcpy(fdname[rc], fdname[fd], NAMELEN);
		memcpy(fdmode[rc], fdmode[fd], sizeof(fdmode[rc]));
	}
	return rc;
}

int
fcntl(int fd, int cmd, ...)
{
	va_list ap;
	int rc;

	va_start(ap, cmd);
	rc = do_fcntl(get_fcntl(), fd, cmd, ap);
	va_end(ap);
	return rc;
}

int
fcntl64(int fd, int cmd, ...)
{
	va_list ap;
	int rc;

	va_start(ap, cmd);
	rc = do_fcntl(get_fcntl64() ? get_fcntl64() : get_fcntl(), fd, cmd,
	    ap);
	va_end(ap);
	return rc;
}

int
chmod(const char *path, mode_t mode)
{
	return path_hit(K_CHMOD, path, "-") == FAIL ? fail() :
	    get_chmod()(path, mode);
}

int
fchmod(int fd, mode_t mode)
{
	return fd_hit(K_FCHMOD, fd) == FAIL ? fail() : get_fchmod()(fd, mode);
}

int
mkdir(const char *path, mode_t mode)
{
	return path_hit(K_MKDIR, path, "-") == FAIL ? fail() :
	    get_mkdir()(path, mode);
}

int
unlink(const char *path)
{
	return path_hit(K_UNLINK, path, "-") == FAIL ? fail() :
	    get_unlink()(path);
}

int
fclose(FILE *fp)
{
	int fd = fp != NULL ? fileno(fp) : -1;
	enum act a = fd_hit(K_FCLOSE, fd);
	int rc;

	if (fd >= 0 && fd < MAXFD)
		fdname[fd][0] = '\0';
	rc = get_fclose()(fp);
	if (a == FAIL) {
		errno = fault_errno;
		return EOF;
	}
	return rc;
}
