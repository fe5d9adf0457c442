/*
 * util.c - what the unit suites share (util.h).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

char dir[64];

void
rm_rf(const char *path)
{
	struct stat st;
	struct dirent *de;
	char sub[4096];
	DIR *dp;

	if (lstat(path, &st) == -1)
		return;
	if (!S_ISDIR(st.st_mode)) {
		unlink(path);
		return;
	}
	if ((dp = opendir(path)) != NULL) {
		while ((de = readdir(dp)) != NULL) {
			if (strcmp(de->d_name, ".") == 0 ||
			    strcmp(de->d_name, "..") == 0)
				continue;
			snprintf(sub, sizeof(sub), "%s/%s", path, de->d_name);
			rm_rf(sub);
		}
		closedir(dp);
	}
	rmdir(path);
}

void
util_env(const char *name, const char *value)
{
	if (value == NULL)
		unsetenv(name);
	else
		assert_int_equal(setenv(name, value, 1), 0);
	fu_settings_load();
}

int
util_setup(void **state)
{
	(void)state;
	unsetenv("FU_FORMAT");
	unsetenv("FU_PORTFOLIO");
	unsetenv("FU_LOCK_TIMEOUT");
	unsetenv("FU_PIPE_MIN");
	unsetenv("FU_THREADS");
	unsetenv("FU_CACHE");
	fu_settings_load();
	snprintf(dir, sizeof(dir), "/tmp/fu-unit.XXXXXX");
	return mkdtemp(dir) == NULL ? -1 : 0;
}

/* The fd caught by catch_begin, as it was before; -1 when not caught. */
static int caught[3] = { -1, -1, -1 };

static void
uncatch(int fd)
{
	if (caught[fd] == -1)
		return;
	fflush(fd == STDOUT_FILENO ? stdout : stderr);
	dup2(caught[fd], fd);
	close(caught[fd]);
	caught[fd] = -1;
}

int
util_teardown(void **state)
{
	(void)state;
	uncatch(STDOUT_FILENO);
	uncatch(STDERR_FILENO);
	rm_rf(dir);
	return 0;
}

char *
path_of(const char *name)
{
	static char path[4096];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return path;
}

void
put(const char *name, const char *data, size_t n)
{
	int fd = open(path_of(name), O_WRONLY | O_CREAT | O_TRUNC, 0600);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, data, n), (ssize_t)n);
	assert_int_equal(close(fd), 0);
}

char *
slurp(const char *name, size_t *n)
{
	struct stat st;
	char *p;
	int fd = open(path_of(name), O_RDONLY);

	if (fd < 0)
		fail_msg("cannot open %s", name);
	assert_int_equal(fstat(fd, &st), 0);
	p = malloc((size_t)st.st_size + 1);
	assert_non_null(p);
	assert_int_equal(read(fd, p, (size_t)st.st_size), st.st_size);
	p[st.st_size] = '\0';
	close(fd);
	*n = (size_t)st.st_size;
	return p;
}

fu_date
d(const char *iso)
{
	fu_date x;

	if (fu_date_iso(iso, strlen(iso), &x) == -1)
		fail_msg("bad date in test: %s", iso);
	return x;
}

void
check_file(const char *name, const char *want, size_t n)
{
	size_t got_n;
	char *p = slurp(name, &got_n);

	if (got_n != n || memcmp(p, want, n) != 0) {
		fprintf(stderr, "%s holds:\n%s\nwant:\n%.*s\n", name, p,
		    (int)n, want);
		free(p);
		fail_msg("%s is not as expected", name);
	}
	free(p);
}

int
exists(const char *name)
{
	struct stat st;

	return lstat(path_of(name), &st) == 0;
}

void
catch_begin(int fd, const char *name)
{
	int to;

	assert_true(fd == STDOUT_FILENO || fd == STDERR_FILENO);
	assert_int_equal(caught[fd], -1);
	fflush(fd == STDOUT_FILENO ? stdout : stderr);
	assert_true((to = open(path_of(name), O_WRONLY | O_CREAT | O_TRUNC,
	    0600)) >= 0);
	assert_true((caught[fd] = dup(fd)) >= 0);
	assert_int_equal(dup2(to, fd), fd);
	close(to);
}

char *
catch_end(int fd, const char *name)
{
	size_t n;

	assert_true(fd == STDOUT_FILENO || fd == STDERR_FILENO);
	assert_int_not_equal(caught[fd], -1);
	uncatch(fd);
	return slurp(name, &n);
}
