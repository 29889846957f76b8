// Shared set-up for the end-to-end tests: the real release build (dist/), served by the
// project's real static server, driven in Debian's Chromium at phone size with touch.
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import assert from "node:assert/strict";
import { after, before } from "node:test";
import { chromium } from "playwright-core";

export const ROOT = resolve(import.meta.dirname, "../..");
// WAYMARK_DIST lets several builds be tested side by side (node scripts/build-release.mjs --dist …).
export const DIST = process.env.WAYMARK_DIST ?? join(ROOT, "dist");
const CPU_SLOWDOWN = Number(process.env.WAYMARK_CPU_SLOWDOWN ?? 1);
// The app writes dates and numbers in the browser's locale; the tests read British English
// ("5 Mar 2025", "2.5") unless a test opens another locale (locale.test.mjs).
export const PHONE = {
  viewport: { width: 390, height: 844 },
  hasTouch: true,
  isMobile: true,
  deviceScaleFactor: 2,
  locale: "en-GB",
};

export const CHROMIUM_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Copies dist/ to a temporary folder, so a test may change files (a "new deploy"). */
export function copyOfDist() {
  const dir = mkdtempSync(join(tmpdir(), "waymark-dist-"));
  cpSync(DIST, dir, { recursive: true });
  return dir;
}

/**
 * Starts scripts/serve.mjs on a port the system picks (no two servers can draw the same one);
 * resolves with { origin, stop }.
 */
export async function serve(dir = DIST) {
  const child = spawn(process.execPath, [join(ROOT, "scripts/serve.mjs"), dir, "0"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const origin = await new Promise((ok, fail) => {
    let said = "";
    child.stdout.on("data", (chunk) => {
      said += chunk;
      const served = said.match(/served at (http:\/\/127\.0\.0\.1:\d+)\//);
      if (served) ok(served[1]);
    });
    child.on("exit", (code) => fail(new Error(`server exited with ${code}`)));
  });
  return { origin, stop: () => child.kill() };
}

/**
 * For a test file whose tests share one browser profile with the sample plan open: one server
 * and that profile for the whole file, closed when it ends. Call at the top level of the file
 * (or of a `describe`); `origin` and `browser` are there from its first test on.
 */
export function sampleBrowserForFile() {
  let server, browser;
  before(async () => {
    server = await serve();
    browser = await openBrowser(server.origin);
    await startWithSamplePlan(browser.page, server.origin);
    // Several of these files go offline and reload: the worker must have stored the app first
    // (on a busy machine its install can still be running here).
    await waitForServiceWorkerControl(browser.page);
  });
  after(async () => {
    await browser?.close();
    server?.stop();
  });
  return {
    get origin() {
      return server.origin;
    },
    get browser() {
      return browser;
    },
  };
}

/**
 * For a test file whose tests each start from a fresh browser profile: one server for the whole
 * file, and every profile opened with `fresh()` (or pushed to `browsers`) closed when it ends.
 * Call at the top level of the file.
 */
export function serveForFile() {
  let server;
  const browsers = [];
  before(async () => {
    server = await serve();
  });
  after(async () => {
    for (const b of browsers) await b.close();
    server?.stop();
  });
  return {
    get origin() {
      return server.origin;
    },
    browsers,
    async fresh(options) {
      const b = await openBrowser(server.origin, options);
      browsers.push(b);
      return b;
    },
  };
}

/** Each page's last console lines, for a failure's message. */
const recentConsole = new WeakMap();

/**
 * A fresh browser profile. Every request and console error is recorded, so a test can assert
 * that nothing left the app's origin and that the console stayed clean.
 */
export async function openBrowser(origin, options = {}) {
  // options.profileDir: where the profile lives (e.g. on a small tmpfs, for a full disk).
  const profile = mkdtempSync(join(options.profileDir ?? tmpdir(), "waymark-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    args: CHROMIUM_FLAGS,
    colorScheme: options.colorScheme ?? "light",
    ...PHONE,
    ...(options.context ?? {}),
  });
  const foreignRequests = [];
  const consoleErrors = [];
  const watch = (page) => {
    const recent = [];
    recentConsole.set(page, recent);
    page.on("console", (msg) => {
      recent.push(`${msg.type()}: ${msg.text()}`);
      if (recent.length > 20) recent.shift();
      if (msg.type() === "error") consoleErrors.push(msg.text());
    });
    page.on("pageerror", (err) => consoleErrors.push(String(err)));
  };
  context.on("request", (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:")) foreignRequests.push(url);
  });
  // WAYMARK_CPU_SLOWDOWN=3 runs every page at a third of this machine's speed: a slow CI
  // machine's timing, so a test that assumes more than it waits for fails here too. The
  // DevTools session it needs stays open, which keeps Playwright's offline emulation from
  // reaching `navigator.onLine`: offline.test's "offline" badge is then never shown.
  if (CPU_SLOWDOWN > 1) {
    const slow = async (p) => (await context.newCDPSession(p)).send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
    await Promise.all(context.pages().map(slow));
    context.on("page", slow);
  }
  context.pages().forEach(watch);
  context.on("page", watch);
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, foreignRequests, consoleErrors, close, page: context.pages()[0] ?? (await context.newPage()) };
}

/**
 * Waits until `locator` matches `n` elements, then asserts it. After a tap the page may still be
 * drawing (a loaded CI machine showed it), so a count is never read at once after an action.
 */
export async function countIs(locator, n, message) {
  const end = Date.now() + 10_000;
  while ((await locator.count()) !== n && Date.now() < end) await new Promise((ok) => setTimeout(ok, 100));
  assert.equal(await locator.count(), n, message);
}

/** Waits until the app is mounted and the service worker controls the page. */
export async function waitForApp(page) {
  await page.waitForSelector("main#main h1");
}

/**
 * Waits until the screen headed `heading` (text or RegExp) shows. In the release build a screen
 * comes a moment after its address (its group's code may still be loading), so a test never
 * reads the heading at once after a move.
 */
export const waitForScreen = (page, heading) => page.locator("main#main h1", { hasText: heading }).waitFor();

/** From a fresh profile: loads the sample plan from the welcome screen and waits until saved. */
export async function startWithSamplePlan(page, origin) {
  await page.goto(origin + "/welcome");
  await page.getByTestId("try-sample").tap();
  await page.waitForURL(origin + "/");
  await page.getByTestId("save-status").filter({ hasText: "Saved" }).waitFor();
}

/** Where the page's service worker stands after `ms`: "controlled", or the worker states. */
function controlWithin(page, ms) {
  return page.evaluate(async (ms) => {
    const sw = navigator.serviceWorker;
    const deadline = Date.now() + ms;
    let activatedSince;
    for (;;) {
      if (sw.controller) return "controlled";
      const r = await sw.getRegistration();
      const state = `installing=${r?.installing?.state} waiting=${r?.waiting?.state} active=${r?.active?.state}`;
      // A page whose navigation was still in flight when the worker claimed its clients is
      // skipped by clients.claim() (the spec's "execution ready" flag): it stays uncontrolled
      // until its next start, however long one waits.
      if (r?.active?.state === "activated") {
        activatedSince ??= Date.now();
        if (Date.now() - activatedSince > 2000) return `not claimed: ${state}`;
      }
      if (Date.now() > deadline) return state;
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }, ms);
}

/**
 * Waits until a service worker controls the page. If the page was loaded while the worker was
 * being activated (not claimed), or (seen in CI on a loaded machine) no worker became active in
 * 30 s, the page is reloaded, as a person's next start would be, and the states are printed.
 * A second miss fails the test with them.
 */
export async function waitForServiceWorkerControl(page) {
  let state = await controlWithin(page, 30_000);
  if (state === "controlled") return;
  console.log(`service worker not in control (${state}); reloading once`);
  await page.reload();
  state = await controlWithin(page, 60_000);
  if (state !== "controlled") throw new Error(`no service worker in control: ${state}`);
}

/**
 * Waits until the header says the last change is durable ("Saved"). If it does not, the error
 * says what the page showed instead: the header's words, any alert, the address, and its last
 * console lines.
 */
export async function saved(page) {
  try {
    await page.getByTestId("save-status").filter({ hasText: "Saved" }).waitFor();
  } catch (e) {
    const shown = await page
      .evaluate(() => ({
        url: location.href,
        status: document.querySelector('[data-testid="save-status"]')?.textContent ?? "(no save status)",
        alerts: [...document.querySelectorAll('[role="alert"]')].map((a) => a.textContent.trim()).filter(Boolean),
        heading: document.querySelector("h1")?.textContent ?? "(no heading)",
      }))
      .catch((err) => ({ unreadable: String(err) }));
    e.message += `\nThe page showed instead: ${JSON.stringify(shown)}`;
    e.message += `\nIts last console lines: ${JSON.stringify(recentConsole.get(page) ?? [])}`;
    throw e;
  }
}

/** Everything this profile keeps: every IndexedDB record and localStorage, as text. */
export async function storedText(page) {
  return page.evaluate(async () => {
    const req = (r) => new Promise((ok, fail) => ((r.onsuccess = () => ok(r.result)), (r.onerror = () => fail(r.error))));
    const out = [JSON.stringify({ ...localStorage })];
    for (const { name } of await indexedDB.databases()) {
      const db = await req(indexedDB.open(name));
      for (const store of db.objectStoreNames) {
        out.push(JSON.stringify(await req(db.transaction(store).objectStore(store).getAll())));
      }
      db.close();
    }
    return out.join("\n");
  });
}
