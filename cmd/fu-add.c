/*
 * fu-add - add a client or an agreement to the portfolio.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fu.h"

enum {
	OPT_COMPANY = 256, OPT_EMAIL, OPT_PHONE, OPT_SINCE, OPT_BIRTHDAY,
	OPT_ANNIVERSARY, OPT_REFERRED_BY, OPT_CONSENT, OPT_STAGE, OPT_NOTE,
	OPT_CHANNEL, OPT_EVERY, OPT_TODAY, OPT_VERSION
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
	{ "portfolio", required_argument, NULL, 'p' },
	{ "today", required_argument, NULL, OPT_TODAY },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static const char *company, *email, *phone, *since, *birthday, *anniversary;
static const char *referred_by, *stage, *note, *due, *channel, *every;
static const char *portfolio, *today_opt;
static int consent;
static struct fu_buf tags;

static void
usage(FILE *fp)
{
	fprintf(fp, _("usage: fu-add client NAME [--company C] [--email E] "
	    "[--phone P] [--since DATE]\n"
	    "                   [--birthday D] [--anniversary D] "
	    "[--referred-by CLIENT]\n"
	    "                   [--consent] [--stage S] [--tag T]... "
	    "[--note N]\n"
	    "       fu-add agreement CLIENT WHAT --due DATE [--channel C] "
	    "[--every PERIOD]\n"
	    "common options: [-p DIR] [--today DATE] [-h] [--version]\n"));
}

static int
add_client(struct fu_portfolio *pf, const char *name, fu_date today,
    struct fu_err *e)
{
	struct fu_state st;
	const struct fu_clientrec *ref = NULL;
	struct fu_mday bd = { 0, 0, 0 }, an = { 0, 0, 0 };
	fu_date sd = today;
	char idbuf[24], refbuf[24], sdbuf[11], bdbuf[11], anbuf[11];
	const char *v[FU_C_NCOLS] = { 0 };

	if (fu_text_check("NAME", name, 0, e) == -1 ||
	    fu_text_check("--company", company, 0, e) == -1 ||
	    fu_text_check("--email", email, 0, e) == -1 ||
	    fu_text_check("--phone", phone, 0, e) == -1 ||
	    fu_text_check("--stage", stage, 0, e) == -1 ||
	    fu_text_check("--note", note, 1, e) == -1)
		return -1;
	if (since != NULL && fu_date_parse(since, today, &sd, e) == -1)
		return -1;
	if (birthday != NULL && fu_mday_parse(birthday, strlen(birthday),
	    &bd) == -1)
		return fu_err_usage(e, _("birthday \"%s\" is not a date "
		    "(YYYY-MM-DD or MM-DD)"), birthday);
	if (anniversary != NULL && fu_mday_parse(anniversary,
	    strlen(anniversary), &an) == -1)
		return fu_err_usage(e, _("anniversary \"%s\" is not a date "
		    "(YYYY-MM-DD or MM-DD)"), anniversary);
	if (fu_txn_begin(pf, e) == -1)
		return -1;
	if (fu_state_load(pf, today, NULL, &st, e) == -1) {
		fu_txn_abort(pf);
		return -1;
	}
	if (referred_by != NULL &&
	    (ref = fu_client_match(&st.clients, referred_by, e)) == NULL)
		goto fail;
	snprintf(idbuf, sizeof(idbuf), "%llu",
	    (unsigned long long)st.clients.max_id + 1);
	v[FU_C_ID] = idbuf;
	v[FU_C_NAME] = name;
	v[FU_C_COMPANY] = company;
	v[FU_C_EMAIL] = email;
	v[FU_C_PHONE] = phone;
	v[FU_C_SINCE] = fu_date_str(sd, sdbuf);
	v[FU_C_BIRTHDAY] = fu_mday_str(&bd, bdbuf);
	v[FU_C_ANNIVERSARY] = fu_mday_str(&an, anbuf);
	if (ref != NULL) {
		snprintf(refbuf, sizeof(refbuf), "%llu",
		    (unsigned long long)ref->id);
		v[FU_C_REFERRED_BY] = refbuf;
	}
	v[FU_C_CONSENT] = consent ? "yes" : NULL;
	v[FU_C_STAGE] = stage;
	v[FU_C_TAGS] = tags.p;
	v[FU_C_NOTE] = note;
	if (fu_txn_add(pf, FU_CLIENTS, v, e) == -1) {
		fu_state_free(&st);
		fu_txn_abort(pf);
		return -1;
	}
	fu_state_free(&st);
	if (fu_txn_commit(pf, e) == -1)
		return -1;
	printf("%s\n", idbuf);
	return 0;
fail:
	fu_state_free(&st);
	fu_txn_abort(pf);
	return -1;
}

static int
add_agreement(struct fu_portfolio *pf, const char *who, const char *what,
    fu_date today, struct fu_err *e)
{
	struct fu_state st;
	const struct fu_clientrec *c;
	struct fu_period per = { 0, 0 };
	fu_date dd;
	char idbuf[24], cbuf[24], dbuf[11], mbuf[11], pbuf[16];
	const char *v[FU_A_NCOLS] = { 0 };

	if (due == NULL)
		return fu_err_usage(e, _("an agreement needs a due date: add "
		    "--due DATE"));
	if (fu_text_check("WHAT", what, 0, e) == -1 ||
	    fu_text_check("--channel", channel, 0, e) == -1 ||
	    fu_date_parse(due, today, &dd, e) == -1)
		return -1;
	if (every != NULL && fu_period_parse(every, strlen(every), &per) == -1)
		return fu_err_usage(e, _("--every \"%s\" is not a period: use "
		    "such as 90d, 2w, 3m or 1y"), every);
	/* An agreement needs a client, so a portfolio: make none here. */
	if (!pf->found)
		return fu_err_io(e, pf->dir, 0, _("no portfolio here "
		    "(fu-add client NAME makes one)"));
	if (fu_txn_begin(pf, e) == -1)
		return -1;
	if (fu_state_load(pf, today, NULL, &st, e) == -1)
		goto fail;
	if ((c = fu_client_match(&st.clients, who, e)) == NULL ||
	    fu_rule_agreement(c, what, dd, today, &per, e) == -1) {
		fu_state_free(&st);
		goto fail;
	}
	snprintf(idbuf, sizeof(idbuf), "%llu",
	    (unsigned long long)st.max_agreement + 1);
	snprintf(cbuf, sizeof(cbuf), "%llu", (unsigned long long)c->id);
	fu_state_free(&st);
	v[FU_A_ID] = idbuf;
	v[FU_A_CLIENT] = cbuf;
	v[FU_A_WHAT] = what;
	v[FU_A_DUE] = fu_date_str(dd, dbuf);
	v[FU_A_CHANNEL] = channel;
	v[FU_A_EVERY] = fu_period_str(&per, pbuf);
	v[FU_A_MADE] = fu_date_str(today, mbuf);
	if (fu_txn_add(pf, FU_AGREEMENTS, v, e) == -1 ||
	    fu_txn_commit(pf, e) == -1)
		return -1;
	printf("%s\n", idbuf);
	return 0;
fail:
	fu_txn_abort(pf);
	return -1;
}

int
main(int argc, char *argv[])
{
	struct fu_portfolio pf;
	struct fu_err e = { 0 };
	fu_date today;
	int ch, rc;

	fu_init("fu-add");
	while ((ch = getopt_long(argc, argv, "d:hp:t:", longopts, NULL)) !=
	    -1) {
		switch (ch) {
		case OPT_COMPANY: company = optarg; break;
		case OPT_EMAIL: email = optarg; break;
		case OPT_PHONE: phone = optarg; break;
		case OPT_SINCE: since = optarg; break;
		case OPT_BIRTHDAY: birthday = optarg; break;
		case OPT_ANNIVERSARY: anniversary = optarg; break;
		case OPT_REFERRED_BY: referred_by = optarg; break;
		case OPT_CONSENT: consent = 1; break;
		case OPT_STAGE: stage = optarg; break;
		case 't':
			if (fu_tag_check(optarg, &e) == -1)
				return fu_fail(&e);
			if ((tags.len > 0 && fu_buf_add(&tags, " ", 1) == -1) ||
			    fu_buf_add(&tags, optarg, strlen(optarg)) == -1)
				return fu_fail(&e);
			break;
		case OPT_NOTE: note = optarg; break;
		case 'd': due = optarg; break;
		case OPT_CHANNEL: channel = optarg; break;
		case OPT_EVERY: every = optarg; break;
		case 'p': portfolio = optarg; break;
		case OPT_TODAY: today_opt = optarg; break;
		case 'h':
			usage(stdout);
			return fu_out_close(&e) == -1 ? fu_fail(&e) : 0;
		case OPT_VERSION:
			printf("fu-add %s\n", FU_VERSION);
			return fu_out_close(&e) == -1 ? fu_fail(&e) : 0;
		default:
			usage(stderr);
			return FU_EXIT_USAGE;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1) {
		usage(stderr);
		return FU_EXIT_USAGE;
	}
	if (fu_today(today_opt, &today, &e) == -1 ||
	    fu_portfolio_open(&pf, portfolio, &e) == -1)
		return fu_fail(&e);
	if (strcmp(argv[0], "client") == 0 && argc == 2) {
		if (due != NULL || channel != NULL || every != NULL) {
			fu_warn(_("--due, --channel and --every are for "
			    "agreements"));
			return FU_EXIT_USAGE;
		}
		rc = add_client(&pf, argv[1], today, &e);
	} else if (strcmp(argv[0], "agreement") == 0 && argc == 3) {
		if (company || email || phone || since || birthday ||
		    anniversary || referred_by || consent || stage || note ||
		    tags.len) {
			fu_warn(_("client options do not go with an "
			    "agreement"));
			return FU_EXIT_USAGE;
		}
		rc = add_agreement(&pf, argv[1], argv[2], today, &e);
	} else {
		usage(stderr);
		return FU_EXIT_USAGE;
	}
	fu_buf_free(&tags);
	fu_portfolio_close(&pf);
	if (rc == -1 || fu_out_close(&e) == -1)
		return fu_fail(&e);
	return 0;
}
