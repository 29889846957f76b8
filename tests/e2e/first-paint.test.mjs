// What a person sees before the wasm has arrived: index.html's static first screen (the
// Waymark header, an empty bottom bar, and "Opening your plan…", or on a new device the
// Welcome screen itself) in the theme they chose, under the same CSP, with nothing for axe to
// flag, and gone once the app has mounted (one header, one navigation for a screen reader),
// with nothing moved. The wasm request is held to stand for a slow network.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { CHROMIUM_FLAGS, openBrowser, serve, waitForApp } from "./harness.mjs";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const LIGHT_BG = "rgb(246, 244, 239)";
const DARK_BG = "rgb(22, 26, 31)";

let server;
before(async () => {
  server = await serve();
});
after(() => server?.stop());

/** Opens `path` with the wasm download held back; `release()` lets it through. */
async function openWithWasmHeld(page, path = "/") {
  let held;
  const arrived = new Promise((ok) => (held = ok));
  await page.route(/_bg\.wasm$/, (route) => held(route));
  await page.goto(server.origin + path, { waitUntil: "domcontentloaded" });
  const route = await arrived;
  return async () => {
    await route.continue();
    await page.unroute(/_bg\.wasm$/);
  };
}

const background = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

const axeViolations = async (page) => {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
};

/** Where the Welcome screen's parts are, and what they say, in `root`. */
const welcomeLayout = (page, root) =>
  page.evaluate((root) => {
    const parts = document.querySelectorAll(`${root} h1, ${root} .lead, ${root} .card, ${root} .card h2, ${root} .card p, ${root} .card label, ${root} .card input, ${root} .card .button`);
    return [...parts].map((e) => {
      const r = e.getBoundingClientRect();
      const card = e.classList.contains("card");
      return `${card ? "card" : e.tagName} ${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)} ${card ? "" : e.value || e.textContent.trim()}`;
    });
  }, root);

test("on a new device the Welcome screen is drawn before the wasm arrives, and the app's own takes its place without anything moving", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const browser = await openBrowser(server.origin, { colorScheme });
    try {
      const { page } = browser;
      const release = await openWithWasmHeld(page);
      // "/" on a device with no plan is the Welcome screen: the address says so at once.
      assert.equal(new URL(page.url()).pathname, "/welcome");
      assert.ok(await page.locator(".boot-welcome h1", { hasText: "Welcome to Waymark" }).isVisible());
      assert.equal(await page.getByText("Opening your plan…").isVisible(), false);
      // Decoration until the app is there: nothing to tap or tab to, a status to hear.
      assert.equal(await page.getByRole("button").count(), 0);
      assert.equal(await page.getByRole("textbox").count(), 0);
      assert.equal(await page.getByRole("status").textContent(), "Opening Waymark…");
      assert.deepEqual(await axeViolations(page), []);
      const drawn = await welcomeLayout(page, ".boot-welcome");
      assert.ok(drawn.length >= 15, drawn.join("\n"));

      await release();
      await page.getByTestId("try-sample").waitFor();
      assert.equal(await page.locator(".boot").count(), 0);
      assert.deepEqual(await welcomeLayout(page, "main#main"), drawn);
      assert.equal(new URL(page.url()).pathname, "/welcome");
      assert.deepEqual(browser.consoleErrors, []);
    } finally {
      await browser.close();
    }
  }
});

test("on a slow network the wasm is not fetched before the Welcome screen is shown, even when that takes seconds", async () => {
  const browser = await openBrowser(server.origin);
  try {
    const { page } = browser;
    // The first paint waits for the stylesheets (and so does the module script that asks for
    // the wasm): these take 2.5 s, as on a slow phone network.
    await page.route(/\.css$/, async (route) => {
      await new Promise((ok) => setTimeout(ok, 2500));
      await route.continue();
    });
    let shownWhenFetched;
    const fetched = new Promise((ok) => (shownWhenFetched = ok));
    await page.route(/_bg\.wasm$/, async (route) => {
      shownWhenFetched(await page.evaluate(() => performance.getEntriesByType("paint").map((e) => e.name)));
      await route.continue();
    });
    await page.goto(server.origin + "/", { waitUntil: "commit" });
    assert.ok((await fetched).includes("first-contentful-paint"), "the Welcome screen was painted before the wasm was asked for");
    await page.getByTestId("try-sample").waitFor();
    assert.deepEqual(browser.consoleErrors, []);
  } finally {
    await browser.close();
  }
});

test("a coach's new device waits for the app's Welcome, which has a coach's words", async () => {
  const browser = await openBrowser(server.origin);
  try {
    const { page } = browser;
    // As Settings stores the role (store/preferences.rs).
    await page.addInitScript(() => localStorage.setItem("waymark.role", JSON.stringify("coach")));
    const release = await openWithWasmHeld(page);
    assert.equal(await page.getByRole("status").textContent(), "Opening your plan…");
    assert.equal(await page.locator(".boot-welcome").isVisible(), false);
    await release();
    await page.getByRole("heading", { name: "Start a plan for a client" }).waitFor();
  } finally {
    await browser.close();
  }
});

test("a device with a plan is told the plan is opening until the app has drawn it", async () => {
  const browser = await openBrowser(server.origin);
  try {
    const { page } = browser;
    // A device that has stored a plan carries the store's "has data" marker (store/device.rs).
    // (A real plan would bring the service worker, which serves the wasm past the hold.)
    await page.addInitScript(() => localStorage.setItem("waymark.has-data", "true"));
    const release = await openWithWasmHeld(page);
    assert.equal(new URL(page.url()).pathname, "/");
    assert.equal(await page.locator(".boot-welcome").isVisible(), false);
    assert.equal(await page.locator(".boot .app-name").textContent().then((t) => t.trim()), "Waymark");
    assert.ok(await page.locator(".boot .app-name").isVisible());
    assert.ok(await page.locator(".boot .bottom-nav").isVisible());
    assert.equal(await page.getByRole("status").textContent(), "Opening your plan…");
    // The frame is decoration for a screen reader: only the status is announced, and the
    // placeholder bar offers nothing to tab to.
    assert.equal(await page.locator(".boot a[href]").count(), 0);
    assert.equal(await page.getByRole("navigation").count(), 0);
    assert.equal(await background(page), LIGHT_BG);

    assert.deepEqual(await axeViolations(page), []);

    await release();
    await waitForApp(page);
    assert.equal(await page.locator(".boot").count(), 0);
    assert.equal(await page.locator(".app-name").count(), 1);
    assert.equal(await page.getByRole("banner").count(), 1);
    assert.equal(await page.getByRole("navigation", { name: "Main" }).count(), 1);
    // The theme script and the loader both ran under the CSP: no violation was reported.
    assert.deepEqual(browser.consoleErrors, []);
    assert.deepEqual(browser.foreignRequests, []);
  } finally {
    await browser.close();
  }
});

for (const [system, saved, expected] of [
  ["dark", null, DARK_BG],
  ["dark", "light", LIGHT_BG],
  ["light", "dark", DARK_BG],
]) {
  test(`on a ${system} system with ${saved ?? "no"} theme chosen in Settings the first screen is ${saved ?? system} from its first paint`, async () => {
    const browser = await openBrowser(server.origin, { colorScheme: system });
    try {
      const { page } = browser;
      if (saved) {
        // As Settings stores it (store/preferences.rs): JSON under waymark.theme.
        await page.addInitScript((t) => localStorage.setItem("waymark.theme", JSON.stringify(t)), saved);
      }
      const release = await openWithWasmHeld(page);
      assert.equal(await background(page), expected);
      await release();
      await waitForApp(page);
      assert.equal(await background(page), expected);
      assert.deepEqual(browser.consoleErrors, []);
    } finally {
      await browser.close();
    }
  });
}

test("without JavaScript the first screen says what Waymark needs", async () => {
  // Chromium's own setting, so the HTML parser shows <noscript> (Playwright's
  // javaScriptEnabled only stops scripts from running).
  const browser = await openBrowser(server.origin, {
    context: { args: [...CHROMIUM_FLAGS, "--blink-settings=scriptEnabled=false"] },
  });
  try {
    const { page } = browser;
    await page.goto(server.origin + "/");
    // Playwright's text search skips <noscript>, so the element is named.
    const needs = page.locator("noscript p");
    assert.equal(await needs.textContent(), "Waymark needs JavaScript and WebAssembly to run.");
    assert.ok(await needs.isVisible());
  } finally {
    await browser.close();
  }
});

test("a browser without WebAssembly is told so instead of waiting forever", async () => {
  const browser = await openBrowser(server.origin);
  try {
    const { page } = browser;
    await page.addInitScript(() => delete window.WebAssembly);
    await page.goto(server.origin + "/");
    assert.ok(await page.getByText("This browser cannot run Waymark: it needs WebAssembly.", { exact: false }).isVisible());
    assert.equal(await page.getByText("Opening your plan…").isVisible(), false);
    assert.equal(await page.locator(".boot-welcome").isVisible(), false);
  } finally {
    await browser.close();
  }
});
