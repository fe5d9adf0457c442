# The catalogue of malformed files (tests/malformed/EXPECTED): each file in
# a fresh portfolio next to valid other tables.  A malformed one gives exit
# 3 and the exact "FILE:LINE: reason" from every command that reads it
# (fu-due; fu-add client for clients; fu-log and fu-add agreement for the
# others), and nothing is written; one that fu reads by design is read in
# full.  Never a crash, a hang (each run has 10 seconds) or a silent skip.
. "${0%/*}/lib.sh"

cat=$top/tests/malformed

# other DIR TABLE [bare]: the valid tables of a portfolio but TABLE; with
# bare, they hold only their header.
other() {
	rm -rf "$1"
	mkdir -p "$1"
	[ "$2" = clients ] || {
		echo 'id,name,company,since'
		[ -n "${3-}" ] || printf '%s\n' \
		    '1,Ana López,Papelería López,2024-03-12' \
		    '2,Luis Pérez,,2025-01-10'
	} >"$1/clients.csv"
	[ "$2" = agreements ] || {
		echo 'id,client,what,due,channel,every,made,from'
		[ -n "${3-}" ] || printf '%s\n' \
		    '1,1,Send Ana the quote for 3 laptops,2026-11-20,email,,2026-11-01,1' \
		    '2,2,Call Luis about the spring order,2026-12-01,call,,2026-11-02,'
	} >"$1/agreements.csv"
	[ "$2" = log ] || {
		echo 'id,date,client,agreement,channel,outcome,amount,mood,next,note'
		[ -n "${3-}" ] || echo '1,2026-11-01,1,,call,,,+,1,First call'
	} >"$1/log.csv"
}

# gen CASE: the cases too big to keep in the tree, on stdout.
rows30000() {	# rows 3 to 30000: past the reader's first 1 MB chunk
	awk 'BEGIN { for (i = 3; i <= 30000; i++)
	    printf "%d,Client %d with a name long enough to fill a chunk,,2025-01-10\n", i, i }'
}
gen() {
	head='id,name,company,since
1,Ana López,Papelería López,2024-03-12'
	case $1 in
	field-1mb.clients.csv)
		printf '%s\n2,' "$head"
		head -c 1048576 /dev/zero | tr '\0' x
		printf ',,2025-01-10\n' ;;
	columns-100000.clients.csv)
		awk 'BEGIN { printf "id,name"
		    for (i = 3; i <= 100000; i++) printf ",c%d", i
		    printf "\n1,Ana\n" }' ;;
	fields-100000.clients.csv)
		printf '%s\n' "$head"
		awk 'BEGIN { printf "2"; for (i = 2; i <= 100000; i++)
		    printf ",x"; printf "\n" }' ;;
	stray-quote-after-1mb.clients.csv)
		printf '%s\n2,Luis Pérez,,2025-01-10\n' "$head"
		rows30000
		printf '30001,Eva "la" Grande,,\n' ;;
	nul-after-1mb.clients.csv)
		printf '%s\n2,Luis Pérez,,2025-01-10\n' "$head"
		rows30000
		printf '30001,Eva\000,,\n' ;;
	unterminated-after-1mb.clients.csv)
		# Rows of two lines each: the error names the line the quote
		# opened on, counting the line breaks inside quotes.
		printf '%s\n2,Luis Pérez,,2025-01-10\n' "$head"
		awk 'BEGIN { for (i = 3; i <= 30000; i++)
		    printf "%d,\"Client %d\nof two lines\",,2025-01-10\n", i, i }'
		printf '30001,"Eva,,\n30002,Tom,,\n' ;;
	*)
		return 1 ;;
	esac
}

listing='DUE         WHEN     CLIENT     WHAT                              CHANNEL  ID
2026-11-20  3d late  Ana López  Send Ana the quote for 3 laptops  email     1'
# Every client and the log row read: no row was skipped.
stale='client_id	client	last	days	last_channel	what	due	id
2	Luis Pérez		682		Call Luis about the spring order	2026-12-01	2
1	Ana López	2026-11-01	22	call	Send Ana the quote for 3 laptops	2026-11-20	1'

# Every file of the catalogue has its line (or its BUG line).
for f in "$cat"/*.*; do
	f=${f##*/}
	ok "$f is in EXPECTED" grep -q "^\(# BUG: \)\{0,1\}$f	" "$cat/EXPECTED"
done

while IFS='	' read -r f status msg; do
	case $f in '' | '#'*) continue ;; esac
	table=${f#*.}
	bare=
	[ "$status" = 1 ] && bare=bare
	other "$P" "${table%.*}" $bare
	if [ -f "$cat/$f" ]; then
		cp "$cat/$f" "$P/$table"
	elif ! gen "$f" >"$P/$table"; then
		ok "$f: no such case in tests/malformed" false
		continue
	fi
	cp "$P/$table" "$tmp/before"
	case $status in
	3) t 3 '' "fu-due: $msg" timeout 10 fu-due ;;
	0) t 0 "$listing" '' timeout 10 fu-due
	   [ "$f" = empty.log.csv ] ||
		t 0 "$stale" '' timeout 10 fu-due --stale 0 --tsv ;;
	1) t 1 '' '' timeout 10 fu-due ;;
	*) ok "$f: status $status is not 0, 1 or 3" false ;;
	esac
	# The writers read it too; on a malformed file they write nothing.
	case $table:$status in
	clients.*:3)
		t 3 '' "fu-add: $msg" timeout 10 fu-add client Eva
		ok "$f: untouched by fu-add" cmp "$tmp/before" "$P/$table" ;;
	clients.*:0)	# Ana and Luis are 1 and 2
		t 0 3 '' timeout 10 fu-add client Eva
		ok "$f: fu-add only appends" cmp -n "$(wc -c <"$tmp/before")" \
		    "$tmp/before" "$P/$table"
		t 0 "$listing" '' timeout 10 fu-due ;;
	clients.*:1)
		t 0 1 '' timeout 10 fu-add client Eva
		ok "$f: fu-add only appends" cmp -n "$(wc -c <"$tmp/before")" \
		    "$tmp/before" "$P/$table"
		t 1 '' '' timeout 10 fu-due ;;
	*:3)
		t 3 '' "fu-log: $msg" timeout 10 fu-log ana \
		    --next 'Call Ana about the laptops' --due friday
		ok "$f: untouched by fu-log" cmp "$tmp/before" "$P/$table"
		t 3 '' "fu-add: $msg" timeout 10 fu-add agreement ana \
		    'Call Ana about the laptops' --due friday
		ok "$f: untouched by fu-add" cmp "$tmp/before" "$P/$table" ;;
	esac
done <"$cat/EXPECTED"

# A file of lines ended by CR alone (as "CSV (Macintosh)" saves them): an
# append ends its row with CR too, after every byte that was there, and
# the file reads back (its line numbers: cr-line-ends-bad-row in EXPECTED).
other "$P" clients
cp "$cat/cr-line-ends.clients.csv" "$P/clients.csv"
t 0 3 '' fu-add client Eva
{ cat "$cat/cr-line-ends.clients.csv"; printf '3,Eva,,2026-11-23\r'; } \
    >"$tmp/want"
ok 'cr-line-ends.clients.csv: fu-add appends a row ended by CR' \
    cmp "$tmp/want" "$P/clients.csv"
t 0 "$listing" '' fu-due
