// The two other engines a client's phone may use, from Debian packages (no downloads; facts in
// ../shared/TOOLCHAIN.md): WebKit — WebKitGTK's MiniBrowser through WebKitWebDriver under Xvfb,
// spoken to over plain W3C WebDriver HTTP — and Firefox ESR through WebDriver BiDi with
// puppeteer-core. Playwright cannot drive either build. Both are wrapped in one small interface
// so each journey is written once:
//   goto(url), reload(), run(fn, ...args) (fn runs in the page, may be async, returns JSON),
//   newTab() / switchTo(tab) / tabs, consoleErrors, close().
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
const FIREFOX = "/usr/lib/firefox-esr/firefox-esr";
// A phone's width; both windows are sized to it (Firefox's BiDi here cannot emulate a viewport).
export const PHONE = { width: 390, height: 844 };

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
    s.on("error", fail);
  });
}

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** The body of a page-side call: `fn` applied to JSON arguments, awaited, errors as text. */
function pageCall(fn, args) {
  return `const done = arguments[arguments.length - 1];
    Promise.resolve().then(() => (${fn})(...${JSON.stringify(args)}))
      .then((value) => done({ ok: true, value: value === undefined ? null : value }),
            (e) => done({ ok: false, error: String(e) + (e && e.stack ? "\\n" + e.stack : "") }));`;
}

// ---------------------------------------------------------------- WebKit (WebKitGTK MiniBrowser)

class WebKit {
  name = "webkit";
  consoleErrors = [];

  /**
   * WebKitWebDriver and a MiniBrowser session. Once in CI a new MiniBrowser went away right
   * after its session was made (every command then answered "invalid session id"), failing
   * every WebKit journey at its first step: a start that fails is said and tried once more,
   * with a new driver.
   */
  static async launch() {
    try {
      return await WebKit.start();
    } catch (e) {
      console.error(`# WebKit did not start (${e.message}); trying once more with a new driver`);
      return WebKit.start();
    }
  }

  static async start() {
    const port = await freePort();
    const w = new WebKit();
    // xvfb-run gives MiniBrowser a display; -a picks a free one so runs do not collide.
    w.proc = spawn("xvfb-run", ["-a", "-s", "-screen 0 1280x1024x24", "WebKitWebDriver", `--port=${port}`], {
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    // MiniBrowser writes the page's console to stdout (a WebKitSettings switch below);
    // its errors are collected like the Chromium suite's console errors.
    const scan = (chunk) => {
      for (const line of String(chunk).split("\n")) {
        if (/CONSOLE \w+ ERROR/.test(line)) w.consoleErrors.push(line.trim());
      }
    };
    w.proc.stdout.on("data", scan);
    w.proc.stderr.on("data", scan);
    w.base = `http://127.0.0.1:${port}`;
    try {
      await w.open();
    } catch (e) {
      await w.close();
      throw e;
    }
    return w;
  }

  /** Waits for the driver, then makes the session and checks it answers. */
  async open() {
    const w = this;
    for (let i = 0; ; i++) {
      try {
        const r = await fetch(`${w.base}/status`);
        if (r.ok) break;
      } catch {}
      if (i > 100) throw new Error("WebKitWebDriver did not start");
      await sleep(100);
    }
    const session = await w.call("POST", "/session", {
      capabilities: {
        alwaysMatch: {
          browserName: "MiniBrowser",
          "webkitgtk:browserOptions": {
            binary: MINIBROWSER,
            args: ["--automation", "--enable-write-console-messages-to-stdout=true"],
          },
        },
      },
    });
    w.session = `/session/${session.sessionId}`;
    // WebDriver's own default waits 300 s for a page load before the next command; a load
    // that never finishes (seen once in CI, in the journey that leaves pages while they load)
    // then used up the whole file's time. A minute is plenty for any load here, and a stuck
    // one fails the step that caused it.
    await w.call("POST", `${w.session}/timeouts`, { pageLoad: 60000, script: 60000 }).catch(() => {});
    await w.call("POST", `${w.session}/window/rect`, PHONE).catch(() => {});
    w.tab = await w.call("GET", `${w.session}/window`);
  }

  async call(method, path, body) {
    const r = await fetch(this.base + path, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      // Beyond the driver's own page-load limit: a driver that stopped answering fails the
      // step with its command named instead of hanging the suite.
      signal: AbortSignal.timeout(90000),
    }).catch((e) => {
      throw new Error(`WebKitWebDriver ${method} ${path}: no answer (${e.name})`);
    });
    const json = await r.json();
    if (!r.ok) throw new Error(`WebKitWebDriver ${method} ${path}: ${JSON.stringify(json.value)}`);
    return json.value;
  }

  goto(url) {
    return this.call("POST", `${this.session}/url`, { url });
  }
  reload() {
    return this.call("POST", `${this.session}/refresh`, {});
  }
  async run(fn, ...args) {
    const r = await this.call("POST", `${this.session}/execute/async`, { script: pageCall(fn, args), args: [] });
    if (!r.ok) throw new Error(r.error);
    return r.value;
  }
  /** Chooses a file for <input type=file> `selector` as a person would (WebDriver Send Keys). */
  /**
   * MiniBrowser under automation does not pass the page's console on (the stdout switch above
   * is kept for builds that do), so each loaded page also records its errors itself; that
   * misses only what fails before the first call after a load.
   */
  async watchConsole() {
    await this.run(`() => {
      if (window.__waymarkErrors) return;
      window.__waymarkErrors = [];
      const error = console.error.bind(console);
      console.error = (...a) => { window.__waymarkErrors.push(a.map(String).join(" ")); error(...a); };
      addEventListener("error", (e) => window.__waymarkErrors.push(String(e.message)));
      addEventListener("unhandledrejection", (e) => window.__waymarkErrors.push(String(e.reason)));
    }`).catch(() => {});
  }
  async collectConsole() {
    const errors = await this.run(`() => {
      const e = window.__waymarkErrors ?? [];
      if (window.__waymarkErrors) window.__waymarkErrors = [];
      return e;
    }`).catch(() => []);
    this.consoleErrors.push(...errors);
  }
  async chooseFile(selector, path) {
    const el = await this.call("POST", `${this.session}/element`, { using: "css selector", value: selector });
    const id = Object.values(el)[0];
    await this.call("POST", `${this.session}/element/${id}/value`, { text: path });
  }
  get tabs() {
    return this.call("GET", `${this.session}/window/handles`);
  }
  async newTab() {
    const { handle } = await this.call("POST", `${this.session}/window/new`, { type: "tab" });
    return handle;
  }
  async switchTo(handle) {
    await this.call("POST", `${this.session}/window`, { handle });
    this.tab = handle;
  }
  async closeTab() {
    await this.call("DELETE", `${this.session}/window`);
  }
  async close() {
    if (this.session) await this.call("DELETE", this.session).catch(() => {});
    try {
      process.kill(-this.proc.pid);
    } catch {}
  }
}

// ---------------------------------------------------------------- Firefox ESR (WebDriver BiDi)

class Firefox {
  name = "firefox";
  consoleErrors = [];
  foreignRequests = [];
  pages = [];

  static async launch(profile) {
    const { default: puppeteer } = await import("puppeteer-core");
    const f = new Firefox();
    f.profile = profile ?? mkdtempSync(join(tmpdir(), "waymark-firefox-"));
    f.ownsProfile = !profile;
    f.browser = await puppeteer.launch({
      browser: "firefox",
      executablePath: FIREFOX,
      headless: true,
      userDataDir: f.profile,
      args: [`--width=${PHONE.width}`, `--height=${PHONE.height}`],
      extraPrefsFirefox: {
        // The app's own origin only: no updates, telemetry or captive-portal checks to muddy
        // the foreign-request check.
        "network.captive-portal-service.enabled": false,
        "network.connectivity-service.enabled": false,
        "dom.serviceWorkers.testing.enabled": false,
        // The page's languages (navigator.languages, which the app formats dates and numbers
        // for): British English, as in the Chromium suite ("5 Mar 2025"). WebKitGTK takes its
        // language from the system locale, of which this machine has only C: it reads en-US.
        "intl.accept_languages": "en-GB",
      },
    });
    const [page] = await f.browser.pages();
    f.page = f.watch(page ?? (await f.browser.newPage()));
    return f;
  }

  watch(page) {
    // Anything not on the loopback server is foreign (the app's origin is 127.0.0.1).
    page.on("request", (r) => {
      const url = r.url();
      if (!/^(http:\/\/127\.0\.0\.1:|data:|blob:|about:)/.test(url)) this.foreignRequests.push(url);
    });
    page.on("console", (m) => m.type() === "error" && this.consoleErrors.push(m.text()));
    page.on("pageerror", (e) => this.consoleErrors.push(String(e)));
    this.pages.push(page);
    return page;
  }

  async goto(url) {
    await this.page.goto(url, { waitUntil: "load" });
  }
  async reload() {
    await this.page.reload({ waitUntil: "load" });
  }
  async run(fn, ...args) {
    // A string is evaluated by the driver, outside the page's CSP (which forbids eval).
    const r = await this.page.evaluate(`(async () => {
      try {
        const value = await (${fn})(...${JSON.stringify(args)});
        return { ok: true, value: value === undefined ? null : value };
      } catch (e) {
        return { ok: false, error: String(e) + (e && e.stack ? "\\n" + e.stack : "") };
      }
    })()`);
    if (!r.ok) throw new Error(r.error);
    return r.value;
  }
  async chooseFile(selector, path) {
    const input = await this.page.$(selector);
    await input.uploadFile(path);
  }
  get tabs() {
    return Promise.resolve(this.pages.map((_, i) => i));
  }
  async newTab() {
    this.watch(await this.browser.newPage());
    return this.pages.length - 1;
  }
  async switchTo(i) {
    this.page = this.pages[i];
    await this.page.bringToFront();
  }
  async closeTab() {
    await this.page.close();
    this.pages.splice(this.pages.indexOf(this.page), 1);
  }
  /** Closes the browser but keeps its profile, for a cold start. */
  async quit() {
    await this.browser.close();
  }
  async close() {
    await this.browser.close().catch(() => {});
    if (this.ownsProfile) rmSync(this.profile, { recursive: true, force: true });
  }
}

export const ENGINES = { webkit: () => WebKit.launch(), firefox: () => Firefox.launch() };
export { Firefox, WebKit };
