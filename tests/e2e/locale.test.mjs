// Dates and numbers in the browser's locale (issue 12, part 3), at 390×844 from the sample plan:
// a German browser reads "5. März 2027" and "2,5", an American one "Mar 5, 2027" and "2.5";
// date fields keep ISO (YYYY-MM-DD) whatever the locale. The other e2e files run in en-GB.
import { test } from "node:test";
import assert from "node:assert/strict";
import { saved, serveForFile, startWithSamplePlan, waitForApp } from "./harness.mjs";

const env = serveForFile();


for (const [locale, due, decimal] of [
  ["de-DE", "5. März 2027", "2,5"],
  ["en-US", "Mar 5, 2027", "2.5"],
]) {
  test(`in ${locale} dates read "${due}" and numbers "${decimal}"; the date field stays ISO`, async () => {
    const { page, consoleErrors } = await env.fresh({ context: { locale } });
    await startWithSamplePlan(page, env.origin);
    await page.goto(env.origin + "/plan");
    await waitForApp(page);
    await page.getByRole("link", { name: "Build a UX research portfolio" }).tap();
    await page.getByRole("heading", { level: 1, name: "Build a UX research portfolio" }).waitFor();

    // A milestone's due day, typed in the date field as the picker writes it.
    const row = page.getByTestId("milestone").filter({ hasText: "First case study published" });
    await row.getByRole("button", { name: "Edit milestone: First case study published" }).tap();
    await row.getByLabel("Due date", { exact: true }).fill("2027-03-05");
    await row.getByRole("button", { name: "Save milestone" }).tap();
    await saved(page);
    await row.filter({ hasText: due }).waitFor();
    await row.getByRole("button", { name: "Edit milestone: First case study published" }).tap();
    assert.equal(await row.getByLabel("Due date", { exact: true }).inputValue(), "2027-03-05");
    await row.getByRole("button", { name: "Cancel" }).tap();

    // A value typed with a comma is shown with the locale's decimal sign, on today's date.
    const today = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric" }).format(new Date());
    const kpi = page.getByTestId("kpi").filter({ hasText: "Case studies published" });
    await kpi.getByLabel("Log a value").fill("2,5");
    await kpi.getByRole("button", { name: "Log value for Case studies published" }).tap();
    await saved(page);
    await kpi.getByTestId("kpi-latest").filter({ hasText: `Latest: ${decimal} case studies on ${today}` }).waitFor();
    assert.deepEqual(consoleErrors, []);
  });
}
