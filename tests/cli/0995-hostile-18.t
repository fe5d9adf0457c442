# The changes of e86310a, 8a1d0e6 and 0a53774, attacked: the state pass
# is shown each row before it takes it (a hint that only prefetches),
# the text table keeps each cell's bytes and columns in 16 bits, and the
# saved state's text block is written by a second walk of the records and
# sealed by reading the file back.  None of it may change an answer: every
# path of the scan answers as one parser does, the text table is as wide
# as its widest cell whatever its size, and a save cut anywhere leaves no
# state and no temporary file, and the next run the same answer.
. "${0%/*}/lib.sh"

unset FU_CACHE FU_THREADS FU_PIPE_MIN
hc='id,name,company,email,phone,since,birthday,anniversary,referred_by,consent,stage,tags,note'
ha='id,client,what,due,channel,every,made,from'
hl='id,date,client,agreement,channel,outcome,amount,mood,next,note'
answer() { "$@" 2>&1; echo "exit $?"; }

# 1. Ids not dense: clients 5, n * 1000000007, 2^63 - 2 and 2^63 - 1;
# agreements past 2^26 and 2^32, the last 2^63 - 1; a chain of agreements
# each kept by the next contact, some moved or broken, events with no
# agreement, contacts with no next step.  4,829 log rows: the pipe's
# batches of 4,096 rows are crossed, and parts of a row or two (FU_PIPE_MIN
# 0) or of some tens (4096) are read on several threads.
cat >"$tmp/mk.awk" <<'EOF'
function cid(c) {
	if (c == 1) return "5"
	if (c == n) return "9223372036854775807"
	if (c == n - 1) return "9223372036854775806"
	return sprintf("%.0f", c * 1000000007)
}
function aid(k) {
	if (k < 50) return k
	if (k == n * R) return "9223372036854775807"
	return sprintf("1099511%012d", k)
}
function day(r) { return sprintf("2025-%02d-%02d", 1 + int((r - 1) / 3), 1 + ((r - 1) % 3) * 9) }
BEGIN {
	print hc >C
	print ha >A
	print hl >L
	for (c = 1; c <= n; c++)
		printf "%s,Client %d \303\251,,,,2024-01-01,,,,yes,,,\n", cid(c), c >C
	l = 0
	for (r = 1; r <= R; r++)
		for (c = 1; c <= n; c++) {
			k = (r - 1) * n + c
			if (c % 7 == 0 && r == 5) {
				l++
				printf "%d,%s,%s,,call,signal,,,,\"late, again\"\n", l, day(r), cid(c) >L
			}
			l++
			o = r == 1 ? "" : c % 13 == 0 && r == 10 ? "moved" : c % 17 == 0 && r == 6 ? "broken" : "kept"
			if (c % 11 == 0 && r == R) {
				printf "%d,%s,%s,%s,call,kept,,,,\"no\nnext\"\n", l, day(r), cid(c), aid(k - n) >L
				continue
			}
			printf "%d,%s,%s,%s,call,%s,,,%s,note %d\n", l, day(r), cid(c), (r > 1 ? aid(k - n) : ""), o, aid(k), l >L
			printf "%s,%s,\"Step %d, \"\"%d\"\"\",%s,call,,%s,%d\n", aid(k), cid(c), r, c, day(r + 1), day(r), l >A
		}
}
EOF
mkdir -m 700 "$P"
awk -v n=200 -v R=24 -v hc="$hc" -v ha="$ha" -v hl="$hl" \
    -v C="$P/clients.csv" -v A="$P/agreements.csv" -v L="$P/log.csv" \
    -f "$tmp/mk.awk"
ok 'the log crosses a batch of 4,096 rows' test "$(wc -l <"$P/log.csv")" -gt 4097
paths="FU_PIPE_MIN=0:FU_THREADS=1 FU_PIPE_MIN=0:FU_THREADS=2
FU_PIPE_MIN=0:FU_THREADS=3 FU_PIPE_MIN=0:FU_THREADS=8
FU_PIPE_MIN=4096:FU_THREADS=2 FU_PIPE_MIN=4096:FU_THREADS=5"
queries='fu-due|fu-due --stale 90|fu-due --adrift|fu-stats --month 2025-04|fu-due --slipped 1 --tsv'
# every QUERY...: each path answers as one parser, with no state.
every() {
	want=$(FU_CACHE=0 FU_THREADS=1 answer "$@")
	for path in $paths; do
		t 0 "$want" '' answer env FU_CACHE=0 ${path%%:*} ${path#*:} "$@"
	done
}
IFS='|'
for q in $queries; do
	IFS=' '
	every $q
done
IFS=' '
ok 'the answer names the last client' sh -c 'fu-due --tsv | grep -q "	9223372036854775807	"'

# With a saved state: the run that saves it and the run that loads it
# answer as a full scan, on every path.
for path in "FU_PIPE_MIN=0:FU_THREADS=1" "FU_PIPE_MIN=0:FU_THREADS=3"; do
	IFS='|'
	for q in $queries; do
		IFS=' '
		want=$(FU_CACHE=0 FU_THREADS=1 answer $q)
		rm -f "$P/.fu-state"
		t 0 "$want" '' answer env ${path%%:*} ${path#*:} $q
		t 0 "$want" '' answer env ${path%%:*} ${path#*:} $q
	done
	IFS=' '
done
# Rows appended to a saved state, by the tools and by hand (no id is
# left for a new agreement: the last is 2^63 - 1), and a hand edit before
# it.
fu-due >/dev/null
ok 'fu-log appends to a saved state' fu-log 5 -a 1099511000000004601 -o kept \
    --channel call --date 2025-09-01 --no-next 'done, "quoted"'
echo '1099511999999999999,5,"by hand, late",2026-01-01,call,,2025-09-02,' \
    >>"$P/agreements.csv"
IFS='|'
for q in $queries; do
	IFS=' '
	want=$(FU_CACHE=0 FU_THREADS=1 answer $q)
	t 0 "$want" '' answer env FU_PIPE_MIN=0 FU_THREADS=3 $q
	t 0 "$want" '' answer $q
done
IFS=' '
sed 's/^5,Client 1 /5,Cliente 1/' "$P/clients.csv" \
    >"$tmp/c" && cat "$tmp/c" >"$P/clients.csv"
want=$(FU_CACHE=0 answer fu-due --stale 90)
t 0 "$want" '' answer fu-due --stale 90
ok 'the hand edit is seen' sh -c 'fu-due --stale 90 | grep -q "^Cliente 1"'

# Rows that stop the read at the edges of a batch and of a part: each
# path tells the first, as one parser does.
cp -p "$P"/*.csv "$tmp/"
for line in 4096 4097 4098 4829; do
	for row in '99,2025-01-01,5,,call,,,,,x,extra' \
	    "99,2025-01-01,5,,call,,,,,$(printf 'bad \377 utf8')" \
	    '99,2025-01-01,18446744073709551615,,call,,,,,x' \
	    '99,2025-01-01,5,99999999999999999999,call,kept,,,,x' \
	    '99,2025-01-01,5,9223372036854775807,call,kept,,,,x' \
	    '99,2025-01-01,12345,,call,,,,,x'; do
		awk -v L="$line" -v R="$row" 'NR == L { print R; next } { print }' \
		    "$tmp/log.csv" >"$P/log.csv"
		rm -f "$P/.fu-state"
		want=$(FU_CACHE=0 FU_THREADS=1 answer fu-due)
		for path in "FU_PIPE_MIN=0:FU_THREADS=1" \
		    "FU_PIPE_MIN=0:FU_THREADS=4"; do
			t 0 "$want" '' answer env ${path%%:*} ${path#*:} fu-due
		done
	done
done
cp -p "$tmp"/*.csv "$P/"

# 2. The text table: cells of 65,534 to 65,536 bytes, of one, two and
# three bytes a character (a 16-bit size holds 65,534 at most; a cell of
# more is measured again), each row as wide as the widest cell.
Q=$tmp/q
mkdir -m 700 "$Q"
{
	echo "$hc"
	i=0
	for spec in a:65534 b:65535 c:65536 é:65535 é:65536 中:65535 中:65534; do
		i=$((i + 1))
		u=${spec%%:*} nb=${spec#*:}
		ub=$(printf %s "$u" | wc -c)
		k=$((nb / ub)) r=$((nb % ub))
		printf '%d,%s%s,,,,2024-01-01,,,,yes,,,\n' $i \
		    "$(head -c $k /dev/zero | tr '\0' x | sed "s/x/$u/g")" \
		    "$(head -c $r /dev/zero | tr '\0' z)"
	done
	echo '8,Bo,,,,2024-01-01,,,,yes,,,'
} >"$Q/clients.csv"
{
	echo "$ha"
	for i in 1 2 3 4 5 6 7 8; do
		echo "$i,$i,w$i,2026-11-0$i,call,,2026-01-01,"
	done
} >"$Q/agreements.csv"
echo "$hl" >"$Q/log.csv"
# Each line's bytes: 22 before CLIENT, its 65,536 columns and two spaces,
# then "w1    call      1"; é is two bytes a column, 中 three bytes two.
t 0 '65577 65577 65577 65577 98344 98345 87422 87421 65577' '' \
    sh -c 'fu-due -p "$1" | LC_ALL=C awk "{ printf \"%s%d\", (NR > 1 ? \" \" : \"\"), length(\$0) } END { print \"\" }"' sh "$Q"
# On a terminal of 60 columns, CLIENT is cut with an ellipsis (where
# script(1) can open one: a container may have no pseudo-terminals).
if command -v script >/dev/null 2>&1 &&
    script -qec 'test -t 1' /dev/null >/dev/null 2>&1; then
	E=$(printf '\342\200\246')
	COLUMNS=60 TERM=xterm script -qec "fu-due -p '$Q' --color never" \
	    /dev/null | tr -d '\r' >"$tmp/tty"
	t 0 "DUE         WHEN      CLIENT               WHAT  CHANNEL  ID
2026-11-01  22d late  aaaaaaaaaaaaaaaaaa$E  w1    call      1
2026-11-02  21d late  bbbbbbbbbbbbbbbbbb$E  w2    call      2
2026-11-03  20d late  cccccccccccccccccc$E  w3    call      3
2026-11-04  19d late  éééééééééééééééééé$E  w4    call      4
2026-11-05  18d late  éééééééééééééééééé$E  w5    call      5
2026-11-06  17d late  中中中中中中中中中$E  w6    call      6
2026-11-07  16d late  中中中中中中中中中$E  w7    call      7
2026-11-08  15d late  Bo                   w8    call      8" '' cat "$tmp/tty"
else
	echo "$name: script(1) is not installed or opens no terminal here:" \
	    "the cut on a terminal is not tried"
fi

# 3. The save cut by the file size limit (SIGXFSZ is ignored: a write
# fails) in the records, in the text block and after it: no state, no
# temporary file, the same answer; and two runs saving at once.
rm -f "$P/.fu-state"
want=$(FU_CACHE=0 answer fu-due --stale 0)
fu-due >/dev/null
size=$(wc -c <"$P/.fu-state")
text=$(grep -boa 'Client 2 é' "$P/.fu-state" | head -n 1)
text=${text%%:*}
ok 'the text block is found' test "${text:-0}" -gt 1024
for kb in 1 $((text / 1024 - 1)) $((text / 1024 + 1)) $((text / 1024 + 4)) \
    $((size / 1024 - 1)); do
	rm -f "$P/.fu-state"
	# Into a pipe: a file would be cut too.
	got=$(sh -c 'ulimit -f "$1"; fu-due --stale 0 2>&1; echo "exit $?"' sh "$kb")
	t 0 "$want" '' printf '%s\n' "$got"
	t 0 '' '' sh -c 'ls -A "$1" | grep -v "\.csv$" | grep -v "^\.lock$"; true' sh "$P"
	t 0 "$want" '' answer fu-due --stale 0
done
rm -f "$P/.fu-state"
fu-due --stale 0 >"$tmp/a1" 2>&1 &
fu-due --stale 0 >"$tmp/a2" 2>&1 &
wait
t 0 "$want" '' sh -c 'cat "$1"; echo "exit 0"' sh "$tmp/a1"
t 0 "$want" '' sh -c 'cat "$1"; echo "exit 0"' sh "$tmp/a2"
t 0 "$want" '' answer fu-due --stale 0
t 0 '.fu-state' '' sh -c 'ls -A "$1" | grep -v "\.csv$" | grep -v "^\.lock$"; true' sh "$P"
