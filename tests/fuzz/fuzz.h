/*
 * fuzz.h - what the libFuzzer harnesses share: a scratch directory for the
 * portfolio files they write, and CHECK, which turns a broken invariant
 * into an abort() that libFuzzer reports as a crash.  The library's own
 * error returns are not failures: only crashes, sanitizer reports, leaks
 * and a CHECK that does not hold are.
 */
#ifndef FUZZ_H
#define FUZZ_H

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "priv.h"

#define CHECK(cond, ...) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "\n== invariant broken at %s:%d: %s\n== ",	\
		    __FILE__, __LINE__, #cond);				\
		fprintf(stderr, __VA_ARGS__);				\
		fputc('\n', stderr);					\
		abort();						\
	}								\
} while (0)

/* Whether to step around the known library bugs listed in the harness
 * (marked BUG), to look for new ones: FUZZ_SKIP_KNOWN=1.  Unset, a known
 * bug still fails the run, as it should until it is fixed. */
static inline int
fuzz_skip_known(void)
{
	static int v = -1;

	if (v == -1) {
		const char *s = getenv("FUZZ_SKIP_KNOWN");

		v = s != NULL && *s != '\0' && strcmp(s, "0") != 0;
	}
	return v;
}

/* A fresh directory under /dev/shm (or $TMPDIR, or /tmp), made once a
 * process; removed at exit with the files the harness wrote. */
static char fuzz_top[256];

static inline void
fuzz_cleanup(void)
{
	char cmd[300];

	if (fuzz_top[0] != '\0') {
		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", fuzz_top);
		if (system(cmd) != 0)
			fprintf(stderr, "fuzz: cannot remove %s\n", fuzz_top);
	}
}

static inline const char *
fuzz_dir(void)
{
	const char *base = getenv("TMPDIR");
	struct stat st;

	if (fuzz_top[0] != '\0')
		return fuzz_top;
	if (base == NULL || *base == '\0')
		base = stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) &&
		    access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	snprintf(fuzz_top, sizeof(fuzz_top), "%s/fu-fuzz.XXXXXX", base);
	if (mkdtemp(fuzz_top) == NULL) {
		perror("fuzz: mkdtemp");
		abort();
	}
	atexit(fuzz_cleanup);
	return fuzz_top;
}

/* Writes n bytes to dir/name, replacing what was there. */
static inline void
fuzz_write(const char *dir, const char *name, const void *p, size_t n)
{
	char path[512];
	int fd;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600)) == -1 ||
	    (n > 0 && write(fd, p, n) != (ssize_t)n) || close(fd) == -1) {
		perror(path);
		abort();
	}
}

/* Appends n bytes to dir/name, as a writer does. */
static inline void
fuzz_append(const char *dir, const char *name, const void *p, size_t n)
{
	char path[512];
	int fd;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((fd = open(path, O_WRONLY | O_APPEND)) == -1 ||
	    (n > 0 && write(fd, p, n) != (ssize_t)n) || close(fd) == -1) {
		perror(path);
		abort();
	}
}

static inline void
fuzz_unlink(const char *dir, const char *name)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (unlink(path) == -1 && errno != ENOENT) {
		perror(path);
		abort();
	}
}

/* Makes dir/sub, once. */
static inline const char *
fuzz_subdir(const char *sub, char *buf, size_t size)
{
	snprintf(buf, size, "%s/%s", fuzz_dir(), sub);
	if (mkdir(buf, 0700) == -1 && errno != EEXIST) {
		perror(buf);
		abort();
	}
	return buf;
}

/* Lines in a file's bytes, as an editor counts them. */
static inline long
fuzz_lines(const uint8_t *p, size_t n)
{
	long c = 1;
	size_t i;

	/* A line ends in LF, or in a CR alone (lib/table.c reads a file
	 * whose first line so ends as one of CR line ends). */
	for (i = 0; i < n; i++)
		c += p[i] == '\n' || (p[i] == '\r' && (i + 1 == n ||
		    p[i + 1] != '\n'));
	return c;
}

/* A NUL-terminated copy; the caller frees it. */
static inline char *
fuzz_str(const uint8_t *p, size_t n)
{
	char *s = malloc(n + 1);

	if (s == NULL)
		abort();
	if (n > 0)
		memcpy(s, p, n);
	s[n] = '\0';
	return s;
}

#endif
