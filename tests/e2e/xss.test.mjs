// Injection payloads (tests/fixtures/xss-payloads.json) in every text field of an imported
// plan file render as inert text on every screen: no dialog, no element the app did not make,
// no Content-Security-Policy violation, and the words shown exactly as written. The exports
// (Markdown, iCalendar, CSV, plan files) are checked natively in tests/exchange_xss.rs.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, openBrowser, serve, waitForApp } from "./harness.mjs";

const payloads = JSON.parse(readFileSync(join(ROOT, "tests/fixtures/xss-payloads.json"), "utf8"));
// Fields that hold words a person typed (ids, dates, numbers and choices are left alone).
const TEXT_KEYS = new Set([
  "title", "description", "why", "support", "name", "unit", "text", "tags", "vision", "values",
  "strengths", "current_role", "answer", "blockers", "next_steps", "progress_note", "prompt",
  "question", "reason", "before", "after", "went_well", "to_change", "then", "when", "value",
]);

// Of those, the free-text ones (line breaks and tabs allowed); the rest must fit on one line.
const FREE_TEXT_KEYS = new Set([
  "description", "why", "support", "text", "vision", "answer", "blockers", "next_steps", "progress_note",
  "went_well", "to_change", "reason", "before", "after", "prompt",
]);
// Control characters are refused at import (tests/core_edge_input.rs): one-line fields take
// payloads without any, free text may hold line breaks and tabs.
const fits = (key, p) => (FREE_TEXT_KEYS.has(key) ? !/[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/.test(p) : !/[\0-\x1f\x7f-\x9f]/.test(p));

/** The v1 sample plan file with a payload in every text field, cycling through the corpus. */
function hostilePlanFile() {
  const file = JSON.parse(readFileSync(join(ROOT, "tests/fixtures/plan-files/v1-sample.waymark.json"), "utf8"));
  // Two pools, so every payload lands somewhere it is allowed; the free-text pool starts with
  // the payloads only free text may hold (line breaks, tabs).
  const oneLine = payloads.filter((p) => fits("title", p));
  const freeText = payloads.filter((p) => fits("text", p)).sort((a, b) => fits("title", a) - fits("title", b));
  const counters = { oneLine: 0, freeText: 0 };
  const used = new Set();
  const next = (key) => {
    const [pool, which] = FREE_TEXT_KEYS.has(key) ? [freeText, "freeText"] : [oneLine, "oneLine"];
    const p = pool[counters[which]++ % pool.length];
    used.add(p);
    return p;
  };
  const walk = (v, key) => {
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    if (typeof v === "string" && TEXT_KEYS.has(key)) return next(key);
    return v;
  };
  const hostile = walk(file);
  const unused = payloads.filter((p) => !used.has(p) && fits("text", p));
  assert.deepEqual(unused, [], "every payload allowed in a plan file is used");
  const path = join(mkdtempSync(join(tmpdir(), "waymark-xss-")), "hostile.waymark.json");
  writeFileSync(path, JSON.stringify(hostile));
  return { path, hostile };
}

let server, browser, file;
const dialogs = [];
before(async () => {
  server = await serve();
  browser = await openBrowser(server.origin);
  await browser.context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  browser.context.on("page", (p) => p.on("dialog", (d) => (dialogs.push(d.message()), d.dismiss())));
  browser.page.on("dialog", (d) => (dialogs.push(d.message()), d.dismiss()));
  file = hostilePlanFile();
});
after(async () => {
  await browser?.close();
  server?.stop();
});

/** Anything a payload could have turned into, if it were ever parsed as markup. */
async function injected(page) {
  return page.evaluate(async () => {
    // The page's own boot scripts (the theme before first paint) stand in the served index.html
    // as written; any other classic script got there some other way.
    const served = await (await fetch("/", { cache: "no-store" })).text();
    const suspicious = document.querySelectorAll(
      'img[src="x"], iframe, embed, object, math, details[ontoggle], style, [onerror], [onload], [ontoggle], ' +
        'a[href^="javascript" i], a[href^="data:" i], [src^="javascript" i]',
    );
    return {
      elements: [...suspicious].map((e) => e.outerHTML.slice(0, 120)),
      scripts: [...document.scripts]
        .filter((s) => !s.type.includes("module") && !served.includes(s.outerHTML))
        .map((s) => s.outerHTML.slice(0, 120)),
      violations: window.__violations,
    };
  });
}

async function visit(page, path) {
  await page.goto(server.origin + path);
  await waitForApp(page);
  await page.waitForFunction(() => !document.querySelector("main .loading"));
  const found = await injected(page);
  assert.deepEqual(found, { elements: [], scripts: [], violations: [] }, `on ${path}`);
  assert.deepEqual(dialogs, [], `no dialog on ${path}`);
}

test("importing the hostile file shows its words as text in the preview", async () => {
  const { page } = browser;
  await page.goto(server.origin + "/share");
  await waitForApp(page);
  await page.locator("#import-file").setInputFiles(file.path);
  const preview = page.getByTestId("import-preview");
  await preview.waitFor();
  assert.deepEqual(await injected(page), { elements: [], scripts: [], violations: [] });
  await page.getByRole("button", { name: "Import" }).tap();
  await page.waitForURL(/\/plan$/);
});

test("every screen renders the payloads inert and exactly as written", async () => {
  const { page } = browser;
  for (const path of ["/", "/plan", "/plan/profile", "/plan/history", "/checkin", "/review", "/journal", "/settings", "/share"]) {
    await visit(page, path);
  }
  // Goal titles on the plan are the payloads, character for character.
  await visit(page, "/plan");
  const shown = await page.locator(".goal-card-title").allTextContents();
  const expected = file.hostile.goals.map((g) => g.title);
  assert.deepEqual([...shown].sort(), [...expected].sort());

  for (const goal of file.hostile.goals) {
    await visit(page, `/plan/goals/${goal.meta.id}`);
    await page.waitForFunction((t) => document.querySelector("main").textContent.includes(t), goal.title);
    await visit(page, `/plan/goals/${goal.meta.id}/edit`);
    assert.equal(await page.locator("#field-title").inputValue(), goal.title);
  }
  for (const reflection of file.hostile.reflections ?? []) {
    await visit(page, `/journal/${reflection.meta.id}`);
    assert.equal(await page.locator("#reflection-text").inputValue(), reflection.text);
  }
  // Search echoes what was typed into the results; a payload as the query is inert too.
  await visit(page, "/journal");
  await page.getByRole("searchbox").fill(payloads[1]);
  assert.deepEqual(await injected(page), { elements: [], scripts: [], violations: [] });
});

test("no dialogs, console errors or requests outside the app", () => {
  assert.deepEqual(dialogs, []);
  assert.deepEqual(browser.foreignRequests, []);
  assert.deepEqual(browser.consoleErrors, []);
});
