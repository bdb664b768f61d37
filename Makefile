# Convenience targets; the scripts in scripts/ do the work and need nothing but bash.
.PHONY: site test conformance bench bench-site bench-check clean

site:
	scripts/build-site.sh

test:
	scripts/test.sh

bench: bench-site

bench-site:
	scripts/bench-site.sh

bench-check:
	bench/check/run.sh

clean:
	rm -rf .build _site
