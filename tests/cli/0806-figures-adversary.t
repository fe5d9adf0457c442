# The figures saved with the state (.fu-state), attacked: each case is a
# way to make fu-stats answer, with its saved figures, other than a full
# scan (FU_CACHE=0) answers.  The rule is that they never differ: not in
# a figure, a row, a key's spelling, an exit status or a message.
. "${0%/*}/lib.sh"

export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
unset FU_CACHE

hc='id,name,company,email,phone,since,birthday,anniversary,referred_by,consent,stage,tags,note'
ha='id,client,what,due,channel,every,made,from,side,plan,after'
hl='id,date,client,agreement,channel,outcome,amount,mood,next,note,referred'
# fresh DIR: a portfolio of empty tables.
fresh() {
	rm -rf "$1"
	mkdir -p "$1"
	echo "$hc" >"$1/clients.csv"
	echo "$ha" >"$1/agreements.csv"
	echo "$hl" >"$1/log.csv"
}
# same CMD...: the answer (stdout, stderr, exit status) must be the full
# scan's, asked first.
same() {
	want=$(FU_CACHE=0 "$@" 2>&1; echo "exit $?")
	got=$("$@" 2>&1; echo "exit $?")
	ok "$* answers as FU_CACHE=0" test "$got" = "$want"
	[ "$got" = "$want" ] ||
	    printf '  got:\n%s\n  FU_CACHE=0:\n%s\n' "$got" "$want" | head -n 20
}

# 1. --by stage: a client who came after the period has no say in its
# rows, not even in a stage's spelling (the key is the spelling that sorts
# first): a client added today leaves October's report as it was, with
# the saved figures or without.  (Before, Bo's "Lead" renamed the row and
# Cy's "vip" added an empty one, and the saved figures did not.)
fresh "$P"
echo '1,Ana,,,,2026-01-01,,,,,lead,,' >>"$P/clients.csv"
echo '1,2026-10-05,1,,phone,,,,,,' >>"$P/log.csv"
t 0 'lead 1' '' fu-stats --month 2026-10 --by stage -f '{stage} {contacts}'
fu-add client Bo --stage Lead >/dev/null
t 0 'lead 1' '' env FU_CACHE=0 fu-stats --month 2026-10 --by stage -f '{stage} {contacts}'
t 0 'lead 1' '' fu-stats --month 2026-10 --by stage -f '{stage} {contacts}'
same fu-stats --month 2026-10 --by stage --json
fu-stats --month 2026-10 --by stage --partial >/dev/null
fu-add client Cy --stage vip >/dev/null
t 0 1 '' sh -c 'FU_CACHE=0 fu-stats --month 2026-10 --by stage --partial | wc -l'
t 0 1 '' sh -c 'fu-stats --month 2026-10 --by stage --partial | wc -l'
same fu-stats --month 2026-10 --by stage --partial
# Counted in the period, a late client's stage is a row: a contact dated
# before the client's since (a hand edit), and an agreement with no made
# date, open at its end.
echo '9,Di,,,,2026-11-20,,,,,Won,,' >>"$P/clients.csv"
echo '9,2026-10-07,9,,visit,,,,,,' >>"$P/log.csv"
echo '1,9,Call Di,2026-10-20,,,,,,,' >>"$P/agreements.csv"
t 0 'lead 1 0
Won 1 1' '' fu-stats --month 2026-10 --by stage -f '{stage} {contacts} {open}'
same fu-stats --month 2026-10 --by stage --json

# 2. The figures are made by one pass over the tables and saved with the
# state of another, later one: a table changed in place between the two
# (an editor or a spreadsheet that rewrites the same file, the size
# kept) has its new bytes proven by figures made from the old.  A shim
# makes the change at the one call between them, open_memstream(3).
cat >"$tmp/race.c" <<'EOF'
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

FILE *
open_memstream(char **p, size_t *n)
{
	static FILE *(*real)(char **, size_t *);
	static int done;
	const char *f = getenv("RACE_FILE"), *a = getenv("RACE_FROM"),
	    *b = getenv("RACE_TO");
	char buf[65536], *at;
	size_t len;
	FILE *fp;

	if (real == NULL)
		real = (FILE *(*)(char **, size_t *))dlsym(RTLD_NEXT,
		    "open_memstream");
	if (!done && f != NULL && a != NULL && b != NULL &&
	    strlen(a) == strlen(b) && (fp = fopen(f, "r+")) != NULL) {
		done = 1;
		len = fread(buf, 1, sizeof(buf) - 1, fp);
		buf[len] = '\0';
		if ((at = strstr(buf, a)) != NULL) {
			memcpy(at, b, strlen(b));
			rewind(fp);
			fwrite(buf, 1, len, fp);
		}
		fclose(fp);
	}
	return real(p, n);
}
EOF
${CC:-cc} -shared -fPIC -o "$tmp/race.so" "$tmp/race.c" -ldl 2>/dev/null
ok 'the shim is built' test -f "$tmp/race.so"
fresh "$P"
echo '1,Ana,,,,2026-01-01,,,,,lead,,' >>"$P/clients.csv"
echo '1,2026-10-05,1,,phone,,,,,,' >>"$P/log.csv"
(
	export LD_PRELOAD="$tmp/race.so" RACE_FILE="$P/log.csv" \
	    RACE_FROM=2026-10-05 RACE_TO=2026-09-05
	exec fu-stats --month 2026-10 -f '{contacts}'
) >/dev/null 2>&1
ok 'the log was changed in place during the run' \
    grep -q '^1,2026-09-05,' "$P/log.csv"
t 0 0 '' env FU_CACHE=0 fu-stats --month 2026-10 -f '{contacts}'
t 0 0 '' fu-stats --month 2026-10 -f '{contacts}'
same fu-stats --month 2026-10 --json

# 3. Several portfolios whose amounts add up to more than fu can count:
# a full scan says so of the log row where the sum runs over; with saved
# figures (or figures made now and added as saved ones are), the partials
# are blamed, at line 1 of the log or of .fu-state.
A=$tmp/o1 B=$tmp/o2
fresh "$A"
fresh "$B"
echo '1,Ana,,,,2026-01-01,,,,,,,' >>"$A/clients.csv"
echo '1,Bo,,,,2026-01-01,,,,,,,' >>"$B/clients.csv"
awk 'BEGIN { for (i = 1; i <= 50000; i++)
	printf "%d,2026-10-05,1,,phone,,999999999999,,,,\n", i }' >"$tmp/rows"
cat "$tmp/rows" >>"$A/log.csv"
cat "$tmp/rows" >>"$B/log.csv"
over="fu-stats: $B/log.csv:42235: the amounts add up to more than 92233720368547758.07, more than fu can count"
t 3 '' "$over" env FU_CACHE=0 fu-stats -p "$A" -p "$B" --month 2026-10 -f '{amount}'
t 3 '' "$over" fu-stats -p "$A" -p "$B" --month 2026-10 -f '{amount}'
# Each alone is fine, and saves its figures; together, again.
t 0 49999999999950000.00 '' fu-stats -p "$A" --month 2026-10 -f '{amount}'
t 0 49999999999950000.00 '' fu-stats -p "$B" --month 2026-10 -f '{amount}'
t 3 '' "$over" fu-stats -p "$A" -p "$B" --month 2026-10 -f '{amount}'
