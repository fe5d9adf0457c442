# Files as spreadsheets save them: appends follow the file's own dialect
# and every byte already there stays as it was.
. "${0%/*}/lib.sh"

# BOM, CRLF, ';', columns reordered, an extra column, no final newline.
printf '\357\273\277name;id;extra;company\r\n"Peña; José";1;keep me;"A ""B"""\r\n' >"$tmp/c"
printf 'Luis;2;x;' >>"$tmp/c"
mkdir -p "$P" && cp "$tmp/c" "$P/clients.csv"
t 0 '3' '' fu-add client "Nuevo, Uno" --company 'Q"uote'
ok 'the bytes before the append are untouched' cmp -n "$(wc -c <"$tmp/c")" "$tmp/c" "$P/clients.csv"
t 0 "$(printf '\r\nNuevo, Uno;3;;"Q""uote"\r')" '' tail -c +"$(($(wc -c <"$tmp/c") + 1))" "$P/clients.csv"
t 0 '1' '' fu-add agreement peña "Send the catalogue" --due friday

# Tab-delimited .csv, as some spreadsheets export.
printf 'id\tname\n1\tZoë Clarke\n' | file clients.csv
t 0 '2' '' fu-add client "Tom O'Brien"
t 0 "id	name
1	Zoë Clarke
2	Tom O'Brien" '' cat "$P/clients.csv"

# Every field quoted, as some exports do: so are the appended rows.
printf '"id","name","company"\n"1","Ana","Acme"\n' | file clients.csv
t 0 '2' '' fu-add client Bea
t 0 '"2","Bea",""' '' tail -n 1 "$P/clients.csv"

# Lines ended by CR alone, as "CSV (Macintosh)" saves them: so is the
# appended row, and lines are counted on CR (a quoted CR is a line too).
printf 'id,name,company\r1,Ana,"Papeler\303\255a\rL\303\263pez"\r2,Luis,\r' >"$tmp/c"
cp "$tmp/c" "$P/clients.csv"
t 0 '3' '' fu-add client Eva --company 'Uno, Dos'
{ cat "$tmp/c"; printf '3,Eva,"Uno, Dos"\r'; } >"$tmp/want"
ok 'CR: the row is ended by CR after every byte that was there' \
    cmp "$tmp/want" "$P/clients.csv"
t 0 '2' '' fu-add agreement eva "Send the catalogue" --due friday
printf '4,,\r' >>"$P/clients.csv"
t 3 '' 'fu-add: clients.csv:6: name is empty' fu-add client Tom

# An empty file, or one that is only a BOM, is a table with no rows yet.
rm -f "$P/agreements.csv" "$P/log.csv"
: | file clients.csv
t 0 '1' '' fu-add client Ana
t 0 'id,name,company,email,phone,since,birthday,anniversary,referred_by,consent,stage,tags,note
1,Ana,,,,2026-11-23,,,,,,,' '' cat "$P/clients.csv"

# A formula typed by a person is kept from running in a spreadsheet.
t 0 '2' '' fu-add client "=HYPERLINK(\"x\")" --company "@corp" --note "-5 is not a number"
t 0 "2,\"'=HYPERLINK(\"\"x\"\")\",'@corp,,,2026-11-23,,,,,,,'-5 is not a number" '' tail -n 1 "$P/clients.csv"
t 0 '1' '' fu-add agreement hyperlink "Send the price list" --due friday
