import { describe, expect, it } from 'vitest';
import { CORRIDOR_IDS, busWidth, riverColor } from '../../src/map/encodings';
import { INTERACTIVE_LAYERS, buildStyle, groupOfLayer } from '../../src/map/style';
import type { GeoCatalog } from '../../src/data/types';
import { readGeo, transit } from './geo-helpers';

const catalog: GeoCatalog = {
  basemap: readGeo('basemap.geojson'),
  hydrography: readGeo('hydrography.geojson'),
  rivers: readGeo('rivers.geojson'),
  rail: readGeo('rail.geojson'),
  transit: transit(),
  sites: readGeo('sites.geojson'),
};
const allOn = { rivers: true, rail: true, transit: true, sites: true };

describe('the style', () => {
  const style = buildStyle(catalog, { language: 'zh', layers: allOn });

  it('is fully embedded: no glyph server, no sprite, no remote source', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const src of Object.values(style.sources)) {
      expect(src.type).toBe('geojson');
      // Data travels inside the style, never as a URL to fetch; no tiles, no TileJSON.
      expect(typeof (src as { data: unknown }).data).toBe('object');
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
