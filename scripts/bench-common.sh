# Shared by the benchmark scripts (sourced from the repository root, after `set -euo pipefail`):
# the release program, the generated corpora and a configuration of the benchmarks' own.
#   bench_setup              sets shared (../shared or $HELPCENTER_SHARED), bin ($HELPCENTER_BIN,
#                            or a release build of helpcenter), root ($BENCH_DIR or
#                            /tmp/helpcenter-bench) and bench_config (a one-language
#                            helpcenter.yaml under $root)
#   bench_corpus COUNT       prints the folder of the COUNT-article corpus, made once (needs
#                            shared and root)
#   bench_write_config       writes bench_config's file under $root and prints its path
#                            (BENCH_URLS=files: the files layout, as Hugo's side writes pages)

bench_setup() {
  shared=${HELPCENTER_SHARED:-../shared}
  [ -f "$shared/bench/make-corpus.py" ] || { echo "bench: $shared/bench not found (set HELPCENTER_SHARED)" >&2; exit 2; }
  bin=${HELPCENTER_BIN:-}
  if [ -z "$bin" ]; then
    swift build -c release --product helpcenter >/dev/null
    bin=$PWD/.build/release/helpcenter
  fi
  root=${BENCH_DIR:-/tmp/helpcenter-bench}
  mkdir -p "$root"
  # Run from the project, a build takes its helpcenter.yaml, which publishes French too (every
  # page twice): the benchmarks build with a configuration of their own, in one language, with an
  # absolute base_url (so that sitemap and canonical links are written, as on a real site).
  bench_config=$(bench_write_config)
}

# Writes the benchmarks' configuration under $root and prints its path (also used by bench-ab.py).
# BENCH_URLS=files writes article pages as collection/article.html (`urls: files`), the layout
# of the Hugo side's uglyURLs, into helpcenter-bench-files.yaml.
bench_write_config() {
  local file=$root/helpcenter-bench.yaml
  printf 'name: Bench\nbase_url: https://help.example.com/\nlanguage: en-GB\n' >"$file"
  if [ -n "${BENCH_URLS:-}" ]; then
    # A file of its own, so that binaries from before `urls:` still read the default one.
    file=$root/helpcenter-bench-${BENCH_URLS}.yaml
    printf 'name: Bench\nbase_url: https://help.example.com/\nlanguage: en-GB\nurls: %s\n' "$BENCH_URLS" >"$file"
  fi
  echo "$file"
}

bench_corpus() {
  local corpus=$root/corpus-$1
  [ -f "$corpus/hugo.toml" ] || python3 "$shared/bench/make-corpus.py" --count "$1" --out "$corpus" --force >/dev/null
  echo "$corpus"
}
