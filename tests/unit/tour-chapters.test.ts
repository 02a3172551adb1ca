// The tour's chapters hold to the article, the data and the layers: what a chapter reads exists and
// comes in the page's order, what it highlights exists, is named in what it reads, is switched on
// and lies inside its camera, and its layers are reached by the fewest toggles.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { article } from '../../src/article/article';
import { mentionKeys } from '../../src/article/markup.mjs';
import { featuresOfMention } from '../../src/article/passages';
import type { LightIndex, Place } from '../../src/data/types';
import { GROUP_ITEMS, LAYER_GROUPS, LAYER_ITEMS, type LayerItem, canonicalHidden, groupVisibility, isLayerGroup, isLayerItem } from '../../src/state/layers';
import { type AppState, REGION_BOUNDS, initialState, reduce } from '../../src/state/store';
import { formatHash, parseHash } from '../../src/state/url';
import { CHAPTERS, type Chapter, chapterById, chapterIndex, extentToShow, hiddenFor, layerActions } from '../../src/tour/chapters';

const ROOT = resolve(import.meta.dirname, '../..');
const index = JSON.parse(readFileSync(resolve(ROOT, 'geo/index.json'), 'utf8')) as LightIndex;
const places = new Map<string, Place>(index.features.map((p) => [p.id, p]));

/** Every paragraph id of the page, in reading order. */
const paragraphOrder = article.stories.flatMap((s) => s.paragraphs.map((p) => p.id));
const paragraph = (id: string) => article.stories.flatMap((s) => s.paragraphs).find((p) => p.id === id);

const each = CHAPTERS.map((c) => [c.id, c] as const);

describe('the chapters', () => {
  it('are seven, with unique ids that a link carries unchanged', () => {
    expect(CHAPTERS).toHaveLength(7);
    expect(new Set(CHAPTERS.map((c) => c.id)).size).toBe(CHAPTERS.length);
    for (const c of CHAPTERS) {
      const link = parseHash(formatHash({ ...initialState(), chapter: c.id }));
      expect(link.problems, c.id).toEqual([]);
      expect(link.state.chapter).toBe(c.id);
    }
  });

  it('have a title in both languages, each different from the others', () => {
    for (const lang of ['zh', 'en'] as const) {
      const titles = CHAPTERS.map((c) => c.title[lang].trim());
      expect(titles.every((t) => t.length > 0)).toBe(true);
      expect(new Set(titles).size).toBe(CHAPTERS.length);
    }
  });

  it('are found by id, and an unknown id finds nothing', () => {
    CHAPTERS.forEach((c, i) => {
      expect(chapterById(c.id)).toBe(c);
      expect(chapterIndex(c.id)).toBe(i);
    });
    expect(chapterById('no-such-chapter')).toBeUndefined();
    expect(chapterById(null)).toBeUndefined();
    expect(chapterIndex('no-such-chapter')).toBe(-1);
  });

  it('read paragraphs of the article, following the page from its first chapter to its last', () => {
    const read = CHAPTERS.flatMap((c) => c.passages);
    for (const id of read) expect(paragraphOrder, `paragraph ${id}`).toContain(id);
    const at = read.map((id) => paragraphOrder.indexOf(id));
    // Strictly increasing: in the page's order, and no paragraph read twice.
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(new Set(at).size).toBe(at.length);
    for (const c of CHAPTERS) expect(c.passages.length, c.id).toBeGreaterThan(0);
  });

  it('read prose, not headings or captions', () => {
    for (const c of CHAPTERS) for (const id of c.passages) expect(paragraph(id)?.kind, id).toBe('body');
  });
});

describe.each(each)('chapter %s', (_, chapter: Chapter) => {
  it('highlights features of geo/index.json', () => {
    expect(chapter.highlight.length).toBeGreaterThan(0);
    expect(new Set(chapter.highlight).size).toBe(chapter.highlight.length);
    for (const id of chapter.highlight) expect(places.has(id), id).toBe(true);
  });

  it('highlights only what its passages name', () => {
    const named = new Set(
      chapter.passages.flatMap((id) => {
        const p = paragraph(id);
        return p ? mentionKeys(p.zh).flatMap((key) => featuresOfMention(article, key)) : [];
      }),
    );
    for (const id of chapter.highlight) expect(named.has(id), `${id} is not named in ${chapter.passages.join(', ')}`).toBe(true);
  });

  it('shows layer groups and items the layer control knows', () => {
    expect(chapter.layers.length).toBeGreaterThan(0);
    for (const l of chapter.layers) expect(isLayerGroup(l) || isLayerItem(l), l).toBe(true);
  });

  it('switches on every layer it highlights', () => {
    const hidden = hiddenFor(chapter);
    for (const id of chapter.highlight) {
      const place = places.get(id) as Place;
      if (place.group) expect(groupVisibility(place.group, hidden), `${id}: its group ${place.group}`).not.toBe('none');
      if (place.item) expect(hidden, `${id}: its item`).not.toContain(place.item);
    }
  });

  it('has a camera on the region, holding every feature it highlights', () => {
    const [w, s, e, n] = chapter.camera.bounds;
    const [[rw, rs], [re, rn]] = REGION_BOUNDS;
    expect(w).toBeLessThan(e);
    expect(s).toBeLessThan(n);
    expect(w).toBeGreaterThanOrEqual(rw - 1);
    expect(s).toBeGreaterThanOrEqual(rs - 1);
    expect(e).toBeLessThanOrEqual(re + 1);
    expect(n).toBeLessThanOrEqual(rn + 1);
    expect(Math.abs(chapter.camera.bearing)).toBeLessThanOrEqual(180);
    expect(chapter.camera.pitch).toBeGreaterThanOrEqual(0);
    expect(chapter.camera.pitch).toBeLessThanOrEqual(60);
    for (const id of chapter.highlight) {
      const [fw, fs, fe, fn] = extentToShow(places.get(id) as Place);
      expect(fw >= w && fs >= s && fe <= e && fn <= n, `${id} [${fw}, ${fs}, ${fe}, ${fn}] outside the camera`).toBe(true);
    }
  });
});

describe('what a chapter must show of a feature', () => {
  it('is all of what lies in the region, and the name of what reaches beyond it', () => {
    const station = places.get('futian-station') as Place;
    expect(extentToShow(station)).toEqual(station.bbox);
    const district = places.get('shuangliu') as Place;
    expect(extentToShow(district)).toEqual(district.bbox);
    const yangtze = places.get('river-yangtze') as Place;
    const [x, y] = yangtze.point;
    expect(extentToShow(yangtze)).toEqual([x, y, x, y]);
  });
});

describe('switching to a chapter’s layers', () => {
  const hiddenSets = fc.subarray([...LAYER_ITEMS]).map((items) => canonicalHidden(items as LayerItem[]));

  it('reaches exactly what the chapter shows from any layers, every toggle changing something', () => {
    fc.assert(
      fc.property(hiddenSets, fc.constantFrom(...CHAPTERS), (hidden, chapter) => {
        let state: AppState = { ...initialState(), hidden };
        for (const action of layerActions(hidden, chapter)) {
          const next = reduce(state, action);
          expect(next.hidden).not.toEqual(state.hidden);
          state = next;
        }
        expect(state.hidden).toEqual(hiddenFor(chapter));
      }),
    );
  });

  it('needs no toggle when the layers are already the chapter’s', () => {
    for (const c of CHAPTERS) expect(layerActions(hiddenFor(c), c)).toEqual([]);
  });

  it('switches whole groups when a chapter shows all or none of one', () => {
    const transit = chapterById('transit') as Chapter;
    const actions = layerActions([], transit);
    // From everything shown to the transit group alone: three groups off, nothing else.
    expect(actions).toEqual(LAYER_GROUPS.filter((g) => g !== 'transit').map((g) => ({ type: 'toggle-layer', target: g, visible: false })));
    const ziyang = chapterById('ziyang') as Chapter;
    const shown = new Set(LAYER_ITEMS.filter((i) => !hiddenFor(ziyang).includes(i)));
    expect(shown).toEqual(new Set([...GROUP_ITEMS.rail, 'sites-area']));
  });
});
