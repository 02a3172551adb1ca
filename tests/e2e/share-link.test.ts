import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { type OpenedPage, browserSession, mapIdle } from './browser';
import { HIDDEN_BESIDE_RIVERS_AND_RAIL } from './map-probes';
import './atlas-handle';

const baseUrl = inject('baseUrl');
const VIEWPORT = { width: 1280, height: 860 };
const session = browserSession(baseUrl);

/** A fresh tab on a link, settled, with its failures recorded. */
function open(path: string): Promise<OpenedPage> {
  return session.open({ path, viewport: VIEWPORT, reducedMotion: 'no-preference', serviceWorkers: 'allow' });
}

interface Seen {
  hash: string;
  zoom: number;
  center: [number, number];
  bearing: number;
  selection: string | null;
  hidden: string[];
  language: string;
}

function seen(page: Page): Promise<Seen> {
  return page.evaluate(() => {
    const { map, store } = window.atlas;
    const c = map.getCenter();
    const { selection, hidden, language } = store.state;
    return {
      hash: location.hash,
      zoom: map.getZoom(),
      center: [c.lng, c.lat] as [number, number],
      bearing: map.getBearing(),
      selection,
      hidden: [...hidden],
      language,
    };
  });
}

function noticeText(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const texts = [...document.querySelectorAll('#notices .notice-text')].map((n) => n.textContent ?? '');
    return texts.length ? texts.join(' | ') : null;
  });
}

describe('a shared link', () => {
  it('opens at the view, groups, selection and language it carries', async () => {
    const { page, watch } = await open('/#map=9/30.4/104.3&layers=rivers,rail&select=futian-station&lang=en');
    const s = await seen(page);
    expect(s.zoom).toBeCloseTo(9, 5);
    expect(s.center[0]).toBeCloseTo(104.3, 5);
    expect(s.center[1]).toBeCloseTo(30.4, 5);
    expect(s.hidden).toEqual(HIDDEN_BESIDE_RIVERS_AND_RAIL);
    expect(await page.isChecked('.atlas-layer-panel input[value="transit"]')).toBe(false);
    await expect.poll(() => page.locator('atlas-feature-panel h2').textContent()).toContain('Futian Station');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await noticeText(page)).toBeNull();
    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });

  it('follows the reader, and reopens in a new tab exactly as the reader saw it', async () => {
    const { page } = await open('/');
    await page.evaluate(() => {
      const { map, store } = window.atlas;
      map.jumpTo({ center: [106.55, 29.56], zoom: 10.37, bearing: 15 });
      store.dispatch({ type: 'toggle-layer', target: 'sites', visible: false });
      store.dispatch({ type: 'select', id: 'river-jialing', framing: 'none' });
    });
    await mapIdle(page);
    const before = await seen(page);
    expect(before.hash).toMatch(/^#map=10\.37\/29\.56\d*\/106\.55\d*\/15&layers=-sites&select=river-jialing$/);

    const { page: shared } = await open(`/${before.hash}`);
    const after = await seen(shared);
    expect(after.hash).toBe(before.hash);
    expect(after.zoom).toBeCloseTo(before.zoom, 2);
    expect(after.bearing).toBeCloseTo(before.bearing, 1);
    // The same place to within a pixel at this zoom.
    const pixelDeg = 360 / (512 * 2 ** before.zoom);
    expect(Math.abs(after.center[0] - before.center[0])).toBeLessThan(pixelDeg);
    expect(Math.abs(after.center[1] - before.center[1])).toBeLessThan(pixelDeg);
    expect(after.hidden).toEqual(before.hidden);
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
    const { page: clean } = await open('/');
    const opening = await seen(clean);
    const { page, watch } = await open('/#map=banana/30/&lang=fr&%E0%A4%A');
    const s = await seen(page);
    // The default: the whole region, as a link-less visit opens it in this window.
    expect(s.zoom).toBeCloseTo(opening.zoom, 2);
    expect(s.center[0]).toBeCloseTo(opening.center[0], 3);
    expect(s.center[1]).toBeCloseTo(opening.center[1], 3);
    expect(s.language).toBe('zh');
    const notice = await noticeText(page);
    expect(notice).toContain('map=banana/30/');
    expect(notice).toContain('lang=fr');
    await page.locator('#notices').getByRole('button', { name: '关闭提示' }).click();
    expect(await noticeText(page)).toBeNull();
    // The address is replaced by a clean link to what is actually shown.
    expect(s.hash).toBe(opening.hash);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });

  // The reader the link asked for opened, and the view was fitted beside it; then the passage
  // turned out not to exist. On a phone the region sat in the top third of the map.
  it.each([VIEWPORT, { width: 390, height: 844 }])('opens a link to a passage the article lacks at the default view, at $width×$height', async (viewport) => {
    const touch = viewport.width < 700;
    const options = { viewport, hasTouch: touch, isMobile: touch, reducedMotion: 'no-preference', serviceWorkers: 'allow' } as const;
    const clean = await session.open({ ...options, path: '/' });
    const opening = await seen(clean.page);
    const { page, watch } = await session.open({ ...options, path: '/#read=no-such-passage' });
    await expect.poll(() => noticeText(page)).toContain('no-such-passage');
    await expect.poll(async () => (await seen(page)).hash).toBe(opening.hash);
    const s = await seen(page);
    expect(s.zoom).toBeCloseTo(opening.zoom, 2);
    expect(s.center[0]).toBeCloseTo(opening.center[0], 3);
    expect(s.center[1]).toBeCloseTo(opening.center[1], 3);
    expect(await page.locator('atlas-reader-panel:visible').count()).toBe(0);
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
