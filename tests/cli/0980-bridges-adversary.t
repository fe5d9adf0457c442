# The bridges of issue 14 (fu-due --ics, the fu command, the completion,
# colour) as a user and an adversary would use them: each case here failed
# when written, and says what the right behaviour is.
. "${0%/*}/lib.sh"

# 1. Two sellers of one team, each with a client "Acme Corp" as the first
# of the portfolio, both put on the onboarding plan the same day: nothing
# is a copy of anything, yet the two portfolios made the same UIDs, and
# the team's feed (-p ana -p ben) held each UID twice, so that a calendar
# kept one seller's events and dropped the other's (fu-due(1) says two
# portfolios share a UID only when one is a copy of the other).  Every
# event of one feed has its own UID.
for s in ana ben; do
	FU_PORTFOLIO=$tmp/$s fu-add client 'Acme Corp' >/dev/null
	FU_PORTFOLIO=$tmp/$s fu-add agreement 1 --plan onboarding >/dev/null
done
fu-due --ics --within 30 -p "$tmp/ana" -p "$tmp/ben" | tr -d '\r' |
    grep '^UID:' >"$tmp/uids"
ok 'the team feed has six events' test "$(wc -l <"$tmp/uids")" -eq 6
t 0 '' '' sh -c 'sort "$1" | uniq -d' sh "$tmp/uids"
# The same with the birthdays: two clients of the same name, id and day in
# two portfolios (both with --consent) are two people, and two yearly
# events.
for s in ana ben; do
	FU_PORTFOLIO=$tmp/$s fu-add client 'Eva Ruiz' --birthday 1980-12-01 \
	    --consent >/dev/null
done
t 0 '' '' sh -c 'fu-due --ics --occasions -p "$1" -p "$2" | tr -d "\r" |
    grep "^UID:" | sort | uniq -d' sh "$tmp/ana" "$tmp/ben"

# 2. fu linked into a directory of PATH (ln -s /opt/fu/bin/fu ~/bin/fu,
# as one links a single program): "fu due" looked for fu-due beside the
# link, not beside fu itself, then on a PATH without /opt/fu/bin, and
# said "due" is not a fu command.  The commands beside fu are found
# however fu was reached.
mkdir -p "$tmp/bin"
ln -s "$top/fu" "$tmp/bin/fu"
t 0 'fu-due 0.1.0' '' env PATH="$tmp/bin:/usr/bin:/bin" fu due --version
t 0 'fu-due 0.1.0' '' env PATH=/usr/bin:/bin "$tmp/bin/fu" due --version
# Found by PATH's empty entry (the working directory): fu looked for
# itself as "/fu", not "./fu".
t 0 'fu-due 0.1.0' '' sh -c 'cd "$1" && PATH=:/usr/bin:/bin fu due --version' \
    sh "$tmp/bin"

# 3. Completion with a portfolio given by -p whose path has a blank or a
# glob character, typed as the shell wants it (my\ dir, "my dir",
# br\[1\]): bash and zsh see the word as typed, quotes and backslashes
# and all, passed it so to fu-due --complete, and offered nothing; zsh
# globbed an unquoted br[1] and printed "no matches found" into the
# prompt.  The word is read as the shell would read it, and nothing is
# ever printed but the names.
mkdir -p "$tmp/my dir" "$tmp/br[1]"
FU_PORTFOLIO="$tmp/my dir/p" fu-add client 'Zed Spaceman' >/dev/null
FU_PORTFOLIO="$tmp/br[1]/p" fu-add client 'Zed Spaceman' >/dev/null
cat >"$tmp/comp" <<'SH'
. "$1"
shift
COMP_WORDS=("$@")
COMP_CWORD=$(($# - 1))
COMPREPLY=()
case $1 in
fu | */fu) _fu ;;
*) _fu_cmd ;;
esac
[ ${#COMPREPLY[@]} -eq 0 ] || printf '%s\n' "${COMPREPLY[@]}"
SH
comp() {
	bash "$tmp/comp" "$top/completion/fu.bash" "$@"
}
t 0 'Zed\ Spaceman' '' comp fu-log -p "$tmp/my\\ dir/p" ze
t 0 'Zed\ Spaceman' '' comp fu-log -p "\"$tmp/my dir/p\"" ze
t 0 'Zed\ Spaceman' '' comp fu-log -p "'$tmp/my dir/p'" ze
t 0 'Zed\ Spaceman' '' comp fu-log -p "$tmp/br\\[1\\]/p" ze
if command -v zsh >/dev/null 2>&1; then
	cat >"$tmp/zcomp" <<'ZSH'
compadd() {
	while [[ $1 == -* && $1 != -- ]]; do shift; done
	[[ $1 == -- ]] && shift
	print -rl -- "$@"
}
compset() { return 0 }
_files() { print -r -- _files "$@" }
fpath=("$1" $fpath)
autoload -U _fu
shift
words=("$@")
CURRENT=$#
_fu
ZSH
	zcomp() {
		ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
		    zsh -f "$tmp/zcomp" "$top/completion" "$@"
	}
	t 0 'Zed Spaceman' '' zcomp fu-log -p "$tmp/my\\ dir/p" ze
	t 0 'Zed Spaceman' '' zcomp fu-log -p "'$tmp/my dir/p'" ze
	t 0 'Zed Spaceman' '' zcomp fu-log -p "$tmp/br\\[1\\]/p" ze
	# Unquoted, br[1] would be a pattern to zsh: the completion takes it
	# as the path it spells, and above all says nothing into the prompt.
	t 0 'Zed Spaceman' '' zcomp fu-log -p "$tmp/br[1]/p" ze
fi

# 4. bash, with "=" out of COMP_WORDBREAKS (as some setups take it out so
# that --opt=value is one word): "--color=al" is one word, and was
# offered nothing.  It is completed as --color = al is.
t 0 '--color=always' '' comp fu-due --color=al

# 5. TERM=dumb, a terminal that has no escape sequences (an editor's
# shell buffer, a serial console): the table came in colour all the same,
# its escape bytes printed as they are.  --color=auto gives no colour on a
# dumb terminal, as git and ls do not; always is still always.
fu-add client Ana >/dev/null
fu-add agreement ana 'Send the quote' --due today >/dev/null
if command -v script >/dev/null 2>&1; then
	TERM=dumb script -qc 'fu-due' /dev/null >"$tmp/dumb" 2>&1
	ok 'no escape byte on a dumb terminal' sh -c \
	    '! grep -q "$(printf "\033")" "$1"' sh "$tmp/dumb"
fi
