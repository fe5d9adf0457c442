# The README's transcript runs as written: each "$ command" line, and the
# lines under it are its output (stdout and stderr together).
. "${0%/*}/lib.sh"

awk '/^    \$ /	{ if (cmd != "") print cmd "\t" out; cmd = substr($0, 7); out = ""; next }
     /^    / && cmd != "" { out = out (out == "" ? "" : "\\n") substr($0, 5); next }
     { if (cmd != "") print cmd "\t" out; cmd = "" }
     END { if (cmd != "") print cmd "\t" out }' "$top/README" >"$tmp/cases"
ok 'the README has a transcript' test "$(wc -l <"$tmp/cases")" -ge 5
# The transcript pins its own day: it must hold on any other.
unset FU_TODAY
while IFS='	' read -r cmd want; do
	# In this shell, not a subshell: an export holds for what follows.
	eval "$cmd" </dev/null >"$tmp/got" 2>&1
	same_text "$cmd" "$(cat "$tmp/got")" "$want"
done <"$tmp/cases"
