/*
 * fu - runs the commands as git runs its own: "fu due --within 7" runs
 * fu-due --within 7, found beside fu first, then on PATH; "fu help"
 * lists them, "fu help due" opens fu-due(1).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fu.h"

/* fu's own commands, in the order of a salesperson's day. */
static const struct {
	const char *name, *about;
} own[] = {
	{ "due", N_("what is due today: the agreements to follow up on") },
	{ "log", N_("record a contact, what became of its agreement, and the "
	    "next step") },
	{ "add", N_("add a client or an agreement to the portfolio") },
	{ "stats", N_("the retention report of a period, for one seller or "
	    "a team") },
	{ "clients", N_("list and search the clients, or export them as "
	    "vCards") },
};
#define NOWN (sizeof(own) / sizeof(own[0]))

static const struct option longopts[] = {
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

static const char *
usage(void)
{
	return _("usage: fu COMMAND [ARG...]\n"
	    "       fu help [COMMAND]\n"
	    "       fu -h | --version\n");
}

static int
is_own(const char *name)
{
	size_t i;

	for (i = 0; i < NOWN; i++)
		if (strcmp(own[i].name, name) == 0)
			return 1;
	return 0;
}

/* Lists a command found that is not one of fu's own, with its file. */
static void
other(void *ctx, const char *name, const char *path)
{
	int *n = ctx;

	if (is_own(name))
		return;
	if ((*n)++ == 0)
		printf("\n%s\n", _("Other commands found (fu-NAME beside fu or "
		    "on PATH):"));
	printf("  %-8s %s\n", name, path);
}

static int
list(const char *self)
{
	struct fu_err e = { 0 };
	size_t i;
	int others = 0;

	fputs(usage(), stdout);
	printf("\n%s\n", _("The commands, in the order of a day:"));
	for (i = 0; i < NOWN; i++)
		printf("  %-8s %s\n", own[i].name, _(own[i].about));
	if (fu_cmd_each(self, other, &others, &e) == -1)
		return fu_fail(&e);
	printf("\n%s\n", _("fu help COMMAND opens the command's manual page; "
	    "fu(7) tells the method."));
	return fu_out_close(&e) == -1 ? fu_fail(&e) : 0;
}

static int
unknown(const char *name)
{
	struct fu_err e = { 0 };

	fu_err_usage(&e, _("\"%s\" is not a fu command; fu help lists "
	    "them"), name);
	return fu_fail(&e);
}

/* fu help NAME: the manual page of fu-NAME, from man(1). */
static int
help(const char *self, const char *name)
{
	struct fu_err e = { 0 };
	char path[4096], page[80];

	if (!is_own(name) && fu_cmd_find(self, name, path, sizeof(path)) ==
	    -1)
		return unknown(name);
	snprintf(page, sizeof(page), "fu-%s", name);
	fflush(stdout);
	execlp("man", "man", page, (char *)NULL);
	fu_err_usage(&e, _("cannot run man: %s"), strerror(errno));
	e.code = FU_EXIT_IO;
	return fu_fail(&e);
}

int
main(int argc, char *argv[])
{
	struct fu_err e = { 0 };
	char path[4096], cmd[80];
	const char *self = argv[0];	/* where fu-NAME is looked for first */
	int ch;

	fu_init("fu");
	/* "+": the options after COMMAND are the command's. */
	while ((ch = getopt_long(argc, argv, "+h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			return list(self);
		case 'V':
			printf("fu %s\n", FU_VERSION);
			return fu_out_close(&e) == -1 ? fu_fail(&e) : 0;
		default:
			fputs(usage(), stderr);
			return FU_EXIT_USAGE;
		}
	}
	argv += optind;
	argc -= optind;
	if (argc == 0 || (strcmp(argv[0], "help") == 0 && argc == 1))
		return list(self);
	if (strcmp(argv[0], "help") == 0) {
		if (argc > 2) {
			fputs(usage(), stderr);
			return FU_EXIT_USAGE;
		}
		return help(self, argv[1]);
	}
	if (fu_cmd_find(self, argv[0], path, sizeof(path)) == -1)
		return unknown(argv[0]);
	/* The command as if run by its own name: its messages say so. */
	snprintf(cmd, sizeof(cmd), "fu-%s", argv[0]);
	argv[0] = cmd;
	fflush(stdout);
	execv(path, argv);
	fu_err_usage(&e, _("cannot run %s: %s"), path, strerror(errno));
	e.code = FU_EXIT_IO;
	return fu_fail(&e);
}
