# Shared by the feedback scripts (sourced): a built site, a collector started and stopped,
# the count of votes in the database. Expects $bin (the helpcenter program) and $work (a
# temporary folder).

# Builds the project's site into $work/site once; prints its article paths on standard output.
feedback_site() {
  [ -d "$work/site" ] || "$bin" build --output "$work/site" > "$work/build.log" 2>&1 || { cat "$work/build.log" >&2; return 1; }
  grep -rhoE 'data-article="[^"]+"' "$work/site" | sed -E 's/data-article="([^"]+)"/\1/' | sort -u
}

# Starts the collector in the background on a free port: feedback_start DATABASE [OPTIONS...].
# Sets $collector_pid and $collector_url.
feedback_start() {
  local database=$1
  shift
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  "$bin" feedback serve --database "$database" --site "$work/site" --port "$port" "$@" > "$work/collector.log" 2>&1 &
  collector_pid=$!
  collector_url="http://127.0.0.1:$port/"
  for _ in $(seq 1 100); do
    curl -fsS -o /dev/null "$collector_url" 2>/dev/null && return 0
    kill -0 "$collector_pid" 2>/dev/null || { cat "$work/collector.log" >&2; return 1; }
    sleep 0.1
  done
  echo "the collector did not start" >&2
  cat "$work/collector.log" >&2
  return 1
}

feedback_stop() {
  [ -n "${collector_pid:-}" ] || return 0
  kill "$collector_pid" 2>/dev/null || true
  wait "$collector_pid" 2>/dev/null || true
  collector_pid=
}

# The number of votes in the database, through the report.
feedback_count() {
  "$bin" feedback report --database "$1" --format json | python3 -c 'import json, sys; print(json.load(sys.stdin)["totalVotes"])'
}
