/*
 * util.h - what the unit suites share: a fresh directory for each test
 * (the portfolio is in it, or is it), files written there and read back,
 * and dates.  Include after cmocka.h.
 */
#ifndef UTIL_H
#define UTIL_H

#include <stddef.h>

#include "priv.h"

/* The temporary directory of the test running. */
extern char dir[64];

/* Makes dir afresh, with FU_FORMAT, FU_PORTFOLIO, FU_LOCK_TIMEOUT,
 * FU_PIPE_MIN and FU_THREADS unset and the settings read again; cmocka's
 * setup. */
int util_setup(void **state);
/* Removes dir and all in it; cmocka's teardown. */
int util_teardown(void **state);
void rm_rf(const char *path);
/* dir/name, in a static buffer. */
char *path_of(const char *name);
/* Writes n bytes to dir/name, replacing it. */
void put(const char *name, const char *data, size_t n);
#define PUT(name, lit) put(name, lit, sizeof(lit) - 1)
/* The whole of dir/name, NUL-terminated; *n its length.  Free it. */
char *slurp(const char *name, size_t *n);
/* Expects dir/name to hold exactly the n bytes want. */
void check_file(const char *name, const char *want, size_t n);
#define CHECK_FILE(name, lit) check_file(name, lit, sizeof(lit) - 1)
/* Whether dir/name is there, as anything (lstat). */
int exists(const char *name);
/* Sends what is written on fd (STDOUT_FILENO or STDERR_FILENO) to
 * dir/name, until catch_end puts it back and returns what came, as slurp
 * does; util_teardown puts back one a failed test left caught. */
void catch_begin(int fd, const char *name);
char *catch_end(int fd, const char *name);
/* A date the test knows to be valid. */
fu_date d(const char *iso);
/* Sets an environment variable (NULL unsets it) and reads the settings
 * again, as a command would at start-up. */
void util_env(const char *name, const char *value);

#endif
