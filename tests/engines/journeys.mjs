// The journeys that matter most on a phone, in the two engines besides Chromium that clients'
// phones use — WebKit (every iPhone browser) and Firefox — against the release build (dist/)
// served by scripts/serve.mjs on a loopback port. Each engine walks, in order:
//   first run and the sample plan; a guided check-in; a reflection saved, reloaded, searched;
//   the service worker in control; an offline reload and a cold offline start; two tabs; a plan
//   file exported plain and passphrase-protected (WebCrypto); the browser clearing the
//   database (eviction notice) and the protected backup bringing everything back; the update
//   banner after a new deploy; and, throughout, no console error and no foreign request.
// How each step is driven where an engine's driver cannot do what Chromium's can is said at
// the step (network off, downloads, cold start). RELIABILITY.md's engine table records them.
// webkit.test.mjs and firefox.test.mjs each walk them in one engine.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Firefox, WebKit } from "./drivers.mjs";

const ROOT = resolve(import.meta.dirname, "../..");
const DIST = process.env.WAYMARK_DIST ?? join(ROOT, "dist");
const ENGINES = (process.env.WAYMARK_ENGINES ?? "webkit,firefox").split(",");

/** scripts/serve.mjs on `port`; stopping it is the network going away for this origin. */
async function startServer(dir, port) {
  const child = spawn(process.execPath, [join(ROOT, "scripts/serve.mjs"), dir, String(port)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise((ok, fail) => {
    child.stdout.on("data", (chunk) => String(chunk).includes("served at") && ok());
    child.on("exit", (code) => fail(new Error(`server exited with ${code}`)));
  });
  return {
    stop: () =>
      new Promise((ok) => {
        child.removeAllListeners("exit");
        child.on("exit", ok);
        child.kill();
      }),
  };
}

// Page-side helpers, defined in every call (`run(W => …)`): find by visible text and label,
// type as a keyboard would (value + input event, which Leptos's bind:value listens to), tap.
const HELPERS = `{
  async wait(pred, what, ms = 20000) {
    const end = Date.now() + ms;
    for (;;) {
      const v = await pred();
      if (v) return v;
      if (Date.now() > end) throw new Error("timed out waiting for " + what + " on " + location.pathname);
      await new Promise((ok) => setTimeout(ok, 50));
    }
  },
  text: (sel) => document.querySelector(sel)?.textContent ?? "",
  byText: (sel, words) => [...document.querySelectorAll(sel)].find((el) => el.textContent.trim() === words),
  byLabel: (words) => {
    const label = [...document.querySelectorAll("label")].find((l) => l.textContent.trim().startsWith(words));
    if (!label) return null;
    return label.htmlFor ? document.getElementById(label.htmlFor) : label.querySelector("input, textarea, select");
  },
  fill: (el, value) => {
    const proto = Object.getPrototypeOf(el);
    Object.getOwnPropertyDescriptor(proto, "value").set.call(el, value);
    el.dispatchEvent(new Event("input", { bubbles: true }));
    el.dispatchEvent(new Event("change", { bubbles: true }));
  },
  // Waits until the control is there and enabled (a button is disabled while the app works).
  async tap(find, what) {
    const el = await this.wait(() => {
      const el = typeof find === "function" ? find() : find;
      return el && !el.disabled && el;
    }, what + " to be enabled");
    el.click();
  },
}`;

/**
 * The journeys in one engine. Each engine has its own test file (webkit.test.mjs,
 * firefox.test.mjs), so each runs in its own process: a browser that dies mid-journey
 * fails that engine's journeys only. `WAYMARK_ENGINES=webkit` (or `firefox`) runs one.
 */
export function journeys(engine) {
  describe(`${engine}: a phone's journeys`, { skip: !ENGINES.includes(engine) && `WAYMARK_ENGINES=${ENGINES}` }, () => {
    const launch = () => (engine === "webkit" ? WebKit.launch() : Firefox.launch(profile));
    const dir = mkdtempSync(join(tmpdir(), "waymark-dist-"));
    const files = mkdtempSync(join(tmpdir(), "waymark-files-"));
    const port = 20000 + Math.floor(Math.random() * 20000);
    const origin = `http://127.0.0.1:${port}`;
    const foreign = new Set();
    let profile, server, b;

    /** Runs `fn(W, ...args)` in the page, W being the helpers above. */
    const run = (fn, ...args) =>
      b.run(
        // An element found is answered as `true`: the drivers cannot hand DOM nodes back alike.
        `async (...a) => { const W = ${HELPERS}; const v = await (${fn})(W, ...a); return v instanceof Node ? true : v; }`,
        ...args
      );
    /** Retries across a page that is still loading or navigating. */
    async function until(fn, what, ms = 30000) {
      const end = Date.now() + ms;
      let last;
      for (;;) {
        try {
          const v = await run(fn);
          if (v) return v;
        } catch (e) {
          last = e;
        }
        if (Date.now() > end) {
          const seen = await b.run(`() => location.pathname + ": " + (document.querySelector("main")?.innerText ?? "").slice(0, 300)`).catch(() => "");
          throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ""}\n  the page shows ${seen}`);
        }
        await new Promise((ok) => setTimeout(ok, 100));
      }
    }
    /** Records any request the page made outside its own origin. */
    async function noteRequests() {
      const urls = await run(() =>
        performance
          .getEntriesByType("resource")
          .map((e) => e.name)
          .filter((u) => !u.startsWith(location.origin) && !u.startsWith("data:") && !u.startsWith("blob:"))
      ).catch(() => []);
      urls.forEach((u) => foreign.add(u));
    }
    const appReady = () => until((W) => document.querySelector("main#main h1"), "the app to start");
    async function go(path) {
      await noteRequests();
      await b.collectConsole?.();
      await b.goto(origin + path);
      await appReady();
      await b.watchConsole?.();
    }
    async function reload() {
      await noteRequests();
      await b.collectConsole?.();
      await b.reload();
      await appReady();
      await b.watchConsole?.();
    }
    // What the header said when "Saved" did not come tells a stalled save (WebKit's storage,
    // seen once in CI after the server stopped) from a failed one.
    const saved = () =>
      run((W) =>
        W.wait(() => /Saved/.test(W.text('[data-testid="save-status"]')), "Saved").catch((e) => {
          throw new Error(`${e.message}; the header says "${W.text(".header-status")}"`);
        }),
      );
    async function journalFinds(words) {
      await go("/journal");
      return run(async (W, words) => {
        await W.wait(() => document.querySelector('[data-testid="journal-count"]'), "the journal");
        W.fill(document.querySelector('input[type="search"]'), words);
        await W.wait(() => /found/.test(W.text('[data-testid="journal-count"]')), "search results");
        return W.text('[data-testid="journal-count"]');
      }, words);
    }
    async function writeReflection(words) {
      await go("/journal/new");
      await run(async (W, words) => {
        const t = await W.wait(() => document.querySelector("#reflection-text"), "the editor");
        W.fill(t, words);
        t.dispatchEvent(new FocusEvent("blur"));
        t.blur();
      }, words);
      await saved();
    }
    /** The file an export button hands to the browser's download, caught at that hand-over. */
    async function exportFile(kind, passphrase) {
      await go("/share");
      const file = await run(
        async (W, kind, passphrase) => {
          // Downloads are not drivable in these engines' drivers; the app's own path runs up to
          // the <a download> click, where the Blob and the file name are caught instead.
          const blobs = [];
          const create = URL.createObjectURL;
          URL.createObjectURL = (blob) => (blobs.push(blob), create.call(URL, blob));
          const click = HTMLAnchorElement.prototype.click;
          let name = null;
          HTMLAnchorElement.prototype.click = function () {
            if (this.download) name = this.download;
            else click.call(this);
          };
          try {
            const choice = await W.wait(
              () => [...document.querySelectorAll("label.choice")].find((l) => l.textContent.includes(kind)),
              kind
            );
            await W.tap(choice.querySelector("input"), kind);
            W.fill(document.querySelector("#export-passphrase"), passphrase);
            await W.tap(() => W.byText("button", "Download file"), "Download file");
            await W.wait(() => name && /\.waymark\.json is ready\./.test(document.body.textContent), "the file");
          } finally {
            URL.createObjectURL = create;
            HTMLAnchorElement.prototype.click = click;
          }
          return { name, text: await blobs.at(-1).text() };
        },
        kind,
        passphrase
      );
      const path = join(files, file.name);
      writeFileSync(path, file.text);
      return { ...file, path };
    }

    before(async () => {
      cpSync(DIST, dir, { recursive: true });
      if (engine === "firefox") profile = mkdtempSync(join(tmpdir(), "waymark-firefox-"));
      server = await startServer(dir, port);
      b = await launch();
    });
    after(async () => {
      await b?.close();
      await server?.stop();
      for (const d of [dir, files, profile]) if (d) rmSync(d, { recursive: true, force: true });
    });

    test("first run: the sample plan opens and is saved", async () => {
      await go("/welcome");
      await run((W) => W.tap(() => document.querySelector('[data-testid="try-sample"]'), "Try the sample plan"));
      await until(() => location.pathname === "/", "Today");
      await saved();
      await go("/plan");
      const goals = await run((W) =>
        W.wait(() => document.querySelectorAll(".goal-card-title").length, "goals").then(() =>
          [...document.querySelectorAll(".goal-card-title")].map((g) => g.textContent.trim())
        )
      );
      assert.ok(goals.includes("Build a UX research portfolio"), `the sample plan's goals are listed: ${goals}`);
    });

    test("Settings says what protects the data on this browser", async () => {
      await go("/settings");
      const said = await until(() => {
        const t = document.querySelector('[data-testid="storage-persisted"]')?.textContent ?? "";
        return !/Checking/.test(t) && t;
      }, "the storage status");
      const canPersist = await run(() => typeof navigator.storage?.persist === "function");
      if (canPersist) assert.match(said, /^(Protected|Not protected: the browser may clear)/);
      else assert.match(said, /cannot be asked to keep Waymark's data.*seven days.*Home Screen.*backup file/s);
      if (engine === "webkit") assert.equal(canPersist, false, "WebKitGTK has no persist(); if it gains one, update RELIABILITY.md");
    });

    test("a guided check-in is saved and listed", async () => {
      await go("/checkin/run");
      const summary = await run(async (W) => {
        const step = () => W.text('[data-testid="step-indicator"]').trim();
        const next = async () => {
          const before = step();
          await W.tap(() => W.byText("button", "Next"), "Next");
          await W.wait(() => step() !== before, "the next step");
        };
        await W.wait(() => step() === "Step 1 of 5", "step 1");
        W.fill(W.byLabel("Progress since last time"), "Checked in from a phone.");
        await next();
        await next();
        await next();
        for (const [legend, value] of [["How confident", "7"], ["Your mood", "4"]]) {
          const group = [...document.querySelectorAll("fieldset")].find((f) => f.querySelector("legend")?.textContent.startsWith(legend));
          const option = [...group.querySelectorAll("label")].find((l) => l.textContent.trim() === value);
          await W.tap(option.querySelector("input"), `${legend} ${value}`);
        }
        await next();
        const summary = W.text('[data-testid="checkin-summary"]');
        await W.tap(() => W.byText("button", "Save check-in"), "Save check-in");
        await W.wait(() => document.querySelector('[data-testid="checkin-done"]'), "the check-in to be saved");
        return summary;
      });
      assert.match(summary, /Checked in from a phone\./);
      assert.match(summary, /Confidence 7\/10 · Mood 4\/5/);
      await saved();
      await go("/checkin");
      const latest = await run((W) =>
        W.wait(() => document.querySelector('[data-testid="past-checkins"] details'), "past check-ins").then((d) => d.textContent)
      );
      assert.match(latest, /Confidence 7\/10 · Mood 4\/5/);
    });

    test("a reflection is saved, survives a reload and is found by search", async () => {
      await writeReflection("Rehearsed the portfolio talk on the bus, quokka notes.");
      await reload();
      assert.equal(await journalFinds("quokka"), "1 reflection found");
    });

    test("the service worker takes control", async () => {
      await go("/");
      await until(() => !!navigator.serviceWorker?.controller, "a service worker in control", 60000).catch(async () => {
        // Once in a while the first install is slow; a person's next start retries it.
        await reload();
        await until(() => !!navigator.serviceWorker?.controller, "a service worker in control", 60000);
      });
    });

    test("leaving pages while they load breaks nothing: the page that arrives starts, the offline copy stays whole", async () => {
      // A person tapping through screens faster than they load (links 80 ms apart, each page
      // left while its script and wasm are still coming from the service worker). Firefox
      // reports each load cut short this way in the console of the page being left ("Failed
      // to load '…_bg.wasm'. A ServiceWorker intercepted the request and encountered an
      // unexpected error", sometimes with an empty name in the quotes, an AbortError, an integrity mismatch computed over the part of the
      // script that arrived); without the worker's fetch handler the same aborted loads are
      // reported as "NetworkError when attempting to fetch resource". They belong to pages
      // that are gone; what a person could see or lose is checked instead.
      await go("/");
      await b.collectConsole?.();
      const before = b.consoleErrors.length;
      const paths = ["/journal", "/plan", "/", "/checkin", "/settings", "/share"];
      const taps = [];
      for (let round = 0; round < 4; round++) {
        for (const path of paths) {
          taps.push(b.run(`() => { location.href = ${JSON.stringify(path)}; }`).catch(() => {}));
          await new Promise((ok) => setTimeout(ok, 80));
        }
      }
      // A driver may queue the taps behind page loads: none may land in a later step.
      await Promise.all(taps);
      await go("/journal");
      assert.equal(await journalFinds("quokka"), "1 reflection found", "the page that arrives works");
      await b.collectConsole?.();
      const cutShort = b.consoleErrors.splice(before);
      const abortedLoad = [
        /^(Error: )?Failed to load ‘[^’]*’\. A ServiceWorker intercepted the request and encountered an unexpected error\.$/,
        /^(Error: )?AbortError: The operation was aborted\. ?$/,
        /^(Error: )?TypeError: NetworkError when attempting to fetch resource\.$/,
        // The integrity check ran over the part of the script that arrived before the cut
        // (often none: the sha384 of zero bytes). A real mismatch would stop the page that
        // arrives from starting, which the journal check above would show.
        /^(Error: )?None of the “sha384” hashes in the integrity attribute match the content of the subresource at “[^”]+”\. The computed hash is “[A-Za-z0-9+/=]+”\.$/,
      ];
      const other = cutShort.filter((e) => !abortedLoad.some((re) => re.test(e)));
      assert.deepEqual(other, [], "no error but the reports of loads cut short by leaving their page");

      // Nothing of the offline copy was written while pages were left: every cached file is
      // the build's, byte for byte, under the one current cache.
      const cached = await run(async () => {
        const out = {};
        for (const key of await caches.keys()) {
          const cache = await caches.open(key);
          for (const req of await cache.keys()) {
            const body = await (await cache.match(req)).arrayBuffer();
            const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", body));
            out[key + " " + new URL(req.url).pathname] = btoa(String.fromCharCode(...hash));
          }
        }
        return out;
      });
      const id = readFileSync(join(dir, "sw.js"), "utf8").match(/const BUILD_ID = "([^"]+)"/)[1];
      const precached = JSON.parse(readFileSync(join(dir, "sw.js"), "utf8").match(/const PRECACHE = (\[[^\]]*\]);/)[1]);
      const expected = Object.fromEntries(
        precached.map((path) => [
          `waymark-${id} ${path}`,
          createHash("sha256").update(readFileSync(join(dir, path === "/" ? "index.html" : path))).digest("base64"),
        ])
      );
      assert.deepEqual(cached, expected);
    });

    test("offline: a reload and a cold start open the app, with everything saved", async () => {
      // No driver here can switch these engines' network off (WebKitWebDriver has no network
      // emulation; Firefox 140's BiDi has no offline mode), so the network goes away the way
      // a phone sees it: the server stops answering (connection refused).
      await server.stop();
      await go("/journal");
      assert.equal(await journalFinds("quokka"), "1 reflection found", "an offline reload shows the journal");
      await writeReflection("Written offline: wombat plans.");
      await reload();
      assert.equal(await journalFinds("wombat"), "1 reflection found");

      if (engine === "firefox") {
        // A cold start: the browser quits and starts again on the same profile, still offline.
        await b.quit();
        b = await launch();
      } else {
        // MiniBrowser's automation session keeps its data only while it lives, so the cold
        // start is a new tab after every Waymark tab has closed.
        const old = b.tab;
        const fresh = await b.newTab();
        await b.switchTo(old);
        await b.closeTab();
        await b.switchTo(fresh);
      }
      await go("/plan");
      // The heading shows before the plan is read from storage; the goals follow it.
      assert.ok(await until(() => document.querySelectorAll(".goal-card-title").length > 0, "the goals offline"), "the goals show offline");
      assert.equal(await journalFinds("wombat"), "1 reflection found", "what was written offline is there");
      server = await startServer(dir, port);
    });

    test("two tabs: a reflection saved in one shows in the other's journal", async () => {
      await go("/journal");
      const first = b.tab ?? 0;
      const second = await b.newTab();
      await b.switchTo(second);
      await writeReflection("From the second tab: axolotl.");
      await b.switchTo(first);
      // The first tab was open on the journal all along; it learns of the save without a reload.
      await until(
        (W) => [...document.querySelectorAll('[data-testid="journal-entry"]')].some((e) => /axolotl/.test(e.textContent)),
        "the other tab's reflection"
      );
      await b.switchTo(second);
      await b.closeTab();
      await b.switchTo(first);
    });

    let backup;
    test("a plan file is exported plain and passphrase-protected (WebCrypto)", async () => {
      const plain = await exportFile("Full backup", "");
      assert.match(plain.name, /\.waymark\.json$/);
      const json = JSON.parse(plain.text);
      assert.equal(json.kind, "plan");
      assert.match(plain.text, /quokka notes/, "the full backup holds the journal");

      backup = await exportFile("Full backup", "correct horse battery");
      assert.doesNotMatch(backup.text, /quokka/, "the protected file does not show its contents");
      assert.doesNotMatch(backup.text, /Build a UX research portfolio/);
    });

    test("the browser clears the database: the app says so, and the protected backup brings everything back", async () => {
      await go("/settings");
      // What eviction does: the stored records go, localStorage may stay. Neither driver can
      // clear a site's storage (Chromium's DevTools can) and a deleteDatabase stays blocked by
      // the open app, which WebKit drops when the page unloads; so a second connection empties
      // every object store, and the app starts again on an empty database.
      await run(async () => {
        const req = (r) => new Promise((ok, fail) => ((r.onsuccess = () => ok(r.result)), (r.onerror = () => fail(r.error))));
        const db = await req(indexedDB.open("waymark"));
        const names = [...db.objectStoreNames];
        const tx = db.transaction(names, "readwrite");
        names.forEach((n) => tx.objectStore(n).clear());
        await new Promise((ok, fail) => ((tx.oncomplete = ok), (tx.onerror = () => fail(tx.error))));
        db.close();
      });
      await b.goto(origin + "/");
      await appReady();
      const cleared = await until(() => document.querySelector('[data-testid="storage-cleared"]')?.textContent, "the eviction notice");
      assert.match(cleared, /cleared Waymark's stored data/);

      await run((W) => W.tap(() => W.byText("a", "Restore from a backup file"), "Restore from a backup file"));
      await until(() => location.pathname === "/share" && document.querySelector("#import-file"), "the import");
      await b.watchConsole?.();
      await b.chooseFile("#import-file", backup.path);
      const preview = await run(async (W) => {
        const pass = await W.wait(() => document.querySelector("#import-passphrase"), "the passphrase prompt");
        W.fill(pass, "correct horse battery");
        await W.tap(() => W.byText("button", "Open file"), "Open file");
        return (await W.wait(() => document.querySelector('[data-testid="import-preview"]'), "the preview")).textContent;
      });
      assert.match(preview, /Full backup|plan/i);
      await run((W) => W.tap(() => W.byText("button", "Import"), "Import"));
      await until(() => location.pathname === "/plan" && document.querySelectorAll(".goal-card-title").length, "the goals back");
      assert.equal(await journalFinds("quokka"), "1 reflection found", "the journal is back");
      assert.equal(await journalFinds("wombat"), "1 reflection found");
    });

    test("a new deploy: the update banner waits for the person, then Reload runs the new version", async () => {
      await go("/journal");
      const swPath = join(dir, "sw.js");
      const oldSw = readFileSync(swPath, "utf8");
      const oldId = oldSw.match(/const BUILD_ID = "([^"]+)"/)[1];
      const newId = "e".repeat(16);
      writeFileSync(swPath, oldSw.replace(`const BUILD_ID = "${oldId}"`, `const BUILD_ID = "${newId}"`));
      // The new worker precaches the whole build before the banner shows: slow on a busy machine.
      await reload();
      const banner = await until(() => document.querySelector('[data-testid="update-banner"]')?.textContent, "the update banner", 120000);
      assert.match(banner, /A new version is ready/);
      await b.run(`async () => { [...document.querySelectorAll('[data-testid="update-banner"] button')].find((x) => x.textContent.trim() === "Reload").click(); }`);
      await until(async () => {
        const keys = await caches.keys();
        return keys.length === 1 && keys[0] === `waymark-${"e".repeat(16)}` && document.querySelector("main#main h1");
      }, "the new version's cache alone");
      // The reload that follows the new worker's takeover may still be under way: wait for the
      // page it brings.
      await until(() => /Journal/.test(document.querySelector("main#main h1")?.textContent ?? ""), "the journal again");
      await b.watchConsole?.();
      assert.deepEqual(await run(() => caches.keys()), [`waymark-${newId}`]);
    });

    test("no console error and no request outside the app's origin", async () => {
      await noteRequests();
      await b.collectConsole?.();
      assert.deepEqual(b.consoleErrors, []);
      assert.deepEqual([...foreign, ...(b.foreignRequests ?? [])], []);
    });
  });
}
