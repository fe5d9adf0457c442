# fu-add agreement: the rule (R1, R3), dates, the client matcher.
. "${0%/*}/lib.sh"

t 0 '1' '' fu-add client "Ana López" --company Acme
t 0 '2' '' fu-add client "Mariana Ruiz" --company "Zeta" --consent
t 0 '3' '' fu-add client "Ana" --company "Óptica Peña"

t 0 '1' '' fu-add agreement lopez "Send the quote for 3 laptops" --due friday
t 0 '1,1,Send the quote for 3 laptops,2026-11-27,,,2026-11-23,,,,' '' tail -n 1 "$P/agreements.csv"
t 0 '2' '' fu-add agreement ÓPTICA "Llamar para confirmar la entrega" --due +2w --channel call
t 0 '2,3,Llamar para confirmar la entrega,2026-12-07,call,,2026-11-23,,,,' '' tail -n 1 "$P/agreements.csv"
t 0 '3' '' fu-add agreement 2 "Stay in touch" -d +3m --every 3m --channel email
t 0 '3,2,Stay in touch,2027-02-23,email,3m,2026-11-23,,,,' '' tail -n 1 "$P/agreements.csv"
# An exact full name wins over the names that contain it.
t 0 '4' '' fu-add agreement ana "Visit to sign the contract" --due miércoles
t 0 '4,3,Visit to sign the contract,2026-11-25,,,2026-11-23,,,,' '' tail -n 1 "$P/agreements.csv"

cp "$P/agreements.csv" "$tmp/before"
t 2 '' 'fu-add: "call me if anything" is not an agreement: name a concrete step and a due date' fu-add agreement lopez "call me if anything" --due friday
t 2 '' 'fu-add: "Cualquier cosa me llama." is not an agreement: name a concrete step and a due date' fu-add agreement lopez "Cualquier cosa me llama." --due friday
t 2 '' "fu-add: \"OK, we'll talk!\" is not an agreement: name a concrete step and a due date" fu-add agreement lopez "OK, we'll talk!" --due friday
t 2 '' 'fu-add: "si se decide me avisa" is not an agreement: name a concrete step and a due date' fu-add agreement lopez "si se decide me avisa" --due friday
t 2 '' 'fu-add: "quedamos en contacto" is not an agreement: name a concrete step, or make it a recurring touch with --every (such as --every 3m)' fu-add agreement lopez "quedamos en contacto" --due friday
t 2 '' 'fu-add: the step is empty: say what will be done, such as "Send the quote for 3 laptops"' fu-add agreement lopez "  " --due friday
t 2 '' "fu-add: Ana López has not agreed to be kept in touch with: a recurring agreement needs consent (once given, record it with fu-log 1 --consent)" fu-add agreement lopez "Stay in touch" --due +3m --every 3m
t 2 '' 'fu-add: an agreement needs a due date: add --due DATE' fu-add agreement lopez "Send the quote"
t 2 '' 'fu-add: due 2026-11-22 is before the day the agreement is made (2026-11-23): give a later --due' fu-add agreement lopez "Send the quote" --due yesterday
t 2 '' 'fu-add: --every "3x" is not a period: use such as 90d, 2w, 3m or 1y' fu-add agreement lopez "Send the quote" --due friday --every 3x
t 2 '' 'fu-add: "someday soon" is not a date: use YYYY-MM-DD, today, tomorrow, +N[dwmy], in N days or a weekday name' fu-add agreement lopez "Send the quote" --due "someday soon"
t 2 '' 'fu-add: no client has id 99' fu-add agreement 99 "Send the quote" --due friday
t 2 '' 'fu-add: "an" matches 3 clients; name one by id or by more of the name:
  1	Ana López, Acme
  2	Mariana Ruiz, Zeta
  3	Ana, Óptica Peña' fu-add agreement an "Send the quote" --due friday
t 2 '' 'fu-add: client options do not go with an agreement' fu-add agreement lopez "Send the quote" --due friday --company X
ok 'refusals leave agreements.csv as it was' cmp "$tmp/before" "$P/agreements.csv"

# --today pins the date of the agreement.
t 0 '5' '' fu-add --today 2026-01-30 agreement lopez "Send the invoice" --due +1m
t 0 '5,1,Send the invoice,2026-02-28,,,2026-01-30,,,,' '' tail -n 1 "$P/agreements.csv"
# Dates stay within years 0001 to 9999 (found by fuzz_date).
t 2 '' 'fu-add: "+1d" is out of range: dates go from 0001-01-01 to 9999-12-31' fu-add --today 9999-12-31 agreement lopez "Send the invoice" --due +1d
# Dates as people say them, in Spanish and in English (today is Monday
# 2026-11-23).
t 0 '6' '' fu-add agreement lopez "Enviar a Ana la cotización de 3 laptops" --due "el próximo viernes"
t 0 '7' '' fu-add agreement lopez "Llamar a Ana para confirmar el pedido" --due "dentro de 2 semanas"
t 0 '8' '' fu-add agreement lopez "Send Ana the signed order" --due "in 3 days"
t 0 '2026-11-27 2026-12-07 2026-11-26' '' sh -c 'tail -n 3 "$1" | cut -d, -f4 | paste -s -d " " -' sh "$P/agreements.csv"
t 2 '' 'fu-add: "en 3 lunas" is not a date: use YYYY-MM-DD, today, tomorrow, +N[dwmy], in N days or a weekday name' fu-add agreement lopez "Send the quote" --due "en 3 lunas"
