/**
 * Without WebGL there is no map, but the reader still gets the article, the list of places and
 * each place's panel, and is told plainly why there is no map.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type PageWatch, openAtlas } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
let watch: PageWatch;

beforeAll(async () => {
  // A browser with WebGL switched off, as on some locked-down or very old machines.
  ({ browser, page, watch } = await openAtlas(baseUrl, {
    chromiumArgs: ['--disable-3d-apis', '--disable-webgl'],
    viewport: { width: 1000, height: 800 },
  }));
});

afterAll(async () => {
  await browser?.close();
});

describe('without WebGL', () => {
  it('says why there is no map instead of crashing', async () => {
    await expect(page.locator('#notices .notice-text').first().textContent()).resolves.toMatch(/WebGL/);
    expect(watch.pageErrors).toEqual([]);
    expect(await page.locator('#map canvas').count()).toBe(0);
  });

  it('lists the places, grouped as the layers are', async () => {
    const items = await page.locator('atlas-place-list li button').allTextContents();
    expect(items.some((t) => t.includes('嘉陵江'))).toBe(true);
    expect(items.some((t) => t.includes('资阳线'))).toBe(true);
    expect(items.some((t) => t.includes('广阳岛'))).toBe(true);
    expect(await page.locator('atlas-place-list h3').allTextContents()).toEqual(expect.arrayContaining(['六江生态廊道', '成都南部畅行圈']));
  });

  it('opens a place’s panel from the list, with what the article says about it', async () => {
    await page.locator('atlas-place-list li button[data-id="ziyang-line"]').click();
    await expect.poll(() => page.locator('atlas-feature-panel h2').textContent()).toContain('资阳线');
    await expect.poll(() => page.locator('atlas-feature-panel dl').textContent()).toContain('38.7 km');
    await expect.poll(() => page.locator('atlas-feature-panel .passages').textContent()).toContain('全长38.7公里');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('atlas-feature-panel section').count()).toBe(0);
  });

  it('gives the whole article, its mentions opening their places', async () => {
    await page.locator('atlas-dock [role="tab"]', { hasText: '文章' }).click();
    await expect.poll(() => page.locator('atlas-reader article').textContent()).toContain('全长38.7公里');
    await page.locator('atlas-reader button.mention[data-mention="ziyang-north-station"]').first().click();
    await expect.poll(() => page.locator('atlas-feature-panel h2').textContent()).toContain('资阳北站');
    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });
});
