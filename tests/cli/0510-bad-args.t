# Every option of fu-add, fu-log and fu-due given garbage: exit 2, a message
# that names the option and what it wants, and nothing written.
. "${0%/*}/lib.sh"

fu-add client "Ana López" --company "Papelería López" --tag vip >/dev/null
fu-add client "Luis Pérez" >/dev/null
fu-add agreement ana "Send Ana the quote for 3 laptops" --due 2026-11-25 >/dev/null
cp -R "$P" "$tmp/before"

ctl=$(printf 'a\001b')		# a control character
bad=$(printf 'a\377b')		# not UTF-8
nl='a
b'
usage_add=$(fu-add -h)
usage_log=$(fu-log -h)
usage_due=$(fu-due -h)
notdate='is not a date: use YYYY-MM-DD, today, tomorrow, +N[dwmy], in N days or a weekday name'
ambiguous='"03/04/2026" is ambiguous: write the date as YYYY-MM-DD'
twoclients='"p" matches 2 clients; name one by id or by more of the name:
  1	Ana López, Papelería López
  2	Luis Pérez'

# fu-add client.
t 2 '' "fu-add: the client's name is empty" fu-add client ''
t 2 '' "fu-add: NAME holds a control character" fu-add client "$ctl"
t 2 '' 'fu-add: --company holds a control character' fu-add client Eva --company "$ctl"
t 2 '' 'fu-add: --email is not valid UTF-8' fu-add client Eva --email "$bad"
t 2 '' 'fu-add: --phone holds a control character' fu-add client Eva --phone "$nl"
t 2 '' "fu-add: $ambiguous" fu-add client Eva --since 03/04/2026
t 2 '' "fu-add: \"garbage\" $notdate" fu-add client Eva --since garbage
t 2 '' 'fu-add: "2026-02-30" is not a date: there is no such day' fu-add client Eva --since 2026-02-30
t 2 '' 'fu-add: birthday "31-02" is not a date (YYYY-MM-DD or MM-DD)' fu-add client Eva --birthday 31-02
t 2 '' 'fu-add: birthday "1985/11/28" is not a date (YYYY-MM-DD or MM-DD)' fu-add client Eva --birthday 1985/11/28
t 2 '' 'fu-add: anniversary "13-01" is not a date (YYYY-MM-DD or MM-DD)' fu-add client Eva --anniversary 13-01
t 2 '' 'fu-add: no client matches "nobody" (fu-add client NAME adds one)' fu-add client Eva --referred-by nobody
t 2 '' 'fu-add: no client has id 99' fu-add client Eva --referred-by 99
t 2 '' "fu-add: $twoclients" fu-add client Eva --referred-by p
t 2 '' "fu-add: --consent takes no value
$usage_add" fu-add client Eva --consent=yes
t 2 '' 'fu-add: --stage holds a control character' fu-add client Eva --stage "$ctl"
t 2 '' 'fu-add: tag "two words" holds a space: tags are single words (give --tag once for each)' fu-add client Eva --tag 'two words'
t 2 '' 'fu-add: --tag is empty' fu-add client Eva --tag ''
t 2 '' 'fu-add: --note is not valid UTF-8' fu-add client Eva --note "$bad"
t 2 '' 'fu-add: --due, --channel, --every, --theirs, --plan and --start are for agreements' fu-add client Eva --due friday
t 2 '' 'fu-add: --due, --channel, --every, --theirs, --plan and --start are for agreements' fu-add client Eva --every 1m
t 2 '' 'fu-add: today "garbage" is not a date (YYYY-MM-DD)' fu-add client Eva --today garbage
t 2 '' 'fu-add: today "2026-13-01" is not a date (YYYY-MM-DD)' fu-add client Eva --today 2026-13-01
t 2 '' "fu-add: --since needs a value
$usage_add" fu-add client Eva --since
t 2 '' "fu-add: --bogus is not an option
$usage_add" fu-add client Eva --bogus
t 2 '' "fu-add: -x is not an option
$usage_add" fu-add client Eva -x
t 2 '' "$usage_add" fu-add client
t 2 '' 'fu-add: a name with spaces is one argument, in quotes: fu-add client "Eva Ana"' fu-add client Eva Ana
t 2 '' 'fu-add: a name with spaces is one argument, in quotes: fu-add client "Ana María López Ruiz"' fu-add client Ana María López Ruiz
t 2 '' "$usage_add" fu-add person Eva
t 2 '' "$usage_add" fu-add

# fu-add agreement.
t 2 '' 'fu-add: an agreement needs a due date: add --due DATE' fu-add agreement ana 'Send the quote'
t 2 '' "fu-add: \"garbage\" $notdate" fu-add agreement ana 'Send the quote' --due garbage
t 2 '' "fu-add: $ambiguous" fu-add agreement ana 'Send the quote' --due 03/04/2026
t 2 '' 'fu-add: due 2026-11-22 is before the day the agreement is made (2026-11-23): give a later --due' fu-add agreement ana 'Send the quote' --due yesterday
t 2 '' 'fu-add: --every "monthly" is not a period: use such as 90d, 2w, 3m or 1y' fu-add agreement ana 'Send the quote' --due friday --every monthly
t 2 '' 'fu-add: --every "0d" is not a period: use such as 90d, 2w, 3m or 1y' fu-add agreement ana 'Send the quote' --due friday --every 0d
t 2 '' 'fu-add: --every "101y" is not a period: use such as 90d, 2w, 3m or 1y' fu-add agreement ana 'Send the quote' --due friday --every 101y
t 2 '' 'fu-add: --channel holds a control character' fu-add agreement ana 'Send the quote' --due friday --channel "$nl"
t 2 '' 'fu-add: the step is empty: say what will be done, such as "Send the quote for 3 laptops"' fu-add agreement ana '' --due friday
t 2 '' 'fu-add: WHAT is not valid UTF-8' fu-add agreement ana "$bad" --due friday
t 2 '' 'fu-add: "call me if anything" is not an agreement: name a concrete step and a due date' fu-add agreement ana 'call me if anything' --due friday
t 2 '' 'fu-add: no client matches "nobody" (fu-add client NAME adds one)' fu-add agreement nobody 'Send the quote' --due friday
t 2 '' "fu-add: $twoclients" fu-add agreement p 'Send the quote' --due friday
t 2 '' 'fu-add: client options do not go with an agreement' fu-add agreement ana 'Send the quote' --due friday --company X
t 2 '' "fu-add: --due needs a value
$usage_add" fu-add agreement ana 'Send the quote' --due
t 2 '' "$usage_add" fu-add agreement ana

# Dates stay in the years fu can write and read back (year 10000 was
# written as 0000 and made the table unreadable; fixed in 789bd5c).
t 2 '' 'fu-add: "tomorrow" is out of range: dates go from 0001-01-01 to 9999-12-31' fu-add --today 9999-12-31 agreement ana 'Send the quote' --due tomorrow
t 2 '' 'fu-add: "yesterday" is out of range: dates go from 0001-01-01 to 9999-12-31' fu-add --today 0001-01-01 client Eva --since yesterday
# Offsets in months and years are refused as those in days are.
t 2 '' 'fu-add: "+100y" is out of range: dates go from 0001-01-01 to 9999-12-31' fu-add --today 9950-01-01 agreement ana 'Send the quote' --due +100y

# fu-log.
t 2 '' 'fu-log: no client named: give an id or part of a name' fu-log ''
t 2 '' 'fu-log: no client matches "nobody" (fu-add client NAME adds one)' fu-log nobody
t 2 '' "fu-log: $twoclients" fu-log p
t 2 '' 'fu-log: -a "x" is not an agreement id' fu-log ana -a x
t 2 '' 'fu-log: -a "0" is not an agreement id' fu-log ana -a 0
t 2 '' 'fu-log: -a "-1" is not an agreement id' fu-log ana -a -1
t 2 '' 'fu-log: agreement 99 is not an open agreement of Ana López; the open ones:
  -a 1	Send Ana the quote for 3 laptops (due 2026-11-25)' fu-log ana -a 99
t 2 '' 'fu-log: -o "maybe" is not an outcome: kept, broken, moved or dropped' fu-log ana -o maybe
t 2 '' 'fu-log: -o "signal" is not an outcome: kept, broken, moved or dropped' fu-log ana -o signal
t 2 '' 'fu-log: --channel holds a control character' fu-log ana --channel "$ctl"
t 2 '' "fu-log: \"garbage\" $notdate" fu-log ana --date garbage
t 2 '' "fu-log: $ambiguous" fu-log ana --date 03/04/2026
t 2 '' 'fu-log: --date 2026-11-24 is after today (2026-11-23): a contact is logged once it happened' fu-log ana --date tomorrow
t 2 '' 'fu-log: --amount "-5" is not an amount (such as 1250 or 1250.50)' fu-log ana --amount -5
t 2 '' 'fu-log: --amount "1e3" is not an amount (such as 1250 or 1250.50)' fu-log ana --amount 1e3
t 2 '' 'fu-log: --amount "1.250,00" is not an amount (such as 1250 or 1250.50)' fu-log ana --amount 1.250,00
t 2 '' 'fu-log: --amount "" is not an amount (such as 1250 or 1250.50)' fu-log ana --amount ''
t 2 '' 'fu-log: --mood "happy" is not +, 0 or -' fu-log ana --mood happy
t 2 '' 'fu-log: --note is not valid UTF-8' fu-log ana --note "$bad"
t 2 '' 'fu-log: --next is empty' fu-log ana --next '' --due friday
t 2 '' "fu-log: \"we'll talk\" is not an agreement: name a concrete step and a due date" fu-log ana --next "we'll talk" --due friday
t 2 '' 'fu-log: an agreement needs a due date: add --due DATE' fu-log ana --next 'Call Ana'
t 2 '' "fu-log: \"garbage\" $notdate" fu-log ana --next 'Call Ana' --due garbage
t 2 '' 'fu-log: --every "monthly" is not a period: use such as 90d, 2w, 3m or 1y' fu-log ana --next 'Call Ana' --due friday --every monthly
t 2 '' 'fu-log: --every goes with --next WHAT' fu-log ana --every 1m
t 2 '' 'fu-log: --signal is empty' fu-log ana --signal ''
t 2 '' "fu-log: --won takes no value
$usage_log" fu-log ana --won=yes
t 2 '' 'fu-log: no client matches "nobody" (fu-add client NAME adds one)' fu-log ana --referral nobody
t 2 '' 'fu-log: --signal, --lost, --won, --referral, --greeting, --consent and --no-consent go one at a time' fu-log ana --signal x --lost y
t 2 '' 'fu-log: -a, -o and --amount are for a contact, not for --signal, --lost, --won, --referral, --greeting, --consent or --no-consent' fu-log ana --signal x -o kept
t 2 '' 'fu-log: today "garbage" is not a date (YYYY-MM-DD)' fu-log ana --today garbage
t 2 '' "fu-log: -a needs a value
$usage_log" fu-log ana -a
t 2 '' "fu-log: --bogus is not an option
$usage_log" fu-log ana --bogus
t 2 '' "$usage_log" fu-log
t 2 '' "$usage_log" fu-log ana luis
# An empty --lost names --lost, not --signal.
t 2 '' 'fu-log: --lost is empty' fu-log ana --lost ''

# fu-due.
for n in x -1 36501 99999999999999999999 '' 7x 1.5; do
	t 2 '' "fu-due: --within \"$n\" is not a number from 0 to 36500" fu-due --within "$n"
	t 2 '' "fu-due: --stale \"$n\" is not a number from 0 to 36500" fu-due --stale "$n"
done
for n in x 0 -1 36501 ''; do
	t 2 '' "fu-due: --slipped \"$n\" is not a number from 1 to 36500" fu-due --slipped "$n"
done
t 2 '' 'fu-due: no client matches "nobody" (fu-add client NAME adds one)' fu-due --client nobody
t 2 '' 'fu-due: no client named: give an id or part of a name' fu-due --client ''
t 2 '' "fu-due: $twoclients" fu-due --client p
t 2 '' 'fu-due: no client has id 99' fu-due --client 99
t 2 '' 'fu-due: --format: unknown field "nope"; the fields are: due late client what channel id client_id every slips side plan' fu-due -f '{nope}'
t 2 '' 'fu-due: --format: unknown field "last"; the fields are: due late client what channel id client_id every slips side plan' fu-due --format '{due} {last}'
t 2 '' 'fu-due: --format: "{" is never closed' fu-due -f '{due'
t 2 '' 'fu-due: --format: unknown field "late"; the fields are: client_id client last days last_channel what due id' fu-due --stale 1 -f '{due} {late}'
t 2 '' 'fu-due: --stale, --adrift, --at-risk and --occasions go one at a time' fu-due --stale 9 --adrift
t 2 '' 'fu-due: --overdue, --slipped and --plan list agreements: they do not go with --stale, --adrift, --at-risk or --occasions' fu-due --adrift --overdue
t 2 '' 'fu-due: today "garbage" is not a date (YYYY-MM-DD)' fu-due --today garbage
t 2 '' 'fu-due: today "2026-02-30" is not a date (YYYY-MM-DD)' fu-due --today 2026-02-30
for o in overdue adrift occasions quiet tsv csv json; do
	t 2 '' "fu-due: --$o takes no value
$usage_due" fu-due --$o=1
done
t 2 '' "fu-due: --within needs a value
$usage_due" fu-due --within
t 2 '' "fu-due: --bogus is not an option
$usage_due" fu-due --bogus
t 2 '' "fu-due: -x is not an option
$usage_due" fu-due -x
# fu says what is wrong, not the C library: the option as typed, a prefix
# of several, a value given to a switch, in the user's language.
t 2 '' "fu-due: --s is ambiguous: write the option whole
$usage_due" fu-due --s
t 2 '' "fu-due: --adr takes no value
$usage_due" fu-due --adr=1
t 2 '' "fu-due: -z is not an option
$usage_due" fu-due --adrift -qz
t 2 '' "$usage_due" fu-due extra
# A portfolio that is not there is an error of its own (exit 4).
t 4 '' 'fu-due: /nonexistent: no portfolio here (fu-add client NAME makes one)' fu-due -p /nonexistent
# An empty --tag used to never return (lib/due.c, strstr(p, "") and
# p += 0; fixed in 789bd5c): checked as fu-add checks a tag.
t 2 '' 'fu-due: --tag is empty' timeout 10 fu-due --tag ''
t 2 '' 'fu-due: tag "two words" holds a space: tags are single words (give --tag once for each)' fu-due --tag 'two words'
# --channel is checked as fu-add checks it.
t 2 '' 'fu-due: --channel is not valid UTF-8' fu-due --channel "$bad"
t 2 '' 'fu-due: --channel holds a control character' fu-due --channel "$ctl"
t 2 '' 'fu-due: --channel is empty' fu-due --channel ''

# None of them wrote anything (the saved state is a cache readers write).
ok 'refusals write nothing' diff -r -x .fu-state "$tmp/before" "$P"
