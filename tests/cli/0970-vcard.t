# fu-add client --vcard FILE: cards made by hand in the shapes address
# books write them, read into a portfolio; all or nothing, in one write.
#   google.vcf   Google Contacts' export (vCard 3.0, LF): TYPE lists,
#                ADR (not kept), item1.X-ABDATE with its X-ABLabel for an
#                anniversary, BDAY without a year as --MM-DD, escapes.
#   apple.vcf    Apple Contacts' export (3.0, CR LF, PRODID): item1.
#                groups, type=pref on the second EMAIL, BDAY in the year
#                X-APPLE-OMIT-YEAR names, a folded base64 PHOTO.
#   outlook.vcf  Outlook's (2.1): bare parameters (TEL;WORK;VOICE, EMAIL;
#                PREF;INTERNET), CHARSET=Windows-1252 in raw bytes and in
#                quoted printable, a QUOTED-PRINTABLE NOTE with =0D=0A and
#                a soft line break, X-MS-ANNIVERSARY, REV.
#   v4.vcf       a vCard 4.0 card (as fu-clients, Thunderbird and
#                DAVx5 write): PREF=1, TEL as a tel: URI, BDAY --MMDD,
#                ANNIVERSARY, a folded line.
# Export then import into an empty portfolio gives the same clients; the
# fault shim counts the writes of a 5,000-card import.
. "${0%/*}/lib.sh"

d=$tmp/cards
mkdir -p "$d"
printf '%s\n' 'BEGIN:VCARD' 'VERSION:3.0' 'FN:Ana López' 'N:López;Ana;;;' \
    'EMAIL;TYPE=INTERNET;TYPE=HOME:ana@papelerialopez.es' \
    'TEL;TYPE=CELL:+34 600 123 456' \
    'ADR;TYPE=WORK:;;Calle Mayor 12;Madrid;;28013;España' \
    'ORG:Papelería López' 'BDAY:1985-11-28' 'item1.X-ABDATE:2010-06-01' \
    'item1.X-ABLabel:_$!<Anniversary>!$_' \
    'NOTE:Prefiere llamadas por la mañana\, antes de las 12\; nunca los lunes.\nPide factura.' \
    'CATEGORIES:myContacts,Clientes Madrid' 'END:VCARD' \
    'BEGIN:VCARD' 'VERSION:3.0' 'FN:Pedro Ruiz' 'N:Ruiz;Pedro;;;' \
    'BDAY:--07-04' 'TEL;TYPE=WORK:+52 55 1234 5678' 'CATEGORIES:myContacts' \
    'END:VCARD' >"$d/google.vcf"
printf '%s\r\n' 'BEGIN:VCARD' 'VERSION:3.0' \
    'PRODID:-//Apple Inc.//macOS 14.6//EN' 'N:Mitchell;Sarah;;;' \
    'FN:Sarah Mitchell' 'ORG:Mitchell Design Studio;' \
    'EMAIL;type=INTERNET;type=WORK:studio@mitchelldesign.com' \
    'item1.EMAIL;type=INTERNET;type=pref:sarah@mitchelldesign.com' \
    'item1.X-ABLabel:_$!<Other>!$_' \
    'TEL;type=CELL;type=VOICE;type=pref:+1 415 555 0142' \
    'item2.X-ABDATE;type=pref:2015-09-12' \
    'item2.X-ABLabel:_$!<Anniversary>!$_' \
    'BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-03' \
    'NOTE:Prefers email' \
    'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsKCwsN' \
    ' DhIQDQ4RDgsLEBYQERMUFRUVDA8XGBYUGBIUFRT/2wBDAQMEBAUEBQkFBQkUDQsNFBQUFBQUFBQU' \
    'END:VCARD' >"$d/apple.vcf"
# Outlook: ñ is byte F1, é E9 in Windows-1252; the NOTE is UTF-8 in
# quoted printable, with a CR LF and a soft break ("=" at the line end).
printf '%s\r\n' 'BEGIN:VCARD' 'VERSION:2.1' \
    'N;LANGUAGE=es-mx;CHARSET=Windows-1252:Mu\361oz;Javier' \
    'FN;CHARSET=Windows-1252:Javier Mu\361oz' \
    'ORG;CHARSET=Windows-1252:Talleres Mu\361oz' \
    'TEL;WORK;VOICE:655 321 987' 'TEL;CELL;VOICE:+34 655 000 111' \
    'EMAIL;PREF;INTERNET:javier@talleresmunoz.es' 'BDAY:19800512' \
    'X-MS-ANNIVERSARY:20050610' \
    'NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=utf-8:Cliente desde la feria de 2019.=0D=0ALlamar los martes; prefiere =' \
    'WhatsApp para cotizaciones r=C3=A1pidas.' \
    'REV:20261120T101500Z' 'END:VCARD' \
    'BEGIN:VCARD' 'VERSION:2.1' \
    'N;ENCODING=QUOTED-PRINTABLE;CHARSET=Windows-1252:Pe=F1a;Jos=E9' \
    'FN;ENCODING=QUOTED-PRINTABLE;CHARSET=Windows-1252:Jos=E9 Pe=F1a' \
    'ORG:Muebles Garcia' 'EMAIL;INTERNET:jpena@mueblesgarcia.es' \
    'END:VCARD' | sed 's/\\361/\xf1/g' >"$d/outlook.vcf"
printf '%s\r\n' 'BEGIN:VCARD' 'VERSION:4.0' 'FN:Raúl Ibáñez' \
    'N:Ibáñez;Raúl;;;' 'ORG:Ferretería Ibáñez' \
    'EMAIL;TYPE=home:raul.casa@example.com' \
    'EMAIL;TYPE=work;PREF=1:raul@ferreteriaibanez.es' \
    'TEL;VALUE=uri;TYPE="voice,cell":tel:+34-622-456-789' 'BDAY:--1202' \
    'ANNIVERSARY:20100301' 'CATEGORIES:ferretería,recurrente' \
    'NOTE:Visita trimestral para revisar el surtido de tornillería\, herrajes y ' \
    ' pinturas.' 'END:VCARD' >"$d/v4.vcf"
ok 'outlook.vcf holds Windows-1252 bytes, not UTF-8' sh -c \
    '! iconv -f UTF-8 -t UTF-8 "$1" >/dev/null 2>&1' - "$d/outlook.vcf"

fields='{client_id}|{client}|{company}|{email}|{phone}|{since}|{stage}|{tags}|{consent}|{referred_by}'
t 0 '1
2' '' fu-add client --vcard "$d/google.vcf"
t 0 '3' '' fu-add client --vcard "$d/apple.vcf" --tag diseño
t 0 '4
5' '' fu-add client --vcard "$d/outlook.vcf" --stage lead --consent
t 0 '6' '' fu-add client --vcard "$d/v4.vcf" --since 2024-04-22
t 0 'id,name,company,email,phone,since,birthday,anniversary,referred_by,consent,stage,tags,note
1,Ana López,Papelería López,ana@papelerialopez.es,'"'"'+34 600 123 456,2026-11-23,1985-11-28,2010-06-01,,,,myContacts Clientes-Madrid,"Prefiere llamadas por la mañana, antes de las 12; nunca los lunes.
Pide factura."
2,Pedro Ruiz,,,'"'"'+52 55 1234 5678,2026-11-23,07-04,,,,,myContacts,
3,Sarah Mitchell,Mitchell Design Studio,sarah@mitchelldesign.com,'"'"'+1 415 555 0142,2026-11-23,04-03,2015-09-12,,,,diseño,Prefers email
4,Javier Muñoz,Talleres Muñoz,javier@talleresmunoz.es,655 321 987,2026-11-23,1980-05-12,2005-06-10,,yes,lead,,"Cliente desde la feria de 2019.
Llamar los martes; prefiere WhatsApp para cotizaciones rápidas."
5,José Peña,Muebles Garcia,jpena@mueblesgarcia.es,,2026-11-23,,,,yes,lead,,
6,Raúl Ibáñez,Ferretería Ibáñez,raul@ferreteriaibanez.es,'"'"'+34-622-456-789,2024-04-22,12-02,2010-03-01,,,,ferretería recurrente,"Visita trimestral para revisar el surtido de tornillería, herrajes y pinturas."' '' \
    cat "$P/clients.csv"
ok 'the clients file is 0600' sh -c \
    '[ "$(stat -c %a "$1/clients.csv")" = 600 ]' - "$P"

# Twins are skipped and named: the same email (whatever its case), the
# same name and company (without regard to case and accents), or a card
# twice in the file.  The others land.
printf '%s\n' 'BEGIN:VCARD' 'VERSION:3.0' 'FN:Ana M. López' \
    'EMAIL:ANA@PapeleriaLopez.es' 'END:VCARD' \
    'BEGIN:VCARD' 'VERSION:3.0' 'FN:SARAH MITCHELL' \
    'ORG:Mitchell Design Studio' 'END:VCARD' \
    'BEGIN:VCARD' 'VERSION:3.0' 'FN:Luis Vega' 'EMAIL:luis@vega.example' \
    'END:VCARD' \
    'BEGIN:VCARD' 'VERSION:3.0' 'FN:Luis Vega' 'EMAIL:luis@vega.example' \
    'END:VCARD' >"$d/twins.vcf"
t 0 '7' "fu-add: warning: $d/twins.vcf:1: Ana M. López is client 1 already: skipped
fu-add: warning: $d/twins.vcf:6: SARAH MITCHELL is client 3 already: skipped
fu-add: warning: $d/twins.vcf:16: Luis Vega is client 7 already: skipped" \
    fu-add client --vcard "$d/twins.vcf"
# A file of twins alone adds nothing, and says so.
t 0 '' "fu-add: warning: $d/google.vcf:1: Ana López is client 1 already: skipped
fu-add: warning: $d/google.vcf:15: Pedro Ruiz is client 2 already: skipped" \
    fu-add client --vcard "$d/google.vcf"

# All or nothing: each card refused is named by its line, with why, and
# nothing is written.
cp "$P/clients.csv" "$tmp/before.csv"
printf '%s\n' 'BEGIN:VCARD' 'VERSION:4.0' 'FN:Bien Escrito' 'END:VCARD' \
    'BEGIN:VCARD' 'VERSION:4.0' 'FN:Old Friend' 'BDAY;VALUE=text:circa 1800' \
    'END:VCARD' \
    'BEGIN:VCARD' 'VERSION:3.0' 'EMAIL:nadie@example.com' 'END:VCARD' \
    'BEGIN:VCARD' 'VERSION:2.1' 'FN;CHARSET=KOI8-R:Ivan' 'END:VCARD' \
    'BEGIN:VCARD' 'VERSION:3.0' 'FN:Sin Fecha' 'BDAY:2026-02-30' \
    'END:VCARD' \
    'BEGIN:VCARD' 'VERSION:3.0' 'FN:Otro' 'NOTE:sin charset \351' 'END:VCARD' \
    'BEGIN:VCARD' 'VERSION:5.0' 'FN:Futuro' 'END:VCARD' \
    | sed 's/\\351/\xe9/' >"$d/bad.vcf"
t 2 '' "fu-add: $d/bad.vcf:5: BDAY is not a date fu can keep (YYYY-MM-DD, YYYYMMDD or --MMDD)
fu-add: $d/bad.vcf:10: the card has no name (FN, N)
fu-add: $d/bad.vcf:14: FN has a charset fu does not read (UTF-8, Windows-1252 or ISO-8859-1)
fu-add: $d/bad.vcf:18: BDAY is not a date fu can keep (YYYY-MM-DD, YYYYMMDD or --MMDD)
fu-add: $d/bad.vcf:23: NOTE is not UTF-8 and names no other CHARSET
fu-add: $d/bad.vcf:28: VERSION: fu reads vCards 2.1, 3.0 and 4.0
fu-add: 6 of 7 cards refused; nothing was written" \
    fu-add client --vcard "$d/bad.vcf"
ok 'a refused import writes nothing' cmp -s "$P/clients.csv" "$tmp/before.csv"
# What is not a vCard stops the read at its line.
printf 'BEGIN:VCARD\nVERSION:3.0\nFN:Ana\nthis line has no colon\nEND:VCARD\n' \
    >"$d/broken.vcf"
t 3 '' "fu-add: $d/broken.vcf:4: a line of a vCard is NAME:VALUE; this one has no colon" \
    fu-add client --vcard "$d/broken.vcf"
printf 'BEGIN:VCARD\nVERSION:3.0\nFN:Ana\n' >"$d/cut.vcf"
t 3 '' "fu-add: $d/cut.vcf:1: the card that begins here has no END:VCARD" \
    fu-add client --vcard "$d/cut.vcf"
printf 'name,email\nAna,ana@example.com\n' >"$d/list.csv"
t 3 '' "fu-add: $d/list.csv:1: this is not a vCard: a card starts with BEGIN:VCARD" \
    fu-add client --vcard "$d/list.csv"
: >"$d/empty.vcf"
t 2 '' "fu-add: $d/empty.vcf holds no card (BEGIN:VCARD ... END:VCARD)" \
    fu-add client --vcard "$d/empty.vcf"
t 4 '' "fu-add: $d/none.vcf: cannot open: No such file or directory" \
    fu-add client --vcard "$d/none.vcf"
t 2 '' 'fu-add: --vcard and --import take each client'"'"'s details from the file: only --consent, --stage, --tag and --since go with them, for every client' \
    fu-add client --vcard "$d/v4.vcf" --email x@example.com
t 2 '' 'fu-add: --vcard and --import add the clients of a file: fu-add client --vcard FILE' \
    fu-add client Ana --vcard "$d/v4.vcf"
ok 'nothing was written by the refusals' cmp -s "$P/clients.csv" "$tmp/before.csv"
# Standard input, as "-".
t 0 '8' '' sh -c 'printf "BEGIN:VCARD\nVERSION:3.0\nFN:Por Tubo\nEND:VCARD\n" |
    fu-add client --vcard -'

# Export, then import into an empty portfolio: the same clients, down to
# the bytes of the cards (their UIDs included, which name the referrers).
mkdir -p "$tmp/sample" && cp "$top"/examples/portfolio/*.csv "$tmp/sample"
fu-clients -p "$tmp/sample" --vcard >"$d/sample.vcf"
t 0 "$(seq 1 13)" '' fu-add -p "$tmp/copy" client --vcard "$d/sample.vcf"
ok 'export, import, export: the same cards' sh -c \
    'fu-clients -p "$1/copy" --vcard | cmp -s - "$2"' - "$tmp" "$d/sample.vcf"
t 0 "$(fu-clients -p "$tmp/sample" -f "$fields")" '' \
    fu-clients -p "$tmp/copy" -f "$fields"
t 0 '9|7|yes' '' fu-clients -p "$tmp/copy" \
    -f '{client_id}|{referred_by}|{consent}' --referred-by 'Sarah M'
t 0 '6|1|yes' '' fu-clients -p "$tmp/copy" \
    -f '{client_id}|{referred_by}|{consent}' --referred-by ana

# 5,000 cards are one append to the clients table, one write(2) and one
# fsync, counted by the fault shim (tests/fault/inject.c) on the portfolio.
shim=$top/tests/fault/inject.so
awk 'BEGIN { for (i = 1; i <= 5000; i++) printf "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cliente %d\r\nEMAIL:c%d@example.com\r\nTEL:+52 55 %04d 0000\r\nEND:VCARD\r\n", i, i, i }' \
    >"$d/5000.vcf"
fu-add -p "$tmp/big" client Primero >/dev/null
if [ -f "$shim" ]; then
	(
		export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
		export LD_PRELOAD="$shim" FU_FAULT_DIR="$tmp/big" \
		    FU_FAULT_CALL=write,fsync FU_FAULT_LOG="$tmp/trace"
		exec fu-add -p "$tmp/big" client --vcard "$d/5000.vcf"
	) >"$tmp/ids"
	ok '5,000 cards: 5,000 ids' test "$(wc -l <"$tmp/ids")" -eq 5000
	ok '5,000 cards: one write of clients.csv' \
	    test "$(grep -c ' write clients.csv ' "$tmp/trace")" -eq 1
	ok '5,000 cards: one fsync of clients.csv' \
	    test "$(grep -c ' fsync clients.csv ' "$tmp/trace")" -eq 1
	t 0 '5001|Cliente 5000|c5000@example.com' '' sh -c \
	    'fu-clients -p "$1/big" -f "{client_id}|{client}|{email}" | tail -n 1' - "$tmp"
else
	echo "$name: the fault shim is not built: the count of writes is" \
	    "skipped (make tests/fault/inject.so)"
	ok 'write count skipped' true
fi

# fu-add client --import FILE.csv: a spreadsheet's or a CRM's clients,
# columns found by name in English or Spanish, read by the table reader
# (libcsv, the dialect sniffed).  Made by hand in the shapes of:
#   outlook.csv  Outlook's "Export to a file" (CR LF; First/Middle/Last
#                Name, E-mail Address, Mobile Phone, Categories "a;b").
#   google.csv   Google Contacts' CSV (First Name, Last Name, Labels
#                "* myContacts ::: VIP", E-mail 1 - Value, Phone 1 -
#                Value, Organization Name, Birthday --MM-DD).
#   excel-es.csv Excel in Spanish (a byte order mark, ";" apart: Nombre,
#                Apellidos, Empresa, Correo electrónico, Teléfono,
#                Cumpleaños, Etapa, Etiquetas, Consentimiento, Notas).
#   crm.csv      a CRM's, with a column no one could guess: --map.
P=$tmp/sheet FU_PORTFOLIO=$tmp/sheet
printf '%s\r\n' \
    'First Name,Middle Name,Last Name,Company,E-mail Address,E-mail 2 Address,Mobile Phone,Birthday,Anniversary,Notes,Categories' \
    'Sarah,,Mitchell,Mitchell Design Studio,sarah@mitchelldesign.com,studio@x.example,+1 415 555 0142,1980-04-03,,"Prefers email, never calls",Clients;VIP' \
    'Tom,,O'"'"'Brien,Harbour Logistics,tom@harbour.example,,,,2015-09-12,,' \
    ',,,,,,,,,,' >"$d/outlook.csv"
printf '%s\n' \
    'First Name,Middle Name,Last Name,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Organization Name,Birthday' \
    'Emily,,Watson,* myContacts ::: Bakery,Work,emily@watsonbakery.example,Mobile,+44 161 496 0755,Watson Bakery,--03-09' >"$d/google.csv"
printf '\357\273\277%s\r\n' \
    'Nombre;Apellidos;Empresa;Correo electrónico;Teléfono;Cumpleaños;Etapa;Etiquetas;Consentimiento;Notas' >"$d/excel-es.csv"
printf '%s\r\n' \
    'Ana;López García;Papelería López;ana@papelerialopez.example;600 123 456;11-28;cliente;madrid, recurrente;sí;"Llamar por la mañana; nunca lunes"' \
    'José;Peña;Muebles García;jpena@mg.example;611 234 567;;prospecto;;no;' >>"$d/excel-es.csv"
printf '%s\n' 'Cuenta,Persona de contacto,Tel. oficina,Alta' \
    'Ferretería Ibáñez,Raúl Ibáñez,+34 622 456 789,2024-04-22' >"$d/crm.csv"
t 0 '1
2' '' fu-add client --import "$d/outlook.csv"
t 0 '3' '' fu-add client --import "$d/google.csv"
t 0 '4
5' '' fu-add client --import "$d/excel-es.csv"
t 2 '' "fu-add: $d/crm.csv: no column gives the name (name, first_name, last_name or company, in English or Spanish); the columns are \"Cuenta\", \"Persona de contacto\", \"Tel. oficina\", \"Alta\": say which with --map 'COLUMN=name'" \
    fu-add client --import "$d/crm.csv"
t 0 '6' '' fu-add client --import "$d/crm.csv" \
    --map 'Persona de contacto=name,cuenta=company,Tel. oficina=phone' \
    --tag crm
t 0 'id,name,company,email,phone,since,birthday,anniversary,referred_by,consent,stage,tags,note
1,Sarah Mitchell,Mitchell Design Studio,sarah@mitchelldesign.com,'"'"'+1 415 555 0142,2026-11-23,1980-04-03,,,,,Clients VIP,"Prefers email, never calls"
2,Tom O'"'"'Brien,Harbour Logistics,tom@harbour.example,,2026-11-23,,2015-09-12,,,,,
3,Emily Watson,Watson Bakery,emily@watsonbakery.example,'"'"'+44 161 496 0755,2026-11-23,03-09,,,,,myContacts Bakery,
4,Ana López García,Papelería López,ana@papelerialopez.example,600 123 456,2026-11-23,11-28,,,yes,cliente,madrid recurrente,Llamar por la mañana; nunca lunes
5,José Peña,Muebles García,jpena@mg.example,611 234 567,2026-11-23,,,,,prospecto,,
6,Raúl Ibáñez,Ferretería Ibáñez,,'"'"'+34 622 456 789,2024-04-22,,,,,,crm,' '' \
    cat "$P/clients.csv"
# The same rows again: all twins, all skipped.
t 0 '' "fu-add: warning: $d/outlook.csv:2: Sarah Mitchell is client 1 already: skipped
fu-add: warning: $d/outlook.csv:3: Tom O'Brien is client 2 already: skipped" \
    fu-add client --import "$d/outlook.csv"
# All or nothing, each row refused by its line.
cp "$P/clients.csv" "$tmp/before.csv"
printf '%s\n' 'name,birthday,consent,since' 'Bien,,,' \
    'Fecha Ambigua,03/04/1985,,' 'Quizás,,quizás,' 'Futuro,,,el otro martes' \
    ',,yes,' >"$d/bad.csv"
t 2 '' "fu-add: $d/bad.csv:3: birthday \"03/04/1985\" is not a date (YYYY-MM-DD or MM-DD)
fu-add: $d/bad.csv:4: consent \"quizás\" is neither yes nor no
fu-add: $d/bad.csv:5: \"el otro martes\" is not a date: use YYYY-MM-DD, today, tomorrow, +N[dwmy], in N days or a weekday name
fu-add: $d/bad.csv:6: the row has no name (no column gives one: see --map)
fu-add: 4 of 5 rows refused; nothing was written" \
    fu-add client --import "$d/bad.csv"
ok 'a refused import writes nothing' cmp -s "$P/clients.csv" "$tmp/before.csv"
printf 'name,note\nAna,"never closed\n' >"$d/quote.csv"
t 3 '' "fu-add: quote.csv:2: the quoted field that starts here is never closed: a quote is missing" \
    sh -c 'cd "$1" && fu-add client --import quote.csv' - "$d"
t 2 '' 'fu-add: --map "Contacto=nombre" is not COLUMN=FIELD, with FIELD one of name, first_name, last_name, company, email, phone, since, birthday, anniversary, consent, stage, tags, note, or - for none' \
    fu-add client --import "$d/crm.csv" --map 'Contacto=nombre'
t 2 '' 'fu-add: --map says which columns of an --import file are which' \
    fu-add client --vcard "$d/v4.vcf" --map 'a=name'
t 2 '' 'fu-add: --vcard and --import go one at a time' \
    fu-add client --vcard "$d/v4.vcf" --import "$d/crm.csv"
ok 'nothing was written by the refusals' cmp -s "$P/clients.csv" "$tmp/before.csv"
