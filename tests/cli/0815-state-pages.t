# A saved state large enough that its records' pages are given back as
# they are copied (lib/cache.c): what the process maps afterwards must
# survive the state being freed.  Unmapping those pages let a later
# mapping (the table being printed) land in the hole, and freeing the
# state unmapped it under the printer: fu-due --stale 90 with the saved
# state crashed at 50,000 clients.
. "${0%/*}/lib.sh"

gen=$top/tests/bench/gen
ok 'the generator is built (make tests/bench/gen)' test -x "$gen"
[ -x "$gen" ] || exit
# The parts of a table are not what is tested here: one parser.
export FU_PIPE_MIN=1048576
P=$tmp/big FU_PORTFOLIO=$tmp/big
"$gen" "$P" 50000 10 >/dev/null 2>&1
ok 'a portfolio of 50,000 clients' test -s "$P/log.csv"
fu-due >/dev/null
ok 'its state is saved' test -s "$P/.fu-state"
answer() { fu-due "$@" | cksum; echo "exit ${PIPESTATUS[0]}"; }
for q in "--stale 90" "" "--adrift" "--within 30" "--tsv --stale 0"; do
	want=$(FU_CACHE=0 answer $q)
	t 0 "$want" '' answer $q
done

# Saving the state reads back what it wrote, to seal it: a window at a
# time, not mapped whole, which put the whole file on top of the run's
# peak (at 1M clients, 986 MB for the first run against 577 MB for a
# full scan).  The first run's peak stays within half the state's size
# of a full scan's.  A sanitized build's memory is its own: not here.
py=$(command -v python3)
if grep -q __asan_init "$top/fu-due" 2>/dev/null || [ -z "$py" ]; then
	echo "$name: the peak memory is not measured (a sanitized build, or" \
	    "no python3 to measure it)"
else
	peak() {
		"$py" -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$@"
	}
	full=$(FU_CACHE=0 peak fu-due)
	rm -f "$P/.fu-state"
	first=$(peak fu-due)
	size=$(($(wc -c < "$P/.fu-state") / 1024))
	echo "$name: peak $full KB for a full scan, $first KB for the run" \
	    "that saves a state of $size KB"
	ok 'the run that saves the state peaks near a full scan' \
	    test "$first" -lt $((full + size / 2))
	t 0 "$(FU_CACHE=0 answer --stale 90)" '' answer --stale 90
fi
