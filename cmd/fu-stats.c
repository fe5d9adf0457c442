/*
 * fu-stats - the retention report of a period, over one portfolio or
 * several: clients kept and lost, coverage, agreements kept, sales and the
 * 50/50 balance, referrals, contacts and mood.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fu.h"

enum {
	OPT_MONTH = 256, OPT_FROM, OPT_TO, OPT_BY, OPT_TSV, OPT_CSV, OPT_JSON,
	OPT_TODAY, OPT_VERSION
};

static const struct option longopts[] = {
	{ "month", required_argument, NULL, OPT_MONTH },
	{ "from", required_argument, NULL, OPT_FROM },
	{ "to", required_argument, NULL, OPT_TO },
	{ "by", required_argument, NULL, OPT_BY },
	{ "portfolio", required_argument, NULL, 'p' },
	{ "tsv", no_argument, NULL, OPT_TSV },
	{ "csv", no_argument, NULL, OPT_CSV },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "format", required_argument, NULL, 'f' },
	{ "today", required_argument, NULL, OPT_TODAY },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static void
usage(FILE *fp)
{
	fprintf(fp, _("usage: fu-stats [--month YYYY-MM|this|last] "
	    "[--from DATE --to DATE]\n"
	    "                [--by month|channel|stage] [-p DIR]...\n"
	    "                [--tsv | --csv | --json | -f TEMPLATE] "
	    "[--today DATE]\n"
	    "       fu-stats -h | --version\n"));
}

/* Adds a portfolio; with several, a message names the one it is about. */
static int
add(struct fu_report *r, const char *dir, int several, struct fu_err *e)
{
	struct fu_portfolio pf;
	char file[sizeof(e->file)];
	int rc;

	if (fu_portfolio_open(&pf, dir, e) == -1)
		return -1;
	if ((rc = fu_report_add(r, &pf, e)) == -1 && several &&
	    e->file[0] != '\0' && strchr(e->file, '/') == NULL) {
		if (snprintf(file, sizeof(file), "%s/%s", pf.dir, e->file) <
		    (int)sizeof(file))
			memcpy(e->file, file, sizeof(file));
	}
	fu_portfolio_close(&pf);
	return rc;
}

int
main(int argc, char *argv[])
{
	struct fu_report_query q = { 0, 0, FU_BY_NONE, FU_FMT_TEXT, NULL };
	struct fu_report *r = NULL;
	struct fu_err e = { 0 };
	const char *month = NULL, *from = NULL, *to = NULL, *today = NULL;
	const char **dirs;
	fu_date now;
	int ch, i, ndirs = 0, rc = FU_EXIT_USAGE;

	fu_init("fu-stats");
	if ((dirs = calloc((size_t)argc + 1, sizeof(*dirs))) == NULL) {
		fu_warn("%s", strerror(ENOMEM));
		return FU_EXIT_IO;
	}
	while ((ch = getopt_long(argc, argv, "f:hp:", longopts, NULL)) != -1) {
		switch (ch) {
		case OPT_MONTH: month = optarg; break;
		case OPT_FROM: from = optarg; break;
		case OPT_TO: to = optarg; break;
		case OPT_BY:
			if (strcmp(optarg, "month") == 0)
				q.by = FU_BY_MONTH;
			else if (strcmp(optarg, "channel") == 0)
				q.by = FU_BY_CHANNEL;
			else if (strcmp(optarg, "stage") == 0)
				q.by = FU_BY_STAGE;
			else {
				fu_warn(_("--by \"%s\": use month, channel or "
				    "stage"), optarg);
				goto out;
			}
			break;
		case 'p': dirs[ndirs++] = optarg; break;
		case OPT_TSV: q.fmt = FU_FMT_TSV; break;
		case OPT_CSV: q.fmt = FU_FMT_CSV; break;
		case OPT_JSON: q.fmt = FU_FMT_JSON; break;
		case 'f': q.fmt = FU_FMT_TEMPLATE; q.tmpl = optarg; break;
		case OPT_TODAY: today = optarg; break;
		case 'h':
			usage(stdout);
			rc = fu_out_close(&e) == -1 ? fu_fail(&e) : 0;
			goto out;
		case OPT_VERSION:
			printf("fu-stats %s\n", FU_VERSION);
			rc = fu_out_close(&e) == -1 ? fu_fail(&e) : 0;
			goto out;
		default:
			usage(stderr);
			goto out;
		}
	}
	if (optind < argc) {
		usage(stderr);
		goto out;
	}
	if (ndirs == 0)
		ndirs = 1;	/* dirs[0] NULL: $FU_PORTFOLIO or the default */
	if (fu_today(today, &now, &e) == -1 ||
	    fu_report_period(month, from, to, now, &q.from, &q.to, &e) == -1 ||
	    (r = fu_report_new(&q, &e)) == NULL)
		goto fail;
	for (i = 0; i < ndirs; i++)
		if (add(r, dirs[i], ndirs > 1, &e) == -1)
			goto fail;
	if (fu_report_print(r, &e) == -1 || fu_out_close(&e) == -1)
		goto fail;
	rc = 0;
	goto out;
fail:
	rc = fu_fail(&e);
out:
	fu_report_free(r);
	free(dirs);
	return rc;
}
