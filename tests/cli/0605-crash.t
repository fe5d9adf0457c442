# A crash at every call of a write to two tables (fu-log --signal: an
# agreement, then the log row it names): the portfolio still reads, the
# next writer takes a half-done commit back (lib/write.c, the journal), and
# every agreement names the contact that made it.
. "${0%/*}/lib.sh"

shim=$top/tests/fault/inject.so
# A sanitized build runs with the shim preloaded before its runtime.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
unset FU_FAULT_N FU_FAULT_ERRNO FU_FAULT_CALL FU_FAULT_SHORT FU_FAULT_PERSIST \
    FU_FAULT_KILL FU_FAULT_COUNT FU_FAULT_LOG
if [ ! -f "$shim" ]; then
	echo "$name: skipped: $shim is not built (make test builds it)"
	ok 'the fault shim is built' false
	exit
fi

# Each run starts from a copy: no saved state, so that each makes the
# same calls as the clean run.
export FU_CACHE=0
# walk LABEL: kills fu-log --signal at each call it makes on the portfolio
# in $tmp/before, and checks what the next writer finds.
walk() {
	label=$1
	rm -rf "$P" && cp -a "$tmp/before" "$P"
	# A clean run, to count its calls (the shim appends to its log).
	rm -f "$tmp/trace"
	LD_PRELOAD=$shim FU_FAULT_DIR=$P FU_FAULT_LOG=$tmp/trace \
	    fu-log luis --signal 'late payment' >/dev/null 2>&1
	ok "$label: the clean run writes both tables" grep -q ',late payment,$' "$P/log.csv"
	calls=$(wc -l <"$tmp/trace")
	ok "$label: the clean run makes calls" test "$calls" -gt 10
	whole=0 none=0 n=1
	while [ "$n" -le "$calls" ]; do
		rm -rf "$P" && cp -a "$tmp/before" "$P"
		# (The braces keep the shell's own "Killed" off the output.)
		{ (LD_PRELOAD=$shim FU_FAULT_DIR=$P FU_FAULT_N=$n FU_FAULT_KILL=1 \
		    exec fu-log luis --signal 'late payment') >/dev/null 2>&1; } \
		    2>/dev/null
		rc=$?
		at="$label, call $n: $(sed -n "${n}p" "$tmp/trace" | cut -d' ' -f2-4)"
		ok "$at: killed" test "$rc" = 137
		fu-due -q >/dev/null 2>"$tmp/err"
		rc=$?
		ok "$at: then the portfolio reads" test "$rc" -le 1 -a ! -s "$tmp/err"
		ok "$at: then the next writer" \
		    fu-log ana --next "Call back $n" --due +1d
		ok "$at: then no journal is left" test ! -e "$P/.fu-journal"
		a=$(grep -c ',Act on the warning sign: late payment,' "$P/agreements.csv")
		l=$(grep -c ',late payment,$' "$P/log.csv")
		case $a$l in
		11) whole=$((whole + 1)) ;;
		00) none=$((none + 1)) ;;
		esac
		ok "$at: all of the commit or none ($a agreement, $l log row)" \
		    test "$a" = "$l"
		ok "$at: each agreement names the contact that made it" awk -F, '
		    FNR == NR { if (FNR > 1) note[$1] = $10; next }
		    FNR > 1 && $3 ~ /^Act on the warning sign: / &&
		    note[$8] != substr($3, 26) { exit 1 }' "$P/log.csv" "$P/agreements.csv"
		ok "$at: ids unique" test -z "$(
		    for f in clients agreements log; do
			tail -n +2 "$P/$f.csv" | cut -d, -f1 | sort | uniq -d
		    done)"
		n=$((n + 1))
	done
	echo "$name: $label: $calls calls, each a kill: $whole left the commit whole, $none took it back or never began"
	ok "$label: some kills came before the commit, some after" \
	    test "$whole" -gt 0 -a "$none" -gt 0
}

fu-add client "Ana López" >/dev/null
fu-add client "Luis Mora" >/dev/null
fu-log ana --next "Send the quote" --due +3d >/dev/null
cp -a "$P" "$tmp/before"
walk 'tables there'

# The first agreement and log row of a portfolio: both tables are made.
rm -rf "$tmp/before" "$P"
fu-add client "Ana López" >/dev/null
fu-add client "Luis Mora" >/dev/null
rm "$P/agreements.csv" "$P/log.csv"
cp -a "$P" "$tmp/before"
walk 'tables made'

# What a killed run leaves besides: a table's temporary file (a writer
# removes it under the lock) and a half-saved state (removed once an hour
# old, as another run may be saving one now).
rm -rf "$P"
fu-add client "Ana López" >/dev/null
printf 'id,name\n' >"$P/.fu-tmp-log.csv.AbC123"
printf 'x' >"$P/.fu-tmp-state.OLD123"
touch -d '2 hours ago' "$P/.fu-tmp-state.OLD123"
printf 'x' >"$P/.fu-tmp-state.NEW123"
# The user's own files, named as fu once named its temporary files (a
# sweep took them: issue 17).
for f in .clients.csv.notmine .clients.csv.backup .log.csv.before \
    .agreements.csv.2026v1 .fu-state.backup; do
	printf 'keep' >"$P/$f"
done
ok 'a writer' fu-add client "Luis Mora"
ok 'a writer removes a killed writer'"'"'s temporary table' test ! -e "$P/.fu-tmp-log.csv.AbC123"
for f in .clients.csv.notmine .clients.csv.backup .log.csv.before \
    .agreements.csv.2026v1 .fu-state.backup; do
	ok "and leaves the user's $f alone" test -e "$P/$f"
done
rm -f "$P/.fu-state"
env -u FU_CACHE fu-due -q
ok 'a reader that saves the state' test -s "$P/.fu-state"
ok 'removes a half-saved state an hour old' test ! -e "$P/.fu-tmp-state.OLD123"
ok 'but not a new one' test -e "$P/.fu-tmp-state.NEW123"
ok 'nor the user'"'"'s files' test -e "$P/.fu-state.backup"
# A journal cut short or damaged touched no table: it is only removed.
head -c 300 /dev/urandom >"$P/.fu-journal"
ok 'a damaged journal: the writer goes on' fu-add client "Eva Ruiz"
ok 'and removes it' test ! -e "$P/.fu-journal"
printf 'fu-journal 1\nlog.csv 0 5 900\nid,da' >"$P/.fu-journal"
ok 'a journal cut short: the writer goes on' fu-add client "Tom Hill"
ok 'and removes it' test ! -e "$P/.fu-journal"
ok 'the clients are all there' test "$(tail -n +2 "$P/clients.csv" | wc -l)" = 4
