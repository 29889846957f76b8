// Accessibility on every screen, not only the first: axe-core (WCAG 2.0–2.2 A and AA rules)
// over every route with the sample plan loaded — goal pages and editors, each check-in step,
// review, journal and a reflection, share, print, client activity, settings, welcome and each
// assessment and interest-profile step — in the light and the dark theme at phone size. Any
// violation fails, listed with the rule, the theme, the screen and the elements, as a person
// using a screen reader, voice control or low vision would meet it.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { sampleBrowserForFile, waitForApp } from "./harness.mjs";
import { seedCaseload } from "./caseload.mjs";

// The app's CSP admits no inline script, so axe is not added as a <script>: its source is
// evaluated through the driver, which the page's CSP does not govern.
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** axe's violations on the page as it stands, one line per rule with where it was found. */
async function violations(page) {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE);
  const found = await page.evaluate(async (tags) => {
    // Focus moves and transitions settle within a frame or two; axe reads computed colours.
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    const result = await window.axe.run(document, { runOnly: { type: "tag", values: tags } });
    return result.violations.map((v) => ({
      rule: v.id,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.failureSummary.split("\n").slice(1).join(" ").trim()}`),
    }));
  }, TAGS);
  return found.map((v) => `${v.rule} (${v.help})\n      ${v.nodes.join("\n      ")}`);
}

// One walk, each screen checked in both themes: the dark one is the same page with the
// system's colour scheme switched, which the app's stylesheets follow as they stand.
describe("every screen passes axe in the light and the dark theme", () => {
  const sample = sampleBrowserForFile();
  const problems = [];

  async function check(label, path) {
    const { page } = sample.browser;
    if (path) {
      await page.goto(sample.origin + path);
      await waitForApp(page);
    }
    const backgrounds = [];
    for (const colorScheme of ["light", "dark"]) {
      await page.emulateMedia({ colorScheme });
      backgrounds.push(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
      for (const v of await violations(page)) problems.push(`${colorScheme}, ${label}: ${v}`);
    }
    assert.notEqual(backgrounds[0], backgrounds[1], `${label}: the dark theme is not shown`);
    await page.emulateMedia({ colorScheme: "light" });
  }

  test("every route", async () => {
    const { page } = sample.browser;
    for (const path of [
      "/",
      "/plan",
      "/plan/profile",
      "/plan/history",
      "/plan/client-activity",
      "/plan/print",
      "/plan/sessions",
      "/plan/goals/new",
      "/checkin",
      "/review",
      "/journal",
      "/journal/new",
      "/journal/new?model=gibbs",
      "/journal/new?model=rolfe",
      "/settings",
      "/share",
      "/clients",
    ]) {
      await check(path, path);
    }

    // Each goal's page and its editor.
    await page.goto(sample.origin + "/plan");
    await waitForApp(page);
    // The Plan screen's module may still be on its way when the app is.
    await page.locator('a[href^="/plan/goals/"]:not([href="/plan/goals/new"])').first().waitFor();
    const goals = await page.evaluate(() => [
      ...new Set(
        [...document.querySelectorAll('a[href^="/plan/goals/"]')]
          .map((a) => a.getAttribute("href"))
          .filter((h) => /^\/plan\/goals\/[^/]+$/.test(h) && h !== "/plan/goals/new")
      ),
    ]);
    assert.ok(goals.length >= 2, `the sample plan lists its goals (${goals.join(", ")})`);
    for (const goal of goals) {
      await check(goal, goal);
      // The finished actions too (a closed <details> hides them from axe).
      const done = page.locator("details > summary", { hasText: /^Done \(/ });
      if (await done.count()) {
        await done.first().tap();
        await check(`${goal} (done actions open)`);
      }
      await check(`${goal}/edit`, `${goal}/edit`);
    }

    // The editors that fix a mistake, opened, and the Undo toast.
    await page.goto(sample.origin + goals[0]);
    await waitForApp(page);
    await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
    await page.getByRole("button", { name: /^Edit milestone: / }).first().tap();
    await page.getByRole("button", { name: /^Correct value: / }).first().tap();
    await page.getByRole("button", { name: "Delete goal" }).tap();
    await check(`${goals[0]} (editors open)`);
    await page.goto(sample.origin + "/plan");
    await waitForApp(page);
    await page.getByRole("button", { name: "Rename plan" }).tap();
    await check("/plan (rename open)");
    await page.goto(sample.origin + "/checkin");
    await waitForApp(page);
    await page.locator("details.checkin-item > summary").first().tap();
    await page.getByRole("button", { name: "Edit check-in" }).first().tap();
    await check("/checkin (editing a past check-in)");
    await page.goto(sample.origin + "/review");
    await waitForApp(page);
    await page.getByRole("button", { name: "Edit review" }).first().tap();
    await check("/review (editing a past review)");
    await page.getByTestId("past-reviews").getByRole("button", { name: "Cancel" }).first().tap();
    await page.getByRole("button", { name: "Delete review" }).first().tap();
    await page.getByRole("button", { name: "Yes, delete review" }).tap();
    await page.getByTestId("undo-toast").waitFor();
    await check("/review (Undo toast)");
    await page.getByTestId("undo-toast").getByRole("button", { name: "Undo" }).tap();
    await page.getByTestId("undo-toast").waitFor({ state: "detached" });

    // Each step of the guided WOOP for the first goal.
    await page.goto(sample.origin + goals[0] + "/woop");
    await waitForApp(page);
    const woopStep = page.getByTestId("step-indicator");
    await woopStep.waitFor();
    for (;;) {
      const step = (await woopStep.textContent()).trim();
      await check(`${goals[0]}/woop ${step}`);
      const next = page.getByRole("button", { name: "Next", exact: true });
      if (!(await next.count())) break;
      await next.tap();
      await page.waitForFunction((s) => document.querySelector('[data-testid="step-indicator"]')?.textContent.trim() !== s, step);
    }

    // Each step of the interest profile, every group rated, then the saved take on the profile.
    await page.goto(sample.origin + "/welcome/interests");
    await waitForApp(page);
    const interestStep = page.getByTestId("step-indicator");
    await interestStep.waitFor();
    for (;;) {
      for (const group of await page.locator("fieldset:has(input[type=radio])").all()) {
        if (!(await group.locator("input:checked").count())) await group.locator("input[type=radio]").nth(2).check();
      }
      const step = (await interestStep.textContent()).trim();
      await check(`/welcome/interests ${step}`);
      const next = page.getByRole("button", { name: "Next", exact: true });
      if (!(await next.count())) break;
      await next.tap();
      await page.waitForFunction((s) => document.querySelector('[data-testid="step-indicator"]')?.textContent.trim() !== s, step);
    }
    await page.getByRole("button", { name: "Save", exact: true }).tap();
    await page.getByTestId("interests-done").waitFor();
    await check("/welcome/interests (saved)");
    await check("/plan/profile (with an interest profile)", "/plan/profile");

    // Each step of the guided GROW session note (options typed, so the choice shows), then the
    // note saved and read in the list, with its way forward.
    await page.goto(sample.origin + "/plan/sessions/new");
    await waitForApp(page);
    const growStep = page.getByTestId("step-indicator");
    await growStep.waitFor();
    for (;;) {
      const step = (await growStep.textContent()).trim();
      if (step === "Step 1 of 5") await page.getByLabel("What do you want from this session?").fill("Decide how to get interviews");
      if (step === "Step 3 of 5") {
        await page.getByLabel("What could you do?").fill("Ask for referrals\nRefresh the portfolio");
        await page.getByRole("radio", { name: "Refresh the portfolio" }).check();
      }
      if (step === "Step 4 of 5") await page.getByLabel("Step 1: what will you do?").fill("Redo two case studies");
      await check(`/plan/sessions/new ${step}`);
      const next = page.getByRole("button", { name: "Next", exact: true });
      if (!(await next.count())) break;
      await next.tap();
      await page.waitForFunction((s) => document.querySelector('[data-testid="step-indicator"]')?.textContent.trim() !== s, step);
    }
    await page.getByRole("button", { name: "Save session note" }).tap();
    await page.getByTestId("grow-done").waitFor();
    await check("/plan/sessions/new (saved)");
    await page.goto(sample.origin + "/plan/sessions");
    await waitForApp(page);
    await page.getByTestId("grow-note").first().waitFor();
    await check("/plan/sessions (a note)");
    await page.getByTestId("grow-note").first().getByRole("link", { name: /^Change this note/ }).tap();
    await page.waitForURL(/\/edit$/);
    await page.getByTestId("step-indicator").waitFor();
    await check("/plan/sessions/:id/edit");
    await page.goto(sample.origin + "/plan/history");
    await waitForApp(page);
    await page.getByTestId("timeline-session").first().waitFor();
    await check("/plan/history (a session)");

    // A saved reflection.
    await page.goto(sample.origin + "/journal");
    await waitForApp(page);
    const reflection = await page.evaluate(
      () => [...document.querySelectorAll('a[href^="/journal/"]')].map((a) => a.getAttribute("href")).find((h) => h !== "/journal/new")
    );
    if (reflection) await check(reflection, reflection);

    // Each step of the guided check-in.
    await page.goto(sample.origin + "/checkin/run");
    await waitForApp(page);
    const indicator = page.getByTestId("step-indicator");
    await indicator.waitFor();
    for (;;) {
      const step = (await indicator.textContent()).trim();
      await check(`/checkin/run ${step}`);
      const next = page.getByRole("button", { name: "Next", exact: true });
      if (!(await next.count())) break;
      // The last question step asks for confidence and mood before it lets the person on.
      for (const group of await page.locator("fieldset:has(input[type=radio])").all()) {
        if (!(await group.locator("input:checked").count())) await group.locator("input[type=radio]").first().check();
      }
      await next.tap();
      await page.waitForFunction((s) => document.querySelector('[data-testid="step-indicator"]')?.textContent.trim() !== s, step);
    }

    // Welcome, and each step of the guided assessment.
    await check("/welcome", "/welcome");
    await page.goto(sample.origin + "/welcome/assessment");
    await waitForApp(page);
    for (let i = 0; i < 10; i++) {
      const step = (await page.locator(".step-indicator").textContent().catch(() => "")).trim();
      await check(`/welcome/assessment ${step}`);
      const next = page.getByRole("button", { name: "Next", exact: true });
      if (!(await next.count())) break;
      await next.tap();
      await page.waitForFunction((s) => document.querySelector(".step-indicator")?.textContent.trim() !== s, step);
    }

    assert.deepEqual(sample.browser.consoleErrors, [], "no console error on any screen");
    assert.equal(problems.length, 0, `axe violations:\n  ${problems.join("\n  ")}`);
  });
});

// A coach's Clients screen with 30 client plans on the device (imported from 30 real report
// files), at 360 px and at desktop width, in both themes, with its confirmations open.
describe("the Clients screen with 30 client plans passes axe", () => {
  const sample = sampleBrowserForFile();
  // After the sample plan is open: the helper's `before` runs first.
  before(() => seedCaseload(sample.browser.page, sample.origin, 30));

  test("light and dark, 360 px and 1280 px", async () => {
    const { page } = sample.browser;
    const problems = [];
    assert.equal(await page.getByTestId("client-row").count(), 31, "30 clients and the sample plan");
    for (const colorScheme of ["light", "dark"]) {
      await page.emulateMedia({ colorScheme });
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        await page.goto(sample.origin + "/clients");
        await page.locator('.client-list[aria-busy="false"]').waitFor({ state: "attached" });
        for (const v of await violations(page)) problems.push(`${colorScheme} ${width}px: ${v}`);
        await page.getByTestId("client-row").first().getByRole("button", { name: /^Delete / }).click();
        await page.getByTestId("confirm-delete").waitFor();
        await page.getByTestId("client-row").nth(1).getByRole("button", { name: /^Archive / }).click();
        for (const v of await violations(page)) problems.push(`${colorScheme} ${width}px, asking: ${v}`);
      }
    }
    assert.deepEqual(sample.browser.consoleErrors, []);
    assert.equal(problems.length, 0, `axe violations:\n  ${problems.join("\n  ")}`);
  });
});
