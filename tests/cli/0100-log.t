# fu-log: rule 2, outcomes, chains, events, and what lands in the files.
. "${0%/*}/lib.sh"

fu-add client "Ana López" --company Acme --consent >/dev/null
fu-add client "José Peña" >/dev/null
fu-add client "Luis Ruiz" --company "Ruiz, S.L." >/dev/null
snap() { cat "$P/agreements.csv" "$P/log.csv" >"$tmp/snap"; }
same() { cat "$P/agreements.csv" "$P/log.csv" | cmp -s - "$tmp/snap"; }

# A first contact must end in an agreement.
snap
t 2 '' 'fu-log: Ana López has no open agreement; add --next WHAT --due DATE, --lost REASON, or --no-next REASON' fu-log ana
t 2 '' 'fu-log: "call me if anything" is not an agreement: name a concrete step and a due date' fu-log ana --next "call me if anything" --due friday
t 2 '' 'fu-log: -o kept needs an agreement to follow up on' fu-log ana -o kept --next "Send the quote" --due friday
ok 'refusals wrote nothing' same
t 0 '1' '' fu-log ana --channel call --next "Send the quote for 3 laptops" --due friday
t 0 '1,2026-11-23,1,,call,,,,1,,' '' tail -n 1 "$P/log.csv"
# The step goes by the contact's channel unless it names its own.
t 0 '1,1,Send the quote for 3 laptops,2026-11-27,call,,2026-11-23,1,,,' '' tail -n 1 "$P/agreements.csv"

# The only open agreement is implied; kept by default; chains to the next.
# A contact that names no channel went by the agreement's.
t 0 '2' '' fu-log lopez --amount 1250.5 --mood + --note "Sent" --next "Call to confirm the order" --due +1w
t 0 '2,2026-11-23,1,1,call,kept,1250.50,+,2,Sent,' '' tail -n 1 "$P/log.csv"
t 0 '2,1,Call to confirm the order,2026-11-30,call,,2026-11-23,2,,,' '' tail -n 1 "$P/agreements.csv"
# The same contact logged twice does not keep the step it just made.
snap
t 2 '' "fu-log: Ana López's only open agreement, 2 (Call to confirm the order), was made on 2026-11-23 by the contact that kept the one before it: if another contact followed up on it, name it with -a 2" fu-log lopez
# Every contact ends in a next step, or says why there is none; after a
# sale the refusal offers the post-sale follow-up.
t 2 '' 'fu-log: this contact leaves Ana López with no next step: add --next WHAT --due DATE, or say why there is none with --no-next REASON' fu-log lopez -a 2
t 2 '' 'fu-log: this contact leaves Ana López with no next step.  After a sale comes the post-sale follow-up (check the delivery, ask how it went, ask for a referral), such as:
  fu-log 1 -a 2 --amount 99 --next "Call to check the delivery went well" --due +1w
or the whole post-sale plan:
  fu-log 1 -a 2 --amount 99 --plan post-sale
or say why there is none with --no-next REASON' fu-log lopez -a 2 --amount 99
ok 'refusals wrote nothing' same
t 0 '' '' fu-log lopez -a 2 --no-next "Order confirmed; she reorders in spring"
t 0 '3,2026-11-23,1,2,call,kept,,,,,
4,2026-11-23,1,,call,no-next,,,,Order confirmed; she reorders in spring,' '' tail -n 2 "$P/log.csv"
t 2 '' 'fu-log: Ana López has no open agreement; add --next WHAT --due DATE, --lost REASON, or --no-next REASON' fu-log lopez

# Several open agreements: -a names one; the message lists them.
t 0 '3' '' fu-log ana --next "Send the catalogue" --due friday
t 0 '4' '' fu-add agreement ana "Visit to measure the office" --due +2d
t 2 '' 'fu-log: Ana López has 2 open agreements; name the one this contact followed up on:
  -a 4	Visit to measure the office (due 2026-11-25)
  -a 3	Send the catalogue (due 2026-11-27)' fu-log ana
t 2 '' 'fu-log: agreement 1 is not an open agreement of Ana López; the open ones:
  -a 4	Visit to measure the office (due 2026-11-25)
  -a 3	Send the catalogue (due 2026-11-27)' fu-log ana -a 1
t 0 '' '' fu-log ana -a 4 -o dropped --note "They moved offices"
t 0 '6,2026-11-23,1,4,,dropped,,,,They moved offices,' '' tail -n 1 "$P/log.csv"

# A moved step continues: same step, new date, one more slip.
t 0 '5' '' fu-log ana -o moved --due +2w
t 0 '6' '' fu-log ana -o moved --due +3w
t 0 '2026-12-14	Ana López	Send the catalogue	2' '' fu-due --slipped 2 -f '{due}\t{client}\t{what}\t{slips}'
t 2 '' 'fu-log: moved to when? add --due DATE (and --next WHAT for a new step)' fu-log ana -o moved
t 2 '' 'fu-log: --due goes with --next WHAT' fu-log ana -o kept --due +1w
t 2 '' 'fu-log: agreement 6 was made on 2026-11-23, after this contact (2026-11-22)' fu-log ana -o broken --date yesterday
t 0 '' '' fu-log ana -o broken --no-next 'She is moving offices: she calls when settled'

# A recurring touch needs consent; kept, it comes round again from the
# day of the contact, not from its old due date.
t 2 '' "fu-log: José Peña has not agreed to be kept in touch with: a recurring agreement needs consent (once given, record it with fu-log 2 --consent)" fu-log jose --next "Stay in touch" --due +3m --every 3m
t 0 '7' '' fu-log ana --next "Stay in touch" --due +1m --every 1m --channel email
t 0 '8' '' fu-log ana --date 2026-12-20 --today 2026-12-30
t 0 '8,1,Stay in touch,2027-01-20,email,1m,2026-12-20,12,,,' '' tail -n 1 "$P/agreements.csv"
t 0 '12,2026-12-20,1,7,email,kept,,,8,,' '' tail -n 1 "$P/log.csv"
t 0 '2027-01-20 8' '' fu-due --today 2026-12-30 --client ana --within 60 -f '{due} {id}'

# Events: a signal makes an agreement due today to act on it.
t 0 '9' '' fu-log luis --signal "Missed the October payment" --channel call
t 0 '9,3,Act on the warning sign: Missed the October payment,2026-11-23,call,,2026-11-23,13,,,' '' tail -n 1 "$P/agreements.csv"
t 0 '13,2026-11-23,3,,call,signal,,,9,Missed the October payment,' '' tail -n 1 "$P/log.csv"
t 0 '10' '' fu-log luis --signal "Second missed payment" --next "Visit Luis to agree a payment plan" --due tomorrow
t 0 '' '' fu-log luis --referral jose --note "Met at the fair"
t 0 '15,2026-11-23,3,,,referral,,,,referred José Peña (2) - Met at the fair,2' '' tail -n 1 "$P/log.csv"
t 2 '' 'fu-log: Luis Ruiz cannot refer themselves' fu-log luis --referral ruiz
t 2 '' 'fu-log: Luis Ruiz is not lost: --won records that a lost client came back' fu-log luis --won --next "Send the new price list" --due friday
t 0 '' '' fu-log luis --lost "Moved to a competitor"
t 1 '' '' fu-due --client luis --within 30
t 2 '' 'fu-log: Luis Ruiz is already lost; a comeback is --won --next WHAT --due DATE' fu-log luis --lost again
t 2 '' 'fu-log: Luis Ruiz is lost: record a comeback with --won --next WHAT --due DATE' fu-log luis --next "Call" --due friday
t 2 '' 'fu-log: a client who comes back needs a next step: add --next WHAT --due DATE, or --plan NAME' fu-log luis --won
t 0 '11' '' fu-log luis --won --next "Send the new price list" --due friday
t 0 '2026-11-27 Send the new price list' '' fu-due --client luis --within 30 -f '{due} {what}'

# Usage errors.
snap
t 2 '' 'fu-log: --signal, --lost, --won, --referral, --greeting, --consent and --no-consent go one at a time' fu-log luis --won --lost x
t 2 '' 'fu-log: -a, -o and --amount are for a contact, not for --signal, --lost, --won, --referral, --greeting, --consent or --no-consent' fu-log luis --signal x --amount 5
t 2 '' 'fu-log: -o "won" is not an outcome: kept, broken, moved or dropped' fu-log ana -o won
t 2 '' 'fu-log: --amount "-5" is not an amount (such as 1250 or 1250.50)' fu-log ana --amount -5
t 2 '' 'fu-log: --mood "great" is not +, 0 or -' fu-log ana --mood great
t 2 '' 'fu-log: -a "x" is not an agreement id' fu-log ana -a x
t 2 '' 'fu-log: --every goes with --next WHAT' fu-log ana --every 3m
t 2 '' 'fu-log: --date 2026-11-24 is after today (2026-11-23): a contact is logged once it happened' fu-log ana --date tomorrow
t 2 '' 'fu-log: no client matches "nadie" (fu-add client NAME adds one)' fu-log nadie
ok 'usage errors wrote nothing' same

# Regressions found while writing the man pages.
t 0 '12' '' fu-add agreement ana "Monthly stock review" --due +1w --every 1m --channel call
t 0 '13' '' fu-log ana -a 12 -o moved --due +2w
t 0 '13,1,Monthly stock review,2026-12-07,call,1m,2026-11-23,18,,,' '' tail -n 1 "$P/agreements.csv"
t 0 '14' '' fu-log jose --next "Send the contract" --due friday
t 0 '15' '' fu-log jose --signal "Cheque bounced" --due +2d
t 0 '15,2,Act on the warning sign: Cheque bounced,2026-11-25,,,2026-11-23,20,,,' '' tail -n 1 "$P/agreements.csv"
# A win-back step made when the client left can be followed up.
t 0 '16' '' fu-log jose --lost "Went to a competitor" --next "Call José in spring with the new range" --due 2027-03-01
t 0 '' '' fu-log jose -o kept --note "Not yet"
t 0 '22,2026-11-23,2,16,,kept,,,,Not yet,' '' tail -n 1 "$P/log.csv"
t 0 '17' '' fu-log jose --won --next "Send the spring range" --due +1w
