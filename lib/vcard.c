/*
 * vcard.c - clients as vCards (RFC 6350, vCard 4.0), for an address book
 * to read: fu-clients --vcard.  What an address book has no property for
 * (the day the client came in, the stage, consent, who referred them)
 * travels in X-FU- properties, which other programs keep and ignore.
 */
#include <stdio.h>
#include <string.h>

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
