// The Plan area at phone size with touch: start a plan, write the profile, create a SMART goal
// while the checker updates, measure it, add milestones and actions, adapt it with a reason,
// keep an edit made offline, and create a goal with the keyboard alone.
// The tests run in order on one fresh browser profile: each builds on what the one before saved.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import {
  openBrowser,
  saved,
  serve,
  startWithSamplePlan,
  waitForApp,
  waitForServiceWorkerControl,
} from "./harness.mjs";

let server, browser, goalUrl;
before(async () => {
  server = await serve();
  browser = await openBrowser(server.origin);
});
after(async () => {
  await browser?.close();
  server?.stop();
});

const smart = (page, letter) =>
  page.getByTestId("smart-checker").locator(`[data-letter="${letter}"] .smart-state`);
/** A day as the app writes it in the tests' en-GB: "30 Sept 2027". */
const wordDay = (daysFromNow) => {
  const d = new Date();
  d.setDate(d.getDate() + daysFromNow);
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" }).format(d);
};
const isoDay = (daysFromNow) => {
  const d = new Date();
  d.setDate(d.getDate() + daysFromNow);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

test("a new plan gets its profile: role, vision, ranked values and strengths", async () => {
  const { page } = browser;
  await page.goto(server.origin + "/welcome");
  await waitForApp(page);
  await page.getByRole("button", { name: "Start my plan" }).tap();
  // The welcome flow offers a guided assessment first; skip it and write the profile here.
  await page.waitForURL(/\/welcome\/assessment$/);
  await page.getByRole("link", { name: "Skip for now" }).tap();
  await page.waitForURL(server.origin + "/plan");
  await page.getByRole("link", { name: "Write your vision" }).tap();
  await page.waitForURL(server.origin + "/plan/profile");
  assert.equal(await page.locator("h1").textContent(), "Vision and values");

  await page.getByLabel("Current role").fill("Nurse");
  await page.getByLabel("Vision of your ideal career").fill("I design health services with patients, not for them.");
  await page.getByRole("button", { name: "Curiosity", exact: true }).tap();
  await page.getByRole("button", { name: "Balance", exact: true }).tap();
  assert.equal(await page.getByRole("button", { name: "Curiosity", exact: true }).getAttribute("aria-pressed"), "true");
  await page.getByLabel("Add your own value").fill("Care");
  await page.getByLabel("Add your own value").press("Enter");
  await page.getByRole("button", { name: "Move Care up" }).tap();
  const ranked = page.getByTestId("ranked-values").locator(".rank-text");
  assert.deepEqual(await ranked.allTextContents(), ["Curiosity", "Care", "Balance"]);
  await page.getByLabel("Add a strength").fill("Calm under pressure");
  await page.getByRole("button", { name: "Add strength" }).tap();

  await page.getByRole("button", { name: "Save profile" }).tap();
  await page.waitForURL(server.origin + "/plan");
  await saved(page);
  assert.ok(await page.getByText("I design health services with patients").isVisible());
  // The empty state explains what a goal is and offers the next step.
  assert.ok(await page.getByRole("heading", { name: "No goals yet" }).isVisible());
  assert.ok(await page.getByRole("link", { name: "Add your first goal" }).isVisible());

  // The profile reopens with what was saved, values in their ranked order.
  await page.getByRole("link", { name: "Edit vision and values" }).tap();
  await page.waitForURL(server.origin + "/plan/profile");
  assert.deepEqual(await page.getByTestId("ranked-values").locator(".rank-text").allTextContents(), ["Curiosity", "Care", "Balance"]);
  assert.equal(await page.getByLabel("Current role").inputValue(), "Nurse");
});

test("the SMART checker turns each letter from not met to met as the goal is filled in", async () => {
  const { page } = browser;
  await page.goto(server.origin + "/plan");
  await waitForApp(page);
  await page.getByRole("link", { name: "Add your first goal" }).tap();
  await page.waitForURL(server.origin + "/plan/goals/new");
  for (const l of ["Specific", "Measurable", "Achievable", "Relevant", "Time-bound"]) {
    assert.equal(await smart(page, l).textContent(), "not met", l);
  }

  await page.getByLabel("Title").fill("Move into service design");
  await page.getByLabel("Specific description").fill("Get a junior service designer role at a hospital trust");
  await smart(page, "Specific").filter({ hasText: /^met$/ }).waitFor();

  await page.getByLabel("KPI name").fill("Portfolio projects");
  await page.getByLabel("Baseline").fill("0");
  await page.getByLabel("Target", { exact: true }).fill("abc");
  assert.equal(await smart(page, "Measurable").textContent(), "not met");
  await page.getByRole("button", { name: "Create goal" }).tap();
  await page.getByRole("alert").filter({ hasText: "Target: 'abc' is not a number." }).waitFor();
  await page.getByLabel("Target", { exact: true }).fill("4");
  await smart(page, "Measurable").filter({ hasText: /^met$/ }).waitFor();

  await page.getByRole("group", { name: "Confidence" }).getByRole("radio", { name: "7", exact: true }).tap();
  assert.equal(await smart(page, "Achievable").textContent(), "not met");
  await page.getByLabel("Support and resources").fill("A mentor from the design meetup");
  await smart(page, "Achievable").filter({ hasText: /^met$/ }).waitFor();

  await page.getByRole("checkbox", { name: "Curiosity" }).check();
  await smart(page, "Relevant").filter({ hasText: /^met$/ }).waitFor();

  await page.getByLabel("Target date").fill(isoDay(120));
  await smart(page, "Time-bound").filter({ hasText: /^met$/ }).waitFor();
  assert.ok(await page.getByText("All five met. This goal is SMART.").isVisible());

  await page.getByRole("button", { name: "Create goal" }).tap();
  await page.waitForURL(/\/plan\/goals\/[0-9a-f-]{36}$/);
  goalUrl = page.url();
  assert.equal(await page.locator("h1").textContent(), "Move into service design");
  assert.equal(await page.getByTestId("goal-status").textContent(), "Active");
});

test("logging a KPI value shows the percent of target and the pace in words", async () => {
  const { page } = browser;
  const kpi = page.getByTestId("kpi").filter({ hasText: "Portfolio projects" });
  await kpi.getByLabel("Log a value").fill("lots");
  await kpi.getByRole("button", { name: "Log value for Portfolio projects" }).tap();
  await kpi.getByRole("alert").filter({ hasText: "'lots' is not a number." }).waitFor();

  // A value dated tomorrow is refused with the day, and nothing is logged.
  await kpi.getByLabel("Log a value").fill("1");
  await kpi.getByLabel("Date").fill(isoDay(1));
  await kpi.getByRole("button", { name: "Log value for Portfolio projects" }).tap();
  await kpi.getByRole("alert").filter({ hasText: "is in the future. Log a value on the day it was measured" }).waitFor();
  assert.equal(await kpi.getByTestId("kpi-latest").textContent(), "Nothing logged yet");
  await kpi.getByLabel("Date").fill(isoDay(0));
  assert.equal(await kpi.getByLabel("Date").inputValue(), isoDay(0));
  await kpi.getByRole("button", { name: "Log value for Portfolio projects" }).tap();
  await kpi.getByRole("progressbar").and(page.locator('[aria-valuenow="25"]')).waitFor();
  assert.match(await kpi.getByTestId("kpi-latest").textContent(), /^Latest: 1 /);
  // Day one of the goal expects the baseline, so a quarter of the way is ahead.
  assert.equal(await kpi.getByTestId("kpi-pace").textContent(), "Ahead");
});

test("a milestone is added to the roadmap and ticked off with one tap", async () => {
  const { page } = browser;
  const roadmap = page.getByTestId("milestones");
  await roadmap.getByLabel("Milestone", { exact: true }).fill("First project published");
  // A step on the way can't come before the goal starts (today): refused, saying why.
  await roadmap.getByLabel("Milestone due date").fill(isoDay(-3));
  await roadmap.getByRole("button", { name: "Add milestone" }).tap();
  await roadmap.getByRole("alert").filter({ hasText: "is before the goal starts" }).waitFor();
  assert.equal(await roadmap.getByTestId("milestone").count(), 0);
  await roadmap.getByLabel("Milestone due date").fill(isoDay(30));
  await roadmap.getByRole("button", { name: "Add milestone" }).tap();
  const box = roadmap.getByRole("checkbox", { name: /First project published/ });
  await box.waitFor();
  // Tapping the title reads it; only the box ticks the milestone off.
  await roadmap.locator(".roadmap-title", { hasText: "First project published" }).tap();
  assert.equal(await box.isChecked(), false);
  assert.ok(await roadmap.getByText("0 of 1 milestones done").isVisible());
  await box.tap();
  await roadmap.getByText("1 of 1 milestones done").waitFor();
  assert.equal(await box.isChecked(), true);
});

async function addAction(page, title, impact, effort) {
  const summary = page.locator("summary", { hasText: "+ Add an action" });
  const details = page.locator("details.add-action");
  if (!(await details.evaluate((d) => d.open))) await summary.tap();
  const form = details.locator("form");
  await form.getByLabel("Action", { exact: true }).fill(title);
  await form.getByRole("radio", { name: `Impact ${impact} of 5` }).tap();
  await form.getByRole("radio", { name: `Effort ${effort} of 5` }).tap();
  await form.getByRole("button", { name: "Add action" }).tap();
  await page.getByTestId("ranked-actions").getByText(title).waitFor();
}

test("actions are ranked high impact and low effort first, and complete with one tap", async () => {
  const { page } = browser;
  await addAction(page, "Redo a clinic form", 1, 5);
  await addAction(page, "Email the design lead", 5, 1);
  await addAction(page, "Take a service design course", 5, 5);
  const titles = await page.getByTestId("ranked-actions").locator(".action-title").allTextContents();
  assert.deepEqual(titles, ["Email the design lead", "Take a service design course", "Redo a clinic form"]);
  const grid = page.getByTestId("effort-grid");
  assert.ok(await grid.locator(".q-quick").getByText("Email the design lead").isVisible());
  assert.ok(await grid.locator(".q-sink").getByText("Redo a clinic form").isVisible());

  await page.getByRole("button", { name: "Mark done: Email the design lead" }).tap();
  await page.locator("summary", { hasText: "Done (1)" }).waitFor();
  assert.deepEqual(
    await page.getByTestId("ranked-actions").locator(".action-title").allTextContents(),
    ["Take a service design course", "Redo a clinic form"],
  );
});

test("adapting a goal needs a reason, and the change shows in the goal's history and the plan's", async () => {
  const { page } = browser;
  await page.getByRole("button", { name: "Adapt this goal" }).tap();
  await page.getByLabel("What changes").selectOption("target_date");
  await page.getByLabel("New target date").fill(isoDay(200));
  await page.getByRole("button", { name: "Save change" }).tap();
  await page.getByRole("alert").filter({ hasText: "Please say why this change is being made" }).waitFor();
  assert.equal(await page.getByTestId("goal-history").getByText("No changes yet").isVisible(), true);

  await page.getByLabel("Reason (required)").fill("The hospital hires in spring, not winter.");
  await page.getByRole("button", { name: "Save change" }).tap();
  await saved(page);
  const history = page.getByTestId("goal-history");
  await history.getByText("The hospital hires in spring, not winter.").waitFor();
  assert.ok(await history.getByText("Target changed").isVisible());
  // The field once, then was and now, dates in words as on every other screen.
  assert.ok(await history.getByText("Target date", { exact: true }).isVisible());
  assert.ok(await history.getByText(`Now: ${wordDay(200)}`).isVisible());
  assert.doesNotMatch(await history.textContent(), /\d{4}-\d{2}-\d{2}/);

  await page.goto(server.origin + "/plan/history");
  await waitForApp(page);
  const timeline = page.getByTestId("timeline");
  await timeline.getByText("The hospital hires in spring, not winter.").waitFor();
  await timeline.getByRole("link", { name: "Move into service design" }).tap();
  await page.waitForURL(goalUrl);
});

test("an edit made offline is still there after a reload", async () => {
  const { page, context } = browser;
  await page.goto(goalUrl);
  await waitForApp(page);
  await waitForServiceWorkerControl(page);
  await context.setOffline(true);
  try {
    const roadmap = page.getByTestId("milestones");
    await roadmap.getByLabel("Milestone", { exact: true }).fill("Coffee with a service designer");
    await roadmap.getByLabel("Milestone due date").fill(isoDay(10));
    await roadmap.getByRole("button", { name: "Add milestone" }).tap();
    await saved(page);
    await page.reload();
    await waitForApp(page);
    await page.getByTestId("milestones").getByText("Coffee with a service designer").waitFor();
    // Ordered by date: the new, earlier milestone comes first.
    const titles = await page.getByTestId("milestones").locator(".roadmap-title").allTextContents();
    assert.deepEqual(titles, ["Coffee with a service designer", "First project published"]);
  } finally {
    await context.setOffline(false);
  }
});

test("plain wording edits save; set SMART fields point to Adapt", async () => {
  const { page } = browser;
  await page.goto(goalUrl + "/edit");
  await waitForApp(page);
  assert.equal(await page.locator("h1").textContent(), "Edit goal");
  assert.ok(await page.getByRole("link", { name: "Adapt" }).first().isVisible());
  await page.getByLabel("Title").fill("Move into NHS service design");
  await page.getByRole("button", { name: "Save changes" }).tap();
  await page.waitForURL(goalUrl);
  assert.equal(await page.locator("h1").textContent(), "Move into NHS service design");
});

test("a goal can be created with the keyboard alone", async () => {
  const { page } = browser;
  await page.goto(server.origin + "/plan");
  await waitForApp(page);
  // Tab to "Add a goal" and follow it with Enter.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    if ((await page.evaluate(() => document.activeElement?.textContent)) === "+ Add a goal") break;
  }
  await page.keyboard.press("Enter");
  await page.waitForURL(server.origin + "/plan/goals/new");
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    if ((await page.evaluate(() => document.activeElement?.id)) === "field-title") break;
  }
  await page.keyboard.type("Speak at a patient-experience meetup");
  // Enter in the title does not create the goal before the rest is filled in.
  await page.keyboard.press("Enter");
  assert.equal(page.url(), server.origin + "/plan/goals/new");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "field-title");
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === "Create goal") break;
  }
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/plan\/goals\/[0-9a-f-]{36}$/);
  assert.equal(await page.locator("h1").textContent(), "Speak at a patient-experience meetup");
  await page.goto(server.origin + "/plan");
  await waitForApp(page);
  await page.getByTestId("goal-card").nth(1).waitFor();
  assert.equal(await page.getByTestId("goal-card").count(), 2);
});

test("the sample plan lists goals with progress, pace in words and SMART badges", async () => {
  const other = await openBrowser(server.origin);
  try {
    const { page } = other;
    await startWithSamplePlan(page, server.origin);
    await page.goto(server.origin + "/plan");
    await waitForApp(page);
    const cards = page.getByTestId("goal-card");
    assert.ok((await cards.count()) >= 2);
    const text = await cards.first().textContent();
    assert.match(text, /Milestones \d+\/\d+/);
    assert.match(text, /On track|Behind|Ahead|No KPI yet|Nothing logged yet|No target date/);
    assert.match(text, /SMART/);
    assert.deepEqual(other.consoleErrors, []);
    assert.deepEqual(other.foreignRequests, []);
  } finally {
    await other.close();
  }
});

test("no console errors and no requests outside the app", () => {
  assert.deepEqual(browser.consoleErrors, []);
  assert.deepEqual(browser.foreignRequests, []);
});
