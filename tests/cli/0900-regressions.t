# Regressions for bugs the fault, security and argument suites found
# (their cases are marked "# BUG" there until those suites take them in).
. "${0%/*}/lib.sh"

fields='due late client what channel id client_id every slips side plan'
fu-add client Ana >/dev/null
# A template with text before an unknown field frees what it built
# (LeakSanitizer failed the command under make check).
t 2 '' "fu-due: --format: unknown field \"HOME\"; the fields are: $fields" fu-due -f '${HOME}'
t 2 '' 'fu-due: --format: "{" is never closed' fu-due -f 'text {id'
# --lost names itself when its reason is empty.
t 2 '' 'fu-log: --lost is empty' fu-log ana --lost ''
# A refusal on a missing portfolio makes no directory.
t 4 '' "fu-add: $tmp/none/a: no portfolio here (fu-add client NAME makes one)" fu-add -p "$tmp/none/a" agreement Ana 'Send the quote' --due +1d
t 4 '' "fu-log: $tmp/none: no portfolio here (fu-add client NAME makes one)" fu-log -p "$tmp/none" Ana --signal late
ok 'a refusal makes no directory' test ! -e "$tmp/none"
# A portfolio the user may not enter is an error, not an empty one.
if [ "$(id -u)" -eq 0 ] && command -v su >/dev/null &&
    su nobody -s /bin/sh -c "test -x $top/fu-due" 2>/dev/null; then
	mkdir -p "$tmp/shut"
	chmod 755 "$tmp"
	chmod 000 "$tmp/shut"
	t 4 '' "fu-due: $tmp/shut: cannot read: Permission denied" su nobody -s /bin/sh -c "FU_TODAY=2026-11-23 $top/fu-due -p $tmp/shut"
	chmod 700 "$tmp/shut" "$tmp"
else
	echo "$name: not root, or nobody cannot reach $top: the unreadable-directory case is skipped"
fi
# An agreement closed on a day before 1970 (or after 2149) was taken for
# one closed on 1970-01-01 by fu-stats --by month, which then said "a bug
# in fu" (lib/state.c kept the day in 16 bits).
file clients.csv <<'X'
id,name,company,email,phone,since,birthday,anniversary,referred_by,consent,stage,tags,note
1,Ana,,,,1959-12-01,,,,,,,
X
file agreements.csv <<'X'
id,client,what,due,channel,every,made,from
1,1,Send the quote,1960-01-10,email,,1960-01-05,
X
file log.csv <<'X'
id,date,client,agreement,channel,outcome,amount,mood,next,note
1,1960-02-03,1,1,call,kept,,,,
X
t 0 '1960-01 1 1
1960-02 0 0
1960-03 0 0' '' fu-stats --by month --from 1960-01-01 --to 1960-03-31 --today 1960-04-01 -f '{month} {open} {overdue}'
# A client lost and won back on one day, then given a step with fu-add
# that day: the step was taken for one made before the loss, and so ended
# by it, out of every list and count (an agreement's from is empty after
# fu-add, and the loss's log row sorted after it).  Found by the Spanish
# catalogue's translator.
Q=$tmp/samedaywon
t 0 '1' '' fu-add -p "$Q" client Ana --consent
t 0 '1' '' fu-add -p "$Q" agreement ana "Send the quote for laptops" --due +1d
t 0 '' '' fu-log -p "$Q" ana --lost "Went to a rival"
t 0 '2' '' fu-log -p "$Q" ana --won --next "Call to agree the first order" --due +1d
t 0 '3' '' fu-add -p "$Q" agreement ana "Visit to sign the contract" --due +2d
for cache in 1 0; do
	t 0 '2 Call to agree the first order
3 Visit to sign the contract' '' env FU_CACHE=$cache fu-due -p "$Q" --within 7 -f '{id} {what}'
	t 0 '3 2 1' '' env FU_CACHE=$cache fu-stats -p "$Q" --month this -f '{made} {open} {clients_lost}'
done
# A step made by fu-add before the loss, the same day, still ends with it.
t 0 '4' '' fu-add -p "$Q" agreement ana "Send the brochure" --due +3d
t 0 '' '' fu-log -p "$Q" ana --lost "Went to a rival after all"
t 1 '' '' fu-due -p "$Q" --within 7 -f '{id} {what}'
