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
