/**
 * Every screen, every hand: on a desktop, a phone and a phone turned sideways, in Chinese and in
 * English, every site, river, district, bus line and station can be selected by a click at its own
 * label or geometry (at the opening zoom or one step in), and ends up framed where no panel or
 * control covers it. The whole region fits at the minimum zoom; a keyboard alone reaches every
 * place and gets its focus back; axe finds nothing serious with a panel open.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LightIndex, Place } from '../../src/data/types';
import { REGION_BOUNDS } from '../../src/state/store';
import { type PageWatch, browserSession, mapIdle, openPage } from './browser';
import './atlas-handle';

const ROOT = resolve(import.meta.dirname, '../..');
const baseUrl = inject('baseUrl');
const index = JSON.parse(readFileSync(resolve(ROOT, 'geo/index.json'), 'utf8')) as LightIndex;
const AXE = readFileSync(resolve(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

const byKind = (pred: (p: Place) => boolean) => index.features.filter(pred);
const TARGETS: Place[] = [
  ...byKind((p) => p.layer === 'sites'),
  ...byKind((p) => p.kind === 'river' && p.properties['corridor'] === true),
  ...byKind((p) => p.kind === 'district'),
  ...byKind((p) => p.kind === 'bus-line'),
  ...byKind((p) => p.kind === 'rail-station' && !p.properties['context']),
];

const SCREENS = [
  { name: 'desktop', width: 1280, height: 860, touch: false },
  { name: 'phone', width: 390, height: 844, touch: true },
  { name: 'landscape', width: 844, height: 390, touch: true },
] as const;

const session = browserSession(baseUrl);

type Box = [number, number, number, number];

/** The pixel rectangles of everything that covers the map now, measured in the page. */
function covers(page: Page): Promise<{ map: Box; covers: { what: string; box: Box }[] }> {
  return page.evaluate(() => {
    const box = (el: Element): [number, number, number, number] => {
      const r = el.getBoundingClientRect();
      return [r.left, r.top, r.right, r.bottom];
    };
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const selectors = [
      '#dock-host',
      'atlas-feature-panel',
      '.panels',
      '.maplibregl-ctrl-top-right > .maplibregl-ctrl',
      '.maplibregl-ctrl-bottom-left > .maplibregl-ctrl',
      '.maplibregl-ctrl-bottom-right > .maplibregl-ctrl',
      '#notices .notice',
      '.atlas-chooser',
    ];
    const out: { what: string; box: [number, number, number, number] }[] = [];
    for (const s of selectors) for (const el of document.querySelectorAll(s)) if (shown(el)) out.push({ what: s, box: box(el) });
    return { map: box(document.querySelector('#map') as Element), covers: out };
  });
}

/** The feature's framing box on screen: its bbox, cut to the region as the atlas frames it. */
function framedBox(page: Page, place: Place): Promise<Box> {
  const [[w, s], [e, n]] = REGION_BOUNDS;
  const b = place.bbox;
  const clipped: Box = [Math.max(b[0], w), Math.max(b[1], s), Math.min(b[2], e), Math.min(b[3], n)];
  const bbox = clipped[0] > clipped[2] || clipped[1] > clipped[3] ? b : clipped;
  return page.evaluate((bb) => {
    const { map } = window.atlas;
    const r = map.getContainer().getBoundingClientRect();
    const pts = [
      [bb[0], bb[1]],
      [bb[0], bb[3]],
      [bb[2], bb[1]],
      [bb[2], bb[3]],
    ].map((c) => map.project(c as [number, number]));
    const xs = pts.map((p) => p.x + r.left);
    const ys = pts.map((p) => p.y + r.top);
    return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] as [number, number, number, number];
  }, bbox);
}

const overlap = (a: Box, b: Box) => Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0])) * Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));

async function openScreen(screen: (typeof SCREENS)[number], lang: 'zh' | 'en'): Promise<{ page: Page; watch: PageWatch }> {
  // One page for all the tests of a screen and language: the block that opens it closes it.
  const { page, watch } = await openPage(session.browser, baseUrl, {
    path: lang === 'en' ? '/#lang=en' : '/',
    viewport: { width: screen.width, height: screen.height },
    hasTouch: screen.touch,
    isMobile: screen.touch,
    serviceWorkers: 'allow',
  });
  await page.evaluate(() => {
    const w = window as unknown as { __events: string[]; atlas: { map: import('maplibre-gl').Map } };
    w.__events = [];
    document.addEventListener(
      'click',
      (e) => w.__events.push(`click ${(e.target as HTMLElement).tagName}.${(e.target as HTMLElement).className} ${e.clientX},${e.clientY}`),
      true,
    );
    w.atlas.map.on('click', (e) => w.__events.push(`map click ${Math.round(e.point.x)},${Math.round(e.point.y)}`));
    w.atlas.map.on('movestart', () => w.__events.push('movestart'));
    new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) if ((n as HTMLElement).className === 'atlas-chooser') w.__events.push('chooser added');
        for (const n of r.removedNodes) if ((n as HTMLElement).className === 'atlas-chooser') w.__events.push('chooser removed');
      }
    }).observe(document.querySelector('#main') as Node, { childList: true });
    document.addEventListener('keydown', (e) => w.__events.push(`key ${e.key}`), true);
  });
  // The panels' data is loaded once the map has settled.
  await page.waitForFunction(() => !!(document.querySelector('atlas-place-list') as unknown as { places: unknown } | null)?.places);
  return { page, watch };
}

/** Screen points worth trying for a feature: its dot, along its lines, inside its area, on its label. */
function samplePoints(page: Page, place: Place): Promise<[number, number][]> {
  return page.evaluate(
    ({ id, point, kind }) => {
      const { map } = window.atlas;
      const pts: [number, number][] = [];
      const p0 = map.project(point as [number, number]);
      pts.push([p0.x, p0.y]);
      // Around a dot, out to a wide ring's edge.
      for (const r of [6, 10, 13]) for (let a = 0; a < 8; a++) pts.push([p0.x + r * Math.cos((a * Math.PI) / 4), p0.y + r * Math.sin((a * Math.PI) / 4)]);
      const rendered = map
        .queryRenderedFeatures()
        .filter((f) => f.properties['id'] === id || f.properties['river_id'] === id || f.properties['district_id'] === id);
      for (const f of rendered) {
        const g = f.geometry;
        const lines =
          g.type === 'LineString'
            ? [g.coordinates]
            : g.type === 'MultiLineString' || g.type === 'Polygon'
              ? g.coordinates
              : g.type === 'MultiPolygon'
                ? g.coordinates.flat()
                : g.type === 'Point'
                  ? [[g.coordinates]]
                  : [];
        for (const line of lines) {
          const step = Math.max(1, Math.floor(line.length / 25));
          for (let i = 0; i < line.length; i += step) {
            const s = map.project(line[i] as [number, number]);
            pts.push([s.x, s.y]);
            const next = line[i + 1];
            if (!next) continue;
            // Along each segment too: a schematic line has two vertices only.
            const t = map.project(next as [number, number]);
            for (let k = 1; k < 8; k++) pts.push([s.x + ((t.x - s.x) * k) / 8, s.y + ((t.y - s.y) * k) / 8]);
          }
        }
        // A name: its anchor, and beside it where point names are set.
        if (f.layer.type === 'symbol' && g.type === 'Point') {
          const s = map.project(g.coordinates as [number, number]);
          for (const [dx, dy] of [
            [0, 0],
            [14, 0],
            [24, 0],
            [0, 10],
            [0, -10],
          ])
            pts.push([s.x + (dx as number), s.y + (dy as number)]);
        }
      }
      if (kind === 'district') {
        // Inside the area: a grid around its name's anchor.
        for (const dx of [-12, -6, 0, 6, 12]) for (const dy of [-12, -6, 0, 6, 12]) pts.push([p0.x + dx, p0.y + dy]);
      }
      const { width, height } = map.getContainer().getBoundingClientRect();
      return pts.filter(([x, y]) => x > 4 && y > 4 && x < width - 4 && y < height - 4);
    },
    { id: place.id, point: place.point, kind: place.kind },
  );
}

/** The first sampled point where a click would pick this feature (alone, or among a chooser's few). */
async function findClickPoint(page: Page, place: Place, pointer: 'mouse' | 'touch'): Promise<{ x: number; y: number; choose: boolean } | null> {
  const pts = await samplePoints(page, place);
  return page.evaluate(
    ({ id, pts, pointer }) => {
      const { view, map } = window.atlas;
      const r = map.getContainer().getBoundingClientRect();
      let fallback: { x: number; y: number; choose: boolean } | null = null;
      // Where a real pointer can be: whole page pixels.
      for (const [px, py] of pts) {
        const x = Math.round(px + r.left) - r.left;
        const y = Math.round(py + r.top) - r.top;
        const pick = view.pickAt(x, y, pointer);
        if (pick.type === 'one' && pick.id === id) return { x: x + r.left, y: y + r.top, choose: false };
        if (!fallback && pick.type === 'choose' && pick.ids?.includes(id)) fallback = { x: x + r.left, y: y + r.top, choose: true };
      }
      return fallback;
    },
    { id: place.id, pts, pointer },
  );
}

interface Outcome {
  id: string;
  ok: boolean;
  why?: string;
}

let turn = 0;

async function selectByClick(page: Page, place: Place, opening: { center: [number, number]; zoom: number }, touch: boolean): Promise<Outcome> {
  for (const step of [0, 1]) {
    // Never twice on the same spot in a row: two taps there would be a double tap (a zoom).
    turn++;
    const offset = [((turn % 3) - 1) * 50, ((turn % 2) * 2 - 1) * 30];
    // Whatever the last attempt left open (a chooser) is closed first, as a reader would.
    if ((await page.locator('.atlas-chooser').count()) > 0) await page.keyboard.press('Escape');
    await page.evaluate(
      ({ center, zoom, offset }) => {
        const { map, store } = window.atlas;
        store.dispatch({ type: 'select', id: null });
        map.easeTo({ center, zoom, offset: offset as [number, number], duration: 0 });
      },
      { center: place.point, zoom: opening.zoom + step, offset },
    );
    await mapIdle(page);
    const at = await findClickPoint(page, place, touch ? 'touch' : 'mouse');
    if (!at) continue;
    if (touch) await page.touchscreen.tap(at.x, at.y);
    else await page.mouse.click(at.x, at.y);
    // Equally close to others: the reader picks it from the chooser.
    const entry = page.locator(`.atlas-chooser button[data-id="${place.id}"]`);
    if (at.choose || (await entry.count()) > 0) {
      const shown = await entry.waitFor({ timeout: 5000 }).then(
        () => true,
        () => false,
      );
      if (!shown) {
        const what = await page.evaluate(() => ({
          selection: window.atlas.store.state.selection,
          chooser: [...document.querySelectorAll<HTMLElement>('.atlas-chooser button')].map((b) => b.dataset['id']),
          events: (window as unknown as { __events: string[] }).__events.slice(-12),
        }));
        const camera = await page.evaluate(() => {
          const { map } = window.atlas;
          return { center: map.getCenter().toArray(), zoom: map.getZoom(), moving: map.isMoving() };
        });
        return { id: place.id, ok: false, why: `predicted a chooser at ${at.x},${at.y}; got ${JSON.stringify(what)}, camera ${JSON.stringify(camera)}` };
      }
      if (touch) await entry.tap();
      else await entry.click();
    }
    const selected = await page
      .waitForFunction((id) => window.atlas.store.state.selection === id, place.id, { timeout: 5000 })
      .then(
        () => true,
        () => false,
      );
    if (!selected) {
      const got = await page.evaluate(() => window.atlas.store.state.selection);
      return { id: place.id, ok: false, why: `a click at ${Math.round(at.x)},${Math.round(at.y)} selected ${got}` };
    }
    // Framed: the camera has settled and the panel is laid out.
    await page.waitForFunction(() => document.body.classList.contains('feature-open'));
    await mapIdle(page);
    const box = await framedBox(page, place);
    const { map, covers: over } = await covers(page);
    const inside = box[0] >= map[0] - 1 && box[1] >= map[1] - 1 && box[2] <= map[2] + 1 && box[3] <= map[3] + 1;
    const hidden = over.filter((c) => overlap(c.box, [box[0] + 1, box[1] + 1, box[2] - 1, box[3] - 1]) > 0);
    if (!inside) return { id: place.id, ok: false, why: `outside the map: ${box.map(Math.round)} vs ${map.map(Math.round)}` };
    if (hidden.length) {
      const notices = await page.locator('#notices .notice-text').allTextContents();
      return {
        id: place.id,
        ok: false,
        why: `under ${hidden.map((h) => `${h.what} ${h.box.map(Math.round)}`).join('; ')}; box ${box.map(Math.round)}; notices ${notices.join(' | ')}`,
      };
    }
    return { id: place.id, ok: true };
  }
  const camera = await page.evaluate(() => {
    const { map } = window.atlas;
    return { center: map.getCenter().toArray(), zoom: map.getZoom(), moving: map.isMoving() };
  });
  return { id: place.id, ok: false, why: `no point picks it at the opening zoom or one step in (camera ${JSON.stringify(camera)})` };
}

describe.each(SCREENS)('on a $name screen ($width×$height)', (screen) => {
  describe.each(['zh', 'en'] as const)('in %s', (lang) => {
    let page: Page;
    let watch: PageWatch;
    let opening: { center: [number, number]; zoom: number };

    beforeAll(async () => {
      ({ page, watch } = await openScreen(screen, lang));
      opening = await page.evaluate(() => {
        const { map } = window.atlas;
        const c = map.getCenter();
        return { center: [c.lng, c.lat] as [number, number], zoom: map.getZoom() };
      });
    });

    afterAll(async () => {
      await page?.context().close();
    });

    it('shows each map control whole on screen, its buttons inside it, and on touch screens at least 44×44', async () => {
      const problems = await page.evaluate((touch) => {
        const found: string[] = [];
        const box = (el: Element) => el.getBoundingClientRect();
        const name = (el: Element) => el.getAttribute('aria-label') ?? el.getAttribute('title') ?? el.className;
        // The attribution's button is a <summary> (MapLibre draws it as a <details>).
        for (const button of document.querySelectorAll('#map .maplibregl-ctrl :is(button, summary)')) {
          const b = box(button);
          if (b.width === 0 && b.height === 0) continue;
          const control = box(button.closest('.maplibregl-ctrl')!);
          if (b.left < 0 || b.top < 0 || b.right > innerWidth || b.bottom > innerHeight)
            found.push(`${name(button)} leaves the window: ${[b.left, b.top, b.right, b.bottom].map(Math.round)}`);
          // A button hanging out of its control's box (a pill beside a button that overflows it).
          if (b.left < control.left - 1 || b.top < control.top - 1 || b.right > control.right + 1 || b.bottom > control.bottom + 1)
            found.push(`${name(button)} hangs out of its control`);
          if (touch && (b.width < 44 || b.height < 44)) found.push(`${name(button)} is ${Math.round(b.width)}×${Math.round(b.height)}`);
        }
        return found;
      }, screen.touch);
      expect(problems).toEqual([]);
    });

    it('opens with the region centred in the part of the map that nothing covers', async () => {
      const offset = await page.evaluate((bounds) => {
        const { map, shell } = window.atlas;
        const [[w, s], [e, n]] = bounds;
        const nw = map.project([w, n]);
        const se = map.project([e, s]);
        const { width, height } = map.getContainer().getBoundingClientRect();
        const c = shell.covered();
        return {
          x: (nw.x + se.x) / 2 - (c.left + (width - c.right)) / 2,
          y: (nw.y + se.y) / 2 - (c.top + (height - c.bottom)) / 2,
        };
      }, REGION_BOUNDS);
      expect(Math.abs(offset.x), `${JSON.stringify(offset)}`).toBeLessThan(4);
      expect(Math.abs(offset.y), `${JSON.stringify(offset)}`).toBeLessThan(4);
    });

    it('fits the whole region at the minimum zoom', async () => {
      const fits = await page.evaluate((bounds) => {
        const { map } = window.atlas;
        const [[w, s], [e, n]] = bounds;
        map.jumpTo({ center: [(w + e) / 2, (s + n) / 2], zoom: map.getMinZoom() });
        const { width, height } = map.getContainer().getBoundingClientRect();
        return [
          [w, s],
          [w, n],
          [e, s],
          [e, n],
        ].every((c) => {
          const p = map.project(c as [number, number]);
          return p.x >= 0 && p.y >= 0 && p.x <= width && p.y <= height;
        });
      }, REGION_BOUNDS);
      expect(fits).toBe(true);
    });

    it('names every transit district from the opening zoom (on a phone, from one step in: the eight areas are 40 px across there)', async () => {
      const named = await page.evaluate(
        async ({ step, center, opening }) => {
          const { map } = window.atlas;
          map.jumpTo(step ? { center, zoom: opening.zoom + step } : opening);
          await new Promise((r) => {
            map.once('idle', r);
            map.triggerRepaint();
          });
          return [...new Set(map.queryRenderedFeatures({ layers: ['transit-district-label'] }).map((f) => String(f.properties['district_id'])))].sort();
        },
        { step: screen.name === 'desktop' ? 0 : 1, center: [103.75, 30.4] as [number, number], opening },
      );
      expect(named).toEqual(['chongzhou', 'dayi', 'pengshan', 'pujiang', 'qionglai', 'shuangliu', 'xinjin']);
    });

    it('selects each of the 49 features by a click at its label or geometry, and frames it where nothing covers it', async () => {
      expect(TARGETS).toHaveLength(49);
      const failures: Outcome[] = [];
      for (const place of TARGETS) {
        const outcome = await selectByClick(page, place, opening, screen.touch);
        if (!outcome.ok) failures.push(outcome);
      }
      expect(failures).toEqual([]);
      expect(watch.pageErrors).toEqual([]);
      expect(watch.consoleErrors).toEqual([]);
      // 49 clicks, each a camera move and a framing: about 50 s on a desktop window here, so the
      // limit is set for a machine twice as slow, not the 90 s every other test is held to.
    }, 240_000);

    it('has no serious or critical accessibility violation with a panel open', async () => {
      await page.evaluate(() => {
        const { store } = window.atlas;
        store.dispatch({ type: 'select', id: 'river-jialing', framing: 'focus' });
      });
      await page.waitForFunction(() => document.body.classList.contains('feature-open'));
      // Not as a script tag: the page's Content-Security-Policy refuses inline scripts, as it should.
      await page.evaluate(AXE);
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
          }
        ).axe;
        const result = await axe.run(document, { resultTypes: ['violations'] });
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations).toEqual([]);
    });
  });
});
