#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ (AddressSanitizer on) and runs each for a while.
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET ...]
# Targets: markdown, markdown-arena-off, front-matter, scenario, templates, preview-path, search,
# collector
# (all by default; 60 seconds each by default). `markdown-arena-off` is the Markdown target
# with HELPCENTER_PARSE_ARENA=off: libcmark-gfm allocates from the system allocator, so
# AddressSanitizer sees its buffers (the parse arena hides overflows inside its blocks).
#
# Everything it writes is under fuzz-results/ (ignored by git): seeds/ (made afresh from the
# project's content, scenarios and templates), corpus/ (what the fuzzer found, kept between
# runs), crashes/ (inputs that crashed, hung or ran out of memory) and logs/. Exit status:
# 0 nothing found, 1 a target crashed (each crash is printed with how to reproduce it),
# 2 could not build or run. With FUZZ_KEEP_GOING=1 a target does not stop at its first crash
# (libFuzzer's fork mode, ignoring crashes, timeouts and out-of-memory), for long runs that hunt
# past a known bug. See docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/.."

all_targets=(markdown markdown-arena-off front-matter scenario templates preview-path search collector)
seconds=${1:-60}
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET ...]   targets: ${all_targets[*]}" >&2
  exit 2
fi
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all_targets[@]}")
for target in "${targets[@]}"; do
  if ! [[ " ${all_targets[*]} " == *" $target "* ]]; then
    echo "fuzz: unknown target '$target' (targets: ${all_targets[*]})" >&2
    exit 2
  fi
done

scripts/setup.sh

results=fuzz-results
# libFuzzer reports crashes itself; the Swift runtime's backtracer would only add noise (and its
# memory reader trips AddressSanitizer).
export SWIFT_BACKTRACE=enable=no
export LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
mkdir -p "$results/logs"
# swiftc keeps only the last -sanitize= flag it is given, and SwiftPM passes one per --sanitize: the
# -Xswiftc flag (last on the line) gives Swift both; --sanitize gives C targets both and sets up the link.
build=(swift build --package-path Fuzz --scratch-path .build-fuzz -c debug --sanitize fuzzer --sanitize address -Xswiftc -sanitize=fuzzer,address)
# SwiftPM does not notice a Swift file added to the parent package (a path dependency here): it
# kept compiling the old file list and failed on the new type ("cannot find type 'PageLayout'").
# When the list of files changed since the last build, its build plan is thrown away.
sources_list=$(find Sources Package.swift -name '*.swift' | sort | sha256sum | cut -c1-16)
if [ -d .build-fuzz ] && [ "$(cat .build-fuzz/sources.list 2>/dev/null)" != "$sources_list" ]; then
  rm -f .build-fuzz/debug.yaml .build-fuzz/build.db
fi
mkdir -p .build-fuzz && echo "$sources_list" >.build-fuzz/sources.list

# The executable each run uses, its dictionary, its longest input, and its environment.
product() { case "$1" in markdown-arena-off) echo fuzz-markdown ;; *) echo "fuzz-$1" ;; esac; }
corpus_name() { case "$1" in markdown-arena-off) echo markdown ;; *) echo "$1" ;; esac; }
dictionary() {
  case "$1" in
    markdown* | search) echo Fuzz/Dictionaries/markdown.dict ;;
    front-matter | scenario) echo Fuzz/Dictionaries/yaml.dict ;;
    templates) echo Fuzz/Dictionaries/mustache.dict ;;
    preview-path) echo Fuzz/Dictionaries/path.dict ;;
    collector) echo Fuzz/Dictionaries/collector.dict ;;
  esac
}
# 4 KB for Markdown keeps the fuzzer away from the known deep-nesting stack overflow and the
# slow deep lists (issue 11), so that it hunts other bugs; the joined templates are 11 KB.
max_len() {
  case "$1" in
    markdown* | front-matter | search) echo 4096 ;;
    scenario) echo 8192 ;;
    templates) echo 16384 ;;
    preview-path) echo 512 ;;
    # Just past the largest body the collector reads (8 KB), so the limit itself is tried.
    collector) echo 8448 ;;
  esac
}
run_env() { case "$1" in markdown-arena-off) echo HELPCENTER_PARSE_ARENA=off ;; esac; }
# libFuzzer flags of one target. `search`: the index's parallel finish leaves per-thread caches
# behind, so every run mallocs more than it frees and libFuzzer runs LeakSanitizer after each one
# (6 runs/s instead of 29); leaks are still looked for when the run ends.
target_flags() { case "$1" in search) echo -detect_leaks=0 ;; esac; }

# Seeds: one file per input, named after where it came from.
seed_file() { # seed_file DIR SOURCE_PATH < content
  cat > "$1/$(echo "$2" | tr '/ ' '__')"
}
make_seeds() {
  local name=$1 dir="$results/seeds/$1"
  rm -rf "$dir"
  mkdir -p "$dir"
  case "$name" in
    markdown)
      find content Tests -name '*.md' -type f | sort | while read -r file; do seed_file "$dir" "$file" < "$file"; done
      # The CommonMark and GFM spec examples, when the shared folder is there (→ stands for a tab).
      local spec=${HELPCENTER_SHARED:-../shared}/conformance
      for file in "$spec"/spec.txt "$spec"/extensions.txt "$spec"/regression.txt "$spec"/smart_punct.txt; do
        [ -f "$file" ] || continue
        awk -v dir="$dir" -v base="$(basename "$file" .txt)" '
          index($0, "```````````````````````````````` example") == 1 { inside = 1; n += 1; out = sprintf("%s/spec-%s-%04d.md", dir, base, n); printf "" > out; next }
          inside && /^\.$/ { inside = 0; close(out); next }
          inside { gsub(/→/, "\t"); print >> out }
        ' "$file"
      done
      ;;
    search)
      # Articles in both languages, and the relevance queries (typed words, misspellings).
      find content -name '*.md' -type f | sort | while read -r file; do seed_file "$dir" "$file" < "$file"; done
      cut -f1 tests/search/queries.tsv tests/search/queries.fr.tsv | seed_file "$dir" queries
      ;;
    front-matter)
      find content Tests -name '*.md' -type f | sort | while read -r file; do seed_file "$dir" "$file" < "$file"; done
      for file in helpcenter.yaml Tests/HelpCenterSiteTests/Fixtures/site/helpcenter.yaml; do
        [ -f "$file" ] && { printf -- '---\n'; cat "$file"; printf -- '---\nBody.\n'; } | seed_file "$dir" "$file"
      done
      ;;
    scenario)
      find scenarios Tests/ScenarioCheckerTests -name '*.yaml' -type f | sort | while read -r file; do seed_file "$dir" "$file" < "$file"; done
      ;;
    templates)
      find templates Tests -name '*.mustache' -type f | sort | while read -r file; do seed_file "$dir" "$file" < "$file"; done
      # The project's templates as one input, in the order of Fuzz/Sources/FuzzTemplates's `names`.
      local first=1
      for name in layout home collection article 404 search policy redirect \
                  partials/header partials/footer partials/breadcrumbs partials/article-list partials/feedback; do
        [ $first -eq 1 ] || printf '\0'
        first=0
        [ -f "templates/$name.mustache" ] && cat "templates/$name.mustache"
      done | seed_file "$dir" all-templates
      ;;
    preview-path)
      local n=0
      { cat Fuzz/Seeds/preview-paths.txt
        find content -name '*.md' -type f | sed -e 's|^content||' -e 's|\.md$|/|' -e 's|/_index/$|/|'; } |
        while IFS= read -r line; do n=$((n + 1)); printf '%s' "$line" | seed_file "$dir" "path-$n"; done
      ;;
    collector)
      # Vote bodies as the widget sends them, and X-Forwarded-For entries and origins.
      local n=0
      while IFS= read -r line; do n=$((n + 1)); printf '%s' "$line" | seed_file "$dir" "collector-$n"; done < Fuzz/Seeds/collector.txt
      ;;
  esac
}

# Builds every product needed (one at a time: building them together would also link the root
# package's own executable, whose `main` clashes with libFuzzer's).
declare -A built=()
for target in "${targets[@]}"; do
  name=$(product "$target")
  [ -n "${built[$name]:-}" ] && continue
  echo "== building $name (debug, -sanitize=fuzzer,address)"
  if ! "${build[@]}" --product "$name" > "$results/logs/build-$name.log" 2>&1; then
    tail -n 40 "$results/logs/build-$name.log" >&2
    echo "fuzz: building $name failed (log: $results/logs/build-$name.log)" >&2
    exit 2
  fi
  built[$name]=1
done
bin=$("${build[@]}" --show-bin-path)

declare -A seeded=()
summary=()
failed=0
for target in "${targets[@]}"; do
  corpus=$(corpus_name "$target")
  if [ -z "${seeded[$corpus]:-}" ]; then make_seeds "$corpus"; seeded[$corpus]=1; fi
  mkdir -p "$results/corpus/$corpus" "$results/crashes/$target"
  log="$results/logs/$target.log"
  environment=$(run_env "$target")
  executable="$bin/$(product "$target")"
  start="$results/logs/$target.start"
  touch "$start"
  echo "== fuzzing $target for ${seconds}s${environment:+ ($environment)}"
  status=0
  keep_going=()
  [ "${FUZZ_KEEP_GOING:-0}" = 1 ] && keep_going=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  flags=($(target_flags "$target"))
  env ${environment:+"$environment"} "$executable" ${keep_going[@]+"${keep_going[@]}"} ${flags[@]+"${flags[@]}"} \
    -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len="$(max_len "$target")" \
    -dict="$(dictionary "$target")" -print_final_stats=1 \
    -artifact_prefix="$results/crashes/$target/" \
    "$results/corpus/$corpus" "$results/seeds/$corpus" > "$log" 2>&1 || status=$?
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -n 1)
  last=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -n 1 || true)
  # Fork mode prints no final stats: its last status line is "#N: cov: … exec/s: N …" (that of its
  # last job only, so the rate is worked out over the whole run).
  [ -n "$executions" ] || executions=$(echo "$last" | sed -n 's/^#\([0-9]*\).*/\1/p')
  [ -n "$speed" ] || speed=$(( ${executions:-0} / seconds ))
  cov=$(echo "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
  ft=$(echo "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
  corp=$(echo "$last" | sed -n 's/.* corp: \([0-9]*\).*/\1/p')
  crashes=$(find "$results/crashes/$target" -type f -newer "$start" | wc -l)
  if [ "$status" -ne 0 ] && [ "$crashes" -eq 0 ]; then crashes=1; fi
  summary+=("$(printf '%-20s %8s %12s %8s %7s %7s %7s %8s %8s' "$target" "${seconds}s" "${executions:-?}" "${speed:-?}" \
    "${cov:-?}" "${ft:-?}" "${corp:-?}" "${rss:-?}MB" "$crashes")")
  if [ "$crashes" -ne 0 ]; then
    failed=1
    echo "!! $target found a problem (exit status $status); the report:" >&2
    grep -E -A 25 '^==[0-9]+==ERROR|^fuzz invariant broken|deadly signal|ALARM: working on the last Unit|out-of-memory' "$log" | head -n 40 >&2 || tail -n 30 "$log" >&2
    find "$results/crashes/$target" -type f -newer "$start" | while read -r input; do
      echo "   input: $input" >&2
      echo "   reproduce: ${environment:+$environment }$executable $input" >&2
    done
    echo "   full log: $log" >&2
  fi
done

echo
printf '%-20s %8s %12s %8s %7s %7s %7s %8s %8s\n' target time executions exec/s cov ft corpus peak-rss crashes
printf '%s\n' "${summary[@]}"
if [ "$failed" -ne 0 ]; then
  echo "fuzz: problems found; inputs are in $results/crashes/ (see above for how to reproduce)" >&2
  exit 1
fi
echo "fuzz: no crash, hang, leak or broken invariant found"
