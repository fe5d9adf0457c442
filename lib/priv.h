/*
 * priv.h - libfu's insides, for the library's own files, its unit tests
 * and its fuzz harnesses; the commands see fu.h only.  Grouped by the
 * file that implements each part, in the order they build on each other:
 * each file calls only those above it (tools/depgraph checks it).
 */
#ifndef FU_PRIV_H
#define FU_PRIV_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>

#include "fu.h"

/* err.c */
extern const char *fu_progname;
int fu_err_data(struct fu_err *, const char *file, long line,
    const char *fmt, ...);				/* code 3, -1 */
int fu_err_io(struct fu_err *, const char *file, int errnum,
    const char *fmt, ...);				/* code 4, -1 */
int fu_err_nomem(struct fu_err *);			/* code 4, -1 */
/* With several portfolios (several set), makes an error name the one it
 * is about: "ana/clients.csv:3", or "ana" before a message about no file.
 * Returns -1. */
int fu_err_within(struct fu_err *, const char *dir, int several);
/* Prints "prog: warning: message" on stderr: the one place the library
 * speaks besides what a command asked it to print. */
void fu_warn(const char *fmt, ...);
/* What cannot happen did: says so and aborts. */
#define FU_BUG(what) fu_bug(__FILE__, __LINE__, (what))
void fu_bug(const char *file, int line, const char *what);

/* settings.c: the environment, read once by fu_init (or at first use). */
struct fu_settings {
	const char *portfolio;	/* FU_PORTFOLIO */
	const char *data_home;	/* XDG_DATA_HOME, when absolute */
	const char *home;	/* HOME */
	const char *format;	/* FU_FORMAT */
	int tsv;		/* FU_FORMAT=tsv: new tables are TSV */
	const char *today;	/* FU_TODAY */
	int cache;		/* FU_CACHE=0 turns the saved state off */
	long long pipe_min;	/* FU_PIPE_MIN: bytes that pay for a thread */
	int threads;		/* FU_THREADS: parsers of a large table (the
				 * online cores when not set) */
	long lock_wait_ms;	/* FU_LOCK_TIMEOUT, in seconds */
	int columns;		/* COLUMNS, 0 when not set */
	int no_color;		/* NO_COLOR is set and not empty */
	int dumb;		/* TERM=dumb: a terminal of no escapes */
	const char *path;	/* PATH, where fu finds fu-NAME */
	const char *plans;	/* FU_PLANS: the built-in plans, else
				 * PLANSDIR */
	const char *localedir;	/* FU_LOCALEDIR, else LOCALEDIR */
};
const struct fu_settings *fu_settings(void);
void fu_settings_load(void);	/* reads the environment again */

/* buf.c: a growing byte buffer, always NUL-terminated after len. */
struct fu_buf {
	char *p;
	size_t len, cap;
};
int fu_buf_reserve(struct fu_buf *, size_t n);	/* room for n more */
int fu_buf_add(struct fu_buf *, const void *, size_t);
int fu_buf_str(struct fu_buf *, const char *);
int fu_buf_pad(struct fu_buf *, char c, size_t n);	/* n times c */
void fu_buf_free(struct fu_buf *);
/* A formatted string, whole, malloc'ed; NULL if out of memory. */
char *fu_strf(const char *fmt, ...);
/* Strings that live as long as the arena: freed all at once. */
struct fu_arena;
char *fu_arena_dup(struct fu_arena **, const char *s, size_t n);
void fu_arena_free(struct fu_arena *);		/* NULL is a no-op */

/* mem.c: asks for large pages under an array of n bytes at p about to be
 * filled: first touches of fresh memory are most of the cost of a large
 * state.  A hint only. */
void fu_mem_hint(void *p, size_t n);
/* Gives back the pages of a read-only mapped range that is read no more;
 * the range stays mapped (its pages read again from the file if touched). */
void fu_mem_drop(const void *, size_t);

/* digest.c: a running hash of a table's bytes (XXH64), saved with the
 * derived state and continued over the bytes appended since. */
struct fu_digest;
struct fu_digest *fu_digest_new(void);		/* of no bytes; NULL ENOMEM */
void fu_digest_free(struct fu_digest *);	/* NULL is a no-op */
void fu_digest_add(struct fu_digest *, const void *, size_t);
uint64_t fu_digest_value(const struct fu_digest *);
size_t fu_digest_size(void);			/* bytes fu_digest_save writes */
void fu_digest_save(const struct fu_digest *, void *out);
struct fu_digest *fu_digest_load(const void *in);	/* NULL ENOMEM */
uint32_t fu_digest_version(void);	/* the library's, to save with it */
/* The digest of the first n bytes of a file; -1 if it cannot read them. */
int fu_digest_file(const char *path, off_t n, uint64_t *out);

/* strmap.c: strings to numbers. */
struct fu_strmap {
	char **key;
	size_t *len, *val;
	size_t cap, n;
};
/* 1 and *val when s is there (val may be NULL), else 0. */
int fu_strmap_get(const struct fu_strmap *, const char *s, size_t n,
    size_t *val);
/* Sets s to val; returns the map's own copy of s, NULL if out of memory. */
const char *fu_strmap_put(struct fu_strmap *, const char *s, size_t n,
    size_t val);
/* The map's copy of s, added if new: one string for all equal ones. */
const char *fu_strmap_intern(struct fu_strmap *, const char *s, size_t n);
void fu_strmap_free(struct fu_strmap *);

/* idmap.c: ids to values, and sets of ids (one bit a dense id); ids, the
 * keys, start at 1 (0 marks an empty slot). */
struct fu_idmap *fu_idmap_new(void);
void fu_idmap_free(struct fu_idmap *);
int fu_idmap_put(struct fu_idmap *, uint64_t key, uint64_t val);	/* -1 ENOMEM */
/* 1 and *val (val may be NULL) when key is there, else 0. */
int fu_idmap_get(const struct fu_idmap *, uint64_t key, uint64_t *val);
/* Asks for the memory a get or put of key will read (a row ahead). */
void fu_idmap_prefetch(const struct fu_idmap *, uint64_t key);
int fu_idmap_del(struct fu_idmap *, uint64_t key);	/* 1 if it was there */
/* Walks a map: 1 and the next entry, 0 at the end; *pos starts at 0. */
int fu_idmap_next(const struct fu_idmap *, size_t *pos, uint64_t *key,
    uint64_t *val);
struct fu_idset *fu_idset_new(void);
void fu_idset_free(struct fu_idset *);
int fu_idset_add(struct fu_idset *, uint64_t id);		/* -1 ENOMEM */
int fu_idset_has(const struct fu_idset *, uint64_t id);
/* A set to a saved state and back; -1 on a write error or bad bytes. */
int fu_idset_save(const struct fu_idset *, FILE *);
int fu_idset_load(struct fu_idset *, const char **cur, const char *end);
/* The smallest id in a that is not in b, or 0. */
uint64_t fu_idset_first_missing(const struct fu_idset *a,
    const struct fu_idset *b);

/* utf8.c: fu runs from cron with no locale, so none of this depends on
 * setlocale(). */
int fu_utf8_valid(const char *s, size_t n);		/* 1 valid, 0 not */
size_t fu_utf8_width(const char *s, size_t n);		/* display columns */
size_t fu_utf8_fit(const char *s, size_t n, size_t w);	/* bytes in w cols */
/* Lower-case ASCII folding of Latin letters with accents ("López" ->
 * "lopez"); returns a malloc'ed string, NULL if out of memory. */
char *fu_fold(const char *s, size_t n);
/* Whether two texts are the same when folded (0 if out of memory). */
int fu_fold_same(const char *a, const char *b);
/* Checks text from the command line: valid UTF-8, no control characters
 * (but tabs and line breaks when multiline), not empty nor blanks alone
 * unless multiline; NULL passes. */
int fu_text_check(const char *what, const char *s, int multiline,
    struct fu_err *);
int fu_tag_check(const char *tag, struct fu_err *);	/* one word */

/* date.c: the one date parser, in the proleptic Gregorian calendar. */
#define FU_DATE_NONE INT32_MIN
/* The due date of a plan's step that waits on the step before it: after
 * every other, and never overdue. */
#define FU_DATE_WAITING INT32_MAX
struct fu_period {
	int n;			/* > 0 */
	char unit;		/* 'd', 'w', 'm' or 'y' */
};
struct fu_mday {		/* birthday or anniversary */
	int year;		/* 0 when unknown (MM-DD) */
	int month, day;		/* month 0 when there is none */
};
int fu_date_ymd(int y, int m, int d, fu_date *);	/* -1 if impossible */
void fu_date_split(fu_date, int *y, int *m, int *d);
int fu_date_weekday(fu_date);				/* 0 Monday .. 6 Sunday */
fu_date fu_date_add_months(fu_date, int months);	/* clamps the day */
fu_date fu_period_add(fu_date, const struct fu_period *);
/* The same, or -1 when it falls after 9999-12-31 (not clamped). */
int fu_period_add_within(fu_date, const struct fu_period *, fu_date *out);
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

/* row.c: what a row of each table is.  Columns are named by header; these
 * index the known ones. */
/* The portfolio's tables, then the plan files, read by the same reader. */
enum fu_table {
	FU_CLIENTS, FU_AGREEMENTS, FU_LOG, FU_NTABLES, FU_PLAN = FU_NTABLES,
	FU_IMPORT,		/* a spreadsheet's clients, fu-add --import */
	FU_NSCHEMAS
};
enum {
	FU_C_ID, FU_C_NAME, FU_C_COMPANY, FU_C_EMAIL, FU_C_PHONE, FU_C_SINCE,
	FU_C_BIRTHDAY, FU_C_ANNIVERSARY, FU_C_REFERRED_BY, FU_C_CONSENT,
	FU_C_STAGE, FU_C_TAGS, FU_C_NOTE, FU_C_NCOLS
};
enum {
	FU_A_ID, FU_A_CLIENT, FU_A_WHAT, FU_A_DUE, FU_A_CHANNEL, FU_A_EVERY,
	FU_A_MADE, FU_A_FROM, FU_A_SIDE, FU_A_PLAN, FU_A_AFTER, FU_A_NCOLS
};
enum {
	FU_L_ID, FU_L_DATE, FU_L_CLIENT, FU_L_AGREEMENT, FU_L_CHANNEL,
	FU_L_OUTCOME, FU_L_AMOUNT, FU_L_MOOD, FU_L_NEXT, FU_L_NOTE,
	FU_L_REFERRED, FU_L_NCOLS
};
enum { FU_P_WHEN, FU_P_WHAT, FU_P_CHANNEL, FU_P_SIDE, FU_P_MARK, FU_P_NCOLS };
enum {
	FU_I_NAME, FU_I_FIRST, FU_I_LAST, FU_I_COMPANY, FU_I_EMAIL, FU_I_PHONE,
	FU_I_SINCE, FU_I_BIRTHDAY, FU_I_ANNIVERSARY, FU_I_CONSENT, FU_I_STAGE,
	FU_I_TAGS, FU_I_NOTE, FU_I_NCOLS
};
#define FU_MAXCOLS 13
#define FU_FIELD_MAX 65536	/* bytes of a field as spelled in a file */
/* What a log row records: what became of the agreement it followed up
 * on (KEPT to DROPPED), an event about the client (SIGNAL on), or a
 * touch that settles nothing (GREETING). */
enum fu_outcome {
	FU_O_NONE, FU_O_KEPT, FU_O_BROKEN, FU_O_MOVED, FU_O_DROPPED,
	FU_O_SIGNAL, FU_O_LOST, FU_O_WON, FU_O_REFERRAL, FU_O_GREETING,
	FU_O_NO_NEXT, FU_O_CONSENT, FU_O_NO_CONSENT, FU_O_COUNT
};
#define FU_SETTLES(o) ((o) >= FU_O_KEPT && (o) <= FU_O_DROPPED)
/* A row that says why there is no next step goes with a contact, or
 * stands alone: it is never one itself. */
#define FU_IS_CONTACT(o) ((o) != FU_O_NO_NEXT)
enum fu_side { FU_SIDE_MINE, FU_SIDE_CLIENT };
enum fu_mood { FU_MOOD_NONE, FU_MOOD_PLUS, FU_MOOD_ZERO, FU_MOOD_MINUS };
extern const char *const fu_table_name[FU_NSCHEMAS];	/* "clients" ... */
extern const char *const *const fu_columns[FU_NSCHEMAS];
extern const int fu_ncolumns[FU_NSCHEMAS];
extern const unsigned fu_required_columns[FU_NSCHEMAS];	/* bit a column */
extern const unsigned fu_text_columns[FU_NSCHEMAS];	/* free text */
/* Columns fu fills by itself when nothing is said (a client's since, an
 * agreement's made and from): a table without them does without. */
extern const unsigned fu_default_columns[FU_NSCHEMAS];
/* An outcome's name, without regard to case; NONE if it is none. */
enum fu_outcome fu_outcome_parse(const char *s, size_t n);
enum fu_outcome fu_outcome_said(const char *s);	/* -o, Spanish too */
/* Consent as a person types it in a spreadsheet: yes, s\303\255, si, x,
 * true, 1 (1); no, false, 0 or nothing (0); -1 for anything else. */
int fu_consent_parse(const char *s, size_t n);
/* Who owes an agreement's move: me (or nothing), client; -1 if neither. */
enum fu_side fu_side_parse(const char *s, size_t n);
const char *fu_outcome_str(enum fu_outcome);
/* The marks a plan's step may carry, for the figures of fu-stats. */
#define FU_MARK_INTERVIEW "interview"
#define FU_MARK_POST_SALE "post-sale"
/* An agreement's plan column, "exit 2/5 interview": the plan's name into
 * name (empty if none) and the step's mark (static, "" if none); 0, or -1
 * if it is no such thing. */
int fu_plan_label_parse(const char *s, char name[64], const char **mark);
int fu_id_parse(const char *s, size_t n, uint64_t *);	/* -1 bad */
/* The import column (FU_I_*) a spreadsheet's header names, in English or
 * Spanish ("E-mail Address", "Correo electr\303\263nico"), or as map says
 * ("Header=column,..."; "-" for none); -1 for none. */
int fu_import_column(const char *map, const char *name, size_t n,
    int *rank);
/* -1 (a usage error) if map names a column that header h lacks. */
struct fu_header;
int fu_import_map_found(const char *map, const struct fu_header *h,
    struct fu_err *e);
/* Whether a --map is one: each "Header=column" names an import column or
 * "-"; a usage error if not. */
int fu_import_map_check(const char *map, struct fu_err *);
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
	enum fu_side side;		/* who owes the move */
	const char *what, *channel;
	fu_date due, made;		/* made: FU_DATE_NONE when empty */
	struct fu_period every;		/* n == 0 when not recurring */
	const char *plan;		/* "exit 2/5 interview", or "" */
	uint64_t after;			/* the step it waits on, or 0; then
					 * due this long after it closes: */
	struct fu_period wait;		/* n 0: the same day */
	fu_date closed;			/* for state hooks: the day a log row
					 * closed it, FU_DATE_NONE if none */
	uint64_t order;			/* for state hooks: when it was made
					 * among the log's rows, a fu_stamp */
};
struct fu_logrow {
	long line;				/* where the row starts */
	uint64_t id, client, agreement, next;	/* 0 when empty */
	uint64_t referred;			/* a referral's client, or 0 */
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
/* Whether a row of table t is one fu reads: its typed columns check. */
int fu_row_check(enum fu_table, const struct fu_row *, const char *file,
    struct fu_err *);

/* dialect.c: how a table is spelled, read and written. */
struct fu_dialect {
	char delim;		/* ',', ';' or '\t' */
	int tsv;		/* backslash escapes instead of quotes */
	int crlf;		/* lines end in CR LF */
	int quote_all;		/* every field quoted, as the header is */
	int cr;			/* lines end in CR alone, as old Macs save */
};
struct fu_table_file;
/* Reads the dialect off the first bytes of a table (the TSV-ness is the
 * file name's). */
void fu_dialect_sniff(struct fu_table_file *, const char *s, size_t n);
const char *fu_dialect_eol(const struct fu_dialect *);
/* Whether s starts, past any apostrophes, like a spreadsheet formula. */
int fu_formula_guarded(const char *s, size_t n);
size_t fu_tsv_unescape(char *s, size_t n);	/* in place; new length */
/* One field in a dialect: CSV quoted when it must be, TSV escaped. */
int fu_field_csv(struct fu_buf *, const struct fu_dialect *, const char *s,
    size_t n);
int fu_field_tsv(struct fu_buf *, const char *s, size_t n);
/* Formats one row in a dialect into b (appended); colmap maps file
 * columns to schema columns (-1 for a column fu does not know), NULL for
 * the schema's own order.  Free text gets the formula guard. */
int fu_row_format(struct fu_buf *, const struct fu_dialect *,
    const int *colmap, int ncols, enum fu_table, const char *const *values);
int fu_header_format(struct fu_buf *, const struct fu_dialect *,
    enum fu_table);

/* table.c: reading a table as a stream of rows over libcsv. */
struct fu_table_file {
	char path[4096];
	char name[64];		/* "clients.csv", for messages */
	int exists;
	struct stat st;		/* as snapped, before any byte was read */
	struct fu_digest *digest;	/* when set, fed the bytes read from
					 * start to snap */
	uint64_t read_hash;	/* its value after the last pass that read
				 * the table whole, if read_hashed */
	int read_hashed;
	int bom;		/* starts with a UTF-8 byte order mark */
	long long snap;		/* bytes to read: the size when last locked */
	long long start;	/* bytes already read into a saved state */
	long start_line;	/* the line at start */
	long end_line;		/* the line reached by the last read */
	int has_header;		/* the last read found the header row */
	const char *map;	/* FU_IMPORT: the user's --map, or NULL */
	struct fu_dialect dialect;
};
/* A table's header: where each file column goes, and back. */
struct fu_header {
	int ncols;		/* columns in the file; 0 before the header */
	int *colmap;		/* file column -> schema column, or -1 */
	int field[FU_MAXCOLS];	/* schema column -> file column, or -1 */
	char **name;		/* file column -> its name, for messages */
	char *comment;		/* a plan's "#" lines before the header,
				 * without the "#", one a line; or NULL */
	long line;		/* the header's line in the file */
};
/* Called with each row; returns 0 to go on or -1 (with e filled). */
typedef int (*fu_row_cb)(void *ctx, const struct fu_row *, struct fu_err *);
/* Opens a table for reading, refusing links and non-files. */
int fu_table_open(struct fu_table_file *, int *fd, struct fu_err *);
/* Reads a table up to tf->snap bytes (from tf->start on, after its
 * header, when a saved state read the rest), sniffing its dialect and
 * header; with header_only, stops after the header. */
int fu_table_read(struct fu_table_file *, enum fu_table, struct fu_header *,
    int header_only, fu_row_cb, void *ctx, struct fu_err *);
/* Reads rows from memory as fu_table_read reads them from tf (whose name
 * and dialect are used), under a header already read (NULL: the schema's
 * own columns); n bytes at s, whole rows. */
int fu_table_read_mem(struct fu_table_file *, enum fu_table,
    const struct fu_header *, const char *s, size_t n, fu_row_cb,
    void *ctx, struct fu_err *);
/* Reads the bytes [from, to) of fd, which start and (unless last) end at
 * a record's end, under a header already read, through a buffer of
 * winsize bytes; the lines of rows and errors count from 1 at from, and
 * lines gets the line reached.  For a table read a part a thread. */
int fu_table_read_part(struct fu_table_file *, enum fu_table,
    const struct fu_header *, int fd, off_t from, off_t to, int last,
    char *win, size_t winsize, long *lines, fu_row_cb, void *ctx,
    struct fu_err *);
void fu_header_free(struct fu_header *);

/* file.c: file primitives of the writer and the saved state. */
/* Opens a file fu made, to read: a regular file of the user's, opened
 * without blocking; -1 with e->code 0 when there is none, or an error. */
int fu_file_open(const char *path, struct fu_err *);
/* The error of an open(2) with O_NOFOLLOW: a link met says what it is. */
int fu_err_open(struct fu_err *, const char *path, int errnum,
    const char *what);
/* Makes a file exclusively, 0600, to write; -1 and an error if it is
 * there already. */
int fu_file_create(const char *path, struct fu_err *);
/* Whether an open lock file is a regular file of the user's, or only a
 * regular file. */
int fu_file_lockable(int fd, const char *path, struct fu_err *);
int fu_file_regular(int fd, const char *path, struct fu_err *);
/* Whether the portfolio directory is safe: writing, one that others can
 * write or that is not the user's is refused; reading, one that others
 * can write is warned about.  A missing one passes. */
int fu_dir_check(const char *dir, int writing, struct fu_err *);
/* A temporary file of a kind ("state", "clients.csv"), 0600, named
 * DIR/.fu-tmp-KIND.XXXXXX into path; its fd, or -1. */
#define FU_TEMP ".fu-tmp-"
int fu_temp(const char *dir, const char *kind, char *path, size_t size,
    struct fu_err *);
/* Writes all of buf, or fails with errno set (a short write is ENOSPC). */
int fu_write_all(int fd, const void *buf, size_t n);
/* Makes a name made or removed in dir survive a crash; best effort, as
 * some file systems refuse fsync on a directory. */
void fu_sync_dir(const char *dir);
/* Cuts a table back to old bytes, or removes it if it was created;
 * -1 with errno on failure. */
/* Closes fd and returns rc, or -1 if the close failed where rc was 0;
 * errno is that of the failure. */
int fu_close_after(int fd, int rc);
int fu_cut_back(const char *path, int created, off_t old);
/* Makes dir and any missing parents; the portfolio itself 0700. */
int fu_make_dir(const char *dir, struct fu_err *);
/* Removes the temporary files of a kind a killed run left in dir (only
 * names fu_temp makes, regular files of the user's), last changed before
 * before (0: whatever their age).  Best effort. */
void fu_sweep(const char *dir, const char *kind, time_t before);

/* lock.c: fcntl(2) on DIR/.lock.  Exclusive for the writer (creating the
 * lock file), shared for readers; waits at most $FU_LOCK_TIMEOUT (30)
 * seconds.  Returns the lock's fd, FU_LOCK_NONE when a reader finds no
 * lock file, or -1. */
#define FU_LOCK_NONE (-2)
int fu_lock(const char *dir, int exclusive, struct fu_err *);
void fu_unlock(int fd);		/* a negative fd is a no-op */

/* portfolio.c: where the portfolio is, and a consistent view of its
 * tables. */
struct fu_portfolio {
	char dir[4096];
	int found;		/* the directory exists */
	int writing;		/* a writer's: it saves no state */
	int unfinished;		/* a killed commit is to be made whole by
				 * the next writer: an agreement may name a
				 * log row yet to come */
	struct timespec snapped;	/* the clock just before the snap */
	struct fu_table_file t[FU_NTABLES];
};
/* The portfolio directory: dir if given, else $FU_PORTFOLIO, else
 * ${XDG_DATA_HOME:-$HOME/.local/share}/fu. */
int fu_portfolio_path(const char *dir, char *out, size_t size,
    struct fu_err *);
/* Refuses a portfolio given twice by -p, under any name: it would be
 * counted twice. */
int fu_cli_portfolios_distinct(const struct fu_cli *, struct fu_err *);
/* Finds the portfolio and notes its tables' sizes under a shared lock; a
 * missing one has found 0. */
int fu_portfolio_open(struct fu_portfolio *, const char *dir, struct fu_err *);
/* Finds the tables and notes their sizes; the caller holds the lock. */
int fu_portfolio_snap(struct fu_portfolio *, struct fu_err *);

/* scan.c: the one way to read a table's rows, on every core when the
 * table is large enough to pay for threads ($FU_PIPE_MIN).  The rows and
 * errors are those of one thread. */
int fu_table_scan(struct fu_portfolio *, enum fu_table, fu_row_cb, void *ctx,
    struct fu_err *);
/* Shown a row some rows before the callback takes it, to ask for what
 * that row will touch (FU_PREFETCH): the rows come in file order, the
 * clients in none, and a pass over millions of rows otherwise waits on
 * memory at each one.  Never fails, changes nothing. */
typedef void (*fu_row_hint)(void *ctx, const struct fu_row *);
int fu_table_scan_ahead(struct fu_portfolio *, enum fu_table, fu_row_cb,
    fu_row_hint, void *ctx, struct fu_err *);
#if defined(__GNUC__)
#define FU_PREFETCH(p) __builtin_prefetch(p)
#else
#define FU_PREFETCH(p) ((void)(p))
#endif
/* The bytes of a part of a table read on every core ($FU_THREADS): 0
 * for about $FU_PIPE_MIN (64 to 1 MB); the tests pick their own. */
extern long fu_scan_part;

/* journal.c: what a commit to two tables announces first. */
struct fu_journal_entry {
	enum fu_table table;
	int created;		/* the table is new: made whole */
	off_t old;		/* its length before */
	const char *bytes;	/* what it gets */
	size_t len;
};
int fu_journal_write(struct fu_portfolio *, const struct fu_journal_entry *,
    int n, struct fu_err *);
void fu_journal_remove(struct fu_portfolio *);
/* Takes back a commit a killed run left half done; 1 when a table
 * changed, 0 when none did, -1 on an error.  Under the writer's lock. */
int fu_journal_recover(struct fu_portfolio *, struct fu_err *);
/* For a reader: the tables as they were before a commit that a killed run
 * left half done (their snap cut back), changing no file. */
int fu_journal_verdict(struct fu_portfolio *, struct fu_err *);

/* write.c: the one writer.  A transaction takes the portfolio's exclusive
 * lock (waiting a bounded time), creates the portfolio if it is new, and
 * lets the caller read the tables and queue rows; commit appends each
 * table's rows in one write(2) and fsync, and on any failure cuts every
 * table it touched back to its former length. */
struct fu_txn;
struct fu_txn *fu_txn_begin(struct fu_portfolio *, struct fu_err *);
/* Queues a row: values in schema order (NULL or "" for empty). */
int fu_txn_add(struct fu_txn *, enum fu_table, const char *const *values,
    struct fu_err *);
int fu_txn_commit(struct fu_txn *, struct fu_err *);	/* ends the txn */
void fu_txn_abort(struct fu_txn *);	/* drops it, unlocks; NULL no-op */

/* clients.c: the clients table in memory, and the one client matcher. */
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
int fu_clients_load(struct fu_portfolio *, struct fu_clients *,
    struct fu_err *);
/* Reads the clients past tf->start into a loaded table. */
int fu_clients_more(struct fu_portfolio *, struct fu_clients *,
    struct fu_err *);
int fu_clients_index(struct fu_clients *);	/* after adding: -1 ENOMEM */
/* How to reach a client, which the state does not keep (it would cost
 * every command memory for one listing's sake). */
struct fu_reach {
	const char *email, *phone;
};
/* Reads the clients table again for the email and phone of the clients
 * whose want[i] is set (i an index in cs->v) into out[i], in *arena; the
 * others' are left as they are. */
int fu_clients_reach(struct fu_portfolio *, const struct fu_clients *,
    const unsigned char *want, struct fu_reach *out, struct fu_arena **,
    struct fu_err *);
void fu_clients_free(struct fu_clients *);
const struct fu_clientrec *fu_clients_get(const struct fu_clients *,
    uint64_t id);
/* Finds one client by id or by part of name or company, without regard to
 * case or accents; none or several is a usage error listing candidates. */
const struct fu_clientrec *fu_client_match(const struct fu_clients *,
    const char *query, struct fu_err *);
/* The same, as 1 and *c when one client matches, 0 (e says so) when none
 * does, -1 on another error (several match). */
int fu_client_find(const struct fu_clients *, const char *query,
    const struct fu_clientrec **c, struct fu_err *);
/* Calls fn with each client query matches as fu_client_find matches
 * them, in the table's order (every one for ""): i its index, exact when
 * its name is the query; fn returns 0 to go on.  -1 when fn does, or
 * out of memory. */
int fu_client_each(const struct fu_clients *, const char *query,
    int (*fn)(void *ctx, size_t i, int exact), void *ctx, struct fu_err *);
/* A client with the same name and company as these, without regard to
 * case and accents; 1 and *twin if there is one, 0 if not, -1 ENOMEM. */
int fu_client_twin(const struct fu_clients *, const char *name,
    const char *company, const struct fu_clientrec **twin);
/* What makes two clients twins, as a string to compare or hash: name
 * and company folded, blanks around them aside; malloc'ed, NULL ENOMEM. */
char *fu_client_twin_key(const char *name, const char *company);
/* Whether a client's tags hold the word tag. */
int fu_client_tagged(const struct fu_clientrec *, const char *tag);
/* Whether part of a client's name or company is folded (a text fu_fold
 * made): 1 or 0, -1 if out of memory. */
int fu_client_like(const struct fu_clientrec *, const char *folded);

/* The derived state (SPEC section 3), shared by state.c and cache.c. */
enum fu_status { FU_PROSPECT, FU_ACTIVE, FU_AT_RISK, FU_LOST };
/* An order of events: the date, then the log id for the same day. */
typedef uint64_t fu_stamp;
#define FU_STAMP(date, id) ((uint64_t)((int64_t)(date) + 0x80000000LL) << 32 \
	| ((id) > 0xFFFFFFFFULL ? 0xFFFFFFFFULL : (id)))
#define FU_STAMP_DATE(s) ((fu_date)((int64_t)((s) >> 32) - 0x80000000LL))
struct fu_cstate {		/* one a client, as clients.v */
	fu_date last;		/* last contact, FU_DATE_NONE if none */
	const char *last_channel;
	fu_stamp last_stamp, first_sale, last_signal, last_kept, last_lost,
	    last_won;		/* 0 when none */
	fu_stamp last_made;	/* the last agreement made for the client */
	fu_stamp last_no_next;	/* the last "no next step", and why */
	const char *no_next_why;
	const char *signal_why;	/* the last warning sign's note */
	uint64_t signal_action;	/* its action, followed through its moves;
				 * last_kept is when that was kept */
	fu_stamp risk_since;	/* the first sign not acted on */
	fu_stamp last_consent, last_no_consent;	/* consent given, taken */
	uint32_t open;		/* open agreements */
	size_t next;		/* the open one due first, if open > 0 */
};
struct fu_open {		/* an open agreement */
	uint64_t id, from;
	size_t client;		/* index in clients.v */
	const char *what, *channel;
	fu_date due, made;
	struct fu_period every;
	enum fu_side side;
	int slips;
	int continues;		/* made by the contact that kept the one
				 * before it */
	const char *plan;	/* "exit 2/5 interview", or "" */
	uint64_t waits_on;	/* the step it waits on (due is then
				 * FU_DATE_WAITING), or 0 */
	struct fu_period wait;	/* due this long after that one closes */
	fu_stamp order;		/* when it was made: state.c, made_at() */
};
/* A report's figures for one period, saved with the state (figures.c
 * makes them, cache.c keeps them): the lines of its partial, made from
 * the tables as the saved state stands for them, and kept while the rows
 * read since cannot change them. */
struct fu_memo {
	fu_date from, to;
	fu_date today;			/* FU_DATE_NONE: not needed */
	int32_t by;
	uint64_t max_log;		/* the last log id they saw */
	const char *text;
	size_t len;
	uint64_t hash[FU_NTABLES];	/* figures made now: the hashes of the
					 * bytes they were made from */
};
/* What the rows read past the saved state could change: their earliest
 * log date, agreement made and client since (FU_DATE_NONE, the earliest
 * of all, for none given), and the least log row an agreement came from;
 * FU_DATE_WAITING and 0 when no such row was read. */
struct fu_fresh {
	fu_date log_min, made_min, since_min;
	uint64_t from_min;
};
/* Whether the saved figures stand after the rows read since (figures.c). */
int fu_memo_stands(const struct fu_memo *, const struct fu_fresh *);

struct fu_state {
	struct fu_clients clients;
	struct fu_cstate *cs;
	struct fu_open *open;		/* by due date, then id */
	size_t nopen, capopen;
	uint64_t max_agreement, max_log;
	uint64_t max_from;		/* the last log row that made a step */
	fu_date asof;
	struct fu_arena *arena;
	struct fu_strmap channels;	/* each channel once */
	struct fu_idmap *referrals;	/* referred client id -> referrer id,
					 * from the log's referral rows */
	int decimal_comma;		/* the log's amounts: 1250,50 */
	void *map;			/* a saved state, mapped */
	size_t maplen;
	uint64_t map_dev, map_ino;	/* the file it was mapped from */
	struct fu_memo *memo;		/* saved figures, in the map */
	size_t nmemo;
	struct fu_fresh fresh;		/* the rows read past the saved state */
};
/* What a pass knows beyond struct fu_state: a bit for every agreement and
 * log row, the slips of the open agreements, and the agreements whose
 * from was past the end of the log when read.  Saved with the state. */
struct fu_pending {
	uint64_t from;
	long line;
};
struct fu_known {
	struct fu_idset *closed;	/* agreements a log row closed */
	struct fu_idset *named;		/* agreements a log row names */
	struct fu_idset *logs;		/* log ids seen */
	struct fu_idset *exists;	/* agreement ids seen */
	struct fu_idmap *slips;		/* open agreement -> times moved */
	struct fu_pending *pend;
	size_t npend, cappend;
	fu_date maxdate;		/* the latest date read */
};

/* cache.c: the saved state, DIR/.fu-state, a cache of the derived state
 * of the tables' first bytes.  Load fills st and k, and sets each table's
 * start where the saved state stopped; -1 when there is none fit to use
 * (then nothing is filled), or when $FU_CACHE turns it off.  Save writes
 * it again when the bytes read since it are enough to pay for it; fresh
 * and covered count the bytes read now and those it stood for. */
int fu_cache_load(struct fu_portfolio *, fu_date asof, struct fu_state *,
    struct fu_known *);	/* -2 when out of memory */
void fu_cache_save(struct fu_portfolio *, const struct fu_state *,
    const struct fu_known *, long long fresh, long long covered,
    const struct fu_memo *add);
void fu_cache_unmap(struct fu_state *);
/* Empty sets for a pass, as before any row; -1 if out of memory. */
int fu_known_init(struct fu_known *);
void fu_known_free(struct fu_known *);

/* state.c: the derived state, one streaming pass over the log and then
 * the agreements; memory grows with the clients and the open agreements,
 * and one bit for every other agreement and log row. */
/* Seen by a report as the pass goes: each log row and agreement that
 * passed the checks, in file order, before the cut-off applies. */
struct fu_state_hooks {
	int (*log)(void *ctx, const struct fu_logrow *, size_t client,
	    struct fu_err *);
	int (*agreement)(void *ctx, const struct fu_agreement *, size_t client,
	    struct fu_err *);
	void *ctx;
};
/* Derives the state as of the end of day asof: log rows dated later and
 * agreements made later are left out. */
int fu_state_load(struct fu_portfolio *, fu_date asof,
    const struct fu_state_hooks *, struct fu_state *, struct fu_err *);
/* The same as of today, saving add (figures made from these very bytes)
 * with the state; st->memo then holds the saved figures that stand. */
int fu_state_load_memo(struct fu_portfolio *, fu_date asof,
    const struct fu_memo *add, struct fu_state *, struct fu_err *);
void fu_state_free(struct fu_state *);
enum fu_status fu_state_status(const struct fu_state *, size_t client);
/* Whether the client has agreed to be kept in touch with: the last consent
 * given or taken back in the log, else the clients table's. */
int fu_state_consent(const struct fu_state *, size_t client);
/* The consent in force on a day (a contact logged late asks). */
int fu_state_consent_on(const struct fu_state *, size_t client,
    fu_date day);
/* Why the client has no next step, if a contact said so after the last
 * agreement made for them; NULL if not. */
const char *fu_state_no_next(const struct fu_state *, size_t client);
/* Who referred a client: clients.csv's referred_by, else a referral row
 * of the log; 0 if no one. */
uint64_t fu_state_referrer(const struct fu_state *, size_t client);
const char *fu_status_str(enum fu_status);
/* The open agreements of a client, due first first; returns the count. */
size_t fu_state_client_open(const struct fu_state *, size_t client,
    const struct fu_open **out, size_t max);
/* The open agreement with that id, or NULL. */
const struct fu_open *fu_state_find_open(const struct fu_state *, uint64_t id);

/* rule.c: the rule of SPEC section 4 as far as one agreement goes. */
/* R1: a concrete step; -1 with a refusal that says how to fix it. */
int fu_rule_step(const char *what, int recurring, struct fu_err *);
/* A greeting's text: refused when it is a call into the air ("just
 * checking in"), which a greeting may not carry. */
int fu_rule_greeting(const char *text, struct fu_err *);
/* R1 and R3 for an agreement about to be made on date made, for a client
 * whose consent (in force) is given. */
int fu_rule_agreement(const struct fu_clientrec *, int consent,
    const char *what, fu_date due, fu_date made,
    const struct fu_period *every, struct fu_err *);

/* plan.c: a plan, a file of steps started in one write (fu-portfolio(5),
 * PLANS): the portfolio's plans/NAME.tsv, else the built-in one. */
#define FU_PLAN_STEPS 50
struct fu_plan_step {
	long line;			/* in the plan file */
	int after_prev;			/* waits on the step before it */
	struct fu_period offset;	/* n 0: the same day */
	const char *what, *channel, *mark;
	enum fu_side side;
};
struct fu_plan {
	char name[64];
	char file[4096];		/* as messages name it */
	char *about;			/* its "#" lines, or NULL */
	struct fu_plan_step step[FU_PLAN_STEPS];
	size_t n;
	struct fu_arena *arena;
};
/* Finds and reads the plan called name for the portfolio in dir (as
 * opened); a plan that is not there is a usage error listing those that
 * are, a malformed one a data error naming its file and line. */
int fu_plan_load(const char *dir, const char *name, struct fu_plan *,
    struct fu_err *);
void fu_plan_free(struct fu_plan *);
/* The names of the plans that can be started for the portfolio in dir
 * (its own plans/, then the built-in ones), once each, sorted, into v,
 * at most max; returns how many. */
size_t fu_plan_names(const char *dir, char (*v)[48], size_t max);
/* "exit 2/5 interview": the plan column of a step's agreement (read back
 * by fu_plan_label_parse, row.c). */
char *fu_plan_label(const struct fu_plan *, size_t step);

/* build.c: the one builder of rows.  Begin locks the portfolio of cli
 * (making it only when make is set) and reads its state under the lock;
 * each build takes a typed row, gives it the next id of its table
 * (counting those already queued), spells it as the reader will read it,
 * and queues it; commit appends all or nothing, and ends the builder, as
 * abort does. */
struct fu_builder {
	struct fu_portfolio pf;
	struct fu_state st;		/* the portfolio as locked */
	struct fu_txn *txn;
	uint64_t last[FU_NTABLES];	/* the last id given, per table */
};
int fu_build_begin(struct fu_builder *, const struct fu_cli *, int make,
    struct fu_err *);
int fu_build_commit(struct fu_builder *, struct fu_err *);
void fu_build_abort(struct fu_builder *);	/* after begin failed too */
int fu_build_client(struct fu_builder *, struct fu_client *,
    struct fu_err *);
int fu_build_agreement(struct fu_builder *, struct fu_agreement *,
    struct fu_err *);
int fu_build_log(struct fu_builder *, struct fu_logrow *, struct fu_err *);
/* The id the next row of a table will get; 0 when the table is full. */
uint64_t fu_build_next_id(const struct fu_builder *, enum fu_table);

/* add.c, for import.c: a client as typed, checked, into c (its tags
 * joined in tags); a usage error says what is wrong. */
int fu_client_of(const struct fu_cli *, const struct fu_client_in *,
    struct fu_buf *tags, struct fu_client *c, struct fu_err *);
/* add.c, for contact.c too: starts the plan called name for a client
 * whose consent in force is consent: its steps, from the start day on,
 * made on made by the log row from (0 if none), each checked by the rule
 * and none due before today; refused while a step of the same plan is
 * open for the client, but the one the contact from settles (settles) or
 * all when it is a loss (which ends them).  *first and *n: the agreements
 * made. */
int fu_plan_start(struct fu_builder *, const struct fu_clientrec *,
    int consent, const char *name, fu_date start, fu_date made,
    uint64_t from, uint64_t settles, int loss, fu_date today,
    uint64_t *first, size_t *n, struct fu_err *);

/* print.c: the one printer of rows, for people and for scripts.  Field
 * names are the same in --format templates, TSV/CSV headers and JSON. */
#define FU_F_NUM 1		/* a number: right-aligned, a JSON number */
#define FU_F_CUT 2		/* may be cut with "..." to fit a terminal */
#define FU_F_NOTEXT 4		/* for scripts only: not in the text table */
#define FU_F_LEFT 8		/* a number shown left-aligned (a bar) */
#define FU_F_ICS_VALUE 16	/* iCalendar: a value of its own type (a
				 * date, a rule), not TEXT: not escaped */
struct fu_field {
	const char *name;	/* as in templates and machine formats */
	const char *title;	/* the text table's heading, N_() */
	int flags;
};
struct fu_tmpl;
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
	int raw;			/* TSV and CSV without the formula guard */
	int color;			/* text: rows in their tones */
	struct fu_buf tones;		/* text: each row's, one byte a row */
	struct fu_buf sizes;		/* text: each cell's bytes and
					 * columns (print.c) */
};
/* With FU_FMT_ICS, each row is an event of a calendar (RFC 5545), and
 * each field a property: the field's name is the property's, with its
 * parameters ("DTSTART;VALUE=DATE"), and an empty value leaves it out;
 * the calendar is printed whole, even with no event. */
/* Sets up a printer; a template naming an unknown field is a usage error
 * that lists the known ones. */
int fu_out_init(struct fu_out *, enum fu_fmt, const char *tmpl,
    const struct fu_field *, int nf, struct fu_err *);
/* Prints a row (values in field order, "" for empty); the text table is
 * kept until fu_out_end, to be aligned. */
int fu_out_row(struct fu_out *, const char *const *values, struct fu_err *);
/* What a row's state asks of a person's eye: a tone, shown in colour
 * when the printer colours (fu_out_color), ignored in any other case. */
enum fu_tone {
	FU_TONE_PLAIN,
	FU_TONE_LATE,		/* overdue: bold red */
	FU_TONE_TODAY,		/* due today: bold */
	FU_TONE_RISK,		/* at risk, or a figure that is bad: red */
	FU_TONE_ADRIFT,		/* no next step: yellow */
	FU_TONE_HEAD,		/* a report's heading: bold */
	FU_NTONES
};
/* The same in a tone. */
int fu_out_row_tone(struct fu_out *, const char *const *values,
    enum fu_tone, struct fu_err *);
/* Whether a command's text colours: --color=always, or --color=auto (the
 * default) when stdout is a terminal and NO_COLOR is not set; never in
 * a machine format. */
int fu_out_color(const struct fu_cli *);
/* The escape that starts a tone and the one that ends it, or "" when
 * color is 0 or the tone is plain: for text printed outside a table. */
const char *fu_tone_on(int color, enum fu_tone);
const char *fu_tone_off(int color, enum fu_tone);
int fu_out_end(struct fu_out *, struct fu_err *);
void fu_out_discard(struct fu_out *);	/* frees, printing nothing more */
/* Ends a printer as the work went: with rc 0 the rows kept are printed
 * (fu_out_end), with -1 dropped (a half table is never printed); returns
 * rc, or -1 if printing failed. */
int fu_out_finish(struct fu_out *, int rc, struct fu_err *);
/* The one aligner and the one cutter, for text a person reads: s padded
 * to w columns (on the left when right), or cut to w columns with "..."
 * where it is cut.  Line breaks and tabs become spaces. */
int fu_text_pad(struct fu_buf *, const char *s, size_t w, int right);
int fu_text_cut(struct fu_buf *, const char *s, size_t w);
/* Writes a line of text without its trailing blanks; empties b. */
int fu_text_line(struct fu_buf *);
/* Appends to b an iCalendar content line, "name:value" and CR LF, folded
 * at 75 octets (never inside a UTF-8 character or an escape).  A TEXT
 * value (text set) is escaped as RFC 5545 section 3.3.11 says: backslash,
 * semicolon, comma and line break (LF, CR LF or CR alone); any other
 * control character but the tab, which TEXT cannot hold, becomes "?".
 * -1 if out of memory. */
int fu_ics_line(struct fu_buf *, const char *name, const char *value,
    int text);
/* Appends a TEXT value escaped as fu_ics_line escapes it; vCard's is the
 * same (RFC 6350 section 3.4).  -1 if out of memory. */
int fu_ics_escape(struct fu_buf *, const char *value);
/* A JSON string on stdout, quoted and escaped as the JSON rows are. */
void fu_json_string(const char *);
void fu_json_fstring(FILE *, const char *);

/* vcard.c: clients as vCards 4.0 (RFC 6350). */
/* A client's UID, the same on every run: "urn:uuid:..."; -1 ENOMEM. */
int fu_vcard_uid(uint64_t id, const char *name, fu_date since,
    char buf[46]);
/* Appends a client's card to b, CR LF lines folded at 75 octets; the
 * referrer's UID, or NULL.  -1 if out of memory. */
int fu_vcard_write(struct fu_buf *, const struct fu_client *,
    const char *referrer_uid);
/* A card as read: each text as the card has it, unescaped, in UTF-8;
 * NULL when the card has none.  Dates as fu spells them (YYYY-MM-DD or
 * MM-DD).  The preferred EMAIL and TEL, else the first. */
struct fu_vcard {
	long line;			/* of its BEGIN:VCARD */
	const char *name, *company, *email, *phone, *birthday, *anniversary,
	    *note, *tags, *uid;
	const char *since, *stage, *referrer;	/* fu's X-FU- ones */
	int consent;			/* X-FU-CONSENT:yes */
	char why[256];			/* why it is refused, or "" */
};
typedef int (*fu_vcard_cb)(void *ctx, const struct fu_vcard *,
    struct fu_err *);
/* Reads the cards of n bytes at s (vCard 2.1, 3.0 and 4.0; folded lines,
 * quoted printable, CHARSET), calling cb with each; strings live in
 * *arena.  A line that is no property is a data error at file:line. */
int fu_vcard_read(const char *s, size_t n, const char *file,
    struct fu_arena **arena, fu_vcard_cb cb, void *ctx, struct fu_err *);

/* opts.c */
/* The portfolio of a command that takes one: its -p, or NULL for the
 * default. */
const char *fu_cli_portfolio(const struct fu_cli *);

/* figures.c: the figures of the retention report (SPEC section 5).  Each
 * row of the report holds raw counts, summed over the portfolios; its
 * rates are computed from them when printed (report.c). */
#define FU_REPORT_MONTHS 120	/* --by month covers at most this many */
#define FU_TOP_REFERRERS 5	/* referrers named in a row */
#define FU_TOP_ONE_CHANNEL 10	/* one-channel clients named in the text */
enum fu_raw {
	FU_R_CLIENTS_START, FU_R_CLIENTS_NEW, FU_R_CLIENTS_LOST,
	FU_R_CLIENTS_WON, FU_R_CLIENTS_END, FU_R_RETAINED, FU_R_CONTACTED,
	FU_R_SILENT_90, FU_R_MADE, FU_R_KEPT, FU_R_BROKEN, FU_R_MOVED,
	FU_R_DROPPED, FU_R_SETTLED, FU_R_OPEN, FU_R_OVERDUE, FU_R_ADRIFT,
	FU_R_SALES, FU_R_SALES_NEW, FU_R_SALES_EXISTING, FU_R_SALES6,
	FU_R_SALES6_NEW, FU_R_SALES6_EXISTING, FU_R_AMOUNT, FU_R_AMOUNT_NEW,
	FU_R_AMOUNT_EXISTING, FU_R_AMOUNT6, FU_R_AMOUNT6_NEW,
	FU_R_AMOUNT6_EXISTING, FU_R_REFERRED, FU_R_CONTACTS, FU_R_MOOD_PLUS,
	FU_R_MOOD_ZERO, FU_R_MOOD_MINUS, FU_R_MOOD_NONE, FU_R_ONE_CHANNEL,
	FU_R_KEPT_THEIRS, FU_R_BROKEN_THEIRS, FU_R_SETTLED_THEIRS,
	FU_R_KEPT_MINE, FU_R_BROKEN_MINE, FU_R_SETTLED_MINE, FU_R_SIGNALS,
	FU_R_AT_RISK, FU_R_GREETINGS, FU_R_EXIT_PLANS, FU_R_INTERVIEWS,
	FU_R_LOST_12M, FU_R_WON_BACK_12M, FU_R_POST_SALE_CARED, FU_NRAW
};
#define FU_NA_CLIENTS 1		/* a channel's row: no client figures */
struct fu_figures {
	fu_date from, to;
	int na;				/* FU_NA_* */
	long long n[FU_NRAW];		/* amounts in cents */
};
/* A channel or a stage.  Spellings that differ only in case or accents
 * ("Call", "call") are one group, shown by the first in byte order. */
struct fu_group {
	char *key;		/* folded */
	char *name;
	long long contacts;	/* log rows in the period */
};
struct fu_groups {
	struct fu_group *v;
	size_t n, cap;
	struct fu_strmap spelling;	/* each spelling seen -> group */
	struct fu_strmap folded;	/* key -> group */
};
struct fu_referrer {		/* a referrer of a row's new clients */
	size_t row;
	char *name;
	long long n;
};
struct fu_one_channel {		/* a client reached through one channel */
	char *name;
	size_t chan;
	long long n;
};
struct fu_report_spec {
	fu_date from, to;		/* the period, both days included */
	enum fu_report_by by;
	fu_date today;			/* rows after it are not known yet */
};
struct fu_report {
	struct fu_report_spec q;
	size_t nt;			/* time buckets: months, or 1 */
	fu_date *tfrom, *tto, *t6from;	/* each bucket, and its six months */
	struct fu_figures *row;
	size_t nrows, caprows;
	size_t *order;			/* rows as printed */
	size_t norder;
	struct fu_groups chan, stage;
	struct fu_groups *rowgroups;	/* with --by channel or stage */
	struct fu_referrer *ref;
	size_t nref, capref;
	struct fu_one_channel one[FU_TOP_ONE_CHANNEL];
	size_t none;
	int nportfolios;
	int overflow;			/* adding a partial passed INT64_MAX */
	int direct;			/* no saved figures: each portfolio read
					 * by a pass of its own */
};
/* The period a person asked for: --month (YYYY-MM, this or last), or
 * --from and --to, else this month to date; a period that ends after today
 * ends today.  Each argument may be NULL. */
int fu_report_period(const char *month, const char *from, const char *to,
    fu_date today, fu_date *pfrom, fu_date *pto, struct fu_err *);
/* A report with no portfolio in it yet; NULL and a usage error if the
 * spec is not one. */
struct fu_report *fu_report_new(const struct fu_report_spec *,
    struct fu_err *);
/* Adds a portfolio to the report: one pass over its files. */
/* -2 when its saved figures would pass what fu can count: the report is
 * then made again with r->direct, which names the row where. */
int fu_report_add(struct fu_report *, struct fu_portfolio *, struct fu_err *);
/* The rows: one, or one a month, channel or stage (key: "2026-10", the
 * channel or the stage as written, "" for none), in the order printed. */
size_t fu_report_rows(const struct fu_report *);
const struct fu_figures *fu_report_row(const struct fu_report *, size_t,
    const char **key);
/* The key of row i (an index in r->row, not in the order printed). */
const char *fu_report_key(const struct fu_report *, size_t i, char buf[11]);
void fu_report_free(struct fu_report *);	/* NULL is a no-op */
/* Adds a line of a partial (partial.c) to the report, as fu_report_add
 * adds a portfolio; file and line name it in a message.  Then
 * fu_report_sums makes the counts that follow from the others, and the
 * order of the rows. */
struct fu_partial;
int fu_report_add_partial(struct fu_report *, const struct fu_partial *,
    const char *file, long line, struct fu_err *);
int fu_report_sums(struct fu_report *, struct fu_err *);
/* Makes the raw counts of a row that follow from the others. */
void fu_report_derive(long long *n);

/* report.c: the report printed, through print.c. */
/* Prints the report in cli's format (fmt, tmpl, raw). */
int fu_report_print(const struct fu_report *, const struct fu_cli *,
    struct fu_err *);
/* The fields of the report, as a template may name them; a template naming
 * another is a usage error. */
int fu_report_check_template(enum fu_report_by, const char *tmpl,
    struct fu_err *);
/* Prints the report as the lines of a partial (below): every row, even
 * those with nothing in them; stdout is checked as it is closed. */
void fu_report_print_partial(const struct fu_report *);
void fu_report_write_partial(const struct fu_report *, FILE *);
/* The i-th count or amount of the report's fields, from 0, and its raw
 * count; NULL past the last.  With SALES6 and AMOUNT6, the sums of two of
 * them, these are every raw count that does not follow from the others:
 * what --partial writes. */
const char *fu_report_count(size_t i, enum fu_raw *of, int *money);

/* partial.c: the report's raw counts as JSON Lines, one object a row
 * (fu-stats --partial), and their merge (fu-stats --merge).  A line is
 * {"fu_partial":1,"from":...,"to":...,"by":...,"key":...,"row":R,
 * "rows":N,"portfolios":P, each count of fu_report_count, "referrers":
 * [[NAME,N]...],"channels":[[NAME,CONTACTS]...],"one_channel_clients":
 * [[NAME,CHANNEL,N]...]}; fu-stats(1) says what each is. */
#define FU_PARTIAL_FORMAT 1
struct fu_partial_item {
	char *name;
	char *chan;			/* one_channel_clients only */
	long long n;
};
struct fu_partial {
	long long format;		/* FU_PARTIAL_FORMAT */
	fu_date from, to;
	enum fu_report_by by;
	char *key;			/* "", "2026-10", a channel, a stage */
	long long row, rows;		/* row of rows, from 1; 0 of 0: none */
	long long portfolios;
	long long n[FU_NRAW];		/* the counts of fu_report_count */
	struct fu_partial_item *ref, *chan, *one;
	size_t nref, nchan, none;
};
/* Parses one line (n bytes, no newline) into p, which
 * fu_partial_free empties; -1 and a data error at file:line if the line
 * is not exactly one that --partial writes. */
int fu_partial_parse(const char *s, size_t n, struct fu_partial *p,
    const char *file, long line, struct fu_err *);
void fu_partial_free(struct fu_partial *);

#endif
