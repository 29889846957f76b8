// The manifest's images that are not hand-drawn: the shortcut icons (drawn here as SVG, rendered
// to PNG by Chromium) and the install dialog's screenshots (the real app from the release build,
// with the sample plan, narrow at 390x844 and wide at 1280x800).
// Usage: node scripts/manifest-images.mjs [icons|screenshots] (both when not given; screenshots
// need a release build in dist/). Writes public/icons/shortcut-*.png and public/screenshots/*.png;
// rebuild afterwards so they are in dist/ and the precache.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_FLAGS, ROOT, openBrowser, serve, startWithSamplePlan, waitForApp } from "../tests/e2e/harness.mjs";

const what = process.argv[2] ?? "all";
const ACCENT = "#1f5f5b";
const PAPER = "#f6f4ef";
const HIGHLIGHT = "#f2b544";

// 96x96, the app's colours, one clear pictogram each (a tick in a circle; a pen on a page).
const SHORTCUTS = {
  "shortcut-checkin-96.png": `
    <rect width="96" height="96" rx="22" fill="${ACCENT}"/>
    <circle cx="48" cy="48" r="28" fill="none" stroke="${PAPER}" stroke-width="7"/>
    <path d="M35 49l9 9 18-20" fill="none" stroke="${HIGHLIGHT}" stroke-width="8" stroke-linecap="round" stroke-linejoin="round"/>`,
  "shortcut-reflection-96.png": `
    <rect width="96" height="96" rx="22" fill="${ACCENT}"/>
    <rect x="24" y="18" width="42" height="58" rx="5" fill="${PAPER}"/>
    <path d="M32 34h26M32 44h26M32 54h14" stroke="${ACCENT}" stroke-width="4" stroke-linecap="round"/>
    <path d="M58 70l20-28 7 5-20 28-9 3z" fill="${HIGHLIGHT}"/>`,
};

async function icons() {
  const dir = join(ROOT, "public/icons");
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_FLAGS });
  const page = await browser.newPage({ viewport: { width: 96, height: 96 }, deviceScaleFactor: 1 });
  for (const [name, body] of Object.entries(SHORTCUTS)) {
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">${body}</svg></body></html>`
    );
    await page.screenshot({ path: join(dir, name), omitBackground: true });
  }
  await browser.close();
  console.log(`shortcut icons written to ${dir}/`);
}

async function screenshots() {
  const dir = join(ROOT, "public/screenshots");
  mkdirSync(dir, { recursive: true });
  const server = await serve();
  const browser = await openBrowser(server.origin, { context: { deviceScaleFactor: 1 } });
  try {
    const { page } = browser;
    await startWithSamplePlan(page, server.origin);
    for (const [name, path, viewport] of [
      ["today-narrow.png", "/", { width: 390, height: 844 }],
      ["plan-wide.png", "/plan", { width: 1280, height: 800 }],
    ]) {
      await page.setViewportSize(viewport);
      await page.goto(server.origin + path);
      await waitForApp(page);
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(dir, name) });
    }
  } finally {
    await browser.close();
    server.stop();
  }
  console.log(`screenshots written to ${dir}/`);
}

if (what === "all" || what === "icons") await icons();
if (what === "all" || what === "screenshots") await screenshots();
