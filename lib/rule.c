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

/* Said to close a conversation without agreeing to anything. */
static const char *const vague[] = {
	/* English */
	"call me if anything", "call me if you need anything",
	"call me if you need something", "call me", "call me anytime",
	"we'll talk", "we will talk", "we'll talk later", "we'll talk soon",
	"let's talk", "let's talk later", "talk soon", "talk later",
	"let me know", "let me know if you decide", "let me know if anything",
	"let me know if you need anything", "i'll let you know",
	"i will let you know", "she'll let me know", "he'll let me know",
	"they'll let me know", "get back to me", "i'll get back to you",
	"they'll get back to me", "i'll think about it",
	"let me think about it", "we'll think about it", "maybe later",
	"maybe next year", "we'll see", "see you around", "no rush",
	"whenever", "sometime", "some day", "someday", "when you can",
	"reach out if anything", "ping me", "drop me a line",
	"we'll be in touch", "i'll be in touch", "if anything comes up",
	"anything else", "tbd", "to be defined", "pending", "nothing",
	/* Spanish */
	"cualquier cosa me llama", "cualquier cosa me llamas",
	"cualquier cosa me llaman", "cualquier cosa le llamo",
	"cualquier cosa me avisa", "cualquier cosa me avisas",
	"cualquier cosa", "estamos hablando", "seguimos hablando",
	"si se decide me avisa", "si se decide me llama", "si decide me avisa",
	"me avisa", "me avisas", "me avisan", "le aviso", "te aviso",
	"yo le aviso", "yo te aviso", "lo pienso", "lo voy a pensar",
	"lo va a pensar", "lo vamos a pensar", "lo pensamos", "lo piensa",
	"luego hablamos", "despues hablamos", "ya hablamos", "ya hablaremos",
	"hablamos", "hablamos luego", "ahi vemos", "ahi lo vemos",
	"ya veremos", "ya vemos", "cuando pueda", "cuando quiera",
	"cuando tenga tiempo", "me comunico", "nos comunicamos",
	"yo me comunico", "me llama", "me llamas", "nos llamamos",
	"sin prisa", "pendiente", "por definir", "nada",
};

/* A touch with no step: an agreement only as a recurring one (--every). */
static const char *const touch[] = {
	"stay in touch", "keep in touch", "touch base", "check in",
	"follow up", "follow-up", "followup", "see how things are going",
	"see how it goes", "see how it's going", "catch up", "say hi",
	"quedamos en contacto", "estamos en contacto", "seguimos en contacto",
	"mantener contacto", "mantenernos en contacto", "dar seguimiento",
	"seguimiento", "ver como va", "ver como van las cosas",
	"ver como le va", "saludar",
};

/* Words that carry no step of their own. */
static const char *const filler[] = {
	"ok", "okay", "so", "then", "just", "well", "and", "please",
	"bueno", "vale", "pues", "entonces", "ya", "y", "porfa",
	"call", "email", "write", "to", "llamar", "llamarle", "escribir",
	"escribirle", "para", "a",
};

static int
is_filler(const char *w, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof(filler) / sizeof(filler[0]); i++)
		if (strlen(filler[i]) == n && memcmp(filler[i], w, n) == 0)
			return 1;
	return 0;
}

/* Folds case and accents, keeps letters and digits, drops fillers:
 * "OK, ¡cualquier cosa me llama!" -> "cualquier cosa me llama". */
static char *
normalize(const char *s)
{
	char *f = fu_fold(s, strlen(s)), *out, *o, *p, *w;

	if (f == NULL)
		return NULL;
	for (p = f; *p != '\0'; p++) {
		unsigned char c = (unsigned char)*p;

		/* Latin-1 signs (¡ ¿ « » and the no-break space) and general
		 * punctuation (’ “ ” … —) separate words as ASCII ones do. */
		if (c == 0xC2 && (unsigned char)p[1] >= 0x80 &&
		    (unsigned char)p[1] <= 0xBF) {
			p[0] = p[1] = ' ';
			p++;
		} else if (c == 0xE2 && ((unsigned char)p[1] == 0x80 ||
		    (unsigned char)p[1] == 0x81) && p[2] != '\0') {
			p[0] = p[1] = p[2] = ' ';
			p += 2;
		} else if (c < 0x80 && !((c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9')))
			*p = ' ';	/* "we'll" -> "we ll" on both sides */
	}
	if ((out = malloc(strlen(f) + 1)) == NULL) {
		free(f);
		return NULL;
	}
	o = out;
	for (p = f; *p != '\0';) {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		for (w = p; *p != '\0' && *p != ' '; p++)
			;
		if (is_filler(w, (size_t)(p - w)))
			continue;
		if (o > out)
			*o++ = ' ';
		memcpy(o, w, (size_t)(p - w));
		o += p - w;
	}
	*o = '\0';
	free(f);
	return out;
}

static int
listed(const char *norm, const char *const *list, size_t n)
{
	size_t i;
	char *p;
	int hit = 0;

	for (i = 0; i < n && !hit; i++) {
		if ((p = normalize(list[i])) == NULL)
			return -1;
		hit = strcmp(norm, p) == 0;
		free(p);
	}
	return hit;
}

int
fu_rule_step(const char *what, int recurring, struct fu_err *e)
{
	char *norm;
	int v, t;

	if ((norm = normalize(what)) == NULL)
		return fu_err_usage(e, "%s", strerror(ENOMEM));
	if (*norm == '\0') {
		free(norm);
		return fu_err_usage(e, _("\"%s\" is not a step: say what will "
		    "be done, such as \"Send the quote for 3 laptops\""), what);
	}
	v = listed(norm, vague, sizeof(vague) / sizeof(vague[0]));
	t = listed(norm, touch, sizeof(touch) / sizeof(touch[0]));
	free(norm);
	if (v == -1 || t == -1)
		return fu_err_usage(e, "%s", strerror(ENOMEM));
	if (v)
		return fu_err_usage(e, _("\"%s\" is not an agreement: name a "
		    "concrete step and a due date"), what);
	if (t && !recurring)
		return fu_err_usage(e, _("\"%s\" is not an agreement: name a "
		    "concrete step, or make it a recurring touch with --every "
		    "(such as --every 3m)"), what);
	return 0;
}

int
fu_rule_agreement(const struct fu_clientrec *c, const char *what, fu_date due,
    fu_date made, const struct fu_period *every, struct fu_err *e)
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
	if (recurring && !c->consent)
		return fu_err_usage(e, _("%s has not agreed to be kept in touch "
		    "with: a recurring agreement needs consent=yes in the "
		    "client's row (line %ld)"), c->name, c->line);
	return 0;
}
