// Spike (issue #14, bench-results/size-breakdown.md): the release build with the wasm cut by
// route. Every screen but Today and Welcome is a split point (`--features split`, ui/lazy_screens.rs);
// wasm-split-cli moves each screen's code into chunks fetched on first visit. Trunk cannot run
// this (its hooks run before cargo or after wasm-bindgen), so this script does the Rust steps
// itself and borrows everything else from a normal `trunk build --release`:
//   1. cargo: the release wasm with relocations (`--emit-relocs`, only on the final link);
//   2. wasm-split-cli: main module + chunks + `__wasm_split.js` (the chunk loader);
//   3. wasm-bindgen 0.2.130 on the main module, keeping the function table export the loader
//      hands to the chunks (`--keep-lld-exports`);
//   4. wasm-opt -Oz on the main module (the pinned CLI, as trunk does) and on every chunk
//      (binaryen's JS API in this process: one start instead of hundreds);
//   5. dist-split/: dist/ with our own loader script instead of trunk's, then
//      scripts/post-build.mjs for the CSP hashes, the service worker's precache list and the
//      precompressed siblings.
// Usage: trunk build --release && node scripts/build-split.mjs   (needs wasm-split-cli 0.2.4:
// cargo install wasm_split_cli_support --locked --features build-binary)
// Serve: node scripts/serve.mjs dist-split 8080. Test: WAYMARK_DIST=dist-split node --test …
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import binaryen from "binaryen";

const root = resolve(import.meta.dirname, "..");
const target = process.env.CARGO_TARGET_DIR ?? join(root, "target");
const dist = join(root, "dist");
const out = join(root, "dist-split");
const work = join(target, "wasm-split");
const run = (cmd, args, env = {}) =>
  execFileSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });

run("cargo", [
  "rustc", "--release", "--target", "wasm32-unknown-unknown", "--bin", "waymark", "--features", "split",
  "--", "-Clink-args=--emit-relocs",
]);
rmSync(work, { recursive: true, force: true });
const split = join(work, "split");
const bound = join(work, "bound");
run("wasm-split-cli", [
  join(target, "wasm32-unknown-unknown/release/waymark.wasm"), split, "--target", "web", "--out-name", "waymark",
]);
run("wasm-bindgen", [
  "--target", "web", "--no-typescript", "--keep-lld-exports", "--out-name", "waymark", "--out-dir", bound,
  join(split, "waymark.wasm"),
]);

rmSync(out, { recursive: true, force: true });
mkdirSync(out);
// Without trunk's wasm and JS, the filled-in sw.js and the precompressed siblings (in folders
// too), which post-build.mjs writes again for this build.
for (const f of readdirSync(dist)) {
  if (/^waymark-.*\.(js|wasm)$/.test(f) || f === "sw.js") continue;
  cpSync(join(dist, f), join(out, f), { recursive: true, filter: (path) => !/\.(br|gz)$/.test(path) });
}
cpSync(join(root, "public/sw.js"), join(out, "sw.js"));
run("wasm-opt", ["-Oz", join(bound, "waymark_bg.wasm"), "-o", join(out, "waymark_bg.wasm")]);
cpSync(join(bound, "waymark.js"), join(out, "waymark.js"));
cpSync(join(split, "__wasm_split.js"), join(out, "__wasm_split.js"));
binaryen.setOptimizeLevel(2);
binaryen.setShrinkLevel(2);
let chunks = 0;
for (const f of readdirSync(split).filter((f) => f.endsWith(".wasm") && f !== "waymark.wasm")) {
  const module = binaryen.readBinary(readFileSync(join(split, f)));
  module.optimize();
  writeFileSync(join(out, f), module.emitBinary());
  module.dispose();
  chunks++;
}

// trunk's loader, its preload hints and the filled-in CSP give way to ours; post-build.mjs
// fills the CSP again with the new loader's hash.
let index = readFileSync(join(out, "index.html"), "utf8");
index = index
  .replace(/(<meta http-equiv="Content-Security-Policy" content=")[^"]*"/, '$1__CSP__"')
  .replace(/<link rel="(modulepreload|preload)"[^>]*>\n?/g, "");
const loaders = index.match(/<script type="module">[\s\S]*?<\/script>/g) ?? [];
if (loaders.length !== 1) throw new Error(`expected trunk's one module loader in dist/index.html, found ${loaders.length}`);
index = index
  .replace(loaders[0], `<script type="module">
import init from '/waymark.js';
const wasm = await init({ module_or_path: '/waymark_bg.wasm' });
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));
</script>`)
  .replace(
    "</head>",
    '<link rel="modulepreload" href="/waymark.js"><link rel="preload" href="/waymark_bg.wasm" as="fetch" type="application/wasm" crossorigin="anonymous">\n</head>',
  );
writeFileSync(join(out, "index.html"), index);
run("node", [join(root, "scripts/post-build.mjs")], { TRUNK_STAGING_DIR: out });
console.log(`build-split: dist-split/ has the main module and ${chunks} chunks`);
