// A small static server for the release build, behaving like a well-set-up static host:
// - correct types for wasm and the manifest; every unknown path without a file extension is
//   answered with the app shell (deep links like /journal);
// - the precompressed `.br` / `.gz` siblings that scripts/post-build.mjs writes, picked by
//   Accept-Encoding, with `Vary: Accept-Encoding`;
// - hashed files cached for a year, index.html and sw.js revalidated on every load (ETag, 304);
// - a malformed request (e.g. `/%`) gets a 400 and the server goes on serving.
// Usage: node scripts/serve.mjs <dir> <port>   (port 0: any free one, named in the line it prints)
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";

const root = resolve(process.argv[2] ?? "dist");
const port = Number(process.argv[3] ?? 8080);
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};
// Preferred first: brotli is ~20 % smaller than gzip on the wasm.
const encodings = [
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" },
];

class BadRequest extends Error {}

async function isFile(path) {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}

async function fileFor(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    throw new BadRequest(`The path ${JSON.stringify(urlPath)} is not valid percent-encoding.`);
  }
  if (decoded.includes("\0")) throw new BadRequest("The path contains a NUL character.");
  const clean = normalize(decoded).replace(/^(\.\.[/\\])+/, "");
  const path = join(root, clean);
  if (path !== root && !path.startsWith(root + sep)) return null;
  const info = await stat(path).catch(() => null);
  if (info?.isFile()) return path;
  if (info?.isDirectory() && (await isFile(join(path, "index.html")))) return join(path, "index.html");
  return null;
}

/** The encodings the client accepts, from its Accept-Encoding header (q=0 means "not this"). */
function accepted(header = "") {
  const ok = new Set();
  for (const part of header.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    if (name && !(q && Number(q.slice(2)) === 0)) ok.add(name);
  }
  return ok;
}

/**
 * The bytes to send for `path`: a precompressed sibling when the client takes one. A sibling
 * older than its file is stale (the file was replaced after the build) and is passed over.
 */
async function representation(path, acceptEncoding) {
  const ok = accepted(acceptEncoding);
  const source = await stat(path);
  for (const { name, suffix } of encodings) {
    if (!ok.has(name) && !ok.has("*")) continue;
    const sibling = await stat(path + suffix).catch(() => null);
    if (sibling?.isFile() && sibling.mtimeMs >= source.mtimeMs) {
      return { body: await readFile(path + suffix), encoding: name };
    }
  }
  return { body: await readFile(path), encoding: null };
}

async function handle(req, res) {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" });
    res.end("Only GET and HEAD are served here.");
    return;
  }
  const url = new URL(req.url, "http://localhost");
  let path = await fileFor(url.pathname);
  // An extension means a file was asked for: a missing one is a real 404, not the shell.
  if (!path && !extname(url.pathname)) path = join(root, "index.html");
  if (!path) {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
    res.end("Not found");
    return;
  }
  const { body, encoding } = await representation(path, req.headers["accept-encoding"]);
  const ext = extname(path);
  const hashed = /-[0-9a-f]{8,}(_bg)?\.(js|wasm|css)$/.test(path);
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}${encoding ? `-${encoding}` : ""}"`;
  const headers = {
    "content-type": types[ext] ?? "application/octet-stream",
    "cache-control": hashed ? "public, max-age=31536000, immutable" : "no-cache",
    etag,
    vary: "Accept-Encoding",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
  };
  if (encoding) headers["content-encoding"] = encoding;
  const known = (req.headers["if-none-match"] ?? "").split(",").map((t) => t.trim().replace(/^W\//, ""));
  if (known.includes(etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  headers["content-length"] = body.length;
  res.writeHead(200, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}

const server = createServer((req, res) => {
  handle(req, res).catch((error) => {
    const bad = error instanceof BadRequest;
    if (!bad) console.error("serve: request failed:", req.url, error);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.writeHead(bad ? 400 : 500, { "content-type": "text/plain; charset=utf-8" });
    res.end(bad ? `Bad request: ${error.message}` : "The server could not read that file.");
  });
});
// A request the HTTP parser cannot read at all gets a 400 on its own socket; others go on.
server.on("clientError", (_error, socket) => {
  if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n");
  else socket.destroy();
});

server.listen(port, "127.0.0.1", () => {
  console.log(`Waymark is served at http://127.0.0.1:${server.address().port}/ (from ${root})`);
});
