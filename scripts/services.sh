#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL and Redis on loopback for the PostgreSQL and
# multi-instance test suites, and prints the variables the tests read.
#   scripts/services.sh start   -> prints TEST_POSTGRES_URL=... and TEST_REDIS_URL=...
#   scripts/services.sh stop
# Needs Debian's postgresql and redis-server packages (.ci/run installs them).
set -euo pipefail
DIR="${SERVICES_DIR:-/tmp/support-desk-services}"
PG_PORT="${TEST_PG_PORT:-55432}"
REDIS_PORT="${TEST_REDIS_PORT:-56379}"
# Tests need no durability; a benchmark does (PG_FSYNC=on, with its own SERVICES_DIR and ports: bench/README.md).
PG_FSYNC="${PG_FSYNC:-off}"
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
# PostgreSQL refuses to run as root; as root, run it as the postgres user the package created.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
  start)
    [ -x "$PG_BIN/pg_ctl" ] || { echo "PostgreSQL server not installed (apt-get install postgresql)" >&2; exit 1; }
    command -v redis-server >/dev/null || { echo "redis-server not installed (apt-get install redis-server)" >&2; exit 1; }
    mkdir -p "$DIR"
    [ "$(id -u)" = 0 ] && chown postgres "$DIR"
    if [ ! -f "$DIR/pg/PG_VERSION" ]; then
      as_pg "$PG_BIN/initdb" -D "$DIR/pg" -U desk --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    # Already running (an earlier start): use it.
    if ! as_pg "$PG_BIN/pg_ctl" -D "$DIR/pg" status >/dev/null 2>&1; then
      as_pg "$PG_BIN/pg_ctl" -D "$DIR/pg" -l "$DIR/pg.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $DIR -c fsync=$PG_FSYNC -c max_connections=400" start >/dev/null
    fi
    as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U desk -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'desk'" | grep -q 1 \
      || as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U desk desk
    [ -f "$DIR/redis.pid" ] && kill -0 "$(cat "$DIR/redis.pid")" 2>/dev/null || redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --daemonize yes \
      --pidfile "$DIR/redis.pid" --logfile "$DIR/redis.log"
    echo "TEST_POSTGRES_URL=postgres://desk@127.0.0.1:$PG_PORT/desk"
    echo "TEST_REDIS_URL=redis://127.0.0.1:$REDIS_PORT"
    ;;
  stop)
    [ -f "$DIR/pg/postmaster.pid" ] && as_pg "$PG_BIN/pg_ctl" -D "$DIR/pg" -m fast stop >/dev/null || true
    [ -f "$DIR/redis.pid" ] && kill "$(cat "$DIR/redis.pid")" 2>/dev/null || true
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
