#!/usr/bin/env bash
# Starts a throwaway PostgreSQL on 127.0.0.1:5432 (trust auth, superuser "postgres").
# PostgreSQL refuses to run as root, so it runs as a dedicated user.
set -euo pipefail
bindir=""
for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && bindir="$d"; done
if [ -z "$bindir" ] && command -v initdb >/dev/null; then bindir="$(dirname "$(command -v initdb)")"; fi
if [ -z "$bindir" ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && bindir="$d"; done
fi
id foyerpg >/dev/null 2>&1 || useradd --system --create-home foyerpg
data=/tmp/foyer-ci-pg
rm -rf "$data" && mkdir -p "$data" && chown foyerpg "$data"
su foyerpg -s /bin/sh -c "$bindir/initdb -D $data -U postgres --auth=trust >/dev/null"
su foyerpg -s /bin/sh -c "$bindir/pg_ctl -D $data -l $data/log -o '-h 127.0.0.1 -p 5432 -k /tmp -c fsync=off' -w start"
echo "PostgreSQL started from $bindir"
