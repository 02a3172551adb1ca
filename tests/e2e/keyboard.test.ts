/**
 * A keyboard alone: the skip link leads to the list of places, Enter opens a place, focus lands
 * on its panel's heading, Escape closes it and puts focus back where it came from. The map's
 * canvas shows a visible focus ring; a long junk link leaves one closable notice on screen.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { type OpenedPage, DESKTOP, browserSession } from './browser';
import './atlas-handle';

const baseUrl = inject('baseUrl');
const session = browserSession(baseUrl);

const open = (path: string, viewport = DESKTOP): Promise<OpenedPage> => session.open({ path, viewport, withPlaces: true });

/** What has the focus, described the way a test can compare: the element, inside shadow roots. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el
      ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${(el as HTMLElement).dataset?.['id'] ? `[data-id=${(el as HTMLElement).dataset['id']}]` : ''}`
      : null;
  });

describe('the keyboard path', () => {
  it('skip link → list → a place → its panel → Escape → back to the list entry', async () => {
    const { page, watch } = await open('/');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('a#skip-link');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toMatch(/^button\[data-id=/);
    // Down the list to 资阳北站 with Tab, as a keyboard reader would.
    for (let i = 0; i < 200 && (await focused(page)) !== 'button[data-id=ziyang-north-station]'; i++) await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button[data-id=ziyang-north-station]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('atlas-feature-panel h2').textContent()).toContain('资阳北站');
    await expect.poll(() => focused(page)).toBe('h2#feature-heading');
    expect(await page.evaluate(() => window.atlas.store.state.selection)).toBe('ziyang-north-station');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('atlas-feature-panel section').count()).toBe(0);
    await expect.poll(() => focused(page)).toBe('button[data-id=ziyang-north-station]');
    // A second Escape closes the list, and focus goes back to where the reader started.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.body.classList.contains('dock-open'))).toBe(false);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });

  it('shows a 3 px focus ring on the map, which pans with the arrow keys', async () => {
    const { page } = await open('/');
    await page.locator('#map canvas').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    const ring = await page.evaluate(() => {
      const c = document.querySelector('#map canvas') as HTMLElement;
      const s = getComputedStyle(c);
      return { focused: document.activeElement === c, width: s.outlineWidth, style: s.outlineStyle };
    });
    expect(ring).toEqual({ focused: true, width: '3px', style: 'solid' });
    const before = await page.evaluate(() => window.atlas.map.getCenter().lng);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.evaluate(() => window.atlas.map.getCenter().lng)).toBeGreaterThan(before);
  });

  it('speaks MapLibre’s own controls in the interface language', async () => {
    const { page } = await open('/#lang=en');
    expect(await page.getAttribute('.maplibregl-ctrl-zoom-in', 'aria-label')).toBe('Zoom in');
    await page.locator('#language-toggle').click();
    await expect.poll(() => page.getAttribute('.maplibregl-ctrl-zoom-in', 'aria-label')).toBe('放大');
  });
});

describe('a notice for a long junk link', () => {
  it.each([
    ['desktop', { width: 1280, height: 860 }],
    ['phone', { width: 390, height: 844 }],
  ] as const)('stays one line within the window and can be closed (%s)', async (_, viewport) => {
    const { page } = await open(`/#select=${'a'.repeat(2000)}&${'junk&'.repeat(400)}x`, viewport);
    const notices = page.locator('#notices .notice');
    expect(await notices.count()).toBeLessThanOrEqual(2);
    const box = await notices.first().boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
    expect(box!.height).toBeLessThan(60);
    const close = notices.first().getByRole('button', { name: '关闭提示' });
    const closeBox = await close.boundingBox();
    expect(closeBox!.x + closeBox!.width).toBeLessThanOrEqual(viewport.width);
    // The whole text is there on demand.
    await notices.first().getByRole('button', { name: '展开全文' }).click();
    const expanded = await notices.first().boundingBox();
    expect(expanded!.height).toBeLessThanOrEqual(viewport.height);
    await close.click();
    await expect.poll(() => page.locator('#notices .notice').count()).toBeLessThan(2);
  });
});
