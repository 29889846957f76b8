// Waymark's performance benchmark (issue 6): one run, one browser build (Debian's Chromium,
// headless), the release build served by the real static server, CPU throttled 4× (as
// Lighthouse's mobile preset), next to a vanilla-JS baseline doing the same raw work on the
// same records. Prints a Markdown table and writes it to bench-results/latest.md.
//
// Usage (scripts/bench.sh does the build and the seed file first):
//   node scripts/bench/run.mjs --dist dist-bench --seed <plan.waymark.json> --seed-info <json> [--out bench-results/latest.md]
//   node scripts/bench/run.mjs --dist dist --only clients   (just the Clients screen measurement, printed)
//   node scripts/bench/run.mjs --dist dist --only lighthouse   (Lighthouse alone, against scripts/serve.mjs)
//   node scripts/bench/run.mjs --dist dist --only seeded [--cpuprofile <dir>]   (the seeded plan's import,
//     open, journal search and reflection save next to the baseline's write, read and put, printed; with --cpuprofile,
//     a CDP CPU profile of the import's preview and merge, one open, the search and one save is
//     written there)
import { spawn, execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { startProxy } from "./proxy.mjs";
import { runLighthouseMedian } from "./lighthouse.mjs";
import { renderReport } from "./report.mjs";
import { median } from "./stats.mjs";
import { seedCaseload } from "../../tests/e2e/caseload.mjs";

const ROOT = resolve(import.meta.dirname, "../..");
const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith("--") ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
const DIST = resolve(ROOT, args.dist ?? "dist-bench");
const SEED = resolve(args.seed ?? join(ROOT, "target/bench/seeded.waymark.json"));
const ONLY_CLIENTS = args.only === "clients";
const ONLY_SEEDED = args.only === "seeded";
const ONLY_LIGHTHOUSE = args.only === "lighthouse";
const CPU_PROFILES = args.cpuprofile ? resolve(args.cpuprofile) : null;
const SEED_INFO = ONLY_CLIENTS || ONLY_LIGHTHOUSE ? null : JSON.parse(readFileSync(args["seed-info"] ?? SEED + ".info.json", "utf8"));
const CASELOAD = 30; // client plans on the coach's device for the Clients screen
const OUT = resolve(ROOT, args.out ?? "bench-results/latest.md");
const CPU_RATE = 4;
const RUNS = 5; // repeated timings of starts and opens (median reported)
const SAVES = 7; // reflections saved (each needs a page load first); one save swings by 2x on this machine
const QUERY = "felt proud today. review my cv"; // 30 keystrokes, narrowing from 10,000 to a few
const CHROMIUM_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
const INPAGE = readFileSync(join(import.meta.dirname, "inpage.js"), "utf8");

// The whole run is bounded: every wait below has its own timeout, and this is the backstop.
const WATCHDOG_MIN = 20;
setTimeout(() => {
  console.error(`bench: still running after ${WATCHDOG_MIN} minutes; giving up`);
  cleanup().finally(() => process.exit(1));
}, WATCHDOG_MIN * 60_000).unref();

const log = (...m) => console.error("bench:", ...m);

const toClose = [];
async function cleanup() {
  while (toClose.length) await toClose.pop()().catch(() => {});
}

/** Starts scripts/serve.mjs (the project's real server) on a free port of 127.0.0.1. */
async function serve(dir) {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, [join(ROOT, "scripts/serve.mjs"), dir, String(port)], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error("the server did not start within 10 s")), 10_000);
    child.stdout.on("data", (c) => String(c).includes("served at") && (clearTimeout(timer), ok()));
    child.on("exit", (code) => fail(new Error(`server exited with ${code}`)));
  });
  toClose.push(async () => child.kill());
  return { port, origin: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

/** A browser on `profile` (kept between launches when given), phone-sized, CPU throttled. */
async function launch(profile) {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    args: CHROMIUM_FLAGS,
    ...PHONE,
    acceptDownloads: true,
    timeout: 60_000,
  });
  context.setDefaultTimeout(60_000);
  await context.addInitScript({ content: INPAGE });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_RATE });
  const close = async () => context.close().catch(() => {});
  toClose.push(close);
  return { context, page, cdp, errors, close };
}

/** Waits until the screen titled `h1` is usable and the app idle; times since navigation start. */
async function usable(page, h1, timeout = 60_000) {
  const handle = await page.waitForFunction(
    (h) => {
      const e = (window.__bench?.usable ?? []).find((u) => u.h1 === h && u.idleAt != null);
      return e ? { ...e, startedAt: window.__bench.startedAt ?? null, log: window.__bench.usable.map((u) => u.h1) } : null;
    },
    h1,
    { timeout, polling: 50 },
  );
  const e = await handle.jsonValue();
  return { readyMs: e.readyAt, idleMs: e.idleAt, startedMs: e.startedAt, screens: e.log };
}

async function navigate(page, url, h1) {
  await page.goto(url, { waitUntil: "commit", timeout: 60_000 });
  return usable(page, h1);
}

/** Arms the in-page timer for the next `type` event, runs `act`, and waits until settled. */
async function timed(page, type, opts, act, { quietMs = 120, maxMs = 60_000 } = {}) {
  await page.evaluate(([t, o]) => window.__bench.arm(t, o), [type, opts]);
  await act();
  return page.evaluate(([q, m]) => window.__bench.settled(q, m), [quietMs, maxMs]);
}

/** One key: keydown (which types the character and fires `input`) is timed; keyup comes after. */
async function keystroke(page, selector, ch) {
  const key = ch === " " ? "Space" : ch;
  const result = await timed(page, "input", { selector }, () => page.keyboard.down(key), { quietMs: 80, maxMs: 30_000 });
  await page.keyboard.up(key);
  return result;
}

async function waitForServiceWorker(page) {
  await page.evaluate(
    () =>
      Promise.race([
        (async () => {
          const reg = await navigator.serviceWorker.ready;
          if (!navigator.serviceWorker.controller) {
            await new Promise((ok) => navigator.serviceWorker.addEventListener("controllerchange", ok, { once: true }));
          }
          return reg.active?.state;
        })(),
        new Promise((_, fail) => setTimeout(() => fail(new Error("no service worker within 60 s")), 60_000)),
      ]),
  );
}

/** gzip (level 6, what servers commonly use) of each path as served by the real server. */
async function gzipSizes(origin, paths) {
  const out = [];
  for (const path of [...new Set(paths)]) {
    const res = await fetch(origin + path, { signal: AbortSignal.timeout(10_000) });
    const body = Buffer.from(await res.arrayBuffer());
    out.push({ path, raw: body.length, gzip: gzipSync(body, { level: 6 }).length });
  }
  return out;
}

async function heap(cdp) {
  await cdp.send("HeapProfiler.enable");
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize, totalSize } = await cdp.send("Runtime.getHeapUsage");
  await cdp.send("HeapProfiler.disable");
  return { usedSize, totalSize };
}

function chromiumVersion() {
  try {
    return execFileSync("/usr/bin/chromium", ["--version"], { encoding: "utf8", timeout: 20_000, stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "Chromium (version unknown)";
  }
}

/**
 * A coach's device with CASELOAD client plans (imported from report files, unthrottled: set-up,
 * not measured), then throttled: Today → the "Clients" link until its rows and every plan's
 * facts are shown (in-app navigation), and a reload of /clients until the same.
 */
async function clientsScreen(origin) {
  const profile = mkdtempSync(join(tmpdir(), "waymark-bench-clients-"));
  toClose.push(async () => rmSync(profile, { recursive: true, force: true }));
  const b = await launch(profile);
  const { page, cdp } = b;
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  await navigate(page, origin + "/welcome", "Welcome to Waymark");
  await page.getByTestId("try-sample").tap();
  await page.waitForURL(origin + "/");
  await page.getByTestId("save-status").filter({ hasText: "Saved" }).waitFor();
  await seedCaseload(page, origin, CASELOAD);
  const rows = await page.getByTestId("client-row").count();
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_RATE });
  const out = { rows, open: [], reload: [] };
  for (let i = 0; i < RUNS; i++) {
    await navigate(page, origin + "/", "Today");
    out.open.push(
      await timed(page, "click", { selector: 'a[href="/clients"], a[href="/clients"] *', until: "clients" }, () =>
        page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Clients" }).click(), { quietMs: 200, maxMs: 60_000 }),
    );
    const u = await navigate(page, origin + "/clients", "Clients");
    const shown = await page.waitForFunction(
      () => document.querySelector('.client-list[aria-busy="false"] [data-testid="client-row"]') && performance.now(),
      null,
      { polling: "raf", timeout: 60_000 },
    );
    out.reload.push({ ...u, rowsMs: await shown.jsonValue() });
  }
  out.errors = [...b.errors];
  await b.close();
  log(`clients screen (${rows} rows): open ${out.open.map((o) => o.ms.toFixed(0)).join(", ")} ms; reload → rows ${out.reload.map((o) => o.rowsMs.toFixed(0)).join(", ")} ms`);
  return out;
}

/**
 * The seeded plan, imported through /share in a fresh profile: import, open, and (with `full`)
 * search, one reflection saved, the review and the export. Fills `r`; returns the app's records.
 */
async function seededPlan(origin, r, { full, search: withSearch = full }) {
  const profile2 = mkdtempSync(join(tmpdir(), "waymark-bench-p2-"));
  toClose.push(async () => rmSync(profile2, { recursive: true, force: true }));
  let records;
  {
    const b = await launch(profile2);
    const { page, cdp } = b;
    await navigate(page, origin + "/share", "Share and back up");
    await waitForServiceWorker(page);
    // With --cpuprofile, the first import (preview, then merge and store) is profiled.
    const maybeProfiled = (name, act) => (CPU_PROFILES ? profiled(cdp, name, act) : act());
    r.importPreview = await maybeProfiled("import-preview", () =>
      timed(page, "change", { selector: "#import-file", until: "preview" }, () =>
        page.locator("#import-file").setInputFiles(SEED), { quietMs: 200, maxMs: 120_000 }));
    log(`import: file read, checked and previewed in ${r.importPreview.ms.toFixed(0)} ms`);
    // Pressed from the keyboard: with the seeded preview's long title list, Playwright's pointer
    // click found the button covered (by the list or the bottom bar) while the page settled.
    await page.getByRole("button", { name: "Import", exact: true }).focus();
    r.importMerge = await maybeProfiled("import-merge", () =>
      timed(page, "click", { selector: "button", until: "imported" }, () =>
        page.keyboard.press("Enter"), { quietMs: 300, maxMs: 180_000 }));
    log(`import: merged, stored and opened in ${r.importMerge.ms.toFixed(0)} ms`);

    // Open: reload to Today with the plan (the service worker serves the app).
    r.open = [];
    for (let i = 0; i < RUNS; i++) r.open.push(await navigate(page, origin + "/", "Today"));
    log(`open: ${r.open.map((o) => o.idleMs.toFixed(0)).join(", ")} ms`);
    r.memory = { ...(await heap(cdp)), wasmBytes: await page.evaluate(() => window.__bench.wasmBytes()) };

    // The app's own records, for the baseline (same records, same sizes).
    records = await page.evaluate(
      () =>
        new Promise((ok, fail) => {
          const open = indexedDB.open("waymark");
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const req = open.result.transaction("documents").objectStore("documents").getAll();
            req.onsuccess = () => (ok(req.result), open.result.close());
            req.onerror = () => fail(req.error);
          };
        }),
    );
    r.records = { count: records.length, bodyBytes: records.reduce((n, d) => n + d.body.length, 0) };
    log(`the app stored ${records.length} documents`);

    // Journal search, one keystroke at a time.
    if (withSearch) {
    await navigate(page, origin + "/journal", "Journal");
    await page.getByTestId("journal-count").waitFor();
    r.indexBuild = await page.evaluate(() => performance.getEntriesByName("journal-index-build").map((e) => e.duration));
    const search = page.locator("#journal-search");
    await search.click();
    await page.evaluate(() => performance.clearMeasures("journal-search"));
    r.search = [];
    for (const ch of QUERY) {
      r.search.push(await keystroke(page, "#journal-search", ch));
    }
    r.searchScan = await page.evaluate(() => performance.getEntriesByName("journal-search").map((e) => e.duration));
    r.searchFound = await page.getByTestId("journal-count").textContent();
    log(`search: median ${median(r.search.map((s) => s.ms)).toFixed(1)} ms, ${r.searchFound}`);
    if (CPU_PROFILES) {
      // The same keystrokes again from an empty box, under the profiler (not measured).
      await search.fill("");
      await page.waitForTimeout(500);
      await profiled(cdp, "search", async () => {
        for (const ch of QUERY) await keystroke(page, "#journal-search", ch);
      });
    }
    }

    // One reflection, saved when the text box loses focus (the editor saves at once on blur).
    r.save = [];
    for (let i = 0; i < SAVES; i++) {
      await navigate(page, origin + "/journal/new", "New reflection");
      const text = page.locator("#reflection-text");
      await text.fill(`Benchmark reflection ${i + 1}: a short line written after a good day.`);
      r.save.push(await timed(page, "focusout", { selector: "#reflection-text", until: "saved" }, () => text.blur(), { quietMs: 100, maxMs: 60_000 }));
    }
    log(`save: ${r.save.map((s) => s.ms.toFixed(0)).join(", ")} ms`);

    if (CPU_PROFILES) {
      await profiled(cdp, "open", () => navigate(page, origin + "/", "Today"));
      await navigate(page, origin + "/journal/new", "New reflection");
      const text = page.locator("#reflection-text");
      await profiled(cdp, "save", async () => {
        // Filled inside the profile: the editor's own autosave must not beat the blur.
        await text.fill("Profiled reflection: a short line written after a good day.");
        return timed(page, "focusout", { selector: "#reflection-text", until: "saved" }, () => text.blur(), { quietMs: 100, maxMs: 60_000 });
      });
    }
    if (!full) {
      r.errors.seeded = [...b.errors];
      await b.close();
      return records;
    }

    // The progress review: from the link on Today, then a period covering all seeded values.
    await navigate(page, origin + "/", "Today");
    r.review = await timed(page, "click", { selector: 'a[href="/review"]', until: "charts" }, () =>
      page.getByRole("link", { name: "Review your progress" }).first().click(), { quietMs: 200, maxMs: 120_000 });
    r.reviewCharts = await page.locator('[data-testid="kpi-chart"]').count();
    await page.locator('input[name="period"][value="custom"]').check();
    await page.getByLabel("From", { exact: true }).waitFor();
    r.reviewAll = await timed(page, "input", { selector: 'input[type="date"]' }, () =>
      page.getByLabel("From", { exact: true }).fill("2024-01-01"), { quietMs: 300, maxMs: 120_000 });
    r.reviewAllPoints = await page.locator(".chart-point").count();
    r.reviewAllElements = await page.evaluate(() => document.querySelectorAll("main#main *").length);
    log(`review: ${r.review.ms.toFixed(0)} ms (${r.reviewCharts} charts); all of 2024: ${r.reviewAll.ms.toFixed(0)} ms (${r.reviewAllPoints} points, ${r.reviewAllElements} elements)`);

    // Export: the full backup, from the click until the browser has the download.
    await navigate(page, origin + "/share", "Share and back up");
    await page.getByLabel("Full backup").check();
    await page.evaluate(() => window.__bench.arm("click", { selector: "button" }));
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 120_000 }),
      page.getByRole("button", { name: "Download file" }).click(),
    ]);
    const arrived = Date.now();
    const clickAt = await page.evaluate(() => performance.timeOrigin + window.__bench.last.t0);
    const exportPath = await download.path();
    r.export = { ms: arrived - clickAt, bytes: statSync(exportPath).size, name: download.suggestedFilename() };
    log(`export: ${r.export.ms.toFixed(0)} ms, ${r.export.bytes} bytes`);
    r.errors.seeded = [...b.errors];
    await b.close();
  }
  return records;
}

/** Runs `act` under a CDP CPU profile written to CPU_PROFILES/<name>.cpuprofile (for DevTools). */
async function profiled(cdp, name, act) {
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  const result = await act();
  const { profile } = await cdp.send("Profiler.stop");
  await cdp.send("Profiler.disable");
  mkdirSync(CPU_PROFILES, { recursive: true });
  writeFileSync(join(CPU_PROFILES, `${name}.cpuprofile`), JSON.stringify(profile));
  log(`${name}: CPU profile written (${JSON.stringify(result?.ms ?? result?.idleMs ?? null)} ms)`);
  return result;
}

/** The vanilla-JS baseline: same browser, same throttling, same records and texts. */
async function baseline(r, records, { full }) {
  {
    const dir = mkdtempSync(join(tmpdir(), "waymark-bench-baseline-"));
    toClose.push(async () => rmSync(dir, { recursive: true, force: true }));
    cpSync(join(ROOT, "bench/baseline"), dir, { recursive: true });
    writeFileSync(join(dir, "records.json"), JSON.stringify(records));
    const server = await serve(dir);
    const profile3 = mkdtempSync(join(tmpdir(), "waymark-bench-p3-"));
    toClose.push(async () => rmSync(profile3, { recursive: true, force: true }));
    const b = await launch(profile3);
    const { page } = b;
    await page.goto(server.origin + "/index.html");
    r.baseline = { loaded: await page.evaluate(() => window.baseline.load()), write: [], read: [], readGetAll: [] };
    for (let i = 0; i < RUNS; i++) r.baseline.write.push(await page.evaluate(() => window.baseline.write()));
    for (let i = 0; i < RUNS; i++) {
      const x = await page.evaluate(() => window.baseline.read());
      r.baseline.read.push(x.ms);
      r.baseline.readGetAll.push(x.getAllMs);
      r.baseline.readCount = x.count;
    }
    r.baseline.putOne = [];
    for (let i = 0; i < RUNS; i++) r.baseline.putOne.push(await page.evaluate((n) => window.baseline.putOne(n), i + 1));
    if (!full) {
      await b.close();
      server.stop();
      return;
    }
    await page.evaluate(() => window.baseline.render());
    await page.locator("#q").click();
    await page.evaluate(() => window.baseline.loops());
    r.baseline.search = [];
    for (const ch of QUERY) {
      r.baseline.search.push(await keystroke(page, "#q", ch));
    }
    r.baseline.loops = await page.evaluate(() => window.baseline.loops());
    r.baseline.found = await page.locator("#count").textContent();
    log(`baseline: write ${median(r.baseline.write).toFixed(0)} ms, read ${median(r.baseline.read).toFixed(0)} ms, search ${median(r.baseline.search.map((s) => s.ms)).toFixed(1)} ms (${r.baseline.found})`);
    r.errors.baseline = [...b.errors];
    await b.close();
    server.stop();
  }
}

async function main() {
  const t0 = Date.now();
  if (ONLY_CLIENTS) {
    const app = await serve(DIST);
    const c = await clientsScreen(app.origin);
    console.log(JSON.stringify({ rows: c.rows, openMs: median(c.open.map((o) => o.ms)), reloadRowsMs: median(c.reload.map((o) => o.rowsMs)), errors: c.errors }, null, 2));
    return;
  }
  if (ONLY_LIGHTHOUSE) {
    // The same server as the full run (scripts/serve.mjs, precompressed brotli and gzip).
    const app = await serve(DIST);
    const loadBefore = loadavg();
    const lh = await runLighthouseMedian(app.origin + "/", CHROMIUM_FLAGS);
    console.log(JSON.stringify({ loadBefore, loadAfter: loadavg(), ...lh }, null, 2));
    return;
  }
  if (ONLY_SEEDED) {
    const app = await serve(DIST);
    const r = { errors: {}, loadBefore: loadavg() };
    const records = await seededPlan(app.origin, r, { full: false, search: true });
    await baseline(r, records, { full: false });
    const ms = (xs) => xs.map((x) => Math.round(x));
    console.log(
      JSON.stringify(
        {
          loadBefore: r.loadBefore.map((x) => +x.toFixed(2)),
          loadAfter: loadavg().map((x) => +x.toFixed(2)),
          importPreviewMs: Math.round(r.importPreview.ms),
          importMergeMs: Math.round(r.importMerge.ms),
          importStatus: r.importMerge.status,
          openIdleMs: ms(r.open.map((o) => o.idleMs)),
          openStartedMs: ms(r.open.map((o) => o.startedMs)),
          saveMs: ms(r.save.map((s) => s.ms)),
          searchMs: ms(r.search.map((s) => s.ms)),
          searchScanMs: r.searchScan.map((x) => +x.toFixed(1)),
          saveStatus: r.save.map((s) => s.status),
          saveWrites: r.save.map((s) => s.writes),
          baseline: { writeMs: ms(r.baseline.write), readMs: ms(r.baseline.read), putOneMs: r.baseline.putOne.map((x) => +x.toFixed(1)) },
          errors: r.errors,
        },
        null,
        2,
      ),
    );
    return;
  }
  const r = { seed: SEED_INFO, errors: {}, loadBefore: loadavg() };
  const app = await serve(DIST);
  const proxy = await startProxy(app.port);
  toClose.push(() => proxy.close());
  const origin = `http://127.0.0.1:${proxy.port}`;
  log(`app served at ${app.origin}, measured through ${origin}; CPU throttled ${CPU_RATE}×`);

  // 1. First visit online: bytes and cold start (fresh profile, empty caches).
  const profile1 = mkdtempSync(join(tmpdir(), "waymark-bench-p1-"));
  toClose.push(async () => rmSync(profile1, { recursive: true, force: true }));
  {
    const b = await launch(profile1);
    const pageRequests = [];
    b.page.on("request", (req) => req.url().startsWith(origin) && pageRequests.push(new URL(req.url()).pathname));
    proxy.reset();
    r.firstVisit = await navigate(b.page, origin + "/", "Welcome to Waymark");
    // What the first screen needed: the requests begun by the time Welcome was usable and
    // the page idle. What the service worker then stores is counted with the precache below.
    const late = await b.page.evaluate(
      (idleAt) => performance.getEntriesByType("resource").filter((e) => e.startTime > idleAt).map((e) => new URL(e.name).pathname),
      r.firstVisit.idleMs,
    );
    const beforeUsable = pageRequests.filter((p) => !late.includes(p));
    await waitForServiceWorker(b.page);
    await b.page.waitForTimeout(1500); // let the service worker finish precaching
    const net = proxy.snapshot();
    const pageFiles = await gzipSizes(app.origin, beforeUsable);
    const allFiles = await gzipSizes(app.origin, net.requests);
    r.firstLoad = {
      pageFiles,
      pageGzip: pageFiles.reduce((n, f) => n + f.gzip, 0),
      pageRaw: pageFiles.reduce((n, f) => n + f.raw, 0),
      withPrecacheGzip: allFiles.reduce((n, f) => n + f.gzip, 0),
      socketBytes: net.bytesDown,
      requests: net.requests.length,
    };
    log(`first load: ${pageFiles.length} files, ${(r.firstLoad.pageGzip / 1024).toFixed(0)} KB gzip`);

    // A small plan (the app's sample), so the offline start below lands on Today.
    await b.page.getByTestId("try-sample").tap();
    await b.page.waitForURL(origin + "/");
    await b.page.getByTestId("save-status").filter({ hasText: "Saved" }).waitFor();

    // 2. Repeat load: the service worker has the app.
    proxy.reset();
    await b.page.reload({ waitUntil: "commit" });
    r.repeatVisit = await usable(b.page, "Today");
    await b.page.waitForTimeout(3000); // the browser's service-worker update check may come late
    const again = proxy.snapshot();
    r.repeatLoad = { socketBytes: again.bytesDown, requests: again.requests };
    log(`repeat load: ${again.bytesDown} bytes, requests ${JSON.stringify(again.requests)}`);
    r.errors.firstVisit = [...b.errors];
    await b.close();
  }

  // 3. Offline cold start: a new browser process on the same profile, the server unreachable.
  proxy.setDown(true);
  r.offline = [];
  for (let i = 0; i < RUNS; i++) {
    const b = await launch(profile1);
    r.offline.push(await navigate(b.page, origin + "/", "Today"));
    r.errors.offline = [...(r.errors.offline ?? []), ...b.errors];
    await b.close();
  }
  proxy.setDown(false);
  log(`offline cold start: ${r.offline.map((o) => o.idleMs.toFixed(0)).join(", ")} ms`);

  // 4. The seeded plan, imported through /share in a fresh profile.
  const records = await seededPlan(origin, r, { full: true });

  // 4b. The Clients screen with a coach's caseload.
  r.clients = await clientsScreen(origin);
  r.errors.clients = r.clients.errors;

  // 5. The vanilla-JS baseline.
  await baseline(r, records, { full: true });

  // 6. Lighthouse 13, mobile preset, against the served release build (no other browser open),
  //    three times: the median run.
  log("lighthouse…");
  r.lighthouse = await runLighthouseMedian(app.origin + "/", CHROMIUM_FLAGS);
  log(`lighthouse: ${JSON.stringify(r.lighthouse.scores ?? r.lighthouse.error)}`);

  r.machine = {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? "unknown",
    chromium: chromiumVersion(),
    node: process.version,
    commit: (() => {
      try {
        const git = (...a) => execFileSync("git", a, { cwd: ROOT, encoding: "utf8", timeout: 20_000 }).trim();
        return `${git("rev-parse", "--short", "HEAD")}${git("status", "--porcelain", "--untracked-files=no", "--", "src", "index.html", "style", "public", "Cargo.toml") ? " + uncommitted changes" : ""}`;
      } catch {
        return "unknown";
      }
    })(),
    date: new Date().toISOString().slice(0, 10),
  };
  r.durationS = (Date.now() - t0) / 1000;
  r.loadAfter = loadavg();
  const md = renderReport(r, { cpuRate: CPU_RATE, runs: RUNS, saves: SAVES, query: QUERY });
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, md);
  writeFileSync(OUT.replace(/\.md$/, ".json"), JSON.stringify(r, null, 2));
  console.log(md);
  log(`wrote ${OUT} in ${r.durationS.toFixed(0)} s`);
}

try {
  await main();
} catch (e) {
  console.error("bench: failed:", e?.stack ?? e);
  process.exitCode = 1;
} finally {
  await cleanup();
}
