// Service worker: keeps a copy of the page, the wasm package and the samples so the demo works
// offline after the first visit. Network first (an edited page or a rebuilt package shows at
// once when the server is there), the cached copy when it is not.
//
// It handles GET requests to this origin only, and only ever sees what this server serves: a CSV
// the user picks is read from disk by the page and never fetched, so it never comes through here.
const CACHE = 'datacloak-demo-v4';

/** Cached at install, so offline works even before the first classification. */
const SHELL = [
  '/',
  '/app.js',
  '/csv.js',
  '/graph.js',
  '/mask.js',
  '/style.css',
  '/favicon.svg',
  '/pkg/threads.js',
  '/pkg/api-threads.js',
  '/pkg/core.js',
  '/pkg/worker-calls.js',
  '/pkg/thread-pool-hook.js',
  '/pkg/thread-pool.js',
  '/pkg/datacloak-threads-worker.js',
  '/pkg/wasm/datacloak.js',
  '/pkg/wasm/datacloak_bg.wasm',
  '/samples/customers.csv',
  '/samples/weblog.csv',
  '/samples/zahlungen.csv',
  '/samples/products.csv',
  '/rules/staff.csv',
  '/rules/org.rules.json',
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // One by one: a missing file must not stop the rest from being cached.
      await Promise.all(SHELL.map((url) => cache.add(url).catch(() => {})));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

async function networkFirst(event) {
  const { request } = event;
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    // The threaded build's files (and anything else of this origin) are cached as they are used;
    // storing runs beside the answer instead of delaying it.
    if (response.status === 200) event.waitUntil(cache.put(request, response.clone()));
    return response;
  } catch (e) {
    // `?threads=1` and the like are the same page.
    const cached = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
    if (cached) return cached;
    throw e;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(networkFirst(event));
});
