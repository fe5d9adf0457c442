# Regressions for bugs the fault, security and argument suites found
# (their cases are marked "# BUG" there until those suites take them in).
. "${0%/*}/lib.sh"

fields='due late client what channel id client_id every slips'
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
if [ "$(id -u)" -eq 0 ] && command -v su >/dev/null; then
	mkdir -p "$tmp/shut"
	chmod 755 "$tmp"
	chmod 000 "$tmp/shut"
	t 4 '' "fu-due: $tmp/shut: cannot read: Permission denied" su nobody -s /bin/sh -c "FU_TODAY=2026-11-23 $top/fu-due -p $tmp/shut"
	chmod 700 "$tmp/shut" "$tmp"
else
	echo "$name: not root: the unreadable-directory case is skipped"
fi
