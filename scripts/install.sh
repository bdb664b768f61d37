#!/usr/bin/env bash
# Puts `helpcenter` on the PATH: compiles the release binary when it is missing or older than
# the sources (scripts/build-release.sh) and copies it to $PREFIX/bin.
#   scripts/install.sh                      ~/.local/bin/helpcenter (no root needed)
#   PREFIX=/usr/local scripts/install.sh    /usr/local/bin/helpcenter (sudo when not root)
# The program links the Swift runtime of the toolchain that compiled it: keep that toolchain
# installed, and run this again after pulling new sources.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-release.sh
prefix=${PREFIX:-$HOME/.local}
run=()
if ! mkdir -p "$prefix/bin" 2>/dev/null || [ ! -w "$prefix/bin" ]; then
  [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 || { echo "helpcenter install: cannot write to $prefix/bin" >&2; exit 2; }
  run=(sudo)
fi
"${run[@]}" install -d "$prefix/bin"
"${run[@]}" install -m 755 .build/release/helpcenter "$prefix/bin/helpcenter"
echo "installed $prefix/bin/helpcenter"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "note: $prefix/bin is not on your PATH; add it, e.g.: echo 'export PATH=\"$prefix/bin:\$PATH\"' >> ~/.bashrc && . ~/.bashrc" >&2 ;;
esac
