// What a client and a coach met in their first weeks (issue 18), each checked where they met
// it, at phone size with touch: values in the assessment and on the profile, Today's KPI line,
// a check-in kept when the browser closes, a dropped goal, past check-ins, the journal's
// prompts, the private-reflection list on Share, the action grid's line, and words that fit
// the device's role.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_FLAGS, PHONE, saved, serveForFile, startWithSamplePlan, waitForApp } from "./harness.mjs";

const server = serveForFile();
const { browsers, fresh } = server;
const go = async (page, path) => {
  await page.goto(server.origin + path);
  await waitForApp(page);
};
const isoDay = (daysFromNow) => {
  const d = new Date();
  d.setDate(d.getDate() + daysFromNow);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

test("values are picked and reordered in the assessment, then shown on the plan and selected on the profile", async () => {
  const { page } = await fresh();
  await go(page, "/welcome");
  await page.getByRole("button", { name: "Start my plan" }).tap();
  await page.waitForURL(/\/welcome\/assessment$/);
  for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "Next" }).tap();
  await page.getByRole("heading", { name: "Your values", exact: true }).waitFor();
  // A chip reads "+ Name" or "✓ Name"; the list compared is the names.
  const names = async () =>
    (await page.getByRole("group", { name: "Suggested values" }).getByRole("button").allTextContents()).map((t) => t.slice(2));
  const suggested = await names();
  for (const v of ["Learning", "Autonomy", "Balance"]) await page.getByRole("button", { name: v, exact: true }).tap();

  const ranked = page.getByTestId("ranked-values");
  const down = (v) => page.getByRole("button", { name: `Move ${v} down` });
  // Every row but the last can move down; the last cannot.
  assert.equal(await down("Learning").isEnabled(), true);
  assert.equal(await down("Autonomy").isEnabled(), true);
  assert.equal(await down("Balance").isEnabled(), false);
  await down("Learning").tap();
  assert.deepEqual(await ranked.locator(".rank-text").allTextContents(), ["Autonomy", "Learning", "Balance"]);
  await down("Learning").tap();
  assert.deepEqual(await ranked.locator(".rank-text").allTextContents(), ["Autonomy", "Balance", "Learning"]);
  await page.getByRole("button", { name: "Move Balance up" }).tap();
  assert.deepEqual(await ranked.locator(".rank-text").allTextContents(), ["Balance", "Autonomy", "Learning"]);
  // A row is one line of text and its buttons, not a column of program text.
  for (const h of await ranked.locator("li").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))) {
    assert.ok(h < 80, `a ranked row is ${h}px high`);
  }

  for (let i = 0; i < 2; i++) await page.getByRole("button", { name: "Next" }).tap();
  await page.getByRole("button", { name: "Save and see my plan" }).tap();
  await page.waitForURL(/\/plan$/);
  await saved(page);
  assert.deepEqual(await page.getByTestId("plan-values").locator("li").allTextContents(), ["Balance", "Autonomy", "Learning"]);

  await page.getByRole("link", { name: "Edit vision and values" }).tap();
  await page.waitForURL(/\/plan\/profile$/);
  const chips = page.getByRole("group", { name: "Suggested values" });
  assert.deepEqual(await names(), suggested, "one list of suggested values");
  for (const v of ["Balance", "Autonomy", "Learning"]) {
    assert.equal(await chips.getByRole("button", { name: v, exact: true }).getAttribute("aria-pressed"), "true", v);
  }
  assert.deepEqual(await page.getByTestId("ranked-values").locator(".rank-text").allTextContents(), ["Balance", "Autonomy", "Learning"]);
});

test("Today only says every KPI has a recent value when every KPI has one", async () => {
  const { page } = await fresh();
  await go(page, "/welcome");
  await page.getByRole("button", { name: "Start my plan" }).tap();
  await page.getByRole("link", { name: "Skip for now" }).tap();
  await page.waitForURL(/\/plan$/);
  await go(page, "/");
  const empty = page.getByTestId("kpis-empty");
  assert.match(await empty.textContent(), /^No KPI to update yet/);

  await go(page, "/plan/goals/new");
  await page.getByLabel("Title").fill("Finish a data course");
  await page.getByLabel("Specific description").fill("Complete the three-course data analysis track on Coursera");
  await page.getByLabel("KPI name").fill("Courses finished");
  await page.getByLabel("Baseline").fill("0");
  await page.getByLabel("Target", { exact: true }).fill("3");
  await page.getByLabel("Unit").fill("courses");
  await page.getByLabel("Target date").fill(isoDay(90));
  await page.getByRole("button", { name: "Create goal" }).tap();
  await page.waitForURL(/\/plan\/goals\/[0-9a-f-]{36}$/);
  const goalUrl = page.url();

  await go(page, "/");
  assert.match(await empty.textContent(), /^Some KPIs have no value yet/);
  assert.doesNotMatch(await page.locator("main").textContent(), /Every KPI has a recent value/);

  await page.goto(goalUrl);
  await waitForApp(page);
  const kpi = page.getByTestId("kpi");
  await kpi.getByLabel("Log a value").fill("1");
  await kpi.getByRole("button", { name: "Log value for Courses finished" }).tap();
  // One of them reads in the singular.
  await kpi.getByTestId("kpi-latest").filter({ hasText: /^Latest: 1 course on / }).waitFor();
  await go(page, "/");
  assert.match(await empty.textContent(), /^Every KPI has a recent value/);
});

test("a check-in in progress is still there after the browser is closed and opened again", async () => {
  const profile = mkdtempSync(join(tmpdir(), "waymark-profile-"));
  const launch = () =>
    chromium.launchPersistentContext(profile, { executablePath: "/usr/bin/chromium", args: CHROMIUM_FLAGS, ...PHONE });
  try {
    let context = await launch();
    let page = context.pages()[0] ?? (await context.newPage());
    await startWithSamplePlan(page, server.origin);
    await go(page, "/checkin/run");
    assert.match(await page.locator("main").textContent(), /even if you leave this screen or close the app/);
    await page.getByLabel("Progress since last time").fill("Two calls booked, one portfolio page drafted");
    await page.getByRole("button", { name: "Next" }).tap();
    await page.getByTestId("step-indicator").filter({ hasText: "Step 2 of" }).waitFor();
    await context.close();

    context = await launch();
    page = context.pages()[0] ?? (await context.newPage());
    await go(page, "/checkin/run");
    await page.getByText("Welcome back: your unsaved check-in").waitFor();
    await page.getByTestId("step-indicator").filter({ hasText: "Step 2 of" }).waitFor();
    await page.getByRole("button", { name: "Back" }).tap();
    assert.equal(await page.getByLabel("Progress since last time").inputValue(), "Two calls booked, one portfolio page drafted");
    await context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

let sample;
test("a dropped goal shows neither an empty roadmap count nor SMART gaps", async () => {
  sample = await fresh();
  const { page } = sample;
  await startWithSamplePlan(page, server.origin);
  await go(page, "/plan");
  const last = page.getByTestId("goal-card").last();
  const title = (await last.locator("h3").textContent()).trim();
  await last.locator("h3 a").tap();
  await page.waitForURL(/\/plan\/goals\/[0-9a-f-]{36}$/);
  await page.getByRole("button", { name: "Adapt this goal" }).tap();
  await page.getByLabel("What changes").selectOption("drop");
  await page.getByLabel("Reason (required)").fill("Marking is fine now; time goes to the portfolio.");
  await page.getByRole("button", { name: "Save change" }).tap();
  await saved(page);
  await go(page, "/plan");
  const dropped = page.locator("section.goal-group", { has: page.getByRole("heading", { name: "Dropped" }) });
  const card = dropped.getByTestId("goal-card").filter({ hasText: title });
  await card.waitFor();
  const text = await card.textContent();
  assert.doesNotMatch(text, /SMART/);
  assert.doesNotMatch(await page.locator("main").textContent(), /Milestones 0\/0/);
  // The plan shows the values its goals serve, under the vision.
  assert.ok((await page.getByTestId("plan-values").locator("li").count()) > 0);
});

test("a past check-in quotes every goal it covered", async () => {
  const { page } = sample;
  await go(page, "/checkin");
  const items = page.getByTestId("past-checkins").locator("details");
  let several = 0;
  for (let i = 0; i < (await items.count()); i++) {
    const item = items.nth(i);
    const goals = await item.locator(".ci-details h3").allTextContents();
    const lines = await item.getByTestId("ci-goal-lines").locator(".ci-goal-line").allTextContents();
    assert.equal(lines.length, goals.length);
    goals.forEach((g, j) => assert.ok(lines[j].startsWith(g), `${lines[j]} names ${g}`));
    if (goals.length > 1) several++;
  }
  assert.ok(several > 0, "the sample has a check-in over several goals");
});

test("a search hit on a journal prompt shows the prompt", async () => {
  const { page } = sample;
  await go(page, "/journal");
  await page.getByLabel("Search reflections").fill("energised you");
  const entries = page.getByTestId("journal-entry");
  await entries.first().getByTestId("journal-entry-prompt").filter({ hasText: "What energised you this week?" }).waitFor();
  assert.equal(await entries.count(), 1);
  assert.equal(await entries.first().locator("mark").first().textContent(), "energised you");
});

test("the private reflections offered on Share end on a whole word with an ellipsis", async () => {
  const { page } = sample;
  const long = "Tonight I noticed that every interview I prepared for with a friend went better than the ones I prepared alone";
  await go(page, "/journal/new");
  await page.locator("#reflection-text").fill(long);
  await page.locator("#reflection-text").blur();
  await page.waitForURL(/\/journal\/[0-9a-f-]{36}$/);
  await page.getByRole("checkbox", { name: "Private" }).check();
  await saved(page);
  await page.waitForTimeout(200);
  await saved(page);
  await go(page, "/share");
  const offered = page.locator("label.choice", { hasText: "Tonight I noticed" });
  const text = (await offered.textContent()).split(": ").slice(1).join(": ");
  assert.ok(text.endsWith("…"), text);
  const kept = text.slice(0, -1);
  assert.ok(long.startsWith(kept) && long[kept.length] === " ", `"${kept}" stops at a word boundary`);
});

test("the impact and effort grid says where high begins", async () => {
  const { page } = sample;
  await go(page, "/plan");
  await page.getByTestId("goal-card").first().locator("h3 a").tap();
  await page.waitForURL(/\/plan\/goals\/[0-9a-f-]{36}$/);
  assert.equal(
    await page.getByTestId("grid-rule").textContent(),
    "Impact and effort are rated 1 to 5. 3 or more counts as high; 2 or less as low.",
  );
});

test("the words fit the device's role: a client is addressed, a coach is spoken to about the client", async () => {
  const { page } = sample;
  await go(page, "/share");
  assert.equal(await page.getByText("Template for a client").count(), 0, "a client is not offered a template for a client");
  await go(page, "/welcome");
  assert.ok(await page.getByRole("button", { name: "Start my plan" }).isVisible());
  assert.ok(await page.getByRole("heading", { name: "Got a file from your coach?" }).isVisible());

  await go(page, "/settings");
  await page.getByText("A coach, preparing plans for clients").tap();
  await go(page, "/welcome");
  assert.ok(await page.getByRole("button", { name: "Start the plan" }).isVisible());
  assert.ok(await page.getByRole("heading", { name: "Got a file from a client?" }).isVisible());
  assert.doesNotMatch(await page.locator("main").textContent(), /Start my plan|your coach/);
  await go(page, "/share");
  assert.ok(await page.getByText("Template for a client").isVisible());
  await go(page, "/");
  assert.doesNotMatch(await page.locator("main").textContent(), /Your check-in has been due/);
});

test("no console errors and no request to another origin", () => {
  for (const b of browsers) {
    assert.deepEqual(b.consoleErrors, []);
    assert.deepEqual(b.foreignRequests, []);
  }
});
