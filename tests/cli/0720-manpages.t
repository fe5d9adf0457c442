# The manual pages say what the commands take: every long option that
# CMD --help prints is documented in man/CMD.1 (as "Fl -name" or
# "Fl \-name" in mdoc), and mandoc finds nothing to warn about in any page.
. "${0%/*}/lib.sh"

for cmd in fu-add fu-log fu-due fu-stats; do
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

# mandoc -T lint exits non-zero on a warning; what counts is that it says
# nothing at the warning level or above.
if command -v mandoc >/dev/null 2>&1; then
	mandoc -T lint -W warning "$top"/man/* >"$tmp/lint" 2>&1
	ok 'mandoc -T lint -W warning man/* reports nothing' \
	    test ! -s "$tmp/lint"
	if [ -s "$tmp/lint" ]; then cat "$tmp/lint"; fi
else
	echo "$name: mandoc is not installed: the lint check is skipped" \
	    "(tools/deps.sh installs it)"
	ok 'mandoc lint skipped' true
fi
