#!/usr/bin/env bash
# The real program run from outside the project folder (docs/projects.md): from a subfolder,
# from another folder with a path into the project, and from a folder with no project above.
# Usage: scripts/test-project-discovery.sh [path/to/helpcenter]   (default .build/debug/helpcenter)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-.build/debug/helpcenter}")
project=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# From a subfolder: the same project, the same site as from the project folder.
sub=$(dirname "$(find content -mindepth 2 -name '*.md' ! -name '_index.md' | sort | head -n 1)")
(cd "$sub" && "$bin" check --verbose >"$work/sub-check.txt" 2>"$work/sub-check.err") || fail "check from $sub: $(cat "$work/sub-check.err")"
grep -q "project folder: ../.. ($project), found from the current folder" "$work/sub-check.err" \
  || fail "check --verbose from $sub did not name the project: $(cat "$work/sub-check.err")"
"$bin" check >"$work/root-check.txt"
cmp -s "$work/sub-check.txt" "$work/root-check.txt" || fail "check from $sub reports differently from the project folder"
(cd "$sub" && "$bin" build --quiet --output "$work/sub-site" >/dev/null)
"$bin" build --quiet --output "$work/root-site" >/dev/null
diff -r "$work/sub-site" "$work/root-site" >/dev/null || fail "build from $sub made a different site"
echo "from $sub: check and build use $project"

# Machine-readable reports name files from the project folder (docs/checker.md): the same bytes
# from a subfolder, and with an absolute --project, as from the project folder.
for format in json junit sarif gitlab github; do
  "$bin" check --format "$format" >"$work/root.$format" 2>/dev/null
  (cd "$sub" && "$bin" check --format "$format" >"$work/sub.$format" 2>/dev/null)
  "$bin" check --project "$project" --format "$format" >"$work/absolute.$format" 2>/dev/null
  cmp -s "$work/root.$format" "$work/sub.$format" || fail "check --format $format from $sub names files differently: $(diff "$work/root.$format" "$work/sub.$format" | head -n 4)"
  cmp -s "$work/root.$format" "$work/absolute.$format" || fail "check --format $format --project $project names files differently: $(diff "$work/root.$format" "$work/absolute.$format" | head -n 4)"
done
grep -q '"scenarios/' "$work/root.json" || fail "check --format json does not name scenarios/… files: $(head -c 300 "$work/root.json")"
echo "check's machine-readable reports: the same from $sub and with --project $project"

# A variant configuration in a scratch folder (tests/browser does this) does not move the
# project: the walk starts from --content, so the policy is still found and the build passes.
mkdir -p "$work/variant"
cp helpcenter.yaml "$work/variant/helpcenter.yaml"
"$bin" build --quiet --content content --templates templates --config "$work/variant/helpcenter.yaml" --output "$work/variant-site" >/dev/null \
  || fail "a build with --config in a scratch folder lost the project's policy"
[ -f "$work/variant-site/policy/index.html" ] || fail "no policy page with --config in a scratch folder"

# From elsewhere, with a relative path into the project: diagnostics open from there.
mkdir -p "$work/elsewhere"
scenarios=$(realpath --relative-to="$work/elsewhere" scenarios)
(cd "$work/elsewhere" && "$bin" check "$scenarios" --verbose >/dev/null 2>"$work/elsewhere.err") \
  || fail "check $scenarios from $work/elsewhere: $(cat "$work/elsewhere.err")"
grep -q "found from $scenarios" "$work/elsewhere.err" || fail "no project named: $(cat "$work/elsewhere.err")"
# A scenario file typed as broken.yaml is printed as broken.yaml; the project's policy as it
# was reached from here (../…/policy/backup-policy.yaml), so both open from this folder.
printf 'scenarios:\n  - name: Checks nothing\n    given: {}\n' >"$work/elsewhere/broken.yaml"
policy=$(realpath --relative-to="$work/elsewhere" policy/backup-policy.yaml)
(cd "$work/elsewhere" && "$bin" check broken.yaml --policy "$policy" >"$work/broken.txt" 2>&1) \
  || fail "check broken.yaml --policy $policy: $(head -n 3 "$work/broken.txt")"
grep -q "^broken.yaml:2:11: warning:" "$work/broken.txt" && grep -q "^$policy:[0-9]*:[0-9]*: warning:" "$work/broken.txt" \
  || fail "paths are not printed from where the command ran: $(head -n 3 "$work/broken.txt")"
echo "from $work/elsewhere: check $scenarios uses $project"

# No project above: exit 2, every folder searched named, and the fix.
if [ -e "$work/../helpcenter.yaml" ] || [ -e /helpcenter.yaml ]; then
  echo "SKIPPED the no-project case: a helpcenter.yaml above $work"
else
  status=0
  (cd "$work/elsewhere" && "$bin" check >/dev/null 2>"$work/none.err") || status=$?
  [ "$status" -eq 2 ] || fail "check with no project: exit $status, expected 2"
  grep -q "no helpcenter.yaml in $work/elsewhere, $work, " "$work/none.err" || fail "the folders searched are not named: $(cat "$work/none.err")"
  grep -q -- "--project DIR" "$work/none.err" || fail "no fix suggested: $(cat "$work/none.err")"
  echo "with no project: exit 2, $(head -n 1 "$work/none.err")"
fi
