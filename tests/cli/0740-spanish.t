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
t 2 '' 'fu-add: "ana" coincide con 2 clientes; indique uno por su id o con más del nombre:
  1	Ana López, Acme
  2	Ana Martínez, Óptica Peña' es fu-add agreement ana "Enviar la cotización" --due viernes
t 2 '' 'fu-add: "Cualquier cosa me llama." no es un acuerdo: indique un paso concreto y una fecha de vencimiento' es fu-add agreement lopez "Cualquier cosa me llama." --due viernes
t 2 '' 'fu-add: "el viernes o el lunes" no es una fecha: use YYYY-MM-DD, hoy, mañana, +N[dwmy], en N días o el nombre de un día de la semana' es fu-add agreement lopez "Enviar la cotización" --due "el viernes o el lunes"
t 2 '' 'fu-add: "2026-02-30" no es una fecha: ese día no existe' es fu-add agreement lopez "Enviar la cotización" --due 2026-02-30
t 2 '' 'fu-add: el vencimiento 2026-11-22 es anterior al día en que se hace el acuerdo (2026-11-23): indique un --due posterior' es fu-add agreement lopez "Enviar la cotización" --due ayer
t 2 '' 'fu-add: ningún cliente tiene el id 99' es fu-add agreement 99 "Enviar la cotización" --due viernes
t 2 '' 'fu-log: Ana López no tiene ningún acuerdo abierto; agregue --next WHAT --due DATE, --lost REASON o --no-next REASON' es fu-log lopez
t 2 '' 'fu-log: -o "quizá" no es un resultado: kept (cumplido), broken (incumplido), moved (movido) o dropped (descartado)' es fu-log lopez -o quizá
t 2 '' 'fu-due: --nada no es una opción
uso: fu-due [--within N] [--overdue] [--client C] [--channel C] [--tag T]
            [--plan NAME]
            [--slipped N] [--stale DAYS] [--adrift] [--at-risk] [--occasions]
            [-q] [--tsv | --csv | --json | --ics | -f TEMPLATE] [--raw]
            [-p DIR]... [--today DATE] [--color WHEN]
     fu-due --complete clients|plans [--client WORD] [-p DIR]...
     fu-due -h | --version' es fu-due --nada

t 0 '1' '' es fu-add agreement lopez "Enviar la cotización de 3 laptops" --due viernes
t 0 '2' '' es fu-add agreement núñez "Llamar para confirmar el pedido" --due "en 3 días" --channel llamada
t 0 '3' '' es fu-add agreement walsh "Call Peter about the LED panels" --due "el próximo lunes"

# The due list: Spanish headings, accented names aligned.
t 0 'VENCE       CUÁNDO  CLIENTE      QUÉ                                CANAL    ID
2026-11-26   en 3d  Íñigo Núñez  Llamar para confirmar el pedido    llamada   2
2026-11-27   en 4d  Ana López    Enviar la cotización de 3 laptops            1
2026-11-30   en 7d  Peter Walsh  Call Peter about the LED panels              3' '' es fu-due --within 7
# -o in Spanish; the log keeps the file's word.
t 0 '4' '' es fu-log lopez -o cumplido --next "Llamar para confirmar el pedido" --due +1w
t 0 'kept' '' sh -c 'tail -n 1 "$FU_PORTFOLIO/log.csv" | cut -d, -f6'
t 0 '1,2026-11-23,1,1,,kept,,,4,,' '' sh -c 'tail -n 1 "$FU_PORTFOLIO/log.csv"'
# The step of a warning sign, in the seller's language.
t 0 '5' '' es fu-log núñez --signal "Factura F-2026-311 sin pagar"
t 0 '5,3,Atender la señal de alerta: Factura F-2026-311 sin pagar,2026-11-23,,,2026-11-23,2,,,' '' sh -c 'tail -n 1 "$FU_PORTFOLIO/agreements.csv"'
t 0 'CLIENTE      DESDE       SEÑAL                         PENDIENTE                                                 VENCE       ID
Íñigo Núñez  2026-11-23  Factura F-2026-311 sin pagar  Atender la señal de alerta: Factura F-2026-311 sin pagar  2026-11-23   5' '' es fu-due --at-risk
# The report.
t 0 'Informe de retención, del 2026-11-01 al 2026-11-23

Clientes
  Al inicio                        1      Retención                   100.0%
  Nuevos                           3      Abandono                      0.0%
  Perdidos                         0      Contactados                      2
  Recuperados                      0      Cobertura                    50.0%
  Al final                         4      Sin contacto en 90 días          0
  Señales de alerta                1      En riesgo al final               1

Acuerdos
  Hechos                           5      Tasa de cumplimiento        100.0%
  Cumplidos                        1        de mis promesas           100.0%
  Incumplidos                      0        de promesas de clientes        -
  Movidos                          0      Abiertos al final                4
  Descartados                      0      Vencidos al final                0
                                          Clientes a la deriva             1

Ventas                          cantidad    parte         monto    parte
  En el periodo                        0                   0.00
    a clientes existentes              0        -          0.00        -
    a clientes nuevos                  0        -          0.00        -
  Seis meses desde 2026-05-24          0                   0.00
    a clientes existentes              0        -          0.00        -
    a clientes nuevos                  0        -          0.00        -
  Una cartera sana vende más o menos mitad y mitad en seis meses.

Recomendaciones
  Nuevos por recomendación    0 de 3      Tasa de referidos             0.0%

Salidas, recuperaciones y atención posventa
  Con plan de salida               0      Recuperados en 12 meses     0 de 0
  Entrevistas de salida            0      Tasa de recuperación             -
  Ventas atendidas en 14 días      0      Cobertura posventa               -

Contactos y ánimo
  Contactos                        2      Ánimo +                          0
  Un solo canal                    0      Ánimo 0                          0
  Saludos                          0      Ánimo -                          0
                                          Sin ánimo anotado                2
  Por canal:     (sin indicar) 2' '' es fu-stats --from 2026-11-01 --to 2026-11-30
t 0 'MES      CLIENTES  NUEVOS  PERDIDOS  RECUPERADOS  CONTACTOS  CUMPL%  MONTO  COBERTURA
2026-10         1       1         0            0          0       -   0.00  ..........   0.0%
2026-11         4       3         0            0          2  100.0%   0.00  #####.....  50.0%' '' es fu-stats --by month --from 2026-10-01 --to 2026-11-30

# The clients, their status in words a person reads.
t 0 'ID  CLIENTE       EMPRESA      ESTADO     ÚLTIMO      ABIERTOS  SIGUIENTE PASO                                            VENCE
 1  Ana López     Acme         prospecto  2026-11-23         1  Llamar para confirmar el pedido                           2026-11-30
 2  Ana Martínez  Óptica Peña  prospecto                     0
 3  Íñigo Núñez   Café Ñandú   en riesgo  2026-11-23         2  Atender la señal de alerta: Factura F-2026-311 sin pagar  2026-11-23
 4  Peter Walsh   Walsh        prospecto                     1  Call Peter about the LED panels                           2026-11-30' '' es fu-clients
t 0 '1 prospect
2 prospect
3 at risk
4 prospect' '' es fu-clients -f '{client_id} {status}'

# A hand-edited file's error, in Spanish.
cp -r "$P" "$tmp/bad"
printf '5,Sin Fecha,,,,ayer,,,,,,,\n' >>"$tmp/bad/clients.csv"
t 3 '' 'fu-due: clients.csv:6: since "ayer" no es una fecha (YYYY-MM-DD)' es fu-due -p "$tmp/bad"

# What scripts read does not change with the locale.
for args in "--tsv" "--csv" "--json" "-f {due}|{client}|{what}" \
    "--slipped 1 --csv" "--plan posventa --json"; do
	# Unquoted on purpose: $args is words.
	# shellcheck disable=SC2086
	fu-due --within 30 $args >"$tmp/c" 2>&1
	# shellcheck disable=SC2086
	es fu-due --within 30 $args >"$tmp/es" 2>&1
	ok "fu-due $args: the same bytes in C and in Spanish" cmp "$tmp/c" "$tmp/es"
	cmp -s "$tmp/c" "$tmp/es" || diff "$tmp/c" "$tmp/es" | sed 's/^/  /'
done
for args in "--tsv" "--csv" "--json" "--by month --tsv" "--by channel --json" \
    "-f {kept_rate}|{retention}"; do
	# shellcheck disable=SC2086
	fu-stats --from 2026-10-01 --to 2026-11-30 $args >"$tmp/c" 2>&1
	# shellcheck disable=SC2086
	es fu-stats --from 2026-10-01 --to 2026-11-30 $args >"$tmp/es" 2>&1
	ok "fu-stats $args: the same bytes in C and in Spanish" cmp "$tmp/c" "$tmp/es"
	cmp -s "$tmp/c" "$tmp/es" || diff "$tmp/c" "$tmp/es" | sed 's/^/  /'
done
for args in "--stale 0 --tsv" "--at-risk --json" "--adrift --csv" \
    "--occasions --json" "--overdue --csv"; do
	# shellcheck disable=SC2086
	fu-due $args >"$tmp/c" 2>&1
	# shellcheck disable=SC2086
	es fu-due $args >"$tmp/es" 2>&1
	ok "fu-due $args: the same bytes in C and in Spanish" cmp "$tmp/c" "$tmp/es"
	cmp -s "$tmp/c" "$tmp/es" || diff "$tmp/c" "$tmp/es" | sed 's/^/  /'
done
ok 'the outputs compared are not empty' test -s "$tmp/c"

# English is the default, and Spanish with no catalogue installed falls
# back to it.
t 0 'DUE         WHEN   CLIENT       WHAT                                                      CHANNEL  ID
2026-11-23  today  Íñigo Núñez  Atender la señal de alerta: Factura F-2026-311 sin pagar            5
2026-11-26  in 3d  Íñigo Núñez  Llamar para confirmar el pedido                           llamada   2
2026-11-30  in 7d  Peter Walsh  Call Peter about the LED panels                                     3
2026-11-30  in 7d  Ana López    Llamar para confirmar el pedido                                     4' '' fu-due --within 7
t 0 'DUE         WHEN   CLIENT       WHAT                                                      CHANNEL  ID
2026-11-23  today  Íñigo Núñez  Atender la señal de alerta: Factura F-2026-311 sin pagar            5
2026-11-26  in 3d  Íñigo Núñez  Llamar para confirmar el pedido                           llamada   2
2026-11-30  in 7d  Peter Walsh  Call Peter about the LED panels                                     3
2026-11-30  in 7d  Ana López    Llamar para confirmar el pedido                                     4' '' es env FU_LOCALEDIR=/nonexistent fu-due --within 7
