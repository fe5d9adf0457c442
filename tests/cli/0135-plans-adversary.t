# Plans at their edges, attacked (issue 16): each case is a problem found
# by a hostile review of plans (plan files, starting plans, steps that
# wait, fu-due --plan, the plan figures of fu-stats, the saved state),
# written with the behaviour that fu(7), fu-add(1), fu-log(1), fu-due(1),
# fu-stats(1) and fu-portfolio(5) promise.  They fail until the problem
# is fixed.
. "${0%/*}/lib.sh"

snap() { cat "$P"/*.csv >"$tmp/snap" 2>/dev/null; }
same() { cat "$P"/*.csv 2>/dev/null | cmp -s - "$tmp/snap"; }
# malformed LINE CMD [ARG...]: exit 3, a message naming agreements.csv
# and the line, nothing on stdout.
malformed() {
	want=$1
	shift
	"$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
	at=${BASH_LINENO[0]}
	ok "line $at: exit 3 ($rc): $*" test "$rc" = 3
	ok "line $at: names agreements.csv:$want: $(cat "$tmp/err")" \
	    grep -q "^${1}: agreements.csv:$want: " "$tmp/err"
	ok "line $at: prints nothing: $*" test ! -s "$tmp/out"
}
# cached_is_full CMD [ARG...]: the saved state's answer is a full scan's.
cached_is_full() {
	c=$("$@" 2>&1; echo "exit $?")
	u=$(FU_CACHE=0 "$@" 2>&1; echo "exit $?")
	same_text "line ${BASH_LINENO[0]}: cached = full scan: $*" "$c" "$u"
}

# 1. The saved state and a step that waits on an agreement settled, or
# moved, in rows the state already stands for.  fu-portfolio(5), .fu-state:
# "It is a cache, never the truth"; Plan steps that wait: due "on the day
# it was [settled], plus the period; if that one was moved, once the
# agreement that continues it is settled".  The two steps are appended by
# another program (a spreadsheet's macro, a script): the state stays
# valid, and only they are read.  The cached run took the step's written
# due for the first (the day of the keep is not saved) and for the second
# (the move is not saved either), so the step waiting on an open one came
# due.
fu-add client "Tom Baker" --since 2026-01-01 >/dev/null
fu-add agreement tom "Send the catalogue" --due +1d >/dev/null
fu-add agreement tom "Send the price list" --due +2d >/dev/null
fu-log tom -a 1 --channel email >/dev/null
fu-log tom -a 2 -o moved --due +5d >/dev/null
export FU_TODAY=2026-11-24
fu-due -q
printf '4,1,Call about the catalogue,2026-12-01,call,,2026-11-24,,,mine 1/2,1+3d\n5,1,Call about the price list,2026-12-01,call,,2026-11-24,,,mine 2/2,2+3d\n' \
    >>"$P/agreements.csv"
t 0 '4 2026-11-26 mine 1/2
5  mine 2/2' '' fu-due --plan mine -f '{id} {due} {plan}'
t 0 '4 2026-11-26 mine 1/2
5  mine 2/2' '' env FU_CACHE=0 fu-due --plan mine -f '{id} {due} {plan}'
cached_is_full fu-due --plan mine --tsv
cached_is_full fu-due --within 30 --tsv
# And again, once the state was saved with the wrong answer in it.
fu-due -q
cached_is_full fu-due --plan mine --tsv
export FU_TODAY=2026-11-23
rm -rf "$P"

# 2. An after that names no agreement at all: the step would wait
# forever, listed as "after #1".  fu-portfolio(5), Malformed tables: "an
# after that names no earlier agreement" is malformed (exit 3, naming the
# file and the line).
fu-add client "Tom Baker" --since 2026-01-01 >/dev/null
printf 'id,client,what,due,channel,every,made,from,side,plan,after\n2,1,Visit to ask how it is going,2026-12-07,visit,,2026-11-23,,,post-sale 2/3,\n3,1,Ask for a referral,2027-01-06,call,,2026-11-23,,,post-sale 3/3,1+30d\n' \
    >"$P/agreements.csv"
malformed 3 fu-due --plan post-sale
malformed 3 fu-due
rm -rf "$P"

# 3. A plan's step written past the last date fu can write: the step
# was silently set on 9999-12-31, a month and two years short of the
# plan's offsets.  fu-add(1) refuses "--due +1m" there ("out of range:
# dates go from 0001-01-01 to 9999-12-31"); a plan must not write a date
# other than the one its step says.  Refused, and nothing written.
fu-add client "Tom Baker" --since 2026-01-01 >/dev/null
mkdir "$P/plans"
printf 'when\twhat\n+1d\tSend the quote\n+1m\tCall about the quote\n+2y\tVisit to sign the renewal\n' >"$P/plans/far.tsv"
snap
fu-add agreement tom --plan far --start 9999-12-20 >"$tmp/out" 2>"$tmp/err"
rc=$?
ok "a step past 9999-12-31 is refused (exit $rc)" test "$rc" != 0
ok 'with a message' test -s "$tmp/err"
ok 'and nothing written' same
t 1 '' '' fu-due --plan far
rm -rf "$P"

# 4. fu-stats counted a post-sale call kept after today: --today (or
# FU_TODAY) earlier than the keep, the sale showed as cared for though
# its step is still open.  fu-portfolio(5), Derived state: "Rows dated
# after today ... are not counted yet"; fu-stats(1): "what is open or
# overdue is known up to today only".
fu-add client "Dan Four" --since 2026-01-01 >/dev/null
FU_TODAY=2026-11-30 fu-log dan --channel visit --amount 100 --plan post-sale >/dev/null
FU_TODAY=2026-12-05 fu-log dan -a 1 --channel call >/dev/null
t 0 'sales=1 cared=0 open=3' '' fu-stats --today 2026-11-30 --month 2026-11 -f 'sales={sales} cared={post_sale_cared} open={open}'
t 0 'sales=1 cared=0' '' fu-stats --today 2026-12-04 --month 2026-11 -f 'sales={sales} cared={post_sale_cared}'
t 0 'sales=1 cared=0' '' fu-stats --today 2026-12-04 --from 2026-11-01 --to 2026-11-30 --by month -f 'sales={sales} cared={post_sale_cared}'
t 0 'sales=1 cared=1' '' fu-stats --today 2026-12-05 --month 2026-11 -f 'sales={sales} cared={post_sale_cared}'
rm -rf "$P"

# 5. fu-due --plan over a team's portfolios depended on their order: a
# plan found in the second portfolio only, whose step is there, was a
# usage error naming the first.  fu-due(1), --plan: "A name that no step
# carries lists nothing ... when a plan of that name can be found, and
# is a usage error listing the plans found otherwise".  The step carries
# the name; the same answer in either order.
Q1=$tmp/q1 Q2=$tmp/q2
mkdir -m 700 "$Q1" "$Q2"
fu-add -p "$Q1" client "Tom Baker" --since 2026-01-01 >/dev/null
fu-add -p "$Q2" client "Ana Ruiz" --since 2026-01-01 >/dev/null
mkdir "$Q1/plans"
printf 'when\twhat\n+1d\tSend the quote\n' >"$Q1/plans/own.tsv"
t 0 1 '' fu-add -p "$Q1" agreement tom --plan own
t 0 '1 Tom Baker own 1/1' '' fu-due -p "$Q1" -p "$Q2" --plan own -f '{id} {client} {plan}'
t 0 '1 Tom Baker own 1/1' '' fu-due -p "$Q2" -p "$Q1" --plan own -f '{id} {client} {plan}'

# 6. A plan is started once "while one of its steps is open"; the contact
# that starts it again may be the one that settles the last open step.
# fu-log(1): refused when "a step of the same plan is open for the client
# still"; issue 16: "A plan started twice for the same client and
# occasion is refused" - a new sale, or a new loss, is a new occasion.
# a) The referral call brings a new order: the last post-sale step is
# kept by the sale that starts the next post-sale care.
fu-add client "Ana López" --since 2026-01-01 >/dev/null
t 0 '1
2
3' '' fu-log ana --channel visit --amount 900 --plan post-sale
fu-log ana -a 1 --channel call >/dev/null
fu-log ana -a 2 --channel visit >/dev/null
t 0 '4
5
6' '' env FU_TODAY=2026-12-23 fu-log ana -a 3 --channel call --amount 500 --plan post-sale
# b) Lost in January with an exit plan, won back in March, lost again in
# November: the loss drops every open agreement, the last exit's steps
# too (fu-portfolio(5), Lost clients), so none is open after it.  Refused,
# the second loss can never count in exit_plans (a plan started later by
# fu-add agreement --plan does not).
rm -rf "$P"
fu-add client "Luis Mora" --since 2025-01-01 >/dev/null
FU_TODAY=2026-01-10 fu-log luis --lost "Price" --channel call --plan exit >/dev/null
t 0 6 '' env FU_TODAY=2026-03-01 fu-log luis --won --channel call --next "Send the spring quote" --due +3d
t 0 '7
8
9
10
11' '' fu-log luis --lost "Price again" --channel call --plan exit
t 0 'lost=1 exit_plans=1' '' fu-stats --month 2026-11 -f 'lost={clients_lost} exit_plans={exit_plans}'
rm -rf "$P"

# 7. The installed plans as a symbolic link to each file, as GNU Stow,
# Nix or Homebrew install them: fu-add refused the built-in plan (exit 4,
# "is a symbolic link; fu refuses to follow it").  fu-portfolio(5)
# refuses a *table* that is a link; a plan is "the first of these files
# that exists", and nothing says an installed one may not be a link (the
# directory FU_PLANS itself may be one, and works).
mkdir "$tmp/stow"
for f in "$top"/plans/*.tsv; do
	ln -s "$f" "$tmp/stow/"
done
fu-add client "Tom Baker" --since 2026-01-01 >/dev/null
t 0 '1
2
3' '' env FU_PLANS="$tmp/stow" fu-add agreement tom --plan onboarding
rm -rf "$P"

# 8. A plan column that is no plan's step was taken as one: a place past
# the plan's end, or a name that is no plan's name (fu-due --plan cannot
# even be asked for it).  fu-portfolio(5): plan is "the plan's name, the
# step's place and the number of steps"; a name "is made of letters,
# digits, '-' and '_'"; a plan value that is not valid is malformed.
fu-add client "Tom Baker" --since 2026-01-01 >/dev/null
printf 'id,client,what,due,channel,every,made,from,side,plan,after\n1,1,Send the quote,2026-11-24,,,2026-11-23,,,exit 6/5,\n' >"$P/agreements.csv"
malformed 2 fu-due
printf 'id,client,what,due,channel,every,made,from,side,plan,after\n1,1,Send the quote,2026-11-24,,,2026-11-23,,,exit 0/5,\n' >"$P/agreements.csv"
malformed 2 fu-due
printf 'id,client,what,due,channel,every,made,from,side,plan,after\n1,1,Send the quote,2026-11-24,,,2026-11-23,,,plán 1/3,\n' >"$P/agreements.csv"
malformed 2 fu-due
rm -rf "$P"

# 9. A plan file that is a dangling link is no plan, yet the refusal
# listed it among the plans it found: "no plan called "gone"; the plans:
# ..., gone, ...".  fu-portfolio(5): the plan is "the first of these
# files that exists"; the message "lists the plans found".
fu-add client "Tom Baker" --since 2026-01-01 >/dev/null
mkdir "$P/plans"
ln -s "$tmp/nowhere.tsv" "$P/plans/gone.tsv"
t 2 '' 'fu-add: no plan called "gone"; the plans: bienvenida, exit, onboarding, post-sale, posventa, salida' \
    fu-add agreement tom --plan gone
