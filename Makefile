# The two commands a new user needs: `make serve` and `make test`.
.PHONY: serve test setup dev bench clean

## Build the release site and serve it at http://127.0.0.1:8080
serve:
	scripts/serve.sh

## Run every test: fmt, clippy, native tests, release build, bundle size, browser tests
test:
	scripts/test.sh

## Install the tools only (the two commands above do this themselves)
setup:
	scripts/setup.sh

## Rebuild on every change, served by trunk (for development)
dev:
	scripts/setup.sh build
	PATH="$(CURDIR)/tests/node_modules/.bin:$$HOME/.cargo/bin:$$PATH" trunk serve

## Run every benchmark (criterion, bundle size, browser); see BENCHMARKS.md
bench:
	scripts/bench.sh

clean:
	rm -rf dist target tests/node_modules
