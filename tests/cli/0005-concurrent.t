# 200 fu-add runs started at once: every row lands, ids are distinct, and
# the file parses.  Readers running meanwhile never fail.
. "${0%/*}/lib.sh"

export FU_LOCK_TIMEOUT=120
t 0 '1' '' fu-add client Seed
i=0
while [ $i -lt 200 ]; do
	fu-add client "Client $i" --note "run $i" >>"$tmp/ids" 2>>"$tmp/errs" &
	i=$((i + 1))
done
# A reader in the meantime: it reads whole rows or none.
j=0
while [ $j -lt 20 ]; do
	fu-add agreement Seed "Check the file reads" --due friday >>"$tmp/reads" 2>>"$tmp/errs"
	j=$((j + 1))
done
wait
ok 'no run failed' test ! -s "$tmp/errs"
ok '200 ids printed' test "$(wc -l <"$tmp/ids")" -eq 200
ok '200 distinct ids' test "$(sort -u "$tmp/ids" | wc -l)" -eq 200
ok '201 rows' test "$(($(wc -l <"$P/clients.csv") - 1))" -eq 201
ok 'ids 1..201' test "$(tail -n +2 "$P/clients.csv" | cut -d, -f1 | sort -n | uniq | wc -l)" -eq 201
ok 'each run left its own row' test "$(grep -c '^[0-9]*,Client [0-9]*,,,,2026-11-23,,,,,,,run [0-9]*$' "$P/clients.csv")" -eq 200
ok '20 agreements' test "$(sort -u "$tmp/reads" | wc -l)" -eq 20
t 0 '202' '' fu-add client Last
