import { describe, expect, it } from 'vitest';
import { CORRIDOR_IDS, busWidth, riverColor } from '../../src/map/encodings';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PMTiles } from 'pmtiles';
import {
  GROUND_ZOOM,
  PICKABLE,
  REGIONS_SOURCE,
  RELIEF_CORNERS,
  RELIEF_SOURCE,
  SOURCE_ID,
  TILESET,
  buildStyle,
  groupOfLayer,
  layerVisible,
} from '../../src/map/style';
import { GROUP_ITEMS } from '../../src/state/layers';

const data = { tilesUrl: 'http://127.0.0.1:4173/assets/atlas-abc.pmtiles' };

describe('the style', () => {
  const style = buildStyle(data, { language: 'zh', hidden: [] });

  it('is fully embedded: one tileset of our own (and the relief image once asked for), no glyph server, no sprite', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    // The opening style carries the tileset alone: the relief costs it two frames, and joins after idle.
    expect(Object.keys(style.sources)).toEqual([SOURCE_ID]);
    expect(style.layers.some((l) => (l as { source?: string }).source === RELIEF_SOURCE)).toBe(false);
    expect(Object.keys(buildStyle({ ...data, relief: true }, { language: 'zh', hidden: [] }).sources)).toEqual([SOURCE_ID, RELIEF_SOURCE]);
    expect(style.sources[SOURCE_ID]).toEqual({ type: 'vector', tiles: [`pmtiles://${data.tilesUrl}/{z}/{x}/{y}`], ...TILESET, promoteId: 'id' });
  });

  it('names the zooms and bounds the tileset’s own header gives', async () => {
    const bytes = readFileSync(resolve(import.meta.dirname, '../../geo/atlas.pmtiles'));
    const archive = new PMTiles({
      getKey: () => 'atlas',
      getBytes: async (o: number, l: number) => ({ data: bytes.buffer.slice(bytes.byteOffset + o, bytes.byteOffset + o + l) }),
    });
    const h = await archive.getHeader();
    expect(TILESET).toEqual({ minzoom: h.minZoom, maxzoom: h.maxZoom, bounds: [h.minLon, h.minLat, h.maxLon, h.maxLat] });
  });

  it('holds no region source or layer until an outline is asked for, then reads them from their own file', () => {
    // Even an empty source costs the opening view frames.
    expect(style.sources[REGIONS_SOURCE]).toBeUndefined();
    expect(style.layers.filter((l) => (l as { source?: string }).source === REGIONS_SOURCE)).toEqual([]);
    const asked = buildStyle(
      { ...data, regionsUrl: 'http://127.0.0.1:4173/assets/regions-abc.geojson' },
      { language: 'zh', hidden: [], outlined: ['region-chengdu-metro'] },
    );
    expect(asked.sources[REGIONS_SOURCE]).toEqual({ type: 'geojson', data: 'http://127.0.0.1:4173/assets/regions-abc.geojson', promoteId: 'id' });
    // The tint lies under the article's own areas; the outline over everything but the names.
    const ids = asked.layers.map((l) => l.id);
    expect(ids.indexOf('region-fill')).toBeLessThan(ids.indexOf('transit-district-fill'));
    expect(ids.indexOf('region-line')).toBeGreaterThan(ids.indexOf('rail-station'));
    expect(ids.indexOf('region-line')).toBeLessThan(ids.indexOf('base-city'));
    expect(JSON.stringify((asked.layers.find((l) => l.id === 'region-line') as { filter: unknown }).filter)).toContain('region-chengdu-metro');
    // Everything else is the same style.
    expect(ids.filter((id) => !id.startsWith('region-'))).toEqual(style.layers.map((l) => l.id));
  });

  it('draws every other layer from a source-layer of the tileset: a geo/ file, or the basemap’s borders', () => {
    const files = new Set(['basemap', 'boundaries', 'ground', 'hydrography', 'rivers', 'labels', 'rail', 'transit', 'sites']);
    for (const l of style.layers) {
      if (l.type === 'background') continue;
      if ((l as { source: string }).source === RELIEF_SOURCE) continue;
      if ((l as { source: string }).source === REGIONS_SOURCE) continue;
      expect(files.has((l as { 'source-layer': string })['source-layer']), l.id).toBe(true);
    }
  });

  it('has layers for each of the four groups above the basemap, and every pickable layer', () => {
    const ids = style.layers.map((l) => l.id);
    for (const g of ['rivers', 'rail', 'transit', 'sites'] as const) {
      expect(
        ids.some((id) => groupOfLayer(id) === g),
        g,
      ).toBe(true);
    }
    expect(ids[0]).toBe('base-background');
    expect(ids.indexOf('transit-district-fill')).toBeLessThan(ids.indexOf('rivers-line'));
    for (const id of Object.keys(PICKABLE)) expect(ids).toContain(id);
  });

  it('switches a whole group off by visibility, and single items off by filter', () => {
    const off = buildStyle(data, { language: 'zh', hidden: [...GROUP_ITEMS.rivers] });
    for (const l of off.layers) {
      const hidden = (l.layout as { visibility?: string } | undefined)?.visibility === 'none';
      expect(hidden, l.id).toBe(groupOfLayer(l.id) === 'rivers');
    }
    const wu = buildStyle(data, { language: 'zh', hidden: ['river-wu'] });
    const line = wu.layers.find((l) => l.id === 'rivers-line') as { filter: unknown; layout?: { visibility?: string } };
    expect(line.layout?.visibility).toBeUndefined();
    expect(JSON.stringify(line.filter)).toContain('"river-wu"');
    // A river's name anchor is filtered by the river it names.
    const anchor = wu.layers.find((l) => l.id === 'rivers-label-overview') as { filter: unknown };
    expect(JSON.stringify(anchor.filter)).toContain('["get","river_id"]');
    expect(layerVisible('rivers-line', ['river-wu'])).toBe(true);
  });

  it('outlines no region while none is asked for, even once their file is loaded', () => {
    const loaded = buildStyle({ ...data, regionsUrl: 'http://127.0.0.1:4173/assets/regions-abc.geojson' }, { language: 'zh', hidden: [] });
    const fill = loaded.layers.find((l) => l.id === 'region-fill') as { filter: unknown };
    expect(fill.filter).toEqual(['in', ['get', 'id'], ['literal', []]]);
    expect(groupOfLayer('region-fill')).toBeNull();
  });

  it('labels in the reader’s language first', () => {
    const label = (lang: 'zh' | 'en') => JSON.stringify(buildStyle(data, { language: lang, hidden: [] }).layers.find((l) => l.id === 'sites-label')?.layout);
    expect(label('zh').indexOf('label_zh')).toBeLessThan(label('zh').indexOf('label_en'));
    expect(label('en').indexOf('label_en')).toBeLessThan(label('en').indexOf('label_zh'));
  });

  it('names places in the reader’s language alone at the region’s scale, in both from zoom 8', () => {
    for (const lang of ['zh', 'en'] as const) {
      const field = buildStyle(data, { language: lang, hidden: [] }).layers.find((l) => l.id === 'sites-label')?.layout as { 'text-field': unknown[] };
      const [op, , below, at, above] = field['text-field'] as [string, unknown, unknown, number, unknown];
      expect(op).toBe('step');
      expect(at).toBe(8);
      expect(JSON.stringify(below)).toContain(`label_${lang}`);
      expect(JSON.stringify(below)).not.toContain(`label_${lang === 'zh' ? 'en' : 'zh'}`);
      expect(JSON.stringify(above)).toContain('label_zh');
      expect(JSON.stringify(above)).toContain('label_en');
    }
  });

  it('lays the relief over the land and under every line, its corners those of geo/relief.json', () => {
    const relief = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../geo/relief.json'), 'utf8')) as { bounds: number[] };
    const [w, s, e, n] = relief.bounds as [number, number, number, number];
    expect(RELIEF_CORNERS).toEqual([
      [w, n],
      [e, n],
      [e, s],
      [w, s],
    ]);
    const withRelief = buildStyle({ ...data, relief: true }, { language: 'zh', hidden: [] });
    expect(withRelief.sources[RELIEF_SOURCE]).toMatchObject({ type: 'image', coordinates: RELIEF_CORNERS });
    const ids = withRelief.layers.map((l) => l.id);
    expect(ids.indexOf('base-relief')).toBeGreaterThan(ids.indexOf('base-province-fill'));
    expect(ids.indexOf('base-relief')).toBeLessThan(ids.indexOf('base-boundary'));
  });

  it('draws the ground (counties, seats, towns) only at city scale, under the thematic layers, its names placed last', () => {
    const ids = style.layers.map((l) => l.id);
    const ground = style.layers.filter((l) => (l as { 'source-layer'?: string })['source-layer'] === 'ground');
    expect(ground.map((l) => l.id).sort()).toEqual([
      'base-county',
      'base-lake',
      'base-lake-label',
      'base-seat-dot',
      'base-seat-label',
      'base-town-dot',
      'base-town-label',
    ]);
    for (const l of ground) expect(l.minzoom, l.id).toBeGreaterThanOrEqual(GROUND_ZOOM.county);
    const firstThematic = ids.findIndex((id) => groupOfLayer(id) !== null);
    for (const id of ['base-lake', 'base-county', 'base-seat-dot', 'base-town-dot']) expect(ids.indexOf(id), id).toBeLessThan(firstThematic);
    // Symbols are placed from the top layer down: every thematic name is above the ground's.
    const symbols = style.layers.filter((l) => l.type === 'symbol').map((l) => l.id);
    const thematic = symbols.filter((id) => groupOfLayer(id) !== null || id.startsWith('base-city'));
    for (const id of ['base-water-label', 'base-lake-label', 'base-town-label', 'base-seat-label']) {
      for (const t of thematic) expect(ids.indexOf(id), `${id} under ${t}`).toBeLessThan(ids.indexOf(t));
    }
    expect(ids.indexOf('base-town-label')).toBeLessThan(ids.indexOf('base-seat-label'));
    // One line, in the reader's language: Chinese names, or the towns' pinyin.
    const text = (lang: 'zh' | 'en') =>
      JSON.stringify((buildStyle(data, { language: lang, hidden: [] }).layers.find((l) => l.id === 'base-town-label') as { layout: object }).layout);
    expect(text('zh')).toContain('name_zh');
    expect(text('zh')).not.toContain('name_en');
    expect(text('en')).toContain('name_en');
  });

  it('names every transit district from the opening zoom', () => {
    const districts = style.layers.find((l) => l.id === 'transit-district-label') as { minzoom?: number };
    expect(districts.minzoom ?? 0).toBeLessThanOrEqual(6);
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
