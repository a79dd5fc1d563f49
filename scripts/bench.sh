#!/usr/bin/env bash
# Every benchmark, one after another: the core's criterion benches, the release
# site's bundle-size report and the browser benchmarks. Figures, not pass/fail:
# copy them into BENCHMARKS.md with the machine they came from.
#
#   scripts/bench.sh            everything (about 15 minutes on 2 cores)
#   scripts/bench.sh quick      criterion's quick mode and the browser at 200 and 1,000 components
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/tests/node_modules/.bin:$HOME/.cargo/bin:$PATH"

echo "== core benchmarks (criterion)"
if [[ "${1:-}" == quick ]]; then
  cargo bench -p cloudwright-core --bench analyses -- --quick
else
  cargo bench -p cloudwright-core --bench analyses
fi

echo "== release site and bundle size"
trunk build --release
node tests/bundle-size.mjs dist || true

echo "== browser benchmarks"
cargo build -q --release -p cloudwright-cli
if [[ "${1:-}" == quick ]]; then
  node tests/perf.mjs 200 1000
else
  node tests/perf.mjs
fi

echo "== where a drag's and a pan's time goes"
if [[ "${1:-}" == quick ]]; then
  node tests/trace-drag.mjs 1000
else
  node tests/trace-drag.mjs 5000
  node tests/trace-drag.mjs 5000 --pan
fi

echo "== where a first load's and a reload's time goes"
node tests/trace-load.mjs 200 --runs 1
node tests/trace-load.mjs 200 --runs 1 --reload
