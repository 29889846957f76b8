// A coach's practice (issue #11's "done when"), in separate browser profiles at phone size with
// real downloaded files: one coach, one template, three clients.
// 1. the coach sends a template;
// 2. each client opens it (a plan of their own, named), checks in with a KPI value, writes a
//    shared and a private reflection and sends a progress report;
// 3. the coach imports all three: three client plans, each with only its own client's words and
//    no private reflection; a second import of a report changes nothing;
// 4. the coach adds a milestone to the template and sends it again: every client merges it and
//    keeps their own work;
// 5. the coach adds another and uses "Send the latest version" on the Clients screen: each
//    client imports the plan file named for them, keeps their work, and a second import of it
//    changes nothing.
// The tests run in order and build on each other.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openBrowser, saved, serve, storedText, waitForApp } from "./harness.mjs";

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


/** The client-plan rows of the Clients screen, once it has loaded. */
async function planRows(page) {
  await go(page, "/clients");
  await page.locator('.client-list[aria-busy="false"]').waitFor({ state: "attached" });
  const rows = page.getByTestId("client-row");
  await rows.first().waitFor();
  return rows;
}

/** Opens the plan whose row on the Clients screen names `who`. */
async function openPlanOf(page, who) {
  const row = (await planRows(page)).filter({ has: page.locator(".client-name", { hasText: new RegExp(`^${who}$`) }) });
  assert.equal(await row.count(), 1, `one plan row for ${who}`);
  await row.getByRole("button", { name: /^Open / }).tap();
  await page.waitForURL(server.origin + "/plan");
}

/** Adds a milestone to the portfolio goal of the open plan. */
async function addMilestone(page, title, days) {
  await go(page, "/plan");
  await page.getByTestId("goal-card").getByRole("link", { name: GOAL, exact: true }).tap();
  await page.waitForURL(/\/plan\/goals\/[0-9a-f-]{36}$/);
  const roadmap = page.getByTestId("milestones");
  await roadmap.getByLabel("Milestone", { exact: true }).fill(title);
  const d = new Date(Date.now() + days * 86400_000);
  await roadmap.getByLabel("Milestone due date").fill(d.toISOString().slice(0, 10));
  await roadmap.getByRole("button", { name: "Add milestone" }).tap();
  await roadmap.getByText(title).waitFor();
  await saved(page);
}

/** Opens the template from the Clients screen. */
async function openTemplate(page) {
  await go(page, "/clients");
  const row = page.getByTestId("template-row");
  assert.equal(await row.count(), 1);
  await row.getByRole("button", { name: /^Open the template/ }).tap();
  await page.waitForURL(server.origin + "/plan");
}

/** A client's plan after an import: their words kept, with the milestone `title`. */
async function assertKeptWork(page, name, title) {
  assert.equal(await (await planRows(page)).count(), 1, `${name}: still one plan`);
  const entries = await journalTexts(page);
  assert.equal(entries.length, 2, `${name}: both reflections kept`);
  assert.ok(entries.some((e) => e.includes(secret(name))));
  await go(page, "/checkin");
  assert.ok((await page.getByTestId("past-checkins").textContent()).includes(note(name)));
  await go(page, "/plan");
  await page.getByTestId("goal-card").getByRole("link", { name: GOAL, exact: true }).tap();
  await page.waitForURL(/\/plan\/goals\/[0-9a-f-]{36}$/);
  assert.ok((await page.getByTestId("milestones").textContent()).includes(title), `${name}: the new milestone`);
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
    await page.waitForURL(/\/plan\/client-activity/);
    await saved(page);
  }
  assert.equal(await (await planRows(page)).count(), 4, "the coach's plan and three clients'");
  assert.equal(await page.getByTestId("template-row").count(), 1, "the template, listed apart");
  assert.match(await page.getByTestId("template-count").textContent(), /3 client plans made from it/);
  // Each new report is marked until the coach looks at it.
  assert.equal(await page.getByTestId("client-news").count(), 3);
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
  await go(page, "/settings");
  const naming = page.getByTestId("plan-naming");
  await naming.getByLabel("Title").fill("Ravi: into product research");
  await naming.getByLabel("Whom it is for").fill("Ravi Shah");
  await naming.getByRole("button", { name: "Save name" }).tap();
  await naming.getByRole("status").filter({ hasText: "Saved." }).waitFor();
  assert.match(await page.getByTestId("open-plan").textContent(), /Ravi Shah.*Ravi: into product research/);
  const ravi = (await planRows(page)).filter({ hasText: "Ravi: into product research" });
  assert.equal(await ravi.locator(".client-name").textContent(), "Ravi Shah");
  // "New report" opens what the report brought; then the marker goes.
  await ravi.getByTestId("client-news").tap();
  await page.waitForURL(/\/plan\/client-activity/);
  await page.getByTestId("activity-intro").waitFor();
  const after = (await planRows(page)).filter({ hasText: "Ravi: into product research" });
  assert.equal(await after.getByTestId("client-news").count(), 0);
});

test("4. the coach adds a milestone to the template; every client merges it and keeps their work", async () => {
  const { page } = coach;
  await openTemplate(page);
  await addMilestone(page, MILESTONE, 40);
  files.revised = await exportFile(page, "Template for a client");

  for (const name of NAMES) {
    const { page } = clients[name];
    const text = await previewImport(page, files.revised);
    assert.match(text, /newer version of the template/);
    await page.getByRole("button", { name: "Import" }).tap();
    await page.getByRole("status").filter({ hasText: /^Imported '/ }).waitFor();
    await saved(page);
    await assertKeptWork(page, name, MILESTONE);
  }
});

test("5. 'Send the latest version': each client imports the file named for them and keeps their work", async () => {
  const { page } = coach;
  const LATER = "Portfolio reviewed by a working researcher";
  await openTemplate(page);
  await addMilestone(page, LATER, 50);
  await go(page, "/clients");
  const row = page.getByTestId("template-row");
  await row.getByRole("button", { name: "Send the latest version" }).tap();
  const sent = page.getByTestId("sent-files");
  await sent.filter({ hasText: "Updated 3 client plans" }).waitFor();
  const latest = {};
  for (const [name, full] of [["Maya", "Maya"], ["Ravi", "Ravi Shah"], ["Ines", "Ines"]]) {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      sent.getByRole("button", { name: `Download ${full}’s plan` }).tap(),
    ]);
    assert.match(download.suggestedFilename(), new RegExp(`^${full.toLowerCase().replace(" ", "-")}-`), "named for its client");
    latest[name] = join(dir, `latest-${download.suggestedFilename()}`);
    await download.saveAs(latest[name]);
    assert.equal(JSON.parse(readFileSync(latest[name], "utf8")).kind, "plan_for_client");
  }
  // The coach's own copies have it too, with each client's words only.
  await openPlanOf(page, "Maya");
  const entries = await journalTexts(page);
  assert.equal(entries.length, 1);
  assert.ok(entries[0].includes(shared("Maya")));

  for (const name of NAMES) {
    const { page } = clients[name];
    const text = await previewImport(page, latest[name]);
    assert.doesNotMatch(text, /separate plan/i, `${name}: no mismatch`);
    await page.getByRole("button", { name: "Import" }).tap();
    await page.getByRole("status").filter({ hasText: /^Imported '/ }).waitFor();
    await saved(page);
    await assertKeptWork(page, name, LATER);
    // A second import of the same file changes nothing.
    const again = await previewImport(page, latest[name]);
    assert.match(again, /already has everything in this file/);
    assert.ok(await page.getByRole("button", { name: "Import" }).isDisabled());
  }
});

test("6. no console errors and no request to another origin in any profile", () => {
  for (const [who, b] of [["coach", coach], ...Object.entries(clients)]) {
    assert.deepEqual(b.consoleErrors, [], `${who}: console errors`);
    assert.deepEqual(b.foreignRequests, [], `${who}: requests to another origin`);
  }
});
