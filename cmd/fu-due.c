/*
 * fu-due - list the follow-ups that are due: agreements, never bare
 * clients.  Exit status as grep: 0 when something was listed, 1 when
 * nothing, 2 or more on error.
 */
#include <stdio.h>

#include "fu.h"

enum {
	OPT_WITHIN = 256, OPT_OVERDUE, OPT_CLIENT, OPT_CHANNEL, OPT_TAG,
	OPT_SLIPPED, OPT_STALE, OPT_ADRIFT, OPT_OCCASIONS, OPT_AT_RISK,
	OPT_PLAN, OPT_COMPLETE
};

static const struct option longopts[] = {
	{ "within", required_argument, NULL, OPT_WITHIN },
	{ "overdue", no_argument, NULL, OPT_OVERDUE },
	{ "client", required_argument, NULL, OPT_CLIENT },
	{ "channel", required_argument, NULL, OPT_CHANNEL },
	{ "tag", required_argument, NULL, OPT_TAG },
	{ "slipped", required_argument, NULL, OPT_SLIPPED },
	{ "stale", required_argument, NULL, OPT_STALE },
	{ "adrift", no_argument, NULL, OPT_ADRIFT },
	{ "occasions", no_argument, NULL, OPT_OCCASIONS },
	{ "at-risk", no_argument, NULL, OPT_AT_RISK },
	{ "plan", required_argument, NULL, OPT_PLAN },
	{ "complete", required_argument, NULL, OPT_COMPLETE },
	{ "quiet", no_argument, NULL, 'q' },
	{ NULL, 0, NULL, 0 }
};

static const char *
usage(void)
{
	return _("usage: fu-due [--within N] [--overdue] [--client C] "
	    "[--channel C] [--tag T]\n"
	    "              [--plan NAME]\n"
	    "              [--slipped N] [--stale DAYS] [--adrift] "
	    "[--at-risk] [--occasions]\n"
	    "              [-q] [--tsv | --csv | --json | --ics | -f TEMPLATE] "
	    "[--raw]\n"
	    "              [-p DIR]... [--today DATE] [--color WHEN]\n"
	    "       fu-due --complete clients|plans [--client WORD] "
	    "[-p DIR]...\n"
	    "       fu-due -h | --version\n");
}

/* Sets the listing, counting them: they exclude each other. */
static void
mode(struct fu_due_query *q, enum fu_due_mode m, int *modes)
{
	q->mode = m;
	++*modes;
}

int
main(int argc, char *argv[])
{
	struct fu_cli cli = { 0 };
	struct fu_due_query q = FU_DUE_QUERY_INIT;
	struct fu_err e = { 0 };
	int ch, modes = 0;
	long n;

	fu_init("fu-due");
	cli.usage = usage();
	cli.flags = FU_CLI_FORMATS | FU_CLI_PORTFOLIOS | FU_CLI_ICS;
	while ((ch = fu_getopt(&cli, argc, argv, "q", longopts)) != -1) {
		switch (ch) {
		case OPT_WITHIN:
			if (fu_count("--within", optarg, 0, 36500, &q.within,
			    &e) == -1)
				return fu_fail(&e);
			break;
		case OPT_OVERDUE: q.overdue = 1; break;
		case OPT_CLIENT: q.client = optarg; break;
		case OPT_CHANNEL: q.channel = optarg; break;
		case OPT_TAG: q.tag = optarg; break;
		case OPT_SLIPPED:
			if (fu_count("--slipped", optarg, 1, 36500, &q.slipped,
			    &e) == -1)
				return fu_fail(&e);
			break;
		case OPT_STALE:
			if (fu_count("--stale", optarg, 0, 36500, &q.stale,
			    &e) == -1)
				return fu_fail(&e);
			mode(&q, FU_DUE_STALE, &modes);
			break;
		case OPT_ADRIFT: mode(&q, FU_DUE_ADRIFT, &modes); break;
		case OPT_OCCASIONS: mode(&q, FU_DUE_OCCASIONS, &modes); break;
		case OPT_AT_RISK: mode(&q, FU_DUE_AT_RISK, &modes); break;
		case OPT_PLAN: q.plan = optarg; break;
		case OPT_COMPLETE: q.complete = optarg; break;
		case 'q': q.quiet = 1; break;
		}
	}
	if (cli.exit >= 0)
		return cli.exit;
	if (modes > 1) {
		fu_err_usage(&e, _("--stale, --adrift, --at-risk and "
		    "--occasions go one at a time"));
		return fu_fail(&e);
	}
	if ((n = fu_due(&cli, &q, &e)) == -1 || fu_out_close(&e) == -1)
		return fu_fail(&e);
	return n > 0 ? FU_EXIT_OK : FU_EXIT_NONE;
}
