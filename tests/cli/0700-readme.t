# The READMEs' transcripts run as written: each "$ command" line, and the
# lines under it are its output (stdout and stderr together).  README.es
# runs in Spanish: es_MX.UTF-8 as its transcript sets LANG, or, where the
# machine lacks that locale, LANGUAGE=es in C.UTF-8.
. "${0%/*}/lib.sh"

transcript() {
	awk '/^    \$ /	{ if (cmd != "") print cmd "\t" out; cmd = substr($0, 7); out = ""; next }
	     /^    / && cmd != "" { out = out (out == "" ? "" : "\\n") substr($0, 5); next }
	     { if (cmd != "") print cmd "\t" out; cmd = "" }
	     END { if (cmd != "") print cmd "\t" out }' "$1" >"$tmp/cases"
	ok "$1 has a transcript" test "$(wc -l <"$tmp/cases")" -ge 5
	while IFS='	' read -r cmd want; do
		# In this shell, not a subshell: an export holds for what
		# follows.
		eval "$cmd" </dev/null >"$tmp/got" 2>&1
		same_text "$cmd" "$(cat "$tmp/got")" "$want"
	done <"$tmp/cases"
}

# The transcript pins its own day: it must hold on any other.
unset FU_TODAY
transcript "$top/README"

export FU_PORTFOLIO=$tmp/es
unset FU_TODAY LC_ALL
if ! locale -a 2>/dev/null | grep -qix 'es_MX\.utf-\{0,1\}8'; then
	echo "$name: no es_MX.UTF-8 locale (tools/deps.sh makes it):" \
	    "README.es runs with LANGUAGE=es in C.UTF-8"
	export LC_ALL=C.UTF-8 LANGUAGE=es
fi
transcript "$top/README.es"
