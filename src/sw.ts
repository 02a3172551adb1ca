/// <reference lib="webworker" />
/**
 * The service worker: a second visit works with no network. The build injects the list of its
 * files (the app, MapLibre's worker, every data file) with a revision each; they are precached
 * at install and answered from the cache, Range requests (the .pmtiles archive) included.
 * A new build installs beside the old one and waits until the reader chooses to reload
 * (src/pwa/register.ts), then drops what the old build had and the new one does not.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { createPartialResponse } from 'workbox-range-requests';
import { registerRoute } from 'workbox-routing';
import { planRange } from './pwa/range';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<string | { url: string; revision: string | null }> };

// Registered before the precache route, which would answer a Range request with the whole file.
registerRoute(
  ({ request, sameOrigin }) => sameOrigin && request.headers.has('range'),
  async ({ request }) => {
    const cached = await matchPrecache(request.url);
    if (!cached) return fetch(request);
    const body = await cached.blob();
    const whole = new Response(body, { status: cached.status, statusText: cached.statusText, headers: cached.headers });
    const plan = planRange(request.headers.get('range') ?? '', body.size);
    if (plan.kind === 'whole') return whole;
    if (plan.kind === 'unsatisfiable') {
      return new Response(null, { status: 416, statusText: 'Range Not Satisfiable', headers: { 'Content-Range': `bytes */${body.size}` } });
    }
    return createPartialResponse(new Request(request.url, { headers: { Range: plan.header } }), whole);
  },
);

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// The page asks for this when the reader clicks "Reload" on the update notice.
self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// The first install takes over the open page at once, so it is covered offline without a reload.
clientsClaim();
