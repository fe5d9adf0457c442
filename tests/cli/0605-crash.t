# A crash at every call of a write to two tables (fu-log --signal: an
# agreement, then the log row it names): the portfolio still reads, the
# next writer takes a half-done commit back (lib/write.c, the journal), and
# every agreement names the contact that made it.
. "${0%/*}/lib.sh"

shim=$top/tests/fault/inject.so
if [ ! -f "$shim" ]; then
	echo "$name: skipped: $shim is not built (make test builds it)"
	ok 'the fault shim is built' false
	exit
fi

# Each run starts from a copy: no saved state, so that each makes the
# same calls as the clean run.
export FU_CACHE=0
fu-add client "Ana López" >/dev/null
fu-add client "Luis Mora" >/dev/null
fu-log ana --next "Send the quote" --due +3d >/dev/null
cp -a "$P" "$tmp/before"

# A clean run, to count its calls.
LD_PRELOAD=$shim FU_FAULT_DIR=$P FU_FAULT_LOG=$tmp/trace \
    fu-log luis --signal 'late payment' >/dev/null 2>&1
ok 'the clean run writes both tables' grep -q ',late payment$' "$P/log.csv"
calls=$(wc -l <"$tmp/trace")
ok 'the clean run makes calls' test "$calls" -gt 10

whole=0 none=0 n=1
while [ "$n" -le "$calls" ]; do
	rm -rf "$P" && cp -a "$tmp/before" "$P"
	# (The braces keep the shell's own "Killed" off the output.)
	{ (LD_PRELOAD=$shim FU_FAULT_DIR=$P FU_FAULT_N=$n FU_FAULT_KILL=1 \
	    exec fu-log luis --signal 'late payment') >/dev/null 2>&1; } \
	    2>/dev/null
	rc=$?
	at=$(sed -n "${n}p" "$tmp/trace" | cut -d' ' -f2-4)
	ok "killed at call $n ($at)" test "$rc" = 137
	fu-due -q >/dev/null 2>"$tmp/err"
	rc=$?
	ok "after a kill at call $n ($at): the portfolio reads" \
	    test "$rc" -le 1 -a ! -s "$tmp/err"
	ok "after a kill at call $n ($at): the next writer" \
	    fu-log ana --note "after $n"
	ok "after a kill at call $n ($at): no journal is left" \
	    test ! -e "$P/.fu-journal"
	a=$(grep -c ',Act on the warning sign: late payment,' "$P/agreements.csv")
	l=$(grep -c ',late payment$' "$P/log.csv")
	case $a$l in
	11) whole=$((whole + 1)) ;;
	00) none=$((none + 1)) ;;
	esac
	ok "after a kill at call $n ($at): all of the commit or none ($a agreement, $l log row)" \
	    test "$a" = "$l"
	ok "after a kill at call $n ($at): each agreement names the contact that made it" \
	    awk -F, '
	    FNR == NR { if (FNR > 1) note[$1] = $NF; next }
	    FNR > 1 && $3 ~ /^Act on the warning sign: / &&
	    note[$8] != substr($3, 26) { exit 1 }' "$P/log.csv" "$P/agreements.csv"
	ok "after a kill at call $n ($at): ids unique" test -z "$(
	    for f in clients agreements log; do
		tail -n +2 "$P/$f.csv" | cut -d, -f1 | sort | uniq -d
	    done)"
	n=$((n + 1))
done
echo "$name: $calls calls, each a kill: $whole left the commit whole, $none took it back or never began"
ok 'some kills came before the commit, some after' test "$whole" -gt 0 -a "$none" -gt 0
