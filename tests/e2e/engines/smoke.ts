/**
 * What a reader does first, in an engine other than Chromium, on the production build: open a
 * shared link and see its panel, look at the map (a screenshot's pixels), click a river, open the
 * reader and follow a mention, switch to English; nothing throws along the way. One browser and
 * one page per engine, shared by the steps in order (each engine is slow to start and to load).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { riverColor } from '../../../src/map/encodings';
import { type EnginePage, waitUntil } from './engine-page';
import { type VirtualDisplay, startXvfb } from './xvfb';

export const VIEWPORT = { width: 1280, height: 860 };

type Atlas = { atlas: { map: import('maplibre-gl').Map; store: { state: { selection: string | null } } } };

const selection = (): string | null => (window as unknown as Atlas).atlas.store.state.selection;
const panelHeading = (): string => document.querySelector('atlas-feature-panel')?.shadowRoot?.querySelector('h2')?.textContent ?? '';

/**
 * The centre of an element (in a shadow root when `host` is given) if a click there would hit it;
 * else it is scrolled into view and the answer is null (asked again, it may be there).
 */
function centreOf(arg: { selector: string; host?: string }): { x: number; y: number } | null {
  const root = arg.host ? document.querySelector(arg.host)?.shadowRoot : document;
  const el = root?.querySelector<HTMLElement>(arg.selector);
  if (!root || !el) return null;
  // The first line box: an inline element that wraps has its bounding box's centre off its text.
  const r = el.getClientRects()[0];
  if (!r) return null;
  const x = r.left + r.width / 2;
  const y = r.top + r.height / 2;
  const hit = root.elementFromPoint(x, y);
  if (hit && el.contains(hit)) return { x, y };
  el.scrollIntoView({ block: 'center' });
  return null;
}

/**
 * A point on screen where a click means `id` alone: a vertex of its drawn line, on the map's
 * canvas (not under a panel), with no other feature of the map's groups within 12 px.
 */
function pointOn(id: string): { x: number; y: number } | null {
  const { map } = (window as unknown as Atlas).atlas;
  const canvas = map.getCanvas();
  const box = canvas.getBoundingClientRect();
  const layers = map
    .getStyle()
    .layers.map((l) => l.id)
    .filter((l) => l.startsWith('rivers-'));
  for (const f of map.queryRenderedFeatures({ layers })) {
    if (f.properties['id'] !== id || f.geometry.type !== 'LineString') continue;
    for (const c of f.geometry.coordinates) {
      const p = map.project(c as [number, number]);
      const x = box.left + p.x;
      const y = box.top + p.y;
      if (document.elementFromPoint(x, y) !== canvas) continue;
      const near = map
        .queryRenderedFeatures([
          [p.x - 12, p.y - 12],
          [p.x + 12, p.y + 12],
        ])
        .filter((g) => /^(rivers|rail|transit|sites)-/.test(g.layer.id))
        .map((g) => g.properties['id']);
      if (near.length > 0 && near.every((n) => n === id)) return { x, y };
    }
  }
  return null;
}

async function clickElement(page: EnginePage, selector: string, host?: string): Promise<void> {
  // Clicked once it is on screen and has stayed put between two looks: a panel that has just
  // opened may still scroll itself (the reader scrolls to the selected feature's passages).
  const deadline = Date.now() + 30_000;
  let before: { x: number; y: number } | null = null;
  for (;;) {
    const at = await page.evaluate(centreOf, { selector, host });
    if (at && before && at.x === before.x && at.y === before.y) return page.click(at.x, at.y);
    if (Date.now() > deadline) throw new Error(`${page.engine}: ${selector} is not on screen`);
    before = at;
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** The width of the first ’ in the reader's text, in ems of its font size. */
function apostropheWidth(): number | null {
  const root = document.querySelector('atlas-reader')?.shadowRoot;
  if (!root) return null;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const at = n.textContent?.indexOf('’') ?? -1;
    if (at < 0 || !n.parentElement?.checkVisibility()) continue;
    const range = document.createRange();
    range.setStart(n, at);
    range.setEnd(n, at + 1);
    return range.getBoundingClientRect().width / parseFloat(getComputedStyle(n.parentElement).fontSize);
  }
  return null;
}

/** Pixels of the PNG within `tolerance` (per channel) of a colour. */
function pixelsNear(png: PNG, hex: string, tolerance = 12): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (Math.abs(png.data[i]! - r) <= tolerance && Math.abs(png.data[i + 1]! - g) <= tolerance && Math.abs(png.data[i + 2]! - b) <= tolerance) n++;
  }
  return n;
}

function distinctColours(png: PNG): number {
  const seen = new Set<number>();
  for (let i = 0; i < png.data.length; i += 4) seen.add((png.data[i]! << 16) | (png.data[i + 1]! << 8) | png.data[i + 2]!);
  return seen.size;
}

export function engineSmokeTests(baseUrl: string, launch: (display: VirtualDisplay) => Promise<EnginePage>): void {
  let display: VirtualDisplay;
  let page: EnginePage;

  beforeAll(async () => {
    display = await startXvfb();
    page = await launch(display);
    await page.goto(new URL('#select=river-jialing', baseUrl).href);
    await waitUntil(page, () => document.querySelector('#map')?.getAttribute('aria-busy') === 'false');
  });

  afterAll(async () => {
    await page?.close();
    await display?.stop();
  });

  it('opens a shared link with its panel', async () => {
    await waitUntil(page, (a) => (document.querySelector('atlas-feature-panel')?.shadowRoot?.querySelector('h2')?.textContent ?? '').includes(a), '嘉陵江');
    expect(await page.evaluate(selection)).toBe('river-jialing');
  });

  it('draws the map: a screenshot shows the land, the rivers in their colours, the labels', async () => {
    const shot = await page.screenshot();
    // Kept for a person to look at (tests/artifacts is not committed).
    const artifacts = resolve(import.meta.dirname, '../../artifacts');
    mkdirSync(artifacts, { recursive: true });
    writeFileSync(resolve(artifacts, `${page.engine.toLowerCase().replace(/\W+/g, '-')}-shared-link.png`), shot);
    const png = PNG.sync.read(shot);
    // A blank or failed canvas has a handful of colours; the drawn map has thousands (antialiasing).
    expect(distinctColours(png)).toBeGreaterThan(2000);
    expect(pixelsNear(png, '#fbfaf5', 2)).toBeGreaterThan(png.width * png.height * 0.05);
    expect(pixelsNear(png, riverColor('river-jialing'))).toBeGreaterThan(300);
    expect(pixelsNear(png, riverColor('river-yangtze'))).toBeGreaterThan(300);
  });

  it('selects a river clicked on the map', async () => {
    // The Fu runs beside the Jialing, in the view the shared link framed.
    const at = await page.evaluate(pointOn, 'river-fu');
    if (!at) throw new Error(`${page.engine}: no clear point on the Fu River in view`);
    await page.click(at.x, at.y);
    await waitUntil(page, () => (window as unknown as Atlas).atlas.store.state.selection === 'river-fu');
    await waitUntil(page, (a) => (document.querySelector('atlas-feature-panel')?.shadowRoot?.querySelector('h2')?.textContent ?? '').includes(a), '涪江');
  });

  it('opens the reader and follows a mention to its place', async () => {
    await clickElement(page, '#reader-button');
    await clickElement(page, 'button.mention[data-mention="ziyang-north-station"]', 'atlas-reader');
    await waitUntil(page, () => (window as unknown as Atlas).atlas.store.state.selection === 'ziyang-north-station');
    expect(await page.evaluate(panelHeading)).toContain('资阳北站');
  });

  it('switches to English: the page, the panel and the reader', async () => {
    await clickElement(page, '#language-toggle');
    await waitUntil(page, () => document.documentElement.lang === 'en');
    await waitUntil(
      page,
      (a) => (document.querySelector('atlas-feature-panel')?.shadowRoot?.querySelector('h2')?.textContent ?? '').includes(a),
      'Ziyang North',
    );
    const reader = await page.evaluate(
      () => document.querySelector('atlas-reader')?.shadowRoot?.querySelector('button.mention[data-mention="ziyang-north-station"]')?.textContent ?? '',
    );
    expect(reader).toMatch(/Ziyang North/);
    // English is set in a Latin face: its apostrophe is narrow, not a full-width CJK glyph.
    expect(await page.evaluate(apostropheWidth)).toBeLessThan(0.5);
    expect(await page.evaluate(() => document.querySelector('.maplibregl-ctrl-scale')?.textContent ?? '')).toMatch(/^\d+\s*k?m$/);
  });

  it('raised no error on the way', async () => {
    expect(await page.errors()).toEqual([]);
  });
}
