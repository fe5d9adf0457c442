/*
 * utf8.c - UTF-8 validation, display width and accent folding.  fu runs
 * from cron with no locale, so none of this may depend on setlocale().
 */
#include <stdlib.h>
#include <string.h>

#include "priv.h"

/* Decodes one code point at s; returns its length, or 0 if invalid. */
static size_t
decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	uint32_t c = s[0];
	size_t len, i;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		c &= 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		c &= 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		c &= 0x07;
	} else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3F);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 ||
	    c > 0x10FFFF)) || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

int
fu_utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, len;
	uint32_t cp;

	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			/* Skip plain ASCII eight bytes at a time. */
			while (i + 8 <= n) {
				uint64_t w;

				memcpy(&w, p + i, 8);
				if (w & 0x8080808080808080ULL)
					break;
				i += 8;
			}
			continue;
		}
		if ((len = decode(p + i, n - i, &cp)) == 0)
			return 0;
		i += len;
	}
	return 1;
}

static int
cpwidth(uint32_t c)
{
	if (c == 0 || (c >= 0x300 && c <= 0x36F) || (c >= 0x1AB0 &&
	    c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x200B &&
	    c <= 0x200F) || (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE00 &&
	    c <= 0xFE0F) || (c >= 0xFE20 && c <= 0xFE2F))
		return 0;
	if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
	    (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
	    (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
	    (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
	    (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD))
		return 2;
	return 1;
}

/* Walks s, stopping before the code point that would pass w columns;
 * returns the bytes walked and stores the columns in *cols.  Invalid bytes
 * count one column each, so a bad name still lines up. */
static size_t
walk(const char *s, size_t n, size_t w, size_t *cols)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, c = 0, len;
	uint32_t cp;
	int cw;

	while (i < n) {
		if (p[i] >= 0x20 && p[i] < 0x7F) {	/* most of any text */
			if (c + 1 > w)
				break;
			c++;
			i++;
			continue;
		}
		if ((len = decode(p + i, n - i, &cp)) == 0) {
			len = 1;
			cw = 1;
		} else
			cw = cpwidth(cp);
		if (c + cw > w)
			break;
		c += cw;
		i += len;
	}
	*cols = c;
	return i;
}

size_t
fu_utf8_width(const char *s, size_t n)
{
	size_t cols;

	walk(s, n, (size_t)-1 / 2, &cols);
	return cols;
}

size_t
fu_utf8_fit(const char *s, size_t n, size_t w)
{
	size_t cols;

	return walk(s, n, w, &cols);
}

/* Base letters of U+00C0..U+017F; '*' marks the ones that fold to two. */
static const char latin[] =
    "aaaaaa*ceeeeiiiidnooooo*ouuuuy**"
    "aaaaaa*ceeeeiiiidnooooo*ouuuuy*y"
    "aaaaaaccccccccdd" "ddeeeeeeeeeegggg" "gggghhhhiiiiiiii"
    "ii**jjkkklllllll" "lllnnnnnnnnnoooo" "oo**rrrrrrssssss"
    "ssttttttuuuuuuuu";

static const char *
latin_pair(uint32_t c)
{
	switch (c) {
	case 0xC6: case 0xE6: return "ae";
	case 0xDE: case 0xFE: return "th";
	case 0xDF: return "ss";
	case 0xD7: return "x";
	case 0xF7: return "/";
	case 0x132: case 0x133: return "ij";
	case 0x152: case 0x153: return "oe";
	default: return NULL;
	}
}

char *
fu_fold(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	char *out, *o;
	size_t i = 0, len;
	uint32_t cp;
	const char *pair;

	if ((out = malloc(2 * n + 1)) == NULL)
		return NULL;
	o = out;
	while (i < n) {
		if ((len = decode(p + i, n - i, &cp)) == 0) {
			*o++ = (char)p[i++];
			continue;
		}
		i += len;
		if (cp < 0x80) {
			*o++ = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
		} else if (cp >= 0x300 && cp <= 0x36F) {
			continue;	/* combining accent, as in NFD text */
		} else if (cp >= 0xC0 && cp <= 0x17F) {
			if ((pair = latin_pair(cp)) != NULL) {
				memcpy(o, pair, strlen(pair));
				o += strlen(pair);
			} else if (cp >= 0x170) {
				*o++ = "uuuuwwyyyzzzzzzs"[cp - 0x170];
			} else
				*o++ = latin[cp - 0xC0];
		} else {
			memcpy(o, s + i - len, len);
			o += len;
		}
	}
	*o = '\0';
	return out;
}

int
fu_text_check(const char *what, const char *s, int multiline, struct fu_err *e)
{
	const unsigned char *p;

	if (s == NULL)
		return 0;
	if (!fu_utf8_valid(s, strlen(s)))
		return fu_err_usage(e, _("%s is not valid UTF-8"), what);
	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if ((*p < 0x20 && !(multiline && (*p == '\n' ||
		    *p == '\t'))) || *p == 0x7F || (*p == 0xC2 && p[1] >= 0x80 &&
		    p[1] <= 0x9F))	/* C1 controls, such as U+009B CSI */
			return fu_err_usage(e, _("%s holds a control character"),
			    what);
	/* Blanks alone say nothing either. */
	if (!multiline && s[strspn(s, " ")] == '\0')
		return fu_err_usage(e, _("%s is empty"), what);
	return 0;
}

int
fu_tag_check(const char *tag, struct fu_err *e)
{
	if (fu_text_check("--tag", tag, 0, e) == -1)
		return -1;
	if (strchr(tag, ' ') != NULL)
		return fu_err_usage(e, _("tag \"%s\" holds a space: tags are "
		    "single words (give --tag once for each)"), tag);
	return 0;
}

int
fu_fold_same(const char *a, const char *b)
{
	char *x = fu_fold(a, strlen(a)), *y = fu_fold(b, strlen(b));
	int same = x != NULL && y != NULL && strcmp(x, y) == 0;

	free(x);
	free(y);
	return same;
}
