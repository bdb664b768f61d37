#!/usr/bin/env bash
# Bad input to the collector, with curl: each request must get its 4xx and a JSON error, and
# nothing may be stored (a comment with HTML markup among them); then a good vote is stored and
# a comment with & and < is kept as text and escaped in the HTML report.
#   scripts/feedback-bad-input.sh [BIN]   (default: the debug build)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/debug/helpcenter}
work=$(mktemp -d)
collector_pid=
trap 'feedback_stop; rm -rf "$work"' EXIT
. scripts/feedback-common.sh
command -v curl > /dev/null || scripts/setup.sh curl

mapfile -t articles < <(feedback_site)
article=${articles[0]}
database=$work/feedback.sqlite
feedback_start "$database" --allow-origin https://help.example.org --rate-limit 0
failures=0
# expect STATUS ERROR-CODE DESCRIPTION -- CURL-ARGUMENTS...
expect() {
  local status=$1 code=$2 description=$3
  shift 4
  local got body
  got=$(curl -s -o "$work/answer.json" -w '%{http_code}' "$@" "$collector_url")
  body=$(cat "$work/answer.json")
  if [ "$got" = "$status" ] && python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if d.get("error")==sys.argv[2] else 1)' "$work/answer.json" "$code" 2>/dev/null; then
    printf 'ok   %s %-24s %s\n' "$got" "$code" "$description"
  else
    printf 'FAIL %s (expected %s %s) %s: %s\n' "$got" "$status" "$code" "$description" "$body"
    failures=$((failures + 1))
  fi
}
json=(-H 'Content-Type: application/json')
expect 400 malformed-json "malformed JSON" -- "${json[@]}" --data '{"article":'
expect 400 not-an-object "an array" -- "${json[@]}" --data '["yes"]'
expect 400 wrong-type "article is a number" -- "${json[@]}" --data '{"article":42,"reaction":"yes"}'
expect 400 wrong-type "reaction is a boolean" -- "${json[@]}" --data "{\"article\":\"$article\",\"reaction\":true}"
expect 400 unknown-answer "unknown reaction" -- "${json[@]}" --data "{\"article\":\"$article\",\"reaction\":\"maybe\"}"
expect 400 unknown-field "an extra field" -- "${json[@]}" --data "{\"article\":\"$article\",\"reaction\":\"yes\",\"ip\":\"1.2.3.4\"}"
expect 400 missing-field "no reaction" -- "${json[@]}" --data "{\"article\":\"$article\"}"
expect 404 unknown-article "an article not in the site" -- "${json[@]}" --data '{"article":"no/such-article/","reaction":"yes"}'
expect 400 invalid-text "a NUL byte in the comment" -- "${json[@]}" --data "{\"article\":\"$article\",\"reaction\":\"no\",\"comment\":\"a\\u0000b\"}"
long=$(python3 -c 'print("x" * 1001)')
expect 400 comment-too-long "a 1,001-character comment" -- "${json[@]}" --data "{\"article\":\"$article\",\"reaction\":\"no\",\"comment\":\"$long\"}"
big=$(python3 -c 'print("y" * 20000)')
expect 413 body-too-large "a 20 kB body" -- "${json[@]}" --data "{\"article\":\"$article\",\"reaction\":\"no\",\"comment\":\"$big\"}"
expect 415 unsupported-content-type "a form instead of JSON" -- --data "article=$article&reaction=yes"
expect 403 origin-not-allowed "another site's page" -- "${json[@]}" -H 'Origin: https://evil.example' --data "{\"article\":\"$article\",\"reaction\":\"yes\"}"
expect 404 unknown-vote "a comment for a vote that does not exist" -- "${json[@]}" \
  --data "{\"article\":\"$article\",\"reaction\":\"no\",\"comment\":\"x\",\"vote\":\"0123456789abcdef0123456789abcdef\"}"
expect 400 markup-in-comment "a comment with HTML markup" -- "${json[@]}" \
  --data "{\"article\":\"$article\",\"reaction\":\"no\",\"comment\":\"<script>alert(1)</script> Step 2\"}"
stored=$(feedback_count "$database")
echo "votes stored after the bad input: $stored"
[ "$stored" = 0 ] || failures=$((failures + 1))

plain='Step 2 & 3 say Save (a < b)'
status=$(curl -s -o /dev/null -w '%{http_code}' "${json[@]}" -H 'Origin: https://help.example.org' \
  --data "{\"article\":\"$article\",\"reaction\":\"no\",\"comment\":\"$plain\"}" "$collector_url")
feedback_stop
html=$("$bin" feedback report --database "$database" --format html)
if [ "$status" = 201 ] && [ "$(feedback_count "$database")" = 1 ] && grep -qF 'Step 2 &amp; 3 say Save (a &lt; b)' <<< "$html"; then
  echo "ok   a good vote whose comment has & and <: HTTP $status, stored, escaped in the HTML report"
else
  echo "FAIL a good vote whose comment has & and <: HTTP $status"
  failures=$((failures + 1))
fi

feedback_start "$work/limited.sqlite" --rate-limit 2
codes=""
for _ in 1 2 3; do
  codes+=$(curl -s -o /dev/null -w '%{http_code} ' "${json[@]}" --data "{\"article\":\"$article\",\"reaction\":\"yes\"}" "$collector_url")
done
feedback_stop
if [ "$codes" = "201 201 429 " ] && [ "$(feedback_count "$work/limited.sqlite")" = 2 ]; then
  echo "ok   three votes from one address with --rate-limit 2: $codes"
else
  echo "FAIL three votes from one address with --rate-limit 2: $codes"
  failures=$((failures + 1))
fi
# trickle HEAD SECONDS: sends a request's head, then one byte of body every SECONDS, for at most
# 40 s; prints the answer's status line, "|", whether the collector closed the connection, and
# after how many seconds.
trickle() {
  python3 - "${collector_url#http://127.0.0.1:}" "$1" "$2" <<'PY'
import socket, sys, time
port, head, every = int(sys.argv[1].rstrip("/")), sys.argv[2].encode().decode("unicode_escape").encode(), float(sys.argv[3])
conn = socket.create_connection(("127.0.0.1", port))
conn.sendall(head)
started, answer, closed = time.monotonic(), b"", None
while time.monotonic() - started < 40 and closed is None:
    time.sleep(every)
    try:
        conn.sendall(b" ")
        conn.setblocking(False)
        chunk = conn.recv(4096)
        if chunk == b"":
            closed = time.monotonic() - started
        answer += chunk
    except BlockingIOError:
        pass
    except OSError:
        closed = time.monotonic() - started
    conn.setblocking(True)
print(answer.split(b"\r\n")[0].decode(), "|", "closed" if closed else "open", round(closed or 0))
PY
}
# A body sent a byte a second (each byte restarts the idle timeout): 408 after 10 s, then the
# connection ends, instead of being held for as long as the client likes.
feedback_start "$work/slow.sqlite"
slow=$(trickle 'POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{' 1)
if [[ "$slow" == "HTTP/1.1 408 Request Timeout | closed "* ]]; then
  echo "ok   a body sent a byte a second: $slow s"
else
  echo "FAIL a body sent a byte a second: $slow"
  failures=$((failures + 1))
fi
# The same for a request refused before its body is read (another origin, a Content-Length of
# 100 MB): the answer comes at once, and the connection must still end within the request's
# 15 s (ServerLimits.requestTime). Hummingbird went on reading the refused body for as long as
# a byte came every few seconds (session 21's review held 4,200 connections that way).
refused=$(trickle 'POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: https://evil.example\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\n\r\n' 2)
feedback_stop
case "$refused" in
  "HTTP/1.1 "4??" "*" | closed "1[0-9] | "HTTP/1.1 "4??" "*" | closed "2[0-2])
    echo "ok   a refused request whose body comes a byte every 2 s: $refused s" ;;
  *)
    echo "FAIL a refused request whose body comes a byte every 2 s: $refused"
    failures=$((failures + 1)) ;;
esac
[ "$failures" -eq 0 ] || { echo "bad-input test: $failures failure(s)"; exit 1; }
echo "bad-input test passed"
