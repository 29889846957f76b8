// The coach–client exchange, end to end (issue #5's "done when"), in two fresh browser
// profiles at phone size with touch, with real downloaded files:
// 1. the coach prepares a plan and sends it as a template;
// 2. the client opens the template as a plan of their own (its dates counting from today), works
//    offline for "two weeks" (a guided check-in with a KPI value, a KPI value logged on a goal,
//    two reflections — one private — and a completed action), reloads offline, and sends a
//    progress report without the private reflection;
// 3. the coach imports the report as a plan of its own, sees the client's work but nothing of
//    the private reflection, adapts a goal with a reason, adds a milestone and sends the plan back;
// 4. the client merges the coach's file and keeps every entry of their own.
// The tests run in order and build on each other.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  openBrowser,
  saved,
  serve,
  storedText,
  waitForApp,
  waitForServiceWorkerControl,
} from "./harness.mjs";

let server, coach, client;
const dir = mkdtempSync(join(tmpdir(), "waymark-journey-"));
const files = {};

before(async () => {
  server = await serve();
  coach = await openBrowser(server.origin);
  client = await openBrowser(server.origin);
});
after(async () => {
  await client?.close();
  await coach?.close();
  server?.stop();
});

// What the client writes; the private reflection carries a marker that must never reach the coach.
const CHECKIN_NOTE = "Drafted the Year 9 usability case study.";
const CHECKIN_NEXT = "Send the draft to my mentor on Tuesday.";
const SHARED = "Week one: presenting the draft to the meetup felt good.";
const SECRET = "Zq7-secret";
const SESSION_GOAL = "Choose between the two portfolio ideas";
const PRIVATE = `${SECRET}: I am not sure I can afford three months without a salary.`;
const ACTION = "Set up peer marking with rubrics for Year 10";
const WEEKENDS = "Get my weekends back";
const PORTFOLIO = "Build a UX research portfolio";
// What the coach changes.
const REASON = "Exam season adds marking until June; peer marking needs a term to settle.";
const MILESTONE = "Peer marking rolled out to Year 11";
const CLIENT_WHY = "Weekends are when I build the portfolio; marking eats them.";

const isoDay = (daysFromNow) => {
  const d = new Date();
  d.setDate(d.getDate() + daysFromNow);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};
/** The app's reading format for a date in the tests' en-GB ("3 Mar 2027"). */
const showDate = (iso) =>
  new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" }).format(
    new Date(`${iso}T00:00:00Z`),
  );
const NEW_TARGET = isoDay(75);
const KPI_DATE = isoDay(-7);

async function go(page, path) {
  await page.goto(server.origin + path);
  await waitForApp(page);
}

/** Downloads the open plan as `kind` from /share (staying on it if already there). */
async function exportFile(page, kind) {
  if (page.url() !== server.origin + "/share") await go(page, "/share");
  await page.getByLabel(kind).check();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download file" }).tap(),
  ]);
  const path = join(dir, `${Object.keys(files).length}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  await page.getByText(/\.waymark\.json is ready\./).waitFor();
  return path;
}

/** Chooses a file on /share and returns the preview's text. */
async function previewImport(page, path) {
  await page.locator("#import-file").setInputFiles(path);
  const preview = page.getByTestId("import-preview");
  await preview.waitFor();
  return preview.textContent();
}

async function openGoal(page, title) {
  await go(page, "/plan");
  await page.getByTestId("goal-card").getByRole("link", { name: title, exact: true }).tap();
  await page.waitForURL(/\/plan\/goals\/[0-9a-f-]{36}$/);
  await page.getByTestId("kpis").waitFor();
}

/** On a goal's page: whether ACTION is listed under "Done" (opening that list). */
async function actionIsDone(page) {
  await page.locator("details.done-actions summary").tap();
  return page.getByRole("button", { name: `Reopen: ${ACTION}` }).isVisible();
}

async function journalTexts(page) {
  await go(page, "/journal");
  await page.getByTestId("journal-count").waitFor();
  return page.getByTestId("journal-entry").allTextContents();
}


test("1. the coach prepares a plan and downloads it as a template for a client", async () => {
  const { page } = coach;
  await go(page, "/settings");
  await page.getByLabel("A coach, preparing plans for clients").check();
  await page.reload();
  await waitForApp(page);
  assert.ok(await page.getByLabel("A coach, preparing plans for clients").isChecked(), "the role is remembered");

  await page.goto(server.origin + "/welcome");
  await page.getByTestId("try-sample").tap();
  await page.waitForURL(server.origin + "/");
  await saved(page);

  files.template = await exportFile(page, "Template for a client");
  assert.match(files.template, /-template\.waymark\.json$/);
  const json = JSON.parse(readFileSync(files.template, "utf8"));
  assert.equal(json.kind, "template");
  assert.equal(json.exported_by, "coach");
  assert.deepEqual(json.reflections ?? [], [], "a template carries no journal");
});

test("2a. the client opens the template from the welcome screen and the plan opens", async () => {
  const { page } = client;
  await go(page, "/welcome");
  await page.getByRole("link", { name: "Open a plan file" }).tap();
  await page.waitForURL(server.origin + "/share");
  const text = await previewImport(page, files.template);
  assert.match(text, /A template from the coach/);
  assert.match(text, /as a new plan/);
  await page.getByRole("button", { name: "Import" }).tap();
  await page.waitForURL(server.origin + "/plan");
  await saved(page);
  const cards = page.getByTestId("goal-card");
  await cards.first().waitFor();
  assert.equal(await cards.count(), 3);
  for (const title of [PORTFOLIO, WEEKENDS]) assert.ok(await cards.getByRole("link", { name: title }).isVisible());
});

test("2b. offline, the client checks in, logs a KPI, reflects twice and completes an action", async () => {
  const { page, context } = client;
  await go(page, "/");
  await waitForServiceWorkerControl(page);
  await context.setOffline(true);

  // A guided check-in: a KPI value on the portfolio goal, the other two goals skipped.
  await go(page, "/checkin/run");
  const step = page.getByTestId("step-indicator");
  for (let i = 1; i <= 3; i++) {
    await step.filter({ hasText: `Step ${i} of 5` }).waitFor();
    const heading = await page.locator("main h2").first().textContent();
    if (heading === PORTFOLIO) {
      await page.getByLabel("Progress since last time").fill(CHECKIN_NOTE);
      await page.getByLabel("Case studies published (case studies)").fill("1");
      await page.getByLabel("Next steps").fill(CHECKIN_NEXT);
    } else {
      await page.getByLabel("Skip this goal this time").check();
    }
    await page.getByRole("button", { name: "Next" }).tap();
  }
  await step.filter({ hasText: "Step 4 of 5" }).waitFor();
  await page.getByRole("group", { name: /How confident/ }).getByRole("radio", { name: "6", exact: true }).tap();
  await page.getByRole("group", { name: "Your mood" }).getByRole("radio", { name: "4", exact: true }).tap();
  await page.getByRole("button", { name: "Next" }).tap();
  await step.filter({ hasText: "Step 5 of 5" }).waitFor();
  assert.match(await page.getByTestId("checkin-summary").textContent(), /Case studies published: 1 case study/);
  await page.getByRole("button", { name: "Save check-in" }).tap();
  await page.getByTestId("checkin-done").waitFor();
  await saved(page);

  // A KPI value logged on its goal, dated a week ago.
  await openGoal(page, WEEKENDS);
  const kpi = page.getByTestId("kpi").filter({ hasText: "Hours marking per weekend" });
  await kpi.getByLabel("Log a value").fill("4");
  await kpi.getByLabel("Date").fill(KPI_DATE);
  await kpi.getByRole("button", { name: "Log value for Hours marking per weekend" }).tap();
  await kpi.getByTestId("kpi-latest").filter({ hasText: /^Latest: 4 / }).waitFor();
  await saved(page);

  // Two reflections, the second one private.
  for (const [words, isPrivate] of [[SHARED, false], [PRIVATE, true]]) {
    await go(page, "/journal/new");
    const box = page.getByRole("textbox", { name: "Your reflection" });
    await box.waitFor();
    await box.tap();
    await page.keyboard.type(words);
    await page.waitForURL(/\/journal\/[0-9a-f-]{36}$/);
    await saved(page);
    if (isPrivate) {
      await page.getByRole("checkbox", { name: "Private" }).check();
      await saved(page);
    }
    // Leaving the editor only once its words are saved.
    await page.waitForFunction((w) => document.querySelector("#reflection-text")?.value === w, words);
  }

  // An action completed on its goal's page (the template's dates count from the day the
  // client opened it, so nothing is due on Today yet).
  await openGoal(page, WEEKENDS);
  await page.getByRole("button", { name: `Mark done: ${ACTION}` }).tap();
  await saved(page);
  await page.getByRole("button", { name: `Mark done: ${ACTION}` }).waitFor({ state: "detached" });

  // A reload with no network: everything is still there.
  await page.reload();
  await waitForApp(page);
  await page.getByTestId("kpis").waitFor();
  assert.equal(await page.getByRole("button", { name: `Mark done: ${ACTION}` }).count(), 0);
  assert.ok(await actionIsDone(page), "the completed action is still done");
  await go(page, "/checkin");
  assert.equal(await page.getByTestId("past-checkins").locator("details").count(), 1);
  assert.match(await page.getByTestId("past-checkins").textContent(), new RegExp(CHECKIN_NOTE.replace(".", "\\.")));
  const entries = await journalTexts(page);
  assert.equal(entries.length, 2);
  assert.ok(entries.some((e) => e.includes(SHARED)));
  assert.ok(entries.some((e) => e.includes(SECRET) && /Private/.test(e)), "the private reflection is marked private");
  await openGoal(page, WEEKENDS);
  assert.match(await page.getByTestId("kpi").filter({ hasText: "Hours marking per weekend" }).getByTestId("kpi-latest").textContent(), /^Latest: 4 /);

  // A session note of their own, skipping all but the session's goal.
  await go(page, "/plan/sessions/new");
  const sessionStep = page.getByTestId("step-indicator");
  await page.getByLabel("What do you want from this session?").fill(SESSION_GOAL);
  for (let i = 2; i <= 5; i++) {
    await page.getByRole("button", { name: "Next" }).tap();
    await sessionStep.filter({ hasText: `Step ${i} of 5` }).waitFor();
  }
  await page.getByRole("button", { name: "Save session note" }).tap();
  await page.getByTestId("grow-done").waitFor();

  await context.setOffline(false);
});

test("2c. online again, the client downloads a progress report without the private reflection", async () => {
  const { page } = client;
  await go(page, "/share");
  await page.getByLabel("Progress report for my coach").check();
  // The private reflection is offered, unticked.
  const offered = page.getByRole("checkbox", { name: new RegExp(SECRET) });
  await offered.waitFor();
  assert.equal(await offered.isChecked(), false);
  files.report = await exportFile(page, "Progress report for my coach");
  const raw = readFileSync(files.report, "utf8");
  const json = JSON.parse(raw);
  assert.equal(json.kind, "progress_report");
  assert.equal(json.exported_by, "client");
  assert.ok(!raw.includes(SECRET), "the private reflection is not in the file");
  assert.ok(raw.includes(SHARED), "the shared reflection is in the file");
  assert.ok(raw.includes(CHECKIN_NOTE), "the check-in is in the file");
});

test("2d. after sending the report, the client rewrites why one goal matters", async () => {
  // The coach will change this goal's target date meanwhile: both changes must survive (4).
  const { page } = client;
  await openGoal(page, WEEKENDS);
  await page.goto(page.url() + "/edit");
  await waitForApp(page);
  await page.getByLabel("Why it matters to you").fill(CLIENT_WHY);
  await page.getByRole("button", { name: "Save changes" }).tap();
  await page.waitForURL(/\/plan\/goals\/[0-9a-f-]+$/);
  await page.getByText(CLIENT_WHY).waitFor();
});

test("3a. the coach imports the report as a new plan and sees the client's work, never the private reflection", async () => {
  const { page } = coach;
  await go(page, "/share");
  const text = await previewImport(page, files.report);
  assert.match(text, /A progress report from the client/);
  assert.match(text, /as a new plan/);
  await page.getByRole("button", { name: "Import" }).tap();
  // The coach lands on what the client did since the last exchange (here: since the template).
  await page.waitForURL(/\/plan\/client-activity/);
  await saved(page);
  assert.match(await page.getByTestId("activity-intro").textContent(), /first progress report/);
  const checkinsSince = await page.getByTestId("activity-checkins").textContent();
  assert.match(checkinsSince, /Check-ins \(1\)/);
  assert.match(checkinsSince, /Confidence 6\/10 · Mood 4\/5/);
  assert.ok(checkinsSince.includes(CHECKIN_NOTE));
  const valuesSince = await page.getByTestId("activity-values").textContent();
  assert.match(valuesSince, /Case studies published: 1 case study/);
  assert.match(valuesSince, /Hours marking per weekend: 4/);
  assert.ok((await page.getByTestId("activity-completed").textContent()).includes(ACTION));
  const reflectionsSince = await page.getByTestId("activity-reflections").textContent();
  assert.ok(reflectionsSince.includes(SHARED));
  assert.ok((await page.getByTestId("activity-sessions").textContent()).includes(SESSION_GOAL), "the client's session note");
  assert.ok(!(await page.locator("main").textContent()).includes(SECRET), "never the private reflection");
  if (process.env.WAYMARK_SHOTS) await page.screenshot({ path: join(process.env.WAYMARK_SHOTS, "client-activity.png"), fullPage: true });
  await go(page, "/plan");
  await page.getByRole("link", { name: "Since the last report" }).waitFor();

  await go(page, "/clients");
  await page.locator('.client-list[aria-busy="false"]').waitFor({ state: "attached" });
  const plans = page.getByTestId("client-row");
  assert.equal(await plans.count(), 2, "the coach's own plan and the client's");
  assert.equal(await plans.filter({ hasText: "Open now" }).count(), 1);

  await go(page, "/checkin");
  const checkins = page.getByTestId("past-checkins").locator("details");
  assert.equal(await checkins.count(), 1);
  await checkins.first().locator("summary").tap();
  const checkin = await checkins.first().textContent();
  assert.match(checkin, /Confidence 6\/10 · Mood 4\/5/);
  assert.ok(checkin.includes(CHECKIN_NOTE));
  assert.match(checkin, /Case studies published: 1 case study/);

  await openGoal(page, PORTFOLIO);
  assert.match(await page.getByTestId("kpi").filter({ hasText: "Case studies published" }).getByTestId("kpi-latest").textContent(), /^Latest: 1 /);
  await openGoal(page, WEEKENDS);
  assert.match(await page.getByTestId("kpi").filter({ hasText: "Hours marking per weekend" }).getByTestId("kpi-latest").textContent(), /^Latest: 4 /);
  assert.ok(await actionIsDone(page), "the completed action shows as done");

  const entries = await journalTexts(page);
  assert.deepEqual(entries.length, 1);
  assert.ok(entries[0].includes(SHARED));
  await page.getByRole("searchbox", { name: "Search reflections" }).fill(SECRET);
  assert.equal(await page.getByTestId("journal-count").textContent(), "0 reflections found");

  await go(page, "/review");
  await page.getByTestId("kpi-chart").first().waitFor();
  assert.ok(!(await page.locator("main").textContent()).includes(SECRET), "not in the review");
  const stored = await storedText(page);
  assert.ok(stored.includes(SHARED), "the scan of the coach's storage reads the plan's records");
  assert.ok(!stored.includes(SECRET), "nowhere in the coach's storage");
});

test("3b. the coach adapts a goal with a reason, adds a milestone and downloads the plan for the client", async () => {
  const { page } = coach;
  await openGoal(page, WEEKENDS);
  await page.getByRole("button", { name: "Adapt this goal" }).tap();
  await page.getByLabel("What changes").selectOption("target_date");
  await page.getByLabel("New target date").fill(NEW_TARGET);
  await page.getByLabel("Reason (required)").fill(REASON);
  await page.getByRole("button", { name: "Save change" }).tap();
  await saved(page);
  await page.getByTestId("goal-history").getByText(REASON).waitFor();
  await page.getByText(`Target ${showDate(NEW_TARGET)}`, { exact: true }).waitFor();

  const roadmap = page.getByTestId("milestones");
  await roadmap.getByLabel("Milestone", { exact: true }).fill(MILESTONE);
  await roadmap.getByLabel("Milestone due date").fill(isoDay(30));
  await roadmap.getByRole("button", { name: "Add milestone" }).tap();
  await roadmap.getByRole("checkbox", { name: new RegExp(MILESTONE) }).waitFor();
  await saved(page);

  files.revised = await exportFile(page, /^Plan for /);
  const json = JSON.parse(readFileSync(files.revised, "utf8"));
  assert.equal(json.kind, "plan_for_client");
  assert.equal(json.exported_by, "coach");
  assert.ok(!readFileSync(files.revised, "utf8").includes(SECRET));
});

test("4. the client merges the coach's plan, keeps every entry and gets the coach's revision", async () => {
  const { page } = client;
  await go(page, "/share");
  const text = await previewImport(page, files.revised);
  assert.match(text, /A plan for the client from the coach/);
  assert.match(text, /will be merged into your plan/);
  const preview = page.getByTestId("import-preview");
  assert.match(await preview.locator("h4", { hasText: /^New$/ }).locator("+ ul").textContent(), new RegExp(MILESTONE));
  assert.match(await preview.locator("h4", { hasText: /^Updated$/ }).locator("+ ul").textContent(), new RegExp(WEEKENDS));
  await page.getByRole("button", { name: "Import" }).tap();
  await page.getByRole("status").filter({ hasText: /^Imported '/ }).waitFor();
  await saved(page);

  // Everything the client did is still there.
  await go(page, "/checkin");
  const checkins = page.getByTestId("past-checkins").locator("details");
  assert.equal(await checkins.count(), 1);
  assert.ok((await checkins.first().textContent()).includes(CHECKIN_NOTE));
  const entries = await journalTexts(page);
  assert.equal(entries.length, 2, "both reflections");
  assert.ok(entries.some((e) => e.includes(SHARED)));
  assert.ok(entries.some((e) => e.includes(PRIVATE) && /Private/.test(e)), "the private one, still private");
  await openGoal(page, PORTFOLIO);
  assert.match(await page.getByTestId("kpi").filter({ hasText: "Case studies published" }).getByTestId("kpi-latest").textContent(), /^Latest: 1 /);

  // And the coach's revision is applied.
  await openGoal(page, WEEKENDS);
  assert.match(await page.getByTestId("kpi").filter({ hasText: "Hours marking per weekend" }).getByTestId("kpi-latest").textContent(), /^Latest: 4 /);
  assert.ok(await actionIsDone(page), "the completed action is still done");
  assert.ok(await page.getByText(`Target ${showDate(NEW_TARGET)}`, { exact: true }).isVisible(), "the new target date");
  assert.ok(await page.getByText(CLIENT_WHY).isVisible(), "and the client's own edit of the same goal, field by field");
  const history = page.getByTestId("goal-history");
  assert.ok(await history.getByText(REASON).isVisible());
  assert.ok(await history.getByText(`Now: ${showDate(NEW_TARGET)}`).isVisible());
  assert.ok(await page.getByTestId("milestones").getByText(MILESTONE).isVisible());

  // Still one plan on the client's device.
  await go(page, "/clients");
  await page.locator('.client-list[aria-busy="false"]').waitFor({ state: "attached" });
  assert.equal(await page.getByTestId("client-row").count(), 1);
});

test("5. no console errors and no request to another origin in either profile", () => {
  for (const [who, b] of [["coach", coach], ["client", client]]) {
    assert.deepEqual(b.consoleErrors, [], `${who}: console errors`);
    assert.deepEqual(b.foreignRequests, [], `${who}: requests to another origin`);
  }
});
