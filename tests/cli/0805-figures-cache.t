# The report's figures saved with the state (.fu-state): fu-stats reads
# only the rows appended since, uses the saved figures while those rows
# cannot change them, and makes them again when one can.  Every answer
# equals a full scan's (FU_CACHE=0); the read(2) calls on the portfolio,
# counted by tests/fault/inject.so, tell which it was.
. "${0%/*}/lib.sh"

shim=$top/tests/fault/inject.so
ok 'the shim is built (make tests/fault/inject.so)' test -f "$shim"
[ -f "$shim" ] || exit
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
unset FU_CACHE FU_FAULT_N FU_FAULT_ERRNO FU_FAULT_SHORT FU_FAULT_KILL \
    FU_FAULT_PERSIST FU_FAULT_LOG

# reads CMD...: how many read(2) calls CMD makes on log.csv (tables under
# 1 MiB are read in one).  Saved figures that are used cost at most two:
# the hash that proves the log when it changed, and the rows since; figures
# made again at least three: the saved state, the report's own pass, and
# the state saved with the new figures.  One parser thread: parts read on
# several threads read with pread(2), as many calls as parts.
reads() {
	rm -f "$tmp/trace"
	(
		export LD_PRELOAD="$shim" FU_FAULT_DIR="$P" FU_FAULT_CALL=read \
		    FU_FAULT_LOG="$tmp/trace" FU_THREADS=1
		exec "$@"
	) >/dev/null 2>&1
	grep -c ' read log.csv ' "$tmp/trace"
}

# A year of work, the last month's by the day it happened.
on() { d=$1; shift; FU_TODAY=$d "$@" >/dev/null; }
on 2025-11-03 fu-add client "Ana López" --company Acme --consent
on 2025-11-03 fu-add client "Bo Chen" --company Borealis
on 2026-01-12 fu-add client "Cy Diaz" --referred-by ana
on 2026-10-01 fu-log ana --next "Send the quote" --due 2026-10-09
on 2026-10-02 fu-log bo --channel visit --mood + --next "Call back" --due 2026-10-20
on 2026-10-15 fu-log cy --signal "Late payment"
on 2026-10-20 fu-log bo -o broken --channel call --next "Visit the plant" --due 2026-11-30
on 2026-10-25 fu-log ana -o kept --amount 1200 --plan post-sale
on 2026-10-28 fu-log cy --lost "Went to a rival"
# Old rows, by another program.
awk 'BEGIN { for (i = 0; i < 3000; i++)
	printf "%d,2025-%02d-%02d,%d,,call,,,,,an old call %d,\n", 100 + i,
	    i % 12 + 1, i % 28 + 1, i % 3 + 1, i }' >>"$P/log.csv"

# Every answer is compared with FU_CACHE=0's.
check() {	# DESCRIPTION used|made fu-stats ARGS...
	desc=$1 how=$2
	shift 2
	want=$(FU_CACHE=0 "$@" 2>&1; echo "exit $?")
	n=$(reads "$@")
	got=$("$@" 2>&1; echo "exit $?")
	if [ "$how" = used ]; then
		ok "$desc: the saved figures are used ($n reads of the log)" \
		    test "$n" -le 2
	else
		ok "$desc: the figures are made again ($n reads of the log)" \
		    test "$n" -ge 3
	fi
	ok "$desc: the answer is a full scan's" test "$got" = "$want"
	[ "$got" = "$want" ] || printf '%s\n--- full scan:\n%s\n' "$got" "$want" | head -n 30
}

ok 'a full scan reads the log in one call' test "$(FU_CACHE=0 reads fu-stats)" -eq 1
check 'the first report' made fu-stats --month last --json
check 'the same report again' used fu-stats --month last --json
check 'in another format' used fu-stats --month last
check 'the partial' used fu-stats --month last --partial
check 'by month, the first time' made fu-stats --by month --from 2026-01-01 --tsv
check 'by month again' used fu-stats --by month --from 2026-01-01 --tsv
check 'by channel' made fu-stats --by channel --month last --csv
check 'by channel again' used fu-stats --by channel --month last --csv
check 'by stage' made fu-stats --by stage --from 2026-06-01 --to 2026-10-31
check 'by stage again' used fu-stats --by stage --from 2026-06-01 --to 2026-10-31

# Rows that cannot change October: today's work.
fu-log bo --channel email --next "Send the contract" --due +7d >/dev/null
check 'after a contact logged today' used fu-stats --month last --json
fu-add agreement ana "Send the catalogue" --due +3d >/dev/null
check 'after a step added today' used fu-stats --month last --json
fu-add client "Di Evans" --referred-by bo >/dev/null
check 'after a client added today' used fu-stats --month last --json
# A period that runs to today is changed by today's rows.
check 'by month to today, after them' made fu-stats --by month --from 2026-01-01 --tsv
check 'by month to today, again' used fu-stats --by month --from 2026-01-01 --tsv

# Rows that can.
fu-log bo --date 2026-10-30 --signal "Asked about a rival" >/dev/null
check 'a contact logged back in October' made fu-stats --month last --json
check 'then again' used fu-stats --month last --json
check 'by month too' made fu-stats --by month --from 2026-01-01 --to 2026-10-31 --tsv
# A post-sale step kept within two weeks of the sale counts for the
# period of the sale, even when kept after it.
step=$(fu-due --within 400 --client ana -f '{id} {what}' | grep -i deliver | cut -d' ' -f1)
ok 'the post-sale plan has its first step' test -n "$step"
fu-log ana --date 2026-11-05 -a "${step:-0}" -o kept --note "Happy with it" >/dev/null
check 'a step kept in the two weeks after' made fu-stats --month last --json
ok 'which counts for October' test "$(fu-stats --month last -f '{post_sale_cared}')" = 1
printf '%s,Eve Ford,,,,,,,,,,,by hand\n' "$(($(tail -n 1 "$P/clients.csv" | cut -d, -f1) + 1))" >>"$P/clients.csv"
check 'a client with no since' made fu-stats --month last --json
check 'then again' used fu-stats --month last --json
last_log=$(tail -n 1 "$P/log.csv" | cut -d, -f1)
printf '%s,1,Ask for a referral,2026-12-01,,,2026-11-23,4,,,\n' \
    "$(($(tail -n 1 "$P/agreements.csv" | cut -d, -f1) + 1))" >>"$P/agreements.csv"
check 'a step made today from an October row' made fu-stats --month last --json
printf '%s,1,Call,2026-12-01,,,,,,,\n' \
    "$(($(tail -n 1 "$P/agreements.csv" | cut -d, -f1) + 1))" >>"$P/agreements.csv"
check 'a step with no made date' made fu-stats --month last --json
printf '%s,2026-10-31,2,,call,,,,,by hand,\n' "$((last_log + 1))" >>"$P/log.csv"
check 'a row appended by hand in the period' made fu-stats --month last --json
check 'then again' used fu-stats --month last --json

# A hand edit inside the period, the size kept: the state is in doubt.
sed -i 's/^\([0-9]*\),2026-10-02,2,/\1,2026-10-03,2,/' "$P/log.csv"
check 'an October date edited in place' made fu-stats --month last --json
check 'then again' used fu-stats --month last --json

# Before two weeks have passed, each day is another report: a step kept
# after the period may count then.  (Q has no row dated after them.)
Q=$tmp/q
FU_PORTFOLIO=$Q on 2026-10-05 fu-add client "Gil Hart" --consent
FU_PORTFOLIO=$Q on 2026-10-06 fu-log gil --next "Visit the shop" --due 2026-10-20 --amount 300
for day in 05 05 06 06; do
	[ "$day" = "${last:-}" ] && how=used || how=made
	last=$day
	FU_PORTFOLIO=$Q P=$Q check "on $day November" $how env \
	    FU_TODAY=2026-11-$day fu-stats --month last --json
done
FU_PORTFOLIO=$Q P=$Q check 'after two weeks' made fu-stats --month last --json
FU_PORTFOLIO=$Q P=$Q check 'after two weeks, on another day' used env \
    FU_TODAY=2026-11-24 fu-stats --month last --json

# The figures go with the state when another command saves it: rows
# enough to pay for a save, dated today, keep them; one dated in the
# period drops them.
fu-stats --month last >/dev/null
n=$(tail -n 1 "$P/log.csv" | cut -d, -f1)
awk -v n="$n" 'BEGIN { for (i = 1; i <= 600; i++)
	printf "%d,2026-11-23,1,,call,,,,,today %d,\n", n + i, i }' >>"$P/log.csv"
before=$(stat -c %i "$P/.fu-state")
fu-due >/dev/null
ok 'fu-due saved the state again' test "$(stat -c %i "$P/.fu-state")" != "$before"
check 'after fu-due saved the state' used fu-stats --month last --json
n=$(tail -n 1 "$P/log.csv" | cut -d, -f1)
awk -v n="$n" 'BEGIN { for (i = 1; i <= 600; i++)
	printf "%d,2026-10-1%d,1,,call,,,,,back then %d,\n", n + i, i % 10, i }' >>"$P/log.csv"
fu-due >/dev/null
check 'after fu-due saved October rows' made fu-stats --month last --json

# Several portfolios: each one's own saved figures.
FU_PORTFOLIO=$Q fu-stats --month last >/dev/null
fu-stats --month last >/dev/null
want=$(FU_CACHE=0 fu-stats -p "$P" -p "$Q" --month last --json)
t 0 "$want" '' fu-stats -p "$P" -p "$Q" --month last --json
FU_PORTFOLIO=$Q on 2026-10-07 fu-log gil -o kept --channel visit --no-next "Bought"
want=$(FU_CACHE=0 fu-stats -p "$P" -p "$Q" --month last --json)
t 0 "$want" '' fu-stats -p "$P" -p "$Q" --month last --json

# A damaged saved state is no saved figures: read whole, and made again.
fu-stats --month last >/dev/null
printf 'X' | dd of="$P/.fu-state" bs=1 seek=$(($(stat -c %s "$P/.fu-state") - 20)) conv=notrunc 2>/dev/null
check 'a .fu-state with a byte changed near its end' made fu-stats --month last --json
check 'then again' used fu-stats --month last --json
# With FU_CACHE=0 nothing is saved.
rm -f "$P/.fu-state"
FU_CACHE=0 fu-stats --month last >/dev/null
ok 'FU_CACHE=0 saves nothing' test ! -e "$P/.fu-state"
fu-stats --month last >/dev/null
ok 'the saved state is 0600' test "$(stat -c %a "$P/.fu-state")" = 600
