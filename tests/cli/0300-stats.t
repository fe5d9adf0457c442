# fu-stats: the retention report, every option and format, on the sample
# portfolio (today 2026-11-23).  The figures of October were computed by
# hand from examples/portfolio; the README there tells the story.
. "${0%/*}/lib.sh"

mkdir -p "$P" && cp "$top"/examples/portfolio/*.csv "$P"

# October, for a person.  At the start: 11 clients since before October,
# less Tom (lost 08-20); new: Emily (10-01); lost: Zoë (log 41); won back:
# Tom (log 53); so 11 at the end.  Retention (11 - 1 - 1) / 10.
t 0 'Retention report, 2026-10-01 to 2026-10-31

Clients
  At the start                    10      Retention                    90.0%
  New                              1      Churn                        10.0%
  Lost                             1      Contacted                        9
  Won back                         1      Coverage                     81.8%
  At the end                      11      Silent 90 days or more           0
  Warning signs                    0      At risk at the end               0

Agreements
  Made                            18      Kept rate                    93.3%
  Kept                            14        of my promises             93.3%
  Broken                           1        of clients'"'"' promises           -
  Moved                            1      Open at the end                 10
  Dropped                          1      Overdue at the end               0
                                          Clients adrift                   1

Sales                              count    share        amount    share
  In the period                        5               12518.20
    to existing clients                3    60.0%       5228.20    41.8%
    to new clients                     2    40.0%       7290.00    58.2%
  Six months from 2026-05-01          12               23511.85
    to existing clients                4    33.3%       5440.95    23.1%
    to new clients                     8    66.7%      18070.90    76.9%
  A healthy portfolio sells about half and half over six months.

Referrals
  New clients referred        1 of 1      Referral share              100.0%
  Top referrers, new clients referred:
    Sarah Mitchell                                 1

Exits, win-backs and post-sale care
  Lost, with an exit plan          0      Lost in 12 months, won back 1 of 2
  Exit interviews held             0      Win-back rate                50.0%
  Sales cared for in 14 days       0      Post-sale coverage            0.0%

Contacts and mood
  Contacts                        20      Mood +                          11
  One channel only                 0      Mood 0                           4
  Greetings                        0      Mood -                           2
                                          No mood noted                    3
  By channel:    call 13, visit 4, email 2, message 1' '' fu-stats --month last

# The same figures for scripts, with the SPEC's names.  In the twelve
# months to the end of October two clients were lost (Tom, Zoë) and one
# won back (Tom); no sale had a post-sale plan.
H='from	to	clients_start	clients_new	clients_lost	clients_won	clients_end	retention	churn	contacted	coverage	silent_90	made	kept	broken	moved	dropped	kept_rate	open	overdue	adrift	sales	amount	sales_existing	sales_new	sales6_existing	sales6_new	referred	referral_share	contacts	mood_plus	mood_zero	mood_minus	amount_existing	amount_new	amount6_existing	amount6_new	one_channel	top_referrers	kept_mine	broken_mine	kept_rate_mine	kept_theirs	broken_theirs	kept_rate_theirs	signals	at_risk	greetings	exit_plans	exit_interviews	lost_12m	won_back_12m	winback_rate	post_sale_cared	post_sale_coverage'
OCT='2026-10-01	2026-10-31	10	1	1	1	11	90.0	10.0	9	81.8	0	18	14	1	1	1	93.3	10	0	1	5	12518.20	3	2	4	8	1	100.0	20	11	4	2	5228.20	7290.00	5440.95	18070.90	0	Sarah Mitchell (1)	14	1	93.3	0	0		0	0	0	0	0	2	1	50.0	0	0.0'
t 0 "$H
$OCT" '' fu-stats --month 2026-10 --tsv
t 0 "$(printf '%s\n%s' "$H" "$OCT" | tr '\t' ,)" '' fu-stats --from 2026-10-01 --to 2026-10-31 --csv
t 0 '{"from":"2026-10-01","to":"2026-10-31","clients_start":10,"clients_new":1,"clients_lost":1,"clients_won":1,"clients_end":11,"retention":90.0,"churn":10.0,"contacted":9,"coverage":81.8,"silent_90":0,"made":18,"kept":14,"broken":1,"moved":1,"dropped":1,"kept_rate":93.3,"open":10,"overdue":0,"adrift":1,"sales":5,"amount":12518.20,"sales_existing":3,"sales_new":2,"sales6_existing":4,"sales6_new":8,"referred":1,"referral_share":100.0,"contacts":20,"mood_plus":11,"mood_zero":4,"mood_minus":2,"amount_existing":5228.20,"amount_new":7290.00,"amount6_existing":5440.95,"amount6_new":18070.90,"one_channel":0,"top_referrers":"Sarah Mitchell (1)","kept_mine":14,"broken_mine":1,"kept_rate_mine":93.3,"kept_theirs":0,"broken_theirs":0,"kept_rate_theirs":null,"signals":0,"at_risk":0,"greetings":0,"exit_plans":0,"exit_interviews":0,"lost_12m":2,"won_back_12m":1,"winback_rate":50.0,"post_sale_cared":0,"post_sale_coverage":0.0}' '' fu-stats --month last --json
t 0 'coverage 81.8%	kept 93.3%
sales 12518.20' '' fu-stats --month last -f 'coverage {coverage}%\tkept {kept_rate}%\nsales {amount}'
t 0 '90.0 10.0' '' fu-stats --month last --format '{retention} {churn}'

# The default is this month to date; so are --month this and --month
# 2026-11.  November: log 57 to 60; Sofía new (11-16); 4 overdue, Javier
# silent 103 days, Sarah adrift.
N='2026-11-01 2026-11-23 11 1 12 3 25.0 1 4 1 1 1 11 4 1 4'
F='{from} {to} {clients_start} {clients_new} {clients_end} {contacted} {coverage} {silent_90} {made} {kept} {broken} {moved} {open} {overdue} {adrift} {contacts}'
t 0 "$N" '' fu-stats -f "$F"
t 0 "$N" '' fu-stats --month this -f "$F"
t 0 "$N" '' fu-stats --month 2026-11 -f "$F"
t 0 "$N" '' fu-stats --from 2026-11-01 -f "$F"
t 0 "$N" '' fu-stats --from 2026-11-01 --to 2026-12-31 -f "$F"
t 0 "$N" '' env FU_TODAY=2027-01-01 fu-stats --today 2026-11-23 -f "$F"
# August, with relative dates: 4 sales, all first ones in the log.
t 0 '10 1 9 4 4 7165.40' '' fu-stats --from -114d --to -84d -f '{clients_start} {clients_lost} {clients_end} {sales} {sales_new} {amount}'

# By month, with coverage as a bar.
t 0 'MONTH    CLIENTS  NEW  LOST  WON  CONTACTS  KEPT%  AMOUNT    COVERAGE
2026-06       10    0     0    0         0      -      0.00  ..........   0.0%
2026-07       10    0     0    0         0      -      0.00  ..........   0.0%
2026-08        9    0     1    0        18  94.1%   7165.40  #########.  88.9%
2026-09       10    1     0    0        18  93.8%   3828.25  ########..  80.0%
2026-10       11    1     1    1        20  93.3%  12518.20  ########..  81.8%
2026-11       12    1     0    0         4  50.0%      0.00  ###.......  25.0%' '' fu-stats --from 2026-06-01 --by month
# Each month knows what is open at its end.
t 0 '2026-09 2026-09-01 2026-09-30 open=10 overdue=0 adrift=0
2026-10 2026-10-01 2026-10-31 open=10 overdue=0 adrift=1' '' fu-stats --from 2026-09-01 --to 2026-10-31 --by month -f '{month} {from} {to} open={open} overdue={overdue} adrift={adrift}'
# And it is what the month reported alone says: every month of the sample,
# the first and the last cut to the period (08-15 to today, 11-23).
F='{from} {to} {clients_end} {open} {overdue} {adrift}'
fu-stats --from 2026-08-15 --by month -f "$F" >"$tmp/bymonth"
t 0 '4' '' sh -c 'wc -l <"$1" | tr -d " "' sh "$tmp/bymonth"
while read -r from to _; do
	fu-stats --from "$from" --to "$to" -f "$F"
done <"$tmp/bymonth" >"$tmp/alone"
ok 'a month of --by month has the open, overdue and adrift of the month alone' cmp "$tmp/bymonth" "$tmp/alone"
# On 08-31: 1, 14, 17, 21 and 23 to 27 open (Tom's 19, made on 08-18, is
# dropped by his loss on 08-20), one for each of the 9 clients, none due
# yet; October and November are the reports above.
t 0 '2026-08-15 2026-08-31 9 9 0 0
2026-09-01 2026-09-30 10 10 0 0
2026-10-01 2026-10-31 11 10 0 1
2026-11-01 2026-11-23 12 11 4 1' '' cat "$tmp/alone"
# October is the same as a month of its own.
t 0 "month	$H
2026-10	$OCT" '' fu-stats --month last --by month --tsv

# By channel: no client figures; every sale of October was by call.
t 0 'channel,from,to,clients_start,clients_new,clients_lost,clients_won,clients_end,retention,churn,contacted,coverage,silent_90,made,kept,broken,moved,dropped,kept_rate,open,overdue,adrift,sales,amount,sales_existing,sales_new,sales6_existing,sales6_new,referred,referral_share,contacts,mood_plus,mood_zero,mood_minus,amount_existing,amount_new,amount6_existing,amount6_new,one_channel,top_referrers,kept_mine,broken_mine,kept_rate_mine,kept_theirs,broken_theirs,kept_rate_theirs,signals,at_risk,greetings,exit_plans,exit_interviews,lost_12m,won_back_12m,winback_rate,post_sale_cared,post_sale_coverage
call,2026-10-01,2026-10-31,,,,,,,,,,,6,8,1,1,1,88.9,3,0,,5,12518.20,3,2,4,7,,,13,6,3,2,5228.20,7290.00,5440.95,17430.40,,,8,1,88.9,0,0,,0,,0,0,0,,,,0,0.0
email,2026-10-01,2026-10-31,,,,,,,,,,,5,2,0,0,0,100.0,4,0,,0,0.00,0,0,0,0,,,2,1,1,0,0.00,0.00,0.00,0.00,,,2,0,100.0,0,0,,0,,0,0,0,,,,0,
message,2026-10-01,2026-10-31,,,,,,,,,,,1,0,0,0,0,,1,0,,0,0.00,0,0,0,0,,,1,0,0,0,0.00,0.00,0.00,0.00,,,0,0,,0,0,,0,,0,0,0,,,,0,
visit,2026-10-01,2026-10-31,,,,,,,,,,,6,4,0,0,0,100.0,2,0,,0,0.00,0,0,0,1,,,4,4,0,0,0.00,0.00,0.00,640.50,,,4,0,100.0,0,0,,0,,0,0,0,,,,0,' '' fu-stats --month last --by channel --csv
t 0 'CHANNEL  CONTACTS  MADE  KEPT  BROKEN  KEPT%   OPEN  OVERDUE  SALES  AMOUNT
call           13     6     8       1   88.9%     3        0      5  12518.20
email           2     5     2       0  100.0%     4        0      0      0.00
message         1     1     0       0       -     1        0      0      0.00
visit           4     6     4       0  100.0%     2        0      0      0.00' '' fu-stats --month last --by channel
# By stage; Sofía (prospect) came in November: no row in October.
t 0 'customer 7 1 8 6 1
negotiation 2 0 2 2 0
renewal 1 0 1 1 0' '' fu-stats --month last --by stage -f '{stage} {clients_start} {clients_new} {clients_end} {contacted} {adrift}'
t 0 'STAGE        CLIENTS  NEW  LOST  RETENTION  COVERAGE  ADRIFT  KEPT%   AMOUNT
customer           8    1     1      85.7%     75.0%       1  100.0%  12518.20
negotiation        2    0     0     100.0%    100.0%       0    0.0%      0.00
renewal            1    0     0     100.0%    100.0%       0       -      0.00' '' fu-stats --month last --by stage

# Several portfolios: the sample split in three (a referrer stays with
# whom they referred) gives the report of the whole, in every form.
split() {	# split DIR CLIENTS...: the rows of those clients
	d=$tmp/$1
	shift
	mkdir -p "$d"
	list=" $* "
	awk -F, -v l="$list" 'NR == 1 || index(l, " " $1 " ")' "$P/clients.csv" >"$d/clients.csv"
	awk -F, -v l="$list" 'NR == 1 || index(l, " " $2 " ")' "$P/agreements.csv" >"$d/agreements.csv"
	awk -F, -v l="$list" 'NR == 1 || index(l, " " $3 " ")' "$P/log.csv" >"$d/log.csv"
}
split a 1 2 3 6
split b 4 5 7 8 9
split c 10 11 12 13
for args in '--month last --tsv' '--from 2026-06-01 --by month --tsv' \
    '--from 2026-06-01 --by channel --json' '--month 2026-09 --by stage --csv' \
    '--from 2026-08-15 --by month' '--month last --by channel'; do
	fu-stats $args >"$tmp/whole"
	t 0 "$(cat "$tmp/whole")" '' fu-stats -p "$tmp/a" -p "$tmp/b" --portfolio "$tmp/c" $args
done
fu-stats --month last | tail -n +2 >"$tmp/whole"
fu-stats --month last -p "$tmp/a" -p "$tmp/b" -p "$tmp/c" >"$tmp/three"
t 0 'Retention report, 2026-10-01 to 2026-10-31, over 3 portfolios' '' head -n 1 "$tmp/three"
ok 'the text report of three portfolios is that of their union' cmp "$tmp/whole" <(tail -n +2 "$tmp/three")
# Counts add up, rates are recomputed: a portfolio and its copy.
cp -r "$P" "$tmp/copy"
t 0 '20 2 22 90.0 81.8 25036.40' '' fu-stats --month last -p "$P" -p "$tmp/copy" -f '{clients_start} {clients_lost} {clients_end} {retention} {coverage} {amount}'
# The same portfolio twice, under any name, would be counted twice.
t 2 '' "fu-stats: -p $P and -p $P/../p are the same portfolio: give it once" fu-stats -p "$P" -p "$P/../p"
# A missing one is named once.
t 4 '' 'fu-stats: nowhere: no portfolio here (fu-add client NAME makes one)' fu-stats -p "$P" -p nowhere

# An empty portfolio: zero denominators are empty for scripts, "-" for a
# person.
mkdir "$tmp/empty"
t 0 'retention= kept_rate= referral_share= coverage= contacts=0' '' fu-stats -p "$tmp/empty" -f 'retention={retention} kept_rate={kept_rate} referral_share={referral_share} coverage={coverage} contacts={contacts}'
t 0 '  At the start                     0      Retention                        -' '' sh -c 'fu-stats -p "$1" | grep "At the start"' sh "$tmp/empty"

# Usage errors: exit 2, nothing on stdout.
U='usage: fu-stats [--month YYYY-MM|this|last] [--from DATE --to DATE]
                [--by month|channel|stage] [-p DIR]...
                [--partial | --tsv | --csv | --json | -f TEMPLATE] [--raw]
                [--today DATE] [--color WHEN]
       fu-stats --merge [--partial | --tsv | --csv | --json | -f TEMPLATE] [--raw]
                [--color WHEN] [FILE ...]
       fu-stats -h | --version'
t 0 "$U" '' fu-stats -h
t 0 "$U" '' fu-stats --help
t 0 'fu-stats 0.1.0' '' fu-stats --version
t 2 '' "$U" fu-stats october
t 2 '' "fu-stats: --bogus is not an option
$U" fu-stats --bogus
t 2 '' "fu-stats: --month needs a value
$U" fu-stats --month
t 2 '' 'fu-stats: --by "week": use month, channel or stage' fu-stats --by week
t 2 '' 'fu-stats: --month "2026-13" is not a month: use YYYY-MM, this or last' fu-stats --month 2026-13
t 2 '' 'fu-stats: --month "next" is not a month: use YYYY-MM, this or last' fu-stats --month next
t 2 '' 'fu-stats: --month does not go with --from and --to' fu-stats --month last --from 2026-10-01
t 2 '' 'fu-stats: --to goes with --from DATE' fu-stats --to 2026-10-31
t 2 '' 'fu-stats: the period starts on 2026-10-31, after it ends (2026-10-01)' fu-stats --from 2026-10-31 --to 2026-10-01
t 2 '' 'fu-stats: the period starts on 2026-12-01, after today (2026-11-23): there is nothing to report yet' fu-stats --from 2026-12-01
t 2 '' 'fu-stats: "01/10/2026" is ambiguous: write the date as YYYY-MM-DD' fu-stats --from 01/10/2026
t 2 '' 'fu-stats: "someday" is not a date: use YYYY-MM-DD, today, tomorrow, +N[dwmy], in N days or a weekday name' fu-stats --from 2026-10-01 --to someday
t 2 '' 'fu-stats: today "2026-13-01" is not a date (YYYY-MM-DD)' fu-stats --today 2026-13-01
t 2 '' 'fu-stats: --by month covers at most 120 months' fu-stats --from 2016-01-01 --by month
t 2 '' 'fu-stats: --format: "{" is never closed' fu-stats -f '{from'
t 2 '' 'fu-stats: --format: unknown field "month"; the fields are: from to clients_start clients_new clients_lost clients_won clients_end retention churn contacted coverage silent_90 made kept broken moved dropped kept_rate open overdue adrift sales amount sales_existing sales_new sales6_existing sales6_new referred referral_share contacts mood_plus mood_zero mood_minus amount_existing amount_new amount6_existing amount6_new one_channel top_referrers kept_mine broken_mine kept_rate_mine kept_theirs broken_theirs kept_rate_theirs signals at_risk greetings exit_plans exit_interviews lost_12m won_back_12m winback_rate post_sale_cared post_sale_coverage' fu-stats -f '{month}'
# The template is checked before any portfolio is read.
t 2 '' 'fu-stats: --format: "{" is never closed' fu-stats -p "$tmp/nowhere" -f '{'

# A missing portfolio (exit 4) and a malformed one (exit 3); with several,
# the message names which.
t 4 '' "fu-stats: $tmp/nowhere: no portfolio here (fu-add client NAME makes one)" fu-stats -p "$tmp/nowhere"
t 4 '' "fu-stats: $tmp/nowhere: no portfolio here (fu-add client NAME makes one)" fu-stats -p "$P" -p "$tmp/nowhere"
mkdir "$tmp/bad" && cp "$P"/*.csv "$tmp/bad" && echo '61,2026-11-19,99,,call,,,,,,' >>"$tmp/bad/log.csv"
t 3 '' 'fu-stats: log.csv:62: client 99 is not in the clients table' fu-stats -p "$tmp/bad"
t 3 '' "fu-stats: $tmp/bad/log.csv:62: client 99 is not in the clients table" fu-stats -p "$P" -p "$tmp/bad"
t 3 '' "fu-stats: $tmp/bad/log.csv:62: client 99 is not in the clients table" fu-stats -p "$P" -p "$tmp/bad" --month last --tsv

# The example script: a team report over several portfolios.  "-" prints
# it; each seller's section is that seller's own report.
t 0 '' '' sh -c '"$1" - "$2" "$3/" "$4" >"$5"' sh "$top/examples/monthly-report.sh" "$tmp/a" "$tmp/b" "$tmp/c" "$tmp/mail"
t 0 '== team, 3 portfolios
== team, month by month
== a
== b
== c' '' grep '^== ' "$tmp/mail"
awk '/^== /{ s = $2 } s == "b"' "$tmp/mail" | sed '1d;$d' >"$tmp/b.mail"
ok 'a seller gets their own report' cmp "$tmp/b.mail" <(fu-stats --month last -p "$tmp/b")
t 0 'MONTH    CLIENTS  NEW  LOST  WON  CONTACTS  KEPT%  AMOUNT    COVERAGE
2026-05       10    0     0    0         0      -      0.00  ..........   0.0%
2026-06       10    0     0    0         0      -      0.00  ..........   0.0%
2026-07       10    0     0    0         0      -      0.00  ..........   0.0%
2026-08        9    0     1    0        18  94.1%   7165.40  #########.  88.9%
2026-09       10    1     0    0        18  93.8%   3828.25  ########..  80.0%
2026-10       11    1     1    1        20  93.3%  12518.20  ########..  81.8%' '' sed -n '/^== team, month/,/^$/{/^==/d;/^$/d;p}' "$tmp/mail"
# Mailed with mail(1), the month in the subject; nothing mailed on error.
mkdir "$tmp/bin"
printf '#!/bin/sh\necho "$@" >"$MAILLOG"; cat >>"$MAILLOG"\n' >"$tmp/bin/mail"
chmod +x "$tmp/bin/mail"
export MAILLOG=$tmp/maillog
t 0 '' '' env PATH="$tmp/bin:$PATH" "$top/examples/monthly-report.sh" boss@example.com "$tmp/a" "$tmp/b" "$tmp/c"
t 0 '-s Retention report 2026-10 boss@example.com
== team, 3 portfolios' '' head -n 2 "$MAILLOG"
rm "$MAILLOG"
t 4 '' "fu-stats: $tmp/nowhere: no portfolio here (fu-add client NAME makes one)" env PATH="$tmp/bin:$PATH" "$top/examples/monthly-report.sh" boss@example.com "$tmp/a" "$tmp/nowhere"
ok 'nothing is mailed on an error' test ! -e "$MAILLOG"
t 2 '' 'usage: monthly-report.sh ADDRESS DIR...' "$top/examples/monthly-report.sh" boss@example.com

# The man page's examples.
t 0 '81.8 93.3 12518.20' '' fu-stats --month last -f '{coverage} {kept_rate} {amount}'
t 0 'ana	81.8	93.3	12518.20' '' fu-stats --month last -f 'ana\t{coverage}\t{kept_rate}\t{amount}'
