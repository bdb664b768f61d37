#!/usr/bin/env bash
# Builds the help centre in content/ into _site/ (installing what is missing first).
# Extra arguments go to `helpcenter build` (e.g. --drafts, --output DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product helpcenter
exec .build/release/helpcenter build "$@"
