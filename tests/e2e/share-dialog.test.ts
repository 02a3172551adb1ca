/**
 * The share dialog on the production build: the copied link reopens what was shown, the QR code
 * reads back as that link, the PNG and the GeoJSON are what they claim, and the dialog behaves as
 * a modal (Escape, focus back to its opener, Tab kept inside, 44 px targets on touch screens).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getIssues } from '@placemarkio/check-geojson';
import { booleanIntersects } from '@turf/turf';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, inject, it } from 'vitest';
import { busGroupColor, riverColor } from '../../src/map/encodings';
import { type OpenedPage, type PageWatch, DESKTOP, browserSession, downloadBytes, mapIdle } from './browser';
import { HIDDEN_BESIDE_RIVERS_AND_RAIL } from './map-probes';
import './atlas-handle';

const baseUrl = inject('baseUrl');
const GEO = resolve(import.meta.dirname, '../../geo');
const session = browserSession(baseUrl);

async function open(path: string, options: { viewport?: { width: number; height: number }; touch?: boolean } = {}): Promise<OpenedPage> {
  const opened = await session.open({
    path,
    viewport: options.viewport ?? DESKTOP,
    serviceWorkers: 'allow',
    acceptDownloads: true,
    permissions: ['clipboard-read', 'clipboard-write'],
    hasTouch: options.touch ?? false,
    isMobile: options.touch ?? false,
  });
  await mapIdle(opened.page);
  return opened;
}

function noFailures(watch: PageWatch): void {
  expect(watch.pageErrors).toEqual([]);
  expect(watch.consoleErrors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
}

async function openDialog(page: Page, opener = '#share-button'): Promise<void> {
  await page.click(opener);
  await page.waitForSelector('dialog.share-dialog[open]');
}

interface Seen {
  hash: string;
  zoom: number;
  center: [number, number];
  hidden: string[];
  selection: string | null;
  language: string;
}

function seen(page: Page): Promise<Seen> {
  return page.evaluate(() => {
    const { map, store } = window.atlas;
    const c = map.getCenter();
    const { hidden, selection, language } = store.state;
    return { hash: location.hash, zoom: map.getZoom(), center: [c.lng, c.lat] as [number, number], hidden: [...hidden], selection, language };
  });
}

/** The element that has focus, through shadow roots, described for assertions. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let a: Element | null = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    if (!a) return 'nothing';
    return `${a.tagName.toLowerCase()}${a.id ? `#${a.id}` : ''}[${a.getAttribute('aria-label') ?? a.textContent?.trim() ?? ''}]`;
  });
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: d.suggestedFilename(), bytes: await downloadBytes(d) };
}

const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

describe('the share dialog', () => {
  it('copies a link that reopens the same view, layers, selection and language; its QR code reads as that link', async () => {
    const { page, watch } = await open('/#map=10.5/30.3/104.4&layers=rivers,rail&select=futian-station&lang=en');
    await openDialog(page);
    await page.click('#share-copy');
    await expect.poll(() => page.locator('#share-link-status').textContent()).toBe('Copied to the clipboard.');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const before = await seen(page);
    expect(link).toBe(new URL(`/${before.hash}`, baseUrl).href);
    expect(await page.inputValue('#share-link')).toBe(link);

    // The QR code, as it is on the screen.
    await expect.poll(() => page.evaluate(() => (document.querySelector('#share-qr') as HTMLCanvasElement).width)).toBeGreaterThan(20);
    const shot = PNG.sync.read(await page.locator('#share-qr').screenshot());
    const decoded = jsQR(new Uint8ClampedArray(shot.data), shot.width, shot.height);
    expect(decoded?.data).toBe(link);

    // A new page on the link shows what the first showed.
    const other = await open(link.slice(new URL(baseUrl).origin.length));
    await expect.poll(async () => (await seen(other.page)).selection).toBe('futian-station');
    await mapIdle(other.page);
    const after = await seen(other.page);
    expect(after.hidden).toEqual(before.hidden);
    expect(after.hidden).toEqual(HIDDEN_BESIDE_RIVERS_AND_RAIL);
    expect(after.language).toBe('en');
    expect(after.zoom).toBeCloseTo(before.zoom, 1);
    // Within a few pixels at this zoom (the link rounds to the pixel).
    const pxDeg = 360 / (512 * 2 ** before.zoom);
    expect(Math.abs(after.center[0] - before.center[0])).toBeLessThan(4 * pxDeg);
    expect(Math.abs(after.center[1] - before.center[1])).toBeLessThan(4 * pxDeg);
    expect(await other.page.locator('atlas-feature-panel h2').textContent()).toContain('Futian');
    noFailures(watch);
    noFailures(other.watch);
  });

  it('is a modal: labelled, Tab stays inside, Escape closes it and focus goes back to the button that opened it', async () => {
    const { page, watch } = await open('/#map=10.5/30.3/104.4&select=futian-station');
    // From the header
    await page.focus('#share-button');
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog.share-dialog[open]');
    expect(await page.evaluate(() => document.querySelector('dialog.share-dialog')?.matches(':modal'))).toBe(true);
    const label = await page.evaluate(() => {
      const d = document.querySelector('dialog.share-dialog');
      return document.getElementById(d?.getAttribute('aria-labelledby') ?? '')?.textContent;
    });
    expect(label).toBe('分享当前视图');
    expect(await focused(page)).toContain('#share-copy');
    // Tab round the whole dialog and back: focus never leaves it.
    const count = await page.locator('dialog.share-dialog').locator('button:visible, input:visible, textarea:visible').count();
    for (let i = 0; i < count + 2; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('dialog.share-dialog'))).toBe(true);
    }
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('dialog.share-dialog'))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog.share-dialog').count()).toBe(0);
    expect(await focused(page)).toContain('#share-button');
    // Escape closed the dialog, not the feature panel behind it.
    expect((await seen(page)).selection).toBe('futian-station');

    // From the feature panel: that feature's link, and focus back to the panel's own button.
    await page.locator('atlas-feature-panel').getByRole('button', { name: '分享此地点' }).click();
    await page.waitForSelector('dialog.share-dialog[open]');
    expect(await page.locator('#share-title').textContent()).toBe('分享:福田站');
    expect(await page.inputValue('#share-link')).toContain('select=futian-station');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog.share-dialog').count()).toBe(0);
    expect(await focused(page)).toBe('button[分享此地点]');
    noFailures(watch);
  });

  for (const { viewport, hash, language } of [
    { viewport: { width: 390, height: 844 }, hash: '/#map=9.5/30.66/104.06', language: 'zh' },
    { viewport: { width: 844, height: 390 }, hash: '/#map=9.5/30.66/104.06&lang=en', language: 'en' },
  ]) {
    it(`fits a ${viewport.width}×${viewport.height} touch screen in ${language}, every control at least 44×44`, async () => {
      const { page, watch } = await open(hash, { viewport, touch: true });
      await openDialog(page);
      const box = await page.locator('dialog.share-dialog').boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
      expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
      expect(await page.locator('#share-title').textContent()).toBe(language === 'zh' ? '分享当前视图' : 'Share this view');
      const small = await page.evaluate(() => {
        const targets = document.querySelectorAll<HTMLElement>('dialog.share-dialog :is(button, input[type=text], textarea, label.share-choice)');
        return [...targets]
          .filter((el) => el.offsetParent !== null)
          .map((el) => ({ what: `${el.tagName} ${el.id || el.textContent?.trim()}`, ...el.getBoundingClientRect().toJSON() }))
          .filter((r) => r.width < 44 || r.height < 44)
          .map((r) => `${r.what}: ${Math.round(r.width)}×${Math.round(r.height)}`);
      });
      expect(small).toEqual([]);
      // What does not fit scrolls: the last control can be reached.
      await page.locator('#share-data').scrollIntoViewIfNeeded();
      expect(await page.locator('#share-data').isVisible()).toBe(true);
      noFailures(watch);
    });
  }
});

describe('the image download', () => {
  it('is a PNG of the map at 1× and 2× its size, not blank, with the key of what it shows', async () => {
    const { page, watch } = await open('/#map=9.5/30.66/104.06&layers=rivers,rail&lang=en');
    const size = await page.evaluate(() => {
      const c = window.atlas.map.getCanvas();
      return { width: c.clientWidth, height: c.clientHeight, ratio: devicePixelRatio };
    });
    expect(size.ratio).toBe(1);
    // The map as drawn, without the furniture: what the image adds is what differs from this.
    const bare = PNG.sync.read(
      Buffer.from(
        (
          await page.evaluate(
            () =>
              new Promise<string>((done) => {
                const { map } = window.atlas;
                map.once('render', () => done(map.getCanvas().toDataURL('image/png')));
                map.triggerRepaint();
              }),
          )
        ).split(',')[1] as string,
        'base64',
      ),
    );
    await openDialog(page);

    const one = await download(page, () => page.click('.share-dialog button[data-scale="1"]'));
    expect(one.name).toBe('chengyu-atlas-9.5-30.66-104.06.png');
    const png = PNG.sync.read(one.bytes);
    expect([png.width, png.height]).toEqual([size.width, size.height]);
    expect([bare.width, bare.height]).toEqual([size.width, size.height]);

    // Not blank: many colours, none covering almost everything.
    const counts = new Map<number, number>();
    for (let i = 0; i < png.data.length; i += 4) {
      const key = (png.data[i]! << 16) | (png.data[i + 1]! << 8) | png.data[i + 2]!;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBeGreaterThan(200);
    expect(Math.max(...counts.values()) / (png.width * png.height)).toBeLessThan(0.9);

    /** Pixels of a colour the image has and the bare map has not there: drawn by the furniture. */
    const added = (hex: string) => {
      const [r, g, b] = rgb(hex);
      const at: { x: number; y: number }[] = [];
      for (let y = 0; y < png.height; y++) {
        for (let x = 0; x < png.width; x++) {
          const i = (y * png.width + x) * 4;
          const is = (d: Buffer) => d[i] === r && d[i + 1] === g && d[i + 2] === b;
          if (is(png.data) && !is(bare.data)) at.push({ x, y });
        }
      }
      return at;
    };
    // The Min and the Tuo run through this view: their swatches are in the key, at the top right.
    for (const river of ['river-min', 'river-tuo']) {
      const px = added(riverColor(river));
      expect(px.length, river).toBeGreaterThanOrEqual(40);
      for (const p of px) {
        expect(p.x).toBeGreaterThan(png.width / 2);
        expect(p.y).toBeLessThan(png.height / 2);
      }
    }
    // The Wu is far away and the bus lines are switched off: no swatch for them.
    expect(added(riverColor('river-wu'))).toEqual([]);
    expect(added(busGroupColor('feeder'))).toEqual([]);

    const two = await download(page, () => page.click('.share-dialog button[data-scale="2"]'));
    expect(two.name).toBe('chengyu-atlas-9.5-30.66-104.06@2x.png');
    const big = PNG.sync.read(two.bytes);
    expect([big.width, big.height]).toEqual([size.width * 2, size.height * 2]);
    // The map went back to its own pixel ratio.
    expect(await page.evaluate(() => window.atlas.map.getCanvas().width)).toBe(size.width);
    expect(await page.locator('#share-image-status').textContent()).toContain('@2x.png');
    noFailures(watch);
  });
});

describe('the data download', () => {
  it('is valid GeoJSON holding exactly the visible features, whole, with their credits', async () => {
    const { page, watch } = await open('/#map=9/30.5/104.3&layers=rivers,rail,-river-tuo');
    // Selected where it is, so the camera stays on the wider view.
    await page.evaluate(() => window.atlas.store.dispatch({ type: 'select', id: 'futian-station', framing: 'none' }));
    await mapIdle(page);
    const corners = await page.evaluate(() => {
      const { map } = window.atlas;
      const c = map.getCanvas();
      return [
        [0, 0],
        [c.clientWidth, 0],
        [c.clientWidth, c.clientHeight],
        [0, c.clientHeight],
      ].map(([x, y]) => map.unproject([x!, y!]).toArray());
    });
    const hash = (await seen(page)).hash;
    await openDialog(page);
    const file = await download(page, () => page.click('#share-data'));
    const view = hash.match(/map=([\d.]+)\/([\d.]+)\/([\d.]+)/)!;
    expect(file.name).toBe(
      `chengyu-atlas-${Number(Number(view[1]).toFixed(1))}-${Number(Number(view[2]).toFixed(2))}-${Number(Number(view[3]).toFixed(2))}-futian-station.geojson`,
    );
    const text = file.bytes.toString('utf8');
    expect(getIssues(text)).toEqual([]);
    const got = JSON.parse(text) as FeatureCollection & { attribution: string[] };

    // Expected, from the files: rivers and rail (the Tuo switched off) meeting the map's view.
    const polygon: Polygon = { type: 'Polygon', coordinates: [[...corners, corners[0]!]] };
    const read = (name: string) => JSON.parse(readFileSync(resolve(GEO, name), 'utf8')) as FeatureCollection;
    const candidates = [...read('rivers.geojson').features, ...read('rail.geojson').features].filter((f) => f.properties?.['id'] !== 'river-tuo');
    const expected = candidates.filter((f) => booleanIntersects(f as Feature, polygon));
    const id = (f: Feature) => f.properties?.['id'] as string;
    expect(got.features.map(id).sort()).toEqual(expected.map(id).sort());
    expect(got.features.map(id)).toEqual(expect.arrayContaining(['futian-station', 'ziyang-line', 'river-min']));
    expect(got.features.map(id)).not.toContain('river-tuo');
    for (const f of got.features) {
      const original = expected.find((e) => id(e) === id(f))!;
      expect(f.geometry).toEqual(original.geometry);
      expect(f.properties?.['source']).toBe(original.properties?.['source']);
      expect(f.properties?.['licence']).toBe(original.properties?.['licence']);
    }
    // in the interface's language (Chinese here)
    const credits = JSON.parse(readFileSync(resolve(GEO, 'attribution.json'), 'utf8')) as Record<string, { zh: string }[]>;
    expect(new Set(got.attribution)).toEqual(new Set([...credits['rivers.geojson']!, ...credits['rail.geojson']!].map((c) => c.zh)));
    expect(await page.locator('#share-data-status').textContent()).toContain(`${expected.length}`);
    noFailures(watch);
  });
});
