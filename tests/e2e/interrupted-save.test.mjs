// Saves interrupted at random moments: a reload (or leaving the page) while a reflection is
// being saved, many times over, and the whole browser killed (SIGKILL) mid-save. Afterwards
// every save the app confirmed is there, nothing is there twice, every stored record is whole,
// and — for reloads, where the browser keeps running — even unconfirmed words come back.
// WAYMARK_FAULT_ROUNDS sets the number of reload rounds (default 200; a tenth of that kills).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_FLAGS, PHONE, openBrowser, serve, startWithSamplePlan, waitForApp } from "./harness.mjs";

const ROUNDS = Number(process.env.WAYMARK_FAULT_ROUNDS ?? 200);
const KILLS = Math.max(5, Math.round(ROUNDS / 10));

let server;
before(async () => {
  server = await serve();
});
after(() => server?.stop());

const text = (page) => page.locator("#reflection-text");
const pause = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** Every reflection document as stored, read straight from IndexedDB; throws on a broken one. */
function storedReflections(page) {
  return page.evaluate(
    () =>
      new Promise((ok, fail) => {
        const open = indexedDB.open("waymark");
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction("documents").objectStore("documents").getAll();
          all.onerror = () => fail(all.error);
          all.onsuccess = () => {
            open.result.close();
            try {
              ok(all.result.filter((d) => d.kind === "reflection").map((d) => JSON.parse(d.body)));
            } catch (e) {
              fail(new Error(`a stored reflection is not whole JSON: ${e}`));
            }
          };
        };
      }),
  );
}

const countOf = (reflections, words) => reflections.filter((r) => JSON.stringify(r).includes(words)).length;

/** Opens the journal (which saves any words a reload left behind) until none are left. */
async function settleJournal(page) {
  // A round that left the page for the journal is there already, freshly loaded.
  if (new URL(page.url()).pathname !== "/journal") await page.goto(server.origin + "/journal");
  await waitForApp(page);
  await page.waitForFunction(
    () => !Object.keys(localStorage).some((k) => k.startsWith("waymark.journal-draft.")),
    null,
    { timeout: 10_000 },
  );
}

/**
 * Types the words (kept as a draft at once; saved ~400 ms after typing stops, or on leaving the
 * box), in an editor opened as a person does, from the journal's "Write" button.
 */
async function type(page, words) {
  if (new URL(page.url()).pathname === "/journal") await page.locator("a.journal-write").tap();
  else await page.goto(server.origin + "/journal/new");
  await text(page).waitFor();
  await text(page).fill(words);
}

const confirmedNow = async (page) => (await page.getByTestId("save-status").textContent()).startsWith("Saved");

/**
 * Leaves the text box (which starts the save) and then reloads or leaves the page 0–25 ms (mostly
 * under 6)
 * later, all inside the page: a round trip from the test takes longer than many saves do. Whether "Saved" was showing at that moment
 * is kept in sessionStorage, which outlives the reload.
 */
async function interrupt(page, round, leave) {
  const loaded = page.waitForEvent("load");
  await page.evaluate(
    ({ delay, leave, key }) => {
      document.querySelector("#reflection-text").blur();
      setTimeout(() => {
        const status = document.querySelector("[data-testid=save-status]").textContent;
        sessionStorage.setItem(key, String(status.startsWith("Saved")));
        if (leave) location.href = "/journal";
        else location.reload();
      }, delay);
    },
    { delay: Math.random() ** 2 * 25, leave, key: `round-${round}` },
  );
  await loaded;
  return (await page.evaluate((key) => sessionStorage.getItem(key), `round-${round}`)) === "true";
}

test(`reload or leave in the middle of a save, ${ROUNDS} times: nothing lost, nothing doubled`, async () => {
  const browser = await openBrowser(server.origin);
  try {
    const { page } = browser;
    await startWithSamplePlan(page, server.origin);
    const rounds = [];
    for (let i = 0; i < ROUNDS; i++) {
      const words = `Interrupted round ${i} ${Math.random().toString(36).slice(2)}`;
      await type(page, words);
      const confirmed = await interrupt(page, i, i % 2 === 1);
      await settleJournal(page);
      rounds.push({ words, confirmed });
    }
    console.log(`${ROUNDS} rounds; ${rounds.filter((r) => !r.confirmed).length} interrupted before "Saved"`);
    const stored = await storedReflections(page);
    for (const { words } of rounds) assert.equal(countOf(stored, words), 1, `"${words}" stored exactly once`);
    // And the person sees them: the journal's own count includes every round.
    await page.getByRole("searchbox").fill("Interrupted round");
    await page.getByTestId("journal-count").filter({ hasText: `${ROUNDS} reflection` }).waitFor();
    assert.deepEqual(browser.foreignRequests, []);
  } finally {
    await browser.close();
  }
});

test(`the browser killed mid-save, ${KILLS} times: every confirmed save survives whole`, async () => {
  const profile = mkdtempSync(join(tmpdir(), "waymark-killed-"));
  const foreign = [];
  const launch = async () => {
    const c = await chromium.launchPersistentContext(profile, { executablePath: "/usr/bin/chromium", args: CHROMIUM_FLAGS, ...PHONE });
    c.on("request", (r) => !/^(data:|blob:)/.test(r.url()) && !r.url().startsWith(server.origin) && foreign.push(r.url()));
    return c;
  };
  let context;
  try {
    context = await launch();
    await startWithSamplePlan(context.pages()[0] ?? (await context.newPage()), server.origin);
    await context.close();
    const rounds = [];
    for (let i = 0; i < KILLS; i++) {
      context = await launch();
      const page = context.pages()[0] ?? (await context.newPage());
      const words = `Killed round ${i} ${Math.random().toString(36).slice(2)}`;
      await type(page, words);
      const closed = new Promise((ok) => context.on("close", ok));
      await text(page).evaluate((el) => el.blur());
      // Half the rounds kill blind at once (mid-save, most likely); the others first note
      // whether "Saved" shows, so a confirmed save can be held to it.
      const confirmed = i % 2 === 1 && (await pause(Math.random() * 20), await confirmedNow(page));
      execFileSync("pkill", ["-KILL", "-f", "--", `--user-data-dir=${profile}`]);
      await closed;
      rounds.push({ words, confirmed });
    }
    context = await launch();
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.origin + "/journal");
    await waitForApp(page);
    await page.getByRole("searchbox").waitFor();
    const stored = await storedReflections(page);
    for (const { words, confirmed } of rounds) {
      const n = countOf(stored, words);
      assert.ok(n <= 1, `"${words}" stored ${n} times`);
      if (confirmed) assert.equal(n, 1, `"${words}" was confirmed saved but is gone`);
    }
    const confirmedCount = rounds.filter((r) => r.confirmed).length;
    const present = rounds.filter((r) => countOf(stored, r.words) === 1).length;
    assert.deepEqual(foreign, [], "no request outside the app");
    console.log(`killed ${KILLS} times; ${confirmedCount} saves confirmed before the kill, ${present} present after`);
  } finally {
    await context?.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
});
