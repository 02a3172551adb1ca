// The guided tour in the production build: walked with the keys at three window sizes, every
// chapter's camera holding what it highlights beside the panels; opened from a link; left with the
// view and the selection kept.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { LightIndex, Place } from '../../src/data/types';
import { SOURCE_ID } from '../../src/map/style';
import { CHAPTERS, type Chapter, extentToShow, hiddenFor } from '../../src/tour/chapters';
import { type OpenedPage, browserSession } from './browser';
import './atlas-handle';

const baseUrl = inject('baseUrl');
const ROOT = resolve(import.meta.dirname, '../..');
const index = JSON.parse(readFileSync(resolve(ROOT, 'geo/index.json'), 'utf8')) as LightIndex;
const places = new Map<string, Place>(index.features.map((p) => [p.id, p]));

const SIZES = [
  { width: 1280, height: 860 },
  { width: 390, height: 844 },
  { width: 844, height: 390 },
];

const session = browserSession(baseUrl);

/** A fresh tab on a link, reduced motion (cameras jump), settled, with the data loaded. */
function open(path: string, viewport = SIZES[0] as { width: number; height: number }): Promise<OpenedPage> {
  // The index comes after the map's first idle; the list of places shows it is in.
  return session.open({ path, viewport, serviceWorkers: 'allow', withPlaces: true });
}

interface Seen {
  chapter: string | null;
  selection: string | null;
  hidden: string[];
  center: [number, number];
  zoom: number;
  hash: string;
}

function seen(page: Page): Promise<Seen> {
  return page.evaluate(() => {
    const { map, store } = window.atlas;
    const c = map.getCenter();
    const { chapter, selection, hidden } = store.state;
    return { chapter, selection, hidden: [...hidden], center: [c.lng, c.lat] as [number, number], zoom: map.getZoom(), hash: location.hash };
  });
}

/** Run an action and resolve once the camera has finished the move it starts. */
async function andCameraMoves(page: Page, act: () => Promise<unknown>): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { atlas: { map: import('maplibre-gl').Map }; __moved?: Promise<void> };
    w.__moved = new Promise((done) => w.atlas.map.once('moveend', () => done()));
  });
  await act();
  await page.evaluate(() => (window as unknown as { __moved: Promise<void> }).__moved);
}

/** The tour panel as the reader sees it. */
function panel(page: Page): Promise<{ visible: boolean; progress: string; title: string; passages: string[] }> {
  return page.evaluate(() => {
    const tour = document.querySelector('atlas-tour');
    const root = tour?.shadowRoot;
    return {
      visible: !!tour?.checkVisibility(),
      progress: root?.querySelector('.progress [aria-hidden="true"]')?.textContent?.trim() ?? '',
      title: root?.querySelector('h2')?.textContent?.trim() ?? '',
      passages: [...(root?.querySelectorAll<HTMLElement>('[data-paragraph]') ?? [])].map((p) => p.dataset['paragraph'] as string),
    };
  });
}

interface Framing {
  /** highlighted features (or parts) outside the free rectangle, with where they landed */
  outside: string[];
  /** how much of the free rectangle the chapter's bounds span, across and down */
  fill: [number, number];
  atMinZoom: boolean;
}

/** Where the chapter's features and bounds land on screen, against what the panels and controls leave free. */
async function framing(page: Page, chapter: Chapter): Promise<Framing> {
  const features = chapter.highlight.map((id) => ({ id, extent: extentToShow(places.get(id) as Place) }));
  return page.evaluate(
    ({ features, bounds }) => {
      const { map, shell } = window.atlas;
      const c = shell.covered();
      const el = map.getContainer();
      const free = { left: c.left, top: c.top, right: el.clientWidth - c.right, bottom: el.clientHeight - c.bottom };
      const corners = ([w, s, e, n]: number[]) =>
        [
          [w, s],
          [w, n],
          [e, s],
          [e, n],
        ].map((ll) => map.project(ll as [number, number]));
      const outside: string[] = [];
      for (const { id, extent } of features) {
        for (const p of corners(extent)) {
          // Half a pixel for rounding.
          if (p.x < free.left - 0.5 || p.x > free.right + 0.5 || p.y < free.top - 0.5 || p.y > free.bottom + 0.5) {
            outside.push(`${id} at ${Math.round(p.x)},${Math.round(p.y)} (free ${JSON.stringify(free)})`);
          }
        }
      }
      const b = corners(bounds);
      const xs = b.map((p) => p.x);
      const ys = b.map((p) => p.y);
      const fill: [number, number] = [
        (Math.max(...xs) - Math.min(...xs)) / (free.right - free.left),
        (Math.max(...ys) - Math.min(...ys)) / (free.bottom - free.top),
      ];
      return { outside, fill, atMinZoom: map.getZoom() <= map.getMinZoom() + 0.01 };
    },
    { features, bounds: chapter.camera.bounds },
  );
}

/** Ids of the index whose features are emphasised on the map now. */
function emphasised(page: Page): Promise<string[]> {
  const all = index.features.filter((p) => p.layer !== 'regions').map((p) => ({ id: p.id, sourceLayer: p.layer }));
  return page.evaluate(
    ({ all, source }) => {
      const { map } = window.atlas;
      return all.filter((f) => map.getFeatureState({ source, sourceLayer: f.sourceLayer, id: f.id })['hover'] === true).map((f) => f.id);
    },
    { all, source: SOURCE_ID },
  );
}

/** Everything a reader should find at a chapter: the panel, the layers, the emphasis, the camera. */
async function expectAtChapter(page: Page, chapter: Chapter, language: 'zh' | 'en'): Promise<void> {
  const at = CHAPTERS.indexOf(chapter);
  const s = await seen(page);
  expect(s.chapter).toBe(chapter.id);
  expect(s.hash).toContain(`chapter=${chapter.id}`);
  expect(s.hidden).toEqual(hiddenFor(chapter));
  const p = await panel(page);
  expect(p.visible).toBe(true);
  expect(p.progress).toBe(`${at + 1} / ${CHAPTERS.length}`);
  expect(p.title).toBe(chapter.title[language]);
  expect(p.passages).toEqual(chapter.passages);
  expect((await emphasised(page)).sort()).toEqual(chapter.highlight.filter((id) => places.get(id)?.layer !== 'regions').sort());
  const f = await framing(page, chapter);
  expect(f.outside, `${chapter.id}: highlighted features outside the free area`).toEqual([]);
  // Fitted: the chapter's bounds span the free area one way or the other, unless the map cannot zoom out further.
  if (!f.atMinZoom)
    expect(Math.max(...f.fill), `${chapter.id}: bounds span ${f.fill.map((x) => x.toFixed(2)).join(' × ')} of the free area`).toBeGreaterThan(0.75);
}

describe.each(SIZES)('the tour at $width×$height', (size) => {
  it('walks every chapter forward and back with the arrow keys, each camera holding its highlights', async () => {
    const { page, watch } = await open('/', size);
    const first = CHAPTERS[0] as Chapter;
    const last = CHAPTERS[CHAPTERS.length - 1] as Chapter;
    await andCameraMoves(page, () => page.click('#tour-button'));
    await expectAtChapter(page, first, 'zh');
    expect(await page.getAttribute('#tour-button', 'aria-pressed')).toBe('true');

    for (const chapter of CHAPTERS.slice(1)) {
      await andCameraMoves(page, () => page.keyboard.press('ArrowRight'));
      await expectAtChapter(page, chapter, 'zh');
    }
    // Past the last chapter there is nowhere to go.
    await page.keyboard.press('ArrowRight');
    expect((await seen(page)).chapter).toBe(last.id);

    for (const chapter of CHAPTERS.slice(0, -1).reverse()) {
      await andCameraMoves(page, () => page.keyboard.press('ArrowLeft'));
      await expectAtChapter(page, chapter, 'zh');
    }
    await page.keyboard.press('ArrowLeft');
    expect((await seen(page)).chapter).toBe(first.id);

    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });
});

describe('the tour', () => {
  it('moves by its buttons and its chapter links, in English too', async () => {
    const { page, watch } = await open('/#lang=en');
    await andCameraMoves(page, () => page.click('#tour-button'));
    await expectAtChapter(page, CHAPTERS[0] as Chapter, 'en');
    await andCameraMoves(page, () => page.click('atlas-tour .step.next'));
    await expectAtChapter(page, CHAPTERS[1] as Chapter, 'en');
    const transit = CHAPTERS.find((c) => c.id === 'transit') as Chapter;
    const link = page.locator('atlas-tour nav a', { hasText: transit.title.en });
    expect(await link.getAttribute('href')).toContain('chapter=transit');
    await andCameraMoves(page, () => link.click());
    await expectAtChapter(page, transit, 'en');
    // The emphasis outlives the pointer: over a highlighted district and off it, over a mention and off it.
    const xinjin = await page.evaluate(
      (ll) => {
        const { map } = window.atlas;
        const box = map.getContainer().getBoundingClientRect();
        const p = map.project(ll);
        return { x: box.left + p.x, y: box.top + p.y, right: box.right, bottom: box.bottom };
      },
      (places.get('xinjin') as Place).point,
    );
    await page.mouse.move(xinjin.x, xinjin.y, { steps: 4 });
    await page.mouse.move(xinjin.right - 120, xinjin.bottom - 80, { steps: 4 });
    await page.locator('atlas-tour button.mention[data-mention="chengdu"]').first().hover();
    await page.mouse.move(xinjin.right - 120, xinjin.bottom - 80, { steps: 4 });
    expect((await emphasised(page)).sort()).toEqual([...transit.highlight].sort());
    await andCameraMoves(page, () => page.click('atlas-tour .step.previous'));
    await expectAtChapter(page, CHAPTERS[CHAPTERS.indexOf(transit) - 1] as Chapter, 'en');
    // Back returns to the chapter before, as it was.
    await page.goBack();
    await expect.poll(async () => (await seen(page)).chapter).toBe('transit');
    await expectAtChapter(page, transit, 'en');
    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });

  it('leaves the arrow keys to a text field and to the map', async () => {
    const { page } = await open('/');
    await andCameraMoves(page, () => page.click('#tour-button'));
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.id = 'scratch';
      document.querySelector('#search-slot')?.append(input);
    });
    await page.focus('#scratch');
    await page.keyboard.press('ArrowRight');
    expect((await seen(page)).chapter).toBe(CHAPTERS[0]?.id);
    await page.focus('#map canvas');
    await page.keyboard.press('ArrowRight');
    expect((await seen(page)).chapter).toBe(CHAPTERS[0]?.id);
  });

  it('opens the chapter a link names, fitted beside the panel', async () => {
    const transit = CHAPTERS.find((c) => c.id === 'transit') as Chapter;
    const { page, watch } = await open('/#chapter=transit&lang=en');
    await expect.poll(async () => (await panel(page)).title).toBe(transit.title.en);
    // The chapter's camera comes once the data is in: wait until its bounds fill the free area.
    await expect.poll(async () => Math.max(...(await framing(page, transit)).fill), { timeout: 20_000 }).toBeGreaterThan(0.75);
    await expectAtChapter(page, transit, 'en');
    // "Read in context" leaves the tour for the article, at that passage.
    await page.locator('atlas-tour button.context').nth(1).click();
    const s = await seen(page);
    expect(s.chapter).toBeNull();
    expect(await page.evaluate(() => window.atlas.store.state.reading)).toBe(transit.passages[1]);
    await expect.poll(() => page.evaluate(() => !!document.querySelector('atlas-reader')?.checkVisibility())).toBe(true);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });

  it('keeps the view a shared link carries with its chapter', async () => {
    const { page } = await open('/#map=9/30.4/104.3&chapter=rivers');
    await expect.poll(async () => (await panel(page)).title).toBe((CHAPTERS.find((c) => c.id === 'rivers') as Chapter).title.zh);
    const s = await seen(page);
    expect(s.zoom).toBeCloseTo(9, 5);
    expect(s.center[0]).toBeCloseTo(104.3, 5);
    expect(s.center[1]).toBeCloseTo(30.4, 5);
  });

  it('says so when a link names a chapter it does not have, and opens the map without it', async () => {
    const { page, watch } = await open('/#chapter=no-such-chapter');
    await expect.poll(() => page.locator('#notices .notice-text').allTextContents()).toContainEqual(expect.stringContaining('no-such-chapter'));
    const s = await seen(page);
    expect(s.chapter).toBeNull();
    expect(s.hash).not.toContain('chapter=');
    expect((await panel(page)).visible).toBe(false);
    expect(watch.pageErrors).toEqual([]);
  });

  it('is left with the view and the selection kept, and resumes where it was left', async () => {
    const ziyang = CHAPTERS.find((c) => c.id === 'ziyang') as Chapter;
    const { page, watch } = await open('/');
    await andCameraMoves(page, () => page.click('#tour-button'));
    await andCameraMoves(page, () => page.locator('atlas-tour nav a', { hasText: ziyang.title.zh }).click());
    await expectAtChapter(page, ziyang, 'zh');
    // A place named in the passage is chosen: it is selected and framed.
    await andCameraMoves(page, () => page.locator('atlas-tour button.mention[data-mention="futian-station"]').first().click());
    const before = await seen(page);
    expect(before.selection).toBe('futian-station');

    await page.locator('atlas-tour .leave').click();
    const after = await seen(page);
    expect(after.chapter).toBeNull();
    expect(after.selection).toBe('futian-station');
    expect(after.center).toEqual(before.center);
    expect(after.zoom).toBe(before.zoom);
    expect(after.hidden).toEqual(before.hidden);
    expect(after.hash).not.toContain('chapter=');
    expect((await panel(page)).visible).toBe(false);
    expect(await emphasised(page)).not.toContain('ziyang-line');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('tour-button');

    // The header's button resumes at the chapter left.
    await andCameraMoves(page, () => page.click('#tour-button'));
    await expectAtChapter(page, ziyang, 'zh');
    // Pressed again, it leaves.
    await page.click('#tour-button');
    expect((await seen(page)).chapter).toBeNull();
    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });
});
