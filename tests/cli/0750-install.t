# make install puts everything where its readers look: the commands, the
# manual pages in English and in Spanish (man -L es), the Spanish catalogue
# under LOCALEDIR, the built-in plans, and the completion of bash and zsh.
. "${0%/*}/lib.sh"

d=$tmp/root
ok 'make install DESTDIR=... PREFIX=/usr' \
    make -s -C "$top" install DESTDIR="$d" PREFIX=/usr
for f in bin/fu bin/fu-add bin/fu-log bin/fu-due bin/fu-stats bin/fu-clients \
    share/man/man1/fu.1 share/man/es/man1/fu.1 \
    share/man/man1/fu-clients.1 share/man/es/man1/fu-clients.1 \
    share/bash-completion/completions/fu \
    share/bash-completion/completions/fu-add \
    share/bash-completion/completions/fu-log \
    share/bash-completion/completions/fu-due \
    share/bash-completion/completions/fu-stats \
    share/zsh/site-functions/_fu \
    share/man/man1/fu-due.1 share/man/man5/fu-portfolio.5 \
    share/man/man7/fu.7 share/man/es/man1/fu-add.1 \
    share/man/es/man1/fu-log.1 share/man/es/man1/fu-due.1 \
    share/man/es/man1/fu-stats.1 share/man/es/man5/fu-portfolio.5 \
    share/man/es/man7/fu.7 share/locale/es/LC_MESSAGES/fu.mo \
    share/fu/plans/post-sale.tsv share/fu/plans/posventa.tsv; do
	ok "installed: /usr/$f" test -s "$d/usr/$f"
done
ok 'the installed catalogue is the built one' \
    cmp "$d/usr/share/locale/es/LC_MESSAGES/fu.mo" \
    "$top/po/locale/es/LC_MESSAGES/fu.mo"

# An installed command finds its catalogue where it was installed: here
# FU_LOCALEDIR stands for the LOCALEDIR of a build with PREFIX=/usr.
LANGUAGE=es FU_LOCALEDIR=$d/usr/share/locale "$d/usr/bin/fu-due" --help \
    >"$tmp/help" 2>&1
ok 'fu-due --help in Spanish from the installed catalogue' \
    grep -q '^uso: fu-due' "$tmp/help"

# man -L es finds the Spanish page, when man is here to ask.
if command -v man >/dev/null 2>&1; then
	ok 'man -L es -w fu-due finds the Spanish page' sh -c \
	    'test "$(MANPATH="$1" man -L es -w fu-due)" = "$1/es/man1/fu-due.1"' \
	    sh "$d/usr/share/man"
	# fu(1), the command, comes before fu(7), the method.
	ok 'LANG=es_MX.UTF-8 man -w fu finds the Spanish page' sh -c \
	    'test "$(LANG=es_MX.UTF-8 LC_ALL= MANPATH="$1" man -w fu)" = \
	    "$1/es/man1/fu.1"' sh "$d/usr/share/man"
	ok 'LANG=es_MX.UTF-8 man -w 7 fu finds the Spanish method' sh -c \
	    'test "$(LANG=es_MX.UTF-8 LC_ALL= MANPATH="$1" man -w 7 fu)" = \
	    "$1/es/man7/fu.7"' sh "$d/usr/share/man"
else
	echo "$name: man is not installed: where man -L es looks is not asked"
fi
