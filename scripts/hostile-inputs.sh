#!/usr/bin/env bash
# Runs issue 11's reproductions (and a few more) against the release binary on a copy of the
# project, and prints, for each, the exit status, wall time, peak memory, the first error line
# and whether the previous _site is byte-identical afterwards. Exits 1 when a case crashes
# (status above 2), takes 2 s or more, uses 200 MB or more, or changes the previous site.
#   scripts/hostile-inputs.sh            (builds the release binary first)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh time >/dev/null
swift build -c release --product helpcenter >/dev/null 2>&1 || swift build -c release --product helpcenter
bin=$PWD/.build/release/helpcenter
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
project=$work/project
mkdir -p "$project"
cp -r content templates policy scenarios helpcenter.yaml "$project"/
cd "$project"
"$bin" build --quiet >/dev/null
snapshot() { (cd _site && find . -type f -print0 | sort -z | xargs -0 sha256sum); }
snapshot >"$work/site.sum"
failures=0
collection=content/two-factor-authentication

# case NAME COMMAND...: runs the command, then undoes the case's files (restore).
case_run() {
  local name=$1
  shift
  local status=0
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/out" 2>&1 || status=$?
  read -r seconds kilobytes < <(tail -n 1 "$work/time")
  local message
  message=$(grep -m1 -E 'error|refus' "$work/out" | cut -c1-150 || true)
  local same=yes
  snapshot | cmp -s - "$work/site.sum" || same=no
  # A valid file is published: the site changes, as it should.
  if [ "${expect_change:-0}" = 1 ]; then same=n/a; snapshot >"$work/site.sum"; fi
  local verdict=ok
  if [ "$status" -gt 2 ] || awk -v s="$seconds" -v k="$kilobytes" 'BEGIN { exit !(s >= 2 || k >= 204800) }' || [ "$same" = no ]; then
    verdict=FAIL
    failures=$((failures + 1))
  fi
  printf '%-28s exit %-3s %5ss %6d KB  site unchanged: %-3s %s\n    %s\n' "$name" "$status" "$seconds" "$kilobytes" "$same" "$verdict" "$message"
  restore
}
restore() {
  rm -rf "$collection"/hostile* "$collection"/images/hostile* ../outside-link
  cp "$work/config" helpcenter.yaml 2>/dev/null || true
  cp "$work/policy" policy/backup-policy.yaml 2>/dev/null || true
  cp "$work/vocabulary" policy/vocabulary.yaml 2>/dev/null || true
}
cp helpcenter.yaml "$work/config"
cp policy/backup-policy.yaml "$work/policy"
cp policy/vocabulary.yaml "$work/vocabulary"
front() { printf -- '---\ntitle: Hostile\n---\n' >"$1"; }
bomb() { # an alias bomb of seven levels, nine aliases each, under the key $1
  python3 -c "
import sys
lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x]']
lines += [f'a{l}: &a{l} [' + ', '.join([f'*a{l-1}'] * 9) + ']' for l in range(1, 7)]
print('\n'.join(lines) + '\n$1: *a6')"
}

front "$collection/hostile.md"; python3 -c "print('>' * 42000 + ' x')" >>"$collection/hostile.md"
case_run "42,000-deep block quote" "$bin" build --quiet
front "$collection/hostile.md"; python3 -c "print('- ' * 6000 + 'x')" >>"$collection/hostile.md"
case_run "6,000-deep list" "$bin" build --quiet
front "$collection/hostile.md"; python3 -c "print('- ' * 12000 + 'x')" >>"$collection/hostile.md"
case_run "12,000-deep list" "$bin" build --quiet
front "$collection/hostile.md"; python3 -c "print('[' * 400000 + 'x')" >>"$collection/hostile.md"
expect_change=1 case_run "400,000 ['s (valid)" "$bin" build --quiet
"$bin" build --quiet >/dev/null; snapshot >"$work/site.sum"
# Marks placed by their source line (session 25): each search reads the rest of the line.
front "$collection/hostile.md"; python3 -c "print('[a][b] ' * 20000)" >>"$collection/hostile.md"
expect_change=1 case_run "20,000 undefined references on one line (valid, warnings)" "$bin" build --quiet
front "$collection/hostile.md"; python3 -c "print('\\\\[a\\\\]\\\\[b\\\\] ' * 20000)" >>"$collection/hostile.md"
expect_change=1 case_run "20,000 escaped reference marks on one line (valid)" "$bin" build --quiet
front "$collection/hostile.md"; python3 -c "print('[[Nope]] ' * 20000)" >>"$collection/hostile.md"
case_run "20,000 unknown UI labels on one line" "$bin" build --quiet
"$bin" build --quiet >/dev/null; snapshot >"$work/site.sum"
front "$collection/hostile.md"; python3 -c "print('|a' * 300 + '|'); print('|-' * 300 + '|')" >>"$collection/hostile.md"
case_run "300-column table" "$bin" build --quiet
{ echo '---'; echo 'title: Bomb'; bomb tags; echo '---'; echo 'Body.'; } >"$collection/hostile.md"
case_run "alias bomb, front matter" "$bin" build --quiet
bomb description_bomb >>helpcenter.yaml
case_run "alias bomb, helpcenter.yaml" "$bin" build --quiet
bomb bomb >>policy/backup-policy.yaml
case_run "alias bomb, policy" "$bin" build --quiet
bomb bomb >>policy/vocabulary.yaml
case_run "alias bomb, vocabulary" "$bin" build --quiet
truncate -s 20G "$collection/hostile.md"
case_run "20 GB sparse article" "$bin" build --quiet
ln -s /etc/passwd "$collection/images/hostile.png"
case_run "link to /etc/passwd" "$bin" build --quiet
printf -- '---\ntitle: Links\n---\n[x](/javascript:alert(1)) [y](/JaVaScRiPt:alert(1)) [z](/data:text/html,hi)\n' >"$collection/hostile.md"
case_run "script through /links" "$bin" build --quiet
printf -- '---\ntitle: Missing\n---\n[gone](/two-factor-authentication/nowhere.md)\n' >"$collection/hostile.md"
case_run "broken /path link" "$bin" build --quiet
case_run "--output policy" "$bin" build --quiet --output policy
case_run "--output scenarios" "$bin" build --quiet --output scenarios
case_run "--output \$HOME's parent" "$bin" build --quiet --output "$(dirname "$HOME")"
echo
if [ "$failures" -gt 0 ]; then
  echo "hostile inputs: $failures case(s) failed"
  exit 1
fi
echo "hostile inputs: every case refused or built, under 2 s and 200 MB, previous site unchanged"
