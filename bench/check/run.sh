#!/usr/bin/env bash
# Benchmark `helpcenter check`: builds a release binary, generates a large scenario suite
# (default 10,000 scenarios of 5 steps in 100 files), checks it, and prints scenarios per
# second and peak memory (maximum resident set size from /usr/bin/time).
#
# usage: bench/check/run.sh [SCENARIOS] [STEPS] [FILES] [RUNS]
# env:   FORMAT (default human), the report format written (to a file).
#        SCRATCH (default .build-check), the SwiftPM scratch folder for the release build.
set -euo pipefail

scenarios=${1:-10000}
steps=${2:-5}
files=${3:-100}
runs=${4:-3}
format=${FORMAT:-human}
root=$(cd "$(dirname "$0")/../.." && pwd)
scratch=${SCRATCH:-.build-check}
cd "$root"

if [ ! -x /usr/bin/time ]; then
  echo "bench/check/run.sh: /usr/bin/time is needed for peak memory (apt-get install time)" >&2
  exit 2
fi

echo "building helpcenter (release)..." >&2
swift build -c release --scratch-path "$scratch" --product helpcenter >&2
binary="$scratch/release/helpcenter"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 bench/check/generate.py "$work/suite" --scenarios "$scenarios" --steps "$steps" --files "$files" >&2
bytes=$(du -sb "$work/suite" | cut -f1)

best=""
for run in $(seq 1 "$runs"); do
  status=0
  /usr/bin/time -f "%e %M" -o "$work/time" "$binary" check "$work/suite" --format "$format" --output "$work/report" 2>/dev/null || status=$?
  if [ "$status" -ne 0 ]; then
    echo "bench/check/run.sh: helpcenter check exited with $status on the generated suite" >&2
    exit 1
  fi
  read -r seconds kilobytes < "$work/time"
  echo "run $run: ${seconds}s, peak ${kilobytes} KB" >&2
  if [ -z "$best" ] || awk "BEGIN { exit !($seconds < $best) }"; then best=$seconds; peak=$kilobytes; fi
done

python3 - "$scenarios" "$steps" "$files" "$bytes" "$best" "$peak" "$(nproc)" "$format" <<'PY'
import sys
scenarios, steps, files, size, seconds, peak, cores, fmt = sys.argv[1:]
scenarios, seconds = int(scenarios), max(float(seconds), 0.01)
print(f"helpcenter check: {scenarios} scenarios x {steps} steps in {files} files ({int(size) / 1e6:.1f} MB), {fmt} report, {cores} cores")
print(f"  best wall time  {seconds:.2f} s")
print(f"  throughput      {scenarios / seconds:,.0f} scenarios/s")
print(f"  peak memory     {int(peak) / 1024:.1f} MB (max RSS)")
PY
