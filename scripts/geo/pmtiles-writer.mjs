// A small PMTiles v3 writer, from the specification
// (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md): npm has a maintained reader
// (`pmtiles`, which the app uses) but no maintained writer.
//
// Layout: 127-byte header | root directory | JSON metadata | leaf directories (only when the root
// would not fit in the first 16 KiB) | tile data. Tiles are stored in Hilbert TileId order
// (clustered); identical tiles are stored once and consecutive ids with the same content share one
// directory entry (run length). Tiles, directories and metadata are gzipped with node:zlib at a
// fixed level and no timestamp, so the same input gives the same bytes with the same zlib build.
import { gunzipSync, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { zxyToTileId } from 'pmtiles';

export const HEADER_BYTES = 127;
/** The header and the root directory must lie within the first 16 KiB of the archive. */
export const ROOT_LIMIT = 16384;
export const COMPRESSION = { unknown: 0, none: 1, gzip: 2, brotli: 3, zstd: 4 };
export const TILE_TYPE = { unknown: 0, mvt: 1, png: 2, jpeg: 3, webp: 4, avif: 5 };
/** Fixed deflate level: output depends only on the input (and the zlib build). */
export const GZIP_LEVEL = 9;

/** gzip without a timestamp (node:zlib writes mtime 0) at the fixed level. */
export const gzip = (bytes) => new Uint8Array(gzipSync(bytes, { level: GZIP_LEVEL }));

/** Unsigned LEB128 varint of a non-negative safe integer (TileIds go beyond 2^32). */
function pushVarint(out, value) {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`varint out of range: ${value}`);
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

/**
 * Directory entries → bytes before compression: entry count, then the columns of delta-coded
 * TileIds, run lengths, lengths, and offsets (0 when contiguous with the previous entry, else offset + 1).
 * @param {{ tileId: number, offset: number, length: number, runLength: number }[]} entries
 */
export function serializeDirectory(entries) {
  if (entries.length === 0) throw new Error('a PMTiles directory must not be empty');
  const out = [];
  pushVarint(out, entries.length);
  let lastId = 0;
  for (const e of entries) {
    pushVarint(out, e.tileId - lastId);
    lastId = e.tileId;
  }
  for (const e of entries) pushVarint(out, e.runLength);
  for (const e of entries) pushVarint(out, e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    pushVarint(out, i > 0 && prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
  });
  return new Uint8Array(out);
}

/**
 * Root (and, only if needed, leaf) directories. Leaves hold `leafSize` entries each; the size grows
 * until the compressed root fits in the first 16 KiB next to the header.
 */
function buildDirectories(entries) {
  const root = gzip(serializeDirectory(entries));
  if (HEADER_BYTES + root.length <= ROOT_LIMIT) return { root, leaves: new Uint8Array(0) };
  for (let leafSize = 4096; ; leafSize *= 2) {
    const rootEntries = [];
    const leafParts = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += leafSize) {
      const chunk = entries.slice(i, i + leafSize);
      const bytes = gzip(serializeDirectory(chunk));
      rootEntries.push({ tileId: chunk[0].tileId, offset, length: bytes.length, runLength: 0 });
      leafParts.push(bytes);
      offset += bytes.length;
    }
    const leafRoot = gzip(serializeDirectory(rootEntries));
    if (HEADER_BYTES + leafRoot.length <= ROOT_LIMIT) return { root: leafRoot, leaves: concat(leafParts) };
  }
}

function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const e7 = (deg) => Math.round(deg * 1e7);

/**
 * Write a PMTiles v3 archive.
 * @param {object} o
 * @param {{ z: number, x: number, y: number, data: Uint8Array }[]} o.tiles uncompressed tile bytes (empty tiles left out)
 * @param {Record<string, unknown>} o.metadata JSON metadata (`vector_layers`, `attribution`, …)
 * @param {number} [o.tileType] TILE_TYPE value (default MVT)
 * @param {[number, number, number, number]} o.bounds [west, south, east, north] in degrees
 * @param {[number, number, number]} o.center [lon, lat, zoom]
 * @returns {Uint8Array}
 */
export function writePmtiles({ tiles, metadata, tileType = TILE_TYPE.mvt, bounds, center }) {
  if (tiles.length === 0) throw new Error('no tiles to write');
  const sorted = tiles.map((t) => ({ ...t, tileId: zxyToTileId(t.z, t.x, t.y) })).sort((a, b) => a.tileId - b.tileId);

  const entries = [];
  const blobs = [];
  /** content hash → where the first copy was stored */
  const stored = new Map();
  let dataLength = 0;
  for (let i = 0; i < sorted.length; i++) {
    const t = sorted[i];
    if (i > 0 && sorted[i - 1].tileId === t.tileId) throw new Error(`tile ${t.z}/${t.x}/${t.y} given twice`);
    if (t.data.length === 0) throw new Error(`tile ${t.z}/${t.x}/${t.y} is empty: leave it out`);
    const key = createHash('sha256').update(t.data).digest('hex');
    let blob = stored.get(key);
    if (!blob) {
      const bytes = gzip(t.data);
      blob = { offset: dataLength, length: bytes.length };
      stored.set(key, blob);
      blobs.push(bytes);
      dataLength += bytes.length;
    }
    const last = entries[entries.length - 1];
    if (last && last.offset === blob.offset && last.tileId + last.runLength === t.tileId) last.runLength += 1;
    else entries.push({ tileId: t.tileId, offset: blob.offset, length: blob.length, runLength: 1 });
  }

  const { root, leaves } = buildDirectories(entries);
  const meta = gzip(new TextEncoder().encode(JSON.stringify(metadata)));
  const tileData = concat(blobs);
  const minZoom = sorted.reduce((m, t) => Math.min(m, t.z), Infinity);
  const maxZoom = sorted.reduce((m, t) => Math.max(m, t.z), -Infinity);

  const rootOffset = HEADER_BYTES;
  const metaOffset = rootOffset + root.length;
  const leafOffset = metaOffset + meta.length;
  const dataOffset = leafOffset + leaves.length;

  const header = new Uint8Array(HEADER_BYTES);
  const view = new DataView(header.buffer);
  header.set(new TextEncoder().encode('PMTiles'), 0);
  header[7] = 3;
  const u64 = (at, v) => view.setBigUint64(at, BigInt(v), true);
  u64(8, rootOffset);
  u64(16, root.length);
  u64(24, metaOffset);
  u64(32, meta.length);
  u64(40, leafOffset);
  u64(48, leaves.length);
  u64(56, dataOffset);
  u64(64, tileData.length);
  u64(72, sorted.length); // addressed tiles: the sum of run lengths
  u64(80, entries.length); // tile entries
  u64(88, blobs.length); // distinct tile contents
  header[96] = 1; // clustered
  header[97] = COMPRESSION.gzip; // internal (directories, metadata)
  header[98] = COMPRESSION.gzip; // tiles
  header[99] = tileType;
  header[100] = minZoom;
  header[101] = maxZoom;
  view.setInt32(102, e7(bounds[0]), true);
  view.setInt32(106, e7(bounds[1]), true);
  view.setInt32(110, e7(bounds[2]), true);
  view.setInt32(114, e7(bounds[3]), true);
  header[118] = center[2];
  view.setInt32(119, e7(center[0]), true);
  view.setInt32(123, e7(center[1]), true);

  return concat([header, root, meta, leaves, tileData]);
}

function readVarint(bytes, at) {
  let value = 0;
  let scale = 1;
  for (;;) {
    const b = bytes[at.pos++];
    if (b === undefined) throw new Error('truncated varint');
    value += (b & 0x7f) * scale;
    if (b < 0x80) return value;
    scale *= 0x80;
  }
}

/** Inverse of serializeDirectory (after decompression). */
export function deserializeDirectory(bytes) {
  const at = { pos: 0 };
  const n = readVarint(bytes, at);
  const entries = Array.from({ length: n }, () => ({ tileId: 0, offset: 0, length: 0, runLength: 0 }));
  let lastId = 0;
  for (const e of entries) e.tileId = lastId += readVarint(bytes, at);
  for (const e of entries) e.runLength = readVarint(bytes, at);
  for (const e of entries) e.length = readVarint(bytes, at);
  entries.forEach((e, i) => {
    const v = readVarint(bytes, at);
    const prev = entries[i - 1];
    e.offset = v === 0 && prev ? prev.offset + prev.length : v - 1;
  });
  return entries;
}

/**
 * What an archive holds, independent of how its blobs were compressed and laid out: the header's
 * descriptive fields, the metadata, and every addressed tile's decompressed bytes by TileId.
 * Used to compare a rebuild with the committed archive when another zlib build compresses
 * differently. Reads gzip-compressed archives only (what writePmtiles writes).
 */
export function archiveContent(archive) {
  const bytes = archive instanceof Uint8Array ? archive : new Uint8Array(archive);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = new TextDecoder().decode(bytes.subarray(0, 7));
  if (magic !== 'PMTiles' || bytes[7] !== 3) throw new Error('not a PMTiles v3 archive');
  const u64 = (at) => Number(view.getBigUint64(at, true));
  if (bytes[97] !== COMPRESSION.gzip || bytes[98] !== COMPRESSION.gzip) throw new Error('only gzip archives are read here');
  const slice = (offset, length) => bytes.subarray(offset, offset + length);
  const header = {
    numAddressedTiles: u64(72),
    numTileEntries: u64(80),
    numTileContents: u64(88),
    clustered: bytes[96] === 1,
    internalCompression: bytes[97],
    tileCompression: bytes[98],
    tileType: bytes[99],
    minZoom: bytes[100],
    maxZoom: bytes[101],
    bounds: [102, 106, 110, 114].map((at) => view.getInt32(at, true)),
    center: [bytes[118], view.getInt32(119, true), view.getInt32(123, true)],
  };
  const metadata = JSON.parse(new TextDecoder().decode(gunzipSync(slice(u64(24), u64(32)))));
  const leafStart = u64(40);
  const dataStart = u64(56);
  const tiles = new Map();
  const visit = (dirBytes) => {
    for (const e of deserializeDirectory(new Uint8Array(gunzipSync(dirBytes)))) {
      if (e.runLength === 0) {
        visit(slice(leafStart + e.offset, e.length));
        continue;
      }
      const data = new Uint8Array(gunzipSync(slice(dataStart + e.offset, e.length)));
      for (let i = 0; i < e.runLength; i++) tiles.set(e.tileId + i, data);
    }
  };
  visit(slice(u64(8), u64(16)));
  return { header, metadata, tiles };
}

/** True when two archives hold the same tiles, metadata and header fields (layout and gzip bytes aside). */
export function sameArchiveContent(a, b) {
  const x = archiveContent(a);
  const y = archiveContent(b);
  if (JSON.stringify(x.header) !== JSON.stringify(y.header)) return false;
  if (JSON.stringify(x.metadata) !== JSON.stringify(y.metadata)) return false;
  if (x.tiles.size !== y.tiles.size) return false;
  for (const [id, data] of x.tiles) {
    const other = y.tiles.get(id);
    if (!other || Buffer.compare(Buffer.from(data), Buffer.from(other)) !== 0) return false;
  }
  return true;
}
