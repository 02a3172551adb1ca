// `npm run bench`: what readers of the atlas wait for, beside what MapLibre itself costs.
//
// Builds the app (vite.config.ts → dist/) and the baseline pages (bench/vite.bench.config.ts →
// dist-bench/), serves both with `vite preview` on 127.0.0.1 and drives headless Debian Chromium
// through playwright-core. Three pages:
//   ours   the app's production build;
//   bare   the same maplibre-gl build with an empty style and the app's opening camera;
//   floor  bare plus one tiny feature of each kind of layer the atlas draws (fill, line, dashed
//          line, circle, a Chinese label): the least a page with this content can cost here.
// Every page marks `atlas-full-frame` (first frame with every tile of the opening view in) and
// `atlas-idle` (first idle), each with `{ detail: { frames } }`; the app also marks
// `atlas-settled` once its after-idle loads (light index, article, search index) are in.
//
// For each GL configuration (the default flags of scripts/chromium.mjs, then the same plus
// --use-angle=swiftshader) it measures:
//   - cold first loads, alternating ours/bare/floor, 1 warm-up + RUNS (15) counted: time to the
//     first full frame, to first idle (#map leaves aria-busy) and the frames drawn before idle;
//   - bytes of a cold opening, each response body gzip -9, each URL (and byte range) once,
//     counted until the page is idle, its after-idle loads are done and the network is quiet;
//   - click to panel: a real mouse click on each Ziyang-line station, from the input event's
//     timestamp to the first animation frame after the feature panel shows its name;
//   - a 1 s easeTo across the region: requestAnimationFrame intervals while it runs;
//   - once, a reader's first visit on the wire, service worker allowed: every byte the server
//     sends until the worker controls the page with the whole build precached.
// Each cold load is a fresh browser context that blocks service workers; no request may leave
// 127.0.0.1. Writes bench/results.json, prints tables, exits non-zero if a reach is missed.
import { readFileSync, existsSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const START = performance.now();
const ROOT = resolve(import.meta.dirname, '..');
const BENCH_CONFIG = resolve(ROOT, 'bench/vite.bench.config.ts');
const RESULTS = resolve(ROOT, 'bench/results.json');
const VIEWPORT = { width: 1280, height: 860 };
/** Cold first loads per page and configuration (after WARMUP uncounted ones); BENCH_RUNS for a quick look. */
const WARMUP = 1;
const RUNS = Number(process.env['BENCH_RUNS'] ?? 15);
/** Fresh pages per configuration for the interaction measures (clicks on ours; easeTo on ours and bare). */
const INTERACTION_ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);
const IDLE_TIMEOUT_MS = 120_000;
/** After its last request, how long the network must stay quiet before the opening counts as done. */
const QUIET_MS = 600;
/** Reaches, enforced on the headline (default) configuration. kB = 1000 bytes, as in Vite's build report. */
const REACH = {
  /** first idle, ours / floor */
  maxRatio: 1.4,
  /**
   * every byte of the opening view and its after-idle loads, gzip -9: 595 kB before the ground,
   * which may add about 40 (the relief image is 21)
   */
  maxOpeningGzip: 640_000,
  /** click to panel, p95 over the stations and rounds */
  maxClickP95Ms: 50,
};
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const PAGES = /** @type {const} */ (['ours', 'bare', 'floor']);
const KINDS = /** @type {const} */ (['js', 'css', 'data', 'other']);
const STATION_ZOOM = 11;
/** The easeTo: Chengdu to Chongqing at this zoom, linear, for this long. */
const EASE = { zoom: 8, duration: 1000, from: 'city-chengdu', to: 'city-chongqing' };
/**
 * The GL configurations: `default` is the headline (what the browser tests use). Under it the
 * compositor is software: every frame the WebGL canvas is read back (GLES2 ReadPixels).
 */
const CONFIGURATIONS = [
  { name: 'default', args: CHROMIUM_ARGS, about: 'scripts/chromium.mjs flags: SwiftShader WebGL, software compositing' },
  {
    name: 'angle-swiftshader',
    args: [...CHROMIUM_ARGS, '--use-angle=swiftshader'],
    about: '+ --use-angle=swiftshader: SwiftShader GL, GPU compositing',
  },
];

class BenchError extends Error {}

/** The features the bench needs from the light index: stations to click, cities to ease between. */
function readPlaces() {
  const index = JSON.parse(readFileSync(resolve(ROOT, 'geo/index.json'), 'utf8'));
  /** @type {Map<string, { id: string, point: [number, number], name: string }>} */
  const byId = new Map();
  for (const f of index.features) {
    const p = f.properties;
    byId.set(f.id, { id: f.id, point: f.point, name: typeof p.label_zh === 'string' ? p.label_zh : p.name_zh });
  }
  const get = (/** @type {string} */ id) => {
    const place = byId.get(id);
    if (!place) throw new BenchError(`geo/index.json has no feature ${id}; the bench clicks and flies to it`);
    return place;
  };
  // The Ziyang line's (资阳线, S3) stations, west to east: the ones a reader clicks.
  const ziyangLine = index.features
    .filter((f) => f.kind === 'rail-station' && f.properties.line === 'S3')
    .sort((a, b) => a.properties.order - b.properties.order);
  if (ziyangLine.length === 0) throw new BenchError('geo/index.json has no station of the Ziyang line (line S3); the bench clicks them');
  return { stations: ziyangLine.map((f) => get(f.id)), from: get(EASE.from), to: get(EASE.to) };
}

// ---------------------------------------------------------------------------------------------
// In-page probes (serialised into the page by Playwright: no closures over this module).

/**
 * Runs in every page before its own scripts: records performance.now() (ms since navigation
 * start) the moment #map's aria-busy turns "false", plus the main thread's long tasks.
 */
function firstIdleProbe() {
  const w = /** @type {any} */ (window);
  w.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    /* long tasks are diagnostics only */
  }
  const observer = new MutationObserver((records) => {
    const now = performance.now();
    for (const r of records) {
      const el = /** @type {Element} */ (r.target);
      if (el.id === 'map' && el.getAttribute('aria-busy') === 'false') {
        w.__firstIdle = now;
        observer.disconnect();
        return;
      }
    }
  });
  observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
}

/** What the page looked like at first idle: the times, the frames, whether a map really rendered. */
function readProbe() {
  const w = /** @type {any} */ (window);
  const mark = (/** @type {string} */ name) => /** @type {PerformanceMark | undefined} */ (performance.getEntriesByName(name, 'mark')[0]);
  const full = mark('atlas-full-frame');
  const idle = mark('atlas-idle');
  const firstIdle = typeof w.__firstIdle === 'number' ? w.__firstIdle : null;
  const longTasks = /** @type {[number, number][]} */ (w.__longTasks ?? []).filter(([start]) => firstIdle === null || start < firstIdle);
  const notice = document.querySelector('#notice');
  return {
    firstIdle,
    fullFrame: full ? full.startTime : null,
    framesAtFullFrame: full ? Number(full.detail?.frames) : null,
    idleMark: idle ? idle.startTime : null,
    framesBeforeIdle: idle ? Number(idle.detail?.frames) : null,
    canvas: !!document.querySelector('#map canvas.maplibregl-canvas'),
    notice: notice && !notice.hasAttribute('hidden') ? notice.textContent : null,
    longTaskCount: longTasks.length,
    longTaskMs: longTasks.reduce((sum, [, d]) => sum + d, 0),
  };
}

/**
 * Moves the map to `center` at `zoom`, waits until it is idle, and returns the first of the sampled
 * points (container-relative, whole page pixels) where a mouse click picks `id` alone.
 * @param {{ id: string, center: [number, number], zoom: number }} args
 */
async function placeForClick({ id, center, zoom }) {
  const { map, view, store } = /** @type {any} */ (window).atlas;
  store.dispatch({ type: 'select', id: null, framing: 'none' });
  map.jumpTo({ center, zoom });
  map.triggerRepaint();
  await new Promise((done) => map.once('idle', done));
  const s = map.project(center);
  const r = map.getContainer().getBoundingClientRect();
  for (const [dx, dy] of [
    [0, 0],
    [1, 0],
    [-1, 0],
    [0, 1],
    [0, -1],
    [2, 2],
    [-2, -2],
    [3, 0],
    [-3, 0],
    [0, 3],
    [0, -3],
  ]) {
    const x = Math.round(s.x + /** @type {number} */ (dx) + r.left) - r.left;
    const y = Math.round(s.y + /** @type {number} */ (dy) + r.top) - r.top;
    const pick = view.pickAt(x, y, 'mouse');
    if (pick.type === 'one' && pick.id === id) return { x: x + r.left, y: y + r.top };
  }
  return null;
}

/** Resolves once the map has drawn its next frame and settled (after the pointer's hover). */
async function mapSettles() {
  const { map } = /** @type {any} */ (window).atlas;
  if (map.isMoving() || !map.loaded() || map._frameRequest) await new Promise((done) => map.once('idle', done));
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
}

/**
 * Arms the click measurement: the pointerup's timestamp (the input event), then the first
 * animation frame after the feature panel shows `name` in its heading. The result is left in
 * window.__click, a promise.
 * @param {string} name
 */
function armClick(name) {
  const w = /** @type {any} */ (window);
  const panel = /** @type {HTMLElement & { shadowRoot: ShadowRoot | null }} */ (document.querySelector('atlas-feature-panel'));
  w.__click = new Promise((done, fail) => {
    /** @type {number | null} */
    let input = null;
    let finished = false;
    addEventListener('pointerup', (e) => (input = e.timeStamp), { capture: true, once: true });
    const shows = () => !!panel && panel.checkVisibility() && (panel.shadowRoot?.querySelector('h2')?.textContent ?? '').includes(name);
    /** @param {number} shownAt @param {number} [frameAt] */
    const finish = (shownAt, frameAt) => {
      if (finished) return;
      finished = true;
      observer.disconnect();
      clearTimeout(timer);
      const end = (/** @type {number} */ at) => done({ input, shown: shownAt, frame: at });
      if (frameAt !== undefined) end(frameAt);
      else requestAnimationFrame(() => end(performance.now()));
    };
    // The panel renders in the click's own task (Lit updates in microtasks): a mutation sees it at once.
    const observer = new MutationObserver(() => {
      if (input !== null && shows()) finish(performance.now());
    });
    if (panel?.shadowRoot) observer.observe(panel.shadowRoot, { subtree: true, childList: true, characterData: true });
    observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['class', 'hidden', 'style'] });
    // A backstop for changes no observer sees: checked at every frame.
    const poll = () => {
      if (finished) return;
      if (input !== null && shows()) finish(performance.now(), performance.now());
      else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
    const timer = setTimeout(() => {
      finished = true;
      observer.disconnect();
      fail(new Error(`the feature panel never showed ${name}`));
    }, 10_000);
  });
}

/**
 * A linear easeTo from `from` to `to`, timed by requestAnimationFrame: every frame's timestamp
 * from the call to the move's end.
 * @param {{ from: [number, number], to: [number, number], zoom: number, duration: number }} args
 */
async function easeProbe({ from, to, zoom, duration }) {
  const { map } = /** @type {any} */ (window).atlas;
  map.jumpTo({ center: from, zoom });
  map.triggerRepaint();
  await new Promise((done) => map.once('idle', done));
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  /** @type {number[]} */
  const stamps = [];
  let moving = true;
  const ended = new Promise((done) => map.once('moveend', done));
  const started = performance.now();
  await new Promise((done) =>
    requestAnimationFrame((t) => {
      stamps.push(t);
      map.easeTo({ center: to, zoom, duration, easing: (/** @type {number} */ x) => x });
      const loop = (/** @type {number} */ ts) => {
        stamps.push(ts);
        if (moving) requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
      done(undefined);
    }),
  );
  await ended;
  moving = false;
  const elapsed = performance.now() - started;
  const c = map.getCenter();
  const arrived = Math.abs(c.lng - to[0]) < 1e-6 && Math.abs(c.lat - to[1]) < 1e-6;
  return { stamps, elapsed, arrived };
}

// ---------------------------------------------------------------------------------------------
// Helpers.

/** @param {string} url @param {string} contentType */
function classify(url, contentType) {
  const path = new URL(url).pathname.toLowerCase();
  const type = contentType.toLowerCase();
  // MapLibre's worker counts as JS.
  if (/\.(m?js)$/.test(path) || type.includes('javascript')) return 'js';
  if (path.endsWith('.css') || type.startsWith('text/css')) return 'css';
  if (/\.(geojson|json|txt|pmtiles)$/.test(path) || type.includes('json') || type.includes('pmtiles')) return 'data';
  return 'other';
}

/** @param {number[]} xs */
function median(xs) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? /** @type {number} */ (s[mid]) : /** @type {number} */ (s[mid - 1] + /** @type {number} */ (s[mid])) / 2;
}

/** Nearest-rank percentile. @param {number[]} xs @param {number} p */
function percentile(xs, p) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return /** @type {number} */ (s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]);
}

const round1 = (/** @type {number} */ x) => Math.round(x * 10) / 10;
const round2 = (/** @type {number} */ x) => Math.round(x * 100) / 100;
const kb = (/** @type {number} */ bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const pad = (/** @type {unknown} */ s, /** @type {number} */ n) => String(s).padStart(n);
/** @param {number[]} xs */
const summary = (xs) => ({
  median: round1(median(xs)),
  p95: round1(percentile(xs, 95)),
  min: round1(Math.min(...xs)),
  max: round1(Math.max(...xs)),
  samples: xs.map(round1),
});

/** Things to close on every path, most recent first. */
/** @type {(() => Promise<unknown>)[]} */
const cleanups = [];
async function cleanup() {
  while (cleanups.length) {
    const close = /** @type {() => Promise<unknown>} */ (cleanups.pop());
    await close().catch((err) => console.error(`bench: cleanup failed: ${err}`));
  }
}
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => {
    console.error(`\nbench: ${signal}, closing browser and servers`);
    void cleanup().finally(() => process.exit(130));
  });
}

/** @param {import('vite').PreviewServer} server */
function urlOf(server) {
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new BenchError('vite preview did not report a local URL');
  return url;
}

/** Every request of every context, to prove nothing left the machine. */
/** @type {string[]} */
const foreignRequests = [];

/**
 * A fresh context (cold cache, no service worker) with one page, watched for errors and for the
 * network: what is in flight, when the last request ended, and (with `recordBytes`) every body.
 * @param {import('playwright-core').Browser} browser
 * @param {{ recordBytes?: boolean }} [options]
 */
async function openContext(browser, { recordBytes = false } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  await context.addInitScript(firstIdleProbe);
  /** @type {string[]} */
  const pageErrors = [];
  const inFlight = new Set();
  let lastActivity = performance.now();
  context.on('request', (req) => {
    const u = new URL(req.url());
    if (u.protocol === 'data:' || u.protocol === 'blob:') return;
    if (!LOCAL_HOSTS.has(u.hostname)) foreignRequests.push(req.url());
    inFlight.add(req);
    lastActivity = performance.now();
  });
  const settle = (/** @type {import('playwright-core').Request} */ req) => {
    inFlight.delete(req);
    lastActivity = performance.now();
  };
  context.on('requestfinished', settle);
  context.on('requestfailed', settle);
  /** @type {Promise<{ url: string, range: string, status: number, kind: string, body: Buffer }>[]} */
  const bodies = [];
  if (recordBytes) {
    context.on('response', (res) => {
      const u = new URL(res.url());
      if (u.protocol === 'data:' || u.protocol === 'blob:') return;
      const base = { url: res.url(), range: res.request().headers()['range'] ?? '', status: res.status() };
      const kind = classify(res.url(), res.headers()['content-type'] ?? '');
      bodies.push(
        res.body().then(
          (body) => ({ ...base, kind, body }),
          () => ({ ...base, kind, body: Buffer.alloc(0) }),
        ),
      );
    });
  }
  const page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  page.on('console', (msg) => {
    // Failed loads are reported with their URL by the response handler below.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) pageErrors.push(`console: ${msg.text()}`);
  });
  page.on('response', (res) => {
    // The baseline pages have no favicon; the browser asking for one is not the page's doing.
    if (res.status() >= 400 && new URL(res.url()).pathname !== '/favicon.ico') pageErrors.push(`HTTP ${res.status()} ${res.url()}`);
  });
  page.on('requestfailed', (req) => {
    // MapLibre cancels the tiles a moving camera no longer needs: that is no failure.
    if (req.failure()?.errorText !== 'net::ERR_ABORTED') pageErrors.push(`request failed: ${req.url()} (${req.failure()?.errorText})`);
  });
  /** Resolves once nothing has been in flight for QUIET_MS. */
  const networkQuiet = async () => {
    const deadline = performance.now() + IDLE_TIMEOUT_MS;
    while (inFlight.size > 0 || performance.now() - lastActivity < QUIET_MS) {
      if (performance.now() > deadline) throw new BenchError(`the network never went quiet (${inFlight.size} requests in flight)`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { context, page, pageErrors, bodies, networkQuiet };
}

/**
 * Opens `url` in the context's page and waits for first idle; returns the probe. Throws on any
 * sign the page did not really work.
 * @param {Awaited<ReturnType<typeof openContext>>} ctx
 * @param {string} url
 */
async function loadToIdle(ctx, url) {
  const { page, pageErrors } = ctx;
  await page.goto(url, { waitUntil: 'commit' });
  try {
    await page.waitForSelector('#map[aria-busy="false"]', { timeout: IDLE_TIMEOUT_MS, state: 'attached' });
  } catch {
    throw new BenchError(`${url}: #map never left aria-busy within ${IDLE_TIMEOUT_MS / 1000} s ${pageErrors.join('; ')}`);
  }
  const probe = await page.evaluate(readProbe);
  if (probe.firstIdle === null) throw new BenchError(`${url}: the first-idle probe did not see aria-busy turn "false"`);
  if (probe.fullFrame === null || probe.idleMark === null) throw new BenchError(`${url}: the page did not mark atlas-full-frame and atlas-idle`);
  if (probe.notice) throw new BenchError(`${url}: the page reported an error: ${probe.notice}`);
  if (!probe.canvas) throw new BenchError(`${url}: #map is ready but holds no MapLibre canvas (no WebGL? fallback shown?)`);
  if (pageErrors.length) throw new BenchError(`${url}: errors in the page: ${pageErrors.join('; ')}`);
  return probe;
}

/** The app's after-idle loads are in once it marks `atlas-settled`. @param {import('playwright-core').Page} page */
async function appSettled(page) {
  await page
    .waitForFunction(() => performance.getEntriesByName('atlas-settled', 'mark').length > 0, undefined, { timeout: IDLE_TIMEOUT_MS, polling: 100 })
    .catch(() => {
      throw new BenchError('the app never marked atlas-settled (its data and search index loaded after first idle)');
    });
}

/** One cold first load, timed. @param {import('playwright-core').Browser} browser @param {string} url */
async function coldLoad(browser, url) {
  const ctx = await openContext(browser);
  try {
    return await loadToIdle(ctx, url);
  } finally {
    await ctx.context.close();
  }
}

/** @typedef {{ files: number, requests: number, raw: number, gzip: number }} BytesRow */

/**
 * One cold opening of a page with every response body: bytes per kind until the page is idle,
 * its after-idle loads are in and the network is quiet. A URL (with its byte range: the tileset
 * is read by ranges) fetched twice counts once.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {boolean} isApp
 */
async function openingBytes(browser, url, isApp) {
  const ctx = await openContext(browser, { recordBytes: true });
  /** @type {Awaited<(typeof ctx.bodies)[number]>[]} */
  let responses;
  try {
    await loadToIdle(ctx, url);
    if (isApp) await appSettled(ctx.page);
    await ctx.networkQuiet();
    responses = await Promise.all(ctx.bodies);
    if (ctx.pageErrors.length) throw new BenchError(`${url}: errors in the page: ${ctx.pageErrors.join('; ')}`);
  } finally {
    await ctx.context.close();
  }
  /** @type {Record<string, BytesRow>} */
  const table = Object.fromEntries([...KINDS, 'total'].map((k) => [k, { files: 0, requests: 0, raw: 0, gzip: 0 }]));
  /** @type {Map<string, { path: string, range: string, kind: string, raw: number, gzip: number, requests: number }>} */
  const files = new Map();
  for (const r of responses) {
    const key = `${r.url} ${r.range}`;
    const row = /** @type {BytesRow} */ (table[r.kind]);
    const total = /** @type {BytesRow} */ (table['total']);
    row.requests++;
    total.requests++;
    const seen = files.get(key);
    if (seen) {
      seen.requests++;
      continue;
    }
    const gzip = r.body.length ? gzipSync(r.body, { level: 9 }).length : 0;
    files.set(key, { path: new URL(r.url).pathname, range: r.range, kind: r.kind, raw: r.body.length, gzip, requests: 1 });
    for (const t of [row, total]) {
      t.files++;
      t.raw += r.body.length;
      t.gzip += gzip;
    }
  }
  const list = [...files.values()].sort((a, b) => b.gzip - a.gzip);
  return /** @type {Record<(typeof KINDS)[number] | 'total', BytesRow> & { list: typeof list }} */ ({ ...table, list });
}

/**
 * One round of interactions on a fresh page: the easeTo, then (on the app) a click on each station.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {boolean} isApp
 * @param {ReturnType<typeof readPlaces>} places
 */
async function interactionRound(browser, url, isApp, places) {
  const ctx = await openContext(browser);
  const { page } = ctx;
  try {
    await loadToIdle(ctx, url);
    if (isApp) await appSettled(page);
    await ctx.networkQuiet();
    const ease = await page.evaluate(easeProbe, { from: places.from.point, to: places.to.point, zoom: EASE.zoom, duration: EASE.duration });
    if (!ease.arrived) throw new BenchError(`${url}: the easeTo did not end at ${EASE.to}`);
    /** @type {{ id: string, ms: number, shownMs: number }[]} */
    const clicks = [];
    if (isApp) {
      for (const station of places.stations) {
        const at = await page.evaluate(placeForClick, { id: station.id, center: station.point, zoom: STATION_ZOOM });
        if (!at) throw new BenchError(`no point near ${station.id} at zoom ${STATION_ZOOM} picks it alone`);
        // As a reader's pointer: it arrives (the map shows the hover), then presses.
        await page.mouse.move(at.x, at.y);
        await page.evaluate(mapSettles);
        await page.evaluate(armClick, station.name);
        await page.mouse.down();
        await page.mouse.up();
        const r = await page
          .evaluate(() => /** @type {any} */ (window).__click)
          .catch((err) => {
            throw new BenchError(`${station.id}: ${err instanceof Error ? err.message : err}`);
          });
        if (r.input === null) throw new BenchError(`${station.id}: the click's pointerup was not seen`);
        clicks.push({ id: station.id, ms: round1(r.frame - r.input), shownMs: round1(r.shown - r.input) });
      }
    }
    if (ctx.pageErrors.length) throw new BenchError(`${url}: errors in the page: ${ctx.pageErrors.join('; ')}`);
    const intervals = ease.stamps.slice(1).map((t, i) => t - /** @type {number} */ (ease.stamps[i]));
    return { ease: { intervals, elapsed: ease.elapsed, frames: intervals.length }, clicks };
  } finally {
    await ctx.context.close();
  }
}

/** What the browser renders with: WebGL's renderer and chrome://gpu's compositing line. @param {import('playwright-core').Browser} browser @param {string} url */
async function glInfo(browser, url) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    const renderer = await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      const ext = gl?.getExtension('WEBGL_debug_renderer_info');
      return gl && ext ? String(gl.getParameter(ext.UNMASKED_RENDERER_WEBGL)) : null;
    });
    let compositing = null;
    try {
      await page.goto('chrome://gpu');
      await page.waitForFunction(() => /Compositing:/.test(document.querySelector('info-view')?.shadowRoot?.textContent ?? ''), undefined, { timeout: 5000 });
      const text = await page.evaluate(() => document.querySelector('info-view')?.shadowRoot?.textContent ?? '');
      compositing = text.match(/Compositing:\s*([^\n*]+)/)?.[1]?.trim() ?? null;
    } catch {
      /* diagnostics only */
    }
    return { renderer, compositing };
  } finally {
    await context.close();
  }
}

/**
 * A browser under one GL configuration, kept open for the whole run.
 * @param {(typeof CONFIGURATIONS)[number]} config
 * @param {string} probeUrl any page of the local server (for the GL report)
 */
async function launch(config, probeUrl) {
  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: config.args });
  } catch (err) {
    throw new BenchError(
      `Chromium at ${CHROMIUM_PATH} did not start (${err instanceof Error ? err.message.split('\n')[0] : err}).\n` +
        'Install or repair it with: apt-get install -y chromium fonts-noto-cjk',
    );
  }
  const b = browser;
  cleanups.push(() => b.close());
  const gl = await glInfo(browser, probeUrl);
  console.log(`  [${config.name}] ${config.about}\n    Chromium ${browser.version()}; WebGL ${gl.renderer}; compositing: ${gl.compositing}`);
  return { config, browser, version: browser.version(), gl };
}

/** The machine's load (other processes compete for its cores): 1-minute load average. */
const load = () => round2(loadavg()[0] ?? NaN);

/**
 * Everything, under every GL configuration. The configurations take turns, load by load and
 * round by round, so a change in the machine's load falls on both alike.
 * @param {Record<(typeof PAGES)[number], string>} urls
 * @param {ReturnType<typeof readPlaces>} places
 */
async function measureAll(urls, places) {
  console.log('\nbench: browsers');
  /** @type {Awaited<ReturnType<typeof launch>>[]} */
  const sessions = [];
  for (const config of CONFIGURATIONS) sessions.push(await launch(config, urls.bare));
  /** @type {Record<string, { started: number, seconds: number, loadBefore: number, loadAfter: number }>} */
  const phases = {};
  const phase = async (/** @type {string} */ name, /** @type {() => Promise<void>} */ run) => {
    const started = performance.now();
    const loadBefore = load();
    await run();
    phases[name] = { started: round1((started - START) / 1000), seconds: round1((performance.now() - started) / 1000), loadBefore, loadAfter: load() };
  };

  /** @type {Record<string, Record<(typeof PAGES)[number], Awaited<ReturnType<typeof readProbe>>[]>>} */
  const loads = {};
  /** @type {Record<string, Record<(typeof PAGES)[number], number[]>>} */
  const warmups = {};
  for (const s of sessions) {
    loads[s.config.name] = { ours: [], bare: [], floor: [] };
    warmups[s.config.name] = { ours: [], bare: [], floor: [] };
  }
  await phase('firstLoads', async () => {
    console.log(`\nbench: cold first loads, ${WARMUP} warm-up + ${RUNS} runs per page and configuration (first idle ms, frames before idle)`);
    for (let i = 0; i < WARMUP + RUNS; i++) {
      for (const s of sessions) {
        const line = [];
        for (const name of PAGES) {
          const probe = await coldLoad(s.browser, urls[name]);
          if (i < WARMUP) warmups[s.config.name]?.[name].push(round1(/** @type {number} */ (probe.firstIdle)));
          else loads[s.config.name]?.[name].push(probe);
          line.push(`${name} ${pad(Math.round(/** @type {number} */ (probe.firstIdle)), 5)} ms ${pad(probe.framesBeforeIdle, 2)} fr`);
        }
        console.log(`  ${i < WARMUP ? 'warm-up' : `run ${pad(i - WARMUP + 1, 2)} `}  ${s.config.name.padEnd(18)}${line.join('   ')}`);
      }
    }
  });

  /** @type {Record<string, Record<(typeof PAGES)[number], Awaited<ReturnType<typeof openingBytes>>>>} */
  const bytes = {};
  await phase('bytes', async () => {
    console.log('\nbench: bytes of each opening');
    for (const s of sessions) {
      bytes[s.config.name] = {
        ours: await openingBytes(s.browser, urls.ours, true),
        bare: await openingBytes(s.browser, urls.bare, false),
        floor: await openingBytes(s.browser, urls.floor, false),
      };
    }
  });

  /** @type {Record<string, { round: number, id: string, ms: number, shownMs: number }[]>} */
  const clicks = {};
  /** @type {Record<string, Record<'ours' | 'bare', { intervals: number[], elapsed: number[], frames: number[] }>>} */
  const eases = {};
  for (const s of sessions) {
    clicks[s.config.name] = [];
    eases[s.config.name] = { ours: { intervals: [], elapsed: [], frames: [] }, bare: { intervals: [], elapsed: [], frames: [] } };
  }
  await phase('interactions', async () => {
    console.log(`\nbench: interactions, ${INTERACTION_ROUNDS} rounds (click to panel per station, ms)`);
    for (let round = 1; round <= INTERACTION_ROUNDS; round++) {
      for (const s of sessions) {
        const mine = /** @type {(typeof clicks)[string]} */ (clicks[s.config.name]);
        for (const name of /** @type {const} */ (['ours', 'bare'])) {
          const r = await interactionRound(s.browser, urls[name], name === 'ours', places);
          const e = eases[s.config.name]?.[name];
          e?.intervals.push(...r.ease.intervals);
          e?.elapsed.push(r.ease.elapsed);
          e?.frames.push(r.ease.frames);
          for (const c of r.clicks) mine.push({ round, ...c });
        }
        const last = mine.filter((c) => c.round === round).map((c) => Math.round(c.ms));
        console.log(`  round ${round}  ${s.config.name.padEnd(18)}${last.join(' ')}`);
      }
    }
  });
  for (const s of sessions) await s.browser.close();

  /** @type {Record<string, ReturnType<typeof assemble>>} */
  const configurations = {};
  for (const s of sessions) {
    const name = s.config.name;
    configurations[name] = assemble(
      s,
      /** @type {(typeof loads)[string]} */ (loads[name]),
      /** @type {(typeof warmups)[string]} */ (warmups[name]),
      /** @type {(typeof bytes)[string]} */ (bytes[name]),
      /** @type {(typeof clicks)[string]} */ (clicks[name]),
      /** @type {(typeof eases)[string]} */ (eases[name]),
    );
  }
  return { configurations, phases };
}

/**
 * One configuration's figures from its samples.
 * @param {Awaited<ReturnType<typeof launch>>} session
 * @param {Record<(typeof PAGES)[number], Awaited<ReturnType<typeof readProbe>>[]>} loads
 * @param {Record<(typeof PAGES)[number], number[]>} warmups
 * @param {Record<(typeof PAGES)[number], Awaited<ReturnType<typeof openingBytes>>>} bytes
 * @param {{ round: number, id: string, ms: number, shownMs: number }[]} clicks
 * @param {Record<'ours' | 'bare', { intervals: number[], elapsed: number[], frames: number[] }>} eases
 */
function assemble(session, loads, warmups, bytes, clicks, eases) {
  /** @param {(typeof PAGES)[number]} name */
  const figures = (name) => {
    const s = loads[name];
    return {
      firstIdle: summary(s.map((p) => /** @type {number} */ (p.firstIdle))),
      fullFrame: summary(s.map((p) => /** @type {number} */ (p.fullFrame))),
      framesBeforeIdle: summary(s.map((p) => /** @type {number} */ (p.framesBeforeIdle))),
      framesAtFullFrame: summary(s.map((p) => /** @type {number} */ (p.framesAtFullFrame))),
      longTaskMs: summary(s.map((p) => p.longTaskMs)),
      longTaskCount: summary(s.map((p) => p.longTaskCount)),
      warmupFirstIdle: warmups[name],
    };
  };
  const firstLoad = { ours: figures('ours'), bare: figures('bare'), floor: figures('floor') };
  const m = (/** @type {(typeof PAGES)[number]} */ name) => firstLoad[name].firstIdle.median;
  const medians = { ours: m('ours'), bare: m('bare'), floor: m('floor') };
  const click = {
    ...summary(clicks.map((c) => c.ms)),
    shownInTask: summary(clicks.map((c) => c.shownMs)),
    perStation: Object.fromEntries([...new Set(clicks.map((c) => c.id))].map((id) => [id, clicks.filter((c) => c.id === id).map((c) => c.ms)])),
    samples: clicks,
  };
  /** @param {'ours' | 'bare'} name */
  const easeFigures = (name) => {
    const e = eases[name];
    const frames = e.frames.reduce((a, x) => a + x, 0);
    const elapsed = e.elapsed.reduce((a, x) => a + x, 0);
    const { samples, ...frameMs } = summary(e.intervals);
    return { frameMs, fps: round1((frames / elapsed) * 1000), framesPerRound: e.frames, elapsedMs: e.elapsed.map(round1), intervals: samples };
  };
  const easeTo = { ours: easeFigures('ours'), bare: easeFigures('bare') };
  return {
    args: session.config.args,
    about: session.config.about,
    chromium: session.version,
    ...session.gl,
    medians,
    ratio: round2(medians.ours / medians.floor),
    bareRatio: round2(medians.ours / medians.bare),
    // Run by run (ours and floor load back to back): less swayed by other processes' load.
    pairedRatio: round2(median(loads.ours.map((p, i) => /** @type {number} */ (p.firstIdle) / /** @type {number} */ (loads.floor[i]?.firstIdle)))),
    firstLoad,
    bytes,
    ownJsGzip: bytes.ours.js.gzip - bytes.bare.js.gzip,
    click,
    easeTo,
  };
}

/**
 * Which reaches a configuration misses.
 * @param {ReturnType<typeof assemble>} r
 */
function missed(r) {
  const out = [];
  if (r.ratio > REACH.maxRatio) out.push(`first idle ours/floor ${r.ratio.toFixed(2)} > ${REACH.maxRatio}`);
  if (r.bytes.ours.total.gzip > REACH.maxOpeningGzip) out.push(`opening bytes ${kb(r.bytes.ours.total.gzip)} gzip > ${kb(REACH.maxOpeningGzip)}`);
  if (r.click.p95 > REACH.maxClickP95Ms) out.push(`click to panel p95 ${r.click.p95} ms > ${REACH.maxClickP95Ms} ms`);
  return out;
}

/**
 * The readable report of one configuration; its bytes only when they differ from `previous`'s.
 * @param {string} name @param {ReturnType<typeof assemble>} r @param {ReturnType<typeof assemble> | null} previous
 */
function printConfiguration(name, r, previous) {
  console.log(`\n=== ${name}: ${r.about}`);
  console.log(`    WebGL ${r.renderer}; compositing: ${r.compositing}`);
  console.log(`\n  First load, cold, ${RUNS} runs each (ms from navigation start; median / p95)`);
  console.log(`    ${'page'.padEnd(6)}${pad('full frame', 16)}${pad('first idle', 16)}${pad('frames to idle', 16)}${pad('long tasks ms', 15)}`);
  for (const page of PAGES) {
    const f = r.firstLoad[page];
    const pair = (/** @type {{ median: number, p95: number }} */ s) => `${Math.round(s.median)} / ${Math.round(s.p95)}`;
    console.log(
      `    ${page.padEnd(6)}${pad(pair(f.fullFrame), 16)}${pad(pair(f.firstIdle), 16)}${pad(`${f.framesBeforeIdle.median} (${f.framesBeforeIdle.min}–${f.framesBeforeIdle.max})`, 16)}${pad(Math.round(f.longTaskMs.median), 15)}`,
    );
  }
  console.log(
    `    ratio ours/floor ${r.ratio.toFixed(2)} (reach ${REACH.maxRatio}; run by run ${r.pairedRatio.toFixed(2)})   ours/bare ${r.bareRatio.toFixed(2)}`,
  );
  const sameBytes = previous && PAGES.every((page) => previous.bytes[page].total.gzip === r.bytes[page].total.gzip);
  if (sameBytes) console.log(`\n  Bytes of the opening: as above (ours ${kb(r.bytes.ours.total.gzip)})`);
  else printBytes(r);
  console.log(`\n  Click to panel, ${r.click.samples.length} clicks (${Object.keys(r.click.perStation).length} stations × ${INTERACTION_ROUNDS} rounds)`);
  console.log(
    `    median ${r.click.median} ms, p95 ${r.click.p95} ms (reach ${REACH.maxClickP95Ms}), max ${r.click.max} ms; panel filled in the click's task after ${r.click.shownInTask.median} ms (median)`,
  );
  console.log(`\n  easeTo ${EASE.from} → ${EASE.to}, zoom ${EASE.zoom}, ${EASE.duration} ms, ${INTERACTION_ROUNDS} rounds: rAF intervals`);
  for (const page of /** @type {const} */ (['ours', 'bare'])) {
    const e = r.easeTo[page];
    console.log(`    ${page.padEnd(6)}median ${e.frameMs.median} ms, p95 ${e.frameMs.p95} ms, max ${e.frameMs.max} ms, ${e.fps} fps`);
  }
}

/** @param {ReturnType<typeof assemble>} r */
function printBytes(r) {
  console.log('\n  Bytes of the opening view and its after-idle loads (gzip -9; raw), each URL and range once');
  console.log(`    ${'kind'.padEnd(6)}${pad('ours', 22)}${pad('bare', 22)}${pad('floor', 22)}`);
  for (const kind of /** @type {const} */ ([...KINDS, 'total'])) {
    const cell = (/** @type {BytesRow} */ row) => `${kb(row.gzip)} (${kb(row.raw)})`;
    console.log(`    ${kind.padEnd(6)}${pad(cell(r.bytes.ours[kind]), 22)}${pad(cell(r.bytes.bare[kind]), 22)}${pad(cell(r.bytes.floor[kind]), 22)}`);
  }
  console.log(`    ours total ${kb(r.bytes.ours.total.gzip)} (reach ${kb(REACH.maxOpeningGzip)}); the app's JS beyond the bare page's ${kb(r.ownJsGzip)}`);
  const largest = r.bytes.ours.list.slice(0, 8).map((f) => `${f.path.replace(/^\/assets\//, '')}${f.range ? ` [${f.range}]` : ''} ${kb(f.gzip)}`);
  console.log(`    ours' largest: ${largest.join(', ')}`);
}

/**
 * A reader's first visit, on the wire: the bytes the server sends (headers included, compressed as
 * served), from the first request until the service worker controls the page with the whole build
 * precached, split at the map's first idle (before it: the opening; after it: the page's later
 * loads and the worker's install, which takes from the HTTP cache what the page already has).
 */
async function firstVisitBytes() {
  const server = await preview({ root: ROOT, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set();
  server.httpServer.on('connection', (socket) => sockets.add(socket));
  const sent = () => [...sockets].reduce((n, s) => n + s.bytesWritten, 0);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    await page.goto(urlOf(server));
    await page.waitForSelector('#map[aria-busy="false"]', { state: 'attached', timeout: 60_000 });
    const opening = sent();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
    const total = sent();
    return { opening, afterIdle: total - opening, total };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main() {
  const started = performance.now();
  if (!existsSync(CHROMIUM_PATH)) {
    throw new BenchError(
      `No Chromium at ${CHROMIUM_PATH}. Install Debian's Chromium and CJK fonts:\n` +
        '  apt-get install -y chromium fonts-noto-cjk\n' +
        'or point CHROMIUM_PATH at another Chromium binary.',
    );
  }
  const places = readPlaces();

  console.log('bench: building the app (dist/) …');
  try {
    await build({ root: ROOT, logLevel: 'warn' });
  } catch (err) {
    throw new BenchError(`the app does not build: ${err instanceof Error ? err.message : err}`);
  }
  console.log('bench: building the baseline pages (dist-bench/) …');
  await build({ configFile: BENCH_CONFIG, logLevel: 'warn' });

  const previewOptions = { host: '127.0.0.1', port: 0, strictPort: false, open: false };
  const oursServer = await preview({ root: ROOT, logLevel: 'warn', preview: previewOptions });
  cleanups.push(() => oursServer.close());
  const bareServer = await preview({ configFile: BENCH_CONFIG, logLevel: 'warn', preview: previewOptions });
  cleanups.push(() => bareServer.close());
  const urls = { ours: urlOf(oursServer), bare: urlOf(bareServer), floor: `${urlOf(bareServer)}?floor` };
  for (const [name, url] of Object.entries(urls)) {
    if (!LOCAL_HOSTS.has(new URL(url).hostname)) throw new BenchError(`${name} is served at ${url}, not on 127.0.0.1`);
  }
  console.log(`bench: ours ${urls.ours}  bare ${urls.bare}  floor ${urls.floor}`);

  const { configurations, phases } = await measureAll(urls, places);
  if (foreignRequests.length) {
    throw new BenchError(`requests left 127.0.0.1/localhost (the atlas must work offline):\n  ${[...new Set(foreignRequests)].join('\n  ')}`);
  }

  console.log('\nbench: a first visit with its service worker');
  const firstVisit = await firstVisitBytes();

  const headline = /** @type {ReturnType<typeof assemble>} */ (configurations['default']);
  const failures = missed(headline);
  const results = {
    date: new Date().toISOString(),
    chromium: headline.chromium,
    machine: { cpus: cpus().length, node: process.version },
    viewport: VIEWPORT,
    runs: RUNS,
    warmup: WARMUP,
    interactionRounds: INTERACTION_ROUNDS,
    headline: 'default',
    medians: headline.medians,
    ratio: headline.ratio,
    bareRatio: headline.bareRatio,
    pairedRatio: headline.pairedRatio,
    reach: REACH,
    passed: failures.length === 0,
    failures,
    missedElsewhere: Object.fromEntries(Object.entries(configurations).map(([name, r]) => [name, missed(r)])),
    configurations,
    firstVisit,
    phases,
    durationSeconds: round1((performance.now() - started) / 1000),
  };
  await writeFile(`${RESULTS}.tmp`, `${JSON.stringify(results, null, 2)}\n`);
  await rename(`${RESULTS}.tmp`, RESULTS);

  /** @type {ReturnType<typeof assemble> | null} */
  let previous = null;
  for (const [name, r] of Object.entries(configurations)) {
    printConfiguration(name, r, previous);
    previous = r;
  }
  console.log(
    `\nbench/results.json written; took ${results.durationSeconds} s. Machine load (1-min average, ${cpus().length} cores) before → after: ${Object.entries(
      phases,
    )
      .map(([name, p]) => `${name} ${p.loadBefore} → ${p.loadAfter} (${p.seconds} s)`)
      .join(', ')}`,
  );
  console.log(
    `headline (default): first idle ours ${Math.round(headline.medians.ours)} ms, floor ${Math.round(headline.medians.floor)} ms, bare ${Math.round(headline.medians.bare)} ms; ratio ours/floor ${headline.ratio.toFixed(2)} (reach ≤ ${REACH.maxRatio}), ours/bare ${headline.bareRatio.toFixed(2)}`,
  );
  console.log(
    `first visit on the wire, page and service worker: ${kb(firstVisit.total)} (${kb(firstVisit.opening)} to the first idle, ${kb(firstVisit.afterIdle)} after it: the page's later loads and the worker's install)`,
  );
  const busiest = Math.max(...Object.values(phases).flatMap((p) => [p.loadBefore, p.loadAfter]));
  if (busiest > cpus().length)
    console.log(`warning: other processes kept the machine busy (load up to ${busiest} on ${cpus().length} cores): expect noisier figures`);
  for (const [name, list] of Object.entries(results.missedElsewhere)) {
    if (name !== 'default' && list.length) console.log(`(${name}, not enforced: ${list.join('; ')})`);
  }
  if (failures.length) throw new BenchError(`reach missed: ${failures.join('; ')}`);
}

let status = 0;
try {
  await main();
} catch (err) {
  status = 1;
  console.error(`\nbench: FAILED — ${err instanceof BenchError ? err.message : err instanceof Error ? (err.stack ?? err.message) : err}`);
} finally {
  await cleanup();
}
process.exit(status);
