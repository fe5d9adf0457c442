# In Spanish: what a person reads follows the locale (messages, usage, the
# due list's headings, the report, the step of a warning sign), accented
# names still line up, and what a script reads (the files, --tsv, --csv,
# --json, -f) is byte for byte the same in every locale.
. "${0%/*}/lib.sh"

# es_MX.UTF-8 when the machine has it (tools/deps.sh makes it), else the
# same catalogue through LANGUAGE, which gettext heeds in C.UTF-8.
if locale -a 2>/dev/null | grep -qix 'es_MX\.utf-\{0,1\}8'; then
	es() { LC_ALL=es_MX.UTF-8 "$@"; }
else
	echo "$name: no es_MX.UTF-8 locale (tools/deps.sh makes it):" \
	    "Spanish through LANGUAGE=es in C.UTF-8"
	es() { LANGUAGE=es "$@"; }
fi

t 0 '1' '' es fu-add client "Ana López" --company Acme --consent \
    --phone "+52 55 1234 5678" --email ana@acme.example
t 0 '2' '' es fu-add client "Ana Martínez" --company "Óptica Peña"
t 0 '3' '' es fu-add client "Íñigo Núñez" --company "Café Ñandú"
t 0 '4' '' es fu-add client "Peter Walsh" --company Walsh --since 2026-10-01

# Refusals, in Spanish.
t 2 '' 'X' es fu-add agreement ana "Enviar la cotización" --due viernes
t 2 '' 'X' es fu-add agreement lopez "Cualquier cosa me llama." --due viernes
t 2 '' 'X' es fu-add agreement lopez "Enviar la cotización" --due "el viernes o el lunes"
t 2 '' 'X' es fu-add agreement lopez "Enviar la cotización" --due 2026-02-30
t 2 '' 'X' es fu-add agreement lopez "Enviar la cotización" --due ayer
t 2 '' 'X' es fu-add agreement 99 "Enviar la cotización" --due viernes
t 2 '' 'X' es fu-log lopez
t 2 '' 'X' es fu-log lopez -o quizá
t 2 'X' 'X' es fu-due --nada

t 0 '1' '' es fu-add agreement lopez "Enviar la cotización de 3 laptops" --due viernes
t 0 '2' '' es fu-add agreement núñez "Llamar para confirmar el pedido" --due "en 3 días" --channel llamada
t 0 '3' '' es fu-add agreement walsh "Call Peter about the LED panels" --due "el próximo lunes"

# The due list: Spanish headings, accented names aligned.
t 0 'X' '' es fu-due --within 7
# -o in Spanish; the log keeps the file's word.
t 0 '4' '' es fu-log lopez -o cumplido --next "Llamar para confirmar el pedido" --due +1w
t 0 'kept' '' sh -c 'tail -n 1 "$P/log.csv" | cut -d, -f5'
t 0 'X' '' sh -c 'head -n 1 "$P/log.csv"'
# The step of a warning sign, in the seller's language.
t 0 '5' '' es fu-log núñez --signal "Factura F-2026-311 sin pagar"
t 0 'X' '' sh -c 'tail -n 1 "$P/agreements.csv"'
t 0 'X' '' es fu-due --at-risk
# The report.
t 0 'X' '' es fu-stats --from 2026-11-01 --to 2026-11-30
t 0 'X' '' es fu-stats --by month --from 2026-10-01 --to 2026-11-30

# A hand-edited file's error, in Spanish.
cp -r "$P" "$tmp/bad"
printf '5,Sin Fecha,,,,ayer,,,,,,,\n' >>"$tmp/bad/clients.csv"
t 3 '' 'X' es fu-due -p "$tmp/bad"

# What scripts read does not change with the locale.
for args in "--tsv" "--csv" "--json" "-f {due}|{client}|{what}" \
    "--stale 0 --tsv" "--at-risk --json" "--overdue --within 30 --csv"; do
	# Unquoted on purpose: $args is words.
	# shellcheck disable=SC2086
	fu-due --within 30 $args >"$tmp/c" 2>&1
	# shellcheck disable=SC2086
	es fu-due --within 30 $args >"$tmp/es" 2>&1
	ok "fu-due $args: the same bytes in C and in Spanish" cmp "$tmp/c" "$tmp/es"
done
for args in "--tsv" "--csv" "--json" "--by month --tsv" "--by channel --json" \
    "-f {kept_rate}|{retention}"; do
	# shellcheck disable=SC2086
	fu-stats --from 2026-10-01 --to 2026-11-30 $args >"$tmp/c" 2>&1
	# shellcheck disable=SC2086
	es fu-stats --from 2026-10-01 --to 2026-11-30 $args >"$tmp/es" 2>&1
	ok "fu-stats $args: the same bytes in C and in Spanish" cmp "$tmp/c" "$tmp/es"
done
ok 'the outputs compared are not empty' test -s "$tmp/c"

# English is the default, and Spanish with no catalogue installed falls
# back to it.
t 0 'X' '' fu-due --within 7
t 0 'X' '' es env FU_LOCALEDIR=/nonexistent fu-due --within 7
