/*
 * digest.c - a running hash of a table's bytes (XXH64, from libxxhash),
 * so that the saved state can prove that a table still starts with the
 * bytes it was made from when the file's stat data cannot prove it.  The
 * running state is saved with the derived state and continued over the
 * bytes appended since.
 */
#define XXH_STATIC_LINKING_ONLY	/* the state's layout, to save it */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xxhash.h>

#include "priv.h"

struct fu_digest {
	XXH64_state_t st;
};

struct fu_digest *
fu_digest_new(void)
{
	struct fu_digest *d;

	if ((d = malloc(sizeof(*d))) != NULL)
		XXH64_reset(&d->st, 0);
	return d;
}

void
fu_digest_free(struct fu_digest *d)
{
	free(d);
}

void
fu_digest_add(struct fu_digest *d, const void *p, size_t n)
{
	XXH64_update(&d->st, p, n);
}

uint64_t
fu_digest_value(const struct fu_digest *d)
{
	return XXH64_digest(&d->st);
}

size_t
fu_digest_size(void)
{
	return sizeof(XXH64_state_t);
}

void
fu_digest_save(const struct fu_digest *d, void *out)
{
	memcpy(out, &d->st, sizeof(d->st));
}

struct fu_digest *
fu_digest_load(const void *in)
{
	struct fu_digest *d;

	if ((d = malloc(sizeof(*d))) != NULL)
		memcpy(&d->st, in, sizeof(d->st));
	return d;
}

uint32_t
fu_digest_version(void)
{
	return (uint32_t)XXH_versionNumber() * 1000u +
	    (uint32_t)sizeof(XXH64_state_t);
}

int
fu_digest_file(const char *path, off_t n, uint64_t *out)
{
	XXH64_state_t st;
	char *buf;
	off_t at = 0;
	ssize_t got;
	int fd, rc = -1;

	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC)) == -1)
		return -1;
	if ((buf = malloc(1 << 20)) == NULL) {
		close(fd);
		return -1;
	}
	XXH64_reset(&st, 0);
	while (at < n) {
		size_t want = n - at < (1 << 20) ? (size_t)(n - at) : 1 << 20;

		if ((got = pread(fd, buf, want, at)) == -1 && errno == EINTR)
			continue;
		if (got <= 0)
			goto out;	/* an error, or shorter than n */
		XXH64_update(&st, buf, (size_t)got);
		at += got;
	}
	*out = XXH64_digest(&st);
	rc = 0;
out:
	free(buf);
	close(fd);
	return rc;
}
