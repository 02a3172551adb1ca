// geo/atlas.pmtiles, read back the way the map will read it: with the `pmtiles` package's reader
// over the file's bytes, each tile decoded with @mapbox/vector-tile (what MapLibre decodes with).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { VectorTile, type VectorTileFeature } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { Compression, type Header, PMTiles, type Source, TileType, findTile, zxyToTileId } from 'pmtiles';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { ATLAS_FILE, BORDER_KINDS, NOT_TILED, buildDerived, matchesCommitted, readGeoSources, tiledLayers } from '../../scripts/geo/build-derived.mjs';
import { HEADER_BYTES, ROOT_LIMIT, writePmtiles } from '../../scripts/geo/pmtiles-writer.mjs';
import { LAYER_MINZOOM, LAYER_TOLERANCE, REGION, TILE_PROPERTIES, TILING, numericId } from '../../scripts/geo/tiles.mjs';
import { GEO_DIR, geoFiles, readGeo } from './geo-helpers';

const EXTENT = 4096;

function sourceOf(bytes: Uint8Array, key = 'atlas'): Source {
  return {
    getKey: () => key,
    getBytes: async (offset: number, length: number) => ({
      data: bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + offset + length) as ArrayBuffer,
    }),
  };
}

const lngToX = (lng: number) => (lng + 180) / 360;
const latToY = (lat: number) => {
  const s = Math.sin((lat * Math.PI) / 180);
  return 0.5 - (0.25 * Math.log((1 + s) / (1 - s))) / Math.PI;
};
/** Tiles of zoom z covering a lon/lat box, grown by `margin` tiles. */
function tilesOver(z: number, [w, s, e, n]: number[], margin = 0): { x: number; y: number }[] {
  const k = 2 ** z;
  const out = [];
  const [x0, x1] = [Math.floor(lngToX(w!) * k) - margin, Math.floor(lngToX(e!) * k) + margin];
  const [y0, y1] = [Math.floor(latToY(n!) * k) - margin, Math.floor(latToY(s!) * k) + margin];
  for (let x = Math.max(0, x0); x <= Math.min(k - 1, x1); x++) for (let y = Math.max(0, y0); y <= Math.min(k - 1, y1); y++) out.push({ x, y });
  return out;
}

interface Decoded {
  z: number;
  x: number;
  y: number;
  /** decompressed MVT bytes */
  data: Uint8Array;
  tile: VectorTile;
}

interface Archive {
  bytes: Uint8Array;
  header: Header;
  metadata: { attribution: string; vector_layers: { id: string; fields: Record<string, string>; minzoom: number; maxzoom: number }[] };
  tiles: Decoded[];
}

/** Every tile the archive addresses, found by asking the reader for each tile within its bounds. */
async function readArchive(bytes: Uint8Array): Promise<Archive> {
  const pm = new PMTiles(sourceOf(bytes));
  const header = await pm.getHeader();
  const metadata = (await pm.getMetadata()) as Archive['metadata'];
  const tiles: Decoded[] = [];
  const bounds = [header.minLon, header.minLat, header.maxLon, header.maxLat];
  for (let z = header.minZoom; z <= header.maxZoom; z++) {
    for (const { x, y } of tilesOver(z, bounds, 1)) {
      const r = await pm.getZxy(z, x, y);
      if (!r) continue;
      const data = new Uint8Array(r.data);
      tiles.push({ z, x, y, data, tile: new VectorTile(new PbfReader(data)) });
    }
  }
  return { bytes, header, metadata, tiles };
}

function features(t: Decoded, layer: string): VectorTileFeature[] {
  const l = t.tile.layers[layer];
  return l ? Array.from({ length: l.length }, (_, i) => l.feature(i)) : [];
}

/** What the tileset is built from, source-layer by source-layer (the basemap's borders as lines). */
let tiled: Record<string, FeatureCollection> | null = null;
function tiledInput(): Record<string, FeatureCollection> {
  tiled ??= tiledLayers(Object.fromEntries(geoFiles().map((n) => [n.replace(/\.geojson$/, ''), readGeo<FeatureCollection>(n)]))) as Record<
    string,
    FeatureCollection
  >;
  return tiled;
}
const layerNames = () => Object.keys(tiledInput()).sort();
const committedBytes = () => new Uint8Array(readFileSync(resolve(GEO_DIR, ATLAS_FILE)));

// Building or walking the whole tileset takes 3–6 s on a quiet machine since the ground joined it
// (counties, towns), and several times that while other jobs share the two cores.
const WHOLE_TILESET = { timeout: 60_000 };

describe('geo/atlas.pmtiles', WHOLE_TILESET, () => {
  let atlas: Archive;
  beforeAll(async () => {
    atlas = await readArchive(committedBytes());
  });

  it('is a clustered PMTiles v3 archive of gzipped vector tiles, zoom 4 to 10, its root directory in the first 16 KiB', () => {
    const h = atlas.header;
    expect(h.specVersion).toBe(3);
    expect(h.tileType).toBe(TileType.Mvt);
    expect(h.tileCompression).toBe(Compression.Gzip);
    expect(h.internalCompression).toBe(Compression.Gzip);
    expect(h.clustered).toBe(true);
    expect([h.minZoom, h.maxZoom]).toEqual([TILING.minZoom, TILING.maxZoom]);
    expect(h.rootDirectoryOffset).toBe(HEADER_BYTES);
    expect(h.rootDirectoryOffset + h.rootDirectoryLength).toBeLessThanOrEqual(ROOT_LIMIT);
    // the region the map opens on lies inside the archive's bounds
    expect(h.minLon).toBeLessThanOrEqual(REGION.west);
    expect(h.maxLon).toBeGreaterThanOrEqual(REGION.east);
    expect(h.minLat).toBeLessThanOrEqual(REGION.south);
    expect(h.maxLat).toBeGreaterThanOrEqual(REGION.north);
    expect(h.tileDataOffset + (h.tileDataLength ?? NaN)).toBe(atlas.bytes.length);
  });

  it('addresses no tile outside its bounds, and every tile decodes as a 4096-extent vector tile', () => {
    expect(atlas.tiles.length).toBe(atlas.header.numAddressedTiles);
    for (const t of atlas.tiles) {
      const names = Object.keys(t.tile.layers);
      expect(names.length, `${t.z}/${t.x}/${t.y}`).toBeGreaterThan(0);
      for (const name of names) {
        expect(layerNames()).toContain(name);
        expect(t.tile.layers[name]!.extent).toBe(EXTENT);
        expect(t.tile.layers[name]!.length).toBeGreaterThan(0);
      }
    }
  });

  it('stores identical tiles once (inside a province many tiles are the same square)', () => {
    const h = atlas.header;
    expect(h.numTileContents).toBeLessThan(h.numAddressedTiles);
    expect(h.numTileEntries).toBeLessThanOrEqual(h.numAddressedTiles);
    expect(h.numTileContents).toBeLessThanOrEqual(h.numTileEntries);
    const distinct = new Set(atlas.tiles.map((t) => Buffer.from(t.data).toString('base64')));
    expect(distinct.size).toBe(h.numTileContents);
  });

  it('describes one source-layer per geo/*.geojson file, with its fields, zooms and attribution', () => {
    const attribution = JSON.parse(readFileSync(resolve(GEO_DIR, 'attribution.json'), 'utf8')) as Record<string, { en: string }[]>;
    const layers = atlas.metadata.vector_layers;
    expect(layers.map((l) => l.id).sort()).toEqual(layerNames());
    for (const l of layers) {
      // The ground (counties, towns) is in no tile below zoom 8: the opening view does not carry it.
      const minzoom = Math.max(TILING.minZoom, (LAYER_MINZOOM as Record<string, number>)[l.id] ?? 0);
      expect([l.minzoom, l.maxzoom]).toEqual([minzoom, TILING.maxZoom]);
      expect(l.fields['id']).toBe('String');
      for (const f of Object.keys(l.fields)) expect(TILE_PROPERTIES).toContain(f);
    }
    expect(layers.find((l) => l.id === 'rivers')!.fields['corridor']).toBe('Boolean');
    expect(layers.find((l) => l.id === 'basemap')!.fields['rank']).toBe('Number');
    for (const [file, credits] of Object.entries(attribution)) {
      if (!file.endsWith('.geojson') || NOT_TILED.includes(file.replace(/\.geojson$/, ''))) continue;
      for (const credit of credits) expect(atlas.metadata.attribution).toContain(credit.en);
    }
  });

  it('keeps only the whitelisted properties, typed and equal to the data, and a numeric feature id from the string id', () => {
    const input = new Map<string, Record<string, unknown>>();
    for (const fc of Object.values(tiledInput())) for (const f of fc.features) input.set(String(f.properties?.['id']), f.properties ?? {});
    let checked = 0;
    for (const t of atlas.tiles.filter((x) => x.z === 10)) {
      for (const name of Object.keys(t.tile.layers)) {
        for (const f of features(t, name)) {
          const id = f.properties['id'] as string;
          const source = input.get(id)!;
          const expected = Object.fromEntries(TILE_PROPERTIES.filter((k) => source[k] !== undefined).map((k) => [k, source[k]]));
          expect(f.properties, id).toEqual(expected);
          expect(f.id, id).toBe(numericId(id));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
    // the long texts stay out of the tiles
    for (const t of atlas.tiles)
      for (const name of Object.keys(t.tile.layers))
        for (const f of features(t, name)) {
          expect(f.properties).not.toHaveProperty('source');
          expect(f.properties).not.toHaveProperty('note');
        }
  });

  it('carries 256 units (32 px) of the neighbouring tiles, so clipped outlines and wide strokes never show along tile edges', () => {
    let [min, max] = [Infinity, -Infinity];
    for (const t of atlas.tiles) {
      for (const name of Object.keys(t.tile.layers)) {
        for (const f of features(t, name)) {
          for (const ring of f.loadGeometry()) for (const p of ring) [min, max] = [Math.min(min, p.x, p.y), Math.max(max, p.x, p.y)];
        }
      }
    }
    // geojson-vt clips exactly at the buffer: a polygon that covers a tile is a square reaching past every edge
    expect(min).toBe(-TILING.buffer);
    expect(max).toBe(EXTENT + TILING.buffer);
    expect(TILING.buffer).toBeGreaterThanOrEqual(128); // the widest stroke, 15 px, needs 8 units per pixel of half-width
  });

  it('gives distinct features distinct numeric ids', () => {
    const ids = Object.values(tiledInput()).flatMap((fc) => fc.features.map((f) => String(f.properties?.['id'])));
    expect(new Set(ids.map(numericId)).size).toBe(ids.length);
  });

  it('holds at zoom 6 over the region the six corridors, the Ziyang line, the seven districts and 广阳岛', () => {
    const over = new Set(tilesOver(6, [REGION.west, REGION.south, REGION.east, REGION.north]).map(({ x, y }) => `${x}/${y}`));
    const ids = (layer: string) =>
      new Set(atlas.tiles.filter((t) => t.z === 6 && over.has(`${t.x}/${t.y}`)).flatMap((t) => features(t, layer).map((f) => f.properties['id'])));
    const rivers = ids('rivers');
    for (const id of ['river-yangtze', 'river-jialing', 'river-wu', 'river-min', 'river-tuo', 'river-fu']) expect(rivers.has(id), id).toBe(true);
    expect(ids('rail').has('ziyang-line')).toBe(true);
    const transit = ids('transit');
    for (const id of ['xinjin', 'shuangliu', 'qionglai', 'chongzhou', 'dayi', 'pujiang', 'pengshan']) expect(transit.has(id), id).toBe(true);
    expect(ids('sites').has('guangyang-island')).toBe(true);
    expect(ids('labels').has('river-jialing-label-point-1')).toBe(true);
  });

  it('drops nothing: every feature of every tiled layer is in some tile of its layer at zoom 10', () => {
    for (const [layer, fc] of Object.entries(tiledInput())) {
      const inTiles = new Set(atlas.tiles.filter((t) => t.z === 10).flatMap((t) => features(t, layer).map((f) => f.properties['id'])));
      for (const f of fc.features) expect(inTiles.has(f.properties?.['id']), `${layer}: ${f.properties?.['id']}`).toBe(true);
    }
  });

  it('carries the prefectures’ and districts’ borders as lines, not their polygons', () => {
    const kinds = new Set(atlas.tiles.flatMap((t) => features(t, 'basemap').map((f) => String(f.properties['kind']))));
    for (const kind of BORDER_KINDS) expect(kinds.has(kind), kind).toBe(false);
    const borders = new Set(atlas.tiles.flatMap((t) => features(t, 'boundaries').map((f) => String(f.properties['kind']))));
    expect([...borders].sort()).toEqual(['cq-district', 'prefecture', 'province']);
  });

  /**
   * Distance, in tile units, from each vertex of the data that falls inside a tile to the lines the
   * tile holds for the same feature. At the tile's own zoom a 512-px tile shows 8 units per pixel.
   */
  function worstDeviation(layer: string, ids: string[], z: number): number {
    const input = (tiledInput()[layer]?.features ?? []).filter((f) => ids.includes(String(f.properties?.['id']))) as Feature<Geometry, { id: string }>[];
    expect(input.map((f) => f.properties.id).sort()).toEqual([...ids].sort());
    let worst = 0;
    let vertices = 0;
    for (const t of atlas.tiles.filter((x) => x.z === z)) {
      for (const f of input) {
        const lines = features(t, layer)
          .filter((g) => g.properties['id'] === f.properties.id)
          .flatMap((g) => g.loadGeometry());
        const segments = lines.flatMap((line) => line.slice(1).map((p, i) => [line[i]!, p] as const));
        const rings: number[][][] =
          f.geometry.type === 'LineString'
            ? [f.geometry.coordinates]
            : f.geometry.type === 'MultiLineString' || f.geometry.type === 'Polygon'
              ? f.geometry.coordinates
              : f.geometry.type === 'MultiPolygon'
                ? f.geometry.coordinates.flat()
                : [];
        for (const ring of rings) {
          for (const [lng, lat] of ring) {
            const px = (lngToX(lng!) * 2 ** z - t.x) * EXTENT;
            const py = (latToY(lat!) * 2 ** z - t.y) * EXTENT;
            if (px < 0 || py < 0 || px >= EXTENT || py >= EXTENT) continue;
            let best = Infinity;
            for (const [a, b] of segments) {
              const dx = b.x - a.x;
              const dy = b.y - a.y;
              const k = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((px - a.x) * dx + (py - a.y) * dy) / (dx * dx + dy * dy)));
              best = Math.min(best, Math.hypot(px - a.x - k * dx, py - a.y - k * dy));
            }
            worst = Math.max(worst, best);
            vertices++;
          }
        }
      }
    }
    expect(vertices).toBeGreaterThan(100);
    return worst;
  }

  const corridors = ['river-yangtze', 'river-jialing', 'river-wu', 'river-min', 'river-tuo', 'river-fu'];

  // geojson-vt ranks each vertex once (Douglas-Peucker) and keeps, at each zoom, those above the
  // zoom's tolerance; a kept vertex may have been ranked against one that is dropped, so the bound
  // is a little above the tolerance itself plus rounding: 5.3 units measured for 3 (0.67 px).
  it('draws the rivers, the districts and the land within 0.75 px of the data at zooms 6 and 8 (tolerance 3 of 4096)', () => {
    for (const z of [6, 8]) {
      expect(worstDeviation('rivers', corridors, z), `rivers z${z}`).toBeLessThanOrEqual(6);
      expect(worstDeviation('basemap', ['province-sichuan', 'province-chongqing'], z), `basemap z${z}`).toBeLessThanOrEqual(6);
      expect(worstDeviation('transit', ['xinjin', 'shuangliu', 'pengshan'], z), `districts z${z}`).toBeLessThanOrEqual(6);
    }
  });

  it('draws the thin background lines (borders, unnamed streams) within 2 px of the data at zooms 6 and 8 (tolerance 8)', () => {
    expect(LAYER_TOLERANCE).toEqual({ boundaries: 8, hydrography: 8 });
    const streams = readGeo('hydrography.geojson').features.map((f) => f.properties.id);
    const borders = tiledInput()['boundaries']!.features.map((f) => String(f.properties?.['id']));
    for (const z of [6, 8]) {
      expect(worstDeviation('hydrography', streams, z), `streams z${z}`).toBeLessThanOrEqual(16);
      expect(worstDeviation('boundaries', borders, z), `boundaries z${z}`).toBeLessThanOrEqual(16);
    }
    // And every vertex at zoom 10, as the rest.
    expect(worstDeviation('boundaries', borders.slice(0, 40), 10)).toBeLessThanOrEqual(Math.SQRT1_2 + 1e-9);
  });

  it('keeps every vertex at zoom 10, the tiles the map overzooms to 13 (only rounded to the 4096 grid)', () => {
    expect(worstDeviation('rivers', corridors, 10)).toBeLessThanOrEqual(Math.SQRT1_2 + 1e-9);
    expect(worstDeviation('basemap', ['province-sichuan', 'province-chongqing'], 10)).toBeLessThanOrEqual(Math.SQRT1_2 + 1e-9);
  });

  it('weighs, for the opening view at zoom 6, four gzipped tiles of well under 150 KB', async () => {
    const pm = new PMTiles(sourceOf(atlas.bytes));
    const h = await pm.getHeader();
    expect(h.leafDirectoryLength).toBe(0); // the root directory addresses every tile
    const entries = await pm.cache.getDirectory(pm.source, h.rootDirectoryOffset, h.rootDirectoryLength, h);
    const opening = tilesOver(6, [REGION.west, REGION.south, REGION.east, REGION.north]);
    const tileBytes = opening.reduce((sum, { x, y }) => {
      const entry = findTile(entries, zxyToTileId(6, x, y));
      expect(entry, `6/${x}/${y}`).not.toBeNull();
      return sum + entry!.length;
    }, 0);
    const firstBytes = h.jsonMetadataOffset + h.jsonMetadataLength; // header, root directory, metadata
    console.info(
      `atlas.pmtiles: ${atlas.bytes.length} bytes, ${h.numAddressedTiles} tiles (${h.numTileContents} distinct); ` +
        `opening view at z6: ${opening.length} tiles, ${tileBytes} bytes, after ${firstBytes} bytes of header, directory and metadata`,
    );
    expect(opening.length).toBe(4);
    expect(tileBytes).toBeLessThan(150 * 1024);
    expect(atlas.bytes.length).toBeLessThan(2 * 1024 * 1024);
  });
});

describe('rebuilding geo/atlas.pmtiles', WHOLE_TILESET, () => {
  const rebuild = () => buildDerived(readGeoSources()).get(ATLAS_FILE) as Uint8Array;

  // Byte equality with the committed file would hold only where node's zlib compresses exactly as
  // the one that wrote it; the rebuild is compared by what a reader gets out of it.
  it('gives, from the committed GeoJSON, the committed archive: same header fields, metadata and decompressed tiles', async () => {
    const fresh = await readArchive(rebuild());
    const committed = await readArchive(committedBytes());
    const descriptive = (h: Header) => {
      const {
        rootDirectoryLength,
        jsonMetadataOffset,
        jsonMetadataLength,
        leafDirectoryOffset,
        leafDirectoryLength,
        tileDataOffset,
        tileDataLength,
        etag,
        ...rest
      } = h;
      return rest;
    };
    expect(descriptive(fresh.header)).toEqual(descriptive(committed.header));
    expect(fresh.metadata).toEqual(committed.metadata);
    expect(fresh.tiles.map((t) => `${t.z}/${t.x}/${t.y}`)).toEqual(committed.tiles.map((t) => `${t.z}/${t.x}/${t.y}`));
    fresh.tiles.forEach((t, i) => expect(Buffer.compare(t.data, committed.tiles[i]!.data), `${t.z}/${t.x}/${t.y}`).toBe(0));
  });

  it('is deterministic: two builds give the same bytes', () => {
    expect(Buffer.compare(rebuild(), rebuild())).toBe(0);
  });

  it('lets --check accept another compression of the same tiles and reject different tiles', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-'));
    const bytes = committedBytes();
    const dataStart = Number(new DataView(bytes.buffer, bytes.byteOffset).getBigUint64(56, true));
    // the first tile's gzip header names another operating system: other bytes, same tile
    const recompressed = bytes.slice();
    recompressed[dataStart + 9] = recompressed[dataStart + 9] === 3 ? 11 : 3;
    writeFileSync(join(dir, ATLAS_FILE), recompressed);
    expect(matchesCommitted(ATLAS_FILE, rebuild(), dir)).toBe(true);

    const files = readGeoSources();
    const sites = JSON.parse(files.get('sites.geojson')!) as { features: unknown[] };
    files.set('sites.geojson', JSON.stringify({ ...sites, features: sites.features.slice(1) }));
    const changed = buildDerived(files);
    expect(matchesCommitted(ATLAS_FILE, changed.get(ATLAS_FILE)!)).toBe(false);
    expect(matchesCommitted('index.json', changed.get('index.json')!)).toBe(false);
  });

  it('passes `node scripts/geo/build-derived.mjs --check` on the committed files', () => {
    const run = spawnSync(process.execPath, ['scripts/geo/build-derived.mjs', '--check'], { cwd: resolve(GEO_DIR, '..'), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('leaves the region outlines out: the map fetches them only when one is shown', async () => {
    const archive = await readArchive(buildDerived(readGeoSources()).get(ATLAS_FILE) as Uint8Array);
    expect(archive.metadata.vector_layers.map((l) => l.id)).not.toContain('regions');
    expect(archive.tiles.some((t) => features(t, 'regions').length > 0)).toBe(false);
  });
});

describe('the PMTiles writer', WHOLE_TILESET, () => {
  const read = (bytes: Uint8Array) => new PMTiles(sourceOf(bytes, `t${Math.random()}`));
  const tileData = (i: number) => new TextEncoder().encode(`tile ${i}`);

  it('stores a run of identical tiles once, in one directory entry', async () => {
    const tiles = [];
    for (let x = 0; x < 16; x++) for (let y = 0; y < 16; y++) tiles.push({ z: 4, x, y, data: tileData(0) });
    const pm = read(writePmtiles({ tiles, metadata: {}, tileType: TileType.Unknown, bounds: [-180, -85, 180, 85], center: [0, 0, 4] }));
    const h = await pm.getHeader();
    expect([h.numAddressedTiles, h.numTileEntries, h.numTileContents]).toEqual([256, 1, 1]);
    for (const { x, y } of [
      { x: 0, y: 0 },
      { x: 15, y: 15 },
      { x: 7, y: 9 },
    ]) {
      expect(new TextDecoder().decode((await pm.getZxy(4, x, y))!.data)).toBe('tile 0');
    }
  });

  it('moves entries to leaf directories when the root would pass 16 KiB, and every tile is still found', async () => {
    // scattered tiles of scattered sizes: a directory that gzip cannot shrink below 16 KiB
    let seed = 1;
    const random = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    const byKey = new Map<string, { z: number; x: number; y: number; data: Uint8Array }>();
    while (byKey.size < 30000) {
      const [x, y] = [random(1024), random(1024)];
      byKey.set(`${x}/${y}`, { z: 10, x, y, data: new TextEncoder().encode(`${x}/${y}`.padEnd(8 + random(400), '.')) });
    }
    const tiles = [...byKey.values()];
    const pm = read(writePmtiles({ tiles, metadata: { name: 'many' }, tileType: TileType.Unknown, bounds: [-180, -85, 180, 85], center: [0, 0, 10] }));
    const h = await pm.getHeader();
    expect(h.leafDirectoryLength).toBeGreaterThan(0);
    expect(h.rootDirectoryOffset + h.rootDirectoryLength).toBeLessThanOrEqual(ROOT_LIMIT);
    expect(h.numAddressedTiles).toBe(tiles.length);
    for (const t of tiles.filter((_, i) => i % 61 === 0)) {
      expect(new TextDecoder().decode((await pm.getZxy(10, t.x, t.y))!.data)).toBe(new TextDecoder().decode(t.data));
    }
    expect(await pm.getMetadata()).toEqual({ name: 'many' });
  });

  it('writes the same bytes whatever order the tiles come in', () => {
    const tiles = [0, 1, 2, 3].map((i) => ({ z: 1, x: i % 2, y: i >> 1, data: tileData(i) }));
    const write = (t: typeof tiles) => writePmtiles({ tiles: t, metadata: {}, tileType: TileType.Unknown, bounds: [-180, -85, 180, 85], center: [0, 0, 1] });
    expect(Buffer.compare(write(tiles), write([...tiles].reverse()))).toBe(0);
  });
});
