#!/usr/bin/env bash
# Installs what Waymark's build and tests need, skipping whatever is already there at the
# right version, so a second run takes seconds. Needs only rustup/cargo, node/npm and apt.
# Facts behind each step: ../shared/TOOLCHAIN.md (exact versions that work on this machine).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

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
if [ -z "$wb_version" ]; then
  echo "setup: Cargo.lock names no wasm-bindgen version" >&2
  exit 1
fi
if ! grep -q "wasm_bindgen = \"$wb_version\"" Trunk.toml; then
  echo "setup: Trunk.toml [tools] wasm_bindgen must be \"$wb_version\" to match Cargo.lock" >&2
  exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q " $wb_version\$" ||
  ! wasm-bindgen-test-runner --version 2>/dev/null | grep -q " $wb_version\$"; then
  say "installing wasm-bindgen-cli $wb_version (about 3 minutes)"
  cargo install wasm-bindgen-cli --version "$wb_version" --force
fi

# 4. Debian's Chromium and ChromeDriver for the browser and end-to-end tests.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing chromium and chromium-driver"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# 5. Node tooling (wasm-opt from npm binaryen, playwright-core, lighthouse), exactly as locked.
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.waymark-lock; then
  say "installing node packages"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.waymark-lock
fi

say "ready"
