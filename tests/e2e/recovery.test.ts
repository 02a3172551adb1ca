/**
 * Failing soft and coming back by itself: a lazy load that failed is tried again, a lost WebGL
 * context neither throws nor loses the reader's state, broken files give one message in the
 * reader's language, an embedded atlas leaves its host's history alone, and a slow start says the
 * map is coming.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserSession } from './browser';
import './atlas-handle';

const baseUrl = inject('baseUrl');
const session = browserSession(baseUrl);

const notices = (page: Page) => page.locator('#notices .notice-text').allTextContents();
const selection = (page: Page) => page.evaluate(() => window.atlas.store.state.selection);

describe('a lazy load that fails', () => {
  it('opens on the next try, once the network is back (no service worker to fall back on)', async () => {
    // The reader's code cannot be fetched (offline, or a flaky network) until the test says so.
    let offline = true;
    const { page, watch } = await session.open({
      beforeGoto: (p) => p.route(/\/assets\/reader-panel-[^/]+\.js$/, (r) => (offline ? r.abort('internetdisconnected') : r.continue())),
    });
    await page.click('#reader-button');
    await expect.poll(() => notices(page).then((n) => n.join(' '))).toContain('文章无法载入');
    expect(await page.evaluate(() => customElements.get('atlas-reader') === undefined)).toBe(true);
    offline = false;
    // The button closes the dock it opened (empty while the reader could not load), then opens it again.
    await page.click('#reader-button');
    if (!(await page.evaluate(() => document.body.classList.contains('dock-open')))) await page.click('#reader-button');
    await expect.poll(() => page.evaluate(() => !!document.querySelector('atlas-reader')?.checkVisibility())).toBe(true);
    await expect.poll(() => page.locator('atlas-reader p').count()).toBeGreaterThan(10);
    expect(watch.pageErrors).toEqual([]);
  });
});

/**
 * The map's WebGL context, lost or restored on purpose (WEBGL_lose_context). The extension is kept
 * from before the loss: a lost context hands out no extensions.
 */
function switchContext(page: Page, to: 'lose' | 'restore'): Promise<void> {
  return page.evaluate((action) => {
    const w = window as unknown as { __lose?: WEBGL_lose_context | null };
    w.__lose ??= window.atlas.map.getCanvas().getContext('webgl2')?.getExtension('WEBGL_lose_context');
    if (!w.__lose) throw new Error('no WEBGL_lose_context');
    if (action === 'lose') w.__lose.loseContext();
    else w.__lose.restoreContext();
  }, to);
}

describe('a lost WebGL context', () => {
  it('keeps selections working while it is away, says the map is restoring, and draws the selection when it is back', async () => {
    const { page, watch } = await session.open({ withPlaces: true });
    await switchContext(page, 'lose');
    await expect.poll(() => notices(page).then((n) => n.join(' '))).toContain('正在恢复');
    for (const id of ['river-jialing', 'futian-station', 'guangyang-island']) {
      await page.evaluate((i) => window.atlas.store.dispatch({ type: 'select', id: i, framing: 'focus' }), id);
      await expect.poll(() => page.locator('atlas-feature-panel h2').count()).toBe(1);
    }
    expect(await selection(page)).toBe('guangyang-island');
    await switchContext(page, 'restore');
    await expect
      .poll(() => page.evaluate(() => window.atlas.map.getFeatureState({ source: 'atlas', sourceLayer: 'sites', id: 'guangyang-island' })['selected']))
      .toBe(true);
    await expect.poll(() => notices(page).then((n) => n.join(' '))).not.toContain('正在恢复');
    expect(watch.pageErrors).toEqual([]);
  });

  it('hands over to the reading without WebGL when the context does not come back, and takes the map back when it does', async () => {
    const { page, watch } = await session.open({ withPlaces: true });
    await switchContext(page, 'lose');
    await expect.poll(() => page.evaluate(() => document.body.classList.contains('no-webgl')), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => page.locator('atlas-place-list li button').count()).toBeGreaterThan(100);
    expect((await notices(page)).join(' ')).toContain('地图无法恢复显示');
    await switchContext(page, 'restore');
    await expect.poll(() => page.evaluate(() => document.body.classList.contains('no-webgl'))).toBe(false);
    expect(watch.pageErrors).toEqual([]);
  });
});

describe('a broken file', () => {
  /** Answers a file with the first half of its body, as a truncated upload would. */
  const truncate = (pattern: RegExp) => (page: Page) =>
    page.route(pattern, async (route) => {
      const response = await route.fetch({ headers: { ...route.request().headers(), range: '' } });
      const body = await response.body();
      await route.fulfill({
        status: 200,
        body: body.subarray(0, Math.floor(body.length / 2)),
        headers: { 'content-type': response.headers()['content-type'] ?? '' },
      });
    });

  it('a truncated panel index says once, in Chinese, that the notes are unavailable and the map still works', async () => {
    const { page, watch } = await session.open({ beforeGoto: truncate(/\/assets\/index-[^/]+\.json$/) });
    await expect.poll(() => notices(page)).toHaveLength(1);
    const [text] = await notices(page);
    expect(text).toContain('地点说明的数据无法载入');
    expect(text).not.toMatch(/JSON|Unexpected|SyntaxError|index\.json/);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });

  it('a truncated tileset says once, in English too, that the tiles are unavailable', async () => {
    const { page, watch } = await session.open({ path: '/#lang=en', beforeGoto: truncate(/\/assets\/atlas-[^/]+\.pmtiles$/) });
    await expect.poll(() => notices(page).then((n) => n.join(' '))).toContain('Part of the map could not be loaded');
    expect(await notices(page)).toHaveLength(1);
    expect((await notices(page)).join(' ')).not.toMatch(/ETag|extension|Error/);
    expect(watch.pageErrors).toEqual([]);
  });
});

describe('an embedded atlas', () => {
  it('leaves its host page’s history alone, three selections later', async () => {
    const context = await session.context({ viewport: { width: 1000, height: 800 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    const host = new URL('/embed-host.html', baseUrl).href;
    await page.route(host, (r) =>
      r.fulfill({ contentType: 'text/html', body: `<!doctype html><title>host</title><iframe src="/#embed=1" width="900" height="700"></iframe>` }),
    );
    await page.goto(host);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    if (!frame) throw new Error('no frame');
    await frame.waitForSelector('#map[aria-busy="false"]', { state: 'attached', timeout: 60_000 });
    await frame.waitForFunction(() => window.atlas.store.state.ui.loaded.places, null, { timeout: 30_000 });
    const before = await page.evaluate(() => history.length);
    for (const id of ['river-jialing', 'futian-station', 'guangyang-island']) {
      await frame.evaluate((i) => window.atlas.store.dispatch({ type: 'select', id: i, framing: 'none' }), id);
      await frame.waitForFunction((i) => location.hash.includes(`select=${i}`), id);
    }
    expect(await page.evaluate(() => history.length)).toBe(before);
    expect(await frame.getAttribute('#open-full', 'href')).toContain('select=guangyang-island');
  });
});

describe('a slow start', () => {
  it('shows that the map is loading before its first frame', async () => {
    const context = await session.context({ viewport: { width: 1000, height: 800 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 300, downloadThroughput: 200 * 1024, uploadThroughput: 100 * 1024 });
    await page.goto(baseUrl, { waitUntil: 'commit' });
    // Before the page's code has run, the header's buttons say they are waiting.
    await page.waitForSelector('#tour-button', { state: 'attached' });
    expect(await page.evaluate(() => document.body.classList.contains('starting'))).toBe(true);
    const seen = await page.waitForFunction(
      () => {
        const loading = document.querySelector<HTMLElement>('#map-loading');
        return loading?.checkVisibility() && document.querySelector('#map')?.getAttribute('aria-busy') === 'true' ? loading.textContent : null;
      },
      null,
      { timeout: 30_000, polling: 50 },
    );
    expect(await seen.jsonValue()).toContain('正在载入地图');
    await page.waitForSelector('#map[aria-busy="false"]', { state: 'attached', timeout: 90_000 });
    expect(await page.locator('#map-loading').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.body.classList.contains('starting'))).toBe(false);
  });
});
