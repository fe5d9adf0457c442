/*
 * vcard.c - clients as vCards (RFC 6350, vCard 4.0), for an address book
 * to read: fu-clients --vcard.  What an address book has no property for
 * (the day the client came in, the stage, consent, who referred them)
 * travels in X-FU- properties, which other programs keep and ignore.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "priv.h"

int
fu_vcard_uid(uint64_t id, const char *name, fu_date since, char buf[46])
{
	struct fu_digest *d;
	char day[11], sid[24];
	uint64_t a, b;

	/* Stable as the agreements' UIDs in a feed are (due.c): what the
	 * row was made with, and no later row changes.  A second pass makes
	 * the 128 bits of a UUID. */
	if ((d = fu_digest_new()) == NULL)
		return -1;
	snprintf(sid, sizeof(sid), "%llu", (unsigned long long)id);
	fu_digest_add(d, "client", 7);
	fu_digest_add(d, sid, strlen(sid) + 1);
	fu_digest_add(d, name, strlen(name) + 1);
	fu_date_str(since, day);
	fu_digest_add(d, day, strlen(day) + 1);
	a = fu_digest_value(d);
	fu_digest_add(d, "uuid", 5);
	b = fu_digest_value(d);
	fu_digest_free(d);
	/* A version 8 UUID (RFC 9562): made as its maker chooses. */
	snprintf(buf, 46, "urn:uuid:%08llx-%04llx-8%03llx-%04llx-%012llx",
	    (unsigned long long)(a >> 32), (unsigned long long)(a >> 16 &
	    0xFFFF), (unsigned long long)(a & 0xFFF), (unsigned long long)(
	    0x8000 | (b >> 48 & 0x3FFF)), (unsigned long long)(b &
	    0xFFFFFFFFFFFFULL));
	return 0;
}

/* A birthday or anniversary: 19800512, or --0512 when the year is not
 * known (RFC 6350 section 4.3.1). */
static char *
vcard_mday(const struct fu_mday *md, char buf[11])
{
	if (md->year)
		snprintf(buf, 11, "%04u%02u%02u", (unsigned)md->year % 10000u,
		    (unsigned)md->month % 100u, (unsigned)md->day % 100u);
	else
		snprintf(buf, 11, "--%02u%02u", (unsigned)md->month % 100u,
		    (unsigned)md->day % 100u);
	return buf;
}

/* A structured value: each part escaped, the parts joined by sep. */
static int
vcard_parts(struct fu_buf *b, const char *name, const char *const *part,
    int n, const char *sep)
{
	struct fu_buf v = { 0 };
	int i, rc = 0;

	for (i = 0; i < n && rc == 0; i++)
		rc = (i > 0 ? fu_buf_str(&v, sep) : 0) |
		    fu_ics_escape(&v, part[i]);
	if (rc == 0)
		rc = fu_ics_line(b, name, v.p != NULL ? v.p : "", 0);
	fu_buf_free(&v);
	return rc;
}

/* The name as N wants it, family name last: "Ana María López" is López;
 * Ana María.  A guess, as a full name does not say; FN is the name as
 * written, and what fu reads back. */
static int
vcard_n(struct fu_buf *b, const char *name)
{
	const char *sp = strrchr(name, ' ');
	char given[1024];
	const char *part[5] = { name, "", "", "", "" };
	size_t n;

	if (sp != NULL && sp[1] != '\0' && (n = (size_t)(sp - name)) <
	    sizeof(given)) {
		memcpy(given, name, n);
		given[n] = '\0';
		part[0] = sp + 1;
		part[1] = given;
	}
	return vcard_parts(b, "N", part, 5, ";");
}

/* Tags are words apart: CATEGORIES lists them, comma apart. */
static int
vcard_tags(struct fu_buf *b, const char *tags)
{
	struct fu_buf v = { 0 };
	const char *p = tags;
	size_t n;
	int rc = 0;

	while (rc == 0 && *(p += strspn(p, " ")) != '\0') {
		char word[256];

		n = strcspn(p, " ");
		snprintf(word, sizeof(word), "%.*s", (int)n, p);
		rc = (v.len > 0 ? fu_buf_str(&v, ",") : 0) |
		    fu_ics_escape(&v, word);
		p += n;
	}
	if (rc == 0 && v.len > 0)
		rc = fu_ics_line(b, "CATEGORIES", v.p, 0);
	fu_buf_free(&v);
	return rc;
}

int
fu_vcard_write(struct fu_buf *b, const struct fu_client *c,
    const char *referrer_uid)
{
	char uid[46], day[11], prodid[64];
	int rc;

	if (fu_vcard_uid(c->id, c->name, c->since, uid) == -1)
		return -1;
	snprintf(prodid, sizeof(prodid), "-//fu//%s %s//EN", fu_progname,
	    FU_VERSION);
	rc = fu_ics_line(b, "BEGIN", "VCARD", 0) |
	    fu_ics_line(b, "VERSION", "4.0", 0) |
	    fu_ics_line(b, "PRODID", prodid, 1) |
	    fu_ics_line(b, "UID", uid, 0) |
	    fu_ics_line(b, "FN", c->name, 1) | vcard_n(b, c->name);
	if (*c->company)
		rc |= vcard_parts(b, "ORG", &c->company, 1, ";");
	if (*c->email)
		rc |= fu_ics_line(b, "EMAIL", c->email, 1);
	if (*c->phone)
		rc |= fu_ics_line(b, "TEL;VALUE=text", c->phone, 1);
	if (c->birthday.month)
		rc |= fu_ics_line(b, "BDAY", vcard_mday(&c->birthday, day), 0);
	if (c->anniversary.month)
		rc |= fu_ics_line(b, "ANNIVERSARY",
		    vcard_mday(&c->anniversary, day), 0);
	rc |= vcard_tags(b, c->tags);
	if (*c->note)
		rc |= fu_ics_line(b, "NOTE", c->note, 1);
	if (c->since != FU_DATE_NONE)
		rc |= fu_ics_line(b, "X-FU-SINCE", fu_date_str(c->since, day),
		    0);
	if (*c->stage)
		rc |= fu_ics_line(b, "X-FU-STAGE", c->stage, 1);
	if (c->consent)
		rc |= fu_ics_line(b, "X-FU-CONSENT", "yes", 0);
	if (referrer_uid != NULL)
		rc |= fu_ics_line(b, "X-FU-REFERRED-BY", referrer_uid, 0);
	return rc | fu_ics_line(b, "END", "VCARD", 0);
}

/*
 * The reader: vCard 2.1, 3.0 and 4.0 as address books write them, strict
 * about the syntax (a line that is not a property stops the read, with
 * its line) and lenient about what it does not use (skipped).  A value
 * that cannot be taken (a date that is none, a charset it does not know)
 * refuses its card, and the caller says so.
 */

/* One logical line, unfolded, as it came: "item1.EMAIL;TYPE=pref:..". */
struct vline {
	struct fu_buf b;
	long line;		/* where it starts */
};

/* The next physical line of s from *pos, without its line end (LF, CR
 * LF, or CR alone as old Macs and some CRM tools write); NULL at the
 * end. */
static const char *
next_phys(const char *s, size_t n, size_t *pos, size_t *len)
{
	const char *p;
	size_t k;

	if (*pos >= n)
		return NULL;
	p = s + *pos;
	for (k = 0; k < n - *pos && p[k] != '\n' && p[k] != '\r'; k++)
		;
	*len = k;
	if (k < n - *pos && p[k] == '\r' && k + 1 < n - *pos &&
	    p[k + 1] == '\n')
		k++;
	*pos += k + (k < n - *pos);
	return p;
}

/* Whether a property's parameters (before the colon) ask for quoted
 * printable: ENCODING=QUOTED-PRINTABLE, or the bare word of 2.1. */
static int
is_qp(const char *s, size_t n)
{
	size_t i, k = strlen("QUOTED-PRINTABLE");

	for (i = 0; i + k <= n; i++)
		if (strncasecmp(s + i, "QUOTED-PRINTABLE", k) == 0)
			return 1;
	return 0;
}

/* Where the value starts: the first colon outside a quoted parameter. */
static size_t
colon_at(const char *s, size_t n)
{
	size_t i;
	int q = 0;

	for (i = 0; i < n; i++)
		if (s[i] == '"')
			q = !q;
		else if (s[i] == ':' && !q)
			return i;
	return n;
}

/* Reads the next logical line: a line that starts with a blank continues
 * the one before (the blank is taken out), and a quoted-printable value
 * that ends in "=" goes on in the next line (a soft break of 2.1). */
static int
next_line(const char *s, size_t n, size_t *pos, long *phys, struct vline *v)
{
	const char *p;
	size_t len, c;

	v->b.len = 0;
	do {
		if ((p = next_phys(s, n, pos, &len)) == NULL)
			return 0;
		++*phys;
	} while (len == 0);	/* blank lines between cards, or after 2.1's
				 * base64 */
	v->line = *phys;
	if (fu_buf_add(&v->b, p, len) == -1)
		return -1;
	for (;;) {
		size_t save = *pos;

		c = colon_at(v->b.p, v->b.len);
		if (c < v->b.len && v->b.len > 0 && v->b.p[v->b.len - 1] ==
		    '=' && is_qp(v->b.p, c) && (p = next_phys(s, n, pos,
		    &len)) != NULL) {
			++*phys;
			v->b.len--;
			if (fu_buf_add(&v->b, p, len) == -1)
				return -1;
			continue;
		}
		if ((p = next_phys(s, n, pos, &len)) != NULL && len > 0 &&
		    (*p == ' ' || *p == '\t')) {
			++*phys;
			if (fu_buf_add(&v->b, p + 1, len - 1) == -1)
				return -1;
			continue;
		}
		*pos = save;
		return 1;
	}
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Windows-1252's 0x80 to 0x9F, as Unicode; 0 where it has none. */
static const unsigned short cp1252[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6,
	0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019,
	0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161,
	0x203A, 0x0153, 0, 0x017E, 0x0178
};

static int
put_utf8(struct fu_buf *b, unsigned u)
{
	unsigned char c[3];

	if (u < 0x80) {
		c[0] = (unsigned char)u;
		return fu_buf_add(b, c, 1);
	}
	if (u < 0x800) {
		c[0] = (unsigned char)(0xC0 | u >> 6);
		c[1] = (unsigned char)(0x80 | (u & 0x3F));
		return fu_buf_add(b, c, 2);
	}
	c[0] = (unsigned char)(0xE0 | u >> 12);
	c[1] = (unsigned char)(0x80 | (u >> 6 & 0x3F));
	c[2] = (unsigned char)(0x80 | (u & 0x3F));
	return fu_buf_add(b, c, 3);
}

/* A parameter's value, as "CHARSET" in "TEL;CHARSET=utf-8;..."; the
 * buffer gets it, empty if the parameter is not there. */
static void
param(const char *s, size_t n, const char *name, char *out, size_t size)
{
	size_t k = strlen(name), i, j;

	out[0] = '\0';
	for (i = 0; i < n; i++) {
		if (s[i] != ';' || i + 1 + k >= n || strncasecmp(s + i + 1, name,
		    k) != 0 || s[i + 1 + k] != '=')
			continue;
		i += k + 2;
		if (i < n && s[i] == '"')
			i++;
		for (j = 0; i < n && s[i] != ';' && s[i] != ':' && s[i] != '"' &&
		    j + 1 < size; i++)
			out[j++] = s[i];
		out[j] = '\0';
		return;
	}
}

/* Whether a property says it is the preferred one: TYPE=pref (3.0, also
 * in a list), PREF (2.1) or PREF=1 (4.0). */
static int
is_pref(const char *s, size_t n)
{
	size_t i;

	for (i = 1; i + 4 <= n; i++)
		if (strncasecmp(s + i, "pref", 4) == 0 && (s[i - 1] == ';' ||
		    s[i - 1] == '=' || s[i - 1] == ',') && (i + 4 == n ||
		    s[i + 4] == ';' || s[i + 4] == ',' || s[i + 4] == '=' ||
		    s[i + 4] == ':'))
			return 1;
	return 0;
}

struct card {
	struct fu_vcard *c;
	struct fu_arena **arena;
	int pref_email, pref_tel;
	char *n_name;		/* from N, if there is no FN */
	char *label[16][2];	/* a group's X-ABLabel, and its X-ABDATE */
	char group[16][32];
	int ngroups;
};

/* Refuses the card being read, once: the first reason is given. */
static int
refuse(struct fu_vcard *c, const char *fmt, const char *what)
{
	if (c->why[0] == '\0')
		snprintf(c->why, sizeof(c->why), fmt, what);
	return 0;
}

/* A date of the card (BDAY, ANNIVERSARY) as fu spells one: YYYY-MM-DD,
 * or MM-DD without a year; it may have a time, which is dropped. */
static const char *
vdate(struct card *k, const char *v, const char *omit, const char *prop,
    char out[11])
{
	char d[16];
	size_t i, j;
	struct fu_mday md;

	for (i = 0, j = 0; v[i] != '\0' && v[i] != 'T' && j < 12; i++)
		if (v[i] != '-' || i < 2)
			d[j++] = v[i];
	d[j] = '\0';
	if (j == 8 && strspn(d, "0123456789") == 8)
		snprintf(out, 11, "%.4s-%.2s-%.2s", d, d + 4, d + 6);
	else if (j == 6 && d[0] == '-' && d[1] == '-' && strspn(d + 2,
	    "0123456789") == 4)
		snprintf(out, 11, "%.2s-%.2s", d + 2, d + 4);
	else
		out[0] = '\0';
	/* Apple writes a birthday without a year in a year it names. */
	if (strlen(out) == 10 && *omit != '\0' && strncmp(out, omit, 4) == 0)
		memmove(out, out + 5, 6);
	if (out[0] == '\0' || fu_mday_parse(out, strlen(out), &md) == -1) {
		refuse(k->c, _("%s is not a date fu can keep (YYYY-MM-DD, "
		    "YYYYMMDD or --MMDD)"), prop);
		return NULL;
	}
	return out;
}

/* A value as UTF-8: quoted printable decoded, then its charset (UTF-8
 * when none is said; Windows-1252 and Latin-1, as Outlook writes them,
 * are converted).  NULL, and the card refused, if it cannot be. */
static char *
vdecode(struct card *k, const char *params, size_t np, const char *v,
    size_t n, const char *prop)
{
	struct fu_buf raw = { 0 }, out = { 0 };
	char cs[32];
	char *r = NULL;
	size_t i;
	int h, l, rc = 0;

	if (is_qp(params, np)) {
		for (i = 0; i < n && rc == 0; i++)
			if (v[i] == '=' && i + 2 < n && (h = hexval(v[i +
			    1])) >= 0 && (l = hexval(v[i + 2])) >= 0) {
				char c = (char)(h << 4 | l);

				rc = fu_buf_add(&raw, &c, 1);
				i += 2;
			} else
				rc = fu_buf_add(&raw, v + i, 1);
	} else
		rc = fu_buf_add(&raw, v, n);
	if (rc == -1 || fu_buf_add(&raw, "", 0) == -1)
		goto out;
	param(params, np, "CHARSET", cs, sizeof(cs));
	if (strcasecmp(cs, "windows-1252") == 0 || strcasecmp(cs,
	    "cp1252") == 0 || strcasecmp(cs, "iso-8859-1") == 0 ||
	    strcasecmp(cs, "latin1") == 0) {
		for (i = 0; i < raw.len && rc == 0; i++) {
			unsigned u = (unsigned char)raw.p[i];

			if (u >= 0x80 && u < 0xA0 && (*cs == 'w' || *cs ==
			    'W' || *cs == 'c' || *cs == 'C'))
				u = cp1252[u - 0x80] ? cp1252[u - 0x80] : '?';
			rc = put_utf8(&out, u);
		}
	} else if (*cs == '\0' || strcasecmp(cs, "utf-8") == 0 ||
	    strcasecmp(cs, "us-ascii") == 0)
		rc = fu_buf_add(&out, raw.p, raw.len);
	else {
		refuse(k->c, _("%s has a charset fu does not read (UTF-8, "
		    "Windows-1252 or ISO-8859-1)"), prop);
		goto out;
	}
	if (rc == -1 || fu_buf_add(&out, "", 0) == -1)
		goto out;
	/* A line break is LF in fu's files, however the card spelled it. */
	for (i = 0, l = 0; i < out.len; i++)
		if (out.p[i] != '\r')
			out.p[l++] = out.p[i];
		else if (i + 1 == out.len || out.p[i + 1] != '\n')
			out.p[l++] = '\n';
	out.len = (size_t)l;
	out.p[out.len] = '\0';
	if (!fu_utf8_valid(out.p, out.len)) {
		refuse(k->c, _("%s is not UTF-8 and names no other CHARSET"),
		    prop);
		goto out;
	}
	r = fu_arena_dup(k->arena, out.p, out.len);
out:
	fu_buf_free(&raw);
	fu_buf_free(&out);
	return r;
}

/* Takes the escapes out of the part of a value up to the first unescaped
 * sep (0 for none) in place; returns where the next part starts, or
 * NULL after the last. */
static char *
vunescape(char *s, int sep)
{
	char *w = s;

	for (; *s != '\0'; s++) {
		if (*s == '\\' && s[1] != '\0') {
			s++;
			*w++ = *s == 'n' || *s == 'N' ? '\n' : *s;
		} else if (sep != 0 && *s == sep) {
			*w = '\0';
			return s + 1;
		} else
			*w++ = *s;
	}
	*w = '\0';
	return NULL;
}

/* N's parts (family; given; additional; prefixes; suffixes), joined as a
 * name is written: given additional family. */
static char *
vname_of_n(struct card *k, char *v)
{
	char *part[5] = { 0 }, *next = v;
	struct fu_buf b = { 0 };
	static const int order[3] = { 1, 2, 0 };
	char *r;
	int i;

	for (i = 0; i < 5 && next != NULL; i++) {
		part[i] = next;
		next = vunescape(next, ';');
	}
	for (i = 0; i < 3; i++)
		if (part[order[i]] != NULL && *part[order[i]] != '\0' &&
		    ((b.len > 0 && fu_buf_str(&b, " ") == -1) ||
		    fu_buf_str(&b, part[order[i]]) == -1)) {
			fu_buf_free(&b);
			return NULL;
		}
	r = fu_arena_dup(k->arena, b.p != NULL ? b.p : "", b.len);
	fu_buf_free(&b);
	return r;
}

/* CATEGORIES as tags: one word each, a blank inside one made a dash. */
static char *
vtags(struct card *k, char *v)
{
	struct fu_buf b = { 0 };
	char *next = v, *t, *p, *r;

	while ((t = next) != NULL) {
		next = vunescape(t, ',');
		for (p = t; *p != '\0'; p++)
			if (*p == ' ' || *p == '\t')
				*p = '-';
		if (*t != '\0' && ((b.len > 0 && fu_buf_str(&b, " ") == -1) ||
		    fu_buf_str(&b, t) == -1)) {
			fu_buf_free(&b);
			return NULL;
		}
	}
	r = fu_arena_dup(k->arena, b.p != NULL ? b.p : "", b.len);
	fu_buf_free(&b);
	return r;
}

/* The slot of a group (item1) for its X-ABLabel and X-ABDATE. */
static int
group_slot(struct card *k, const char *g, size_t n)
{
	int i;

	for (i = 0; i < k->ngroups; i++)
		if (strlen(k->group[i]) == n && strncasecmp(k->group[i], g, n) ==
		    0)
			return i;
	if (k->ngroups == 16 || n >= sizeof(k->group[0]))
		return -1;
	memcpy(k->group[k->ngroups], g, n);
	k->group[k->ngroups][n] = '\0';
	k->label[k->ngroups][0] = k->label[k->ngroups][1] = NULL;
	return k->ngroups++;
}

/* One property of a card. */
static int
vprop(struct card *k, const char *s, size_t n, long line, const char *file,
    struct fu_err *e)
{
	struct fu_vcard *c = k->c;
	size_t colon = colon_at(s, n), nl, gl = 0, i, np;
	const char *name = s, *dot, *params;
	char pname[64], omit[16], date[11], *v;
	int g;

	if (colon == n)
		return fu_err_data(e, file, line, _("a line of a vCard is "
		    "NAME:VALUE; this one has no colon"));
	nl = strcspn(s, ";:");
	if ((dot = memchr(s, '.', nl)) != NULL) {
		gl = (size_t)(dot - s);
		name = dot + 1;
		nl -= gl + 1;
	}
	if (nl == 0 || nl >= sizeof(pname))
		return fu_err_data(e, file, line, _("a line of a vCard starts "
		    "with the name of a property"));
	for (i = 0; i < nl; i++)
		pname[i] = (char)(name[i] >= 'a' && name[i] <= 'z' ? name[i] -
		    32 : name[i]);
	pname[nl] = '\0';
	/* Pictures and sounds are not kept. */
	if (strcmp(pname, "PHOTO") == 0 || strcmp(pname, "LOGO") == 0 ||
	    strcmp(pname, "SOUND") == 0 || strcmp(pname, "KEY") == 0)
		return 0;
	if (strcmp(pname, "VERSION") == 0) {
		if (n - colon - 1 != 3 || (memcmp(s + colon + 1, "2.1", 3) !=
		    0 && memcmp(s + colon + 1, "3.0", 3) != 0 &&
		    memcmp(s + colon + 1, "4.0", 3) != 0))
			refuse(c, _("%s: fu reads vCards 2.1, 3.0 and 4.0"),
			    "VERSION");
		return 0;
	}
	params = name + nl;
	np = colon - (size_t)(params - s);
	if ((v = vdecode(k, params, np, s + colon + 1, n - colon - 1,
	    pname)) == NULL)
		return c->why[0] != '\0' ? 0 : fu_err_nomem(e);
	param(params, np, "X-APPLE-OMIT-YEAR", omit, sizeof(omit));
	if (strcmp(pname, "FN") == 0 && c->name == NULL) {
		vunescape(v, 0);
		c->name = v;
	} else if (strcmp(pname, "N") == 0 && k->n_name == NULL) {
		if ((k->n_name = vname_of_n(k, v)) == NULL)
			return fu_err_nomem(e);
	} else if (strcmp(pname, "ORG") == 0 && c->company == NULL) {
		vunescape(v, ';');	/* the company, not its department */
		c->company = v;
	} else if (strcmp(pname, "EMAIL") == 0 && !k->pref_email) {
		vunescape(v, 0);
		if (c->email == NULL || is_pref(s, colon)) {
			c->email = v;
			k->pref_email = is_pref(s, colon);
		}
	} else if (strcmp(pname, "TEL") == 0 && !k->pref_tel) {
		vunescape(v, 0);
		if (strncasecmp(v, "tel:", 4) == 0)
			v += 4;
		if (c->phone == NULL || is_pref(s, colon)) {
			c->phone = v;
			k->pref_tel = is_pref(s, colon);
		}
	} else if (strcmp(pname, "BDAY") == 0 && c->birthday == NULL) {
		if (vdate(k, v, omit, "BDAY", date) != NULL &&
		    (c->birthday = fu_arena_dup(k->arena, date, strlen(date))) ==
		    NULL)
			return fu_err_nomem(e);
	} else if ((strcmp(pname, "ANNIVERSARY") == 0 || strcmp(pname,
	    "X-ANNIVERSARY") == 0 || strcmp(pname, "X-MS-ANNIVERSARY") == 0) &&
	    c->anniversary == NULL) {
		if (vdate(k, v, omit, pname, date) != NULL &&
		    (c->anniversary = fu_arena_dup(k->arena, date,
		    strlen(date))) == NULL)
			return fu_err_nomem(e);
	} else if (strcmp(pname, "NOTE") == 0 && c->note == NULL) {
		vunescape(v, 0);
		c->note = v;
	} else if (strcmp(pname, "CATEGORIES") == 0 && c->tags == NULL) {
		if ((c->tags = vtags(k, v)) == NULL)
			return fu_err_nomem(e);
	} else if (strcmp(pname, "UID") == 0) {
		vunescape(v, 0);
		c->uid = v;
	} else if (strcmp(pname, "X-FU-SINCE") == 0) {
		c->since = v;
	} else if (strcmp(pname, "X-FU-STAGE") == 0) {
		vunescape(v, 0);
		c->stage = v;
	} else if (strcmp(pname, "X-FU-CONSENT") == 0) {
		c->consent = strcasecmp(v, "yes") == 0;
	} else if (strcmp(pname, "X-FU-REFERRED-BY") == 0) {
		c->referrer = v;
	} else if (gl > 0 && (strcmp(pname, "X-ABLABEL") == 0 ||
	    strcmp(pname, "X-ABDATE") == 0)) {
		/* Apple's and Google's other dates: a date, and in the same
		 * group a label that says which. */
		if ((g = group_slot(k, s, gl)) >= 0)
			k->label[g][pname[4] == 'D'] = v;
	}
	return 0;
}

/* What the groups said, once the card is read. */
static void
vgroups(struct card *k)
{
	char date[11];
	int i;

	for (i = 0; i < k->ngroups; i++)
		if (k->label[i][0] != NULL && k->label[i][1] != NULL &&
		    k->c->anniversary == NULL && strcasecmp(k->label[i][0],
		    "_$!<Anniversary>!$_") == 0 && vdate(k, k->label[i][1], "",
		    "X-ABDATE", date) != NULL)
			k->c->anniversary = fu_arena_dup(k->arena, date,
			    strlen(date));
}

int
fu_vcard_read(const char *s, size_t n, const char *file,
    struct fu_arena **arena, fu_vcard_cb cb, void *ctx, struct fu_err *e)
{
	struct vline v = { { 0 }, 0 };
	struct fu_vcard c;
	struct card k;
	size_t pos = 0;
	long phys = 0, begin = 0;
	int rc = 0, got;

	/* A byte order mark, as Windows programs write. */
	if (n >= 3 && memcmp(s, "\357\273\277", 3) == 0)
		pos = 3;
	while (rc == 0 && (got = next_line(s, n, &pos, &phys, &v)) == 1) {
		const char *p = v.b.p;
		size_t len = v.b.len;

		if (len == 11 && strncasecmp(p, "BEGIN:VCARD", 11) == 0) {
			if (begin != 0)
				rc = fu_err_data(e, file, v.line, _("a card "
				    "begins inside the card of line %ld"),
				    begin);
			begin = v.line;
			memset(&c, 0, sizeof(c));
			memset(&k, 0, sizeof(k));
			c.line = begin;
			k.c = &c;
			k.arena = arena;
		} else if (len == 9 && strncasecmp(p, "END:VCARD", 9) == 0) {
			if (begin == 0) {
				rc = fu_err_data(e, file, v.line, _("END:VCARD "
				    "ends no card"));
				break;
			}
			vgroups(&k);
			if (c.name == NULL || c.name[strspn(c.name, " \t")] ==
			    '\0')
				c.name = k.n_name;
			if (c.name == NULL || c.name[strspn(c.name, " \t")] ==
			    '\0')
				refuse(&c, _("the card has no name (%s)"),
				    "FN, N");
			begin = 0;
			rc = cb(ctx, &c, e);
		} else if (begin == 0)
			rc = fu_err_data(e, file, v.line, _("this is not a "
			    "vCard: a card starts with BEGIN:VCARD"));
		else
			rc = vprop(&k, p, len, v.line, file, e);
	}
	if (got == -1 && rc == 0)
		rc = fu_err_nomem(e);
	if (rc == 0 && begin != 0)
		rc = fu_err_data(e, file, begin, _("the card that begins here "
		    "has no END:VCARD"));
	fu_buf_free(&v.b);
	return rc;
}
