// Every screen and every step, walked at phone size with touch: no program text leaks into what
// a person reads, and at 200 % text (root font size, as a person with low vision sets it; WCAG
// 1.4.4 and 1.4.10) no word is broken mid-word, no control is narrower than its content and
// nothing scrolls sideways.
import { test } from "node:test";
import assert from "node:assert/strict";
import { PHONE, openBrowser, serveForFile, startWithSamplePlan, waitForApp } from "./harness.mjs";

const server = serveForFile();
const { browsers } = server;

/** Visits every screen and step, calling `check(name)` at each; returns the names visited. */
async function walk(page, origin, check) {
  const visited = [];
  const stop = async (name) => {
    // Closed sections hide text a person opens with one tap: open them all.
    await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
    visited.push(name);
    await check(name);
  };
  // The walk is about what each screen shows, not about hitting targets: with 200 % text
  // Chromium's phone emulation can offset the visual viewport after a scroll, so a tap by
  // coordinates may land on the control above; the click is sent to the control itself.
  // A disabled button drops a dispatched click (the start buttons wait for the database), so
  // the press waits for the control to be enabled, as a finger would.
  const press = async (locator) => {
    await page.waitForFunction((el) => !el.disabled, await locator.elementHandle());
    await locator.dispatchEvent("click");
  };
  const go = async (path) => {
    await page.goto(origin + path);
    await waitForApp(page);
  };

  await go("/welcome");
  await stop("welcome");
  await press(page.getByRole("button", { name: "Start my plan" }));
  await page.waitForURL(/\/welcome\/assessment$/);
  for (let i = 1; i <= 6; i++) {
    await page.getByText(`Step ${i} of 6`).waitFor();
    if (i === 4) {
      for (const v of ["Autonomy", "Learning", "Balance"]) await press(page.getByRole("button", { name: v, exact: true }));
    }
    await stop(`assessment step ${i}`);
    if (i < 6) await press(page.getByRole("button", { name: "Next" }));
  }

  await startWithSamplePlan(page, origin);
  for (const [path, name] of [
    ["/", "today"],
    ["/plan", "plan"],
    ["/plan/profile", "vision and values"],
    ["/plan/history", "plan history"],
    ["/plan/print", "printable plan"],
    ["/plan/goals/new", "new goal"],
  ]) {
    await go(path);
    await stop(name);
  }
  await go("/plan");
  const goal = await page.getByTestId("goal-card").first().locator("a").getAttribute("href");
  await go(goal);
  await stop("goal");
  await press(page.getByRole("button", { name: /^Edit milestone: / }).first());
  await press(page.getByRole("button", { name: /^Correct value: / }).first());
  await press(page.getByRole("button", { name: "Delete goal" }));
  await stop("goal: milestone editor, value correction, delete goal");
  await go("/plan");
  await press(page.getByRole("button", { name: "Rename plan" }));
  await stop("plan: rename");
  await go(goal + "/edit");
  await stop("goal editor");
  await go(goal + "/woop");
  for (let i = 1; i <= 5; i++) {
    await page.getByTestId("step-indicator").filter({ hasText: `Step ${i} of 5` }).waitFor();
    await stop(`woop step ${i}`);
    if (i < 5) await press(page.getByRole("button", { name: "Next" }));
  }

  await go("/welcome/interests");
  for (let i = 1; i <= 8; i++) {
    await page.getByTestId("step-indicator").filter({ hasText: `Step ${i} of 8` }).waitFor();
    if (i > 1 && i < 8) await press(page.getByRole("radio").nth((i * 3) % 5));
    await stop(`interest profile step ${i}`);
    if (i < 8) await press(page.getByRole("button", { name: "Next" }));
  }
  await press(page.getByRole("button", { name: "Save", exact: true }));
  await page.getByTestId("interests-done").waitFor();
  await stop("interest profile saved");
  await go("/plan/profile");
  await page.getByTestId("interest-profile").getByTestId("interest-code").waitFor();
  await stop("vision and values with an interest profile");

  await go("/plan/sessions/new");
  for (let i = 1; i <= 5; i++) {
    await page.getByTestId("step-indicator").filter({ hasText: `Step ${i} of 5` }).waitFor();
    if (i === 1) await page.getByLabel("What do you want from this session?").fill("Decide how to get interviews at design studios");
    if (i === 3) {
      await page.getByLabel("What could you do?").fill("Ask former colleagues for referrals\nRefresh the portfolio with two case studies");
      await press(page.getByRole("radio", { name: "Refresh the portfolio with two case studies" }));
    }
    if (i === 4) {
      await page.getByLabel("Step 1: what will you do?").fill("Redo the two strongest case studies");
      await page.getByLabel("Step 1: by when?").fill("2030-01-15");
    }
    await stop(`session note step ${i}`);
    if (i < 5) await press(page.getByRole("button", { name: "Next" }));
  }
  await press(page.getByRole("button", { name: "Save session note" }));
  await page.getByTestId("grow-done").waitFor();
  await go("/plan/sessions");
  await page.getByTestId("grow-note").first().waitFor();
  await stop("session notes");
  await go(await page.getByTestId("grow-note").first().getByRole("link", { name: /^Change this note/ }).getAttribute("href"));
  await page.getByTestId("step-indicator").waitFor();
  await stop("session note: change");

  await go("/checkin");
  await stop("check-in");
  await press(page.getByRole("button", { name: "Edit check-in" }).first());
  await stop("check-in: edit a past check-in");
  await go("/checkin/run");
  for (let i = 0; i < 12; i++) {
    const step = await page.getByTestId("step-indicator").textContent();
    await stop(`check-in run: ${step}`);
    if ((await page.getByRole("button", { name: "Save check-in" }).count()) > 0) break;
    for (const group of [/How confident/, "Your mood"]) {
      const radios = page.getByRole("group", { name: group }).getByRole("radio");
      if ((await radios.count()) > 0) await press(radios.nth(2));
    }
    await press(page.getByRole("button", { name: "Next" }));
    await page.getByTestId("step-indicator").filter({ hasNotText: step }).waitFor();
  }

  for (const [path, name] of [
    ["/review", "review"],
    ["/journal", "journal"],
    ["/journal/new", "new reflection"],
    ["/journal/new?model=gibbs", "Gibbs' reflective cycle"],
    ["/journal/new?model=rolfe", "What? So what? Now what?"],
  ]) {
    await go(path);
    await stop(name);
  }
  await go("/review");
  await press(page.getByRole("button", { name: "Edit review" }).first());
  await stop("review: edit a past review");
  await press(page.getByTestId("past-reviews").getByRole("button", { name: "Cancel" }).first());
  await press(page.getByRole("button", { name: "Delete review" }).first());
  await press(page.getByRole("button", { name: "Yes, delete review" }).first());
  await page.getByTestId("undo-toast").waitFor();
  await stop("review: undo toast");
  await press(page.getByTestId("undo-toast").getByRole("button", { name: "Undo" }));
  await page.getByTestId("undo-toast").waitFor({ state: "detached" });
  await go("/journal");
  const entry = await page.getByTestId("journal-entry").first().locator("h3 a").getAttribute("href");
  await go(entry);
  await stop("reflection");
  await go("/settings");
  await stop("settings");
  await go("/share");
  await stop("share");
  // The Clients screen, as a coach sees it (search, order, the rows and the templates).
  await go("/settings");
  await press(page.getByLabel("A coach, preparing plans for clients"));
  await press(page.getByRole("button", { name: "Save a copy as a template" }));
  await page.waitForURL(/\/plan$/);
  await go("/clients");
  await page.locator('.client-list[aria-busy="false"]').waitFor({ state: "attached" });
  await page.getByTestId("template-row").waitFor();
  await stop("clients");
  await press(page.getByRole("button", { name: /^Delete / }).first());
  await page.getByTestId("confirm-delete").waitFor();
  await stop("clients: delete asked");
  return visited;
}

/** What a 200 % root font size breaks on the screen shown, in words. */
function layoutProblems(screenWidth) {
  const out = [];
  const where = (el) => `<${el.tagName.toLowerCase()}${el.className ? ` class="${el.className}"` : ""}>`;
  // A phone browser widens the page to fit what overflows, so compare with the screen's width.
  const overflow = document.documentElement.scrollWidth - screenWidth;
  if (overflow > 0) out.push(`scrolls sideways by ${overflow}px`);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let n; (n = walker.nextNode()); ) {
    const el = n.parentElement;
    if (!el || el.closest(".visually-hidden, script, style, option, noscript")) continue;
    // A word: letters between spaces, hyphens and slashes (a line may end after a hyphen).
    const re = /[^\s\-‐–—/]{2,}/g;
    for (let m; (m = re.exec(n.textContent)); ) {
      range.setStart(n, m.index);
      range.setEnd(n, m.index + m[0].length);
      const tops = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => r.top);
      if (tops.length > 1 && Math.max(...tops) - Math.min(...tops) > 4) out.push(`"${m[0]}" broken across lines in ${where(el)}`);
    }
  }
  // The room the page keeps at its foot for the bottom bar, which grows with the text.
  const bar = document.querySelector("nav.bottom-nav");
  const room = parseFloat(getComputedStyle(document.documentElement).getPropertyValue("--nav-space"));
  if (bar?.offsetHeight > 0 && room !== bar.offsetHeight) out.push(`the page keeps ${room}px for the bottom bar, which is ${bar.offsetHeight}px high`);
  for (const c of document.querySelectorAll("button, a.button, summary, select, label, legend, th")) {
    const r = c.getBoundingClientRect();
    if (r.width === 0 || c.closest(".visually-hidden")) continue;
    if (c.scrollWidth > c.clientWidth + 1) out.push(`${where(c)} "${c.textContent.trim().slice(0, 30)}" is narrower than its content`);
  }
  for (const c of document.querySelectorAll("input:not([type=checkbox]):not([type=radio]):not([type=file]), textarea")) {
    const r = c.getBoundingClientRect();
    if (r.width === 0 || c.closest(".visually-hidden")) continue;
    const em = parseFloat(getComputedStyle(c).fontSize);
    // Room for a date (dd/mm/yyyy and its picker) or a few characters of text.
    const least = c.type === "date" ? 7.5 * em : 5 * em;
    if (r.width < least) out.push(`${where(c)} #${c.id} is ${Math.round(r.width)}px wide, less than ${least}px for its text`);
  }
  return out;
}

// Fragments of Rust and Leptos that never belong in a sentence for a person.
const CODE = ["=>", "move |", "move||", "on:click", "on : click", ".with(", "::", "prop:", "{move", "|_|", "| _ |"];

/**
 * Walks every screen once and at each stop reports what breaks in each of `views` (a screen
 * width and height and a root font size in percent): one walk, since the walk is most of the
 * time. Between stops the page is back in the first view, so the walk's taps always meet the
 * same layout. `also(name, page)` runs at each stop too, in the first view.
 */
async function layoutProblemsIn(views, context = {}, also = async () => {}) {
  const [first] = views;
  const b = await openBrowser(server.origin, { context: { ...context, viewport: first.viewport } });
  browsers.push(b);
  await b.context.addInitScript((percent) => {
    const big = () => document.documentElement && (document.documentElement.style.fontSize = `${percent}%`);
    big();
    document.addEventListener("readystatechange", big);
  }, first.percent);
  const show = async ({ viewport, percent }) => {
    await b.page.setViewportSize(viewport);
    await b.page.evaluate(async (percent) => {
      document.documentElement.style.fontSize = `${percent}%`;
      await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    }, percent);
  };
  const found = [];
  const visited = await walk(b.page, server.origin, async (name) => {
    for (const view of views) {
      await show(view);
      const where = `${name} (${view.viewport.width} px, ${view.percent} %)`;
      assert.equal(await b.page.evaluate(() => getComputedStyle(document.documentElement).fontSize), `${(16 * view.percent) / 100}px`, where);
      for (const p of await b.page.evaluate(layoutProblems, view.viewport.width)) found.push(`${where}: ${p}`);
    }
    await show(first);
    await also(name, b.page);
  });
  if (found.length) console.log(found.join("\n"));
  assert.deepEqual(b.consoleErrors, []);
  return { found, visited };
}

const NARROW = { width: 360, height: 780 };

test("no program text, and at 200 % text on a 390 and a 360 px screen no word breaks, no control is squeezed and nothing scrolls sideways", async () => {
  const programText = [];
  const { found, visited } = await layoutProblemsIn(
    [
      { viewport: PHONE.viewport, percent: 200 },
      { viewport: NARROW, percent: 200 },
    ],
    {},
    async (name, page) => {
      const text = await page.locator("body").innerText();
      for (const c of CODE) {
        const at = text.indexOf(c);
        if (at >= 0) programText.push(`${name}: "${c}" in …${text.slice(Math.max(0, at - 40), at + 40)}…`);
      }
    },
  );
  assert.ok(visited.length >= 25, `walked ${visited.length} stops`);
  assert.deepEqual(programText, [], "no screen or step shows program text");
  assert.deepEqual(found, []);
});

// German dates are the longer ones ("Mo., 23. Nov. 2026", "5. September 2027").
test("in German, at 200 % text and on a 360 px screen, no word breaks and nothing scrolls sideways", async () => {
  const { found } = await layoutProblemsIn(
    [
      { viewport: PHONE.viewport, percent: 200 },
      { viewport: NARROW, percent: 100 },
    ],
    { locale: "de-DE" },
  );
  assert.deepEqual(found, []);
});
