#!/usr/bin/env bash
# Installs what Waymark's build and every test layer need, skipping whatever is already there
# at the right version, so a second run takes seconds. Needs only rustup/cargo, node 20+/npm
# and apt (Debian 12). Building alone needs less: scripts/setup-build.sh (run first here).
# Facts behind each step: ../shared/TOOLCHAIN.md (exact versions that work on this machine).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-build.sh

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
fail() {
  printf '\033[1msetup:\033[0m %s\n' "$*" >&2
  exit 1
}
export PATH="$HOME/.cargo/bin:$PATH"

# 5. The lint step's components.
for component in rustfmt clippy; do
  rustup component list --installed | grep -q "^$component" ||
    fail "the rustup component $component is missing (scripts/test.sh runs cargo fmt and cargo clippy). Add it with: rustup component add $component"
done

# 6. Browsers from Debian, no downloads: Chromium and ChromeDriver (browser and end-to-end
#    tests); WebKitGTK's MiniBrowser with WebKitWebDriver under Xvfb, and Firefox ESR (the
#    other engines' suite, tests/engines/).
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
[ -x /usr/bin/WebKitWebDriver ] || missing+=(webkit2gtk-driver)
command -v xvfb-run >/dev/null || missing+=(xvfb)
[ -x /usr/lib/firefox-esr/firefox-esr ] || missing+=(firefox-esr)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# 7. Node tooling for the tests (playwright-core, puppeteer-core, axe-core, Lighthouse), exactly
#    as locked, with wasm-opt.
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.waymark-lock; then
  say "installing node packages"
  npm ci --no-audit --no-fund --loglevel=error
  rm -f node_modules/.waymark-lock-build
  cp package-lock.json node_modules/.waymark-lock
fi

say "ready"
