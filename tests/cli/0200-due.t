# fu-due: every listing, option and format, on the sample portfolio.
. "${0%/*}/lib.sh"

mkdir -p "$P" && cp "$top"/examples/portfolio/*.csv "$P"

t 0 'DUE         WHEN      CLIENT                 WHAT                                                              CHANNEL  ID
2026-11-06  17d late  Peter Walsh            Call Peter to confirm the order of 40 LED panels                  call     58
2026-11-15   8d late  Javier Muñoz           Enviar a Javier el catálogo 2027 con los precios de temporada     email    14
2026-11-18   5d late  Daniel Hughes          Email Daniel the renewal offer for his 10 accounting licences     email    56
2026-11-20   3d late  José Peña              Llamar a José por el impago de la factura F-2026-311              call     66
2026-11-23     today  Lucía Gómez            Enviar a Lucía la cotización de 4 sillas de confidente            email    61
2026-11-23     today  María Fernández Ñúñez  Llamar a María para confirmar si su socio aprueba el presupuesto  call     64' '' fu-due
t 0 'due	late	client	what	channel	id	client_id	every	slips	side	plan
2026-11-06	17	Peter Walsh	Call Peter to confirm the order of 40 LED panels	call	58	13		0	mine	
2026-11-15	8	Javier Muñoz	Enviar a Javier el catálogo 2027 con los precios de temporada	email	14	8		0	mine	
2026-11-18	5	Daniel Hughes	Email Daniel the renewal offer for his 10 accounting licences	email	56	11		0	mine	
2026-11-20	3	José Peña	Llamar a José por el impago de la factura F-2026-311	call	66	2		0	mine	
2026-11-23	0	Lucía Gómez	Enviar a Lucía la cotización de 4 sillas de confidente	email	61	6		0	mine	
2026-11-23	0	María Fernández Ñúñez	Llamar a María para confirmar si su socio aprueba el presupuesto	call	64	3		2	mine	
2026-11-24	-1	Ana López	Llamada mensual para revisar su stock de papel y tóner	call	59	1	1m	0	mine	
2026-11-25	-2	Sofía Castaño	Visitar el estudio de Sofía para medir el espacio	visit	67	12		0	mine	
2026-11-26	-3	Tom O'"'"'Brien	Visit Harbour Logistics to sign the maintenance contract	visit	63	5		0	mine	
2026-11-28	-5	Emily Watson	Message Emily to check the stools after a month of use	message	62	9		0	mine	' '' fu-due --within 7 --tsv
t 0 'due,late,client,what,channel,id,client_id,every,slips,side,plan
2026-11-06,17,Peter Walsh,Call Peter to confirm the order of 40 LED panels,call,58,13,,0,mine,
2026-11-15,8,Javier Muñoz,Enviar a Javier el catálogo 2027 con los precios de temporada,email,14,8,,0,mine,
2026-11-18,5,Daniel Hughes,Email Daniel the renewal offer for his 10 accounting licences,email,56,11,,0,mine,
2026-11-20,3,José Peña,Llamar a José por el impago de la factura F-2026-311,call,66,2,,0,mine,' '' fu-due --overdue --csv
t 0 '{"due":"2026-11-24","late":-1,"client":"Ana López","what":"Llamada mensual para revisar su stock de papel y tóner","channel":"call","id":59,"client_id":1,"every":"1m","slips":0,"side":"mine","plan":""}' '' fu-due --client lopez --within 7 --json
t 0 '2026-11-15 Javier Muñoz: Enviar a Javier el catálogo 2027 con los precios de temporada
2026-11-18 Daniel Hughes: Email Daniel the renewal offer for his 10 accounting licences
2026-11-23 Lucía Gómez: Enviar a Lucía la cotización de 4 sillas de confidente' '' fu-due --channel EMAIL -f '{due} {client}: {what}'
t 0 '64	2	María Fernández Ñúñez' '' fu-due --slipped 2 -f '{id}\t{slips}\t{client}'
t 1 '' '' fu-due --slipped 3

# Who haven't I contacted in 90 days?  With the pending agreement.
t 0 'CLIENT        LAST        DAYS  CHANNEL  PENDING                                                        DUE         ID
Javier Muñoz  2026-08-12   103  call     Enviar a Javier el catálogo 2027 con los precios de temporada  2026-11-15  14' '' fu-due --stale 90
t 0 '{"client_id":8,"client":"Javier Muñoz","last":"2026-08-12","days":103,"last_channel":"call","what":"Enviar a Javier el catálogo 2027 con los precios de temporada","due":"2026-11-15","id":14}' '' fu-due --stale 90 --json
t 0 '8 Javier Muñoz 103
10 Raúl Ibáñez 81' '' fu-due --stale 80 -f '{client_id} {client} {days}'
# Adrift: no next step, and the text says so (rule 4).
t 0 'CLIENT          LAST        DAYS  CHANNEL  PENDING             DUE  ID
Sarah Mitchell  2026-10-14    40  call     none: no next step' '' fu-due --adrift
t 0 'client_id,client,last,days,last_channel,what,due,id,no_next
7,Sarah Mitchell,2026-10-14,40,call,,,,' '' fu-due --adrift --csv
# Occasions of consenting clients; Sofía (no consent) is left out.
t 0 'DATE        CLIENT         OCCASION     YEARS
2026-11-28  Ana López      birthday        41
2026-12-02  Raúl Ibáñez    birthday
2026-12-04  Daniel Hughes  anniversary     10
2026-12-06  Peter Walsh    birthday        47' '' fu-due --occasions --within 14
t 0 'date	client_id	client	occasion	years
2026-11-28	1	Ana López	birthday	41' '' fu-due --occasions --tsv

# Exit status as grep; -q prints nothing.
t 0 '' '' fu-due -q
t 1 '' '' fu-due -q --today 2026-01-01
t 1 '' '' fu-due --tag nosuchtag
t 1 'due	late	client	what	channel	id	client_id	every	slips	side	plan' '' fu-due --tag nosuchtag --tsv

# Usage errors.
t 2 '' 'fu-due: --format: unknown field "bad"; the fields are: due late client what channel id client_id every slips side plan' fu-due -f '{bad}'
t 2 '' 'fu-due: --format: "{" is never closed' fu-due -f '{due'
t 2 '' 'fu-due: --within "x" is not a number from 0 to 36500' fu-due --within x
t 2 '' 'fu-due: --slipped "0" is not a number from 1 to 36500' fu-due --slipped 0
t 2 '' 'fu-due: --stale, --adrift, --at-risk and --occasions go one at a time' fu-due --stale 9 --adrift
t 2 '' 'fu-due: --overdue, --slipped and --plan list agreements: they do not go with --stale, --adrift, --at-risk or --occasions' fu-due --adrift --overdue
t 2 '' 'fu-due: today "tomorrow" is not a date (YYYY-MM-DD)' fu-due --today tomorrow
t 2 '' 'fu-due: "an" matches 5 clients; name one by id or by more of the name:
  1	Ana López, Papelería López
  3	María Fernández Ñúñez, Clínica Dental Sonrisa
  10	Raúl Ibáñez, Ferretería Ibáñez
  11	Daniel Hughes, Hughes Accounting
  12	Sofía Castaño, Castaño Arquitectura' fu-due --client an
t 0 'fu-due 0.1.0' '' fu-due --version

# From cron: no terminal, no LANG, the mail only when something is due.
t 0 "6" '' sh -c 'env -i PATH="$PATH" FU_PORTFOLIO="$FU_PORTFOLIO" FU_TODAY=2026-11-23 sh -c "fu-due -q && fu-due | tail -n +2 | wc -l"'

# Regressions: -q still checks the template; no header before an error;
# clients not yet in the portfolio are not adrift; a missing portfolio is
# an error, not silence.
t 2 '' 'fu-due: --format: unknown field "nope"; the fields are: due late client what channel id client_id every slips side plan' fu-due -q -f '{nope}'
t 2 '' 'fu-due: no client matches "zz" (fu-add client NAME adds one)' fu-due --client zz --tsv
t 1 '' '' fu-due --adrift --today 2026-08-01
t 4 '' "fu-due: $tmp/none: no portfolio here (fu-add client NAME makes one)" fu-due -p "$tmp/none"
t 2 '' 'fu-due: --tag is empty' fu-due --tag ''
