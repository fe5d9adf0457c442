/*
 * fu.h - libfu as the commands see it: the options every command shares,
 * and one call for each thing a command does.  The library holds the rule
 * of fu (follow up on agreements, not on clients) and every mechanism
 * behind it; what the commands need not see is in priv.h.
 *
 * Error handling: the library never exits, and prints only what a call is
 * for (a listing, a report).  A function that can fail returns -1 and
 * fills a struct fu_err with the exit status the command should end with,
 * the file and line concerned, errno where a system call failed, and a
 * message already translated.  The command calls fu_fail() to print it
 * and get the status.
 */
#ifndef FU_H
#define FU_H

#include <getopt.h>
#include <libintl.h>
#include <stdint.h>

#define FU_VERSION "0.1.0"

#define _(s) gettext(s)
#define N_(s) (s)
/* A message with a context, for an English word that needs two Spanish
 * ones (the clients' "NEW", nuevos, and the sales', nuevas): C_() now,
 * NC_() in a table, translated later by fu_tr(). */
#define C_(ctx, s) fu_tr(ctx "\004" s)
#define NC_(ctx, s) (ctx "\004" s)
const char *fu_tr(const char *msgid);

/* Exit status, SPEC section 6. */
enum {
	FU_EXIT_OK = 0,
	FU_EXIT_NONE = 1,	/* fu-due: nothing was listed */
	FU_EXIT_USAGE = 2,	/* usage, bad date, unknown client, refusal */
	FU_EXIT_DATA = 3,	/* a portfolio file is malformed */
	FU_EXIT_IO = 4		/* read, lock or write failed, or out of
				 * memory; nothing written */
};

/* err.c */
struct fu_err {
	int code;		/* FU_EXIT_* */
	char file[256];		/* table file name, or "" */
	long line;		/* line in file, or 0 */
	int errnum;		/* errno, or 0 */
	char text[1024];	/* translated message */
	int unwritten;		/* 1: a write was undone, 2: not yet */
};
/* Sets the locale, the message catalogue, the program name for messages,
 * and reads the environment (once: see fu(7), ENVIRONMENT). */
void fu_init(const char *progname);
/* Prints "prog: file:line: message" on stderr; returns the exit status. */
int fu_fail(const struct fu_err *);
/* Fills e as a usage error (exit 2); returns -1. */
int fu_err_usage(struct fu_err *, const char *fmt, ...);

/* A date is a count of days since 1970-01-01. */
typedef int32_t fu_date;

/* opts.c: the options every command shares (-p, --today, -h, --version,
 * and the output formats), parsed with the command's own. */
enum fu_fmt {
	FU_FMT_TEXT, FU_FMT_TSV, FU_FMT_CSV, FU_FMT_JSON, FU_FMT_TEMPLATE,
	FU_FMT_ICS		/* an iCalendar (RFC 5545), fu-due's only */
};
#define FU_CLI_FORMATS 1	/* the command prints rows: --tsv, --csv,
				 * --json, -f TEMPLATE, --color */
#define FU_CLI_PORTFOLIOS 2	/* -p may be given more than once */
#define FU_CLI_ICS 4		/* the rows are days: --ics prints them as
				 * a calendar (with none of the others) */
enum fu_color { FU_COLOR_AUTO, FU_COLOR_ALWAYS, FU_COLOR_NEVER };
struct fu_cli {
	const char *usage;	/* the usage text, translated */
	int flags;		/* FU_CLI_* */
	int args_min, args_max;	/* how many arguments follow the options */
	const char *repeatable;	/* short options that may be given more
				 * than once (the others are refused) */
	/* Filled by fu_getopt: */
	const char **portfolio;	/* each -p in order, or none */
	int nportfolio;
	fu_date today;		/* --today, $FU_TODAY, or the clock */
	enum fu_fmt fmt;
	const char *tmpl;	/* -f */
	int raw;		/* --raw: TSV, CSV without the formula guard */
	enum fu_color color;	/* --color=WHEN, with the formats */
	int exit;		/* -1 to go on, else the status to exit with */
};
/* Returns the command's next option, as getopt_long(3) does, taking the
 * shared ones itself (a command's own long options are numbered from 256
 * up, below 4096); -1 at the end, or when the command must exit with
 * cli->exit (after --help, --version or a usage error, already printed,
 * such as a count of arguments out of range).  At the end, the arguments
 * start at optind. */
int fu_getopt(struct fu_cli *, int argc, char *const argv[],
    const char *shortopts, const struct option *longopts);
/* A count given to an option: a whole number from min to max. */
int fu_count(const char *opt, const char *s, int min, int max, int *out,
    struct fu_err *);
/* Flushes and closes stdout: -1 on a write error (a full disk). */
int fu_out_close(struct fu_err *);
/* The same after a commit: its message says the rows are written. */
int fu_out_close_written(struct fu_err *);

/* add.c: fu-add's rows.  Values are as the user typed them; each call
 * checks them all, then takes the lock, reads the portfolio, and appends
 * the row, printing nothing.  *id gets the new row's id. */
struct fu_client_in {
	const char *name, *company, *email, *phone, *since, *birthday,
	    *anniversary, *referred_by, *stage, *note;
	const char *const *tags;	/* one word each */
	int ntags;
	int consent;
	int duplicate;			/* add even if one has the same name
					 * and company */
};
int fu_client_add(const struct fu_cli *, const struct fu_client_in *,
    uint64_t *id, struct fu_err *);
/* import.c: fu-add client --vcard FILE, or --import FILE.csv (sheet set;
 * its columns found by name, or by map, "Header=field,..."): every card
 * or row checked, then all
 * appended in one write, or none.  A card that is a client already (the
 * same email, or the same name and company) is skipped, with a warning
 * naming its line; a card refused is said with its line and why, and
 * then nothing is written.  The options of all (consent, stage, tags,
 * since) go to every client; consent is never taken from a card but
 * fu's own X-FU-CONSENT.  The clients added are *first to *first + *n -
 * 1 (*n 0 if none). */
int fu_client_import(const struct fu_cli *, const char *file, int sheet,
    const char *map, const struct fu_client_in *all, uint64_t *first,
    size_t *n, struct fu_err *);
struct fu_agreement_in {
	const char *client, *what, *due, *channel, *every;
	int theirs;			/* the client owes the move */
	const char *plan;		/* --plan NAME: its steps, not what */
	const char *start;		/* --start DATE of the plan, or NULL */
};
/* The agreements made are *first to *first + *n - 1. */
int fu_agreement_add(const struct fu_cli *, const struct fu_agreement_in *,
    uint64_t *first, size_t *n, struct fu_err *);

/* contact.c: what fu-log records, under rule 2: a contact that followed
 * up on an agreement, or an event about a client. */
enum fu_event {
	FU_EVENT_NONE, FU_EVENT_SIGNAL, FU_EVENT_LOST, FU_EVENT_WON,
	FU_EVENT_REFERRAL, FU_EVENT_GREETING, FU_EVENT_CONSENT,
	FU_EVENT_NO_CONSENT
};
struct fu_contact {
	const char *client;		/* CLIENT as typed */
	enum fu_event event;
	const char *text;		/* --signal TEXT, --lost REASON or
					 * --greeting TEXT */
	const char *referral;		/* --referral CLIENT */
	const char *agreement;		/* -a, NULL for the implied one */
	const char *outcome;		/* -o, NULL for kept */
	const char *channel, *date, *amount, *mood, *note;
	const char *next, *due, *every;	/* --next WHAT --due --every */
	const char *next_channel;	/* the step's, else the contact's */
	int theirs;			/* the client owes the step */
	const char *no_next;		/* --no-next REASON */
	const char *plan;		/* --plan NAME: the steps it makes */
};
/* The log row and the agreements it made land together or not at all;
 * the steps it made (--next, or a plan's) are *first to *first + *n - 1
 * (*n 0 if none). */
int fu_contact_log(const struct fu_cli *, const struct fu_contact *,
    uint64_t *first, size_t *n, struct fu_err *);

/* due.c: what fu-due lists. */
enum fu_due_mode {
	FU_DUE_AGREEMENTS, FU_DUE_STALE, FU_DUE_ADRIFT, FU_DUE_OCCASIONS,
	FU_DUE_AT_RISK
};
struct fu_due_query {
	enum fu_due_mode mode;
	int within;		/* days ahead, -1 when not given */
	int overdue;		/* only those due before today */
	int slipped;		/* moved at least this often, 0 for any */
	int stale;		/* days without contact */
	const char *client, *channel, *tag;	/* filters, NULL for all */
	int quiet;		/* count only */
	const char *plan;	/* every open step of this plan */
	const char *complete;	/* --complete clients|plans: names for a
				 * shell's completion, and nothing else */
};
#define FU_DUE_QUERY_INIT { FU_DUE_AGREEMENTS, -1, 0, 0, 0, NULL, NULL, \
	NULL, 0, NULL, NULL }
/* Prints what the query lists; returns how many rows, or -1. */
long fu_due(const struct fu_cli *, const struct fu_due_query *,
    struct fu_err *);

/* cmds.c: what the fu command runs, fu-NAME, as git runs git-NAME. */
/* The file of fu-NAME into path: beside self (the running fu's argv[0],
 * when it names a directory), else in a directory of PATH; 0, or -1 when
 * there is none, or when NAME is not a command's name (letters, digits,
 * - and _). */
int fu_cmd_find(const char *self, const char *name, char *path,
    size_t size);
/* Calls fn with each fu-NAME found so, once each (the one fu would run),
 * in order of NAME. */
int fu_cmd_each(const char *self, void (*fn)(void *ctx, const char *name,
    const char *path), void *ctx, struct fu_err *);

/* clientlist.c: what fu-clients lists. */
struct fu_clients_query {
	const char *text;	/* part of a name or company, or NULL */
	const char *tag, *stage;	/* filters, NULL for all */
	const char *referrer;	/* clients this one referred */
	int consent;		/* 1 given, 0 not, -1 either */
	int vcard;		/* print vCards 4.0 */
};
#define FU_CLIENTS_QUERY_INIT { NULL, NULL, NULL, NULL, -1, 0 }
/* Prints the clients the query finds; returns how many, or -1. */
long fu_clients_list(const struct fu_cli *, const struct fu_clients_query *,
    struct fu_err *);

/* report.c: the retention report of fu-stats (SPEC section 5). */
enum fu_report_by { FU_BY_NONE, FU_BY_MONTH, FU_BY_CHANNEL, FU_BY_STAGE };
struct fu_report_query {
	const char *month, *from, *to;	/* as typed, or NULL */
	enum fu_report_by by;
	int partial;			/* --partial: the raw counts, to
					 * merge */
};
/* Prints the report of the period over every portfolio given. */
int fu_stats(const struct fu_cli *, const struct fu_report_query *,
    struct fu_err *);

/* partial.c: fu-stats --merge. */
/* Prints the report over the partials in the files (NULL or "-" for
 * standard input, as is no file), as fu_stats would over their
 * portfolios; the period and --by are the partials'. */
int fu_stats_merge(const struct fu_cli *, const struct fu_report_query *,
    char *const *files, int nfiles, struct fu_err *);

#endif
