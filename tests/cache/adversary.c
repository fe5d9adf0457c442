/*
 * adversary.c - the saved state (.fu-state) against a full scan, driven by
 * an adversary rather than by fu's own writes.
 *
 * usage: adversary [-v] DIR
 *
 * In DIR/p it makes a small portfolio (tables of 10-16 KiB, so that each
 * has a start, a middle and an end apart from the 4 KiB at either end),
 * then plays rounds.  Each round is one adversary step: a hand edit that
 * keeps the table valid (a date, an id, a name, a step, a quoted field)
 * written in place with pwrite(2), by truncating and rewriting the same
 * inode (same length or not), by deleting and recreating the file, or by
 * renaming a new one over it, with or without the old times put back
 * (touch -r); rows appended by another program, with or without a final
 * newline, or in two halves; an edit racing a reader that is saving the
 * state; a table deleted and made again; an edit that makes a table
 * malformed, then undone; and fu's own writes (fu-add, fu-log with --next,
 * -o moved, --signal ...).  After every step the answers of fu-due run
 * with the saved state (default, --within 400, --stale 0, --adrift,
 * --slipped 1, --occasions --within 366; --tsv, stdout, stderr and exit
 * status), and of fu-stats over three periods (whose figures are saved
 * with the state), must equal those of FU_CACHE=0 on the same files.  The
 * cached runs follow cached runs that saw the files before the step: that
 * is how a saved state goes stale.  A writer run with the saved state must do
 * what the same writer does with FU_CACHE=0 on a copy of the tables (same
 * output, same bytes appended), and must never append an id that a full
 * scan then refuses as already used.
 *
 * Rounds are grouped in episodes of FU_EPISODE rounds (40), each on a fresh
 * portfolio with its own seed drawn from FU_SEED, so that one episode can
 * be played again alone (FU_ONLY=E).  An episode ends at its first
 * difference: the state is known to be poisoned from there on.  Steps
 * racing a reader depend on timing, and may need a few runs to repeat.
 *
 * Environment:
 *   FU_SEED      seed of the whole run (1)
 *   FU_ROUNDS    rounds to play (1000)
 *   FU_SECONDS   stop starting rounds after that many seconds (0: never)
 *   FU_EPISODE   rounds on one portfolio (40)
 *   FU_ONLY      play that episode alone
 *   FU_STEPS     play only the steps whose label starts with one of these,
 *                comma-separated (pwrite/middle,race)
 *   FU_ADVERSARY_KNOWN_BAD
 *                1 (the default): also the classes that the saved state of
 *                fu 0.1.0 gets wrong, edits in the middle of a table and
 *                edits racing a reader; 0 leaves them out
 * The fu commands are found in PATH.
 *
 * It prints a report per difference (check, seed, episode, round, step,
 * the steps before, the lines of each answer that the other lacks) and a
 * summary: "adversary: check NAME: N agreed, M differed" for each kind of
 * check (reader, malformed, race, writer, nodup), and "adversary: step
 * LABEL: N run, M differed" for each class of step.  Exit status: 0 when
 * every check agreed, 1 when one differed, 2 on a usage or system error.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

#define TODAY "2026-11-23"	/* the generated dates are told from it */
#define PRINT 4096		/* what fu 0.1.0 fingerprints at each end */
#define NQ 9			/* listings and reports compared */
#define MAXF 16			/* columns of a table, at most */

enum { CLIENTS, AGREEMENTS, LOG, NT };
static const char *const tname[NT] = { "clients", "agreements", "log" };

/* Where an edit falls: the first 4 KiB, the last 4 KiB, or between. */
enum region { START, MIDDLE, END };
static const char *const rname[] = { "start", "middle", "end" };

/* How an edit reaches the file. */
enum method { PWRITE, REWRITE, RECREATE, REPLACE };
static const char *const mname[] = { "pwrite", "rewrite", "recreate",
    "replace" };

static const char *const queries[NQ][7] = {
	{ "fu-due", "--tsv" },
	{ "fu-due", "--tsv", "--within", "400" },
	{ "fu-due", "--tsv", "--stale", "0" },
	{ "fu-due", "--tsv", "--adrift" },
	{ "fu-due", "--tsv", "--slipped", "1" },
	{ "fu-due", "--tsv", "--occasions", "--within", "366" },
	/* The report, whose figures are saved with the state. */
	{ "fu-stats", "--json", "--month", "last" },
	{ "fu-stats", "--partial", "--by", "month", "--from", "2025-12-01" },
	{ "fu-stats", "--partial", "--from", "2026-09-01", "--to", "2026-11-10" },
};

struct buf {
	char *p;
	size_t len, cap;
};

/* One listing's answer: exit status, stdout and stderr, as one text. */
struct answer {
	struct buf q[NQ];
	int status[NQ];
};

/* A table as bytes, cut into rows and fields (RFC 4180: quotes, "",
 * line ends inside quotes). */
struct field {
	size_t off, len;	/* raw bytes, quotes included */
	int quoted;
};
struct row {
	int nf;
	struct field f[MAXF];
};
struct table {
	int exists;
	struct buf b;
	struct row *r;
	size_t n, cap;
};

/* One change of bytes: [off, off + oldlen) becomes new[0, newlen). */
struct edit {
	int t;
	size_t off, oldlen, newlen;
	char old[64], new[64];
	char what[200];
};

/* Tallies by kind of check and by class of step. */
struct tally {
	char name[40];
	unsigned long run, bad;
};

static char dir[4096], pdir[4200], twin[4200], outdir[4200];
static char **env_cached, **env_full;
static int verbose, known_bad = 1;
static const char *only_steps;	/* FU_STEPS: labels (prefixes) to play */
static unsigned long seed = 1, per_episode = 40, episode_no, round_no,
    global_round;
static unsigned long stood, compared;	/* the state was not made again */
static uint64_t rng;
static int failed;		/* this episode met a difference */
static double cold_ms = 20;	/* a reader that builds the state */
static struct answer last_full;	/* for the writers' choices */
static char history[8][240];
static unsigned nhistory;
static struct tally checks[8], steps[64];
static size_t nchecks, nsteps;
static unsigned long differences;

static _Noreturn void
die(const char *fmt, ...)
{
	va_list ap;
	int e = errno;

	fputs("adversary: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (fmt[strlen(fmt) - 1] == ':')
		fprintf(stderr, " %s", strerror(e));
	fputc('\n', stderr);
	exit(2);
}

/* splitmix64: small, and the same on every machine. */
static uint64_t
next64(void)
{
	uint64_t z = (rng += 0x9e3779b97f4a7c15ULL);

	z = (z ^ z >> 30) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ z >> 27) * 0x94d049bb133111ebULL;
	return z ^ z >> 31;
}

static unsigned
rnd(unsigned n)
{
	return n == 0 ? 0 : (unsigned)(next64() % n);
}

static void
bput(struct buf *b, const void *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = (b->len + n + 1) * 2;
		char *p = realloc(b->p, cap);

		if (p == NULL)
			die("out of memory");
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void
bprintf(struct buf *b, const char *fmt, ...)
{
	char s[1024];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(s, sizeof(s), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(s))
		die("line too long");
	bput(b, s, (size_t)n);
}

static void
bset(struct buf *b, const struct buf *from)
{
	b->len = 0;
	bput(b, from->p ? from->p : "", from->len);
}

static int
beq(const struct buf *a, const struct buf *b)
{
	return a->len == b->len && (a->len == 0 || memcmp(a->p, b->p,
	    a->len) == 0);
}

/* Reads a whole file; -1 (errno ENOENT) when it is not there. */
static int
slurp(const char *path, struct buf *b)
{
	char chunk[65536];
	ssize_t n;
	int fd;

	b->len = 0;
	bput(b, "", 0);
	if ((fd = open(path, O_RDONLY)) == -1) {
		if (errno == ENOENT)
			return -1;
		die("%s:", path);
	}
	while ((n = read(fd, chunk, sizeof(chunk))) > 0)
		bput(b, chunk, (size_t)n);
	if (n == -1)
		die("%s:", path);
	close(fd);
	return 0;
}

static void
writeall(int fd, const char *p, size_t n, const char *path)
{
	ssize_t w;

	for (; n > 0; p += w, n -= (size_t)w)
		if ((w = write(fd, p, n)) <= 0)
			die("%s:", path);
}

static void
spit(const char *path, const struct buf *b)
{
	int fd;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600)) == -1)
		die("%s:", path);
	writeall(fd, b->p, b->len, path);
	close(fd);
}

static void
tpath(char *out, size_t n, const char *d, int t)
{
	snprintf(out, n, "%s/%s.csv", d, tname[t]);
}

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static struct tally *
tally(struct tally *v, size_t *n, size_t max, const char *name)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (strcmp(v[i].name, name) == 0)
			return &v[i];
	if (*n == max)
		die("too many tallies");
	snprintf(v[*n].name, sizeof(v[*n].name), "%s", name);
	return &v[(*n)++];
}

/* The environment of the commands: fu's own knobs but FU_CACHE, and
 * FU_CACHE=0 for the full scans. */
static void
make_envs(void)
{
	size_t n = 0, i, k = 0;

	while (environ[n] != NULL)
		n++;
	if ((env_cached = calloc(n + 1, sizeof(char *))) == NULL ||
	    (env_full = calloc(n + 2, sizeof(char *))) == NULL)
		die("out of memory");
	for (i = 0; i < n; i++)
		if (strncmp(environ[i], "FU_CACHE=", 9) != 0) {
			env_cached[k] = env_full[k] = environ[i];
			k++;
		}
	env_full[k] = "FU_CACHE=0";
}

/* Starts a command with its output in outdir/SLOT.out and .err. */
static pid_t
spawn(const char *const argv[], int full, int slot)
{
	posix_spawn_file_actions_t fa;
	char out[4300], err[4300];
	pid_t pid;
	int rc;

	snprintf(out, sizeof(out), "%s/%d.out", outdir, slot);
	snprintf(err, sizeof(err), "%s/%d.err", outdir, slot);
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, out, O_WRONLY | O_CREAT |
	    O_TRUNC, 0600);
	posix_spawn_file_actions_addopen(&fa, 2, err, O_WRONLY | O_CREAT |
	    O_TRUNC, 0600);
	rc = posix_spawnp(&pid, argv[0], &fa, NULL, (char *const *)argv,
	    full ? env_full : env_cached);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0) {
		errno = rc;
		die("%s (is it in PATH?):", argv[0]);
	}
	return pid;
}

/* Waits for a command; its exit status, 128 + signal if killed. */
static int
reap(pid_t pid, int slot, struct buf *out, struct buf *err)
{
	char path[4300];
	int st;

	while (waitpid(pid, &st, 0) == -1)
		if (errno != EINTR)
			die("waitpid:");
	if (out != NULL) {
		snprintf(path, sizeof(path), "%s/%d.out", outdir, slot);
		slurp(path, out);
	}
	if (err != NULL) {
		snprintf(path, sizeof(path), "%s/%d.err", outdir, slot);
		slurp(path, err);
	}
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static void
answer_text(struct buf *b, int status, const struct buf *out,
    const struct buf *err)
{
	const char *p, *nl;

	b->len = 0;
	bprintf(b, "exit %d\n", status);
	bput(b, out->p, out->len);
	for (p = err->p; p < err->p + err->len; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(err->p + err->len - p))) ==
		    NULL)
			nl = err->p + err->len;
		bprintf(b, "stderr: %.*s\n", (int)(nl - p), p);
	}
}

/* The listings, with the saved state (in order: each may save it) and,
 * beside each, with FU_CACHE=0. */
static void
answers(struct answer *cached, struct answer *full)
{
	static struct buf out, err;
	const char *argv[10];
	char path[4300];
	struct stat before, after;
	pid_t pc, pf;
	int i, j, had;

	snprintf(path, sizeof(path), "%s/.fu-state", pdir);
	had = stat(path, &before) == 0;
	for (i = 0; i < NQ; i++) {
		argv[0] = queries[i][0];
		argv[1] = "-p";
		argv[2] = pdir;
		for (j = 1; j < 7 && queries[i][j] != NULL; j++)
			argv[2 + j] = queries[i][j];
		argv[2 + j] = NULL;
		pc = spawn(argv, 0, 0);
		pf = spawn(argv, 1, 1);
		cached->status[i] = reap(pc, 0, &out, &err);
		answer_text(&cached->q[i], cached->status[i], &out, &err);
		if (i == 0) {
			/* Not made again: it stood for the tables. */
			compared++;
			if (had && stat(path, &after) == 0 && after.st_ino ==
			    before.st_ino && after.st_mtim.tv_sec ==
			    before.st_mtim.tv_sec && after.st_mtim.tv_nsec ==
			    before.st_mtim.tv_nsec)
				stood++;
		}
		full->status[i] = reap(pf, 1, &out, &err);
		answer_text(&full->q[i], full->status[i], &out, &err);
	}
}

static int
malformed(const struct answer *a)
{
	int i;

	for (i = 0; i < NQ; i++)
		if (a->status[i] >= 2)
			return 1;
	return 0;
}

/* Prints the lines of a that b lacks, at most a few. */
static void
lines_not_in(const char *label, const struct buf *a, const struct buf *b)
{
	const char *p, *nl, *q, *qn;
	int shown = 0, found;

	for (p = a->p; p < a->p + a->len && shown < 12; p = nl + 1) {
		nl = p + strcspn(p, "\n");
		found = 0;
		for (q = b->p; q < b->p + b->len && !found; q = qn + 1) {
			qn = q + strcspn(q, "\n");
			found = nl - p == qn - q && memcmp(p, q,
			    (size_t)(nl - p)) == 0;
		}
		if (!found) {
			printf("    %s %.*s\n", label, (int)(nl - p), p);
			shown++;
		}
	}
}

static void
record(const char *line)
{
	snprintf(history[nhistory++ % 8], sizeof(history[0]), "%.*s",
	    (int)sizeof(history[0]) - 1, line);
	if (verbose)
		printf("  %s\n", line);
}

/* A difference: what to run again, what led to it, and both answers. */
static void
report(const char *check, const char *step, const char *what)
{
	unsigned i, from = nhistory > 8 ? nhistory - 8 : 0;

	differences++;
	failed = 1;
	printf("DIFF %s: seed %lu episode %lu round %lu (round %lu of the run),"
	    " step %s: %s\n", check, seed, episode_no, round_no, global_round,
	    step, what);
	printf("  again: FU_SEED=%lu FU_ONLY=%lu FU_EPISODE=%lu "
	    "FU_ADVERSARY_KNOWN_BAD=%d%s%s tests/cache/adversary -v DIR\n",
	    seed, episode_no, per_episode, known_bad, only_steps ?
	    " FU_STEPS=" : "", only_steps ? only_steps : "");
	printf("  the steps before (last %u):\n", nhistory - from);
	for (i = from; i < nhistory; i++)
		printf("    %s\n", history[i % 8]);
}

/* After a step: every listing with the saved state equals the full
 * scan's.  Returns 0 when they all do. */
static int
check_answers(const char *step, const char *what, const char *kind)
{
	static struct answer cached, full;
	const char *check;
	int i, j, bad = 0;
	struct tally *c;

	answers(&cached, &full);
	check = malformed(&full) ? "malformed" : kind;
	for (i = 0; i < NQ; i++)
		if (!beq(&cached.q[i], &full.q[i]))
			bad = 1;
	c = tally(checks, &nchecks, 8, check);
	c->run++;
	if (!bad) {
		for (i = 0; i < NQ; i++) {
			bset(&last_full.q[i], &full.q[i]);
			last_full.status[i] = full.status[i];
		}
		return 0;
	}
	c->bad++;
	report(check, step, what);
	for (i = 0; i < NQ; i++) {
		if (beq(&cached.q[i], &full.q[i]))
			continue;
		for (j = 0; j < 7 && queries[i][j] != NULL; j++)
			printf(" %s", queries[i][j]);
		printf(": with .fu-state | with FU_CACHE=0\n");
		lines_not_in("state:", &cached.q[i], &full.q[i]);
		lines_not_in("scan: ", &full.q[i], &cached.q[i]);
	}
	fflush(stdout);
	return -1;
}

/* ---- Tables: read, cut into fields, written back in several ways. */

static void
scan(struct table *tb)
{
	const char *p = tb->b.p, *end = tb->b.p + tb->b.len, *s;
	struct row *r;

	tb->n = 0;
	while (p < end) {
		if (tb->n == tb->cap) {
			tb->cap = tb->cap ? tb->cap * 2 : 256;
			if ((tb->r = realloc(tb->r, tb->cap * sizeof(*tb->r))) ==
			    NULL)
				die("out of memory");
		}
		r = &tb->r[tb->n++];
		r->nf = 0;
		for (;;) {
			s = p;
			if (p < end && *p == '"') {
				for (p++; p < end; p++)
					if (*p == '"' && (p + 1 >= end ||
					    p[1] != '"'))
						break;
					else if (*p == '"')
						p++;
				if (p < end)
					p++;
			}
			while (p < end && *p != ',' && *p != '\n')
				p++;
			if (r->nf < MAXF) {
				r->f[r->nf].off = (size_t)(s - tb->b.p);
				r->f[r->nf].len = (size_t)(p - s);
				r->f[r->nf].quoted = *s == '"';
				r->nf++;
			}
			if (p >= end || *p == '\n')
				break;
			p++;
		}
		if (p < end)
			p++;
	}
}

static void
load(struct table tb[NT])
{
	char path[4300];
	int t;

	for (t = 0; t < NT; t++) {
		tpath(path, sizeof(path), pdir, t);
		tb[t].exists = slurp(path, &tb[t].b) == 0;
		scan(&tb[t]);
	}
}

static void
unload(struct table tb[NT])
{
	int t;

	for (t = 0; t < NT; t++) {
		free(tb[t].b.p);
		free(tb[t].r);
	}
}

static int
col(const struct table *tb, const char *name)
{
	int i;

	if (tb->n == 0)
		return -1;
	for (i = 0; i < tb->r[0].nf; i++)
		if (tb->r[0].f[i].len == strlen(name) && memcmp(tb->b.p +
		    tb->r[0].f[i].off, name, strlen(name)) == 0)
			return i;
	return -1;
}

/* A field's value as a number; 0 when it is not one. */
static unsigned long
num(const struct table *tb, size_t row, int c)
{
	const struct field *f;
	char s[24];

	if (c < 0 || row >= tb->n || c >= tb->r[row].nf)
		return 0;
	f = &tb->r[row].f[c];
	if (f->len == 0 || f->len >= sizeof(s))
		return 0;
	memcpy(s, tb->b.p + f->off, f->len);
	s[f->len] = '\0';
	return strspn(s, "0123456789") == f->len ? strtoul(s, NULL, 10) : 0;
}

static enum region
region_of(size_t off, size_t len, size_t size)
{
	if (off < PRINT)
		return START;
	if (off + len + PRINT > size)
		return END;
	return MIDDLE;
}

/* Writes a table's new bytes as a hand or another program would; 1 when
 * the file has the inode number it had before. */
static int
put_table(int t, const struct buf *new, const struct edit *e, enum method m,
    int keep_times)
{
	char path[4300], tmp[4300];
	struct timespec times[2];
	struct stat st;
	ino_t ino;
	int fd, had;

	tpath(path, sizeof(path), pdir, t);
	had = stat(path, &st) == 0;
	switch (m) {
	case PWRITE:
		if ((fd = open(path, O_WRONLY)) == -1 || pwrite(fd, e->new,
		    e->newlen, (off_t)e->off) != (ssize_t)e->newlen)
			die("%s:", path);
		close(fd);
		break;
	case REWRITE:
		/* An editor that keeps the inode: truncate, write. */
		if ((fd = open(path, O_WRONLY | O_TRUNC)) == -1)
			die("%s:", path);
		writeall(fd, new->p, new->len, path);
		close(fd);
		break;
	case RECREATE:
		/* The inode number may well come back (ext4 reuses them). */
		if (unlink(path) == -1 || (fd = open(path, O_WRONLY | O_CREAT |
		    O_EXCL, 0600)) == -1)
			die("%s:", path);
		writeall(fd, new->p, new->len, path);
		close(fd);
		break;
	case REPLACE:
		snprintf(tmp, sizeof(tmp), "%s/adversary.tmp", pdir);
		spit(tmp, new);
		if (rename(tmp, path) == -1)
			die("%s:", path);
		break;
	}
	if (keep_times && had) {
		/* touch -r: the times the file had before the edit. */
		times[0] = st.st_atim;
		times[1] = st.st_mtim;
		if (utimensat(AT_FDCWD, path, times, 0) == -1)
			die("%s:", path);
	}
	ino = st.st_ino;
	return had && stat(path, &st) == 0 && st.st_ino == ino;
}

static void
apply(const struct table *tb, const struct edit *e, struct buf *out)
{
	out->len = 0;
	bput(out, tb->b.p, e->off);
	bput(out, e->new, e->newlen);
	bput(out, tb->b.p + e->off + e->oldlen, tb->b.len - e->off -
	    e->oldlen);
}

/* ---- The portfolio. */

static void
rm_dir_files(const char *d)
{
	char path[4400];
	struct dirent *de;
	DIR *dp;

	if ((dp = opendir(d)) == NULL) {
		if (errno == ENOENT)
			return;
		die("%s:", d);
	}
	while ((de = readdir(dp)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") ==
		    0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", d, de->d_name);
		if (unlink(path) == -1)
			die("%s:", path);
	}
	closedir(dp);
}

static void
date_before_today(char *s, size_t n)
{
	unsigned m = 1 + rnd(11);

	snprintf(s, n, "2026-%02u-%02u", m, 1 + rnd(m == 11 ? 23 : 28));
}

static void
date_due(char *s, size_t n)
{
	snprintf(s, n, "%u-%02u-%02u", 2026 + rnd(2), 1 + rnd(11),
	    1 + rnd(28));
}

static const char *const channels[] = { "call", "email", "visit", "note" };

/* A step to write: plain, quoted with a comma, or with accents. */
static void
step_text(char *s, size_t n, unsigned k)
{
	switch (rnd(4)) {
	case 0:
		snprintf(s, n, "\"Call, then visit the site %u\"", k);
		break;
	case 1:
		snprintf(s, n, "Enviar catálogo de otoño %u", k);
		break;
	default:
		snprintf(s, n, "Send the quote for %u laptops", k);
		break;
	}
}

/* A portfolio of some 110 clients with a history each: open agreements,
 * kept and moved ones (slips), recurring ones, lost clients, signals,
 * referrals; every date up to today. */
static void
generate(void)
{
	struct buf c = { 0 }, a = { 0 }, l = { 0 };
	char path[4300], d1[16], d2[16], d3[16], what[80];
	unsigned i, nc = 110, aid = 0, lid = 0, k;

	bprintf(&c, "id,name,company,email,phone,since,birthday,anniversary,"
	    "referred_by,consent,stage,tags,note\n");
	bprintf(&a, "id,client,what,due,channel,every,made,from\n");
	bprintf(&l, "id,date,client,agreement,channel,outcome,amount,mood,"
	    "next,note\n");
	for (i = 1; i <= nc; i++) {
		int consent = i % 3 != 1;

		date_before_today(d1, sizeof(d1));
		d1[3] = '5';	/* since: in 2025 */
		bprintf(&c, "%u,%s %04u,", i, i % 4 == 0 ? "Ana López" :
		    "Client", i);
		if (i % 4 == 1)
			bprintf(&c, "\"Smith, Jones & Co %u\",", i);
		else
			bprintf(&c, "Company %u,", i);
		bprintf(&c, "c%u@example.com,555-%04u,%s,", i, i, d1);
		if (i % 3 == 0)
			bprintf(&c, "%02u-%02u,", 1 + rnd(12), 1 + rnd(28));
		else if (i % 5 == 0)
			bprintf(&c, "19%02u-%02u-%02u,", 50 + rnd(50),
			    1 + rnd(12), 1 + rnd(28));
		else
			bprintf(&c, ",");
		if (i % 7 == 0)
			bprintf(&c, "20%02u-%02u-%02u,", 10 + rnd(15),
			    1 + rnd(12), 1 + rnd(28));
		else
			bprintf(&c, ",");
		bprintf(&c, i % 6 == 0 ? "%u," : ",", i / 2);
		bprintf(&c, "%s,%s,north hardware,", consent ? "yes" : "",
		    i % 2 ? "customer" : "proposal");
		if (i % 2)
			bprintf(&c, "\"Call after 10, ask for desk %u\"\n", i);
		else
			bprintf(&c, "\n");
		if (i % 11 == 0)
			continue;	/* no history: adrift */
		snprintf(d1, sizeof(d1), "2026-0%u-%02u", 1 + rnd(4),
		    1 + rnd(28));
		snprintf(d2, sizeof(d2), "2026-0%u-%02u", 5 + rnd(3),
		    1 + rnd(28));
		snprintf(d3, sizeof(d3), "2026-%02u-%02u", 8 + rnd(3),
		    1 + rnd(28));
		step_text(what, sizeof(what), i);
		switch (i % 5) {
		case 0:		/* one open agreement */
			date_due(d3, sizeof(d3));
			bprintf(&a, "%u,%u,%s,%s,%s,,%s,\n", ++aid, i, what, d3,
			    channels[rnd(4)], d1);
			break;
		case 1:		/* kept, and the next step made */
			bprintf(&a, "%u,%u,%s,%s,call,,%s,\n", ++aid, i, what,
			    d2, d1);
			bprintf(&l, "%u,%s,%u,%u,call,kept,%s,+,%u,Bought "
			    "%u printers for the office\n", ++lid, d2, i, aid,
			    i % 2 ? "1250.00" : "", aid + 1, i);
			date_due(d3, sizeof(d3));
			step_text(what, sizeof(what), i + 1000);
			bprintf(&a, "%u,%u,%s,%s,email,,%s,%u\n", ++aid, i,
			    what, d3, d2, lid);
			break;
		case 2:		/* moved twice: two slips */
			bprintf(&a, "%u,%u,%s,%s,call,,%s,\n", ++aid, i, what,
			    d2, d1);
			bprintf(&l, "%u,%s,%u,%u,call,moved,,0,%u,He is "
			    "travelling until the end of the month\n", ++lid,
			    d2, i, aid, aid + 1);
			bprintf(&a, "%u,%u,%s,%s,call,,%s,%u\n", ++aid, i, what,
			    d3, d2, lid);
			bprintf(&l, "%u,%s,%u,%u,call,moved,,-,%u,Still no "
			    "answer from the board\n", ++lid, d3, i, aid,
			    aid + 1);
			date_due(d2, sizeof(d2));
			bprintf(&a, "%u,%u,%s,%s,call,,%s,%u\n", ++aid, i, what,
			    d2, d3, lid);
			break;
		case 3:		/* recurring with consent, else adrift */
			if (consent) {
				date_due(d3, sizeof(d3));
				bprintf(&a, "%u,%u,Quarterly visit %u,%s,visit,"
				    "3m,%s,\n", ++aid, i, i, d3, d1);
			} else {
				bprintf(&a, "%u,%u,%s,%s,call,,%s,\n", ++aid,
				    i, what, d2, d1);
				bprintf(&l, "%u,%s,%u,%u,call,kept,,0,,Nothing "
				    "more for now\n", ++lid, d2, i, aid);
			}
			break;
		case 4:		/* lost: its agreement dropped */
			bprintf(&a, "%u,%u,%s,%s,call,,%s,\n", ++aid, i, what,
			    d2, d1);
			bprintf(&l, "%u,%s,%u,,call,lost,,-,,Went to the "
			    "competition\n", ++lid, d3, i);
			break;
		}
		if (i % 7 == 3)
			bprintf(&l, "%u,2026-11-%02u,%u,,call,signal,,-,,Missed "
			    "the payment of October\n", ++lid, 1 + rnd(20), i);
	}
	/* Contacts that settle nothing, until the log has a middle. */
	for (k = 0; l.len < 13000; k++) {
		date_before_today(d1, sizeof(d1));
		bprintf(&l, "%u,%s,%u,,%s,referral,,0,,Referred a colleague "
		    "from the %s office\n", ++lid, d1, 1 + rnd(nc),
		    channels[rnd(4)], k % 2 ? "north" : "south");
	}
	tpath(path, sizeof(path), pdir, CLIENTS);
	spit(path, &c);
	tpath(path, sizeof(path), pdir, AGREEMENTS);
	spit(path, &a);
	tpath(path, sizeof(path), pdir, LOG);
	spit(path, &l);
	free(c.p);
	free(a.p);
	free(l.p);
}

/* ---- Edits that keep a table valid, and some that do not. */

/* The ids the other tables name: those cannot change without the file
 * saying something else (a dangling reference is malformed). */
static int
named(const struct table tb[NT], int t, unsigned long id)
{
	static const struct {
		int t;
		const char *c;
		int of;
	} refs[] = {
		{ AGREEMENTS, "client", CLIENTS },
		{ LOG, "client", CLIENTS },
		{ CLIENTS, "referred_by", CLIENTS },
		{ LOG, "agreement", AGREEMENTS },
		{ LOG, "next", AGREEMENTS },
		{ AGREEMENTS, "from", LOG },
	};
	size_t i, r;
	int c;

	for (i = 0; i < sizeof(refs) / sizeof(refs[0]); i++) {
		if (refs[i].of != t || (c = col(&tb[refs[i].t], refs[i].c)) < 0)
			continue;
		for (r = 1; r < tb[refs[i].t].n; r++)
			if (num(&tb[refs[i].t], r, c) == id)
				return 1;
	}
	return 0;
}

static int
id_used(const struct table *tb, unsigned long id)
{
	size_t r;

	for (r = 1; r < tb->n; r++)
		if (num(tb, r, 0) == id)
			return 1;
	return 0;
}

static unsigned long
max_id(const struct table *tb)
{
	unsigned long m = 0, v;
	size_t r;

	for (r = 1; r < tb->n; r++)
		if ((v = num(tb, r, 0)) > m)
			m = v;
	return m;
}

static int
digits(unsigned long v)
{
	int n = 1;

	while (v >= 10) {
		v /= 10;
		n++;
	}
	return n;
}

/* Kinds of edit, and the columns each applies to. */
enum kind {
	K_DATE, K_DAY, K_CHAR, K_ID, K_CLIENT,		/* valid */
	K_GROW, K_SHRINK,				/* valid, length */
	B_DATE, B_DUPID, B_QUOTE, B_IDCHAR		/* malformed */
};
static const char *const kname[] = { "date", "birthday", "letter", "id",
    "client", "longer text", "shorter text", "bad date", "duplicate id",
    "broken quote", "id not a number" };

struct target {
	int t;
	const char *c;
	enum kind k;
};

static const struct target valid[] = {
	{ AGREEMENTS, "due", K_DATE }, { AGREEMENTS, "what", K_CHAR },
	{ AGREEMENTS, "made", K_DATE }, { AGREEMENTS, "id", K_ID },
	{ AGREEMENTS, "client", K_CLIENT }, { AGREEMENTS, "due", K_DATE },
	{ CLIENTS, "name", K_CHAR }, { CLIENTS, "since", K_DATE },
	{ CLIENTS, "birthday", K_DAY }, { CLIENTS, "anniversary", K_DAY },
	{ CLIENTS, "company", K_CHAR }, { CLIENTS, "note", K_CHAR },
	{ CLIENTS, "id", K_ID }, { LOG, "date", K_DATE },
	{ LOG, "note", K_CHAR }, { LOG, "id", K_ID },
};
static const struct target lengthy[] = {
	{ AGREEMENTS, "what", K_GROW }, { AGREEMENTS, "what", K_SHRINK },
	{ CLIENTS, "name", K_GROW }, { CLIENTS, "note", K_SHRINK },
	{ LOG, "note", K_GROW }, { LOG, "note", K_SHRINK },
};
static const struct target broken[] = {
	{ AGREEMENTS, "due", B_DATE }, { LOG, "date", B_DATE },
	{ CLIENTS, "since", B_DATE }, { AGREEMENTS, "id", B_DUPID },
	{ LOG, "id", B_DUPID }, { CLIENTS, "id", B_DUPID },
	{ CLIENTS, "note", B_QUOTE }, { AGREEMENTS, "what", B_QUOTE },
	{ LOG, "id", B_IDCHAR }, { AGREEMENTS, "id", B_IDCHAR },
};
#define VALID valid, sizeof(valid) / sizeof(valid[0])
#define LENGTHY lengthy, sizeof(lengthy) / sizeof(lengthy[0])
#define BROKEN broken, sizeof(broken) / sizeof(broken[0])

static int
is_date(const char *s, size_t n)
{
	return n == 10 && s[4] == '-' && s[7] == '-';
}

/* The byte of a field to change (a letter or digit, not a quote), or -1. */
static long
pick_char(const char *s, size_t n, int shrink)
{
	size_t i, k = 0, want;

	for (i = 0; i < n; i++)
		if ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' &&
		    s[i] <= '9'))
			k++;
	/* A text cut to nothing would be refused: keep three. */
	if (k == 0 || (shrink && k < 3))
		return -1;
	want = rnd((unsigned)k);
	for (i = 0, k = 0; i < n; i++)
		if ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' &&
		    s[i] <= '9')) {
			if (k++ == want)
				return (long)i;
		}
	return -1;
}

/* Makes the edit of one field, as kind k asks; -1 when it cannot. */
static int
make_edit(const struct table tb[NT], int t, size_t r, int c, enum kind k,
    struct edit *e)
{
	const struct table *x = &tb[t];
	const struct field *f = &x->r[r].f[c];
	const char *s = x->b.p + f->off;
	unsigned long id, nid, mx;
	long at;
	int i;

	memset(e, 0, sizeof(*e));
	e->t = t;
	e->off = f->off;
	e->oldlen = f->len;
	switch (k) {
	case K_DATE:
	case B_DATE:
		if (!is_date(s, f->len))
			return -1;
		if (k == B_DATE)
			snprintf(e->new, sizeof(e->new), "%.4s-02-30", s);
		else if (t == AGREEMENTS && c == col(x, "due"))
			date_due(e->new, sizeof(e->new));
		else
			date_before_today(e->new, sizeof(e->new));
		break;
	case K_DAY:
		if (f->len == 5)
			snprintf(e->new, sizeof(e->new), "%02u-%02u",
			    1 + rnd(12), 1 + rnd(28));
		else if (f->len == 10)
			snprintf(e->new, sizeof(e->new), "%.4s-%02u-%02u", s,
			    1 + rnd(12), 1 + rnd(28));
		else
			return -1;
		break;
	case K_CHAR:
	case K_GROW:
	case K_SHRINK:
		if ((at = pick_char(s, f->len, k == K_SHRINK)) < 0)
			return -1;
		e->off += (size_t)at;
		e->oldlen = 1;
		if (k == K_SHRINK)
			break;	/* newlen 0: the character goes */
		if (s[at] >= '0' && s[at] <= '9')
			e->new[0] = (char)('0' + (s[at] - '0' + 1 + rnd(9)) %
			    10);
		else
			e->new[0] = (char)('a' + (s[at] - 'a' + 1 + rnd(25)) %
			    26);
		if (k == K_GROW)
			e->new[1] = s[at];
		break;
	case K_ID:
		/* Another id of the same length, one the others do not
		 * name; the next one after the largest when it fits, so
		 * that a writer that missed the edit would take it again. */
		if ((id = num(x, r, c)) == 0 || named(tb, t, id))
			return -1;
		mx = max_id(x);
		nid = mx + 1 + (rnd(4) == 0);
		for (i = 0; i < 20 && (digits(nid) != digits(id) ||
		    id_used(x, nid)); i++) {
			nid = 1 + rnd(digits(id) == 1 ? 9 : digits(id) == 2 ?
			    99 : 999);
		}
		if (digits(nid) != digits(id) || id_used(x, nid))
			return -1;
		snprintf(e->new, sizeof(e->new), "%lu", nid);
		break;
	case K_CLIENT:
		/* An agreement of nobody's history given to another
		 * client with an id of the same length. */
		if ((id = num(x, r, 0)) == 0 || named(tb, t, id) ||
		    num(x, r, col(x, "from")) != 0)
			return -1;
		nid = 1 + rnd((unsigned)max_id(&tb[CLIENTS]));
		if (!id_used(&tb[CLIENTS], nid) || digits(nid) != (int)f->len ||
		    num(x, r, c) == nid)
			return -1;
		snprintf(e->new, sizeof(e->new), "%lu", nid);
		break;
	case B_DUPID:
		id = num(x, r, c);
		nid = num(x, 1 + rnd((unsigned)x->n - 1), 0);
		if (id == 0 || nid == id || digits(nid) != digits(id))
			return -1;
		snprintf(e->new, sizeof(e->new), "%lu", nid);
		break;
	case B_QUOTE:
		/* The closing quote turned into a letter: the field runs
		 * on over the rows after it. */
		if (!f->quoted || f->len < 2)
			return -1;
		e->off += f->len - 1;
		e->oldlen = 1;
		e->new[0] = 'x';
		break;
	case B_IDCHAR:
		if (f->len == 0)
			return -1;
		e->oldlen = 1;
		e->new[0] = 'x';
		break;
	}
	e->newlen = strlen(e->new);
	if (k == K_GROW)
		e->newlen = 2;
	memcpy(e->old, x->b.p + e->off, e->oldlen);
	if (e->newlen == e->oldlen && memcmp(e->old, e->new, e->newlen) == 0)
		return -1;
	snprintf(e->what, sizeof(e->what), "%s.csv:%zu (row %zu) %s %.*s "
	    "\"%.*s\" -> \"%.*s\" [%s, size %zu]", tname[t], e->off, r,
	    kname[k], (int)x->r[0].f[c].len, x->b.p + x->r[0].f[c].off,
	    (int)e->oldlen, e->old,
	    (int)e->newlen, e->new, rname[region_of(e->off, e->oldlen,
	    x->b.len)], x->b.len);
	return 0;
}

/* An edit from a list of targets, at a byte in the region asked for. */
static int
pick_edit(const struct table tb[NT], const struct target *v, size_t nv,
    enum region want, struct edit *e)
{
	int tries, c;
	size_t r, n;

	for (tries = 0; tries < 400; tries++) {
		const struct target *g = &v[rnd((unsigned)nv)];
		const struct table *x = &tb[g->t];

		if (!x->exists || x->n < 2 || (c = col(x, g->c)) < 0)
			continue;
		n = x->n - 1;
		r = 1 + rnd((unsigned)n);
		if (c >= x->r[r].nf || make_edit(tb, g->t, r, c, g->k, e) ==
		    -1)
			continue;
		if (region_of(e->off, e->oldlen, x->b.len) != want)
			continue;
		return 0;
	}
	return -1;
}

/* Where an edit may fall: only the ends, unless the classes that fu 0.1.0
 * gets wrong are asked for. */
static enum region
pick_region(void)
{
	if (!known_bad)
		return rnd(2) ? START : END;
	switch (rnd(4)) {
	case 0:
		return START;
	case 1:
		return END;
	default:
		return MIDDLE;
	}
}

/* ---- The steps. */

static struct tally *
step_tally(const char *cls)
{
	return tally(steps, &nsteps, sizeof(steps) / sizeof(steps[0]), cls);
}

/* Copies the tables to the twin portfolio, where writers run with a
 * full scan. */
static void
copy_to_twin(void)
{
	char from[4300], to[4300];
	struct buf b = { 0 };
	int t;

	rm_dir_files(twin);
	for (t = 0; t < NT; t++) {
		tpath(from, sizeof(from), pdir, t);
		tpath(to, sizeof(to), twin, t);
		if (slurp(from, &b) == 0)
			spit(to, &b);
	}
	free(b.p);
}

/* Puts DIR for every mention of dir in a message. */
static void
unname(struct buf *b, const char *d)
{
	struct buf fixed = { 0 };
	const char *p = b->p, *q;

	bput(&fixed, "", 0);
	while ((q = strstr(p, d)) != NULL) {
		bput(&fixed, p, (size_t)(q - p));
		bput(&fixed, "DIR", 3);
		p = q + strlen(d);
	}
	bput(&fixed, p, strlen(p));
	bset(b, &fixed);
	free(fixed.p);
}

/* A writer run with the saved state must do what it does with a full
 * scan on a copy of the same tables: the same exit, output and bytes
 * written.  And the tables it leaves must not hold an id twice.  cmd[0]
 * is the command; 0 when all is well. */
static int
writer(const char *cls, const char *const cmd[])
{
	static struct buf o1, e1, o2, e2, t1, t2;
	const char *a1[24], *a2[24];
	const char *q[] = { "fu-due", "-p", pdir, "-q", NULL };
	char what[300], p1[4300], p2[4300];
	struct tally *c;
	size_t w = 0;
	int i, s1, s2, same, t;
	pid_t pc, pf;

	a1[0] = a2[0] = cmd[0];
	a1[1] = a2[1] = "-p";
	a1[2] = pdir;
	a2[2] = twin;
	for (i = 0; cmd[i] != NULL && i < 20; i++) {
		if (i > 0)
			a1[i + 2] = a2[i + 2] = cmd[i];
		w += (size_t)snprintf(what + w, sizeof(what) - w, "%s%s",
		    i ? " " : "", cmd[i]);
		if (w >= sizeof(what))
			die("command too long");
	}
	a1[i + 2] = a2[i + 2] = NULL;
	copy_to_twin();
	pc = spawn(a1, 0, 2);
	pf = spawn(a2, 1, 3);
	s1 = reap(pc, 2, &o1, &e1);
	s2 = reap(pf, 3, &o2, &e2);
	unname(&e1, pdir);
	unname(&e2, twin);
	same = s1 == s2 && beq(&o1, &o2) && beq(&e1, &e2);
	for (t = 0; t < NT; t++) {
		tpath(p1, sizeof(p1), pdir, t);
		tpath(p2, sizeof(p2), twin, t);
		if (slurp(p1, &t1) != slurp(p2, &t2) || !beq(&t1, &t2))
			same = 0;
	}
	snprintf(p1, sizeof(p1), "%s (exit %d)", what, s1);
	record(p1);
	c = tally(checks, &nchecks, 8, "writer");
	c->run++;
	if (!same) {
		c->bad++;
		report("writer", cls, what);
		printf("  with .fu-state: exit %d, stdout \"%.*s\", stderr "
		    "\"%.*s\"\n", s1, (int)strcspn(o1.p, "\n"), o1.p,
		    (int)strcspn(e1.p, "\n"), e1.p);
		printf("  FU_CACHE=0 on a copy: exit %d, stdout \"%.*s\", "
		    "stderr \"%.*s\"\n", s2, (int)strcspn(o2.p, "\n"), o2.p,
		    (int)strcspn(e2.p, "\n"), e2.p);
		for (t = 0; t < NT; t++) {
			tpath(p1, sizeof(p1), pdir, t);
			tpath(p2, sizeof(p2), twin, t);
			slurp(p1, &t1);
			slurp(p2, &t2);
			if (beq(&t1, &t2))
				continue;
			printf("  %s.csv: with .fu-state | with FU_CACHE=0\n",
			    tname[t]);
			lines_not_in("state:", &t1, &t2);
			lines_not_in("scan: ", &t2, &t1);
		}
	}
	/* Then a full scan of what it wrote: no id twice. */
	s2 = reap(spawn(q, 1, 4), 4, NULL, &e2);
	c = tally(checks, &nchecks, 8, "nodup");
	c->run++;
	if (s2 == 3 && strstr(e2.p, "already used") != NULL) {
		c->bad++;
		report("nodup", cls, what);
		printf("  FU_CACHE=0 fu-due then: exit 3, %s", e2.p);
		same = 0;
	}
	return same ? 0 : -1;
}

/* A field of a TSV line by its header name; -1 when there is none. */
static int
tsv_get(const char *hdr, const char *line, const char *name, char *out,
    size_t n)
{
	size_t len;
	int c = 0;

	for (;;) {
		len = strcspn(hdr, "\t\n");
		if (len == strlen(name) && memcmp(hdr, name, len) == 0)
			break;
		if (hdr[len] != '\t')
			return -1;
		hdr += len + 1;
		c++;
	}
	for (; c > 0; c--) {
		line += strcspn(line, "\t\n");
		if (*line != '\t')
			return -1;
		line++;
	}
	snprintf(out, n, "%.*s", (int)strcspn(line, "\t\n"), line);
	return 0;
}

/* A row, at random, of the last full answer to listing q: its header
 * and its line; -1 when it listed nothing.  (An answer is "exit N", the
 * header, the rows, then any "stderr:" lines.) */
static int
tsv_row(int q, const char **hdr, const char **line)
{
	const struct buf *b = &last_full.q[q];
	const char *p;
	unsigned rows = 0, want;

	if (b->p == NULL || last_full.status[q] != 0 ||
	    (*hdr = strchr(b->p, '\n')) == NULL)
		return -1;
	(*hdr)++;
	for (p = strchr(*hdr, '\n'); p != NULL && p[1] != '\0' &&
	    strncmp(p + 1, "stderr:", 7) != 0; p = strchr(p + 1, '\n'))
		rows++;
	if (rows == 0)
		return -1;
	want = rnd(rows);
	for (p = strchr(*hdr, '\n') + 1; want > 0; want--)
		p = strchr(p, '\n') + 1;
	*line = p;
	return 0;
}

/* An open agreement (from --within 400) and its client. */
static int
open_pair(char *aid, char *cid)
{
	const char *hdr, *line;

	return tsv_row(1, &hdr, &line) == -1 || tsv_get(hdr, line, "id", aid,
	    16) == -1 || tsv_get(hdr, line, "client_id", cid, 16) == -1 ?
	    -1 : 0;
}

/* A client of listing q: --stale 0 (every one not lost), --adrift. */
static int
client_of(int q, char *cid)
{
	const char *hdr, *line;

	return tsv_row(q, &hdr, &line) == -1 || tsv_get(hdr, line,
	    "client_id", cid, 16) == -1 ? -1 : 0;
}

static void
some_client(char *cid)
{
	if (client_of(2, cid) == -1)
		snprintf(cid, 16, "%u", 1 + rnd(110));
}

/* Puts the arguments, up to NULL, at v[n...]; returns the new count. */
static int
args(const char **v, int n, ...)
{
	const char *a;
	va_list ap;

	va_start(ap, n);
	while ((a = va_arg(ap, const char *)) != NULL && n < 18)
		v[n++] = a;
	va_end(ap);
	v[n] = NULL;
	return n;
}

/* One of fu's own writes, chosen among the commands a salesperson runs;
 * 0 also when none fits (no open agreement, no adrift client). */
static int
fu_write(const char *cls)
{
	static const char *const outcome[] = { "kept", "kept", "moved",
	    "broken", "dropped" };
	char cid[16], aid[16], cid2[16], txt[80], due[16], bd[16];
	const char *v[20], *o;
	int n = 0;

	some_client(cid);
	snprintf(due, sizeof(due), "+%ud", 1 + rnd(60));
	snprintf(txt, sizeof(txt), "Call about order %u", rnd(10000));
	switch (rnd(13)) {
	case 0:
		snprintf(txt, sizeof(txt), "Client %04u", 200 + rnd(9000));
		snprintf(bd, sizeof(bd), "19%02u-%02u-%02u", 50 + rnd(50),
		    1 + rnd(12), 1 + rnd(28));
		n = args(v, 0, "fu-add", "client", txt, NULL);
		if (rnd(2))
			n = args(v, n, "--consent", "--birthday", bd, NULL);
		break;
	case 1:
		snprintf(txt, sizeof(txt), "Send offer %u", rnd(10000));
		n = args(v, 0, "fu-add", "agreement", cid, txt, "--due", due,
		    NULL);
		break;
	case 2:		/* refused without the client's consent */
		snprintf(txt, sizeof(txt), "Stay in touch %u", rnd(10000));
		n = args(v, 0, "fu-add", "agreement", cid, txt, "--due", due,
		    "--every", "3m", NULL);
		break;
	case 3:
	case 4:
	case 5:
	case 6:
	case 7:
		if (open_pair(aid, cid) == -1)
			return 0;
		o = outcome[rnd(5)];
		n = args(v, 0, "fu-log", cid, "-a", aid, "-o", o, NULL);
		if (strcmp(o, "moved") == 0)
			n = args(v, n, "--due", due, NULL);
		else
			n = args(v, n, "--next", txt, "--due", due, NULL);
		break;
	case 8:
		snprintf(txt, sizeof(txt), "Missed payment %u", rnd(10000));
		n = args(v, 0, "fu-log", cid, "--signal", txt, NULL);
		break;
	case 9:
		if (rnd(3) != 0)
			return 0;	/* rare: a lost client stays lost */
		n = args(v, 0, "fu-log", cid, "--lost", "Went to the "
		    "competition", NULL);
		break;
	case 10:	/* one of the clients the portfolio began with lost */
		snprintf(cid, sizeof(cid), "%u", 5 * (1 + rnd(22)) - 1);
		n = args(v, 0, "fu-log", cid, "--won", "--next", "Welcome back "
		    "visit", "--due", due, NULL);
		break;
	case 11:
		if (client_of(3, cid) == -1)
			return 0;
		n = args(v, 0, "fu-log", cid, "--next", txt, "--due", due,
		    NULL);
		break;
	case 12:
		some_client(cid2);
		n = args(v, 0, "fu-log", cid, "--referral", cid2, NULL);
		break;
	}
	return n == 0 ? 0 : writer(cls, v);
}

/* A valid row for table t, with the next id: a referral in the log, a
 * client, or an agreement. */
static void
new_row(const struct table tb[NT], int t, struct buf *row)
{
	char d[16];

	row->len = 0;
	date_before_today(d, sizeof(d));
	if (t == LOG)
		bprintf(row, "%lu,%s,%u,,email,referral,,+,,Appended by "
		    "another program\n", max_id(&tb[t]) + 1, d, 1 + rnd(110));
	else if (t == CLIENTS)
		bprintf(row, "%lu,Hand Made %u,,,,%s,%02u-%02u,,,yes,,,\n",
		    max_id(&tb[t]) + 1, rnd(1000), d, 1 + rnd(12), 1 + rnd(28));
	else {
		date_due(d, sizeof(d));
		bprintf(row, "%lu,%u,Hand made step %u,%s,call,,%s,\n",
		    max_id(&tb[t]) + 1, 1 + rnd(110), rnd(1000), d, TODAY);
	}
}

/* Rows appended by another program, each with the next id; "how" is 0
 * with a final newline,
 * 1 without one, 2 in two halves with a look between.  A program that
 * appends to a file without a final newline gives it one first. */
static int
append_row(const char *cls, int how)
{
	struct table tb[NT] = { { 0 } };
	struct buf row = { 0 }, nl = { 0 };
	char path[4300], what[300];
	int t = (int)rnd(NT), fd, rc = 0;
	size_t half;

	load(tb);
	if (!tb[t].exists || tb[t].n == 0)
		goto out;
	new_row(tb, t, &row);
	if (how == 1)
		row.p[--row.len] = '\0';
	if (tb[t].b.len > 0 && tb[t].b.p[tb[t].b.len - 1] != '\n')
		bput(&nl, "\n", 1);
	tpath(path, sizeof(path), pdir, t);
	if ((fd = open(path, O_WRONLY | O_APPEND)) == -1)
		die("%s:", path);
	half = how == 2 ? 1 + rnd((unsigned)row.len - 1) : row.len;
	writeall(fd, nl.p ? nl.p : "", nl.len, path);
	writeall(fd, row.p, half, path);
	snprintf(what, sizeof(what), "%s.csv appended \"%.*s\"%s", tname[t],
	    (int)strcspn(row.p, "\n"), row.p, how == 1 ? " (no final newline)" :
	    how == 2 ? " (first half)" : "");
	record(what);
	if (how == 2) {
		/* A reader between the halves sees a row cut short. */
		if ((rc = check_answers(cls, what, "reader")) == 0) {
			writeall(fd, row.p + half, row.len - half, path);
			snprintf(what, sizeof(what), "%s.csv: the rest of the "
			    "row appended", tname[t]);
			record(what);
		}
	}
	close(fd);
out:
	unload(tb);
	free(row.p);
	free(nl.p);
	return rc;
}

/* An edit written by the method asked for, the times put back or not;
 * with_row adds a new row at the end in the same write, as an editor
 * saves an edit and a row typed at the bottom. */
static int
do_edit_row(const struct target *v, size_t nv, enum region reg,
    enum method m, int keep_times, int with_row, char *what, size_t n)
{
	struct table tb[NT] = { { 0 } };
	struct buf nb = { 0 }, row = { 0 };
	struct edit e;
	int rc = -1, same;

	load(tb);
	if (pick_edit(tb, v, nv, reg, &e) == 0 && (m != PWRITE ||
	    e.newlen == e.oldlen) && (!with_row || m != PWRITE)) {
		apply(&tb[e.t], &e, &nb);
		if (with_row && nb.len > 0 && nb.p[nb.len - 1] == '\n') {
			new_row(tb, e.t, &row);
			bput(&nb, row.p, row.len);
		}
		same = put_table(e.t, &nb, &e, m, keep_times);
		snprintf(what, n, "%s%s: %s%s%s", mname[m], keep_times ?
		    " + touch -r" : "", e.what, row.len ? ", and a row added "
		    "at the end" : "", m >= RECREATE && same ?
		    " (the inode number came back)" : "");
		record(what);
		rc = 0;
	}
	unload(tb);
	free(nb.p);
	free(row.p);
	return rc;
}

static int
do_edit(const struct target *v, size_t nv, enum region reg, enum method m,
    int keep_times, char *what, size_t n)
{
	return do_edit_row(v, nv, reg, m, keep_times, 0, what, n);
}

/* The tables before a step, to put back when a step meant to keep them
 * valid did not (the portfolio must stay usable for the next one). */
static struct buf saved[NT];
static int saved_exists[NT];

static void
save_tables(void)
{
	char path[4300];
	int t;

	for (t = 0; t < NT; t++) {
		tpath(path, sizeof(path), pdir, t);
		saved_exists[t] = slurp(path, &saved[t]) == 0;
	}
}

/* Puts the saved tables back by method m: pwrite puts back the bytes
 * that changed when the length did not. */
static void
restore_tables(enum method m)
{
	char path[4300];
	struct buf now = { 0 };
	struct edit e;
	size_t i;
	int t, fd;

	for (t = 0; t < NT; t++) {
		tpath(path, sizeof(path), pdir, t);
		if (!saved_exists[t]) {
			unlink(path);
			continue;
		}
		if (slurp(path, &now) == -1) {
			spit(path, &saved[t]);
			continue;
		}
		if (beq(&now, &saved[t]))
			continue;
		if (m == PWRITE && now.len == saved[t].len) {
			if ((fd = open(path, O_WRONLY)) == -1)
				die("%s:", path);
			for (i = 0; i < now.len; i++)
				if (now.p[i] != saved[t].p[i] && pwrite(fd,
				    saved[t].p + i, 1, (off_t)i) != 1)
					die("%s:", path);
			close(fd);
			continue;
		}
		memset(&e, 0, sizeof(e));
		put_table(t, &saved[t], &e, m == PWRITE ? REWRITE : m, 0);
	}
	free(now.p);
	snprintf(path, sizeof(path), "the tables put back as they were before "
	    "the step (%s)", mname[m == PWRITE ? PWRITE : m]);
	record(path);
}

/* The racing reader: a reader that makes the state afresh while a byte
 * of a table changes under it.  Whatever it saved, the next answers must
 * be the new bytes'. */
static int
race(enum region reg, char *what, size_t n)
{
	struct table tb[NT] = { { 0 } };
	char path[4300];
	const char *argv[] = { "fu-due", "-p", pdir, "-q", NULL };
	struct edit e;
	struct timespec ts;
	double delay;
	pid_t pid;
	int fd, rc = -1;

	load(tb);
	if (pick_edit(tb, VALID, reg, &e) == 0 && e.newlen == e.oldlen) {
		/* The reader must be one that saves the state. */
		snprintf(path, sizeof(path), "%s/.fu-state", pdir);
		unlink(path);
		/* While it reads and saves, not while it starts. */
		delay = cold_ms * (0.3 + 0.8 * (double)rnd(1000) / 1000);
		tpath(path, sizeof(path), pdir, e.t);
		if ((fd = open(path, O_WRONLY)) == -1)
			die("%s:", path);
		pid = spawn(argv, 0, 5);
		ts.tv_sec = 0;
		ts.tv_nsec = (long)(delay * 1e6);
		nanosleep(&ts, NULL);
		if (pwrite(fd, e.new, e.newlen, (off_t)e.off) !=
		    (ssize_t)e.newlen)
			die("%s:", path);
		close(fd);
		reap(pid, 5, NULL, NULL);
		snprintf(what, n, "race: .fu-state removed, a reader started, "
		    "%.2f ms later pwrite %s", delay, e.what);
		record(what);
		rc = 0;
	}
	unload(tb);
	return rc;
}

/* A table deleted, looked at, and made again (maybe with the old inode
 * number), edited or not. */
static int
delete_table(const char *cls, char *what, size_t n)
{
	struct table tb[NT] = { { 0 } };
	struct buf nb = { 0 };
	char path[4300];
	struct edit e;
	struct stat st;
	ino_t ino;
	int t = (int)rnd(NT), fd, rc = 0, edited = 0;

	load(tb);
	tpath(path, sizeof(path), pdir, t);
	if (!tb[t].exists || stat(path, &st) == -1)
		goto out;
	ino = st.st_ino;
	bset(&nb, &tb[t].b);
	if (rnd(3) != 0 && pick_edit(tb, valid, sizeof(valid) /
	    sizeof(valid[0]), pick_region(), &e) == 0 && e.t == t) {
		apply(&tb[t], &e, &nb);
		edited = 1;
	}
	if (unlink(path) == -1)
		die("%s:", path);
	snprintf(what, n, "%s.csv deleted", tname[t]);
	record(what);
	if ((rc = check_answers(cls, what, "reader")) == -1)
		goto out;
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600)) == -1)
		die("%s:", path);
	writeall(fd, nb.p, nb.len, path);
	close(fd);
	snprintf(what, n, "%s.csv made again, %s%s", tname[t], edited ?
	    e.what : "as it was", stat(path, &st) == 0 && st.st_ino == ino ?
	    " (the inode number came back)" : "");
	record(what);
out:
	unload(tb);
	free(nb.p);
	return rc;
}

/* Only the times of a table: set back a day, or forward, or to now. */
static int
touch_only(char *what, size_t n)
{
	struct timespec times[2];
	char path[4300];
	int t = (int)rnd(NT), how = (int)rnd(3);

	tpath(path, sizeof(path), pdir, t);
	clock_gettime(CLOCK_REALTIME, &times[1]);
	times[1].tv_sec += how == 0 ? -86400 : how == 1 ? 86400 : 0;
	times[0] = times[1];
	if (utimensat(AT_FDCWD, path, times, 0) == -1 && errno != ENOENT)
		die("%s:", path);
	snprintf(what, n, "touch %s.csv to %s, bytes unchanged", tname[t],
	    how == 0 ? "a day ago" : how == 1 ? "a day ahead" : "now");
	record(what);
	return 0;
}

/* The steps, by weight; a regional one is labelled with where its edit
 * falls (start, middle, end of a table). */
enum stepkind {
	S_PWRITE, S_REWRITE, S_LENGTH, S_TOUCH_R, S_RECREATE, S_REPLACE,
	S_GROW, S_WRITE, S_APPEND, S_NONL, S_HALVES, S_RACE, S_MALFORMED,
	S_DELETE, S_TOUCH
};
static const struct {
	const char *name;
	unsigned weight;
	int regional;
} kinds[] = {
	[S_PWRITE] = { "pwrite", 12, 1 },
	[S_REWRITE] = { "rewrite", 10, 1 },
	[S_LENGTH] = { "rewrite-length", 6, 1 },
	[S_TOUCH_R] = { "touch-r", 8, 1 },
	[S_RECREATE] = { "recreate", 4, 1 },
	[S_REPLACE] = { "replace", 3, 1 },
	[S_GROW] = { "grow-after-edit", 6, 1 },
	[S_WRITE] = { "fu-write", 18, 0 },
	[S_APPEND] = { "append", 4, 0 },
	[S_NONL] = { "append-no-newline", 3, 0 },
	[S_HALVES] = { "append-in-halves", 3, 0 },
	[S_RACE] = { "race", 10, 1 },
	[S_MALFORMED] = { "malformed", 7, 1 },
	[S_DELETE] = { "delete-table", 3, 0 },
	[S_TOUCH] = { "touch-only", 3, 0 },
};
#define NKINDS (sizeof(kinds) / sizeof(kinds[0]))

static int
wanted(const char *label)
{
	const char *p = only_steps;
	size_t n;

	if (p == NULL || *p == '\0')
		return 1;
	for (; *p; p += n + (p[n] == ',')) {
		n = strcspn(p, ",");
		if (n > 0 && strncmp(label, p, n) == 0)
			return 1;
	}
	return 0;
}

/* Draws a step that FU_STEPS and FU_ADVERSARY_KNOWN_BAD allow. */
static enum stepkind
draw(enum region *reg, char *label, size_t n)
{
	unsigned total = 0, x, tries;
	size_t k;

	for (k = 0; k < NKINDS; k++)
		total += kinds[k].weight;
	for (tries = 0; tries < 100000; tries++) {
		x = rnd(total);
		for (k = 0; x >= kinds[k].weight; k++)
			x -= kinds[k].weight;
		*reg = pick_region();
		if (k == S_RACE && !known_bad)
			continue;
		if (kinds[k].regional)
			snprintf(label, n, "%s/%s", kinds[k].name,
			    rname[*reg]);
		else
			snprintf(label, n, "%s", kinds[k].name);
		if (wanted(label))
			return (enum stepkind)k;
	}
	die("FU_STEPS=%s: no such step", only_steps);
}

/* One round: a step, then the answers compared. */
static void
play_round(void)
{
	char what[400] = "", cls[64];
	enum region reg;
	enum method m = (enum method)rnd(3);
	enum stepkind k = draw(&reg, cls, sizeof(cls));
	struct tally *st;
	int rc = 0, tr = (int)rnd(2);

	save_tables();
	switch (k) {
	case S_PWRITE:		/* same length, in place */
		rc = do_edit(VALID, reg, PWRITE, 0, what, sizeof(what));
		break;
	case S_REWRITE:		/* an editor: truncate, write, same inode */
		rc = do_edit(VALID, reg, REWRITE, 0, what, sizeof(what));
		break;
	case S_LENGTH:		/* the same, to another length */
		if (tr)
			rc = do_edit(LENGTHY, reg, REWRITE, 0, what,
			    sizeof(what));
		else
			rc = do_edit_row(VALID, reg, REWRITE, 0, 1, what,
			    sizeof(what));
		break;
	case S_TOUCH_R:		/* an edit, then the old times put back */
		rc = do_edit(VALID, reg, tr ? PWRITE : REWRITE, 1, what,
		    sizeof(what));
		break;
	case S_RECREATE:	/* unlink and create: the inode may return */
		if (tr)
			rc = do_edit(VALID, reg, RECREATE, (int)rnd(2), what,
			    sizeof(what));
		else
			rc = do_edit(LENGTHY, reg, RECREATE, (int)rnd(2), what,
			    sizeof(what));
		break;
	case S_REPLACE:		/* a new file renamed over it */
		rc = do_edit(VALID, reg, REPLACE, tr, what, sizeof(what));
		break;
	case S_GROW:		/* an edit, then fu appends after it */
		if ((rc = do_edit(VALID, reg, tr ? PWRITE : REWRITE,
		    (int)rnd(2), what, sizeof(what))) == 0)
			rc = fu_write(cls);
		break;
	case S_WRITE:
		if ((rc = fu_write(cls)) == 0 && rnd(2))
			rc = fu_write(cls);
		snprintf(what, sizeof(what), "fu's own writes");
		break;
	case S_APPEND:
		rc = append_row(cls, 0);
		break;
	case S_NONL:
		rc = append_row(cls, 1);
		break;
	case S_HALVES:
		rc = append_row(cls, 2);
		break;
	case S_RACE:
		rc = race(reg, what, sizeof(what));
		break;
	case S_MALFORMED:	/* then undone the same way */
		if ((rc = do_edit(BROKEN, reg, m, 0, what, sizeof(what))) == 0 &&
		    (rc = check_answers(cls, what, "reader")) == 0) {
			restore_tables(m);
			snprintf(what, sizeof(what), "the malformed edit undone "
			    "(%s)", mname[m]);
		}
		break;
	case S_DELETE:
		rc = delete_table(cls, what, sizeof(what));
		break;
	case S_TOUCH:
		rc = touch_only(what, sizeof(what));
		break;
	}
	if (rc == -1 && !failed)
		return;		/* nothing fit (no such field there) */
	st = step_tally(cls);
	st->run++;
	if (failed || check_answers(cls, what, k == S_RACE ? "race" :
	    "reader") == -1) {
		st->bad++;
		return;
	}
	/* A step meant to keep the tables valid that did not (an edit the
	 * rules refuse, such as a date a recurring agreement cannot take):
	 * put them back, and look again. */
	if (malformed(&last_full) && k != S_HALVES) {
		restore_tables(REWRITE);
		if (check_answers(cls, "tables put back", "reader") == -1)
			st->bad++;
	}
}

static double started, budget;	/* FU_SECONDS; 0: none */

static int
out_of_time(void)
{
	return budget > 0 && (now_ms() - started) / 1000 > budget;
}

static void
play_episode(unsigned long e, unsigned long rounds)
{
	static struct answer cached;
	char path[4300];
	double t0;

	episode_no = e;
	round_no = 0;
	failed = 0;
	nhistory = 0;
	rng = seed * 0x100000001b3ULL ^ (e + 1) * 0x9e3779b97f4a7c15ULL;
	next64();
	if (verbose)
		printf("episode %lu\n", e);
	rm_dir_files(pdir);
	generate();
	record("a fresh portfolio");
	/* A first cached run makes the state; the full scan must like the
	 * tables, or the generator is wrong. */
	t0 = now_ms();
	{
		const char *argv[] = { "fu-due", "-p", pdir, "-q", NULL };

		reap(spawn(argv, 0, 0), 0, NULL, NULL);
	}
	cold_ms = now_ms() - t0;
	snprintf(path, sizeof(path), "%s/.fu-state", pdir);
	if (access(path, F_OK) == -1)
		die("the first run saved no .fu-state in %s", pdir);
	answers(&cached, &last_full);
	if (malformed(&last_full))
		die("the generated portfolio is refused: %s",
		    last_full.q[0].p);
	while (round_no < rounds && !failed && !out_of_time()) {
		play_round();
		round_no++;
		global_round++;
	}
}

int
main(int argc, char *argv[])
{
	unsigned long rounds = 1000, only = 0, e;
	const char *s;
	size_t i;
	int ch, has_only = 0;

	while ((ch = getopt(argc, argv, "v")) != -1)
		switch (ch) {
		case 'v':
			verbose = 1;
			break;
		default:
			goto usage;
		}
	if (argc - optind != 1)
		goto usage;
	if ((s = getenv("FU_SEED")) != NULL && *s)
		seed = strtoul(s, NULL, 10);
	if ((s = getenv("FU_ROUNDS")) != NULL && *s)
		rounds = strtoul(s, NULL, 10);
	if ((s = getenv("FU_EPISODE")) != NULL && *s && strtoul(s, NULL, 10))
		per_episode = strtoul(s, NULL, 10);
	if ((s = getenv("FU_SECONDS")) != NULL && *s)
		budget = strtod(s, NULL);
	if ((s = getenv("FU_ONLY")) != NULL && *s)
		only = strtoul(s, NULL, 10), has_only = 1;
	only_steps = getenv("FU_STEPS");
	if ((s = getenv("FU_ADVERSARY_KNOWN_BAD")) != NULL && *s)
		known_bad = strcmp(s, "0") != 0;
	/* The generated dates are told from this day. */
	setenv("FU_TODAY", TODAY, 1);
	setenv("TZ", "UTC", 1);
	setenv("LC_ALL", "C.UTF-8", 1);
	unsetenv("FU_PORTFOLIO");
	unsetenv("FU_FORMAT");
	make_envs();
	snprintf(dir, sizeof(dir), "%s", argv[optind]);
	snprintf(pdir, sizeof(pdir), "%s/p", dir);
	snprintf(twin, sizeof(twin), "%s/twin", dir);
	snprintf(outdir, sizeof(outdir), "%s/out", dir);
	if ((mkdir(dir, 0700) == -1 && errno != EEXIST) || (mkdir(pdir,
	    0700) == -1 && errno != EEXIST) || (mkdir(twin, 0700) == -1 &&
	    errno != EEXIST) || (mkdir(outdir, 0700) == -1 && errno != EEXIST))
		die("%s:", dir);
	setvbuf(stdout, NULL, _IOLBF, 0);
	started = now_ms();
	if (has_only)
		play_episode(only, per_episode);
	else
		for (e = 0; global_round < rounds && !out_of_time(); e++)
			play_episode(e, rounds - global_round < per_episode ?
			    rounds - global_round : per_episode);
	printf("adversary: seed %lu, %lu rounds, %lu episodes of up to %lu, "
	    "known-bad classes %s, %.1f s%s\n", seed, global_round, has_only ?
	    1 : e, per_episode, known_bad ? "in" : "out", (now_ms() - started) /
	    1000, out_of_time() ? " (FU_SECONDS reached)" : "");
	printf("adversary: the saved state stood (was not made again) in %lu "
	    "of %lu comparisons\n", stood, compared);
	for (i = 0; i < nchecks; i++)
		printf("adversary: check %s: %lu agreed, %lu differed\n",
		    checks[i].name, checks[i].run - checks[i].bad,
		    checks[i].bad);
	for (i = 0; i < nsteps; i++)
		printf("adversary: step %s: %lu run, %lu differed\n",
		    steps[i].name, steps[i].run, steps[i].bad);
	return differences > 0;
usage:
	fputs("usage: adversary [-v] DIR\n", stderr);
	return 2;
}
