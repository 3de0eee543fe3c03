#!/usr/bin/env bash
# Installs whatever tier-breakdown needs that is missing, and skips what is
# there: the wasm target, Trunk 0.21.14, wasm-bindgen-cli at the version in
# Cargo.lock, Debian's Chromium and chromedriver, and the npm packages
# (binaryen's wasm-opt 132, playwright-core, selenium-webdriver, axe, ajv),
# Firefox ESR + geckodriver and WebKitGTK's driver + Xvfb. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '[setup] %s\n' "$*"; }

TRUNK_VERSION=0.21.14
BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 6 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $BINDGEN_VERSION (about 3 minutes)"
  # Not --locked: its lockfile pins a crate version missing from crates.io.
  cargo install wasm-bindgen-cli --version "$BINDGEN_VERSION"
fi

# Browsers from Debian: Chromium + chromedriver, Firefox ESR, WebKitGTK's
# WebDriver (it drives MiniBrowser) and the X server it needs.
missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
[ -x /usr/bin/chromedriver ] || missing="$missing chromium-driver"
[ -x /usr/bin/firefox-esr ] || missing="$missing firefox-esr"
command -v WebKitWebDriver >/dev/null || missing="$missing webkit2gtk-driver"
command -v Xvfb >/dev/null || missing="$missing xvfb"
command -v xauth >/dev/null || missing="$missing xauth"
# The PNG image (the native tool's --png, and its snapshot test) draws text in DejaVu Sans.
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$missing fonts-dejavu-core"
if [ -n "$missing" ]; then
  say "installing from Debian:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  # shellcheck disable=SC2086
  apt-get install -y -q --no-install-recommends $missing
fi

if ! geckodriver --version 2>/dev/null | grep -q "^geckodriver 0.37"; then
  say "installing geckodriver from crates.io (about 1.5 minutes)"
  cargo install geckodriver --version 0.37.1 --locked
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/selenium-webdriver ] \
  || [ ! -d node_modules/esbuild ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi

# Trunk builds offline: have every crate (native and wasm) in cargo's cache.
cargo fetch --locked --target wasm32-unknown-unknown -q
cargo fetch --locked -q
say "ready: trunk $(trunk --version | cut -d' ' -f2), wasm-bindgen $BINDGEN_VERSION, $(wasm-opt --version | cut -d' ' -f3-)"
say "browsers: $(/usr/bin/chromium --version 2>/dev/null); $(firefox-esr --version 2>/dev/null); WebKitGTK $(dpkg-query -W -f='${Version}' libwebkit2gtk-4.1-0 2>/dev/null || echo '?')"
