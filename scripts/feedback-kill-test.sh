#!/usr/bin/env bash
# The collector killed with kill -9 under load loses no vote it acknowledged: wrk posts votes,
# the collector is killed mid-load, started again on the same database, and the database must
# hold at least the votes wrk saw acknowledged (201); it may hold a few more, committed but
# killed before the answer left. Then one more vote goes in after the restart.
#   scripts/feedback-kill-test.sh [BIN] [DATABASE]   (default: the debug build, an SQLite file)
# DATABASE may be postgres://… (scripts/postgres-test-cluster.sh starts a server).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/debug/helpcenter}
work=$(mktemp -d)
database=${2:-$work/feedback.sqlite}
collector_pid=
trap 'feedback_stop; rm -rf "$work"' EXIT
. scripts/feedback-common.sh
command -v wrk > /dev/null || scripts/setup.sh wrk
command -v curl > /dev/null || scripts/setup.sh curl

mapfile -t articles < <(feedback_site)
before=0
if [[ "$database" == postgres* ]]; then before=$(feedback_count "$database"); fi
feedback_start "$database" --trusted-proxy 127.0.0.1
wrk -t2 -c32 -d8s -s bench/feedback/vote.lua "$collector_url" -- "${articles[@]}" > "$work/wrk.txt" 2>&1 &
wrk_pid=$!
sleep 3
kill -9 "$collector_pid"
wait "$collector_pid" 2>/dev/null || true
collector_pid=
wait "$wrk_pid" || true
acknowledged=$(awk '/^acknowledged /{print $2}' "$work/wrk.txt")
[ -n "$acknowledged" ] || { cat "$work/wrk.txt"; echo "FAIL: wrk printed no count"; exit 1; }

feedback_start "$database"
stored=$(( $(feedback_count "$database") - before ))
status=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
  --data "{\"article\":\"${articles[0]}\",\"reaction\":\"yes\"}" "$collector_url")
after=$(( $(feedback_count "$database") - before ))
feedback_stop
echo "killed with kill -9 after 3 s of load: acknowledged $acknowledged, in the database after restart $stored; a vote after restart: HTTP $status, count $after"
[ "$acknowledged" -gt 0 ] || { echo "FAIL: no vote was acknowledged before the kill"; exit 1; }
[ "$stored" -ge "$acknowledged" ] || { echo "FAIL: $((acknowledged - stored)) acknowledged votes lost"; exit 1; }
[ "$status" = 201 ] && [ "$after" -eq $((stored + 1)) ] || { echo "FAIL: the restarted collector did not store a new vote"; exit 1; }
echo "kill test passed: no acknowledged vote lost"
