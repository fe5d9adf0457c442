/*
 * fu-due - list the follow-ups that are due: agreements, never bare
 * clients.  Exit status as grep: 0 when something was listed, 1 when
 * nothing, 2 or more on error.
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fu.h"

enum {
	OPT_WITHIN = 256, OPT_OVERDUE, OPT_CLIENT, OPT_CHANNEL, OPT_TAG,
	OPT_SLIPPED, OPT_STALE, OPT_ADRIFT, OPT_OCCASIONS, OPT_TSV, OPT_CSV,
	OPT_JSON, OPT_TODAY, OPT_VERSION
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
	{ "quiet", no_argument, NULL, 'q' },
	{ "tsv", no_argument, NULL, OPT_TSV },
	{ "csv", no_argument, NULL, OPT_CSV },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "format", required_argument, NULL, 'f' },
	{ "portfolio", required_argument, NULL, 'p' },
	{ "today", required_argument, NULL, OPT_TODAY },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static void
usage(FILE *fp)
{
	fprintf(fp, _("usage: fu-due [--within N] [--overdue] [--client C] "
	    "[--channel C] [--tag T]\n"
	    "              [--slipped N] [--stale DAYS] [--adrift] "
	    "[--occasions] [-q]\n"
	    "              [--tsv | --csv | --json | -f TEMPLATE] [-p DIR] "
	    "[--today DATE]\n"
	    "       fu-due -h | --version\n"));
}

/* A count of days or times: a whole number in range, as strtonum(3). */
static int
count(const char *opt, const char *s, int min, int *out, struct fu_err *e)
{
	char *end;
	long v;

	v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || v < min || v > 36500)
		return fu_err_usage(e, _("%s \"%s\" is not a number from %d "
		    "to 36500"), opt, s, min);
	*out = (int)v;
	return 0;
}

int
main(int argc, char *argv[])
{
	struct fu_due_query q = FU_DUE_QUERY_INIT;
	struct fu_portfolio pf;
	struct fu_err e = { 0 };
	const char *portfolio = NULL, *today = NULL;
	int ch, modes = 0;
	long n;

	fu_init("fu-due");
	while ((ch = getopt_long(argc, argv, "f:hp:q", longopts, NULL)) != -1) {
		switch (ch) {
		case OPT_WITHIN:
			if (count("--within", optarg, 0, &q.within, &e) == -1)
				return fu_fail(&e);
			break;
		case OPT_OVERDUE: q.overdue = 1; break;
		case OPT_CLIENT: q.client = optarg; break;
		case OPT_CHANNEL:
			if (fu_text_check("--channel", optarg, 0, &e) == -1)
				return fu_fail(&e);
			q.channel = optarg;
			break;
		case OPT_TAG:
			if (fu_tag_check(optarg, &e) == -1)
				return fu_fail(&e);
			q.tag = optarg;
			break;
		case OPT_SLIPPED:
			if (count("--slipped", optarg, 1, &q.slipped, &e) == -1)
				return fu_fail(&e);
			break;
		case OPT_STALE:
			if (count("--stale", optarg, 0, &q.stale, &e) == -1)
				return fu_fail(&e);
			q.mode = FU_DUE_STALE;
			modes++;
			break;
		case OPT_ADRIFT: q.mode = FU_DUE_ADRIFT; modes++; break;
		case OPT_OCCASIONS: q.mode = FU_DUE_OCCASIONS; modes++; break;
		case 'q': q.quiet = 1; break;
		case OPT_TSV: q.fmt = FU_FMT_TSV; break;
		case OPT_CSV: q.fmt = FU_FMT_CSV; break;
		case OPT_JSON: q.fmt = FU_FMT_JSON; break;
		case 'f': q.fmt = FU_FMT_TEMPLATE; q.tmpl = optarg; break;
		case 'p': portfolio = optarg; break;
		case OPT_TODAY: today = optarg; break;
		case 'h':
			usage(stdout);
			return fu_out_close(&e) == -1 ? fu_fail(&e) : 0;
		case OPT_VERSION:
			printf("fu-due %s\n", FU_VERSION);
			return fu_out_close(&e) == -1 ? fu_fail(&e) : 0;
		default:
			usage(stderr);
			return FU_EXIT_USAGE;
		}
	}
	if (optind < argc) {
		usage(stderr);
		return FU_EXIT_USAGE;
	}
	if (modes > 1) {
		fu_warn(_("--stale, --adrift and --occasions go one at a time"));
		return FU_EXIT_USAGE;
	}
	if (q.mode != FU_DUE_AGREEMENTS && (q.overdue || q.slipped)) {
		fu_warn(_("--overdue and --slipped list agreements: they do not "
		    "go with --stale, --adrift or --occasions"));
		return FU_EXIT_USAGE;
	}
	if (fu_today(today, &q.today, &e) == -1 ||
	    fu_portfolio_open(&pf, portfolio, &e) == -1)
		return fu_fail(&e);
	n = fu_due(&pf, &q, &e);
	fu_portfolio_close(&pf);
	if (n == -1 || fu_out_close(&e) == -1)
		return fu_fail(&e);
	return n > 0 ? FU_EXIT_OK : FU_EXIT_NONE;
}
