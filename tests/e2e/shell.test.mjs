// The app shell at phone size: it renders, navigates, keeps the back button working, and is
// usable by keyboard and screen reader (landmarks, one h1, skip link, named controls).
import { test } from "node:test";
import assert from "node:assert/strict";
import { sampleBrowserForFile, waitForApp, waitForScreen } from "./harness.mjs";

const sample = sampleBrowserForFile();

test("the shell renders at 390x844 and every area is reachable from the bottom navigation", async () => {
  const { page } = sample.browser;
  await page.goto(sample.origin + "/");
  await waitForApp(page);
  assert.match(await page.locator("h1").textContent(), /Today/);
  assert.match(await page.title(), /Today · Waymark/);

  const nav = page.getByRole("navigation", { name: "Main" });
  const areas = [
    ["Plan", "/plan", "Plan"],
    ["Check-in", "/checkin", "Check-in"],
    ["Journal", "/journal", "Journal"],
    ["Settings", "/settings", "Settings"],
    ["Today", "/", "Today"],
  ];
  for (const [label, path, heading] of areas) {
    await nav.getByRole("link", { name: label }).tap();
    await page.waitForURL(sample.origin + path);
    await waitForScreen(page, new RegExp(heading));
    assert.equal(await nav.getByRole("link", { name: label }).getAttribute("aria-current"), "page");
  }
});

test("the back button returns to the previous area", async () => {
  const { page } = sample.browser;
  await page.goto(sample.origin + "/");
  await waitForApp(page);
  await page.getByRole("link", { name: "Journal" }).tap();
  await page.waitForURL(/\/journal$/);
  await page.getByRole("link", { name: "Settings" }).tap();
  await page.waitForURL(/\/settings$/);
  await page.goBack();
  await page.waitForURL(/\/journal$/);
  await waitForScreen(page, "Journal");
});

test("a deep link opens its screen directly", async () => {
  const { page } = sample.browser;
  await page.goto(sample.origin + "/journal");
  await waitForApp(page);
  assert.match(await page.locator("h1").textContent(), /Journal/);
});

test("an unknown address says so and links home", async () => {
  const { page } = sample.browser;
  await page.goto(sample.origin + "/no/such/place");
  await waitForApp(page);
  assert.equal(await page.locator("h1").textContent(), "Page not found");
  assert.ok(await page.getByRole("link", { name: "Go to Today" }).isVisible());
});

test("landmarks, a skip link, and touch targets of at least 44px", async () => {
  const { page } = sample.browser;
  await page.goto(sample.origin + "/settings");
  await waitForApp(page);
  assert.equal(await page.locator("header").count(), 1);
  assert.equal(await page.locator("main").count(), 1);
  assert.equal(await page.locator("h1").count(), 1);

  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => document.activeElement?.textContent);
  assert.equal(focused, "Skip to content");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "main");

  const small = await page.evaluate(() =>
    [...document.querySelectorAll("a, button, input, select, textarea")]
      .filter((el) => el.offsetParent !== null && !el.classList.contains("skip-link"))
      // A control inside a <label> is tapped through its label.
      .map((el) => ({ el: el.textContent.trim() || el.outerHTML.slice(0, 60), r: (el.closest("label") ?? el).getBoundingClientRect() }))
      .filter(({ r }) => r.width < 44 || r.height < 44)
      .map(({ el, r }) => `${el} (${Math.round(r.width)}x${Math.round(r.height)})`)
  );
  assert.deepEqual(small, []);
});

test("nothing overflows the screen at 360px wide", async () => {
  const { page } = sample.browser;
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ["/", "/plan", "/checkin", "/journal", "/settings"]) {
    await page.goto(sample.origin + path);
    await waitForApp(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${path} is ${overflow}px wider than the screen`);
  }
  await page.setViewportSize({ width: 390, height: 844 });
});

test("when the text grows while the app is open, the page keeps room for the taller bottom bar", async () => {
  const { page } = sample.browser;
  await page.goto(sample.origin + "/");
  await waitForApp(page);
  /** The bar's height and the room the page keeps for it, after `fontSize` (if given) is set. */
  const measure = (fontSize) =>
    page.evaluate(async (fontSize) => {
      if (fontSize) document.documentElement.style.fontSize = fontSize;
      await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
      const bar = document.querySelector("nav.bottom-nav").offsetHeight;
      return { bar, room: parseFloat(getComputedStyle(document.documentElement).getPropertyValue("--nav-space")) };
    }, fontSize ?? null);
  const before = await measure();
  assert.equal(before.room, before.bar);
  try {
    const after = await measure("200%");
    assert.ok(after.bar > before.bar, `the bar grew with the text (${before.bar} → ${after.bar} px)`);
    assert.equal(after.room, after.bar, "the room kept at the page's foot is the bar's new height");
  } finally {
    await page.evaluate(() => (document.documentElement.style.fontSize = ""));
  }
});

test("no console errors and no request to another origin", () => {
  assert.deepEqual(sample.browser.consoleErrors, []);
  assert.deepEqual(sample.browser.foreignRequests, []);
});
