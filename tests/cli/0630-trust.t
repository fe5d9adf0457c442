# Trust (issue 17): fu never writes what it cannot read back, a write cut
# short is taken back, the files fu makes cannot be slipped in by others,
# a refusal writes nothing, what is shown is safe to show, and no sum is
# wrong.  Each case failed before its fix; the saved state's own cases are
# 0800-cache.t and 0810-cache-adversary.t.
. "${0%/*}/lib.sh"

long=$(head -c 70000 /dev/zero | tr '\0' a)
fu-add client "Ana López" --consent >/dev/null
fu-add client "Luis Mora" >/dev/null
fu-add agreement ana "Send the quote for 3 laptops" --due +3d >/dev/null
snap() { cp -p "$P"/*.csv "$tmp/" && for f in "$P"/*.csv; do cp "$f" "$tmp/was.${f##*/}"; done; }
same() { for f in "$P"/*.csv; do cmp -s "$f" "$tmp/was.${f##*/}" || return 1; done; }

# 1. The writer writes nothing the reader refuses.
snap
t 2 '' 'fu-add: clients.csv: the new row would not read back (a field is longer than 65536 bytes); nothing was written' \
    fu-add client Zed --note "$long"
t 2 '' 'fu-add: agreements.csv: the new row would not read back (a field is longer than 65536 bytes); nothing was written' \
    fu-add agreement ana "Send $long" --due +3d
t 2 '' 'fu-log: log.csv: the new row would not read back (a field is longer than 65536 bytes); nothing was written' \
    fu-log ana --note "$long" --next "Call Ana about the order" --due +3d
ok 'too long: nothing written' same
t 0 '' '' fu-due --within 30 -q
# Text fu makes itself is never cut, so never in the middle of a character.
sig=$(printf 'x%.0s' $(seq 485))ééééééééééééééééééé
t 0 2 '' fu-log luis --signal "$sig"
t 0 "Act on the warning sign: $sig" '' fu-due --client luis -f '{what}'
ref=$(printf 'R%.0s' $(seq 505))ñ
rid=$(fu-add client "$ref")
t 0 '' '' fu-log luis --referral "$rid"
t 0 "referred $ref ($rid)" '' sh -c "tail -n 1 '$P/log.csv' | cut -d, -f10"
t 0 '' '' fu-due -q
# The largest id there is: no next one.
mkdir -p "$tmp/full"
printf 'id,name\n9223372036854775807,Max\n' >"$tmp/full/clients.csv"
chmod 700 "$tmp/full"
t 4 '' 'fu-add: clients.csv: id 9223372036854775807, the largest there is, is taken: no id is left for a new row' \
    fu-add -p "$tmp/full" client Zed
t 0 'id,name
9223372036854775807,Max' '' cat "$tmp/full/clients.csv"

# 7. What the user typed is kept, or refused: never dropped.
mkdir -p "$tmp/narrow"
chmod 700 "$tmp/narrow"
printf 'id,name\n1,Ana\n2,Bob\n' >"$tmp/narrow/clients.csv"
t 2 '' 'fu-add: clients.csv has no column for company, birthday, consent: add each (its name on the first line and a field on every row, as a spreadsheet does; fu never rewrites the file), or leave those values out' \
    fu-add -p "$tmp/narrow" client Carl --consent --company Xco --birthday 12-01
t 0 3 '' fu-add -p "$tmp/narrow" client Carl
t 0 'id,name
1,Ana
2,Bob
3,Carl' '' cat "$tmp/narrow/clients.csv"
t 2 '' "fu-add: the client's name is empty" fu-add client '   '
t 0 3 '' fu-add agreement luis 'Send the order form' --due +0d
printf 'id,name,favourite colour\n1,Ana,blue\n2,Bob,\377\n' >"$tmp/narrow/clients.csv"
t 3 '' 'fu-due: clients.csv:3: column "favourite colour" is not valid UTF-8' fu-due -p "$tmp/narrow"

# 2. A write past ulimit -f fails like a full disk, and is taken back.
fu-add client Padding --note "$(head -c 3000 /dev/zero | tr '\0' p)" >/dev/null
snap
size=$(wc -c <"$P/clients.csv")
t 4 '' 'fu-add: clients.csv: cannot append: File too large; nothing was written' \
    bash -c "ulimit -f $(( size / 1024 )); exec fu-add client Big"
ok 'EFBIG: nothing written' same
ok 'no journal left' test ! -e "$P/.fu-journal"
# The journal takes back a row cut short, whatever command comes next.
tail -c 40 "$P/log.csv" >"$tmp/tail"
old=$(wc -c <"$P/log.csv")
{ printf 'fu-journal 1\nlog.csv 0 %s 40\n' "$old"; cat "$tmp/tail"; printf 'end\n'; } >"$P/.fu-journal"
head -c 17 "$tmp/tail" >>"$P/log.csv"
t 0 '' '' fu-due -q
ok 'a reader does not read the cut row, nor touch it' test "$(wc -c <"$P/log.csv")" = $((old + 17))
t 0 '' '' sh -c 'fu-add client "After the crash" >/dev/null'
ok 'the next writer cuts it off' test "$(wc -c <"$P/log.csv")" = "$old"
ok 'and removes the journal' test ! -e "$P/.fu-journal"
# A reader whose saved state cannot be written under the limit answers,
# and leaves no half-written copy.
rm -f "$P/.fu-state"
t 0 '' '' sh -c 'ulimit -f 1; exec fu-due -q'
ok 'no temporary state left' sh -c "! ls -a '$P' | grep -q fu-tmp"

# 8. A commit a killed writer left half done is not read: the agreement
# whose log row never came is not listed.
oa=$(wc -c <"$P/agreements.csv") ol=$(wc -c <"$P/log.csv")
row="9,1,Visit the warehouse with the demo unit,2026-11-23,,,2026-11-23,99
"
lrow="99,2026-11-23,1,,visit,,,,9,
"
{ printf 'fu-journal 1\nagreements.csv 0 %s %s\n%slog.csv 0 %s %s\n%send\n' \
    "$oa" "${#row}" "$row" "$ol" "${#lrow}" "$lrow"; } >"$P/.fu-journal"
printf '%s' "$row" >>"$P/agreements.csv"
ok 'the half-made step is not listed' sh -c "! fu-due --within 30 | grep -q warehouse"
fu-add client 'Next writer' >/dev/null
ok 'the next writer takes it back' test "$(wc -c <"$P/agreements.csv")" = "$oa"

# 4. Files fu makes are fu's: no FIFO hangs it, no one else's is used.
mkfifo "$P/.fu-journal"
t 4 '' "fu-due: $P/.fu-journal: is not a regular file; fu made no such thing: remove it" timeout 10 fu-due
t 4 '' "fu-add: $P/.fu-journal: is not a regular file; fu made no such thing: remove it" timeout 10 fu-add client Eve
rm "$P/.fu-journal"
mv "$P/.lock" "$tmp/lock"
mkfifo "$P/.lock"
t 4 '' "fu-due: $P/.lock: is not a regular file; fu made no such thing: remove it" timeout 10 fu-due
t 4 '' "fu-add: $P/.lock: is not a regular file; fu made no such thing: remove it" timeout 10 fu-add client Eve
rm "$P/.lock"
mv "$tmp/lock" "$P/.lock"
rm -f "$P/.fu-state"
mkfifo "$P/.fu-state"
t 0 '' '' timeout 10 fu-due -q
rm -f "$P/.fu-state"
if [ "$(id -u)" = 0 ]; then
	# A journal someone else made: never read, never trusted.
	printf 'fu-journal 1\nend\n' >"$P/.fu-journal"
	chown nobody "$P/.fu-journal"
	t 4 '' "fu-add: $P/.fu-journal: belongs to another user; fu will not use it: remove it" fu-add client Eve
	rm -f "$P/.fu-journal"
fi
# A directory others can write is refused for writing, warned about for
# reading.
chmod 770 "$P"
t 4 '' "fu-add: $P: can be written by others (mode 0770): they could read and change what fu writes; make it yours alone with chmod 700 $P" fu-add client Eve
t 0 '' "fu-due: warning: $P can be written by others (mode 0770): make it yours alone with chmod 700 $P" fu-due -q
chmod 700 "$P"

# 5. A refusal writes nothing: no directory, no lock, no saved state.
t 2 '' 'fu-add: no client matches "ghost" (fu-add client NAME adds one)' fu-add -p "$tmp/a/b" client X --referred-by ghost
ok 'nothing made for a refusal' test ! -e "$tmp/a"
mkdir "$tmp/notes"
t 1 '' '' fu-due -p "$tmp/notes"
ok 'a reader makes nothing where there is no table' test -z "$(ls -A "$tmp/notes")"
snap
rm -f "$P/.fu-state"
t 2 '' 'fu-log: no client matches "nobody" (fu-add client NAME adds one)' fu-log nobody
ok 'a writer that refuses saves no state' test ! -e "$P/.fu-state"

# 6. Exports a spreadsheet opens run nothing; a terminal obeys no name.
fu-add client '=HYPERLINK("http://x","y")' --stage '+cmd' >/dev/null
id=$(fu-add client '@SUM(A1)')
fu-add agreement --due +1d -- "$id" "-cmd: send the price list" >/dev/null
t 0 "'@SUM(A1),'-cmd: send the price list" '' sh -c 'fu-due --within 3 --csv | grep SUM | cut -d, -f3,4'
t 0 '@SUM(A1),-cmd: send the price list' '' sh -c 'fu-due --within 3 --csv --raw | grep SUM | cut -d, -f3,4'
t 0 "'@SUM(A1)	'-cmd: send the price list" '' sh -c 'fu-due --within 3 --tsv | grep SUM | cut -f3,4'
t 0 "'+cmd" '' sh -c "fu-stats --by stage --csv | cut -d, -f1 | grep cmd"
printf '99,Evil\033]0;PWNED\007 \033[2JName\b\b,,,,2026-01-01,,,,,,,\n' >>"$P/clients.csv"
aid=$(fu-add agreement 99 'Send the signed order' --due +1d)
t 0 'Evil?]0;PWNED? ?[2JName??' '' sh -c "fu-due --within 3 | grep -o 'Evil[^ ]* [^ ]*'"
t 2 '' "fu-log: agreement 1 is not an open agreement of Evil?]0;PWNED? ?[2JName??; the open ones:
  -a $aid	Send the signed order (due 2026-11-24)" fu-log 99 -a 1

# 7. A sum that would overflow is refused, not printed wrong.
mkdir -p "$tmp/rich"
chmod 700 "$tmp/rich"
printf 'id,name\n1,Rich\n' >"$tmp/rich/clients.csv"
awk 'BEGIN { print "id,date,client,amount"; for (i = 1; i <= 100000; i++) print i ",2026-11-02,1,999999999999.99" }' >"$tmp/rich/log.csv"
t 3 '' 'fu-stats: log.csv:92235: the amounts add up to more than 92233720368547758.07, more than fu can count' fu-stats -p "$tmp/rich"

# 9. A field far past the limit is refused as it grows, not once it is all
# in memory (the sanitizers reserve more address space than any limit).
if ! grep -q __asan_init "$top/fu-due" 2>/dev/null; then
	mkdir -p "$tmp/huge"
	chmod 700 "$tmp/huge"
	{ printf 'id,name\n1,Ana\n2,"'; head -c 100000000 /dev/zero | tr '\0' x; printf '"\n'; } >"$tmp/huge/clients.csv"
	t 3 '' 'fu-due: clients.csv:3: a field is longer than 65536 bytes' sh -c 'ulimit -v 60000; exec fu-due -p "$1"' sh "$tmp/huge"
fi
