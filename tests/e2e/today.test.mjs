// Today (journey 3): what matters now. From the sample plan, at phone size with touch:
// overdue and due actions are listed and one tap completes one; a KPI not logged lately is
// logged from here; the check-in card says a check-in is due; a prompt leads to the journal.
import { test } from "node:test";
import assert from "node:assert/strict";
import { sampleBrowserForFile, waitForApp } from "./harness.mjs";

const sample = sampleBrowserForFile();

test("Today lists overdue and due actions, and completing one removes it once saved", async () => {
  const { page } = sample.browser;
  await page.goto(sample.origin + "/");
  await waitForApp(page);
  const list = page.getByTestId("due-actions");
  await list.waitFor();
  const text = await list.textContent();
  assert.match(text, /Set up peer marking with rubrics for Year 10/);
  assert.match(text, /Overdue since/);
  assert.match(text, /Send two applications/);
  // Done long ago, or without a due date: not here.
  assert.doesNotMatch(text, /Ask Sam for a referral/);
  assert.doesNotMatch(text, /Intro to UX research/);

  await page.getByRole("button", { name: "Mark done: Set up peer marking with rubrics for Year 10" }).tap();
  await page.getByTestId("save-status").filter({ hasText: "Saved" }).waitFor();
  await page.getByRole("button", { name: /Set up peer marking/ }).waitFor({ state: "detached" });
  assert.match(await list.textContent(), /Send two applications/);

  await page.reload();
  await waitForApp(page);
  await page.getByTestId("due-actions").waitFor();
  assert.equal(await page.getByRole("button", { name: /Set up peer marking/ }).count(), 0);
});

test("a KPI not logged lately is logged from Today with one tap", async () => {
  const { page } = sample.browser;
  await page.goto(sample.origin + "/");
  await waitForApp(page);
  const stale = page.getByTestId("stale-kpis");
  await stale.waitFor();
  assert.match(await stale.textContent(), /Case studies published/);

  const input = page.getByLabel("New value for Case studies published (case studies)");
  await input.fill("two");
  await page.getByRole("listitem").filter({ has: input }).getByRole("button", { name: "Log" }).tap();
  await page.getByRole("alert").filter({ hasText: "is not a number" }).waitFor();

  await input.fill("1");
  await page.getByRole("listitem").filter({ has: input }).getByRole("button", { name: "Log" }).tap();
  await page.getByTestId("save-status").filter({ hasText: "Saved" }).waitFor();
  await input.waitFor({ state: "detached" });

  // The value is in the plan: the review's chart for that KPI reports it.
  await page.goto(sample.origin + "/review");
  await waitForApp(page);
  const chart = page.getByRole("img", { name: /^Case studies published/ });
  assert.match(await chart.getAttribute("aria-label"), /Latest value 1 case study/);
});

test("the check-in card says a check-in is due and starts it; reflecting is one tap away", async () => {
  const { page } = sample.browser;
  await page.goto(sample.origin + "/");
  await waitForApp(page);
  const card = page.getByRole("region", { name: "Check-in", exact: true });
  assert.match(await card.textContent(), /Due now/);
  assert.ok(await page.getByRole("link", { name: "Review your progress" }).isVisible());
  await page.getByRole("link", { name: "Start check-in" }).tap();
  await page.waitForURL(sample.origin + "/checkin/run");
  await page.getByTestId("step-indicator").waitFor();

  await page.goto(sample.origin + "/");
  await waitForApp(page);
  await page.getByRole("link", { name: "Write a reflection" }).tap();
  await page.waitForURL(sample.origin + "/journal/new");
});

test("headings are in order and every button has a name", async () => {
  const { page } = sample.browser;
  await page.goto(sample.origin + "/");
  await waitForApp(page);
  await page.getByTestId("due-actions").waitFor();
  const levels = await page.locator("main h1, main h2, main h3").evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
  assert.equal(levels[0], 1);
  for (let i = 1; i < levels.length; i++) assert.ok(levels[i] <= levels[i - 1] + 1, `heading jumps: ${levels}`);
  const unnamed = await page.locator("main button").evaluateAll((bs) =>
    bs.filter((b) => !(b.getAttribute("aria-label") || b.textContent.trim())).length,
  );
  assert.equal(unnamed, 0);
  const small = await page.locator("main button, main a.button").evaluateAll((els) =>
    els.map((e) => e.getBoundingClientRect()).filter((r) => r.height < 44 || r.width < 44).length,
  );
  assert.equal(small, 0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(overflow, false);
});

test("nothing went wrong along the way", () => {
  assert.deepEqual(sample.browser.consoleErrors, []);
  assert.deepEqual(sample.browser.foreignRequests, []);
});
