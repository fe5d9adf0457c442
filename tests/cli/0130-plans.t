# Plans (issue 16): a plan file's steps started in one write, by fu-add
# or with the event that starts it; steps that wait on the one before;
# fu-due and fu-stats know them; bad plans are refused naming the line;
# in English and in Spanish.
. "${0%/*}/lib.sh"

fu-add client "Tom Baker" --since 2026-01-01 >/dev/null
fu-add client "Ana López" --consent --since 2026-01-01 >/dev/null
fu-add agreement tom "Send Tom the renewal quote" --due +2d >/dev/null
snap() { cat "$P/agreements.csv" "$P/log.csv" >"$tmp/snap"; }
same() { cat "$P/agreements.csv" "$P/log.csv" | cmp -s - "$tmp/snap"; }

# 1. A client leaves: the exit plan starts that very day, all five steps
# in one write, each an agreement the rule checked.
t 0 '2
3
4
5
6' '' fu-log tom --lost "Went to a cheaper supplier" --channel visit --plan exit
t 0 '2,1,"Propose the exit plan: phases, milestones, who is in charge, start and end dates",2026-11-23,visit,,2026-11-23,1,,exit 1/5,
3,1,"Lead the transition with the new supplier, to keep the client'"'"'s trust",2026-11-26,call,,2026-11-23,1,,exit 2/5,
4,1,"Say goodbye to the decision makers and to administration, and offer to solve any problem of the exit",2026-11-30,visit,,2026-11-23,1,,exit 3/5,
5,1,"Ask for an exit interview, and listen",2026-12-30,call,,2026-11-23,1,,exit 4/5 interview,4+30d
6,1,Send the season'"'"'s news and ask how the change went,2027-03-30,email,,2026-11-23,1,,exit 5/5,5+3m' '' tail -n 5 "$P/agreements.csv"
t 0 '1,2026-11-23,1,,visit,lost,,,2,Went to a cheaper supplier,' '' tail -n 1 "$P/log.csv"
# The step he was owed before ended with him; the plan's are listed.
t 0 'DUE         WHEN   CLIENT     WHAT                                                                                                             CHANNEL  ID
2026-11-23  today  Tom Baker  (exit 1/5) Propose the exit plan: phases, milestones, who is in charge, start and end dates                      visit     2
2026-11-26  in 3d  Tom Baker  (exit 2/5) Lead the transition with the new supplier, to keep the client'"'"'s trust                                 call      3
2026-11-30  in 7d  Tom Baker  (exit 3/5) Say goodbye to the decision makers and to administration, and offer to solve any problem of the exit  visit     4' '' fu-due --within 10
t 0 'DUE         WHEN      CLIENT     WHAT                                                                                                             CHANNEL  ID
2026-11-23     today  Tom Baker  (exit 1/5) Propose the exit plan: phases, milestones, who is in charge, start and end dates                      visit     2
2026-11-26     in 3d  Tom Baker  (exit 2/5) Lead the transition with the new supplier, to keep the client'"'"'s trust                                 call      3
2026-11-30     in 7d  Tom Baker  (exit 3/5) Say goodbye to the decision makers and to administration, and offer to solve any problem of the exit  visit     4
            after #4  Tom Baker  (exit 4/5) Ask for an exit interview, and listen                                                                 call      5
            after #5  Tom Baker  (exit 5/5) Send the season'"'"'s news and ask how the change went                                                    email     6' '' fu-due --plan exit
t 0 'due	late	client	what	channel	id	client_id	every	slips	side	plan
2026-11-23	0	Tom Baker	Propose the exit plan: phases, milestones, who is in charge, start and end dates	visit	2	1		0	mine	exit 1/5
2026-11-26	-3	Tom Baker	Lead the transition with the new supplier, to keep the client'"'"'s trust	call	3	1		0	mine	exit 2/5
2026-11-30	-7	Tom Baker	Say goodbye to the decision makers and to administration, and offer to solve any problem of the exit	visit	4	1		0	mine	exit 3/5
		Tom Baker	Ask for an exit interview, and listen	call	5	1		0	mine	exit 4/5
		Tom Baker	Send the season'"'"'s news and ask how the change went	email	6	1		0	mine	exit 5/5' '' fu-due --plan exit --tsv
# Started once.
snap
t 2 '' 'fu-add: Tom Baker'"'"'s plan exit is under way already (agreement 2, step 1/5): a plan is started once' fu-add agreement tom --plan exit
t 2 '' 'fu-log: Tom Baker'"'"'s plan exit is under way already (agreement 3, step 2/5): a plan is started once' fu-log tom --channel call --plan exit -a 2
ok 'the refusals wrote nothing' same

# 2. Steps kept: the one that waits falls due a set time after.
t 0 '' '' fu-log tom -a 2 --channel visit --note "Plan agreed with his team"
t 0 '' '' fu-log tom -a 3 --channel call
# Step 4 moved, then kept: the interview waits on the step that continues it.
t 0 7 '' fu-log tom -a 4 -o moved --due +3d
t 0 '7 2026-11-26 exit 3/5
5  exit 4/5
6  exit 5/5' '' fu-due --plan exit -f '{id} {due} {plan}'
t 0 '' '' fu-log tom -a 7 --channel visit
t 0 '5 2026-12-23 exit 4/5
6  exit 5/5' '' fu-due --plan exit -f '{id} {due} {plan}'
# The interview held: it counts, and the last step waits on it.
t 0 '' '' fu-log tom -a 5 --channel call --note "He misses our deliveries"
t 0 'exit_plans=1 interviews=1 lost=1 won=0' '' \
    fu-stats -f 'exit_plans={exit_plans} interviews={exit_interviews} lost={lost_12m} won={won_back_12m}'
# Today's "no" can be a "yes" later: won back in December.
t 0 8 '' env FU_TODAY=2026-12-20 fu-log tom --won --channel call --next "Visit Tom to sign the new order" --due +1w
t 0 'lost=1 won=1 rate=100.0' '' fu-stats --today 2026-12-20 -f 'lost={lost_12m} won={won_back_12m} rate={winback_rate}'

# 3. A sale starts post-sale care: a first contact needs no other step.
t 0 '9
10
11' '' fu-log ana --channel visit --amount 900 --plan post-sale
t 0 'DUE         WHEN       CLIENT     WHAT                                                                         CHANNEL  ID
2026-11-25      in 2d  Ana López  (post-sale 1/3) Call to check the delivery arrived complete and on time      call      9
2026-12-07     in 14d  Ana López  (post-sale 2/3) Visit to ask how it is going and meet the people who decide  visit    10
            after #10  Ana López  (post-sale 3/3) Ask for a referral to a colleague who could use the same     call     11' '' fu-due --plan post-sale
FU_TODAY=2026-11-27 fu-log ana -a 9 --channel call --mood + >/dev/null
t 0 'cared=1 coverage=100.0' '' fu-stats --today 2026-11-30 -f 'cared={post_sale_cared} coverage={post_sale_coverage}'

# 4. fu-add starts any plan, from a day (--start) no earlier than today.
t 0 '12
13
14' '' fu-add agreement ana --plan onboarding --start 2026-12-01
t 3 '' "fu-add: $top/plans/bienvenida.tsv:4: this step would be due on 2026-11-01, before today (2026-11-23): start the plan later" fu-add agreement ana --plan bienvenida --start 2026-11-01

# 5. In Spanish, the same.
fu-add client "José Peña" --since 2026-01-01 >/dev/null
t 0 '15
16
17
18
19' '' fu-log josé --lost "Se fue con la competencia" --channel llamada --plan salida
t 0 '15	2026-11-23	salida 1/5	Proponer el plan de salida: fases, hitos, responsable, fechas de inicio y fin
16	2026-11-26	salida 2/5	Liderar la transición con el nuevo proveedor, para conservar la confianza del cliente
17	2026-11-30	salida 3/5	Despedirse de quienes deciden y de administración, y ofrecer resolver cualquier problema de la salida
18		salida 4/5	Pedir una entrevista de salida, y escuchar
19		salida 5/5	Enviar las novedades de la temporada y preguntar cómo fue el cambio' '' fu-due --plan salida -f '{id}	{due}	{plan}	{what}'

# 6. A portfolio's own plans come first; bad plans are refused naming the
# file and line, and write nothing.
mkdir "$P/plans"
printf '# exit: our own, shorter\nwhen\twhat\tchannel\tside\tmark\n+1d\tCall to ask why they left\tcall\t\t\n' >"$P/plans/exit.tsv"
fu-add client "Eva Stone" --since 2026-01-01 >/dev/null
t 0 '20' '' fu-log eva --lost "Closed the shop" --plan exit
snap
printf '# bad\nwhen\twhat\tchannel\tside\tmark\n+2x\tSend the quote\tcall\t\t\n' >"$P/plans/bad.tsv"
t 3 '' "fu-add: $P/plans/bad.tsv:3: when \"+2x\" is not when a step falls due: +0d, +3d, +2w, +1m (after the start), kept or kept+3d (after the step before it)" fu-add agreement ana --plan bad
printf '# vague\nwhen\twhat\tchannel\tside\tmark\n+2d\tjust checking in\tcall\t\t\n' >"$P/plans/vague.tsv"
t 3 '' "fu-add: $P/plans/vague.tsv:3: \"just checking in\" is not an agreement: name a concrete step, or make it a recurring touch with --every (such as --every 3m)" fu-add agreement ana --plan vague
printf '# colour\nwhen\twhat\tcolour\n+2d\tSend the quote\tred\n' >"$P/plans/colour.tsv"
t 3 '' "fu-add: $P/plans/colour.tsv:2: column \"colour\" is not a plan's: when, what, channel, side, mark" fu-add agreement ana --plan colour
printf '# side\nwhen\twhat\tchannel\tside\n+2d\tSend the quote\tcall\tella\n' >"$P/plans/side.tsv"
t 3 '' "fu-add: $P/plans/side.tsv:3: side \"ella\" is not mine (or me, mío, yo, or empty) or client (or theirs, cliente)" fu-add agreement ana --plan side
printf '# wait\nwhen\twhat\nkept+2d\tSend the quote\n' >"$P/plans/wait.tsv"
t 3 '' "fu-add: $P/plans/wait.tsv:3: the first step waits on no step before it: give it a day after the start, such as +0d" fu-add agreement ana --plan wait
t 2 '' 'fu-add: no plan called "nope"; the plans: bad, bienvenida, colour, exit, onboarding, post-sale, posventa, salida, side, vague, wait' fu-add agreement ana --plan nope
t 2 '' 'fu-add: "../exit" is not a plan'"'"'s name: a to z without accents, digits, - and _' fu-add agreement ana --plan ../exit
t 2 '' 'fu-log: --plan makes the next steps: it does not go with --next, --due or --every' fu-log ana --channel call --plan exit --next "Send the quote" --due friday
ok 'bad plans wrote nothing' same

# 7. Found when the plans were documented: a moved step stays in its plan;
# a waiting step is no step an unnamed contact followed up on; a comeback
# may start a plan; every id made is printed; a loss logged late starts
# its plan today.
fu-add client "Luis Mora" --since 2026-01-01 >/dev/null
t 0 '21
22
23' '' fu-log luis --channel visit --amount 1200 --plan post-sale
t 0 24 '' fu-log luis -a 21 -o moved --due +4d
t 0 '24 2026-11-27 post-sale 1/3
22 2026-12-07 post-sale 2/3
23  post-sale 3/3' '' fu-due --plan post-sale --client luis -f '{id} {due} {plan}'
t 2 '' "fu-log: Luis Mora has 3 open agreements; name the one this contact followed up on:
  -a 24	Call to check the delivery arrived complete and on time (due 2026-11-27)
  -a 22	Visit to ask how it is going and meet the people who decide (due 2026-12-07)
  -a 23	Ask for a referral to a colleague who could use the same (due once 22 is kept)" fu-log luis --channel call
fu-add client "Rita Cole" --since 2026-01-01 >/dev/null
# (The portfolio's own exit plan, of one step due a day after the start.)
t 0 25 '' fu-log rita --lost "Moved to a competitor" --date 2026-11-20 --plan exit
t 0 '2026-11-24' '' fu-due --plan exit --client rita -f '{due}'
# A plan that lists nothing must be one: a typo is no silence.
t 2 '' 'fu-due: no plan called "exti"; the plans: bad, bienvenida, colour, exit, onboarding, post-sale, posventa, salida, side, vague, wait' fu-due --plan exti
t 1 '' '' fu-due --plan bienvenida
