#!/usr/bin/env bash
# PostgreSQL going away: the collector answers 503 (nothing acknowledged), and stores votes
# again once the server is back, without a restart. Starts a cluster of its own
# (scripts/postgres-test-cluster.sh), stops and restarts it under the running collector.
#   scripts/feedback-postgres-outage.sh [BIN]   (default: the debug build)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/debug/helpcenter}
work=$(mktemp -d)
cluster=$(mktemp -d)
collector_pid=
cleanup() {
  feedback_stop
  scripts/postgres-test-cluster.sh stop "$cluster" > /dev/null 2>&1 || true
  rm -rf "$work" "$cluster"
}
trap cleanup EXIT
. scripts/feedback-common.sh
command -v curl > /dev/null || scripts/setup.sh curl

mapfile -t articles < <(feedback_site)
url=$(scripts/postgres-test-cluster.sh start "$cluster" | tail -n 1)
feedback_start "$url" --rate-limit 0
vote() {
  curl -s -o "$work/answer.json" -w '%{http_code}' -H 'Content-Type: application/json' \
    --data "{\"article\":\"${articles[0]}\",\"reaction\":\"no\"}" "$collector_url"
}
up=$(vote)
scripts/postgres-test-cluster.sh stop "$cluster"
start=$(date +%s.%N)
down=$(vote)
down_answer=$(cat "$work/answer.json")
seconds=$(python3 -c "import sys; print(round($(date +%s.%N) - $start, 1))")
scripts/postgres-test-cluster.sh start "$cluster" > /dev/null
back=000
for attempt in $(seq 1 30); do
  back=$(vote)
  [ "$back" = 201 ] && break
  sleep 0.5
done
stored=$(psql "$url" -Atc "SELECT COUNT(*) FROM feedback_votes")
echo "PostgreSQL up: HTTP $up; stopped: HTTP $down after ${seconds} s ($down_answer); started again: HTTP $back (attempt $attempt); votes stored: $stored"
[ "$up" = 201 ] && [ "$down" = 503 ] && [ "$back" = 201 ] && [ "$stored" = 2 ] || { echo "FAIL"; exit 1; }
echo "outage test passed"
