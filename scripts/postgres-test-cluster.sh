#!/usr/bin/env bash
# A PostgreSQL server of the tests' own: Debian's packages (installed when missing), a new
# cluster in a temporary folder, listening on 127.0.0.1 only, trust authentication (nothing
# else can reach it). As root, the server runs as the user postgres.
#   scripts/postgres-test-cluster.sh start DIR [PORT]   prints the cluster's URL on its last line
#                                                       (DIR: a folder the user postgres can reach, e.g. mktemp -d)
#   scripts/postgres-test-cluster.sh stop DIR           stops it (the folder is left for the caller)
#   scripts/postgres-test-cluster.sh restart DIR        stop then start, same port (outage tests)
# Used by scripts/test.sh (which exports HELPCENTER_TEST_POSTGRES_URL for swift test), .ci/run
# and the feedback scripts (docs/feedback.md: Tests).
set -euo pipefail
cd "$(dirname "$0")/.."
action=${1:?usage: postgres-test-cluster.sh start|stop|restart DIR [PORT]}
dir=${2:?usage: postgres-test-cluster.sh start|stop|restart DIR [PORT]}

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  scripts/setup.sh postgresql >&2
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
  start)
    mkdir -p "$dir"
    if [ -f "$dir/port" ]; then port=$(cat "$dir/port"); else port=${3:-}; fi
    if [ -z "$port" ]; then
      port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    fi
    echo "$port" > "$dir/port"
    if [ "$(id -u)" -eq 0 ]; then
      chown postgres: "$dir"
      runuser -u postgres -- test -x "$dir" \
        || { echo "postgres-test-cluster.sh: the user postgres cannot reach $dir (give it a folder of its own, e.g. from mktemp -d)" >&2; exit 1; }
    fi
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 > "$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    if as_owner "$bin/pg_ctl" -D "$dir/data" status > /dev/null 2>&1; then
      echo "postgres://postgres@127.0.0.1:$port/postgres"
      exit 0
    fi
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=100" start > /dev/null \
      || { tail -n 20 "$dir/server.log" >&2; exit 1; }
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    [ -f "$dir/data/postmaster.pid" ] || exit 0
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop > /dev/null
    ;;
  restart)
    "$0" stop "$dir"
    "$0" start "$dir"
    ;;
  *) echo "usage: postgres-test-cluster.sh start|stop|restart DIR [PORT]" >&2; exit 2 ;;
esac
