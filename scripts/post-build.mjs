// Trunk post_build hook: runs in the staging folder after wasm-opt, before dist/ is written.
// 1. The Content-Security-Policy admits trunk's inline loader by the hash of its exact text,
//    so no 'unsafe-inline' is needed and the hash can never go stale.
// 2. The service worker gets the exact list of build files and a build id derived from their
//    bytes, so every deploy gets a fresh cache and nothing is listed by hand.
// 3. Every text and wasm file gets precompressed siblings (`.br`, `.gz`) that a static server
//    picks by Accept-Encoding, so nobody compresses on each request and the first visit
//    downloads a fraction of the raw bytes. They are not in the precache list: the service
//    worker stores the decoded files the browser fetched.
import { createHash } from "node:crypto";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import { readFileSync, writeFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

const stage = process.env.TRUNK_STAGING_DIR;
if (!stage) {
  console.error("post-build: TRUNK_STAGING_DIR is not set; run this through trunk.");
  process.exit(1);
}

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const indexPath = join(stage, "index.html");
let index = readFileSync(indexPath, "utf8");

const loaders = [...index.matchAll(/<script type="module"[^>]*>([\s\S]*?)<\/script>/g)];
if (loaders.length !== 1) {
  console.error(`post-build: expected one inline module loader in index.html, found ${loaders.length}.`);
  process.exit(1);
}
// Every inline script is admitted by the hash of its exact text: trunk's loader and the
// theme script in index.html that paints the static shell in the saved theme.
const inlineScripts = [...index.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)];
const scriptHashes = inlineScripts.map(
  (m) => `'sha256-${createHash("sha256").update(m[1], "utf8").digest("base64")}'`,
);
const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${scriptHashes.join(" ")}`,
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");
if (!index.includes("__CSP__")) {
  console.error("post-build: index.html has no __CSP__ placeholder.");
  process.exit(1);
}
index = index.replace("__CSP__", csp);
writeFileSync(indexPath, index);

const swPath = join(stage, "sw.js");
const assets = filesUnder(stage)
  .filter((p) => p !== swPath)
  .map((p) => "/" + relative(stage, p).split(sep).join("/"))
  .sort();
const digest = createHash("sha256");
for (const asset of assets) {
  digest.update(asset);
  digest.update(readFileSync(join(stage, asset)));
}
const buildId = digest.digest("hex").slice(0, 16);
const sw = readFileSync(swPath, "utf8")
  .replace("__BUILD_ID__", buildId)
  .replace("__PRECACHE__", JSON.stringify(["/", ...assets.filter((a) => a !== "/index.html")], null, 2));
writeFileSync(swPath, sw);
console.log(`post-build: build ${buildId}, ${assets.length} files precached, CSP admits ${scriptHashes.length} inline scripts by hash`);

const compressible = /\.(html|js|mjs|css|wasm|json|webmanifest|svg|txt)$/;
let raw = 0;
let brotli = 0;
for (const path of filesUnder(stage).filter((p) => compressible.test(p))) {
  const body = readFileSync(path);
  const br = brotliCompressSync(body, {
    params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
  writeFileSync(`${path}.br`, br);
  writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
  raw += body.length;
  brotli += br.length;
}
console.log(`post-build: precompressed ${(raw / 1024).toFixed(0)} KB to ${(brotli / 1024).toFixed(0)} KB brotli`);
