#!/usr/bin/env bash
# Benchmarks `helpcenter build` on the generated corpora (1,000 and 10,000 articles): wall time,
# pages per second and peak memory of a cold build, then the side-by-side run against Hugo
# (../shared/bench/compare-hugo.sh), whose ratio is the figure to read on a shared machine.
#   scripts/bench-site.sh [COUNT ...]      default: 1000 10000
#   RUNS=5 (timed runs per size), BENCH_DIR=/tmp/helpcenter-bench, HUGO=0 skips the Hugo run,
#   BENCH_PAUSE=420 waits between two Hugo comparisons (see below),
#   BENCH_URLS=files builds with `urls: files` (collection/article.html, as Hugo's side does with
#   uglyURLs; the default, folders, writes a folder per article).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh hyperfine time
. scripts/bench-common.sh
bench_setup
runs=${RUNS:-5}
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(1000 10000)
# Outputs are deleted only when everything is measured: on ext4 without a journal, creating
# files is slower for up to six minutes after many were deleted. The kernel's inode allocator
# checks each free inode it meets against its deletion time and skips those deleted in the last
# 60 s, or 360 s while the inode table's block is not yet written back (fs/ext4/ialloc.c,
# recently_deleted), looking each one up in the buffer cache: a new file's inode is found past
# all the recent ones. A build 3.5 minutes after more than 100,000 files were deleted spent
# 30 % of its time there. So the Hugo comparisons, which delete theirs, are BENCH_PAUSE
# seconds apart (default 420).
works=()
trap 'rm -rf "${works[@]}"' EXIT

for count in "${counts[@]}"; do
  corpus=$(bench_corpus "$count")
  work=$(mktemp -d -p "$root" ours.XXXXXX)
  works+=("$work")
  times=()
  peak=0
  for run in $(seq "$runs"); do
    out=$work/site-$run
    line=$(/usr/bin/time -f '%e %M' "$bin" build --quiet --config "$bench_config" --content "$corpus/content" --templates templates --output "$out" 2>&1 >/dev/null | tail -n 1)
    times+=("${line% *}")
    kb=${line#* }
    [ "$kb" -gt "$peak" ] && peak=$kb
  done
  # Two builds of the same input must be byte-identical (this caught a libcmark-gfm thread race).
  if [ "$runs" -ge 2 ]; then
    if diff -rq "$work/site-1" "$work/site-2" >/dev/null; then
      echo "deterministic: builds 1 and 2 of $count articles are byte-identical"
    else
      echo "NOT deterministic: builds 1 and 2 of $count articles differ:" >&2
      diff -rq "$work/site-1" "$work/site-2" | head -5 >&2
      exit 1
    fi
  fi
  python3 - "$count" "$peak" "${times[@]}" <<'PY'
import statistics, sys
count, peak, times = int(sys.argv[1]), int(sys.argv[2]), [float(t) for t in sys.argv[3:]]
median = statistics.median(times)
pages = count + 23  # articles, collections, home, 404 (as the build reports them)
print("helpcenter build, %d articles: median wall %.2f s over %d runs (min %.2f, max %.2f), %.0f pages/s, peak memory %.0f MiB"
      % (count, median, len(times), min(times), max(times), pages / median, peak / 1024))
PY
done

if [ "${HUGO:-1}" != 0 ]; then
  # Largest first: compare-hugo.sh deletes its outputs when it ends, which slows the next run.
  compared=
  for count in $(printf '%s\n' "${counts[@]}" | sort -rn); do
    if [ -n "$compared" ] && [ "${BENCH_PAUSE:-420}" -gt 0 ]; then
      echo "== waiting ${BENCH_PAUSE:-420} s: the last comparison deleted its outputs (BENCH_PAUSE)"
      sleep "${BENCH_PAUSE:-420}"
    fi
    compared=1
    BENCH_DIR=$root bash "$shared/bench/compare-hugo.sh" --count "$count" --runs "$runs" -- \
      "$bin" build --quiet --config "$bench_config" --content {content} --templates "$PWD/templates" --output {out}
  done
fi
