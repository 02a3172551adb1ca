/**
 * The embed code from the share dialog, pasted into another page on the same origin: the atlas
 * shows in its frame at the size chosen, with the map and the panels, no header, and a link to
 * the full atlas at the same view.
 */
import { describe, expect, inject, it } from 'vitest';
import { parseHash } from '../../src/state/url';
import { browserSession, mapIdle, watchPage } from './browser';

const baseUrl = inject('baseUrl');
const session = browserSession(baseUrl);

describe('the embed code', () => {
  it('shows the view in another page’s frame, without the header, with a link to the full atlas', async () => {
    const { page, watch } = await session.open({ path: '/#map=10/30.35/104.45&layers=rivers,rail&select=futian-station&lang=en', serviceWorkers: 'allow' });
    await mapIdle(page);
    const shown = parseHash(await page.evaluate(() => location.hash)).state;

    await page.click('#share-button');
    await page.waitForSelector('dialog.share-dialog[open]');
    await page.getByLabel('800 × 600').check();
    const code = await page.inputValue('#share-embed-code');
    expect(code).toMatch(/^<iframe src="[^"]+" width="800" height="600"/);

    // Another page of the same origin, which only holds the code.
    const host = await (await session.context({ viewport: { width: 1000, height: 800 }, reducedMotion: 'reduce' })).newPage();
    const hostWatch = watchPage(host, baseUrl);
    const hostUrl = new URL('/embed-host.html', baseUrl).href;
    await host.route(hostUrl, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html><head><title>host</title></head><body><h1>A page that embeds the atlas</h1>${code}</body></html>`,
      }),
    );
    await host.goto(hostUrl);
    const iframe = host.locator('iframe');
    const box = await iframe.boundingBox();
    expect([box?.width, box?.height]).toEqual([800, 600]);
    const frame = host.frameLocator('iframe');
    await frame.locator('#map[aria-busy="false"]').waitFor({ timeout: 60_000 });

    // Reduced chrome: no header, the map and the panels, the link out.
    expect(await frame.locator('.atlas-header').isVisible()).toBe(false);
    expect(await frame.locator('#map canvas').isVisible()).toBe(true);
    await expect.poll(() => frame.locator('atlas-feature-panel h2').textContent()).toContain('Futian');
    const full = frame.locator('#open-full');
    expect(await full.isVisible()).toBe(true);
    expect(await full.textContent()).toContain('Open the full atlas');
    const href = await full.evaluate((a) => (a as HTMLAnchorElement).href);
    const target = new URL(href);
    expect(target.origin + target.pathname).toBe(new URL('/', baseUrl).href);
    const opened = parseHash(target.hash);
    expect(opened.problems).toEqual([]);
    expect(opened.state.embed).toBe(false);
    expect(target.hash).not.toContain('embed');
    expect(opened.state.selection).toBe(shown.selection);
    expect(opened.state.hidden).toEqual(shown.hidden);
    expect(opened.state.language).toBe('en');
    // The same view as the frame shows (the frame frames the selection for its own size).
    const inner = host.frames().find((f) => f !== host.mainFrame());
    const framed = parseHash((await inner?.evaluate(() => location.hash)) ?? '').state;
    expect(framed.embed).toBe(true);
    expect(opened.state).toEqual({ ...framed, embed: false });

    for (const w of [watch, hostWatch]) {
      expect(w.pageErrors).toEqual([]);
      expect(w.consoleErrors).toEqual([]);
      expect(w.foreignRequests).toEqual([]);
    }
  });
});
