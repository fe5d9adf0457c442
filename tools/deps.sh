#!/bin/sh
# deps.sh - installs what fu needs to build and test, if it is missing:
# a C compiler, make, libcsv and cmocka, and mandoc to check the manual
# pages (Debian and Ubuntu package names).
set -eu
pkgs="make gcc libc6-dev libcsv-dev libcmocka-dev libxxhash-dev mandoc"
need=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
	    need="$need $p"
done
[ -z "$need" ] && exit 0
echo "deps.sh: installing$need"
if [ "$(id -u)" -ne 0 ]; then
	command -v sudo >/dev/null || {
		echo "deps.sh: run me as root to install:$need" >&2
		exit 1
	}
	sudo=sudo
else
	sudo=
fi
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
    --no-install-recommends $need
