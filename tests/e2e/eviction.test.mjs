// When the browser clears Waymark's storage (eviction, "clear site data"), the app says so
// instead of greeting the person as new, names the backup file that brings the work back, and
// restores it. Settings shows when the plan was last backed up and nudges when that is old.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { countIs, openBrowser, sampleBrowserForFile, startWithSamplePlan, waitForApp } from "./harness.mjs";

let backupPath;
const dir = mkdtempSync(join(tmpdir(), "waymark-backup-"));
const sample = sampleBrowserForFile();

async function openSettings(page) {
  await page.goto(sample.origin + "/settings");
  await waitForApp(page);
  await page.getByTestId("last-backup").waitFor();
}

test("Settings nudges until a backup is made, then shows when it was made", async () => {
  const { page } = sample.browser;
  await openSettings(page);
  assert.match(await page.getByTestId("last-backup").textContent(), /No backup of this plan/);
  assert.ok(await page.getByTestId("backup-nudge").isVisible());

  await page.getByRole("link", { name: "Back up now" }).tap();
  await page.waitForURL(/\/share\?backup/);
  assert.ok(await page.getByRole("radio", { name: /Full backup/ }).isChecked(), "the backup kind is chosen");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download file" }).tap(),
  ]);
  backupPath = join(dir, download.suggestedFilename());
  await download.saveAs(backupPath);

  await openSettings(page);
  const text = await page.getByTestId("last-backup").textContent();
  assert.match(text, /today/);
  assert.ok(text.includes(download.suggestedFilename()), text);
  assert.equal(await page.getByTestId("backup-nudge").count(), 0);
});

test("a backup older than two weeks earns the nudge again", async () => {
  const { page } = sample.browser;
  await page.evaluate(() => {
    const list = JSON.parse(localStorage.getItem("waymark.backups"));
    list[0].at = new Date(Date.now() - 30 * 86400e3).toISOString();
    localStorage.setItem("waymark.backups", JSON.stringify(list));
  });
  await openSettings(page);
  assert.match(await page.getByTestId("last-backup").textContent(), /30 days ago/);
  assert.ok(await page.getByTestId("backup-nudge").isVisible());
  if (process.env.WAYMARK_SHOTS) {
    await page.getByTestId("last-backup").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(process.env.WAYMARK_SHOTS, "backup-nudge.png") });
  }
});

/** Makes a full backup from Settings and dates it `days` ago. */
async function backUpDaysAgo(page, days) {
  await openSettings(page);
  await page.getByRole("link", { name: "Back up now" }).tap();
  await page.waitForURL(/\/share\?backup/);
  await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download file" }).tap()]);
  await page.evaluate((days) => {
    const list = JSON.parse(localStorage.getItem("waymark.backups"));
    list[0].at = new Date(Date.now() - days * 86400e3).toISOString();
    localStorage.setItem("waymark.backups", JSON.stringify(list));
  }, days);
  await openSettings(page);
}

test("in a tab on an iPhone a backup eight days old earns the nudge: Safari deletes unvisited sites' data after seven days", async () => {
  const iphone = await openBrowser(sample.origin, {
    context: {
      userAgent:
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
    },
  });
  try {
    const { page } = iphone;
    await startWithSamplePlan(page, sample.origin);
    await backUpDaysAgo(page, 8);
    assert.match(await page.getByTestId("last-backup").textContent(), /8 days ago/);
    const nudge = await page.getByTestId("backup-nudge").textContent();
    assert.match(nudge, /Safari deletes a site's data after seven days/);
    assert.match(await page.getByTestId("storage-persisted").textContent(), /^Not protected: on an iPhone or iPad/);
  } finally {
    await iphone.close();
  }
  // The same age elsewhere is no reason for a nudge yet.
  const { page } = sample.browser;
  await backUpDaysAgo(page, 8);
  assert.match(await page.getByTestId("last-backup").textContent(), /8 days ago/);
  assert.equal(await page.getByTestId("backup-nudge").count(), 0);
});

test("storage cleared by the browser: the app says so and restores the backup", async () => {
  const { page, context } = sample.browser;
  await page.goto("about:blank");
  // What eviction does: the database goes; localStorage (and so the "has data" marker and the
  // backup record) may survive.
  const cdp = await context.newCDPSession(page);
  await cdp.send("Storage.clearDataForOrigin", { origin: sample.origin, storageTypes: "indexeddb" });
  await cdp.detach();

  await page.goto(sample.origin + "/");
  await waitForApp(page);
  const cleared = page.getByTestId("storage-cleared");
  await cleared.waitFor();
  assert.match(await cleared.textContent(), /cleared Waymark's stored data/);
  assert.match(await page.getByTestId("known-backups").textContent(), /\.waymark\.json/);
  if (process.env.WAYMARK_SHOTS) await page.screenshot({ path: join(process.env.WAYMARK_SHOTS, "storage-cleared.png") });

  // Not acted on: the next visit still says so, rather than greeting a "new" user.
  await page.reload();
  await cleared.waitFor();

  await page.getByRole("link", { name: "Restore from a backup file" }).tap();
  await page.waitForURL(sample.origin + "/share");
  await page.locator("#import-file").setInputFiles(backupPath);
  await page.getByTestId("import-preview").waitFor();
  await page.getByRole("button", { name: "Import" }).tap();
  await page.waitForURL(/\/plan$/);
  // The Plan screen's code may still be loading when the address changes: wait for the goals.
  await page.locator(".goal-card-title").first().waitFor();

  await page.goto(sample.origin + "/");
  await waitForApp(page);
  await page.getByRole("heading", { name: "Today" }).waitFor();
  assert.equal(await cleared.count(), 0);
});

test("deleting the last plan on purpose is not reported as the browser clearing it", async () => {
  const b = await openBrowser(sample.origin);
  try {
    const { page } = b;
    await startWithSamplePlan(page, sample.origin);
    await page.goto(sample.origin + "/clients");
    await waitForApp(page);
    await page.getByRole("button", { name: /^Delete .*’s plan$/ }).click();
    await page.getByTestId("confirm-delete").getByRole("button", { name: "Delete it" }).click();
    await countIs(page.getByTestId("client-row"), 0);
    await page.goto(sample.origin + "/");
    await waitForApp(page);
    await page.getByRole("heading", { name: "Welcome to Waymark" }).waitFor();
    assert.equal(await page.getByTestId("storage-cleared").count(), 0);
    assert.deepEqual(b.consoleErrors, []);
  } finally {
    await b.close();
  }
});

test("no console errors and no requests outside the app", () => {
  assert.deepEqual(sample.browser.foreignRequests, []);
  assert.deepEqual(sample.browser.consoleErrors, []);
});
