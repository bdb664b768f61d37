#!/usr/bin/env bash
# Builds the help centre in content/ into _site/, installing and compiling what is missing
# first (scripts/build-release.sh: the compiler runs only when a source file changed).
# Extra arguments go to `helpcenter build` (e.g. --drafts, --output DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-release.sh
exec .build/release/helpcenter build "$@"
