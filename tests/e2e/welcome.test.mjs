// The first run: start a plan, walk the guided needs assessment (or skip it), try the
// sample plan; and Settings: role, theme, the plans on this device, storage status.
import { test } from "node:test";
import assert from "node:assert/strict";
import { serveForFile, startWithSamplePlan, waitForApp } from "./harness.mjs";

const server = serveForFile();
const { browsers, fresh } = server;

test("a new client starts a plan and walks the guided assessment; answers survive a reload", async () => {
  const { page } = await fresh();
  await page.goto(server.origin + "/welcome");
  await waitForApp(page);
  await page.getByLabel("Name of your plan").fill("Moving into product design");
  await page.getByRole("button", { name: "Start my plan" }).tap();
  await page.waitForURL(/\/welcome\/assessment$/);

  await page.getByRole("heading", { name: "What moves you" }).waitFor();
  assert.equal(await page.getByText("Step 1 of 6").count(), 1);
  await page.getByLabel("What do you want your career to give you in the next few years?").fill("Work that makes things 🙂 easier for people");
  await page.getByRole("button", { name: "Next" }).tap();
  await page.getByRole("heading", { name: "What holds you back" }).waitFor();
  // Focus follows the step, so a screen reader announces the new heading.
  assert.equal(await page.evaluate(() => document.activeElement?.id), "step-heading");
  await page.getByRole("button", { name: "Back" }).tap();
  assert.equal(
    await page.getByLabel("What do you want your career to give you in the next few years?").inputValue(),
    "Work that makes things 🙂 easier for people",
    "going back keeps what was typed"
  );
  await page.getByRole("button", { name: "Next" }).tap();
  await page.getByRole("button", { name: "Next" }).tap();
  await page.getByRole("textbox", { name: "Your strengths" }).fill("explaining, patience");
  await page.getByRole("button", { name: "Next" }).tap();

  await page.getByRole("heading", { name: "Your values", exact: true }).waitFor();
  await page.getByRole("button", { name: "Autonomy", exact: true }).tap();
  await page.getByRole("button", { name: "Learning", exact: true }).tap();
  await page.getByLabel("Add your own value").fill("Family time");
  await page.getByRole("button", { name: "Add value", exact: true }).tap();
  await page.getByRole("button", { name: "Move Learning up" }).tap();
  const ranked = await page.getByTestId("ranked-values").locator(".rank-text").allTextContents();
  assert.deepEqual(ranked, ["Learning", "Autonomy", "Family time"]);
  await page.getByRole("button", { name: "Next" }).tap();
  await page.getByRole("button", { name: "Next" }).tap();

  await page.getByLabel("Your current role").fill("Graphic designer");
  await page.getByLabel("Your ideal career in 3–5 years").fill("Leading design research for public services.");
  await page.getByRole("button", { name: "Save and see my plan" }).tap();
  await page.waitForURL(/\/plan$/);
  await page.getByTestId("save-status").filter({ hasText: "Saved" }).waitFor();

  await page.reload();
  await page.goto(server.origin + "/welcome/assessment");
  await waitForApp(page);
  for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "Next" }).tap();
  assert.deepEqual(await page.getByTestId("ranked-values").locator(".rank-text").allTextContents(), ["Learning", "Autonomy", "Family time"]);
  await page.getByRole("button", { name: "Next" }).tap();
  await page.getByRole("button", { name: "Next" }).tap();
  assert.equal(await page.getByLabel("Your current role").inputValue(), "Graphic designer");
});

test("leaving the assessment midway keeps the answers on the device; discarding them asks twice", async () => {
  const { page } = await fresh();
  await page.goto(server.origin + "/welcome");
  await waitForApp(page);
  await page.getByLabel("Name of your plan").fill("Back to work after a break");
  await page.getByRole("button", { name: "Start my plan" }).tap();
  await page.waitForURL(/\/welcome\/assessment$/);
  const motive = page.getByLabel("What do you want your career to give you in the next few years?");
  await motive.fill("Steady hours and a team again");
  await page.getByRole("button", { name: "Next" }).tap();
  await page.getByLabel("What has held you back from making this change so far?").fill("Two years out of the field");

  // A call comes in, the tab is closed: nothing was saved, nothing is lost.
  await page.reload();
  await waitForApp(page);
  await page.getByText("Welcome back: your unsaved answers are just as you left them.").waitFor();
  assert.equal(await page.getByText("Step 2 of 6").count(), 1, "the same step");
  assert.equal(await page.getByLabel("What has held you back from making this change so far?").inputValue(), "Two years out of the field");
  await page.getByRole("button", { name: "Back" }).tap();
  assert.equal(await motive.inputValue(), "Steady hours and a team again");

  await page.getByRole("button", { name: "Discard my unsaved answers" }).tap();
  await page.getByRole("alert").filter({ hasText: "What you saved before stays." }).waitFor();
  await page.getByRole("button", { name: "Yes, discard my answers" }).tap();
  await page.waitForURL(/\/plan$/);
  await page.goto(server.origin + "/welcome/assessment");
  await waitForApp(page);
  await page.getByRole("heading", { name: "What moves you" }).waitFor();
  assert.equal(await motive.inputValue(), "", "the draft is gone");
  assert.equal(await page.getByText("Welcome back").count(), 0);
});

test("the assessment can be skipped", async () => {
  const { page } = await fresh();
  await page.goto(server.origin + "/welcome");
  await waitForApp(page);
  await page.getByRole("button", { name: "Start my plan" }).tap();
  await page.waitForURL(/\/welcome\/assessment$/);
  await page.getByRole("link", { name: "Skip for now" }).tap();
  await page.waitForURL(/\/plan$/);
});

test("an empty plan name is refused with a message and nothing is stored", async () => {
  const { page } = await fresh();
  await page.goto(server.origin + "/welcome");
  await waitForApp(page);
  await page.getByLabel("Name of your plan").fill("   ");
  await page.getByRole("button", { name: "Start my plan" }).tap();
  await page.getByRole("alert").waitFor();
  assert.match(await page.getByRole("alert").textContent(), /title/i);
  await page.goto(server.origin + "/clients");
  await waitForApp(page);
  await page.getByTestId("clients-count").filter({ hasText: "0 plans" }).waitFor();
  assert.equal(await page.getByTestId("client-row").count(), 0);
});

test("the sample plan opens, listed on the plans screen, and Settings shows storage status", async () => {
  const { page } = await fresh();
  await startWithSamplePlan(page, server.origin);
  await page.getByRole("link", { name: "Settings" }).tap();
  await page.waitForURL(/\/settings$/);
  await page.getByTestId("storage-usage").filter({ hasText: "used" }).waitFor();
  assert.doesNotMatch(await page.getByTestId("storage-persisted").textContent(), /Checking/);
  await page.getByRole("link", { name: "Your plans" }).tap();
  await page.waitForURL(/\/clients$/);
  await page.getByTestId("client-row").first().waitFor();
  assert.equal(await page.getByTestId("client-row").count(), 1);
});

test("a finished engagement can be archived and restored", async () => {
  const { page } = await fresh();
  await startWithSamplePlan(page, server.origin);
  await page.goto(server.origin + "/clients");
  await waitForApp(page);
  // Archiving asks first; "Keep it open" changes nothing.
  await page.getByRole("button", { name: /^Archive / }).tap();
  await page.getByTestId("confirm-archive").filter({ hasText: "can be read, but nothing in it can be changed" }).waitFor();
  await page.getByRole("button", { name: "Keep it open" }).tap();
  assert.equal(await page.getByTestId("client-row").count(), 1);
  assert.equal(await page.getByTestId("archived-notice").count(), 0);
  await page.getByRole("button", { name: /^Archive / }).tap();
  await page.getByRole("button", { name: "Archive it" }).tap();
  // It leaves the active list for the archived one.
  await page.getByTestId("clients-count").filter({ hasText: "0 plans" }).waitFor();
  await page.getByLabel("Archived plans").check();
  await page.getByTestId("client-row").locator(".tag").filter({ hasText: "Archived" }).waitFor();
  // Every screen says the plan is archived before a change is tried.
  for (const path of ["/", "/plan", "/checkin", "/journal", "/review", "/share", "/settings"]) {
    await page.goto(server.origin + path);
    await waitForApp(page);
    await page.getByTestId("archived-notice").filter({ hasText: "This plan is archived." }).waitFor();
  }
  await page.goto(server.origin + "/clients");
  await waitForApp(page);
  await page.getByLabel("Archived plans").check();
  await page.getByRole("button", { name: /^Restore / }).tap();
  await page.getByTestId("clients-count").filter({ hasText: "0 archived plans" }).waitFor();
  await page.getByLabel("Archived plans").uncheck();
  await page.getByTestId("client-row").first().waitFor();
  assert.equal(await page.getByTestId("archived-notice").count(), 0);
});

test("a coach keeps a plan as a template and starts a client's plan from it", async () => {
  const { page } = await fresh();
  await startWithSamplePlan(page, server.origin);
  await page.goto(server.origin + "/settings");
  await waitForApp(page);
  await page.getByLabel("A coach, preparing plans for clients").check();
  await page.getByRole("button", { name: "Save a copy as a template" }).tap();
  await page.waitForURL(/\/plan$/);
  // A coach's navigation has the Clients screen.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Clients" }).tap();
  await page.waitForURL(/\/clients$/);
  await page.getByTestId("template-row").waitFor();
  assert.equal(await page.getByTestId("client-row").count(), 1);
  await page.getByRole("button", { name: "Start a client plan" }).tap();
  // It asks whom the plan is for and its first day.
  const form = page.getByTestId("start-client-plan");
  await form.getByRole("button", { name: "Start the plan" }).tap();
  await form.getByRole("alert").filter({ hasText: "Enter the client's name" }).waitFor();
  await form.getByLabel("Client's name").fill("Ravi Shah");
  await form.getByRole("button", { name: "Start the plan" }).tap();
  await page.waitForURL(/\/plan$/);
  assert.match(await page.getByTestId("open-plan").textContent(), /Ravi Shah/, "the header names the open plan's client");
  await page.goto(server.origin + "/clients");
  await waitForApp(page);
  await page.getByTestId("client-row").nth(1).waitFor();
  assert.equal(await page.getByTestId("client-row").count(), 2);
  const ravi = page.getByTestId("client-row").filter({ has: page.locator(".client-name", { hasText: "Ravi Shah" }) });
  assert.equal(await ravi.locator(".client-plan-title").textContent(), "Maya: from teaching to UX research");
  assert.match(await page.getByTestId("template-count").textContent(), /1 client plan made from it/);
  // The copy has the goals but none of Maya's journal.
  await page.goto(server.origin + "/journal");
  await waitForApp(page);
  await page.getByRole("link", { name: /Write/ }).first().waitFor();
  assert.equal(await page.locator("main").getByText("First screening call").count(), 0);
});

test("Settings keeps the role and theme across a reload", async () => {
  const { page } = await fresh();
  await page.goto(server.origin + "/settings");
  await waitForApp(page);
  await page.getByText("A coach, preparing plans for clients").tap();
  await page.getByText("Dark", { exact: true }).tap();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
  assert.ok(await page.getByLabel("A coach, preparing plans for clients").isChecked());
  await page.getByText("Follow this device").tap();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), undefined);
});

test("no console errors and no request to another origin", () => {
  for (const b of browsers) {
    assert.deepEqual(b.consoleErrors, []);
    assert.deepEqual(b.foreignRequests, []);
  }
});
