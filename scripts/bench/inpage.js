// Injected before any page script (Playwright addInitScript), in the app and in the baseline
// page alike, so both are timed by the same code. Nothing here changes what the page does: it
// only listens (events, DOM mutations) and reads the clock (performance.now()).
(() => {
  if (window.__bench) return;
  const B = (window.__bench = { wasm: null });

  // trunk's loader announces the started module with its exports (wasm.memory among them).
  addEventListener("TrunkApplicationStarted", (e) => {
    B.wasm = (e.detail && e.detail.wasm) || null;
    B.startedAt = performance.now(); // wasm fetched, compiled, instantiated and the app mounted
  });

  // IndexedDB write transactions, when each was created and when it completed (ms since
  // navigation start), so a save's time splits into the browser's commit and the page's own
  // work before and after it. Only a listener is added; the transaction is the page's.
  B.writes = [];
  if (typeof IDBDatabase !== "undefined") {
    const transaction = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (...args) {
      const tx = transaction.apply(this, args);
      if (tx.mode === "readwrite") {
        const w = { createdAt: performance.now(), completeAt: null };
        B.writes.push(w);
        tx.addEventListener("complete", () => (w.completeAt = performance.now()));
      }
      return tx;
    };
  }

  // "Usable": a screen's <h1> is in main#main, the boot placeholder is gone and no
  // "Opening your plan…" (.loading) is left; then the first idle callback ("the app is idle").
  // Every screen that becomes usable is logged ({ h1, readyAt, idleAt }, ms since navigation
  // start), so a redirect (/ → /welcome) is told apart from the screen it leads to.
  B.usable = [];
  const isUsable = () =>
    document.querySelector("main#main h1") &&
    !document.querySelector("#app .boot") &&
    !document.querySelector("main#main .loading");
  const watchUsable = new MutationObserver(() => {
    if (!isUsable()) return;
    const h1 = document.querySelector("main#main h1").textContent.trim();
    if (B.usable.length && B.usable[B.usable.length - 1].h1 === h1) return;
    const entry = { h1, readyAt: performance.now(), idleAt: null };
    B.usable.push(entry);
    requestIdleCallback(() => (entry.idleAt = performance.now()), { timeout: 30000 });
  });
  watchUsable.observe(document, { subtree: true, childList: true, characterData: true });
  B.stopWatchingUsable = () => watchUsable.disconnect();

  /**
   * Times one interaction, from the first `type` event (capture phase, on `selector` when given):
   * - `ms`: until the last DOM mutation it caused (the MutationObserver callback, which runs
   *   right after the code that changed the DOM), or with `until` (a named condition) the first
   *   mutation after which the condition holds; when nothing in the DOM changed, until the task
   *   queue after the event drained (a MessageChannel message).
   * - `frameMs`: until the next animation frame after that (the frame that can show it).
   * It resolves once no mutation happened for `quietMs`.
   */
  B.arm = (type, { selector = null, until = null } = {}) => {
    const rec = { t0: null, drainAt: null, drainFrameAt: null, lastMut: null, untilAt: null, frameAt: null, muts: 0, status: [] };
    const statusText = () => document.querySelector('[data-testid="save-status"]')?.textContent.trim() ?? null;
    // By name: the app's Content-Security-Policy forbids eval, so no code is passed in.
    const test = until ? B.preds[until] : null;
    const onEvent = (e) => {
      if (rec.t0 != null) return;
      if (selector && !(e.target instanceof Element && e.target.matches(selector))) return;
      rec.t0 = performance.now();
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        rec.drainAt = performance.now();
        if (!rec.muts) requestAnimationFrame(() => (rec.drainFrameAt = performance.now()));
      };
      ch.port2.postMessage(0);
      document.removeEventListener(type, onEvent, true);
    };
    document.addEventListener(type, onEvent, true);
    const mo = new MutationObserver(() => {
      if (rec.t0 == null) return;
      const at = (rec.lastMut = performance.now());
      rec.muts++;
      requestAnimationFrame(() => {
        if (rec.lastMut === at) rec.frameAt = performance.now();
      });
      const st = statusText();
      if (st !== (rec.status.length ? rec.status[rec.status.length - 1].text : undefined)) rec.status.push({ text: st, at: rec.lastMut - rec.t0 });
      if (test && rec.untilAt == null && test()) rec.untilAt = rec.lastMut;
    });
    mo.observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
    rec.settled = (quietMs = 120, maxMs = 60000) =>
      new Promise((resolve, reject) => {
        const start = performance.now();
        const poll = () => {
          const now = performance.now();
          if (now - start > maxMs) {
            mo.disconnect();
            document.removeEventListener(type, onEvent, true);
            return reject(new Error(`${type}: not settled within ${maxMs} ms (t0=${rec.t0}, until=${rec.untilAt})`));
          }
          const doneAt = test ? rec.untilAt : rec.muts ? rec.lastMut : rec.drainAt;
          const frameAt = rec.muts ? rec.frameAt : rec.drainFrameAt;
          if (rec.t0 != null && rec.drainAt != null && doneAt != null && frameAt != null &&
              now - Math.max(doneAt, rec.lastMut ?? 0) >= quietMs) {
            mo.disconnect();
            return resolve({
              ms: doneAt - rec.t0,
              frameMs: Math.max(frameAt, doneAt) - rec.t0,
              drainMs: rec.drainAt - rec.t0,
              mutations: rec.muts,
              status: rec.status,
              writes: B.writes
                .filter((w) => w.createdAt >= rec.t0)
                .map((w) => ({ created: w.createdAt - rec.t0, complete: w.completeAt == null ? null : w.completeAt - rec.t0 })),
              t0Epoch: performance.timeOrigin + rec.t0,
            });
          }
          setTimeout(poll, 10);
        };
        poll();
      });
    B.last = rec;
    return true;
  };
  B.preds = {
    saved: () => document.querySelector('[data-testid="save-status"]')?.textContent.trim() === "Saved",
    charts: () => document.querySelectorAll('main#main [data-testid="kpi-chart"]').length > 0,
    preview: () => !!document.querySelector('[data-testid="import-preview"]'),
    // The Clients screen with its rows and every plan's facts shown.
    clients: () =>
      location.pathname === "/clients" &&
      !!document.querySelector('.client-list[aria-busy="false"] [data-testid="client-row"]'),
    imported: () =>
      location.pathname === "/plan" && !document.querySelector("main#main .loading") &&
      document.querySelector('[data-testid="save-status"]')?.textContent.trim() === "Saved",
  };
  B.settled = (quietMs, maxMs) => B.last.settled(quietMs, maxMs);
  B.wasmBytes = () => {
    const m = (B.wasm && B.wasm.memory) || (window.wasmBindings && window.wasmBindings.memory);
    return m && m.buffer ? m.buffer.byteLength : null;
  };
})();
