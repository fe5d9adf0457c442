/*
 * import.c - clients brought in from an address book or a spreadsheet:
 * fu-add client --vcard FILE, --import FILE.csv.  All or nothing: every card is checked first, as fu-add
 * client checks what is typed, then the clients are appended in one
 * transaction (one write, one fsync, cut back on failure).  A client
 * already in the portfolio, or twice in the file, is skipped and named.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "priv.h"

#define IMPORT_MAX (256L << 20)	/* bytes: more is no address book */

/* Reads a whole file, or standard input for "-". */
static int
slurp(const char *path, struct fu_buf *b, struct fu_err *e)
{
	int fd = strcmp(path, "-") == 0 ? 0 : open(path, O_RDONLY);
	ssize_t r;

	if (fd == -1)
		return fu_err_io(e, path, errno, _("cannot open"));
	for (;;) {
		if (fu_buf_reserve(b, 65536) == -1) {
			if (fd != 0)
				close(fd);
			return fu_err_nomem(e);
		}
		if ((r = read(fd, b->p + b->len, 65536)) <= 0)
			break;
		b->len += (size_t)r;
		if (b->len > IMPORT_MAX) {
			r = 0;
			errno = EFBIG;
			break;
		}
	}
	if (fd != 0)
		close(fd);
	if (r == -1 || b->len > IMPORT_MAX)
		return fu_err_io(e, path, errno, _("cannot read"));
	return 0;
}

struct cards {
	struct fu_vcard *v;
	size_t n, cap;
};

static int
on_card(void *ctx, const struct fu_vcard *c, struct fu_err *e)
{
	struct cards *k = ctx;

	if (k->n == k->cap) {
		size_t cap = k->cap ? 2 * k->cap : 64;
		struct fu_vcard *v = realloc(k->v, cap * sizeof(*v));

		if (v == NULL)
			return fu_err_nomem(e);
		k->v = v;
		k->cap = cap;
	}
	k->v[k->n++] = *c;
	return 0;
}

/*
 * A spreadsheet's clients, read by the table reader (libcsv, the dialect
 * sniffed as for the portfolio's tables) under the import schema, whose
 * columns are found by name (row.c).  Each row becomes a card, so that
 * what follows is the same for both.
 */
struct sheet {
	struct cards *k;
	struct fu_arena **arena;
	const char *file;
};

/* A field of the row, in the arena; NULL when empty. */
static char *
field(struct sheet *sh, const struct fu_row *row, int col)
{
	const char *s = row->f[col];
	size_t n = row->len[col];

	while (n > 0 && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return n == 0 ? NULL : fu_arena_dup(sh->arena, s, n);
}

/* A cell of several lines as Outlook and Excel on Windows write it, CR LF
 * inside its quotes: a line end, as LF is. */
static void
sheet_lines(char *s)
{
	char *o = s;

	for (; s != NULL && *s != '\0'; s++)
		if (!(*s == '\r' && s[1] == '\n'))
			*o++ = *s;
	if (o != NULL)
		*o = '\0';
}

/* The first of the values Google Contacts puts in one cell, " ::: "
 * apart ("a@x ::: b@y"): one address, one number. */
static char *
sheet_first(char *s)
{
	char *sep = s != NULL ? strstr(s, " ::: ") : NULL;

	if (sep != NULL)
		*sep = '\0';
	return s;
}

/* Outlook's empty date, "0/0/00", written for each contact without one. */
static const char *
sheet_date(const char *s)
{
	if (s != NULL && (strcmp(s, "0/0/00") == 0 ||
	    strcmp(s, "0/0/0000") == 0))
		return NULL;
	return s;
}

/* Tags as exports list them: "a, b", "a; b", Google's "* myContacts :::
 * b"; each a word of fu's (blanks inside made dashes would join words
 * that were apart: they are split instead). */
static char *
sheet_tags(struct sheet *sh, const char *s)
{
	struct fu_buf b = { 0 };
	char *r;
	size_t n;

	while (s != NULL && *(s += strspn(s, " \t,;:*")) != '\0') {
		n = strcspn(s, " \t,;:*");
		if ((b.len > 0 && fu_buf_str(&b, " ") == -1) ||
		    fu_buf_add(&b, s, n) == -1) {
			fu_buf_free(&b);
			return NULL;
		}
		s += n;
	}
	r = fu_arena_dup(sh->arena, b.p != NULL ? b.p : "", b.len);
	fu_buf_free(&b);
	return r;
}

static int
on_sheet_row(void *ctx, const struct fu_row *row, struct fu_err *e)
{
	struct sheet *sh = ctx;
	struct fu_vcard c;
	const char *first, *last, *consent, *tags;
	char *note;
	struct fu_buf b = { 0 };
	int k, empty = 1;

	for (k = 0; k < FU_I_NCOLS; k++)
		empty &= row->len[k] == 0;
	if (empty)		/* ",,,," as a spreadsheet leaves it */
		return 0;
	memset(&c, 0, sizeof(c));
	c.line = row->line;
	c.name = field(sh, row, FU_I_NAME);
	first = field(sh, row, FU_I_FIRST);
	last = field(sh, row, FU_I_LAST);
	/* First and last name, when the export splits them; a last name
	 * beside a name ("Nombre", "Apellidos") completes it. */
	if ((c.name == NULL && (first != NULL || last != NULL)) ||
	    (c.name != NULL && last != NULL && strstr(c.name, last) == NULL)) {
		const char *part[3] = { c.name ? c.name : first, last, NULL };
		int i;

		for (i = 0; i < 2; i++)
			if (part[i] != NULL && ((b.len > 0 && fu_buf_str(&b,
			    " ") == -1) || fu_buf_str(&b, part[i]) == -1))
				goto nomem;
		if ((c.name = fu_arena_dup(sh->arena, b.p, b.len)) == NULL)
			goto nomem;
	}
	c.company = field(sh, row, FU_I_COMPANY);
	c.email = sheet_first(field(sh, row, FU_I_EMAIL));
	c.phone = sheet_first(field(sh, row, FU_I_PHONE));
	c.since = field(sh, row, FU_I_SINCE);
	c.birthday = sheet_date(field(sh, row, FU_I_BIRTHDAY));
	c.anniversary = sheet_date(field(sh, row, FU_I_ANNIVERSARY));
	c.stage = field(sh, row, FU_I_STAGE);
	sheet_lines(note = field(sh, row, FU_I_NOTE));
	c.note = note;
	/* A date without a year as vCard and Google write it: --MM-DD. */
	if (c.birthday != NULL && strncmp(c.birthday, "--", 2) == 0)
		c.birthday += 2;
	if (c.anniversary != NULL && strncmp(c.anniversary, "--", 2) == 0)
		c.anniversary += 2;
	if ((tags = field(sh, row, FU_I_TAGS)) != NULL &&
	    (c.tags = sheet_tags(sh, tags)) == NULL)
		goto nomem;
	/* A consent column is the spreadsheet's own word: taken as said. */
	if ((consent = field(sh, row, FU_I_CONSENT)) != NULL &&
	    (c.consent = fu_consent_parse(consent, strlen(consent))) == -1) {
		c.consent = 0;
		snprintf(c.why, sizeof(c.why), _("consent \"%s\" is neither "
		    "yes nor no"), consent);
	}
	if (c.name == NULL)
		c.name = c.company;
	if (c.name == NULL && c.why[0] == '\0')
		snprintf(c.why, sizeof(c.why), "%s", _("the row has no name "
		    "(no column gives one: see --map)"));
	fu_buf_free(&b);
	return on_card(sh->k, &c, e);
nomem:
	fu_buf_free(&b);
	return fu_err_nomem(e);
}

/* The columns of the header, for a message. */
static void
header_names(const struct fu_header *h, char *out, size_t size)
{
	size_t len = 0;
	int i, w;

	out[0] = '\0';
	for (i = 0; i < h->ncols && h->name != NULL; i++) {
		w = snprintf(out + len, size - len, "%s\"%s\"", i ? ", " : "",
		    h->name[i]);
		if (w < 0 || (size_t)w >= size - len)
			break;
		len += (size_t)w;
	}
}

static int
read_sheet(const char *file, const char *map, struct cards *k,
    struct fu_arena **arena, struct fu_err *e)
{
	struct fu_table_file tf;
	struct fu_header h;
	struct sheet sh = { k, arena, file };
	struct stat st;
	char names[512];
	int rc;

	memset(&tf, 0, sizeof(tf));
	if (strcmp(file, "-") == 0)
		return fu_err_usage(e, _("--import reads a file, not standard "
		    "input"));
	if (snprintf(tf.path, sizeof(tf.path), "%s", file) >=
	    (int)sizeof(tf.path))
		return fu_err_usage(e, _("the path of %s is too long"), "--import");
	snprintf(tf.name, sizeof(tf.name), "%s", strlen(file) < sizeof(tf.name) ?
	    file : strrchr(file, '/') ? strrchr(file, '/') + 1 : file);
	if (stat(file, &st) == -1)
		return fu_err_io(e, file, errno, _("cannot open"));
	tf.exists = 1;
	tf.snap = st.st_size;
	tf.map = map;
	if ((rc = fu_table_read(&tf, FU_IMPORT, &h, 0, on_sheet_row, &sh, e)) ==
	    -1)
		return -1;
	if (rc == 0 && h.ncols > 0 && fu_import_map_found(map, &h, e) == -1)
		rc = -1;
	else if (h.ncols > 0 && h.field[FU_I_NAME] < 0 && h.field[FU_I_FIRST] < 0 &&
	    h.field[FU_I_LAST] < 0 && h.field[FU_I_COMPANY] < 0) {
		header_names(&h, names, sizeof(names));
		rc = fu_err_usage(e, _("%s: no column gives the name (name, "
		    "first_name, last_name or company, in English or "
		    "Spanish); the columns are %s: say which with --map "
		    "'COLUMN=name'"), file, names);
	}
	fu_header_free(&h);
	return rc;
}

/* An email as compared: ASCII letters folded (the domain is so, and
 * people do not tell mailboxes apart by case). */
static char *
email_key(const char *s)
{
	char *k = fu_fold(s, strlen(s));
	size_t a = 0, z;

	if (k == NULL)
		return NULL;
	a = strspn(k, " \t");
	for (z = strlen(k); z > a && (k[z - 1] == ' ' || k[z - 1] == '\t');
	    z--)
		;
	memmove(k, k + a, z - a);
	k[z - a] = '\0';
	return k;
}

/* What the portfolio holds already: its clients' twin keys, emails and
 * UIDs (as fu-clients --vcard makes them), each to its client's id. */
struct seen {
	struct fu_strmap twin, email, uid;
};

static int
seen_add(struct seen *s, uint64_t id, const char *name, const char *company,
    const char *email, fu_date since, const char *uid)
{
	char *k = fu_client_twin_key(name, company), *m = NULL, buf[46];
	int rc = -1;

	if (k == NULL || fu_strmap_put(&s->twin, k, strlen(k), id) == NULL)
		goto out;
	if (email != NULL && *email != '\0' && ((m = email_key(email)) ==
	    NULL || fu_strmap_put(&s->email, m, strlen(m), id) == NULL))
		goto out;
	if (uid == NULL && fu_vcard_uid(id, name, since, buf) == 0)
		uid = buf;
	if (uid != NULL && *uid != '\0' && fu_strmap_put(&s->uid, uid,
	    strlen(uid), id) == NULL)
		goto out;
	rc = 0;
out:
	free(k);
	free(m);
	return rc;
}

static int
seen_load(struct fu_builder *b, struct seen *s, struct fu_err *e)
{
	const struct fu_clients *cs = &b->st.clients;
	struct fu_arena *arena = NULL;
	struct fu_reach *r;
	unsigned char *want;
	size_t i;
	int rc = 0;

	if (cs->n == 0)
		return 0;
	want = malloc(cs->n);
	r = calloc(cs->n, sizeof(*r));
	if (want == NULL || r == NULL)
		rc = fu_err_nomem(e);
	else {
		memset(want, 1, cs->n);
		rc = fu_clients_reach(&b->pf, cs, want, r, &arena, e);
	}
	for (i = 0; rc == 0 && i < cs->n; i++)
		if (seen_add(s, cs->v[i].id, cs->v[i].name, cs->v[i].company,
		    r[i].email, cs->v[i].since, NULL) == -1)
			rc = fu_err_nomem(e);
	fu_arena_free(arena);
	free(r);
	free(want);
	return rc;
}

/* A property with nothing in it, or blanks, as an address book leaves
 * one: none. */
static const char *
given(const char *s)
{
	return s == NULL || s[strspn(s, " \t\n")] == '\0' ? NULL : s;
}

/* The client of a card, as fu-add client would take it typed, with the
 * options given for all; the tags split into words in words. */
static void
card_in(const struct fu_vcard *c, const struct fu_client_in *all,
    char *tags, const char **words, struct fu_client_in *in)
{
	char *p = tags, *w;
	int i;

	memset(in, 0, sizeof(*in));
	in->name = c->name;
	in->company = given(c->company);
	in->email = given(c->email);
	in->phone = given(c->phone);
	in->birthday = c->birthday;
	in->anniversary = c->anniversary;
	in->note = given(c->note);
	in->since = all->since ? all->since : given(c->since);
	in->stage = all->stage ? all->stage : given(c->stage);
	in->consent = all->consent || c->consent;
	in->tags = words;
	for (i = 0; i < all->ntags; i++)
		words[in->ntags++] = all->tags[i];
	while (p != NULL && *(p += strspn(p, " ")) != '\0') {
		w = p;
		p += strcspn(p, " ");
		if (*p != '\0')
			*p++ = '\0';
		words[in->ntags++] = w;
	}
}

/* Says why a card is refused, as fu_fail says an error; counts it. */
static void
refused(const char *file, long line, const char *why, size_t *nbad)
{
	struct fu_err r = { 0 };

	r.code = FU_EXIT_USAGE;
	snprintf(r.file, sizeof(r.file), "%s", file);
	r.line = line;
	snprintf(r.text, sizeof(r.text), "%s", why);
	fu_fail(&r);
	++*nbad;
}

int
fu_client_import(const struct fu_cli *cli, const char *file, int sheet,
    const char *map, const struct fu_client_in *all, uint64_t *first,
    size_t *n, struct fu_err *e)
{
	struct fu_buf in = { 0 }, tags = { 0 };
	struct fu_arena *arena = NULL;
	struct cards k = { 0 };
	struct seen s;
	struct fu_builder b;
	struct fu_client *c = NULL;
	unsigned char *skip = NULL;
	const char **words = NULL;
	size_t i, nbad = 0, nskip = 0;
	uint64_t id, next;
	int rc = -1, began = 0;

	memset(&s, 0, sizeof(s));
	*n = 0;
	*first = 0;
	if (sheet) {
		if (fu_import_map_check(map, e) == -1 ||
		    read_sheet(file, map, &k, &arena, e) == -1)
			goto out;
		if (k.n == 0) {
			fu_err_usage(e, _("%s holds no client: a header "
			    "naming its columns, then a row a client"), file);
			goto out;
		}
	} else {
		if (slurp(file, &in, e) == -1 || fu_vcard_read(in.p ? in.p :
		    "", in.len, file, &arena, on_card, &k, e) == -1)
			goto out;
		if (k.n == 0) {
			fu_err_usage(e, _("%s holds no card (BEGIN:VCARD ... "
			    "END:VCARD)"), file);
			goto out;
		}
	}
	if ((c = calloc(k.n, sizeof(*c))) == NULL || (skip = calloc(k.n, 1)) ==
	    NULL || (words = calloc(FU_FIELD_MAX / 2 + (size_t)all->ntags + 1,
	    sizeof(*words))) == NULL) {
		fu_err_nomem(e);
		goto out;
	}
	if (fu_build_begin(&b, cli, 1, e) == -1)
		goto out;
	began = 1;
	if (seen_load(&b, &s, e) == -1)
		goto out;
	/* Every card checked, and given the id it will have. */
	next = fu_build_next_id(&b, FU_CLIENTS);
	for (i = 0; i < k.n; i++) {
		struct fu_vcard *v = &k.v[i];
		struct fu_client_in ci;
		struct fu_err ce = { 0 };
		char *t = NULL, *key = NULL, *mail = NULL;
		size_t twin = 0;

		if (v->why[0] != '\0') {
			refused(file, v->line, v->why, &nbad);
			continue;
		}
		if (v->tags != NULL && (t = fu_arena_dup(&arena, v->tags,
		    strlen(v->tags))) == NULL) {
			fu_err_nomem(e);
			goto out;
		}
		card_in(v, all, t, words, &ci);
		tags.len = 0;
		if (fu_client_of(cli, &ci, &tags, &c[i], &ce) == -1) {
			refused(file, v->line, ce.text, &nbad);
			continue;
		}
		/* Its own copy of the tags: the buffer is used again. */
		if ((c[i].tags = fu_arena_dup(&arena, tags.p ? tags.p : "",
		    tags.len)) == NULL || (key = fu_client_twin_key(c[i].name,
		    c[i].company)) == NULL || (c[i].email != NULL &&
		    (mail = email_key(c[i].email)) == NULL)) {
			free(key);
			fu_err_nomem(e);
			goto out;
		}
		if (fu_strmap_get(&s.twin, key, strlen(key), &twin) ||
		    (mail != NULL && *mail != '\0' && fu_strmap_get(&s.email,
		    mail, strlen(mail), &twin))) {
			fu_warn(_("%s:%ld: %s is client %llu already: "
			    "skipped"), file, v->line, c[i].name,
			    (unsigned long long)twin);
			skip[i] = 1;
			nskip++;
		} else if (seen_add(&s, next, c[i].name, c[i].company,
		    c[i].email, c[i].since, v->uid) == -1) {
			free(key);
			free(mail);
			fu_err_nomem(e);
			goto out;
		} else
			c[i].id = next++;
		free(key);
		free(mail);
	}
	if (nbad > 0) {
		if (sheet)
			fu_err_usage(e, _("%zu of %zu rows refused; nothing "
			    "was written"), nbad, k.n);
		else
			fu_err_usage(e, _("%zu of %zu cards refused; nothing "
			    "was written"), nbad, k.n);
		goto out;
	}
	/* Then built, each referrer found by the UID its card named: one
	 * of the portfolio's clients, or of the file's. */
	for (i = 0; i < k.n; i++) {
		const char *r = k.v[i].referrer;
		size_t by = 0;

		if (skip[i])
			continue;
		if (r != NULL && fu_strmap_get(&s.uid, r, strlen(r), &by))
			c[i].referred_by = by;
		id = c[i].id;
		if (fu_build_client(&b, &c[i], e) == -1)
			goto out;
		if (c[i].id != id)
			FU_BUG("an imported client got another id");
		if (*n == 0)
			*first = id;
		++*n;
	}
	if (*n == 0) {
		fu_build_abort(&b);
		began = 0;
		rc = 0;
		goto out;
	}
	began = 0;
	rc = fu_build_commit(&b, e);
out:
	if (began)
		fu_build_abort(&b);
	fu_strmap_free(&s.twin);
	fu_strmap_free(&s.email);
	fu_strmap_free(&s.uid);
	fu_arena_free(arena);
	fu_buf_free(&in);
	fu_buf_free(&tags);
	free(k.v);
	free(c);
	free(skip);
	free(words);
	return rc;
}
