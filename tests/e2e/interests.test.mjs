// The interest profile (RIASEC, docs/METHOD.md) at phone size with touch: from the end of the
// needs assessment, offline, one group of the party per screen; a skipped group stays out of
// the code; leaving midway (a reload, another screen) keeps the ratings; the code and what it
// means show on the profile and in the printed plan; rating again keeps both takes. The flow
// says what it is (a self-rating, not a validated test) and names the validated one as text,
// without a link or any request to another origin. And every way to skip it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { serveForFile, waitForApp, waitForServiceWorkerControl } from "./harness.mjs";

const server = serveForFile();
const { fresh } = server;

const step = (page, n) => page.getByTestId("step-indicator").filter({ hasText: `Step ${n} of 8` }).waitFor();
const next = (page) => page.getByRole("button", { name: "Next", exact: true }).tap();

async function startPlan(page) {
  await page.goto(server.origin + "/welcome");
  await waitForApp(page);
  await page.getByRole("button", { name: "Start my plan" }).tap();
  await page.waitForURL(/\/welcome\/assessment$/);
}

test("from the assessment into the interest profile, offline: skip a group, leave midway, the code on the profile and in print, rate again", async () => {
  const { page, context, foreignRequests, consoleErrors } = await fresh();
  await startPlan(page);
  for (let i = 1; i < 6; i++) {
    await page.getByText(`Step ${i} of 6`).waitFor();
    await next(page);
  }
  await page.getByLabel("Your current role").fill("Teacher");
  await page.getByRole("button", { name: "Save, then rate my interests" }).tap();
  await page.waitForURL(/\/welcome\/interests$/);
  await page.getByTestId("save-status").filter({ hasText: "Saved" }).waitFor();
  await waitForServiceWorkerControl(page);

  await context.setOffline(true);
  try {
    await step(page, 1);
    await page.getByRole("heading", { name: "The party" }).waitFor();
    const about = await page.getByTestId("interests-about").textContent();
    assert.match(about, /self-rating for reflection, not a validated test/);
    assert.match(about, /Holland, Making Vocational Choices, 1997/);
    assert.match(about, /O\*NET Interest Profiler: https:\/\/www\.mynextmove\.org\/explore\/ip/);
    assert.equal(await page.locator('a[href*="mynextmove"]').count(), 0, "the address is text, not a link");

    await next(page);
    await step(page, 2);
    await page.getByRole("heading", { name: "The makers and fixers" }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), "step-heading", "focus follows the step");
    await page.getByRole("radio", { name: "1 · A little" }).check();
    await next(page);
    await step(page, 3);
    await page.getByRole("radio", { name: "4 · Very much" }).check();
    await next(page);
    await step(page, 4);
    await page.getByRole("radio", { name: "3 · Quite a lot" }).check();

    // Leaving midway: a reload, then another screen and back. The ratings are kept.
    await page.reload();
    await waitForApp(page);
    await page.getByText("Welcome back: your unsaved ratings are just as you left them.").waitFor();
    await step(page, 4);
    assert.equal(await page.getByRole("radio", { name: "3 · Quite a lot" }).isChecked(), true);
    await page.goto(server.origin + "/plan");
    await waitForApp(page);
    await page.goto(server.origin + "/welcome/interests");
    await waitForApp(page);
    await step(page, 4);

    await next(page);
    await step(page, 5);
    await page.getByRole("heading", { name: "The helpers and teachers" }).waitFor();
    await page.getByRole("radio", { name: "3 · Quite a lot" }).check();
    await next(page);
    await step(page, 6);
    // Enterprising is skipped: no rating.
    await page.getByText("Not sure? Leave it unrated and go on").waitFor();
    await next(page);
    await step(page, 7);
    await page.getByRole("radio", { name: "2 · Somewhat" }).check();
    await next(page);
    await step(page, 8);
    const code = page.getByTestId("interest-code");
    assert.equal((await code.textContent()).trim(), "IAS");
    const reading = await page.getByTestId("interest-reading").textContent();
    assert.match(reading, /Your code is IAS: Investigative first, then Artistic, then Social\./);
    assert.match(reading, /Artistic and Social are tied at 3/);
    assert.match(reading, /You skipped Enterprising/);

    // Back to the skipped group from the code: rated 0, it stays out of the code.
    await page.getByRole("button", { name: "Change Enterprising" }).tap();
    await step(page, 6);
    await page.getByRole("radio", { name: "0 · Not at all" }).check();
    await next(page);
    await next(page);
    await step(page, 8);
    assert.equal((await code.textContent()).trim(), "IAS");
    assert.doesNotMatch(await page.getByTestId("interest-reading").textContent(), /You skipped/);
    await page.getByRole("button", { name: "Save", exact: true }).tap();
    await page.getByTestId("interests-done").waitFor();

    await page.getByRole("link", { name: "See it on your profile" }).tap();
    await page.waitForURL(/\/plan\/profile/);
    const card = page.getByTestId("interest-profile");
    await card.getByTestId("interest-code").filter({ hasText: "IAS" }).waitFor();
    assert.match(await card.textContent(), /Enterprising \(E\)0 of 4 · Not at all/);

    // Saved on the device: there after a reload, and no draft is left. Rating again starts
    // from the last take and keeps both.
    await page.reload();
    await waitForApp(page);
    await card.getByTestId("interest-code").filter({ hasText: "IAS" }).waitFor();
    await card.getByRole("link", { name: "Rate your interests again" }).tap();
    await page.waitForURL(/\/welcome\/interests$/);
    await step(page, 1);
    assert.equal(await page.getByText("Welcome back").count(), 0);
    await next(page);
    await step(page, 2);
    assert.equal(await page.getByRole("radio", { name: "1 · A little" }).isChecked(), true);
    await page.getByRole("radio", { name: "4 · Very much" }).check();
    for (let n = 3; n <= 8; n++) {
      await next(page);
      await step(page, n);
    }
    assert.equal((await code.textContent()).trim(), "RIA");
    await page.getByRole("button", { name: "Save", exact: true }).tap();
    await page.getByTestId("interests-done").waitFor();
    await page.goto(server.origin + "/plan/profile");
    await waitForApp(page);
    await card.getByTestId("interest-code").filter({ hasText: "RIA" }).waitFor();
    assert.match(await card.locator("details.earlier-takes").textContent(), /Earlier takes \(1\).*IAS/);

    await page.goto(server.origin + "/plan/print");
    await waitForApp(page);
    const printed = await page.getByTestId("printable-plan").textContent();
    assert.match(printed, /Interest profile/);
    assert.match(printed, /Your code is RIA/);
    assert.match(printed, /not a validated test/);
  } finally {
    await context.setOffline(false);
  }
  assert.deepEqual(foreignRequests, []);
  assert.deepEqual(consoleErrors, []);
});

test("the interest profile can be skipped: at the end of the assessment, from the flow, and group by group", async () => {
  const { page, consoleErrors } = await fresh();
  await startPlan(page);
  for (let i = 1; i < 6; i++) await next(page);
  await page.getByRole("button", { name: "Save and see my plan" }).tap();
  await page.waitForURL(/\/plan$/);
  await page.getByTestId("save-status").filter({ hasText: "Saved" }).waitFor();

  await page.goto(server.origin + "/plan/profile");
  await waitForApp(page);
  const card = page.getByTestId("interest-profile");
  assert.match(await card.textContent(), /Not taken yet/);
  await card.getByRole("link", { name: "Rate your interests" }).tap();
  await page.waitForURL(/\/welcome\/interests$/);
  await step(page, 1);
  await page.getByRole("link", { name: "Skip for now" }).tap();
  await page.waitForURL(/\/plan$/);

  // Every group skipped: there is nothing to save, and the flow says so.
  await page.goto(server.origin + "/welcome/interests");
  await waitForApp(page);
  for (let n = 2; n <= 8; n++) {
    await next(page);
    await step(page, n);
  }
  await page.getByTestId("interest-code-none").waitFor();
  assert.equal(await page.getByRole("button", { name: "Save", exact: true }).count(), 0);
  // Discarding is asked twice and leaves the profile as it was.
  await page.getByRole("button", { name: "Discard these ratings" }).tap();
  await page.getByRole("button", { name: "Yes, discard my answers" }).tap();
  await page.waitForURL(/\/plan\/profile$/);
  assert.match(await card.textContent(), /Not taken yet/);
  assert.deepEqual(consoleErrors, []);
});
