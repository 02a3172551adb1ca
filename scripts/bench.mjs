// `npm run bench`: how much the atlas costs on top of MapLibre itself.
//
// Builds the app (vite.config.ts → dist/) and a bare MapLibre page with an empty style
// (bench/vite.bench.config.ts → dist-bench/), serves both with `vite preview` on 127.0.0.1, and
// drives headless Debian Chromium through playwright-core:
//   - time to first idle: each run in a fresh browser context (cold cache), ms from navigation
//     start until #map leaves aria-busy (the map's first `idle`), recorded in the page by a
//     MutationObserver injected before any page script; 1 warm-up + RUNS counted runs per page,
//     alternating ours/bare; median of each and their ratio;
//   - bytes on a cold first load of each page, by kind, raw and gzip -9; "own JS beyond MapLibre"
//     is the app's JS gzip minus the bare page's (both bundle the same maplibre-gl);
//   - that no request leaves 127.0.0.1/localhost.
// Writes bench/results.json, prints a table, and exits non-zero if a reach is exceeded.
import { existsSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const BENCH_CONFIG = resolve(ROOT, 'bench/vite.bench.config.ts');
const RESULTS = resolve(ROOT, 'bench/results.json');
const VIEWPORT = { width: 1280, height: 860 };
const WARMUP = 1;
const RUNS = 10;
const IDLE_TIMEOUT_MS = 120_000;
/** Reaches, enforced below. */
const MAX_RATIO = 1.5;
const MAX_OWN_JS_GZIP = 60_000; // 60 kB, with kB = 1000 bytes as in Vite's build report
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
/**
 * ours: the app; bare: MapLibre with an empty style; floor: the bare page plus one tiny layer of
 * each kind the atlas must draw (fill, line, dashed line, circle, a Chinese label), i.e. the least
 * any page with this content can cost on the machine at hand. Its ratio says what the reach can be.
 */
const PAGES = /** @type {const} */ (['ours', 'bare', 'floor']);
const KINDS = /** @type {const} */ (['js', 'worker', 'css', 'data', 'fonts', 'other']);

class BenchError extends Error {}

/**
 * Runs in every page before its own scripts: records performance.now() (ms since navigation start)
 * the moment #map's aria-busy turns "false", plus the main thread's long tasks up to then.
 * Identical for both pages, so neither needs to cooperate beyond its readiness signal.
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
        w.__firstIdleObserved = true;
        observer.disconnect();
        return;
      }
    }
  });
  observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
}

/** What the page looked like at first idle: the time, whether a map really rendered, and phases. */
function readProbe() {
  const w = /** @type {any} */ (window);
  const nav = /** @type {PerformanceNavigationTiming | undefined} */ (performance.getEntriesByType('navigation')[0]);
  const resources = /** @type {PerformanceResourceTiming[]} */ (performance.getEntriesByType('resource'));
  const lastEnd = (/** @type {RegExp} */ re) =>
    Math.max(0, ...resources.filter((r) => re.test(new URL(r.name).pathname)).map((r) => r.responseEnd));
  const firstIdle = w.__firstIdleObserved ? w.__firstIdle : null;
  const longTasks = /** @type {[number, number][]} */ (w.__longTasks ?? []).filter(([start]) => firstIdle === null || start < firstIdle);
  const notice = document.querySelector('#notice');
  return {
    firstIdle,
    canvas: !!document.querySelector('#map canvas.maplibregl-canvas'),
    notice: notice && !notice.hasAttribute('hidden') ? notice.textContent : null,
    domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
    load: nav ? nav.loadEventEnd : null,
    scriptsLoaded: lastEnd(/\.m?js$/),
    dataLoaded: lastEnd(/\.(geo)?json$|\.txt$/),
    longTaskCount: longTasks.length,
    longTaskMs: longTasks.reduce((sum, [, d]) => sum + d, 0),
  };
}

/** @param {string} url @param {string} contentType */
function classify(url, contentType) {
  const path = new URL(url).pathname.toLowerCase();
  const type = contentType.toLowerCase();
  if (/maplibre-gl-worker[^/]*$/.test(path)) return 'worker';
  if (/\.(woff2?|ttf|otf)$/.test(path) || type.startsWith('font/')) return 'fonts';
  if (/\.(m?js)$/.test(path) || type.includes('javascript')) return 'js';
  if (path.endsWith('.css') || type.startsWith('text/css')) return 'css';
  if (/\.(geojson|json|txt)$/.test(path) || type.includes('json')) return 'data';
  return 'other';
}

/** @param {number[]} xs */
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? /** @type {number} */ (s[mid]) : (/** @type {number} */ (s[mid - 1]) + /** @type {number} */ (s[mid])) / 2;
}

const round1 = (/** @type {number} */ x) => Math.round(x * 10) / 10;
const kb = (/** @type {number} */ bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const pad = (/** @type {unknown} */ s, /** @type {number} */ n) => String(s).padStart(n);

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
 * One cold load in a fresh context. With `recordBytes`, also every response body.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {{ recordBytes?: boolean }} [options]
 */
async function coldLoad(browser, url, { recordBytes = false } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript(firstIdleProbe);
    /** @type {string[]} */
    const pageErrors = [];
    context.on('request', (req) => {
      const u = new URL(req.url());
      if (u.protocol === 'data:' || u.protocol === 'blob:') return;
      if (!LOCAL_HOSTS.has(u.hostname)) foreignRequests.push(req.url());
    });
    /** @type {Promise<{ url: string, status: number, kind: string, raw: number, gzip: number }>[]} */
    const bodies = [];
    if (recordBytes) {
      context.on('response', (res) => {
        const u = new URL(res.url());
        if (u.protocol === 'data:' || u.protocol === 'blob:') return;
        bodies.push(
          res.body().then(
            (body) => ({
              url: res.url(),
              status: res.status(),
              kind: classify(res.url(), res.headers()['content-type'] ?? ''),
              raw: body.length,
              gzip: body.length ? gzipSync(body, { level: 9 }).length : 0,
            }),
            () => ({ url: res.url(), status: res.status(), kind: 'other', raw: 0, gzip: 0 }),
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
      // Neither page has a favicon; the browser asking for one is not the page's doing.
      if (res.status() >= 400 && new URL(res.url()).pathname !== '/favicon.ico') pageErrors.push(`HTTP ${res.status()} ${res.url()}`);
    });
    page.on('requestfailed', (req) => pageErrors.push(`request failed: ${req.url()} (${req.failure()?.errorText})`));
    await page.goto(url, { waitUntil: 'commit' });
    try {
      await page.waitForSelector('#map[aria-busy="false"]', { timeout: IDLE_TIMEOUT_MS });
    } catch {
      throw new BenchError(`${url}: #map never left aria-busy within ${IDLE_TIMEOUT_MS / 1000} s ${pageErrors.join('; ')}`);
    }
    const probe = await page.evaluate(readProbe);
    if (probe.firstIdle === null) throw new BenchError(`${url}: the first-idle probe did not see aria-busy turn "false"`);
    if (probe.notice) throw new BenchError(`${url}: the page reported an error: ${probe.notice}`);
    if (!probe.canvas) throw new BenchError(`${url}: #map is ready but holds no MapLibre canvas (no WebGL? fallback shown?)`);
    if (pageErrors.length) throw new BenchError(`${url}: errors in the page: ${pageErrors.join('; ')}`);
    if (recordBytes) {
      // Let late responses (e.g. the worker script) finish before reading the bodies.
      await page.waitForLoadState('networkidle').catch(() => {});
    }
    const responses = await Promise.all(bodies);
    return { probe, responses };
  } finally {
    await context.close();
  }
}

/** @typedef {{ files: number, requests: number, raw: number, gzip: number }} BytesRow */

/**
 * Bytes per kind; a URL fetched twice counts once (requests shows how often it was fetched).
 * @param {{ url: string, kind: string, raw: number, gzip: number }[]} responses
 * @returns {Record<(typeof KINDS)[number] | 'total', BytesRow>}
 */
function bytesTable(responses) {
  /** @type {Record<string, BytesRow>} */
  const table = Object.fromEntries(KINDS.map((k) => [k, { files: 0, requests: 0, raw: 0, gzip: 0 }]));
  const seen = new Set();
  for (const r of responses) {
    const row = /** @type {BytesRow} */ (table[r.kind]);
    row.requests++;
    if (seen.has(r.url)) continue;
    seen.add(r.url);
    row.files++;
    row.raw += r.raw;
    row.gzip += r.gzip;
  }
  const total = { files: 0, requests: 0, raw: 0, gzip: 0 };
  for (const row of Object.values(table)) {
    total.files += row.files;
    total.requests += row.requests;
    total.raw += row.raw;
    total.gzip += row.gzip;
  }
  return /** @type {Record<(typeof KINDS)[number] | 'total', BytesRow>} */ ({ ...table, total });
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

  console.log('bench: building the app (dist/) …');
  try {
    await build({ root: ROOT, logLevel: 'warn' });
  } catch (err) {
    throw new BenchError(`the app does not build: ${err instanceof Error ? err.message : err}`);
  }
  console.log('bench: building the bare MapLibre page (dist-bench/) …');
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

  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  } catch (err) {
    throw new BenchError(
      `Chromium at ${CHROMIUM_PATH} did not start (${err instanceof Error ? err.message.split('\n')[0] : err}).\n` +
        'Install or repair it with: apt-get install -y chromium fonts-noto-cjk',
    );
  }
  const b = browser;
  cleanups.push(() => b.close());
  const chromiumVersion = browser.version();
  console.log(`bench: Chromium ${chromiumVersion}; ours ${urls.ours}  bare ${urls.bare}`);

  /** @type {Record<(typeof PAGES)[number], ReturnType<typeof readProbe>[]>} */
  const samples = { ours: [], bare: [], floor: [] };
  /** @type {Record<(typeof PAGES)[number], number[]>} */
  const warmups = { ours: [], bare: [], floor: [] };
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const line = [];
    for (const name of PAGES) {
      const { probe } = await coldLoad(browser, urls[name]);
      if (i < WARMUP) warmups[name].push(round1(/** @type {number} */ (probe.firstIdle)));
      else samples[name].push(probe);
      line.push(`${name} ${Math.round(/** @type {number} */ (probe.firstIdle))} ms`);
    }
    console.log(`  ${i < WARMUP ? 'warm-up' : `run ${pad(i - WARMUP + 1, 2)}`}: ${line.join('  ')}`);
  }

  const bytes = {
    ours: bytesTable((await coldLoad(browser, urls.ours, { recordBytes: true })).responses),
    bare: bytesTable((await coldLoad(browser, urls.bare, { recordBytes: true })).responses),
  };
  if (foreignRequests.length) {
    throw new BenchError(
      `requests left 127.0.0.1/localhost (the atlas must work offline):\n  ${[...new Set(foreignRequests)].join('\n  ')}`,
    );
  }

  const times = {
    ours: samples.ours.map((s) => round1(/** @type {number} */ (s.firstIdle))),
    bare: samples.bare.map((s) => round1(/** @type {number} */ (s.firstIdle))),
    floor: samples.floor.map((s) => round1(/** @type {number} */ (s.firstIdle))),
  };
  const medians = { ours: round1(median(times.ours)), bare: round1(median(times.bare)), floor: round1(median(times.floor)) };
  const ratio = Math.round((medians.ours / medians.bare) * 100) / 100;
  const floorRatio = Math.round((medians.floor / medians.bare) * 100) / 100;
  const ownJsGzip = bytes.ours.js.gzip - bytes.bare.js.gzip;
  /** Median of each phase, for seeing what dominates first idle. */
  const phases = Object.fromEntries(
    PAGES.map((name) => [
      name,
      Object.fromEntries(
        /** @type {const} */ (['domContentLoaded', 'scriptsLoaded', 'dataLoaded', 'load', 'firstIdle', 'longTaskMs', 'longTaskCount']).map(
          (key) => [key, round1(median(samples[name].map((s) => Number(s[key] ?? 0))))],
        ),
      ),
    ]),
  );
  const failures = [];
  if (ratio > MAX_RATIO) failures.push(`first idle ratio ${ratio.toFixed(2)} exceeds ${MAX_RATIO}`);
  if (ownJsGzip > MAX_OWN_JS_GZIP) failures.push(`own JS beyond MapLibre ${kb(ownJsGzip)} gzip exceeds ${kb(MAX_OWN_JS_GZIP)}`);

  const results = {
    date: new Date().toISOString(),
    chromium: chromiumVersion,
    viewport: VIEWPORT,
    runs: RUNS,
    warmup: WARMUP,
    medians,
    ratio,
    floorRatio,
    reach: { maxRatio: MAX_RATIO, maxOwnJsGzip: MAX_OWN_JS_GZIP },
    passed: failures.length === 0,
    failures,
    samples: times,
    warmups,
    phases,
    bytes,
    ownJsGzip,
    durationSeconds: Math.round((performance.now() - started) / 100) / 10,
  };
  await writeFile(`${RESULTS}.tmp`, `${JSON.stringify(results, null, 2)}\n`);
  await rename(`${RESULTS}.tmp`, RESULTS);

  // The readable report.
  console.log('\nFirst load, cold cache (raw / gzip -9; a URL fetched more than once counted once)');
  console.log(`  ${'kind'.padEnd(8)}${pad('ours raw', 12)}${pad('ours gzip', 12)}${pad('bare raw', 12)}${pad('bare gzip', 12)}${pad('files', 8)}`);
  for (const kind of /** @type {const} */ ([...KINDS, 'total'])) {
    const o = bytes.ours[kind];
    const r = bytes.bare[kind];
    console.log(
      `  ${kind.padEnd(8)}${pad(kb(o.raw), 12)}${pad(kb(o.gzip), 12)}${pad(kb(r.raw), 12)}${pad(kb(r.gzip), 12)}${pad(`${o.files}/${r.files}`, 8)}`,
    );
  }
  console.log(`  own JS beyond MapLibre (ours js gzip − bare js gzip): ${kb(ownJsGzip)} (reach ${kb(MAX_OWN_JS_GZIP)})`);

  console.log(`\nTime to first idle, ms from navigation start (${RUNS} cold runs each, alternating)`);
  console.log(`  ${'page'.padEnd(6)}${pad('median', 9)}${pad('min', 9)}${pad('max', 9)}   samples`);
  for (const name of PAGES) {
    const t = times[name];
    console.log(
      `  ${name.padEnd(6)}${pad(Math.round(medians[name]), 9)}${pad(Math.round(Math.min(...t)), 9)}${pad(Math.round(Math.max(...t)), 9)}   ${t.map(Math.round).join(' ')}`,
    );
  }
  console.log('\nPhases, median ms (DOMContentLoaded / scripts fetched / data fetched / load / first idle; main-thread long tasks before idle)');
  for (const name of PAGES) {
    const p = /** @type {Record<string, number>} */ (phases[name]);
    console.log(
      `  ${name.padEnd(6)}${pad(Math.round(p.domContentLoaded ?? 0), 7)}${pad(Math.round(p.scriptsLoaded ?? 0), 7)}${pad(Math.round(p.dataLoaded ?? 0), 7)}${pad(Math.round(p.load ?? 0), 7)}${pad(Math.round(p.firstIdle ?? 0), 7)}   long tasks: ${p.longTaskCount} totalling ${Math.round(p.longTaskMs ?? 0)} ms`,
    );
  }
  console.log(`\nbench/results.json written; took ${results.durationSeconds} s`);
  console.log(`floor ratio ${floorRatio.toFixed(2)} (one tiny layer of each kind we draw / bare): the least this machine allows`);
  console.log(`ratio ${ratio.toFixed(2)} (ours ${Math.round(medians.ours)} ms / bare ${Math.round(medians.bare)} ms, median of ${RUNS})`);
  if (failures.length) throw new BenchError(`reach exceeded: ${failures.join('; ')}`);
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
