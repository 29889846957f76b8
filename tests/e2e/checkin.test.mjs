// Check-in and review (journeys 4 and 5), from the sample plan at phone size with touch:
// set a weekly schedule, walk the guided check-in step by step (going back keeps what was
// typed), save it and see it listed; a draft survives a reload; a check-in made offline is
// still there after a reload; the review charts every KPI with an accessible summary and
// keeps a written review.
import { test } from "node:test";
import assert from "node:assert/strict";
import { sampleBrowserForFile, waitForApp, waitForScreen } from "./harness.mjs";

const sample = sampleBrowserForFile();

/** Waits until focus is on an element with this text (focus moves after the step renders). */
async function focusedText(page, expected) {
  await page
    .waitForFunction((t) => document.activeElement?.textContent === t, expected, { timeout: 3000 })
    .catch(() => {});
  return page.evaluate(() => document.activeElement?.textContent ?? "");
}

async function pickRating(page, groupName, value) {
  await page.getByRole("group", { name: groupName }).getByRole("radio", { name: String(value), exact: true }).tap();
}

test("set a weekly schedule", async () => {
  const { page } = sample.browser;
  await page.goto(sample.origin + "/checkin");
  await waitForApp(page);
  await page.getByLabel("How often").selectOption({ label: "Every week" });
  await page.getByLabel("On", { exact: true }).selectOption({ label: "Friday" });
  await page.getByRole("button", { name: "Change schedule" }).tap();
  await page.getByText("Schedule saved: Every week on Friday.").waitFor();
  assert.match(await page.getByTestId("checkin-status").textContent(), /Every week on Friday\. (Next: Fri, |Due since Fri, .*; after that: Fri, )/);
  // It survives a reload.
  await page.reload();
  await waitForApp(page);
  assert.match(await page.getByTestId("checkin-status").textContent(), /Every week on Friday/);
  assert.equal(await page.getByLabel("On", { exact: true }).inputValue(), "4");
});

test("walk the check-in step by step, go back without losing input, save, and see it listed", async () => {
  const { page } = sample.browser;
  await page.goto(sample.origin + "/checkin");
  await waitForApp(page);
  await page.getByRole("link", { name: "Start check-in" }).tap();
  await page.waitForURL(sample.origin + "/checkin/run");
  const step = page.getByTestId("step-indicator");
  await step.filter({ hasText: "Step 1 of 5" }).waitFor({ timeout: 3000 });
  // The two high-priority goals were created at the same moment, so their order is the
  // plan's (by id); the test follows whichever comes first.
  const heading = () => page.locator("main h2").first().textContent();
  const portfolio = "Build a UX research portfolio";
  const job = "Land a junior UX research role";
  const first = await heading();
  assert.ok([portfolio, job].includes(first), first);
  const second = first === portfolio ? job : portfolio;
  const fill = {
    [portfolio]: async () => {
      await page.getByLabel("Progress since last time").fill("Drafted the second case study.");
      const kpi = page.getByLabel("Case studies published (case studies)");
      assert.equal(await kpi.inputValue(), "0", "prefilled with the latest value");
      await kpi.fill("1");
      await page.getByLabel("What got in the way?").fill("Parents' evening.");
      await page.getByLabel("Next steps").fill("Ask my mentor for feedback.");
    },
    [job]: async () => {
      await page.getByLabel("Progress since last time").fill("Two more applications out.");
      const kpi = page.getByLabel("Applications sent (applications)");
      assert.equal(await kpi.inputValue(), "8", "prefilled with the latest value");
      await kpi.fill("10");
    },
  };
  const check = {
    [portfolio]: async () => {
      assert.equal(await page.getByLabel("Progress since last time").inputValue(), "Drafted the second case study.");
      assert.equal(await page.getByLabel("Case studies published (case studies)").inputValue(), "1");
      assert.equal(await page.getByLabel("Next steps").inputValue(), "Ask my mentor for feedback.");
    },
    [job]: async () => {
      assert.equal(await page.getByLabel("Progress since last time").inputValue(), "Two more applications out.");
      assert.equal(await page.getByLabel("Applications sent (applications)").inputValue(), "10");
    },
  };
  await fill[first]();
  await page.getByRole("button", { name: "Next" }).tap();

  await step.filter({ hasText: "Step 2 of 5" }).waitFor({ timeout: 3000 });
  assert.equal(await focusedText(page, second), second, "focus moves to the step heading");
  await fill[second]();

  // Back a step: what was typed on both steps is still there.
  await page.getByRole("button", { name: "Back" }).tap();
  await step.filter({ hasText: "Step 1 of 5" }).waitFor({ timeout: 3000 });
  assert.equal(await focusedText(page, first), first);
  await check[first]();
  await page.getByRole("button", { name: "Next" }).tap();
  await check[second]();

  // A bad number is caught on its step.
  const secondKpi = page.locator("main input[inputmode=decimal]").first();
  const kept = await secondKpi.inputValue();
  await secondKpi.fill("ten");
  await page.getByRole("button", { name: "Next" }).tap();
  await page.getByRole("alert").filter({ hasText: "not a number" }).waitFor();
  await step.filter({ hasText: "Step 2 of 5" }).waitFor({ timeout: 3000 });
  await secondKpi.fill(kept);
  await page.getByRole("button", { name: "Next" }).tap();

  // Skip the third goal.
  await step.filter({ hasText: "Step 3 of 5" }).waitFor({ timeout: 3000 });
  assert.equal(await focusedText(page, "Get my weekends back"), "Get my weekends back");
  await page.getByLabel("Skip this goal this time").check();
  await page.getByRole("button", { name: "Next" }).tap();

  // How are you feeling: both answers are needed.
  await step.filter({ hasText: "Step 4 of 5" }).waitFor({ timeout: 3000 });
  await page.getByRole("button", { name: "Next" }).tap();
  await page.getByRole("alert").filter({ hasText: "Choose how confident" }).waitFor();
  await pickRating(page, /How confident/, 7);
  await pickRating(page, "Your mood", 4);
  await page.getByRole("button", { name: "Next" }).tap();

  await step.filter({ hasText: "Step 5 of 5" }).waitFor({ timeout: 3000 });
  const summary = page.getByTestId("checkin-summary");
  const text = await summary.textContent();
  assert.match(text, /Drafted the second case study\./);
  assert.match(text, /Case studies published: 1 case study/);
  assert.match(text, /Applications sent: 10 applications/);
  assert.match(text, /Skipped this time\./);
  assert.match(text, /Confidence 7\/10 · Mood 4\/5/);

  await page.getByRole("button", { name: "Save check-in" }).tap();
  const done = page.getByTestId("checkin-done");
  await done.waitFor();
  assert.match(await done.textContent(), /Next check-in: Fri, \d+ \w+ \d{4}/);
  await page.getByTestId("save-status").filter({ hasText: "Saved" }).waitFor();

  await page.getByRole("link", { name: "See your check-ins" }).tap();
  await page.waitForURL(sample.origin + "/checkin");
  const latest = page.getByTestId("past-checkins").locator("details").first();
  assert.match(await latest.textContent(), /Confidence 7\/10 · Mood 4\/5/);
  // The closed row quotes every goal of the check-in, each with the start of its note.
  const lines = await latest.getByTestId("ci-goal-lines").locator(".ci-goal-line").allTextContents();
  assert.deepEqual(lines.sort(), [`${job}: Two more applications out.`, `${portfolio}: Drafted the second case study.`].sort());
  await latest.locator("summary").tap();
  assert.match(await latest.textContent(), /Applications sent: 10 applications/);
  assert.match(await page.getByTestId("checkin-status").textContent(), /Done for now/);
  assert.equal(await page.getByTestId("past-checkins").locator("details").count(), 4);
});

test("an unsaved check-in survives a reload, and discarding it asks first", async () => {
  const { page } = sample.browser;
  await page.goto(sample.origin + "/checkin/run");
  await waitForApp(page);
  await page.getByLabel("Progress since last time").fill("Half a thought");
  await page.getByRole("button", { name: "Next" }).tap();
  await page.reload();
  await waitForApp(page);
  await page.getByText("Welcome back: your unsaved check-in").waitFor();
  await page.getByTestId("step-indicator").filter({ hasText: "Step 2 of 5" }).waitFor({ timeout: 3000 });
  await page.getByRole("button", { name: "Back" }).tap();
  assert.equal(await page.getByLabel("Progress since last time").inputValue(), "Half a thought");

  await page.getByRole("button", { name: "Discard this check-in" }).tap();
  assert.equal(page.url(), sample.origin + "/checkin/run", "one tap does not discard");
  await page.getByRole("button", { name: "Yes, discard my answers" }).tap();
  await page.waitForURL(sample.origin + "/checkin");
  await page.goto(sample.origin + "/checkin/run");
  await waitForApp(page);
  assert.equal(await page.getByLabel("Progress since last time").inputValue(), "");
});

test("a check-in saved offline is still there after a reload", async () => {
  const { page, context } = sample.browser;
  await page.goto(sample.origin + "/checkin/run");
  await waitForApp(page);
  await context.setOffline(true);
  try {
    for (let i = 1; i <= 3; i++) {
      await page.getByTestId("step-indicator").filter({ hasText: `Step ${i} of 5` }).waitFor();
      await page.getByLabel("Skip this goal this time").check();
      await page.getByRole("button", { name: "Next" }).tap();
    }
    await page.getByTestId("step-indicator").filter({ hasText: "Step 4 of 5" }).waitFor();
    await pickRating(page, /How confident/, 3);
    await pickRating(page, "Your mood", 2);
    await page.getByRole("button", { name: "Next" }).tap();
    await page.getByRole("button", { name: "Save check-in" }).tap();
    await page.getByTestId("checkin-done").waitFor();
    await page.reload();
    await waitForApp(page);
    await page.goto(sample.origin + "/checkin");
    await waitForApp(page);
    const first = page.getByTestId("past-checkins").locator("details").first();
    assert.match(await first.textContent(), /Confidence 3\/10 · Mood 2\/5/);
    assert.equal(await page.getByTestId("past-checkins").locator("details").count(), 5);
  } finally {
    await context.setOffline(false);
  }
});

test("the review charts each KPI with an accessible summary and keeps a written review", async () => {
  const { page } = sample.browser;
  await page.goto(sample.origin + "/checkin");
  await waitForApp(page);
  await page.getByRole("link", { name: "Review your progress" }).tap();
  await page.waitForURL(sample.origin + "/review");
  await waitForScreen(page, "Progress review");
  assert.equal(await page.locator("main#main h1").textContent(), "Progress review");

  const charts = page.getByTestId("kpi-chart");
  await charts.first().waitFor();
  assert.equal(await charts.count(), 3, "one chart per KPI");
  for (const name of ["Case studies published", "Applications sent", "Hours marking per weekend"]) {
    const label = await page.getByRole("img", { name: new RegExp(`^${name}`) }).getAttribute("aria-label");
    assert.match(label, /Latest value/);
    assert.match(label, /Target /);
    assert.match(label, /Verdict: /);
  }
  const apps = await page.getByRole("img", { name: /^Applications sent/ }).getAttribute("aria-label");
  assert.match(apps, /Latest value 10 applications/);
  // The drawing: a target line and one point per value logged in the period.
  const appsChart = page.getByRole("img", { name: /^Applications sent/ });
  assert.equal(await appsChart.locator(".chart-target").count(), 1);
  assert.ok((await appsChart.locator(".chart-point").count()) >= 3);

  // The period: presets and custom dates.
  const period = page.getByTestId("period");
  const four = await period.textContent();
  await page.getByRole("radio", { name: "12 weeks" }).tap();
  assert.notEqual(await period.textContent(), four);
  assert.match(await page.getByTestId("fact-checkins").textContent(), /^\d+ of \d+ scheduled$/);
  await page.getByRole("radio", { name: "Custom" }).tap();
  await page.getByLabel("From", { exact: true }).fill("2026-01-10");
  await page.getByLabel("To", { exact: true }).fill("2026-01-01");
  await page.getByRole("alert").filter({ hasText: "must come after its start" }).waitFor();
  await page.getByRole("radio", { name: "4 weeks" }).tap();

  // Private reflections show, marked private.
  assert.ok(await page.getByText("Private", { exact: true }).first().isVisible());

  await page.getByLabel("What went well").fill("Kept my check-ins going every week.");
  await page.getByLabel("What to change").fill("Start applications earlier in the week.");
  await page.getByRole("button", { name: "Save review" }).tap();
  await page.getByText("Review saved").waitFor();
  const reviews = page.getByTestId("past-reviews").locator("li");
  assert.equal(await reviews.count(), 2);
  assert.match(await reviews.first().textContent(), /Kept my check-ins going every week\./);
  assert.equal(await page.getByLabel("What went well").inputValue(), "");

  await page.reload();
  await waitForApp(page);
  assert.match(await page.getByTestId("past-reviews").locator("li").first().textContent(), /Start applications earlier/);
});

test("nothing went wrong along the way", () => {
  assert.deepEqual(sample.browser.consoleErrors, []);
  assert.deepEqual(sample.browser.foreignRequests, []);
});
