// The Clients screen with a coach's caseload (issue #11): 30 client plans imported from 30 real
// progress-report files, at phone size and on a desktop. One row per client with what a coach
// looks at first; search, order, the archived list; archive asks first, delete asks and offers
// a backup; a new report is marked until looked at; the templates are listed apart.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { serveForFile, startWithSamplePlan } from "./harness.mjs";
import { seedCaseload } from "./caseload.mjs";

const server = serveForFile();
let b;

/** The coach's device, seeded once (the server starts in serveForFile's own hook). */
async function seeded() {
  if (!b) {
    b = await server.fresh();
    await startWithSamplePlan(b.page, server.origin);
    await seedCaseload(b.page, server.origin, 30);
  }
  return b;
}

const rows = () => b.page.getByTestId("client-row");
const names = () => b.page.locator(".client-row .client-name").allTextContents();
async function clients() {
  await seeded();
  await b.page.goto(server.origin + "/clients");
  await b.page.locator('.client-list[aria-busy="false"]').waitFor({ state: "attached" });
}

test("one row per client plan, late check-ins first, each with what a coach looks at", async () => {
  await clients();
  const { page } = b;
  assert.equal(await page.locator("h1").textContent(), "Clients");
  assert.equal(await rows().count(), 31, "30 clients and the sample plan");
  assert.equal(await page.getByTestId("clients-count").textContent(), "31 plans");
  const first = rows().first();
  for (const label of ["Last report", "Check-in", "Streak", "Goals", "KPIs"]) {
    assert.equal(await first.locator(".fact-label", { hasText: label }).count(), 1, label);
  }
  // Overdue first: every overdue row comes before every other.
  const checkins = await page.locator('.client-row .fact:has(.fact-label:text-is("Check-in")) .fact-value').allTextContents();
  const lastLate = checkins.findLastIndex((c) => c.startsWith("Overdue"));
  const firstOther = checkins.findIndex((c) => !c.startsWith("Overdue"));
  assert.ok(lastLate >= 0 && firstOther > lastLate, checkins.join(" | "));
  // A client who checked in on each of the last Mondays has a streak.
  const streaks = await page.locator('.client-row .fact:has(.fact-label:text-is("Streak")) .fact-value').allTextContents();
  assert.ok(streaks.some((s) => Number(s) >= 2), streaks.join(" "));
  // Each imported report is marked as news.
  assert.equal(await page.getByTestId("client-news").count(), 30);
});

test("search by name, order by name, and the news marker goes once looked at", async () => {
  await clients();
  const { page } = b;
  await page.getByLabel("Search by name").fill("ravi");
  await page.getByTestId("clients-count").filter({ hasText: /^2 plans$/ }).waitFor();
  assert.deepEqual((await names()).sort(), ["Ravi Okafor", "Ravi Shah"]);
  await page.getByLabel("Search by name").fill("");
  await page.getByLabel("Order").selectOption("name");
  const sorted = await names();
  assert.deepEqual(sorted, [...sorted].sort((a, c) => a.localeCompare(c, "en", { sensitivity: "base" })));

  const row = rows().filter({ has: page.locator(".client-name", { hasText: "Mei Okafor" }) });
  await row.getByTestId("client-news").click();
  await page.waitForURL(/\/plan\/client-activity/);
  await page.getByTestId("activity-intro").waitFor();
  await clients();
  assert.equal(await rows().filter({ has: page.locator(".client-name", { hasText: "Mei Okafor" }) }).getByTestId("client-news").count(), 0);
  assert.equal(await page.getByTestId("client-news").count(), 29);
});

test("archive asks first and the plan moves to the archived list; restore brings it back", async () => {
  await clients();
  const { page } = b;
  const kofi = () => rows().filter({ has: page.locator(".client-name", { hasText: "Kofi Okafor" }) });
  await kofi().getByRole("button", { name: "Archive Kofi Okafor’s plan" }).click();
  const ask = page.getByTestId("confirm-archive");
  await ask.filter({ hasText: "nothing in it can be changed until you restore it" }).waitFor();
  await ask.getByRole("button", { name: "Keep it open" }).click();
  assert.equal(await rows().count(), 31, "kept open: nothing changed");
  await kofi().getByRole("button", { name: "Archive Kofi Okafor’s plan" }).click();
  await page.getByTestId("confirm-archive").getByRole("button", { name: "Archive it" }).click();
  await page.getByTestId("clients-count").filter({ hasText: /^30 plans$/ }).waitFor();
  await page.getByLabel("Archived plans").check();
  await page.getByTestId("clients-count").filter({ hasText: /^1 archived plan$/ }).waitFor();
  assert.equal(await kofi().locator(".tag", { hasText: "Archived" }).count(), 1);
  // Opened, it says it is archived.
  await kofi().getByRole("button", { name: "Open Kofi Okafor" }).click();
  await page.waitForURL(server.origin + "/plan");
  await page.getByTestId("archived-notice").waitFor();
  await clients();
  await page.getByLabel("Archived plans").check();
  await kofi().getByRole("button", { name: "Restore Kofi Okafor’s plan" }).click();
  await page.getByTestId("clients-count").filter({ hasText: /^0 archived plans$/ }).waitFor();
  await page.getByLabel("Archived plans").uncheck();
  await page.getByTestId("clients-count").filter({ hasText: /^31 plans$/ }).waitFor();
});

test("delete asks, offers a backup first, and then the plan is gone", async () => {
  await clients();
  const { page } = b;
  const lena = () => rows().filter({ has: page.locator(".client-name", { hasText: "Lena Okafor" }) });
  await lena().getByRole("button", { name: "Delete Lena Okafor’s plan" }).click();
  const ask = page.getByTestId("confirm-delete");
  await ask.filter({ hasText: "This cannot be undone" }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    ask.getByRole("button", { name: "Download a backup first" }).click(),
  ]);
  const backup = JSON.parse(readFileSync(await download.path(), "utf8"));
  assert.equal(backup.kind, "plan");
  assert.equal(backup.plan.client, "Lena Okafor");
  assert.equal(await rows().count(), 31, "the backup deletes nothing");
  await ask.getByRole("button", { name: "Delete it" }).click();
  await page.getByTestId("clients-count").filter({ hasText: /^30 plans$/ }).waitFor();
  assert.equal(await lena().count(), 0);
  await page.reload();
  await page.locator('.client-list[aria-busy="false"]').waitFor({ state: "attached" });
  assert.equal(await rows().count(), 30, "still gone after a reload");
});

test("at 360 px nothing scrolls sideways; on a desktop the facts stand in columns", async () => {
  const { page } = await seeded();
  await page.setViewportSize({ width: 360, height: 780 });
  await clients();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360));
  assert.equal(await page.locator(".client-facts").first().evaluate((e) => getComputedStyle(e).display), "flex");
  await page.setViewportSize({ width: 1280, height: 800 });
  await clients();
  assert.equal(await page.locator(".client-facts").first().evaluate((e) => getComputedStyle(e).display), "grid");
  const [who, facts] = await rows().first().evaluate((r) =>
    [r.querySelector(".client-who"), r.querySelector(".client-facts")].map((e) => e.getBoundingClientRect().toJSON()),
  );
  assert.ok(facts.left >= who.right && facts.top < who.bottom, "the facts stand beside the name, in columns");
  assert.deepEqual(b.consoleErrors, []);
  assert.deepEqual(b.foreignRequests, []);
});
