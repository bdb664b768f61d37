#!/usr/bin/env bash
# Votes per second through the collector, with wrk on loopback: SQLite, then PostgreSQL (the
# tests' own cluster, scripts/postgres-test-cluster.sh, or $HELPCENTER_TEST_POSTGRES_URL).
# Prints, for each store: votes acknowledged per second, refusals and socket errors, and the
# count in the database against the count acknowledged: the 201s wrk read, and the 201s the
# collector sent (it says so when it stops). Votes still in flight when wrk stops are stored
# and answered but their answer is not read, so wrk's count may be a few lower.
#   bench/feedback/run.sh [BIN] [SECONDS] [CONNECTIONS]   (default: the release build, 10 s, 64)
# On this project's 2-core machines wrk and the collector share the cores: the figure is a floor.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-.build/release/helpcenter}
seconds=${2:-10}
connections=${3:-64}
[ -x "$bin" ] || { echo "no $bin: scripts/build-release.sh, or pass the program" >&2; exit 2; }
work=$(mktemp -d)
collector_pid=
cluster=
cleanup() {
  feedback_stop
  [ -z "$cluster" ] || { scripts/postgres-test-cluster.sh stop "$cluster" || true; rm -rf "$cluster"; }
  rm -rf "$work"
}
trap cleanup EXIT
. scripts/feedback-common.sh
command -v wrk > /dev/null || scripts/setup.sh wrk

mapfile -t articles < <(feedback_site)
run() {
  local name=$1 database=$2 before after
  before=$(feedback_count "$database" 2>/dev/null || echo 0)
  feedback_start "$database" --trusted-proxy 127.0.0.1
  wrk -t2 -c"$connections" -d"${seconds}s" -s bench/feedback/vote.lua "$collector_url" -- "${articles[@]}" > "$work/wrk-$name.txt" 2>&1
  feedback_stop
  after=$(feedback_count "$database")
  local answered
  answered=$(sed -nE 's/^Stopped: ([0-9]+) votes? stored.*/\1/p' "$work/collector.log")
  local acknowledged rate refused errors p99
  acknowledged=$(awk '/^acknowledged /{print $2}' "$work/wrk-$name.txt")
  rate=$(awk '/^acknowledged_per_second /{print $2}' "$work/wrk-$name.txt")
  refused=$(awk '/^refused /{print $2}' "$work/wrk-$name.txt")
  errors=$(awk '/^socket_errors /{print $2}' "$work/wrk-$name.txt")
  p99=$(awk '/^latency_p99_ms /{print $2}' "$work/wrk-$name.txt")
  printf '%-10s %8s votes/s acknowledged  %s refused  %s socket errors  p99 %s ms\n' "$name" "$rate" "$refused" "$errors" "$p99"
  printf '%-10s in the database %s; acknowledged: %s read by wrk, %s answered 201 by the collector\n' \
    "" "$((after - before))" "$acknowledged" "${answered:-?}"
}
echo "wrk -t2 -c$connections -d${seconds}s, $(nproc) cores shared by wrk and the collector, ${#articles[@]} articles"
run SQLite "$work/feedback.sqlite"
url=${HELPCENTER_TEST_POSTGRES_URL:-}
if [ -z "$url" ]; then
  cluster=$(mktemp -d)
  url=$(scripts/postgres-test-cluster.sh start "$cluster" | tail -n 1)
fi
database=feedback_bench_$$
psql "$url" -qc "CREATE DATABASE $database" > /dev/null
run PostgreSQL "${url%/*}/$database"
