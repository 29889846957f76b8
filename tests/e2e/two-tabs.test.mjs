// Two tabs on one device editing the same goal: a save in one shows up in the other, and when
// both have unsaved edits, the second save never silently overwrites the first — it offers a
// clear choice and keeps its words until the person decides. (The journal's version of this
// is in journal.test.mjs.)
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { openBrowser, serve, startWithSamplePlan, waitForApp } from "./harness.mjs";

let server, browser, goalUrl;
before(async () => {
  server = await serve();
  browser = await openBrowser(server.origin);
  await startWithSamplePlan(browser.page, server.origin);
  const { page } = browser;
  await page.goto(server.origin + "/plan");
  await waitForApp(page);
  await page.locator(".goal-card-title a").first().tap();
  await page.waitForURL(/\/plan\/goals\/[0-9a-f-]+$/);
  goalUrl = page.url();
});
after(async () => {
  await browser?.close();
  server?.stop();
});

const title = (page) => page.getByLabel("Title");
const saveChanges = (page) => page.getByRole("button", { name: "Save changes" }).tap();

async function openEditor(page) {
  await page.goto(goalUrl + "/edit");
  await waitForApp(page);
  await title(page).waitFor();
}

test("a goal saved in one tab shows in the other", async () => {
  const { page, context } = browser;
  const other = await context.newPage();
  await other.goto(goalUrl);
  await waitForApp(other);
  await openEditor(page);
  await title(page).fill("Land a service design role — from tab one");
  await saveChanges(page);
  await page.waitForURL(goalUrl);
  await other.getByRole("heading", { level: 1, name: "Land a service design role — from tab one" }).waitFor();
  await other.close();
});

test("both tabs edit the same goal: the later save asks instead of overwriting", async () => {
  const { page, context } = browser;
  const other = await context.newPage();
  await openEditor(page);
  await openEditor(other);
  await title(page).fill("Version from tab one");
  await title(other).fill("Version from tab two");

  await saveChanges(page);
  await page.waitForURL(goalUrl);
  await saveChanges(other);
  const choice = other.getByRole("alert").filter({ hasText: "changed in another tab" });
  await choice.waitFor();
  assert.equal(await title(other).inputValue(), "Version from tab two", "tab two keeps its words");
  assert.equal(
    await page.locator("h1").textContent(),
    "Version from tab one",
    "tab one's save stands until tab two decides",
  );

  await other.getByRole("button", { name: "Keep my version" }).tap();
  await other.waitForURL(goalUrl);
  assert.equal(await other.locator("h1").textContent(), "Version from tab two");
  await page.getByRole("heading", { level: 1, name: "Version from tab two" }).waitFor();

  // After a reload both agree, and the goal's history holds both saves.
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.locator("h1").textContent(), "Version from tab two");
  await other.close();
});

test("choosing the other version drops this tab's edit and shows what was saved", async () => {
  const { page, context } = browser;
  const other = await context.newPage();
  await openEditor(page);
  await openEditor(other);
  await title(page).fill("Saved first");
  await title(other).fill("Abandoned edit");
  await saveChanges(page);
  await page.waitForURL(goalUrl);
  await saveChanges(other);
  await other.getByRole("alert").filter({ hasText: "changed in another tab" }).waitFor();
  await other.getByRole("button", { name: "Use the other version" }).tap();
  await other.waitForFunction(() => [...document.querySelectorAll("input")].some((i) => i.value === "Saved first"));
  assert.equal(await title(other).inputValue(), "Saved first", "the editor now shows the saved version");
  await other.close();
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.locator("h1").textContent(), "Saved first");
});

test("a goal deleted in another tab: opening Adapt says it is gone, and the app keeps working", async () => {
  const { page, context } = browser;
  await page.goto(goalUrl);
  await waitForApp(page);
  const goalId = goalUrl.split("/").pop();
  // The app has no "delete goal" button; an import of a coach's file can delete one. The other
  // tab writes exactly what that deletion stores (the goal's tombstone, one revision on) and
  // announces it the way every Waymark tab announces its saves.
  const other = await context.newPage();
  await other.goto(server.origin + "/plan");
  await waitForApp(other);
  await other.evaluate(
    (goalId) =>
      new Promise((ok, fail) => {
        const open = indexedDB.open("waymark");
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction("documents", "readwrite");
          const store = tx.objectStore("documents");
          const all = store.getAll();
          let planId;
          all.onsuccess = () => {
            const doc = all.result.find((d) => d.id === goalId);
            const body = JSON.parse(doc.body);
            body.meta.deleted = true;
            planId = doc.plan_id;
            store.put({ ...doc, rev: doc.rev + 1, body: JSON.stringify(body) });
          };
          tx.oncomplete = () => {
            db.close();
            const channel = new BroadcastChannel("waymark-changes");
            channel.postMessage(JSON.stringify({ from: crypto.randomUUID(), plan_id: planId, ids: [goalId], whole_plan: false }));
            channel.close();
            ok();
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
    goalId,
  );
  await page.getByText("This goal was deleted.").waitFor();
  await page.getByRole("button", { name: "Adapt this goal" }).tap();
  await page.getByRole("alert").filter({ hasText: "may have been deleted" }).waitFor();
  await page.getByRole("link", { name: "Back to the plan" }).tap();
  await page.waitForURL(server.origin + "/plan");
  await page.getByRole("heading", { level: 1 }).waitFor();
  await other.close();
});

test("no console errors and no requests outside the app", () => {
  assert.deepEqual(browser.foreignRequests, []);
  assert.deepEqual(browser.consoleErrors, []);
});
