// Numbers as people type them and Today's lists (issue 12, part 3), at phone size from the
// sample plan: a decimal comma ("2,5") is accepted on every numeric field, as a point is;
// Today lists actions of active goals only (a paused goal's wait), shows the best undated
// actions as "Next", and takes an action for the whole plan, tied to no goal.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openBrowser, sampleBrowserForFile, saved, startWithSamplePlan, waitForApp } from "./harness.mjs";

const sample = sampleBrowserForFile();


async function openGoal(page, title) {
  await page.goto(sample.origin + "/plan");
  await waitForApp(page);
  await page.getByRole("link", { name: title }).tap();
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
}

test("a decimal comma is accepted on every numeric field", async () => {
  const { page } = sample.browser;
  // Today: a KPI value.
  await page.goto(sample.origin + "/");
  await waitForApp(page);
  const today = page.getByLabel("New value for Case studies published (case studies)");
  await today.fill("0,5");
  await page.getByRole("listitem").filter({ has: today }).getByRole("button", { name: "Log" }).tap();
  await saved(page);
  await today.waitFor({ state: "detached" });

  // The goal page: log a value, add a KPI (baseline and target), adapt a KPI target.
  await openGoal(page, "Build a UX research portfolio");
  const kpi = page.getByTestId("kpi").filter({ hasText: "Case studies published" });
  await kpi.getByLabel("Log a value").fill("1,5");
  await kpi.getByRole("button", { name: "Log value for Case studies published" }).tap();
  await saved(page);
  await kpi.getByTestId("kpi-latest").filter({ hasText: "1.5" }).waitFor();

  await page.getByText("+ Add a KPI").tap();
  const add = page.locator("details.add-kpi");
  await add.getByLabel("KPI name").fill("Hours of research practice");
  await add.getByLabel("Baseline").fill("0,5");
  await add.getByLabel("Target", { exact: true }).fill("20,5");
  await add.getByRole("button", { name: "Add KPI" }).tap();
  await saved(page);
  await page.getByTestId("kpi").filter({ hasText: "0.5 → 20.5" }).waitFor();

  await page.getByRole("button", { name: "Adapt this goal" }).tap();
  await page.getByLabel("What changes").selectOption("kpi_target");
  await page.getByLabel("New target").fill("3,5");
  await page.getByLabel("Reason (required)").fill("Three and a half: one is a short piece.");
  await page.getByRole("button", { name: "Save change" }).tap();
  await saved(page);
  await page.getByTestId("goal-history").filter({ hasText: "3.5" }).waitFor();

  // The guided check-in: every KPI value with a comma.
  await page.goto(sample.origin + "/checkin/run");
  await waitForApp(page);
  for (let i = 0; i < 8; i++) {
    for (const input of await page.locator("main input[inputmode=decimal]").all()) await input.fill("2,5");
    for (const group of await page.locator("fieldset:has(input[type=radio])").all()) {
      if (!(await group.locator("input:checked").count())) await group.locator("input[type=radio]").first().check();
    }
    const save = page.getByRole("button", { name: "Save check-in" });
    if (await save.count()) {
      await save.tap();
      break;
    }
    const step = await page.getByTestId("step-indicator").textContent();
    await page.getByRole("button", { name: "Next", exact: true }).tap();
    await page.getByTestId("step-indicator").filter({ hasNotText: step }).waitFor();
  }
  await saved(page);
  await page.goto(sample.origin + "/checkin");
  await waitForApp(page);
  const first = page.locator("details.checkin-item").first();
  await first.locator("summary").tap();
  assert.match(await first.textContent(), /2\.5/);
});

test("Today lists only actions of active goals and of the plan; Next shows undated ones", async () => {
  const { page } = sample.browser;
  await page.goto(sample.origin + "/");
  await waitForApp(page);
  assert.match(await page.getByTestId("due-actions").textContent(), /Set up peer marking/);
  const next = page.getByTestId("next-actions");
  await next.waitFor();
  assert.ok((await next.getByRole("listitem").count()) <= 3);

  // Pause the goal the peer-marking action serves: its actions wait with it.
  await openGoal(page, "Get my weekends back");
  await page.getByRole("button", { name: "Adapt this goal" }).tap();
  await page.getByLabel("What changes").selectOption("pause");
  await page.getByLabel("Reason (required)").fill("Exam season: back in June.");
  await page.getByRole("button", { name: "Save change" }).tap();
  await saved(page);
  await page.goto(sample.origin + "/");
  await waitForApp(page);
  await page.getByRole("heading", { name: "Actions due" }).waitFor();
  assert.equal(await page.getByRole("button", { name: /Mark done: Set up peer marking/ }).count(), 0);

  // An action for the whole plan, due today.
  const iso = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  });
  await page.getByText("+ Action for the whole plan").tap();
  await page.getByLabel("Action", { exact: true }).fill("Update my LinkedIn profile");
  await page.getByLabel("Due date (optional)").fill(iso);
  await page.getByRole("button", { name: "Add action" }).tap();
  await saved(page);
  const row = page.getByTestId("due-actions").getByRole("listitem").filter({ hasText: "Update my LinkedIn profile" });
  await row.waitFor();
  assert.match(await row.textContent(), /Due today · Whole plan/);
  await page.reload();
  await waitForApp(page);
  await page.getByTestId("due-actions").getByText("Update my LinkedIn profile").waitFor();
});

test("the needs assessment is revisited from the Plan screen with answers prefilled; both takes are kept", async () => {
  const { page } = sample.browser;
  await page.goto(sample.origin + "/plan");
  await waitForApp(page);
  await page.getByRole("link", { name: "Revisit needs assessment" }).tap();
  await page.getByText("Step 1 of 6").waitFor();
  const first = page.locator("main textarea").first();
  assert.match(await first.inputValue(), /Finding out why people struggle/, "prefilled with the last answer");
  await first.fill("Research that changes what gets built.");
  for (let i = 1; i < 6; i++) {
    await page.getByRole("button", { name: "Next" }).tap();
    await page.getByText(`Step ${i + 1} of 6`).waitFor();
  }
  await page.getByRole("button", { name: "Save and see my plan" }).tap();
  await page.waitForURL(sample.origin + "/plan");
  await page.goto(sample.origin + "/plan/profile");
  await waitForApp(page);
  const card = page.getByTestId("assessment-answers");
  await card.filter({ hasText: "Research that changes what gets built." }).waitFor();
  assert.match(await card.textContent(), /Earlier takes \(1\)/);
  await page.goto(sample.origin + "/plan/print");
  await waitForApp(page);
  assert.match(await page.getByTestId("printable-plan").textContent(), /Needs assessment.*Research that changes what gets built\./s);
});

test("in a German browser numbers are shown with a decimal comma, and a shown number reads back", async () => {
  const german = await openBrowser(sample.origin, { context: { locale: "de-DE" } });
  try {
    const { page } = german;
    await startWithSamplePlan(page, sample.origin);
    await openGoal(page, "Build a UX research portfolio");
    const kpi = page.getByTestId("kpi").filter({ hasText: "Case studies published" });
    await kpi.getByLabel("Log a value").fill("2,5");
    await kpi.getByRole("button", { name: "Log value for Case studies published" }).tap();
    await saved(page);
    await kpi.getByTestId("kpi-latest").filter({ hasText: "Latest: 2,5 case studies" }).waitFor();
    // The correction field is prefilled as shown, and saving it unchanged is no change.
    await kpi.getByText(/^Values logged/).tap();
    const last = kpi.getByTestId("kpi-value").first();
    await last.getByRole("button", { name: /^Correct value: / }).tap();
    assert.equal(await last.getByLabel(/^Value on /).inputValue(), "2,5");
    await last.getByRole("button", { name: "Save" }).tap();
    await last.getByRole("button", { name: /^Correct value: / }).waitFor();
    assert.match(await last.textContent(), /2,5/);
  } finally {
    await german.close();
  }
});
