# lib.sh - sourced by each scenario: a fresh portfolio in a temporary
# directory, today pinned, the built binaries first in PATH, and one-line
# cases that compare exit status, stdout and stderr exactly.
set -u
top=$(cd "${0%/*}/../.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/fu-cli.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
P=$tmp/p
# The built-in plans and the catalogues as built, not as installed.
export FU_PORTFOLIO=$P FU_TODAY=2026-11-23 LC_ALL=C.UTF-8 TZ=UTC \
    FU_PLANS=$top/plans FU_LOCALEDIR=$top/po/locale
unset FU_FORMAT LANG LANGUAGE XDG_DATA_HOME FU_LOCK_TIMEOUT NO_COLOR
PATH=$top:$PATH
pass=0 fail=0
name=${0##*/}

# t STATUS STDOUT STDERR CMD [ARG...]: runs CMD and compares all three.
t() {
	want_rc=$1 want_out=$2 want_err=$3
	shift 3
	"$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
	out=$(cat "$tmp/out"; echo .) out=${out%.}
	err=$(cat "$tmp/err"; echo .) err=${err%.}
	# Expected texts are given without their final newline.
	[ -n "$want_out" ] && want_out="$want_out
"
	[ -n "$want_err" ] && want_err="$want_err
"
	if [ "$rc" = "$want_rc" ] && [ "$out" = "$want_out" ] &&
	    [ "$err" = "$want_err" ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		printf 'FAIL %s:%s: %s\n' "$name" "${BASH_LINENO[0]}" "$*"
		[ "$rc" = "$want_rc" ] || printf '  status %s, want %s\n' "$rc" "$want_rc"
		[ "$out" = "$want_out" ] || printf '  stdout:\n%s  want:\n%s' "$out" "$want_out"
		[ "$err" = "$want_err" ] || printf '  stderr:\n%s  want:\n%s' "$err" "$want_err"
	fi
}

# ok DESCRIPTION TEST...: a case that is a shell test, such as cmp.
ok() {
	desc=$1
	shift
	if "$@" >/dev/null 2>&1; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		printf 'FAIL %s:%s: %s\n' "$name" "${BASH_LINENO[0]}" "$desc"
	fi
}

# same_text LABEL GOT WANT: a case of a replayed transcript; WANT as
# printf %b reads it.
same_text() {
	want=$(printf '%b' "$3")
	if [ "$2" = "$want" ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		printf 'FAIL %s: %s\n  got:\n%s\n  want:\n%s\n' "$name" "$1" "$2" "$want"
	fi
}

# file PATH: writes standard input to a file of the portfolio, as is.
file() {
	mkdir -p "$P"
	cat >"$P/$1"
}

# crlf: turns LF into CR LF on the way through.
crlf() { sed 's/$/\r/'; }

# A script that stops half-way (a syntax error, exit, set -e) fails: the
# cases after the stop would otherwise pass unseen.
finish() {
	if [ "${1:-0}" -ne 0 ] && [ "$fail" -eq 0 ]; then
		fail=$((fail + 1))
		printf 'FAIL %s: the script stopped with status %s\n' "$name" "$1"
	fi
	printf '%s %d %d\n' "$name" "$pass" "$fail" >>"${FU_RESULTS:-/dev/null}"
	[ "$fail" -eq 0 ]
}
trap 'finish $?; rc=$?; rm -rf "$tmp"; exit $rc' EXIT
