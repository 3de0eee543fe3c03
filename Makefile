# The two commands of the README. Both install what is missing first.
SHELL := /bin/bash
.PHONY: serve test build setup bench release

setup:
	@scripts/setup.sh

# Serves the widget on the built-in data at http://127.0.0.1:8080
serve: setup
	PATH="$(CURDIR)/node_modules/.bin:$$HOME/.cargo/bin:$$PATH" trunk serve --offline

# Runs every test: fmt, clippy, native, wasm DOM, release build, end to end.
test: setup
	@scripts/test.sh

build: setup
	PATH="$(CURDIR)/node_modules/.bin:$$HOME/.cargo/bin:$$PATH" trunk build --release --offline

# Measures the release build against a vanilla floor, Vega-Lite and Plot (not part of `make test`).
bench: build
	node bench/run.mjs

# What a newsroom hosts: release/tier-breakdown-X.Y.Z/ (an npm package), its
# .tgz and SHA256SUMS, from one release build (scripts/release.mjs).
release: build
	node scripts/release.mjs
