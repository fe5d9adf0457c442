# A hostile user's contacts: --import and --vcard given what real files
# and slips of the hand give them.  Each case states the right behaviour;
# those that fail are open defects.
. "${0%/*}/lib.sh"

d=$tmp/in
mkdir -p "$d"

# --map naming a column the file does not have is a slip of the hand (a
# typo, the wrong file): it must be refused as usage, naming the column,
# not ignored while the import goes ahead without it.
printf 'Cliente;Mail\nZed;z@z.example\n' >"$d/m.csv"
t 2 '' 'fu-add: --map: the file has no column "Nombre Completo"' \
    fu-add client --import "$d/m.csv" --map 'Nombre Completo=name,Mail=email'
ok 'a refused --map writes nothing' test ! -e "$P/clients.csv"
# The same column given two fields is as much a slip.
rm -rf "$P"
t 2 '' 'fu-add: --map: the column "Mail" is given twice' \
    fu-add client --import "$d/m.csv" --map 'Mail=email,Mail=phone'
ok 'a --map naming a column twice writes nothing' test ! -e "$P/clients.csv"

# A card with a control character is refused, whole, and nothing is
# written.  (The message names the card's first line and "NAME", as
# fu-add client would, not the FN line: left as it is, see the closing
# note of issue 14.)
printf 'BEGIN:VCARD\nVERSION:3.0\nFN:Evil\033]0;pwn\007Name\nEND:VCARD\n' \
    >"$d/esc.vcf"
t 2 '' "fu-add: $d/esc.vcf:1: NAME holds a control character
fu-add: 1 of 1 cards refused; nothing was written" \
    fu-add client --vcard "$d/esc.vcf"

# Line endings: CR alone (classic Mac OS exports, some CRM tools) is a
# line end as CR LF and LF are.
printf 'BEGIN:VCARD\rVERSION:3.0\rFN:Solo Retorno\rEND:VCARD\r' >"$d/cr.vcf"
t 0 '1' '' fu-add client --vcard "$d/cr.vcf"

# Outlook's CSV export (Outlook 2016-365, "Comma Separated Values"): CR
# LF, every field quoted, "0/0/00" in Birthday and Anniversary of each
# contact who has none, Business Phone before Mobile Phone.  "0/0/00" is
# Outlook's empty date, not a refusal; the phone is the Mobile Phone, as
# fu-add(1) says ("Outlook's 'Mobile Phone', not its 'Business Phone'").
rm -rf "$P"
printf '%s\r\n' \
    '"Title","First Name","Middle Name","Last Name","Suffix","Company","Department","Job Title","Business Street","Business Phone","Business Phone 2","Home Phone","Mobile Phone","Anniversary","Birthday","Categories","E-mail Address","E-mail Type","E-mail Display Name","E-mail 2 Address","Notes"' \
    '"","Ann","","Lee","","Acme","","","1 Main St","555-0100","","555-0300","555-0200","0/0/00","0/0/00","Clientes;VIP","ann@acme.example","SMTP","Ann Lee (ann@acme.example)","",""' \
    >"$d/outlook.csv"
t 0 '1' '' fu-add client --import "$d/outlook.csv"
t 0 'id,name,company,email,phone,since,birthday,anniversary,referred_by,consent,stage,tags,note
1,Ann Lee,Acme,ann@acme.example,555-0200,2026-11-23,,,,,,Clientes VIP,' '' \
    cat "$P/clients.csv"

# Outlook and Excel on Windows write a cell of several lines as CR LF
# inside its quotes; that is a line end of the note, as LF is, not a
# control character that refuses the whole file.
rm -rf "$P"
printf 'name,note\r\n"Nota Larga","Llamar el martes.\r\nPide factura."\r\n' \
    >"$d/crlf-note.csv"
t 0 '1' '' fu-add client --import "$d/crlf-note.csv"
t 0 'id,name,company,email,phone,since,birthday,anniversary,referred_by,consent,stage,tags,note
1,Nota Larga,,,,2026-11-23,,,,,,,"Llamar el martes.
Pide factura."' '' cat "$P/clients.csv"

# Google Contacts' CSV puts a contact's several emails and phones in one
# cell, " ::: " apart (as it does the labels, which are split).  The
# email kept is one address, the first, not "a ::: b", which no mail
# program can use and no later twin check by email will match.
rm -rf "$P"
printf '%s\n' \
    'First Name,Middle Name,Last Name,Organization Name,Birthday,Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value' \
    'Luz,,Mar,Acme,--04-23,,* myContacts ::: VIP,* Home ::: Work,luz@a.example ::: luz@b.example,Mobile ::: Work,+52 55 1111 ::: +52 55 2222' \
    >"$d/google.csv"
t 0 '1' '' fu-add client --import "$d/google.csv"
t 0 'id,name,company,email,phone,since,birthday,anniversary,referred_by,consent,stage,tags,note
1,Luz Mar,Acme,luz@a.example,'"'"'+52 55 1111,2026-11-23,04-23,,,,,myContacts VIP,' '' \
    cat "$P/clients.csv"

# The built fu-clients is not a file of the sources (it was committed
# with the command, and every build then showed it changed).
if [ -e "$top/.git" ] && command -v git >/dev/null 2>&1; then
	ok 'fu-clients, a built file, is not tracked' \
	    sh -c '! git -C "$1" ls-files --error-unmatch fu-clients' - "$top"
fi
