// Waymark's service worker: the whole app is precached at install, so it starts offline.
// scripts/post-build.mjs fills in the build id and the exact list of build files.
const BUILD_ID = "__BUILD_ID__";
const CACHE = `waymark-${BUILD_ID}`;
const PRECACHE = __PRECACHE__;
const SHELL = "/";

self.addEventListener("install", (event) => {
  // `cache: "reload"` skips the HTTP cache so a new build never precaches an old file.
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(PRECACHE.map((url) => new Request(url, { cache: "reload" })))
    )
  );
  // No skipWaiting here: a new version waits until the user agrees to reload
  // (the app posts "skip-waiting"), so code never changes under the user's feet.
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((key) => key.startsWith("waymark-") && key !== CACHE).map((key) => caches.delete(key))
        )
      )
      .then(() => self.clients.claim())
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (request.mode === "navigate") {
    // Every in-app path (/journal, /plan/goal/…) is the same single-page shell.
    event.respondWith(
      caches.open(CACHE).then((cache) =>
        cache.match(SHELL).then((hit) => hit || fetch(request))
      )
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(request).then((hit) => hit || fetch(request))
    )
  );
});

// ---- check-in notifications (issue 12) -------------------------------------------------------
// Where the browser has Periodic Background Sync and the client switched notifications on in
// Settings, a check-in that falls due shows a notification while the app is closed. The app
// hands over the next check-in times (worked out by the core, in the schedule's time zone) in
// the "waymark.reminders" cache; the check-ins themselves are read here from IndexedDB, read
// only, so one recorded since is never reminded of. No server is involved.
const REMINDERS_CACHE = "waymark.reminders";
const REMINDERS_URL = "/__reminders.json";
const REMINDED_URL = "/__reminded.json";
const CHECKIN_TAG = "waymark-checkin";

self.addEventListener("periodicsync", (event) => {
  if (event.tag === CHECKIN_TAG) event.waitUntil(remindOfDueCheckIn());
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  event.waitUntil(openApp(event.notification.data?.url || "/checkin"));
});

async function readJson(cache, url) {
  const hit = await cache.match(url);
  if (!hit) return null;
  try {
    return await hit.json();
  } catch {
    return null;
  }
}

// The database as the app left it. Never created here: without it there is nothing to remind of.
function openStoredPlans() {
  return new Promise((resolve) => {
    let request;
    try {
      request = indexedDB.open("waymark");
    } catch {
      resolve(null);
      return;
    }
    request.onupgradeneeded = () => request.transaction.abort();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
  });
}

// The latest day (YYYY-MM-DD) a live check-in was recorded for in a plan, or "".
function lastCheckInDay(db, planId) {
  return new Promise((resolve) => {
    try {
      const index = db.transaction("documents", "readonly").objectStore("documents").index("by_kind_plan");
      const request = index.getAll(IDBKeyRange.only(["check_in", planId]));
      request.onsuccess = () => {
        let last = "";
        for (const doc of request.result) {
          try {
            const checkIn = JSON.parse(doc.body);
            if (!checkIn.meta?.deleted && typeof checkIn.date === "string" && checkIn.date > last) last = checkIn.date;
          } catch {
            // An unreadable record reminds of nothing.
          }
        }
        resolve(last);
      };
      request.onerror = () => resolve("");
    } catch {
      resolve("");
    }
  });
}

async function remindOfDueCheckIn() {
  if (self.Notification?.permission !== "granted") return;
  const cache = await caches.open(REMINDERS_CACHE);
  const handed = await readJson(cache, REMINDERS_URL);
  if (!handed?.enabled || !Array.isArray(handed.checkins)) return;
  // Which check-ins were reminded of already (plan and day), and when this last ran.
  const reminded = (await readJson(cache, REMINDED_URL)) || {};
  const shown = reminded.shown || {};
  const now = Date.now();
  // The latest check-in time that has passed, one per plan.
  const due = new Map();
  for (const c of handed.checkins) {
    if (Date.parse(c.at) <= now) due.set(c.plan_id, c);
  }
  const db = due.size > 0 ? await openStoredPlans() : null;
  for (const c of due.values()) {
    const key = `${c.plan_id}:${c.day}`;
    if (shown[key]) continue;
    if (db && (await lastCheckInDay(db, c.plan_id)) >= c.day) continue;
    await self.registration.showNotification("Time for your check-in", {
      body: `${c.plan_title}: how did it go since last time? A few minutes is enough.`,
      tag: key,
      icon: "/icons/icon-192.png",
      data: { url: "/checkin" },
    });
    shown[key] = now;
  }
  db?.close();
  const record = JSON.stringify({ checked_at: now, shown });
  await cache.put(REMINDED_URL, new Response(record, { headers: { "Content-Type": "application/json" } }));
}

async function openApp(url) {
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  for (const client of windows) {
    if ("focus" in client) {
      await client.focus();
      if ("navigate" in client) await client.navigate(url).catch(() => {});
      return;
    }
  }
  await self.clients.openWindow(url);
}

// ---- the share sheet (issue 12) -----------------------------------------------------------------
// The manifest's share_target posts a shared plan file here (multipart). It is kept in the
// "waymark.shared" cache and the app is sent to the Share screen, which takes it out and opens
// its preview. Its own listener: the fetch handler above only answers GET requests.
const SHARED_CACHE = "waymark.shared";
const SHARED_URL = "/__shared-plan";
const SHARE_TARGET = "/share-target";

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "POST") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname !== SHARE_TARGET) return;
  event.respondWith(keepSharedFile(request));
});

async function keepSharedFile(request) {
  let file = null;
  try {
    const form = await request.formData();
    file = form.getAll("plan").find((f) => typeof f === "object" && f !== null && "size" in f) ?? null;
  } catch {
    file = null;
  }
  if (file) {
    const cache = await caches.open(SHARED_CACHE);
    await cache.put(
      SHARED_URL,
      new Response(file, {
        headers: {
          "Content-Type": file.type || "application/json",
          "X-File-Name": encodeURIComponent(file.name || "shared.waymark.json"),
        },
      })
    );
  }
  // 303: the browser follows with a GET, so a reload of the Share screen does not post again.
  return Response.redirect(file ? "/share?shared" : "/share", 303);
}
