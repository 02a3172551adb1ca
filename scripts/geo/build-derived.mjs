// The files derived from geo/*.geojson, rebuilt from the committed GeoJSON alone (no gmt, no
// boundary package): `node scripts/geo/build-derived.mjs` writes them, `--check` compares.
//   geo/atlas.pmtiles  every geo/*.geojson as one source-layer of a vector tileset (./tiles.mjs)
//   geo/index.json     properties, bbox and a marker point of each pickable feature (./light-index.mjs)
// scripts/geo/build.mjs runs the same step on its in-memory output at the end of `npm run geo`.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { GEO_DIR } from './lib.mjs';
import { boundaryLines } from './boundary-lines.mjs';
import { buildAtlas } from './tiles.mjs';
import { buildIndex, serializeIndex } from './light-index.mjs';
import { sameArchiveContent } from './pmtiles-writer.mjs';

export const ATLAS_FILE = 'atlas.pmtiles';
/**
 * Files the map does not draw from tiles: region outlines are shown only while one is chosen or
 * read about, so the map fetches geo/regions.geojson then, and the opening view's tiles (every
 * one of which would carry them) stay lighter.
 */
export const NOT_TILED = ['regions'];

/**
 * The basemap's prefecture and district polygons are drawn only as borders: the tileset carries
 * those borders as lines, each stretch once (source-layer `boundaries`), not the polygons.
 */
export const BORDER_KINDS = ['prefecture', 'cq-district'];

/** The source-layers of the tileset, from the geo/ files. */
export function tiledLayers(layers) {
  const tiled = Object.fromEntries(Object.entries(layers).filter(([name]) => !NOT_TILED.includes(name)));
  if (tiled.basemap) {
    tiled.boundaries = { type: 'FeatureCollection', features: boundaryLines(tiled.basemap.features) };
    tiled.basemap = { ...tiled.basemap, features: tiled.basemap.features.filter((f) => !BORDER_KINDS.includes(f.properties.kind)) };
  }
  if (tiled.ground) {
    // A county seat a basemap city stands for (`city_id`) is drawn as that city: not in the tiles.
    tiled.ground = { ...tiled.ground, features: tiled.ground.features.filter((f) => !f.properties.city_id) };
  }
  return tiled;
}
export const INDEX_FILE = 'index.json';

/** The committed geo/ files the derived ones are built from: every *.geojson and attribution.json. */
export function readGeoSources(dir = GEO_DIR) {
  const files = new Map();
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith('.geojson') || name === 'attribution.json') files.set(name, readFileSync(resolve(dir, name), 'utf8'));
  }
  return files;
}

/**
 * @param {Map<string, string>} files geo/ file name → text: the *.geojson files (one source-layer
 *   each, named after the file) and attribution.json (the archive's attribution)
 * @returns {Map<string, Uint8Array | string>} geo/atlas.pmtiles and geo/index.json
 */
export function buildDerived(files) {
  /** @type {Record<string, any>} */
  const layers = {};
  for (const [name, text] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (name.endsWith('.geojson')) layers[name.slice(0, -'.geojson'.length)] = JSON.parse(text);
  }
  /** @type {Record<string, { en: string }[]>} */
  const credits = JSON.parse(files.get('attribution.json') ?? '{}');
  const attribution = [
    // the archive's own metadata keeps the English line of each bilingual credit
    ...new Set(Object.keys(layers).flatMap((layer) => (credits[`${layer}.geojson`] ?? []).map((c) => c.en))),
  ]
    .sort()
    .join('; ');
  /** @type {Map<string, string | Uint8Array>} */
  const derived = new Map();
  derived.set(ATLAS_FILE, buildAtlas(tiledLayers(layers), { attribution }));
  derived.set(INDEX_FILE, serializeIndex(buildIndex(layers)));
  return derived;
}

/**
 * Whether a built file matches what is on disk. The archive counts as the same when it holds the
 * same tiles (decompressed), metadata and header fields: gzip output may differ between zlib
 * builds, so byte equality of the archive would only hold on the machine that wrote it.
 */
export function matchesCommitted(name, built, dir = GEO_DIR) {
  const path = resolve(dir, name);
  if (!existsSync(path)) return false;
  const committed = readFileSync(path);
  if (typeof built === 'string') return committed.toString('utf8') === built;
  return Buffer.compare(committed, Buffer.from(built)) === 0 || sameArchiveContent(committed, built);
}

/**
 * Write the derived files, or with `check` compare them and exit 1 naming those that differ.
 * @param {Map<string, string>} files as for buildDerived
 */
export function runDerived(files, { check = false, dir = GEO_DIR } = {}) {
  const built = buildDerived(files);
  if (check) {
    const differ = [...built].filter(([name, data]) => !matchesCommitted(name, data, dir)).map(([name]) => `geo/${name}`);
    if (differ.length > 0) {
      console.error(`derived files differ from a fresh rebuild: ${differ.join(', ')}`);
      process.exit(1);
    }
    console.log(`geo/${ATLAS_FILE} and geo/${INDEX_FILE} match a fresh rebuild`);
  } else {
    for (const [name, data] of built) writeFileSync(resolve(dir, name), data);
    const sizes = [...built].map(([name, data]) => `geo/${name} (${typeof data === 'string' ? Buffer.byteLength(data) : data.length} bytes)`);
    console.log(`wrote ${sizes.join(', ')}`);
  }
  return built;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runDerived(readGeoSources(), { check: process.argv.includes('--check') });
}
