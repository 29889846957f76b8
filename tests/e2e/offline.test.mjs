// Installable and offline: Chrome finds no installability errors, the service worker takes
// control, and once it has the app a reload and a cold deep link work with the network gone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { sampleBrowserForFile, waitForApp, waitForScreen, waitForServiceWorkerControl } from "./harness.mjs";

const sample = sampleBrowserForFile();

test("Chrome reports the app as installable", async () => {
  const { page, context } = sample.browser;
  await page.goto(sample.origin + "/");
  await waitForApp(page);
  await waitForServiceWorkerControl(page);
  const cdp = await context.newCDPSession(page);
  // DevTools calls have no timeout of their own: a stuck one fails after a minute, saying which.
  const send = (method) =>
    Promise.race([
      cdp.send(method),
      new Promise((_, fail) => setTimeout(() => fail(new Error(`${method} gave no answer in 60 s`)), 60_000).unref()),
    ]);
  const { installabilityErrors } = await send("Page.getInstallabilityErrors");
  assert.deepEqual(installabilityErrors, []);
  const manifest = await send("Page.getAppManifest");
  assert.deepEqual(manifest.errors, []);
  // Plan files only (not every .json), a window already open is focused, a shared plan file is
  // posted to the service worker, and the install dialog has both screenshot shapes.
  const declared = JSON.parse(manifest.data);
  assert.deepEqual(declared.file_handlers, [{ action: "/share", accept: { "application/vnd.waymark+json": [".waymark.json"] } }]);
  assert.deepEqual(declared.launch_handler, { client_mode: "focus-existing" });
  assert.equal(declared.share_target.method, "POST");
  assert.equal(declared.share_target.enctype, "multipart/form-data");
  assert.deepEqual(declared.shortcuts.map((s) => s.name), ["Check in", "New reflection"]);
  assert.deepEqual(declared.screenshots.map((s) => s.form_factor), ["narrow", "wide"]);
  // A lingering DevTools session keeps Playwright's offline emulation from reaching the page.
  await cdp.detach();
});

test("the service worker precaches every file of the build under a cache named by the build", async () => {
  const { page } = sample.browser;
  const cached = await page.evaluate(async () => {
    // Only the build's cache: the check-in reminders and a shared file have caches of their own.
    const keys = (await caches.keys()).filter((k) => k.startsWith("waymark-"));
    const cache = await caches.open(keys[0]);
    return { keys, urls: (await cache.keys()).map((r) => new URL(r.url).pathname) };
  });
  assert.equal(cached.keys.length, 1);
  assert.match(cached.keys[0], /^waymark-[0-9a-f]{16}$/);
  for (const kind of [/\.wasm$/, /\.js$/, /\.css$/, /^\/$/, /manifest\.webmanifest$/, /icon-512\.png$/, /shortcut-checkin-96\.png$/, /today-narrow\.png$/, /plan-wide\.png$/]) {
    assert.ok(cached.urls.some((u) => kind.test(u)), `nothing matching ${kind} is precached`);
  }
});

test("a reload works offline", async () => {
  const { page, context } = sample.browser;
  await context.setOffline(true);
  try {
    await page.reload();
    await waitForApp(page);
    assert.match(await page.locator("h1").textContent(), /Today/);
    await page.getByTestId("offline-badge").waitFor({ state: "visible" });
  } finally {
    await context.setOffline(false);
  }
});

test("a deep link opened cold while offline shows its screen", async () => {
  const { context } = sample.browser;
  await context.setOffline(true);
  try {
    const page = await context.newPage();
    await page.goto(sample.origin + "/journal");
    await waitForApp(page);
    assert.match(await page.locator("h1").textContent(), /Journal/);
    await page.getByRole("link", { name: "Settings" }).tap();
    await page.waitForURL(/\/settings$/);
    await waitForScreen(page, "Settings");
    await page.close();
  } finally {
    await context.setOffline(false);
  }
});

test("the Content-Security-Policy admits the loader by hash, never by 'unsafe-inline'", async () => {
  const { page } = sample.browser;
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  // Trunk's loader and the theme script of the static first screen, each by its hash.
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]{44}' 'sha256-[A-Za-z0-9+/=]{44}'(;|$)/);
  assert.match(csp, /connect-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  // The app started under that policy: the loader ran and the wasm mounted.
  assert.equal(await page.locator("h1").count(), 1);
});

test("no console errors and no request to another origin", () => {
  assert.deepEqual(sample.browser.consoleErrors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), []);
  assert.deepEqual(sample.browser.foreignRequests, []);
});
