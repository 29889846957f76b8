// Screenshots of every screen in light and dark mode, at phone size and on a desktop, for a
// person to look at. Usage: node scripts/screenshots.mjs [outdir] (needs a release build in dist/).
// SCREENSHOT_PATHS="/,/plan" limits the screens; SCREENSHOT_SETUP=sample loads the sample plan first;
// SCREENSHOT_TEXT=200 sets the root font size to 200 % (as a person with low vision does) and
// takes the phone size only. SCREENSHOT_SETUP=caseload makes the device a coach's with the sample
// plan and SCREENSHOT_CASELOAD (default 30) client plans imported from report files.
// SCREENSHOT_FULLPAGE=0 takes the phone's first screen only (a long list is otherwise too tall to look at).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { openBrowser, serve, startWithSamplePlan, waitForApp } from "../tests/e2e/harness.mjs";
import { seedCaseload } from "../tests/e2e/caseload.mjs";

const out = process.argv[2] ?? "screenshots";
mkdirSync(out, { recursive: true });
const paths = (process.env.SCREENSHOT_PATHS ?? "/,/plan,/checkin,/journal,/settings").split(",");
const textPercent = Number(process.env.SCREENSHOT_TEXT ?? 100);
const sizes = { phone: { width: 390, height: 844 }, ...(textPercent === 100 ? { desktop: { width: 1280, height: 800 } } : {}) };

const server = await serve();
try {
  for (const colorScheme of ["light", "dark"]) {
    const browser = await openBrowser(server.origin, { colorScheme });
    if (textPercent !== 100) {
      await browser.context.addInitScript((p) => {
        const big = () => document.documentElement && (document.documentElement.style.fontSize = `${p}%`);
        big();
        document.addEventListener("readystatechange", big);
      }, textPercent);
    }
    if (["sample", "caseload"].includes(process.env.SCREENSHOT_SETUP)) await startWithSamplePlan(browser.page, server.origin);
    if (process.env.SCREENSHOT_SETUP === "caseload") {
      await seedCaseload(browser.page, server.origin, Number(process.env.SCREENSHOT_CASELOAD ?? 30));
    }
    for (const [sizeName, viewport] of Object.entries(sizes)) {
      await browser.page.setViewportSize(viewport);
      for (const path of paths) {
        await browser.page.goto(server.origin + path);
        await waitForApp(browser.page);
        await browser.page.waitForTimeout(150);
        const slug = path === "/" ? "today" : path.slice(1).replace(/\//g, "-");
        const text = textPercent === 100 ? "" : `-text${textPercent}`;
        const name = `${slug}-${sizeName}${text}-${colorScheme}.png`;
        await browser.page.screenshot({ path: join(out, name), fullPage: sizeName === "phone" && process.env.SCREENSHOT_FULLPAGE !== "0" });
      }
    }
    await browser.close();
  }
  console.log(`screenshots written to ${out}/`);
} finally {
  server.stop();
}
