/*
 * fu-clients - list and find clients, each with the last contact and the
 * open steps; or print them as vCards for an address book.  Exit status
 * as grep: 0 when a client was listed, 1 when none, 2 or more on error.
 */
#include <stdio.h>

#include "fu.h"

enum {
	OPT_TAG = 256, OPT_STAGE, OPT_CONSENT, OPT_NO_CONSENT, OPT_REFERRED_BY,
	OPT_VCARD
};

static const struct option longopts[] = {
	{ "tag", required_argument, NULL, OPT_TAG },
	{ "stage", required_argument, NULL, OPT_STAGE },
	{ "consent", no_argument, NULL, OPT_CONSENT },
	{ "no-consent", no_argument, NULL, OPT_NO_CONSENT },
	{ "referred-by", required_argument, NULL, OPT_REFERRED_BY },
	{ "vcard", no_argument, NULL, OPT_VCARD },
	{ NULL, 0, NULL, 0 }
};

static const char *
usage(void)
{
	return _("usage: fu-clients [--tag T] [--stage S] [--consent | "
	    "--no-consent]\n"
	    "                  [--referred-by CLIENT] [TEXT]\n"
	    "                  [--vcard | --tsv | --csv | --json | "
	    "-f TEMPLATE] [--raw]\n"
	    "                  [-p DIR] [--today DATE]\n"
	    "       fu-clients -h | --version\n");
}

int
main(int argc, char *argv[])
{
	struct fu_cli cli = { 0 };
	struct fu_clients_query q = FU_CLIENTS_QUERY_INIT;
	struct fu_err e = { 0 };
	int ch;
	long n;

	fu_init("fu-clients");
	cli.usage = usage();
	cli.flags = FU_CLI_FORMATS;
	cli.args_max = 1;
	while ((ch = fu_getopt(&cli, argc, argv, "", longopts)) != -1) {
		switch (ch) {
		case OPT_TAG: q.tag = optarg; break;
		case OPT_STAGE: q.stage = optarg; break;
		case OPT_CONSENT: q.consent = 1; break;
		case OPT_NO_CONSENT: q.consent = 0; break;
		case OPT_REFERRED_BY: q.referrer = optarg; break;
		case OPT_VCARD: q.vcard = 1; break;
		}
	}
	if (cli.exit >= 0)
		return cli.exit;
	if (optind < argc)
		q.text = argv[optind];
	if ((n = fu_clients_list(&cli, &q, &e)) == -1 ||
	    fu_out_close(&e) == -1)
		return fu_fail(&e);
	return n > 0 ? FU_EXIT_OK : FU_EXIT_NONE;
}
