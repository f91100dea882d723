#!/usr/bin/env bash
# Starts a throwaway PostGIS cluster on 127.0.0.1:$PGPORT owned by the postgres user and prints
# its DATABASE_URL. Postgres refuses to run as root, hence su.
set -euo pipefail
PGPORT=${PGPORT:-55432}
BIN=/usr/lib/postgresql/15/bin
D=$(mktemp -d /tmp/mujun-pg.XXXXXX)
chown postgres: "$D"
su postgres -c "$BIN/initdb -D $D/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync" >/dev/null
su postgres -c "$BIN/pg_ctl -D $D/data -o '-p $PGPORT -k $D -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200' -l $D/pg.log -w start" >/dev/null
psql -q -h 127.0.0.1 -p "$PGPORT" -U postgres -c 'CREATE DATABASE mujun' >/dev/null
psql -q -h 127.0.0.1 -p "$PGPORT" -U postgres -d mujun -c 'CREATE EXTENSION IF NOT EXISTS postgis' >/dev/null
# Test databases are created from template1: give it PostGIS too, so CREATE EXTENSION is a no-op there.
psql -q -h 127.0.0.1 -p "$PGPORT" -U postgres -d template1 -c 'CREATE EXTENSION IF NOT EXISTS postgis' >/dev/null
echo "$D" > /tmp/mujun-pg.dir
echo "postgres://postgres@127.0.0.1:$PGPORT/mujun"
