# The method at its edges (fu(7)): greetings, a next step for every
# contact, the step's channel, who owes the move, referrals as one fact,
# clients at risk, consent over time, spreadsheet values, several
# portfolios and the small frictions; in English and in Spanish.
. "${0%/*}/lib.sh"

fu-add client "Ana López" --company Acme --consent --birthday 1985-11-28 >/dev/null
fu-add client "Peter Walsh" --consent >/dev/null
fu-add client "Carol King" >/dev/null
fu-add client "Javier Muñoz" --company "Muebles Muñoz" >/dev/null
snap() { cat "$P/agreements.csv" "$P/log.csv" >"$tmp/snap"; }
same() { cat "$P/agreements.csv" "$P/log.csv" | cmp -s - "$tmp/snap"; }
field() { awk -F, -v id="$2" -v k="$3" '$1 == id { print $k }' "$P/$1.csv"; }

# 1. A greeting is a touch, not a follow-up.  Ana's quarterly visit is due
# in February: a birthday card does not keep it, and is refused unless it
# says it is a greeting.
t 0 1 '' fu-add agreement ana "Quarterly visit to review the stock" --due 2027-02-15 --every 3m --channel visit
snap
t 2 '' "fu-log: Ana López's only open agreement, 1 (Quarterly visit to review the stock), is due on 2027-02-15: if this contact followed up on it, name it with -a 1; a greeting that settles nothing is --greeting TEXT" \
    fu-log lopez --channel note --note "Handwritten birthday card" --mood +
ok 'the card wrote nothing' same
t 0 '' '' fu-log lopez --greeting "Handwritten birthday card" --channel note --mood +
t 0 '1,2026-11-23,1,,note,greeting,,+,,Handwritten birthday card,' '' tail -n 1 "$P/log.csv"
# It counts as a contact: the last one, and its channel.
t 0 '1	Ana López	2026-11-23	0	note' '' fu-due --stale 0 --client ana -f '{client_id}	{client}	{last}	{days}	{last_channel}'
# It settles nothing: the visit is still open, and nothing was kept.
t 0 '1' '' fu-due --within 100 --client ana -f '{id}'
t 0 'kept=0 greetings=1 contacts=1' '' fu-stats -f 'kept={kept} greetings={greetings} contacts={contacts}'
# In Spanish too; and only for a client who gave consent.
t 0 '' '' fu-log lopez --greeting "Tarjeta de Navidad escrita a mano" --channel nota
t 2 '' 'fu-log: Carol King has not agreed to be kept in touch with: a greeting needs consent (once given, record it with fu-log 3 --consent)' \
    fu-log carol --greeting "Felicitación de Navidad"
t 2 '' 'fu-log: -a, -o and --amount are for a contact, not for --signal, --lost, --won, --referral, --greeting, --consent or --no-consent' \
    fu-log lopez --greeting card -o kept

# Logging the same visit twice does not keep the step the first made.
t 0 2 '' fu-log walsh --channel visit --next "Call Peter to confirm the order of 40 LED panels" --due +2d
t 0 3 '' fu-log walsh -a 2 --next "Send Peter the delivery date" --due +3d
snap
t 2 '' "fu-log: Peter Walsh's only open agreement, 3 (Send Peter the delivery date), was made on 2026-11-23 by the contact that kept the one before it: if another contact followed up on it, name it with -a 3" \
    fu-log walsh --next "Send Peter the delivery date" --due +3d
ok 'the second logging wrote nothing' same

# 2. Every contact ends in a next step, or says why there is none.
t 2 '' 'fu-log: this contact leaves Peter Walsh with no next step: add --next WHAT --due DATE, or say why there is none with --no-next REASON' \
    fu-log walsh -a 3 --note ""
t 2 '' 'fu-log: this contact leaves Peter Walsh with no next step.  After a sale comes the post-sale follow-up (check the delivery, ask how it went, ask for a referral), such as:
  fu-log 2 -a 3 --amount 5120,50 --next "Call to check the delivery went well" --due +1w
or the whole post-sale plan:
  fu-log 2 -a 3 --amount 5120,50 --plan post-sale
or say why there is none with --no-next REASON' fu-log walsh -a 3 --amount 5120,50
ok 'the refusals wrote nothing' same
t 2 '' "fu-log: Peter Walsh's only open agreement, 3 (Send Peter the delivery date), was made on 2026-11-23 by the contact that kept the one before it: if another contact followed up on it, name it with -a 3" \
    fu-log walsh --no-next "Waiting for the budget"
t 2 '' 'fu-log: --no-next says why a contact, or --no-consent, leaves no next step: it does not go with --next, --plan or another event' \
    fu-log walsh -a 3 --no-next x --next y --due friday
t 0 '' '' fu-log walsh -a 3 --amount 5120.50 --no-next "Bought for the year; calls us in spring"
# The row that says why goes by the contact's channel, here the step's.
t 0 '6,2026-11-23,2,,visit,no-next,,,,Bought for the year; calls us in spring,' '' tail -n 1 "$P/log.csv"
t 0 'CLIENT       LAST        DAYS  CHANNEL  PENDING                                        DUE  ID
Peter Walsh  2026-11-23     0  visit    none: Bought for the year; calls us in spring' '' fu-due --adrift --client walsh
t 0 '2	Peter Walsh	Bought for the year; calls us in spring' '' sh -c 'fu-due --adrift --tsv | awk -F"\t" "\$2 == \"Peter Walsh\" { print \$1 \"\t\" \$2 \"\t\" \$9 }"'
# The reason is no contact: Peter's last contact is the sale.
t 0 '2026-11-23 visit' '' fu-due --stale 0 --client walsh -f '{last} {last_channel}'
# A step made later clears it; so does --lost, the other way out.
t 0 4 '' fu-log walsh --channel call --next "Llamar a Peter en marzo para la nueva gama" --due 2027-03-01
t 1 '' '' fu-due --adrift --client walsh

# 3. The step goes by its own channel, else by the contact's.
t 0 5 '' fu-log carol --channel call --next "Send Carol the proposal" --due friday
t 0 'call' '' field agreements 5 5
t 0 6 '' fu-log carol -a 5 --channel email --next "Llamar a Carol para comentar la propuesta" --next-channel call --due +1w
t 0 'call' '' field agreements 6 5
t 0 'email' '' sh -c 'tail -n 1 "$1" | cut -d, -f5' sh "$P/log.csv"
t 0 '2026-11-30 6' '' fu-due --within 7 --channel CALL --client carol -f '{due} {id}'
t 2 '' 'fu-log: --next-channel and --theirs go with --next WHAT' fu-log carol -a 6 --next-channel email
# A moved step keeps its channel and its side.
t 2 '' "fu-log: Carol King's only open agreement, 6 (Llamar a Carol para comentar la propuesta), was made on 2026-11-23 by the contact that kept the one before it: if another contact followed up on it, name it with -a 6" \
    fu-log carol -o moved --due +10d
t 0 7 '' fu-log carol -a 6 -o moved --due +10d
t 0 'call' '' field agreements 7 5

# 4. Who owes the move: the client's steps are checked on.
t 0 8 '' fu-add agreement carol "Carol sends the signed order" --due +2d --theirs
t 0 'client' '' field agreements 8 9
t 0 9 '' fu-log javier --channel visit --next "Javier envía el pedido firmado" --due +1d --theirs
t 0 'client' '' field agreements 9 9
t 0 '2026-11-24	Javier Muñoz	Javier envía el pedido firmado	client' '' fu-due --within 1 --tsv --client javier -f '{due}	{client}	{what}	{side}'
t 0 'DUE         WHEN   CLIENT        WHAT                                                      CHANNEL  ID
2026-11-24  in 1d  Javier Muñoz  check whether it arrived: Javier envía el pedido firmado  visit     9' '' fu-due --within 1 --client javier
t 2 '' 'fu-add: --due, --channel, --every, --theirs, --plan and --start are for agreements' fu-add client Eva --theirs
# Kept and broken, by side: Javier's order arrives, Carol's does not.
t 0 10 '' fu-log javier -a 9 --date 2026-11-23 --next "Entregar los muebles a Javier" --due +1w
t 0 11 '' fu-log carol -a 8 -o broken --next "Call Carol about the missing order" --due +1d
t 0 'kept_mine=3 broken_mine=0 kept_theirs=1 broken_theirs=1 kept_rate_mine=100.0 kept_rate_theirs=50.0' '' \
    fu-stats -f 'kept_mine={kept_mine} broken_mine={broken_mine} kept_theirs={kept_theirs} broken_theirs={broken_theirs} kept_rate_mine={kept_rate_mine} kept_rate_theirs={kept_rate_theirs}'
# A table written before the side column was read as before: all mine;
# a value it cannot hold is refused, not lost.
mkdir "$tmp/old"
printf 'id,name\n1,Ana\n' >"$tmp/old/clients.csv"
printf 'id,client,what,due,channel,every,made,from\n1,1,Send the quote,2026-11-25,,,2026-11-20,\n' >"$tmp/old/agreements.csv"
printf 'id,date,client,agreement,channel,outcome,amount,mood,next,note\n' >"$tmp/old/log.csv"
t 0 '2026-11-25 mine' '' fu-due -p "$tmp/old" --within 7 -f '{due} {side}'
t 2 '' 'fu-add: agreements.csv has no column for side: add each (its name on the first line and a field on every row, as a spreadsheet does; fu never rewrites the file), or leave those values out' \
    fu-add -p "$tmp/old" agreement ana "Ana sends the order" --due friday --theirs
t 0 2 '' fu-add -p "$tmp/old" agreement ana "Call Ana" --due friday
t 0 '2,1,Call Ana,2026-11-27,,,2026-11-23,' '' tail -n 1 "$tmp/old/agreements.csv"

# 5. A referral is one fact, however it was recorded.
t 0 5 '' fu-add client "Lucía Gómez" --referred-by ana
snap
t 2 '' "fu-log: Ana López's referral of Lucía Gómez is recorded already (referred_by, clients.csv line 6)" fu-log ana --referral lucía
t 2 '' 'fu-log: Lucía Gómez was referred by Ana López: a client is referred once' fu-log walsh --referral lucía
ok 'refused referrals wrote nothing' same
t 0 6 '' fu-add client "Elena Ruiz"
t 0 '' '' fu-log lucía --referral elena --note "Colega del despacho"
t 0 '14,2026-11-23,5,,,referral,,,,referred Elena Ruiz (6) - Colega del despacho,6' '' tail -n 1 "$P/log.csv"
t 2 '' "fu-log: Lucía Gómez's referral of Elena Ruiz is in the log already" fu-log lucía --referral elena
t 2 '' 'fu-log: Elena Ruiz was referred by Lucía Gómez: a client is referred once' fu-log ana --referral elena
# Each counts once in the report, whichever way it was recorded.
t 0 'new=6 referred=2 share=33.3 top=Ana López (1); Lucía Gómez (1)' '' \
    fu-stats -f 'new={clients_new} referred={referred} share={referral_share} top={top_referrers}'

# 6. At risk is visible: since when, why, and what is pending.
t 0 12 '' fu-log walsh --signal "Complained about the late delivery" --channel call
t 0 'CLIENT       SINCE       SIGNAL                              PENDING                                                      DUE         ID
Peter Walsh  2026-11-23  Complained about the late delivery  Act on the warning sign: Complained about the late delivery  2026-11-23  12' '' fu-due --at-risk
t 0 'client_id	client	since	signal	what	due	id
2	Peter Walsh	2026-11-23	Complained about the late delivery	Act on the warning sign: Complained about the late delivery	2026-11-23	12' '' fu-due --at-risk --tsv
t 0 'signals=1 at_risk=1' '' fu-stats -f 'signals={signals} at_risk={at_risk}'
t 2 '' 'fu-due: --stale, --adrift, --at-risk and --occasions go one at a time' fu-due --at-risk --adrift
# Another step kept, or the action moved, the risk goes on (was ended by
# any kept step: issue 12).
t 0 13 '' fu-add agreement walsh "Send Peter the catalogue" --due +1d
t 0 14 '' fu-log walsh -a 13 --channel email --next "Send Peter the price list" --due +3d
t 0 '2026-10 0
2026-11 1' '' fu-stats --by month --from 2026-10-01 --to 2026-11-30 -f '{month} {at_risk}'
t 0 15 '' fu-log walsh -a 12 -o moved --due +2d
t 0 'Peter Walsh	Act on the warning sign: Complained about the late delivery	15' '' fu-due --at-risk -f '{client}	{what}	{id}'
# The action kept, the risk is over; the sign stays in the period's count.
t 0 16 '' fu-log walsh -a 15 --channel visit --next "Llamar a Peter para confirmar que todo llegó bien" --due +1w
t 1 '' '' fu-due --at-risk
t 0 'signals=1 at_risk=0' '' fu-stats -f 'signals={signals} at_risk={at_risk}'

# 7. Consent given and taken back, dated, with the channel it came by.
t 0 '' '' fu-log carol --consent --channel email --note "Said yes in her reply"
t 0 '19,2026-11-23,3,,email,consent,,,,Said yes in her reply,' '' tail -n 1 "$P/log.csv"
t 0 '' '' fu-log carol --greeting "Tarjeta de agradecimiento" --channel nota
t 0 17 '' fu-add agreement carol "Llamada trimestral para revisar su stock" --due +3m --every 3m
# Her one agreement is recurring: taking consent back would leave her with
# no next step, so that is said (was silent).
t 2 '' "fu-log: taking back consent ends Ana López's recurring agreements and leaves no next step: add --next WHAT --due DATE for a step they asked for, or say why there is none with --no-next REASON" \
    fu-log ana --no-consent --channel phone --note "Asked not to be called"
t 0 '' '' fu-log ana --no-consent --channel phone --note "Asked not to be called" --no-next "Asked not to be called"
# From that day her recurring visit ends, and so do her occasions.
t 1 '' '' fu-due --within 400 --client ana
t 1 '' '' fu-due --occasions --within 366 --client ana
t 2 '' 'fu-log: Ana López has not agreed to be kept in touch with: a greeting needs consent (once given, record it with fu-log 1 --consent)' \
    fu-log ana --greeting "Happy new year"
t 2 '' 'fu-log: Ana López has not agreed to be kept in touch with: a recurring agreement needs consent (once given, record it with fu-log 1 --consent)' \
    fu-log ana --next "Quarterly visit" --due +3m --every 3m
# A one-off step she asked for is still one.
t 0 18 '' fu-log ana --channel phone --next "Send Ana the final invoice she asked for" --due +2d
# Given again, it is in force again; the visit that ended stays ended.
t 0 '' '' fu-log ana --consent --channel visit
t 0 '2026-11-28 birthday' '' fu-due --occasions --client ana -f '{date} {occasion}'
t 0 '18' '' fu-due --within 400 --client ana -f '{id}'
t 0 'open=8' '' fu-stats -f 'open={open}'

# 8. Non-commitments, as people say them.
# Those that wait on the client ask for a step; those that only keep in
# touch may be a recurring touch instead.
for vague in "llámame si necesitas algo" "lo platicamos" "ahí me dices" \
    "nos vemos" "let me know what you think"; do
	t 2 '' "fu-add: \"$vague\" is not an agreement: name a concrete step and a due date" \
	    fu-add agreement carol "$vague" --due friday
done
for vague in "te marco" "just checking in" "Llamar para ver cómo va todo" \
    "call to see how things are going"; do
	t 2 '' "fu-add: \"$vague\" is not an agreement: name a concrete step, or make it a recurring touch with --every (such as --every 3m)" \
	    fu-add agreement carol "$vague" --due friday
done
t 0 19 '' fu-add agreement carol "Llamar para confirmar el pedido de 40 paneles" --due friday
t 0 20 '' fu-add agreement carol "Call to confirm the order" --due friday

# 9. Spreadsheet values as people type them.
mkdir "$tmp/sheet"
printf 'id,name,consent\n1,Ana,Yes\n2,Bea,sí\n3,Cid,x\n4,Dee,No\n5,Eva,\n' >"$tmp/sheet/clients.csv"
printf 'id,client,what,due,channel,every,made,from,side\n1,1,Send the quote,2026-11-20,,,2026-11-10,,\n2,2,Send the catalogue,2026-11-20,,,2026-11-10,,\n' >"$tmp/sheet/agreements.csv"
printf 'id,date,client,agreement,channel,outcome,amount,mood,next,note,referred\n1,2026-11-12,1,1,call,Kept,"1250,50",,,,\n' >"$tmp/sheet/log.csv"
t 0 '2 Send the catalogue' '' fu-due -p "$tmp/sheet" -f '{id} {what}'
t 0 '' '' fu-log -p "$tmp/sheet" bea -a 2 -o Dropped --amount 99.5 --no-next "Closed the shop"
t 0 '2,2026-11-23,2,2,,dropped,"99,50",,,,' '' sed -n 3p "$tmp/sheet/log.csv"
t 0 '3' '' fu-add -p "$tmp/sheet" agreement cid "Visita trimestral" --due +3m --every 3m
t 2 '' 'fu-add: Dee has not agreed to be kept in touch with: a recurring agreement needs consent (once given, record it with fu-log 4 --consent)' \
    fu-add -p "$tmp/sheet" agreement dee "Visita trimestral" --due +3m --every 3m
printf '6,Fay,ja\n' >>"$tmp/sheet/clients.csv"
t 3 '' 'fu-due: clients.csv:7: consent "ja" is not yes, no or empty (yes: yes, sí, si, x, true, 1; no: no, false, 0)' fu-due -p "$tmp/sheet"

# 10. Several portfolios: a team lead's morning view.
mkdir "$tmp/team"
fu-add -p "$tmp/team/ana" client "Zoë Clarke" >/dev/null
fu-add -p "$tmp/team/ana" agreement zoe "Send Zoë the catalogue" --due +1d >/dev/null
fu-add -p "$tmp/team/luis" client "Raúl Ibáñez" >/dev/null
fu-add -p "$tmp/team/luis" agreement raul "Visitar a Raúl" --due today --channel visit >/dev/null
cd "$tmp/team"
t 0 'PORTFOLIO  DUE         WHEN   CLIENT       WHAT                    CHANNEL  ID
ana        2026-11-24  in 1d  Zoë Clarke   Send Zoë the catalogue            1
luis       2026-11-23  today  Raúl Ibáñez  Visitar a Raúl          visit     1' '' fu-due --within 1 -p ana -p luis
t 0 'ana	2026-11-24	Zoë Clarke	1
luis	2026-11-23	Raúl Ibáñez	1' '' fu-due --within 1 -p ana -p luis --tsv -f '{portfolio}	{due}	{client}	{id}'
t 0 'portfolio	due	late	client' '' sh -c 'fu-due --within 1 -p ana -p luis --tsv | head -n 1 | cut -f 1-4'
t 0 'luis Raúl Ibáñez' '' fu-due --within 1 -p ana -p luis --client raul -f '{portfolio} {client}'
t 2 '' 'fu-due: no client matches "nadie" in any of the portfolios' fu-due -p ana -p luis --client nadie
t 2 '' 'fu-due: -p ana and -p ./ana/ are the same portfolio: give it once' fu-due -p ana -p ./ana/
t 4 '' 'fu-due: nowhere: no portfolio here (fu-add client NAME makes one)' fu-due -p ana -p nowhere
t 2 '' 'fu-stats: -p ana and -p ../team/ana are the same portfolio: give it once' fu-stats -p ana -p ../team/ana
t 4 '' 'fu-stats: nowhere: no portfolio here (fu-add client NAME makes one)' fu-stats -p ana -p nowhere
t 2 '' 'fu-log: -p is given once: fu-log works on one portfolio' fu-log -p ana -p luis zoe --next x --due friday
t 2 '' 'fu-add: -p is given once: fu-add works on one portfolio' fu-add -p ana -p luis client Eva
cd "$top"

# 11. The small frictions.
snap
t 2 '' 'fu-add: Ana López, of Acme, is client 1 already (clients.csv line 2); if this is another person of the same name, add --duplicate' \
    fu-add client "ana lopez" --company ACME
t 2 '' 'fu-add: Javier Muñoz, of Muebles Muñoz, is client 4 already (clients.csv line 5); if this is another person of the same name, add --duplicate' \
    fu-add client " Javier Munoz " --company "muebles muñoz"
t 0 7 '' fu-add client "Ana López" --company Acme --duplicate
t 0 8 '' fu-add client "Ana López" --company "Acme Norte"
t 2 '' 'fu-add: a name with spaces is one argument, in quotes: fu-add client "María José Pérez"' fu-add client María José Pérez
t 2 '' 'fu-add: "31/02" is not a date: there is no such day' fu-add agreement carol "Send the quote" --due 31/02
t 2 '' 'fu-add: "03/04" is ambiguous: write the date as YYYY-MM-DD' fu-add agreement carol "Send the quote" --due 03/04
# The text table says when, in words; scripts get the days late.
fu-add -p "$tmp/when" client Xia >/dev/null
fu-add -p "$tmp/when" --today 2026-11-20 agreement xia "Send the quote" --due 2026-11-22 >/dev/null
fu-add -p "$tmp/when" agreement xia "Send the samples" --due today >/dev/null
fu-add -p "$tmp/when" agreement xia "Visit the shop" --due +7d >/dev/null
t 0 'DUE         WHEN     CLIENT  WHAT              CHANNEL  ID
2026-11-22  1d late  Xia     Send the quote              1
2026-11-23    today  Xia     Send the samples            2
2026-11-30    in 7d  Xia     Visit the shop              3' '' fu-due -p "$tmp/when" --within 7
t 0 '1 0 -7' '' sh -c 'fu-due -p "$1" --within 7 -f "{late}" | paste -s -d " " -' sh "$tmp/when"

# 12. Loose ends found when the method was played through again.
L=$tmp/ends
fu-add -p "$L" client "Zoe Park" >/dev/null
fu-add -p "$L" client "Yusuf Ali" >/dev/null
t 2 '' 'fu-log: --mood is for a contact or a greeting, not for --signal, --lost, --won, --referral, --consent or --no-consent' \
    fu-log -p "$L" zoe --signal "Late payment" --mood -
# A contact with a client who has nothing open, and no next step: the
# contact is recorded, then why there is none (was the reason alone).
t 0 '' '' fu-log -p "$L" zoe --channel call --mood + --note "Happy with the order" --no-next "Calls us in spring"
t 0 '1,2026-11-23,1,,call,,,+,,Happy with the order,
2,2026-11-23,1,,call,no-next,,,,Calls us in spring,' '' tail -n 2 "$L/log.csv"
t 0 '2026-11-23 call' '' fu-due -p "$L" --stale 0 --client zoe -f '{last} {last_channel}'
# The reason alone is no contact.
t 0 '' '' fu-log -p "$L" yusuf --no-next "Moved abroad; writes when back"
t 0 '3,2026-11-23,2,,,no-next,,,,Moved abroad; writes when back,' '' tail -n 1 "$L/log.csv"
t 0 '[]' '' fu-due -p "$L" --stale 0 --client yusuf -f '[{last}]'
# The post-sale command is ready to run as typed, channel and all.
fu-add -p "$L" agreement zoe "Send Zoe the quote for 40 panels" --due +1d >/dev/null
t 2 '' "fu-log: this contact leaves Zoe Park with no next step.  After a sale comes the post-sale follow-up (check the delivery, ask how it went, ask for a referral), such as:
  fu-log -p $L 1 -a 1 --channel 'shop visit' --amount 900 --next \"Call to check the delivery went well\" --due +1w
or the whole post-sale plan:
  fu-log -p $L 1 -a 1 --channel 'shop visit' --amount 900 --plan post-sale
or say why there is none with --no-next REASON" fu-log -p "$L" zoe --channel "shop visit" --amount 900
# A lost client shows no warning sign: the way back is --won.
t 0 '' '' fu-log -p "$L" zoe --lost "Went to a cheaper supplier"
t 2 '' 'fu-log: Zoe Park is lost: a warning sign is for a client still with us; a comeback is --won --next WHAT --due DATE' \
    fu-log -p "$L" zoe --signal "Complained about the price"
