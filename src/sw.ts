/// <reference lib="webworker" />
/**
 * The service worker: a second visit works with no network. The build injects the list of its
 * files (the app, MapLibre's worker, every data file) with a revision each; they are precached
 * at install and answered from the cache, Range requests (the .pmtiles archive) included.
 * A new build installs beside the old one and waits until the reader chooses to reload
 * (src/pwa/register.ts), then drops what the old build had and the new one does not.
 */
import { clientsClaim } from 'workbox-core';
import { addPlugins, cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { createPartialResponse } from 'workbox-range-requests';
import { registerRoute } from 'workbox-routing';
import { planRange } from './pwa/range';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<string | { url: string; revision: string | null }> };

// The build's files with their revisions, injected by the build (named once: the build replaces one occurrence).
const MANIFEST = self.__WB_MANIFEST;

// Registered before the precache route, which would answer a Range request with the whole file.
registerRoute(
  ({ request, sameOrigin }) => sameOrigin && request.headers.has('range'),
  async ({ request }) => {
    const cached = await matchPrecache(request.url);
    if (!cached) return fetch(request);
    const body = await cached.blob();
    // The cache holds the file decoded: a server's Content-Encoding (vite preview gzips) and length
    // no longer describe these bytes, and a slice still labelled gzip fails to decode.
    const headers = new Headers(cached.headers);
    headers.delete('content-encoding');
    headers.delete('content-length');
    const whole = new Response(body, { status: cached.status, statusText: cached.statusText, headers });
    const plan = planRange(request.headers.get('range') ?? '', body.size);
    if (plan.kind === 'whole') return whole;
    if (plan.kind === 'unsatisfiable') {
      return new Response(null, { status: 416, statusText: 'Range Not Satisfiable', headers: { 'Content-Range': `bytes */${body.size}` } });
    }
    return createPartialResponse(new Request(request.url, { headers: { Range: plan.header } }), whole);
  },
);

/**
 * Files named by their content (listed without a revision: Vite's hashed assets) never change at
 * their URL, so whatever copy the browser's HTTP cache holds of one is the file: the worker takes
 * it from there ('force-cache') rather than downloading again what the page has just loaded. Files
 * with a revision are revalidated ('no-cache': a 304 costs no body) instead of always downloaded
 * ('reload', Workbox's default for them). The tileset read by ranges is fetched whole; on a host
 * without ranges the page's one whole response is reused like any other.
 */
const HASHED = new Set(
  MANIFEST.filter((e) => typeof e !== 'string' && e.revision === null).map((e) => new URL(typeof e === 'string' ? e : e.url, self.registration.scope).href),
);
addPlugins([
  {
    requestWillFetch: async ({ request }) => {
      if (request.mode === 'navigate' || request.method !== 'GET') return request;
      return new Request(request, { cache: HASHED.has(request.url) ? 'force-cache' : 'no-cache' });
    },
  },
]);

precacheAndRoute(MANIFEST);
cleanupOutdatedCaches();

// The page asks for this when the reader clicks "Reload" on the update notice.
self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// The first install takes over the open page at once, so it is covered offline without a reload.
clientsClaim();
