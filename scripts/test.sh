#!/usr/bin/env bash
# Every test of tier-breakdown, in order of cost: format and lints, native
# unit tests of the core, wasm-bindgen DOM tests in headless Chromium, the
# release build, then the end-to-end tests (Playwright + Debian Chromium).
# Run through `make test`, which first runs scripts/setup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"

step() { printf '\n==> %s\n' "$*"; }

step "the core has no browser crate, on any target (cargo tree)"
if cargo tree --locked -p tier-breakdown-core --target all -e normal,build --prefix none \
  | grep -E '^(leptos|web-sys|wasm-bindgen|js-sys|gloo)'; then
  echo "the core depends on a browser crate" >&2
  exit 1
fi
cargo tree --locked -p tier-breakdown-core --target all -e normal,build --prefix none

step "cargo fmt --check"
cargo fmt --all -- --check

step "clippy (native and wasm32)"
cargo clippy --workspace --all-targets --locked -q -- -D warnings
cargo clippy --all-targets --locked -q --target wasm32-unknown-unknown -p tier-breakdown -p tier-breakdown-example -p tier-breakdown-editor -- -D warnings

step "native tests of the core and the tools (the layering test among them)"
cargo test --workspace --locked -q

step "wasm-bindgen-test DOM tests in headless Chromium"
cargo test --locked --target wasm32-unknown-unknown -p tier-breakdown --test web

step "the example Leptos app: built, and its component test in headless Chromium"
cargo build --locked --target wasm32-unknown-unknown -p tier-breakdown-example
cargo test --locked --target wasm32-unknown-unknown -p tier-breakdown-example --test web

step "release build, offline and with no network at all"
# In a network namespace of its own (no interface but a downed loopback),
# so a build that tried to download a tool would fail here.
if unshare --net true 2>/dev/null; then
  unshare --net trunk build --release --offline
else
  echo "unshare is not permitted here: building offline without network isolation"
  trunk build --release --offline
fi
node scripts/sizes.mjs

step "a debug build with the test hooks (the panic trigger), for the isolation tests"
cargo build --locked -q --target wasm32-unknown-unknown -p tier-breakdown --bin tier-breakdown --features test-hooks
wasm-bindgen --target web --no-typescript --out-dir target/test-hooks --out-name tier-breakdown \
  target/wasm32-unknown-unknown/debug/tier-breakdown.wasm

step "end-to-end tests (Playwright, Chromium)"
node --test --test-concurrency=2 tests/e2e/

step "shared specs in Chromium, Firefox and WebKit (WebDriver)"
node --test --test-concurrency=1 tests/engines/
