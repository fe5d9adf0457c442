/*
 * plan.c - plans: a plan is a TSV file of steps, each an agreement to be
 * made when the plan starts, due some days after the start, or some days
 * after the step before it is closed.  Read by the table reader, like the
 * portfolio's tables; every step is checked by the rule before any is
 * written.
 */
/* realpath(3) is POSIX.1-2008; glibc shows it with the XSI names. */
#define _XOPEN_SOURCE 700
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "priv.h"

#define PLAN_MAX (64 * 1024)	/* bytes: a plan is a page, not a table */

static const char *const marks[] = { FU_MARK_INTERVIEW, FU_MARK_POST_SALE };

/* A plan's name: letters, digits, "-" and "_", as a file name and as a
 * word of the plan column. */
static int
name_ok(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && n < 48 && strspn(s, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") == n && s[0] != '-';
}

#define LISTED 64		/* plans named in a message, at most */

struct names {
	char v[LISTED][48];
	size_t n;
};

/* Adds the plans of one directory to a list, once each. */
static void
list_dir(const char *dir, struct names *l)
{
	struct dirent *d;
	struct stat st;
	DIR *dp;
	char name[64];
	size_t n, i;

	if (dir == NULL || (dp = opendir(dir)) == NULL)
		return;
	while ((d = readdir(dp)) != NULL && l->n < LISTED) {
		n = strlen(d->d_name);
		if (n < 5 || n - 4 >= sizeof(name) ||
		    strcmp(d->d_name + n - 4, ".tsv") != 0)
			continue;
		memcpy(name, d->d_name, n - 4);
		name[n - 4] = '\0';
		/* A link to nothing is no plan. */
		if (fstatat(dirfd(dp), d->d_name, &st, 0) == -1 ||
		    !S_ISREG(st.st_mode))
			continue;
		for (i = 0; i < l->n && strcmp(l->v[i], name) != 0; i++)
			;
		/* name_ok keeps it under 48 bytes, which the compiler cannot
		 * see through a snprintf. */
		if (name_ok(name) && i == l->n)
			memcpy(l->v[l->n++], name, strlen(name) + 1);
	}
	closedir(dp);
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(a, b);
}

size_t
fu_plan_names(const char *dir, char (*v)[48], size_t max)
{
	struct names l;
	char own[4096];
	size_t i;

	l.n = 0;
	if (snprintf(own, sizeof(own), "%s/plans", dir) < (int)sizeof(own))
		list_dir(own, &l);
	list_dir(fu_settings()->plans, &l);
	qsort(l.v, l.n, sizeof(l.v[0]), by_name);
	for (i = 0; i < l.n && i < max; i++)
		memcpy(v[i], l.v[i], sizeof(v[i]));
	return i;
}

/* "no plan called x; the plans: exit, onboarding, post-sale". */
static int
not_found(const char *dir, const char *name, struct fu_err *e)
{
	char v[LISTED][48];
	struct fu_buf b = { 0 };
	size_t i, n;
	int rc;

	n = fu_plan_names(dir, v, LISTED);
	for (i = 0; i < n; i++)
		if (fu_buf_str(&b, i == 0 ? " " : ", ") == -1 ||
		    fu_buf_str(&b, v[i]) == -1) {
			fu_buf_free(&b);
			return fu_err_nomem(e);
		}
	if (n == 0)
		rc = fu_err_usage(e, _("no plan called \"%s\", and no plan is "
		    "installed (%s)"), name, fu_settings()->plans);
	else
		rc = fu_err_usage(e, _("no plan called \"%s\"; the plans:%s"),
		    name, b.p);
	fu_buf_free(&b);
	return rc;
}

/* "+3d", "3d", "0", "kept", "kept+2w": when a step falls due. */
static int
when_parse(const char *s, size_t n, struct fu_plan_step *st)
{
	st->after_prev = 0;
	st->offset.n = 0;
	st->offset.unit = 'd';
	if (n >= 4 && strncmp(s, "kept", 4) == 0) {
		st->after_prev = 1;
		s += 4;
		n -= 4;
		if (n == 0)
			return 0;
		if (*s != '+')
			return -1;
	}
	if (n > 0 && *s == '+') {
		s++;
		n--;
	}
	if ((n == 1 && *s == '0') || (n == 2 && s[0] == '0' && s[1] == 'd'))
		return 0;
	return fu_period_parse(s, n, &st->offset);
}

struct reading {
	struct fu_plan *p;
	struct fu_table_file *tf;
};

/* A refusal of a step's text, said of the plan's line. */
static int
as_data(struct fu_err *e, const char *file, long line)
{
	char text[sizeof(e->text)];

	memcpy(text, e->text, sizeof(text));
	return fu_err_data(e, file, line, "%s", text);
}

static int
on_step(void *ctx, const struct fu_row *r, struct fu_err *e)
{
	struct reading *rd = ctx;
	struct fu_plan *p = rd->p;
	struct fu_plan_step *st;
	const char *file = rd->tf->name;
	size_t i;

	if (p->n == FU_PLAN_STEPS)
		return fu_err_data(e, file, r->line, _("a plan has at most %d "
		    "steps"), FU_PLAN_STEPS);
	st = &p->step[p->n];
	memset(st, 0, sizeof(*st));
	st->line = r->line;
	if (when_parse(r->f[FU_P_WHEN], r->len[FU_P_WHEN], st) == -1)
		return fu_err_data(e, file, r->line, _("when \"%.40s\" is not "
		    "when a step falls due: +0d, +3d, +2w, +1m (after the "
		    "start), kept or kept+3d (after the step before it)"),
		    r->f[FU_P_WHEN]);
	if (st->after_prev && p->n == 0)
		return fu_err_data(e, file, r->line, _("the first step waits "
		    "on no step before it: give it a day after the start, "
		    "such as +0d"));
	if ((st->side = fu_side_parse(r->f[FU_P_SIDE], r->len[FU_P_SIDE])) ==
	    (enum fu_side)-1)
		return fu_err_data(e, file, r->line, _("side \"%.40s\" is not "
		    "mine (or me, mío, yo, or empty) or client (or theirs, "
		    "cliente)"),
		    r->f[FU_P_SIDE]);
	st->mark = "";
	for (i = 0; r->len[FU_P_MARK] > 0 && i < sizeof(marks) /
	    sizeof(marks[0]); i++)
		if (strcmp(r->f[FU_P_MARK], marks[i]) == 0)
			st->mark = marks[i];
	if (r->len[FU_P_MARK] > 0 && *st->mark == '\0')
		return fu_err_data(e, file, r->line, _("mark \"%.40s\" is not "
		    "%s, %s or empty"), r->f[FU_P_MARK], marks[0], marks[1]);
	/* Every step is an agreement the rule accepts, or the plan is
	 * refused where it says it. */
	if (fu_text_check("what", r->f[FU_P_WHAT], 0, e) == -1 ||
	    fu_text_check("channel", r->f[FU_P_CHANNEL], 1, e) == -1 ||
	    fu_rule_step(r->f[FU_P_WHAT], 0, e) == -1)
		return as_data(e, file, r->line);
	if ((st->what = fu_arena_dup(&p->arena, r->f[FU_P_WHAT],
	    r->len[FU_P_WHAT])) == NULL || (st->channel = fu_arena_dup(
	    &p->arena, r->f[FU_P_CHANNEL], r->len[FU_P_CHANNEL])) == NULL)
		return fu_err_nomem(e);
	p->n++;
	return 0;
}

/* Reads one plan file; 0 if it is not there. */
static int
read_plan(const char *dir, const char *name, struct fu_plan *p, int *found,
    struct fu_err *e)
{
	struct fu_table_file tf;
	struct fu_header h;
	struct reading rd = { p, &tf };
	struct stat st;
	char *real;
	int i, rc;

	*found = 0;
	memset(&tf, 0, sizeof(tf));
	if (snprintf(tf.path, sizeof(tf.path), "%s/%s.tsv", dir, name) >=
	    (int)sizeof(tf.path))
		return 0;
	if (stat(tf.path, &st) == -1)
		return errno == ENOENT || errno == ENOTDIR ? 0 :
		    fu_err_io(e, tf.path, errno, _("cannot read"));
	*found = 1;
	snprintf(tf.name, sizeof(tf.name), "%s.tsv", name);
	snprintf(p->file, sizeof(p->file), "%s", tf.path);
	if (!S_ISREG(st.st_mode) || st.st_size > PLAN_MAX)
		return fu_err_data(e, tf.path, 0, _("a plan is a text file "
		    "of at most %d bytes"), PLAN_MAX);
	tf.exists = 1;
	tf.snap = (long long)st.st_size;
	/* An installed plan may be a link (GNU Stow, Nix): a plan is read,
	 * never written, so the link is followed. */
	if ((real = realpath(p->file, NULL)) == NULL)
		return fu_err_io(e, p->file, errno, _("cannot read"));
	i = snprintf(tf.path, sizeof(tf.path), "%s", real) >=
	    (int)sizeof(tf.path);
	free(real);
	if (i)
		return fu_err_io(e, p->file, ENAMETOOLONG, _("cannot read"));
	rc = fu_table_read(&tf, FU_PLAN, &h, 0, on_step, &rd, e);
	/* The plan's messages name the whole path: the plan may be the
	 * installed one. */
	if (rc == -1 && strcmp(e->file, tf.name) == 0 &&
	    strlen(p->file) < sizeof(e->file))
		memcpy(e->file, p->file, strlen(p->file) + 1);
	if (rc == 0 && h.ncols == 0)
		rc = fu_err_data(e, p->file, 1, "%s", _("a plan's first line "
		    "(after its \"#\" lines) names its columns: when, what, "
		    "channel, side, mark"));
	for (i = 0; rc == 0 && i < h.ncols; i++)
		if (h.colmap[i] < 0)
			rc = fu_err_data(e, p->file, h.line, _("column \"%.40s\" is "
			    "not a plan's: when, what, channel, side, mark"),
			    h.name[i]);
	if (rc == 0 && p->n == 0)
		rc = fu_err_data(e, p->file, 0, "%s", _("a plan has no step"));
	if (rc == 0 && h.comment != NULL) {
		p->about = h.comment;
		h.comment = NULL;
	}
	fu_header_free(&h);
	return rc;
}

int
fu_plan_load(const char *dir, const char *name, struct fu_plan *p,
    struct fu_err *e)
{
	char own[4096];
	int found = 0;

	memset(p, 0, sizeof(*p));
	if (!name_ok(name))
		return fu_err_usage(e, _("\"%s\" is not a plan's name: a to z "
		    "without accents, digits, - and _"), name);
	snprintf(p->name, sizeof(p->name), "%s", name);
	if (snprintf(own, sizeof(own), "%s/plans", dir) >= (int)sizeof(own))
		return fu_err_usage(e, _("the portfolio's path is too long"));
	if (read_plan(own, name, p, &found, e) == -1 || (!found &&
	    read_plan(fu_settings()->plans, name, p, &found, e) == -1)) {
		fu_plan_free(p);
		return -1;
	}
	if (!found)
		return not_found(dir, name, e);
	return 0;
}

void
fu_plan_free(struct fu_plan *p)
{
	fu_arena_free(p->arena);
	free(p->about);
	p->arena = NULL;
	p->about = NULL;
	p->n = 0;
}

char *
fu_plan_label(const struct fu_plan *p, size_t step)
{
	const char *mark = p->step[step].mark;

	return fu_strf("%s %zu/%zu%s%s", p->name, step + 1, p->n,
	    *mark ? " " : "", mark);
}
