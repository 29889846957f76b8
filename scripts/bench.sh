#!/usr/bin/env bash
# Waymark's performance benchmark (issue 6): builds the release app, writes the seeded plan file,
# then measures the app and a vanilla-JS baseline in one Chromium run. Prints a Markdown table and
# writes it to bench-results/latest.md (raw numbers in bench-results/latest.json).
# Takes about 10 minutes on 2 cores once set up (the first build and seed compile take longer).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
. scripts/env.sh
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target/bench}"
say() { printf '\033[1mbench:\033[0m %s\n' "$*" >&2; }

say "building the release app into dist-bench/"
node scripts/build-release.mjs --dist dist-bench

# The seed generator runs natively; its output does not depend on optimisation, so it is built
# without LTO to keep the compile short (the app above keeps the real release profile).
say "writing the seeded plan file (20 goals, 200 actions, 5,000 measurements, 10,000 reflections)"
seed="$CARGO_TARGET_DIR/seeded.waymark.json"
CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_OPT_LEVEL=2 \
  cargo run --quiet --release --example seed_plan -- "$seed" >"$seed.info.json"
cat "$seed.info.json" >&2

say "measuring (about 5-8 minutes)"
node scripts/bench/run.mjs --dist dist-bench --seed "$seed" --seed-info "$seed.info.json" --out bench-results/latest.md
