#!/usr/bin/env bash
# Installs the Debian packages HelpCenter needs, only those that are missing.
# Works as root or, when sudo exists, as another user; refreshes apt's lists first.
#   scripts/setup.sh            build and test dependencies
#   scripts/setup.sh PKG ...    these packages as well
set -euo pipefail

packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev libstemmer-dev libsqlite3-dev cmark-gfm pkg-config python3 "$@")
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  run=()
elif command -v sudo >/dev/null 2>&1; then
  run=(sudo)
else
  echo "helpcenter setup: these packages are missing and this user cannot install them: ${missing[*]}" >&2
  echo "helpcenter setup: install them as root: apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 2
fi
echo "helpcenter setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${run[@]}" apt-get update -qq
"${run[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
