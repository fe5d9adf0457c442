/*
 * portfolio.c - where the portfolio is, which of its tables exist, and a
 * consistent view of them: their sizes are noted under the lock, so a
 * reader never sees half of a row a writer is appending.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "priv.h"

int
fu_portfolio_path(const char *dir, char *out, size_t size, struct fu_err *e)
{
	const struct fu_settings *s = fu_settings();
	int n;

	if (dir != NULL && *dir != '\0')
		n = snprintf(out, size, "%s", dir);
	else if (s->portfolio != NULL)
		n = snprintf(out, size, "%s", s->portfolio);
	else if (s->data_home != NULL)
		n = snprintf(out, size, "%s/fu", s->data_home);
	else if (s->home != NULL)
		n = snprintf(out, size, "%s/.local/share/fu", s->home);
	else
		return fu_err_usage(e, _("no portfolio: use -p DIR or set "
		    "FU_PORTFOLIO"));
	if (n < 0 || (size_t)n >= size)
		return fu_err_usage(e, _("the portfolio path is too long"));
	/* Trailing slashes would double in messages. */
	while (n > 1 && out[n - 1] == '/')
		out[--n] = '\0';
	return 0;
}

/* Finds which of NAME.csv and NAME.tsv a table is. */
static int
locate(struct fu_portfolio *pf, enum fu_table t, struct fu_err *e)
{
	struct fu_table_file *tf = &pf->t[t];
	char csv[sizeof(tf->path)], tsv[sizeof(tf->path)];
	struct stat st;
	int has_csv, has_tsv;

	if (snprintf(csv, sizeof(csv), "%s/%s.csv", pf->dir,
	    fu_table_name[t]) >= (int)sizeof(csv) || snprintf(tsv, sizeof(tsv),
	    "%s/%s.tsv", pf->dir, fu_table_name[t]) >= (int)sizeof(tsv))
		return fu_err_usage(e, _("the portfolio path is too long"));
	/* A table that cannot be looked at is not a table that is not
	 * there: a directory we may not enter is an error, not empty. */
	if (!(has_csv = lstat(csv, &st) == 0) && errno != ENOENT &&
	    errno != ENOTDIR)
		return fu_err_io(e, pf->dir, errno, _("cannot read"));
	if (!(has_tsv = lstat(tsv, &st) == 0) && errno != ENOENT &&
	    errno != ENOTDIR)
		return fu_err_io(e, pf->dir, errno, _("cannot read"));
	if (has_csv && has_tsv)
		return fu_err_data(e, NULL, 0, _("both %s.csv and %s.tsv are "
		    "in %s: keep one"), fu_table_name[t], fu_table_name[t],
		    pf->dir);
	tf->exists = has_csv || has_tsv;
	if (!tf->exists)
		has_tsv = fu_settings()->tsv;
	memcpy(tf->path, has_tsv ? tsv : csv, sizeof(tf->path));
	snprintf(tf->name, sizeof(tf->name), "%s.%s", fu_table_name[t],
	    has_tsv ? "tsv" : "csv");
	tf->dialect.tsv = has_tsv;
	tf->dialect.delim = has_tsv ? '\t' : ',';
	tf->dialect.crlf = 0;
	tf->dialect.quote_all = 0;
	tf->dialect.cr = 0;
	tf->snap = 0;
	memset(&tf->st, 0, sizeof(tf->st));
	return 0;
}

/* Notes each table's size; the caller holds the lock if there is one. */
int
fu_portfolio_snap(struct fu_portfolio *pf, struct fu_err *e)
{
	struct stat st;
	int t;

	/* Taken before the tables are looked at: what changes them later
	 * has a later time (cache.c). */
	clock_gettime(CLOCK_REALTIME, &pf->snapped);
	/* Only a directory that is not there is no portfolio: one that
	 * cannot be looked at is an I/O error, told here with its errno. */
	if (stat(pf->dir, &st) == 0)
		pf->found = S_ISDIR(st.st_mode);
	else if (errno == ENOENT || errno == ENOTDIR)
		pf->found = 0;
	else
		return fu_err_io(e, pf->dir, errno, _("cannot read"));
	for (t = 0; t < FU_NTABLES; t++) {
		if (locate(pf, (enum fu_table)t, e) == -1)
			return -1;
		if (!pf->t[t].exists)
			continue;
		if (stat(pf->t[t].path, &st) == -1) {
			if (errno == ENOENT && lstat(pf->t[t].path, &st) == 0)
				continue;	/* a dangling link: open says */
			if (errno == ENOENT) {
				pf->t[t].exists = 0;
				continue;
			}
			return fu_err_io(e, pf->t[t].name, errno,
			    _("cannot read"));
		}
		pf->t[t].st = st;
		pf->t[t].snap = (long long)st.st_size;
	}
	return 0;
}

int
fu_portfolio_open(struct fu_portfolio *pf, const char *dir, struct fu_err *e)
{
	int fd, rc;

	memset(pf, 0, sizeof(*pf));
	if (fu_portfolio_path(dir, pf->dir, sizeof(pf->dir), e) == -1)
		return -1;
	if ((fd = fu_lock(pf->dir, 0, e)) == -1) {
		if (e->errnum == ENOENT || e->errnum == ENOTDIR) {
			fd = FU_LOCK_NONE;
		} else
			return -1;
	}
	/* Under the shared lock, a journal is a killed writer's: its
	 * half-made commit is not read. */
	if ((rc = fu_portfolio_snap(pf, e)) == 0 && pf->found &&
	    (rc = fu_dir_check(pf->dir, 0, e)) == 0)
		rc = fu_journal_verdict(pf, e);
	if (fd >= 0)
		fu_unlock(fd);
	return rc;
}

int
fu_cli_portfolios_distinct(const struct fu_cli *cli, struct fu_err *e)
{
	struct stat a, b;
	int i, j;

	for (i = 1; i < cli->nportfolio; i++) {
		if (stat(cli->portfolio[i], &a) == -1)
			continue;	/* opening it says what is wrong */
		for (j = 0; j < i; j++)
			if (stat(cli->portfolio[j], &b) == 0 &&
			    a.st_dev == b.st_dev && a.st_ino == b.st_ino)
				return fu_err_usage(e, _("-p %s and -p %s are "
				    "the same portfolio: give it once"),
				    cli->portfolio[j],
				    cli->portfolio[i]);
	}
	return 0;
}
