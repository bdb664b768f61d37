# Convenience targets; the scripts in scripts/ do the work and need nothing but bash.
PREFIX ?= $(HOME)/.local
.PHONY: site test format format-check install conformance bench bench-site bench-check bench-serve clean check-pages screenshots e2e-serve fuzz

site:
	scripts/build-site.sh

test:
	scripts/test.sh

# swift format with .swift-format (README: Formatting): reformat in place, or only check (as CI does).
format:
	scripts/format.sh

format-check:
	scripts/format.sh --check

# Copies the release binary to $(PREFIX)/bin (default ~/.local/bin), compiling it first if needed.
install:
	PREFIX="$(PREFIX)" scripts/install.sh

bench: bench-site

bench-site:
	scripts/bench-site.sh

bench-check:
	bench/check/run.sh

clean:
	rm -rf .build _site

check-pages:
	scripts/check-pages.sh

screenshots:
	scripts/screenshots.sh

e2e-serve:
	scripts/e2e-serve.sh

bench-serve:
	bench/serve/run.sh

# libFuzzer targets (docs/fuzzing.md): `make fuzz`, or `make fuzz FUZZ_SECONDS=600 FUZZ_TARGETS=markdown`.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?=
fuzz:
	scripts/fuzz.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)
