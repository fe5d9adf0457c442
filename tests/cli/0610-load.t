# Load (SPEC 7, "Nothing is lost"): 8 writers run 200 fu-add and fu-log
# each on one portfolio at once while readers loop: every row lands, ids are
# unique, the files parse, and no reader fails or sees half a row.  Then a
# lock held by another process is waited for a bounded time.
. "${0%/*}/lib.sh"

W=8 RUNS=200
# Under the sanitizers (make check's second pass) each run costs ten times
# the CPU, and the lock makes the runs one at a time: fewer runs there.
if grep -q __asan_init "$top/fu-add" 2>/dev/null; then
	RUNS=20
	echo "$name: sanitized build: $W writers x $RUNS runs; the plain build runs $W x 200"
fi
export FU_LOCK_TIMEOUT=120
holdlock=$top/tests/fault/holdlock

i=1
while [ $i -le $W ]; do
	fu-add client "Writer $i" >/dev/null
	i=$((i + 1))
done

# Writer W: an agreement, then a contact that keeps it and says why there
# is no next step (two log rows), RUNS/2 times.
writer() {
	w=$1 j=1
	while [ $j -le $RUNS ]; do
		if [ $((j % 2)) = 1 ]; then
			id=$(fu-add agreement "$w" "Step $w.$j" --due +7d \
			    2>>"$tmp/err.$w") ||
			    echo "writer $w, run $j: fu-add exit $?" >>"$tmp/failed"
		else
			fu-log "$w" -a "$id" --note "Contact $w.$j" \
			    --no-next "Done $w.$j" \
			    >>"$tmp/out.$w" 2>>"$tmp/err.$w" ||
			    echo "writer $w, run $j: fu-log exit $?" >>"$tmp/failed"
		fi
		j=$((j + 1))
	done
}

# A reader loops until the writers are done; it must never fail, and
# what it prints must be whole rows (10 fields a line in TSV).  It pauses
# 20 ms between passes, on a FIFO no one writes: no process for that.
mkfifo "$tmp/never"
tab=$(printf '\t')
reader() {
	n=0
	exec 9<>"$tmp/never"
	while [ ! -e "$tmp/done" ]; do
		fu-due --within 30 --tsv >"$tmp/r.$1" 2>>"$tmp/rerr.$1"
		rc=$?
		[ $rc -le 1 ] || echo "fu-due exit $rc" >>"$tmp/rfailed"
		while IFS= read -r line; do
			tabs=${line//[!$tab]/}
			[ ${#tabs} = 10 ] ||
			    echo "fu-due printed a broken row: $line" >>"$tmp/rfailed"
		done <"$tmp/r.$1"
		if [ -x "$top/fu-stats" ]; then
			fu-stats >/dev/null 2>>"$tmp/rerr.$1" ||
			    echo "fu-stats exit $?" >>"$tmp/rfailed"
		fi
		n=$((n + 1))
		read -r -t 0.02 -u 9
	done
	echo $n >"$tmp/reads.$1"
}

start=$(date +%s)
reader 1 &
r1=$!
reader 2 &
r2=$!
pids=
i=1
while [ $i -le $W ]; do
	writer $i &
	pids="$pids $!"
	i=$((i + 1))
done
wait $pids
touch "$tmp/done"
wait $r1 $r2
elapsed=$(($(date +%s) - start))
reads=$(($(cat "$tmp/reads.1") + $(cat "$tmp/reads.2")))

rows() { tail -n +2 "$P/$1" | wc -l; }
ids() { tail -n +2 "$P/$1" | cut -d, -f1; }
ok 'no writer failed' test ! -s "$tmp/failed"
ok 'writers printed no error' test -z "$(cat "$tmp"/err.*)"
ok 'no reader failed' test ! -s "$tmp/rfailed"
ok 'readers printed no error' test -z "$(cat "$tmp"/rerr.*)"
ok 'the readers read while the writers wrote' test "$reads" -ge 2
ok "$((W * RUNS / 2)) agreements" test "$(rows agreements.csv)" -eq $((W * RUNS / 2))
ok "$((W * RUNS)) log rows" test "$(rows log.csv)" -eq $((W * RUNS))
ok 'agreement ids unique' test -z "$(ids agreements.csv | sort | uniq -d)"
ok 'log ids unique' test -z "$(ids log.csv | sort | uniq -d)"
ok "agreement ids 1..$((W * RUNS / 2))" test "$(ids agreements.csv | sort -n | tail -n 1)" -eq $((W * RUNS / 2))
ok "log ids 1..$((W * RUNS))" test "$(ids log.csv | sort -n | tail -n 1)" -eq $((W * RUNS))
ok 'every step landed once' test "$(grep -c ',Step [0-9]*\.[0-9]*,' "$P/agreements.csv")" -eq $((W * RUNS / 2)) -a \
    -z "$(grep -o 'Step [0-9]*\.[0-9]*' "$P/agreements.csv" | sort | uniq -d)"
ok 'every contact landed once' test "$(grep -c ',kept,.*,Contact [0-9]*\.[0-9]*,$' "$P/log.csv")" -eq $((W * RUNS / 2)) -a \
    -z "$(grep -o 'Contact [0-9]*\.[0-9]*' "$P/log.csv" | sort | uniq -d)"
ok 'and its reason once' test "$(grep -c ',no-next,.*,Done [0-9]*\.[0-9]*,$' "$P/log.csv")" -eq $((W * RUNS / 2)) -a \
    -z "$(grep -o 'Done [0-9]*\.[0-9]*' "$P/log.csv" | sort | uniq -d)"
# Every agreement was kept: nothing is due, and the portfolio reads.
t 1 '' '' fu-due --within 30
# About 25 s of CPU on two idle cores; the bound only catches a hang or a
# lock that starves its waiters, not a busy machine.
ok "no writer starved (took ${elapsed}s)" test "$elapsed" -lt 300
echo "$name: $W writers x $RUNS runs, $((W * RUNS)) rows in ${elapsed}s; $reads reader passes"

# A lock held by another process is waited for a bounded time, then the
# command gives up with exit 4 and names the lock file.
ok 'holdlock is built (make tests/fault/holdlock)' test -x "$holdlock"
held() {	# held SECONDS [shared]: holds the lock in the background
	rm -f "$tmp/held"
	"$holdlock" "$P" "$@" >"$tmp/held" &
	holder=$!
	k=0
	while [ ! -s "$tmp/held" ] && [ $k -lt 500 ]; do
		sleep 0.01
		k=$((k + 1))
	done
}
# timed STATUS STDERR CMD...: as t, and it took between 1 and 5 seconds.
timed() {
	a=$(date +%s%N)
	t "$1" '' "$2" env FU_LOCK_TIMEOUT=1 "${@:3}"
	ms=$((($(date +%s%N) - a) / 1000000))
	ok "$3 gave up after about a second (${ms} ms)" test "$ms" -ge 900 -a "$ms" -lt 5000
}
wait_msg="another fu command has held the portfolio for 1 second; try again later"
cp -a "$P" "$tmp/before"
held 30
timed 4 "fu-add: $P/.lock: $wait_msg" fu-add client Late
timed 4 "fu-log: $P/.lock: $wait_msg" fu-log 1 --signal 'late payment'
timed 4 "fu-due: $P/.lock: $wait_msg" fu-due
# One second is singular, more are plural.
t 4 '' "fu-due: $P/.lock: another fu command has held the portfolio for 2 seconds; try again later" env FU_LOCK_TIMEOUT=2 fu-due
kill "$holder"
wait "$holder" 2>/dev/null
ok 'nothing was written while the lock was held' diff -r -x .lock "$tmp/before" "$P"
held 30 shared
timed 4 "fu-add: $P/.lock: $wait_msg" fu-add client Late
t 1 '' '' env FU_LOCK_TIMEOUT=1 fu-due
kill "$holder"
wait "$holder" 2>/dev/null
# A lock let go within the wait is taken.
held 1
t 0 "$((W + 1))" '' env FU_LOCK_TIMEOUT=10 fu-add client Patient
wait "$holder"
