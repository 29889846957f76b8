// The release build's wasm is cut by route (scripts/build-release.mjs, src/ui/lazy_screens.rs):
// Today and Welcome come first, each group of screens on its first visit, and the code that
// opens the device's plans (src/ui/state/opening.rs) when there are plans to open or the person
// starts one. What a person could notice: a first visit's Welcome is usable before that code
// arrives; a screen, or a start, whose code cannot be fetched says so, keeps the plan or stores
// nothing, and works once it can; where no service worker can keep the build, every group comes in the background, so the
// app works offline while it is open; where one can, the page fetches no group it does not show
// (the worker's install stores them all); while a group is on its way, a sign says what is opening.
import { test } from "node:test";
import assert from "node:assert/strict";
import { serveForFile, startWithSamplePlan, waitForApp, waitForScreen, waitForServiceWorkerControl } from "./harness.mjs";

const server = serveForFile();

/** A fresh phone profile; `worker: false` refuses the service worker, as a browser may. */
const fresh = ({ worker = true } = {}) => server.fresh({ context: worker ? {} : { serviceWorkers: "block" } });

/** The screen groups' files this page has fetched so far (`split_plan`, …). */
const groupsFetched = (page) =>
  page.evaluate(() => [
    ...new Set(
      performance
        .getEntriesByType("resource")
        .map((e) => new URL(e.name).pathname.match(/^\/split_([a-z_]+)-[0-9a-f]+\.wasm$/)?.[1])
        .filter(Boolean),
    ),
  ].sort());

const nav = (page, name) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name }).tap();

test("a screen whose code cannot be fetched says so, the plan stays, and the screen comes once it can", async () => {
  const { page } = await fresh({ worker: false });
  const refuse = (route) => route.abort("internetdisconnected");
  await page.route(/\/split_plan-[0-9a-f]+\.wasm$/, refuse);
  await startWithSamplePlan(page, server.origin);
  await nav(page, "Plan");
  await waitForScreen(page, "This screen is not on this device yet");
  assert.match(await page.getByRole("alert").first().textContent(), /you seem to be offline\. Your plan is safe/);

  await nav(page, "Today");
  await page.getByTestId("save-status").filter({ hasText: "Saved" }).waitFor();
  await page.unroute(/\/split_plan-[0-9a-f]+\.wasm$/, refuse);
  await nav(page, "Plan");
  await waitForScreen(page, "Plan");
  assert.ok((await page.getByTestId("goal-card").count()) >= 2, "the sample plan's goals are listed");
});

test("where no service worker can be registered, every screen group comes in the background, so the app works offline while open", async () => {
  const { page, context } = await fresh();
  // The registration fails, as in a browser that refuses it.
  await context.route(/\/sw\.js$/, (route) => route.fulfill({ status: 404, body: "" }));
  await startWithSamplePlan(page, server.origin);
  const all = ["check_in", "journal", "plan", "session", "settings", "share"];
  await page.waitForFunction(
    (n) => new Set(performance.getEntriesByType("resource").map((e) => e.name).filter((u) => /\/split_[a-z_]+-/.test(u))).size >= n,
    all.length,
  );
  assert.deepEqual(await groupsFetched(page), all);
  await context.setOffline(true);
  try {
    for (const [link, title] of [["Plan", "Plan"], ["Check-in", "Check-in"], ["Journal", "Journal"], ["Settings", "Settings"]]) {
      await nav(page, link);
      await waitForScreen(page, title);
    }
  } finally {
    await context.setOffline(false);
  }
});

test("with a service worker, the page fetches only the groups of the screens shown, on the first visit and after", async () => {
  const { page } = await fresh();
  await startWithSamplePlan(page, server.origin);
  await waitForServiceWorkerControl(page);
  assert.deepEqual(await groupsFetched(page), ["session"], "Welcome and Today need no screen group; the worker stored them all");
  await page.reload();
  await waitForApp(page);
  // The background fetch would start once the browser is idle: give it the time.
  await page.evaluate(() => new Promise((ok) => requestIdleCallback(() => setTimeout(ok, 500))));
  assert.deepEqual(await groupsFetched(page), ["session"], "Today needs only its plan opened");
  await nav(page, "Journal");
  await waitForScreen(page, "Journal");
  assert.deepEqual(await groupsFetched(page), ["journal", "session"]);
});

test("while a screen's code is on its way, a sign says it is being opened; it goes once the screen shows", async () => {
  const { page } = await fresh({ worker: false });
  // Every screen group's file waits at this gate, as on a slow first visit.
  let open;
  const gate = new Promise((ok) => (open = ok));
  await page.route(/\/split_(?!session-)[a-z_]+-[0-9a-f]+\.wasm$/, async (route) => {
    await gate;
    await route.continue();
  });
  await startWithSamplePlan(page, server.origin);
  const sign = page.getByTestId("screen-loading");
  assert.equal(await sign.textContent(), "", "nothing is said while nothing is loading");
  await nav(page, "Journal");
  const words = sign.getByText("Opening your journal…");
  await words.waitFor();
  assert.equal(await sign.getAttribute("role"), "status", "a screen reader hears it");
  assert.match(await page.locator("main#main h1").textContent(), /Today/, "the old screen stays until the new one can show");

  open();
  await waitForScreen(page, "Journal");
  await words.waitFor({ state: "detached" });
  assert.equal(await sign.textContent(), "");
});

test("a first visit's Welcome is usable before the code that opens plans has come; it comes when the person starts a plan", async () => {
  const { page } = await fresh();
  await page.goto(server.origin + "/");
  const sample = page.getByTestId("try-sample");
  await sample.and(page.locator(":enabled")).waitFor();
  await page.evaluate(() => new Promise((ok) => requestIdleCallback(() => setTimeout(ok, 500))));
  assert.deepEqual(await groupsFetched(page), [], "nothing but the first download until the person acts");
  await sample.tap();
  await waitForScreen(page, "Today");
  await page.getByTestId("save-status").filter({ hasText: "Saved" }).waitFor();
  assert.deepEqual(await groupsFetched(page), ["session"]);
});

test("when the code that opens plans cannot be fetched, starting a plan says why and stores nothing; the next try works", async () => {
  const { page } = await fresh({ worker: false });
  const refuse = (route) => route.abort("internetdisconnected");
  await page.route(/\/split_session-[0-9a-f]+\.wasm$/, refuse);
  await page.goto(server.origin + "/");
  await page.getByLabel("Name of your plan").fill("Into product design");
  await page.getByRole("button", { name: "Start my plan" }).tap();
  const alert = page.getByRole("alert").filter({ hasText: "could not fetch the part of the app that opens and saves plans" });
  await alert.waitFor();
  assert.match(await alert.textContent(), /you seem to be offline/);
  assert.match(await page.locator("main#main h1").textContent(), /Welcome to Waymark/, "the person stays where they were");
  assert.equal(await page.evaluate(() => localStorage.getItem("waymark.has-data")), null, "nothing was stored");

  await page.unroute(/\/split_session-[0-9a-f]+\.wasm$/, refuse);
  await page.getByRole("button", { name: "Start my plan" }).tap();
  await waitForScreen(page, "Getting to know you");
});
