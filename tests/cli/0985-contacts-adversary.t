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

# A card with a control character is refused naming the property (FN)
# and its line, as every other refusal of a card is, not "NAME" at the
# card's first line.
printf 'BEGIN:VCARD\nVERSION:3.0\nFN:Evil\033]0;pwn\007Name\nEND:VCARD\n' \
    >"$d/esc.vcf"
t 2 '' "fu-add: $d/esc.vcf:3: FN holds a control character
fu-add: 1 of 1 cards refused; nothing was written" \
    fu-add client --vcard "$d/esc.vcf"

# Line endings: CR alone (classic Mac OS exports, some CRM tools) is a
# line end as CR LF and LF are.
printf 'BEGIN:VCARD\rVERSION:3.0\rFN:Solo Retorno\rEND:VCARD\r' >"$d/cr.vcf"
t 0 '1' '' fu-add client --vcard "$d/cr.vcf"
