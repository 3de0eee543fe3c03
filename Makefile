# The two commands of the README. Both install what is missing first.
SHELL := /bin/bash
.PHONY: serve test build setup

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
