/*
 * date.c - the one date parser.  Dates are days since 1970-01-01 in the
 * proleptic Gregorian calendar, so they compare and subtract as integers.
 */
#include <ctype.h>
#include <limits.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "priv.h"

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
mdays(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && leap(y) ? 29 : d[m - 1];
}

/* Howard Hinnant's days_from_civil. */
static fu_date
civil(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int
fu_date_ymd(int y, int m, int d, fu_date *out)
{
	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > mdays(y, m))
		return -1;
	*out = civil(y, m, d);
	return 0;
}

void
fu_date_split(fu_date z, int *y, int *m, int *d)
{
	int era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

int
fu_date_weekday(fu_date z)
{
	/* 1970-01-01 was a Thursday (3 counting from Monday = 0). */
	return (int)(((int64_t)z % 7 + 7 + 3) % 7);
}

/*
 * Month arithmetic without bounds: the result may fall outside years
 * 0001 to 9999, so that a typed offset that does can be refused.
 */
static fu_date
add_months(fu_date z, int months)
{
	int y, m, d, t;

	fu_date_split(z, &y, &m, &d);
	t = y * 12 + (m - 1) + months;
	/* Floor division: month -1 is December of the year before. */
	y = t >= 0 ? t / 12 : -((11 - t) / 12);
	m = t - y * 12 + 1;
	if (d > mdays(y, m))
		d = mdays(y, m);
	return civil(y, m, d);
}

/* Periods and reports keep within the years fu writes. */
fu_date
fu_date_add_months(fu_date z, int months)
{
	int y, m, d, t;

	fu_date_split(z, &y, &m, &d);
	t = y * 12 + (m - 1) + months;
	if (t < 12)
		return civil(1, 1, 1);
	if (t / 12 > 9999)
		return civil(9999, 12, 31);
	return add_months(z, months);
}

fu_date
fu_period_add(fu_date z, const struct fu_period *p)
{
	int64_t d;

	switch (p->unit) {
	case 'd': d = (int64_t)z + p->n; break;
	case 'w': d = (int64_t)z + 7 * (int64_t)p->n; break;
	case 'm': return fu_date_add_months(z, p->n);
	default: return fu_date_add_months(z, 12 * p->n);
	}
	return d > 2932896 ? 2932896 : (fu_date)d;	/* 9999-12-31 */
}

int
fu_period_add_within(fu_date z, const struct fu_period *p, fu_date *out)
{
	int y, m, d;
	int64_t t;

	switch (p->unit) {
	case 'd': t = (int64_t)z + p->n; break;
	case 'w': t = (int64_t)z + 7 * (int64_t)p->n; break;
	default:
		fu_date_split(z, &y, &m, &d);
		t = (int64_t)y * 12 + (m - 1) + (p->unit == 'm' ? p->n :
		    12 * (int64_t)p->n);
		if (t / 12 > 9999)
			return -1;
		*out = fu_period_add(z, p);
		return 0;
	}
	if (t > 2932896)	/* 9999-12-31 */
		return -1;
	*out = (fu_date)t;
	return 0;
}

static int
digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return n > 0;
}

/* Saturates, so that a long run of digits is too large, not negative. */
static int
num(const char *s, size_t n)
{
	int v = 0;

	while (n-- > 0) {
		if (v > (INT_MAX - 9) / 10)
			return INT_MAX;
		v = v * 10 + (*s++ - '0');
	}
	return v;
}

int
fu_date_iso(const char *s, size_t n, fu_date *out)
{
	if (n != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 4) ||
	    !digits(s + 5, 2) || !digits(s + 8, 2))
		return -1;
	return fu_date_ymd(num(s, 4), num(s + 5, 2), num(s + 8, 2), out);
}

char *
fu_date_str(fu_date z, char buf[11])
{
	int y, m, d;

	if (z == FU_DATE_NONE) {
		buf[0] = '\0';
		return buf;
	}
	fu_date_split(z, &y, &m, &d);
	snprintf(buf, 11, "%04u-%02u-%02u", (unsigned)y % 10000u,
	    (unsigned)m % 100u, (unsigned)d % 100u);
	return buf;
}

/* Offsets such as +3d, -2w: n at most 100 years' worth. */
static int
offset(const char *s, fu_date today, fu_date *out)
{
	struct fu_period p;
	int sign = *s == '-' ? -1 : 1;
	char spec[16];
	const char *body = s + 1;
	size_t n = strlen(body);

	/* A bare number counts days. */
	if (n > 0 && n < 8 && digits(body, n)) {
		snprintf(spec, sizeof(spec), "%sd", body);
		body = spec;
		n++;
	}
	/* +0d is today, though no period is of none. */
	if (n >= 2 && strspn(body, "0") == n - 1 &&
	    strchr("dwmyDWMY", body[n - 1]) != NULL) {
		*out = today;
		return 0;
	}
	if (fu_period_parse(body, n, &p) == -1)
		return -1;
	p.n *= sign;
	switch (p.unit) {
	case 'd': *out = today + p.n; break;
	case 'w': *out = today + 7 * p.n; break;
	/* Unclamped, so fu_date_parse refuses what falls off the calendar. */
	case 'm': *out = add_months(today, p.n); break;
	default: *out = add_months(today, 12 * p.n); break;
	}
	return 0;
}

static const struct {
	const char *name;
	int wday;		/* 0 Monday */
} weekdays[] = {
	{ "monday", 0 }, { "mon", 0 }, { "lunes", 0 },
	{ "tuesday", 1 }, { "tue", 1 }, { "martes", 1 },
	{ "wednesday", 2 }, { "wed", 2 }, { "miercoles", 2 },
	{ "thursday", 3 }, { "thu", 3 }, { "jueves", 3 },
	{ "friday", 4 }, { "fri", 4 }, { "viernes", 4 },
	{ "saturday", 5 }, { "sat", 5 }, { "sabado", 5 },
	{ "sunday", 6 }, { "sun", 6 }, { "domingo", 6 },
	/* The three letters of a Spanish calendar. */
	{ "lun", 0 }, { "mar", 1 }, { "mie", 2 }, { "jue", 3 }, { "vie", 4 },
	{ "sab", 5 }, { "dom", 6 },
};

/* "in 3 days", "en 2 semanas", "dentro de un mes": the words. */
static const struct {
	const char *name;
	char unit;
} units[] = {
	{ "day", 'd' }, { "days", 'd' }, { "dia", 'd' }, { "dias", 'd' },
	{ "week", 'w' }, { "weeks", 'w' }, { "semana", 'w' },
	{ "semanas", 'w' },
	{ "month", 'm' }, { "months", 'm' }, { "mes", 'm' }, { "meses", 'm' },
	{ "year", 'y' }, { "years", 'y' }, { "ano", 'y' }, { "anos", 'y' },
};

static const struct {
	const char *name;
	int days;
} relative[] = {
	{ "today", 0 }, { "hoy", 0 },
	{ "tomorrow", 1 }, { "manana", 1 },
	{ "yesterday", -1 }, { "ayer", -1 },
	{ "pasado manana", 2 }, { "the day after tomorrow", 2 },
	{ "day after tomorrow", 2 },
	{ "anteayer", -2 }, { "antier", -2 }, { "antes de ayer", -2 },
	{ "the day before yesterday", -2 }, { "day before yesterday", -2 },
};

/* Dates fu reads and writes are years 0001 to 9999. */
#define DATE_MIN (-719162)	/* 0001-01-01 */
#define DATE_MAX 2932896	/* 9999-12-31 */

static int
parse_any(const char *s, fu_date today, fu_date *out, struct fu_err *e);

/* Skips the word w and the blanks after it at *p, if it is there. */
static int
word(const char **p, const char *w)
{
	size_t n = strlen(w);

	if (strncmp(*p, w, n) != 0 || ((*p)[n] != ' ' && (*p)[n] != '\0'))
		return 0;
	*p += n + strspn(*p + n, " ");
	return 1;
}

/* A count said in words, as a date phrase takes it: "dos semanas". */
static const struct {
	const char *name;
	int n;
} counts[] = {
	{ "un", 1 }, { "una", 1 }, { "uno", 1 }, { "a", 1 }, { "an", 1 },
	{ "one", 1 }, { "dos", 2 }, { "two", 2 }, { "tres", 3 },
	{ "three", 3 }, { "cuatro", 4 }, { "four", 4 }, { "cinco", 5 },
	{ "five", 5 }, { "seis", 6 }, { "six", 6 }, { "siete", 7 },
	{ "seven", 7 }, { "ocho", 8 }, { "eight", 8 }, { "nueve", 9 },
	{ "nine", 9 }, { "diez", 10 }, { "ten", 10 }, { "quince", 15 },
	{ "fifteen", 15 },
};

/* A weekday's name at *p (skipped, with the blanks after it), or -1. */
static int
weekday_at(const char **p)
{
	size_t i;

	for (i = 0; i < sizeof(weekdays) / sizeof(weekdays[0]); i++)
		if (word(p, weekdays[i].name))
			return weekdays[i].wday;
	return -1;
}

/* "3 dias", "dos semanas", "un mes" at p, to the end: *count and *unit,
 * or -1. */
static int
count_of(const char *p, long *count, char *unit)
{
	size_t i, n;

	*count = -1;
	for (i = 0; i < sizeof(counts) / sizeof(counts[0]); i++)
		if (word(&p, counts[i].name)) {
			*count = counts[i].n;
			break;
		}
	if (*count == -1) {
		n = strspn(p, "0123456789");
		if (n == 0 || n > 4 || (p[n] != ' ' && p[n] != '\0'))
			return -1;
		*count = strtol(p, NULL, 10);
		p += n + strspn(p + n, " ");
	}
	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (strcmp(p, units[i].name) == 0) {
			*unit = units[i].unit;
			return 0;
		}
	return -1;
}

/* A date said in words, folded (lower case, no accents), as people say
 * it, in Spanish or English: "el proximo viernes", "este viernes", "el
 * lunes que viene", "next friday", "el viernes pasado", "last friday",
 * "en 3 dias", "dentro de dos semanas", "in a month", "hace 3 dias",
 * "2 weeks ago", "anteayer".  -1 if it is none. */
static int
phrase(const char *f, fu_date today, fu_date *out)
{
	const char *p = f;
	char spec[24], ago[64], unit;
	size_t i, n;
	long count;
	int wday, ahead, back, next = 0, last = 0, self = 0;

	for (i = 0; i < sizeof(relative) / sizeof(relative[0]); i++)
		if (strcmp(p, relative[i].name) == 0) {
			*out = today + relative[i].days;
			return 0;
		}
	/* A weekday: bare or "next", the next one strictly after today;
	 * "este"/"this", the coming one, today included; "pasado"/"last",
	 * the one before today. */
	(void)word(&p, "el");
	if (word(&p, "proximo") || word(&p, "proxima") || word(&p, "next"))
		next = 1;
	else if (word(&p, "este") || word(&p, "esta") || word(&p, "this"))
		self = 1;
	else if (word(&p, "pasado") || word(&p, "last"))
		last = 1;
	if ((wday = weekday_at(&p)) != -1) {
		if (!next && !self && !last) {
			if (word(&p, "proximo") || word(&p, "entrante"))
				next = 1;
			else if (word(&p, "que")) {
				if (!word(&p, "viene") && !word(&p, "entra"))
					return -1;
				next = 1;
			} else if (word(&p, "pasado"))
				last = 1;
		}
		if (*p != '\0')
			return -1;
		ahead = (wday - fu_date_weekday(today) + 7) % 7;
		back = (fu_date_weekday(today) - wday + 7) % 7;
		if (last)
			*out = today - (back == 0 ? 7 : back);
		else
			*out = today + (ahead == 0 && !self ? 7 : ahead);
		return 0;
	}
	/* A count of days, weeks, months or years from today, or before. */
	p = f;
	if (word(&p, "in") || word(&p, "en") || (word(&p, "dentro") &&
	    word(&p, "de"))) {
		if (count_of(p, &count, &unit) == -1)
			return -1;
		snprintf(spec, sizeof(spec), "+%ld%c", count, unit);
		return offset(spec, today, out);
	}
	if (word(&p, "hace")) {
		if (count_of(p, &count, &unit) == -1)
			return -1;
		snprintf(spec, sizeof(spec), "-%ld%c", count, unit);
		return offset(spec, today, out);
	}
	/* "3 days ago": the count, its unit, then "ago". */
	n = strlen(f);
	if (n < 5 || n >= sizeof(ago) || strcmp(f + n - 4, " ago") != 0)
		return -1;
	memcpy(ago, f, n - 4);
	ago[n - 4] = '\0';
	if (count_of(ago, &count, &unit) == -1)
		return -1;
	snprintf(spec, sizeof(spec), "-%ld%c", count, unit);
	return offset(spec, today, out);
}

/* How many days "A/B", "A/B/Y" or "Y/A/B" (or with dots) is, read day
 * first or month first (with no year, in a leap year), and one of them in
 * *d: 0 is no day, 2 ambiguous. */
static int
slashed_readings(const char *s, fu_date *d)
{
	long v[3] = { 0, 0, 2000 };
	int k = 0, n = 0, y, a, b;
	fu_date x;
	char *end;

	for (;;) {
		if (k == 3 || *s < '0' || *s > '9')
			return 0;
		v[k++] = strtol(s, &end, 10);
		if (*end == '\0')
			break;
		if (*end != '/' && *end != '.')
			return 0;
		s = end + 1;
	}
	if (k == 3 && v[0] > 99) {	/* year first: Y/M/D or Y/D/M */
		if (v[0] > 9999 || v[1] > 99 || v[2] > 99)
			return 0;
		y = (int)v[0], a = (int)v[1], b = (int)v[2];
	} else {
		if (k < 2 || v[0] > 99 || v[1] > 99 || v[2] > 9999)
			return 0;
		if (k == 3 && v[2] < 100)
			v[2] += 2000;
		y = (int)v[2], a = (int)v[1], b = (int)v[0];
	}
	if (fu_date_ymd(y, a, b, &x) == 0) {
		*d = x;
		n++;
	}
	if (a != b && fu_date_ymd(y, b, a, &x) == 0) {
		*d = x;
		n++;
	}
	/* With no year, the day is named but not the year. */
	return k == 2 && n > 0 ? 2 : n;
}

int
fu_date_parse(const char *s, fu_date today, fu_date *out, struct fu_err *e)
{
	if (parse_any(s, today, out, e) == -1)
		return -1;
	if (*out < DATE_MIN || *out > DATE_MAX)
		return fu_err_usage(e, _("\"%s\" is out of range: dates go "
		    "from 0001-01-01 to 9999-12-31"), s);
	return 0;
}

static int
parse_any(const char *s, fu_date today, fu_date *out, struct fu_err *e)
{
	size_t n = strlen(s), i;
	char *f;

	if (fu_date_iso(s, n, out) == 0)
		return 0;
	if (n == 10 && s[4] == '-' && s[7] == '-' && digits(s, 4) &&
	    digits(s + 5, 2) && digits(s + 8, 2))
		return fu_err_usage(e, _("\"%s\" is not a date: there is no "
		    "such day"), s);
	if ((s[0] == '+' || s[0] == '-') && offset(s, today, out) == 0)
		return 0;
	if ((f = fu_fold(s, n)) == NULL)
		return fu_err_nomem(e);
	i = phrase(f, today, out) == 0;
	free(f);
	if (i)
		return 0;
	if (strpbrk(s, "/.") != NULL && strspn(s, "0123456789/.") == n) {
		fu_date d;
		char iso[11];

		switch (slashed_readings(s, &d)) {
		case 0:
			return fu_err_usage(e, _("\"%s\" is not a date: there "
			    "is no such day"), s);
		case 1:
			/* Not ambiguous, but fu reads one way of writing
			 * days, the one that reads alike everywhere. */
			return fu_err_usage(e, _("\"%s\": write the date as "
			    "YYYY-MM-DD, here %s"), s, fu_date_str(d, iso));
		default:
			return fu_err_usage(e, _("\"%s\" is ambiguous: write "
			    "the date as YYYY-MM-DD"), s);
		}
	}
	return fu_err_usage(e, _("\"%s\" is not a date: use YYYY-MM-DD, "
	    "today, tomorrow, +N[dwmy], in N days or a weekday name"), s);
}

int
fu_today(const char *pinned, fu_date *out, struct fu_err *e)
{
	time_t now;
	struct tm tm;

	if (pinned == NULL || *pinned == '\0')
		pinned = fu_settings()->today;
	if (pinned != NULL && *pinned != '\0') {
		if (fu_date_iso(pinned, strlen(pinned), out) == -1)
			return fu_err_usage(e, _("today \"%s\" is not a date "
			    "(YYYY-MM-DD)"), pinned);
		return 0;
	}
	now = time(NULL);
	if (localtime_r(&now, &tm) == NULL)
		return fu_err_usage(e, _("cannot read the clock"));
	return fu_date_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, out);
}

int
fu_period_parse(const char *s, size_t n, struct fu_period *p)
{
	char unit;

	if (n < 2 || n > 6 || !digits(s, n - 1))
		return -1;
	unit = (char)tolower((unsigned char)s[n - 1]);
	if (unit == '\0' || strchr("dwmy", unit) == NULL)
		return -1;
	p->n = num(s, n - 1);
	p->unit = unit;
	if (p->n < 1 || (unit == 'y' && p->n > 100) ||
	    (unit == 'm' && p->n > 1200) || (unit == 'w' && p->n > 5300))
		return -1;
	return 0;
}

char *
fu_period_str(const struct fu_period *p, char buf[16])
{
	if (p->n == 0)
		buf[0] = '\0';
	else
		snprintf(buf, 16, "%d%c", p->n, p->unit);
	return buf;
}

int
fu_mday_parse(const char *s, size_t n, struct fu_mday *md)
{
	fu_date z;

	if (n == 10) {
		if (fu_date_iso(s, n, &z) == -1)
			return -1;
		fu_date_split(z, &md->year, &md->month, &md->day);
		return 0;
	}
	if (n != 5 || s[2] != '-' || !digits(s, 2) || !digits(s + 3, 2))
		return -1;
	md->year = 0;
	md->month = num(s, 2);
	md->day = num(s + 3, 2);
	/* A year that has every day: 2000 was a leap year. */
	if (md->month < 1 || md->month > 12 || md->day < 1 ||
	    md->day > mdays(2000, md->month))
		return -1;
	return 0;
}

char *
fu_mday_str(const struct fu_mday *md, char buf[11])
{
	if (md->month == 0)
		buf[0] = '\0';
	else if (md->year == 0)
		snprintf(buf, 11, "%02u-%02u", (unsigned)md->month % 100u,
		    (unsigned)md->day % 100u);
	else
		snprintf(buf, 11, "%04u-%02u-%02u", (unsigned)md->year % 10000u,
		    (unsigned)md->month % 100u, (unsigned)md->day % 100u);
	return buf;
}

fu_date
fu_mday_in_year(const struct fu_mday *md, int y)
{
	int d = md->day;

	if (y < 1)
		y = 1;
	if (y > 9999)
		y = 9999;
	if (d > mdays(y, md->month))
		d = mdays(y, md->month);
	return civil(y, md->month, d);
}
