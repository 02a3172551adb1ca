/**
 * Offline revisits: a reader who has opened the atlas once can open it again with the server
 * gone, Range requests included; a new build is announced and taken on the reader's word.
 * Runs on a copy of dist/ behind its own server, which the test stops and starts.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRECACHE_IGNORES } from '../../src/pwa/policy';
import { type PageWatch, sharedChromium, waitForMapIdle, watchPage } from './browser';
import { renderedIds } from './map-probes';
import './atlas-handle';

const DIST = resolve(import.meta.dirname, '../../dist');

let scratch: string;
/** the copy of dist/ (scratch/dist, so the server's root is not its own output directory) */
let copy: string;
let server: PreviewServer | null = null;
let port = 0;
let browser: Browser;
let page: Page;
let watch: PageWatch;

/** Serves the copy on `port` (a free one the first time, the same one after). */
async function serve(): Promise<string> {
  server = await preview({
    configFile: false,
    root: scratch,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port, strictPort: port !== 0, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a local URL');
  port = Number(new URL(url).port);
  return url;
}

async function stop(): Promise<void> {
  await server?.close();
  server = null;
}

/** Files of the copy a revisit needs: all but the service worker itself and what only crawlers read. */
function builtFiles(): string[] {
  return readdirSync(copy, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(copy, join(d.parentPath, d.name)))
    .filter((f) => f !== 'sw.js' && !(PRECACHE_IGNORES as readonly string[]).includes(f))
    .sort();
}

/** What the service worker's precache holds: path → revision (null for hashed names). */
function precached(): Promise<Record<string, string | null>> {
  return page.evaluate(async () => {
    const name = (await caches.keys()).find((k) => k.startsWith('workbox-precache'));
    if (!name) return {};
    const keys = await (await caches.open(name)).keys();
    return Object.fromEntries(
      keys.map((r) => {
        const url = new URL(r.url);
        return [url.pathname.slice(1), url.searchParams.get('__WB_REVISION__')];
      }),
    );
  });
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'atlas-offline-'));
  copy = join(scratch, 'dist');
  cpSync(DIST, copy, { recursive: true });
  const url = await serve();
  browser = await sharedChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  watch = watchPage(page, url);
  await page.goto(url);
  await waitForMapIdle(page);
});

afterAll(async () => {
  await browser?.close();
  await stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('a second visit with the server stopped', () => {
  it('is covered after the first: the service worker controls the page with the whole build precached', async () => {
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    const cached = await precached();
    expect(Object.keys(cached).sort()).toEqual(builtFiles());
    // The data (the map's tileset, the panels' index, the article, the full GeoJSON for downloads),
    // MapLibre's worker and the app are all there.
    expect(Object.keys(cached).some((f) => /atlas-.*\.pmtiles$/.test(f))).toBe(true);
    expect(Object.keys(cached).some((f) => /index-.*\.json$/.test(f))).toBe(true);
    expect(Object.keys(cached).some((f) => /search-index-.*\.json$/.test(f))).toBe(true);
    expect(Object.keys(cached).filter((f) => f.endsWith('.geojson')).length).toBeGreaterThanOrEqual(4);
    expect(Object.keys(cached).some((f) => /maplibre-gl-worker.*\.mjs$/.test(f))).toBe(true);
    expect(cached['index.html']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('opens the map with all four groups drawn and no error', async () => {
    await stop();
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
    await page.reload();
    await waitForMapIdle(page);
    expect(await renderedIds(page, 'rivers')).toContain('river-yangtze');
    expect(await renderedIds(page, 'rail')).toContain('ziyang-line');
    expect((await renderedIds(page, 'transit')).length).toBeGreaterThan(0);
    expect((await renderedIds(page, 'sites')).length).toBeGreaterThan(0);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.cspViolations).toEqual([]);
  });

  it('answers a Range request to a precached file with the right 206 part', async () => {
    // The map's tiled data will be a .pmtiles archive read by ranges; until then, any data file.
    const files = builtFiles();
    const target = files.find((f) => f.endsWith('.pmtiles')) ?? files.find((f) => f.endsWith('.geojson'))!;
    const bytes = readFileSync(join(copy, target));
    const ask = (range: string) =>
      page.evaluate(
        async ([path, r]) => {
          const res = await fetch(`/${path}`, { headers: { Range: r } });
          return { status: res.status, contentRange: res.headers.get('content-range'), body: [...new Uint8Array(await res.arrayBuffer())] };
        },
        [target, range] as const,
      );
    const middle = await ask('bytes=100-1099');
    expect(middle.status).toBe(206);
    expect(middle.contentRange).toBe(`bytes 100-1099/${bytes.length}`);
    expect(Buffer.from(middle.body).equals(bytes.subarray(100, 1100))).toBe(true);
    const tail = await ask('bytes=-64');
    expect(tail.status).toBe(206);
    expect(tail.contentRange).toBe(`bytes ${bytes.length - 64}-${bytes.length - 1}/${bytes.length}`);
    expect(Buffer.from(tail.body).equals(bytes.subarray(bytes.length - 64))).toBe(true);
    // A range past the end is clamped, as a server would (a reader may ask for a fixed-size block).
    const over = await ask(`bytes=${bytes.length - 10}-${bytes.length + 16383}`);
    expect(over.status).toBe(206);
    expect(over.contentRange).toBe(`bytes ${bytes.length - 10}-${bytes.length - 1}/${bytes.length}`);
    expect(Buffer.from(over.body).equals(bytes.subarray(bytes.length - 10))).toBe(true);
  });
});

describe('a new build', () => {
  it('is announced, in the page language, and taken on "Reload", replacing the old files', async () => {
    // The copy becomes a new build: a changed index.html, listed with a new revision in sw.js.
    const indexPath = join(copy, 'index.html');
    const newIndex = readFileSync(indexPath, 'utf8').replace('<head>', '<head>\n    <meta name="atlas-test-build" content="2" />');
    writeFileSync(indexPath, newIndex);
    const swPath = join(copy, 'sw.js');
    const sw = readFileSync(swPath, 'utf8');
    const oldRevision = /\{"revision":"([0-9a-f]{32})","url":"index\.html"\}/.exec(sw)?.[1];
    if (!oldRevision) throw new Error('index.html is not listed with a revision in sw.js');
    const newRevision = createHash('md5').update(newIndex).digest('hex');
    writeFileSync(swPath, sw.replace(`{"revision":"${oldRevision}","url":"index.html"}`, `{"revision":"${newRevision}","url":"index.html"}`));
    await serve();

    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    const notice = page.locator('atlas-update-notice');
    await expect.poll(() => notice.locator('[role="status"]').textContent({ timeout: 30_000 })).toContain('新版本已就绪');
    // Switching language while it is shown changes its words too.
    await page.click('#language-toggle');
    await expect.poll(() => notice.locator('[role="status"]').textContent()).toContain('A new version is ready');
    expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting))).toBe(true);

    await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Reload' }).click()]);
    await waitForMapIdle(page);
    // The page now runs the new build, served by the new worker (none is left waiting).
    await expect(page.locator('meta[name="atlas-test-build"]').count()).resolves.toBe(1);
    const state = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return { waiting: registration?.waiting ?? null, active: registration?.active?.state, controlled: navigator.serviceWorker.controller !== null };
    });
    expect(state).toEqual({ waiting: null, active: 'activated', controlled: true });
    expect((await precached())['index.html']).toBe(newRevision);
    await expect(page.locator('atlas-update-notice').count()).resolves.toBe(0);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
  });
});
