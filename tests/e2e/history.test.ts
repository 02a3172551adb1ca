/**
 * Back and Forward: opening something (a feature, a passage) adds a history entry, so Back closes
 * it and Forward reopens it; moving the map only rewrites the current entry. The state after Back
 * or Forward is exactly the state of that entry.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type PageWatch, sharedChromium, mapIdle, waitForMapIdle, watchPage } from './browser';
import './atlas-handle';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
let watch: PageWatch;

interface Seen {
  hash: string;
  selection: string | null;
  reading: string | null;
  zoom: number;
}

const seen = (): Promise<Seen> =>
  page.evaluate(() => {
    const { map, store } = window.atlas;
    return { hash: location.hash, selection: store.state.selection, reading: store.state.reading, zoom: map.getZoom() };
  });

beforeAll(async () => {
  browser = await sharedChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, reducedMotion: 'reduce' });
  page = await context.newPage();
  watch = watchPage(page, baseUrl);
  await page.goto(baseUrl);
  await waitForMapIdle(page);
  await page.waitForFunction(() => !!(document.querySelector('atlas-place-list') as unknown as { places: unknown } | null)?.places);
});

afterAll(async () => {
  await browser?.close();
});

describe('history', () => {
  it('closes a selection with Back and reopens it with Forward, at the view of each entry', async () => {
    await page.locator('#places-button').click();
    // Opening the list keeps the twin cores in view beside it, which may move the map: the entry
    // Back returns to is the one as it stands with the list open.
    await expect
      .poll(async () => {
        const hash = (await seen()).hash;
        await mapIdle(page);
        return (await seen()).hash === hash;
      })
      .toBe(true);
    const before = await seen();
    await page.locator('atlas-place-list li button[data-id="river-wu"]').click();
    await expect.poll(() => page.locator('atlas-feature-panel h2').textContent()).toContain('乌江');
    await mapIdle(page);
    const opened = await seen();
    expect(opened.selection).toBe('river-wu');
    expect(opened.hash).toContain('select=river-wu');

    await page.goBack();
    await expect.poll(async () => (await seen()).selection).toBeNull();
    await expect.poll(() => page.locator('atlas-feature-panel section').count()).toBe(0);
    const back = await seen();
    expect(back.hash).toBe(before.hash);
    expect(back.zoom).toBeCloseTo(before.zoom, 2);

    await page.goForward();
    await expect.poll(async () => (await seen()).selection).toBe('river-wu');
    await expect.poll(() => page.locator('atlas-feature-panel h2').textContent()).toContain('乌江');
    const forward = await seen();
    expect(forward.hash).toBe(opened.hash);
    expect(forward.zoom).toBeCloseTo(opened.zoom, 2);
  });

  it('keeps moving the map out of the history: one Back after panning closes what was opened', async () => {
    const start = await seen();
    await page.evaluate(() => {
      const { map } = window.atlas;
      map.jumpTo({ center: [106.4, 29.6], zoom: 9 });
      map.jumpTo({ center: [106.6, 29.5], zoom: 9.5 });
    });
    await mapIdle(page);
    expect((await seen()).selection).toBe('river-wu');
    await page.goBack();
    await expect.poll(async () => (await seen()).selection).toBeNull();
    expect((await seen()).hash).not.toBe(start.hash);
  });

  it('closes a passage opened from a panel with Back', async () => {
    await page.evaluate(() => window.atlas.store.dispatch({ type: 'select', id: 'ziyang-north-station', framing: 'none' }));
    await page.locator('atlas-feature-panel button.read').first().click();
    await expect.poll(async () => (await seen()).reading).toMatch(/^ziyang-\d+$/);
    await page.goBack();
    await expect.poll(async () => (await seen()).reading).toBeNull();
    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });
});
