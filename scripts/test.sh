#!/usr/bin/env bash
# Runs every test: the Swift test suites, the CommonMark/GFM spec suite in strict mode against
# the cmark-gfm program, and the project's own content and scenarios through the real program.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

echo "== swift test"
swift build --build-tests
swift test --skip-build
swift build --product helpcenter
bin=.build/debug/helpcenter

echo "== the project's own help centre"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$bin" build --output "$out/site"

echo "== the project's scenarios, coverage and mutants"
"$bin" check --require-coverage --mutations

echo "== spec conformance (strict mode, compared with the cmark-gfm program)"
spec=${HELPCENTER_SHARED:-../shared}/conformance
if [ -f "$spec/run-spec.py" ]; then
  for file in spec.txt extensions.txt; do
    echo "-- $file"
    python3 "$spec/run-spec.py" "$spec/$file" \
      --reference "cmark-gfm --unsafe -e table -e strikethrough -e autolink -e tagfilter -e tasklist -e footnotes" \
      -- "$bin" render --strict-gfm --unsafe | tail -n 3
  done
else
  echo "skipped: $spec not found (set HELPCENTER_SHARED to the folder holding conformance/)"
fi
echo "all tests passed"
