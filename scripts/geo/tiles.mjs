// geo/atlas.pmtiles: every geo/*.geojson as one source-layer of one vector tileset, so the map
// loads one archive instead of seven GeoJSON files (and the browser's worker no longer tiles them).
// Sliced and simplified with @maplibre/geojson-vt (what MapLibre itself runs on a GeoJSON source),
// encoded as Mapbox Vector Tiles with @maplibre/vt-pbf, packed by ./pmtiles-writer.mjs.
import { createHash } from 'node:crypto';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { writePmtiles } from './pmtiles-writer.mjs';

/**
 * Tiling options, checked by drawing the archive and the GeoJSON files side by side in MapLibre, and
 * measured in tests/unit/tiles.test.ts.
 * - zooms 4–10: the map opens at 6 (4 and 5 serve pitched views' far tiles) and overzooms z10 up to
 *   13, where one tile unit is one screen pixel (512-px tiles, 4096 extent). maxZoom 10 is also
 *   geojson-vt's `maxZoom`: tiles of that zoom are not simplified at all, so overzoomed lines keep
 *   every vertex of the data (rounded to the 4096 grid).
 * - tolerance 3 (tile units): what MapLibre's own GeoJSON source uses (0.375 px of a 512-px tile).
 *   Rivers, streams and boundaries stay within 0.67 px of the data at zooms 6 and 8 and the map
 *   looks as it does from the GeoJSON; at 12 the meanders visibly straighten (up to 19 units off)
 *   for a third less in the opening view's tiles.
 * - buffer 256 (32 px at the tile's own zoom): with 0, polygon outlines are drawn along tile edges;
 *   256 is more than half the widest stroke (rivers, 15 px) or the largest circle (12 px) needs, and
 *   leaves room for names laid along lines near an edge. It costs 7% over a buffer of 128.
 */
export const TILING = { minZoom: 4, maxZoom: 10, extent: 4096, tolerance: 3, buffer: 256 };

/**
 * The thin grey background lines (the basemap's borders, unnamed streams) are simplified more:
 * 8 units, 1 px at a tile's own zoom. They held 80 % of the opening view's vertices, which the
 * worker tessellates and the renderer draws every frame; at a pixel a hair-thin border looks the
 * same. The named rivers, the districts and everything the article is about keep 3 units.
 * Zoom 10 is never simplified, whatever the layer (see TILING).
 */
export const LAYER_TOLERANCE = { boundaries: 8, hydrography: 8 };

/**
 * Source-layers absent from the tiles below a zoom: the ground (county borders and seats, towns,
 * water) is for city scale, and kept out of the opening view's tiles entirely.
 */
export const LAYER_MINZOOM = { ground: 8 };

/** The only properties the style and picking read: everything else stays in geo/index.json. */
export const TILE_PROPERTIES = [
  'id',
  'kind',
  'item',
  'name_zh',
  'name_en',
  'label_zh',
  'label_en',
  'geometry_quality',
  'corridor',
  'rank',
  'group',
  'buses_average',
  'line_index',
  'line_count',
  'interchange',
  'context',
  'candidate',
  'river_id',
  'district_id',
  'label_angle',
  'label_side',
  'admin_type',
];

/** The opening view (REGION_BOUNDS in src/state/store.ts): the header's centre. */
export const REGION = { west: 102.9, south: 27.6, east: 109.7, north: 32.5 };

/**
 * A numeric MVT feature id from the string id: the first 52 bits of its SHA-256. Deterministic and
 * the same whatever else changes in the data; the map itself keys features by the `id` property
 * (`promoteId: 'id'`), MVT ids being unsigned integers.
 */
export function numericId(id) {
  return Number.parseInt(createHash('sha256').update(id).digest('hex').slice(0, 13), 16);
}

function keep(properties) {
  const out = {};
  for (const k of TILE_PROPERTIES) {
    const v = properties[k];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
      throw new Error(`property ${k} of ${properties.id} is not a string, number or boolean`);
    }
    out[k] = v;
  }
  return out;
}

const lngToX = (lng) => (lng + 180) / 360;
const latToY = (lat) => {
  const s = Math.sin((lat * Math.PI) / 180);
  return 0.5 - (0.25 * Math.log((1 + s) / (1 - s))) / Math.PI;
};

function positions(geometry, out = []) {
  const walk = (c) => (typeof c[0] === 'number' ? out.push(c) : c.forEach(walk));
  walk(geometry.coordinates);
  return out;
}

/**
 * [west, south, east, north] of features.
 * @returns {[number, number, number, number]}
 */
export function boundsOf(features) {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features) {
    for (const [x, y] of positions(f.geometry)) {
      b[0] = Math.min(b[0], x);
      b[1] = Math.min(b[1], y);
      b[2] = Math.max(b[2], x);
      b[3] = Math.max(b[3], y);
    }
  }
  return /** @type {[number, number, number, number]} */ (b);
}

/** Every tile at zoom z that a feature's bbox, grown by the buffer, touches. */
function candidateTiles(features, z, bufferFraction) {
  const n = 2 ** z;
  const keys = new Set();
  for (const f of features) {
    const [w, s, e, nn] = boundsOf([f]);
    const x0 = Math.max(0, Math.floor(lngToX(w) * n - bufferFraction));
    const x1 = Math.min(n - 1, Math.floor(lngToX(e) * n + bufferFraction));
    const y0 = Math.max(0, Math.floor(latToY(nn) * n - bufferFraction));
    const y1 = Math.min(n - 1, Math.floor(latToY(s) * n + bufferFraction));
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) keys.add(x * n + y);
  }
  return [...keys].sort((a, b) => a - b).map((k) => ({ z, x: Math.floor(k / n), y: k % n }));
}

const fieldType = (v) => (typeof v === 'number' ? 'Number' : typeof v === 'boolean' ? 'Boolean' : 'String');

/**
 * Slice the collections into MVT tiles.
 * @param {Record<string, import('geojson').FeatureCollection>} layers source-layer name → collection
 * @returns {{ tiles: { z: number, x: number, y: number, data: Uint8Array }[], vectorLayers: object[] }}
 */
export function sliceTiles(layers, options = TILING) {
  const names = Object.keys(layers).sort();
  const indexes = new Map();
  const vectorLayers = [];
  for (const name of names) {
    const features = layers[name].features.map((f) => ({
      type: 'Feature',
      id: numericId(f.properties.id),
      properties: keep(f.properties),
      geometry: f.geometry,
    }));
    indexes.set(name, {
      features,
      index: new GeoJSONVT(/** @type {import('geojson').FeatureCollection} */ ({ type: 'FeatureCollection', features }), {
        maxZoom: options.maxZoom,
        indexMaxZoom: options.minZoom,
        tolerance: options === TILING ? (LAYER_TOLERANCE[name] ?? options.tolerance) : options.tolerance,
        extent: options.extent,
        buffer: options.buffer,
      }),
    });
    const fields = {};
    for (const f of features) for (const [k, v] of Object.entries(f.properties)) fields[k] ??= fieldType(v);
    const ordered = Object.fromEntries(TILE_PROPERTIES.filter((k) => k in fields).map((k) => [k, fields[k]]));
    const minzoom = Math.max(options.minZoom, options === TILING ? (LAYER_MINZOOM[name] ?? 0) : 0);
    vectorLayers.push({ id: name, fields: ordered, minzoom, maxzoom: options.maxZoom });
    indexes.get(name).minzoom = minzoom;
  }

  const tiles = [];
  const all = [...indexes.values()].flatMap((l) => l.features);
  for (let z = options.minZoom; z <= options.maxZoom; z++) {
    for (const { x, y } of candidateTiles(all, z, options.buffer / options.extent)) {
      /** @type {Record<string, any>} */
      const content = {};
      for (const name of names) {
        const layer = indexes.get(name);
        if (z < layer.minzoom) continue;
        const tile = layer.index.getTile(z, x, y);
        if (tile && tile.features.length > 0) content[name] = tile;
      }
      if (Object.keys(content).length === 0) continue;
      tiles.push({ z, x, y, data: fromGeojsonVt(content, { version: 2, extent: options.extent }) });
    }
  }
  return { tiles, vectorLayers };
}

/**
 * The archive for the given source-layers.
 * @param {Record<string, import('geojson').FeatureCollection>} layers source-layer name → collection
 * @param {{ attribution: string }} meta
 * @returns {Uint8Array}
 */
export function buildAtlas(layers, { attribution }, options = TILING) {
  const { tiles, vectorLayers } = sliceTiles(layers, options);
  const bounds = boundsOf(Object.values(layers).flatMap((fc) => fc.features));
  return writePmtiles({
    tiles,
    bounds,
    center: [(REGION.west + REGION.east) / 2, (REGION.south + REGION.north) / 2, 6],
    metadata: {
      name: 'Chengyu Atlas',
      description: 'geo/*.geojson as vector tiles, one source-layer per file (built by scripts/geo/build-derived.mjs)',
      attribution,
      type: 'overlay',
      vector_layers: vectorLayers,
    },
  });
}
