// Vanilla-JS baseline for Waymark's benchmark. Same database layout as Waymark's store
// (object store "documents", key path ["plan_id", "id"], index "by_kind_plan" on
// ["kind", "plan_id"]), same records, same durability ("strict"), same search rule
// (lower-cased text + prompt + tags, substring match, newest first, first 50 rendered).
"use strict";
(() => {
  const DB = "baseline";
  const PAGE = 50;
  let records = [];
  let planId = null;
  let index = []; // [{ id, hay, first }] newest first
  const loops = [];

  const req = (r) => new Promise((ok, fail) => { r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
  const done = (tx) => new Promise((ok, fail) => { tx.oncomplete = ok; tx.onerror = () => fail(tx.error); tx.onabort = () => fail(tx.error); });

  function open() {
    const r = indexedDB.open(DB, 2);
    r.onupgradeneeded = () => {
      const store = r.result.createObjectStore("documents", { keyPath: ["plan_id", "id"] });
      store.createIndex("by_kind_plan", ["kind", "plan_id"]);
    };
    return req(r);
  }

  async function load() {
    records = await (await fetch("records.json")).json();
    planId = records.find((r) => r.kind === "plan").plan_id;
    // Like the app's JournalIndex: built once, not per keystroke (untimed here and there).
    index = records
      .filter((r) => r.kind === "reflection")
      .map((r) => {
        const f = JSON.parse(r.body);
        let hay = f.text.toLowerCase();
        if (f.prompt) hay += "\n" + f.prompt.toLowerCase();
        for (const t of f.tags || []) hay += "\n" + t.trim().toLowerCase();
        return { id: r.id, hay, at: f.meta ? f.meta.created_at : "", first: f.text.split("\n")[0].slice(0, 160) };
      })
      .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
    const bytes = records.reduce((n, r) => n + r.body.length, 0);
    return { records: records.length, reflections: index.length, bodyChars: bytes };
  }

  /** Deletes the database (untimed), then times one transaction putting every record. */
  async function write() {
    await req(indexedDB.deleteDatabase(DB)).catch(() => {});
    const db = await open();
    const t0 = performance.now();
    const tx = db.transaction("documents", "readwrite", { durability: "strict" });
    const store = tx.objectStore("documents");
    for (const r of records) store.put(r);
    await done(tx);
    const ms = performance.now() - t0;
    db.close();
    return ms;
  }

  /** Times opening the database, reading the plan's key range and parsing every body. */
  async function read() {
    const t0 = performance.now();
    const db = await open();
    const tx = db.transaction("documents", "readonly");
    const range = IDBKeyRange.bound([planId], [planId, []]);
    const rows = await req(tx.objectStore("documents").getAll(range));
    const tRead = performance.now();
    const parsed = rows.map((r) => JSON.parse(r.body));
    const ms = performance.now() - t0;
    db.close();
    return { ms, getAllMs: tRead - t0, count: rows.length, parsed: parsed.length };
  }

  /** Times one new reflection-sized record put in its own "strict" transaction (like one save). */
  async function putOne(i) {
    const db = await open();
    const sample = records.find((r) => r.kind === "reflection");
    const record = { ...sample, id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`, rev: 1 };
    const t0 = performance.now();
    const tx = db.transaction("documents", "readwrite", { durability: "strict" });
    tx.objectStore("documents").put(record);
    await done(tx);
    const ms = performance.now() - t0;
    db.close();
    return ms;
  }

  function search(q) {
    const t0 = performance.now();
    const needle = q.trim().toLowerCase();
    const hits = [];
    for (const e of index) if (!needle || e.hay.includes(needle)) hits.push(e);
    loops.push(performance.now() - t0);
    return hits;
  }

  const input = document.getElementById("q");
  const count = document.getElementById("count");
  const feed = document.getElementById("feed");
  input.addEventListener("input", () => {
    const hits = search(input.value);
    const n = hits.length;
    count.textContent = `${n} ${n === 1 ? "reflection" : "reflections"}${input.value.trim() ? " found" : ""}`;
    const items = hits.slice(0, PAGE).map((e) => {
      const li = document.createElement("li");
      li.textContent = e.first;
      return li;
    });
    feed.replaceChildren(...items);
  });

  window.baseline = {
    load,
    write,
    read,
    putOne,
    loops: () => loops.splice(0),
    render() { input.dispatchEvent(new Event("input")); },
  };
})();
