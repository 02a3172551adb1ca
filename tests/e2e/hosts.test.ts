/**
 * dist/ dropped on hosts a newsroom actually has: a folder two levels down a site (a GitHub Pages
 * project site, a CMS folder), and a server that ignores byte ranges (Python's http.server).
 * Each serves the production build as it is, with no configuration.
 */
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PageWatch, sharedChromium, waitForMapIdle, watchPage } from './browser';
import { renderedIds } from './map-probes';
import { type StaticHost, startStaticHost } from './static-host';

const DIST = resolve(import.meta.dirname, '../../dist');

let browser: Browser;

beforeAll(async () => {
  browser = await sharedChromium();
});

afterAll(async () => {
  await browser?.close();
});

function noticeText(page: Page): Promise<string> {
  return page.evaluate(() => [...document.querySelectorAll('#notices .notice-text')].map((n) => n.textContent ?? '').join(' | '));
}

async function expectHealthy(page: Page, watch: PageWatch): Promise<void> {
  expect(await renderedIds(page, 'rivers')).toContain('river-yangtze');
  expect(await renderedIds(page, 'rail')).toContain('ziyang-line');
  expect(await noticeText(page)).toBe('');
  expect(watch.consoleErrors).toEqual([]);
  expect(watch.pageErrors).toEqual([]);
}

describe('under a nested sub-path (/a/b/)', () => {
  let host: StaticHost;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    host = await startStaticHost({ root: DIST, prefix: '/a/b/', ranges: true });
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, reducedMotion: 'reduce' });
    page = await context.newPage();
    watch = watchPage(page, host.url);
  });

  afterAll(async () => {
    await host?.close();
  });

  it('draws the map and opens a shared link’s panel, asking nothing of the site root', async () => {
    await page.goto(`${host.url}#select=river-jialing`);
    await waitForMapIdle(page);
    await expect.poll(() => page.locator('atlas-feature-panel h2').textContent()).toContain('嘉陵江');
    await expectHealthy(page, watch);
    expect(host.requests.filter((r) => !r.path.startsWith('/a/b/'))).toEqual([]);
    expect(host.requests.filter((r) => r.status >= 400)).toEqual([]);
  });

  it('installs its service worker with the folder as scope, and works offline on a revisit', async () => {
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope);
    expect(scope).toBe(host.url);
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!;
      const body = (await (await fetch(link.href)).json()) as { start_url: string; scope: string };
      return { start: new URL(body.start_url, link.href).href, scope: new URL(body.scope, link.href).href };
    });
    expect(manifest).toEqual({ start: host.url, scope: host.url });

    // The worker's install took from the browser's cache what the page had loaded: no file came
    // whole from the server twice (the tileset, read by ranges, is fetched whole once).
    const whole = host.requests.filter((r) => r.status === 200).map((r) => r.path);
    expect(whole.filter((p, i) => whole.indexOf(p) !== i)).toEqual([]);

    await host.close();
    await page.reload();
    await waitForMapIdle(page);
    await expect.poll(() => page.locator('atlas-feature-panel h2').textContent()).toContain('嘉陵江');
    await expectHealthy(page, watch);
  });
});

describe('on a host that ignores Range (like python3 -m http.server)', () => {
  let host: StaticHost;

  afterAll(async () => {
    await host?.close();
  });

  it('draws the map, the tileset read from the one whole response it sends', async () => {
    host = await startStaticHost({ root: DIST, ranges: false });
    // The service worker is kept out: this is what the host alone gives a first visit.
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, reducedMotion: 'reduce', serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      const watch = watchPage(page, host.url);
      await page.goto(host.url);
      await waitForMapIdle(page);
      await expectHealthy(page, watch);
      const tileset = host.requests.filter((r) => r.path.endsWith('.pmtiles'));
      expect(tileset).toHaveLength(1);
      expect(tileset[0]).toMatchObject({ status: 200 });
      expect(tileset[0]!.range).toMatch(/^bytes=0-/);
    } finally {
      await context.close();
    }
  });
});
