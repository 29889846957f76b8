// The release build: the app with its wasm cut by route (issue #14, bench-results/size-breakdown.md).
// A first visit fetches the shell, Today and Welcome; each group of screens (src/ui/lazy_screens.rs)
// comes on its first visit, and the service worker's install stores them all for offline use.
// Trunk cannot split (its hooks run before cargo or after wasm-bindgen, trunk#1022), so this
// script runs `trunk build --release` for everything but the wasm, then does the Rust steps itself:
//   1. cargo: the release wasm with the `split` feature and relocations (`--emit-relocs`, on the
//      final link only, so .cargo/config.toml's rustflags stay and no dependency rebuilds);
//   2. wasm-split-cli: the main module, one module per screen group, the chunks those groups
//      share, and `__wasm_split.js` (the loader the main module calls to fetch a group);
//   3. wasm-bindgen (the version in Cargo.lock) on the main module, keeping the function table
//      export the loader hands to the chunks (`--keep-lld-exports`);
//   4. wasm-opt -Oz on the main module (the pinned CLI, as trunk does) and on every other module
//      (binaryen's JS API in this process: one start instead of one per file);
//   5. content-hashed names, so a static host may cache every wasm and JS file for a year;
//   6. the out folder: trunk's files with our loader instead of trunk's, then
//      scripts/post-build.mjs for the CSP hashes, the service worker's precache list and the
//      precompressed siblings.
// Usage: node scripts/build-release.mjs [--dist DIR] [--features F] [--names]   (after
// `. scripts/env.sh`; scripts/setup-build.sh installs wasm-split-cli). Default DIR: dist.
// --names keeps the functions' names (wasm-opt -g), so a DevTools profile of the build says
// which Rust function the time went to; never for a build that is measured for size.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import binaryen from "binaryen";

const { values: args } = parseArgs({
  options: { dist: { type: "string", default: "dist" }, features: { type: "string" }, names: { type: "boolean" } },
});
const root = resolve(import.meta.dirname, "..");
const target = process.env.CARGO_TARGET_DIR ?? join(root, "target");
const out = resolve(root, args.dist);
const work = join(target, "wasm-split", args.features ?? "default");
const run = (cmd, argv) => execFileSync(cmd, argv, { cwd: root, stdio: "inherit" });

// Trunk builds the CSS, the copied assets and index.html, from a copy of index.html whose Rust
// link is an empty module script (our loader takes its place below). Otherwise trunk would
// compile and link the whole app once more, unsplit, for a wasm this build throws away. The copy
// sits in the work folder, where no Cargo.toml is, so trunk builds no Rust at all; its links
// point back at the project's files.
const page = readFileSync(join(root, "index.html"), "utf8");
const rustLink = /<link data-trunk rel="rust"[^>]*\/>/g;
if (page.match(rustLink)?.length !== 1) throw new Error("expected one <link data-trunk rel=\"rust\"> in index.html");
mkdirSync(work, { recursive: true });
writeFileSync(
  join(work, "index.html"),
  page
    .replace(rustLink, '<script type="module"></script>')
    .replace(/(<link data-trunk rel="[^"]+" href=")([^"]+)"/g, (_, link, href) => `${link}${relative(work, join(root, href))}"`),
);
const trunkDist = join(work, "trunk");
run("trunk", ["build", "--release", "--dist", trunkDist, join(work, "index.html")]);
run("cargo", [
  "rustc", "--release", "--target", "wasm32-unknown-unknown", "--bin", "waymark",
  "--features", ["split", args.features].filter(Boolean).join(","),
  "--", "-Clink-args=--emit-relocs",
]);
const split = join(work, "split");
const bound = join(work, "bound");
rmSync(split, { recursive: true, force: true });
rmSync(bound, { recursive: true, force: true });
run("wasm-split-cli", [
  join(target, "wasm32-unknown-unknown/release/waymark.wasm"), split, "--target", "web", "--out-name", "waymark",
]);
run("wasm-bindgen", [
  "--target", "web", "--no-typescript", "--keep-lld-exports", "--out-name", "waymark", "--out-dir", bound,
  join(split, "waymark.wasm"),
]);

const staged = join(work, "staged");
rmSync(staged, { recursive: true, force: true });
mkdirSync(staged);
// Trunk's files without its filled-in sw.js and the precompressed siblings: post-build.mjs
// writes those again for this build.
for (const f of readdirSync(trunkDist)) {
  if (f === "sw.js") continue;
  cpSync(join(trunkDist, f), join(staged, f), { recursive: true, filter: (path) => !/\.(br|gz)$/.test(path) });
}
cpSync(join(root, "public/sw.js"), join(staged, "sw.js"));

const hashOf = (...parts) => {
  const h = createHash("sha256");
  for (const p of parts) h.update(p);
  return h.digest("hex").slice(0, 16);
};

// Every module but the main one, optimized and named by its content.
binaryen.setOptimizeLevel(2);
binaryen.setShrinkLevel(2);
binaryen.setDebugInfo(Boolean(args.names));
// The loader logs every failed load as an error; the app says on the screen when a group
// could not be fetched (and logs it), and a load cut short by leaving the page is no error.
let splitJs = readFileSync(join(split, "__wasm_split.js"), "utf8");
if (splitJs.split("console.error(e);").length !== 2) throw new Error("expected one console.error in __wasm_split.js");
splitJs = splitJs.replace("console.error(e);", "");
let modules = 0;
for (const f of readdirSync(split).filter((f) => f.endsWith(".wasm") && f !== "waymark.wasm")) {
  const module = binaryen.readBinary(readFileSync(join(split, f)));
  module.optimize();
  const bytes = module.emitBinary();
  module.dispose();
  const name = f.replace(/\.wasm$/, `-${hashOf(bytes)}.wasm`);
  writeFileSync(join(staged, name), bytes);
  const reference = `"./${f}"`;
  if (!splitJs.includes(reference)) throw new Error(`__wasm_split.js does not load ${f}`);
  splitJs = splitJs.replaceAll(reference, `"./${name}"`);
  modules++;
}

// Each module is compiled as its bytes arrive and instantiated once its chunks are there, and
// the module that opens the device's plans (src/ui/state/opening.rs) can be started early:
// index.html starts it, with its chunks, beside the main module on a device that has plans, so
// their fetching and compiling overlaps the main module's start instead of following it.
const fetcher = /const src = fetch\(new URL\(("\.\/[^"]+\.wasm"), import\.meta\.url\)\);\s*src\.catch\(\(\) => \{\}\);\s*return async \(imports\) => \(WebAssembly\.instantiateStreaming\(src, imports\)\);/g;
const fetchers = splitJs.match(fetcher)?.length ?? 0;
if (fetchers !== modules) throw new Error(`expected ${modules} module fetches in __wasm_split.js, found ${fetchers}`);
splitJs = splitJs.replace(fetcher, (_, url) => `const compiled = compiling(${url});
    return async (imports) => WebAssembly.instantiate(await compiled, imports);`);
const chunkUrls = new Map([...splitJs.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const compiled = compiling\(("[^"]+")\)/g)].map((m) => [m[1], m[2]]));
const session = splitJs.match(/export const __wasm_split_load_session = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const compiled = compiling\(("[^"]+")\);[\s\S]*?\n, \[([^\]]*)\]\)\);/);
if (!session) throw new Error("expected the session module's loader in __wasm_split.js");
const sessionUrls = [session[1], ...session[2].split(",").map((c) => c.trim()).filter(Boolean).map((c) => {
  if (!chunkUrls.has(c)) throw new Error(`no file for ${c} in __wasm_split.js`);
  return chunkUrls.get(c);
})];
splitJs = splitJs.replace("\nlet sharedImports = undefined;", `
// Compiling begun before the app asked for the module (prefetchSession); taken once, so a
// failed fetch is tried afresh the next time.
const early = new Map();
function compiling(path) {
    const url = new URL(path, import.meta.url).href;
    const compiled = early.get(url) ?? WebAssembly.compileStreaming(fetch(url));
    early.delete(url);
    compiled.catch(() => {});
    return compiled;
}
export function prefetchSession() {
    for (const path of [${sessionUrls.join(", ")}]) {
        const url = new URL(path, import.meta.url).href;
        if (early.has(url)) continue;
        const compiled = WebAssembly.compileStreaming(fetch(url));
        compiled.catch(() => {});
        early.set(url, compiled);
    }
}
let sharedImports = undefined;`);
if (!splitJs.includes("export function prefetchSession()")) throw new Error("expected `let sharedImports` in __wasm_split.js");

// The main module, its bindings and the loader import each other, so one hash of all three
// names them together.
run("wasm-opt", ["-Oz", ...(args.names ? ["-g"] : []), join(bound, "waymark_bg.wasm"), "-o", join(work, "waymark_bg.wasm")]);
const mainWasm = readFileSync(join(work, "waymark_bg.wasm"));
let bindings = readFileSync(join(bound, "waymark.js"), "utf8");
const id = hashOf(mainWasm, bindings, splitJs);
const names = { bindings: `waymark-${id}.js`, wasm: `waymark-${id}_bg.wasm`, loader: `wasm_split-${id}.js` };
// Only the import statements: the main module names its imports "./__wasm_split.js" too.
for (const [text, from] of [[bindings, 'from "./__wasm_split.js"'], [splitJs, 'from "./waymark.js"']]) {
  if (!text.includes(from)) throw new Error(`expected ${from} in the split build's JS`);
}
bindings = bindings
  .replaceAll('from "./__wasm_split.js"', `from "./${names.loader}"`)
  .replaceAll("'waymark_bg.wasm'", `'${names.wasm}'`);
splitJs = splitJs.replaceAll('from "./waymark.js"', `from "./${names.bindings}"`);
writeFileSync(join(staged, names.bindings), bindings);
writeFileSync(join(staged, names.loader), splitJs);
writeFileSync(join(staged, names.wasm), mainWasm);

// The empty module script and the filled-in CSP give way to ours; post-build.mjs fills the CSP
// again with the new loader's hash.
const integrity = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
let index = readFileSync(join(staged, "index.html"), "utf8");
index = index
  .replace(/(<meta http-equiv="Content-Security-Policy" content=")[^"]*"/, '$1__CSP__"');
const loaders = index.match(/<script type="module"><\/script>/g) ?? [];
if (loaders.length !== 1) throw new Error(`expected one empty module script in trunk's index.html, found ${loaders.length}`);
index = index
  // On a new device the static Welcome (index.html) is drawn first: the wasm is fetched once
  // the browser has counted it as shown, so on a slow network the wasm does not share the
  // bandwidth with the stylesheets that screen waits for (hence no preload of the wasm).
  // Elsewhere there is no such promise and the wasm comes at once, from the service worker.
  .replace(loaders[0], `<script type="module">
import init, * as bindings from '/${names.bindings}';
import { prefetchSession } from '/${names.loader}';
await window.waymarkFirstScreenShown;
const starting = init({ module_or_path: '/${names.wasm}' });
try { if (localStorage.getItem("waymark.has-data")) prefetchSession(); } catch (e) {}
const wasm = await starting;
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));
</script>`)
  .replace(
    "</head>",
    `<link rel="modulepreload" href="/${names.bindings}" crossorigin="anonymous" integrity="${integrity(bindings)}">` +
      "\n</head>",
  );
writeFileSync(join(staged, "index.html"), index);
execFileSync("node", [join(root, "scripts/post-build.mjs")], {
  cwd: root, stdio: "inherit", env: { ...process.env, TRUNK_STAGING_DIR: staged },
});

// Put in place only once finished, so a build that fails leaves the previous one whole.
rmSync(out, { recursive: true, force: true });
try {
  renameSync(staged, out);
} catch (e) {
  if (e.code !== "EXDEV") throw e;
  // CARGO_TARGET_DIR on another file system.
  cpSync(staged, out, { recursive: true });
}
console.log(`build-release: ${args.dist}/ has the main module and ${modules} modules fetched by route`);
