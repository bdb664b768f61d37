#!/usr/bin/env bash
# PNG screenshots of the home page and the "Set up or change your backup method" article at
# 1280×900 and 390×844, light and dark, plus the search list, the skip link and the feedback
# widget in use, for a person to look at before a theme change lands.
#   scripts/screenshots.sh [OUT_DIR]      (default /tmp/helpcenter-screenshots)
# Uses the same tools as scripts/check-pages.sh (run that once first on a fresh machine, or
# let this script install them the same way).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/helpcenter-screenshots}

venv=.venv-browser
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import selenium' 2>/dev/null \
   || ! command -v chromedriver >/dev/null 2>&1; then
  scripts/setup.sh chromium chromium-driver
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check selenium==4.51.0
fi

bin=${HELPCENTER_BIN:-}
if [ -z "$bin" ]; then
  for candidate in .build/release/helpcenter .build/debug/helpcenter .build-pages/debug/helpcenter; do
    if [ -x "$candidate" ] && [ -z "$(find Sources Package.swift -newer "$candidate" -print -quit)" ]; then
      bin=$candidate
      break
    fi
  done
fi
if [ -z "$bin" ]; then
  echo "== building helpcenter (swift build --scratch-path .build-pages)"
  scripts/setup.sh
  swift build --scratch-path .build-pages --product helpcenter >/dev/null
  bin=.build-pages/debug/helpcenter
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" build --output "$work/site" --quiet
mkdir -p "$out"
"$venv/bin/python" tests/browser/pages_screenshots.py "$work/site" "$out"
