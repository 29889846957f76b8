import { mkdirSync } from "node:fs";
import { openBrowser, serve, startWithSamplePlan, waitForApp } from "./tests/e2e/harness.mjs";
const out = "/tmp/zones-shots";
mkdirSync(out, { recursive: true });
const server = await serve();
const runs = [
  ["de390", { locale: "de-DE" }, 100, "light"],
  ["de360-200", { locale: "de-DE", viewport: { width: 360, height: 780 } }, 200, "dark"],
];
for (const [name, context, text, colorScheme] of runs) {
  const b = await openBrowser(server.origin, { context, colorScheme });
  if (text !== 100) await b.context.addInitScript((p) => { const big = () => document.documentElement && (document.documentElement.style.fontSize = `${p}%`); big(); document.addEventListener("readystatechange", big); }, text);
  await startWithSamplePlan(b.page, server.origin);
  for (const path of (process.env.P ?? "/,/checkin,/journal,/review,/plan/history").split(",")) {
    await b.page.goto(server.origin + path);
    await waitForApp(b.page);
    await b.page.waitForTimeout(300);
    await b.page.screenshot({ path: `${out}/${name}${path.replace(/\//g, "_")}.png`, fullPage: true });
  }
  await b.page.goto(server.origin + "/plan");
  await waitForApp(b.page);
  await b.page.getByRole("link", { name: "Build a UX research portfolio" }).tap();
  await b.page.getByRole("heading", { level: 1, name: "Build a UX research portfolio" }).waitFor();
  await b.page.waitForTimeout(300);
  await b.page.screenshot({ path: `${out}/${name}_goal.png`, fullPage: true });
  await b.close();
}
server.stop();
