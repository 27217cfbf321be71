// MEGA IP service worker: the app opens and works with no network after one visit.
//
// - Precache: the exact files of this build (hashed names), listed by scripts/gen-sw.mjs at
//   build time in place of the two placeholders below. A new build has a new BUILD_ID, so the
//   browser sees a changed worker and installs it beside the running one.
// - On demand: files only some pages load (the console's QR decoder, under /ondemand/) are not
//   fetched at install, so an official's first visit never pays for them. The worker keeps one
//   when a page first asks for it, and a new build carries over the copy the old one kept, so a
//   facilitator who prepared online still has it in a room with no network.
// - No silent swap: the new worker waits until the page sends 'skipWaiting', which it does only
//   when the user presses "Actualizar".
// - Activation deletes every older cache of this app.
// - Navigations (any path, deep links included) are answered with the cached app shell; the
//   client-side router then shows the right page.
const BUILD_ID = '__BUILD_ID__';
const ASSETS = ['__ASSETS__'];
const ON_DEMAND = ['__ON_DEMAND__'];
const CACHE_PREFIX = 'megaip-static-';
const CACHE = CACHE_PREFIX + BUILD_ID;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then(async (cache) => {
      await cache.addAll(ASSETS);
      for (const url of ON_DEMAND) {
        const kept = await caches.match(url);
        if (kept) await cache.put(url, kept);
      }
    }),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((keys) =>
      Promise.all(keys.filter((k) => k.startsWith(CACHE_PREFIX) && k !== CACHE).map((k) => caches.delete(k))),
    ),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skipWaiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      caches.open(CACHE).then((cache) => cache.match('/index.html')).then((shell) => shell || fetch(request)),
    );
    return;
  }
  if (ON_DEMAND.includes(url.pathname)) {
    event.respondWith(
      caches.open(CACHE).then(async (cache) => {
        const hit = await cache.match(url.pathname);
        if (hit) return hit;
        const response = await fetch(request);
        if (response.ok) await cache.put(url.pathname, response.clone());
        return response;
      }),
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true })).then((hit) => hit || fetch(request)),
  );
});
