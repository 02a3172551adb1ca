import { describe, expect, it } from 'vitest';
import { type AppState, DEFAULT_VIEW, initialState } from '../../src/state/store';
import { formatHash, parseHash } from '../../src/state/url';

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

  it('adds bearing and pitch, hidden groups, the selection and the language when they differ', () => {
    const s = state({
      view: { center: [106.5, 29.5], zoom: 8, bearing: -20.04, pitch: 30 },
      layers: { rivers: true, rail: false, transit: true, sites: false },
      selection: 'river-jialing',
      language: 'en',
    });
    expect(formatHash(s)).toBe('#map=8/29.5/106.5/-20/30&layers=rivers,transit&select=river-jialing&lang=en');
  });

  it('reads back what it writes', () => {
    const s = state({
      view: { center: [106.5, 29.5], zoom: 8, bearing: 12.5, pitch: 0 },
      layers: { rivers: false, rail: false, transit: false, sites: false },
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
    ['a zoom out of range', '#map=2/30/104', 'map'],
    ['a view on the other side of the world', '#map=8/-33.9/151.2', 'map'],
    ['latitude and longitude swapped', '#map=8/104.06/30.66', 'map'],
    ['a pitch the map cannot show', '#map=8/30/104/0/85', 'map'],
    ['a bad percent-escape', '#map=8/30/104&select=%E0%A4%A', 'select'],
    ['an id that is not one', '#select=<script>', 'select'],
    ['an unknown group', '#layers=rivers,roads', 'layers'],
    ['an unknown language', '#lang=fr', 'lang'],
  ])('sets aside %s, keeping the default and saying which part', (_, hash, part) => {
    const { state: s, problems } = parseHash(hash);
    expect(problems.map((p) => p.part)).toContain(part);
    const defaults = initialState();
    if (part === 'map') expect(s.view).toEqual(DEFAULT_VIEW);
    if (part === 'layers') expect(s.layers).toEqual(defaults.layers);
    if (part === 'select') expect(s.selection).toBeNull();
    if (part === 'lang') expect(s.language).toBe('zh');
  });

  it('keeps the parts it can read when another part is mangled', () => {
    const { state: s, problems } = parseHash('#map=8/29.5/106.5&lang=xx&select=river-wu');
    expect(s.view.zoom).toBe(8);
    expect(s.selection).toBe('river-wu');
    expect(s.language).toBe('zh');
    expect(problems).toEqual([{ part: 'lang', text: 'lang=xx' }]);
  });

  it('reads an empty layers list as every group hidden', () => {
    expect(parseHash('#layers=').state.layers).toEqual({ rivers: false, rail: false, transit: false, sites: false });
  });
});
