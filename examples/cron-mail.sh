#!/bin/sh
# cron-mail.sh - mail the follow-ups that are due, only when there are some.
#
# usage: cron-mail.sh [-p DIR] [-s SUBJECT] ADDRESS
#
# The portfolio is DIR, else $FU_PORTFOLIO, else fu's default,
# ${XDG_DATA_HOME:-$HOME/.local/share}/fu.  The mail holds what fu-due
# lists by default: the open agreements due today or late, oldest first.
# When nothing is due, no mail is sent.  fu-due's exit status is that of
# grep(1), so the heart of this script is one line:
#
#	fu-due -q && fu-due | mail -s "Follow-ups" me@example.com
#
# For cron, which runs with a short PATH: at eight on weekdays,
#
#	0 8 * * 1-5 PATH=/usr/local/bin:/usr/bin:/bin /path/to/cron-mail.sh -p $HOME/fu me@example.com
#
# An error (no portfolio there: exit 4; a malformed file: exit 3) is
# written to the standard error, which cron mails to the owner of the
# crontab, and the script exits with fu-due's status: 2 or more.

prog=${0##*/}
subject=Follow-ups

usage() {
	echo "usage: $prog [-p DIR] [-s SUBJECT] ADDRESS" >&2
	exit 2
}

while getopts p:s: opt; do
	case $opt in
	p)	FU_PORTFOLIO=$OPTARG
		export FU_PORTFOLIO ;;
	s)	subject=$OPTARG ;;
	*)	usage ;;
	esac
done
shift $((OPTIND - 1))
if [ $# -ne 1 ] || [ -z "$1" ]; then
	usage
fi
to=$1

# A misspelt path is no empty list: fu-due says "no portfolio here" and
# exits 4, and no mail goes out.
fu-due -q && fu-due | mail -s "$subject" "$to"
rc=$?
# 1 is fu-due's "nothing is due": no mail, and nothing wrong.
[ "$rc" -eq 1 ] && exit 0
exit "$rc"
