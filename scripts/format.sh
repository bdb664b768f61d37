#!/usr/bin/env bash
# Formats the Swift code with `swift format` (part of the Swift 6 toolchain) and the settings in
# .swift-format (README: Formatting). The files: Sources/, Tests/, Fuzz/ and Package.swift.
#
#   scripts/format.sh           reformats them in place, then lists what the linter still finds
#   scripts/format.sh --check   changes nothing; fails, listing the files `scripts/format.sh` would
#                               change and the lint findings, unless there are none (CI runs this)
#
# Exit status: 0 clean; 1 files to reformat or lint findings; 2 `swift format` missing or failing.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { sed -n '2,9s/^# \{0,1\}//p' "$0"; }
check=0
case "${1:-}" in
  "") ;;
  --check) check=1 ;;
  -h|--help) usage; exit 0 ;;
  *) echo "scripts/format.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
esac
[ $# -le 1 ] || { echo "scripts/format.sh: one argument at most" >&2; usage >&2; exit 2; }

if ! command -v swift > /dev/null 2>&1; then
  echo "scripts/format.sh: 'swift' is not on the PATH. Install the Swift 6 toolchain (README: What you need); 'swift format' comes with it." >&2
  exit 2
fi
if ! version=$(swift format --version 2> /dev/null); then
  echo "scripts/format.sh: 'swift format' is missing. It ships with Swift 6.0 and later ('swift --version' says which" >&2
  echo "you have); with an older toolchain, install Swift 6 (README: What you need)." >&2
  exit 2
fi

# The files, without hidden folders such as Fuzz/.build (a fuzz build's own dependencies).
files=()
while IFS= read -r -d '' file; do files+=("$file"); done < <(
  find Sources Tests Fuzz -name '.*' -prune -o -type f -name '*.swift' -print0 | sort -z)
files+=(Package.swift)
config=$PWD/.swift-format
[ -f "$config" ] || { echo "scripts/format.sh: $config is missing" >&2; exit 2; }

# Prints the findings of `swift format lint --strict` on FILES, in the tree at ROOT (default: here),
# named by their path in the project; returns 1 when there are any.
lint() {
  local root=$1; shift
  local output status=0
  output=$(cd "$root" && swift format lint --strict --parallel --configuration "$config" "$@" 2>&1) || status=$?
  [ "$root" = . ] || output=${output//"$root/"/}
  [ -z "$output" ] && [ $status -eq 0 ] && return 0
  printf '%s\n' "$output"
  return 1
}

if [ $check -eq 0 ]; then
  before=$(cksum "${files[@]}")
  swift format format --in-place --parallel --configuration "$config" "${files[@]}" || {
    echo "scripts/format.sh: 'swift format' failed (above); nothing is reformatted in the files it names" >&2; exit 2; }
  changed=$(diff <(printf '%s\n' "$before") <(cksum "${files[@]}") | sed -n 's/^> [0-9]* [0-9]* //p' || true)
  count=$(printf '%s' "$changed" | grep -c . || true)
  [ -z "$changed" ] || printf '%s\n' "$changed"
  echo "reformatted $count of ${#files[@]} files (swift format $version)"
  if ! lint . "${files[@]}"; then
    echo "FORMAT: the lint findings above need a change by hand (README: Formatting)"
    exit 1
  fi
  exit 0
fi

# --check: format a copy, compare it with the files, and lint the copy (so that the findings are
# the ones that remain after scripts/format.sh, at the line numbers it will give them).
copy=$(mktemp -d)
trap 'rm -rf "$copy"' EXIT
tar -cf - "${files[@]}" | tar -xf - -C "$copy"
if ! output=$(cd "$copy" && swift format format --in-place --parallel --configuration "$config" "${files[@]}" 2>&1); then
  printf '%s\n' "${output//"$copy/"/}" >&2
  echo "scripts/format.sh: 'swift format' failed (above)" >&2
  exit 2
fi
unformatted=()
for file in "${files[@]}"; do
  cmp -s "$file" "$copy/$file" || unformatted+=("$file")
done
status=0
if [ ${#unformatted[@]} -gt 0 ]; then
  echo "These files are not formatted as .swift-format says:"
  printf '  %s\n' "${unformatted[@]}"
  status=1
fi
findings=0
lint "$copy" "${files[@]}" > "$copy/.lint" || { findings=$(grep -c ': error: ' "$copy/.lint"); [ "$findings" -gt 0 ] || findings=1; }
[ "$findings" = 0 ] || { echo "Lint findings (at their lines after scripts/format.sh):"; cat "$copy/.lint"; }
if [ $status -eq 0 ] && [ $findings -eq 0 ]; then
  echo "formatting: all ${#files[@]} files formatted, no lint findings (swift format $version)"
  exit 0
fi
summary="FORMAT CHECK FAILED: ${#unformatted[@]} of ${#files[@]} files to reformat"
[ ${#unformatted[@]} -eq 0 ] || summary+=" (run scripts/format.sh or make format, and commit the result)"
[ $findings -eq 0 ] || summary+="; $findings lint findings (listed by scripts/format.sh --check) need a change by hand (README: Formatting)"
echo "$summary"
exit 1
