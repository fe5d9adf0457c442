/*
 * fu-add - add a client or an agreement to the portfolio, and print its
 * id alone on a line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fu.h"

enum {
	OPT_COMPANY = 256, OPT_EMAIL, OPT_PHONE, OPT_SINCE, OPT_BIRTHDAY,
	OPT_ANNIVERSARY, OPT_REFERRED_BY, OPT_CONSENT, OPT_STAGE, OPT_NOTE,
	OPT_CHANNEL, OPT_EVERY, OPT_THEIRS, OPT_DUPLICATE, OPT_PLAN, OPT_START,
	OPT_VCARD, OPT_IMPORT, OPT_MAP
};

static const struct option longopts[] = {
	{ "company", required_argument, NULL, OPT_COMPANY },
	{ "email", required_argument, NULL, OPT_EMAIL },
	{ "phone", required_argument, NULL, OPT_PHONE },
	{ "since", required_argument, NULL, OPT_SINCE },
	{ "birthday", required_argument, NULL, OPT_BIRTHDAY },
	{ "anniversary", required_argument, NULL, OPT_ANNIVERSARY },
	{ "referred-by", required_argument, NULL, OPT_REFERRED_BY },
	{ "consent", no_argument, NULL, OPT_CONSENT },
	{ "stage", required_argument, NULL, OPT_STAGE },
	{ "tag", required_argument, NULL, 't' },
	{ "note", required_argument, NULL, OPT_NOTE },
	{ "due", required_argument, NULL, 'd' },
	{ "channel", required_argument, NULL, OPT_CHANNEL },
	{ "every", required_argument, NULL, OPT_EVERY },
	{ "theirs", no_argument, NULL, OPT_THEIRS },
	{ "duplicate", no_argument, NULL, OPT_DUPLICATE },
	{ "plan", required_argument, NULL, OPT_PLAN },
	{ "start", required_argument, NULL, OPT_START },
	{ "vcard", required_argument, NULL, OPT_VCARD },
	{ "import", required_argument, NULL, OPT_IMPORT },
	{ "map", required_argument, NULL, OPT_MAP },
	{ NULL, 0, NULL, 0 }
};

static const char *
usage(void)
{
	return _("usage: fu-add client NAME [--company C] [--email E] "
	    "[--phone P] [--since DATE]\n"
	    "                   [--birthday D] [--anniversary D] "
	    "[--referred-by CLIENT]\n"
	    "                   [--consent] [--stage S] [-t|--tag T]... "
	    "[--note N]\n"
	    "                   [--duplicate]\n"
	    "       fu-add client --vcard FILE | --import FILE.csv "
	    "[--map COLUMN=FIELD,...]\n"
	    "                   [--consent] [--stage S] [-t|--tag T]... "
	    "[--since DATE]\n"
	    "       fu-add agreement CLIENT WHAT -d|--due DATE [--channel C] "
	    "[--every PERIOD]\n"
	    "                   [--theirs]\n"
	    "       fu-add agreement CLIENT --plan NAME [--start DATE]\n"
	    "common options: [-p DIR] [--today DATE] [-h] [--version]\n");
}

/* The words the shell split, joined again for the hint. */
static const char *
joined(int n, char *const *v, char *buf, size_t size)
{
	size_t len = 0;
	int i, w;

	buf[0] = '\0';
	for (i = 0; i < n; i++) {
		w = snprintf(buf + len, size - len, "%s%s", i ? " " : "", v[i]);
		if (w < 0 || (size_t)w >= size - len)
			break;
		len += (size_t)w;
	}
	return buf;
}

int
main(int argc, char *argv[])
{
	struct fu_cli cli = { 0 };
	struct fu_client_in c = { 0 };
	struct fu_agreement_in a = { 0 };
	struct fu_err e = { 0 };
	const char **tags;
	char name[256];
	uint64_t id;
	size_t n = 1, i;
	const char *vcard = NULL, *sheet = NULL, *map = NULL;
	int ch, rc;

	fu_init("fu-add");
	cli.usage = usage();
	cli.args_min = 1;
	cli.args_max = 64;	/* more than 3 is a name to quote */
	cli.repeatable = "t";	/* --tag, once for each */
	if ((tags = calloc((size_t)argc, sizeof(*tags))) == NULL)
		return FU_EXIT_IO;
	while ((ch = fu_getopt(&cli, argc, argv, "d:t:", longopts)) != -1) {
		switch (ch) {
		case OPT_COMPANY: c.company = optarg; break;
		case OPT_EMAIL: c.email = optarg; break;
		case OPT_PHONE: c.phone = optarg; break;
		case OPT_SINCE: c.since = optarg; break;
		case OPT_BIRTHDAY: c.birthday = optarg; break;
		case OPT_ANNIVERSARY: c.anniversary = optarg; break;
		case OPT_REFERRED_BY: c.referred_by = optarg; break;
		case OPT_CONSENT: c.consent = 1; break;
		case OPT_STAGE: c.stage = optarg; break;
		case 't': tags[c.ntags++] = optarg; break;
		case OPT_NOTE: c.note = optarg; break;
		case 'd': a.due = optarg; break;
		case OPT_CHANNEL: a.channel = optarg; break;
		case OPT_EVERY: a.every = optarg; break;
		case OPT_THEIRS: a.theirs = 1; break;
		case OPT_DUPLICATE: c.duplicate = 1; break;
		case OPT_PLAN: a.plan = optarg; break;
		case OPT_START: a.start = optarg; break;
		case OPT_VCARD: vcard = optarg; break;
		case OPT_IMPORT: sheet = optarg; break;
		case OPT_MAP: map = optarg; break;
		}
	}
	c.tags = tags;
	argc -= optind;
	argv += optind;
	if (cli.exit >= 0) {
		free(tags);
		return cli.exit;
	}
	if (vcard != NULL && sheet != NULL)
		rc = fu_err_usage(&e, _("--vcard and --import go one at a "
		    "time"));
	else if (map != NULL && sheet == NULL)
		rc = fu_err_usage(&e, _("--map says which columns of an "
		    "--import file are which"));
	else if ((vcard != NULL || sheet != NULL) && argc == 1 &&
	    strcmp(argv[0], "client") == 0) {
		if (c.company || c.email || c.phone || c.birthday ||
		    c.anniversary || c.referred_by || c.note || c.duplicate ||
		    a.due != NULL || a.channel != NULL || a.every != NULL ||
		    a.theirs || a.plan != NULL || a.start != NULL)
			rc = fu_err_usage(&e, _("--vcard and --import take each "
			    "client's details from the file: only --consent, "
			    "--stage, --tag and --since go with them, for every "
			    "client"));
		else
			rc = fu_client_import(&cli, sheet ? sheet : vcard,
			    sheet != NULL, map, &c, &id, &n, &e);
	} else if (vcard != NULL || sheet != NULL) {
		rc = fu_err_usage(&e, _("--vcard and --import add the clients "
		    "of a file: fu-add client --vcard FILE"));
	} else if (argc == 2 && strcmp(argv[0], "client") == 0) {
		c.name = argv[1];
		if (a.due != NULL || a.channel != NULL || a.every != NULL ||
		    a.theirs || a.plan != NULL || a.start != NULL)
			rc = fu_err_usage(&e, _("--due, --channel, --every, "
			    "--theirs, --plan and --start are for agreements"));
		else
			rc = fu_client_add(&cli, &c, &id, &e);
	} else if ((argc == 3 || (argc == 2 && a.plan != NULL)) &&
	    strcmp(argv[0], "agreement") == 0) {
		a.client = argv[1];
		a.what = argc == 3 ? argv[2] : NULL;
		if (c.company || c.email || c.phone || c.since || c.birthday ||
		    c.anniversary || c.referred_by || c.consent || c.stage ||
		    c.note || c.ntags || c.duplicate)
			rc = fu_err_usage(&e, _("client options do not go with "
			    "an agreement"));
		else
			rc = fu_agreement_add(&cli, &a, &id, &n, &e);
	} else if (argc > 2 && strcmp(argv[0], "client") == 0) {
		/* fu-add client Ana Lopez: the shell split the name. */
		free(tags);
		fu_err_usage(&e, _("a name with spaces is one argument, in "
		    "quotes: fu-add client \"%s\""), joined(argc - 1,
		    argv + 1, name, sizeof(name)));
		return fu_fail(&e);
	} else {
		free(tags);
		fputs(cli.usage, stderr);
		return FU_EXIT_USAGE;
	}
	free(tags);
	if (rc == -1)
		return fu_fail(&e);
	/* One id a line: the client, the agreement, or a plan's steps. */
	for (i = 0; i < n; i++)
		printf("%llu\n", (unsigned long long)(id + i));
	return fu_out_close_written(&e) == -1 ? fu_fail(&e) : 0;
}
