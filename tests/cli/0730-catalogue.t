# The Spanish catalogue cannot fall behind the sources: every message the
# sources mark has a translation, none is fuzzy, and each translation's
# printf directives match its message's (msgfmt --check), as tools/po
# check says.  The check itself is tested on catalogues broken each way.
. "${0%/*}/lib.sh"

if ! command -v msgfmt >/dev/null 2>&1 || ! command -v xgettext >/dev/null 2>&1
then
	echo "$name: gettext's tools are not installed (tools/deps.sh installs" \
	    "them): the catalogue cannot be built or checked"
	ok 'gettext tools installed' false
	exit 0
fi

ok 'po/es.po translates every message of lib/ and cmd/' \
    "$top/tools/po" check "$top/po/es.po"
"$top/tools/po" check "$top/po/es.po" 2>&1 | head -20

# The catalogue fu runs with is the one built from po/es.po.
ok 'make built po/locale/es/LC_MESSAGES/fu.mo from po/es.po' \
    test "$top/po/locale/es/LC_MESSAGES/fu.mo" -nt "$top/po/es.po" -o \
    ! "$top/po/es.po" -nt "$top/po/locale/es/LC_MESSAGES/fu.mo"

# Broken on purpose: the check must fail on each.
msgcat --no-wrap "$top/po/es.po" >"$tmp/good.po"
# A translation taken away: the first "today".
awk 'done == 0 && prev == "msgid \"today\"" { print "msgstr \"\""; done = 1
	prev = $0; next } { print; prev = $0 }' "$tmp/good.po" >"$tmp/untranslated.po"
ok 'the check fails on a message left untranslated' \
    sh -c '! "$1" check "$2"' sh "$top/tools/po" "$tmp/untranslated.po"
# A message marked fuzzy.
awk 'done == 0 && /^msgid "today"/ { print "#, fuzzy"; done = 1 } { print }' \
    "$tmp/good.po" >"$tmp/fuzzy.po"
ok 'the check fails on a fuzzy translation' \
    sh -c '! "$1" check "$2"' sh "$top/tools/po" "$tmp/fuzzy.po"
# A directive that does not match: %llu read as %s would crash fu.
awk 'done == 0 && prev ~ /^msgid ".*%llu/ && /^msgstr/ { sub(/%llu/, "%s");
	done = 1 } { print; prev = $0 }' "$tmp/good.po" >"$tmp/format.po"
ok 'the broken copy differs' sh -c '! cmp -s "$1" "$2"' sh "$tmp/good.po" \
    "$tmp/format.po"
ok 'the check fails on a directive that does not match its message' \
    sh -c '! "$1" check "$2"' sh "$top/tools/po" "$tmp/format.po"
# A message the sources no longer have is no harm; one they gained is.
grep -v '^#~' "$tmp/good.po" | awk '/^msgid "today"/ { skip = 1 }
	skip && /^$/ { skip = 0; next } !skip { print }' >"$tmp/behind.po"
ok 'the check fails on a catalogue that lacks a message of the sources' \
    sh -c '! "$1" check "$2"' sh "$top/tools/po" "$tmp/behind.po"

