// Accessibility on every screen, not only the first: axe-core (WCAG 2.0–2.2 A and AA rules)
// over every route with the sample plan loaded — goal pages and editors, each check-in step,
// review, journal and a reflection, share, print, client activity, settings, welcome and each
// assessment step — in the light and the dark theme at phone size. Any violation fails, listed
// with the rule, the screen and the elements, as a person using a screen reader, voice control
// or low vision would meet it.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { openBrowser, serve, startWithSamplePlan, waitForApp } from "./harness.mjs";

// The app's CSP admits no inline script, so axe is not added as a <script>: its source is
// evaluated through the driver, which the page's CSP does not govern.
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** axe's violations on the page as it stands, one line per rule with where it was found. */
async function violations(page) {
  await page.evaluate(AXE);
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

for (const colorScheme of ["light", "dark"]) {
  describe(`every screen passes axe in the ${colorScheme} theme`, () => {
    let server, browser;
    const problems = [];
    before(async () => {
      server = await serve();
      browser = await openBrowser(server.origin, { colorScheme });
      await startWithSamplePlan(browser.page, server.origin);
    });
    after(async () => {
      await browser?.close();
      server?.stop();
    });

    async function check(label, path) {
      const { page } = browser;
      if (path) {
        await page.goto(server.origin + path);
        await waitForApp(page);
      }
      for (const v of await violations(page)) problems.push(`${label}: ${v}`);
    }

    test("every route", async () => {
      const { page } = browser;
      for (const path of [
        "/",
        "/plan",
        "/plan/profile",
        "/plan/history",
        "/plan/client-activity",
        "/plan/print",
        "/plan/goals/new",
        "/checkin",
        "/review",
        "/journal",
        "/journal/new",
        "/journal/new?model=gibbs",
        "/journal/new?model=rolfe",
        "/settings",
        "/share",
      ]) {
        await check(path, path);
      }

      // Each goal's page and its editor.
      await page.goto(server.origin + "/plan");
      await waitForApp(page);
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

      // Each step of the guided WOOP for the first goal.
      await page.goto(server.origin + goals[0] + "/woop");
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

      // A saved reflection.
      await page.goto(server.origin + "/journal");
      await waitForApp(page);
      const reflection = await page.evaluate(
        () => [...document.querySelectorAll('a[href^="/journal/"]')].map((a) => a.getAttribute("href")).find((h) => h !== "/journal/new")
      );
      if (reflection) await check(reflection, reflection);

      // Each step of the guided check-in.
      await page.goto(server.origin + "/checkin/run");
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
      await page.goto(server.origin + "/welcome/assessment");
      await waitForApp(page);
      for (let i = 0; i < 10; i++) {
        const step = (await page.locator(".step-indicator").textContent().catch(() => "")).trim();
        await check(`/welcome/assessment ${step}`);
        const next = page.getByRole("button", { name: "Next", exact: true });
        if (!(await next.count())) break;
        await next.tap();
        await page.waitForFunction((s) => document.querySelector(".step-indicator")?.textContent.trim() !== s, step);
      }

      assert.deepEqual(browser.consoleErrors, [], "no console error on any screen");
      assert.equal(problems.length, 0, `axe violations (${colorScheme}):\n  ${problems.join("\n  ")}`);
    });
  });
}
