// The project's static server, asked as a browser and as a careless client would: the release
// build comes precompressed by Accept-Encoding, index.html and sw.js revalidate with ETags, and
// a malformed request is refused without taking the server down.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { DIST, serve } from "./harness.mjs";

let server;
before(async () => {
  server = await serve();
});
after(() => server?.stop());

/** A raw GET (fetch would decode the body and hide Content-Encoding). */
function get(path, headers = {}) {
  return new Promise((ok, fail) => {
    const req = request(server.origin + path, { headers, agent: false }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", fail);
    req.end();
  });
}

/** The same, but with the path sent byte for byte (no URL normalisation on the way). */
function rawGet(path) {
  return new Promise((ok, fail) => {
    const req = request({ host: "127.0.0.1", port: new URL(server.origin).port, path, agent: false }, (res) => {
      res.resume();
      res.on("end", () => ok(res.statusCode));
    });
    req.on("error", fail);
    req.end();
  });
}

const wasmName = () => readdirSync(DIST).find((f) => f.endsWith("_bg.wasm"));

test("the wasm comes as brotli or gzip, as the browser asks, and decodes to the built file", async () => {
  const name = wasmName();
  const built = readFileSync(join(DIST, name));

  const br = await get(`/${name}`, { "accept-encoding": "gzip, deflate, br" });
  assert.equal(br.status, 200);
  assert.equal(br.headers["content-encoding"], "br");
  assert.equal(br.headers["content-type"], "application/wasm");
  assert.match(br.headers.vary, /Accept-Encoding/i);
  assert.match(br.headers["cache-control"], /immutable/);
  assert.ok(br.body.length < built.length / 2, "brotli must at least halve the wasm");
  assert.deepEqual(brotliDecompressSync(br.body), built);

  const gz = await get(`/${name}`, { "accept-encoding": "gzip" });
  assert.equal(gz.headers["content-encoding"], "gzip");
  assert.deepEqual(gunzipSync(gz.body), built);

  const plain = await get(`/${name}`, { "accept-encoding": "br;q=0, gzip;q=0" });
  assert.equal(plain.headers["content-encoding"], undefined);
  assert.deepEqual(plain.body, built);
});

test("index.html and sw.js revalidate: no-cache with an ETag, and 304 when unchanged", async () => {
  for (const path of ["/", "/sw.js", "/journal"]) {
    const first = await get(path, { "accept-encoding": "gzip" });
    assert.equal(first.status, 200, path);
    assert.equal(first.headers["cache-control"], "no-cache", path);
    assert.ok(first.headers.etag, `${path} has an ETag`);
    const again = await get(path, { "accept-encoding": "gzip", "if-none-match": first.headers.etag });
    assert.equal(again.status, 304, path);
    assert.equal(again.body.length, 0, path);
  }
  // The precompressed copies stay out of the service worker's precache list.
  const sw = readFileSync(join(DIST, "sw.js"), "utf8");
  assert.doesNotMatch(sw, /\.(br|gz)"/);
});

test("a malformed request gets a 400 and the server keeps serving", async () => {
  assert.equal(await rawGet("/%"), 400);
  assert.equal(await rawGet("/%E0%A4%A"), 400);
  // Never a file from outside the build folder.
  const escape = await get("/..%2f..%2fetc%2fpasswd");
  assert.equal(escape.status, 404);
  assert.doesNotMatch(escape.body.toString("utf8"), /root:/);
  const after = await get("/", {});
  assert.equal(after.status, 200);
  assert.match(after.body.toString("utf8"), /<html/i);
  assert.equal((await get("/missing.js")).status, 404);
});
