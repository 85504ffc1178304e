#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on loopback for the test suite, and prints the URL to
# give it as TEST_DATABASE_URL. Uses the machine's PostgreSQL (Debian's `postgresql` package),
# installing it with apt-get when it is missing and this runs as root. Safe to run twice: a
# server already answering on the port is reused.
#
#   export TEST_DATABASE_URL=$(tools/postgres/start-test-postgres.sh)
#
# Environment: TEST_PG_PORT (default 55432), TEST_PG_DIR (default /tmp/finetune-advisor-pg).
set -euo pipefail

PORT="${TEST_PG_PORT:-55432}"
DIR="${TEST_PG_DIR:-/tmp/finetune-advisor-pg}"
URL="postgres://advisor@127.0.0.1:$PORT/advisor_test"
say() { echo "start-test-postgres: $*" >&2; }

bin_dir() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  [[ -n "$found" && -x "$found/initdb" ]] && echo "$found"
}

BIN=$(bin_dir || true)
if [[ -z "$BIN" ]]; then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    say "installing PostgreSQL from Debian's packages"
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2 </dev/null
    BIN=$(bin_dir) || { say "postgresql installed without initdb"; exit 1; }
  else
    say "no PostgreSQL here (looked in /usr/lib/postgresql/*/bin); install Debian's postgresql package"
    exit 1
  fi
fi

# PostgreSQL refuses to run as root: as root, run it as the package's postgres user.
as_owner() {
  if [[ $(id -u) == 0 ]]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

if as_owner "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" 2>/dev/null; then
  echo "$URL"
  exit 0
fi

if [[ ! -f "$DIR/PG_VERSION" ]]; then
  mkdir -p "$DIR"
  [[ $(id -u) == 0 ]] && chown postgres "$DIR"
  as_owner "$BIN/initdb" -D "$DIR" -U advisor --auth=trust -E UTF8 --no-instructions >/dev/null
fi
# Loopback only, a socket in the data folder, and settings for a test server (no fsync: it is thrown away).
as_owner "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories=$DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null || { say "the server did not start; its log:"; tail -20 "$DIR/server.log" >&2; exit 1; }
as_owner "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U advisor -d postgres -qtAc "SELECT 1 FROM pg_database WHERE datname = 'advisor_test'" | grep -q 1 ||
  as_owner "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U advisor -d postgres -qc "CREATE DATABASE advisor_test" >/dev/null
echo "$URL"
