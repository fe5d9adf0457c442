#!/bin/sh
# team-report.sh - the retention report of a sales team whose portfolios
# are many (one directory per seller), made in parallel: fu-stats
# --partial over each portfolio, run by GNU parallel, then fu-stats
# --merge over the partials.  The report is the one fu-stats -p DIR...
# would print over all of them, byte for byte (fu-stats(1), PARTIALS).
#
# usage: team-report.sh [-S SSHLOGINS] [-a 'OPTIONS'] [-o 'OPTIONS'] DIR...
#
#   -a 'OPTIONS'   the period and --by of every partial, as fu-stats takes
#                  them: -a '--month last --by month'
#   -o 'OPTIONS'   the format of the report: -o --tsv, -o '-f {coverage}'
#                  (split at blanks: a template with blanks is for a
#                  fu-stats --merge of your own over the partials)
#   -S SSHLOGINS   run the partials on other machines, as parallel(1)
#                  --sshlogin does: -S 8/ana@crm1,8/luis@crm2, or
#                  -S .. for those in ~/.parallel/sshloginfile ("4/:" for
#                  this machine too).  Each machine must have fu-stats in
#                  its PATH and the DIRs at the same paths (a shared
#                  disk, or a copy of each seller's directory).
#
# The partials are a few lines each, whatever the size of the portfolio;
# only they travel back.  A seller's failure (a malformed portfolio, a
# machine down) stops the report: nothing is printed from the others,
# and the script exits with parallel's status (how many failed) or
# fu-stats'.  For example, last month for forty sellers on two machines:
#
#	team-report.sh -S 16/fu@crm1,16/fu@crm2 -a '--month last' /srv/fu/*

prog=${0##*/}
usage() {
	echo "usage: $prog [-S SSHLOGINS] [-a 'OPTIONS'] [-o 'OPTIONS'] DIR..." >&2
	exit 2
}
ssh= partial= merge=
while getopts S:a:o: opt; do
	case $opt in
	S) ssh=$OPTARG ;;
	a) partial=$OPTARG ;;
	o) merge=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || usage
command -v parallel >/dev/null || {
	echo "$prog: GNU parallel is not installed (Debian: apt-get install parallel)" >&2
	exit 4
}

# Here, as many jobs at once as this machine has processors, said so that
# parallel does not ask lscpu, which a container may not let answer; with
# -S, as many as each machine's "N/" says, or parallel finds there.
jobs=$(getconf _NPROCESSORS_ONLN 2>/dev/null) || jobs=2
case $jobs in '' | *[!0-9]*) jobs=2 ;; esac

tmp=$(mktemp -d "${TMPDIR:-/tmp}/team-report.XXXXXX") || exit 4
trap 'rm -rf "$tmp"' EXIT
# One job a portfolio; each job's lines come back whole (--group).  With
# -S the command runs on the other machine, so the options are quoted
# for its shell by parallel, not split here.
set -f
[ -n "$ssh" ] && jobs=100%
parallel --will-cite --group --halt soon,fail=1 -j "$jobs" \
    ${ssh:+--sshlogin "$ssh"} \
    fu-stats --partial $partial -p {} ::: "$@" >"$tmp/partials" || exit
# shellcheck disable=SC2086 # the options are words
fu-stats --merge $merge "$tmp/partials"
