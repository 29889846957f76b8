#!/usr/bin/env bash
# Runs every test layer, installing what is missing first:
#   1. formatting and lints (native and wasm32),
#   2. native `cargo test`: the coaching core, file format, merge, store semantics, and no
#      file circles in core, store and exchange (tests/module_graph.rs),
#   3. wasm-bindgen-test in headless Chromium: real IndexedDB, localStorage, WebCrypto,
#   4. end-to-end Playwright tests against the release build at 390x844 with touch (axe-core
#      on every screen among them),
#   5. the phone journeys in the other engines: WebKit (WebKitGTK) and Firefox ESR.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
. scripts/env.sh

step() { printf '\n\033[1m== %s\033[0m (%s)\n' "$*" "$(date +%T)"; }

step "format"
cargo fmt --check

# The two release builds spend minutes in one single-threaded LTO link each, so they run beside
# the lints and the Rust tests, which keep the other core busy (on 2 cores: 47 min in all
# before, 44 with it).
# Their own session, so a failing step can stop them with everything they started.
mkdir -p target
release_log=target/release-builds.log
setsid bash -c 'node scripts/build-release.mjs &&
  node scripts/build-release.mjs --features next-schema --dist dist-next' >"$release_log" 2>&1 &
release_builds=$!
trap 'kill -- -"$release_builds" 2>/dev/null || true' EXIT

step "lints"
# The benchmark and tool scripts run outside CI; at least they must parse.
for f in scripts/*.mjs scripts/bench/*.mjs; do node --check "$f"; done
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
# The release build's screens as split points (src/ui/lazy_screens.rs), which only it compiles.
cargo clippy --target wasm32-unknown-unknown --features split -- -D warnings

step "native tests"
cargo test

step "browser tests (headless Chromium)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=180 \
  cargo test --target wasm32-unknown-unknown --test browser

step "release builds: the wasm cut by route, and one database schema ahead (for tests/e2e/update.test.mjs)"
if ! wait "$release_builds"; then
  cat "$release_log"
  exit 1
fi
grep -E "^build-release:" "$release_log"

step "end-to-end tests (release build, Chromium at 390x844)"
# A hung test fails after 8 minutes instead of holding CI (the longest, 200 interrupted saves, takes ~3).
node --test --test-concurrency=1 --test-timeout=480000 tests/e2e/

step "other engines: the phone journeys in WebKit and Firefox (release build)"
# A hung journey fails after 5 minutes; both engines together take one to four.
node --test --test-concurrency=1 --test-timeout=300000 tests/engines/

step "every layer passed"
