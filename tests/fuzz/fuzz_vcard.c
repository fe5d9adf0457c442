/*
 * fuzz_vcard.c - the vCard reader of fu-add client --vcard, and the
 * writer of fu-clients --vcard over what it reads.
 *
 * Input: a file of cards, as an address book would export it.
 *
 * Invariants: the read ends, taking the file or refusing it with a
 * message at a line (a malformed file, 3) or out of memory (4); each card
 * given has a line, and either a name that is valid UTF-8 or a reason
 * why it is refused; a card taken whose name fu-add would take, written
 * by the writer and read again, keeps its name; nothing crashes or
 * leaks.
 */
#include "fuzz.h"

struct ctx {
	long last;
	const char *name;	/* reading back: the name written */
};

static int
on_back(void *p, const struct fu_vcard *c, struct fu_err *e)
{
	struct ctx *x = p;

	(void)e;
	CHECK(c->why[0] == '\0' && c->name != NULL &&
	    strcmp(c->name, x->name) == 0, "read back: \"%s\" is \"%s\" (%s)",
	    x->name, c->name ? c->name : "(none)", c->why);
	return 0;
}

static int
on_card(void *p, const struct fu_vcard *c, struct fu_err *e)
{
	struct ctx *x = p;
	struct fu_client cl = { 0 };
	struct fu_buf b = { 0 };
	struct fu_arena *a = NULL;
	struct fu_err e2 = { 0 };
	struct ctx y = { 0 };

	(void)e;
	CHECK(c->line > x->last, "card at line %ld after %ld", c->line,
	    x->last);
	x->last = c->line;
	if (c->why[0] != '\0')
		return 0;
	CHECK(c->name != NULL && fu_utf8_valid(c->name, strlen(c->name)),
	    "card at line %ld: no name, and no reason", c->line);
	/* A name fu-add would take (no control characters, which the writer
	 * must replace) is written and read back the same. */
	if (fu_text_check("n", c->name, 0, &e2) == -1)
		return 0;
	cl.id = 1;
	cl.name = c->name;
	cl.company = c->company ? c->company : "";
	cl.email = c->email ? c->email : "";
	cl.phone = c->phone ? c->phone : "";
	cl.stage = c->stage ? c->stage : "";
	cl.tags = "";
	cl.note = c->note ? c->note : "";
	cl.since = FU_DATE_NONE;
	CHECK(fu_vcard_write(&b, &cl, NULL) == 0, "write");
	y.name = c->name;
	CHECK(fu_vcard_read(b.p, b.len, "w", &a, on_back, &y, &e2) == 0 ||
	    e2.code == FU_EXIT_IO, "read back: %s", e2.text);
	fu_buf_free(&b);
	fu_arena_free(a);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fu_arena *a = NULL;
	struct fu_err e = { 0 };
	struct ctx x = { 0 };
	int rc;

	rc = fu_vcard_read((const char *)data, size, "f", &a, on_card, &x, &e);
	CHECK(rc == 0 || (e.text[0] != '\0' && (e.code == FU_EXIT_DATA ||
	    e.code == FU_EXIT_IO)), "rc %d, code %d", rc, e.code);
	fu_arena_free(a);
	return 0;
}
