/*
 * fu-log - record a contact that followed up on an agreement, or an event
 * about a client.  Prints the id of the agreement it made, if any.
 */
#include <stdio.h>

#include "fu.h"

enum {
	OPT_CHANNEL = 256, OPT_DATE, OPT_AMOUNT, OPT_MOOD, OPT_NOTE, OPT_NEXT,
	OPT_EVERY, OPT_SIGNAL, OPT_LOST, OPT_WON, OPT_REFERRAL, OPT_GREETING,
	OPT_CONSENT, OPT_NO_CONSENT, OPT_NO_NEXT, OPT_NEXT_CHANNEL, OPT_THEIRS,
	OPT_PLAN
};

static const struct option longopts[] = {
	{ "agreement", required_argument, NULL, 'a' },
	{ "outcome", required_argument, NULL, 'o' },
	{ "channel", required_argument, NULL, OPT_CHANNEL },
	{ "date", required_argument, NULL, OPT_DATE },
	{ "amount", required_argument, NULL, OPT_AMOUNT },
	{ "mood", required_argument, NULL, OPT_MOOD },
	{ "note", required_argument, NULL, OPT_NOTE },
	{ "next", required_argument, NULL, OPT_NEXT },
	{ "due", required_argument, NULL, 'd' },
	{ "every", required_argument, NULL, OPT_EVERY },
	{ "signal", required_argument, NULL, OPT_SIGNAL },
	{ "lost", required_argument, NULL, OPT_LOST },
	{ "won", no_argument, NULL, OPT_WON },
	{ "referral", required_argument, NULL, OPT_REFERRAL },
	{ "greeting", required_argument, NULL, OPT_GREETING },
	{ "consent", no_argument, NULL, OPT_CONSENT },
	{ "no-consent", no_argument, NULL, OPT_NO_CONSENT },
	{ "no-next", required_argument, NULL, OPT_NO_NEXT },
	{ "next-channel", required_argument, NULL, OPT_NEXT_CHANNEL },
	{ "theirs", no_argument, NULL, OPT_THEIRS },
	{ "plan", required_argument, NULL, OPT_PLAN },
	{ NULL, 0, NULL, 0 }
};

static const char *
usage(void)
{
	return _("usage: fu-log CLIENT [-a AGREEMENT] [-o kept|broken|"
	    "moved|dropped] [--channel C]\n"
	    "              [--date DATE] [--amount N] [--mood +|0|-] "
	    "[--note TEXT]\n"
	    "              [NEXT | --plan NAME | --no-next REASON]\n"
	    "       fu-log CLIENT --greeting TEXT [--channel C] [--date DATE] "
	    "[--mood +|0|-]\n"
	    "              [--note TEXT] [NEXT | --plan NAME]\n"
	    "       fu-log CLIENT (--signal TEXT | --lost REASON | --won | "
	    "--referral CLIENT |\n"
	    "              --consent | --no-consent) [--channel C] "
	    "[--date DATE]\n"
	    "              [--note TEXT] [NEXT | --plan NAME]\n"
	    "NEXT: --next WHAT --due DATE [--every PERIOD] "
	    "[--next-channel C] [--theirs]\n"
	    "common options: [-p DIR] [--today DATE] [-h] [--version]\n");
}

/* Sets the event once: the events exclude each other. */
static int
event(struct fu_contact *c, enum fu_event ev, struct fu_err *e)
{
	if (c->event != FU_EVENT_NONE)
		return fu_err_usage(e, _("--signal, --lost, --won, "
		    "--referral, --greeting, --consent and --no-consent go "
		    "one at a time"));
	c->event = ev;
	return 0;
}

int
main(int argc, char *argv[])
{
	struct fu_cli cli = { 0 };
	struct fu_contact c = { 0 };
	struct fu_err e = { 0 };
	uint64_t made;
	size_t n, i;
	int ch;

	fu_init("fu-log");
	cli.usage = usage();
	cli.args_min = cli.args_max = 1;
	while ((ch = fu_getopt(&cli, argc, argv, "a:d:o:", longopts)) != -1) {
		switch (ch) {
		case 'a': c.agreement = optarg; break;
		case 'o': c.outcome = optarg; break;
		case OPT_CHANNEL: c.channel = optarg; break;
		case OPT_DATE: c.date = optarg; break;
		case OPT_AMOUNT: c.amount = optarg; break;
		case OPT_MOOD: c.mood = optarg; break;
		case OPT_NOTE: c.note = optarg; break;
		case OPT_NEXT: c.next = optarg; break;
		case 'd': c.due = optarg; break;
		case OPT_EVERY: c.every = optarg; break;
		case OPT_NO_NEXT: c.no_next = optarg; break;
		case OPT_NEXT_CHANNEL: c.next_channel = optarg; break;
		case OPT_THEIRS: c.theirs = 1; break;
		case OPT_PLAN: c.plan = optarg; break;
		case OPT_SIGNAL:
		case OPT_LOST:
		case OPT_GREETING:
			c.text = optarg;
			if (event(&c, ch == OPT_LOST ? FU_EVENT_LOST :
			    ch == OPT_GREETING ? FU_EVENT_GREETING :
			    FU_EVENT_SIGNAL, &e) == -1)
				return fu_fail(&e);
			break;
		case OPT_CONSENT:
		case OPT_NO_CONSENT:
			if (event(&c, ch == OPT_CONSENT ? FU_EVENT_CONSENT :
			    FU_EVENT_NO_CONSENT, &e) == -1)
				return fu_fail(&e);
			break;
		case OPT_WON:
			if (event(&c, FU_EVENT_WON, &e) == -1)
				return fu_fail(&e);
			break;
		case OPT_REFERRAL:
			c.referral = optarg;
			if (event(&c, FU_EVENT_REFERRAL, &e) == -1)
				return fu_fail(&e);
			break;
		}
	}
	if (cli.exit >= 0)
		return cli.exit;
	c.client = argv[optind];
	if (fu_contact_log(&cli, &c, &made, &n, &e) == -1)
		return fu_fail(&e);
	/* The steps it made, one id a line. */
	for (i = 0; i < n; i++)
		printf("%llu\n", (unsigned long long)(made + i));
	return fu_out_close_written(&e) == -1 ? fu_fail(&e) : 0;
}
