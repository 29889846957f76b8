// A coach's caseload for tests and the benchmark: n progress reports from n different clients,
// made from the sample plan file (tests/fixtures) as real plan files, each with a plan id of its
// own, then imported one by one through /share as a coach would. Some clients checked in lately
// (a streak), some are overdue, some have no schedule.
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const SAMPLE = resolve(import.meta.dirname, "../fixtures/plan-files/v1-sample.waymark.json");
const FIRST = ["Maya", "Ravi", "Ines", "Tomás", "Aisha", "Jonas", "Mei", "Kofi", "Lena", "Arjun", "Sofia", "Emeka", "Hana", "Lucas", "Priya"];
const LAST = ["Okafor", "Shah", "García", "Novak"];

/** The id `core::ids` derives from a plan id with `tag` (last byte XOR tag, UUID version 8). */
function derived(planId, tag) {
  const hex = planId.replace(/-/g, "").match(/../g).map((h) => parseInt(h, 16));
  hex[15] ^= tag;
  hex[6] = (hex[6] & 0x0f) | 0x80;
  hex[8] = (hex[8] & 0x3f) | 0x80;
  const s = hex.map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const isoDay = (d) => d.toISOString().slice(0, 10);

/** The last Monday on or before `d` (UTC). */
function monday(d) {
  const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  m.setUTCDate(m.getUTCDate() - ((m.getUTCDay() + 6) % 7));
  return m;
}

/** Writes `n` progress-report files into a new folder; returns their paths. */
export function caseloadFiles(n = 30) {
  const dir = mkdtempSync(join(tmpdir(), "waymark-caseload-"));
  const sample = JSON.parse(readFileSync(SAMPLE, "utf8"));
  const now = new Date();
  const paths = [];
  for (let i = 0; i < n; i++) {
    const f = structuredClone(sample);
    const id = randomUUID();
    const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
    f.kind = "progress_report";
    f.exported_by = "client";
    f.exported_at = new Date(now.getTime() - (i + 1) * 3600_000).toISOString();
    f.plan.meta.id = id;
    f.plan.client = name;
    f.plan.title = `${name.split(" ")[0]}: ${["into UX research", "towards product management", "back to work", "a first leadership role"][i % 4]}`;
    f.profile.meta.id = derived(id, 0x01);
    f.profile.name = name;
    f.schedule.meta.id = derived(id, 0x02);
    f.reflections = f.reflections.filter((r) => !r.private);
    if (i % 3 === 0) {
      f.schedule = null;
    } else if (i % 3 === 1) {
      // Checked in on each of the last three Mondays.
      const last = monday(now);
      f.checkins.forEach((c, k) => {
        const d = new Date(last);
        d.setUTCDate(d.getUTCDate() - 7 * (f.checkins.length - 1 - k));
        c.date = isoDay(d);
      });
    }
    const path = join(dir, `${String(i).padStart(2, "0")}-report.waymark.json`);
    writeFileSync(path, JSON.stringify(f));
    paths.push(path);
  }
  return paths;
}

/**
 * Makes `page`'s device (which has a plan already) a coach's with `n` more client plans, each
 * imported from its client's progress report through /share. Leaves the page on the Clients
 * screen, loaded.
 */
export async function seedCaseload(page, origin, n = 30) {
  await page.goto(origin + "/settings");
  await page.waitForSelector("main#main h1");
  await page.getByLabel("A coach, preparing plans for clients").check();
  for (const path of caseloadFiles(n)) {
    await page.goto(origin + "/share");
    await page.locator("#import-file").setInputFiles(path);
    await page.getByTestId("import-preview").waitFor();
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await page.waitForURL(/\/plan\/client-activity/);
    await page.getByTestId("save-status").filter({ hasText: "Saved" }).waitFor();
  }
  await page.goto(origin + "/clients");
  await page.locator('.client-list[aria-busy="false"]').waitFor({ state: "attached" });
}
