/*
 * row.c - what a row of each table is: the columns, and each value typed
 * and checked.  A malformed value is an error naming file, line and
 * column.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "priv.h"

const char *const fu_table_name[FU_NSCHEMAS] = {
	"clients", "agreements", "log", "plan", "import"
};
static const char *const client_cols[] = {
	"id", "name", "company", "email", "phone", "since", "birthday",
	"anniversary", "referred_by", "consent", "stage", "tags", "note"
};
static const char *const agreement_cols[] = {
	"id", "client", "what", "due", "channel", "every", "made", "from",
	"side", "plan", "after"
};
static const char *const log_cols[] = {
	"id", "date", "client", "agreement", "channel", "outcome", "amount",
	"mood", "next", "note", "referred"
};
static const char *const plan_cols[] = {
	"when", "what", "channel", "side", "mark"
};
static const char *const import_cols[] = {
	"name", "first_name", "last_name", "company", "email", "phone",
	"since", "birthday", "anniversary", "consent", "stage", "tags", "note"
};
const char *const *const fu_columns[FU_NSCHEMAS] = {
	client_cols, agreement_cols, log_cols, plan_cols, import_cols
};
const int fu_ncolumns[FU_NSCHEMAS] = {
	FU_C_NCOLS, FU_A_NCOLS, FU_L_NCOLS, FU_P_NCOLS, FU_I_NCOLS
};

/* Columns a table cannot do without. */
const unsigned fu_required_columns[FU_NSCHEMAS] = {
	1u << FU_C_ID | 1u << FU_C_NAME,
	1u << FU_A_ID | 1u << FU_A_CLIENT | 1u << FU_A_WHAT | 1u << FU_A_DUE,
	1u << FU_L_ID | 1u << FU_L_DATE | 1u << FU_L_CLIENT,
	1u << FU_P_WHEN | 1u << FU_P_WHAT,
	0			/* an import names its columns as it can */
};

/* Free text a person typed: guarded against spreadsheet formulas. */
const unsigned fu_text_columns[FU_NSCHEMAS] = {
	1u << FU_C_NAME | 1u << FU_C_COMPANY | 1u << FU_C_EMAIL |
	    1u << FU_C_PHONE | 1u << FU_C_STAGE | 1u << FU_C_TAGS |
	    1u << FU_C_NOTE,
	1u << FU_A_WHAT | 1u << FU_A_CHANNEL,
	1u << FU_L_CHANNEL | 1u << FU_L_NOTE,
	1u << FU_P_WHAT | 1u << FU_P_CHANNEL,
	0
};

const unsigned fu_default_columns[FU_NSCHEMAS] = {
	1u << FU_C_SINCE,
	1u << FU_A_MADE | 1u << FU_A_FROM,
	0, 0, 0
};

static const char *const outcomes[FU_O_COUNT] = {
	[FU_O_NONE] = "", [FU_O_KEPT] = "kept", [FU_O_BROKEN] = "broken",
	[FU_O_MOVED] = "moved", [FU_O_DROPPED] = "dropped",
	[FU_O_SIGNAL] = "signal", [FU_O_LOST] = "lost", [FU_O_WON] = "won",
	[FU_O_REFERRAL] = "referral", [FU_O_GREETING] = "greeting",
	[FU_O_NO_NEXT] = "no-next", [FU_O_CONSENT] = "consent",
	[FU_O_NO_CONSENT] = "no-consent",
};

/* Whether the n bytes at s are word, without regard to ASCII case: a
 * spreadsheet may have capitalised a hand-typed value. */
static int
is_word(const char *s, size_t n, const char *word)
{
	return strlen(word) == n && strncasecmp(s, word, n) == 0;
}

/* The same, blanks around s aside: a hand-typed value, not a name. */
static int
is_typed(const char *s, size_t n, const char *word)
{
	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return is_word(s, n, word);
}

enum fu_outcome
fu_outcome_parse(const char *s, size_t n)
{
	int i;

	for (i = 1; i < FU_O_COUNT; i++)
		if (is_word(s, n, outcomes[i]))
			return (enum fu_outcome)i;
	return FU_O_NONE;
}

/* An outcome as the seller says it on the command line: the file's word,
 * or the Spanish one, as -o cumplido.  The file always gets the former. */
enum fu_outcome
fu_outcome_said(const char *s)
{
	static const struct {
		const char *word;
		enum fu_outcome o;
	} spanish[] = {
		{ "cumplido", FU_O_KEPT }, { "cumplida", FU_O_KEPT },
		{ "incumplido", FU_O_BROKEN }, { "incumplida", FU_O_BROKEN },
		{ "movido", FU_O_MOVED }, { "movida", FU_O_MOVED },
		{ "descartado", FU_O_DROPPED }, { "descartada", FU_O_DROPPED },
	};
	size_t i, n = strlen(s);

	for (i = 0; i < sizeof(spanish) / sizeof(spanish[0]); i++)
		if (is_word(s, n, spanish[i].word))
			return spanish[i].o;
	return fu_outcome_parse(s, n);
}

const char *
fu_outcome_str(enum fu_outcome o)
{
	return outcomes[o];
}

int
fu_id_parse(const char *s, size_t n, uint64_t *out)
{
	uint64_t v = 0;
	size_t i;

	if (n == 0 || n > 19)
		return -1;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (uint64_t)(s[i] - '0');
	}
	if (v == 0 || v > (uint64_t)INT64_MAX)
		return -1;
	*out = v;
	return 0;
}

/* fmt is a whole sentence with the column's name and its value, "%s
 * \"%.*s\" is not ...": a translator gets the sentence, not a piece. */
static int
bad(struct fu_err *e, const char *file, const struct fu_row *r,
    const char *col, int k, const char *fmt)
{
	size_t n = r->len[k] < 40 ? r->len[k] : 40;

	/* Quoted up to 40 bytes, never half a character. */
	while (n < r->len[k] && n > 0 && ((unsigned char)r->f[k][n] & 0xC0) ==
	    0x80)
		n--;
	return fu_err_data(e, file, r->line, fmt, col, (int)n, r->f[k]);
}

static int
id_col(const struct fu_row *r, int k, const char *col, const char *file,
    int required, uint64_t *out, struct fu_err *e)
{
	*out = 0;
	if (r->len[k] == 0) {
		if (required)
			return fu_err_data(e, file, r->line,
			    _("%s is empty"), col);
		return 0;
	}
	if (fu_id_parse(r->f[k], r->len[k], out) == -1)
		return bad(e, file, r, col, k, _("%s \"%.*s\" is not an id (a "
		    "whole number from 1 to 9223372036854775807)"));
	return 0;
}

/* A plan's step that waits on another: "12", or "12+3d", due three days
 * after agreement 12 is closed. */
static int
after_col(const struct fu_row *r, const char *file, struct fu_agreement *a,
    struct fu_err *e)
{
	const char *s = r->f[FU_A_AFTER], *plus;
	size_t n = r->len[FU_A_AFTER], k;

	a->after = 0;
	a->wait.n = 0;
	a->wait.unit = 'd';
	if (n == 0)
		return 0;
	plus = memchr(s, '+', n);
	k = plus != NULL ? (size_t)(plus - s) : n;
	if (fu_id_parse(s, k, &a->after) == -1 || (plus != NULL &&
	    fu_period_parse(plus + 1, n - k - 1, &a->wait) == -1))
		return bad(e, file, r, "after", FU_A_AFTER, _("%s \"%.*s\" is not "
		    "an agreement's id, or an id and a period, such as 12 or "
		    "12+3d"));
	return 0;
}

static int
date_col(const struct fu_row *r, int k, const char *col, const char *file,
    int required, fu_date *out, struct fu_err *e)
{
	*out = FU_DATE_NONE;
	if (r->len[k] == 0) {
		if (required)
			return fu_err_data(e, file, r->line,
			    _("%s is empty"), col);
		return 0;
	}
	if (fu_date_iso(r->f[k], r->len[k], out) == -1)
		return bad(e, file, r, col, k, _("%s \"%.*s\" is not a "
		    "date (YYYY-MM-DD)"));
	return 0;
}

static int
mday_col(const struct fu_row *r, int k, const char *col, const char *file,
    struct fu_mday *out, struct fu_err *e)
{
	memset(out, 0, sizeof(*out));
	if (r->len[k] == 0)
		return 0;
	if (fu_mday_parse(r->f[k], r->len[k], out) == -1)
		return bad(e, file, r, col, k, _("%s \"%.*s\" is not a "
		    "date (YYYY-MM-DD or MM-DD)"));
	return 0;
}

int
fu_row_client(const struct fu_row *r, const char *file, struct fu_client *c,
    struct fu_err *e)
{
	if (id_col(r, FU_C_ID, "id", file, 1, &c->id, e) == -1 ||
	    date_col(r, FU_C_SINCE, "since", file, 0, &c->since, e) == -1 ||
	    mday_col(r, FU_C_BIRTHDAY, "birthday", file, &c->birthday, e) ==
	    -1 || mday_col(r, FU_C_ANNIVERSARY, "anniversary", file,
	    &c->anniversary, e) == -1 || id_col(r, FU_C_REFERRED_BY,
	    "referred_by", file, 0, &c->referred_by, e) == -1)
		return -1;
	if (r->len[FU_C_NAME] == 0 || strspn(r->f[FU_C_NAME], " \t") ==
	    r->len[FU_C_NAME])
		return fu_err_data(e, file, r->line, _("name is empty"));
	if ((c->consent = fu_consent_parse(r->f[FU_C_CONSENT],
	    r->len[FU_C_CONSENT])) == -1)
		return fu_err_data(e, file, r->line, _("consent \"%.40s\" is "
		    "not yes, no or empty (yes: yes, s\303\255, si, x, true, "
		    "1; no: no, false, 0)"), r->f[FU_C_CONSENT]);
	c->name = r->f[FU_C_NAME];
	c->company = r->f[FU_C_COMPANY];
	c->email = r->f[FU_C_EMAIL];
	c->phone = r->f[FU_C_PHONE];
	c->stage = r->f[FU_C_STAGE];
	c->tags = r->f[FU_C_TAGS];
	c->note = r->f[FU_C_NOTE];
	return 0;
}

int
fu_row_agreement(const struct fu_row *r, const char *file,
    struct fu_agreement *a, struct fu_err *e)
{
	char plan[64];
	const char *mark;

	if (id_col(r, FU_A_ID, "id", file, 1, &a->id, e) == -1 ||
	    id_col(r, FU_A_CLIENT, "client", file, 1, &a->client, e) == -1 ||
	    date_col(r, FU_A_DUE, "due", file, 1, &a->due, e) == -1 ||
	    date_col(r, FU_A_MADE, "made", file, 0, &a->made, e) == -1 ||
	    id_col(r, FU_A_FROM, "from", file, 0, &a->from, e) == -1)
		return -1;
	if (r->len[FU_A_WHAT] == 0)
		return fu_err_data(e, file, r->line, _("what is empty"));
	a->every.n = 0;
	a->every.unit = 0;
	if (r->len[FU_A_EVERY] > 0 && fu_period_parse(r->f[FU_A_EVERY],
	    r->len[FU_A_EVERY], &a->every) == -1)
		return bad(e, file, r, "every", FU_A_EVERY, _("%s \"%.*s\" is not "
		    "a period such as 90d, 2w, 3m or 1y"));
	if ((a->side = fu_side_parse(r->f[FU_A_SIDE], r->len[FU_A_SIDE])) ==
	    (enum fu_side)-1)
		return bad(e, file, r, "side", FU_A_SIDE, _("%s \"%.*s\" is not "
		    "mine (or me, m\303\255o, yo, or empty) or client (or theirs, "
		    "cliente)"));
	if (after_col(r, file, a, e) == -1)
		return -1;
	if (a->after != 0 && a->after >= a->id)
		return fu_err_data(e, file, r->line, _("after names agreement "
		    "%llu, which is not an earlier one"),
		    (unsigned long long)a->after);
	a->plan = r->f[FU_A_PLAN];
	if (fu_plan_label_parse(a->plan, plan, &mark) == -1)
		return bad(e, file, r, "plan", FU_A_PLAN, _("%s \"%.*s\" is not a "
		    "plan's step, such as \"exit 2/5\""));
	a->what = r->f[FU_A_WHAT];
	a->channel = r->f[FU_A_CHANNEL];
	a->closed = FU_DATE_NONE;
	return 0;
}

int
fu_row_log(const struct fu_row *r, const char *file, struct fu_logrow *l,
    struct fu_err *e)
{
	const char *m = r->f[FU_L_MOOD];

	if (id_col(r, FU_L_ID, "id", file, 1, &l->id, e) == -1 ||
	    date_col(r, FU_L_DATE, "date", file, 1, &l->date, e) == -1 ||
	    id_col(r, FU_L_CLIENT, "client", file, 1, &l->client, e) == -1 ||
	    id_col(r, FU_L_AGREEMENT, "agreement", file, 0, &l->agreement,
	    e) == -1 || id_col(r, FU_L_NEXT, "next", file, 0, &l->next, e) ==
	    -1 || id_col(r, FU_L_REFERRED, "referred", file, 0, &l->referred,
	    e) == -1)
		return -1;
	l->outcome = FU_O_NONE;
	if (r->len[FU_L_OUTCOME] > 0 && (l->outcome = fu_outcome_parse(
	    r->f[FU_L_OUTCOME], r->len[FU_L_OUTCOME])) == FU_O_NONE)
		return bad(e, file, r, "outcome", FU_L_OUTCOME, _("%s \"%.*s\" "
		    "is not an outcome: kept, broken, moved, dropped, signal, "
		    "lost, won, referral, greeting, no-next, consent or "
		    "no-consent"));
	l->has_amount = r->len[FU_L_AMOUNT] > 0;
	l->amount = 0;
	if (l->has_amount && fu_money_parse(r->f[FU_L_AMOUNT],
	    r->len[FU_L_AMOUNT], &l->amount) == -1)
		return bad(e, file, r, "amount", FU_L_AMOUNT, _("%s \"%.*s\" is not "
		    "an amount (such as 1250 or 1250.50, not negative)"));
	if (r->len[FU_L_MOOD] == 0)
		l->mood = FU_MOOD_NONE;
	else if (strcmp(m, "+") == 0)
		l->mood = FU_MOOD_PLUS;
	else if (strcmp(m, "0") == 0)
		l->mood = FU_MOOD_ZERO;
	else if (strcmp(m, "-") == 0)
		l->mood = FU_MOOD_MINUS;
	else
		return bad(e, file, r, "mood", FU_L_MOOD, _("%s \"%.*s\" is not "
		    "+, 0 or -"));
	/* What only one kind of row can say is said by that kind only.  A
	 * referral row of old says whom in its note, referred empty. */
	if (l->outcome == FU_O_REFERRAL && l->referred == l->client)
		return fu_err_data(e, file, r->line, _("a client does not "
		    "refer themselves (client and referred are both %llu)"),
		    (unsigned long long)l->client);
	if (l->outcome != FU_O_REFERRAL && l->referred != 0)
		return fu_err_data(e, file, r->line, _("referred is for a "
		    "referral row, and this one is not"));
	if (l->outcome == FU_O_NO_NEXT && (l->agreement != 0 || l->next != 0 ||
	    l->has_amount || l->mood != FU_MOOD_NONE))
		return fu_err_data(e, file, r->line, _("a no-next row says why "
		    "there is no next step: its agreement, amount, mood and "
		    "next are empty"));
	l->channel = r->f[FU_L_CHANNEL];
	l->note = r->f[FU_L_NOTE];
	l->line = r->line;
	return 0;
}

int
fu_consent_parse(const char *s, size_t n)
{
	static const char *const yes[] = {
		"yes", "s\303\255", "si", "x", "true", "1", "s\303\215"
	};
	static const char *const no[] = { "", "no", "false", "0" };
	size_t i;

	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		if (is_typed(s, n, yes[i]))
			return 1;
	for (i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		if (is_typed(s, n, no[i]))
			return 0;
	return -1;
}

enum fu_side
fu_side_parse(const char *s, size_t n)
{
	/* As people type it in a spreadsheet, in English or Spanish. */
	if (is_typed(s, n, "") || is_typed(s, n, "me") ||
	    is_typed(s, n, "mine") || is_typed(s, n, "mío") ||
	    is_typed(s, n, "mio") || is_typed(s, n, "yo"))
		return FU_SIDE_MINE;
	if (is_typed(s, n, "client") || is_typed(s, n, "theirs") ||
	    is_typed(s, n, "cliente"))
		return FU_SIDE_CLIENT;
	return (enum fu_side)-1;
}

static const char *const plan_marks[] = {
	FU_MARK_INTERVIEW, FU_MARK_POST_SALE
};

int
fu_plan_label_parse(const char *s, char name[64], const char **mark)
{
	size_t n = strcspn(s, " "), i;
	const char *rest;
	char *end;
	long step, steps;

	name[0] = '\0';
	*mark = "";
	if (*s == '\0')
		return 0;
	/* A name as a plan file's: letters, digits, "-" and "_". */
	if (n == 0 || n >= 48 || *s == '-' || strspn(s, "abcdefghijklmnopqrstu"
	    "vwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") != n)
		return -1;
	memcpy(name, s, n);
	name[n] = '\0';
	if (s[n] != ' ')
		return -1;
	/* "2/5": a step of those there are, 1 to FU_PLAN_STEPS. */
	rest = s + n + 1;
	if (strspn(rest, "0123456789") == 0 || strspn(rest, "0123456789") > 3)
		return -1;
	step = strtol(rest, &end, 10);
	if (*end++ != '/' || strspn(end, "0123456789") == 0 ||
	    strspn(end, "0123456789") > 3)
		return -1;
	steps = strtol(end, &end, 10);
	rest = end;
	if (step < 1 || step > steps || steps > FU_PLAN_STEPS)
		return -1;
	if (*rest == '\0')
		return 0;
	if (*rest++ != ' ')
		return -1;
	for (i = 0; i < sizeof(plan_marks) / sizeof(plan_marks[0]); i++)
		if (strcmp(rest, plan_marks[i]) == 0) {
			*mark = plan_marks[i];
			return 0;
		}
	return -1;
}

int
fu_row_check(enum fu_table t, const struct fu_row *r, const char *file,
    struct fu_err *e)
{
	struct fu_client c;
	struct fu_agreement a;
	struct fu_logrow l;

	switch (t) {
	case FU_CLIENTS: return fu_row_client(r, file, &c, e);
	case FU_AGREEMENTS: return fu_row_agreement(r, file, &a, e);
	default: return fu_row_log(r, file, &l, e);
	}
}

/*
 * The columns of a spreadsheet or CRM export, as Google Contacts,
 * Outlook, HubSpot and people name them, in English and Spanish: each
 * name folded (no case, no accents) and kept to its letters and digits,
 * so that "E-mail Address" is emailaddress.  The first column that names
 * an import column gives it; the others are left out.
 */
static const struct {
	const char *name;
	int col;
} import_alias[] = {
	{ "name", FU_I_NAME }, { "fullname", FU_I_NAME },
	{ "displayname", FU_I_NAME }, { "contactname", FU_I_NAME },
	{ "contact", FU_I_NAME }, { "client", FU_I_NAME },
	{ "customer", FU_I_NAME }, { "nombre", FU_I_NAME },
	{ "nombrecompleto", FU_I_NAME }, { "cliente", FU_I_NAME },
	{ "contacto", FU_I_NAME },
	{ "firstname", FU_I_FIRST }, { "givenname", FU_I_FIRST },
	{ "primernombre", FU_I_FIRST }, { "nombres", FU_I_FIRST },
	{ "lastname", FU_I_LAST }, { "familyname", FU_I_LAST },
	{ "surname", FU_I_LAST }, { "apellido", FU_I_LAST },
	{ "apellidos", FU_I_LAST },
	{ "company", FU_I_COMPANY }, { "companyname", FU_I_COMPANY },
	{ "organization", FU_I_COMPANY }, { "organisation", FU_I_COMPANY },
	{ "organizationname", FU_I_COMPANY },
	{ "organization1name", FU_I_COMPANY }, { "account", FU_I_COMPANY },
	{ "accountname", FU_I_COMPANY }, { "empresa", FU_I_COMPANY },
	{ "compania", FU_I_COMPANY }, { "organizacion", FU_I_COMPANY },
	{ "negocio", FU_I_COMPANY }, { "razonsocial", FU_I_COMPANY },
	{ "email", FU_I_EMAIL }, { "emailaddress", FU_I_EMAIL },
	{ "email1value", FU_I_EMAIL }, { "mail", FU_I_EMAIL },
	{ "correo", FU_I_EMAIL }, { "correoelectronico", FU_I_EMAIL },
	{ "phone", FU_I_PHONE }, { "telephone", FU_I_PHONE },
	{ "phonenumber", FU_I_PHONE }, { "phone1value", FU_I_PHONE },
	{ "mobile", FU_I_PHONE }, { "mobilephone", FU_I_PHONE },
	{ "cellphone", FU_I_PHONE }, { "celular", FU_I_PHONE },
	{ "movil", FU_I_PHONE }, { "telefonomovil", FU_I_PHONE },
	{ "whatsapp", FU_I_PHONE }, { "telefono", FU_I_PHONE },
	{ "primaryphone", FU_I_PHONE }, { "businessphone", FU_I_PHONE },
	{ "homephone", FU_I_PHONE },
	{ "since", FU_I_SINCE }, { "clientsince", FU_I_SINCE },
	{ "customersince", FU_I_SINCE }, { "createdate", FU_I_SINCE },
	{ "desde", FU_I_SINCE }, { "clientedesde", FU_I_SINCE },
	{ "fechadealta", FU_I_SINCE }, { "alta", FU_I_SINCE },
	{ "birthday", FU_I_BIRTHDAY }, { "birthdate", FU_I_BIRTHDAY },
	{ "dateofbirth", FU_I_BIRTHDAY }, { "cumpleanos", FU_I_BIRTHDAY },
	{ "fechadenacimiento", FU_I_BIRTHDAY },
	{ "nacimiento", FU_I_BIRTHDAY },
	{ "anniversary", FU_I_ANNIVERSARY }, { "aniversario", FU_I_ANNIVERSARY },
	{ "consent", FU_I_CONSENT }, { "optin", FU_I_CONSENT },
	{ "consentimiento", FU_I_CONSENT },
	{ "stage", FU_I_STAGE }, { "lifecyclestage", FU_I_STAGE },
	{ "dealstage", FU_I_STAGE }, { "etapa", FU_I_STAGE },
	{ "fase", FU_I_STAGE },
	{ "tags", FU_I_TAGS }, { "tag", FU_I_TAGS }, { "labels", FU_I_TAGS },
	{ "categories", FU_I_TAGS }, { "groupmembership", FU_I_TAGS },
	{ "etiquetas", FU_I_TAGS }, { "categorias", FU_I_TAGS },
	{ "note", FU_I_NOTE }, { "notes", FU_I_NOTE },
	{ "comments", FU_I_NOTE }, { "description", FU_I_NOTE },
	{ "nota", FU_I_NOTE }, { "notas", FU_I_NOTE },
	{ "comentarios", FU_I_NOTE }, { "observaciones", FU_I_NOTE },
};

/* A header's name as compared: folded, letters and digits alone; into
 * out (size bytes), cut if longer. */
static void
import_key(const char *s, size_t n, char *out, size_t size)
{
	char *f = fu_fold(s, n);
	size_t i, j = 0;

	out[0] = '\0';
	if (f == NULL)
		return;
	for (i = 0; f[i] != '\0' && j + 1 < size; i++)
		if ((f[i] >= 'a' && f[i] <= 'z') || (f[i] >= '0' && f[i] <= '9'))
			out[j++] = f[i];
	out[j] = '\0';
	free(f);
}

/* The column a --map entry names, -1 for "-", -2 for none. */
static int
import_target(const char *s, size_t n)
{
	int k;

	if (n == 1 && *s == '-')
		return -1;
	for (k = 0; k < FU_I_NCOLS; k++)
		if (strlen(import_cols[k]) == n && strncmp(s, import_cols[k], n) ==
		    0)
			return k;
	return -2;
}

int
fu_import_column(const char *map, const char *name, size_t n, int *rank)
{
	char key[128], mkey[128];
	const char *p, *eq, *end;
	size_t i;

	*rank = 0;
	import_key(name, n, key, sizeof(key));
	for (p = map; p != NULL && *p != '\0'; p = *end ? end + 1 : end) {
		end = p + strcspn(p, ",");
		if ((eq = memchr(p, '=', (size_t)(end - p))) == NULL)
			continue;
		import_key(p, (size_t)(eq - p), mkey, sizeof(mkey));
		if (strcmp(mkey, key) == 0)
			return import_target(eq + 1, (size_t)(end - eq - 1)) < -1 ?
			    -1 : import_target(eq + 1, (size_t)(end - eq - 1));
	}
	/* The earlier an alias, the better it says the field: Outlook's
	 * Mobile Phone over its Business Phone, whichever comes first. */
	for (i = 0; i < sizeof(import_alias) / sizeof(import_alias[0]); i++)
		if (strcmp(import_alias[i].name, key) == 0) {
			*rank = (int)i + 1;
			return import_alias[i].col;
		}
	return -1;
}

int
fu_import_map_check(const char *map, struct fu_err *e)
{
	const char *p, *q, *eq, *end, *qeq, *qend;
	char key[128], qkey[128];

	for (p = map; p != NULL && *p != '\0'; p = *end ? end + 1 : end) {
		end = p + strcspn(p, ",");
		/* One column said twice would be read one way of the two. */
		if ((eq = memchr(p, '=', (size_t)(end - p))) != NULL) {
			import_key(p, (size_t)(eq - p), key, sizeof(key));
			for (q = map; q < p; q = *qend ? qend + 1 : qend) {
				qend = q + strcspn(q, ",");
				if ((qeq = memchr(q, '=', (size_t)(qend - q))) ==
				    NULL)
					continue;
				import_key(q, (size_t)(qeq - q), qkey,
				    sizeof(qkey));
				if (strcmp(key, qkey) == 0)
					return fu_err_usage(e, _("--map: the "
					    "column \"%.*s\" is given twice"),
					    (int)(eq - p), p);
			}
		}
		if ((eq = memchr(p, '=', (size_t)(end - p))) == NULL || eq == p ||
		    import_target(eq + 1, (size_t)(end - eq - 1)) == -2)
			return fu_err_usage(e, _("--map \"%.*s\" is not "
			    "COLUMN=FIELD, with FIELD one of name, first_name, "
			    "last_name, company, email, phone, since, birthday, "
			    "anniversary, consent, stage, tags, note, or - for "
			    "none"), (int)(end - p), p);
	}
	return 0;
}

int
fu_import_map_found(const char *map, const struct fu_header *h,
    struct fu_err *e)
{
	const char *p, *eq, *end;
	char key[128], hkey[128];
	int i, found;

	for (p = map; p != NULL && *p != '\0'; p = *end ? end + 1 : end) {
		end = p + strcspn(p, ",");
		if ((eq = memchr(p, '=', (size_t)(end - p))) == NULL)
			continue;
		import_key(p, (size_t)(eq - p), key, sizeof(key));
		for (i = 0, found = 0; i < h->ncols && !found; i++) {
			import_key(h->name[i], strlen(h->name[i]), hkey,
			    sizeof(hkey));
			found = strcmp(key, hkey) == 0;
		}
		/* A column the file lacks is a typo, not a column to skip. */
		if (!found)
			return fu_err_usage(e, _("--map: the file has no column "
			    "\"%.*s\""), (int)(eq - p), p);
	}
	return 0;
}
