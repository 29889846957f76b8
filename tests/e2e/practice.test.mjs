// A coach's practice (issue #11's "done when"), in separate browser profiles at phone size with
// real downloaded files: one coach, one template, three clients.
// 1. the coach sends a template;
// 2. each client opens it (a plan of their own, named), checks in with a KPI value, writes a
//    shared and a private reflection and sends a progress report;
// 3. the coach imports all three: three client plans, each with only its own client's words and
//    no private reflection; a second import of a report changes nothing;
// 4. the coach adds a milestone to the template and sends it again: every client merges it and
//    keeps their own work.
// The tests run in order and build on each other.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openBrowser, serve, waitForApp } from "./harness.mjs";

const NAMES = ["Maya", "Ravi", "Ines"];
const MILESTONE = "Two informational interviews booked";
const GOAL = "Build a UX research portfolio";
let server, coach;
const clients = {};
const reports = {};
const files = {};
const dir = mkdtempSync(join(tmpdir(), "waymark-practice-"));

before(async () => {
  server = await serve();
  coach = await openBrowser(server.origin);
  for (const name of NAMES) clients[name] = await openBrowser(server.origin);
});
after(async () => {
  for (const b of Object.values(clients)) await b?.close();
  await coach?.close();
  server?.stop();
});

const saved = (page) => page.getByTestId("save-status").filter({ hasText: "Saved" }).waitFor();
const shared = (name) => `${name}: the informational interview went well.`;
const secret = (name) => `${name}-secret-7Qx: I may not afford the switch.`;
const note = (name) => `${name} drafted a case study.`;

async function go(page, path) {
  await page.goto(server.origin + path);
  await waitForApp(page);
}

async function exportFile(page, kind) {
  await go(page, "/share");
  await page.getByLabel(kind).check();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download file" }).tap(),
  ]);
  const path = join(dir, `${Object.keys(files).length}-${download.suggestedFilename()}`);
  files[path] = true;
  await download.saveAs(path);
  await page.getByText(/\.waymark\.json is ready\./).waitFor();
  return path;
}

async function previewImport(page, path) {
  await go(page, "/share");
  await page.locator("#import-file").setInputFiles(path);
  const preview = page.getByTestId("import-preview");
  await preview.waitFor();
  return preview.textContent();
}

async function journalTexts(page) {
  await go(page, "/journal");
  await page.getByTestId("journal-count").waitFor();
  return page.getByTestId("journal-entry").allTextContents();
}

async function reflect(page, words, isPrivate) {
  await go(page, "/journal/new");
  const box = page.getByRole("textbox", { name: "Your reflection" });
  await box.waitFor();
  // Private from the first save: the entry is never stored as shared.
  if (isPrivate) await page.getByRole("checkbox", { name: "Private" }).check();
  await box.tap();
  await page.keyboard.type(words);
  await page.waitForURL(/\/journal\/[0-9a-f-]{36}$/);
  await saved(page);
  await page.waitForFunction((w) => document.querySelector("#reflection-text")?.value === w, words);
  // Reopened from storage, it is what was written.
  await page.reload();
  await waitForApp(page);
  await page.waitForFunction((w) => document.querySelector("#reflection-text")?.value === w, words);
  assert.equal(await page.getByRole("checkbox", { name: "Private" }).isChecked(), isPrivate);
}

/** A guided check-in: a note and a KPI value on the portfolio goal, the other goals skipped. */
async function checkIn(page, name) {
  await go(page, "/checkin/run");
  const step = page.getByTestId("step-indicator");
  await step.waitFor();
  const total = Number((await step.textContent()).match(/of (\d+)/)[1]);
  for (let i = 1; i <= total - 2; i++) {
    await step.filter({ hasText: `Step ${i} of ${total}` }).waitFor();
    const heading = await page.locator("main h2").first().textContent();
    if (heading === "Build a UX research portfolio") {
      await page.getByLabel("Progress since last time").fill(note(name));
      await page.getByLabel("Case studies published (case studies)").fill("2");
    } else {
      await page.getByLabel("Skip this goal this time").check();
    }
    await page.getByRole("button", { name: "Next" }).tap();
  }
  await step.filter({ hasText: `Step ${total - 1} of ${total}` }).waitFor();
  await page.getByRole("group", { name: /How confident/ }).getByRole("radio", { name: "7", exact: true }).tap();
  await page.getByRole("group", { name: "Your mood" }).getByRole("radio", { name: "4", exact: true }).tap();
  await page.getByRole("button", { name: "Next" }).tap();
  await page.getByRole("button", { name: "Save check-in" }).tap();
  await page.getByTestId("checkin-done").waitFor();
  await saved(page);
}

async function storedText(page) {
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

/** The rows of Settings' plan list, once it has loaded. */
async function planRows(page) {
  await go(page, "/settings");
  const rows = page.locator(".plan-list li");
  await rows.first().waitFor();
  return rows;
}

/** Opens the plan whose row in Settings names `who`. */
async function openPlanOf(page, who) {
  const row = (await planRows(page)).filter({ has: page.locator(".plan-client", { hasText: who }) });
  assert.equal(await row.count(), 1, `one plan row for ${who}`);
  const open = row.getByRole("button", { name: "Open" });
  if (await open.count()) {
    await open.tap();
    await row.getByText("Open now").waitFor();
  }
}

test("1. the coach keeps a template and sends it", async () => {
  const { page } = coach;
  await go(page, "/settings");
  await page.getByLabel("A coach, preparing plans for clients").check();
  await page.goto(server.origin + "/welcome");
  await page.getByTestId("try-sample").tap();
  await page.waitForURL(server.origin + "/");
  await saved(page);
  await go(page, "/settings");
  await page.getByRole("button", { name: "Save a copy as a template" }).tap();
  await page.waitForURL(server.origin + "/plan");
  await saved(page);
  files.template = await exportFile(page, "Template for a client");
  const json = JSON.parse(readFileSync(files.template, "utf8"));
  assert.equal(json.kind, "template");
});

test("2. each client opens the template as a plan of their own, works and sends a report", async () => {
  for (const name of NAMES) {
    const { page } = clients[name];
    const text = await previewImport(page, files.template);
    assert.match(text, /as a new plan of your own/);
    await page.getByLabel("Your name").fill(name);
    await page.getByRole("button", { name: "Import" }).tap();
    await page.waitForURL(server.origin + "/plan");
    await saved(page);
    // Nothing is overdue on day one.
    await go(page, "/");
    assert.doesNotMatch(await page.locator("main").textContent(), /overdue/i, `${name}: nothing overdue on day one`);

    await checkIn(page, name);
    await reflect(page, shared(name), false);
    await reflect(page, secret(name), true);
    reports[name] = await exportFile(page, "Progress report for my coach");
    const raw = readFileSync(reports[name], "utf8");
    assert.ok(!raw.includes("secret-7Qx"), `${name}: no private reflection in the report`);
    assert.ok(raw.includes(shared(name)));
  }
  const ids = NAMES.map((n) => JSON.parse(readFileSync(reports[n], "utf8")).plan.meta.id);
  assert.equal(new Set(ids).size, 3, "three plans, three ids");
});

test("3. the coach imports all three: three client plans, each only its own client's words", async () => {
  const { page } = coach;
  for (const name of NAMES) {
    const text = await previewImport(page, reports[name]);
    assert.match(text, new RegExp(`For ${name}:`), "the preview names the client");
    assert.match(text, /as a new plan/);
    await page.getByRole("button", { name: "Import" }).tap();
    await page.waitForURL(server.origin + "/plan/client-activity");
    await saved(page);
  }
  assert.equal(await (await planRows(page)).count(), 5, "the coach's plan, the template and three clients'");
  for (const name of NAMES) {
    await openPlanOf(page, name);
    assert.match(await page.getByTestId("open-plan").textContent(), new RegExp(name), "the header names the open plan's client");
    const entries = await journalTexts(page);
    assert.deepEqual(entries.length, 1, `${name}: one shared reflection`);
    assert.ok(entries[0].includes(shared(name)));
    await go(page, "/checkin");
    const past = await page.getByTestId("past-checkins").textContent();
    assert.ok(past.includes(note(name)), `${name}'s check-in`);
    for (const other of NAMES.filter((n) => n !== name)) assert.ok(!past.includes(note(other)));
  }
  assert.ok(!(await storedText(page)).includes("secret-7Qx"), "no private reflection anywhere on the coach's device");

  // A second import of the same report changes nothing.
  const again = await previewImport(page, reports.Ravi);
  assert.match(again, /already has everything in this file/);
  assert.ok(await page.getByRole("button", { name: "Import" }).isDisabled());

  // The coach gives Ravi's plan his full name and a title of its own.
  await openPlanOf(page, "Ravi");
  const naming = page.getByTestId("plan-naming");
  await naming.getByLabel("Title").fill("Ravi: into product research");
  await naming.getByLabel("Whom it is for").fill("Ravi Shah");
  await naming.getByRole("button", { name: "Save name" }).tap();
  await naming.getByRole("status").filter({ hasText: "Saved." }).waitFor();
  assert.match(await page.getByTestId("open-plan").textContent(), /Ravi Shah.*Ravi: into product research/);
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.locator(".plan-list li").filter({ hasText: "Ravi: into product research" }).locator(".plan-client").textContent(), "Ravi Shah");
});

test("4. the coach adds a milestone to the template; every client merges it and keeps their work", async () => {
  const { page } = coach;
  const row = (await planRows(page)).filter({ has: page.locator(".tag", { hasText: "Template" }) });
  assert.equal(await row.count(), 1);
  if (await row.getByRole("button", { name: "Open" }).count()) await row.getByRole("button", { name: "Open" }).tap();
  await row.getByText("Open now").waitFor();
  await go(page, "/plan");
  const goal = page.getByTestId("goal-card").getByRole("link", { name: GOAL, exact: true });
  await goal.tap();
  await page.waitForURL(/\/plan\/goals\/[0-9a-f-]{36}$/);
  const roadmap = page.getByTestId("milestones");
  await roadmap.getByLabel("Milestone", { exact: true }).fill(MILESTONE);
  const d = new Date(Date.now() + 40 * 86400_000);
  await roadmap.getByLabel("Milestone due date").fill(d.toISOString().slice(0, 10));
  await roadmap.getByRole("button", { name: "Add milestone" }).tap();
  await roadmap.getByText(MILESTONE).waitFor();
  await saved(page);
  files.revised = await exportFile(page, "Template for a client");

  for (const name of NAMES) {
    const { page } = clients[name];
    const text = await previewImport(page, files.revised);
    assert.match(text, /newer version of the template/);
    await page.getByRole("button", { name: "Import" }).tap();
    await page.getByRole("status").filter({ hasText: /^Imported '/ }).waitFor();
    await saved(page);
    assert.equal(await (await planRows(page)).count(), 1, `${name}: still one plan`);
    const entries = await journalTexts(page);
    assert.equal(entries.length, 2, `${name}: both reflections kept`);
    assert.ok(entries.some((e) => e.includes(secret(name))));
    await go(page, "/checkin");
    assert.ok((await page.getByTestId("past-checkins").textContent()).includes(note(name)));
    await go(page, "/plan");
    await page.getByTestId("goal-card").getByRole("link", { name: GOAL, exact: true }).tap();
    await page.waitForURL(/\/plan\/goals\/[0-9a-f-]{36}$/);
    assert.ok((await page.getByTestId("milestones").textContent()).includes(MILESTONE), `${name}: the new milestone`);
  }
});

test("5. no console errors and no request to another origin in any profile", () => {
  for (const [who, b] of [["coach", coach], ...Object.entries(clients)]) {
    assert.deepEqual(b.consoleErrors, [], `${who}: console errors`);
    assert.deepEqual(b.foreignRequests, [], `${who}: requests to another origin`);
  }
});
