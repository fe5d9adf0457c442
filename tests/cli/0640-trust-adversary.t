# Trust (issue 17), attacked afresh by a hostile tester after the fix:
# what still breaks.  Each case states the correct behaviour, so each
# fails until it is fixed; 0630-trust.t holds the cases that already pass.
. "${0%/*}/lib.sh"

fu-add client "Ana López" --consent >/dev/null
fu-add client "Luis Mora" >/dev/null
fu-add agreement ana "Send the quote for 3 laptops" --due +3d >/dev/null
home=$P
# fresh DIR: the same small portfolio in DIR, which becomes $P.
fresh() {
	P=$1
	fu-add -p "$P" client "Ana López" --consent >/dev/null
	fu-add -p "$P" client "Luis Mora" >/dev/null
	fu-add -p "$P" agreement ana "Send the quote for 3 laptops" --due +3d >/dev/null
}

# journal AGREEMENT-ROW AGREEMENT-ROW LOG-ROW: the journal a fu-log --next killed
# between its two appends leaves (agreements.csv written, log.csv not),
# and the agreement row appended, as the killed run left them.
journal() {
	oa=$(wc -c <"$P/agreements.csv") ol=$(wc -c <"$P/log.csv")
	printf 'fu-journal 1\nagreements.csv 0 %s %s\n%slog.csv 0 %s %s\n%send\n' \
	    "$oa" "${#1}" "$1" "$ol" "${#2}" "$2" >"$P/.fu-journal"
	chmod 600 "$P/.fu-journal"
	printf '%s' "$1" >>"$P/agreements.csv"
}
row="2,1,Call Ana to hear about the quote,2026-11-26,,,2026-11-23,1,,,
"
lrow="1,2026-11-23,1,1,call,kept,10.00,,2,,
"

# 1. Killed between the two appends of fu-log --next, then another program
# (a script, a spreadsheet) appends a log row before any fu writer runs.
# The agreement's tail is still exactly the journal's bytes: readers skip
# it, and the next writer takes it back.  Now every command exits 3 on it
# ("from names log row 1, which is not in the log"), a row the user never
# wrote, and no writer repairs it.
fresh "$tmp/c1"
journal "$row" "$lrow"
oa=$(wc -c <"$P/agreements.csv")
oa=$((oa - ${#row}))
printf '5,2026-11-23,2,,call,signal,,,,late payment,\n' >>"$P/log.csv"
t 0 1 '' fu-due -p "$P" --within 30 -f '{id}'
t 0 '' '' sh -c 'fu-add -p "$1" client "After the crash" >/dev/null' sh "$P"
ok 'the next writer takes back the agreement whose log row never came' \
    test "$(wc -c <"$P/agreements.csv")" = "$oa"
# Today the writer exits 3 and yet removes the journal: the evidence of
# what to take back is gone for good.
ok 'the journal goes only once its rows are taken back' sh -c \
    "test \"\$(wc -c <'$P/agreements.csv')\" = $oa || test -e '$P/.fu-journal'"
ok 'and keeps the row another program appended' \
    sh -c "tail -n 1 '$P/log.csv' | grep -q 'late payment'"
t 0 1 '' fu-due -p "$P" --within 30 -f '{id}'

# 2. The same, but the other program appends to agreements.csv, after the
# journal's row.  Was: the journal dropped, the half-made step open for
# good, and its from naming log row 1, which a later, unrelated contact
# got.  The agreement cannot be cut without the other program's row
# after it, so the next writer makes the commit whole: it appends the log
# row the journal holds.  Until then readers show the tables as they are.
fresh "$tmp/c2"
journal "$row" "$lrow"
printf '9,2,Visit the warehouse with the demo unit,2026-11-27,,,2026-11-23,,,,\n' >>"$P/agreements.csv"
t 0 '1
2
9' '' fu-due -p "$P" --within 30 -f '{id}'
fu-add -p "$P" client "After the crash" >/dev/null 2>&1
t 0 '2
9' '' fu-due -p "$P" --within 30 -f '{id}'
t 0 "${lrow%?}" '' tail -n 1 "$P/log.csv"
ok 'the journal is gone once the commit is whole' test ! -e "$P/.fu-journal"
P=$home

# 3. fu-portfolio(5): "a from that names a row not in log.csv" is
# malformed.  One past the end of the log is read in silence (even with
# no log.csv at all), and later names whatever contact gets that id.
mkdir -p "$tmp/dangling"
chmod 700 "$tmp/dangling"
printf 'id,name\n1,Ana\n' >"$tmp/dangling/clients.csv"
printf 'id,client,what,due,channel,every,made,from\n1,1,Call them about the order,2026-12-01,,,2026-11-20,77\n' \
    >"$tmp/dangling/agreements.csv"
printf 'id,date,client,agreement,channel,outcome,amount,mood,next,note\n' \
    >"$tmp/dangling/log.csv"
t 3 '' 'fu-due: agreements.csv:2: from names log row 77, which is not in the log' \
    fu-due -p "$tmp/dangling" --within 30
rm "$tmp/dangling/log.csv"
t 3 '' 'fu-due: agreements.csv:2: from names log row 77, which is not in the log' \
    fu-due -p "$tmp/dangling" --within 30

# 4. "A command refused with exit status 2 writes nothing: it makes no
# directory, no lock and no saved state."  In a portfolio made by hand,
# or an empty directory, a refusal leaves a .lock.
mkdir -p "$tmp/hand"
chmod 700 "$tmp/hand"
printf 'id,name\n1,Ana\n' >"$tmp/hand/clients.csv"
t 2 '' 'fu-add: no client matches "ghost" (fu-add client NAME adds one)' \
    fu-add -p "$tmp/hand" client Bob --referred-by ghost
t 2 '' 'fu-log: no client matches "nobody" (fu-add client NAME adds one)' \
    fu-log -p "$tmp/hand" nobody --note x
# The lock a refused writer took stays, empty (removing it would break
# the lock of a writer waiting on it: fu-portfolio(5)); nothing else.
ok 'a refusal makes no row in a portfolio made by hand' test "$(ls -A "$tmp/hand" | tr '\n' ' ')" = '.lock clients.csv '
ok 'and the lock is empty' test ! -s "$tmp/hand/.lock"
mkdir -p "$tmp/empty"
chmod 700 "$tmp/empty"
t 2 '' 'fu-add: clients.csv: the new row would not read back (a field is longer than 65536 bytes); nothing was written' \
    fu-add -p "$tmp/empty" client Zed --note "$(head -c 70000 /dev/zero | tr '\0' a)"
ok 'a refusal makes nothing in an empty directory but the lock' test "$(ls -A "$tmp/empty")" = .lock

# 5. A link in place of a file fu makes gets the same clear message as a
# FIFO, not "Too many levels of symbolic links".
ln -s "$tmp/elsewhere" "$P/.fu-journal"
t 4 '' "fu-due: $P/.fu-journal: is not a regular file; fu made no such thing: remove it" fu-due
t 4 '' "fu-add: $P/.fu-journal: is not a regular file; fu made no such thing: remove it" fu-add client Eve
rm "$P/.fu-journal"
mv "$P/.lock" "$tmp/lock"
ln -s "$tmp/elsewhere" "$P/.lock"
t 4 '' "fu-add: $P/.lock: is not a regular file; fu made no such thing: remove it" fu-add client Eve
rm "$P/.lock"
mv "$tmp/lock" "$P/.lock"

# 6. The row is written, then standard output fails: exit 4 and
# "<stdout>: cannot write", as when nothing was written.  A script that
# retries adds the client twice.  The message must say the row is in.
if [ -w /dev/full ]; then
	before=$(wc -l <"$P/clients.csv")
	fu-add client "Bea Soto" >/dev/full 2>"$tmp/stderr"
	ok 'the row is in' test "$(wc -l <"$P/clients.csv")" = $((before + 1))
	ok 'and the message says so' grep -q 'written' "$tmp/stderr"
fi

# 7. "The report over a team's portfolios is so the report over the one
# portfolio that would hold them all": the same portfolio named twice
# (P and P/.) is one portfolio, not two.
# It is refused, as in fu-due (issue 12).
t 2 '' "fu-stats: -p $P and -p $P/. are the same portfolio: give it once" fu-stats -p "$P" -p "$P/."
