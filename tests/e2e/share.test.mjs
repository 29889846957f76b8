// Plan files with real files: export from one browser profile, import into another, preview
// before anything is stored, passphrase protection, and hostile files that change nothing.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { openBrowser, serve, startWithSamplePlan, waitForApp } from "./harness.mjs";

let server, coach, client;
const dir = mkdtempSync(join(tmpdir(), "waymark-files-"));
before(async () => {
  server = await serve();
  client = await openBrowser(server.origin);
  coach = await openBrowser(server.origin);
  await startWithSamplePlan(client.page, server.origin);
});
after(async () => {
  await client?.close();
  await coach?.close();
  server?.stop();
});

async function exportFile(page, kind, { passphrase = "" } = {}) {
  await page.goto(server.origin + "/share");
  await waitForApp(page);
  await page.getByLabel(kind).check();
  await page.getByLabel("Passphrase (optional)").fill(passphrase);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download file" }).tap(),
  ]);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

async function chooseFile(page, path) {
  await page.goto(server.origin + "/share");
  await waitForApp(page);
  await page.locator("#import-file").setInputFiles(path);
}

/** The titles of the plans listed on the plans screen. */
async function plansOnDevice(page) {
  await page.goto(server.origin + "/clients");
  await waitForApp(page);
  await page.locator('.client-list[aria-busy="false"]').waitFor({ state: "attached" });
  return page
    .getByTestId("client-row")
    .evaluateAll((rows) => rows.map((r) => (r.querySelector(".client-plan-title") ?? r.querySelector(".client-name")).textContent));
}

test("a full backup moves the plan to another device, previewed before it is stored", async () => {
  const path = await exportFile(client.page, "Full backup");
  assert.match(path, /\.waymark\.json$/);
  const json = JSON.parse(readFileSync(path, "utf8"));
  assert.equal(json.format, "waymark-plan");
  assert.equal(json.kind, "plan");

  const { page } = coach;
  await chooseFile(page, path);
  const preview = page.getByTestId("import-preview");
  await preview.waitFor();
  assert.match(await preview.textContent(), /A full plan from the client/);
  assert.match(await preview.textContent(), /new plan/);
  assert.deepEqual(await plansOnDevice(page), [], "nothing is stored before Import");

  await chooseFile(page, path);
  await page.getByTestId("import-preview").waitFor();
  await page.getByRole("button", { name: "Import" }).tap();
  await page.waitForURL(/\/plan$/);
  const titles = await plansOnDevice(page);
  assert.equal(titles.length, 1);
  assert.match(titles[0], /Maya/);

  // The same file again adds nothing.
  await chooseFile(page, path);
  await page.getByTestId("import-preview").waitFor();
  assert.match(await page.getByTestId("import-preview").textContent(), /already has everything/);
  assert.ok(await page.getByRole("button", { name: "Import" }).isDisabled());
});

test("a file opened before the device's plans are read waits for them (a slow phone, a file the app was launched with)", async () => {
  // The coach's device holds Maya's plan since the test above. On this page the database
  // answers its open 3 s late, as on a slow phone; the file is chosen at once.
  const path = await exportFile(client.page, "Full backup");
  const page = await coach.context.newPage();
  await page.addInitScript(() => {
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (name, version) {
      const request = open.call(this, name, version);
      if (name !== "waymark" || version === undefined) return request;
      const setter = Object.getOwnPropertyDescriptor(IDBRequest.prototype, "onsuccess").set;
      Object.defineProperty(request, "onsuccess", {
        set(handler) {
          setter.call(request, handler && ((event) => setTimeout(() => handler.call(request, event), 3000)));
        },
      });
      return request;
    };
  });
  try {
    await chooseFile(page, path);
    // Meanwhile the person is told the file is being read, not left with nothing.
    await page.getByTestId("import-reading").filter({ hasText: "Reading the file…" }).waitFor();
    const preview = page.getByTestId("import-preview");
    await preview.waitFor();
    assert.match(await preview.textContent(), /already has everything/, "previewed against the plan on the device, not as a new plan");
    assert.equal(await page.getByTestId("import-reading").count(), 0);
    assert.ok(await page.getByRole("button", { name: "Import" }).isDisabled());
    assert.equal((await plansOnDevice(page)).length, 1);
  } finally {
    await page.close();
  }
});

test("a plan file dropped on the import area opens the same preview", async () => {
  const path = await exportFile(client.page, "Full backup");
  const fresh = await openBrowser(server.origin);
  try {
    const { page } = fresh;
    await page.goto(server.origin + "/share");
    await waitForApp(page);
    // The browser's own drag-and-drop events with a real File: only the OS drag is skipped.
    const transfer = await page.evaluateHandle(
      ([text, name]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], name, { type: "application/json" }));
        return dt;
      },
      [readFileSync(path, "utf8"), basename(path)],
    );
    const zone = page.locator(".drop-zone");
    await zone.dispatchEvent("dragover", { dataTransfer: transfer });
    await zone.dispatchEvent("drop", { dataTransfer: transfer });
    await page.getByTestId("import-preview").waitFor();
    assert.match(await page.getByTestId("import-preview").textContent(), /A full plan from the client/);
    assert.deepEqual(fresh.consoleErrors, []);
  } finally {
    await fresh.close();
  }
});

test("a passphrase-protected file opens only with the right passphrase", async () => {
  const path = await exportFile(client.page, "Full backup", { passphrase: "correct horse battery" });
  const raw = readFileSync(path, "utf8");
  assert.doesNotMatch(raw, /Maya/, "no plaintext of the plan in the encrypted file");

  const { page } = coach;
  await chooseFile(page, path);
  await page.getByLabel("This file is protected. Passphrase").fill("wrong");
  await page.getByRole("button", { name: "Open file" }).tap();
  await page.getByRole("alert").filter({ hasText: "passphrase is wrong" }).waitFor();
  await page.getByLabel("This file is protected. Passphrase").fill("correct horse battery");
  await page.getByRole("button", { name: "Open file" }).tap();
  await page.getByTestId("import-preview").waitFor();
});

test("a damaged or hostile file gives a specific message and changes nothing", async () => {
  const good = readFileSync(await exportFile(client.page, "Full backup"), "utf8");
  const { page } = coach;
  const before = await plansOnDevice(page);

  const truncated = join(dir, "truncated.waymark.json");
  writeFileSync(truncated, good.slice(0, good.length / 2));
  await chooseFile(page, truncated);
  await page.getByRole("alert").waitFor();
  assert.match(await page.getByRole("alert").textContent(), /damaged or incomplete/);

  const future = join(dir, "future.waymark.json");
  writeFileSync(future, JSON.stringify({ ...JSON.parse(good), version: 7 }));
  await chooseFile(page, future);
  await page.getByRole("alert").waitFor();
  assert.match(await page.getByRole("alert").textContent(), /newer version of Waymark/);

  const badDate = join(dir, "bad-date.waymark.json");
  const withBadDate = JSON.parse(good);
  withBadDate.goals[0].target_date = "2025-02-30";
  writeFileSync(badDate, JSON.stringify(withBadDate));
  await chooseFile(page, badDate);
  await page.getByRole("alert").waitFor();
  assert.match(await page.getByRole("alert").textContent(), /goals\[0\]\.target_date/);

  assert.deepEqual(await plansOnDevice(page), before);
});

test("markup in an imported file shows as text, never as markup", async () => {
  const good = JSON.parse(readFileSync(await exportFile(client.page, "Full backup"), "utf8"));
  const payload = `<img src=x onerror="document.title='pwned'"><script>window.pwned=1</script>`;
  good.plan.title = "Hostile " + payload;
  good.goals[0].title = payload;
  const path = join(dir, "hostile.waymark.json");
  writeFileSync(path, JSON.stringify(good));
  const fresh = await openBrowser(server.origin);
  try {
    await chooseFile(fresh.page, path);
    await fresh.page.getByTestId("import-preview").waitFor();
    await fresh.page.getByRole("button", { name: "Import" }).tap();
    await fresh.page.waitForURL(/\/plan$/);
    const titles = await plansOnDevice(fresh.page);
    assert.equal(titles[0].replace(/(Plan|Template|Archived)$/, ""), "Hostile " + payload);
    assert.equal(await fresh.page.locator("main img[src=x]").count(), 0);
    assert.equal(await fresh.page.evaluate(() => window.pwned), undefined);
    assert.doesNotMatch(await fresh.page.title(), /pwned/);
  } finally {
    await fresh.close();
  }
});

test("readable copies download as Markdown, iCalendar and CSV", async () => {
  const { page } = client;
  await page.goto(server.origin + "/share");
  await waitForApp(page);
  for (const [label, ext] of [["Plan as Markdown", ".md"], ["Check-ins, milestones and action due dates (.ics)", ".ics"], ["KPI values (CSV)", ".csv"]]) {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: label }).tap()]);
    assert.ok(download.suggestedFilename().endsWith(ext), download.suggestedFilename());
  }
});

test("on a phone with a share sheet, Share… hands over the plan file itself", async () => {
  // Headless desktop Chromium has no share sheet (navigator.canShare is missing), so this
  // profile stands in for a phone's: it accepts files and keeps what it was given. What is
  // tested is the app's side: the button appears only where files can be shared, the file
  // handed over is a complete plan file, and closing the sheet is not an error.
  const phone = await openBrowser(server.origin);
  try {
    await phone.context.addInitScript(() => {
      window.__shared = [];
      window.__closeSheet = false;
      navigator.canShare = (data) => Array.isArray(data?.files) && data.files.length === 1;
      navigator.share = async (data) => {
        if (window.__closeSheet) throw new DOMException("closed", "AbortError");
        const f = data.files[0];
        window.__shared.push({ name: f.name, type: f.type, text: await f.text() });
      };
    });
    const { page } = phone;
    await startWithSamplePlan(page, server.origin);
    await page.goto(server.origin + "/share?backup");
    await waitForApp(page);
    await page.getByRole("button", { name: "Share…" }).tap();
    await page.getByText(/is ready\./).waitFor();
    const [shared] = await page.evaluate(() => window.__shared);
    assert.match(shared.name, /\.waymark\.json$/);
    assert.equal(shared.type, "application/vnd.waymark+json");
    const json = JSON.parse(shared.text);
    assert.equal(json.kind, "plan");
    assert.ok(json.goals.length > 0);

    // Closing the sheet: no error, and it does not count as a backup.
    await page.evaluate(() => {
      localStorage.removeItem("waymark.backups");
      window.__closeSheet = true;
    });
    await page.getByRole("button", { name: "Share…" }).tap();
    await page.waitForTimeout(300);
    assert.equal(await page.getByRole("alert").count(), 0);
    assert.equal(await page.evaluate(() => localStorage.getItem("waymark.backups")), null);
    assert.deepEqual(phone.consoleErrors, []);
    assert.deepEqual(phone.foreignRequests, []);
  } finally {
    await phone.close();
  }
});

test("no console errors and no request to another origin", () => {
  for (const b of [client, coach]) {
    assert.deepEqual(b.consoleErrors, []);
    assert.deepEqual(b.foreignRequests, []);
  }
});
