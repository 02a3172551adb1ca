// Checks the committed geo/rivers.geojson and geo/hydrography.geojson (written by
// scripts/geo/rivers.mjs from GSHHG/WDBII). Reads the files only: no gmt needed.
// The checkpoint table (cities each river must pass, GeoNames coordinates) is copied here on purpose rather than imported
// from the script, so that the test does not share the script's mistakes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { along, bbox, distance, length, lineIntersect, lineSliceAlong, nearestPointOnLine, point, pointToLineDistance } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, LineString, Point, Position } from 'geojson';
import { RIVER_NAMES } from '../../scripts/geo/river-names.mjs';

type Props = Record<string, unknown>;

function load(name: string): FeatureCollection<Geometry, Props> {
  return JSON.parse(readFileSync(new URL(`../../geo/${name}`, import.meta.url), 'utf8')) as FeatureCollection<Geometry, Props>;
}

const rivers = load('rivers.geojson');
const hydrography = load('hydrography.geojson');
const byId = new Map(rivers.features.map((f) => [String(f.properties['id']), f]));

const REGION = { west: 101.5, east: 110.5, south: 26, north: 33.5 };
const LIMIT_KM = 5;

type Place = readonly [name: string, lon: number, lat: number];
interface Corridor {
  id: string;
  name_zh: string;
  /** Cities the river must pass, upstream to downstream. */
  pass: Place[];
  /** Where its last vertex must be (absent for the Yangtze, which leaves the map). */
  mouth?: Place;
  /** In-region length of the drawn line: more than `min`, less than the whole river's length. */
  min: number;
  max: number;
}

const CORRIDORS: Corridor[] = [
  {
    id: 'river-yangtze',
    name_zh: '长江',
    pass: [
      ['Yibin', 104.63, 28.77],
      ['Luzhou', 105.44, 28.87],
      ['Chongqing', 106.58, 29.57],
      ['Fuling', 107.39, 29.71],
      ['Wanzhou', 108.37, 30.82],
    ],
    min: 1200,
    max: 2500,
  },
  {
    id: 'river-jialing',
    name_zh: '嘉陵江',
    pass: [
      ['Guangyuan', 105.84, 32.44],
      ['Nanchong', 106.08, 30.8],
      ['Hechuan', 106.26, 29.99],
    ],
    mouth: ['Chaotianmen', 106.58, 29.57],
    min: 500,
    max: 1120,
  },
  {
    id: 'river-wu',
    name_zh: '乌江',
    pass: [
      ['Pengshui', 108.17, 29.29],
      ['Wulong', 107.76, 29.32],
    ],
    mouth: ['Fuling', 107.39, 29.71],
    min: 400,
    max: 1040,
  },
  {
    id: 'river-min',
    name_zh: '岷江',
    pass: [
      ['Dujiangyan', 103.62, 31.0],
      ['Xinjin', 103.81, 30.41],
      ['Pengshan', 103.87, 30.19],
      ['Leshan', 103.76, 29.56],
    ],
    mouth: ['Yibin', 104.63, 28.77],
    min: 400,
    max: 740,
  },
  {
    id: 'river-tuo',
    name_zh: '沱江',
    pass: [
      ['Jintang', 104.41, 30.86],
      ['Jianyang', 104.55, 30.39],
      ['Ziyang', 104.65, 30.12],
      ['Neijiang', 105.06, 29.58],
    ],
    mouth: ['Luzhou', 105.44, 28.87],
    min: 250,
    max: 712,
  },
  {
    id: 'river-fu',
    name_zh: '涪江',
    pass: [
      ['Mianyang', 104.74, 31.47],
      ['Suining', 105.59, 30.53],
    ],
    mouth: ['Hechuan', 106.26, 29.99],
    min: 350,
    max: 700,
  },
];

const SMALL = ['river-qiong', 'river-laixi', 'river-tongbo'];

/**
 * Where each tributary meets its main river, as published: the mouth coordinates of the rivers'
 * Wikipedia infoboxes where they give one, else the GeoNames town at the confluence (looser).
 * The Min meets the Jinsha at 合江门, the east tip of Yibin's old town.
 */
const CONFLUENCES: { trib: string; main: string; at: string; mouth: [number, number]; within: number }[] = [
  // ru.wikipedia.org "Миньцзян (приток Янцзы)", mouth 28°46′14″N 104°37′56″E
  { trib: 'river-min', main: 'river-yangtze', at: 'Yibin (合江门)', mouth: [104.63222, 28.77056], within: 1.5 },
  // ru.wikipedia.org "Тоцзян", mouth 28°54′13″N 105°26′51″E
  { trib: 'river-tuo', main: 'river-yangtze', at: 'Luzhou', mouth: [105.4475, 28.90361], within: 1.5 },
  // en.wikipedia.org "Jialing River", 29°34′16″N 106°34′52″E (Chaotianmen)
  { trib: 'river-jialing', main: 'river-yangtze', at: 'Chaotianmen', mouth: [106.581, 29.5711], within: 1.5 },
  // GeoNames "Fuling" (no published mouth coordinate found)
  { trib: 'river-wu', main: 'river-yangtze', at: 'Fuling', mouth: [107.39391, 29.70997], within: 2.5 },
  // GeoNames "Hechuan" (no published mouth coordinate found)
  { trib: 'river-fu', main: 'river-jialing', at: 'Hechuan', mouth: [106.26461, 29.99228], within: 2.5 },
];

function lineOf(id: string): Feature<LineString, Props> {
  const f = byId.get(id);
  if (!f) throw new Error(`${id} is missing from geo/rivers.geojson`);
  if (f.geometry.type !== 'LineString') throw new Error(`${id} is a ${f.geometry.type}, expected LineString`);
  return f as Feature<LineString, Props>;
}

const first = (cs: Position[]): Position => cs[0] as Position;
const last = (cs: Position[]): Position => cs[cs.length - 1] as Position;

describe('geo/rivers.geojson', () => {
  it('has exactly the nine rivers, each once', () => {
    const ids = rivers.features.map((f) => f.properties['id']);
    expect([...ids].sort()).toEqual([...CORRIDORS.map((c) => c.id), ...SMALL].sort());
  });

  it('gives every feature its names, kind, provenance and quality', () => {
    for (const f of rivers.features) {
      const p = f.properties;
      for (const key of ['name_zh', 'name_en', 'source', 'licence', 'geometry_quality', 'mouth_zh', 'mouth_en', 'note_zh', 'note_en', 'datum_note']) {
        expect(typeof p[key] === 'string' && (p[key] as string).trim().length > 0, `${String(p['id'])}.${key}`).toBe(true);
      }
      expect(p['kind']).toBe('river');
      expect(typeof p['corridor']).toBe('boolean');
    }
  });

  describe.each(CORRIDORS)('$id ($name_zh)', (c) => {
    const f = lineOf(c.id);
    const coords = f.geometry.coordinates;

    it('is a surveyed WDBII line, flagged as a corridor', () => {
      expect(f.properties['name_zh']).toBe(c.name_zh);
      expect(f.properties['corridor']).toBe(true);
      expect(f.properties['geometry_quality']).toBe('surveyed');
      expect(String(f.properties['source'])).toMatch(/WDBII/);
      expect(f.properties['licence']).toBe('LGPL-3.0-or-later');
      expect(coords.length).toBeGreaterThan(100);
    });

    it.each(c.pass)(`passes %s within ${LIMIT_KM} km`, (_name, lon, lat) => {
      const km = pointToLineDistance(point([lon, lat]), f, { units: 'kilometers' });
      expect(km).toBeLessThanOrEqual(LIMIT_KM);
    });

    it('passes its cities in order, upstream to downstream', () => {
      const along = c.pass.map(([, lon, lat]) => nearestPointOnLine(f, point([lon, lat]), { units: 'kilometers' }).properties.location);
      const sorted = [...along].sort((a, b) => a - b);
      expect(along).toEqual(sorted);
    });

    it('ends at its mouth', () => {
      const end = last(coords);
      if (c.mouth) {
        const [, lon, lat] = c.mouth;
        expect(distance(point(end), point([lon, lat]), { units: 'kilometers' })).toBeLessThanOrEqual(LIMIT_KM);
        // and starts far from it: the line runs towards the mouth, not away from it
        expect(distance(point(first(coords)), point([lon, lat]), { units: 'kilometers' })).toBeGreaterThan(100);
      } else {
        // The Yangtze leaves the map at its east edge, east of Wushan, and enters it at the west edge (Jinsha).
        expect(end[0]).toBeCloseTo(REGION.east, 6);
        expect(end[0]).toBeGreaterThan(109.88);
        expect(first(coords)[0]).toBeCloseTo(REGION.west, 6);
      }
    });

    it('has a plausible length, as drawn', () => {
      const km = length(f, { units: 'kilometers' });
      expect(f.properties['length_km']).toBeCloseTo(km, 0);
      expect(km).toBeGreaterThan(c.min);
      expect(km).toBeLessThan(c.max);
    });

    it('stays within the map region (a few km of slack for WDBII wiggles at the edge)', () => {
      const slack = 0.05;
      for (const [lon, lat] of coords as [number, number][]) {
        expect(lon).toBeGreaterThanOrEqual(REGION.west - slack);
        expect(lon).toBeLessThanOrEqual(REGION.east + slack);
        expect(lat).toBeGreaterThanOrEqual(REGION.south - slack);
        expect(lat).toBeLessThanOrEqual(REGION.north + slack);
      }
    });
  });

  it('joins each tributary to the river it flows into', () => {
    const into: [string, string][] = [
      ['river-jialing', 'river-yangtze'],
      ['river-wu', 'river-yangtze'],
      ['river-min', 'river-yangtze'],
      ['river-tuo', 'river-yangtze'],
      ['river-fu', 'river-jialing'],
    ];
    for (const [trib, main] of into) {
      const end = last(lineOf(trib).geometry.coordinates);
      expect(pointToLineDistance(point(end), lineOf(main), { units: 'kilometers' }), `${trib} → ${main}`).toBeLessThan(0.05);
    }
  });

  describe.each(CONFLUENCES)('the $trib → $main confluence at $at', (c) => {
    const trib = lineOf(c.trib);
    const main = lineOf(c.main);
    const end = last(trib.geometry.coordinates);
    const tribLength = length(trib, { units: 'kilometers' });
    const tribLastReach = lineSliceAlong(trib, Math.max(0, tribLength - 30), tribLength, { units: 'kilometers' });

    it('ends on the main river', () => {
      expect(pointToLineDistance(point(end), main, { units: 'kilometers' })).toBeLessThan(0.025);
    });

    it(`ends within ${c.within} km of where the rivers are published to meet`, () => {
      // WDBII is generalised: its confluences lie up to ~1.3 km from the published mouths.
      expect(distance(point(end), point(c.mouth), { units: 'kilometers' })).toBeLessThanOrEqual(c.within);
    });

    it('does not cross the main river before its mouth', () => {
      const crossings = lineIntersect(trib, main)
        .features.map((f) => distance(f, point(end), { units: 'kilometers' }))
        .filter((km) => km > 0.001);
      expect(crossings, `crossings at ${crossings.map((km) => `${km.toFixed(3)} km`).join(', ')} from the mouth`).toEqual([]);
    });

    it('shares no long stretch with the main river upstream of the confluence', () => {
      // Sample the main river every 20 m over the 10 km above the confluence; count what runs beside the tributary.
      const at = nearestPointOnLine(main, point(end), { units: 'kilometers' }).properties.location;
      const STEP = 0.02;
      let beside = 0;
      for (let d = Math.max(0, at - 10); d < at - STEP / 2; d += STEP) {
        const p = along(main, d, { units: 'kilometers' });
        if (pointToLineDistance(p, tribLastReach, { units: 'kilometers' }) <= 0.15) beside += STEP;
      }
      expect(beside, 'km of the main river within 150 m of the tributary').toBeLessThanOrEqual(1);
    });
  });

  describe.each(SMALL)('%s', (id) => {
    it('is drawn only if WDBII has it; otherwise a point stands in and says so', () => {
      const f = byId.get(id);
      expect(f).toBeDefined();
      const p = (f as Feature<Geometry, Props>).properties;
      expect(p['corridor']).toBe(false);
      if (p['geometry_quality'] === 'stand-in') {
        expect(f?.geometry.type).toBe('Point');
        expect(String(p['datum_note'])).toMatch(/not in WDBII/i);
        // and readers are told, in both languages
        expect(String(p['note_en'])).toMatch(/does not include it/);
        expect(String(p['note_en'])).toMatch(/no course is drawn/);
        expect(String(p['note_zh'])).toMatch(/不画河道/);
        expect(String(p['source'])).toMatch(/GeoNames/);
        expect(p['licence']).toBe('CC-BY-4.0');
        const [lon, lat] = (f?.geometry as Point).coordinates as [number, number];
        expect(lon > REGION.west && lon < REGION.east && lat > REGION.south && lat < REGION.north).toBe(true);
      } else {
        expect(p['geometry_quality']).toBe('surveyed');
        expect(f?.geometry.type).toBe('LineString');
      }
    });
  });

  it('puts the Qiong stand-in at its mouth on the Fu (Anju, Tongliang)', () => {
    const f = byId.get('river-qiong');
    if (f?.geometry.type !== 'Point') return; // a traced Qiong is checked above
    expect(pointToLineDistance(point(f.geometry.coordinates), lineOf('river-fu'), { units: 'kilometers' })).toBeLessThan(2);
  });
});

describe('geo/hydrography.geojson', () => {
  it('holds background streams with provenance, named only where Natural Earth names them', () => {
    expect(hydrography.features.length).toBeGreaterThan(20);
    const names = Object.values(RIVER_NAMES);
    hydrography.features.forEach((f, i) => {
      const p = f.properties;
      expect(p['id']).toBe(`stream-${String(i + 1).padStart(3, '0')}`);
      expect(p['kind']).toBe('stream');
      if (p['name_zh'] === '河流') expect(p['name_en']).toBe('river (unnamed in WDBII)');
      else {
        expect(names).toContainEqual({ zh: p['name_zh'], en: p['name_en'] });
        expect(String(p['source'])).toMatch(/name: Natural Earth 3\.0\.0/);
      }
      expect(p['geometry_quality']).toBe('surveyed');
      expect(String(p['source'])).toMatch(/WDBII/);
      expect(p['licence']).toBe('LGPL-3.0-or-later');
      expect(f.geometry.type).toBe('LineString');
    });
  });

  it('names 大渡河 (Natural Earth’s Dadu) below the plateau', () => {
    expect(hydrography.features.filter((f) => f.properties['name_zh'] === '大渡河').length).toBeGreaterThan(0);
  });

  it('does not redraw the named rivers', () => {
    const corridors = CORRIDORS.map((c) => ({ line: lineOf(c.id), box: bbox(lineOf(c.id)) }));
    for (const f of hydrography.features) {
      const line = f as Feature<LineString, Props>;
      const mid = along(line, length(line) / 2);
      const [x, y] = mid.geometry.coordinates as [number, number];
      for (const { line: r, box } of corridors) {
        if (x < box[0] - 0.01 || x > box[2] + 0.01 || y < box[1] - 0.01 || y > box[3] + 0.01) continue;
        const km = pointToLineDistance(mid, r, { units: 'kilometers' });
        expect(km, `${String(f.properties['id'])} lies on ${String(r.properties['id'])}`).toBeGreaterThan(0.05);
      }
    }
  });

  it('stays within the map region', () => {
    for (const f of hydrography.features) {
      for (const [lon, lat] of (f.geometry as LineString).coordinates as [number, number][]) {
        expect(lon >= REGION.west && lon <= REGION.east && lat >= REGION.south && lat <= REGION.north).toBe(true);
      }
    }
  });
});
