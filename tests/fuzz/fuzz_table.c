/*
 * fuzz_table.c - the table reader over libcsv, the typed rows and the
 * derived state, fed one portfolio table as a file.
 *
 * The first input byte picks what the rest is: the table (clients,
 * agreements or log; byte % 3), its dialect (.csv or .tsv; byte / 3 % 2),
 * and what is done with it (byte / 6 % 8: 0 nothing more, 1 the derived
 * state, 2-5 fu-due in one of its four modes, 6-7 the saved state).  The
 * second byte is a knob: fu-due's format and filters, how many lines the
 * saved state is made from, or where it is damaged.  The rest is the table; the other two
 * tables are the example portfolio's, so that the seeds reach the state
 * pass.  Each run:
 *
 *   1. scans the table with fu_table_scan and converts every row with
 *      fu_row_client, fu_row_agreement or fu_row_log, with one parser or
 *      (knob & 1) cut into parts of a few bytes on 2-4 threads (1: the
 *      two-thread pipe); then scans it the other way, which must give the
 *      same rows, lines and error;
 *   2. then may load the derived state with fu_state_load and check it,
 *      or run fu_due over the portfolio, printing to /dev/null;
 *   3. or (mode 6) saves the state of the table's first lines
 *      (DIR/.fu-state), appends the rest, and checks that the state from
 *      the saved one plus the appended rows is the state of a full scan
 *      (FU_CACHE=0), or that both fail with the same message; or (mode 7)
 *      damages the saved state and loads it again.
 *
 * Each table read costs two 1 MB allocations (the read chunk and the
 * string arena), slow under ASan, so the state is loaded only when the
 * first byte asks for it.
 *
 * Invariants: a row's fields are NUL-terminated, as long as they say and
 * valid UTF-8; typed values are in range and print back as read; an error
 * is a data (3) or I/O (4) error naming the file and a line that exists;
 * the state's counts agree with its open agreements; the saved state
 * changes no answer.
 */
#include "fuzz.h"
#include "fixture.h"

static const char *const tsvname[FU_NTABLES] = {
	"clients.tsv", "agreements.tsv", "log.tsv"
};
static const char *const csvname[FU_NTABLES] = {
	"clients.csv", "agreements.csv", "log.csv"
};
static const char *const fixture[FU_NTABLES] = {
	FIXTURE_CLIENTS, FIXTURE_AGREEMENTS, FIXTURE_LOG
};

static char dirs[FU_NTABLES][300];
static fu_date today;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	int t, k;

	(void)argc;
	(void)argv;
	if (freopen("/dev/null", "w", stdout) == NULL)
		abort();
	unsetenv("FU_FORMAT");
	unsetenv("FU_PORTFOLIO");
	/* One portfolio a fuzzed table: the other two stay as written. */
	for (t = 0; t < FU_NTABLES; t++) {
		fuzz_subdir(fu_table_name[t], dirs[t], sizeof(dirs[t]));
		for (k = 0; k < FU_NTABLES; k++)
			if (k != t)
				fuzz_write(dirs[t], csvname[k], fixture[k],
				    strlen(fixture[k]));
	}
	if (fu_date_ymd(2026, 11, 23, &today) == -1)
		abort();
	return 0;
}

struct scan {
	enum fu_table table;
	const char *file;
	long lines;
	long rows, good;
	struct fu_digest *seen;	/* every row's line and fields */
};

static void
check_date(fu_date z, const char *what)
{
	char buf[11];
	fu_date back;

	if (z == FU_DATE_NONE)
		return;
	fu_date_str(z, buf);
	CHECK(fu_date_iso(buf, strlen(buf), &back) == 0 && back == z,
	    "%s %ld prints as \"%s\", which does not read back", what,
	    (long)z, buf);
}

static void
check_mday(const struct fu_mday *md, const char *what)
{
	char buf[11];
	struct fu_mday back;

	if (md->month == 0)
		return;
	fu_mday_str(md, buf);
	CHECK(fu_mday_parse(buf, strlen(buf), &back) == 0 &&
	    back.year == md->year && back.month == md->month &&
	    back.day == md->day, "%s prints as \"%s\", which does not read "
	    "back", what, buf);
}

static int
on_row(void *ctx, const struct fu_row *row, struct fu_err *e)
{
	struct scan *s = ctx;
	int k;

	s->rows++;
	CHECK(row->line >= 1 && row->line <= s->lines, "row line %ld of %ld",
	    row->line, s->lines);
	fu_digest_add(s->seen, &row->line, sizeof(row->line));
	for (k = 0; k < fu_ncolumns[s->table]; k++)
		fu_digest_add(s->seen, row->f[k], row->len[k] + 1);
	for (k = 0; k < fu_ncolumns[s->table]; k++) {
		CHECK(row->f[k] != NULL, "column %d is NULL", k);
		CHECK(strlen(row->f[k]) == row->len[k], "column %d: length %zu, "
		    "strlen %zu", k, row->len[k], strlen(row->f[k]));
		CHECK(fu_utf8_valid(row->f[k], row->len[k]), "column %d is not "
		    "UTF-8", k);
	}
	switch (s->table) {
	case FU_CLIENTS: {
		struct fu_client c;

		if (fu_row_client(row, s->file, &c, e) == -1)
			break;
		CHECK(c.id >= 1 && c.id <= (uint64_t)INT64_MAX, "client id");
		CHECK(c.name != NULL && *c.name != '\0', "client name empty");
		CHECK(c.referred_by <= (uint64_t)INT64_MAX, "referred_by");
		check_date(c.since, "since");
		check_mday(&c.birthday, "birthday");
		check_mday(&c.anniversary, "anniversary");
		s->good++;
		break;
	}
	case FU_AGREEMENTS: {
		struct fu_agreement a;
		char buf[16];
		struct fu_period p;

		if (fu_row_agreement(row, s->file, &a, e) == -1)
			break;
		CHECK(a.id >= 1 && a.client >= 1, "agreement ids");
		CHECK(a.due != FU_DATE_NONE, "due is required");
		CHECK(a.what != NULL && *a.what != '\0', "what empty");
		check_date(a.due, "due");
		check_date(a.made, "made");
		if (a.every.n != 0) {
			fu_period_str(&a.every, buf);
			CHECK(fu_period_parse(buf, strlen(buf), &p) == 0 &&
			    p.n == a.every.n && p.unit == a.every.unit,
			    "every prints as \"%s\"", buf);
		}
		s->good++;
		break;
	}
	default: {
		struct fu_logrow l;
		char buf[32];
		fu_cents back;

		if (fu_row_log(row, s->file, &l, e) == -1)
			break;
		CHECK(l.id >= 1 && l.client >= 1, "log ids");
		check_date(l.date, "date");
		CHECK(l.outcome <= FU_O_REFERRAL && l.mood <= FU_MOOD_MINUS,
		    "outcome or mood out of range");
		if (l.has_amount) {
			CHECK(l.amount >= 0, "negative amount %lld",
			    (long long)l.amount);
			fu_money_str(l.amount, buf);
			CHECK(fu_money_parse(buf, strlen(buf), &back) == 0 &&
			    back == l.amount, "amount prints as \"%s\"", buf);
		}
		s->good++;
		break;
	}
	}
	return 0;	/* go on: convert every row */
}

/* An error is a data or I/O error that names a file and, for data, a line
 * that exists in it. */
static void
check_err(const struct fu_err *e, const char *fuzzed, long lines)
{
	long max = 0;
	int t;

	CHECK(e->code == FU_EXIT_DATA || e->code == FU_EXIT_IO, "error code "
	    "%d: %s", e->code, e->text);
	CHECK(e->text[0] != '\0', "empty message");
	if (e->code != FU_EXIT_DATA || e->file[0] == '\0')
		return;
	if (strcmp(e->file, fuzzed) == 0)
		max = lines;
	for (t = 0; t < FU_NTABLES; t++)
		if (strcmp(e->file, csvname[t]) == 0 && strcmp(fuzzed,
		    csvname[t]) != 0)
			max = fuzz_lines((const uint8_t *)fixture[t],
			    strlen(fixture[t]));
	CHECK(max > 0, "message names \"%s\": %s", e->file, e->text);
	CHECK(e->line >= 0 && e->line <= max, "%s:%ld of %ld lines: %s",
	    e->file, e->line, max, e->text);
}

static void
check_state(const struct fu_state *st)
{
	size_t i, sum = 0;

	for (i = 0; i < st->clients.n; i++) {
		CHECK(fu_clients_get(&st->clients, st->clients.v[i].id) ==
		    &st->clients.v[i], "client %zu not found by its id", i);
		sum += st->cs[i].open;
		if (st->cs[i].open > 0) {
			const struct fu_open *o[1];

			CHECK(st->cs[i].next < st->nopen &&
			    st->open[st->cs[i].next].client == i,
			    "client %zu: next open agreement", i);
			CHECK(fu_state_client_open(st, i, o, 1) ==
			    st->cs[i].open, "client %zu: open count", i);
		}
		(void)fu_status_str(fu_state_status(st, i));
	}
	CHECK(sum == st->nopen, "%zu open by client, %zu in all", sum,
	    st->nopen);
	for (i = 0; i < st->nopen; i++) {
		CHECK(st->open[i].client < st->clients.n, "open %zu", i);
		CHECK(i == 0 || st->open[i - 1].due <= st->open[i].due,
		    "open agreements out of order");
		CHECK(fu_state_find_open(st, st->open[i].id) != NULL,
		    "open %zu not found", i);
		CHECK(st->open[i].slips >= 0, "slips");
	}
}

/* Found here and fixed in 789bd5c, with their inputs in
 * tests/fuzz/regress/fuzz_table: a NUL byte made the reader compute
 * NULL + 0 (nul-byte); an empty --tag never returned (empty-tag-hang); the
 * saved state lost the slips of a step moved by a later log row
 * (cache-slips) and never checked again a "from" past the end of the log
 * (cache-from-missing). */

/* Found here and fixed in f29854e: a table that was only blank lines when
 * the state was saved was continued as if it had a header, so a header
 * appended later was read as a row (exit 3 where a full scan answers).
 * tests/fuzz/regress/fuzz_table/cache-blank-then-header,
 * cache-blank-then-bad-quote. */

/* Two derived states are the same answer: every client, its state and
 * every open agreement, field by field. */
#define SAME(x, what, ...) CHECK(x, "cached and full states differ: " \
	what, __VA_ARGS__)

static int
streq(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static void
same_state(const struct fu_state *a, const struct fu_state *b)
{
	size_t i;

	SAME(a->clients.n == b->clients.n, "%zu and %zu clients",
	    a->clients.n, b->clients.n);
	SAME(a->nopen == b->nopen, "%zu and %zu open", a->nopen, b->nopen);
	SAME(a->max_agreement == b->max_agreement && a->max_log == b->max_log &&
	    a->clients.max_id == b->clients.max_id, "max ids %s", "");
	for (i = 0; i < a->clients.n; i++) {
		const struct fu_clientrec *x = &a->clients.v[i],
		    *y = &b->clients.v[i];
		const struct fu_cstate *u = &a->cs[i], *v = &b->cs[i];

		SAME(x->id == y->id && x->line == y->line && x->since ==
		    y->since && x->referred_by == y->referred_by &&
		    x->consent == y->consent && memcmp(&x->birthday,
		    &y->birthday, sizeof(x->birthday)) == 0 &&
		    memcmp(&x->anniversary, &y->anniversary,
		    sizeof(x->anniversary)) == 0 && streq(x->name, y->name) &&
		    streq(x->company, y->company) && streq(x->stage, y->stage) &&
		    streq(x->tags, y->tags), "client %zu (id %llu, line %ld "
		    "and %ld)", i, (unsigned long long)x->id, x->line, y->line);
		SAME(u->last == v->last && streq(u->last_channel,
		    v->last_channel) && u->last_stamp == v->last_stamp &&
		    u->first_sale == v->first_sale && u->last_signal ==
		    v->last_signal && u->last_kept == v->last_kept &&
		    u->last_lost == v->last_lost && u->last_won == v->last_won &&
		    u->open == v->open && (u->open == 0 || u->next == v->next),
		    "the state of client %llu", (unsigned long long)x->id);
	}
	for (i = 0; i < a->nopen; i++) {
		const struct fu_open *x = &a->open[i], *y = &b->open[i];

		SAME(x->id == y->id && x->from == y->from && x->client ==
		    y->client && x->due == y->due && x->made == y->made &&
		    x->every.n == y->every.n && x->every.unit == y->every.unit &&
		    x->slips == y->slips && streq(x->what, y->what) &&
		    streq(x->channel, y->channel), "open agreement %llu: "
		    "full (client %zu, from %llu, due %ld, made %ld, every %d%c, "
		    "slips %d, %s, %s), cached (%llu: client %zu, from %llu, "
		    "due %ld, made %ld, every %d%c, slips %d, %s, %s)",
		    (unsigned long long)x->id, x->client,
		    (unsigned long long)x->from, (long)x->due, (long)x->made,
		    x->every.n, x->every.unit ? x->every.unit : '-', x->slips,
		    x->what, x->channel, (unsigned long long)y->id, y->client,
		    (unsigned long long)y->from, (long)y->due, (long)y->made,
		    y->every.n, y->every.unit ? y->every.unit : '-', y->slips,
		    y->what, y->channel);
	}
}

static void
same_err(const struct fu_err *a, const struct fu_err *b)
{
	SAME(a->code == b->code && a->line == b->line &&
	    strcmp(a->file, b->file) == 0 && strcmp(a->text, b->text) == 0,
	    "errors %d %s:%ld: %s and %d %s:%ld: %s", a->code, a->file,
	    a->line, a->text, b->code, b->file, b->line, b->text);
}

static int
load(const char *dir, int cache, struct fu_state *st, struct fu_err *e)
{
	struct fu_portfolio pf;
	int rc;

	memset(e, 0, sizeof(*e));
	if (!cache)
		setenv("FU_CACHE", "0", 1);
	fu_settings_load();
	if ((rc = fu_portfolio_open(&pf, dir, e)) == 0)
		rc = fu_state_load(&pf, today, NULL, st, e);
	unsetenv("FU_CACHE");
	fu_settings_load();
	return rc;
}

/* The saved state: the table's first lines are read and saved, the rest
 * is appended, and the answer from the saved state and the appended rows
 * must be the answer of a full scan. */
static void
cache_differential(const char *dir, const char *name, const uint8_t *data,
    size_t size, int lines)
{
	struct fu_state a, b;
	struct fu_err ea, eb;
	size_t cut = 0, i;
	int ra, rb;

	for (i = 0; i < size && lines > 0; i++)
		if (data[i] == '\n') {
			cut = i + 1;
			lines--;
		}
	fuzz_write(dir, name, data, cut);
	if (load(dir, 1, &a, &ea) == 0)
		fu_state_free(&a);
	fuzz_append(dir, name, data + cut, size - cut);
	rb = load(dir, 1, &b, &eb);	/* the saved state, then the rest */
	ra = load(dir, 0, &a, &ea);	/* every byte */
	SAME(ra == rb, "one failed: %s", ra ? ea.text : eb.text);
	if (ra == 0) {
		same_state(&a, &b);
		fu_state_free(&a);
		fu_state_free(&b);
	} else
		same_err(&ea, &eb);
}

/* Found here and fixed in 68b8eba: the dense client index was sized from
 * a saved state's max id, so a damaged .fu-state wrote out of bounds
 * (tests/fuzz/regress/fuzz_table/cache-damaged-id). */

/* A damaged saved state: made from the whole table, then four bytes of it
 * flipped where the knob says.  The checksum, or the marks of the tables,
 * turn it down: the answer is a full scan's. */
static void
cache_damaged(const char *dir, const uint8_t *data, size_t size, int knob)
{
	struct fu_state st;
	struct fu_err e;
	struct stat sb;
	char path[512];
	uint8_t flip[4] = { 0xFF, 0x01, 0x80, 0x7F };
	size_t at, i;
	int fd;

	if (load(dir, 1, &st, &e) == 0)
		fu_state_free(&st);
	snprintf(path, sizeof(path), "%s/.fu-state", dir);
	if ((fd = open(path, O_RDWR)) == -1)
		return;		/* none saved: the table was malformed */
	if (fstat(fd, &sb) == -1 || sb.st_size < 8)
		abort();
	at = (size_t)knob * ((size_t)sb.st_size / 256) + size % 61;
	for (i = 0; i < 4 && i < size; i++)
		flip[i] = data[size - 1 - i] | 1;
	for (i = 0; i < 4 && at + i < (size_t)sb.st_size; i++) {
		uint8_t b;

		if (pread(fd, &b, 1, (off_t)(at + i)) != 1)
			abort();
		b ^= flip[i];
		if (pwrite(fd, &b, 1, (off_t)(at + i)) != 1)
			abort();
	}
	close(fd);
	if (load(dir, 1, &st, &e) == 0) {
		struct fu_state full;
		struct fu_err ef;

		if (load(dir, 0, &full, &ef) != 0)
			abort();	/* the saved state said it read */
		same_state(&st, &full);
		fu_state_free(&full);
		fu_state_free(&st);
	}
}

/* One parser, or parts of a few bytes on 2-4 threads (1: the pipe). */
static void
scan_mode(int parts, int knob)
{
	char n[8];

	snprintf(n, sizeof(n), "%d", 1 + knob / 2 % 4);
	setenv("FU_THREADS", n, 1);
	setenv("FU_PIPE_MIN", parts ? "0" : "1048576", 1);
	fu_scan_part = parts ? 1 + knob / 8 * 3 : 0;
	fu_settings_load();
}

/* The scan the other way must agree: the same rows with the same lines,
 * the same error, the same line reached. */
static void
scan_again(const char *dir, const char *name, int parts, int knob,
    const struct scan *first, int rc, const struct fu_err *e, long end)
{
	struct fu_portfolio pf;
	struct fu_err e2;
	struct scan s;
	int rc2;

	scan_mode(parts, knob);
	memset(&s, 0, sizeof(s));
	memset(&e2, 0, sizeof(e2));
	s.table = first->table;
	s.file = first->file;
	s.lines = first->lines;
	if ((s.seen = fu_digest_new()) == NULL)
		abort();
	if (fu_portfolio_open(&pf, dir, &e2) == -1)
		abort();	/* it opened a moment ago */
	rc2 = fu_table_scan(&pf, s.table, on_row, &s, &e2);
	CHECK(rc == rc2 && first->rows == s.rows && fu_digest_value(
	    first->seen) == fu_digest_value(s.seen), "%s in parts %s: %d and "
	    "%d, %ld and %ld rows (%s / %s)", name, parts ? "second" : "first",
	    rc, rc2, first->rows, s.rows, rc ? e->text : "", rc2 ? e2.text :
	    "");
	CHECK(rc == 0 || (e->code == e2.code && e->line == e2.line &&
	    strcmp(e->file, e2.file) == 0 && strcmp(e->text, e2.text) == 0),
	    "one parser and parts tell %d %s:%ld: %s and %d %s:%ld: %s",
	    e->code, e->file, e->line, e->text, e2.code, e2.file, e2.line,
	    e2.text);
	CHECK(rc != 0 || end == pf.t[s.table].end_line, "line reached %ld "
	    "and %ld", end, pf.t[s.table].end_line);
	fu_digest_free(s.seen);
	scan_mode(!parts, knob);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const tags[] = { NULL, "retail", "", "uk" };
	static const char *const clients[] = { NULL, "ana", "1", "zz" };
	struct fu_portfolio pf;
	struct fu_state st;
	struct fu_err e;
	struct scan s;
	enum fu_table t;
	const char *dir, *name;
	int sel, tsv, mode, knob, rc;

	if (size < 2)
		return 0;
	sel = data[0] % 48;
	t = (enum fu_table)(sel % 3);
	tsv = sel / 3 % 2;
	mode = sel / 6;	/* 0 scan, 1 state, 2-5 fu_due, 6-7 saved state */
	knob = data[1];
	data += 2, size -= 2;
	/* Half the inputs read in parts, as large tables are. */
	scan_mode(knob & 1, knob);
	dir = dirs[t];
	name = tsv ? tsvname[t] : csvname[t];
	fuzz_unlink(dir, tsv ? csvname[t] : tsvname[t]);
	fuzz_unlink(dir, ".fu-state");	/* each input on its own */
	memset(&s, 0, sizeof(s));
	s.table = t;
	s.file = name;
	s.lines = fuzz_lines(data, size);
	if (mode == 6)
		cache_differential(dir, name, data, size, knob);
	else
		fuzz_write(dir, name, data, size);
	if (mode == 7)
		cache_damaged(dir, data, size, knob);

	memset(&e, 0, sizeof(e));
	if (fu_portfolio_open(&pf, dir, &e) == -1) {
		check_err(&e, name, s.lines);
		return 0;
	}
	CHECK(strcmp(pf.t[t].name, name) == 0, "table is %s", pf.t[t].name);
	CHECK(pf.t[t].snap == (long long)size, "snap %lld of %zu",
	    pf.t[t].snap, size);
	if ((s.seen = fu_digest_new()) == NULL)
		abort();
	rc = fu_table_scan(&pf, t, on_row, &s, &e);
	if (rc == -1)
		check_err(&e, name, s.lines);
	CHECK(s.good <= s.rows, "rows");
	scan_again(dir, name, !(knob & 1), knob, &s, rc, &e, pf.t[t].end_line);
	fu_digest_free(s.seen);

	memset(&e, 0, sizeof(e));
	if (mode == 1 && fu_state_load(&pf, today, NULL, &st, &e) == -1)
		check_err(&e, name, s.lines);
	else if (mode == 1) {
		check_state(&st);
		fu_state_free(&st);
	}

	/* fu-due, with the filters the knob picks. */
	if (mode >= 2 && mode <= 5) {
		struct fu_due_query q = FU_DUE_QUERY_INIT;
		struct fu_cli cli = { 0 };
		const char *dirv[] = { dir };
		long n;

		cli.today = today;
		cli.portfolio = dirv;
		cli.nportfolio = 1;
		cli.fmt = (enum fu_fmt)(knob & 3);
		q.mode = (enum fu_due_mode)(mode - 2);
		q.within = mode == 2 ? 30 : -1;
		q.stale = 30;
		q.channel = knob & 4 ? "Call" : NULL;
		q.slipped = mode == 2 && (knob & 8) ? 1 : 0;
		q.tag = tags[knob >> 4 & 3];
		q.client = clients[knob >> 6 & 3];
		memset(&e, 0, sizeof(e));
		if ((n = fu_due(&cli, &q, &e)) == -1) {
			if (e.code != FU_EXIT_USAGE)	/* --client */
				check_err(&e, name, s.lines);
		} else
			CHECK(n >= 0, "fu_due returned %ld", n);
		fflush(stdout);
	}
	return 0;
}
