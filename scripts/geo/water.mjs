// Water beyond the six corridors: names for the background streams, and the one lake a reachable
// source has.
//
// - Names: Natural Earth 3.0.0 `ne_10m_rivers_lake_centerlines` (public domain), from Debian
//   libmagics++-data (`apt-get install -y libmagics++-data`), read with mapshaper. Natural Earth's
//   lines are coarse; WDBII's (hydrography.geojson) follow the rivers. A WDBII stream takes a Natural
//   Earth river's name when most of it lies within NAME_WITHIN_KM of that river. Natural Earth
//   gives English names only: the Chinese ones are in river-names.mjs.
// - Lakes: GSHHG 2.3.7 level 2 (lakes) through `gmt coast -W2 -M -A0/2/2` (the gmt and
//   gmt-gshhg-full packages the rivers already need). In the region it holds one lake, 长寿湖; its
//   outline comes in pieces, one per GSHHG bin, joined here end to end.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as turf from '@turf/turf';
import mapshaper from 'mapshaper';
import { feature } from './lib.mjs';
import { RIVER_NAMES } from './river-names.mjs';

export const NE_RIVERS = '/usr/share/magics/10m/ne_10m_rivers_lake_centerlines.shp';
const BOX = [101.5, 27.5, 110.5, 33.5];
const NAME_WITHIN_KM = 4;
/** The share of a stream's length that must lie that close. */
const NAME_SHARE = 0.7;
/** The lakes named, each by a point within its outline's bounding box (长寿湖: 29°59′N 107°17′E, Wikipedia). */
const LAKES = [{ id: 'lake-changshou', zh: '长寿湖', en: 'Changshou Lake', near: [107.283, 29.983] }];
const NE_SOURCE = 'Natural Earth 3.0.0 ne_10m_rivers_lake_centerlines (Debian libmagics++-data)';
const GSHHG = { source: 'GSHHG 2.3.7 level 2 (lakes), Wessel & Smith, Debian package gmt-gshhg-full', licence: 'LGPL-3.0-or-later' };

async function naturalEarthRivers() {
  if (!existsSync(NE_RIVERS)) throw new Error(`water: ${NE_RIVERS} not found. Install it: apt-get install -y libmagics++-data`);
  const out = await mapshaper.applyCommands(`-i ${NE_RIVERS} -clip bbox=${BOX.join(',')} -o format=geojson rivers.json`);
  return JSON.parse(String(out['rivers.json'])).features.filter((f) => RIVER_NAMES[f.properties.name]);
}

/**
 * The hydrography's streams, those that follow a named Natural Earth river named after it
 * (name_zh, name_en, `named_by` citing the source); the others unchanged.
 */
export async function nameStreams(streams) {
  const named = await naturalEarthRivers();
  return streams.map((s) => {
    const line = s.geometry.type === 'LineString' ? [s.geometry.coordinates] : s.geometry.coordinates;
    const samples = line.flatMap((part) => {
      const l = turf.lineString(part);
      const km = turf.length(l);
      const n = Math.max(2, Math.ceil(km / 2)); // a sample every 2 km or so
      return Array.from({ length: n }, (_, i) => turf.along(l, (km * i) / (n - 1)));
    });
    const match = named.find((r) => {
      const parts = r.geometry.type === 'LineString' ? [r.geometry.coordinates] : r.geometry.coordinates;
      const distance = (p) => Math.min(...parts.map((c) => turf.pointToLineDistance(p, turf.lineString(c))));
      const near = samples.filter((p) => distance(p) <= NAME_WITHIN_KM);
      return near.length / samples.length >= NAME_SHARE;
    });
    if (!match) return s;
    const n = RIVER_NAMES[match.properties.name];
    return feature(
      { ...s.properties, name_zh: n.zh, name_en: n.en, source: `${s.properties.source}; name: ${NE_SOURCE}, “${match.properties.name}”` },
      s.geometry,
      6,
    );
  });
}

/** GSHHG level-2 shorelines in the box: pieces of lines, one per bin. */
function lakePieces() {
  const text = execFileSync('gmt', ['coast', `-R${BOX[0]}/${BOX[2]}/${BOX[1]}/${BOX[3]}`, '-Df', '-W2', '-M', '-A0/2/2'], { encoding: 'utf8' });
  const pieces = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('>')) pieces.push([]);
    else if (line.trim()) pieces[pieces.length - 1].push(line.trim().split(/\s+/).map(Number));
  }
  return pieces.filter((p) => p.length > 1);
}

/** Join pieces that meet end to start into closed rings. */
function joinRings(pieces) {
  const key = (p) => `${p[0].toFixed(6)},${p[1].toFixed(6)}`;
  const left = [...pieces];
  const rings = [];
  while (left.length) {
    let ring = left.shift();
    for (let grown = true; grown && key(ring[0]) !== key(ring[ring.length - 1]);) {
      grown = false;
      const i = left.findIndex((p) => key(p[0]) === key(ring[ring.length - 1]) || key(p[p.length - 1]) === key(ring[ring.length - 1]));
      if (i >= 0) {
        const [p] = left.splice(i, 1);
        ring = [...ring, ...(key(p[0]) === key(ring[ring.length - 1]) ? p : [...p].reverse()).slice(1)];
        grown = true;
      }
    }
    if (key(ring[0]) === key(ring[ring.length - 1]) && ring.length >= 4) rings.push(ring);
  }
  return rings;
}

export function buildLakes() {
  const rings = joinRings(lakePieces());
  return LAKES.map((l) => {
    const ring = rings.find((r) => turf.booleanPointInPolygon(l.near, turf.bboxPolygon(turf.bbox(turf.lineString(r)))));
    if (!ring) throw new Error(`water: no GSHHG lake around ${l.zh}`);
    const polygon = /** @type {import('geojson').Feature<import('geojson').Polygon>} */ (turf.rewind(turf.polygon([ring]))).geometry;
    return feature(
      {
        id: l.id,
        name_zh: l.zh,
        name_en: l.en,
        kind: 'lake',
        geometry_quality: 'surveyed',
        ...GSHHG,
        source_key: 'wdbii',
        area_km2: Math.round(turf.area(polygon) / 1e6),
      },
      polygon,
      5,
    );
  });
}
