/**
 * A deployment that serves a data file wrongly: the reader is told which one, the page does not
 * crash, and what does not depend on that file keeps working.
 */
import { describe, expect, inject, it } from 'vitest';
import { browserSession, type OpenedPage } from './browser';
import './atlas-handle';

const baseUrl = inject('baseUrl');
const session = browserSession(baseUrl);

const openWith = (route: RegExp): Promise<OpenedPage> =>
  session.open({
    viewport: { width: 1000, height: 800 },
    reducedMotion: 'no-preference',
    // The server answers one file with an error, as a broken deployment would.
    beforeGoto: (page) => page.route(route, (r) => r.fulfill({ status: 503, body: 'unavailable' })),
  });

const notices = (page: import('playwright-core').Page) => page.locator('#notices .notice-text').allTextContents();

describe('when a data file cannot be loaded', () => {
  it('says the map’s tiles failed, and still offers the article and the list of places', async () => {
    const { page, watch } = await openWith(/\/assets\/atlas-[^/]+\.pmtiles$/);
    await expect.poll(() => notices(page).then((n) => n.join(' '))).toMatch(/部分地图内容无法载入/);
    expect(watch.pageErrors).toEqual([]);
    await page.locator('#places-button').click();
    await expect.poll(() => page.locator('atlas-place-list li button').count()).toBeGreaterThan(100);
    await page.locator('atlas-place-list li button[data-id="guangyang-island"]').click();
    await expect.poll(() => page.locator('atlas-feature-panel h2').textContent()).toContain('广阳岛');
  });

  it('names the index when the panels’ data fails, and keeps the map drawn', async () => {
    const { page, watch } = await openWith(/\/assets\/index-[^/]+\.json$/);
    await expect.poll(() => notices(page).then((n) => n.join(' '))).toMatch(/地点说明的数据无法载入/);
    expect(watch.pageErrors).toEqual([]);
    const drawn = await page.evaluate(() => {
      const { map } = window.atlas;
      return map.queryRenderedFeatures({ layers: ['rail-line', 'transit-district-fill', 'rivers-line'] }).length;
    });
    expect(drawn).toBeGreaterThan(0);
  });
});
