#!/usr/bin/env bash
# Renders the PNG icons from the SVG sources with headless Chromium. Run by hand after changing
# an icon; the PNGs are committed so the build needs no image tools.
set -euo pipefail
cd "$(dirname "$0")/.."
out=public/icons
render() { # svg size png [background]
  local tmp; tmp=$(mktemp -d)
  printf '<html><body style="margin:0;background:%s"><img src="file://%s" width="%s" height="%s"></body></html>' \
    "${4:-transparent}" "$PWD/$1" "$2" "$2" > "$tmp/page.html"
  chromium --headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$tmp/profile" --hide-scrollbars \
    --default-background-color=00000000 --window-size="$2,$2" --screenshot="$PWD/$3" "file://$tmp/page.html" >/dev/null 2>&1
  rm -rf "$tmp"
}
render public/icons/icon.svg 192 $out/icon-192.png
render public/icons/icon.svg 512 $out/icon-512.png
render scripts/icons/maskable.svg 512 $out/icon-maskable-512.png
render scripts/icons/maskable.svg 180 $out/apple-touch-icon.png
ls -l $out
