/*
 * money.c - amounts as exact cents.  A float would turn 0.10 + 0.20 into
 * 0.30000000000000004 and a monthly report into a guess.
 */
#include <stdio.h>

#include "priv.h"

/* Up to a trillion, so that sums of many amounts stay far from overflow. */
#define FU_MONEY_MAX 100000000000000LL

int
fu_money_parse(const char *s, size_t n, fu_cents *out)
{
	fu_cents units = 0;
	size_t i = 0, frac = 0;
	int cents = 0;

	if (n == 0)
		return -1;
	for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
		units = units * 10 + (s[i] - '0');
		if (units > FU_MONEY_MAX / 100)
			return -1;
	}
	if (i == 0)
		return -1;
	if (i < n) {
		/* One decimal point; a comma only as a decimal comma with one
		 * or two decimals, as Spanish spreadsheets write it. */
		if (s[i] != '.' && s[i] != ',')
			return -1;
		for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
			if (++frac > 2)
				return -1;
			cents = cents * 10 + (s[i] - '0');
		}
		if (i < n || frac == 0)
			return -1;
		if (frac == 1)
			cents *= 10;
	}
	*out = units * 100 + cents;
	return 0;
}

char *
fu_money_str(fu_cents c, char buf[32])
{
	/* Unsigned, so that the most negative amount has a magnitude. */
	uint64_t m = c < 0 ? -(uint64_t)c : (uint64_t)c;

	snprintf(buf, 32, "%s%llu.%02llu", c < 0 ? "-" : "",
	    (unsigned long long)(m / 100), (unsigned long long)(m % 100));
	return buf;
}
