#!/usr/bin/env bash
# Runs every test, in order, stopping at the first failure:
#   format → lints → native tests (core, cli, app logic) → release site build
#   (wasm-opt applied) → bundle-size report → browser end-to-end tests
# and ends with one summary line of counts.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD

scripts/setup.sh || { echo "summary: 0 passed, 1 failed (set-up)"; exit 1; }
export PATH="$root/tests/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}

log=$(mktemp -d)/test.log
: >"$log"
passed=0
failed=0
step_no=0

count() {
  # cargo test: "test result: ok. 12 passed; 0 failed; ..."; node --test: "# pass 5" / "# fail 0".
  local p f
  p=$(grep -aoE '(test result: [a-zA-Z]+\. [0-9]+ passed|^# pass [0-9]+)' "$1" | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}')
  f=$(grep -aoE '(; [0-9]+ failed|^# fail [0-9]+)' "$1" | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}')
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
}

step() {
  local name=$1
  shift
  step_no=$((step_no + 1))
  printf '\n\033[1m== %d. %s\033[0m\n' "$step_no" "$name"
  local out start
  out=$(mktemp)
  start=$(date +%s)
  "$@" 2>&1 | tee "$out"
  local status=${PIPESTATUS[0]}
  count "$out"
  cat "$out" >>"$log"
  printf '   (%s: %ss)\n' "$name" "$(( $(date +%s) - start ))"
  if [ "$status" -ne 0 ]; then
    [ "$failed" -eq 0 ] && failed=1
    printf '\n%s failed.\n' "$name"
    echo "summary: $passed passed, $failed failed"
    exit 1
  fi
}

step "cargo fmt --check" cargo fmt --all --check
step "cargo clippy" cargo clippy --workspace --all-targets --locked -- -D warnings
step "native tests (core, cli, app logic)" cargo test --workspace --locked
step "release site build (trunk + wasm-opt)" trunk build --release
# The budget is set in tests/bundle-size.mjs, the one place it is written.
step "bundle-size report" node tests/bundle-size.mjs dist
step "browser end-to-end tests (headless Chromium, static server)" node --test --test-concurrency=1 tests/e2e/ tests/tools/
step "production headers: browser tests against nginx (deploy/headers.json)" node tests/nginx.mjs

echo
echo "summary: $passed passed, $failed failed"
