#!/usr/bin/env node
// Two builds side by side: `run.mjs --only seeded` on each in turn, several rounds, then the
// medians of every sample pooled per build. This machine's speed swings by a third within an
// hour, so a change is judged against the build before it measured in the same minutes, never
// against an older table.
//   node scripts/bench/ab.mjs <dist-before> <dist-after> [--rounds 3]
// (build the "before" dist from a worktree: node scripts/build-release.mjs --dist <dir>)
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { median, p95 } from "./stats.mjs";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { rounds: { type: "string", default: "3" } } });
if (positionals.length !== 2) {
  console.error("usage: node scripts/bench/ab.mjs <dist-before> <dist-after> [--rounds 3]");
  process.exit(2);
}
const run = resolve(import.meta.dirname, "run.mjs");

const pooled = new Map(positionals.map((d) => [d, []]));
for (let round = 1; round <= Number(values.rounds); round++) {
  for (const dist of positionals) {
    console.error(`round ${round}: ${dist}`);
    const out = execFileSync(process.execPath, [run, "--dist", dist, "--only", "seeded"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 << 20 });
    pooled.get(dist).push(JSON.parse(out));
  }
}

const rows = [["", ...positionals]];
const row = (label, pick) => rows.push([label, ...positionals.map((d) => pick(pooled.get(d)))]);
const all = (runs, f) => runs.flatMap(f);
row("open → Today usable, median", (rs) => `${median(all(rs, (r) => r.openIdleMs))} ms`);
row("one reflection, blur → Saved, median", (rs) => `${median(all(rs, (r) => r.saveMs))} ms`);
row("… blur → Saving…, median", (rs) => `${median(all(rs, (r) => r.saveStatus.map((s) => s[0].at))).toFixed(1)} ms`);
row("… Saving… → Saved, median", (rs) => `${median(all(rs, (r) => r.saveStatus.map((s) => s.at(-1).at - s[0].at))).toFixed(1)} ms`);
const write = (s) => s.find((w) => w.complete != null) ?? { created: NaN, complete: NaN };
row("… blur → write created / created → complete / complete → Saved, medians", (rs) => {
  const saves = rs.flatMap((r) => r.saveMs.map((ms, i) => ({ ms, w: write(r.saveWrites[i]) })));
  return [saves.map((s) => s.w.created), saves.map((s) => s.w.complete - s.w.created), saves.map((s) => s.ms - s.w.complete)]
    .map((xs) => median(xs).toFixed(1)).join(" / ") + " ms";
});
row("search per keystroke, median / p95", (rs) => `${median(all(rs, (r) => r.searchMs))} / ${p95(all(rs, (r) => r.searchMs))} ms`);
row("… index scan, median / p95", (rs) => `${median(all(rs, (r) => r.searchScanMs)).toFixed(1)} / ${p95(all(rs, (r) => r.searchScanMs)).toFixed(1)} ms`);
row("import and merge, median", (rs) => `${median(rs.map((r) => r.importPreviewMs + r.importMergeMs))} ms`);
row("baseline: one put, median", (rs) => `${median(all(rs, (r) => r.baseline.putOneMs))} ms`);
console.log(rows.map((r) => `| ${r.join(" | ")} |`).join("\n").replace(/\n/, `\n|${" --- |".repeat(rows[0].length)}\n`));
