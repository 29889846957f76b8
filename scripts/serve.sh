#!/usr/bin/env bash
# Builds the release build and serves it on http://127.0.0.1:8080 (service worker active).
# Usage: scripts/serve.sh [port]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-build.sh
. scripts/env.sh
node scripts/build-release.mjs
exec node scripts/serve.mjs dist "${1:-8080}"
