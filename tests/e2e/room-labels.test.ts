/**
 * What the reader is reading stays named and usable, on the production build: the chooser after a
 * tap in a crowd, figure tables on narrow screens, the twin cores' names, the home control and the
 * framing of a phone's PNG.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { RAIL } from '../../src/map/symbology';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LightIndex } from '../../src/data/types';
import { browserSession, downloadBytes, mapIdle, openPage } from './browser';

const ROOT = resolve(import.meta.dirname, '../..');
const baseUrl = inject('baseUrl');
const lightIndex = JSON.parse(readFileSync(resolve(ROOT, 'geo/index.json'), 'utf8')) as LightIndex;
const pointOf = (id: string) => lightIndex.features.find((f) => f.id === id)!.point;

const session = browserSession(baseUrl);

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

/** Where a place is on the page, in CSS px. */
function onPage(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((ll) => {
    const { map } = (window as unknown as { atlas: { map: import('maplibre-gl').Map } }).atlas;
    const p = map.project(ll);
    const r = map.getContainer().getBoundingClientRect();
    return { x: p.x + r.left, y: p.y + r.top };
  }, lngLat);
}

/** Each label of the feature panel's figures: its width, how many lines it runs to, and the list's width. */
function figureLabels(page: Page): Promise<{ text: string; width: number; lines: number; list: number }[]> {
  return page.evaluate(() => {
    const root = document.querySelector('atlas-feature-panel')?.shadowRoot;
    return [...(root?.querySelectorAll('dl dt') ?? [])].map((dt) => {
      const range = document.createRange();
      range.selectNodeContents(dt);
      const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      return {
        text: dt.textContent?.trim() ?? '',
        width: dt.getBoundingClientRect().width,
        lines: tops.size,
        list: dt.parentElement!.getBoundingClientRect().width,
      };
    });
  });
}

describe('figure tables that fit their language', () => {
  const openYangtze = async (viewport: { width: number; height: number }, touch: boolean) => {
    const { page } = await session.open({ viewport, hasTouch: touch, isMobile: touch, path: '/#select=river-yangtze&lang=en' });
    await page.waitForFunction(() => (document.querySelector('atlas-feature-panel')?.shadowRoot?.querySelectorAll('dl dt').length ?? 0) >= 2);
    return page;
  };

  it('on a phone the Yangtze’s labels keep room: none is squeezed into a sliver beside its value', async () => {
    const labels = await figureLabels(await openYangtze({ width: 390, height: 844 }, true));
    const drawn = labels.find((l) => l.text === 'Length drawn on the map');
    expect(drawn, JSON.stringify(labels)).toBeDefined();
    for (const l of labels) {
      expect(l.width, l.text).toBeGreaterThanOrEqual(Math.min(120, l.list * 0.4));
      expect(l.lines, l.text).toBeLessThanOrEqual(2);
    }
  });

  it.each([
    { width: 1024, height: 768 },
    { width: 1280, height: 860 },
    { width: 844, height: 390 },
  ])('“Flows into” stays on one line at $width×$height', async (viewport) => {
    const labels = await figureLabels(await openYangtze(viewport, viewport.height < 500));
    const flows = labels.find((l) => l.text === 'Flows into');
    expect(flows, JSON.stringify(labels)).toBeDefined();
    expect(flows!.lines).toBe(1);
  });
});

/** The ids of the features whose names the map has placed (drawn) in the whole view. */
function namesDrawn(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { map } = (window as unknown as { atlas: { map: import('maplibre-gl').Map } }).atlas;
    const symbols = map
      .getStyle()
      .layers.filter((l) => l.type === 'symbol')
      .map((l) => l.id);
    return [...new Set(map.queryRenderedFeatures({ layers: symbols }).map((f) => String(f.properties['id'])))];
  });
}

describe('the home control', () => {
  const HOME = '.maplibregl-ctrl-home';

  it('is labelled in both languages, and follows a switch of language', async () => {
    const { page } = await session.open({ path: '/#lang=zh' });
    const label = () => page.getAttribute(HOME, 'aria-label');
    expect(await label()).toBe('显示整个区域');
    expect(await page.getAttribute(HOME, 'title')).toBe('显示整个区域');
    await page.click('#language-toggle');
    await expect.poll(label).toBe('Show the whole region');
  });
});

describe('the PNG from a phone', () => {
  it('frames the selected Ziyang line in what the title and key leave free, filling it', async () => {
    const { page } = await session.open({ ...PHONE, acceptDownloads: true, path: '/#select=ziyang-line' });
    await mapIdle(page);
    const camera = () => page.evaluate(() => (window as unknown as { atlas: { map: import('maplibre-gl').Map } }).atlas.map.getCenter().toArray());
    const before = await camera();
    await page.click('#share-button');
    await page.waitForSelector('dialog.share-dialog[open]');
    const [d] = await Promise.all([page.waitForEvent('download'), page.click('.share-dialog button[data-scale="1"]')]);
    const png = PNG.sync.read(await downloadBytes(d));
    expect([png.width, png.height]).toEqual([390, 844 - 52]);
    // Where the title box, the key, the scale and the credits went.
    type Box = { x: number; y: number; width: number; height: number };
    const boxes = await page.evaluate(() => {
      const mark = performance.getEntriesByName('atlas-image').at(-1) as PerformanceMark | undefined;
      return mark?.detail as { title: Box; key: Box | null; scale: Box | null; credits: Box } | undefined;
    });
    expect(boxes).toBeDefined();
    const furniture = Object.values(boxes!).filter((b): b is Box => !!b);
    const meets = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    const onFurniture = (x: number, y: number) => furniture.some((b) => meets({ x, y, width: 1, height: 1 }, b));
    // The line's own colour on the map (the key's swatch of it aside).
    const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(RAIL.slice(i, i + 2), 16));
    const xs: number[] = [];
    const ys: number[] = [];
    for (let y = 0; y < png.height; y++) {
      for (let x = 0; x < png.width; x++) {
        const i = (y * png.width + x) * 4;
        if (png.data[i] === r && png.data[i + 1] === g && png.data[i + 2] === b && !onFurniture(x, y)) {
          xs.push(x);
          ys.push(y);
        }
      }
    }
    expect(xs.length).toBeGreaterThan(300);
    const line = { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
    // Not a speck in an empty image: the line spans most of the image's width or height.
    expect(Math.max(line.width / png.width, line.height / png.height)).toBeGreaterThan(0.5);
    // Clear of the title, the key, the scale and the credits: none lies over any stretch of it.
    for (const [name, box] of Object.entries(boxes!))
      if (box) expect(meets(line, box), `${name} ${JSON.stringify(box)} line ${JSON.stringify(line)}`).toBe(false);
    // The reader's own view is back as it was.
    expect(await camera()).toEqual(before);
  });
});

/** The part of the region outside what the map shows, in px of the container (0: it all fits). */
function regionOutside(page: Page): Promise<number> {
  const region: [[number, number], [number, number]] = [
    [102.9, 27.6],
    [109.7, 32.5],
  ];
  return page.evaluate((region) => {
    const { map } = window.atlas;
    const { width, height } = map.getContainer().getBoundingClientRect();
    const a = map.project(region[0]);
    const b = map.project(region[1]);
    return Math.max(0, -Math.min(a.x, b.x), Math.max(a.x, b.x) - width, -Math.min(a.y, b.y), Math.max(a.y, b.y) - height);
  }, region);
}

/**
 * One page for each screen and language, its tests in order: the opening view first, then what
 * moves the camera. Each test that needs the opening view goes back to it first.
 */
const SCREENS = [
  { name: 'phone', width: 390, height: 844, lang: 'zh', chooser: true, home: true, selected: ['guangyang-island', 'futian-station'] },
  { name: 'phone', width: 390, height: 844, lang: 'en', chooser: true, home: false, selected: ['tianfu-new-area'] },
  { name: 'landscape phone', width: 844, height: 390, lang: 'zh', chooser: false, home: true, selected: [] },
  { name: 'landscape phone', width: 844, height: 390, lang: 'en', chooser: false, home: false, selected: [] },
  { name: 'desktop', width: 1280, height: 860, lang: 'en', chooser: false, home: true, selected: [] },
] as const;

describe.each(SCREENS)('on a $name screen ($width×$height) in $lang', (screen) => {
  const touch = screen.width < 700 || screen.height < 500;
  let page: Page;
  let opening: { center: [number, number]; zoom: number };

  /** Back to the opening view, nothing selected, no chooser open. */
  async function backToOpening(): Promise<void> {
    if ((await page.locator('.atlas-chooser').count()) > 0) await page.keyboard.press('Escape');
    await page.evaluate((camera) => {
      const { map, store } = window.atlas;
      store.dispatch({ type: 'select', id: null });
      map.jumpTo(camera);
    }, opening);
    await mapIdle(page);
  }

  beforeAll(async () => {
    ({ page } = await openPage(session.browser, baseUrl, {
      viewport: { width: screen.width, height: screen.height },
      hasTouch: touch,
      isMobile: touch,
      path: `/#lang=${screen.lang}`,
    }));
    opening = await page.evaluate(() => {
      const { map } = window.atlas;
      return { center: map.getCenter().toArray() as [number, number], zoom: map.getZoom() };
    });
  });

  afterAll(async () => {
    await page?.context().close();
  });

  it('the opening view names 成都 and 重庆', async () => {
    await mapIdle(page);
    const drawn = await namesDrawn(page);
    expect(drawn).toContain('city-chengdu');
    expect(drawn).toContain('city-chongqing');
  });

  if (screen.selected.length > 0)
    it('selecting a place at the opening view draws its name first, and the twin cores keep theirs', async () => {
      for (const id of screen.selected) {
        await backToOpening();
        await page.evaluate((id) => window.atlas.store.dispatch({ type: 'select', id, framing: 'none' }), id);
        await expect.poll(async () => (await mapIdle(page), await namesDrawn(page))).toContain(id);
        expect(await namesDrawn(page)).toEqual(expect.arrayContaining(['city-chengdu', 'city-chongqing']));
      }
    });

  if (screen.chooser)
    it('a tap at the Chengdu cluster offers at most 8 distinct entries, each with its kind, and a way in', async () => {
      await backToOpening();
      const at = await onPage(page, pointOf('city-chengdu') as [number, number]);
      await page.touchscreen.tap(at.x, at.y);
      await page.waitForSelector('.atlas-chooser button[data-id]');
      const entries = await page.$$eval('.atlas-chooser button[data-id]', (els) =>
        els.map((b) => ({
          name: b.querySelector('.choice-name')?.textContent?.trim() ?? '',
          kind: b.querySelector('.choice-kind')?.textContent?.trim() ?? '',
        })),
      );
      expect(entries.length).toBeGreaterThan(1);
      expect(entries.length).toBeLessThanOrEqual(8);
      expect(new Set(entries.map((e) => `${e.name}|${e.kind}`)).size).toBe(entries.length);
      expect(new Set(entries.map((e) => e.name)).size, JSON.stringify(entries)).toBe(entries.length);
      for (const e of entries) expect(e.kind, e.name).not.toBe('');
      // More lay under the finger than eight: the last entry zooms in there.
      const zoom = page.locator('.atlas-chooser button[data-zoom="in"]');
      expect(await zoom.count()).toBe(1);
      const before = await page.evaluate(() => window.atlas.map.getZoom());
      await zoom.tap();
      await mapIdle(page);
      const after = await page.evaluate(() => window.atlas.map.getZoom());
      expect(after).toBeGreaterThan(before + 1);
      expect(await page.locator('.atlas-chooser').count()).toBe(0);
    });

  if (screen.home)
    it('the home control fits the whole region again, reached and pressed from the keyboard', async () => {
      await page.evaluate(() => window.atlas.map.jumpTo({ center: [104.07, 30.66], zoom: 10 }));
      await mapIdle(page);
      expect(await regionOutside(page)).toBeGreaterThan(100);
      await page.focus('.maplibregl-ctrl-home');
      await page.keyboard.press('Enter');
      await expect.poll(() => regionOutside(page)).toBe(0);
      const zoom = await page.evaluate(() => window.atlas.map.getZoom());
      expect(Math.abs(zoom - opening.zoom)).toBeLessThan(0.05);
    });
});
