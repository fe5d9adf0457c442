/*
 * print.c - the one printer.  People get an aligned table: columns by
 * display width, so "López" and "Peña" line up, and long text cut with
 * "..." only when the table would not fit the terminal.  Scripts get TSV,
 * CSV, JSON Lines or a template of named fields, raw values, never cut.
 * A calendar app gets an iCalendar (RFC 5545): a row is an event.
 * On a terminal a row may stand out in its tone (an overdue step in bold
 * red): the escapes go around whole lines, outside the cells, so they
 * take no column and never reach a pipe or a machine format.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "priv.h"

/* A text cell's bytes and columns, kept with the row so that the table
 * is measured once; CELL_BIG (a cell of 64 KiB) is measured again. */
#define CELL_BIG UINT16_MAX
struct cell_size {
	uint16_t n, w;
};

struct fu_tmpl {
	int field;		/* -1 for literal text */
	char *text;
};

static int
parse_template(struct fu_out *o, const char *s, struct fu_err *e)
{
	struct fu_buf lit = { 0 };
	struct fu_tmpl *t;
	const char *end;
	int i;

	for (;;) {
		if (*s == '\0' || *s == '{') {
			if (lit.len > 0 || *s == '\0') {
				t = realloc(o->tmpl, (o->ntmpl + 1) * sizeof(*t));
				if (t == NULL)
					goto nomem;
				o->tmpl = t;
				t[o->ntmpl].field = -1;
				t[o->ntmpl].text = lit.p ? lit.p : strdup("");
				if (t[o->ntmpl].text == NULL)
					goto nomem;
				o->ntmpl++;
				memset(&lit, 0, sizeof(lit));
			}
			if (*s == '\0')
				return 0;
			if ((end = strchr(s, '}')) == NULL) {
				fu_buf_free(&lit);
				return fu_err_usage(e, _("--format: \"{\" is "
				    "never closed"));
			}
			for (i = 0; i < o->nf; i++)
				if (strlen(o->f[i].name) == (size_t)(end - s - 1) &&
				    memcmp(o->f[i].name, s + 1, (size_t)(end - s -
				    1)) == 0)
					break;
			if (i == o->nf) {
				struct fu_buf known = { 0 };
				int k;

				for (k = 0; k < o->nf; k++) {
					fu_buf_add(&known, " ", 1);
					fu_buf_add(&known, o->f[k].name,
					    strlen(o->f[k].name));
				}
				fu_err_usage(e, _("--format: unknown field "
				    "\"%.*s\"; the fields are:%s"),
				    (int)(end - s - 1), s + 1,
				    known.p ? known.p : "");
				fu_buf_free(&known);
				fu_buf_free(&lit);
				return -1;
			}
			t = realloc(o->tmpl, (o->ntmpl + 1) * sizeof(*t));
			if (t == NULL)
				goto nomem;
			o->tmpl = t;
			t[o->ntmpl].field = i;
			t[o->ntmpl].text = NULL;
			o->ntmpl++;
			s = end + 1;
			continue;
		}
		if (*s == '\\' && s[1] != '\0' && strchr("tn\\{}", s[1])) {
			char c = s[1] == 't' ? '\t' : s[1] == 'n' ? '\n' : s[1];

			if (fu_buf_add(&lit, &c, 1) == -1)
				goto nomem;
			s += 2;
			continue;
		}
		if (fu_buf_add(&lit, s++, 1) == -1)
			goto nomem;
	}
nomem:
	fu_buf_free(&lit);
	return fu_err_nomem(e);
}

static int
term_width(void)
{
	struct winsize ws;

	if (!isatty(STDOUT_FILENO))
		return 0;
	if (fu_settings()->columns > 0)
		return fu_settings()->columns;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

static int
put_sep_row(struct fu_out *o, const char *const *v)
{
	const struct fu_dialect csv = { ',', 0, 0, 0, 0 };
	struct fu_buf b = { 0 }, g = { 0 };
	const char *s;
	int i, rc = 0;

	for (i = 0; i < o->nf && rc == 0; i++) {
		s = v[i];
		if (i > 0)
			rc = fu_buf_add(&b, o->fmt == FU_FMT_CSV ? "," : "\t", 1);
		/* A spreadsheet opening the export must not run a name that
		 * starts like a formula: text gets the tables' guard (an
		 * apostrophe), unless --raw; numbers never need it. */
		if (rc == 0 && !o->raw && !(o->f[i].flags & FU_F_NUM) &&
		    fu_formula_guarded(s, strlen(s))) {
			g.len = 0;
			rc = fu_buf_str(&g, "'") | fu_buf_str(&g, s);
			s = g.p;
		}
		if (rc == 0)
			rc = o->fmt == FU_FMT_CSV ? fu_field_csv(&b, &csv, s,
			    strlen(s)) : fu_field_tsv(&b, s, strlen(s));
	}
	fu_buf_free(&g);
	if (rc == 0)
		rc = fu_buf_add(&b, "\n", 1);
	if (rc == 0)
		fwrite(b.p, 1, b.len, stdout);
	fu_buf_free(&b);
	return rc;
}

int
fu_out_init(struct fu_out *o, enum fu_fmt fmt, const char *tmpl,
    const struct fu_field *f, int nf, struct fu_err *e)
{
	memset(o, 0, sizeof(*o));
	o->fmt = fmt;
	o->f = f;
	o->nf = nf < 64 ? nf : 64;
	if (fmt == FU_FMT_TEMPLATE && parse_template(o, tmpl, e) == -1) {
		fu_out_discard(o);	/* what was built before the error */
		return -1;
	}
	if (fmt == FU_FMT_TEXT)
		o->width = term_width();
	return 0;
}

void
fu_json_string(const char *s)
{
	fu_json_fstring(stdout, s);
}

void
fu_json_fstring(FILE *out, const char *s)
{
	putc('"', out);
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", out);
		else if (c == '\t')
			fputs("\\t", out);
		else if (c == '\r')
			fputs("\\r", out);
		else if (c < 0x20 || c == 0x7F)
			fprintf(out, "\\u%04x", c);
		else
			putc(c, out);
	}
	putc('"', out);
}

/* Where a TEXT value of a calendar may be cut to fold its line: not
 * inside a UTF-8 character, nor inside an escape, which a careless
 * reader would take apart.  The length of the unit at p, of n left. */
static size_t
ics_unit(const unsigned char *p, size_t n)
{
	size_t k = 1, len;

	if (p[0] == '\\' && n > 1)
		return 2;
	len = p[0] >= 0xF0 ? 4 : p[0] >= 0xE0 ? 3 : p[0] >= 0xC0 ? 2 : 1;
	/* Bytes that are no character are units of one. */
	while (k < len && k < n && (p[k] & 0xC0) == 0x80)
		k++;
	return k == len ? len : 1;
}

int
fu_ics_escape(struct fu_buf *v, const char *value)
{
	const unsigned char *p = (const unsigned char *)value;
	int rc = 0;

	for (; *p != '\0' && rc == 0; p++) {
		if (*p == '\\' || *p == ';' || *p == ',') {
			rc = fu_buf_add(v, "\\", 1) | fu_buf_add(v, p, 1);
		} else if (*p == '\n' || *p == '\r') {
			/* A line break, however the file spelled it. */
			if (*p == '\r' && p[1] == '\n')
				p++;
			rc = fu_buf_str(v, "\\n");
		} else if ((*p < 0x20 && *p != '\t') || *p == 0x7F)
			rc = fu_buf_str(v, "?");
		else
			rc = fu_buf_add(v, p, 1);
	}
	return rc;
}

int
fu_ics_line(struct fu_buf *b, const char *name, const char *value, int text)
{
	struct fu_buf v = { 0 };
	const unsigned char *p;
	size_t i, n, col, u;
	int rc = 0;

	if (fu_buf_str(&v, name) == -1 || fu_buf_str(&v, ":") == -1)
		goto nomem;
	if ((text ? fu_ics_escape(&v, value) : fu_buf_str(&v, value)) == -1)
		goto nomem;
	/* Lines of 75 octets at most, CR LF apart; each one folded on
	 * starts with a space, which the reader takes out. */
	p = (const unsigned char *)v.p;
	for (i = 0, col = 0, n = v.len; i < n && rc == 0; i += u, col += u) {
		u = ics_unit(p + i, n - i);
		if (col + u > 75) {
			rc = fu_buf_str(b, "\r\n ");
			col = 1;
		}
		if (rc == 0)
			rc = fu_buf_add(b, p + i, u);
	}
	if (rc == -1 || fu_buf_str(b, "\r\n") == -1)
		goto nomem;
	fu_buf_free(&v);
	return 0;
nomem:
	fu_buf_free(&v);
	return -1;
}

/* Writes b, and empties it. */
static int
put_buf(struct fu_buf *b)
{
	int rc = b->len > 0 && fwrite(b->p, 1, b->len, stdout) != b->len;

	b->len = 0;
	return rc ? -1 : 0;
}

/* The calendar's own lines, before its first event.  Its product id
 * names the program that wrote it, as RFC 5545 asks. */
static int
put_calendar(void)
{
	struct fu_buf b = { 0 };
	char prodid[128];
	int rc;

	snprintf(prodid, sizeof(prodid), "-//fu//%s %s//EN", fu_progname,
	    FU_VERSION);
	rc = fu_ics_line(&b, "BEGIN", "VCALENDAR", 0) |
	    fu_ics_line(&b, "VERSION", "2.0", 0) |
	    fu_ics_line(&b, "PRODID", prodid, 1) |
	    fu_ics_line(&b, "CALSCALE", "GREGORIAN", 0) |
	    fu_ics_line(&b, "METHOD", "PUBLISH", 0);
	if (rc == 0)
		put_buf(&b);
	fu_buf_free(&b);
	return rc;
}

static int
put_event(struct fu_out *o, const char *const *v)
{
	struct fu_buf b = { 0 };
	int k, rc;

	rc = fu_ics_line(&b, "BEGIN", "VEVENT", 0);
	for (k = 0; k < o->nf && rc == 0; k++)
		if (*v[k] != '\0')
			rc = fu_ics_line(&b, o->f[k].name, v[k],
			    !(o->f[k].flags & FU_F_ICS_VALUE));
	if (rc == 0)
		rc = fu_ics_line(&b, "END", "VEVENT", 0);
	if (rc == 0)
		put_buf(&b);
	fu_buf_free(&b);
	return rc;
}

/* The header of TSV and CSV, or a calendar's, once, with the first row or
 * at the end. */
static int
put_header(struct fu_out *o)
{
	const char *names[64];
	int i;

	if (!o->header_done && o->fmt == FU_FMT_ICS) {
		o->header_done = 1;
		return put_calendar();
	}
	if (o->header_done || (o->fmt != FU_FMT_TSV && o->fmt != FU_FMT_CSV))
		return 0;
	o->header_done = 1;
	for (i = 0; i < o->nf; i++)
		names[i] = o->f[i].name;
	return put_sep_row(o, names);
}

/* Select Graphic Rendition: ECMA-48, as every terminal reads it. */
static const char *const sgr[FU_NTONES] = {
	[FU_TONE_PLAIN] = "",
	[FU_TONE_LATE] = "\033[1;31m",
	[FU_TONE_TODAY] = "\033[1m",
	[FU_TONE_RISK] = "\033[31m",
	[FU_TONE_ADRIFT] = "\033[33m",
	[FU_TONE_HEAD] = "\033[1m",
};

int
fu_out_color(const struct fu_cli *cli)
{
	if (cli->fmt != FU_FMT_TEXT || cli->color == FU_COLOR_NEVER)
		return 0;
	if (cli->color == FU_COLOR_ALWAYS)
		return 1;
	return !fu_settings()->no_color && !fu_settings()->dumb &&
	    isatty(STDOUT_FILENO);
}

const char *
fu_tone_on(int color, enum fu_tone t)
{
	return color && t > FU_TONE_PLAIN && t < FU_NTONES ? sgr[t] : "";
}

const char *
fu_tone_off(int color, enum fu_tone t)
{
	return *fu_tone_on(color, t) ? "\033[0m" : "";
}

int
fu_out_row(struct fu_out *o, const char *const *v, struct fu_err *e)
{
	return fu_out_row_tone(o, v, FU_TONE_PLAIN, e);
}

int
fu_out_row_tone(struct fu_out *o, const char *const *v, enum fu_tone tone,
    struct fu_err *e)
{
	unsigned char t = (unsigned char)tone;
	size_t i;
	int k;

	if (put_header(o) == -1)
		return fu_err_nomem(e);
	o->rows++;
	switch (o->fmt) {
	case FU_FMT_TEXT:
		if (fu_buf_add(&o->tones, &t, 1) == -1)
			return fu_err_nomem(e);
		/* Kept until the end, when the widest cells are known; each
		 * cell measured once. */
		for (k = 0; k < o->nf; k++) {
			struct cell_size cz;
			size_t n = strlen(v[k]), w = 0;

			if (!(o->f[k].flags & FU_F_NOTEXT) &&
			    (w = fu_utf8_width(v[k], n)) > o->colw[k])
				o->colw[k] = w;
			cz.n = n < CELL_BIG ? (uint16_t)n : CELL_BIG;
			cz.w = w < CELL_BIG ? (uint16_t)w : CELL_BIG;
			if (fu_buf_add(&o->text, v[k], n + 1) == -1 ||
			    fu_buf_add(&o->sizes, &cz, sizeof(cz)) == -1)
				return fu_err_nomem(e);
		}
		return 0;
	case FU_FMT_TSV:
	case FU_FMT_CSV:
		if (put_sep_row(o, v) == -1)
			return fu_err_nomem(e);
		return 0;
	case FU_FMT_JSON:
		putchar('{');
		for (k = 0; k < o->nf; k++) {
			if (k > 0)
				putchar(',');
			fu_json_string(o->f[k].name);
			putchar(':');
			if (o->f[k].flags & FU_F_NUM)
				fputs(*v[k] ? v[k] : "null", stdout);
			else
				fu_json_string(v[k]);
		}
		fputs("}\n", stdout);
		return 0;
	case FU_FMT_ICS:
		if (put_event(o, v) == -1)
			return fu_err_nomem(e);
		return 0;
	case FU_FMT_TEMPLATE:
		for (i = 0; i < o->ntmpl; i++)
			fputs(o->tmpl[i].field < 0 ? o->tmpl[i].text :
			    v[o->tmpl[i].field], stdout);
		putchar('\n');
		return 0;
	}
	return 0;
}

/* A cell's text as a person sees it: line breaks and tabs are spaces,
 * and other control characters, which a terminal would obey (a title, a
 * cleared screen), are each one "?" (one column, as they were counted). */
static int
put_text(struct fu_buf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i;

	if (fu_buf_reserve(b, n) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		if (p[i] == '\n' || p[i] == '\t' || p[i] == '\r')
			b->p[b->len++] = ' ';
		else if (p[i] < 0x20 || p[i] == 0x7F)
			b->p[b->len++] = '?';
		else if (p[i] == 0xC2 && i + 1 < n && p[i + 1] >= 0x80 &&
		    p[i + 1] <= 0x9F) {
			b->p[b->len++] = '?';	/* C1, such as U+009B CSI */
			i++;
		} else
			b->p[b->len++] = (char)p[i];
	}
	b->p[b->len] = '\0';
	return 0;
}

/* A cell's text of n bytes and sw columns, padded to w columns. */
static int
pad_n(struct fu_buf *b, const char *s, size_t n, size_t sw, size_t w,
    int right)
{
	if (right && sw < w && fu_buf_pad(b, ' ', w - sw) == -1)
		return -1;
	if (put_text(b, s, n) == -1)
		return -1;
	if (!right && sw < w && fu_buf_pad(b, ' ', w - sw) == -1)
		return -1;
	return 0;
}

int
fu_text_pad(struct fu_buf *b, const char *s, size_t w, int right)
{
	size_t n = strlen(s);

	return pad_n(b, s, n, fu_utf8_width(s, n), w, right);
}

/* The same, cut to w columns with an ellipsis when wider. */
static int
cut_n(struct fu_buf *b, const char *s, size_t n, size_t sw, size_t w)
{
	if (sw <= w || w == 0)
		return pad_n(b, s, n, sw, w, 0);
	n = fu_utf8_fit(s, n, w - 1);
	sw = fu_utf8_width(s, n) + 1;
	if (put_text(b, s, n) == -1 || fu_buf_str(b, "\xE2\x80\xA6") == -1 ||
	    (sw < w && fu_buf_pad(b, ' ', w - sw) == -1))
		return -1;
	return 0;
}

int
fu_text_cut(struct fu_buf *b, const char *s, size_t w)
{
	size_t n = strlen(s);

	return cut_n(b, s, n, fu_utf8_width(s, n), w);
}

int
fu_text_line(struct fu_buf *b)
{
	int rc = 0;

	while (b->len > 0 && b->p[b->len - 1] == ' ')
		b->len--;
	if (fu_buf_str(b, "\n") == -1)
		rc = -1;
	if (b->len > 0 && fwrite(b->p, 1, b->len, stdout) != b->len)
		rc = -1;
	b->len = 0;
	return rc;
}

int
fu_out_end(struct fu_out *o, struct fu_err *e)
{
	size_t width[64] = { 0 }, total, r, i, nrows = o->rows;
	struct fu_buf line = { 0 };
	const char *cell;
	const struct cell_size *size;
	int k, last;

	if (put_header(o) == -1)
		return fu_err_nomem(e);
	if (o->fmt == FU_FMT_ICS) {
		struct fu_buf b = { 0 };

		if (fu_ics_line(&b, "END", "VCALENDAR", 0) == -1)
			return fu_err_nomem(e);
		put_buf(&b);
		fu_buf_free(&b);
	}
	if (o->fmt != FU_FMT_TEXT || nrows == 0)
		goto done;
	for (k = 0; k < o->nf; k++) {
		width[k] = fu_utf8_width(fu_tr(o->f[k].title),
		    strlen(fu_tr(o->f[k].title)));
		if (o->colw[k] > width[k])
			width[k] = o->colw[k];
	}
	/* On a terminal, cut the widest cuttable column until it fits. */
	for (;;) {
		int widest = -1;

		total = 0;
		for (k = 0; k < o->nf; k++)
			if (!(o->f[k].flags & FU_F_NOTEXT))
				total += width[k] + (total > 0 ? 2 : 0);
		if (o->width == 0 || total <= (size_t)o->width)
			break;
		for (k = 0; k < o->nf; k++)
			if ((o->f[k].flags & FU_F_CUT) && width[k] > 8 &&
			    (widest < 0 || width[k] > width[widest]))
				widest = k;
		if (widest < 0)
			break;
		width[widest] -= total - (size_t)o->width < width[widest] - 8 ?
		    total - (size_t)o->width : width[widest] - 8;
	}
	for (k = 0; k < o->nf; k++)
		if (o->f[k].flags & FU_F_NOTEXT)
			width[k] = 0;
	for (last = o->nf - 1; last > 0 && (o->f[last].flags & FU_F_NOTEXT);
	    last--)
		;
	/* Lines are gathered into writes of about 64 KiB. */
	size = (const struct cell_size *)(void *)o->sizes.p;
	for (cell = o->text.p, r = 0; r <= nrows; r++) {
		size_t start = line.len;
		int started = 0;
		enum fu_tone tone = r > 0 ? (enum fu_tone)o->tones.p[r - 1] :
		    FU_TONE_PLAIN;

		fu_buf_str(&line, fu_tone_on(o->color, tone));

		for (k = 0; k < o->nf; k++) {
			const char *s = r == 0 ? fu_tr(o->f[k].title) : cell;
			int right = (o->f[k].flags & FU_F_NUM) && r > 0 &&
			    !(o->f[k].flags & FU_F_LEFT);
			size_t n, sw;

			if (r == 0) {
				n = strlen(s);
				sw = fu_utf8_width(s, n);
			} else {
				n = size->n < CELL_BIG ? size->n : strlen(s);
				sw = size->w < CELL_BIG ? size->w :
				    fu_utf8_width(s, n);
				size++;
				cell += n + 1;
			}
			if (k > last || (o->f[k].flags & FU_F_NOTEXT))
				continue;
			if (started++)
				fu_buf_str(&line, "  ");
			if (right)
				pad_n(&line, s, n, sw, width[k], 1);
			else
				cut_n(&line, s, n, sw, width[k]);
		}
		while (line.len > start && line.p[line.len - 1] == ' ')
			line.len--;
		fu_buf_str(&line, fu_tone_off(o->color, tone));
		fu_buf_str(&line, "\n");
		if (line.len >= 65536 || r == nrows) {
			if (line.p != NULL)
				fwrite(line.p, 1, line.len, stdout);
			line.len = 0;
		}
	}
	fu_buf_free(&line);
done:
	fu_buf_free(&o->text);
	fu_buf_free(&o->tones);
	fu_buf_free(&o->sizes);
	for (i = 0; i < o->ntmpl; i++)
		free(o->tmpl[i].text);
	free(o->tmpl);
	o->tmpl = NULL;
	o->ntmpl = 0;
	return 0;
}

int
fu_out_finish(struct fu_out *o, int rc, struct fu_err *e)
{
	if (rc == -1) {
		fu_out_discard(o);
		return -1;
	}
	return fu_out_end(o, e);
}

void
fu_out_discard(struct fu_out *o)
{
	struct fu_err e;

	o->rows = 0;
	o->header_done = 1;
	o->fmt = FU_FMT_TEXT;	/* nor a calendar's end */
	fu_out_end(o, &e);
}

int
fu_out_close(struct fu_err *e)
{
	int bad = fflush(stdout) == EOF || ferror(stdout), saved = errno;

	/* Closed, so that nothing buffered is left for exit to lose. */
	if (fclose(stdout) == EOF && !bad) {
		bad = 1;
		saved = errno;
	}
	if (bad)
		return fu_err_io(e, "<stdout>", saved ? saved : EIO,
		    _("cannot write"));
	return 0;
}

int
fu_out_close_written(struct fu_err *e)
{
	if (fu_out_close(e) == 0)
		return 0;
	/* Exit 4 says nothing was written, but here it was. */
	return fu_err_io(e, "<stdout>", e->errnum, _("cannot write the new "
	    "ids, but the rows are written: do not run the command again"));
}
