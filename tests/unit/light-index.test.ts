// geo/index.json: what the panels, lists, search and framing read instead of the full GeoJSON.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, LineString, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { INDEX_FILE, readGeoSources } from '../../scripts/geo/build-derived.mjs';
import { NOT_INDEXED, buildIndex, poleOfInaccessibility, serializeIndex } from '../../scripts/geo/light-index.mjs';
import { GEO_DIR, byId, readGeo, transit } from './geo-helpers';

interface IndexEntry {
  id: string;
  layer: string;
  group: string | null;
  item: string | null;
  kind: string;
  geometry: string;
  bbox: [number, number, number, number];
  point: [number, number];
  properties: Record<string, unknown>;
}
interface LightIndex {
  version: number;
  features: IndexEntry[];
  summaries: Record<string, unknown>;
}

const committedText = () => readFileSync(resolve(GEO_DIR, INDEX_FILE), 'utf8');
const index = JSON.parse(committedText()) as LightIndex;
const layersFrom = (files: Map<string, string>) =>
  Object.fromEntries([...files].filter(([n]) => n.endsWith('.geojson')).map(([n, t]) => [n.replace(/\.geojson$/, ''), JSON.parse(t) as FeatureCollection]));
const entry = (id: string) => {
  const e = index.features.find((f) => f.id === id);
  if (!e) throw new Error(`no index entry ${id}`);
  return e;
};
const entryOf = (built: { features: { id: unknown }[] }, id: string) => built.features.find((f) => f.id === id) as unknown as IndexEntry;
const GROUPS: Record<string, string | null> = { rivers: 'rivers', rail: 'rail', transit: 'transit', sites: 'sites', basemap: null, regions: null };

describe('geo/index.json', () => {
  it('is what the committed GeoJSON gives (rebuilt here), one feature per line', () => {
    expect(serializeIndex(buildIndex(layersFrom(readGeoSources())))).toBe(committedText());
    expect(committedText().split('\n').length).toBe(index.features.length + 3);
    expect(index.version).toBe(1);
  });

  it('lists every feature of rivers, rail, transit, sites and regions, and of the basemap only the cities and provinces', () => {
    const expected = [
      ...['rivers', 'rail', 'transit', 'sites', 'regions'].flatMap((n) => readGeo(`${n}.geojson`).features.map((f) => f.properties.id)),
      ...readGeo('basemap.geojson')
        .features.filter((f) => ['city', 'province'].includes(f.properties.kind))
        .map((f) => f.properties.id),
    ];
    expect(index.features.map((f) => f.id).sort()).toEqual(expected.sort());
    expect(new Set(index.features.map((f) => f.id)).size).toBe(index.features.length);
    const kinds = new Set(index.features.map((f) => f.kind));
    for (const left of ['prefecture', 'cq-district', 'stream', 'river-label-point', 'river-label-line', 'district-label-point'])
      expect(kinds.has(left), left).toBe(false);
  });

  it('gives each its layer, the map layer group, item, kind and geometry type, and every property a reader can be shown', () => {
    for (const e of index.features) {
      const f = byId(readGeo(`${e.layer}.geojson`), e.id);
      expect(e.group, e.id).toBe(GROUPS[e.layer]);
      expect(e.item, e.id).toBe((f.properties['item'] as string | undefined) ?? null);
      expect(e.kind, e.id).toBe(f.properties.kind);
      expect(e.geometry, e.id).toBe(f.geometry.type);
      const shown = Object.fromEntries(Object.entries(f.properties).filter(([k]) => !NOT_INDEXED.includes(k)));
      expect(e.properties, e.id).toEqual(shown);
      // What is left out is the build's working data: nothing the interface reads.
      for (const k of NOT_INDEXED) expect(e.properties, e.id).not.toHaveProperty(k);
    }
    expect(NOT_INDEXED).not.toContain('datum_note');
    expect(NOT_INDEXED).not.toContain('source');
  });

  it('frames each by the bbox of its whole geometry, to 6 decimals', () => {
    for (const e of index.features) {
      const f = byId(readGeo(`${e.layer}.geojson`), e.id);
      const bbox = turf.bbox(f.geometry);
      e.bbox.forEach((v, i) => expect(Math.abs(v - bbox[i]!), e.id).toBeLessThanOrEqual(5e-7));
      for (const v of [...e.bbox, ...e.point]) expect(String(v).split('.')[1]?.length ?? 0, e.id).toBeLessThanOrEqual(6);
    }
    expect(entry('river-yangtze').bbox).toEqual([101.5, 25.969451, 110.5, 31.06833]);
  });

  it('puts each marker point on its feature: the point itself, on the line, inside the polygon', () => {
    for (const e of index.features) {
      const f = byId(readGeo(`${e.layer}.geojson`), e.id) as Feature<Geometry>;
      const g = f.geometry;
      const [w, s, east, n] = e.bbox;
      expect(e.point[0] >= w && e.point[0] <= east && e.point[1] >= s && e.point[1] <= n, e.id).toBe(true);
      if (g.type === 'Point') expect(e.point, e.id).toEqual(g.coordinates);
      else if (g.type === 'Polygon' || g.type === 'MultiPolygon') expect(turf.booleanPointInPolygon(e.point, g), e.id).toBe(true);
      else if (g.type === 'LineString' && e.layer !== 'rivers') {
        expect(turf.pointToLineDistance(e.point, g, { units: 'meters' }), e.id).toBeLessThan(1);
      }
    }
  });

  it('names a river at its overview label anchor and a district at its label anchor, as the map does', () => {
    const labels = readGeo('labels.geojson').features;
    for (const id of ['river-yangtze', 'river-jialing', 'river-wu', 'river-min', 'river-tuo', 'river-fu']) {
      const anchor = labels.find((l) => l.properties.kind === 'river-label-point' && l.properties['river_id'] === id)!;
      expect(entry(id).point, id).toEqual((anchor.geometry as GeoJSON.Point).coordinates);
    }
    for (const d of transit().features.filter((f) => f.properties.kind === 'district')) {
      const anchor = labels.find((l) => l.properties.kind === 'district-label-point' && l.properties['district_id'] === d.properties.id)!;
      expect(entry(d.properties.id).point, d.properties.id).toEqual((anchor.geometry as GeoJSON.Point).coordinates);
    }
  });

  it('falls back to the middle of a river line when labels.geojson has no anchor for it', () => {
    const layers = layersFrom(readGeoSources());
    delete layers['labels'];
    const e = entryOf(buildIndex(layers), 'river-jialing');
    const line = byId(readGeo('rivers.geojson'), 'river-jialing') as Feature<LineString>;
    const total = turf.length(line);
    const upTo = turf.length(turf.lineSlice(line.geometry.coordinates[0]!, e.point, line));
    expect(turf.pointToLineDistance(e.point, line, { units: 'meters' })).toBeLessThan(1);
    expect(Math.abs(upTo / total - 0.5)).toBeLessThan(0.01);
  });

  it('carries the transit summary for the figures panel', () => {
    expect(index.summaries['transit']).toEqual(transit().summary);
  });

  it('picks up geo/regions.geojson when the file is there: group null, its item, a point with room inside', () => {
    const layers = layersFrom(readGeoSources());
    const ring = [
      [104, 30],
      [105, 30],
      [105, 31],
      [104, 31],
      [104, 30],
    ];
    layers['regions'] = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 'region-test', kind: 'region', name_zh: '测试', name_en: 'Test', item: 'item-3' },
          geometry: { type: 'Polygon', coordinates: [ring] },
        },
      ],
    };
    const e = entryOf(buildIndex(layers), 'region-test');
    expect(e).toMatchObject({ layer: 'regions', group: null, item: 'item-3', kind: 'region', geometry: 'Polygon', bbox: [104, 30, 105, 31] });
    expect(e.point[0]).toBeCloseTo(104.5, 2);
    expect(e.point[1]).toBeCloseTo(30.5, 2);
  });

  it('stays small', () => {
    const raw = Buffer.byteLength(committedText());
    const gzip = gzipSync(committedText(), { level: 9 }).length;
    console.info(`index.json: ${index.features.length} features, ${raw} bytes raw, ${gzip} bytes gzip`);
    expect(gzip).toBeLessThan(32 * 1024);
  });
});

describe('the pole of inaccessibility', () => {
  it('lies inside a C-shaped polygon whose centroid does not, as far from the edges as the arms allow', () => {
    // a 3×3 square with its right middle cut out: arms 1 wide, the back 1 wide
    const ring = [
      [0, 0],
      [3, 0],
      [3, 1],
      [1, 1],
      [1, 2],
      [3, 2],
      [3, 3],
      [0, 3],
      [0, 0],
    ];
    const polygon: Polygon = { type: 'Polygon', coordinates: [ring] };
    expect(turf.booleanPointInPolygon(turf.centroid(polygon), polygon)).toBe(false);
    const pole = poleOfInaccessibility([ring], 0.001) as [number, number];
    expect(turf.booleanPointInPolygon(pole, polygon)).toBe(true);
    const room = turf.pointToLineDistance(pole, turf.polygonToLine(polygon) as Feature<LineString>, { units: 'degrees' });
    expect(room).toBeGreaterThan(0.45);
  });
});
