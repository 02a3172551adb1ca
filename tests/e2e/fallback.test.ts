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
    await expect(page.locator('#notice').textContent()).resolves.toMatch(/WebGL/);
    expect(watch.pageErrors).toEqual([]);
  });

  it('still lists the places and gives the article', async () => {
    const items = await page.locator('#place-list li').allTextContents();
    expect(items.some((t) => t.includes('嘉陵江'))).toBe(true);
    expect(items.some((t) => t.includes('轨道交通资阳线'))).toBe(true);
    expect(items.some((t) => t.includes('广阳岛'))).toBe(true);
    await expect(page.locator('#article-text').textContent()).resolves.toContain('全长38.7公里');
  });
});
