#!/usr/bin/env bash
# End-to-end test of `helpcenter serve` in headless Chromium: edit an article and see the page
# update by itself, break its front matter and see the overlay with file and line, fix it and
# see the overlay go; then Ctrl-C must stop the server with status 0. Runs on a temporary copy
# of content/, templates/, policy/ and scenarios/ on a free loopback port; exits non-zero on
# failure. Installs what it needs: Debian chromium and chromium-driver (scripts/setup.sh),
# PyPI selenium 4.51.0 in a virtual environment.
#   SCRATCH_PATH=.build (SwiftPM's build folder)   E2E_VENV=~/.cache/helpcenter/e2e-venv
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh chromium chromium-driver python3-venv

venv=${E2E_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/helpcenter/e2e-venv}
if ! "$venv/bin/python" -c 'import selenium, sys; sys.exit(selenium.__version__ != "4.51.0")' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "selenium==4.51.0"
fi

scratch=${SCRATCH_PATH:-.build}
swift build --scratch-path "$scratch" --product helpcenter >/dev/null 2>&1 \
  || { swift build --scratch-path "$scratch" --product helpcenter; exit 2; }
bin=$PWD/$scratch/debug/helpcenter

work=$(mktemp -d)
server=""
cleanup() {
  [ -n "$server" ] && kill -INT "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
. scripts/serve-common.sh
serve_copy_project "$work"
serve_start e2e-serve "$work" "$bin"
echo "e2e-serve: server at $url"

status=0
"$venv/bin/python" tests/browser/serve_e2e.py --url "$url" --site "$work" || status=$?

kill -INT "$server"
stopped=0
wait "$server" || stopped=$?
server=""
echo "e2e-serve: server log:"; sed 's/^/  /' "$log"
if [ "$stopped" -ne 0 ]; then
  echo "e2e-serve: the server exited with $stopped after Ctrl-C (expected 0)" >&2
  status=1
fi
[ "$status" -eq 0 ] && echo "e2e-serve: passed" || echo "e2e-serve: FAILED" >&2
exit "$status"
