#!/usr/bin/env bash
# Benchmarks `helpcenter serve` on the generated corpora (default 1,000 and 10,000 articles):
#   - save-to-reload: from writing an article file to receiving the SSE `reload` event
#     (SAMPLES samples, median and max; target under 100 ms on 10,000 articles);
#   - wrk -t2 -c50 -d10s on loopback against an article page: requests/s and errors.
#   bench/serve/run.sh [COUNT ...]
#   SAMPLES=7  BENCH_DIR=/tmp/helpcenter-bench  SCRATCH_PATH=.build  DURATION=10s
#   SERVE_ARGS="--debounce-ms 20" (extra options for helpcenter serve)
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/setup.sh wrk
shared=${HELPCENTER_SHARED:-../shared}
[ -f "$shared/bench/make-corpus.py" ] || { echo "bench: $shared/bench not found (set HELPCENTER_SHARED)" >&2; exit 2; }
scratch=${SCRATCH_PATH:-.build}
swift build -c release --scratch-path "$scratch" --product helpcenter >/dev/null 2>&1 \
  || { swift build -c release --scratch-path "$scratch" --product helpcenter; exit 2; }
bin=$PWD/$scratch/release/helpcenter
root=${BENCH_DIR:-/tmp/helpcenter-bench}
samples=${SAMPLES:-7}
duration=${DURATION:-10s}
mkdir -p "$root"
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(1000 10000)

server=""
trap '[ -n "$server" ] && kill -INT "$server" 2>/dev/null; wait 2>/dev/null || true' EXIT

for count in "${counts[@]}"; do
  corpus=$root/corpus-$count
  [ -f "$corpus/hugo.toml" ] || python3 "$shared/bench/make-corpus.py" --count "$count" --out "$corpus" --force >/dev/null
  # A private copy: the benchmark edits an article.
  work=$(mktemp -d -p "$root" serve.XXXXXX)
  cp -R "$corpus/content" "$work/content"
  cp -R templates "$work/templates"
  : >"$work/helpcenter.yaml"   # marks the project folder (docs/projects.md)
  log=$work/serve.log
  started=$(date +%s.%N)
  (cd "$work" && exec "$bin" serve --port 0 ${SERVE_ARGS:-}) >"$log" 2>&1 &
  server=$!
  url=""
  for _ in $(seq 1200); do
    url=$(sed -n 's/^Serving the help centre at \(http[^ ]*\).*/\1/p' "$log" | head -n 1)
    [ -n "$url" ] && break
    kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.1
  done
  [ -n "$url" ] || { cat "$log" >&2; echo "bench: the server did not start" >&2; exit 1; }
  ready=$(echo "$(date +%s.%N) - $started" | bc)
  article=$(cd "$work" && find content -mindepth 2 -name '*.md' ! -name '_index.md' | sort | sed -n 1p)
  page=${article#content/}; page=/${page%.md}/
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$server/status")
  echo "== $count articles: ready in ${ready} s (first build and snapshot), $((rss / 1024)) MiB resident"
  echo "-- save-to-reload ($samples samples, editing $article)"
  python3 bench/serve/measure_reload.py --url "$url" --article "$work/$article" --samples "$samples"
  echo "-- wrk -t2 -c50 -d$duration ${url%/}$page"
  out=$(wrk -t2 -c50 -d"$duration" "${url%/}$page")
  echo "$out" | sed 's/^/  /'
  errors=$(echo "$out" | awk '/Socket errors|Non-2xx/ {print}' )
  echo "   requests/s: $(echo "$out" | awk '/Requests\/sec/ {print $2}'); errors: ${errors:-none}"
  kill -INT "$server"; wait "$server" || echo "bench: the server exited with $? after Ctrl-C" >&2
  server=""
  grep -E "^Rebuilt|Rebuild failed" "$log" | sed 's/^/  server: /' | tail -n 3
  rm -rf "$work"
done
