import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_VIEW } from '../../src/state/store';
import { type PageWatch, launchChromium, mapIdle, waitForMapIdle, watchPage } from './browser';

const baseUrl = inject('baseUrl');
const VIEWPORT = { width: 1280, height: 860 };
let browser: Browser;
const pages: Page[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});

// Each tab holds a WebGL context on a software renderer: close them as soon as a test is done.
afterEach(async () => {
  await Promise.all(pages.splice(0).map((p) => p.close()));
});

afterAll(async () => {
  await browser?.close();
});

/** A fresh tab on a link, settled, with its failures recorded. */
async function open(hash: string): Promise<{ page: Page; watch: PageWatch }> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  pages.push(page);
  const watch = watchPage(page, baseUrl);
  await page.goto(new URL(hash, baseUrl).href);
  await waitForMapIdle(page);
  return { page, watch };
}

interface Seen {
  hash: string;
  zoom: number;
  center: [number, number];
  bearing: number;
  selection: string | null;
  layers: Record<string, boolean>;
  language: string;
}

function seen(page: Page): Promise<Seen> {
  return page.evaluate(() => {
    const { map, store } = (window as unknown as {
      atlas: { map: import('maplibre-gl').Map; store: { state: { selection: string | null; layers: Record<string, boolean>; language: string } } };
    }).atlas;
    const c = map.getCenter();
    const { selection, layers, language } = store.state;
    return { hash: location.hash, zoom: map.getZoom(), center: [c.lng, c.lat] as [number, number], bearing: map.getBearing(), selection, layers, language };
  });
}

function noticeText(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const n = document.querySelector<HTMLElement>('#notice');
    return n && !n.hidden ? n.textContent : null;
  });
}

describe('a shared link', () => {
  it('opens at the view, groups, selection and language it carries', async () => {
    const { page, watch } = await open('/#map=9/30.4/104.3&layers=rivers,rail&select=futian-station&lang=en');
    const s = await seen(page);
    expect(s.zoom).toBeCloseTo(9, 5);
    expect(s.center[0]).toBeCloseTo(104.3, 5);
    expect(s.center[1]).toBeCloseTo(30.4, 5);
    expect(s.layers).toEqual({ rivers: true, rail: true, transit: false, sites: false });
    expect(await page.isChecked('.atlas-layer-control input[value="transit"]')).toBe(false);
    await expect.poll(() => page.locator('atlas-feature-panel h2').textContent()).toContain('Futian Station');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await noticeText(page)).toBeNull();
    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });

  it('follows the reader, and reopens in a new tab exactly as the reader saw it', async () => {
    const { page } = await open('/');
    await page.evaluate(() => {
      const { map, store } = (window as unknown as {
        atlas: { map: import('maplibre-gl').Map; store: { dispatch(a: unknown): void } };
      }).atlas;
      map.jumpTo({ center: [106.55, 29.56], zoom: 10.37, bearing: 15 });
      store.dispatch({ type: 'toggle-layer', group: 'sites', visible: false });
      store.dispatch({ type: 'select', id: 'river-jialing' });
    });
    await mapIdle(page);
    const before = await seen(page);
    expect(before.hash).toMatch(/^#map=10\.37\/29\.56\d*\/106\.55\d*\/15&layers=rivers,rail,transit&select=river-jialing$/);

    const { page: shared } = await open(`/${before.hash}`);
    const after = await seen(shared);
    expect(after.hash).toBe(before.hash);
    expect(after.zoom).toBeCloseTo(before.zoom, 2);
    expect(after.bearing).toBeCloseTo(before.bearing, 1);
    // The same place to within a pixel at this zoom.
    const pixelDeg = 360 / (512 * 2 ** before.zoom);
    expect(Math.abs(after.center[0] - before.center[0])).toBeLessThan(pixelDeg);
    expect(Math.abs(after.center[1] - before.center[1])).toBeLessThan(pixelDeg);
    expect(after.layers).toEqual(before.layers);
    expect(after.selection).toBe('river-jialing');
  });

  it('moves the map when the reader edits the link in the address bar', async () => {
    const { page } = await open('/');
    await page.evaluate(() => {
      location.hash = '#map=11/30.28/104.38&lang=en';
    });
    await expect.poll(async () => (await seen(page)).zoom).toBeCloseTo(11, 5);
    const s = await seen(page);
    expect(s.center[0]).toBeCloseTo(104.38, 5);
    expect(s.language).toBe('en');
  });
});

describe('a mangled link', () => {
  it('opens the map at its default view with a notice naming what was ignored', async () => {
    const { page, watch } = await open('/#map=banana/30/&lang=fr&%E0%A4%A');
    const s = await seen(page);
    // DEFAULT_VIEW is what fitting the region gives in this window (as the map tests check).
    expect(s.zoom).toBeCloseTo(DEFAULT_VIEW.zoom, 1);
    expect(s.center[0]).toBeCloseTo(DEFAULT_VIEW.center[0], 1);
    expect(s.center[1]).toBeCloseTo(DEFAULT_VIEW.center[1], 1);
    expect(s.language).toBe('zh');
    const notice = await noticeText(page);
    expect(notice).toContain('map=banana/30/');
    expect(notice).toContain('lang=fr');
    await page.getByRole('button', { name: '关闭 Close' }).click();
    expect(await noticeText(page)).toBeNull();
    // The address is replaced by a clean link to what is actually shown.
    expect(s.hash).toMatch(/^#map=6\.62\/30\.08\d*\/107\.1[34]\d*$/);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });

  it('drops a feature the atlas does not have, and says so', async () => {
    const { page, watch } = await open('/#map=8/30/105&select=no-such-place');
    await expect.poll(() => noticeText(page)).toContain('no-such-place');
    await expect.poll(async () => (await seen(page)).selection).toBeNull();
    expect((await seen(page)).hash).toBe('#map=8/30/105');
    expect(await page.locator('atlas-feature-panel section').count()).toBe(0);
    expect(watch.pageErrors).toEqual([]);
  });
});
