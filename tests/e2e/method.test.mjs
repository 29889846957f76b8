// The coaching methods' guided flows (docs/METHOD.md), at phone size with touch and offline:
// WOOP for a goal, one question per screen; leaving midway keeps the draft (reload); an empty
// answer is skipped; the saved WOOP shows on the goal with its plan as an if-then, and turns
// into an action carrying that if-then, linked back from the WOOP.
import { test } from "node:test";
import assert from "node:assert/strict";
import { sampleBrowserForFile, waitForApp } from "./harness.mjs";

const sample = sampleBrowserForFile();

test("a WOOP for a goal, offline: draft kept across a reload, saved, shown, made an action", async () => {
  const { page, context } = sample.browser;
  await page.goto(sample.origin + "/plan");
  await waitForApp(page);
  const goal = await page.getByTestId("goal-card").first().locator("a").first().getAttribute("href");
  await page.goto(sample.origin + goal);
  await waitForApp(page);
  const card = page.getByTestId("woop-card");
  assert.match(await card.textContent(), /Gollwitzer & Sheeran 2006, d ≈ 0\.65/);
  await context.setOffline(true);
  try {
    await card.getByRole("link", { name: "Start a WOOP" }).tap();
    await page.waitForURL(sample.origin + goal + "/woop");
    const step = page.getByTestId("step-indicator");
    await step.filter({ hasText: "Step 1 of 5" }).waitFor();
    await page.getByLabel("What do you wish for with this goal?").fill("A UX role I'm proud of");
    await page.getByRole("button", { name: "Next" }).tap();
    // The outcome is left empty: skipped.
    await step.filter({ hasText: "Step 2 of 5" }).waitFor();
    await page.getByRole("button", { name: "Next" }).tap();
    await step.filter({ hasText: "Step 3 of 5" }).waitFor();
    await page.getByLabel("What in you could stand in the way?").fill("I put off applying when I feel unready");

    // Leaving midway: the draft is kept.
    await page.reload();
    await waitForApp(page);
    await page.getByText("Welcome back: your unsaved WOOP is just as you left it.").waitFor();
    await step.filter({ hasText: "Step 3 of 5" }).waitFor();
    assert.equal(await page.getByLabel("What in you could stand in the way?").inputValue(), "I put off applying when I feel unready");

    await page.getByRole("button", { name: "Next" }).tap();
    await step.filter({ hasText: "Step 4 of 5" }).waitFor();
    assert.equal(await page.getByTestId("woop-if").textContent(), "If I put off applying when I feel unready,");
    await page.getByLabel("then I will …").fill("send one application before lunch");
    await page.getByRole("button", { name: "Next" }).tap();
    await step.filter({ hasText: "Step 5 of 5" }).waitFor();
    const facts = await page.getByTestId("woop-facts").textContent();
    assert.match(facts, /Best outcome—/);
    await page.getByRole("button", { name: "Save WOOP" }).tap();
    await page.getByTestId("woop-done").waitFor();

    await page.getByRole("link", { name: "Back to the goal" }).tap();
    await card.waitFor();
    assert.match(
      await card.getByTestId("woop-facts").textContent(),
      /If I put off applying when I feel unready, then I will send one application before lunch\./
    );
    await card.getByRole("button", { name: "Make the plan an action" }).tap();
    await card.getByTestId("woop-action").waitFor();
    assert.match(await card.getByTestId("woop-action").textContent(), /send one application before lunch/);
    const actions = await page.getByTestId("ranked-actions").textContent();
    assert.match(actions, /send one application before lunch/);
    assert.match(actions, /I put off applying when I feel unready/);

    // Saved on the device: still there after a reload, and no draft is left.
    await page.reload();
    await waitForApp(page);
    await card.getByTestId("woop-action").waitFor();
    await page.goto(sample.origin + goal + "/woop");
    await waitForApp(page);
    assert.equal(await page.getByText("Welcome back: your unsaved WOOP").count(), 0);
    assert.equal(await page.getByLabel("What do you wish for with this goal?").inputValue(), "A UX role I'm proud of");
  } finally {
    await context.setOffline(false);
  }
});

test("Rolfe's three questions in the journal, offline: one text in the list, search finds every stage, the next step an action", async () => {
  const { page, context } = sample.browser;
  await page.goto(sample.origin + "/journal/new");
  await waitForApp(page);
  await context.setOffline(true);
  try {
    await page.getByRole("button", { name: "What? So what? Now what? (Rolfe)" }).tap();
    assert.match(await page.getByTestId("model-why").textContent(), /Rolfe, Freshwater & Jasper, 2001/);
    await page.getByRole("textbox", { name: "What?", exact: true }).fill("The panel asked about my portfolio gaps");
    // "So what?" is left empty: an optional stage.
    await page.getByRole("textbox", { name: "Now what?" }).fill("Add a case study on research ops\nthen ask Dana to read it");
    await page.getByTestId("save-status").filter({ hasText: "Saved" }).waitFor();
    await page.getByRole("button", { name: "Make the now what? an action" }).tap();
    assert.match(await page.getByTestId("stage-action").textContent(), /Add a case study on research ops/);

    // The stages come back when the entry is opened again.
    await page.reload();
    await waitForApp(page);
    assert.equal(await page.getByRole("textbox", { name: "What?", exact: true }).inputValue(), "The panel asked about my portfolio gaps");
    assert.equal(await page.getByRole("textbox", { name: "So what?", exact: true }).inputValue(), "");

    await page.goto(sample.origin + "/journal");
    await waitForApp(page);
    const entry = page.getByTestId("journal-entry").filter({ hasText: "The panel asked about my portfolio gaps" });
    await entry.waitFor();
    assert.match(await entry.locator("h3").textContent(), /^The panel asked about my portfolio gaps$/);
    const search = page.getByRole("searchbox", { name: "Search reflections" });
    for (const q of ["portfolio gaps", "research ops", "now what"]) {
      await search.fill(q);
      await entry.waitFor();
    }
    // The next step is an action due within the week: on Today.
    await page.goto(sample.origin + "/");
    await waitForApp(page);
    assert.match(await page.getByTestId("due-actions").textContent(), /Add a case study on research ops/);
  } finally {
    await context.setOffline(false);
  }
});

test("the review asks about each goal behind pace and leads into Adapt with the reason started", async () => {
  const { page, context } = sample.browser;
  await page.goto(sample.origin + "/review");
  await waitForApp(page);
  await context.setOffline(true);
  try {
    const section = page.getByTestId("revise-goals");
    await section.waitFor();
    const first = section.locator("fieldset").first();
    const goal = (await first.locator("legend").textContent()).trim();
    await first.getByRole("radio", { name: "Keep it as it is" }).check();
    await first.getByText("Kept as it is. Nothing changes.").waitFor();
    await first.getByRole("radio", { name: "Change the strategy" }).check();
    await first.getByRole("link", { name: /Change the strategy: continue in Adapt/ }).tap();
    await page.getByRole("heading", { name: "Adapt this goal" }).waitFor();
    assert.equal((await page.locator("h1").textContent()).trim(), goal);
    assert.equal(await page.getByLabel("What changes").inputValue(), "strategy");
    const reason = page.getByLabel("Reason (required)");
    assert.match(await reason.inputValue(), /^Behind pace at the review of .*; the way I was going about it did not work because $/);
    await reason.fill((await reason.inputValue()) + "applying cold got no replies.");
    await page.getByLabel("New description").fill("Ask for referrals through two people a week.");
    await page.getByRole("button", { name: "Save change" }).tap();
    const history = page.getByTestId("goal-history");
    await history.getByText("applying cold got no replies.", { exact: false }).waitFor();
    assert.match(await history.textContent(), /Behind pace at the review of/);
  } finally {
    await context.setOffline(false);
  }
});

test("discarding a WOOP draft is asked twice and then forgets it", async () => {
  const { page } = sample.browser;
  await page.goto(sample.origin + "/plan");
  await waitForApp(page);
  const goal = await page.getByTestId("goal-card").nth(1).locator("a").first().getAttribute("href");
  await page.goto(sample.origin + goal + "/woop");
  await waitForApp(page);
  const wish = page.getByLabel("What do you wish for with this goal?");
  await wish.fill("Lead a research study");
  await page.getByRole("button", { name: "Discard this WOOP draft" }).tap();
  await page.getByText("Tap again to discard your answers.").waitFor();
  assert.equal(await wish.inputValue(), "Lead a research study", "one tap keeps the words");
  await page.getByRole("button", { name: "Yes, discard my answers" }).tap();
  await page.waitForURL(sample.origin + goal);
  await page.goto(sample.origin + goal + "/woop");
  await waitForApp(page);
  assert.equal(await wish.inputValue(), "");
  assert.equal(await page.getByText("Welcome back").count(), 0);
});
