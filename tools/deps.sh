#!/bin/sh
# deps.sh - installs what fu needs to build and test, if it is missing:
# a C compiler, make, libcsv and cmocka, gettext's tools to build the
# Spanish catalogue, mandoc to check the manual pages (Debian and Ubuntu
# package names), and the es_MX.UTF-8 locale the Spanish tests run in.
set -eu
pkgs="make gcc libc6-dev libcsv-dev libcmocka-dev libxxhash-dev mandoc gettext
    locales"
need=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
	    need="$need $p"
done
has_locale() {
	locale -a 2>/dev/null | grep -qix 'es_MX\.utf-\{0,1\}8'
}
[ -z "$need" ] && has_locale && exit 0
if [ "$(id -u)" -ne 0 ]; then
	command -v sudo >/dev/null || {
		echo "deps.sh: run me as root to install:$need" \
		    "${need:+and }the es_MX.UTF-8 locale" >&2
		exit 1
	}
	sudo=sudo
else
	sudo=
fi
if [ -n "$need" ]; then
	echo "deps.sh: installing$need"
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
	    --no-install-recommends $need
fi
# Only this one, not the whole of /etc/locale.gen.
if ! has_locale; then
	echo "deps.sh: making the es_MX.UTF-8 locale"
	$sudo localedef -i es_MX -c -f UTF-8 es_MX.UTF-8 || :
	has_locale || echo "deps.sh: no es_MX.UTF-8 locale: the Spanish" \
	    "tests will use LANGUAGE=es in C.UTF-8 instead" >&2
fi
