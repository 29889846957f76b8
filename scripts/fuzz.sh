#!/usr/bin/env bash
# Fuzzes the plan-file importer (issue 7) for FUZZ_SECONDS (default 60) with the generator of
# tests/exchange_fuzz.rs: broken files from real exports through parse, preview, merge, storage
# and export. Prints a Markdown table and writes it to bench-results/fuzz.md. A file that panics
# is kept in tests/fixtures/fuzz-crashers/ (commit it with the fix: cargo test runs them all),
# and the script then exits with status 1. FUZZ_SEED=n repeats a run.
set -euo pipefail
cd "$(dirname "$0")/.."
export FUZZ_SECONDS="${FUZZ_SECONDS:-60}"
mkdir -p bench-results
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
status=0
cargo run --quiet --profile fuzz --example fuzz_import >"$out" || status=$?
{
  echo "# Import fuzzing"
  echo
  echo "\`scripts/fuzz.sh\`, FUZZ_SECONDS=$FUZZ_SECONDS, $(date -u +%Y-%m-%d), build $(git rev-parse --short HEAD 2>/dev/null || echo unknown)."
  echo
  cat "$out"
} >bench-results/fuzz.md
cat "$out"
exit "$status"
