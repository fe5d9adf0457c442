/*
 * err.c - the one error mechanism: struct fu_err is filled by the library
 * and printed by the command, compiler-style: "fu-add: clients.csv:12: ...".
 */
#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "priv.h"

const char *fu_progname = "fu";

void
fu_init(const char *progname)
{
	fu_progname = progname;
	/* A write past ulimit -f then fails with EFBIG, which is undone
	 * like a full disk, rather than killing us half-way. */
	signal(SIGXFSZ, SIG_IGN);
	setlocale(LC_ALL, "");
	fu_settings_load();
	bindtextdomain("fu", fu_settings()->localedir);
	/* fu writes UTF-8 whatever the locale (its files are UTF-8, and
	 * so the names it prints): the messages too, not converted to the
	 * charset of LC_CTYPE ("opci?n" under LANG=C LC_MESSAGES=es_MX). */
	bind_textdomain_codeset("fu", "UTF-8");
	textdomain("fu");
}

/* gettext, but "" stays "" (not the catalogue's header) and a message
 * with no translation loses its context, the part up to "\004". */
const char *
fu_tr(const char *msgid)
{
	const char *s, *ctx;

	if (*msgid == '\0')
		return msgid;
	s = gettext(msgid);
	if (s == msgid && (ctx = strchr(msgid, '\004')) != NULL)
		return ctx + 1;
	return s;
}

static int
fill(struct fu_err *e, int code, const char *file, long line, int errnum,
    const char *fmt, va_list ap)
{
	e->code = code;
	e->line = line;
	e->errnum = errnum;
	e->unwritten = 0;
	snprintf(e->file, sizeof(e->file), "%s", file ? file : "");
	vsnprintf(e->text, sizeof(e->text), fmt, ap);
	return -1;
}

int
fu_err_usage(struct fu_err *e, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fill(e, FU_EXIT_USAGE, NULL, 0, 0, fmt, ap);
	va_end(ap);
	return -1;
}

int
fu_err_data(struct fu_err *e, const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fill(e, FU_EXIT_DATA, file, line, 0, fmt, ap);
	va_end(ap);
	return -1;
}

int
fu_err_io(struct fu_err *e, const char *file, int errnum, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fill(e, FU_EXIT_IO, file, 0, errnum, fmt, ap);
	va_end(ap);
	return -1;
}

int
fu_err_nomem(struct fu_err *e)
{
	return fu_err_io(e, NULL, 0, "%s", _("out of memory"));
}

int
fu_err_within(struct fu_err *e, const char *dir, int several)
{
	char file[sizeof(e->file)];

	if (!several || e->text[0] == '\0' || strcmp(e->file, dir) == 0 ||
	    strchr(e->file, '/') != NULL || (e->file[0] == '\0' &&
	    e->code == FU_EXIT_IO))
		return -1;
	if (e->file[0] == '\0')
		snprintf(file, sizeof(file), "%s", dir);
	else if (snprintf(file, sizeof(file), "%s/%s", dir, e->file) >=
	    (int)sizeof(file))
		return -1;
	memcpy(e->file, file, sizeof(file));
	return -1;
}

void
fu_bug(const char *file, int line, const char *what)
{
	fflush(stdout);
	fprintf(stderr, _("%s: a bug in fu (%s:%d): %s\n"), fu_progname, file,
	    line, what);
	abort();
}

void
fu_warn(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, _("%s: warning: "), fu_progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* Writes s with the control characters a terminal would obey as "?": a
 * message may quote what a file holds.  Line breaks and tabs stay. */
static void
put_clean(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p != '\0'; p++) {
		if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7F)
			fputc('?', stderr);
		else if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) {
			fputc('?', stderr);
			p++;
		} else
			fputc(*p, stderr);
	}
}

int
fu_fail(const struct fu_err *e)
{
	fflush(stdout);
	fprintf(stderr, "%s: ", fu_progname);
	if (e->file[0] != '\0') {
		put_clean(e->file);
		if (e->line > 0)
			fprintf(stderr, ":%ld", e->line);
		fputs(": ", stderr);
	}
	put_clean(e->text);
	if (e->errnum != 0)
		fprintf(stderr, ": %s", strerror(e->errnum));
	if (e->unwritten == 1)
		fputs(_("; nothing was written"), stderr);
	else if (e->unwritten == 2)
		fputs(_("; what was written could not be taken back yet: the "
		    "next fu command that writes will"), stderr);
	fputc('\n', stderr);
	return e->code ? e->code : FU_EXIT_USAGE;
}
