#!/bin/sh
# monthly-report.sh - the retention report of last month for a sales team,
# one portfolio per seller, mailed to the manager.
#
# usage: monthly-report.sh ADDRESS DIR...
#
# Each DIR is a seller's portfolio.  The mail holds, in this order:
#
#   the team: fu-stats over all the portfolios at once, whose counts are
#   the sums and whose rates are recomputed from the sums;
#   the team's last six months, one row a month, coverage as a bar;
#   each seller's own report, headed "== NAME" (the directory's name).
#
# ADDRESS "-" prints the report instead of mailing it.  On the first of
# the month, at seven, for cron, which runs with a short PATH:
#
#	0 7 1 * * PATH=/usr/local/bin:/usr/bin:/bin /path/to/monthly-report.sh boss@example.com /srv/fu/ana /srv/fu/luis /srv/fu/marta
#
# Nothing is mailed when a portfolio cannot be read: the error goes to the
# standard error, which cron mails to the owner of the crontab, and the
# script exits with fu-stats' status (3 malformed file, 4 unreadable).

prog=${0##*/}

if [ $# -lt 2 ] || [ -z "$1" ]; then
	echo "usage: $prog ADDRESS DIR..." >&2
	exit 2
fi
to=$1
shift

# -p for each portfolio, as arguments of fu-stats.
for d; do
	set -- "$@" -p "$d"
	shift
done

# The month reported, and the first day of the six months that end with it.
from=$(fu-stats --month last "$@" -f '{from}') || exit
month=${from%-*}
y=${month%-*}
m=${month#*-}
m=$(( ${m#0} - 5 ))
[ "$m" -lt 1 ] && m=$((m + 12)) && y=$((y - 1))
six=$(printf '%04d-%02d-01' "$y" "$m")

tmp=$(mktemp "${TMPDIR:-/tmp}/fu-report.XXXXXX") || exit 4
trap 'rm -f "$tmp"' EXIT
{
	echo "== team, $(( $# / 2 )) portfolios"
	fu-stats --month last "$@" || exit
	echo
	echo "== team, month by month"
	fu-stats --from "$six" --to "$(fu-stats --month last "$@" -f '{to}')" \
	    --by month "$@" || exit
	while [ $# -gt 0 ]; do
		echo
		d=${2%/}
		echo "== ${d##*/}"
		fu-stats --month last -p "$2" || exit
		shift 2
	done
} >"$tmp" || exit

if [ "$to" = - ]; then
	cat "$tmp"
else
	mail -s "Retention report $month" "$to" <"$tmp"
fi
