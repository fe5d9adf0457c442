/*
 * fu-log - record a contact that followed up on an agreement, or an event
 * about a client.  Prints the id of the agreement it made, if any.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fu.h"

enum {
	OPT_CHANNEL = 256, OPT_DATE, OPT_AMOUNT, OPT_MOOD, OPT_NOTE, OPT_NEXT,
	OPT_EVERY, OPT_SIGNAL, OPT_LOST, OPT_WON, OPT_REFERRAL, OPT_TODAY,
	OPT_VERSION
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
	{ "portfolio", required_argument, NULL, 'p' },
	{ "today", required_argument, NULL, OPT_TODAY },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static void
usage(FILE *fp)
{
	fprintf(fp, _("usage: fu-log CLIENT [-a AGREEMENT] [-o kept|broken|"
	    "moved|dropped] [--channel C]\n"
	    "              [--date DATE] [--amount N] [--mood +|0|-] "
	    "[--note TEXT]\n"
	    "              [--next WHAT --due DATE [--every PERIOD]]\n"
	    "       fu-log CLIENT (--signal TEXT | --lost REASON | --won | "
	    "--referral CLIENT)\n"
	    "              [--channel C] [--date DATE] [--note TEXT]\n"
	    "              [--next WHAT --due DATE [--every PERIOD]]\n"
	    "common options: [-p DIR] [--today DATE] [-h] [--version]\n"));
}

/* Sets the event once: the events exclude each other. */
static int
event(struct fu_contact *c, enum fu_outcome o, struct fu_err *e)
{
	if (c->outcome >= FU_O_SIGNAL)
		return fu_err_usage(e, _("--signal, --lost, --won and "
		    "--referral go one at a time"));
	c->outcome = o;
	return 0;
}

int
main(int argc, char *argv[])
{
	struct fu_contact c;
	struct fu_portfolio pf;
	struct fu_err e = { 0 };
	const char *portfolio = NULL, *today = NULL, *date = NULL, *due = NULL;
	const char *every = NULL, *outcome = NULL, *amount = NULL, *mood = NULL;
	uint64_t made;
	int ch, rc = 0;

	fu_init("fu-log");
	memset(&c, 0, sizeof(c));
	c.due = FU_DATE_NONE;
	while ((ch = getopt_long(argc, argv, "a:d:ho:p:", longopts, NULL)) !=
	    -1) {
		switch (ch) {
		case 'a':
			if (fu_id_parse(optarg, strlen(optarg), &c.agreement))
				rc = fu_err_usage(&e, _("-a \"%s\" is not an "
				    "agreement id"), optarg);
			break;
		case 'o': outcome = optarg; break;
		case OPT_CHANNEL: c.channel = optarg; break;
		case OPT_DATE: date = optarg; break;
		case OPT_AMOUNT: amount = optarg; break;
		case OPT_MOOD: mood = optarg; break;
		case OPT_NOTE: c.note = optarg; break;
		case OPT_NEXT: c.next = optarg; break;
		case 'd': due = optarg; break;
		case OPT_EVERY: every = optarg; break;
		case OPT_SIGNAL:
			c.text = optarg;
			rc = event(&c, FU_O_SIGNAL, &e);
			break;
		case OPT_LOST:
			c.text = optarg;
			rc = event(&c, FU_O_LOST, &e);
			break;
		case OPT_WON: rc = event(&c, FU_O_WON, &e); break;
		case OPT_REFERRAL:
			c.referral = optarg;
			rc = event(&c, FU_O_REFERRAL, &e);
			break;
		case 'p': portfolio = optarg; break;
		case OPT_TODAY: today = optarg; break;
		case 'h':
			usage(stdout);
			return fu_out_close(&e) == -1 ? fu_fail(&e) : 0;
		case OPT_VERSION:
			printf("fu-log %s\n", FU_VERSION);
			return fu_out_close(&e) == -1 ? fu_fail(&e) : 0;
		default:
			usage(stderr);
			return FU_EXIT_USAGE;
		}
		if (rc == -1)
			return fu_fail(&e);
	}
	if (argc - optind != 1) {
		usage(stderr);
		return FU_EXIT_USAGE;
	}
	c.client = argv[optind];
	if (c.outcome >= FU_O_SIGNAL && (outcome || c.agreement || amount ||
	    mood)) {
		fu_warn(_("-a, -o, --amount and --mood are for a contact, not "
		    "for --signal, --lost, --won or --referral"));
		return FU_EXIT_USAGE;
	}
	if (fu_today(today, &c.today, &e) == -1)
		return fu_fail(&e);
	c.date = c.today;
	if ((date && fu_date_parse(date, c.today, &c.date, &e) == -1) ||
	    (due && fu_date_parse(due, c.today, &c.due, &e) == -1) ||
	    fu_text_check("CLIENT", c.client, 0, &e) == -1 ||
	    fu_text_check("--channel", c.channel, 0, &e) == -1 ||
	    fu_text_check("--note", c.note, 1, &e) == -1 ||
	    fu_text_check("--next", c.next, 0, &e) == -1 ||
	    fu_text_check(c.outcome == FU_O_LOST ? "--lost" : "--signal",
	    c.text, 0, &e) == -1)
		return fu_fail(&e);
	if (outcome != NULL && ((c.outcome = fu_outcome_parse(outcome,
	    strlen(outcome))) == FU_O_NONE || c.outcome > FU_O_DROPPED)) {
		fu_err_usage(&e, _("-o \"%s\" is not an outcome: kept, broken, "
		    "moved or dropped"), outcome);
		return fu_fail(&e);
	}
	if (every && fu_period_parse(every, strlen(every), &c.every) == -1) {
		fu_err_usage(&e, _("--every \"%s\" is not a period: use such "
		    "as 90d, 2w, 3m or 1y"), every);
		return fu_fail(&e);
	}
	if (every && c.next == NULL) {
		fu_warn(_("--every goes with --next WHAT"));
		return FU_EXIT_USAGE;
	}
	if (amount && (c.has_amount = 1, fu_money_parse(amount,
	    strlen(amount), &c.amount) == -1)) {
		fu_err_usage(&e, _("--amount \"%s\" is not an amount (such as "
		    "1250 or 1250.50)"), amount);
		return fu_fail(&e);
	}
	if (mood != NULL) {
		if (strcmp(mood, "+") == 0)
			c.mood = FU_MOOD_PLUS;
		else if (strcmp(mood, "0") == 0)
			c.mood = FU_MOOD_ZERO;
		else if (strcmp(mood, "-") == 0)
			c.mood = FU_MOOD_MINUS;
		else {
			fu_err_usage(&e, _("--mood \"%s\" is not +, 0 or -"),
			    mood);
			return fu_fail(&e);
		}
	}
	if (fu_portfolio_open(&pf, portfolio, &e) == -1 ||
	    fu_contact_log(&pf, &c, &made, &e) == -1)
		return fu_fail(&e);
	fu_portfolio_close(&pf);
	if (made != 0)
		printf("%llu\n", (unsigned long long)made);
	if (fu_out_close(&e) == -1)
		return fu_fail(&e);
	return 0;
}
