# fu-due --ics: the due steps and the occasions as a calendar (RFC 5545)
# for a calendar app to subscribe to.  The feed is checked as bytes (CR LF,
# lines folded at 75 octets between characters, TEXT escaped, the same
# bytes on every run and from any path), then read by a real parser
# (python3-icalendar) and imported into a real calendar program (khal).
# Where either is missing, its checks are skipped, and the scenario says
# so; the others run all the same.
. "${0%/*}/lib.sh"

# Names and steps with accents, commas, semicolons and backslashes; a
# step of 300 characters; a step the client owes; a client with no
# consent, whose birthday is no one's business.
fu-add client 'María José Ñúñez; Peña, Jr.' --company 'Muebles García, S.A.' \
    --email mj@mueblesgarcia.es --phone '+34 611 234 567' \
    --birthday 1985-11-28 --consent >/dev/null
fu-add client 'Zoë Clarke' --company 'Clarke & Daughters Ltd' \
    --email zoe@clarke.co.uk --phone '+44 20 7946 0321' --anniversary 02-29 \
    --consent >/dev/null
fu-add client "Tom O'Brien" --birthday 1990-11-25 >/dev/null
long='Enviar a Zoë la cotización revisada: 12 sillas de confidente, 3 mesas de reunión y 1 archivador; incluir portes, montaje y garantía de 5 años, con el descuento del 8 % acordado en la visita, y pedir confirmación por escrito antes del viernes para reservar el stock del almacén de Valencia, que se agota pronto'
long=${long:0:300}
ok 'the long step is 300 characters' test "${#long}" -eq 300
fu-add agreement 1 'Llamar a María; confirmar precio, plazo y C:\pedidos\0042' \
    --due 2026-11-20 --channel call --today 2026-11-16 >/dev/null
fu-add agreement zoe "$long" --due today --channel email >/dev/null
fu-add agreement tom 'Tom sends the signed order' --due +2d --theirs \
    >/dev/null
fu-add agreement 1 'Visitar la tienda de María' --due +30d --channel visit \
    >/dev/null

# ics ARG...: fu-due --ics ARG..., kept whole in $tmp/raw and printed
# without its CRs, to be compared as text.
ics() {
	fu-due --ics "$@" >"$tmp/raw"
	rc=$?
	tr -d '\r' <"$tmp/raw"
	return $rc
}

# The feed of the week: the late step stays on its day, the step of 300
# characters is folded, and the one a month away is not in it.
t 0 'BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//fu//fu-due 0.1.0//EN
CALSCALE:GREGORIAN
METHOD:PUBLISH
BEGIN:VEVENT
UID:fu-agreement-1-2b7fead49e9a2791
DTSTAMP:20261123T000000Z
DTSTART;VALUE=DATE:20261120
DTEND;VALUE=DATE:20261121
SUMMARY:María José Ñúñez\; Peña\, Jr.: Llamar a María\; confirmar pr
 ecio\, plazo y C:\\pedidos\\0042
DESCRIPTION:Step: Llamar a María\; confirmar precio\, plazo y C:\\pedidos
 \\0042\nWhose move: mine\nChannel: call\nClient: María José Ñúñez\; P
 eña\, Jr.\nCompany: Muebles García\, S.A.\nPhone: +34 611 234 567\nEmail
 : mj@mueblesgarcia.es\nAgreement: 1
TRANSP:TRANSPARENT
END:VEVENT
BEGIN:VEVENT
UID:fu-agreement-2-618bd4990b152615
DTSTAMP:20261123T000000Z
DTSTART;VALUE=DATE:20261123
DTEND;VALUE=DATE:20261124
SUMMARY:Zoë Clarke: Enviar a Zoë la cotización revisada: 12 sillas de co
 nfidente\, 3 mesas de reunión y 1 archivador\; incluir portes\, montaje y
  garantía de 5 años\, con el descuento del 8 % acordado en la visita\, y
  pedir confirmación por escrito antes del viernes para reservar el stock 
 del almacén de Valencia\, que se ago
DESCRIPTION:Step: Enviar a Zoë la cotización revisada: 12 sillas de confi
 dente\, 3 mesas de reunión y 1 archivador\; incluir portes\, montaje y ga
 rantía de 5 años\, con el descuento del 8 % acordado en la visita\, y pe
 dir confirmación por escrito antes del viernes para reservar el stock del
  almacén de Valencia\, que se ago\nWhose move: mine\nChannel: email\nClie
 nt: Zoë Clarke\nCompany: Clarke & Daughters Ltd\nPhone: +44 20 7946 0321
 \nEmail: zoe@clarke.co.uk\nAgreement: 2
TRANSP:TRANSPARENT
END:VEVENT
BEGIN:VEVENT
UID:fu-agreement-3-f08c7b4af17aed90
DTSTAMP:20261123T000000Z
DTSTART;VALUE=DATE:20261125
DTEND;VALUE=DATE:20261126
SUMMARY:Tom O'"'"'Brien: Tom sends the signed order
DESCRIPTION:Step: Tom sends the signed order\nWhose move: the client'"'"'s\nCli
 ent: Tom O'"'"'Brien\nAgreement: 3
TRANSP:TRANSPARENT
END:VEVENT
END:VCALENDAR' '' ics --within 7
cp "$tmp/raw" "$tmp/week.ics"

# The bytes: CR LF and nothing else ends a line; no line is longer than
# 75 octets, and each is whole UTF-8 on its own (no character was cut by
# a fold); a fold starts with one space.
ok 'every line ends in CR LF' sh -c 'LC_ALL=C awk "!/\r\$/ { bad = 1 } END { exit bad }" "$1" &&
    test "$(tr -cd "\r" <"$1" | wc -c)" -eq "$(tr -cd "\n" <"$1" | wc -c)"' sh "$tmp/week.ics"
ok 'no line is longer than 75 octets' sh -c 'LC_ALL=C awk "{ sub(/\r\$/, \"\") } length(\$0) > 75 { bad = 1 } END { exit bad }" "$1"' sh "$tmp/week.ics"
ok 'lines of 75 octets are there: the folds were needed' sh -c 'LC_ALL=C awk "{ sub(/\r\$/, \"\") } length(\$0) == 75 { n++ } END { exit n < 3 }" "$1"' sh "$tmp/week.ics"
ok 'no fold cuts a UTF-8 character' sh -c '! LC_ALL=C.UTF-8 grep -aqxv ".*" "$1"' sh "$tmp/week.ics"
# Unfolded, the TEXT values are escaped as RFC 5545 3.3.11 says.
unfold() {
	tr -d '\r' <"$1" | awk '/^ / { line = line substr($0, 2); next }
	    NR > 1 { print line } { line = $0 } END { print line }'
}
esc() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/;/\\;/g' -e 's/,/\\,/g'; }
unfold "$tmp/week.ics" >"$tmp/week.txt"
ok 'the long step, unfolded, is whole and escaped' \
    grep -qxF "SUMMARY:Zoë Clarke: $(esc "$long")" "$tmp/week.txt"
ok 'backslashes, semicolons and commas are escaped' \
    grep -qxF 'SUMMARY:María José Ñúñez\; Peña\, Jr.: Llamar a María\; confirmar precio\, plazo y C:\\pedidos\\0042' "$tmp/week.txt"

# The same feed on every run, from any path (another machine's), from the
# saved state or from the tables, in any language: nothing in it depends
# on the clock, the path or the locale.
t 0 '' '' sh -c 'fu-due --ics --within 7 | cmp -s - "$1"' sh "$tmp/week.ics"
cp -R "$P" "$tmp/elsewhere"
t 0 '' '' sh -c 'fu-due -p "$2" --ics --within 7 | cmp -s - "$1"' sh "$tmp/week.ics" "$tmp/elsewhere"
t 0 '' '' sh -c 'FU_CACHE=0 fu-due --ics --within 7 | cmp -s - "$1"' sh "$tmp/week.ics"
t 0 '' '' sh -c 'LANG=es_MX.UTF-8 LC_ALL=es_MX.UTF-8 LANGUAGE=es fu-due --ics --within 7 2>/dev/null | cmp -s - "$1"' sh "$tmp/week.ics"
# Another portfolio has an agreement 1 of a client 1 too, made the same
# day, with the same step: its UID is not the same.
fu-add -p "$tmp/other" client 'Luis Ruiz' >/dev/null
fu-add -p "$tmp/other" agreement 1 'Llamar a María; confirmar precio, plazo y C:\pedidos\0042' \
    --due 2026-11-20 --channel call --today 2026-11-16 >/dev/null
uids() { tr -d '\r' <"$1" | sed -n 's/^UID://p' | sort; }
fu-due -p "$tmp/other" --ics >"$tmp/other.ics"
a1=$(uids "$tmp/week.ics" | grep '^fu-agreement-1-')
b1=$(uids "$tmp/other.ics" | grep '^fu-agreement-1-')
ok 'two portfolios agreement 1 are two UIDs' test -n "$b1" -a "$a1" != "$b1"
# Several portfolios make one calendar, each event naming its own.
two() {
	fu-due -p "$P" -p "$tmp/other" --ics --within 7 >"$tmp/two.ics" || return
	grep -c '^BEGIN:VEVENT' "$tmp/two.ics"
	unfold "$tmp/two.ics" | grep '^DESCRIPTION:.*Luis Ruiz'
}
t 0 '4
DESCRIPTION:Step: Llamar a María\; confirmar precio\, plazo y C:\\pedidos\\0042\nWhose move: mine\nChannel: call\nClient: Luis Ruiz\nPortfolio: '"$tmp/other"'\nAgreement: 1' '' two

# The listing options apply: the late ones, a client, a channel.
t 0 'UID:fu-agreement-1-2b7fead49e9a2791' '' sh -c 'fu-due --ics --overdue | tr -d "\r" | grep ^UID'
t 0 'UID:fu-agreement-2-618bd4990b152615' '' sh -c 'fu-due --ics --client zoe | tr -d "\r" | grep ^UID'
t 0 'UID:fu-agreement-4-1fb4a4cbeec5f4e5' '' sh -c 'fu-due --ics --within 30 --channel visit | tr -d "\r" | grep ^UID'
# Nothing due is still a calendar, for the subscriber to read: exit 1.
t 1 'BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//fu//fu-due 0.1.0//EN
CALSCALE:GREGORIAN
METHOD:PUBLISH
END:VCALENDAR' '' ics --client tom --overdue
t 0 '' '' fu-due --ics -q
t 1 '' '' fu-due --ics -q --tag nosuchtag
t 2 '' 'fu-due: --ics prints a calendar: it goes with none of --tsv, --csv, --json and -f' fu-due --ics --json
t 2 '' 'fu-due: --ics prints a calendar: it goes with none of --tsv, --csv, --json and -f' fu-due -f '{id}' --ics
t 2 '' 'fu-due: --ics makes a calendar of the days agreements are due, or of --occasions: not of --stale, --adrift or --at-risk, which list clients' fu-due --ics --stale 30

# Occasions: a yearly event for each birthday and anniversary of the
# clients who consented (Tom did not), from the next day it comes round;
# 29 February falls on the last day of February.
t 0 'BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//fu//fu-due 0.1.0//EN
CALSCALE:GREGORIAN
METHOD:PUBLISH
BEGIN:VEVENT
UID:fu-birthday-1-1e36acf65f416d1d
DTSTAMP:20261123T000000Z
DTSTART;VALUE=DATE:20261128
DTEND;VALUE=DATE:20261129
RRULE:FREQ=YEARLY
SUMMARY:María José Ñúñez\; Peña\, Jr.: birthday
DESCRIPTION:Birthday: 1985-11-28\nClient: María José Ñúñez\; Peña\, J
 r.\nCompany: Muebles García\, S.A.\nPhone: +34 611 234 567\nEmail: mj@mue
 blesgarcia.es
TRANSP:TRANSPARENT
END:VEVENT
BEGIN:VEVENT
UID:fu-anniversary-2-88a9a20c1adc1a73
DTSTAMP:20261123T000000Z
DTSTART;VALUE=DATE:20270228
DTEND;VALUE=DATE:20270301
RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1
SUMMARY:Zoë Clarke: anniversary
DESCRIPTION:Anniversary: 02-29\nClient: Zoë Clarke\nCompany: Clarke & Daug
 hters Ltd\nPhone: +44 20 7946 0321\nEmail: zoe@clarke.co.uk
TRANSP:TRANSPARENT
END:VEVENT
END:VCALENDAR' '' ics --occasions
cp "$tmp/raw" "$tmp/occasions.ics"
t 0 'UID:fu-birthday-1-1e36acf65f416d1d' '' sh -c 'fu-due --ics --occasions --within 7 | tr -d "\r" | grep ^UID'

# A step kept: the feed made again has the same UIDs but the kept one's,
# and the step that the contact made.
fu-log zoe -o kept --next 'Llamar a Zoë para confirmar la entrega' --due +3d \
    >/dev/null
ics --within 7 >/dev/null
cp "$tmp/raw" "$tmp/week2.ics"
uids "$tmp/week.ics" >"$tmp/uids1"
uids "$tmp/week2.ics" >"$tmp/uids2"
t 0 'fu-agreement-2-618bd4990b152615' '' comm -23 "$tmp/uids1" "$tmp/uids2"
t 0 'fu-agreement-5-f2b7e38553b369b0' '' comm -13 "$tmp/uids1" "$tmp/uids2"

# A real parser: python3-icalendar reads every event back as it was
# written, the 300 characters and the escapes undone.
py=
for p in python3 /usr/bin/python3; do
	if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import icalendar' 2>/dev/null; then
		py=$p
		break
	fi
done
if [ -n "$py" ]; then
	cat >"$tmp/read.py" <<'EOF'
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
assert str(cal['VERSION']) == '2.0' and str(cal['CALSCALE']) == 'GREGORIAN'
for ev in cal.walk('VEVENT'):
    rule = ev.get('RRULE')
    rule = ';'.join(k + '=' + ','.join(map(str, v))
                    for k, v in sorted(rule.items())) if rule else '-'
    print(ev.decoded('DTSTART').isoformat(), ev.decoded('DTEND').isoformat(),
          str(ev['UID']), rule)
    print('  ' + str(ev['SUMMARY']))
    print('  ' + str(ev['DESCRIPTION']).replace('\n', '\n  '))
EOF
	t 0 "2026-11-20 2026-11-21 fu-agreement-1-2b7fead49e9a2791 -
  María José Ñúñez; Peña, Jr.: Llamar a María; confirmar precio, plazo y C:\\pedidos\\0042
  Step: Llamar a María; confirmar precio, plazo y C:\\pedidos\\0042
  Whose move: mine
  Channel: call
  Client: María José Ñúñez; Peña, Jr.
  Company: Muebles García, S.A.
  Phone: +34 611 234 567
  Email: mj@mueblesgarcia.es
  Agreement: 1
2026-11-23 2026-11-24 fu-agreement-2-618bd4990b152615 -
  Zoë Clarke: $long
  Step: $long
  Whose move: mine
  Channel: email
  Client: Zoë Clarke
  Company: Clarke & Daughters Ltd
  Phone: +44 20 7946 0321
  Email: zoe@clarke.co.uk
  Agreement: 2
2026-11-25 2026-11-26 fu-agreement-3-f08c7b4af17aed90 -
  Tom O'Brien: Tom sends the signed order
  Step: Tom sends the signed order
  Whose move: the client's
  Client: Tom O'Brien
  Agreement: 3" '' "$py" "$tmp/read.py" "$tmp/week.ics"
	t 0 "2026-11-28 2026-11-29 fu-birthday-1-1e36acf65f416d1d FREQ=YEARLY
  María José Ñúñez; Peña, Jr.: birthday
  Birthday: 1985-11-28
  Client: María José Ñúñez; Peña, Jr.
  Company: Muebles García, S.A.
  Phone: +34 611 234 567
  Email: mj@mueblesgarcia.es
2027-02-28 2027-03-01 fu-anniversary-2-88a9a20c1adc1a73 BYMONTH=2;BYMONTHDAY=-1;FREQ=YEARLY
  Zoë Clarke: anniversary
  Anniversary: 02-29
  Client: Zoë Clarke
  Company: Clarke & Daughters Ltd
  Phone: +44 20 7946 0321
  Email: zoe@clarke.co.uk" '' "$py" "$tmp/read.py" "$tmp/occasions.ics"
else
	echo "$name: python3-icalendar is not installed: the checks with a" \
	    "real parser are skipped (apt-get install python3-icalendar)"
	ok 'python3-icalendar checks skipped' true
fi

# A real calendar program: khal imports the feed into a calendar of its
# own, and lists the steps on their days.  Made again after a step was
# kept, the feed imported afresh (as a subscriber reads it) has lost the
# kept one, and imported over the first it adds nothing twice: the same
# agreement is the same UID, which khal keeps as one event.
if command -v khal >/dev/null 2>&1; then
	k=$tmp/khal
	mkdir -p "$k/home" "$k/one" "$k/fresh"
	for c in one fresh; do
		cat >"$k/$c.conf" <<EOF
[calendars]
[[fu]]
path = $k/$c
type = calendar
[sqlite]
path = $k/$c.db
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
firstweekday = 0
[default]
default_calendar = fu
EOF
	done
	khal() {
		env HOME="$k/home" XDG_CONFIG_HOME="$k/home" \
		    XDG_DATA_HOME="$k/home" XDG_CACHE_HOME="$k/home" \
		    khal -c "$k/$1.conf" "${@:2}"
	}
	list() { khal "$1" list --day-format '' --format '{start-date} {title}' 2026-11-01 2026-12-31; }
	t 0 '' '' khal one import --batch "$tmp/week.ics"
	t 0 "2026-11-20 María José Ñúñez; Peña, Jr.: Llamar a María; confirmar precio, plazo y C:\\pedidos\\0042
2026-11-23 Zoë Clarke: $long
2026-11-25 Tom O'Brien: Tom sends the signed order" '' list one
	t 0 '' '' khal fresh import --batch "$tmp/week2.ics"
	t 0 "2026-11-20 María José Ñúñez; Peña, Jr.: Llamar a María; confirmar precio, plazo y C:\\pedidos\\0042
2026-11-25 Tom O'Brien: Tom sends the signed order
2026-11-26 Zoë Clarke: Llamar a Zoë para confirmar la entrega" '' list fresh
	t 0 '' '' khal one import --batch "$tmp/week2.ics"
	t 0 "2026-11-20 María José Ñúñez; Peña, Jr.: Llamar a María; confirmar precio, plazo y C:\\pedidos\\0042
2026-11-23 Zoë Clarke: $long
2026-11-25 Tom O'Brien: Tom sends the signed order
2026-11-26 Zoë Clarke: Llamar a Zoë para confirmar la entrega" '' list one
	t 0 '4' '' sh -c 'ls "$1" | wc -l' sh "$k/one"
	# The occasions come round every year; 29 February on the 28th in
	# a year without it, on the 29th in one with it.
	t 0 '' '' khal fresh import --batch "$tmp/occasions.ics"
	t 0 '2027-02-28 Zoë Clarke: anniversary
2027-11-28 María José Ñúñez; Peña, Jr.: birthday
2028-02-29 Zoë Clarke: anniversary
2028-11-28 María José Ñúñez; Peña, Jr.: birthday' '' khal fresh list --day-format '' --format '{start-date} {title}' 2027-01-01 2028-12-31
else
	echo "$name: khal is not installed: the checks with a real calendar" \
	    "program are skipped (apt-get install khal)"
	ok 'khal checks skipped' true
fi

# examples/ics-feed.sh: the feed made again in place, whole or not at all.
feed=$tmp/pub/follow-ups.ics
mkdir -p "$tmp/pub"
t 0 '' '' "$top/examples/ics-feed.sh" -w 7 "$feed"
t 0 '' '' sh -c 'fu-due --ics --within 7 | cmp -s - "$1"' sh "$feed"
t 0 '-rw-------' '' sh -c 'ls -l "$1" | cut -c1-10' sh "$feed"
t 0 '' '' "$top/examples/ics-feed.sh" -o -m 644 "$tmp/pub/occasions.ics"
t 0 '' '' cmp -s "$tmp/occasions.ics" "$tmp/pub/occasions.ics"
t 0 '-rw-r--r--' '' sh -c 'ls -l "$1" | cut -c1-10' sh "$tmp/pub/occasions.ics"
# Nothing due: an empty calendar, and no error.
t 0 '' '' env FU_TODAY=2020-01-01 "$top/examples/ics-feed.sh" -w 0 "$feed"
t 0 '1' '' grep -c '^END:VCALENDAR' "$feed"
t 1 '0' '' sh -c 'grep -c "^BEGIN:VEVENT" "$1"' sh "$feed"
# An error leaves the feed as it was, and no temporary file behind.
cp "$feed" "$tmp/before"
t 4 '' "fu-due: $tmp/nowhere: no portfolio here (fu-add client NAME makes one)" \
    "$top/examples/ics-feed.sh" -p "$tmp/nowhere" "$feed"
ok 'ics-feed.sh: an error leaves the feed as it was' cmp -s "$tmp/before" "$feed"
t 0 'follow-ups.ics
occasions.ics' '' ls -A "$tmp/pub"
t 2 '' 'usage: ics-feed.sh [-p DIR] [-w DAYS] [-o] [-m MODE] FILE' "$top/examples/ics-feed.sh"
