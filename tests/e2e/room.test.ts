/**
 * The map makes room for what the reader is reading: opening the reader or the list keeps the twin
 * cores in the free part of the map, notices never lie over a panel's buttons or a map control,
 * Escape gives the focus back to the mention that opened a panel, and the link records the
 * passage acted on.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type PageWatch, browserSession, mapIdle, openPage } from './browser';
import './atlas-handle';

const baseUrl = inject('baseUrl');
const session = browserSession(baseUrl);

const index = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../geo/index.json'), 'utf8')) as { features: { id: string; point: [number, number] }[] };
const pointOf = (id: string) => index.features.find((f) => f.id === id)?.point as [number, number];
const CORES = { 'city-chengdu': pointOf('city-chengdu'), 'city-chongqing': pointOf('city-chongqing') };

const SCREENS = [
  { name: 'desktop', viewport: { width: 1280, height: 860 }, touch: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, touch: true },
  { name: 'landscape phone', viewport: { width: 844, height: 390 }, touch: true },
];

/** Where each core lies in the map, and the free rectangle (the map less what covers it). */
function coresInFreeArea(page: Page): Promise<{ id: string; inside: boolean; at: number[]; free: number[] }[]> {
  return page.evaluate((cores) => {
    const { map, shell } = window.atlas;
    const c = shell.covered();
    const w = map.getContainer().clientWidth;
    const h = map.getContainer().clientHeight;
    const free: [number, number, number, number] = [c.left, c.top, w - c.right, h - c.bottom];
    return Object.entries(cores).map(([id, ll]) => {
      const p = map.project(ll);
      return { id, inside: p.x >= free[0] && p.x <= free[2] && p.y >= free[1] && p.y <= free[3], at: [Math.round(p.x), Math.round(p.y)], free };
    });
  }, CORES);
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe.each(SCREENS)('on a $name screen', ({ viewport, touch }) => {
  describe.each(['zh', 'en'] as const)('in %s', (lang) => {
    // One page for the tests of a screen and language, each test starting from the opening view
    // with nothing open: opening it three times over would only repeat the load.
    let page: Page;
    let watch: PageWatch;
    let opening: { center: [number, number]; zoom: number };

    beforeAll(async () => {
      ({ page, watch } = await openPage(session.browser, baseUrl, { viewport, hasTouch: touch, isMobile: touch, path: `/#lang=${lang}`, withPlaces: true }));
      opening = await page.evaluate(() => {
        const { map } = window.atlas;
        return { center: map.getCenter().toArray() as [number, number], zoom: map.getZoom() };
      });
    });

    afterAll(async () => {
      await page?.context().close();
    });

    for (const button of ['#reader-button', '#places-button']) {
      it(`opening ${button === '#reader-button' ? 'the reader' : 'the list of places'} leaves 成都 and 重庆 in the free part of the map`, async () => {
        await page.evaluate((camera) => {
          const { map, store } = window.atlas;
          store.dispatch({ type: 'dock', view: null });
          store.dispatch({ type: 'read', at: null });
          map.jumpTo(camera);
        }, opening);
        await expect.poll(() => page.evaluate(() => document.body.classList.contains('dock-open'))).toBe(false);
        await mapIdle(page);
        await page.click(button);
        await expect.poll(() => page.evaluate(() => document.body.classList.contains('dock-open'))).toBe(true);
        await expect.poll(() => coresInFreeArea(page).then((cores) => cores.filter((c) => !c.inside)), { timeout: 15_000 }).toEqual([]);
        expect(watch.pageErrors).toEqual([]);
      });
    }

    it('lays a notice beside the panels and the controls, never over their buttons', async () => {
      // The link a reader pastes: a place to open, and a layer the atlas does not have.
      await page.evaluate((hash) => (location.hash = hash), `#select=guangyang-island&layers=nonsense&lang=${lang}`);
      await expect.poll(() => page.locator('#notices atlas-notice').count()).toBe(1);
      await expect.poll(() => page.locator('atlas-feature-panel h2').count()).toBe(1);
      const notice = await page.locator('#notices atlas-notice').boundingBox();
      const buttons = page.locator('atlas-feature-panel button, .maplibregl-ctrl button, .maplibregl-ctrl-group');
      for (let i = 0; i < (await buttons.count()); i++) {
        const box = await buttons.nth(i).boundingBox();
        if (notice && box && box.width > 0) expect(overlaps(notice, box), `notice over ${await buttons.nth(i).getAttribute('aria-label')}`).toBe(false);
      }
      expect(watch.pageErrors).toEqual([]);
    });
  });
});

describe('the reader and the map', () => {
  it('makes room for the list of places after the reader was opened, closed and the map sent home', async () => {
    const { page } = await session.open({ path: '/', withPlaces: true });
    const dockOpen = () => page.evaluate(() => document.body.classList.contains('dock-open'));
    await page.click('#reader-button');
    await expect.poll(dockOpen).toBe(true);
    await page.click('#reader-button');
    await expect.poll(dockOpen).toBe(false);
    await page.click('.maplibregl-ctrl-home');
    await mapIdle(page);
    await page.click('#places-button');
    await expect.poll(dockOpen).toBe(true);
    await expect.poll(() => coresInFreeArea(page).then((cores) => cores.filter((c) => !c.inside)), { timeout: 15_000 }).toEqual([]);
  });

  it('gives the focus back to the mention when Escape closes the panel it opened', async () => {
    const { page } = await session.open({ path: '/#read=ziyang-2', withPlaces: true });
    const mention = page.locator('atlas-reader p[data-anchor="ziyang-2"] button.mention[data-mention="ziyang-north-station"]').first();
    await mention.click();
    await expect.poll(() => page.evaluate(() => window.atlas.store.state.selection)).toBe('ziyang-north-station');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => window.atlas.store.state.selection)).toBeNull();
    await expect
      .poll(() =>
        page.evaluate(() => {
          let el: Element | null = document.activeElement;
          while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
          return (el as HTMLElement | null)?.dataset['mention'] ?? el?.tagName;
        }),
      )
      .toBe('ziyang-north-station');
  });

  it('writes the passage of the mention tapped into the link, not the one scrolled to', async () => {
    const { page } = await session.open({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, path: '/#read=ziyang-2', withPlaces: true });
    await mapIdle(page);
    const mention = page.locator('atlas-reader p[data-anchor="ziyang-2"] button.mention[data-mention="futian-station"]').first();
    await mention.tap();
    await expect.poll(() => page.evaluate(() => window.atlas.store.state.selection)).toBe('futian-station');
    await expect.poll(() => page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('read'))).toBe('ziyang-2');
  });
});
