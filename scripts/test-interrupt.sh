#!/usr/bin/env bash
# Sends SIGTERM to `helpcenter build` in the middle of a large build, several times, and
# checks what a CI job's cancellation must leave: exit status 143, no `.NAME.staging-*` or
# `.NAME.old-*` folder, and the previous site byte-identical. Then the same for
# `helpcenter check --output FILE`: no partial report left, the previous report unchanged. A
# build started with the signal ignored is not stopped by it.
# Usage: scripts/test-interrupt.sh [path/to/helpcenter]   (default .build/debug/helpcenter)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-.build/debug/helpcenter}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r templates "$work/"
: >"$work/helpcenter.yaml"   # marks the project folder (docs/projects.md)
mkdir -p "$work/content/guides"
printf -- '---\ntitle: Help\n---\nWelcome.\n' >"$work/content/_index.md"
printf -- '---\ntitle: Guides\n---\n' >"$work/content/guides/_index.md"
for i in $(seq 1 3000); do
  printf -- '---\ntitle: Article %s\ndescription: Number %s.\n---\n## One\n\nSome *text* with a [link](article-1.md).\n\n## Two\n\n- a\n- b\n' "$i" "$i" >"$work/content/guides/article-$i.md"
done
project=$PWD
cd "$work"
"$bin" build --quiet --output site >/dev/null
before=$(cd site && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum)
# The first delays land in start-up, while the staging folder is being made.
for delay in 0.01 0.02 0.03 0.05 0.08 0.12 0.2 0.4 0.6 0.8 1.0 1.2 1.5; do
  "$bin" build --quiet --output site >/dev/null 2>"$work/stderr" &
  pid=$!
  sleep "$delay"
  kill -TERM "$pid" 2>/dev/null || true
  status=0
  wait "$pid" || status=$?
  [ ! -s "$work/stderr" ] || sed "s/^/  stderr: /" "$work/stderr" | head -n 3
  leftovers=$(find . -maxdepth 1 -name '.site.*' | wc -l)
  after=$(cd site && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum)
  echo "SIGTERM after ${delay} s: exit $status, leftover staging folders: $leftovers, previous site unchanged: $([ "$before" = "$after" ] && echo yes || echo no)"
  [ "$leftovers" -eq 0 ] || { echo "FAIL: left behind: $(find . -maxdepth 1 -name '.site.*')"; exit 1; }
  if [ "$status" -eq 0 ]; then
    echo "  (the build finished before the signal; the site is the same build again)"
  else
    [ "$status" -eq 143 ] || { echo "FAIL: exit status $status, expected 143"; cat "$work/stderr"; exit 1; }
    [ "$before" = "$after" ] || { echo "FAIL: the previous site changed"; exit 1; }
  fi
done
echo "interrupted builds leave nothing behind"

# A build started with SIGTERM ignored (`nohup`, a supervisor, a script's background job for
# SIGINT) keeps it ignored, as POSIX asks: the signal must not stop it.
(trap '' TERM; exec "$bin" build --quiet --output site >/dev/null 2>"$work/stderr") &
pid=$!
sleep 0.3
# The signal must reach a running build, or the case tests nothing.
kill -0 "$pid" 2>/dev/null || { echo "FAIL: the build ended within 0.3 s, before the signal"; exit 1; }
kill -TERM "$pid"
status=0
wait "$pid" || status=$?
echo "started with SIGTERM ignored, SIGTERM after 0.3 s: exit $status"
[ "$status" -eq 0 ] || { echo "FAIL: a build started with SIGTERM ignored was stopped by it (exit $status)"; cat "$work/stderr"; exit 1; }

# The same for `helpcenter check --output FILE`: an interrupted check leaves the previous report
# as it was and no partial file beside it (`.NAME.PID.partial`).
mkdir -p "$work/check/scenarios"
cp -r "$project/policy" "$work/check/"
: >"$work/check/helpcenter.yaml"
for i in $(seq 1 400); do
  for file in "$project"/scenarios/*.yaml; do cp "$file" "$work/check/scenarios/$i-$(basename "$file")"; done
done
cd "$work/check"
"$bin" check --format junit --output report.xml >/dev/null 2>&1 || true
[ -s report.xml ] || { echo "FAIL: the first check wrote no report"; exit 1; }
before=$(sha256sum <report.xml)
caught=0
for delay in 0.01 0.05 0.1 0.2 0.4 0.8 1.2; do
  "$bin" check --format junit --output report.xml >/dev/null 2>"$work/stderr" &
  pid=$!
  sleep "$delay"
  kill -TERM "$pid" 2>/dev/null || true
  status=0
  wait "$pid" || status=$?
  leftovers=$(find . -maxdepth 1 -name '.report.xml.*' | wc -l)
  echo "check, SIGTERM after ${delay} s: exit $status, leftover partial reports: $leftovers, previous report unchanged: $([ "$before" = "$(sha256sum <report.xml)" ] && echo yes || echo no)"
  [ "$leftovers" -eq 0 ] || { echo "FAIL: left behind: $(find . -maxdepth 1 -name '.report.xml.*')"; exit 1; }
  case $status in
    0 | 1) echo "  (the check finished before the signal)" ;;
    143)
      [ "$before" = "$(sha256sum <report.xml)" ] || { echo "FAIL: the previous report changed"; exit 1; }
      ! grep -q "Interrupted: no report was written" "$work/stderr" || caught=$((caught + 1))
      ;;
    *) echo "FAIL: exit status $status, expected 143"; cat "$work/stderr"; exit 1 ;;
  esac
done
# A signal before the handler is taken ends the check with 143 too, and leaves no partial file
# (none was made yet): at least one run must have been stopped while writing its report.
[ "$caught" -gt 0 ] || { echo "FAIL: no run was interrupted while writing its report"; exit 1; }
echo "interrupted checks leave nothing behind ($caught of them while writing the report)"
