/**
 * What the reader is reading stays named and usable, on the production build: the chooser after a
 * tap in a crowd, figure tables on narrow screens, the twin cores' names, the home control and the
 * framing of a phone's PNG.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { LightIndex } from '../../src/data/types';
import { browserSession, mapIdle } from './browser';

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

describe('the chooser after a tap in a crowd', () => {
  it.each(['zh', 'en'] as const)('a tap at the Chengdu cluster on a phone offers at most 8 distinct entries, each with its kind (%s)', async (lang) => {
    const { page } = await session.open({ ...PHONE, path: `/#lang=${lang}` });
    const at = await onPage(page, pointOf('city-chengdu') as [number, number]);
    await page.touchscreen.tap(at.x, at.y);
    await page.waitForSelector('.atlas-chooser button[data-id]');
    const entries = await page.$$eval('.atlas-chooser button[data-id]', (els) =>
      els.map((b) => ({ name: b.querySelector('.choice-name')?.textContent?.trim() ?? '', kind: b.querySelector('.choice-kind')?.textContent?.trim() ?? '' })),
    );
    expect(entries.length).toBeGreaterThan(1);
    expect(entries.length).toBeLessThanOrEqual(8);
    expect(new Set(entries.map((e) => `${e.name}|${e.kind}`)).size).toBe(entries.length);
    expect(new Set(entries.map((e) => e.name)).size, JSON.stringify(entries)).toBe(entries.length);
    for (const e of entries) expect(e.kind, e.name).not.toBe('');
    // More lay under the finger than eight: the last entry zooms in there.
    const zoom = page.locator('.atlas-chooser button[data-zoom="in"]');
    expect(await zoom.count()).toBe(1);
    const before = await page.evaluate(() => (window as unknown as { atlas: { map: import('maplibre-gl').Map } }).atlas.map.getZoom());
    await zoom.tap();
    await mapIdle(page);
    const after = await page.evaluate(() => (window as unknown as { atlas: { map: import('maplibre-gl').Map } }).atlas.map.getZoom());
    expect(after).toBeGreaterThan(before + 1);
    expect(await page.locator('.atlas-chooser').count()).toBe(0);
  });
});
