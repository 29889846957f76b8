// Reminders that reach a closed app, and the ways in from the phone (issue 12), at phone size:
// the calendar file with the reminder the client picked, read by a real iCalendar parser; the
// app badge set by the app's own code (headless Chromium has no badge to show, so the Badging
// API records its calls); the Settings opt-in for check-in notifications with the permission
// granted (and the service worker's background check then notifying) and refused; a plan file
// shared to the app's share target opening the Share screen's preview; the theme colour of the
// bar following the chosen theme; and a check-in's due day on both sides of a summer-time change.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, serveForFile, startWithSamplePlan, waitForApp } from "./harness.mjs";

const env = serveForFile();
const BERLIN = { context: { timezoneId: "Europe/Berlin" } };
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Records the Badging API calls the app makes (headless Chromium has no badge to show). */
async function recordBadges(context) {
  await context.addInitScript(() => {
    window.__badges = [];
    navigator.setAppBadge = async (n) => void window.__badges.push(n);
    navigator.clearAppBadge = async () => void window.__badges.push(0);
  });
}

/** The sample plan with its weekly check-in moved to yesterday's weekday: due since then. */
async function withDueCheckIn(page) {
  await startWithSamplePlan(page, env.origin);
  const yesterday = await page.evaluate(() => new Date(Date.now() - 86400000).getDay());
  await page.goto(env.origin + "/checkin");
  await waitForApp(page);
  await page.getByLabel("How often").selectOption({ label: "Every week" });
  await page.getByLabel("On", { exact: true }).selectOption({ label: WEEKDAYS[yesterday] });
  await page.getByRole("button", { name: "Change schedule" }).tap();
  await page.getByText(`Schedule saved: Every week on ${WEEKDAYS[yesterday]}.`).waitFor();
  await page.getByTestId("checkin-status").filter({ hasText: "Due now" }).waitFor();
}

/**
 * Asks the page until the async `check(arg)` is true, for at most a minute (Playwright's
 * waitForFunction does not wait for a promise, and would take any promise as true).
 */
async function until(page, check, arg) {
  for (let i = 0; i < 600; i++) {
    if (await page.evaluate(check, arg)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`never true: ${check}`);
}

/** What the app handed to the service worker for its background check. */
async function handedOver(page) {
  return page.evaluate(async () => {
    const hit = await (await caches.open("waymark.reminders")).match("/__reminders.json");
    return hit ? hit.json() : null;
  });
}

test("the calendar file carries the reminder picked on the Export screen, in the client's zone, and a real parser reads it", async () => {
  const { page } = await env.fresh(BERLIN);
  await withDueCheckIn(page);
  await page.goto(env.origin + "/share");
  await waitForApp(page);
  const reminder = page.getByRole("group", { name: "Calendar reminder before each check-in" });
  await reminder.getByLabel("1 day before").check();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Check-ins, milestones and action due dates (.ics)" }).tap(),
  ]);
  const path = join(mkdtempSync(join(tmpdir(), "waymark-ics-")), download.suggestedFilename());
  await download.saveAs(path);
  const parsed = spawnSync(
    "cargo",
    ["test", "--quiet", "--test", "native", "exchange_calendar::a_file_the_app_exported_parses", "--", "--exact"],
    { cwd: ROOT, env: { ...process.env, WAYMARK_ICS: path, WAYMARK_ICS_ZONE: "Europe/Berlin", WAYMARK_ICS_TRIGGER: "-P1D" }, encoding: "utf8" }
  );
  assert.equal(parsed.status, 0, parsed.stdout + parsed.stderr);
  assert.match(parsed.stdout, /1 passed/);

  // The choice is kept for the next export.
  await page.reload();
  await waitForApp(page);
  assert.ok(await reminder.getByLabel("1 day before").isChecked());
});

test("the app badge counts what is due, and is cleared when nothing is", async () => {
  const empty = await env.fresh();
  await recordBadges(empty.context);
  await empty.page.goto(env.origin + "/welcome");
  await waitForApp(empty.page);
  await empty.page.waitForFunction(() => window.__badges.length > 0);
  assert.deepEqual(await empty.page.evaluate(() => window.__badges), [0]);

  const { page, context } = await env.fresh(BERLIN);
  await recordBadges(context);
  await withDueCheckIn(page);
  await page.goto(env.origin + "/");
  await waitForApp(page);
  await page.waitForFunction(() => window.__badges.at(-1) > 0);
  const count = await page.evaluate(() => window.__badges.at(-1));
  // The check-in that is due is one of them.
  assert.ok(count >= 1, `badge ${count}`);
  await page.getByText("Due now").first().waitFor();
});

/** Chromium's permission for notifications (and for the background check) on this origin. */
async function setPermissions(context, page, setting) {
  const cdp = await context.newCDPSession(page);
  for (const name of ["notifications", "periodic-background-sync"]) {
    await cdp.send("Browser.setPermission", { origin: env.origin, permission: { name }, setting });
  }
  return cdp;
}

test("switched on with permission granted: the background check shows a notification for the due check-in", async () => {
  const { page, context } = await env.fresh(BERLIN);
  await withDueCheckIn(page);
  const cdp = await setPermissions(context, page, "granted");
  const registrations = [];
  cdp.on("ServiceWorker.workerRegistrationUpdated", (e) => registrations.push(...e.registrations));
  await cdp.send("ServiceWorker.enable");

  await page.goto(env.origin + "/settings");
  await waitForApp(page);
  const card = page.getByRole("region", { name: "Check-in reminders" });
  await card.getByText("Your browser asks for permission when you switch this on.", { exact: false }).waitFor();
  const toggle = card.getByRole("switch", { name: "Notify me when a check-in is due" });
  assert.equal(await toggle.isChecked(), false);
  await toggle.check();
  await card.getByTestId("reminders-status").filter({ hasText: "On." }).waitFor();
  assert.ok(await toggle.isChecked());

  const handed = await handedOver(page);
  assert.equal(handed.enabled, true);
  assert.ok(handed.checkins.some((c) => Date.parse(c.at) <= Date.now()), JSON.stringify(handed));
  assert.ok(handed.checkins.length > 1, "the next check-ins are handed over too");

  const registrationId = registrations.find((r) => r.scopeURL === env.origin + "/")?.registrationId;
  assert.ok(registrationId, "the service worker is registered");
  const shown = async () =>
    page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({ title: n.title, body: n.body })));
  // Each background check records when it ran, last thing: the check is over once that changes.
  const lastCheck = () =>
    page.evaluate(async () => {
      const hit = await (await caches.open("waymark.reminders")).match("/__reminded.json");
      return hit ? (await hit.json()).checked_at : 0;
    });
  const backgroundCheck = async () => {
    const before = await lastCheck();
    await cdp.send("ServiceWorker.dispatchPeriodicSyncEvent", { origin: env.origin, registrationId, tag: "waymark-checkin", lastChance: false });
    await until(
      page,
      async (b) => {
        const hit = await (await caches.open("waymark.reminders")).match("/__reminded.json");
        return hit ? (await hit.json()).checked_at > b : false;
      },
      before
    );
  };

  await backgroundCheck();
  const notes = await shown();
  assert.equal(notes.length, 1);
  assert.equal(notes[0].title, "Time for your check-in");
  assert.match(notes[0].body, /Maya: from teaching to UX research/);

  // The same due check-in is not notified twice: with the first notification dismissed, the
  // next background check shows none.
  await page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).forEach((n) => n.close()));
  await backgroundCheck();
  assert.equal((await shown()).length, 0);

  // Switched off: the service worker has nothing to remind of any more.
  await toggle.uncheck();
  await card.getByTestId("reminders-status").filter({ hasText: "Off." }).waitFor();
  assert.equal(await handedOver(page), null, "the check-in times are removed");
});

test("with notifications refused, Settings says so, stays off and offers the calendar file", async () => {
  const { page, context } = await env.fresh(BERLIN);
  await startWithSamplePlan(page, env.origin);
  await setPermissions(context, page, "denied");
  await page.goto(env.origin + "/settings");
  await waitForApp(page);
  const card = page.getByRole("region", { name: "Check-in reminders" });
  const toggle = card.getByRole("switch", { name: "Notify me when a check-in is due" });
  await toggle.tap();
  await card.getByTestId("reminders-status").filter({ hasText: "Notifications are blocked for Waymark" }).waitFor();
  assert.equal(await toggle.isChecked(), false);
  assert.equal(await handedOver(page), null, "nothing is handed to the service worker");
  await card.getByRole("link", { name: "Get the calendar file" }).tap();
  await page.waitForURL(/\/share/);
});

test("a plan file shared to the app (share target) opens the Share screen's preview", async () => {
  const { page, context } = await env.fresh();
  await page.goto(env.origin + "/welcome");
  await waitForApp(page);
  await until(page, async () => (await navigator.serviceWorker.ready).active?.state === "activated");
  // The share sheet posts the file as a form would: a form on a page of its own.
  const sheet = await context.newPage();
  await sheet.setContent(`
    <form method="post" enctype="multipart/form-data" action="${env.origin}/share-target">
      <input type="file" name="plan"><button>Share</button>
    </form>`);
  await sheet.locator("input[type=file]").setInputFiles(join(ROOT, "tests/fixtures/plan-files/v1-sample.waymark.json"));
  await Promise.all([sheet.waitForURL(env.origin + "/share?shared"), sheet.getByRole("button", { name: "Share" }).click()]);
  await waitForApp(sheet);
  const preview = sheet.getByTestId("import-preview");
  await preview.waitFor();
  assert.match(await preview.textContent(), /new plan/);
  // Taken once: a reload does not open it again.
  await sheet.reload();
  await waitForApp(sheet);
  await sheet.getByText("Open a plan file", { exact: false }).first().waitFor();
  assert.equal(await sheet.getByTestId("import-preview").count(), 0);
});

test("the bar colour follows the theme picked in Settings", async () => {
  const { page } = await env.fresh();
  await page.goto(env.origin + "/settings");
  await waitForApp(page);
  const colours = () => page.evaluate(() => [...document.querySelectorAll("meta[name=theme-color]")].map((m) => m.content));
  await page.getByRole("group", { name: "Theme" }).getByLabel("Dark").check();
  assert.deepEqual(await colours(), ["#161a1f", "#161a1f"]);
  await page.getByRole("group", { name: "Theme" }).getByLabel("Light").check();
  assert.deepEqual(await colours(), ["#f6f4ef", "#f6f4ef"]);
  await page.reload();
  await waitForApp(page);
  assert.deepEqual(await colours(), ["#f6f4ef", "#f6f4ef"]);
  await page.getByRole("group", { name: "Theme" }).getByLabel("Follow this device").check();
  assert.deepEqual(await colours(), ["#f6f4ef", "#161a1f"]);
});

for (const [change, written, before, after] of [
  // Spring: the schedule written in winter (+1:00); Monday begins at 22:00 UTC on Sunday now.
  ["spring forward", "2026-03-20T10:00:00Z", ["2026-03-29T21:30:00Z", "Mon, 23 Mar 2026"], ["2026-03-29T22:30:00Z", "Mon, 30 Mar 2026"]],
  // Autumn: written in summer (+2:00); Monday begins at 23:00 UTC on Sunday now.
  ["fall back", "2026-10-16T10:00:00Z", ["2026-10-25T22:30:00Z", "Mon, 19 Oct 2026"], ["2026-10-25T23:30:00Z", "Mon, 26 Oct 2026"]],
]) {
  test(`a Monday check-in is due from the client's Monday midnight after a ${change} (Europe/Berlin)`, async () => {
    const { page } = await env.fresh(BERLIN);
    await page.clock.install({ time: new Date(written) });
    await startWithSamplePlan(page, env.origin);
    await page.goto(env.origin + "/checkin");
    await waitForApp(page);
    await page.getByLabel("How often").selectOption({ label: "Every week" });
    await page.getByLabel("On", { exact: true }).selectOption({ label: "Monday" });
    await page.getByRole("button", { name: "Change schedule" }).tap();
    await page.getByText("Schedule saved: Every week on Monday.").waitFor();
    for (const [at, since] of [before, after]) {
      await page.clock.setFixedTime(new Date(at));
      await page.reload();
      await waitForApp(page);
      const status = page.getByTestId("checkin-status");
      await status.filter({ hasText: "Due since" }).waitFor();
      assert.match(await status.textContent(), new RegExp(`Due since ${since};`), `at ${at}`);
    }
  });
}
