// A new deploy while the app is open: the app says "A new version is ready", keeps running the
// old version until the user presses Reload, then runs the new one and drops the old cache.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { copyOfDist, openBrowser, serve, startWithSamplePlan, waitForApp, waitForServiceWorkerControl } from "./harness.mjs";

let dir, server, browser;
before(async () => {
  dir = copyOfDist();
  server = await serve(dir);
  browser = await openBrowser(server.origin);
  await startWithSamplePlan(browser.page, server.origin);
});
after(async () => {
  await browser?.close();
  server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const buildId = (sw) => sw.match(/const BUILD_ID = "([^"]+)"/)[1];

test("a new version waits for the user, then takes over on Reload", async () => {
  const { page } = browser;
  await page.goto(server.origin + "/journal");
  await waitForApp(page);
  await waitForServiceWorkerControl(page);
  assert.equal(await page.getByTestId("update-banner").count(), 0);

  // Deploy: a new build id means a new service worker script and a new cache.
  const swPath = join(dir, "sw.js");
  const oldSw = readFileSync(swPath, "utf8");
  const oldId = buildId(oldSw);
  const newId = "f".repeat(16);
  writeFileSync(swPath, oldSw.replace(`const BUILD_ID = "${oldId}"`, `const BUILD_ID = "${newId}"`));

  // The app looks for a new worker each time it starts; a reload is such a start.
  await page.reload();
  await waitForApp(page);
  const banner = page.getByTestId("update-banner");
  await banner.waitFor({ timeout: 15000 });
  assert.match(await banner.textContent(), /A new version is ready/);
  // Still the old version until the user agrees.
  assert.deepEqual((await page.evaluate(() => caches.keys())).sort(), [`waymark-${newId}`, `waymark-${oldId}`].sort());

  await Promise.all([page.waitForEvent("load"), banner.getByRole("button", { name: "Reload" }).tap()]);
  await waitForApp(page);
  await waitForServiceWorkerControl(page);
  assert.match(await page.locator("h1").textContent(), /Journal/);
  const keys = await page.evaluate(() => caches.keys());
  assert.deepEqual(keys, [`waymark-${newId}`]);
  assert.equal(await page.getByTestId("update-banner").count(), 0);
});
