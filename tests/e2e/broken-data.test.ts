import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type PageWatch, openAtlas } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
let watch: PageWatch;

beforeAll(async () => {
  ({ browser, page, watch } = await openAtlas(baseUrl, {
    viewport: { width: 1000, height: 800 },
    // The server answers the rivers file with an error, as a broken deployment would.
    beforeGoto: (p) => p.route(/\/assets\/rivers-[^/]+\.geojson$/, (route) => route.fulfill({ status: 503, body: 'unavailable' })),
  }));
});

afterAll(async () => {
  await browser?.close();
});

describe('when a data file cannot be loaded', () => {
  it('tells the reader which layer failed and keeps the rest of the map', async () => {
    await expect.poll(() => page.locator('#notice').textContent()).toMatch(/地图数据加载失败.*rivers/);
    expect(watch.pageErrors).toEqual([]);
    const drawn = await page.evaluate(() => {
      const { map } = (window as unknown as { atlas: { map: import('maplibre-gl').Map } }).atlas;
      return map.queryRenderedFeatures({ layers: ['rail-line', 'transit-district-fill'] }).length;
    });
    expect(drawn).toBeGreaterThan(0);
  });
});
