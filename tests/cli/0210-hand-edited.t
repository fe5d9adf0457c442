# A portfolio edited by hand in a spreadsheet (columns reordered, an extra
# column, CRLF, ';') gives the same answers as the original.
. "${0%/*}/lib.sh"

fu-add client "Ana López" --consent --birthday 1985-11-28 --tag vip >/dev/null
fu-add client "José Peña" --since 2026-06-01 >/dev/null
fu-add client "Zoë Clarke" --consent --anniversary 12-01 >/dev/null
fu-log ana --next "Send the quote" --due friday >/dev/null
fu-log ana -o moved --due +2w >/dev/null
fu-log zoe --date 2026-08-01 --next "Visit the showroom" --due 2026-09-01 >/dev/null
fu-log zoe --date 2026-08-15 -o kept --amount 300 --next "Stay in touch" --due 2026-11-15 --every 3m >/dev/null
fu-log jose --next "Call about the invoice" --due today >/dev/null
fu-log jose -o broken >/dev/null

queries='x|--within 30|--overdue|--stale 0|--adrift|--slipped 1|--occasions --within 30'
answers() {
	IFS='|'
	for q in $queries; do
		IFS=' '
		[ "$q" = x ] && q=
		fu-due -p "$1" --tsv $q
		echo "exit $?"
	done
}
answers "$P" >"$tmp/original"

# Reverse the columns, add one, and save as a spreadsheet would.
mkdir "$tmp/edited"
for f in clients agreements log; do
	awk -F, 'BEGIN { OFS = ";" }
	    { n = split($0, a, ","); s = (NR == 1 ? "mine" : "x" NR)
	      for (i = n; i >= 1; i--) s = s ";" a[i]
	      printf "%s\r\n", s }' "$P/$f.csv" >"$tmp/edited/$f.csv"
done
answers "$tmp/edited" >"$tmp/edited.out"
ok 'same answers from the hand-edited portfolio' cmp "$tmp/original" "$tmp/edited.out"
ok 'the answers are not empty' test "$(grep -c . "$tmp/original")" -gt 12

# And appends to it keep its dialect.
t 0 '4' '' fu-add -p "$tmp/edited" client Nueva
t 0 "$(printf ';;;;;;;;2026-11-23;;;;Nueva;4\r')" '' tail -n 1 "$tmp/edited/clients.csv"
