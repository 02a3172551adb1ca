/**
 * The header's search on the production build: each query a reader might type, then Enter, opens
 * the right place or passage; / and Ctrl+K reach the box; the arrows move the combobox's active
 * option; the box passes axe-core; phones get a folded field and 44 px targets.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import axe from 'axe-core';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LightIndex } from '../../src/data/types';
import { type OpenedPage, type PageOptions, type PageWatch, browserSession, openPage } from './browser';
import './atlas-handle';

const ROOT = resolve(import.meta.dirname, '../..');
const baseUrl = inject('baseUrl');
const lightIndex = JSON.parse(readFileSync(resolve(ROOT, 'geo/index.json'), 'utf8')) as LightIndex;
const pointOf = (id: string) => lightIndex.features.find((f) => f.id === id)!.point;

const INPUT = '#atlas-search-input';
const LIST = '#atlas-search-list';

const session = browserSession(baseUrl);

const pageOptions = (options: BrowserContextOptions, hash: string): PageOptions => ({ serviceWorkers: 'allow', ...options, path: `/${hash}` });
/** A page for one test. */
const open = (options: BrowserContextOptions = {}, hash = ''): Promise<OpenedPage> => session.open(pageOptions(options, hash));

interface AtlasState {
  selection: string | null;
  reading: string | null;
}

function appState(page: Page): Promise<AtlasState> {
  return page.evaluate(() => {
    const { state } = window.atlas.store;
    return { selection: state.selection, reading: state.reading };
  });
}

/** Nothing selected, nothing being read, focus nowhere. */
async function reset(page: Page): Promise<void> {
  await page.evaluate(() => {
    const { store } = window.atlas;
    store.dispatch({ type: 'select', id: null });
    store.dispatch({ type: 'read', at: null });
    (document.activeElement as HTMLElement | null)?.blur();
  });
}

/** Types a query into the box (reached as a reader would, with /) and waits for the list. */
async function search(page: Page, query: string): Promise<void> {
  await page.keyboard.press('/');
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('atlas-search-input');
  await page.fill(INPUT, query);
  await page.waitForSelector(`${LIST}:not([hidden]) [role=option]`);
}

function activeDescendant(page: Page): Promise<string | null> {
  return page.getAttribute(INPUT, 'aria-activedescendant');
}

function optionIds(page: Page): Promise<string[]> {
  return page.$$eval(`${LIST} [role=option]`, (els) => els.map((e) => e.id));
}

function inView(page: Page, lngLat: [number, number]): Promise<boolean> {
  return page.evaluate((ll) => {
    const { map } = window.atlas;
    return map.getBounds().contains(ll);
  }, lngLat);
}

describe('search on a desktop', () => {
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    // The link names a place the atlas does not have: a notice stays at the top of the map, where
    // the list of results opens too.
    ({ page, watch } = await openPage(session.browser, baseUrl, pageOptions({}, '#select=no-such-place')));
    await page.waitForSelector('.notice');
  });

  afterAll(async () => {
    await page?.context().close();
  });

  it('fetches its index only when the reader first turns to the search, never for the opening view', async () => {
    const loaded = () => page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('search-index')));
    // The page's own data is in: the map has settled and the panels' index has arrived.
    await page.waitForFunction(() => !!(document.querySelector('atlas-place-list') as unknown as { places: unknown } | null)?.places);
    expect(await loaded()).toBe(false);
    await page.keyboard.press('/');
    await expect.poll(loaded).toBe(true);
  });

  it.each([
    ['jialing', 'river-jialing'],
    ['嘉陵', 'river-jialing'],
    ['jlj', 'river-jialing'],
    ['Ziyang North', 'ziyang-north-station'],
    ['ziyangbei', 'ziyang-north-station'],
    ['xinjin', 'xinjin'],
  ])('%s, then Enter, selects %s and brings it into view', async (query, id) => {
    await reset(page);
    await page.evaluate(() => {
      const { map } = window.atlas;
      // Somewhere far from every answer, so the map must move to show it.
      map.jumpTo({ center: [98, 40], zoom: 9 });
    });
    await search(page, query);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await appState(page)).selection).toBe(id);
    expect(await page.getAttribute(INPUT, 'aria-expanded')).toBe('false');
    await expect.poll(() => inView(page, pointOf(id))).toBe(true);
  });

  it.each([
    // “四山” is printed once, in the paragraph on the rivers and mountains.
    ['四山', '四山', /^eco-9$/],
    // 环境 (huanjing) is in the main headline: headlines come first among passages. The reader
    // opens at the story, then reports the first paragraph in view as the reading position.
    ['huanjing', '环境', /^eco(-1)?$/],
  ])('%s, then Enter, opens the reader at the passage marked %s', async (query, mark, reading) => {
    await reset(page);
    await search(page, query);
    const first = page.locator(`${LIST} [role=option]`).first();
    expect(await first.locator('mark').textContent()).toBe(mark);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await appState(page)).reading).toMatch(reading);
    await expect.poll(() => page.evaluate(() => document.body.classList.contains('dock-open'))).toBe(true);
  });

  it('/ and Ctrl+K (or ⌘K) focus the box from anywhere; / typed in the box is text', async () => {
    for (const keys of ['/', 'Control+k', 'Meta+k']) {
      await reset(page);
      await page.keyboard.press(keys);
      await expect.poll(() => page.evaluate(() => document.activeElement?.id), { message: keys }).toBe('atlas-search-input');
    }
    await page.fill(INPUT, '');
    await page.keyboard.type('a/b');
    expect(await page.inputValue(INPUT)).toBe('a/b');
  });

  it('arrows move aria-activedescendant over the options, wrapping at the ends', async () => {
    await reset(page);
    await search(page, 'ziyang');
    const ids = await optionIds(page);
    expect(ids.length).toBeGreaterThan(3);
    expect(await activeDescendant(page)).toBeNull();
    await page.keyboard.press('ArrowDown');
    expect(await activeDescendant(page)).toBe(ids[0]);
    await page.keyboard.press('ArrowDown');
    expect(await activeDescendant(page)).toBe(ids[1]);
    expect(await page.getAttribute(`#${ids[1]}`, 'aria-selected')).toBe('true');
    expect(await page.getAttribute(`#${ids[0]}`, 'aria-selected')).toBe('false');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await activeDescendant(page)).toBe(ids.at(-1));
    // Enter takes the active option: the last, a passage.
    const last = await page.getAttribute(`#${ids.at(-1)}`, 'data-id');
    expect(last).toMatch(/^[a-z-]+(-\d+)?$/);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await appState(page)).reading).toBe(last);
  });

  it('groups places and passages in the listbox, the place names in the interface language first', async () => {
    await reset(page);
    await search(page, 'jialing');
    const groups = await page.$$eval(`${LIST} > [role=group]`, (els) =>
      els.map((g) => ({
        label: document.getElementById(g.getAttribute('aria-labelledby') ?? '')?.textContent,
        options: g.querySelectorAll('[role=option]').length,
      })),
    );
    expect(groups.map((g) => g.label)).toEqual(['地点', '文章段落']);
    expect(groups.every((g) => g.options > 0)).toBe(true);
    expect(await page.textContent(`${LIST} [role=option] .search-name`)).toBe('嘉陵江');
    expect(await page.textContent(`${LIST} [role=option] .search-second`)).toBe('Jialing River');
  });

  it('Escape closes the list, a second clears the box, a third leaves it', async () => {
    await reset(page);
    await search(page, 'jialing');
    await page.keyboard.press('Escape');
    expect(await page.getAttribute(INPUT, 'aria-expanded')).toBe('false');
    expect(await page.isHidden(LIST)).toBe(true);
    expect(await page.inputValue(INPUT)).toBe('jialing');
    await page.keyboard.press('Escape');
    expect(await page.inputValue(INPUT)).toBe('');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('atlas-search-input');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.id)).not.toBe('atlas-search-input');
  });

  it('a click on an option does what Enter does, the list lying above the page’s notices', async () => {
    await reset(page);
    await search(page, 'ziyangbei');
    expect(await page.isVisible('.notice')).toBe(true);
    const covered = await page.$$eval(
      `${LIST} [role=option]`,
      (options) =>
        options.filter((o) => {
          const r = o.getBoundingClientRect();
          return !o.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
        }).length,
    );
    expect(covered).toBe(0);
    await page.click(`${LIST} [role=option] >> text=资阳北站`);
    await expect.poll(async () => (await appState(page)).selection).toBe('ziyang-north-station');
    await reset(page);
    await search(page, '四山');
    await page.click(`${LIST} [role=option] mark`);
    await expect.poll(async () => (await appState(page)).reading).toBe('eco-9');
  });

  it('says when nothing matches, with no list open', async () => {
    await reset(page);
    await page.keyboard.press('/');
    await page.fill(INPUT, 'qxzwv');
    await expect.poll(() => page.textContent('atlas-search [role=status]')).toContain('qxzwv');
    expect(await page.getAttribute(INPUT, 'aria-expanded')).toBe('false');
    expect(await page.isVisible('atlas-search .search-message')).toBe(true);
    expect(await page.$$(`${LIST} [role=option]`)).toHaveLength(0);
  });

  it('follows the interface language', async () => {
    await reset(page);
    await page.click('#language-toggle');
    await search(page, 'jialing');
    expect(await page.textContent(`${LIST} [role=option] .search-name`)).toBe('Jialing River');
    expect(await page.getAttribute(INPUT, 'aria-label')).toMatch(/^Search/);
    await page.keyboard.press('Escape');
    await page.click('#language-toggle');
  });

  it('leaves / and Ctrl+K alone while a dialog is open over the page', async () => {
    await reset(page);
    await page.click('#share-button');
    await page.waitForSelector('dialog[open]');
    await page.evaluate(() => {
      const seen: boolean[] = [];
      (window as unknown as { prevented: boolean[] }).prevented = seen;
      window.addEventListener('keydown', (e) => seen.push(e.defaultPrevented));
    });
    await page.keyboard.press('Control+k');
    expect(await page.evaluate(() => (window as unknown as { prevented: boolean[] }).prevented)).toEqual([false, false]);
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog[open]', { state: 'detached' }).catch(() => page.waitForSelector('dialog:not([open])', { state: 'attached' }));
  });

  it('logs no console errors and no page errors', () => {
    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });
});

describe('the search combobox under axe-core', () => {
  it('has no serious or critical violations with its list open', async () => {
    // The production page forbids inline scripts (its Content-Security-Policy); axe is injected
    // as text, so this one page bypasses the policy.
    const { page, watch } = await open({ bypassCSP: true });
    await search(page, 'ziyang');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.addScriptTag({ content: axe.source });
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: typeof axe }).axe.run('atlas-search');
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
  });
});

/** Every visible button, input and option of the search, with its size. */
function targets(page: Page): Promise<{ what: string; width: number; height: number }[]> {
  return page.$$eval('#search-slot button, atlas-search input, atlas-search [role=option]', (els) =>
    els
      .filter((e) => e.getClientRects().length > 0)
      .map((e) => {
        const r = e.getBoundingClientRect();
        return { what: e.className || e.id, width: r.width, height: r.height };
      }),
  );
}

describe('search on a phone', () => {
  it('at 390 × 844 folds into a 44 px button that opens the field over the header', async () => {
    const { page, watch } = await open({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    expect(await page.isVisible(INPUT)).toBe(false);
    // The header still has room for the whole title beside the button.
    expect(await page.$eval('.atlas-header h1', (h) => h.scrollWidth <= h.clientWidth)).toBe(true);
    const toggle = (await page.locator('#search-slot .search-toggle').boundingBox())!;
    expect(toggle.width).toBeGreaterThanOrEqual(44);
    expect(toggle.height).toBeGreaterThanOrEqual(44);
    await page.tap('#search-slot .search-toggle');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('atlas-search-input');
    const field = (await page.locator('atlas-search .search-field').boundingBox())!;
    const header = (await page.locator('.atlas-header').boundingBox())!;
    expect(field.x).toBe(0);
    expect(field.width).toBe(390);
    expect(field.height).toBe(header.height);
    await page.fill(INPUT, 'ziyangbei');
    await page.waitForSelector(`${LIST}:not([hidden]) [role=option]`);
    for (const t of await targets(page)) expect(Math.min(t.width, t.height), t.what).toBeGreaterThanOrEqual(44);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await appState(page)).selection).toBe('ziyang-north-station');
    // Chosen: the field folds away and the header is the header again.
    expect(await page.isVisible(INPUT)).toBe(false);
    expect(await page.isVisible('#language-toggle')).toBe(true);
    // Closing the place sends focus back to the search button, not to the folded field.
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await appState(page)).selection).toBeNull();
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('search-toggle');
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
  });

  it('at 844 × 390 keeps the field in the header and the list on screen, every target 44 px', async () => {
    const { page, watch } = await open({ viewport: { width: 844, height: 390 }, hasTouch: true }, '#lang=en');
    expect(await page.isVisible(INPUT)).toBe(true);
    await search(page, 'huanjing');
    const list = (await page.locator(LIST).boundingBox())!;
    expect(list.y + list.height).toBeLessThanOrEqual(390);
    for (const t of await targets(page)) expect(Math.min(t.width, t.height), t.what).toBeGreaterThanOrEqual(44);
    // Every action of the header is still there beside the field.
    for (const id of ['#tour-button', '#reader-button', '#places-button', '#share-button', '#language-toggle']) expect(await page.isVisible(id), id).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await appState(page)).reading).toMatch(/^eco(-1)?$/);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
  });
});

describe('search in the embedded page', () => {
  it('has no header, so / and Ctrl+K are left to the page around it', async () => {
    const { page, watch } = await open({}, '#embed=1');
    expect(await page.isVisible(INPUT)).toBe(false);
    await page.evaluate(() => {
      const seen: boolean[] = [];
      (window as unknown as { prevented: boolean[] }).prevented = seen;
      window.addEventListener('keydown', (e) => seen.push(e.defaultPrevented));
    });
    for (const keys of ['/', 'Control+k']) await page.keyboard.press(keys);
    expect(await page.evaluate(() => (window as unknown as { prevented: boolean[] }).prevented)).toEqual([false, false, false]);
    expect(watch.pageErrors).toEqual([]);
  });
});
