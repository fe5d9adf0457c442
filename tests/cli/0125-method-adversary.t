# The method at its edges, attacked (issue 12): each case is a problem
# found by playing a month of the method as a hostile user, written with
# the behaviour that fu(7), fu-log(1), fu-due(1), fu-stats(1) and
# fu-portfolio(5) promise.  They fail until the problem is fixed.
. "${0%/*}/lib.sh"

snap() { cat "$P"/*.csv >"$tmp/snap" 2>/dev/null; }
same() { cat "$P"/*.csv 2>/dev/null | cmp -s - "$tmp/snap"; }
# refused CMD [ARG...]: exit 2, a message on stderr, nothing on stdout,
# and nothing written to the portfolio.
refused() {
	snap
	"$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
	at=${BASH_LINENO[0]}
	ok "line $at: refused with exit 2 and a message: $*" \
	    test "$rc" = 2 -a ! -s "$tmp/out" -a -s "$tmp/err"
	ok "line $at: refused, nothing written: $*" same
}

fu-add client "Zoe Clarke" --since 2026-01-01 >/dev/null
fu-add client "Daniel Hughes" --since 2026-01-01 >/dev/null
fu-add client "Tom O'Brien" --since 2026-01-01 >/dev/null
fu-add client "Carol King" --since 2026-01-01 >/dev/null

# 1. Logging the same first contact twice keeps the step the first
# logging made: the second is not a follow-up of it.  fu-log(1), The rule:
# "a contact logged twice would otherwise keep the step that its first
# logging made".  Only a step that continues a kept one is guarded.
t 0 1 '' fu-log zoe --channel visit --next "Send Zoe the catalogue of spring fabrics" --due +2d
refused fu-log zoe --channel visit --next "Send Zoe the catalogue of spring fabrics" --due +2d
t 0 'kept=0 made=1' '' fu-stats -f 'kept={kept} made={made}'

# 2. The refusal of a contact that leaves no next step says "or say why
# there is none with --no-next REASON"; doing just that must work, not be
# refused because the agreement the contact settles "is open still".
fu-add --today 2026-11-10 agreement daniel "Send Daniel the renewal offer" --due today --channel email >/dev/null
t 2 '' 'fu-log: this contact leaves Daniel Hughes with no next step: add --next WHAT --due DATE, or say why there is none with --no-next REASON' \
    fu-log daniel --channel email
t 0 '' '' fu-log daniel --channel email --no-next "His new finance director calls us in January"
t 0 '2,2,email,kept
2,,email,no-next' '' sh -c 'tail -n 2 "$1" | cut -d, -f3-6' sh "$P/log.csv"

# 3. The ready command after a sale must record the contact that was
# typed: in the portfolio given with -p (not in the default one, where
# client 1 and agreement 1 are someone else's), on its --date, with its
# -o.  Run as printed, today it sells 4800 to Ana in the default
# portfolio and says her step was kept.
mkdir "$tmp/home"
(
	export HOME=$tmp/home
	unset FU_PORTFOLIO
	fu-add client "Ana López (the default portfolio)" >/dev/null
	fu-add agreement ana "Call Ana to confirm the order" --due today >/dev/null
	fu-add -p "$tmp/tom" client "Tom O'Brien" >/dev/null
	fu-add -p "$tmp/tom" --today 2026-11-01 agreement tom "Visit Tom to sign the contract" --due 2026-11-20 --channel visit >/dev/null
	fu-log -p "$tmp/tom" tom -o dropped --date 2026-11-20 --amount 4800 2>&1 | sed -n 2p >"$tmp/ready"
	sh -c ". \"$tmp/ready\"" >/dev/null 2>&1
	cut -d, -f2-7 "$tmp/tom/log.csv" | tail -n 1 >"$tmp/tomlog"
	cat "$tmp/home/.local/share/fu/log.csv" >"$tmp/homelog" 2>/dev/null
)
ok 'the ready command names the portfolio' grep -q -- '-p ' "$tmp/ready"
ok 'the ready command writes nothing to another portfolio' \
    sh -c 'test "$(wc -l <"$1")" -le 1' sh "$tmp/homelog"
t 0 '2026-11-20,1,1,visit,dropped,4800.00' '' cat "$tmp/tomlog"

# 4. fu-stats aborts on a hand-edited no-next row that holds an amount:
# "a bug in fu (lib/figures.c:...)", exit 134.  A no-next row counts in
# none of the figures (fu-stats(1)); bad input is never a crash.
mkdir "$tmp/nn"
printf 'id,name\n1,Cid\n' >"$tmp/nn/clients.csv"
printf 'id,client,what,due\n' >"$tmp/nn/agreements.csv"
printf 'id,date,client,agreement,channel,outcome,amount,mood,next,note\n1,2026-11-07,1,,,no-next,5000,,,Bought for the year\n' >"$tmp/nn/log.csv"
fu-stats -p "$tmp/nn" -f '{sales}' >/dev/null 2>&1
ok 'fu-stats does not crash on a no-next row with an amount' test $? -lt 128

# 5. A greeting cannot carry a call into the air: "the rule still refuses
# a call into the air" (issue 12, item 1).  The same phrases are refused
# as steps.
fu-log zoe --consent --channel email --note "Said yes" >/dev/null
refused fu-log zoe --greeting "Call to see how things are going" --channel call
refused fu-log zoe --greeting "just checking in" --channel call
refused fu-log zoe --greeting "Llamar para ver cómo va todo" --channel llamada

# 6. Consent is that in force on the day: a greeting, or a recurring
# touch, dated before the consent was given had no consent.
t 0 '' '' fu-log carol --consent --channel email --note "Said yes in her reply"
refused fu-log carol --greeting "Birthday card" --date 2026-11-01
refused fu-log carol --date 2026-11-01 --next "Quarterly visit to review the stock" --due +3m --every 3m

# 7. A withdrawal logged late (--date) ends the recurring touch from that
# day: the occurrence made after it, by a contact that kept the one the
# withdrawal ended, is no keep-in-touch agreement either.
mkdir "$tmp/late"
fu-add -p "$tmp/late" client "Ana" --consent --since 2026-01-01 >/dev/null
fu-add -p "$tmp/late" --today 2026-10-01 agreement ana "Monthly call to review the stock" --due 2026-11-15 --every 1m --channel call >/dev/null
fu-log -p "$tmp/late" ana --date 2026-11-15 --channel call >/dev/null
# Consent changes are recorded in order (what came after was made under
# the consent then recorded): the late one is refused, and dated today it
# ends the touch.
t 2 '' "fu-log: --date 2026-11-10 is before Ana's last contact or agreement (2026-11-15): consent given or taken back is recorded in order, dated that day or later, with the day it was said in --note" \
    fu-log -p "$tmp/late" ana --no-consent --date 2026-11-10 --channel call --note "Said so on the 10th, logged late"
t 0 '' '' fu-log -p "$tmp/late" ana --no-consent --channel call --note "Said so on the 10th, logged late" --no-next "Asked not to be called"
t 1 '' '' fu-due -p "$tmp/late" --within 60

# 8. At risk: since when the client is at risk (the first sign not acted
# on), the one at risk longest first, and the pending action is the
# action on the signal, not another step that happens to be due first.
mkdir "$tmp/risk"
fu-add -p "$tmp/risk" client "Bob" --since 2026-01-01 >/dev/null
fu-add -p "$tmp/risk" client "Cy" --since 2026-01-01 >/dev/null
fu-add -p "$tmp/risk" client "José Peña" --since 2026-01-01 >/dev/null
fu-log -p "$tmp/risk" bob --signal "Missed payment of invoice 100" --date 2026-11-01 --due 2026-11-02 >/dev/null
fu-log -p "$tmp/risk" cy --signal "Competitor visited" --date 2026-11-10 --due 2026-11-11 >/dev/null
fu-log -p "$tmp/risk" bob --signal "Missed payment of invoice 101" --date 2026-11-20 --due 2026-11-21 >/dev/null
t 0 'Bob 2026-11-01
Cy 2026-11-10' '' fu-due -p "$tmp/risk" --at-risk -f '{client} {since}'
fu-add -p "$tmp/risk" agreement jose "Llamar a José para confirmar que llegó el pedido" --due today >/dev/null
t 0 5 '' fu-log -p "$tmp/risk" jose --signal "No pagó la factura F-311" --channel llamada --due +1d
t 0 'José Peña 5 Act on the warning sign: No pagó la factura F-311' '' \
    fu-due -p "$tmp/risk" --at-risk --client jose -f '{client} {id} {what}'

# 9. An empty -p is no portfolio: it must not fall back on FU_PORTFOLIO
# (or the default one) and write there.
snap
refused fu-add -p '' client "Eva Stone"
refused fu-log -p '' zoe --greeting "Card"

# 10. An option given twice, when only one counts, is refused rather than
# dropped in silence: two --next steps keep only the second.  Each client
# here is at a first contact, so nothing else refuses these.
for c in "Fiona Long" "Fred Moss" "Flora Nash" "Felix Ortiz"; do
	fu-add client "$c" --since 2026-01-01 >/dev/null
done
refused fu-log fiona --next "Send Fiona the proposal" --next "Call Fiona about the samples" --due friday
refused fu-log fred --next "Send Fred the proposal" --due friday --due +2w
refused fu-log flora --no-next "Waiting for the budget" --no-next "Bought for the year"
refused fu-log felix --next "Send Felix the proposal" --due friday --next-channel email --next-channel call

# 11. Blanks are no reason, and no channel ('' is refused already).
fu-add client "Gus Hale" --since 2026-01-01 >/dev/null
refused fu-log gus --no-next "   "
refused fu-log gus --next "Send Gus the quote for 2 vans" --due friday --next-channel "  "

# 12. Hand-edited files: the side as a Spanish spreadsheet types it, and
# a message that lists every spelling accepted, as consent's does.
mkdir "$tmp/side"
printf 'id,name\n1,Ana\n' >"$tmp/side/clients.csv"
printf 'id,client,what,due,channel,every,made,from,side\n1,1,Ana envía el pedido firmado,2026-11-23,,,2026-11-10,,Cliente\n' >"$tmp/side/agreements.csv"
printf 'id,date,client,agreement,channel,outcome,amount,mood,next,note,referred\n' >"$tmp/side/log.csv"
t 0 '1 client' '' fu-due -p "$tmp/side" -f '{id} {side}'
printf 'id,client,what,due,channel,every,made,from,side\n1,1,Ana envía el pedido firmado,2026-11-23,,,2026-11-10,,ella\n' >"$tmp/side/agreements.csv"
fu-due -p "$tmp/side" 2>"$tmp/err" >/dev/null
ok 'a bad side names every accepted spelling' grep -q 'theirs' "$tmp/err"

# 13. A hand-edited self-referral is bad input (fu-log refuses it), not a
# referral counted in the report.
mkdir "$tmp/self"
printf 'id,name,since\n1,Ana,2026-01-01\n2,Cid,2026-11-02\n' >"$tmp/self/clients.csv"
printf 'id,client,what,due\n' >"$tmp/self/agreements.csv"
printf 'id,date,client,agreement,channel,outcome,amount,mood,next,note,referred\n1,2026-11-07,2,,,referral,,,,,2\n' >"$tmp/self/log.csv"
fu-stats -p "$tmp/self" -f '{referred} {top_referrers}' >/dev/null 2>&1
ok 'a self-referral is a malformed row' test $? = 3

# 14. A hand-edited no-next row with no reason reads as no reason.
mkdir "$tmp/empty"
printf 'id,name,since\n1,Ana,2026-01-01\n' >"$tmp/empty/clients.csv"
printf 'id,client,what,due\n' >"$tmp/empty/agreements.csv"
printf 'id,date,client,agreement,channel,outcome,amount,mood,next,note\n1,2026-11-05,1,,call,no-next,,,,\n' >"$tmp/empty/log.csv"
t 0 'CLIENT  LAST  DAYS  CHANNEL  PENDING             DUE  ID
Ana            326           none: no next step' '' fu-due -p "$tmp/empty" --adrift

# 15. Who owes the move shows where a pending step is shown: a client's
# step in --stale and --at-risk is something to check on.
mkdir "$tmp/theirs"
fu-add -p "$tmp/theirs" client "Ana" --since 2026-01-01 >/dev/null
fu-add -p "$tmp/theirs" agreement ana "Ana sends the signed order" --due today --theirs >/dev/null
t 0 'check whether it arrived: Ana sends the signed order' '' \
    sh -c 'fu-due -p "$1" --stale 0 | tail -n 1 | grep -o "check whether it arrived: Ana sends the signed order"' sh "$tmp/theirs"

# 16. --no-next goes with a contact, not with the events of the second
# form (fu-log(1) SYNOPSIS: [next] only).
fu-add client "Hana Ito" --since 2026-01-01 >/dev/null
refused fu-log hana --consent --no-next "Nothing to do"
# Taking consent back may end the last agreement: then --no-next says why
# there is none (fu-log(1)), so it goes with --no-consent.
t 0 '' '' fu-log hana --no-consent --no-next "Asked not to be called"
