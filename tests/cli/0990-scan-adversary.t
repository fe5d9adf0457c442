# A table read in parts on every core (lib/scan.c), attacked: the rule is
# that whatever FU_THREADS and FU_PIPE_MIN are, every command answers as
# one parser does (FU_THREADS=1), and that a large table is never held
# whole.  The parse itself held (quotes, line ends, a BOM, TSV, long
# fields, errors at every cut, appended rows after a saved state); what
# broke is memory.
. "${0%/*}/lib.sh"

export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
unset FU_CACHE FU_THREADS FU_PIPE_MIN
export FU_CACHE=0

# maxrss CMD...: runs CMD, its output thrown away, and prints the peak
# resident set of it and its children, in KB.
cat >"$tmp/maxrss.c" <<'XEOF'
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	struct rusage ru;
	pid_t pid;
	int st;

	(void)argc;
	if ((pid = fork()) == 0) {
		freopen("/dev/null", "w", stdout);
		freopen("/dev/null", "w", stderr);
		execvp(argv[1], argv + 1);
		_exit(127);
	}
	waitpid(pid, &st, 0);
	getrusage(RUSAGE_CHILDREN, &ru);
	printf("%ld\n", ru.ru_maxrss);
	return 0;
}
XEOF
${CC:-cc} -o "$tmp/maxrss" "$tmp/maxrss.c"
ok 'the helper is built' test -x "$tmp/maxrss"

hc='id,name,company,email,phone,since,birthday,anniversary,referred_by,consent,stage,tags,note'
ha='id,client,what,due,channel,every,made,from,side,plan,after'
hl='id,date,client,agreement,channel,outcome,amount,mood,next,note'
# A log of 1.28 million short rows (40 MB): each row is ~26 bytes of text,
# and a parsed part keeps each as a struct fu_row of 216 bytes more.
big=$tmp/big
mkdir -p "$big"
chmod 700 "$big"
echo "$hc" >"$big/clients.csv"
echo '1,Ana,,,,2025-01-01,,,,,,,' >>"$big/clients.csv"
echo "$ha" >"$big/agreements.csv"
awk -v h="$hl" 'BEGIN { print h; for (i = 1; i <= 1280000; i++) print i ",2025-01-01,1,,call,,,,," }' >"$big/log.csv"
size=$(( $(wc -c <"$big/log.csv") / 1024 ))

if ! grep -q __asan_init "$top/fu-stats" 2>/dev/null; then
	# 1. Peak memory: one parser reads the 40 MB table in ~6 MB; parts
	# of 1 MB on 2 threads take ~73 MB, on 8 threads ~280 MB, on 64
	# threads every part at once (a 190 MB table took 1.5 GB).  The table
	# must not be held whole, let alone ten times over: nslots =
	# threads * AHEAD parts are kept parsed, each as ~9 times its bytes.
	one=$("$tmp/maxrss" env FU_THREADS=1 fu-stats -p "$big")
	two=$("$tmp/maxrss" env FU_THREADS=2 FU_PIPE_MIN=1048576 fu-stats -p "$big")
	eight=$("$tmp/maxrss" env FU_THREADS=8 FU_PIPE_MIN=1048576 fu-stats -p "$big")
	ok "one parser stays well under the table's $size KB ($one KB)" test "$one" -lt $(( size / 2 ))
	ok "2 threads do not hold the $size KB table whole ($two KB)" test "$two" -lt "$size"
	ok "8 threads do not hold the $size KB table whole ($eight KB)" test "$eight" -lt "$size"

	# 2. So the answer depends on FU_THREADS: under a limit one parser
	# works within, two threads run out of memory.
	want=$(sh -c 'ulimit -v 80000; FU_THREADS=1 fu-stats -p "$1" 2>&1; echo "exit $?"' sh "$big")
	got=$(sh -c 'ulimit -v 80000; FU_THREADS=2 FU_PIPE_MIN=1048576 fu-stats -p "$1" 2>&1; echo "exit $?"' sh "$big")
	ok 'ulimit -v 80000: one parser answers' test "${want##*exit }" = 0
	ok 'ulimit -v 80000: FU_THREADS=2 answers as FU_THREADS=1' test "$got" = "$want"
	[ "$got" = "$want" ] || printf '  FU_THREADS=2: %s\n' "$(printf '%s' "$got" | tail -n 2 | tr '\n' ' ')"

	# 3. A bad row at line 3: one parser stops there, in 5 MB; 8 threads
	# first count the quotes of all 40 MB, then parse 32 parts ahead
	# before part 0's row is refused (~94 MB; 64 threads ~740 MB).
	bad=$tmp/bad
	cp -R "$big" "$bad"
	{ head -n 2 "$big/log.csv"; echo '2,2025-13-45,1,,call,,,,,'; tail -n +4 "$big/log.csv"; } >"$bad/log.csv"
	t 3 '' 'fu-stats: log.csv:3: date "2025-13-45" is not a date (YYYY-MM-DD)' env FU_THREADS=8 FU_PIPE_MIN=1048576 fu-stats -p "$bad"
	early=$("$tmp/maxrss" env FU_THREADS=8 FU_PIPE_MIN=1048576 fu-stats -p "$bad")
	ok "a bad row at line 3 costs 8 threads no more than the table ($early KB)" test "$early" -lt $(( size / 2 ))
fi
