#!/usr/bin/env bash
# Installs what Cloudwright's build and tests need, skipping whatever is already
# present at the right version. Safe to run again: a second run takes seconds.
#
#   scripts/setup.sh          everything (build + browser tests)
#   scripts/setup.sh build    only what the site build needs
set -euo pipefail
cd "$(dirname "$0")/.."

want=${1:-all}
TRUNK_REQ="0.21"
# wasm-bindgen-cli must equal the wasm-bindgen the lockfile resolved, exactly.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/"/, "", $3); print $3; exit}' Cargo.lock 2>/dev/null || true)
WB_VERSION=${WB_VERSION:-0.2.130}

# apt needs root: use sudo where we are not (e.g. a CI runner).
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

# --- Rust toolchain pieces -------------------------------------------------
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for comp in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$comp"; then
    say "adding rustup component $comp"
    rustup component add "$comp"
  fi
done

# --- trunk 0.21 (0.22 needs a newer rustc than this machine has) ------------
if ! trunk --version 2>/dev/null | grep -q "trunk $TRUNK_REQ\."; then
  say "installing trunk ^$TRUNK_REQ (takes ~12 minutes on 2 cores)"
  cargo install trunk --version "^$TRUNK_REQ" --locked
fi

# --- wasm-bindgen-cli equal to the lockfile's wasm-bindgen -----------------
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WB_VERSION\$\| $WB_VERSION "; then
  say "installing wasm-bindgen-cli $WB_VERSION (takes ~6 minutes)"
  # Not --locked: the registry lacks one of its locked dependencies.
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
fi

# --- Node packages: wasm-opt (npm binaryen) and playwright-core --------------
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  say "installing node and npm"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq nodejs npm >/dev/null
fi
if [ ! -x tests/node_modules/.bin/wasm-opt ] || [ ! -d tests/node_modules/playwright-core ] || [ ! -d tests/node_modules/aws-icons ] \
   || [ tests/package-lock.json -nt tests/node_modules/.package-lock.json ]; then
  say "installing npm packages for the build and browser tests"
  (cd tests && npm ci --no-audit --no-fund --loglevel=error)
fi

[ "$want" = build ] && exit 0

# --- Debian chromium + chromium-driver, and nginx for the production-headers test
missing=()
for pkg in chromium chromium-driver nginx-light; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
say "tools ready"
