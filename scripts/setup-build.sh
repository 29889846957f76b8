#!/usr/bin/env bash
# Installs what building and serving Waymark need, and nothing the tests alone use (browsers,
# Playwright, Lighthouse): the wasm32 target, trunk, wasm-bindgen-cli, wasm-split-cli and
# wasm-opt (npm binaryen). scripts/serve.sh runs this; scripts/setup.sh runs it and adds the test tools.
# Skips whatever is already there at the right version, so a second run takes seconds.
# Facts behind each step: ../shared/TOOLCHAIN.md (exact versions that work on this machine).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
fail() {
  printf '\033[1msetup:\033[0m %s\n' "$*" >&2
  exit 1
}
export PATH="$HOME/.cargo/bin:$PATH"

# 0. What this script cannot install itself.
command -v rustup >/dev/null || fail "rustup is missing. Install it from https://rustup.rs (curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh), then run this again."
command -v node >/dev/null || fail "node is missing. Waymark's tooling needs node 20 or newer (Debian 12's own nodejs is 18): install it from https://nodejs.org or NodeSource, then run this again."
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || fail "node $(node --version) is too old: the tests use node --test options that need node 20 or newer (Debian 12's own nodejs is 18). Install node 20+ from https://nodejs.org or NodeSource, then run this again."

# 1. The WebAssembly target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. trunk 0.21 (0.22 needs a newer rustc than this machine has).
if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
  say "installing trunk 0.21 (about 6 minutes on 2 cores)"
  cargo install trunk --version '^0.21' --locked
fi

# 3. wasm-bindgen CLI exactly at the version in Cargo.lock (without --locked: see TOOLCHAIN.md).
wb_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$wb_version" ] || fail "Cargo.lock names no wasm-bindgen version"
grep -q "wasm_bindgen = \"$wb_version\"" Trunk.toml ||
  fail "Trunk.toml [tools] wasm_bindgen must be \"$wb_version\" to match Cargo.lock"
if ! wasm-bindgen --version 2>/dev/null | grep -q " $wb_version\$" ||
  ! wasm-bindgen-test-runner --version 2>/dev/null | grep -q " $wb_version\$"; then
  say "installing wasm-bindgen-cli $wb_version (about 3 minutes)"
  cargo install wasm-bindgen-cli --version "$wb_version" --force
fi

# 4. wasm-split-cli, which cuts the release wasm by route (scripts/build-release.mjs). 0.2.4 is
#    the version whose loader and section format match wasm_split_helpers 0.2.3 in Cargo.lock.
#    The binary has no --version, so cargo's own list of what it installed answers.
if ! command -v wasm-split-cli >/dev/null || ! cargo install --list | grep -qx 'wasm_split_cli_support v0\.2\.4:'; then
  say "installing wasm-split-cli 0.2.4 (about 5 minutes)"
  cargo install wasm_split_cli_support --version 0.2.4 --locked --features build-binary --force
fi

# 5. Node packages. The build needs only wasm-opt (npm binaryen, a "dependency"); the test
#    tools are "devDependencies". A full install (scripts/setup.sh) also satisfies this one.
if ! cmp -s package-lock.json node_modules/.waymark-lock && ! cmp -s package-lock.json node_modules/.waymark-lock-build; then
  say "installing the node packages the build needs"
  npm ci --omit=dev --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.waymark-lock-build
fi
