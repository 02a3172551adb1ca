import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GROUP_ITEMS, LAYER_ITEMS, canonicalHidden } from '../../src/state/layers';
import { type AppState, DEFAULT_VIEW, initialState, initialUi } from '../../src/state/store';
import { coordinateDecimals, formatHash, formatLayers, isCanonical, parseHash, parseLayers } from '../../src/state/url';

function state(patch: Partial<AppState>): AppState {
  return { ...initialState(), ...patch };
}

describe('the share link', () => {
  it('writes the view as MapLibre and openstreetmap.org do, and nothing else at the defaults', () => {
    const view = { center: [104.06, 30.66] as [number, number], zoom: 9.5, bearing: 0, pitch: 0 };
    expect(formatHash(state({ view }))).toBe('#map=9.5/30.66/104.06');
  });

  it('keeps only the decimals that matter at the zoom', () => {
    const view = { center: [104.0612345678, 30.6598765432] as [number, number], zoom: 6.123456, bearing: 0, pitch: 0 };
    expect(formatHash(state({ view }))).toBe('#map=6.12/30.66/104.061');
    const close = { ...view, zoom: 13 };
    expect(formatHash(state({ view: close }))).toBe('#map=13/30.65988/104.06123');
  });

  it('adds bearing and pitch, layers, the selection, the passage, the chapter, the language and embed when they differ', () => {
    const s = state({
      view: { center: [106.5, 29.5], zoom: 8, bearing: -20.04, pitch: 30 },
      hidden: canonicalHidden([...GROUP_ITEMS.rail, ...GROUP_ITEMS.sites]),
      selection: 'river-jialing',
      reading: 'eco-9',
      chapter: 'rivers',
      language: 'en',
      embed: true,
    });
    expect(formatHash(s)).toBe('#map=8/29.5/106.5/-20/30&layers=-rail,-sites&select=river-jialing&read=eco-9&chapter=rivers&lang=en&embed=1');
  });

  it('writes the shorter form of the layers: one item off, or a few things on', () => {
    expect(formatLayers(['river-wu'])).toBe('-river-wu');
    const onlyRail = LAYER_ITEMS.filter((i) => !(GROUP_ITEMS.rail as readonly string[]).includes(i));
    expect(formatLayers(canonicalHidden(onlyRail))).toBe('rail');
    const onlyLineAndRivers = LAYER_ITEMS.filter((i) => i !== 'rail-line' && !(GROUP_ITEMS.rivers as readonly string[]).includes(i));
    expect(formatLayers(canonicalHidden(onlyLineAndRivers))).toBe('rivers,rail-line');
    expect(formatLayers(canonicalHidden(LAYER_ITEMS))).toBe('');
    expect(formatLayers([])).toBeNull();
  });

  it('still reads the old links that name groups only', () => {
    const { state: s, problems } = parseHash('#map=9/30.4/104.3&layers=rivers,rail&select=futian-station&lang=en');
    expect(problems).toEqual([]);
    expect(s.hidden).toEqual(canonicalHidden([...GROUP_ITEMS.transit, ...GROUP_ITEMS.sites]));
  });

  it('applies names in order: a leading minus starts from everything shown', () => {
    expect(parseLayers('-rivers,river-wu').hidden).toEqual(GROUP_ITEMS.rivers.filter((i) => i !== 'river-wu'));
    expect(parseLayers('rivers,-river-wu').hidden).toEqual(
      LAYER_ITEMS.filter((i) => !(GROUP_ITEMS.rivers as readonly string[]).includes(i) || i === 'river-wu'),
    );
  });

  it('reads back what it writes', () => {
    const s = state({
      view: { center: [106.5, 29.5], zoom: 8, bearing: 12.5, pitch: 0 },
      hidden: canonicalHidden(LAYER_ITEMS),
      selection: 'futian-station',
      language: 'en',
    });
    const { state: back, problems } = parseHash(formatHash(s));
    expect(problems).toEqual([]);
    expect(back).toEqual(s);
  });

  it('opens at the default without a hash', () => {
    expect(parseHash('')).toEqual({ state: initialState(), problems: [] });
    expect(parseHash('#')).toEqual({ state: initialState(), problems: [] });
  });

  it.each([
    ['garbage', '#%E0%A4%A', 'unknown'],
    ['a word', '#hello', 'unknown'],
    ['too few numbers', '#map=7/30', 'map'],
    ['not numbers', '#map=seven/30/104', 'map'],
    ['an empty field', '#map=7//104', 'map'],
    ['hexadecimal', '#map=0x7/30/104', 'map'],
    ['a zoom out of range', '#map=2/30/104', 'map'],
    ['a view on the other side of the world', '#map=8/-33.9/151.2', 'map'],
    ['latitude and longitude swapped', '#map=8/104.06/30.66', 'map'],
    ['a pitch the map cannot show', '#map=8/30/104/0/85', 'map'],
    ['a bad percent-escape', '#map=8/30/104&select=%E0%A4%A', 'select'],
    ['an id that is not one', '#select=<script>', 'select'],
    ['an id far too long', `#select=${'a'.repeat(2000)}`, 'select'],
    ['a passage that is markup', '#read=%3Cimg%20src%3Dx%3E', 'read'],
    ['a chapter that is a URL', '#chapter=javascript:alert(1)', 'chapter'],
    ['an unknown group', '#layers=rivers,roads', 'layers'],
    ['an unknown language', '#lang=fr', 'lang'],
    ['an embed that is not 0 or 1', '#embed=yes', 'embed'],
  ])('sets aside %s, keeping the default and saying which part', (_, hash, part) => {
    const { state: s, problems } = parseHash(hash);
    expect(problems.map((p) => p.part)).toContain(part);
    const defaults = initialState();
    if (part === 'map') expect(s.view).toEqual(DEFAULT_VIEW);
    if (part === 'select') expect(s.selection).toBeNull();
    if (part === 'read') expect(s.reading).toBeNull();
    if (part === 'chapter') expect(s.chapter).toBeNull();
    if (part === 'lang') expect(s.language).toBe('zh');
    if (part === 'embed') expect(s.embed).toBe(false);
    if (part !== 'layers') expect(s.hidden).toEqual(defaults.hidden);
  });

  it('reads each name of the layers on its own: unknown ones are reported, the rest still apply', () => {
    const { state: s, problems } = parseHash('#layers=rivers,roads,rail-line,-nope');
    expect(problems).toEqual([
      { part: 'layers', text: 'layers=roads' },
      { part: 'layers', text: 'layers=-nope' },
    ]);
    expect(s.hidden).toEqual(LAYER_ITEMS.filter((i) => !(GROUP_ITEMS.rivers as readonly string[]).includes(i) && i !== 'rail-line'));
  });

  it('keeps the layers at their default when no name in the list can be read', () => {
    // `layers=nonsense` says nothing about what to show: it must not hide everything.
    for (const hash of ['#layers=nonsense', '#layers=roads,%3Cb%3E', '#layers=-,x']) {
      const { state: s, problems } = parseHash(hash);
      expect(s.hidden, hash).toEqual(initialState().hidden);
      expect(problems.length, hash).toBeGreaterThan(0);
    }
    // An empty list is read: it shows nothing.
    expect(parseHash('#layers=').state.hidden).toEqual(LAYER_ITEMS);
  });

  it('keeps the parts it can read when another part is mangled', () => {
    const { state: s, problems } = parseHash('#map=8/29.5/106.5&lang=xx&select=river-wu');
    expect(s.view.zoom).toBe(8);
    expect(s.selection).toBe('river-wu');
    expect(s.language).toBe('zh');
    expect(problems).toEqual([{ part: 'lang', text: 'lang=xx' }]);
  });

  it('reads an empty layers list as everything hidden', () => {
    expect(parseHash('#layers=').state.hidden).toEqual(LAYER_ITEMS);
  });
});

/** Any state a reader can reach, with the view at the precision a link carries. */
const idArb = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}$/);
const stateArb: fc.Arbitrary<AppState> = fc
  .record({
    zoom: fc.integer({ min: 400, max: 1300 }).map((z) => z / 100),
    lat: fc.double({ min: 22.6, max: 37.5, noNaN: true }),
    lng: fc.double({ min: 97.9, max: 114.7, noNaN: true }),
    bearing: fc.integer({ min: -1800, max: 1800 }).map((b) => b / 10),
    pitch: fc.integer({ min: 0, max: 60 }),
    hidden: fc.subarray([...LAYER_ITEMS]),
    selection: fc.option(idArb, { nil: null }),
    reading: fc.option(idArb, { nil: null }),
    chapter: fc.option(idArb, { nil: null }),
    language: fc.constantFrom('zh' as const, 'en' as const),
    embed: fc.boolean(),
  })
  .map((r) => {
    const d = coordinateDecimals(r.zoom);
    const round = (x: number) => {
      const v = Number(x.toFixed(d));
      return v === 0 ? 0 : v;
    };
    const bearing = r.bearing === 0 ? 0 : r.bearing;
    return {
      view: { center: [round(r.lng), round(r.lat)] as [number, number], zoom: r.zoom, bearing, pitch: r.pitch },
      hidden: canonicalHidden(r.hidden),
      selection: r.selection,
      reading: r.reading,
      chapter: r.chapter,
      language: r.language,
      embed: r.embed,
      // What no link carries: a parsed link starts it afresh.
      ui: initialUi(),
    };
  });

describe('the share link, for any state and any string', () => {
  it('turns any state into a link and back into the same state', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const { state: back, problems } = parseHash(formatHash(s));
        expect(problems).toEqual([]);
        expect(back).toEqual(s);
        expect(isCanonical(formatHash(s))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('parses any string without throwing, and always yields a state that writes a canonical link', () => {
    const hostile = fc.oneof(
      fc.string({ unit: 'binary' }),
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
            '>',
            '"',
            "'",
            '9',
            '.',
            'e',
            'rivers',
            'river-wu',
            'NaN',
            'Infinity',
          ),
        )
        .map((xs) => xs.join('')),
    );
    fc.assert(
      fc.property(hostile, (text) => {
        const { state: s } = parseHash(text);
        expect(isCanonical(formatHash(s))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
