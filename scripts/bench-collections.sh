#!/usr/bin/env bash
# Navigation that scales: builds the same 10,000 articles divided into 20 collections (the
# corpus of ../shared/bench/make-corpus.py) and into 400 (bench/site/regroup.py splits each
# collection in 20), and prints for each the median build time, the median size of an article
# page and of a collection page, and the whole site's size. The two should be close: no page
# lists every collection, and a collection page lists at most collection_page_size articles.
#   scripts/bench-collections.sh [COUNT]     default 10000; RUNS=3, BENCH_DIR=/tmp/helpcenter-bench
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh time
. scripts/bench-common.sh
bench_setup
count=${1:-10000}
runs=${RUNS:-3}
corpus=$(bench_corpus "$count")
regrouped=$root/corpus-$count-400
[ -f "$regrouped/_index.md" ] || python3 bench/site/regroup.py "$corpus/content" "$regrouped" --split 20
work=$(mktemp -d -p "$root" collections.XXXXXX)
trap 'rm -rf "$work"' EXIT


printf '%-16s %12s %14s %18s %12s %8s\n' "collections" "build (s)" "article page" "collection page" "site" "pages"
for layout in 20 400; do
  content=$corpus/content
  [ "$layout" = 400 ] && content=$regrouped
  times=()
  for run in $(seq "$runs"); do
    out=$work/site-$layout-$run
    line=$(/usr/bin/time -f '%e' "$bin" build --quiet --config "$bench_config" --content "$content" --templates templates --output "$out" 2>&1 >/dev/null | tail -n 1)
    times+=("$line")
  done
  python3 - "$layout" "$work/site-$layout-1" "${times[@]}" <<'PY'
import os, statistics, sys
layout, site, times = sys.argv[1], sys.argv[2], [float(t) for t in sys.argv[3:]]
articles, collections, total, pages = [], [], 0, 0
for folder, _, files in os.walk(site):
    for name in files:
        size = os.path.getsize(os.path.join(folder, name))
        total += size
        if name != "index.html":
            continue
        pages += 1
        depth = os.path.relpath(folder, site).count(os.sep) + 1
        if os.path.relpath(folder, site) in (".", "search", "policy", "collections"):
            continue
        if "/page/" in folder + "/" or depth == 1:
            collections.append(size)
        elif depth == 2:
            articles.append(size)
print("%-16s %12.2f %12.1f KB %16.1f KB %9.1f MB %8d" % (
    layout, statistics.median(times), statistics.median(articles) / 1024, statistics.median(collections) / 1024, total / 1e6, pages))
PY
done
