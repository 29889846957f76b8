// Every mistake can be fixed (issue 12, part 2), at phone size, from the sample plan: a KPI
// value typed wrong is corrected (with a decimal comma) and leaves a trace in the goal's
// history; a KPI, a milestone, a past check-in and a past review are edited or deleted; the
// schedule is cleared; the plan is renamed from the Plan screen; a goal is deleted. Each
// deletion offers Undo in a polite live region, without taking focus, by button or Ctrl+Z.
import { test } from "node:test";
import assert from "node:assert/strict";
import { countIs, sampleBrowserForFile, saved, waitForApp } from "./harness.mjs";

const sample = sampleBrowserForFile();


async function openGoal(page, title) {
  await page.goto(sample.origin + "/plan");
  await waitForApp(page);
  await page.getByRole("link", { name: title }).tap();
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
}

/** The live region says `text`, is polite, and focus is not on the toast. */
async function announced(page, text) {
  // The region has no box of its own (the toast is fixed above the navigation): attached.
  const region = page.getByTestId("undo-region");
  await region.filter({ hasText: text }).waitFor({ state: "attached" });
  assert.equal(await region.getAttribute("aria-live"), "polite");
  assert.equal(await region.getAttribute("role"), "status");
  const focusInToast = await page.evaluate(
    () => !!document.activeElement?.closest("[data-testid=undo-region]"),
  );
  assert.equal(focusInToast, false, "the toast must not take focus");
}

async function undo(page) {
  await page.getByTestId("undo-toast").getByRole("button", { name: "Undo" }).tap();
  await page.getByTestId("undo-region").filter({ hasText: "Undone" }).waitFor({ state: "attached" });
  await page.getByTestId("undo-toast").waitFor({ state: "detached" });
}

test("a KPI value typed wrong is corrected with a decimal comma and the history keeps the trace", async () => {
  const { page } = sample.browser;
  await openGoal(page, "Build a UX research portfolio");
  const kpi = page.getByTestId("kpi").filter({ hasText: "Case studies published" });
  await kpi.getByText(/^Values logged/).tap();
  const first = kpi.getByTestId("kpi-value").first();
  await first.getByRole("button", { name: /^Correct value: Case studies published on / }).tap();
  const input = first.getByLabel(/^Value on /);
  await input.fill("zwei");
  await first.getByRole("button", { name: "Save" }).tap();
  await first.getByRole("alert").filter({ hasText: "is not a number" }).waitFor();
  await input.fill("2,5");
  await first.getByRole("button", { name: "Save" }).tap();
  await saved(page);
  await announced(page, "Value corrected");
  await kpi.getByTestId("kpi-value").first().filter({ hasText: "2.5" }).waitFor();
  const history = page.getByTestId("goal-history");
  await history.filter({ hasText: "2.5" }).waitFor();
  assert.match(await history.textContent(), /A value typed wrong, corrected/);

  await page.reload();
  await waitForApp(page);
  assert.match(await page.getByTestId("goal-history").textContent(), /Case studies published/);
});

test("a logged value and a KPI are deleted and brought back with Undo", async () => {
  const { page } = sample.browser;
  await openGoal(page, "Build a UX research portfolio");
  const kpi = page.getByTestId("kpi").filter({ hasText: "Case studies published" });
  await kpi.getByText(/^Values logged/).tap();
  const count = await kpi.getByTestId("kpi-value").count();
  await kpi.getByTestId("kpi-value").first().getByRole("button", { name: /^Delete value: / }).tap();
  await saved(page);
  await announced(page, "Value deleted");
  await countIs(kpi.getByTestId("kpi-value"), count - 1);
  await undo(page);
  await countIs(kpi.getByTestId("kpi-value"), count);

  // Edit the KPI: its target with a decimal comma.
  await page.getByText("Edit or delete", { exact: true }).first().tap();
  await page.locator("[id$=-target]").first().fill("4,5");
  await page.getByRole("button", { name: "Save KPI" }).first().tap();
  await saved(page);
  await announced(page, "KPI changed");
  await page.getByTestId("kpi").first().filter({ hasText: "4.5" }).waitFor();

  const kpis = await page.getByTestId("kpi").count();
  await page.getByRole("button", { name: "Delete KPI" }).first().tap();
  await page.getByRole("button", { name: /^Confirm delete KPI: / }).tap();
  await saved(page);
  await announced(page, "KPI deleted");
  await countIs(page.getByTestId("kpi"), kpis - 1);
  await undo(page);
  await countIs(page.getByTestId("kpi"), kpis);
});

test("a milestone's title and date are edited; deleting it is undone", async () => {
  const { page } = sample.browser;
  await openGoal(page, "Build a UX research portfolio");
  const row = page.getByTestId("milestone").filter({ hasText: "First case study published" });
  await row.getByRole("button", { name: "Edit milestone: First case study published" }).tap();
  await row.getByLabel("Milestone", { exact: true }).fill("First case study online");
  await row.getByLabel("Due date", { exact: true }).fill("2027-02-01");
  await row.getByRole("button", { name: "Save milestone" }).tap();
  await saved(page);
  await announced(page, "Milestone changed");
  const edited = page.getByTestId("milestone").filter({ hasText: "First case study online" });
  assert.match(await edited.textContent(), /1 Feb 2027/);

  await edited.getByRole("button", { name: "Delete milestone: First case study online" }).tap();
  await page.getByRole("button", { name: "Confirm delete milestone: First case study online" }).tap();
  await saved(page);
  await announced(page, "Milestone deleted");
  await edited.waitFor({ state: "detached" });
  await undo(page);
  await page.getByTestId("milestone").filter({ hasText: "First case study online" }).waitFor();
});

test("a past check-in is corrected and a deleted one comes back with Undo", async () => {
  const { page } = sample.browser;
  await page.goto(sample.origin + "/checkin");
  await waitForApp(page);
  const list = page.getByTestId("past-checkins");
  const items = list.locator("details.checkin-item");
  const n = await items.count();
  await items.first().locator("summary").tap();
  await items.first().getByRole("button", { name: "Edit check-in" }).tap();
  await items.first().getByLabel("Progress").first().fill("Corrected: portfolio draft done");
  await items.first().getByLabel("Confidence (1 to 10)").fill("11");
  await items.first().getByRole("button", { name: "Save check-in" }).tap();
  await items.first().getByRole("alert").filter({ hasText: "1 to 10" }).waitFor();
  await items.first().getByLabel("Confidence (1 to 10)").fill("8");
  await items.first().getByRole("button", { name: "Save check-in" }).tap();
  await saved(page);
  await announced(page, "Check-in changed");
  await list.filter({ hasText: "Corrected: portfolio draft done" }).waitFor();

  await items.first().locator("summary").tap();
  await items.first().getByRole("button", { name: "Delete check-in" }).tap();
  await page.getByRole("button", { name: "Yes, delete check-in" }).tap();
  await saved(page);
  await announced(page, "Check-in deleted");
  await countIs(items, n - 1);
  // Keyboard: Ctrl+Z undoes while focus is not in a text field.
  await page.locator("body").focus();
  await page.keyboard.press("Control+z");
  await page.getByTestId("undo-region").filter({ hasText: "Undone" }).waitFor({ state: "attached" });
  await list.filter({ hasText: "Corrected: portfolio draft done" }).waitFor();
  await countIs(items, n);
});

test("the schedule is cleared and restored with Undo", async () => {
  const { page } = sample.browser;
  await page.goto(sample.origin + "/checkin");
  await waitForApp(page);
  await page.getByRole("button", { name: "Clear schedule" }).tap();
  await saved(page);
  await announced(page, "Check-in schedule cleared");
  await page.getByText("No schedule yet.", { exact: false }).waitFor();
  await undo(page);
  await page.getByRole("button", { name: "Change schedule" }).waitFor();
});

test("a past review is edited and a deleted one comes back", async () => {
  const { page } = sample.browser;
  await page.goto(sample.origin + "/review");
  await waitForApp(page);
  const list = page.getByTestId("past-reviews");
  await list.getByRole("button", { name: "Edit review" }).first().tap();
  await list.getByLabel("What went well").first().fill("Peer marking worked for Years 10 and 11.");
  await list.getByRole("button", { name: "Save review" }).tap();
  await saved(page);
  await announced(page, "Review changed");
  await list.filter({ hasText: "Years 10 and 11" }).waitFor();
  await list.getByRole("button", { name: "Delete review" }).first().tap();
  await list.getByRole("button", { name: "Yes, delete review" }).tap();
  await saved(page);
  await announced(page, "Review deleted");
  await page.getByText("No reviews yet.", { exact: false }).waitFor();
  await undo(page);
  await list.filter({ hasText: "Years 10 and 11" }).waitFor();
});

test("the plan is renamed from the Plan screen, and the rename undone", async () => {
  const { page } = sample.browser;
  await page.goto(sample.origin + "/plan");
  await waitForApp(page);
  await page.getByRole("button", { name: "Rename plan" }).tap();
  await page.getByLabel("Title").fill("Maya's next chapter");
  await page.getByRole("button", { name: "Save name" }).tap();
  await saved(page);
  await announced(page, "Plan renamed");
  await undo(page);
  assert.equal(await page.getByLabel("Title").inputValue(), "Maya: from teaching to UX research");
});

test("a goal is deleted (not only dropped), undone by button, and stays deleted without Undo", async () => {
  const { page } = sample.browser;
  await openGoal(page, "Get my weekends back");
  await page.getByRole("button", { name: "Delete goal" }).tap();
  await page.getByRole("button", { name: "Yes, delete goal" }).tap();
  await page.waitForURL(sample.origin + "/plan");
  await announced(page, "Goal deleted");
  assert.equal(await page.getByRole("link", { name: "Get my weekends back" }).count(), 0);
  await undo(page);
  await page.getByRole("link", { name: "Get my weekends back" }).waitFor();
  await page.reload();
  await waitForApp(page);
  await page.getByRole("link", { name: "Get my weekends back" }).waitFor();

  await openGoal(page, "Get my weekends back");
  await page.getByRole("button", { name: "Delete goal" }).tap();
  await page.getByRole("button", { name: "Yes, delete goal" }).tap();
  await page.waitForURL(sample.origin + "/plan");
  await page.getByTestId("undo-toast").getByRole("button", { name: "Close" }).tap();
  await page.getByTestId("undo-toast").waitFor({ state: "detached" });
  await page.reload();
  await waitForApp(page);
  await page.getByRole("link", { name: "Build a UX research portfolio" }).waitFor();
  assert.equal(await page.getByRole("link", { name: "Get my weekends back" }).count(), 0);
});
