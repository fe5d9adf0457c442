# fu-stats --partial and --merge: the report past one machine.  The sample
# portfolio split in three (as in 0300-stats.t), one of them with a client
# that is a client of another seller too (Sarah Mitchell, who refers a new
# client in each), a channel spelled another way (Call) and a client
# reached through one channel only.  Merging the three partials must
# print what fu-stats -p a -p b -p c prints, byte for byte, in every
# format, whatever the order of the partials and wherever they come from.
. "${0%/*}/lib.sh"

mkdir -p "$P" && cp "$top"/examples/portfolio/*.csv "$P"
split() {	# split DIR CLIENTS...: the rows of those clients
	d=$tmp/$1
	shift
	mkdir -p "$d"
	list=" $* "
	awk -F, -v l="$list" 'NR == 1 || index(l, " " $1 " ")' "$P/clients.csv" >"$d/clients.csv"
	awk -F, -v l="$list" 'NR == 1 || index(l, " " $2 " ")' "$P/agreements.csv" >"$d/agreements.csv"
	awk -F, -v l="$list" 'NR == 1 || index(l, " " $3 " ")' "$P/log.csv" >"$d/log.csv"
}
split a 1 2 3 6
split b 4 5 7 8 9
split c 10 11 12 13
a=$tmp/a b=$tmp/b c=$tmp/c
t 0 14 '' fu-add -p "$c" client 'Sarah Mitchell' --since 2025-01-10 --stage Customer
t 0 15 '' fu-add -p "$c" client 'Omar Haddad' --since 2026-10-06 --referred-by 'Sarah Mitchell' --stage customer
t 0 68 '' fu-log -p "$c" 'Omar Haddad' --channel Call --date 2026-10-07 --amount 150.00 --mood + --next 'Send Omar the quote for 20 chairs' --due 2026-10-20
t 0 69 '' fu-log -p "$c" 'Omar Haddad' --channel Call --date 2026-10-20 --next 'Call Omar to confirm the delivery date' --due 2026-12-01

# What the fixture is for: the referrer in two portfolios is listed once
# for each (they are two clients), Call and call are one channel, and
# Omar is reached through one channel only.
fu-stats -p "$a" -p "$b" -p "$c" --month 2026-10 >"$tmp/oct"
t 0 '    Sarah Mitchell                                 1
    Sarah Mitchell                                 1' '' grep '^    Sarah' "$tmp/oct"
t 0 '  By channel:    Call 15, visit 4, email 2, message 1
    Omar Haddad                              Call                   2' '' grep -E '^  By channel|^    Omar' "$tmp/oct"

# A partial is one JSON line a row: the raw counts, amounts in cents, no
# rates.
t 0 '{"fu_partial":1,"from":"2026-10-01","to":"2026-10-31","by":"","key":"","row":1,"rows":1,"portfolios":1,"clients_start":4,"clients_new":1,"clients_lost":0,"clients_won":0,"clients_end":5,"contacted":3,"silent_90":1,"made":4,"kept":1,"broken":1,"moved":0,"dropped":1,"open":4,"overdue":0,"adrift":1,"sales":1,"amount":15000,"sales_existing":0,"sales_new":1,"sales6_existing":0,"sales6_new":2,"referred":1,"contacts":4,"mood_plus":1,"mood_zero":1,"mood_minus":1,"amount_existing":0,"amount_new":15000,"amount6_existing":0,"amount6_new":79050,"one_channel":1,"kept_mine":1,"broken_mine":1,"kept_theirs":0,"broken_theirs":0,"signals":0,"at_risk":0,"greetings":0,"exit_plans":0,"exit_interviews":0,"lost_12m":0,"won_back_12m":0,"post_sale_cared":0,"referrers":[["Sarah Mitchell",1]],"channels":[["visit",0],["Call",4]],"one_channel_clients":[["Omar Haddad","Call",2]]}' '' fu-stats -p "$c" --month 2026-10 --partial

# Every period and --by, every format: the merge is the report over the
# three portfolios.  Overlapping months: by month from June, and from the
# middle of August.
n=0
for args in '--month 2026-10' '--from 2026-08-01' '--from 2026-06-01 --by month' \
    '--from 2026-08-15 --by month' '--month 2026-10 --by channel' \
    '--from 2026-06-01 --by channel' '--month 2026-09 --by stage' \
    '--month 2026-10 --by stage'; do
	n=$((n + 1))
	for d in a b c; do
		ok "fu-stats --partial $args -p $d" sh -c 'fu-stats --partial $1 -p "$2" >"$3"' sh "$args" "$tmp/$d" "$tmp/$n.$d"
	done
	for fmt in '' --tsv --csv --json --raw; do
		fu-stats -p "$a" -p "$b" -p "$c" $args $fmt >"$tmp/want"
		t 0 "$(cat "$tmp/want")" '' fu-stats --merge $fmt "$tmp/$n.a" "$tmp/$n.b" "$tmp/$n.c"
	done
	fu-stats -p "$a" -p "$b" -p "$c" $args -f '{from} {to} {coverage} {kept_rate} {top_referrers} {amount}' >"$tmp/want"
	t 0 "$(cat "$tmp/want")" '' fu-stats --merge -f '{from} {to} {coverage} {kept_rate} {top_referrers} {amount}' "$tmp/$n.a" "$tmp/$n.b" "$tmp/$n.c"
	# In any order, from standard input ("-" or no FILE), from one file.
	fu-stats -p "$a" -p "$b" -p "$c" $args --tsv >"$tmp/want"
	t 0 "$(cat "$tmp/want")" '' fu-stats --merge --tsv "$tmp/$n.c" "$tmp/$n.a" "$tmp/$n.b"
	t 0 "$(cat "$tmp/want")" '' sh -c 'cat "$1" "$2" "$3" | fu-stats --merge --tsv' sh "$tmp/$n.b" "$tmp/$n.c" "$tmp/$n.a"
	t 0 "$(cat "$tmp/want")" '' sh -c 'fu-stats --merge --tsv "$1" - "$3" <"$2"' sh "$tmp/$n.a" "$tmp/$n.b" "$tmp/$n.c"
	cat "$tmp/$n.c" "$tmp/$n.b" "$tmp/$n.a" >"$tmp/$n.all"
	t 0 "$(cat "$tmp/want")" '' fu-stats --merge --tsv "$tmp/$n.all"
	# A merge may be a partial itself, merged again.
	fu-stats --merge --partial "$tmp/$n.a" "$tmp/$n.c" >"$tmp/$n.ac"
	t 0 "$(cat "$tmp/want")" '' fu-stats --merge --tsv "$tmp/$n.b" "$tmp/$n.ac"
	# Its partial is that of the three.
	fu-stats --merge --partial "$tmp/$n.a" "$tmp/$n.b" "$tmp/$n.c" >"$tmp/want"
	t 0 "$(cat "$tmp/want")" '' fu-stats --merge --partial "$tmp/$n.ac" "$tmp/$n.b"
done
# One partial gives the report of its portfolio; the text says over how
# many portfolios a merge is.
fu-stats -p "$a" --month 2026-10 >"$tmp/want"
t 0 "$(cat "$tmp/want")" '' fu-stats --merge "$tmp/1.a"
t 0 'Retention report, 2026-10-01 to 2026-10-31, over 3 portfolios' '' sh -c 'fu-stats --merge "$@" | head -n 1' sh "$tmp/1.a" "$tmp/1.b" "$tmp/1.c"
# An empty portfolio by channel has no row: its partial is one line of
# row 0 of 0, which still counts a portfolio.
mkdir "$tmp/empty"
printf 'id,name\n' >"$tmp/empty/clients.csv"
t 0 '{"fu_partial":1,"from":"2026-10-01","to":"2026-10-31","by":"channel","key":"","row":0,"rows":0,"portfolios":1,"clients_start":0,"clients_new":0,"clients_lost":0,"clients_won":0,"clients_end":0,"contacted":0,"silent_90":0,"made":0,"kept":0,"broken":0,"moved":0,"dropped":0,"open":0,"overdue":0,"adrift":0,"sales":0,"amount":0,"sales_existing":0,"sales_new":0,"sales6_existing":0,"sales6_new":0,"referred":0,"contacts":0,"mood_plus":0,"mood_zero":0,"mood_minus":0,"amount_existing":0,"amount_new":0,"amount6_existing":0,"amount6_new":0,"one_channel":0,"kept_mine":0,"broken_mine":0,"kept_theirs":0,"broken_theirs":0,"signals":0,"at_risk":0,"greetings":0,"exit_plans":0,"exit_interviews":0,"lost_12m":0,"won_back_12m":0,"post_sale_cared":0,"referrers":[],"channels":[],"one_channel_clients":[]}' '' fu-stats --partial --month 2026-10 --by channel -p "$tmp/empty"
fu-stats --partial --month 2026-10 --by channel -p "$tmp/empty" >"$tmp/e.p"
fu-stats -p "$a" -p "$tmp/empty" -p "$c" --month 2026-10 --by channel --json >"$tmp/want"
t 0 "$(cat "$tmp/want")" '' fu-stats --merge --json "$tmp/5.a" "$tmp/e.p" "$tmp/5.c"
fu-stats --partial --month 2026-10 -p "$tmp/empty" >"$tmp/e1.p"
fu-stats -p "$a" -p "$tmp/empty" --month 2026-10 >"$tmp/want"
t 0 "$(cat "$tmp/want")" '' fu-stats --merge "$tmp/1.a" "$tmp/e1.p"

# Refusals.  Partials of another period or --by: exit 2, with the line.
t 2 '' "fu-stats: $tmp/2.b:1: a partial of 2026-08-01 to 2026-11-23, where the first is of 2026-10-01 to 2026-10-31: merge the partials of one period" fu-stats --merge "$tmp/1.a" "$tmp/2.b"
t 2 '' "fu-stats: $tmp/8.b:1: a partial by \"stage\", where the first is by \"channel\": merge the partials of one --by" fu-stats --merge "$tmp/5.a" "$tmp/8.b"
# A line of another format is refused as such, whatever else it holds.
sed 's/^{"fu_partial":1,/{"fu_partial":2,"new":[1],/' "$tmp/1.b" >"$tmp/v2"
t 3 '' "fu-stats: $tmp/v2:1: a partial of format 2, where this fu-stats reads format 1: merge with the fu-stats that made it" fu-stats --merge "$tmp/1.a" "$tmp/v2"
# Malformed: exit 3, the file and line, and why.
printf 'not json\n' >"$tmp/junk"
t 3 '' "fu-stats: $tmp/junk:1: this is not a partial of fu-stats --partial: it is garbled at column 1" fu-stats --merge "$tmp/junk"
printf '{"from":"2026-10-01"}\n' >"$tmp/junk"
t 3 '' "fu-stats: $tmp/junk:1: this is not a partial of fu-stats --partial: it does not start with {\"fu_partial\":" fu-stats --merge "$tmp/junk"
# Blanks between the parts of a line are read, as JSON has them.
sed 's/":/": /g; s/,"/, "/g' "$tmp/1.b" >"$tmp/blanks"
fu-stats -p "$a" -p "$b" --month 2026-10 --json >"$tmp/want"
t 0 "$(cat "$tmp/want")" '' fu-stats --merge --json "$tmp/1.a" "$tmp/blanks"
sed '2s/"made":\([0-9]*\),"kept"/"made":\1,,"kept"/' "$tmp/3.a" >"$tmp/garbled"
t 3 '' "fu-stats: $tmp/garbled:2: this is not a partial of fu-stats --partial: it is garbled at column 236" fu-stats --merge "$tmp/garbled"
sed 's/"sales":\([0-9]*\),/"sales":\1,"sales":\1,/' "$tmp/1.a" >"$tmp/twice"
t 3 '' "fu-stats: $tmp/twice:1: \"sales\" is given twice" fu-stats --merge "$tmp/twice"
sed 's/"silent_90":[0-9]*,//' "$tmp/1.a" >"$tmp/missing"
t 3 '' "fu-stats: $tmp/missing:1: \"silent_90\" is missing" fu-stats --merge "$tmp/missing"
sed 's/"silent_90"/"silent_60"/' "$tmp/1.a" >"$tmp/unknown"
t 3 '' "fu-stats: $tmp/unknown:1: this is not a partial of fu-stats --partial: it has a field \"silent_60\"" fu-stats --merge "$tmp/unknown"
sed 's/"amount":[0-9]*,/"amount":12.50,/' "$tmp/1.a" >"$tmp/cents"
t 3 '' "fu-stats: $tmp/cents:1: this is not a partial of fu-stats --partial: it is garbled at column 319" fu-stats --merge "$tmp/cents"
sed 's/"to":"2026-10-31"/"to":"2026-10-32"/' "$tmp/1.a" >"$tmp/baddate"
t 3 '' "fu-stats: $tmp/baddate:1: \"to\": \"2026-10-32\" is not a date (YYYY-MM-DD)" fu-stats --merge "$tmp/baddate"
sed 's/"clients_start":[0-9]*,/"clients_start":99999999999999999999,/' "$tmp/1.a" >"$tmp/huge"
t 3 '' "fu-stats: $tmp/huge:1: a count is larger than fu can count, at column 138" fu-stats --merge "$tmp/huge"
# Counts that do not agree with each other: edited by hand.
sed 's/"kept_mine":[0-9]*,/"kept_mine":99,/' "$tmp/1.a" >"$tmp/edited"
t 3 '' "fu-stats: $tmp/edited:1: \"kept_mine\" is 99, where the other counts make it 6: the line is not as fu-stats --partial wrote it" fu-stats --merge "$tmp/edited"
# A partial cut short, or with its lines out of order, or none at all (a
# seller's run that failed) is refused: it would count as less.
head -n 3 "$tmp/3.b" >"$tmp/short"
t 3 '' "fu-stats: $tmp/short:3: the partial ends at row 3 of 6: it is cut short" fu-stats --merge "$tmp/3.a" "$tmp/short"
{ head -n 3 "$tmp/3.b"; cat "$tmp/3.c"; } >"$tmp/short"
t 3 '' "fu-stats: $tmp/short:4: row 1 of 6, where row 4 of 6 was due: a partial is cut short or its lines are out of order" fu-stats --merge "$tmp/short"
# A channel twice in a partial (Call and call are one): it would count
# twice.
sed -n 2p "$tmp/5.c" | sed 's/"key":"Call","row":2,"rows":3/"key":"call","row":3,"rows":3/' >"$tmp/twice"
{ sed -n 1,2p "$tmp/5.c"; cat "$tmp/twice"; } >"$tmp/dup"
t 3 '' "fu-stats: $tmp/dup:3: row 3 is of \"call\", as another row of its partial is" fu-stats --merge "$tmp/5.a" "$tmp/dup"
{ sed -n 2p "$tmp/3.b"; sed -n 1p "$tmp/3.b"; sed -n '3,$p' "$tmp/3.b"; } >"$tmp/swapped"
t 3 '' "fu-stats: $tmp/swapped:1: row 2 of 6, where row 1 of 6 was due: a partial is cut short or its lines are out of order" fu-stats --merge "$tmp/swapped"
: >"$tmp/nothing"
t 3 '' "fu-stats: $tmp/nothing: there is no partial in it: did fu-stats --partial fail there?" fu-stats --merge "$tmp/1.a" "$tmp/nothing"
t 3 '' "fu-stats: <stdin>: there is no partial in it: did fu-stats --partial fail there?" fu-stats --merge
t 3 '' "fu-stats: <stdin>:1: this is not a partial of fu-stats --partial: it is garbled at column 1" sh -c 'echo | fu-stats --merge'
printf '{"fu_partial":1\000,"from"\n' >"$tmp/nul"
t 3 '' "fu-stats: $tmp/nul:1: this is not a partial of fu-stats --partial: it is garbled at column 16" fu-stats --merge "$tmp/nul"
t 4 '' "fu-stats: $tmp/nowhere: cannot open: No such file or directory" fu-stats --merge "$tmp/1.a" "$tmp/nowhere"
# Usage: --merge takes what the partials say, --partial has its own format,
# and FILEs go with --merge only.
t 2 '' 'fu-stats: --merge takes the period, --by and the portfolios from the partials: it does not go with --month, --from, --to, --by or -p' fu-stats --merge --month 2026-10 "$tmp/1.a"
t 2 '' 'fu-stats: --merge takes the period, --by and the portfolios from the partials: it does not go with --month, --from, --to, --by or -p' fu-stats --merge -p "$a" "$tmp/1.a"
t 2 '' 'fu-stats: --partial prints JSON Lines of its own: it does not go with --tsv, --csv, --json or -f' fu-stats --partial --json
t 2 '' "$(fu-stats -h)" fu-stats --month 2026-10 "$tmp/1.a"

# examples/team-report.sh: the partials made by GNU parallel, merged.
if command -v parallel >/dev/null 2>&1; then
	for args in '--month 2026-10' '--from 2026-06-01 --by month' '--month 2026-10 --by channel'; do
		for fmt in '' --tsv; do
			fu-stats -p "$a" -p "$b" -p "$c" $args $fmt >"$tmp/want"
			t 0 "$(cat "$tmp/want")" '' "$top/examples/team-report.sh" -a "$args" ${fmt:+-o "$fmt"} "$a" "$b" "$c"
		done
	done
	# A seller's portfolio that cannot be read stops the report.
	cp -r "$a" "$tmp/bad"
	printf '70,2026-10-02,99,,call,kept,,,,,\n' >>"$tmp/bad/log.csv"
	t 3 '' '' sh -c '"$1" -a "--month 2026-10" "$2" "$3" 2>"$4"' sh "$top/examples/team-report.sh" "$b" "$tmp/bad" "$tmp/tr.err"
	t 0 'fu-stats: log.csv:28: client 99 is not in the clients table' '' grep '^fu-stats:' "$tmp/tr.err"
	t 2 '' "usage: team-report.sh [-S SSHLOGINS] [-a 'OPTIONS'] [-o 'OPTIONS'] DIR..." "$top/examples/team-report.sh" -a '--month last'
else
	echo "$name: GNU parallel is not installed: examples/team-report.sh is not run (apt-get install parallel)"
fi
