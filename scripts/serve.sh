#!/usr/bin/env bash
# Builds the release site and serves it at http://127.0.0.1:8080 with a plain
# static file server, exactly as it is tested. PORT=9000 scripts/serve.sh for another port.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
export PATH="$PWD/tests/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release
exec node tests/serve.mjs dist "${PORT:-8080}"
