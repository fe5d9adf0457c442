/*
 * fu-stats - the retention report of a period, over one portfolio or
 * several: clients kept and lost, coverage, agreements kept, sales and the
 * 50/50 balance, referrals, contacts and mood.  Past one machine, each
 * portfolio's raw counts (--partial) and their sum (--merge).
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "fu.h"

enum { OPT_MONTH = 256, OPT_FROM, OPT_TO, OPT_BY, OPT_PARTIAL, OPT_MERGE };

static const struct option longopts[] = {
	{ "month", required_argument, NULL, OPT_MONTH },
	{ "from", required_argument, NULL, OPT_FROM },
	{ "to", required_argument, NULL, OPT_TO },
	{ "by", required_argument, NULL, OPT_BY },
	{ "partial", no_argument, NULL, OPT_PARTIAL },
	{ "merge", no_argument, NULL, OPT_MERGE },
	{ NULL, 0, NULL, 0 }
};

static const char *
usage(void)
{
	return _("usage: fu-stats [--month YYYY-MM|this|last] "
	    "[--from DATE --to DATE]\n"
	    "                [--by month|channel|stage] [-p DIR]...\n"
	    "                [--partial | --tsv | --csv | --json | -f TEMPLATE] "
	    "[--raw]\n"
	    "                [--today DATE] [--color WHEN]\n"
	    "       fu-stats --merge [--partial | --tsv | --csv | --json | "
	    "-f TEMPLATE] [--raw]\n"
	    "                [--color WHEN] [FILE ...]\n"
	    "       fu-stats -h | --version\n");
}

int
main(int argc, char *argv[])
{
	static const char *const by[] = {
		[FU_BY_MONTH] = "month", [FU_BY_CHANNEL] = "channel",
		[FU_BY_STAGE] = "stage"
	};
	struct fu_cli cli = { 0 };
	struct fu_report_query q = { NULL, NULL, NULL, FU_BY_NONE, 0 };
	struct fu_err e = { 0 };
	int ch, merge = 0;

	fu_init("fu-stats");
	cli.usage = usage();
	cli.flags = FU_CLI_FORMATS | FU_CLI_PORTFOLIOS;
	cli.args_max = INT_MAX;		/* --merge FILE...; none without */
	while ((ch = fu_getopt(&cli, argc, argv, "", longopts)) != -1) {
		switch (ch) {
		case OPT_MONTH: q.month = optarg; break;
		case OPT_FROM: q.from = optarg; break;
		case OPT_TO: q.to = optarg; break;
		case OPT_BY:
			for (q.by = FU_BY_MONTH; q.by <= FU_BY_STAGE; q.by++)
				if (strcmp(optarg, by[q.by]) == 0)
					break;
			if (q.by > FU_BY_STAGE) {
				fu_err_usage(&e, _("--by \"%s\": use month, "
				    "channel or stage"), optarg);
				return fu_fail(&e);
			}
			break;
		case OPT_PARTIAL: q.partial = 1; break;
		case OPT_MERGE: merge = 1; break;
		}
	}
	if (cli.exit >= 0)
		return cli.exit;
	if (!merge && optind < argc) {
		fputs(cli.usage, stderr);
		return FU_EXIT_USAGE;
	}
	if (q.partial && cli.fmt != FU_FMT_TEXT) {
		fu_err_usage(&e, _("--partial prints JSON Lines of its own: it "
		    "does not go with --tsv, --csv, --json or -f"));
		return fu_fail(&e);
	}
	/* A partial says its period and --by; the merge takes them. */
	if (merge && (q.month || q.from || q.to || q.by != FU_BY_NONE ||
	    cli.nportfolio > 0)) {
		fu_err_usage(&e, _("--merge takes the period, --by and the "
		    "portfolios from the partials: it does not go with --month, "
		    "--from, --to, --by or -p"));
		return fu_fail(&e);
	}
	if ((merge ? fu_stats_merge(&cli, &q, argv + optind, argc - optind,
	    &e) : fu_stats(&cli, &q, &e)) == -1 || fu_out_close(&e) == -1)
		return fu_fail(&e);
	return 0;
}
