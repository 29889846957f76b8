// The whole plan on one page for printing: every goal with its KPIs, roadmap and actions, the
// profile and schedule, no journal; and under print media, no app frame or buttons.
import { test } from "node:test";
import assert from "node:assert/strict";
import { sampleBrowserForFile, waitForApp } from "./harness.mjs";

const sample = sampleBrowserForFile();

test("the plan prints whole: profile, every goal with KPIs, roadmap and actions, the schedule", async () => {
  const { page } = sample.browser;
  await page.goto(sample.origin + "/plan");
  await waitForApp(page);
  const goalTitles = await page.locator(".goal-card-title").allTextContents();
  await page.getByRole("link", { name: "Print the plan" }).tap();
  await page.waitForURL(sample.origin + "/plan/print");
  const doc = page.getByTestId("printable-plan");
  await doc.waitFor();
  const text = await doc.textContent();
  for (const title of goalTitles) assert.ok(text.includes(title), `goal "${title}" is printed`);
  for (const heading of ["Profile", "KPIs", "Roadmap", "Actions", "Check-in schedule"]) {
    assert.ok(text.includes(heading), `${heading} is printed`);
  }
  assert.ok(!(await page.locator(".journal-entry, #reflection-text").count()), "no journal");

  await page.emulateMedia({ media: "print" });
  for (const frame of [".app-header", ".bottom-nav", "main button", ".page-title"]) {
    const visible = await page.locator(frame).first().isVisible().catch(() => false);
    assert.equal(visible, false, `${frame} is hidden in print`);
  }
  if (process.env.WAYMARK_SHOTS) await page.screenshot({ path: `${process.env.WAYMARK_SHOTS}/print.png`, fullPage: true });
  await page.emulateMedia({ media: "screen" });
  const pdf = await page.pdf({ format: "A4" });
  assert.ok(pdf.length > 10_000, "a PDF is produced");
});

test("no console errors and no requests outside the app", () => {
  assert.deepEqual(sample.browser.foreignRequests, []);
  assert.deepEqual(sample.browser.consoleErrors, []);
});
