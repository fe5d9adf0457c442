# fu: "fu due" runs fu-due as git runs git-foo, found beside fu first
# (so that a build tree runs its own), then on PATH; the command's exit
# status, streams and arguments are its own.  "fu help" lists the
# commands, "fu help due" opens fu-due(1).
. "${0%/*}/lib.sh"

# A PATH of known contents: the built commands, a command of someone
# else's (fu-hello), a man that says what it was asked, and the system.
mkdir "$tmp/bin"
cat >"$tmp/bin/fu-hello" <<'SH'
#!/bin/sh
printf '[%s]' "$@"
echo
cat
exit 7
SH
printf '#!/bin/sh\necho "man $*"\n' >"$tmp/bin/man"
printf '#!/nonexistent/interpreter\n' >"$tmp/bin/fu-broken"
printf 'not run\n' >"$tmp/bin/fu-notrun"
chmod +x "$tmp/bin/fu-hello" "$tmp/bin/man" "$tmp/bin/fu-broken"
PATH=$tmp/bin:$top:/usr/bin:/bin

U='usage: fu COMMAND [ARG...]
       fu help [COMMAND]
       fu -h | --version'
LIST="$U

The commands, in the order of a day:
  due      what is due today: the agreements to follow up on
  log      record a contact, what became of its agreement, and the next step
  add      add a client or an agreement to the portfolio
  stats    the retention report of a period, for one seller or a team
  clients  list and search the clients, or export them as vCards

Other commands found (fu-NAME beside fu or on PATH):
  broken   $tmp/bin/fu-broken
  hello    $tmp/bin/fu-hello

fu help COMMAND opens the command's manual page; fu(7) tells the method."
t 0 "$LIST" '' fu
t 0 "$LIST" '' fu help
t 0 "$LIST" '' fu --help
t 0 "$LIST" '' fu -h
t 0 'fu 0.1.0' '' fu --version

# The commands run as themselves: output, messages, exit status.
t 0 1 '' fu add client "Ana López"
t 0 1 '' fu add agreement lopez "Send the quote" --due today
t 0 '2026-11-23	Ana López	Send the quote' '' fu due -f '{due}\t{client}\t{what}'
t 1 '' '' fu due --overdue
t 2 '' "fu-due: --within \"x\" is not a number from 0 to 36500" fu due --within x
t 0 '' '' fu log lopez -o kept --no-next "Done for this year"
# Arguments come as given, stdin is the command's, and so is the status.
t 7 '[a b][--x][]
typed' '' sh -c 'echo typed | fu hello "a b" --x ""'

# Beside fu first: run by a path, fu finds fu-due next to it even when
# PATH has none.
t 0 '2026-11-23' '' env PATH=/usr/bin:/bin "$top/fu" stats -f '{to}'

# fu help COMMAND: the manual page, from man(1).
t 0 'man fu-due' '' fu help due
t 0 'man fu-hello' '' fu help hello

# What fu cannot run: exit 2 and a pointer to fu help; 4 when it was
# found but could not be run.
t 2 '' 'fu: "nope" is not a fu command; fu help lists them' fu nope
t 2 '' 'fu: "nope" is not a fu command; fu help lists them' fu help nope
t 2 '' 'fu: "notrun" is not a fu command; fu help lists them' fu notrun
t 2 '' 'fu: "../fu-due" is not a fu command; fu help lists them' fu ../fu-due
t 2 '' 'fu: "" is not a fu command; fu help lists them' fu ''
t 4 '' "fu: cannot run $tmp/bin/fu-broken: No such file or directory" fu broken
t 2 '' "fu: invalid option -- 'x'
$U" fu -x
t 2 '' "$U" fu help due log
