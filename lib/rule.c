/*
 * rule.c - the rule of fu (SPEC section 4) as far as one agreement goes:
 * a concrete step with a date, never a non-commitment, and no recurring
 * touch without the client's consent.  This is where vague phrases are
 * refused; the refusal says what to type instead.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "priv.h"
#include "rule_phrases.h"

/*
 * The catalogue (rule_phrases.h) is data; this file only reads a step into
 * words and weighs them.  A step is refused only when every word of it is
 * accounted for by the catalogue: one word it does not know ("quote",
 * "confirmar", "measure") makes the step concrete.  Missing a vague phrase
 * costs a call into the air; refusing a real step costs a lost agreement.
 */
#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define NOMATCH		((size_t)-1)

/* Words that are absorbed wherever they stand; the first four alone make
 * no step at all ("ok", "Llamar a"). */
#define W_EMPTY		(W_FILL | W_FUNC | W_DET | W_CONTACT)
#define W_ABSORB	(W_EMPTY | W_PRON | W_TIME | W_SOON)

enum verdict { STEP, EMPTY, VAGUE, TOUCH };

struct word {
	char *s;		/* folded: lower case, no accents */
	unsigned cls;		/* lexicon classes */
	unsigned char cap;	/* typed Capitalized, as a name is */
	unsigned char start;	/* the first word of a sentence */
	unsigned char covered;	/* part of a phrase of the catalogue */
};

/*
 * Returns the length of the separator at p, 0 if p is in a word: ASCII
 * punctuation and spaces, Latin-1 signs (¡ ¿ « » and the no-break space)
 * and general punctuation (’ “ ” … —).  Sets *end when it ends a
 * sentence.
 */
static size_t
sep(const unsigned char *p, int *end)
{
	size_t n = 0;

	if (*p < 0x80 && !((*p >= 'a' && *p <= 'z') ||
	    (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
		n = 1;
	else if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0xBF)
		n = 2;
	else if (p[0] == 0xE2 && (p[1] == 0x80 || p[1] == 0x81) &&
	    p[2] != '\0')
		n = 3;
	if (n > 0 && end != NULL && (strchr(".!?;:\n", *p) != NULL ||
	    (p[0] == 0xC2 && (p[1] == 0xA1 || p[1] == 0xBF)) ||
	    (p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0xA6)))
		*end = 1;
	return n;
}

/* Whether the word is only symbols and emoji ("👍", "✓"): typed for
 * tone, they say nothing of a step. */
static int
symbols(const unsigned char *w, size_t n)
{
	size_t i = 0;

	while (i < n) {
		if (w[i] == 0xE2 && n - i >= 3)
			i += 3;		/* U+2000..U+2FFF */
		else if (w[i] == 0xEF && n - i >= 3 && w[i + 1] == 0xB8)
			i += 3;		/* variation selectors */
		else if (w[i] == 0xF0 && n - i >= 4 && w[i + 1] == 0x9F)
			i += 4;		/* U+1F000..U+1FFFF */
		else
			return 0;
	}
	return 1;
}

/* "Ana", "Óscar", but not "ANA" nor "ana". */
static int
capitalized(const unsigned char *w, size_t n)
{
	size_t i;

	if (!((w[0] >= 'A' && w[0] <= 'Z') || (n > 1 && w[0] == 0xC3 &&
	    w[1] >= 0x80 && w[1] <= 0x9E && w[1] != 0x97)))
		return 0;
	for (i = 1; i < n; i++)
		if ((w[i] >= 'a' && w[i] <= 'z') || (w[i] == 0xC3 &&
		    i + 1 < n && w[i + 1] >= 0x9F))
			return 1;
	return 0;
}

/* Whether w is one of the items of list[0..len), separated by c. */
static int
in_list(const char *list, size_t len, int c, const char *w)
{
	const char *end = list + len, *t;
	size_t n = strlen(w);

	for (; list < end; list = t + 1) {
		for (t = list; t < end && *t != c; t++)
			;
		if ((size_t)(t - list) == n && memcmp(list, w, n) == 0)
			return 1;
	}
	return 0;
}

/* "12", "12th", "10am", "15h30", "1ro": a date or an hour. */
static int
number(const char *w)
{
	static const char suffix[] = "st nd rd th am pm h hs hr hrs o a ro ra";

	if (*w < '0' || *w > '9')
		return 0;
	while (*w >= '0' && *w <= '9')
		w++;
	if (*w == '\0' || in_list(suffix, sizeof(suffix) - 1, ' ', w))
		return 1;
	if (*w++ != 'h' || *w == '\0')
		return 0;
	while (*w >= '0' && *w <= '9')
		w++;
	return *w == '\0';
}

static unsigned
lexicon(const char *w)
{
	unsigned cls = number(w) ? W_TIME : 0;
	size_t i;

	for (i = 0; i < NELEM(rule_lexicon); i++)
		if (in_list(rule_lexicon[i].words,
		    strlen(rule_lexicon[i].words), ' ', w))
			cls |= rule_lexicon[i].cls;
	return cls;
}

/*
 * Matches the phrase p against the words from i on, trying a word marked
 * [optional] first with it and then without.  Returns the index after the
 * match, or NOMATCH.
 */
static size_t
match(const char *p, const struct word *w, size_t i, size_t n)
{
	const char *e, *alt;
	size_t len, r;
	int opt;

	while (*p == ' ')
		p++;
	if (*p == '\0')
		return i;
	for (e = p; *e != '\0' && *e != ' '; e++)
		;
	opt = *p == '[' && e[-1] == ']';
	alt = p + opt;
	len = (size_t)(e - p) - 2 * (size_t)opt;
	if (i < n && in_list(alt, len, '|', w[i].s) &&
	    (r = match(e, w, i + 1, n)) != NOMATCH)
		return r;
	return opt ? match(e, w, i, n) : NOMATCH;
}

/* Splits what into folded words; returns -1 when out of memory. */
static int
split(const char *what, struct word **wp, size_t *np)
{
	const unsigned char *p = (const unsigned char *)what, *b;
	struct word *w = NULL, *t;
	size_t n = 0, max = 0, k;
	char *f, *o, *q;
	int end = 1;

	for (;;) {
		while (*p != '\0' && (k = sep(p, &end)) > 0)
			p += k;
		if (*p == '\0')
			break;
		for (b = p; *p != '\0' && sep(p, NULL) == 0; p++)
			;
		if (symbols(b, (size_t)(p - b)))
			continue;
		if ((f = fu_fold((const char *)b, (size_t)(p - b))) == NULL)
			goto fail;
		/* Folding may leave a sign ("÷" is "/"): drop it. */
		for (o = q = f; *q != '\0'; q++)
			if ((unsigned char)*q >= 0x80 || (*q >= 'a' &&
			    *q <= 'z') || (*q >= '0' && *q <= '9'))
				*o++ = *q;
		*o = '\0';
		if (*f == '\0') {
			free(f);
			continue;
		}
		if (n == max) {
			max = max ? 2 * max : 16;
			if ((t = realloc(w, max * sizeof(*w))) == NULL) {
				free(f);
				goto fail;
			}
			w = t;
		}
		memset(&w[n], 0, sizeof(w[n]));
		w[n].s = f;
		w[n].cap = (unsigned char)capitalized(b, (size_t)(p - b));
		w[n].start = (unsigned char)end;
		end = 0;
		n++;
	}
	*wp = w;
	*np = n;
	return 0;
fail:
	while (n > 0)
		free(w[--n].s);
	free(w);
	return -1;
}

/*
 * Weighs the words of a step: STEP as soon as one word is not accounted
 * for; otherwise VAGUE or TOUCH after the phrases found, or EMPTY when
 * there is nothing but fillers and a bare contact verb ("Llamar a").
 * Topics, names and "back" count as accounted for only next to a phrase
 * (names also next to a pronoun or a time, "back" next to a pronoun or a
 * "later").
 */
static enum verdict
weigh(struct word *w, size_t n)
{
	size_t i, j, k, end;
	unsigned cls = 0;
	int vague = 0, touch = 0, strong = 0, timed = 0, names = 0;
	int backs = 0, topics = 0, caps = 0, inner = 0, titled;

	for (i = 0; i < n; i++) {
		w[i].cls = lexicon(w[i].s);
		timed |= (w[i].cls & W_TIME) != 0;
		if (!w[i].start) {
			inner++;
			caps += w[i].cap;
		}
	}
	/* Title Case Typing capitalizes more than names. */
	titled = caps >= 3 && 2 * caps > inner;

	for (i = 0; i < n; i++)
		for (k = 0; k < NELEM(rule_phrases); k++) {
			/* "Nos vemos el martes" is a meeting, not a goodbye. */
			if (rule_phrases[k].kind == K_BYE && timed)
				continue;
			end = match(rule_phrases[k].words, w, i, n);
			if (end == NOMATCH || end == i)
				continue;
			if (rule_phrases[k].kind == K_SOON) {
				for (j = i; j < end; j++)
					w[j].cls = W_SOON;
				continue;
			}
			for (j = i; j < end; j++)
				w[j].covered = 1;
			strong = 1;
			if (rule_phrases[k].kind == K_TOUCH)
				touch = 1;
			else
				vague = 1;
		}

	for (i = 0; i < n; i++) {
		if (w[i].covered)
			continue;
		if (w[i].cls & W_ABSORB)
			cls |= w[i].cls & W_ABSORB;
		else if (w[i].cls & W_TOPIC)
			topics++;
		else if (w[i].cls & W_BACK)
			backs++;
		else if ((w[i].cls & W_NAME) ||
		    (i > 0 && (w[i - 1].cls & W_TITLE)) ||
		    (w[i].cap && !w[i].start && !titled &&
		    !(i > 0 && (w[i - 1].cls & W_DET))))
			names++;
		else
			return STEP;	/* a word of its own */
	}
	/* "Call Thursday for her decision": the decision is the step. */
	if (topics > 0 && !strong)
		return STEP;
	/* "Call Ana": whom to call may be the step (a new contact, the one
	 * who decides); "call Ana next week", "te marco, Juan" are not. */
	if (names > 0 && !strong && !(cls & (W_PRON | W_TIME | W_SOON)))
		return STEP;
	/* "Call back", "call back on the 12th": a call the client asked for,
	 * at a time of theirs; "call back later", "call her back" are not. */
	if (backs > 0 && !strong && !(cls & (W_PRON | W_SOON)))
		return STEP;
	if (!strong && !(cls & ~W_EMPTY))
		return EMPTY;
	if (vague)
		return VAGUE;
	/* A contact and a time, no step: a call into the air. */
	if (touch || (cls & W_CONTACT))
		return TOUCH;
	return VAGUE;
}

static int
verdict(const char *what, enum verdict *v)
{
	struct word *w;
	size_t n, i;

	if (split(what, &w, &n) == -1)
		return -1;
	*v = weigh(w, n);
	for (i = 0; i < n; i++)
		free(w[i].s);
	free(w);
	return 0;
}

int
fu_rule_greeting(const char *text, struct fu_err *e)
{
	enum verdict v;

	if (verdict(text, &v) == -1)
		return fu_err_nomem(e);
	if (v != STEP)
		return fu_err_usage(e, _("\"%s\" is a call into the air, not "
		    "a greeting: a greeting is a touch that asks for nothing, "
		    "such as \"Handwritten birthday card\""), text);
	return 0;
}

int
fu_rule_step(const char *what, int recurring, struct fu_err *e)
{
	enum verdict v;

	if (verdict(what, &v) == -1)
		return fu_err_nomem(e);
	if (v == EMPTY)
		return fu_err_usage(e, _("\"%s\" is not a step: say what will "
		    "be done, such as \"Send the quote for 3 laptops\""), what);
	if (v == VAGUE)
		return fu_err_usage(e, _("\"%s\" is not an agreement: name a "
		    "concrete step and a due date"), what);
	if (v == TOUCH && !recurring)
		return fu_err_usage(e, _("\"%s\" is not an agreement: name a "
		    "concrete step, or make it a recurring touch with --every "
		    "(such as --every 3m)"), what);
	return 0;
}

int
fu_rule_agreement(const struct fu_clientrec *c, int consent, const char *what,
    fu_date due, fu_date made, const struct fu_period *every,
    struct fu_err *e)
{
	char d1[11], d2[11];
	int recurring = every != NULL && every->n > 0;

	if (fu_rule_step(what, recurring, e) == -1)
		return -1;
	if (due == FU_DATE_NONE)
		return fu_err_usage(e, _("an agreement needs a due date: add "
		    "--due DATE"));
	if (due < made)
		return fu_err_usage(e, _("due %s is before the day the "
		    "agreement is made (%s): give a later --due"),
		    fu_date_str(due, d1), fu_date_str(made, d2));
	if (recurring && !consent)
		return fu_err_usage(e, _("%s has not agreed to be kept in touch "
		    "with: a recurring agreement needs consent (once given, "
		    "record it with fu-log %llu --consent)"), c->name,
		    (unsigned long long)c->id);
	return 0;
}
