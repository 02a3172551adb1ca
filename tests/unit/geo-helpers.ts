import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pointsNamedInOverview } from '../../scripts/geo/labels.mjs';
import type { AtlasCollection, AtlasFeature, TransitCollection } from '../../src/data/types';

export const ROOT = resolve(import.meta.dirname, '../..');
export const GEO_DIR = resolve(ROOT, 'geo');

export function readGeo<T = AtlasCollection>(name: string): T {
  return JSON.parse(readFileSync(resolve(GEO_DIR, name), 'utf8')) as T;
}

export function geoFiles(): string[] {
  return readdirSync(GEO_DIR)
    .filter((n) => n.endsWith('.geojson'))
    .sort();
}

export function byId(fc: AtlasCollection, id: string): AtlasFeature {
  const f = fc.features.find((x) => x.properties.id === id);
  if (!f) throw new Error(`no feature "${id}"`);
  return f;
}

export const transit = () => readGeo<TransitCollection>('transit.geojson');

/**
 * The places named in the opening view, read from the committed files as the data step reads
 * them from its own output before writing labels.geojson.
 */
export function namedPointsInOverview(): GeoJSON.Feature[] {
  const files = ['basemap.geojson', 'rivers.geojson', 'rail.geojson', 'transit.geojson', 'sites.geojson'];
  return pointsNamedInOverview(files.map((n) => readGeo(n).features));
}
