# The manual pages say what the commands take: every long option that
# CMD --help prints is documented in man/CMD.1 (as "Fl -name" or
# "Fl \-name" in mdoc), and mandoc finds nothing to warn about in any page.
. "${0%/*}/lib.sh"

for cmd in fu fu-add fu-log fu-due fu-stats fu-clients; do
	page=$top/man/$cmd.1
	ok "$cmd has a manual page" test -f "$page"
	"$cmd" --help >"$tmp/help" 2>&1
	opts=$(grep -oE -- '--[a-z][a-z-]*' "$tmp/help" | sort -u)
	ok "$cmd --help prints long options" test -n "$opts"
	for opt in $opts; do
		o=${opt#--}
		ok "man/$cmd.1 documents $opt" \
		    grep -qE "Fl \\\\?-$o([^a-z-]|\$)" "$page"
	done
done

# The Spanish pages (man/es) are the English ones translated: each English
# page has one, and both document the same options and variables (the
# words after "Fl" and "Ev", the mdoc macros of flags and variables).
marks() {
	sed 's/\\-/-/g' "$1" |
	    grep -oE '(^[.]| )(Fl|Ev) [A-Za-z_-][A-Za-z0-9_-]*' |
	    sed 's/^[. ]//' | sort -u
}
for page in "$top"/man/*.[157]; do
	base=${page##*/} es=$top/man/es/${page##*/}
	ok "man/es/$base is there" test -f "$es"
	[ -f "$es" ] || continue
	marks "$page" >"$tmp/en"
	marks "$es" >"$tmp/es"
	ok "man/es/$base documents what man/$base does" cmp -s "$tmp/en" \
	    "$tmp/es"
	cmp -s "$tmp/en" "$tmp/es" || diff "$tmp/en" "$tmp/es" | sed 's/^/  /'
done

# mandoc -T lint exits non-zero on a warning; what counts is that it says
# nothing at the warning level or above.
if command -v mandoc >/dev/null 2>&1; then
	mandoc -T lint -W warning "$top"/man/*.[157] "$top"/man/es/*.[157] \
	    >"$tmp/lint" 2>&1
	ok 'mandoc -T lint -W warning man/* man/es/* reports nothing' \
	    test ! -s "$tmp/lint"
	if [ -s "$tmp/lint" ]; then cat "$tmp/lint"; fi
else
	echo "$name: mandoc is not installed: the lint check is skipped" \
	    "(tools/deps.sh installs it)"
	ok 'mandoc lint skipped' true
fi
