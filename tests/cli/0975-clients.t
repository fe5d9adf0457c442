# fu-clients: the listing and its filters on the sample portfolio (today
# 2026-11-23), and --vcard read back by a real address book program
# (khard, over a directory of the exported cards) and a real vCard parser
# (python3-vobject).  Where either is missing, its checks are skipped and
# the scenario says so; .ci/run installs both.
. "${0%/*}/lib.sh"

mkdir -p "$P" && cp "$top"/examples/portfolio/*.csv "$P"

t 0 'ID  CLIENT                 COMPANY                    STATUS    LAST        OPEN  NEXT STEP                                                         DUE
 1  Ana López              Papelería López            active    2026-10-24     1  Llamada mensual para revisar su stock de papel y tóner            2026-11-24
 2  José Peña              Muebles García, S.A.       at risk   2026-11-17     1  Llamar a José por el impago de la factura F-2026-311              2026-11-20
 3  María Fernández Ñúñez  Clínica Dental Sonrisa     prospect  2026-11-02     1  Llamar a María para confirmar si su socio aprueba el presupuesto  2026-11-23
 4  Zoë Clarke             Clarke & Daughters Ltd     lost      2026-10-08     0
 5  Tom O'"'"'Brien            Harbour Logistics          active    2026-10-30     1  Visit Harbour Logistics to sign the maintenance contract          2026-11-26
 6  Lucía Gómez            Gómez Abogados             active    2026-10-28     1  Enviar a Lucía la cotización de 4 sillas de confidente            2026-11-23
 7  Sarah Mitchell         Mitchell Design Studio     active    2026-10-14     0
 8  Javier Muñoz           Talleres Muñoz             active    2026-08-12     1  Enviar a Javier el catálogo 2027 con los precios de temporada     2026-11-15
 9  Emily Watson           Watson Bakery              active    2026-10-28     1  Message Emily to check the stools after a month of use            2026-11-28
10  Raúl Ibáñez            Ferretería Ibáñez          active    2026-09-03     1  Visita trimestral a la ferretería para revisar el surtido         2026-12-02
11  Daniel Hughes          Hughes Accounting          prospect  2026-10-20     1  Email Daniel the renewal offer for his 10 accounting licences     2026-11-18
12  Sofía Castaño          Castaño Arquitectura       prospect  2026-11-18     1  Visitar el estudio de Sofía para medir el espacio                 2026-11-25
13  Peter Walsh            Walsh Electrical Supplies  prospect  2026-10-23     1  Call Peter to confirm the order of 40 LED panels                  2026-11-06' '' fu-clients

# Part of a name or company, without regard to case or accents.
t 0 ' 1  Ana López  Papelería López  active  2026-10-24     1  Llamada mensual para revisar su stock de papel y tóner  2026-11-24' '' \
    sh -c 'fu-clients LOPEZ | tail -n +2'
t 0 '2 José Peña' '' fu-clients -f '{client_id} {client}' 'garcía, s.a'
t 0 '8 Javier Muñoz' '' fu-clients -f '{client_id} {client}' munoz
# Who Ana referred, however it was recorded.
t 0 'client_id,client,company,status,last,open,what,due,id,last_channel,email,phone,since,stage,tags,consent,referred_by
6,Lucía Gómez,Gómez Abogados,active,2026-10-28,1,Enviar a Lucía la cotización de 4 sillas de confidente,2026-11-23,61,visit,lucia@gomezabogados.es,600 987 654,2026-09-14,customer,despacho referido,yes,1' '' \
    fu-clients --referred-by ana --csv
# Consent in force, stage (folded) and tag (a whole word).
t 0 '8 Javier Muñoz
12 Sofía Castaño' '' fu-clients --no-consent -f '{client_id} {client}'
t 0 '11 Daniel Hughes yes' '' fu-clients --consent --stage RENEWAL \
    -f '{client_id} {client} {consent}'
t 0 '1 Ana López' '' fu-clients --tag madrid -f '{client_id} {client}'
t 1 '' '' fu-clients --tag madri
t 1 '' '' fu-clients --no-consent --stage negotiation
t 0 '{"client_id":4,"client":"Zoë Clarke","company":"Clarke & Daughters Ltd","status":"lost","last":"2026-10-08","open":0,"what":"","due":"","id":null,"last_channel":"call","email":"zoe@clarkedaughters.co.uk","phone":"+44 20 7946 0321","since":"2024-09-09","stage":"customer","tags":"uk wholesale","consent":"yes","referred_by":null}' '' \
    fu-clients --json zoe
t 2 '' 'fu-clients: --vcard prints cards: it does not go with --tsv, --csv, --json or -f' \
    fu-clients --vcard --json
t 2 '' 'fu-clients: no client matches "nadie" (fu-add client NAME adds one)' \
    fu-clients --referred-by nadie
t 2 '' 'fu-clients: tag "ab cd" holds a space: tags are single words (give --tag once for each)' \
    fu-clients --tag 'ab cd'

# A card: text escaped (backslash, comma, semicolon, line break), lines
# folded at 75 octets, never inside a character; a birthday without a
# year; the referrer by its UID.
fu-add client 'Íñigo Zubizarreta Etxeberria' --company 'Zubi; Hijos, S.L.' \
    --email inigo@zubi.example --phone '+34 944 000 111' --birthday 02-29 \
    --anniversary 2001-06-15 --referred-by 'Lucía' --tag vasco --tag 'a\b' \
    --stage 'first call' --since 2026-11-01 --note 'Prefiere WhatsApp; no llamar antes de las 10, ni los lunes.
Segunda línea con \ barra y acentos: áéíóú ñ ÁÉÍÓÚ Ñ, para doblar la línea más de una vez.' >/dev/null
t 0 'BEGIN:VCARD
VERSION:4.0
PRODID:-//fu//fu-clients 0.1.0//EN
UID:urn:uuid:f5db234b-6e3d-8957-8cd4-666b7a57a7af
FN:Íñigo Zubizarreta Etxeberria
N:Etxeberria;Íñigo Zubizarreta;;;
ORG:Zubi\; Hijos\, S.L.
EMAIL:inigo@zubi.example
TEL;VALUE=text:+34 944 000 111
BDAY:--0229
ANNIVERSARY:20010615
CATEGORIES:vasco,a\\b
NOTE:Prefiere WhatsApp\; no llamar antes de las 10\, ni los lunes.\nSegunda
  línea con \\ barra y acentos: áéíóú ñ ÁÉÍÓÚ Ñ\, para doblar 
 la línea más de una vez.
X-FU-SINCE:2026-11-01
X-FU-STAGE:first call
X-FU-REFERRED-BY:urn:uuid:6f7f2b39-02b0-8126-9b0e-dddc3ddf836a
END:VCARD' '' sh -c 'fu-clients --vcard zubi | tr -d "\r"'
ok 'each line of a card ends in CR LF and is 75 octets at most' sh -c '
    fu-clients --vcard >"$1/all.vcf" &&
    [ "$(grep -c "" "$1/all.vcf")" = "$(grep -c "$(printf "\r")\$" "$1/all.vcf")" ] &&
    ! tr -d "\r" <"$1/all.vcf" | LC_ALL=C grep -q "^.\{76\}"' - "$tmp"
ok 'the referrer is named by its own card'"'"'s UID' sh -c '
    fu-clients --vcard Lucía | grep -q "^UID:urn:uuid:6f7f2b39-02b0-8126-9b0e-dddc3ddf836a"'
ok 'a card is the same bytes on every run' sh -c '
    fu-clients --vcard | cmp -s - "$1/all.vcf"' - "$tmp"

# A real address book: khard, over a directory of cards, one a file.
mkdir -p "$tmp/book"
fu-clients --vcard | awk -v d="$tmp/book" '
    /^BEGIN:VCARD/ { f = sprintf("%s/%02d.vcf", d, ++n) } { printf "%s\n", $0 > f }'
cat >"$tmp/khard.conf" <<EOF2
[addressbooks]
[[fu]]
path = $tmp/book
[general]
default_action = list
[contact table]
display = formatted_name
sort = first_name
show_uids = yes
EOF2
if command -v khard >/dev/null 2>&1; then
	# Every client, by UID and name, as fu-clients lists them.
	t 0 "$(fu-clients -f '{client}' | sort)" '' sh -c \
	    'khard -c "$1/khard.conf" list --parsable </dev/null | cut -f 2 | sort' \
	    - "$tmp"
	t 0 "$(fu-clients --vcard | tr -d '\r' | sed -n 's/^UID://p' | sort)" '' \
	    sh -c 'khard -c "$1/khard.conf" list --parsable </dev/null | cut -f 1 | sort' \
	    - "$tmp"
	t 0 'inigo@zubi.example	Íñigo Zubizarreta Etxeberria	internet' '' sh -c \
	    'khard -c "$1/khard.conf" email --parsable zubi </dev/null |
	    grep -v "^searching for"' - "$tmp"
	t 0 '+34 944 000 111	Íñigo Zubizarreta Etxeberria	voice' '' sh -c \
	    'khard -c "$1/khard.conf" phone --parsable zubi </dev/null' - "$tmp"
	# The birthdays: a year where known.
	t 0 '1985.11.28	Ana López' '' sh -c \
	    'khard -c "$1/khard.conf" birthdays --parsable Ana </dev/null' - "$tmp"
else
	echo "$name: khard is not installed: the checks with a real address" \
	    "book are skipped (apt-get install khard)"
	ok 'khard checks skipped' true
fi

# A real parser: python3-vobject reads every card back as it was: the
# fields of each, unescaped and unfolded, equal those of fu-clients.
py=
for p in python3 /usr/bin/python3; do
	if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import vobject' 2>/dev/null; then
		py=$p
		break
	fi
done
if [ -n "$py" ]; then
	t 0 "$(fu-clients --json | "$py" -c '
import json, sys
for line in sys.stdin:
    r = json.loads(line)
    print("|".join([r["client"], r["company"] or "", r["email"] or "",
        r["phone"] or "", r["tags"].replace(" ", ","), r["stage"] or "",
        r["consent"] or ""]))
')" '' sh -c 'fu-clients --vcard | "$1" -c "
import sys, vobject
for c in vobject.readComponents(sys.stdin.read(), validate=True):
    def v(k):
        return c.contents[k][0].value if k in c.contents else \"\"
    org = v(\"org\")
    cats = v(\"categories\")
    print(\"|\".join([v(\"fn\"), \";\".join(org) if org else \"\",
        v(\"email\"), v(\"tel\"), \",\".join(cats) if cats else \"\",
        v(\"x-fu-stage\"), v(\"x-fu-consent\")]))
"' - "$py"
	t 0 'Prefiere WhatsApp; no llamar antes de las 10, ni los lunes.
Segunda línea con \ barra y acentos: áéíóú ñ ÁÉÍÓÚ Ñ, para doblar la línea más de una vez.
--0229 20010615' '' sh -c 'fu-clients --vcard zubi | "$1" -c "
import sys, vobject
c = vobject.readOne(sys.stdin.read())
print(c.note.value)
print(c.bday.value, c.contents[\"anniversary\"][0].value)
"' - "$py"
else
	echo "$name: python3-vobject is not installed: the checks with a real" \
	    "vCard parser are skipped (apt-get install python3-vobject)"
	ok 'python3-vobject checks skipped' true
fi
