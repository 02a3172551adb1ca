/**
 * The article, linked both ways: a feature's panel lists what the page says about it, with the
 * mention marked; the reader's mentions select and frame their places; a passage can be opened in
 * context and shared by link; a region the page names is outlined when chosen.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { LightIndex } from '../../src/data/types';
import { browserSession, mapIdle } from './browser';
import { inFreeArea } from './map-probes';
import './atlas-handle';

const ROOT = resolve(import.meta.dirname, '../..');
const baseUrl = inject('baseUrl');
const index = JSON.parse(readFileSync(resolve(ROOT, 'geo/index.json'), 'utf8')) as LightIndex;
const rivers = JSON.parse(readFileSync(resolve(ROOT, 'geo/rivers.geojson'), 'utf8')) as GeoJSON.FeatureCollection;
// Each page must end its test without an exception or a console error.
const session = browserSession(baseUrl, { quiet: true });

async function open(hash = ''): Promise<Page> {
  // The panels' index is in once the map has settled; the article comes when something needs it.
  const { page } = await session.open({ path: `/${hash}`, withPlaces: true });
  return page;
}

const state = (page: Page) =>
  page.evaluate(() => {
    const { store } = window.atlas;
    return { selection: store.state.selection, reading: store.state.reading };
  });

describe('from the map to the text', () => {
  it('lists, in the Jialing’s panel, every passage naming it, with 嘉陵江 marked, grouped by story', async () => {
    const page = await open();
    const jialing = rivers.features.find((f) => f.properties?.['id'] === 'river-jialing');
    if (!jialing || jialing.geometry.type !== 'LineString') throw new Error('river-jialing is not a LineString');
    // A vertex just south of Nanchong, clear of the city's dot and name.
    const target: [number, number] = [106.1, 30.6];
    const vertex = (jialing.geometry.coordinates as [number, number][]).reduce((best, c) =>
      Math.hypot(c[0] - target[0], c[1] - target[1]) < Math.hypot(best[0] - target[0], best[1] - target[1]) ? c : best,
    );
    await page.evaluate((c) => window.atlas.map.jumpTo({ center: c, zoom: 9 }), vertex);
    await mapIdle(page);
    const at = await page.evaluate((c) => {
      const { map } = window.atlas;
      const r = map.getContainer().getBoundingClientRect();
      const p = map.project(c);
      return { x: r.left + p.x, y: r.top + p.y };
    }, vertex);
    await page.mouse.click(at.x, at.y);
    await expect.poll(async () => (await state(page)).selection).toBe('river-jialing');
    // The article arrives with the first selection.
    await expect.poll(() => page.locator('atlas-feature-panel .passages mark').count()).toBeGreaterThan(0);
    const marks = await page.locator('atlas-feature-panel .passages mark').allTextContents();
    expect(marks.filter((m) => m === '嘉陵江').length).toBeGreaterThanOrEqual(2);
    // The corridor also gets the sentence that names all six (“六江”生态廊道).
    expect(marks).toContain('“六江”生态廊道');
    expect(await page.locator('atlas-feature-panel .passages h4').count()).toBeGreaterThanOrEqual(1);

    // In English, the same feature shows the English passages.
    await page.locator('#language-toggle').click();
    await expect
      .poll(async () => (await page.locator('atlas-feature-panel .passages mark').allTextContents()).filter((m) => /Jialing/.test(m)).length)
      .toBeGreaterThanOrEqual(2);
    expect(await page.locator('atlas-feature-panel .passages').textContent()).not.toMatch(/[\u4e00-\u9fff]{4}/);
  });

  it('opens the reader at a passage from “read in context”, with the focus on it', async () => {
    const page = await open('#select=ziyang-line&map=9/30.2/104.5');
    await expect.poll(() => page.locator('atlas-feature-panel .passages blockquote').count()).toBeGreaterThan(0);
    const paragraph = await page.locator('atlas-feature-panel .passages blockquote').first().getAttribute('data-paragraph');
    await page.locator('atlas-feature-panel button.read').first().click();
    await expect.poll(async () => (await state(page)).reading).toBe(paragraph);
    await expect
      .poll(() =>
        page.evaluate(() => {
          const reader = document.querySelector('atlas-reader');
          return (reader?.shadowRoot?.activeElement as HTMLElement | null)?.dataset['anchor'] ?? null;
        }),
      )
      .toBe(paragraph);
    expect(page.url()).toContain(`read=${paragraph}`);
  });
});

describe('from the text to the map', () => {
  it('selects 资阳北站 from its mention in the reader, and frames it clear of the panels', async () => {
    const page = await open();
    await page.locator('#reader-button').click();
    await page.locator('atlas-reader button.mention[data-mention="ziyang-north-station"]').first().click();
    await expect.poll(async () => (await state(page)).selection).toBe('ziyang-north-station');
    await mapIdle(page);
    const station = index.features.find((f) => f.id === 'ziyang-north-station');
    expect(await inFreeArea(page, station!.point)).toBe(true);
    // Pointing at a mention lights its feature on the map.
    await page.locator('atlas-reader button.mention[data-mention="futian-station"]').first().hover();
    await expect
      .poll(() => page.evaluate(() => window.atlas.map.getFeatureState({ source: 'atlas', sourceLayer: 'rail', id: 'futian-station' })['hover']))
      .toBe(true);
  });

  it('opens a link with read= at that paragraph', async () => {
    const page = await open('#read=transit-3');
    await expect.poll(async () => (await state(page)).reading).toBe('transit-3');
    await expect.poll(() => page.evaluate(() => document.body.classList.contains('dock-open'))).toBe(true);
    const top = await page.evaluate(() => {
      const reader = document.querySelector('atlas-reader')!;
      const p = reader.shadowRoot!.querySelector<HTMLElement>('[data-anchor="transit-3"]')!;
      const scroller = reader.shadowRoot!.querySelector<HTMLElement>('.body')!;
      return p.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
    });
    // Scrolled to it: the paragraph sits at the top of the reader's scroll area.
    expect(Math.abs(top)).toBeLessThan(40);
  });

  it('outlines the four cities of 成都都市圈 when its mention is chosen', async () => {
    const page = await open('#read=ziyang-1');
    await page.locator('atlas-reader button.mention[data-mention="chengdu-metro"]').first().click();
    await expect.poll(async () => (await state(page)).selection).toBe('region-chengdu-metro');
    await mapIdle(page);
    const outlined = await page.evaluate(() => {
      const { map } = window.atlas;
      return [...new Set(map.queryRenderedFeatures({ layers: ['region-line', 'region-fill'] }).map((f) => String(f.properties['id'])))];
    });
    expect(outlined).toEqual(['region-chengdu-metro']);
    await expect.poll(() => page.locator('atlas-feature-panel dl').textContent()).toMatch(/33,1\d\d km²/);
  });

  it('offers a choice for a name that stands for several places (六江)', async () => {
    const page = await open('#read=eco-2');
    await page.locator('atlas-reader button.mention[data-mention="six-rivers"]').first().click();
    const choices = page.locator('.atlas-chooser button');
    await expect.poll(() => choices.count()).toBe(6);
    await page.locator('.atlas-chooser button[data-id="river-tuo"]').click();
    await expect.poll(async () => (await state(page)).selection).toBe('river-tuo');
  });
});
