#!/usr/bin/env bash
# Makes sure .build/release/helpcenter is built from the current sources, installing the apt
# packages first when they are missing (scripts/setup.sh). The compiler runs only when a file
# under Sources/, Package.swift or Package.resolved is newer than the binary: with nothing
# changed this takes a fraction of a second instead of half a minute of SwiftPM's own checks.
# HELPCENTER_REBUILD=1 runs the compiler anyway (after a toolchain or apt upgrade, say).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
bin=.build/release/helpcenter
inputs=(Sources Package.swift)
[ -e Package.resolved ] && inputs+=(Package.resolved)
if [ "${HELPCENTER_REBUILD:-0}" != 1 ] && [ -x "$bin" ] && [ -z "$(find "${inputs[@]}" -newer "$bin" -print -quit)" ]; then
  echo "helpcenter: $bin is up to date (newer than every file in Sources/ and Package.swift); not compiling" >&2
  exit 0
fi
if [ ! -x "$bin" ]; then
  echo "helpcenter: compiling helpcenter in release mode; the first time takes several minutes (README: Quick start)" >&2
fi
swift build -c release --product helpcenter
# SwiftPM leaves the binary alone when no source really changed (a touched file): mark it
# current so that the next run does not ask SwiftPM again.
touch "$bin"
