// Screenshots of every screen in light and dark mode, at phone size and on a desktop, for a
// person to look at. Usage: node scripts/screenshots.mjs [outdir] (needs a release build in dist/).
// SCREENSHOT_PATHS="/,/plan" limits the screens; SCREENSHOT_SETUP=sample loads the sample plan first.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { openBrowser, serve, startWithSamplePlan, waitForApp } from "../tests/e2e/harness.mjs";

const out = process.argv[2] ?? "screenshots";
mkdirSync(out, { recursive: true });
const paths = (process.env.SCREENSHOT_PATHS ?? "/,/plan,/checkin,/journal,/settings").split(",");
const sizes = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };

const server = await serve();
try {
  for (const colorScheme of ["light", "dark"]) {
    const browser = await openBrowser(server.origin, { colorScheme });
    if (process.env.SCREENSHOT_SETUP === "sample") await startWithSamplePlan(browser.page, server.origin);
    for (const [sizeName, viewport] of Object.entries(sizes)) {
      await browser.page.setViewportSize(viewport);
      for (const path of paths) {
        await browser.page.goto(server.origin + path);
        await waitForApp(browser.page);
        await browser.page.waitForTimeout(150);
        const slug = path === "/" ? "today" : path.slice(1).replace(/\//g, "-");
        const name = `${slug}-${sizeName}-${colorScheme}.png`;
        await browser.page.screenshot({ path: join(out, name), fullPage: sizeName === "phone" });
      }
    }
    await browser.close();
  }
  console.log(`screenshots written to ${out}/`);
} finally {
  server.stop();
}
