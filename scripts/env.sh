# Sourced by the scripts: puts the project's pinned tools first on PATH
# (wasm-opt from npm binaryen must win over any system wasm-opt).
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROME_PATH=/usr/bin/chromium
