# A malformed table is an error naming file, line and reason (exit 3);
# nothing is written, and no row after a bad quote is silently lost.
. "${0%/*}/lib.sh"

fu-add client Ana >/dev/null

bad() {	# bad CONTENT MESSAGE: clients.csv holding CONTENT gives MESSAGE
	printf "$1" | file clients.csv
	cp "$P/clients.csv" "$tmp/before"
	t 3 '' "fu-add: clients.csv:$2" fu-add client Eva
	ok "clients.csv untouched after: $2" cmp "$tmp/before" "$P/clients.csv"
}

bad 'id,name\n1,"Ana\n2,Luis\n3,Eva\n' '2: the quoted field that starts here is never closed: a quote is missing'
bad 'id,name\n1,An"a\n2,Luis\n' '2: a quote inside a field: quote the whole field and double the quote ("")'
bad 'id,name\n1,"Ana"x\n2,Luis\n' '2: a quote inside a field: quote the whole field and double the quote ("")'
bad 'id,name\n1,"multi\nline"\n2,Luis,extra\n' '4: 3 fields where the header has 2'
bad 'id,name\n1,Ana\n1,Luis\n' '3: id 1 is already used on line 2'
bad 'id,name,id\n1,Ana,1\n' '1: column "id" appears twice in the header'
bad 'name,company\nAna,Acme\n' '1: the header has no "id" column (the first line must name the columns)'
bad 'id,name\n1,Ana\n0,Luis\n' '3: id "0" is not an id (a whole number from 1 to 9223372036854775807)'
bad 'id,name\n9223372036854775808,Ana\n' '2: id "9223372036854775808" is not an id (a whole number from 1 to 9223372036854775807)'
bad 'id,name,since\n1,Ana,2026-02-30\n' '2: since "2026-02-30" is not a date (YYYY-MM-DD)'
bad 'id,name,birthday\n1,Ana,31-02\n' '2: birthday "31-02" is not a date (YYYY-MM-DD or MM-DD)'
bad 'id,name\n1,\n' '2: name is empty'
bad 'id,name\n1,Ana\n2,L\0uis\n' '3: contains a NUL byte (is it a text file?)'
bad 'id,name\n1,Ana\n2,L\351on\n' '3: column "name" is not valid UTF-8'
bad 'id,name,consent\n1,Ana,ja\n' '2: consent "ja" is not yes, no or empty (yes: yes, sí, si, x, true, 1; no: no, false, 0)'
bad 'id,name,referred_by\n1,Ana,7\n' '2: referred_by names client 7, who is not in the table'

# A field of 100 KB is refused, not swallowed.
{ printf 'id,name\n1,'; head -c 100000 /dev/zero | tr '\0' a; printf '\n'; } | file clients.csv
t 3 '' 'fu-add: clients.csv:2: a field is longer than 65536 bytes' fu-add client Eva

# Both clients.csv and clients.tsv: which one is meant?
printf 'id,name\n' | file clients.csv
printf 'id\tname\n' | file clients.tsv
t 3 '' "fu-add: both clients.csv and clients.tsv are in $P: keep one" fu-add client Eva
rm "$P/clients.tsv"

# A table that is a link, or a directory, is refused (exit 4).
mv "$P/clients.csv" "$tmp/real.csv"
ln -s "$tmp/real.csv" "$P/clients.csv"
t 4 '' 'fu-add: clients.csv: is a symbolic link; fu refuses to follow it' fu-add client Eva
rm "$P/clients.csv"
mkdir "$P/clients.csv"
t 4 '' 'fu-add: clients.csv: is not a regular file' fu-add client Eva
