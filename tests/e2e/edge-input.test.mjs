// Unusual input typed into the app's forms is stored and shown exactly, or refused with a clear
// message: right-to-left text reads right to left, emoji and zero-width joiners survive, a
// title of invisible characters counts as empty, far dates and enormous KPI values are refused,
// negative ones are fine, and nothing overflows a 360 px wide phone. (The same rules through the
// core and plan files: tests/core_edge_input.rs.)
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { openBrowser, saved, serve, startWithSamplePlan, waitForApp } from "./harness.mjs";

let server, browser;
before(async () => {
  server = await serve();
  browser = await openBrowser(server.origin, { context: { viewport: { width: 360, height: 780 } } });
  await startWithSamplePlan(browser.page, server.origin);
});
after(async () => {
  await browser?.close();
  server?.stop();
});

// Short, so the line is not full: alignment shows the direction.
const ARABIC = "خطتي الجديدة للبحث";
const EMOJI_TITLE = "Grow with 👩‍👩‍👧 family time 🚀 and a ZWJ‍join" + "—long".repeat(20);

async function noOverflow(page) {
  const width = await page.evaluate(() => document.scrollingElement.scrollWidth);
  assert.ok(width <= 360, `the page is ${width} px wide`);
}

test("right-to-left text is stored exactly and reads right to left", async () => {
  const { page } = browser;
  await page.goto(server.origin + "/journal/new");
  await waitForApp(page);
  await page.locator("#reflection-text").fill(ARABIC);
  await page.locator("#reflection-text").blur();
  await saved(page);
  await page.goto(server.origin + "/journal");
  await waitForApp(page);
  const entry = page.locator(".journal-entry-title", { hasText: ARABIC.slice(0, 10) }).first();
  await entry.waitFor();
  // The first letter sits at the right end of the line, as Arabic is read.
  const sides = await entry.evaluate((p) => {
    const range = document.createRange();
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.textContent.trim() ? 1 : 3) });
    const text = walker.nextNode();
    range.setStart(text, 0);
    range.setEnd(text, 1);
    const first = range.getBoundingClientRect();
    const box = p.getBoundingClientRect();
    return { fromRight: box.right - first.right, fromLeft: first.left - box.left };
  });
  assert.ok(sides.fromRight < 8 && sides.fromLeft > 100, `first letter ${sides.fromRight}px from the right edge`);
  await noOverflow(page);
});

test("emoji, joiners and a long title survive the round trip and fit the screen", async () => {
  const { page } = browser;
  await page.goto(server.origin + "/plan/goals/new");
  await waitForApp(page);
  await page.locator("#field-title").fill(EMOJI_TITLE);
  await page.getByRole("button", { name: /Save|Create|Add goal/ }).first().tap();
  await page.waitForURL(/\/plan\/goals\/[0-9a-f-]+$/);
  await page.waitForFunction((t) => document.querySelector("main").textContent.includes(t), EMOJI_TITLE);
  await noOverflow(page);
  await page.goto(server.origin + "/plan");
  await waitForApp(page);
  assert.ok((await page.locator(".goal-card-title").allTextContents()).includes(EMOJI_TITLE));
  await noOverflow(page);
});

test("a title of invisible characters is refused as empty; a date past 2200 is refused", async () => {
  const { page } = browser;
  await page.goto(server.origin + "/plan/goals/new");
  await waitForApp(page);
  await page.locator("#field-title").fill("\u200b\u200d\ufeff");
  await page.getByRole("button", { name: /Save|Create|Add goal/ }).first().tap();
  await page.getByRole("alert").filter({ hasText: "can't be empty" }).waitFor();
  assert.match(page.url(), /\/plan\/goals\/new$/, "nothing was created");

  await page.locator("#field-title").fill("Retire to the moon");
  await page.getByLabel("Target date").fill("2301-01-01");
  await page.getByRole("button", { name: /Save|Create|Add goal/ }).first().tap();
  await page.getByRole("alert").filter({ hasText: "between the years 1900 and 2200" }).waitFor();
  assert.match(page.url(), /\/plan\/goals\/new$/, "nothing was created");
});

test("an enormous KPI value is refused with a message; a negative one is logged", async () => {
  const { page } = browser;
  await page.goto(server.origin + "/plan");
  await waitForApp(page);
  await page.locator(".goal-card-title a", { hasText: "portfolio" }).first().tap();
  const kpi = page.getByTestId("kpi").first();
  await kpi.waitFor();
  const before = await kpi.getByTestId("kpi-latest").textContent();
  await kpi.getByLabel("Log a value").fill("1e15");
  await kpi.getByRole("button", { name: /^Log value for/ }).tap();
  await kpi.getByRole("alert").waitFor();
  assert.match(await kpi.getByRole("alert").textContent(), /between|too large|number/);
  assert.equal(await kpi.getByTestId("kpi-latest").textContent(), before, "nothing was logged");

  await kpi.getByLabel("Log a value").fill("-2");
  await kpi.getByRole("button", { name: /^Log value for/ }).tap();
  await kpi.getByTestId("kpi-latest").filter({ hasText: /^Latest: -2/ }).waitFor();
  await noOverflow(page);
});

test("no console errors and no requests outside the app", () => {
  assert.deepEqual(browser.foreignRequests, []);
  assert.deepEqual(browser.consoleErrors, []);
});
