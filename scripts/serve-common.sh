# Shared by scripts/e2e-serve.sh and scripts/serve-limits.sh: `helpcenter serve` on a copy of
# the project. Source it, then:
#   serve_copy_project WORK        copies content/, templates/, policy/, scenarios/ and
#                                  helpcenter.yaml into WORK
#   serve_start NAME WORK BIN ARGS starts BIN serve --port 0 ARGS in WORK, logging to
#                                  WORK/serve.log; sets $server (its pid), $log and $url, or
#                                  exits 1 with the log when it does not start within 60 s
serve_copy_project() {
  cp -R content templates "$1/"
  # What the articles cite (rules, worked examples) comes from the policy data and scenarios.
  for input in policy scenarios helpcenter.yaml; do
    [ -e "$input" ] && cp -R "$input" "$1/"
  done
  return 0
}

serve_start() {
  local name=$1 work=$2 bin=$3
  shift 3
  log=$work/serve.log
  (cd "$work" && exec "$bin" serve --port 0 "$@") >"$log" 2>&1 &
  server=$!
  url=""
  for _ in $(seq 600); do
    url=$(sed -n 's/^Serving the help centre at \(http[^ ]*\).*/\1/p' "$log" | head -n 1)
    [ -n "$url" ] && return 0
    kill -0 "$server" 2>/dev/null || { cat "$log" >&2; echo "$name: the server did not start" >&2; exit 1; }
    sleep 0.1
  done
  cat "$log" >&2
  echo "$name: no URL after 60 s" >&2
  exit 1
}
