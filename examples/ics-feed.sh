#!/bin/sh
# ics-feed.sh - refresh a calendar feed of the follow-ups, for a calendar app
# to subscribe to: fu-due --ics, written to a temporary file in the same
# directory as the feed and renamed over it, so that a web server or a
# synced folder serves the old calendar or the new one, never half of one.
#
# usage: ics-feed.sh [-p DIR] [-w DAYS] [-o] [-m MODE] FILE
#
#	-p DIR	the portfolio (else $FU_PORTFOLIO, else fu's default)
#	-w DAYS	the steps due up to DAYS days from today, and the late ones
#		(default 30)
#	-o	the birthdays and anniversaries instead: yearly events
#	-m MODE	the feed's mode (default 600: it holds the clients' phones
#		and emails; 644 for a web server that runs as another user,
#		behind a password or an address nobody guesses)
#
# Serve FILE with any web server and subscribe to its URL from the
# calendar app, or keep it in a synced folder.  Each event keeps its UID
# from one feed to the next, so the calendar updates its events, and a
# step kept or moved leaves it.  From cron, every hour on weekdays, with
# the birthdays once a day:
#
#	0 7-19 * * 1-5 PATH=/usr/local/bin:/usr/bin:/bin /path/to/ics-feed.sh -p $HOME/fu $HOME/Sync/follow-ups.ics
#	5 6 * * * PATH=/usr/local/bin:/usr/bin:/bin /path/to/ics-feed.sh -o -p $HOME/fu $HOME/Sync/occasions.ics
#
# Nothing due is an empty calendar, and no error.  An error (no portfolio
# there: exit 4; a malformed file: exit 3) is written to the standard
# error, which cron mails to the owner of the crontab, the feed is left
# as it was, and the script exits with fu-due's status.

prog=${0##*/}
within=30
occasions=
mode=600

usage() {
	echo "usage: $prog [-p DIR] [-w DAYS] [-o] [-m MODE] FILE" >&2
	exit 2
}

while getopts p:w:om: opt; do
	case $opt in
	p)	FU_PORTFOLIO=$OPTARG
		export FU_PORTFOLIO ;;
	w)	within=$OPTARG ;;
	o)	occasions=1 ;;
	m)	mode=$OPTARG ;;
	*)	usage ;;
	esac
done
shift $((OPTIND - 1))
if [ $# -ne 1 ] || [ -z "$1" ]; then
	usage
fi
feed=$1

# The temporary file is in the feed's directory: a rename within one
# file system is atomic, a move across two is a copy.
dir=$(dirname -- "$feed")
tmp=$(mktemp "$dir/.${feed##*/}.XXXXXX") || exit 4
trap 'rm -f "$tmp"' EXIT
trap 'exit 4' HUP INT TERM

if [ -n "$occasions" ]; then
	fu-due --ics --occasions >"$tmp"
else
	fu-due --ics --within "$within" >"$tmp"
fi
rc=$?
# 1 is fu-due's "nothing listed": an empty calendar, a feed all the same.
[ "$rc" -gt 1 ] && exit "$rc"
chmod "$mode" "$tmp" && mv -f "$tmp" "$feed" || exit 4
exit 0
