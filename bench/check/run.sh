#!/usr/bin/env bash
# Benchmark `helpcenter check` against issue 12's target: at least 20,000 scenarios per
# second for every report format, on a suite of many files and on one large file, with peak
# memory under 100 MB.
#
# Generates a suite shaped like a team's (bench/check/generate.py: by default 10,000
# scenarios of 5 steps, about 7 MB) in two layouts holding the same scenarios: FILES files,
# and one file. For each layout and each format it runs
#     helpcenter check SUITE --format F --output REPORT
# RUNS times from the repository root (the check reads policy/ and content/ there), under
# /usr/bin/time -f "%e %M", and prints a table: the best wall time (measured with the
# nanosecond clock around the run; %e only has hundredths), scenarios per second at that
# time, the highest peak memory of the runs (maximum resident set size: %M KiB, shown in MB
# of 10^6 bytes, the stricter reading of the target), and PASS or FAIL against the target.
# The report must also be the same, byte for byte, in every run (the issue asks for output
# that doesn't depend on scheduling); a difference is a FAIL too. The machine's load is
# printed: on a busy machine, the figures are only indicative.
#
# usage: bench/check/run.sh [--seed N] [--runs N] [--scenarios N] [--files N] [--steps N]
#                           [--formats human,json,junit,sarif,github,gitlab]
# env:   HELPCENTER  the helpcenter binary to measure; default: build it with
#                    `swift build -c release --product helpcenter` (in .build) and use that.
# exit:  0 when every check passed (whatever the speed), 1 when `helpcenter check` failed on
#        the generated suite (the generator and the checker disagree: a bug to report),
#        2 on bad usage.
set -euo pipefail

usage() { sed -n '/^# usage:/,/^# env:/p' "$0" | sed '$d; s/^# //; s/^#//' >&2; exit "${1:-2}"; }

seed=1 runs=3 scenarios=10000 files=2000 steps=5 formats=human,json,junit,sarif,github,gitlab
while [ $# -gt 0 ]; do
  case "$1" in
    --seed|--runs|--scenarios|--files|--steps|--formats)
      [ $# -ge 2 ] || usage
      value=$2
      case "$1" in
        --formats) formats=$value ;;
        *) [[ "$value" =~ ^[0-9]+$ ]] && [ "$value" -ge 1 ] || { echo "run.sh: $1 needs a positive whole number, not '$value'" >&2; exit 2; }
           declare "${1#--}=$value" ;;
      esac
      shift 2 ;;
    -h|--help) usage 0 ;;
    *) echo "run.sh: unknown argument '$1'" >&2; usage ;;
  esac
done
IFS=, read -r -a format_list <<< "$formats"
for format in "${format_list[@]}"; do
  case "$format" in
    human|json|junit|sarif|github|gitlab) ;;
    *) echo "run.sh: unknown format '$format' (human, json, junit, sarif, github, gitlab)" >&2; exit 2 ;;
  esac
done

if [ ! -x /usr/bin/time ]; then
  echo "run.sh: /usr/bin/time is needed for peak memory (apt-get install time)" >&2
  exit 2
fi

root=$(cd "$(dirname "$0")/../.." && pwd)
if [ -n "${HELPCENTER:-}" ]; then
  binary=$(cd "$(dirname "$HELPCENTER")" && pwd)/$(basename "$HELPCENTER")  # before leaving the caller's folder
  [ -x "$binary" ] || { echo "run.sh: HELPCENTER=$HELPCENTER is not an executable file" >&2; exit 2; }
fi
cd "$root"
if [ -z "${HELPCENTER:-}" ]; then
  echo "building helpcenter (release; set HELPCENTER=path/to/helpcenter to skip)..." >&2
  swift build -c release --product helpcenter >&2
  binary=$(swift build -c release --show-bin-path)/helpcenter
fi

# The suites live inside the project (under the ignored .build), so that the check finds
# the project from the suite's path as well as from the current folder.
mkdir -p .build
work=$(mktemp -d "$root/.build/bench-check.XXXXXX")
trap 'rm -rf "$work"' EXIT
python3 bench/check/generate.py "$work/files" --seed "$seed" --scenarios "$scenarios" --steps "$steps" --files "$files" >&2
python3 bench/check/generate.py "$work/one" --seed "$seed" --scenarios "$scenarios" --steps "$steps" --single-file >&2
suite_bytes() { find "$1" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }'; }
file_count=$(find "$work/files" -type f | wc -l)

# One line per layout and format: layout, format, best seconds, highest peak KB.
results=$work/results
: > "$results"
for layout in files one; do
  for format in "${format_list[@]}"; do
    best="" peak=0 first_digest="" same=yes
    for run in $(seq 1 "$runs"); do
      status=0
      # A fresh report file each run. (With Swift 6.3's Foundation on Linux, --output over an
      # existing file fails with exit 2 and deletes it: FileManager.replaceItemAt,
      # swift-corelibs-foundation#4655; reported to the lead.)
      rm -f "$work/report"
      start=$(date +%s%N)
      /usr/bin/time -f "%e %M" -o "$work/time" \
        "$binary" check "$work/$layout" --format "$format" --output "$work/report" 2> "$work/stderr" || status=$?
      end=$(date +%s%N)
      if [ "$status" -ne 0 ]; then
        echo "run.sh: helpcenter check --format $format exited with $status on the generated suite ($layout, seed $seed):" >&2
        tail -n 20 "$work/stderr" >&2
        # Keep the failing suite for the bug report.
        kept=$(mktemp -d "${TMPDIR:-/tmp}/bench-check-failed.XXXXXX")
        cp -r "$work/$layout" "$kept/" && echo "run.sh: the suite is kept in $kept/$layout" >&2
        exit 1
      fi
      if ! grep -q "checked $scenarios scenarios" "$work/stderr"; then
        echo "run.sh: note: the summary does not say 'checked $scenarios scenarios':" >&2
        grep "checked" "$work/stderr" >&2 || tail -n 3 "$work/stderr" >&2
      fi
      read -r _ kilobytes < "$work/time"
      digest=$(sha256sum < "$work/report")
      if [ -z "$first_digest" ]; then first_digest=$digest; elif [ "$digest" != "$first_digest" ]; then same=no; fi
      nanoseconds=$((end - start))
      echo "  $layout $format run $run: $(awk -v n="$nanoseconds" 'BEGIN { printf "%.3f", n / 1e9 }') s, peak ${kilobytes} KB" >&2
      if [ -z "$best" ] || [ "$nanoseconds" -lt "$best" ]; then best=$nanoseconds; fi
      if [ "$kilobytes" -gt "$peak" ]; then peak=$kilobytes; fi
    done
    echo "$layout $format $best $peak $same" >> "$results"
  done
done

layout_name() { if [ "$1" = files ]; then echo "$file_count files"; else echo "1 file"; fi; }
echo
echo "helpcenter check: seed $seed, $scenarios scenarios x $steps steps, best of $runs runs; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "binary: $binary"
printf 'suites: %s (%.1f MB), 1 file (%.1f MB)\n' "$(layout_name files)" \
  "$(awk -v b="$(suite_bytes "$work/files")" 'BEGIN { print b / 1e6 }')" \
  "$(awk -v b="$(suite_bytes "$work/one")" 'BEGIN { print b / 1e6 }')"
echo "target: at least 20000 scenarios/s for every format, peak memory under 100 MB (10^6 bytes, max RSS)"
echo
printf '%-11s %-7s %11s %12s %8s  %s\n' layout format "best wall s" scenarios/s "peak MB" result
while read -r layout format best peak same; do
  awk -v layout="$(layout_name "$layout")" -v format="$format" -v ns="$best" -v kb="$peak" -v n="$scenarios" \
      -v same="$same" 'BEGIN {
    seconds = ns / 1e9; rate = n / seconds; mb = kb * 1024 / 1e6
    missed = ""
    if (rate < 20000) missed = missed "speed"
    if (mb >= 100) missed = missed (missed == "" ? "" : ", ") "memory"
    if (same != "yes") missed = missed (missed == "" ? "" : ", ") "the report differs between runs"
    printf "%-11s %-7s %11.3f %12.0f %8.1f  %s\n", layout, format, seconds, rate, mb, (missed == "" ? "PASS" : "FAIL (" missed ")")
  }'
done < "$results"
