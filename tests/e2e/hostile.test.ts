/**
 * Hostile input: random and malicious links applied one after another without reloading, and
 * script-bearing text in the link and in the data. Nothing runs, nothing reaches the page as
 * markup, the app keeps answering, and the address always ends as a canonical link.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { isCanonical } from '../../src/state/url';
import { type OpenedPage, browserSession, mapIdle } from './browser';

const ROOT = resolve(import.meta.dirname, '../..');
const baseUrl = inject('baseUrl');
const session = browserSession(baseUrl);

function open(path = '/', beforeGoto?: (page: Page) => Promise<unknown>): Promise<OpenedPage> {
  return session.open({
    path,
    withPlaces: true,
    beforeGoto: async (page) => {
      // A payload that runs would set this.
      await page.addInitScript(() => Object.defineProperty(window, '__pwned', { value: 0, writable: true }));
      await beforeGoto?.(page);
    },
  });
}

const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload="window.__pwned=2">',
  "'><script>window.__pwned=3</script>",
  'javascript:window.__pwned=4',
  '</script><script>window.__pwned=5</script>',
  '" onmouseover="window.__pwned=6" x="',
  '<iframe srcdoc="<script>parent.__pwned=7</script>">',
];

/** Known-bad links: markup, huge values, broken escapes, every part at once. */
const KNOWN_BAD = [
  ...PAYLOADS.flatMap((p) => [
    `#select=${encodeURIComponent(p)}`,
    `#read=${p}`,
    `#chapter=${encodeURIComponent(p)}`,
    `#layers=${encodeURIComponent(p)}`,
    `#map=${encodeURIComponent(p)}`,
    `#${p}`,
  ]),
  `#select=${'x'.repeat(20000)}`,
  `#map=${'9'.repeat(400)}/30/104`,
  '#map=1e308/30/104',
  '#map=NaN/NaN/NaN',
  '#map=-0/-0/-0/-0/-0',
  '#map=13/30/104/180/60&lang=en&embed=0&layers=-rivers,rivers,-river-wu&select=river-wu&read=eco-1&chapter=rivers',
  '#%E0%A4%A&%&&&==&=&map',
  '#layers=,,,,-,--,rivers,,',
  '#lang=en&lang=zh&lang=fr',
  '#embed=1&embed=%00',
];

describe('2000 random and hostile links, one after another, without reloading', () => {
  it('never throws, keeps answering clicks, and always ends on a canonical link', async () => {
    const { page, watch } = await open();
    const random = fc.sample(
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 60 }),
        fc.webFragments(),
        fc
          .array(
            fc.constantFrom(
              'map=',
              'layers=',
              'select=',
              'read=',
              'chapter=',
              'lang=',
              'embed=',
              '&',
              '/',
              ',',
              '-',
              '%',
              '%E0',
              '<',
              '"',
              '9',
              '.',
              'e',
              '1',
              '30',
              '104',
              'rivers',
              'river-wu',
              'en',
              'zh',
              'eco-3',
              'xinjin',
            ),
            { maxLength: 16 },
          )
          .map((xs) => xs.join('')),
      ),
      { numRuns: 2000 - KNOWN_BAD.length, seed: 20221130 },
    );
    const hashes = [...KNOWN_BAD, ...random.map((s) => `#${s}`)];
    expect(hashes).toHaveLength(2000);
    const ends: string[] = [];
    for (let i = 0; i < hashes.length; i += 100) {
      const batch = hashes.slice(i, i + 100);
      const result = await page.evaluate(async (batch) => {
        const out: { hash: string; alive: boolean }[] = [];
        const button = document.querySelector<HTMLButtonElement>('#places-button') as HTMLButtonElement;
        for (const [k, h] of batch.entries()) {
          if (k % 25 === 0) {
            // Now and then the way a reader does it: the address changes, the browser says so later.
            const target = new URL(h, location.href).hash;
            if (target !== location.hash) {
              const changed = new Promise((r) => window.addEventListener('hashchange', r, { once: true }));
              location.hash = h;
              await changed;
            }
          } else {
            // Otherwise at once: the same change and the same event, without waiting for frames.
            const old = location.href;
            history.replaceState(history.state, '', h);
            window.dispatchEvent(new HashChangeEvent('hashchange', { oldURL: old, newURL: location.href }));
          }
          // The header still answers a click: the list of places opens and closes.
          const was = button.getAttribute('aria-pressed');
          button.click();
          const opened = button.getAttribute('aria-pressed') !== was;
          button.click();
          out.push({ hash: location.hash, alive: opened && button.getAttribute('aria-pressed') === was });
        }
        return out;
      }, batch);
      for (const r of result) {
        expect(r.alive, r.hash).toBe(true);
        ends.push(r.hash);
      }
      // And the map still answers a real click.
      await mapIdle(page);
      await page.mouse.click(700, 450);
    }
    expect(ends.filter((h) => !isCanonical(h))).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned: number }).__pwned)).toBe(0);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.cspViolations).toEqual([]);
  }, 180_000);
});

describe('script-bearing text', () => {
  it('in a link is shown as text in the notice, and never runs', async () => {
    const { page, watch } = await open(
      `/#${KNOWN_BAD.slice(0, PAYLOADS.length * 6)
        .join('&')
        .replace(/#/g, '')}`,
    );
    const notices = await page.locator('#notices .notice-text').allTextContents();
    expect(notices.join(' ')).toContain('<img src=x');
    expect(await page.evaluate(() => document.querySelectorAll('#notices img, #notices svg, #notices script, #notices iframe').length)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned: number }).__pwned)).toBe(0);
    expect(watch.pageErrors).toEqual([]);
  });

  it('in the data is shown as text in the panels, the list and the search, and never runs', async () => {
    const index = JSON.parse(readFileSync(resolve(ROOT, 'geo/index.json'), 'utf8')) as { features: { id: string; properties: Record<string, unknown> }[] };
    const poisoned = structuredClone(index);
    const wu = poisoned.features.find((f) => f.id === 'river-wu');
    if (!wu) throw new Error('no river-wu in geo/index.json');
    Object.assign(wu.properties, {
      label_zh: PAYLOADS[0],
      name_zh: PAYLOADS[1],
      note_zh: PAYLOADS[2],
      source: PAYLOADS[4],
      datum_note: PAYLOADS[5],
      licence: PAYLOADS[3],
    });
    const { page, watch } = await open('/#select=river-wu', (p) =>
      p.route(/\/assets\/index-[^/]+\.json$/, (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(poisoned) })),
    );
    await expect.poll(() => page.locator('atlas-feature-panel h2').textContent()).toContain('<img src=x');
    await page.locator('atlas-feature-panel details summary').click();
    await expect.poll(() => page.locator('atlas-feature-panel details').textContent()).toContain('javascript:window.__pwned=4');
    await page.locator('#places-button').click();
    await expect.poll(() => page.locator('atlas-place-list li button[data-id="river-wu"]').textContent()).toContain('<img src=x');
    const markup = await page.evaluate(() => {
      const roots: (Document | ShadowRoot)[] = [document];
      for (const el of document.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
      return roots.flatMap((r) =>
        [...r.querySelectorAll('img, script:not([src]), iframe, [onerror], [onload], [onmouseover], a[href^="javascript:"]')].map((el) =>
          el.outerHTML.slice(0, 80),
        ),
      );
    });
    expect(markup).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned: number }).__pwned)).toBe(0);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.cspViolations).toEqual([]);
  });
});
