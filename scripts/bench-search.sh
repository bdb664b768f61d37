#!/usr/bin/env bash
# Benchmarks the search index on the 10,000-article corpus (docs/search.md), beside
# `make bench`: the index's files and size, its share of the build's time and memory (builds
# with and without it, `--no-search-index`), and in headless Chromium the bytes each query
# fetches and the time to its first results, from file:// and over HTTP (Python's http.server,
# noting what it serves); then the same output indexed by Pagefind 1.5 (PyPI pagefind-bin, HTTP
# only).
#   scripts/bench-search.sh [COUNT]        default 10000
#   RUNS=3 (builds each way), BENCH_DIR=/tmp/helpcenter-bench, PAGEFIND=0 skips Pagefind.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh time chromium chromium-driver python3-venv >/dev/null
venv=${E2E_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/helpcenter/e2e-venv}
if ! "$venv/bin/python" -c 'import selenium, sys; sys.exit(selenium.__version__ != "4.51.0")' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "selenium==4.51.0"
fi
. scripts/bench-common.sh
bench_setup
count=${1:-10000}
runs=${RUNS:-3}
corpus=$(bench_corpus "$count")
work=$(mktemp -d -p "$root" search.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "== builds of $count articles, with and without the search index ($runs each, alternating)"
# Each build into a folder of its own, deleted only at the end: on ext4, creating files is
# slower for minutes after many were deleted (scripts/bench-site.sh), which would slow each
# run more than the one before.
with=() without=() peak_with=0 peak_without=0
for run in $(seq "$runs"); do
  for mode in with without; do
    flag=(); [ "$mode" = without ] && flag=(--no-search-index)
    out=$work/site-$mode-$run
    line=$(/usr/bin/time -f '%e %M' "$bin" build --quiet "${flag[@]}" --config "$bench_config" --content "$corpus/content" --templates templates --output "$out" 2>&1 >/dev/null | tail -n 1)
    echo "  $mode index: ${line% *} s, $(( ${line#* } / 1024 )) MiB"
    if [ "$mode" = with ]; then with+=("${line% *}"); [ "${line#* }" -gt "$peak_with" ] && peak_with=${line#* }
    else without+=("${line% *}"); [ "${line#* }" -gt "$peak_without" ] && peak_without=${line#* }; fi
  done
done
site=$work/site-with-1
python3 - "$site/search/index" "$peak_with" "$peak_without" "${with[*]}" "${without[*]}" <<'PY'
import os, statistics, sys
folder, peak_with, peak_without = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with_times = [float(t) for t in sys.argv[4].split()]
without_times = [float(t) for t in sys.argv[5].split()]
sizes = {name: os.path.getsize(os.path.join(folder, name)) for name in os.listdir(folder)}
shards = [s for n, s in sizes.items() if n.startswith("t-")]
fragments = [s for n, s in sizes.items() if n.startswith("d-")]
kb = lambda b: b / 1024
print(f"index: {len(sizes)} files, {kb(sum(sizes.values())) / 1024:.1f} MiB: manifest {kb(sizes['manifest.js']):.1f} KB; "
      f"{len(shards)} term shards, {kb(sum(shards)) / 1024:.1f} MiB (median {kb(statistics.median(shards)):.1f} KB, largest {kb(max(shards)):.1f} KB); "
      f"{len(fragments)} fragments, {kb(sum(fragments)) / 1024:.1f} MiB (median {kb(statistics.median(fragments)):.1f} KB, largest {kb(max(fragments)):.1f} KB)")
mw, mo = statistics.median(with_times), statistics.median(without_times)
print(f"build: median {mw:.2f} s with the index, {mo:.2f} s without: the index adds {mw - mo:+.2f} s ({(mw - mo) / mo:+.1%}); "
      f"peak memory {peak_with / 1024:.0f} MiB with, {peak_without / 1024:.0f} MiB without ({(peak_with - peak_without) / peak_without:+.1%})")
PY

pagefind_flag=()
if [ "${PAGEFIND:-1}" != 0 ]; then
  echo "== Pagefind 1.5 on the same output"
  pagefind=$root/pagefind-1.5.0/pagefind_bin/pagefind
  if [ ! -x "$pagefind" ]; then
    mkdir -p "$root/pagefind-1.5.0"
    python3 -m pip download --quiet --no-deps pagefind-bin==1.5.0 -d "$root/pagefind-1.5.0"
    python3 -m zipfile -e "$root"/pagefind-1.5.0/pagefind_bin-1.5.0-*.whl "$root/pagefind-1.5.0"
    chmod +x "$pagefind"
  fi
  line=$(/usr/bin/time -f '%e %M' "$pagefind" --site "$site" 2>&1 >/dev/null | tail -n 1)
  files=$(find "$site/pagefind" -type f | wc -l)
  bytes=$(find "$site/pagefind" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
  echo "pagefind: indexed in ${line% *} s with $(( ${line#* } / 1024 )) MiB; $files files, $(( bytes / 1024 / 1024 )) MiB"
  pagefind_flag=(--pagefind)
fi

echo "== queries in headless Chromium (fresh page, cache off)"
"$venv/bin/python" tests/browser/search_bench.py --site "$site" --http "${pagefind_flag[@]}" | grep -v '^{'
