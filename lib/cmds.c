/*
 * cmds.c - what the fu command runs: fu-NAME, found as git finds
 * git-NAME.  First beside the running fu, when it was run by a path (so
 * that a build tree runs its own commands, not those installed), then in
 * each directory of PATH.  argv[0] is all POSIX gives of where a program
 * is: /proc/self/exe is Linux's alone.
 */
#define _XOPEN_SOURCE 700	/* realpath */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "priv.h"

#define PREFIX "fu-"
#define LISTED 256		/* commands listed, at most */

/* A command's name: letters, digits, "-" and "_"; never a path, nor
 * anything a shell or man would read otherwise. */
static int
name_ok(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && n < 64 && s[0] != '-' && strspn(s,
	    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789-_") == n;
}

/* Whether dir/fu-name is a program that can be run; into path if so. */
static int
runnable(const char *dir, const char *name, char *path, size_t size)
{
	struct stat st;
	int n;

	n = snprintf(path, size, "%s/%s%s", dir, PREFIX, name);
	return n > 0 && (size_t)n < size && stat(path, &st) == 0 &&
	    S_ISREG(st.st_mode) && access(path, X_OK) == 0;
}

/* The directory part of a path, malloc'ed, or NULL if it has none. */
static char *
dir_of(const char *file)
{
	const char *slash = strrchr(file, '/');

	if (slash == NULL)
		return NULL;
	return slash == file ? strdup("/") : fu_strf("%.*s", (int)(slash -
	    file), file);
}

/* The file the running fu is, links followed, malloc'ed, or NULL: from
 * argv[0] when it is a path, else from the first of its name in PATH as a
 * shell found it.  A fu linked into ~/bin then finds the commands beside
 * the file it links to, as git finds its own with a compiled-in path. */
static char *
real_self(const char *self, const char *path)
{
	const char *p, *end;
	char file[4096];
	int n;

	if (self == NULL || *self == '\0')
		return NULL;
	if (strchr(self, '/') != NULL)
		return realpath(self, NULL);
	for (p = path; ; p = end + 1) {
		if ((end = strchr(p, ':')) == NULL)
			end = p + strlen(p);
		/* An empty entry is the working directory. */
		n = end == p ? snprintf(file, sizeof(file), "./%s", self) :
		    snprintf(file, sizeof(file), "%.*s/%s", (int)(end - p), p,
		    self);
		if (n > 0 && (size_t)n < sizeof(file) && access(file, X_OK) ==
		    0)
			return realpath(file, NULL);
		if (*end == '\0')
			return NULL;
	}
}

/* The places to look, in order: self's directory, the directory of the
 * file it links to, then PATH's (an empty entry is the working
 * directory, as for a shell).  Returns how many, each a malloc'ed string
 * in dirs[], at most max. */
static size_t
places(const char *self, char **dirs, size_t max)
{
	const char *path = fu_settings()->path, *p, *end;
	char *real, *d;
	size_t n = 0;

	/* PATH unset: what a shell would search. */
	if (path == NULL)
		path = "/usr/local/bin:/usr/bin:/bin";
	if (self != NULL && (d = dir_of(self)) != NULL)
		dirs[n++] = d;
	if ((real = real_self(self, path)) != NULL) {
		if ((d = dir_of(real)) != NULL && (n == 0 ||
		    strcmp(d, dirs[0]) != 0))
			dirs[n++] = d;
		else
			free(d);
		free(real);
	}
	for (p = path; n < max; p = end + 1) {
		if ((end = strchr(p, ':')) == NULL)
			end = p + strlen(p);
		dirs[n++] = end == p ? strdup(".") : fu_strf("%.*s",
		    (int)(end - p), p);
		if (*end == '\0')
			break;
	}
	return n;
}

static void
free_places(char **dirs, size_t n)
{
	while (n > 0)
		free(dirs[--n]);
}

int
fu_cmd_find(const char *self, const char *name, char *path, size_t size)
{
	char *dirs[256];
	size_t i, n;
	int found = 0;

	if (!name_ok(name))
		return -1;
	n = places(self, dirs, 256);
	for (i = 0; i < n && !found; i++)
		found = dirs[i] != NULL && runnable(dirs[i], name, path, size);
	free_places(dirs, n);
	return found ? 0 : -1;
}

struct found {
	char name[64];
	char *path;
};

static int
by_name(const void *a, const void *b)
{
	return strcmp(((const struct found *)a)->name,
	    ((const struct found *)b)->name);
}

int
fu_cmd_each(const char *self, void (*fn)(void *, const char *name,
    const char *path), void *ctx, struct fu_err *e)
{
	struct found *v;
	struct dirent *d;
	char *dirs[256], path[4096];
	size_t i, k, n, nv = 0;
	DIR *dp;

	if ((v = calloc(LISTED, sizeof(*v))) == NULL)
		return fu_err_nomem(e);
	n = places(self, dirs, 256);
	for (i = 0; i < n; i++) {
		if (dirs[i] == NULL || (dp = opendir(dirs[i])) == NULL)
			continue;
		while ((d = readdir(dp)) != NULL && nv < LISTED) {
			const char *name = d->d_name + strlen(PREFIX);

			if (strncmp(d->d_name, PREFIX, strlen(PREFIX)) != 0 ||
			    !name_ok(name) || !runnable(dirs[i], name, path,
			    sizeof(path)))
				continue;
			/* The first found is the one fu would run. */
			for (k = 0; k < nv && strcmp(v[k].name, name) != 0; k++)
				;
			if (k < nv)
				continue;
			snprintf(v[nv].name, sizeof(v[nv].name), "%s", name);
			if ((v[nv].path = strdup(path)) == NULL)
				break;
			nv++;
		}
		closedir(dp);
	}
	free_places(dirs, n);
	qsort(v, nv, sizeof(*v), by_name);
	for (i = 0; i < nv; i++) {
		fn(ctx, v[i].name, v[i].path);
		free(v[i].path);
	}
	free(v);
	return 0;
}
