# bash completion for fu(1) and its commands: fu-add, fu-log, fu-due,
# fu-stats, and "fu COMMAND".  Installed as completions/fu, with
# completions/fu-add and the others linked to it, where bash-completion
# loads them; without bash-completion, source this file.
#
# Nothing here knows the commands by heart: their options come from their
# --help at the moment of completing (so the two cannot drift apart),
# and client and plan names from "fu-due --complete" (so no portfolio
# file is ever read by the shell).

# The long options of a command, one a line.
_fu_longopts()
{
	"$1" --help 2>/dev/null | grep -oE -- '--[a-z][a-z-]*' | sort -u
}

# The options that take a value, as --help shows them ("--within N",
# "-t|--tag T"), one a line.
_fu_valued()
{
	"$1" --help 2>/dev/null |
	    grep -oE -- '(^|[[ (|])((-[a-zA-Z][|])?--[a-z][a-z-]*|-[a-zA-Z]) [^][ |-]' |
	    sed -E 's/^[[ (|]//; s/ .$//' | tr '|' '\n'
}

# The word $1 as the shell will read it: quotes and backslashes taken
# off, a leading ~/ made $HOME/ (a path with a blank or a bracket, given
# to -p quoted or escaped).  Nothing in it is run or expanded otherwise.
_fu_dequote()
{
	local w=$1 out= c q=
	case $w in
	"~" | "~/"*) w=$HOME${w#\~} ;;
	esac
	while [ -n "$w" ]; do
		c=${w:0:1} w=${w:1}
		if [ "$q" = "'" ]; then
			if [ "$c" = "'" ]; then q=; else out+=$c; fi
		elif [ "$c" = '\' ]; then
			if [ "$q" = '"' ] && [[ ${w:0:1} != [\$\`\"\\] ]]; then
				out+=$c
			else
				out+=${w:0:1} w=${w:1}
			fi
		elif [ "$c" = '"' ]; then
			if [ "$q" = '"' ]; then q=; else q='"'; fi
		elif [ "$c" = "'" ] && [ -z "$q" ]; then
			q="'"
		else
			out+=$c
		fi
	done
	printf '%s' "$out"
}

# Sets COMPREPLY to the lines of $1, each quoted as the shell reads it
# back ("Ana López" as Ana\ López).
_fu_reply()
{
	local w q
	COMPREPLY=()
	while IFS= read -r w; do
		[ -n "$w" ] || continue
		printf -v q '%q' "$w"
		COMPREPLY+=("$q")
	done <<<"$1"
}

# _fu_words PROG WORD...: completes the last WORD of a command line of
# PROG (fu-add, fu-log, fu-due or fu-stats, maybe by a path).
_fu_words()
{
	local prog=$1
	shift
	local -a w=("$@")
	local n=${#w[@]} kind=${prog##*/} due=fu-due
	local cur=${w[n - 1]} prev= opt= pre= i arg pos=0
	local -a pflags=()
	local valued

	# The fu-due beside the command, as fu(1) finds it.
	case $prog in */*) due=${prog%/*}/fu-due ;; esac
	((n > 1)) && prev=${w[n - 2]}
	# COMP_WORDS splits "--color=al" into "--color" "=" "al".
	# Where "=" is not a word breaker, "--color=al" is one word: its
	# value is completed, and the option put back before each answer.
	if [ "$cur" = "=" ]; then
		opt=$prev cur=
	elif [ "$prev" = "=" ] && ((n > 2)); then
		opt=${w[n - 3]}
	elif [[ $cur == --?*=* ]]; then
		opt=${cur%%=*} pre=${cur%%=*}= cur=${cur#*=}
	fi
	# The word as typed, unquoted: "Ana L or Ana\ L is Ana L.
	cur=$(_fu_dequote "$cur")
	valued=$(_fu_valued "$prog")
	# What comes before the word: the portfolios given, and how many
	# arguments (not options, nor their values).
	for ((i = 1; i < n - 1; i++)); do
		arg=${w[i]}
		case $arg in
		-p | --portfolio)
			if [ "${w[i + 1]}" = "=" ]; then
				pflags+=(-p "$(_fu_dequote "${w[i + 2]}")")
			else
				pflags+=(-p "$(_fu_dequote "${w[i + 1]}")")
			fi
			;;
		-p?*) pflags+=(-p "$(_fu_dequote "${arg#-p}")") ;;
		--portfolio=*) pflags+=(-p "$(_fu_dequote "${arg#*=}")") ;;
		esac
		case $arg in
		=) ;;
		--) pos=$((pos + n)) ;;
		-?*)
			if [ "${w[i + 1]}" = "=" ]; then
				i=$((i + 2))
			elif [ "$arg" = "${arg%%=*}" ] &&
			    printf '%s\n' "$valued" | grep -qxe "$arg"; then
				i=$((i + 1))
			fi
			;;
		*) pos=$((pos + 1)) ;;
		esac
	done
	if [ -z "$opt" ] && [ "$prev" != "=" ] && ((n > 1)) &&
	    printf '%s\n' "$valued" | grep -qxe "$prev"; then
		opt=$prev
	fi
	COMPREPLY=()
	if [ -n "$opt" ]; then
		_fu_reply "$(case $opt in
		-o)
			compgen -W 'kept broken moved dropped cumplido
			    incumplido movido descartado' -- "$cur" ;;
		--mood) compgen -W '+ 0 -' -- "$cur" ;;
		--by) compgen -W 'month channel stage' -- "$cur" ;;
		--month) compgen -W 'this last' -- "$cur" ;;
		--color) compgen -W 'auto always never' -- "$cur" ;;
		--complete) compgen -W 'clients plans' -- "$cur" ;;
		--plan)
			compgen -W "$("$due" --complete plans "${pflags[@]}" \
			    2>/dev/null)" -- "$cur" ;;
		--client | --referral | --referred-by)
			"$due" --complete clients --client "$cur" \
			    "${pflags[@]}" 2>/dev/null ;;
		-p | --portfolio) compgen -d -- "$cur" ;;
		esac | sed "s|^|$pre|")"
		return 0
	fi
	case $cur in
	-*)
		_fu_reply "$(compgen -W "$(_fu_longopts "$prog")" -- "$cur")"
		return 0
		;;
	esac
	case $kind:$pos in
	fu-log:0 | fu-add:1 | fu-clients:0)
		if [ "$kind" != fu-add ] || [ "${w[1]}" = agreement ]; then
			_fu_reply "$("$due" --complete clients --client \
			    "$cur" "${pflags[@]}" 2>/dev/null)"
		fi
		;;
	fu-add:0) _fu_reply "$(compgen -W 'client agreement' -- "$cur")" ;;
	esac
	return 0
}

# fu-add, fu-log, fu-due, fu-stats.
_fu_cmd()
{
	_fu_words "${COMP_WORDS[0]}" "${COMP_WORDS[@]:0:COMP_CWORD + 1}"
}

# fu COMMAND ...: the commands, then the command's own completion.
_fu()
{
	local prog=${COMP_WORDS[0]} sub=${COMP_WORDS[1]} dir=
	local cur=${COMP_WORDS[COMP_CWORD]} f

	COMPREPLY=()
	case $prog in */*) dir=${prog%/*}/ ;; esac
	if ((COMP_CWORD == 1)) || { ((COMP_CWORD == 2)) && [ "$sub" = help ]; }; then
		_fu_reply "$({
			printf '%s\n' due log add stats
			((COMP_CWORD == 1)) && printf '%s\n' help --help --version
			compgen -c fu- | sed 's/^fu-//'
			if [ -n "$dir" ]; then
				for f in "$dir"fu-*; do
					[ -x "$f" ] && printf '%s\n' "${f##*/fu-}"
				done
			fi
		} | sort -u | while IFS= read -r f; do
			case $f in "$cur"*) printf '%s\n' "$f" ;; esac
		done)"
		return 0
	fi
	[ "$sub" = help ] && return 0
	_fu_words "${dir}fu-$sub" "fu-$sub" \
	    "${COMP_WORDS[@]:2:COMP_CWORD - 1}"
}

complete -F _fu fu
complete -F _fu_cmd fu-add fu-log fu-due fu-stats fu-clients
