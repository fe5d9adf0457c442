/*
 * opts.c - the options every command shares: -p DIR, --today DATE, -h,
 * --version and, where a command prints rows, --tsv, --csv, --json,
 * -f TEMPLATE and --color, and --ics where the rows are days.  They are
 * taken here, beside the command's own, so that each command parses them
 * alike and says alike what is wrong.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "priv.h"

enum {
	OPT_TODAY = 0x1000, OPT_VERSION, OPT_TSV, OPT_CSV, OPT_JSON, OPT_RAW,
	OPT_ICS, OPT_COLOR
};

static const struct option common[] = {
	{ "portfolio", required_argument, NULL, 'p' },
	{ "today", required_argument, NULL, OPT_TODAY },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, OPT_VERSION },
};
static const struct option formats[] = {
	{ "tsv", no_argument, NULL, OPT_TSV },
	{ "csv", no_argument, NULL, OPT_CSV },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "raw", no_argument, NULL, OPT_RAW },
	{ "format", required_argument, NULL, 'f' },
	{ "color", required_argument, NULL, OPT_COLOR },
};
static const struct option calendar[] = {
	{ "ics", no_argument, NULL, OPT_ICS },
};
#define N(a) (sizeof(a) / sizeof((a)[0]))

/* The command's options and the shared ones, as getopt_long wants them;
 * built once, as a command parses its arguments once. */
static struct option *all;
static char *shorts;
static const char *today_arg;
static const char **dirs;	/* each -p: a global, as argv lives on */
static unsigned char *seen;	/* [0x1000]: the options given so far */

static int
merge(const struct fu_cli *cli, const char *shortopts,
    const struct option *longopts)
{
	size_t n = 0, k = 0;

	while (longopts[n].name != NULL)
		n++;
	if ((all = calloc(n + N(common) + N(formats) + N(calendar) + 1,
	    sizeof(*all))) ==
	    NULL || (shorts = malloc(strlen(shortopts) + 8)) == NULL ||
	    (seen = calloc(0x1000, 1)) == NULL)
		return -1;
	memcpy(all, longopts, n * sizeof(*all));
	memcpy(all + n, common, sizeof(common));
	k = n + N(common);
	if (cli->flags & FU_CLI_FORMATS) {
		memcpy(all + k, formats, sizeof(formats));
		k += N(formats);
	}
	if (cli->flags & FU_CLI_ICS) {
		memcpy(all + k, calendar, sizeof(calendar));
		k += N(calendar);
	}
	memset(&all[k], 0, sizeof(all[k]));
	/* A leading "+" would stop at the first argument: fu's commands
	 * take options after their arguments too.  A leading ":" has
	 * getopt_long say nothing: wrong() says it. */
	snprintf(shorts, strlen(shortopts) + 8, ":%shp:%s", shortopts,
	    cli->flags & FU_CLI_FORMATS ? "f:" : "");
	return 0;
}

static int
stop(struct fu_cli *cli, int status)
{
	free(all);
	free(shorts);
	free(seen);
	all = NULL;
	shorts = NULL;
	seen = NULL;
	cli->exit = status;
	return -1;
}

/* Sets the output format: of the formats for scripts the last counts,
 * but a calendar is no table, and a script that asks for both has a
 * mistake in it. */
static int
format(struct fu_cli *cli, enum fu_fmt fmt)
{
	struct fu_err e = { 0 };

	if ((fmt == FU_FMT_ICS) != (cli->fmt == FU_FMT_ICS) &&
	    cli->fmt != FU_FMT_TEXT) {
		fu_err_usage(&e, _("--ics prints a calendar: it goes with none "
		    "of --tsv, --csv, --json and -f"));
		return stop(cli, fu_fail(&e));
	}
	cli->fmt = fmt;
	return 0;
}

/* Takes a shared option; 0 when parsing goes on, else stops. */
static int
take(struct fu_cli *cli, int ch, char *arg)
{
	struct fu_err e = { 0 };
	const char **v;

	switch (ch) {
	case 'p':
		if (*arg == '\0') {
			fu_err_usage(&e, _("-p is empty: name the portfolio's "
			    "directory"));
			return stop(cli, fu_fail(&e));
		}
		/* A command that writes, writes to one portfolio. */
		if (cli->nportfolio > 0 && !(cli->flags & FU_CLI_PORTFOLIOS)) {
			fu_err_usage(&e, _("-p is given once: %s works on one "
			    "portfolio"), fu_progname);
			return stop(cli, fu_fail(&e));
		}
		if ((v = realloc(dirs, (size_t)(cli->nportfolio + 1) *
		    sizeof(*v))) == NULL) {
			fu_err_nomem(&e);
			return stop(cli, fu_fail(&e));
		}
		cli->portfolio = dirs = v;
		cli->portfolio[cli->nportfolio++] = arg;
		return 0;
	case OPT_TODAY: today_arg = arg; return 0;
	case OPT_TSV: return format(cli, FU_FMT_TSV);
	case OPT_CSV: return format(cli, FU_FMT_CSV);
	case OPT_JSON: return format(cli, FU_FMT_JSON);
	case OPT_ICS: return format(cli, FU_FMT_ICS);
	case OPT_RAW: cli->raw = 1; return 0;
	case 'f': cli->tmpl = arg; return format(cli, FU_FMT_TEMPLATE);
	case OPT_COLOR:
		if (strcmp(arg, "auto") == 0)
			cli->color = FU_COLOR_AUTO;
		else if (strcmp(arg, "always") == 0)
			cli->color = FU_COLOR_ALWAYS;
		else if (strcmp(arg, "never") == 0)
			cli->color = FU_COLOR_NEVER;
		else {
			fu_err_usage(&e, _("--color \"%s\": use auto, always "
			    "or never"), arg);
			return stop(cli, fu_fail(&e));
		}
		return 0;
	case 'h':
		fputs(cli->usage, stdout);
		return stop(cli, fu_out_close(&e) == -1 ? fu_fail(&e) : 0);
	case OPT_VERSION:
		printf("%s %s\n", fu_progname, FU_VERSION);
		return stop(cli, fu_out_close(&e) == -1 ? fu_fail(&e) : 0);
	default:		/* wrong() has said what is wrong */
		fputs(cli->usage, stderr);
		return stop(cli, FU_EXIT_USAGE);
	}
}

/* Whether option ch, which takes a value, was given already, when only
 * one value would count (so that "--next A --next B" does not drop a
 * step in silence). */
static int
again(const struct fu_cli *cli, int ch, struct fu_err *e)
{
	const struct option *o;
	const char *s;
	int k = ch >= 0x1000 ? ch - 0x1000 + 0x800 : ch, value = 0;

	if (k < 0 || k >= 0x1000 || (ch < 0x100 && cli->repeatable != NULL &&
	    strchr(cli->repeatable, ch) != NULL))
		return 0;
	for (o = all; o->name != NULL; o++)
		value |= o->val == ch && o->has_arg != no_argument;
	if (ch < 0x100 && ch != ':' && (s = strchr(shorts, ch)) != NULL)
		value |= s[1] == ':';
	if (!value)
		return 0;
	if (!seen[k]) {
		seen[k] = 1;
		return 0;
	}
	for (o = all; o->name != NULL; o++)
		if (o->val == ch) {
			fu_err_usage(e, _("--%s is given twice: give it once"),
			    o->name);
			return 1;
		}
	fu_err_usage(e, _("-%c is given twice: give it once"), ch);
	return 1;
}

/* What is wrong with the option getopt_long refused, said by fu rather
 * than by the C library, so that it is a whole sentence of fu's
 * catalogue, in the user's language. */
static void
wrong(int argc, char *const argv[], int ch, struct fu_err *e)
{
	const char *w = optind > 0 && optind <= argc ? argv[optind - 1] : "";
	const struct option *o;
	int exact = 0, prefix = 0, n;
	/* A short option refused inside "-zq" leaves optind on that word,
	 * not past it. */
	int inside = optopt > 0 && optopt < 0x80 && optind < argc &&
	    argv[optind][0] == '-' && argv[optind][1] != '-' &&
	    strchr(argv[optind] + 1, optopt) != NULL;

	if (inside || strncmp(w, "--", 2) != 0) {
		if (ch == ':')
			fu_err_usage(e, _("-%c needs a value"), optopt);
		else
			fu_err_usage(e, _("-%c is not an option"), optopt);
		return;
	}
	n = (int)strcspn(w, "=");
	for (o = all; o->name != NULL; o++)
		if (strncmp(o->name, w + 2, (size_t)n - 2) == 0) {
			prefix++;
			exact |= (int)strlen(o->name) == n - 2;
		}
	if (ch == ':')
		fu_err_usage(e, _("%.*s needs a value"), n, w);
	else if ((exact || prefix == 1) && w[n] == '=')
		fu_err_usage(e, _("%.*s takes no value"), n, w);
	else if (prefix > 1)
		fu_err_usage(e, _("%.*s is ambiguous: write the option whole"),
		    n, w);
	else
		fu_err_usage(e, _("%.*s is not an option"), n, w);
}

int
fu_getopt(struct fu_cli *cli, int argc, char *const argv[],
    const char *shortopts, const struct option *longopts)
{
	struct fu_err e = { 0 };
	int ch;

	if (all == NULL) {
		cli->exit = -1;
		today_arg = NULL;
		if (merge(cli, shortopts, longopts) == -1) {
			fu_err_nomem(&e);
			return stop(cli, fu_fail(&e));
		}
	}
	while ((ch = getopt_long(argc, argv, shorts, all, NULL)) != -1) {
		if (ch == '?' || ch == ':') {
			wrong(argc, argv, ch, &e);
			fu_fail(&e);
		}
		if (ch != '?' && ch != ':' && ch != 'p' && again(cli, ch, &e))
			return stop(cli, fu_fail(&e));
		if (ch != '?' && ch != ':' && ch < 0x1000 && ch != 'h' &&
		    ch != 'p' && (ch != 'f' || !(cli->flags & FU_CLI_FORMATS)))
			return ch;
		if (take(cli, ch, optarg) == -1)
			return -1;
	}
	if (argc - optind < cli->args_min || argc - optind > cli->args_max) {
		fputs(cli->usage, stderr);
		return stop(cli, FU_EXIT_USAGE);
	}
	if (fu_today(today_arg, &cli->today, &e) == -1)
		return stop(cli, fu_fail(&e));
	return stop(cli, -1);
}

int
fu_count(const char *opt, const char *s, int min, int max, int *out,
    struct fu_err *e)
{
	char *end;
	long v;

	v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || v < min || v > max)
		return fu_err_usage(e, _("%s \"%s\" is not a number from %d "
		    "to %d"), opt, s, min, max);
	*out = (int)v;
	return 0;
}

const char *
fu_cli_portfolio(const struct fu_cli *cli)
{
	return cli->nportfolio > 0 ? cli->portfolio[cli->nportfolio - 1] :
	    NULL;
}
