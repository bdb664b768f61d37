#!/usr/bin/env bash
# Search relevance in headless Chromium (tests/browser/search_relevance.py): builds this
# project's help centre, opens it from file:// and types each reader query of
# tests/search/queries.tsv into the search box, then those of tests/search/queries.fr.tsv into
# the French pages' box; reports the share of queries whose article is listed first and in the
# top three, and fails under the minimums (docs/search.md).
#   scripts/test-search.sh [path/to/helpcenter]     default: .build/debug/helpcenter
# Installs what it needs: Debian chromium and chromium-driver, PyPI selenium 4.51.0 in a
# virtual environment (E2E_VENV, shared with scripts/e2e-serve.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/debug/helpcenter}
scripts/setup.sh chromium chromium-driver python3-venv >/dev/null
venv=${E2E_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/helpcenter/e2e-venv}
if ! "$venv/bin/python" -c 'import selenium, sys; sys.exit(selenium.__version__ != "4.51.0")' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "selenium==4.51.0"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" build --output "$work/site" >/dev/null
"$venv/bin/python" tests/browser/search_relevance.py --site "$work/site" "${@:2}"
# The French help centre under /fr/, with its own index (French stemmer, stop words, elisions
# and synonyms) and its own queries.
"$venv/bin/python" tests/browser/search_relevance.py --site "$work/site" --page fr/index.html --queries tests/search/queries.fr.tsv "${@:2}"
