# Colour where it helps: on a terminal (or with --color=always) fu-due's
# overdue steps stand out in bold red, today's in bold, clients at risk in
# red and those with no next step in yellow; fu-stats's headings are bold
# and its figures that ask for action coloured.  Never a colour byte in a
# pipe, in a machine format, or under NO_COLOR (but with --color=always),
# and the columns line up as they do without colour.
. "${0%/*}/lib.sh"

fu-add client "Ana López" --consent --birthday 11-23 --today 2026-11-01 \
    >/dev/null
fu-add client "Luis Lozano" --today 2026-11-01 >/dev/null
fu-add client "Tom" --today 2026-11-01 >/dev/null
fu-add client "Zoë Peña" --today 2026-11-01 >/dev/null
fu-add agreement ana "Send the quote" --due 2026-11-20 --today 2026-11-18 \
    >/dev/null
fu-add agreement luis "Call about the order" --due today >/dev/null
fu-add agreement luis "Visit the shop" --due +2d >/dev/null
fu-log tom --signal "Missed a payment" --today 2026-11-22 >/dev/null

E=$(printf '\033')
PLAIN='DUE         WHEN     CLIENT       WHAT                                       CHANNEL  ID
2026-11-20  3d late  Ana López    Send the quote                                       1
2026-11-22  1d late  Tom          Act on the warning sign: Missed a payment            4
2026-11-23    today  Luis Lozano  Call about the order                                 2
2026-11-25    in 2d  Luis Lozano  Visit the shop                                       3'
COLOUR="DUE         WHEN     CLIENT       WHAT                                       CHANNEL  ID
$E[1;31m2026-11-20  3d late  Ana López    Send the quote                                       1$E[0m
$E[1;31m2026-11-22  1d late  Tom          Act on the warning sign: Missed a payment            4$E[0m
$E[1m2026-11-23    today  Luis Lozano  Call about the order                                 2$E[0m
2026-11-25    in 2d  Luis Lozano  Visit the shop                                       3"

# --color=always: overdue in bold red, today in bold, the rest plain; the
# escapes around whole lines, so that the columns are those of PLAIN.
t 0 "$COLOUR" '' fu-due --within 3 --color=always
t 0 "$PLAIN" '' sh -c 'fu-due --within 3 --color=always | sed "s/\x1b\[[0-9;]*m//g"'
# Never, and auto in a pipe (here, a file): not one escape.
t 0 "$PLAIN" '' fu-due --within 3 --color=never
t 0 "$PLAIN" '' fu-due --within 3 --color=auto
t 0 "$PLAIN" '' fu-due --within 3
# NO_COLOR: none, unless --color=always; empty, it is not set.
t 0 "$PLAIN" '' env NO_COLOR=1 fu-due --within 3 --color=auto
t 0 "$COLOUR" '' env NO_COLOR=1 fu-due --within 3 --color=always
t 0 "$COLOUR" '' env NO_COLOR= fu-due --within 3 --color=always
# Machine formats: never a colour byte, even with --color=always.
for f in --tsv --csv --json "-f{due}:{client}"; do
	fu-due --within 3 --color=always $f >"$tmp/machine" 2>&1
	ok "fu-due $f --color=always has rows" grep -q 'Ana López' \
	    "$tmp/machine"
	ok "fu-due $f --color=always has no escape" sh -c \
	    '! grep -q "$(printf "\033")" "$1"' sh "$tmp/machine"
done
t 0 "$(fu-due --within 3 --tsv)" '' fu-due --within 3 --tsv --color=always

# The other listings: at risk in red, no next step in yellow, an occasion
# today in bold.
t 0 "CLIENT  SINCE       SIGNAL            PENDING                                    DUE         ID
$E[31mTom     2026-11-22  Missed a payment  Act on the warning sign: Missed a payment  2026-11-22   4$E[0m" '' \
    fu-due --at-risk --color=always
t 0 "CLIENT    LAST  DAYS  CHANNEL  PENDING             DUE  ID
$E[33mZoë Peña          22           none: no next step$E[0m" '' \
    fu-due --adrift --color=always
t 0 "DATE        CLIENT     OCCASION  YEARS
$E[1m2026-11-23  Ana López  birthday$E[0m" '' fu-due --occasions --color=always

# A bad WHEN is a usage error; fu-add and fu-log print no table and take
# no --color.
t 2 '' 'fu-due: --color "blue": use auto, always or never' \
    fu-due --color=blue
ok 'fu-add takes no --color' sh -c '! fu-add client X --color=always'

# fu-stats: headings in bold, the figures that ask for action (one client
# at risk, two steps overdue, one client adrift) coloured, nothing moved.
fu-stats --color=always >"$tmp/stats"
fu-stats --color=never >"$tmp/plain"
t 0 "$E[1mClients$E[0m" '' grep -xF "$E[1mClients$E[0m" "$tmp/stats"
t 0 "  Warning signs                    1      At risk at the end               $E[31m1$E[0m" '' \
    grep -F 'At risk at the end' "$tmp/stats"
t 0 "  Dropped                          0      Overdue at the end               $E[1;31m2$E[0m" '' \
    grep -F 'Overdue at the end' "$tmp/stats"
t 0 "                                          Clients adrift                   $E[33m1$E[0m" '' \
    grep -F 'Clients adrift' "$tmp/stats"
ok 'fu-stats: without its escapes, the report is the plain one' sh -c \
    'sed "s/\x1b\[[0-9;]*m//g" "$1" | cmp -s - "$2"' sh "$tmp/stats" \
    "$tmp/plain"
ok 'fu-stats: auto in a pipe has no escape' sh -c \
    'fu-stats | cmp -s - "$1"' sh "$tmp/plain"
ok 'fu-stats: NO_COLOR has no escape' sh -c \
    'NO_COLOR=1 fu-stats | cmp -s - "$1"' sh "$tmp/plain"
for f in --tsv --csv --json "-f{kept_rate}"; do
	ok "fu-stats $f --color=always has no escape" sh -c \
	    '! fu-stats --color=always $1 | grep -q "$(printf "\033")"' sh "$f"
done

# On a terminal (script(1) gives one), auto colours unless NO_COLOR.  A
# container without pseudo-terminals gives none: said, and skipped.  The
# terminal is not a dumb one, whatever TERM the tests run under.
if command -v script >/dev/null 2>&1 &&
    script -qec 'test -t 1' /dev/null >/dev/null 2>&1; then
	TERM=xterm script -qec 'fu-due --within 3' /dev/null >"$tmp/tty" 2>&1
	ok 'auto on a terminal colours the overdue step' grep -qF \
	    "$E[1;31m2026-11-20" "$tmp/tty"
	NO_COLOR=1 TERM=xterm script -qec 'fu-due --within 3' /dev/null \
	    >"$tmp/tty" 2>&1
	ok 'auto on a terminal with NO_COLOR does not' sh -c \
	    '! grep -q "$(printf "\033")" "$1" && grep -q "3d late" "$1"' \
	    sh "$tmp/tty"
else
	echo "$name: script(1) is not installed or opens no terminal here:" \
	    "auto on a terminal is not tried"
fi
