// A really full disk, not a faked error: the browser profile lives on a 40 MB tmpfs, the test
// fills it from the app's own origin with incompressible data until the browser refuses, and
// then the person tries to save. They must see a clear message, keep their words, still read
// everything saved before (also after a reload), and save again once space is freed.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openBrowser, serve, startWithSamplePlan, waitForApp } from "./harness.mjs";

const mountPoint = mkdtempSync(join(tmpdir(), "waymark-small-disk-"));
let mounted = false;
try {
  execFileSync("mount", ["-t", "tmpfs", "-o", "size=40m", "tmpfs", mountPoint], { stdio: "pipe" });
  mounted = true;
} catch (e) {
  // TOOLCHAIN.md: the test machines run as root. Elsewhere say why nothing ran.
  console.error(`storage-full: cannot mount a tmpfs here (${String(e.stderr ?? e).trim()}); skipped`);
}

let server, browser;
before(async () => {
  if (!mounted) return;
  server = await serve();
  browser = await openBrowser(server.origin, { profileDir: mountPoint });
  await startWithSamplePlan(browser.page, server.origin);
});
after(async () => {
  await browser?.close();
  server?.stop();
  if (mounted) execFileSync("umount", [mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

const status = (page) => page.getByTestId("save-status");
const text = (page) => page.locator("#reflection-text");

async function writeReflection(page, words) {
  await page.goto(server.origin + "/journal/new");
  await waitForApp(page);
  await text(page).fill(words);
  await text(page).blur();
}

/** Fills the disk from the page with random bytes in a separate database; returns bytes written. */
function fillDisk(page) {
  return page.evaluate(async () => {
    const db = await new Promise((ok, fail) => {
      const req = indexedDB.open("filler", 1);
      req.onupgradeneeded = () => req.result.createObjectStore("chunks");
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const random = (size) => {
      const bytes = new Uint8Array(size);
      for (let i = 0; i < size; i += 65536) crypto.getRandomValues(bytes.subarray(i, Math.min(size, i + 65536)));
      return bytes;
    };
    const put = (key, size) =>
      new Promise((ok) => {
        const tx = db.transaction("chunks", "readwrite", { durability: "strict" });
        tx.objectStore("chunks").put(random(size), key);
        tx.oncomplete = () => ok(true);
        tx.onabort = () => ok(false);
        tx.onerror = (e) => e.preventDefault();
      });
    let written = 0;
    let key = 0;
    // Big chunks first, then smaller ones, until not even a few hundred bytes fit.
    for (const size of [1 << 20, 1 << 16, 1 << 12, 1 << 9]) {
      let failures = 0;
      while (failures < 3) {
        if (await put(key++, size)) written += size;
        else failures++;
      }
    }
    db.close();
    return written;
  });
}

test("a save on a full disk says so, keeps the words, and changes nothing stored", { skip: !mounted }, async () => {
  const { page } = browser;
  await writeReflection(page, "Written before the disk filled up");
  await status(page).filter({ hasText: "Saved" }).waitFor();

  const filled = await fillDisk(page);
  assert.ok(filled > 5_000_000, `filled ${filled} bytes`);

  const words = "A long reflection that no longer fits. ".repeat(40) + crypto.randomUUID();
  await writeReflection(page, words);
  await page.getByTestId("storage-full").waitFor();
  assert.match(await status(page).textContent(), /out of storage space/);
  assert.match(await page.getByRole("alert").filter({ hasText: "Not saved yet" }).textContent(), /kept on this device/);
  assert.equal(await text(page).inputValue(), words, "the words stay in the editor");
  if (process.env.WAYMARK_SHOTS) await page.screenshot({ path: join(process.env.WAYMARK_SHOTS, "storage-full.png") });

  // Reading still works: the journal and the plan, also after a reload.
  await page.goto(server.origin + "/journal");
  await waitForApp(page);
  await page.getByText("Written before the disk filled up").waitFor();
  await page.reload();
  await waitForApp(page);
  await page.getByText("Written before the disk filled up").waitFor();
  await page.goto(server.origin + "/plan");
  await waitForApp(page);
  assert.ok((await page.locator(".goal-card-title").count()) > 0);
});

test("once space is freed, the next save works and the notice goes", { skip: !mounted }, async () => {
  const { page } = browser;
  await page.evaluate(
    () =>
      new Promise((ok, fail) => {
        const req = indexedDB.deleteDatabase("filler");
        req.onsuccess = ok;
        req.onerror = () => fail(req.error);
      }),
  );
  await writeReflection(page, "Saved after space was freed");
  await status(page).filter({ hasText: "Saved" }).waitFor();
  assert.equal(await page.getByTestId("storage-full").count(), 0);
  await page.goto(server.origin + "/journal");
  await waitForApp(page);
  await page.getByText("Saved after space was freed").waitFor();
  await page.getByText("Written before the disk filled up").waitFor();
});

test("no requests outside the app", { skip: !mounted }, () => {
  assert.deepEqual(browser.foreignRequests, []);
});
