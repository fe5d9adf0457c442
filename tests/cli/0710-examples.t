# The examples hold as written: examples/day.md runs, command by command,
# on a copy of the sample portfolio and prints what it shows, so does
# examples/dia.md, the same day in Spanish, on a copy of its own, and
# examples/cron-mail.sh mails only when something is due.
. "${0%/*}/lib.sh"

# day.md: in each ``` block, a "$ command" line and the lines under it,
# up to the next command or the end of the block, are a case.
awk '/^```/		{ if (cmd != "") print cmd "\t" out; cmd = ""; inblock = !inblock; next }
     inblock && /^\$ /	{ if (cmd != "") print cmd "\t" out; cmd = substr($0, 3); out = ""; next }
     inblock && cmd != "" { out = out (out == "" ? "" : "\\n") $0 }' \
    "$top/examples/day.md" >"$tmp/cases"
ok 'day.md has a transcript' test "$(wc -l <"$tmp/cases")" -ge 20
cp -r "$top/examples/portfolio" "$tmp/day"
export FU_PORTFOLIO=$tmp/day FU_TODAY=2026-11-23
# The status of the last command, for "$ echo $?".
status() { return "$1"; }
rc=0
while IFS='	' read -r cmd want; do
	eval "status $rc; $cmd" </dev/null >"$tmp/got" 2>&1
	rc=$?
	same_text "day.md: $cmd" "$(cat "$tmp/got")" "$want"
done <"$tmp/cases"

# dia.md, the same way, on its own copy, in Spanish: es_MX.UTF-8 when the
# machine has it (tools/deps.sh makes it), else the same catalogue through
# LANGUAGE, which gettext heeds in C.UTF-8.
if locale -a 2>/dev/null | grep -qix 'es_MX\.utf-\{0,1\}8'; then
	es=LC_ALL=es_MX.UTF-8
else
	echo "$name: no es_MX.UTF-8 locale (tools/deps.sh makes it):" \
	    "dia.md through LANGUAGE=es in C.UTF-8"
	es=LANGUAGE=es
fi
awk '/^```/		{ if (cmd != "") print cmd "\t" out; cmd = ""; inblock = !inblock; next }
     inblock && /^\$ /	{ if (cmd != "") print cmd "\t" out; cmd = substr($0, 3); out = ""; next }
     inblock && cmd != "" { out = out (out == "" ? "" : "\\n") $0 }' \
    "$top/examples/dia.md" >"$tmp/casos"
ok 'dia.md has a transcript' test "$(wc -l <"$tmp/casos")" -ge 20
ok 'dia.md has as many commands as day.md' \
    test "$(wc -l <"$tmp/casos")" -eq "$(wc -l <"$tmp/cases")"
cp -r "$top/examples/portfolio" "$tmp/dia"
rc=0
while IFS='	' read -r cmd want; do
	(export FU_PORTFOLIO="$tmp/dia" "$es"; eval "status $rc; $cmd") \
	    </dev/null >"$tmp/got" 2>&1
	rc=$?
	same_text "dia.md: $cmd" "$(cat "$tmp/got")" "$want"
done <"$tmp/casos"

# cron-mail.sh, with a mail(1) that writes what it is given.
mkdir "$tmp/bin"
cat >"$tmp/bin/mail" <<EOF
#!/bin/sh
{ echo "to \$3, subject \$2"; cat; } >"$tmp/mail"
EOF
chmod +x "$tmp/bin/mail"
cron() { env PATH="$tmp/bin:$PATH" "$top/examples/cron-mail.sh" "$@"; }
t 0 '' '' cron -p "$tmp/day" me@example.com
ok 'cron-mail.sh: a mail when something is due' grep -q '^to me@example.com, subject Follow-ups$' "$tmp/mail"
ok 'cron-mail.sh: the follow-ups in it' grep -q 'José Peña' "$tmp/mail"
rm "$tmp/mail"
t 0 '' '' env FU_TODAY=2026-01-01 PATH="$tmp/bin:$PATH" "$top/examples/cron-mail.sh" -p "$tmp/day" me@example.com
ok 'cron-mail.sh: no mail when nothing is due' test ! -e "$tmp/mail"
# A misspelt portfolio is an error cron mails to the crontab's owner.
t 4 '' "fu-due: $tmp/nowhere: no portfolio here (fu-add client NAME makes one)" cron -p "$tmp/nowhere" me@example.com
ok 'cron-mail.sh: no mail on an error' test ! -e "$tmp/mail"
t 2 '' 'usage: cron-mail.sh [-p DIR] [-s SUBJECT] ADDRESS' cron
