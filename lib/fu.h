/*
 * fu.h - the one public header of libfu.
 *
 * libfu holds the rule of fu (follow up on agreements, not on clients) and
 * every mechanism the commands share: dates, money, the portfolio and its
 * tables, the lock and the one writer, the client matcher, the rule.
 *
 * Error handling: the library never prints and never exits.  A function
 * that can fail returns -1 (or NULL) and fills a struct fu_err with the exit
 * status the command should end with, the file and line concerned, errno
 * where a system call failed, and a message already translated.  The
 * command calls fu_fail() to print it and get the status.
 */
#ifndef FU_H
#define FU_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <libintl.h>

#define FU_VERSION "0.1.0"

#define _(s) gettext(s)
#define N_(s) (s)

/* Exit status, SPEC section 6. */
enum {
	FU_EXIT_OK = 0,
	FU_EXIT_NONE = 1,	/* fu-due: nothing was listed */
	FU_EXIT_USAGE = 2,	/* usage, bad date, unknown client, refusal */
	FU_EXIT_DATA = 3,	/* a portfolio file is malformed */
	FU_EXIT_IO = 4		/* read, lock or write failed; nothing written */
};

/* err.c */
struct fu_err {
	int code;		/* FU_EXIT_* */
	char file[256];		/* table file name, or "" */
	long line;		/* line in file, or 0 */
	int errnum;		/* errno, or 0 */
	char text[1024];	/* translated message */
	int unwritten;		/* a write was undone: say so */
};
extern const char *fu_progname;
void fu_init(const char *progname);	/* locale, gettext, program name */
int fu_err_usage(struct fu_err *, const char *fmt, ...);	/* code 2, -1 */
int fu_err_data(struct fu_err *, const char *file, long line,
    const char *fmt, ...);					/* code 3, -1 */
int fu_err_io(struct fu_err *, const char *file, int errnum,
    const char *fmt, ...);					/* code 4, -1 */
int fu_fail(const struct fu_err *);	/* prints the message, returns code */
void fu_warn(const char *fmt, ...);	/* "prog: message" on stderr */
int fu_out_close(struct fu_err *);	/* flushes stdout; -1 on a write error */

/* date.c: a date is a count of days since 1970-01-01. */
typedef int32_t fu_date;
#define FU_DATE_NONE INT32_MIN
struct fu_period {
	int n;			/* > 0 */
	char unit;		/* 'd', 'w', 'm' or 'y' */
};
struct fu_mday {		/* birthday or anniversary */
	int year;		/* 0 when unknown (MM-DD) */
	int month, day;
};
int fu_date_ymd(int y, int m, int d, fu_date *);	/* -1 if impossible */
void fu_date_split(fu_date, int *y, int *m, int *d);
int fu_date_weekday(fu_date);				/* 0 Monday .. 6 Sunday */
fu_date fu_date_add_months(fu_date, int months);	/* clamps the day */
fu_date fu_period_add(fu_date, const struct fu_period *);
int fu_date_iso(const char *s, size_t n, fu_date *);	/* strict YYYY-MM-DD */
char *fu_date_str(fu_date, char buf[11]);		/* "" for FU_DATE_NONE */
/* Parses a date a person typed: ISO, today, tomorrow, yesterday, +N[dwmy],
 * -N[dwmy], weekday names in English and Spanish (the next such day). */
int fu_date_parse(const char *s, fu_date today, fu_date *, struct fu_err *);
/* Today: pinned (--today), else $FU_TODAY, else the clock, local time. */
int fu_today(const char *pinned, fu_date *, struct fu_err *);
int fu_period_parse(const char *s, size_t n, struct fu_period *);	/* -1 bad */
char *fu_period_str(const struct fu_period *, char buf[16]);
int fu_mday_parse(const char *s, size_t n, struct fu_mday *);	/* -1 bad */
char *fu_mday_str(const struct fu_mday *, char buf[11]);
/* The day an occasion falls on in year y; 29 February is 28 February in
 * other years. */
fu_date fu_mday_in_year(const struct fu_mday *, int y);

/* money.c: an amount is a count of cents, never a float. */
typedef int64_t fu_cents;
int fu_money_parse(const char *s, size_t n, fu_cents *);	/* -1 bad */
char *fu_money_str(fu_cents, char buf[32]);			/* "12.50" */

/* utf8.c */
int fu_utf8_valid(const char *s, size_t n);		/* 1 valid, 0 not */
size_t fu_utf8_width(const char *s, size_t n);	/* display columns */
/* Bytes of s that fit in w columns. */
size_t fu_utf8_fit(const char *s, size_t n, size_t w);
/* Lower-case ASCII folding of Latin letters with accents ("López" ->
 * "lopez"); returns a malloc'ed string, NULL if out of memory. */
char *fu_fold(const char *s, size_t n);
/* Checks text from the command line: valid UTF-8, no control characters
 * (but tabs and line breaks when multiline), not empty unless multiline. */
int fu_text_check(const char *what, const char *s, int multiline,
    struct fu_err *);
int fu_tag_check(const char *tag, struct fu_err *);	/* one word */

/* Tables: columns are named by header; these index the known ones. */
enum fu_table { FU_CLIENTS, FU_AGREEMENTS, FU_LOG, FU_NTABLES };
enum {
	FU_C_ID, FU_C_NAME, FU_C_COMPANY, FU_C_EMAIL, FU_C_PHONE, FU_C_SINCE,
	FU_C_BIRTHDAY, FU_C_ANNIVERSARY, FU_C_REFERRED_BY, FU_C_CONSENT,
	FU_C_STAGE, FU_C_TAGS, FU_C_NOTE, FU_C_NCOLS
};
enum {
	FU_A_ID, FU_A_CLIENT, FU_A_WHAT, FU_A_DUE, FU_A_CHANNEL, FU_A_EVERY,
	FU_A_MADE, FU_A_FROM, FU_A_NCOLS
};
enum {
	FU_L_ID, FU_L_DATE, FU_L_CLIENT, FU_L_AGREEMENT, FU_L_CHANNEL,
	FU_L_OUTCOME, FU_L_AMOUNT, FU_L_MOOD, FU_L_NEXT, FU_L_NOTE, FU_L_NCOLS
};
#define FU_MAXCOLS 13
enum fu_outcome {
	FU_O_NONE, FU_O_KEPT, FU_O_BROKEN, FU_O_MOVED, FU_O_DROPPED,
	FU_O_SIGNAL, FU_O_LOST, FU_O_WON, FU_O_REFERRAL
};
enum fu_mood { FU_MOOD_NONE, FU_MOOD_PLUS, FU_MOOD_ZERO, FU_MOOD_MINUS };

/* table.c: the schema, the dialects, and row reading over libcsv. */
extern const char *const fu_table_name[FU_NTABLES];	/* "clients" ... */
extern const char *const *const fu_columns[FU_NTABLES];
extern const int fu_ncolumns[FU_NTABLES];
enum fu_outcome fu_outcome_parse(const char *s, size_t n);	/* NONE if bad */
const char *fu_outcome_str(enum fu_outcome);

struct fu_dialect {
	char delim;		/* ',', ';' or '\t' */
	int tsv;		/* backslash escapes instead of quotes */
	int crlf;		/* lines end in CR LF */
	int quote_all;		/* every field quoted, as the header is */
	int cr;			/* lines end in CR alone, as old Macs save */
};
/* A row as read: fields of the known columns, in schema order; a column
 * missing from the file reads as "".  Valid until the callback returns. */
struct fu_row {
	long line;			/* where the row starts */
	const char *f[FU_MAXCOLS];	/* NUL-terminated, never NULL */
	size_t len[FU_MAXCOLS];
};
struct fu_client {
	uint64_t id;
	const char *name, *company, *email, *phone, *stage, *tags, *note;
	fu_date since;
	struct fu_mday birthday, anniversary;	/* month 0 when empty */
	uint64_t referred_by;			/* 0 when empty */
	int consent;
};
struct fu_agreement {
	uint64_t id, client, from;	/* from: 0 when empty */
	const char *what, *channel;
	fu_date due, made;		/* made: FU_DATE_NONE when empty */
	struct fu_period every;		/* n == 0 when not recurring */
	fu_date closed;			/* for state hooks: the day a log row
					 * closed it, FU_DATE_NONE if none */
};
struct fu_logrow {
	uint64_t id, client, agreement, next;	/* 0 when empty */
	fu_date date;
	const char *channel, *note;
	enum fu_outcome outcome;		/* FU_O_NONE when empty */
	int has_amount;
	fu_cents amount;
	enum fu_mood mood;
};
/* Converts a read row, checking every typed column; -1 and a data error
 * naming file and line when a value is malformed. */
int fu_row_client(const struct fu_row *, const char *file, struct fu_client *,
    struct fu_err *);
int fu_row_agreement(const struct fu_row *, const char *file,
    struct fu_agreement *, struct fu_err *);
int fu_row_log(const struct fu_row *, const char *file, struct fu_logrow *,
    struct fu_err *);

/* portfolio.c */
struct fu_table_file {
	char path[4096];
	char name[64];		/* "clients.csv", for messages */
	int exists;
	int bom;		/* starts with a UTF-8 byte order mark */
	long long snap;		/* bytes to read: the size when last locked */
	long long start;	/* bytes already read into a saved state */
	long start_line;	/* the line at start */
	long end_line;		/* the line reached by the last read */
	int has_header;		/* the last read found the header row */
	struct fu_dialect dialect;
};
struct fu_portfolio {
	char dir[4096];
	int found;		/* the directory exists */
	struct fu_table_file t[FU_NTABLES];
	int lockfd;		/* -1 unless a transaction holds the lock */
	struct fu_txn *txn;	/* rows queued by a transaction */
};
/* The portfolio directory: dir if given, else $FU_PORTFOLIO, else
 * ${XDG_DATA_HOME:-$HOME/.local/share}/fu. */
int fu_portfolio_path(const char *dir, char *out, size_t size,
    struct fu_err *);
/* Opens a portfolio for reading; a missing one reads as empty. */
int fu_portfolio_open(struct fu_portfolio *, const char *dir, struct fu_err *);
void fu_portfolio_close(struct fu_portfolio *);
/* Streams the rows of a table to cb, which returns 0 to go on or -1 (with
 * e filled) to stop.  Checks the header and every row's shape. */
typedef int (*fu_row_cb)(void *ctx, const struct fu_row *, struct fu_err *);
int fu_table_scan(struct fu_portfolio *, enum fu_table, fu_row_cb, void *ctx,
    struct fu_err *);
/* The largest id in a table, 0 if it has none. */
int fu_table_max_id(struct fu_portfolio *, enum fu_table, uint64_t *,
    struct fu_err *);

/* write.c: the one writer.  A transaction takes the portfolio's exclusive
 * lock (waiting a bounded time), creates the portfolio if it is new, and
 * lets the caller read the tables, pick ids and queue rows; commit appends
 * each table's rows in one write(2) and fsync, and on any failure truncates
 * every table it touched back to its former length. */
int fu_txn_begin(struct fu_portfolio *, struct fu_err *);
/* Queues a row: values in schema order (NULL or "" for empty). */
int fu_txn_add(struct fu_portfolio *, enum fu_table, const char *const *values,
    struct fu_err *);
int fu_txn_commit(struct fu_portfolio *, struct fu_err *);
void fu_txn_abort(struct fu_portfolio *);	/* drops the queue, unlocks */
/* Formats one row in a dialect into buf (appended); the header maps file
 * columns to schema columns (-1 for a column fu does not know). */
struct fu_buf {
	char *p;
	size_t len, cap;
};
int fu_buf_add(struct fu_buf *, const void *, size_t);	/* keeps a NUL after */
int fu_buf_reserve(struct fu_buf *, size_t);	/* room for n more and a NUL */
void fu_buf_free(struct fu_buf *);
int fu_row_format(struct fu_buf *, const struct fu_dialect *,
    const int *colmap, int ncols, enum fu_table, const char *const *values);

/* lock.c */
/* Locks the portfolio: exclusive for the writer (creating DIR/.lock),
 * shared for readers; waits at most 30 seconds ($FU_LOCK_TIMEOUT).  Returns
 * the lock's fd, FU_LOCK_NONE when a reader finds no lock file, or -1. */
#define FU_LOCK_NONE (-2)
int fu_lock(const char *dir, int exclusive, struct fu_err *);
void fu_unlock(int fd);

/* clients.c: the clients table in memory, and the one client matcher. */
struct fu_clients {
	struct fu_clientrec *v;
	size_t n, cap;
	uint64_t max_id;
	struct fu_idmap *byid;
	uint32_t *dense;		/* id -> index + 1, when ids are dense */
	int seq;			/* ids are 1..n in order: id - 1 is the
					 * index, no lookup at all */
	struct fu_arena *arena;		/* the strings */
};
struct fu_clientrec {
	uint64_t id;
	long line;
	const char *name, *company;	/* in the arena */
	fu_date since;
	struct fu_mday birthday, anniversary;
	uint64_t referred_by;
	int consent;
	char *stage, *tags;
};
int fu_clients_load(struct fu_portfolio *, struct fu_clients *,
    struct fu_err *);
/* Reads the clients past tf->start into a loaded table. */
int fu_clients_more(struct fu_portfolio *, struct fu_clients *,
    struct fu_err *);
int fu_clients_index(struct fu_clients *);	/* after adding: -1 ENOMEM */
void fu_clients_free(struct fu_clients *);
const struct fu_clientrec *fu_clients_get(const struct fu_clients *,
    uint64_t id);
/* Finds one client by id or by part of name or company, without regard to
 * case or accents; none or several is a usage error listing candidates. */
const struct fu_clientrec *fu_client_match(const struct fu_clients *,
    const char *query, struct fu_err *);

/* idmap.c: ids to values, and sets of ids (one bit a dense id). */
struct fu_idmap *fu_idmap_new(void);
void fu_idmap_free(struct fu_idmap *);
int fu_idmap_put(struct fu_idmap *, uint64_t key, uint64_t val);	/* -1 ENOMEM */
int fu_idmap_get(const struct fu_idmap *, uint64_t key, uint64_t *val);	/* 1 found */
int fu_idmap_del(struct fu_idmap *, uint64_t key);	/* 1 if it was there */
struct fu_idset *fu_idset_new(void);
void fu_idset_free(struct fu_idset *);
int fu_idset_add(struct fu_idset *, uint64_t id);		/* -1 ENOMEM */
int fu_idset_has(const struct fu_idset *, uint64_t id);
/* Walks a map: 1 and the next entry, 0 at the end; *pos starts at 0. */
int fu_idmap_next(const struct fu_idmap *, size_t *pos, uint64_t *key,
    uint64_t *val);
/* A set to a saved state and back; -1 on a write error or bad bytes. */
int fu_idset_save(const struct fu_idset *, FILE *);
int fu_idset_load(struct fu_idset *, const char **cur, const char *end);
/* The smallest id in a that is not in b, or 0. */
uint64_t fu_idset_first_missing(const struct fu_idset *a,
    const struct fu_idset *b);

/* rule.c: the rule of SPEC section 4. */
/* R1: a concrete step; -1 with a refusal that says how to fix it. */
int fu_rule_step(const char *what, int recurring, struct fu_err *);
/* R1 and R3 for an agreement about to be made on date made. */
int fu_rule_agreement(const struct fu_clientrec *, const char *what,
    fu_date due, fu_date made, const struct fu_period *every,
    struct fu_err *);

/* state.c: the derived state (SPEC section 3), one streaming pass over
 * the log and then the agreements; memory grows with the clients and the
 * open agreements, and one bit for every other agreement and log row. */
enum fu_status { FU_PROSPECT, FU_ACTIVE, FU_AT_RISK, FU_LOST };
/* An order of events: the date, then the log id for the same day. */
typedef uint64_t fu_stamp;
#define FU_STAMP(date, id) ((uint64_t)((int64_t)(date) + 0x80000000LL) << 32 \
	| ((id) > 0xFFFFFFFFULL ? 0xFFFFFFFFULL : (id)))
struct fu_cstate {		/* one a client, as clients.v */
	fu_date last;		/* last contact, FU_DATE_NONE if none */
	const char *last_channel;
	fu_stamp last_stamp, first_sale, last_signal, last_kept, last_lost,
	    last_won;		/* 0 when none */
	uint32_t open;		/* open agreements */
	size_t next;		/* the open one due first, if open > 0 */
};
struct fu_open {		/* an open agreement */
	uint64_t id, from;
	size_t client;		/* index in clients.v */
	const char *what, *channel;
	fu_date due, made;
	struct fu_period every;
	int slips;
};
/* Seen by fu-stats as the pass goes: each log row and agreement that
 * passed the checks, in file order, before the cut-off applies. */
struct fu_state_hooks {
	int (*log)(void *ctx, const struct fu_logrow *, size_t client,
	    struct fu_err *);
	int (*agreement)(void *ctx, const struct fu_agreement *, size_t client,
	    struct fu_err *);
	void *ctx;
};
struct fu_state {
	struct fu_clients clients;
	struct fu_cstate *cs;
	struct fu_open *open;		/* by due date, then id */
	size_t nopen;
	uint64_t max_agreement, max_log;
	fu_date asof;
	struct fu_arena *arena;
	void *map;			/* a saved state, mapped */
	size_t maplen;
};
/* Derives the state as of the end of day asof: log rows dated later and
 * agreements made later are left out. */
int fu_state_load(struct fu_portfolio *, fu_date asof,
    const struct fu_state_hooks *, struct fu_state *, struct fu_err *);
void fu_state_free(struct fu_state *);
enum fu_status fu_state_status(const struct fu_state *, size_t client);
const char *fu_status_str(enum fu_status);
/* The open agreements of a client, due first first; returns the count. */
size_t fu_state_client_open(const struct fu_state *, size_t client,
    const struct fu_open **out, size_t max);
/* The open agreement with that id, or NULL. */
const struct fu_open *fu_state_find_open(const struct fu_state *, uint64_t id);

/* print.c: the one printer of rows, for people and for scripts.  Field
 * names are the same in --format templates, TSV/CSV headers and JSON. */
enum fu_fmt { FU_FMT_TEXT, FU_FMT_TSV, FU_FMT_CSV, FU_FMT_JSON, FU_FMT_TEMPLATE };
#define FU_F_NUM 1		/* a number: right-aligned, a JSON number */
#define FU_F_CUT 2		/* may be cut with "..." to fit a terminal */
#define FU_F_NOTEXT 4		/* for scripts only: not in the text table */
struct fu_field {
	const char *name;	/* as in templates and machine formats */
	const char *title;	/* the text table's heading, translated */
	int flags;
};
struct fu_out {
	enum fu_fmt fmt;
	const struct fu_field *f;
	int nf;
	struct fu_buf text;		/* text: cells, NUL-separated */
	size_t colw[64];		/* text: each column's widest cell */
	size_t rows;
	struct fu_tmpl *tmpl;
	size_t ntmpl;
	int width;			/* terminal columns, 0 if not one */
	int header_done;
};
/* Sets up a printer; a template naming an unknown field is a usage error
 * that lists the known ones. */
int fu_out_init(struct fu_out *, enum fu_fmt, const char *tmpl,
    const struct fu_field *, int nf, struct fu_err *);
/* Prints a row (values in field order, "" for empty); the text table is
 * kept until fu_out_end, to be aligned. */
int fu_out_row(struct fu_out *, const char *const *values, struct fu_err *);
int fu_out_end(struct fu_out *, struct fu_err *);
void fu_out_discard(struct fu_out *);	/* frees, printing nothing more */

/* due.c: what fu-due lists. */
enum fu_due_mode {
	FU_DUE_AGREEMENTS, FU_DUE_STALE, FU_DUE_ADRIFT, FU_DUE_OCCASIONS
};
struct fu_due_query {
	enum fu_due_mode mode;
	fu_date today;
	int within;		/* days ahead, -1 when not given */
	int overdue;		/* only those due before today */
	int slipped;		/* moved at least this often, 0 for any */
	int stale;		/* days without contact */
	const char *client, *channel, *tag;	/* filters, NULL for all */
	enum fu_fmt fmt;
	const char *tmpl;
	int quiet;		/* count only */
};
#define FU_DUE_QUERY_INIT { FU_DUE_AGREEMENTS, 0, -1, 0, 0, 0, NULL, NULL, \
	NULL, FU_FMT_TEXT, NULL, 0 }
/* Prints what the query lists; returns how many rows, or -1. */
long fu_due(struct fu_portfolio *, const struct fu_due_query *,
    struct fu_err *);

/* contact.c: what fu-log records, under rule 2. */
struct fu_contact {
	const char *client;		/* CLIENT as typed */
	uint64_t agreement;		/* -a, 0 for the implied one */
	enum fu_outcome outcome;	/* -o or the event; NONE for kept */
	const char *text;		/* --signal TEXT or --lost REASON */
	const char *referral;		/* --referral CLIENT */
	const char *channel, *note;
	enum fu_mood mood;
	int has_amount;
	fu_cents amount;
	fu_date date, today;
	const char *next;		/* --next WHAT */
	fu_date due;			/* --due, FU_DATE_NONE if not given */
	struct fu_period every;		/* --every, n 0 if not given */
};
/* Records a contact or an event: the log row and the agreements it made
 * land together or not at all.  *made gets the id of the agreement it
 * made (0 if none). */
int fu_contact_log(struct fu_portfolio *, const struct fu_contact *,
    uint64_t *made, struct fu_err *);

/* report.c: the retention report of fu-stats (SPEC section 5), over one
 * portfolio or several.  Each portfolio is read in one pass: the state as
 * of the period's last day comes from fu_state_load, and what the report
 * needs from earlier days (who was lost the day before the period, what
 * happened in each month, what was open at the end of each month) is
 * collected by its hooks in arrays of one slot a client (one a client and
 * month with --by month), never a log row or an agreement.
 * Counts are summed over the portfolios and rates recomputed from the
 * sums, so a report over several equals the report over their union. */
enum fu_report_by { FU_BY_NONE, FU_BY_MONTH, FU_BY_CHANNEL, FU_BY_STAGE };
struct fu_report_query {
	fu_date from, to;		/* the period, both days included */
	enum fu_report_by by;
	enum fu_fmt fmt;
	const char *tmpl;
};
#define FU_REPORT_MONTHS 120	/* --by month covers at most this many */
#define FU_NA_CLIENTS 1		/* a row of a channel: no client figures */
/* The figures of one row, summed over the portfolios; percentages are
 * computed from them when printed.  The existing clients' share of sales
 * is the rest: sales - sales_new, sales6 - sales6_new, and so on. */
struct fu_figures {
	fu_date from, to;
	int na;				/* FU_NA_* */
	long long clients_start, clients_new, clients_lost, clients_won,
	    clients_end, contacted, silent_90, made, kept, broken, moved,
	    dropped, open, overdue, adrift, sales, sales_new, sales6,
	    sales6_new, referred, contacts, mood_plus, mood_zero, mood_minus,
	    one_channel;
	fu_cents amount, amount_new, amount6, amount6_new;
};
struct fu_report;
/* The period a person asked for: --month (YYYY-MM, this or last), or
 * --from and --to, else this month to date; a period that ends after today
 * ends today.  Each argument may be NULL. */
int fu_report_period(const char *month, const char *from, const char *to,
    fu_date today, fu_date *pfrom, fu_date *pto, struct fu_err *);
/* A report with no portfolio in it yet; NULL and a usage error if the
 * query is not one. */
struct fu_report *fu_report_new(const struct fu_report_query *,
    struct fu_err *);
/* Adds a portfolio to the report: one pass over its files. */
int fu_report_add(struct fu_report *, struct fu_portfolio *, struct fu_err *);
/* The rows: one, or one a month, channel or stage (key: "2026-10", the
 * channel or the stage as written, "" for none), in the order printed. */
size_t fu_report_rows(const struct fu_report *);
const struct fu_figures *fu_report_row(const struct fu_report *, size_t,
    const char **key);
/* Prints the report in the query's format. */
int fu_report_print(const struct fu_report *, struct fu_err *);
void fu_report_free(struct fu_report *);	/* NULL is a no-op */

/* Numbers: a positive id, strict. */
int fu_id_parse(const char *s, size_t n, uint64_t *);	/* -1 bad */

#endif
