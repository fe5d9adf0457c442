/*
 * test_opts.c - opts.c: the options every command shares, parsed beside
 * a pretend command's own: -p (each kept), --today (taken at the end,
 * else $FU_TODAY, else the clock), the output formats only where the
 * command prints rows, --help and --version, usage errors and the count
 * of arguments; and fu_count.
 *
 * fu_getopt keeps getopt's state and its own between the calls of one
 * parse; each parse here starts with optind = 0, which makes glibc's
 * getopt start afresh, and runs to the end.  --help and --version close
 * stdout (fu_out_close), so they run in a child process.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

/* The pretend command: fu-pretend [-q] [--within N] [--every P] ARG... */
enum { OPT_WITHIN = 256, OPT_EVERY };
static const struct option longopts[] = {
	{ "within", required_argument, NULL, OPT_WITHIN },
	{ "every", required_argument, NULL, OPT_EVERY },
	{ "quiet", no_argument, NULL, 'q' },
	{ NULL, 0, NULL, 0 }
};
#define USAGE "usage: fu-pretend [-q] [--within N] [--every P] [-p DIR] " \
	"[--today DATE] [ARG ...]\n       fu-pretend -h | --version\n"
#define UNKNOWN(opt) "fu-pretend: " opt " is not an option\n" USAGE

/* One parse: the command's own options in order, and what came out. */
#define MAXARGS 16
struct parse {
	struct fu_cli cli;
	int n;			/* own options returned */
	int ch[MAXARGS];
	const char *arg[MAXARGS];
	fu_date today_then[MAXARGS];	/* cli.today as each came */
	int argc;
	char *argv[MAXARGS + 2];
	int optind;		/* where the arguments start */
	char *out, *err;	/* stdout and stderr, when caught */
	int status;		/* a child's exit status */
};

static int
setup(void **state)
{
	fu_progname = "fu-pretend";
	unsetenv("POSIXLY_CORRECT");	/* options after arguments too */
	unsetenv("FU_TODAY");
	return util_setup(state);
}

#define teardown util_teardown

/* Sets up p for argv[1..] (a NULL-terminated list). */
static void
prepare(struct parse *p, int flags, int min, int max, va_list ap)
{
	const char *s;

	memset(p, 0, sizeof(*p));
	p->cli.usage = USAGE;
	p->cli.flags = flags;
	p->cli.args_min = min;
	p->cli.args_max = max;
	p->argv[p->argc++] = "fu-pretend";
	while ((s = va_arg(ap, const char *)) != NULL) {
		assert_true(p->argc <= MAXARGS);
		p->argv[p->argc++] = (char *)s;
	}
	p->argv[p->argc] = NULL;
}

/* Runs fu_getopt to its end, noting the command's own options. */
static void
run(struct parse *p, const char *shortopts)
{
	int ch;

	optind = 0;	/* glibc: start afresh */
	while ((ch = fu_getopt(&p->cli, p->argc, p->argv, shortopts,
	    longopts)) != -1) {
		assert_true(p->n < MAXARGS);
		p->today_then[p->n] = p->cli.today;
		p->arg[p->n] = optarg;
		p->ch[p->n++] = ch;
	}
	p->optind = optind;
}

/* Parses in this process, catching stderr. */
static void
parse_with(struct parse *p, const char *shortopts, int flags, int min,
    int max, ...)
{
	va_list ap;

	va_start(ap, max);
	prepare(p, flags, min, max, ap);
	va_end(ap);
	catch_begin(STDERR_FILENO, "stderr");
	run(p, shortopts);
	p->err = catch_end(STDERR_FILENO, "stderr");
}
#define parse(p, flags, min, max, ...) \
	parse_with(p, "q", flags, min, max, __VA_ARGS__)

/* Parses in a child with stdout on dir/stdout (or on file, if given) and
 * stderr on dir/stderr; p->status is the child's cli.exit, or 99 when it
 * was -1. */
static void
parse_in_child(struct parse *p, const char *file, int flags, ...)
{
	va_list ap;
	pid_t pid;
	int status, fd;

	va_start(ap, flags);
	prepare(p, flags, 0, 5, ap);
	va_end(ap);
	fflush(stdout);
	fflush(stderr);
	if ((pid = fork()) == 0) {
		fd = open(file ? file : path_of("stdout"), O_WRONLY | O_CREAT |
		    O_TRUNC, 0600);
		dup2(fd, STDOUT_FILENO);
		close(fd);
		fd = open(path_of("stderr"), O_WRONLY | O_CREAT | O_TRUNC,
		    0600);
		dup2(fd, STDERR_FILENO);
		close(fd);
		run(p, "q");
		_exit(p->cli.exit == -1 ? 99 : p->cli.exit);
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	p->status = WEXITSTATUS(status);
	p->out = file ? NULL : slurp("stdout", &(size_t){ 0 });
	p->err = slurp("stderr", &(size_t){ 0 });
}

static void
done(struct parse *p)
{
	free(p->out);
	free(p->err);
}

/* Expects the parse to have gone through, with nothing on stderr. */
static void
check_ok(const struct parse *p)
{
	if (p->cli.exit != -1)
		fail_msg("exit %d: %s", p->cli.exit, p->err);
	assert_string_equal(p->err, "");
}

/* Expects a usage error with exactly err on stderr. */
static void
check_usage(const struct parse *p, const char *err)
{
	assert_int_equal(p->cli.exit, FU_EXIT_USAGE);
	assert_string_equal(p->err, err);
}

static void
test_opts_return_the_command_own_options_in_order(void **state)
{
	struct parse p;

	(void)state;
	util_env("FU_TODAY", "2026-11-23");
	parse(&p, 0, 0, 5, "--within", "7", "-q", "arg1", "--every=3m",
	    "--quiet", "arg2", NULL);
	check_ok(&p);
	assert_int_equal(p.n, 4);
	assert_int_equal(p.ch[0], OPT_WITHIN);
	assert_string_equal(p.arg[0], "7");
	assert_int_equal(p.ch[1], 'q');
	assert_int_equal(p.ch[2], OPT_EVERY);
	assert_string_equal(p.arg[2], "3m");
	assert_int_equal(p.ch[3], 'q');
	/* The arguments, after the options wherever they were. */
	assert_int_equal(p.argc - p.optind, 2);
	assert_string_equal(p.argv[p.optind], "arg1");
	assert_string_equal(p.argv[p.optind + 1], "arg2");
	assert_int_equal(p.cli.fmt, FU_FMT_TEXT);
	assert_int_equal(p.cli.nportfolio, 0);
	done(&p);
}

static void
test_opts_double_dash_ends_the_options(void **state)
{
	struct parse p;

	(void)state;
	util_env("FU_TODAY", "2026-11-23");
	parse(&p, 0, 0, 5, "-q", "--", "-q", "--within", NULL);
	check_ok(&p);
	assert_int_equal(p.n, 1);
	assert_int_equal(p.argc - p.optind, 2);
	assert_string_equal(p.argv[p.optind], "-q");
	assert_string_equal(p.argv[p.optind + 1], "--within");
	done(&p);
}

static void
test_opts_keep_each_portfolio_in_order_or_take_one(void **state)
{
	struct parse p;

	(void)state;
	util_env("FU_TODAY", "2026-11-23");
	parse(&p, FU_CLI_PORTFOLIOS, 0, 0, "-p", "a", "--portfolio", "b",
	    "-pc", "--portfolio=d", NULL);
	check_ok(&p);
	assert_int_equal(p.n, 0);	/* none of them the command's */
	assert_int_equal(p.cli.nportfolio, 4);
	assert_string_equal(p.cli.portfolio[0], "a");
	assert_string_equal(p.cli.portfolio[1], "b");
	assert_string_equal(p.cli.portfolio[2], "c");
	assert_string_equal(p.cli.portfolio[3], "d");
	assert_string_equal(fu_cli_portfolio(&p.cli), "d");
	done(&p);
	/* A command of one portfolio takes one -p, and says so. */
	parse(&p, 0, 0, 0, "-p", "first", NULL);
	check_ok(&p);
	assert_string_equal(fu_cli_portfolio(&p.cli), "first");
	done(&p);
	parse(&p, 0, 0, 0, "-p", "first", "-p", "second", NULL);
	check_usage(&p, "fu-pretend: -p is given once: fu-pretend works on "
	    "one portfolio\n");
	done(&p);
	/* None: NULL, the default portfolio. */
	parse(&p, 0, 0, 0, NULL);
	check_ok(&p);
	assert_int_equal(p.cli.nportfolio, 0);
	assert_null(fu_cli_portfolio(&p.cli));
	done(&p);
	parse(&p, 0, 0, 0, "-p", NULL);
	check_usage(&p, "fu-pretend: -p needs a value\n"
	    USAGE);
	done(&p);
}

static void
test_opts_take_today_from_the_option(void **state)
{
	struct parse p;

	(void)state;
	util_env("FU_TODAY", "2024-02-29");
	parse(&p, 0, 0, 1, "--today", "2026-01-05", "arg", NULL);
	check_ok(&p);
	assert_int_equal(p.cli.today, d("2026-01-05"));
	done(&p);
	parse(&p, 0, 0, 1, "arg", "--today=2026-12-31", NULL);
	check_ok(&p);
	assert_int_equal(p.cli.today, d("2026-12-31"));
	done(&p);
}

static void
test_opts_take_today_from_fu_today_when_not_given(void **state)
{
	struct parse p;

	(void)state;
	util_env("FU_TODAY", "2024-02-29");
	parse(&p, 0, 0, 0, NULL);
	check_ok(&p);
	assert_int_equal(p.cli.today, d("2024-02-29"));
	done(&p);
	/* A bad FU_TODAY is a usage error, unless --today is given. */
	util_env("FU_TODAY", "someday");
	parse(&p, 0, 0, 0, NULL);
	check_usage(&p, "fu-pretend: today \"someday\" is not a date "
	    "(YYYY-MM-DD)\n");
	done(&p);
	parse(&p, 0, 0, 0, "--today", "2026-01-05", NULL);
	check_ok(&p);
	assert_int_equal(p.cli.today, d("2026-01-05"));
	done(&p);
}

static void
test_opts_take_today_from_the_clock_when_nothing_pins_it(void **state)
{
	struct parse p;
	struct tm tm;
	time_t now;
	fu_date before, after;

	(void)state;
	util_env("FU_TODAY", NULL);
	now = time(NULL);
	assert_non_null(localtime_r(&now, &tm));
	assert_int_equal(fu_date_ymd(tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday, &before), 0);
	parse(&p, 0, 0, 0, NULL);
	now = time(NULL);
	assert_non_null(localtime_r(&now, &tm));
	assert_int_equal(fu_date_ymd(tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday, &after), 0);
	check_ok(&p);
	assert_in_range(p.cli.today, before, after);
	done(&p);
}

static void
test_opts_read_today_only_at_the_end(void **state)
{
	struct parse p;

	(void)state;
	util_env("FU_TODAY", "2024-02-29");
	/* One --today: a second would drop the first in silence. */
	parse(&p, 0, 0, 0, "--today", "bad", "--today", "2026-01-05", NULL);
	check_usage(&p, "fu-pretend: --today is given twice: give it once\n");
	done(&p);
	/* The command's own options come before it is read. */
	parse(&p, 0, 0, 0, "--today", "2026-01-05", "--within", "3", NULL);
	check_ok(&p);
	assert_int_equal(p.n, 1);
	assert_int_equal(p.today_then[0], 0);
	assert_int_equal(p.cli.today, d("2026-01-05"));
	done(&p);
	/* A bad --today is a usage error at the end. */
	parse(&p, 0, 0, 0, "--today", "2026-02-30", "-q", NULL);
	assert_int_equal(p.n, 1);	/* -q came back first */
	check_usage(&p, "fu-pretend: today \"2026-02-30\" is not a date "
	    "(YYYY-MM-DD)\n");
	done(&p);
	parse(&p, 0, 0, 0, "--today", "tomorrow", NULL);
	check_usage(&p, "fu-pretend: today \"tomorrow\" is not a date "
	    "(YYYY-MM-DD)\n");
	done(&p);
	/* A usage error before the end says only that. */
	parse(&p, 0, 0, 0, "--today", "bad", "--bogus", NULL);
	check_usage(&p, UNKNOWN("--bogus"));
	done(&p);
	parse(&p, 0, 0, 0, "--today", "bad", "extra", NULL);
	check_usage(&p, USAGE);
	done(&p);
}

static void
test_opts_formats_belong_to_commands_that_print_rows(void **state)
{
	static const struct {
		const char *opt, *arg;
		enum fu_fmt fmt;
	} c[] = {
		{ "--tsv", NULL, FU_FMT_TSV }, { "--csv", NULL, FU_FMT_CSV },
		{ "--json", NULL, FU_FMT_JSON }, { "-f", "{name}",
		FU_FMT_TEMPLATE }, { "--format", "{name}", FU_FMT_TEMPLATE },
	};
	struct parse p;
	size_t i;

	(void)state;
	util_env("FU_TODAY", "2026-11-23");
	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		parse(&p, FU_CLI_FORMATS, 0, 0, c[i].opt, c[i].arg, NULL);
		check_ok(&p);
		assert_int_equal(p.n, 0);
		assert_int_equal(p.cli.fmt, c[i].fmt);
		if (c[i].arg != NULL)
			assert_string_equal(p.cli.tmpl, c[i].arg);
		done(&p);
	}
	/* The last one given is the one. */
	parse(&p, FU_CLI_FORMATS, 0, 0, "--json", "-f{id}", "--csv", NULL);
	check_ok(&p);
	assert_int_equal(p.cli.fmt, FU_FMT_CSV);
	done(&p);
	/* A command that prints no rows knows none of them. */
	parse(&p, 0, 0, 0, "--tsv", NULL);
	check_usage(&p, UNKNOWN("--tsv"));
	done(&p);
	parse(&p, 0, 0, 0, "--json", NULL);
	check_usage(&p, UNKNOWN("--json"));
	done(&p);
	parse(&p, 0, 0, 0, "--format", "{id}", NULL);
	check_usage(&p, UNKNOWN("--format"));
	done(&p);
	parse(&p, 0, 0, 0, "-f", "{id}", NULL);
	check_usage(&p, "fu-pretend: -f is not an option\n" USAGE);
	done(&p);
	/* There -f may be the command's own. */
	parse_with(&p, "qf:", 0, 0, 0, "-f", "file", NULL);
	check_ok(&p);
	assert_int_equal(p.n, 1);
	assert_int_equal(p.ch[0], 'f');
	assert_string_equal(p.arg[0], "file");
	assert_int_equal(p.cli.fmt, FU_FMT_TEXT);
	done(&p);
}

static void
test_opts_ics_is_a_calendar_that_goes_with_no_other_format(void **state)
{
	static const char *const other[][2] = {
		{ "--tsv", NULL }, { "--csv", NULL }, { "--json", NULL },
		{ "-f", "{name}" },
	};
	static const char refused[] = "fu-pretend: --ics prints a calendar: "
	    "it goes with none of --tsv, --csv, --json and -f\n";
	struct parse p;
	size_t i;

	(void)state;
	util_env("FU_TODAY", "2026-11-23");
	parse(&p, FU_CLI_FORMATS | FU_CLI_ICS, 0, 0, "--ics", NULL);
	check_ok(&p);
	assert_int_equal(p.cli.fmt, FU_FMT_ICS);
	done(&p);
	parse(&p, FU_CLI_FORMATS | FU_CLI_ICS, 0, 0, "--ics", "--ics", NULL);
	check_ok(&p);
	done(&p);
	/* Before it or after it, the other formats are a mistake. */
	for (i = 0; i < sizeof(other) / sizeof(other[0]); i++) {
		parse(&p, FU_CLI_FORMATS | FU_CLI_ICS, 0, 0, "--ics",
		    other[i][0], other[i][1], NULL);
		check_usage(&p, refused);
		done(&p);
		parse(&p, FU_CLI_FORMATS | FU_CLI_ICS, 0, 0, other[i][0],
		    other[i][1] ? other[i][1] : "--ics", other[i][1] ? "--ics" :
		    NULL, NULL);
		check_usage(&p, refused);
		done(&p);
	}
	/* A command whose rows are no days knows no --ics. */
	parse(&p, FU_CLI_FORMATS, 0, 0, "--ics", NULL);
	check_usage(&p, UNKNOWN("--ics"));
	done(&p);
}

static void
test_opts_unknown_or_incomplete_options_are_usage_errors(void **state)
{
	struct parse p;

	(void)state;
	util_env("FU_TODAY", "2026-11-23");
	parse(&p, 0, 0, 5, "--bogus", NULL);
	check_usage(&p, UNKNOWN("--bogus"));
	done(&p);
	parse(&p, 0, 0, 5, "-x", NULL);
	check_usage(&p, "fu-pretend: -x is not an option\n" USAGE);
	done(&p);
	parse(&p, 0, 0, 5, "--within", NULL);
	check_usage(&p, "fu-pretend: --within needs a value\n"
	    USAGE);
	done(&p);
	parse(&p, 0, 0, 5, "--quiet=yes", NULL);
	check_usage(&p, "fu-pretend: --quiet takes no value\n" USAGE);
	done(&p);
	/* Said by fu, not the C library, with the option as typed: a
	 * prefix, an unknown short one inside a cluster after a long one. */
	parse(&p, 0, 0, 5, "--qu=1", NULL);
	check_usage(&p, "fu-pretend: --qu takes no value\n" USAGE);
	done(&p);
	parse(&p, 0, 0, 5, "--t", NULL);
	check_usage(&p, "fu-pretend: --t needs a value\n" USAGE);
	done(&p);
	parse(&p, 0, 0, 5, "--quiet", "-zq", NULL);
	check_usage(&p, "fu-pretend: -z is not an option\n" USAGE);
	done(&p);
	parse(&p, 0, 0, 5, "--within", "3", "-p", NULL);
	check_usage(&p, "fu-pretend: -p needs a value\n" USAGE);
	done(&p);
	/* The options before it came back; none after it is read. */
	parse(&p, 0, 0, 5, "-q", "--bogus", "--within", "3", NULL);
	assert_int_equal(p.n, 1);
	assert_int_equal(p.ch[0], 'q');
	check_usage(&p, UNKNOWN("--bogus"));
	done(&p);
}

static void
test_opts_check_the_count_of_arguments(void **state)
{
	struct parse p;

	(void)state;
	util_env("FU_TODAY", "2026-11-23");
	parse(&p, 0, 1, 2, NULL);
	check_usage(&p, USAGE);
	done(&p);
	parse(&p, 0, 1, 2, "-q", NULL);
	check_usage(&p, USAGE);
	done(&p);
	parse(&p, 0, 1, 2, "a", NULL);
	check_ok(&p);
	done(&p);
	parse(&p, 0, 1, 2, "a", "-q", "b", NULL);
	check_ok(&p);
	assert_int_equal(p.argc - p.optind, 2);
	done(&p);
	parse(&p, 0, 1, 2, "a", "b", "c", NULL);
	check_usage(&p, USAGE);
	done(&p);
	/* No arguments at all. */
	parse(&p, 0, 0, 0, "a", NULL);
	check_usage(&p, USAGE);
	done(&p);
	/* An argument that looks like an option, after --, counts. */
	parse(&p, 0, 0, 0, "--", "-q", NULL);
	check_usage(&p, USAGE);
	done(&p);
}

static void
test_opts_help_prints_the_usage_and_exits_0(void **state)
{
	struct parse p;

	(void)state;
	util_env("FU_TODAY", "2026-11-23");
	parse_in_child(&p, NULL, 0, "--help", NULL);
	assert_int_equal(p.status, 0);
	assert_string_equal(p.out, USAGE);
	assert_string_equal(p.err, "");
	done(&p);
	parse_in_child(&p, NULL, FU_CLI_FORMATS, "-h", NULL);
	assert_int_equal(p.status, 0);
	assert_string_equal(p.out, USAGE);
	done(&p);
	/* It stops the parse: nothing after it counts. */
	parse_in_child(&p, NULL, 0, "-q", "--help", "--bogus", "--today",
	    "bad", "a", "b", "c", "d", "e", "f", NULL);
	assert_int_equal(p.status, 0);
	assert_string_equal(p.out, USAGE);
	assert_string_equal(p.err, "");
	done(&p);
	/* An error before it wins. */
	parse_in_child(&p, NULL, 0, "--bogus", "--help", NULL);
	assert_int_equal(p.status, FU_EXIT_USAGE);
	assert_string_equal(p.out, "");
	assert_string_equal(p.err, UNKNOWN("--bogus"));
	done(&p);
}

static void
test_opts_version_prints_the_program_and_version(void **state)
{
	struct parse p;

	(void)state;
	parse_in_child(&p, NULL, 0, "--version", NULL);
	assert_int_equal(p.status, 0);
	assert_string_equal(p.out, "fu-pretend " FU_VERSION "\n");
	assert_string_equal(p.err, "");
	done(&p);
}

static void
test_opts_help_on_a_full_disk_is_an_io_error(void **state)
{
	struct parse p;

	(void)state;
	parse_in_child(&p, "/dev/full", 0, "--help", NULL);
	assert_int_equal(p.status, FU_EXIT_IO);
	assert_string_equal(p.err, "fu-pretend: <stdout>: cannot write: "
	    "No space left on device\n");
	done(&p);
	parse_in_child(&p, "/dev/full", 0, "--version", NULL);
	assert_int_equal(p.status, FU_EXIT_IO);
	done(&p);
}

static void
test_opts_each_parse_starts_afresh(void **state)
{
	struct parse p;

	(void)state;
	util_env("FU_TODAY", "2024-02-29");
	parse(&p, FU_CLI_FORMATS, 0, 0, "--today", "2026-01-05", "-p", "x",
	    "--json", NULL);
	check_ok(&p);
	assert_int_equal(p.cli.today, d("2026-01-05"));
	done(&p);
	/* No --today now: FU_TODAY, not the last parse's. */
	parse(&p, 0, 0, 0, NULL);
	check_ok(&p);
	assert_int_equal(p.cli.today, d("2024-02-29"));
	assert_int_equal(p.cli.nportfolio, 0);
	done(&p);
	/* Nor its table of options: no formats here. */
	parse(&p, 0, 0, 0, "--json", NULL);
	check_usage(&p, UNKNOWN("--json"));
	done(&p);
	/* After an error, a parse goes through again. */
	parse(&p, FU_CLI_FORMATS, 0, 0, "--csv", NULL);
	check_ok(&p);
	assert_int_equal(p.cli.fmt, FU_FMT_CSV);
	done(&p);
}

static void
test_count_takes_whole_numbers_in_range(void **state)
{
	struct fu_err e = { 0 };
	int n = -7;

	(void)state;
	assert_int_equal(fu_count("--within", "7", 0, 36500, &n, &e), 0);
	assert_int_equal(n, 7);
	assert_int_equal(fu_count("--within", "0", 0, 36500, &n, &e), 0);
	assert_int_equal(n, 0);
	assert_int_equal(fu_count("--within", "36500", 0, 36500, &n, &e), 0);
	assert_int_equal(n, 36500);
	assert_int_equal(fu_count("--slipped", "1", 1, 36500, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_int_equal(fu_count("--n", "-3", -5, 5, &n, &e), 0);
	assert_int_equal(n, -3);
}

static void
test_count_refuses_what_is_not_one(void **state)
{
	static const char *const bad[] = {
		"", "x", "7d", "1.5", "36501", "-1", "99999999999999999999",
		"-99999999999999999999", "0x10", "7 ", "1e3",
	};
	char want[128];
	size_t i;
	int n;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct fu_err e = { 0 };

		n = 4242;
		if (fu_count("--within", bad[i], 0, 36500, &n, &e) != -1)
			fail_msg("--within \"%s\" taken as %d", bad[i], n);
		assert_int_equal(n, 4242);
		assert_int_equal(e.code, FU_EXIT_USAGE);
		snprintf(want, sizeof(want), "--within \"%s\" is not a number "
		    "from 0 to 36500", bad[i]);
		assert_string_equal(e.text, want);
	}
	{
		struct fu_err e = { 0 };

		assert_int_equal(fu_count("--slipped", "0", 1, 36500, &n, &e),
		    -1);
		assert_string_equal(e.text, "--slipped \"0\" is not a number "
		    "from 1 to 36500");
	}
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_opts_return_the_command_own_options_in_order),
		T(test_opts_double_dash_ends_the_options),
		T(test_opts_keep_each_portfolio_in_order_or_take_one),
		T(test_opts_take_today_from_the_option),
		T(test_opts_take_today_from_fu_today_when_not_given),
		T(test_opts_take_today_from_the_clock_when_nothing_pins_it),
		T(test_opts_read_today_only_at_the_end),
		T(test_opts_formats_belong_to_commands_that_print_rows),
		T(test_opts_ics_is_a_calendar_that_goes_with_no_other_format),
		T(test_opts_unknown_or_incomplete_options_are_usage_errors),
		T(test_opts_check_the_count_of_arguments),
		T(test_opts_help_prints_the_usage_and_exits_0),
		T(test_opts_version_prints_the_program_and_version),
		T(test_opts_help_on_a_full_disk_is_an_io_error),
		T(test_opts_each_parse_starts_afresh),
		T(test_count_takes_whole_numbers_in_range),
		T(test_count_refuses_what_is_not_one),
	};

	return cmocka_run_group_tests_name("opts", tests, NULL, NULL);
}
