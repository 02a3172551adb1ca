import { describe, expect, it } from 'vitest';
import { CORRIDOR_IDS, busWidth, riverColor } from '../../src/map/encodings';
import { INTERACTIVE_LAYERS, buildStyle, groupOfLayer } from '../../src/map/style';
import { GEO_URLS } from '../../src/data/catalog';

const catalog = GEO_URLS;
const allOn = { rivers: true, rail: true, transit: true, sites: true };

describe('the style', () => {
  const style = buildStyle(catalog, { language: 'zh', layers: allOn });

  it('is fully embedded: no glyph server, no sprite, no remote source', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(Object.keys(style.sources).sort()).toEqual(['basemap', 'hydrography', 'labels', 'rail', 'rivers', 'sites', 'transit']);
    for (const src of Object.values(style.sources)) {
      expect(src.type).toBe('geojson');
      // Each source is one of our own geo/ files, served from the same origin; no tiles, no TileJSON.
      const data = (src as { data: unknown }).data;
      expect(data).toMatch(/^\/.*\.geojson$/);
      expect(data).not.toMatch(/\/\//);
      expect(src).not.toHaveProperty('url');
      expect(src).not.toHaveProperty('tiles');
    }
  });

  it('has layers for each of the four groups above the basemap', () => {
    const ids = style.layers.map((l) => l.id);
    for (const g of ['rivers', 'rail', 'transit', 'sites'] as const) {
      expect(ids.some((id) => groupOfLayer(id) === g), g).toBe(true);
    }
    expect(ids[0]).toBe('base-background');
    expect(ids.indexOf('transit-district-fill')).toBeLessThan(ids.indexOf('rivers-line'));
    for (const id of INTERACTIVE_LAYERS) expect(ids).toContain(id);
  });

  it('hides a group that is switched off', () => {
    const off = buildStyle(catalog, { language: 'zh', layers: { ...allOn, rivers: false } });
    for (const l of off.layers) {
      const hidden = (l.layout as { visibility?: string } | undefined)?.visibility === 'none';
      expect(hidden, l.id).toBe(groupOfLayer(l.id) === 'rivers');
    }
  });

  it('labels in the reader’s language first', () => {
    const label = (lang: 'zh' | 'en') =>
      JSON.stringify(buildStyle(catalog, { language: lang, layers: allOn }).layers.find((l) => l.id === 'sites-label')?.layout);
    expect(label('zh').indexOf('label_zh')).toBeLessThan(label('zh').indexOf('label_en'));
    expect(label('en').indexOf('label_en')).toBeLessThan(label('en').indexOf('label_zh'));
  });
});

describe('encodings', () => {
  it('gives the six corridors six distinct colours', () => {
    const colours = CORRIDOR_IDS.map((id) => riverColor(id));
    expect(new Set(colours).size).toBe(6);
  });

  it('widens bus lines with more buses, from zero', () => {
    expect(busWidth(0)).toBe(0);
    expect(busWidth(13)).toBeGreaterThan(busWidth(10.2));
  });
});
