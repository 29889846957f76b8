// Lighthouse 13 (npm, pinned in package-lock.json) with its default mobile configuration
// (Moto G Power emulation, simulated slow 4G and 4× CPU), on Debian's Chromium with the
// project's flags. Returns the three category scores (0–100) and the key metrics.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");

export async function runLighthouse(url, chromeFlags, timeoutMs = 240_000) {
  const dir = mkdtempSync(join(tmpdir(), "waymark-bench-lh-"));
  const out = join(dir, "report.json");
  try {
    const child = spawn(
      process.execPath,
      [
        join(ROOT, "node_modules/lighthouse/cli/index.js"),
        url,
        "--quiet",
        "--output=json",
        `--output-path=${out}`,
        "--only-categories=performance,accessibility,best-practices",
        `--chrome-flags=${chromeFlags.join(" ")} --user-data-dir=${join(dir, "profile")}`,
        "--max-wait-for-load=60000",
      ],
      { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, CHROME_PATH: "/usr/bin/chromium" } },
    );
    let stderr = "";
    child.stderr.on("data", (c) => (stderr = (stderr + c).slice(-4000)));
    await new Promise((ok, fail) => {
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        fail(new Error(`lighthouse took over ${timeoutMs / 1000} s`));
      }, timeoutMs);
      child.on("exit", (code) => {
        clearTimeout(timer);
        code === 0 ? ok() : fail(new Error(`lighthouse exited with ${code}: ${stderr.trim().split("\n").slice(-3).join(" ")}`));
      });
    });
    const lhr = JSON.parse(readFileSync(out, "utf8"));
    const score = (id) => (lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id].score * 100));
    const failing = (id) =>
      (lhr.categories[id]?.auditRefs ?? [])
        .filter((a) => a.weight > 0 && lhr.audits[a.id]?.score != null && lhr.audits[a.id].score < 1)
        .map((a) => `${a.id} (${lhr.audits[a.id].displayValue ?? Math.round(lhr.audits[a.id].score * 100)})`);
    const metric = (id) => lhr.audits[id]?.numericValue ?? null;
    return {
      version: lhr.lighthouseVersion,
      finalUrl: lhr.finalDisplayedUrl ?? lhr.finalUrl,
      formFactor: lhr.configSettings?.formFactor,
      scores: { performance: score("performance"), accessibility: score("accessibility"), bestPractices: score("best-practices") },
      metrics: { fcp: metric("first-contentful-paint"), lcp: metric("largest-contentful-paint"), tbt: metric("total-blocking-time"), cls: metric("cumulative-layout-shift"), si: metric("speed-index") },
      // Bytes as transferred (compressed when the server compressed them), and how each was encoded.
      transferBytes: metric("total-byte-weight"),
      encodings: (lhr.audits["network-requests"]?.details?.items ?? [])
        .filter((r) => /\.(wasm|js|css|html)$|\/$/.test(new URL(r.url).pathname))
        .map((r) => ({ path: new URL(r.url).pathname, transferSize: r.transferSize, resourceSize: r.resourceSize })),
      failing: { performance: failing("performance"), accessibility: failing("accessibility"), bestPractices: failing("best-practices") },
      runtimeError: lhr.runtimeError?.message ?? null,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Lighthouse `runs` times, one after another: the run with the median performance score, with
 * every run's score in `runs`. One run alone swings with the machine's load (its simulation
 * starts from what a real, unthrottled load did first).
 */
export async function runLighthouseMedian(url, chromeFlags, runs = 3) {
  const all = [];
  for (let i = 0; i < runs; i++) all.push(await runLighthouse(url, chromeFlags).catch((e) => ({ error: String(e) })));
  const done = all.filter((r) => !r.error).sort((a, b) => a.scores.performance - b.scores.performance);
  if (!done.length) return all[0];
  return { ...done[Math.floor((done.length - 1) / 2)], runs: all.map((r) => r.scores?.performance ?? r.error) };
}
