#!/usr/bin/env bash
# Benchmarks a site in two languages beside Hugo (docs/languages.md): the corpus of
# ../shared/bench/make-corpus.py with a French translation of every fifth article of each
# collection (20 %), built by `helpcenter build` (with `fallback: false`, as Hugo does by
# default, and with the default `fallback: true`) and by Hugo with the same two languages,
# through ../shared/bench/compare-hugo.sh (medians, ratio ours/hugo, peak memories).
#   scripts/bench-languages.sh [COUNT ...]     default: 10000
#   RUNS=5, BENCH_DIR=/tmp/helpcenter-bench, HELPCENTER_BIN=path (default: a release build),
#   BENCH_URLS=files: build with `urls: files` (collection/article.html), the layout Hugo's side
#   writes with its uglyURLs, as scripts/bench-site.sh does (docs/generator.md);
#   BENCH_PAUSE=420: seconds to wait between two comparisons. compare-hugo.sh deletes its
#   outputs when it ends, and on ext4 without a journal creating files is slower for up to six
#   minutes after many were deleted (scripts/bench-site.sh): without the pause, the second
#   comparison (fallback: true) ran with 9.2 s of system time for our build, and 2.1 s after it.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/bench-common.sh
bench_setup
runs=${RUNS:-5}
pause=${BENCH_PAUSE:-420}
compared=
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(10000)

for count in "${counts[@]}"; do
  corpus=$(bench_corpus "$count")
  # compare-hugo.sh builds $BENCH_DIR/corpus-COUNT: the two-language copy lives in its own BENCH_DIR.
  languages=$root/languages
  copy=$languages/corpus-$count
  if [ ! -f "$copy/hugo.toml" ]; then
    rm -rf "$copy"
    mkdir -p "$languages"
    cp -r "$corpus" "$copy"
    python3 - "$copy" <<'PY'
import hashlib, os, re, sys
root = sys.argv[1]
content = os.path.join(root, "content")
translated = 0
for folder, _, files in os.walk(content):
    articles = sorted(f for f in files if f.endswith(".md") and f != "_index.md")
    for position, name in enumerate(articles):
        if position % 5:
            continue
        text = open(os.path.join(folder, name), encoding="utf-8").read()
        match = re.match(r"---\n(.*?)\n---\n", text, re.S)
        front, body = match.group(1), text[match.end():]
        # The hash `helpcenter new translation` writes: SHA-256 of the body, LF, trailing white space removed.
        digest = hashlib.sha256(body.replace("\r\n", "\n").rstrip().encode()).hexdigest()[:12]
        front = re.sub(r"^title: (.*)$", r"title: FR \1", front, count=1, flags=re.M)
        with open(os.path.join(folder, name[:-3] + ".fr.md"), "w", encoding="utf-8") as out:
            out.write("---\n" + front + "\ntranslation_of: " + digest + "\n---\n" + body)
        translated += 1
toml = open(os.path.join(root, "hugo.toml"), encoding="utf-8").read()
toml = 'defaultContentLanguage = "en"\n' + toml + '\n[languages]\n[languages.en]\nlanguageCode = "en-GB"\nweight = 1\n[languages.fr]\nlanguageCode = "fr-FR"\nweight = 2\n'
open(os.path.join(root, "hugo.toml"), "w", encoding="utf-8").write(toml)
print(f"{translated} articles translated into French")
PY
  fi
  for fallback in false true; do
    if [ -n "$compared" ] && [ "$pause" -gt 0 ]; then
      echo "== waiting $pause s: the last comparison deleted its outputs (BENCH_PAUSE)"
      sleep "$pause"
    fi
    compared=1
    config=$languages/helpcenter-$fallback${BENCH_URLS:+-$BENCH_URLS}.yaml
    printf 'name: Bench\nbase_url: https://help.example.com/\nlanguage: en-GB\n%blanguages:\n  en: { tag: en-GB, name: English }\n  fr: { tag: fr-FR, name: Français, fallback: %s }\n' \
      "${BENCH_URLS:+urls: $BENCH_URLS\n}" "$fallback" >"$config"
    echo "== $count articles, 20 % in French, fallback: $fallback${BENCH_URLS:+, urls: $BENCH_URLS}"
    BENCH_DIR=$languages bash "$shared/bench/compare-hugo.sh" --count "$count" --runs "$runs" -- \
      "$bin" build --quiet --content {content} --templates "$PWD/templates" --config "$config" --output {out}
  done
done
