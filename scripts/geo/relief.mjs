// The relief under the map (geo/relief.png): a soft hillshade of the region as one small image,
// drawn by MapLibre as an image source under every line and name.
//
// Source: Debian marble-qt-data, usr/share/marble/data/maps/earth/srtm/3/000002/000002_000012.jpg,
// an SRTM30-derived relief tile of 90–112.5°E × 22.5–45°N, 675 × 675 pixels (2′, about 3.5 km),
// 8-bit grey rising with height (LGPL-2.1+; SRTM itself is public domain). `apt-get install -y
// marble-qt-data` (a data package with no dependencies).
//
// Method (all here, deterministic): decode the JPEG with jpeg-js (pure JavaScript, so the same
// numbers on every machine), blur it slightly (the JPEG's 8 × 8 blocks would otherwise shade as a
// grid on the flat basin), shade it from the north-west, resample it onto Web Mercator rows (MapLibre
// stretches an image linearly between its corners in Mercator space), and keep only the shading:
// shadows as a warm dark ink and sunlit slopes as white, each with an alpha, the flat ground fully
// transparent. A palette PNG of a few levels keeps it small (it is part of the opening view).
import { existsSync, readFileSync } from 'node:fs';
import { deflateSync, crc32 } from 'node:zlib';
import jpeg from 'jpeg-js';

export const RELIEF_TILE = '/usr/share/marble/data/maps/earth/srtm/3/000002/000002_000012.jpg';
const INSTALL_HINT = 'apt-get install -y marble-qt-data';
/** The tile's extent and size (Marble's level-3 SRTM tile 2/12). */
const TILE = { west: 90, north: 45, degrees: 22.5, size: 675 };

/** The image's extent: Sichuan east of 97°E, all of Chongqing, and a margin the view can pan into. */
export const RELIEF_BOUNDS = { west: 97, south: 25.5, east: 112.5, north: 35 };
/** Output pixels per degree of longitude: the source's own 2′. */
const PER_DEGREE = 24;
/**
 * Vertical exaggeration of the grey levels (one level is roughly 60–90 m of height): enough for the
 * low parallel ridges east of the basin (a few hundred metres above it) to cast a shade.
 */
const Z_FACTOR = 6;
/** Shading within this of flat ground is left out: the basin floor stays clean (and compresses). */
const DEAD_ZONE = 0.05;
/** Levels of shadow and of light in the palette, and their strongest alpha (0–255). */
const LEVELS = { dark: 6, light: 3, darkAlpha: 140, lightAlpha: 80 };
const INK = [84, 74, 60];
/** Degrees over which the shading fades out at the image's edges, so it has no visible border. */
const FADE = 1.2;

function readTile(path = RELIEF_TILE) {
  if (!existsSync(path)) throw new Error(`relief: ${path} not found. Install the relief tile: ${INSTALL_HINT}`);
  const img = jpeg.decode(readFileSync(path), { useTArray: true });
  if (img.width !== TILE.size || img.height !== TILE.size) throw new Error(`relief: expected a ${TILE.size}² tile, got ${img.width}×${img.height}`);
  const grey = new Float32Array(img.width * img.height);
  for (let i = 0; i < grey.length; i++) grey[i] = img.data[i * 4];
  return grey;
}

/** A separable Gaussian blur (sigma in pixels) of an n × n grid. */
function blur(grid, n, sigma) {
  const r = Math.ceil(sigma * 3);
  const k = Array.from({ length: 2 * r + 1 }, (_, i) => Math.exp(-((i - r) ** 2) / (2 * sigma * sigma)));
  const sum = k.reduce((a, b) => a + b, 0);
  const pass = (src, horizontal) => {
    const out = new Float32Array(src.length);
    for (let y = 0; y < n; y++) {
      for (let x = 0; x < n; x++) {
        let v = 0;
        for (let i = -r; i <= r; i++) {
          const xx = horizontal ? Math.min(n - 1, Math.max(0, x + i)) : x;
          const yy = horizontal ? y : Math.min(n - 1, Math.max(0, y + i));
          v += src[yy * n + xx] * k[i + r];
        }
        out[y * n + x] = v / sum;
      }
    }
    return out;
  };
  return pass(pass(grid, true), false);
}

/** Hillshade (0–1) of the tile's grid, light from the north-west at 45°, minus the flat ground's. */
function shade(grid, n) {
  const out = new Float32Array(grid.length);
  const az = (315 * Math.PI) / 180;
  const alt = Math.PI / 4;
  const light = [Math.cos(alt) * Math.sin(az), Math.cos(alt) * Math.cos(az), Math.sin(alt)]; // east, north, up
  const cell = (TILE.degrees / n) * 111320; // metres per pixel north–south
  const metresPerLevel = 75;
  for (let y = 1; y < n - 1; y++) {
    const lat = TILE.north - ((y + 0.5) * TILE.degrees) / n;
    const cellX = cell * Math.cos((lat * Math.PI) / 180);
    for (let x = 1; x < n - 1; x++) {
      const g = (dx, dy) => grid[(y + dy) * n + x + dx] * metresPerLevel * Z_FACTOR;
      const dzdx = (g(1, 0) - g(-1, 0)) / (2 * cellX); // rising eastwards
      const dzdy = (g(0, -1) - g(0, 1)) / (2 * cell); // rising northwards (row y - 1 is north)
      // The surface normal (-dz/dx, -dz/dy, 1), normalised, against the light's direction.
      const norm = Math.hypot(dzdx, dzdy, 1);
      const s = (-dzdx * light[0] - dzdy * light[1] + light[2]) / norm;
      out[y * n + x] = s - Math.sin(alt);
    }
  }
  return out;
}

const mercY = (lat) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
const latOf = (y) => (Math.atan(Math.exp(y)) * 360) / Math.PI - 90;

/** The shading resampled on Mercator rows over RELIEF_BOUNDS: { width, height, value(x, y) }. */
function resample(shaded, n) {
  const { west, south, east, north } = RELIEF_BOUNDS;
  const width = Math.round((east - west) * PER_DEGREE);
  const perRadian = width / (((east - west) * Math.PI) / 180);
  const height = Math.round((mercY(north) - mercY(south)) * perRadian);
  const values = new Float32Array(width * height);
  for (let row = 0; row < height; row++) {
    const lat = latOf(mercY(north) - ((row + 0.5) / height) * (mercY(north) - mercY(south)));
    const sy = ((TILE.north - lat) / TILE.degrees) * n - 0.5;
    for (let col = 0; col < width; col++) {
      const lon = west + ((col + 0.5) / width) * (east - west);
      const sx = ((lon - TILE.west) / TILE.degrees) * n - 0.5;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const [fx, fy] = [sx - x0, sy - y0];
      const at = (x, y) => shaded[Math.min(n - 1, Math.max(0, y)) * n + Math.min(n - 1, Math.max(0, x))];
      const v = at(x0, y0) * (1 - fx) * (1 - fy) + at(x0 + 1, y0) * fx * (1 - fy) + at(x0, y0 + 1) * (1 - fx) * fy + at(x0 + 1, y0 + 1) * fx * fy;
      const edge = Math.min(lon - west, east - lon, lat - south, north - lat) / FADE;
      values[row * width + col] = v * Math.min(1, Math.max(0, edge));
    }
  }
  return { width, height, values };
}

/** Palette index of a shading value: 0 flat (transparent), then the shadow levels, then the light ones. */
function level(v) {
  if (Math.abs(v) < DEAD_ZONE) return 0;
  if (v < 0) return 1 + Math.min(LEVELS.dark - 1, Math.floor(((-v - DEAD_ZONE) / 0.45) * LEVELS.dark));
  return 1 + LEVELS.dark + Math.min(LEVELS.light - 1, Math.floor(((v - DEAD_ZONE) / 0.3) * LEVELS.light));
}

function palette() {
  const entries = [[0, 0, 0, 0]];
  for (let i = 1; i <= LEVELS.dark; i++) entries.push([...INK, Math.round((LEVELS.darkAlpha * i) / LEVELS.dark)]);
  for (let i = 1; i <= LEVELS.light; i++) entries.push([255, 255, 255, Math.round((LEVELS.lightAlpha * i) / LEVELS.light)]);
  return entries;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit indexed PNG with transparency (pngjs writes no palettes; the format is short to write). */
export function encodeIndexedPng(width, height, indices, entries) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 3, 0, 0, 0], 8); // depth 8, colour type 3 (palette), deflate, no filter method, no interlace
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) raw.set(indices.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('PLTE', Buffer.from(entries.flatMap(([r, g, b]) => [r, g, b]))),
    chunk('tRNS', Buffer.from(entries.map(([, , , a]) => a))),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** geo/relief.png and what the map and the tests need to know of it. */
export function buildRelief(path = RELIEF_TILE) {
  const n = TILE.size;
  const grey = blur(readTile(path), n, 1.4);
  const { width, height, values } = resample(shade(grey, n), n);
  const indices = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) indices[i] = level(values[i]);
  return { png: encodeIndexedPng(width, height, indices, palette()), width, height, bounds: RELIEF_BOUNDS };
}
