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
