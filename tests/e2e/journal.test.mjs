// The journal, as a person on a phone uses it: writing saves itself and survives reloads, closed
// tabs and being offline; prompts, tags, mood and the private flag stick; the list finds
// reflections by text and tag on every keystroke, also among 2,000 of them.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  openBrowser,
  ROOT,
  saved,
  serve,
  startWithSamplePlan,
  waitForApp,
  waitForServiceWorkerControl,
} from "./harness.mjs";

const ID_URL = /\/journal\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let server, browser;
before(async () => {
  server = await serve();
  browser = await openBrowser(server.origin);
  await startWithSamplePlan(browser.page, server.origin);
});
after(async () => {
  const errors = browser?.consoleErrors ?? [];
  const foreign = browser?.foreignRequests ?? [];
  await browser?.close();
  server?.stop();
  assert.deepEqual(errors, [], "no console errors");
  assert.deepEqual(foreign, [], "no requests left the app's origin");
});

const text = (page) => page.getByRole("textbox", { name: "Your reflection" });
const entries = (page) => page.getByTestId("journal-entry");
const count = (page) => page.getByTestId("journal-count");

async function openJournal(page) {
  await page.goto(server.origin + "/journal");
  await waitForApp(page);
  await count(page).waitFor();
}

async function newReflection(page) {
  await openJournal(page);
  await page.getByRole("link", { name: "Write a reflection" }).tap();
  await page.waitForURL(server.origin + "/journal/new");
  await text(page).waitFor();
}

test("search answers on every keystroke, by text and by tag", async () => {
  const { page } = browser;
  await openJournal(page);
  assert.equal(await count(page).textContent(), "4 reflections");
  assert.equal(await count(page).getAttribute("role"), "status");
  const search = page.getByRole("searchbox", { name: "Search reflections" });
  const seen = [];
  for (const ch of "interv") {
    await search.press(ch === " " ? "Space" : ch);
    // Each keystroke updates the list and the announcement without waiting for anything else.
    const shown = await entries(page).count();
    const said = await count(page).textContent();
    assert.equal(said, `${shown} reflection${shown === 1 ? "" : "s"} found`, `after typing "${ch}"`);
    seen.push(shown);
  }
  assert.ok(seen.every((n, i) => i === 0 || n <= seen[i - 1]), `narrowing as I type: ${seen}`);
  // "interview her" in one text, the tag "interviews" on another.
  assert.equal(seen.at(-1), 2);
  await assert.doesNotReject(entries(page).filter({ hasText: "First screening call" }).waitFor());
  // Matches are marked (as text, not HTML).
  assert.ok((await page.locator(".journal-feed mark").count()) >= 1);

  // A tag is found by typing it...
  await search.fill("doubt");
  assert.equal(await count(page).textContent(), "1 reflection found");
  assert.match(await entries(page).first().textContent(), /Tired\./);
  // ...and by tapping it on a reflection.
  await search.fill("");
  await page.getByRole("button", { name: "Filter by tag courage" }).tap();
  assert.equal(await count(page).textContent(), "1 reflection found");
  assert.equal(await page.getByRole("button", { name: "Filter by tag courage" }).getAttribute("aria-pressed"), "true");
  await page.getByRole("button", { name: "Show all tags" }).tap();
  assert.equal(await count(page).textContent(), "4 reflections");

  await search.fill("zebra");
  assert.equal(await count(page).textContent(), "0 reflections found");
  await page.getByRole("button", { name: "Clear search" }).tap();
  assert.equal(await entries(page).count(), 4);
});

test("a keystroke leaves the reflections that still match as they were and only takes away the others", async () => {
  const { page } = browser;
  await openJournal(page);
  const search = page.getByRole("searchbox", { name: "Search reflections" });
  // A mark on each row's element itself: a row drawn again would be a new element without it.
  await page.evaluate(() => {
    for (const el of document.querySelectorAll("[data-testid=journal-entry]")) el.drawnBefore = true;
  });
  for (const ch of "interv") await search.press(ch);
  assert.equal(await count(page).textContent(), "2 reflections found");
  const rows = await page.evaluate(() =>
    [...document.querySelectorAll("[data-testid=journal-entry]")].map((el) => el.drawnBefore === true),
  );
  assert.deepEqual(rows, [true, true]);
  await search.fill("");
  assert.equal(await entries(page).count(), 4);
});

test("writing saves by itself; the address becomes the reflection's own; focus and words stay", async () => {
  const { page } = browser;
  await newReflection(page);
  assert.equal(await page.evaluate(() => document.activeElement?.id), "reflection-text", "the text box has focus");
  await page.keyboard.type("Coffee with Sam gave me energy");
  // Once the words are kept on the device the address is the reflection's own (so a reload
  // opens them), without rebuilding the screen.
  await page.waitForURL(ID_URL);
  await saved(page);
  assert.equal(await page.evaluate(() => document.activeElement?.id), "reflection-text", "focus kept");
  await page.keyboard.type(" and ideas.");
  await assert.doesNotReject(page.waitForFunction(() => !localStorage.length || !Object.keys(localStorage).some((k) => k.startsWith("waymark.journal-draft"))));
  await page.reload();
  await waitForApp(page);
  assert.equal(await text(page).inputValue(), "Coffee with Sam gave me energy and ideas.");
  await openJournal(page);
  assert.equal(await entries(page).filter({ hasText: "Coffee with Sam" }).count(), 1);
});

test("a reload right after the last keystroke loses nothing", async () => {
  const { page } = browser;
  await newReflection(page);
  const words = "Reload in under a tenth of a second";
  // The reload starts from the input event of the last character itself, long before the 400 ms
  // save, so no machine load can turn this into a reload after the save.
  await page.evaluate((words) => {
    document.addEventListener(
      "input",
      (event) => {
        if (event.target.value === words) location.reload();
      },
      true,
    );
  }, words);
  const loaded = page.waitForEvent("load");
  await text(page).pressSequentially(words);
  await loaded;
  await waitForApp(page);
  await text(page).waitFor();
  assert.equal(await text(page).inputValue(), words);
  await page.waitForURL(ID_URL);
  await saved(page);
  await openJournal(page);
  assert.equal(await entries(page).filter({ hasText: words }).count(), 1, "saved once, no copy");
});

test("a reload at the new reflection's own address, before its first save, finds the words", async () => {
  const { page } = browser;
  await newReflection(page);
  await text(page).pressSequentially("Own");
  // The address changes when the browser is idle, well before the save 400 ms after typing.
  await page.waitForURL(ID_URL);
  const words = "Own address, not saved yet";
  await page.evaluate((words) => {
    document.addEventListener(
      "input",
      (event) => {
        if (event.target.value !== words) return;
        sessionStorage.setItem("status-at-reload", document.querySelector("[data-testid=save-status]").textContent);
        location.reload();
      },
      true,
    );
  }, words);
  const loaded = page.waitForEvent("load");
  await text(page).pressSequentially(words.slice(3));
  await loaded;
  await waitForApp(page);
  assert.match(page.url(), ID_URL, "reloaded at the reflection's own address");
  assert.notEqual(await page.evaluate(() => sessionStorage.getItem("status-at-reload")), "Saved", "reloaded before the first save");
  await text(page).waitFor();
  assert.equal(await text(page).inputValue(), words);
  await saved(page);
  await openJournal(page);
  assert.equal(await entries(page).filter({ hasText: words }).count(), 1, "saved once, no copy");
});

test("words deleted back to nothing: the address is /journal/new again", async (t) => {
  const { page } = browser;
  await newReflection(page);
  await text(page).pressSequentially("Gone");
  await page.waitForURL(ID_URL);
  await text(page).fill("");
  if ((await page.getByTestId("save-status").textContent()).startsWith("Saved")) {
    // The machine was so slow that "Gone" was saved first: then it rightly keeps its address.
    t.skip("the first save landed before the words were deleted");
    return;
  }
  await page.waitForURL(server.origin + "/journal/new");
  await page.reload();
  await waitForApp(page);
  assert.equal(await text(page).inputValue(), "", "a fresh reflection, not 'not in your journal'");
});

test("closing the tab mid-sentence loses nothing", async () => {
  const { context } = browser;
  const tab = await context.newPage();
  await newReflection(tab);
  const words = "Closing the tab before it could save";
  await tab.keyboard.type(words);
  await tab.close();
  const page = await context.newPage();
  await openJournal(page);
  await entries(page).filter({ hasText: words }).first().waitFor();
  await page.waitForTimeout(500);
  assert.equal(await entries(page).filter({ hasText: words }).count(), 1, "exactly once");
  await page.close();
});

test("a prompt, tags, mood and the private flag are saved with the words", async () => {
  const { page } = browser;
  await newReflection(page);
  await page.getByRole("button", { name: "Need a prompt?" }).tap();
  await page.getByRole("button", { name: "What gave you energy this week?" }).tap();
  assert.equal(await page.evaluate(() => document.activeElement?.id), "reflection-text", "back in the text");
  await page.keyboard.type("Mentoring a new colleague.");
  await page.waitForURL(ID_URL);

  const tagBox = page.getByRole("textbox", { name: "Tags" });
  await tagBox.fill("courage");
  await tagBox.press("Enter");
  await tagBox.pressSequentially("work,");
  await assert.doesNotReject(page.getByRole("button", { name: "Remove tag work" }).waitFor());
  await page.getByRole("button", { name: "Remove tag courage" }).tap();
  await page.getByRole("radio", { name: "5" }).check();
  const privateBox = page.getByRole("checkbox", { name: "Private" });
  await privateBox.check();
  assert.match(await page.getByText(/never included in a file for your coach/).textContent(), /unless you choose to share them/);
  await saved(page);
  await page.waitForTimeout(200);
  await saved(page);

  await page.reload();
  await waitForApp(page);
  await text(page).waitFor();
  assert.equal(await text(page).inputValue(), "Mentoring a new colleague.");
  assert.equal(await page.locator("#reflection-prompt").textContent(), "What gave you energy this week?");
  assert.equal(await page.getByRole("button", { name: /^Remove tag/ }).count(), 1);
  assert.ok(await page.getByRole("button", { name: "Remove tag work" }).isVisible());
  assert.ok(await page.getByRole("radio", { name: "5" }).isChecked());
  assert.ok(await privateBox.isChecked());

  await openJournal(page);
  const entry = entries(page).filter({ hasText: "Mentoring a new colleague." });
  assert.match(await entry.textContent(), /Private/);
  assert.match(await entry.textContent(), /Mood 5\/5/);
  assert.ok(await entry.getByRole("button", { name: "Filter by tag work" }).isVisible());
});

test("ticking Private right after typing, then closing the tab at once, keeps it private", async () => {
  const { context } = browser;
  const tab = await context.newPage();
  await newReflection(tab);
  const words = "Only mine, ticked and gone";
  await tab.keyboard.type(words);
  await tab.getByRole("checkbox", { name: "Private" }).check();
  await tab.close();
  const page = await context.newPage();
  try {
    await openJournal(page);
    // The tick may still be in the closed tab's draft: the next start saves it, a moment after
    // the list is drawn, so the row is waited for with its flag rather than read at once.
    const entry = entries(page).filter({ hasText: words }).filter({ hasText: "Private" });
    await entry.first().waitFor();
    await entry.first().getByRole("link").first().tap();
    await page.waitForURL(ID_URL);
    await text(page).waitFor();
    assert.ok(await page.getByRole("checkbox", { name: "Private" }).isChecked());
  } finally {
    await page.close();
  }
});

test("nothing overflows a 360 px wide phone", async () => {
  const { page } = browser;
  await page.setViewportSize({ width: 360, height: 780 });
  try {
    await openJournal(page);
    const wide = () => page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok((await wide()) <= 360, `journal is ${await wide()} px wide`);
    await entries(page).filter({ hasText: "Mentoring" }).getByRole("link").tap();
    await text(page).waitFor();
    await page.getByRole("button", { name: "Need a prompt?" }).tap();
    assert.ok((await wide()) <= 360, `editor is ${await wide()} px wide`);
  } finally {
    await page.setViewportSize({ width: 390, height: 844 });
  }
});

test("offline: a reflection written with the network gone is there after a reload", async () => {
  const { page, context } = browser;
  await openJournal(page);
  await waitForServiceWorkerControl(page);
  await context.setOffline(true);
  try {
    await page.getByRole("link", { name: "Write a reflection" }).tap();
    await text(page).waitFor();
    await page.keyboard.type("Written on the train with no signal");
    await page.waitForURL(ID_URL);
    await saved(page);
    await page.reload();
    await waitForApp(page);
    assert.equal(await text(page).inputValue(), "Written on the train with no signal");
  } finally {
    await context.setOffline(false);
  }
});

test("an edit in another tab is never silently overwritten", async () => {
  const { page, context } = browser;
  await openJournal(page);
  await entries(page).filter({ hasText: "Coffee with Sam" }).getByRole("link").tap();
  await page.waitForURL(ID_URL);
  const other = await context.newPage();
  await other.goto(page.url());
  await waitForApp(other);
  await text(other).waitFor();

  // Nothing unsaved here: the other tab's save simply shows up.
  await text(other).fill("Coffee with Sam — edited in the other tab");
  await text(other).blur();
  await page.waitForFunction(() => document.querySelector("#reflection-text")?.value.includes("edited in the other tab"));

  // Both tabs have unsaved words when one saves: whichever tab saves second must not overwrite
  // the first; it shows a clear choice instead and keeps its words.
  await text(other).fill("Their version");
  await text(page).fill("My version");
  await text(other).blur();
  const alertIn = (p) =>
    p.getByRole("alert").filter({ hasText: "changed in another tab" }).waitFor().then(() => p);
  const asked = await Promise.race([alertIn(page), alertIn(other)]);
  const mine = asked === page ? "My version" : "Their version";
  const theirs = asked === page ? other : page;
  assert.equal(await text(asked).inputValue(), mine, "the asking tab still shows its own words");
  await asked.getByRole("button", { name: "Keep my version" }).tap();
  await theirs.waitForFunction((v) => document.querySelector("#reflection-text")?.value === v, mine);
  await other.close();
});

test("deleting asks first, then the reflection is gone", async () => {
  const { page } = browser;
  await openJournal(page);
  const before = await entries(page).count();
  await entries(page).filter({ hasText: "Written on the train" }).getByRole("link").tap();
  await page.getByRole("button", { name: "Delete reflection" }).tap();
  await page.getByRole("button", { name: "Cancel" }).tap();
  await page.getByRole("button", { name: "Delete reflection" }).tap();
  assert.ok(await page.getByText("Delete this reflection?").isVisible());
  await page.getByRole("button", { name: "Delete", exact: true }).tap();
  await page.waitForURL(server.origin + "/journal");
  await count(page).waitFor();
  assert.equal(await entries(page).count(), before - 1);
  assert.equal(await entries(page).filter({ hasText: "Written on the train" }).count(), 0);
});

test("the marks follow each keystroke, and a word only further down the text shows its line", async () => {
  const { page } = browser;
  await newReflection(page);
  await text(page).fill("Met the careers adviser.\n\nShe suggested I shadow a product designer for a day, then SHADOW a researcher.");
  await text(page).blur();
  await saved(page);
  await openJournal(page);
  const search = page.getByRole("searchbox", { name: "Search reflections" });
  const row = entries(page).filter({ hasText: "Met the careers adviser." });
  const snippet = row.locator(".journal-snippet");
  const marks = (where) => where.locator("mark").allTextContents();
  assert.equal(await snippet.isVisible(), false, "no snippet without a search");

  // "shadow" is not in the title: the line around it is shown, each match marked.
  for (const ch of "shado") await search.press(ch);
  await snippet.waitFor();
  assert.deepEqual(await marks(snippet), ["shado", "SHADO"]);
  await search.press("w");
  assert.deepEqual(await marks(snippet), ["shadow", "SHADOW"], "the marks grow with the query");
  // From the start of its paragraph: the title already shows the line before.
  assert.equal(await snippet.textContent(), "…She suggested I shadow a product designer for a day, then SHADOW a researcher.");
  await search.press("Space");
  await search.press("a");
  assert.deepEqual(await marks(snippet), ["shadow a", "SHADOW a"]);
  assert.deepEqual(await marks(row.locator(".journal-entry-line")), []);

  // A word in the title is marked there, and no snippet repeats it.
  await search.fill("careers");
  assert.deepEqual(await marks(row.locator(".journal-entry-line")), ["careers"]);
  assert.equal(await snippet.isVisible(), false);
  assert.equal(await row.locator(".journal-entry-line").textContent(), "Met the careers adviser.");

  // Clearing the search takes every mark away.
  await search.fill("");
  assert.equal(await page.locator(".journal-feed mark").count(), 0, "no marks without a search");
  assert.equal(await snippet.isVisible(), false);
});

/** The v1 sample plan file plus `count` reflections spread over the past year. */
function planFileWithReflections(count) {
  const file = JSON.parse(readFileSync(join(ROOT, "tests/fixtures/plan-files/v1-sample.waymark.json"), "utf8"));
  const words = ["felt", "proud", "tired", "interview", "portfolio", "mentor", "calm", "stuck", "learned", "coffee"];
  const pick = (i, k) => words[(i * 7 + k * 3) % words.length];
  for (let i = 0; i < count; i++) {
    const at = new Date(Date.now() - (count - i) * 4 * 3600e3).toISOString().replace(/\.\d+Z$/, "Z");
    file.reflections.push({
      meta: { id: randomUUID(), created_at: at, updated_at: at, updated_by: "client", deleted: false },
      text: `Entry ${i}: ${i % 4 === 0 ? "felt proud" : pick(i, 0)} ${pick(i, 1)} after the ${pick(i, 2)}; next time ${pick(i, 3)} ${pick(i, 4)}.`,
      prompt: null,
      tags: [pick(i, 5)],
      mood: 1 + (i % 5),
      private: i % 3 === 0,
    });
  }
  const path = join(mkdtempSync(join(tmpdir(), "waymark-journal-")), "big.waymark.json");
  writeFileSync(path, JSON.stringify(file));
  return { path, total: file.reflections.length };
}

test("2,000 reflections: the list draws a screenful, more as it scrolls, and search answers every keystroke", async () => {
  // A separate fresh profile. What this proves: a journal with 2,005 reflections, imported from
  // a plan file into IndexedDB, loads, renders a screenful rather than 2,005, and answers each
  // keystroke. The time from the input event until every reactive update has run is logged for
  // a person reading the output; scripts/bench.sh is what judges it.
  const big = await openBrowser(server.origin);
  const { path, total } = planFileWithReflections(2000);
  const many = `${total} reflections`;
  try {
    const { page } = big;
    await page.goto(server.origin + "/share");
    await waitForApp(page);
    await page.locator("#import-file").setInputFiles(path);
    await page.getByTestId("import-preview").waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "Import" }).tap();
    await page.waitForURL(/\/plan$/, { timeout: 60_000 });
    await page.getByRole("link", { name: "Journal" }).first().tap();
    await page.getByTestId("journal-count").filter({ hasText: many }).waitFor({ timeout: 30_000 });
    await page.reload();
    await waitForApp(page);
    await page.getByTestId("journal-count").filter({ hasText: many }).waitFor({ timeout: 30_000 });
    const first = await entries(page).count();
    assert.ok(first >= 4 && first <= 30, `a screenful is in the DOM, not all: ${first}`);
    // Scrolling to the end of the list draws more; so does "Show more" (for keyboards).
    await page.locator("#journal-feed + .list-end").scrollIntoViewIfNeeded();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="journal-entry"]').length > n, first);
    const scrolled = await entries(page).count();
    const showMore = page.getByRole("button", { name: /^Show more/ });
    assert.match(await showMore.textContent(), new RegExp(`^Show more \\(${total - scrolled} not shown\\)$`));
    await showMore.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="journal-entry"]').length >= n + 10, scrolled);

    const timings = await page.evaluate(async () => {
      const input = document.querySelector("#journal-search");
      const status = document.querySelector("[data-testid=journal-count]");
      const perKey = [];
      let typed = "";
      for (const ch of "felt proud") {
        typed += ch;
        const t0 = performance.now();
        input.value = typed;
        input.dispatchEvent(new Event("input", { bubbles: true }));
        await new Promise((r) => setTimeout(r, 0));
        perKey.push({ typed, ms: performance.now() - t0, said: status.textContent });
      }
      const search = performance.getEntriesByName("journal-search").map((e) => e.duration);
      const build = performance.getEntriesByName("journal-index-build").map((e) => e.duration);
      return { perKey, search, build };
    });
    console.log("per keystroke (input → DOM updated), ms:", timings.perKey.map((k) => k.ms.toFixed(1)).join(" "));
    console.log("core search, ms:", timings.search.slice(-10).map((d) => d.toFixed(2)).join(" "));
    console.log("index build, ms:", timings.build.map((d) => d.toFixed(2)).join(" "));
    for (const k of timings.perKey) assert.match(k.said, /^\d+ reflections? found$/, `announced after "${k.typed}"`);
    // How fast is for scripts/bench.sh (search p95 with 10,000 reflections), not for a test.
    const found = Number(timings.perKey.at(-1).said.split(" ")[0]);
    assert.ok(found > 0 && found < total);
    const shown = await entries(page).count();
    assert.ok(shown >= Math.min(found, 4) && shown <= found, `${shown} of ${found} found are drawn`);

    // On a screen that four rows do not fill, the list fills it: also when clearing a search
    // that found one brings all of them back (the list's end was in view all along).
    await page.setViewportSize({ width: 390, height: 3000 });
    const search = page.locator("#journal-search");
    await search.fill("entry 1999:");
    await page.getByTestId("journal-count").filter({ hasText: /^1 reflection found$/ }).waitFor();
    await search.fill("");
    await page.getByTestId("journal-count").filter({ hasText: many }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="journal-entry"]').length > 4, null, { timeout: 10_000 });
    await page.setViewportSize({ width: 390, height: 844 });

    // The review of the last four weeks (~170 of them) shows the latest 30 and points to the journal.
    await page.goto(server.origin + "/review");
    await waitForApp(page);
    const more = page.getByTestId("review-reflections-more");
    await more.waitFor();
    assert.match(await more.textContent(), /The 30 latest of \d+ reflections in this period/);
    assert.equal(await page.locator("ul.reflections > li").count(), 30);
    assert.deepEqual(big.consoleErrors, []);
    assert.deepEqual(big.foreignRequests, []);
  } finally {
    await big.close();
  }
});
