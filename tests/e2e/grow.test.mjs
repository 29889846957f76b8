// GROW coaching-session notes (docs/METHOD.md), at phone size with touch and offline: reached
// from the Plan screen; one question per screen; leaving midway keeps the draft (another
// screen, then back); an empty answer is skipped; the saved note reads newest first with its
// chosen option, its way-forward step becomes a dated action on the goal, and the note is in
// the plan's history and the printable plan. A draft discarded (asked twice) is gone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { sampleBrowserForFile, waitForApp } from "./harness.mjs";

const sample = sampleBrowserForFile();

test("a GROW session note, offline: draft kept when leaving midway, saved, read, a step made a dated action", async () => {
  const { page, context } = sample.browser;
  await page.goto(sample.origin + "/plan");
  await waitForApp(page);
  const goalTitle = (await page.getByTestId("goal-card").first().locator("a").first().textContent()).trim();
  await context.setOffline(true);
  try {
    await page.getByTestId("session-notes").tap();
    await page.waitForURL(sample.origin + "/plan/sessions");
    assert.match(await page.locator(".method-why").textContent(), /John Whitmore/);
    await page.getByTestId("grow-start").tap();
    await page.waitForURL(sample.origin + "/plan/sessions/new");
    const step = page.getByTestId("step-indicator");
    await step.filter({ hasText: "Step 1 of 5" }).waitFor();
    await page.getByLabel("What do you want from this session?").fill("Decide how to get interviews");
    await page.getByLabel("Which goal is it about?").selectOption({ label: goalTitle });
    await page.getByRole("button", { name: "Next" }).tap();
    // The reality is left empty: skipped.
    await step.filter({ hasText: "Step 2 of 5" }).waitFor();
    await page.getByRole("button", { name: "Next" }).tap();
    await step.filter({ hasText: "Step 3 of 5" }).waitFor();
    await page.getByLabel("What could you do?").fill("Ask for referrals\n\nRefresh the portfolio\nApply to smaller studios");
    await page.getByRole("radio", { name: "Refresh the portfolio" }).check();

    // Leaving midway, to another screen and back: the draft is kept.
    await page.getByRole("link", { name: "← Session notes" }).tap();
    await page.waitForURL(sample.origin + "/plan/sessions");
    await page.getByText("You have an unsaved session note on this device.").waitFor();
    await page.getByRole("link", { name: "Continue the session note" }).tap();
    await page.getByText("Welcome back: your unsaved session note is just as you left it.").waitFor();
    await step.filter({ hasText: "Step 3 of 5" }).waitFor();
    assert.equal(await page.getByRole("radio", { name: "Refresh the portfolio" }).isChecked(), true);

    await page.getByRole("button", { name: "Next" }).tap();
    await step.filter({ hasText: "Step 4 of 5" }).waitFor();
    await page.getByLabel("Step 1: what will you do?").fill("Redo the two best case studies");
    await page.getByLabel("Step 1: by when?").fill("2030-01-15");
    await page.getByRole("button", { name: "Add a step" }).tap();
    // A date without words is a clear message, not a silent loss.
    await page.getByLabel("Step 2: by when?").fill("2030-02-01");
    await page.getByRole("button", { name: "Next" }).tap();
    await step.filter({ hasText: "Step 5 of 5" }).waitFor();
    await page.getByText("Step 2: say what you will do by then, or clear its date.").waitFor();
    await page.getByRole("button", { name: "Edit the way forward" }).tap();
    await page.getByLabel("Step 2: by when?").fill("");
    await page.getByRole("button", { name: "Next" }).tap();
    const facts = page.getByTestId("grow-facts");
    await facts.waitFor();
    const text = await facts.textContent();
    assert.match(text, /Refresh the portfolio \(chosen\)/);
    assert.match(text, /Redo the two best case studies \(by 15 Jan 2030\)/);
    assert.doesNotMatch(text, /Reality/);
    await page.getByRole("button", { name: "Save session note" }).tap();
    await page.getByTestId("grow-done").waitFor();

    await page.getByRole("link", { name: "See the note" }).tap();
    const note = page.getByTestId("grow-note").first();
    await note.waitFor();
    const noteText = await note.textContent();
    assert.match(noteText, /Written by the client/);
    assert.match(noteText, new RegExp(`About the goal${goalTitle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    assert.match(noteText, /Decide how to get interviews/);
    await note.getByRole("button", { name: /^Make it an action/ }).tap();
    await note.getByTestId("grow-action").waitFor();

    // Saved on the device: still there after a reload, and no draft is left.
    await page.reload();
    await waitForApp(page);
    await page.getByTestId("grow-note").first().getByTestId("grow-action").waitFor();
    assert.equal(await page.getByText("You have an unsaved session note").count(), 0);

    // The action is on the goal, dated.
    await page.goto(sample.origin + "/plan");
    await waitForApp(page);
    await page.getByTestId("goal-card").first().locator("a").first().tap();
    const actions = page.getByTestId("ranked-actions");
    await actions.filter({ hasText: "Redo the two best case studies" }).waitFor();

    // In the plan's history and the printable plan.
    await page.goto(sample.origin + "/plan/history");
    await waitForApp(page);
    const session = page.getByTestId("timeline-session").first();
    await session.waitFor();
    assert.match(await session.textContent(), /Chosen: Refresh the portfolio/);
    await page.goto(sample.origin + "/plan/print");
    await waitForApp(page);
    const printed = page.getByTestId("print-sessions");
    await printed.waitFor();
    assert.match(await printed.textContent(), /Refresh the portfolio \(chosen\)/);

    // Changed later: another option chosen and the step moved a week. The step keeps its
    // words, so it keeps the action it became.
    await page.goto(sample.origin + "/plan/sessions");
    await waitForApp(page);
    await page.getByTestId("grow-note").first().getByRole("link", { name: /^Change this note/ }).tap();
    await page.waitForURL(/\/plan\/sessions\/[0-9a-f-]{36}\/edit$/);
    await step.filter({ hasText: "Step 1 of 5" }).waitFor();
    assert.equal(await page.getByLabel("What do you want from this session?").inputValue(), "Decide how to get interviews");
    await page.getByRole("button", { name: "Next" }).tap();
    await page.getByRole("button", { name: "Next" }).tap();
    await step.filter({ hasText: "Step 3 of 5" }).waitFor();
    await page.getByRole("radio", { name: "Apply to smaller studios" }).check();
    await page.getByRole("button", { name: "Next" }).tap();
    await page.getByLabel("Step 1: by when?").fill("2030-01-22");
    await page.getByRole("button", { name: "Next" }).tap();
    await page.getByRole("button", { name: "Save session note" }).tap();
    await page.getByTestId("grow-done").waitFor();
    await page.getByRole("link", { name: "See the note" }).tap();
    const changed = page.getByTestId("grow-note");
    assert.equal(await changed.count(), 1, "changed, not added");
    await changed.getByTestId("grow-action").waitFor();
    const changedText = await changed.textContent();
    assert.match(changedText, /Apply to smaller studios \(chosen\)/);
    assert.match(changedText, /22 Jan 2030/);
  } finally {
    await context.setOffline(false);
  }
});

test("discarding a session-note draft is asked twice, then the draft is gone", async () => {
  const { page } = sample.browser;
  await page.goto(sample.origin + "/plan/sessions/new");
  await waitForApp(page);
  await page.getByLabel("What do you want from this session?").fill("Prepare the salary talk");
  await page.getByRole("button", { name: "Discard this session note" }).tap();
  await page.getByText("Tap again to discard your answers.").waitFor();
  await page.getByRole("button", { name: "Yes, discard my answers" }).tap();
  await page.waitForURL(sample.origin + "/plan/sessions");
  await page.getByTestId("grow-start").filter({ hasText: "Write a session note" }).waitFor();
  await page.goto(sample.origin + "/plan/sessions/new");
  await waitForApp(page);
  assert.equal(await page.getByLabel("What do you want from this session?").inputValue(), "");
});
