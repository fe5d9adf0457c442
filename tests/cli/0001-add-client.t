# fu-add client: ids, options, the files it makes.
. "${0%/*}/lib.sh"

t 0 '1' '' fu-add client "Ana López" --company Acme
ok 'portfolio is 0700' test "$(stat -c %a "$P")" = 700
ok 'clients.csv is 0600' test "$(stat -c %a "$P/clients.csv")" = 600
ok 'agreements.csv made with its header' test "$(cat "$P/agreements.csv")" = 'id,client,what,due,channel,every,made,from,side,plan,after'
ok 'log.csv made with its header' test "$(cat "$P/log.csv")" = 'id,date,client,agreement,channel,outcome,amount,mood,next,note,referred'
t 0 '2' '' fu-add client "José Peña" --company "Muebles García, S.A." \
    --email jose@example.com --phone "+34 600 123 456" --since 2025-03-01 \
    --birthday 1980-05-17 --anniversary 06-30 --referred-by lopez --consent \
    --stage negotiation --tag vip --tag madrid --note 'Says "call after 10"'
t 0 'id,name,company,email,phone,since,birthday,anniversary,referred_by,consent,stage,tags,note
1,Ana López,Acme,,,2026-11-23,,,,,,,
2,José Peña,"Muebles García, S.A.",jose@example.com,'"'"'+34 600 123 456,2025-03-01,1980-05-17,06-30,1,yes,negotiation,vip madrid,"Says ""call after 10"""' '' cat "$P/clients.csv"
t 0 '3' '' fu-add client Luis --since yesterday
t 0 '3,Luis,,,,2026-11-22,,,,,,,' '' tail -n 1 "$P/clients.csv"

# Refusals write nothing and exit 2.
cp "$P/clients.csv" "$tmp/before"
t 2 '' 'fu-add: birthday "31-02" is not a date (YYYY-MM-DD or MM-DD)' fu-add client Eva --birthday 31-02
t 2 '' 'fu-add: "03/04/2026" is ambiguous: write the date as YYYY-MM-DD' fu-add client Eva --since 03/04/2026
t 2 '' 'fu-add: "2026-02-30" is not a date: there is no such day' fu-add client Eva --since 2026-02-30
t 2 '' 'fu-add: no client matches "nadie" (fu-add client NAME adds one)' fu-add client Eva --referred-by nadie
t 2 '' 'fu-add: tag "a b" holds a space: tags are single words (give --tag once for each)' fu-add client Eva --tag 'a b'
t 2 '' "fu-add: the client's name is empty" fu-add client ''
t 2 '' 'fu-add: --due, --channel, --every, --theirs, --plan and --start are for agreements' fu-add client Eva --due today
t 2 '' 'fu-add: --due, --channel, --every, --theirs, --plan and --start are for agreements' fu-add client Eva --theirs
ok 'refusals leave clients.csv as it was' cmp "$tmp/before" "$P/clients.csv"

# Usage.
t 2 '' 'usage: fu-add client NAME [--company C] [--email E] [--phone P] [--since DATE]
                   [--birthday D] [--anniversary D] [--referred-by CLIENT]
                   [--consent] [--stage S] [-t|--tag T]... [--note N]
                   [--duplicate]
       fu-add client --vcard FILE | --import FILE.csv [--map COLUMN=FIELD,...]
                   [--consent] [--stage S] [-t|--tag T]... [--since DATE]
       fu-add agreement CLIENT WHAT -d|--due DATE [--channel C] [--every PERIOD]
                   [--theirs]
       fu-add agreement CLIENT --plan NAME [--start DATE]
common options: [-p DIR] [--today DATE] [-h] [--version]' fu-add
t 0 'fu-add 0.1.0' '' fu-add --version

# -p wins over FU_PORTFOLIO; the XDG default is used when neither is set.
t 0 '1' '' fu-add -p "$tmp/other" client Otra
t 0 '1' '' env -u FU_PORTFOLIO XDG_DATA_HOME="$tmp/xdg" fu-add client Xdg
ok 'XDG_DATA_HOME/fu holds it' test -f "$tmp/xdg/fu/clients.csv"
t 0 '1' '' env -u FU_PORTFOLIO -u XDG_DATA_HOME HOME="$tmp/home" fu-add client Home
ok 'HOME/.local/share/fu holds it' test -f "$tmp/home/.local/share/fu/clients.csv"

# Whatever the umask, personal data stays 0600 and 0700.
t 0 '1' '' sh -c "umask 0; fu-add -p '$tmp/open' client U"
ok 'umask 0: directory 0700' test "$(stat -c %a "$tmp/open")" = 700
ok 'umask 0: clients 0600' test "$(stat -c %a "$tmp/open/clients.csv")" = 600
ok 'umask 0: lock 0600' test "$(stat -c %a "$tmp/open/.lock")" = 600

# FU_FORMAT=tsv makes a TSV portfolio with escapes.
t 2 '' 'fu-add: NAME holds a control character' fu-add client "Tab	Name"
t 0 '1' '' env FU_FORMAT=tsv fu-add -p "$tmp/tsv" client "Name" --note 'two
lines \ back	tab'
t 0 'id	name	company	email	phone	since	birthday	anniversary	referred_by	consent	stage	tags	note
1	Name				2026-11-23							two\nlines \\ back\ttab' '' cat "$tmp/tsv/clients.tsv"
