// The southern Chengdu smart-transit circle (成都南部区域智慧交通畅行圈): the seven county areas,
// Tianfu New Area as a point, candidate rail hubs, and the article's 13 bus lines drawn schematically
// in its three groups. What the article states is kept beside what the geometry measures.
import * as turf from '@turf/turf';
import { feature, SOURCES } from './lib.mjs';
import { place, placeProperties, shortName } from './gazetteer.mjs';

/** Figures exactly as the article states them. */
export const TRANSIT_ARTICLE_FIGURES = {
  areas: 8,
  area_km2: 6236,
  population: 5140000,
  rail_hubs: 9,
  buses_min: 140, // 140余台: "more than 140"
  lines: 13,
  new_lines: 4,
  new_buses: 39,
};

/**
 * The article's three groups of lines. Line counts, buses and riders are the article's;
 * the ends of each line are NOT published, so `ends` is an assumption made for drawing and is labelled so.
 */
export const BUS_GROUPS = [
  {
    group: 'feeder',
    name_zh: '郊区新城接驳线(蒲江、邛崃、大邑、崇州)',
    name_en: 'Feeder lines from Pujiang, Qionglai, Dayi and Chongzhou to metro stations',
    quote: '依托地铁站点,开行接驳蒲江、邛崃、大邑、崇州公交线路6条,车辆61台',
    lines: 6,
    buses: 61,
    // One line per county, the two remaining to the two counties farthest from a metro station.
    ends: [
      ['pujiang-county', 'nearest-hub'],
      ['pujiang-county', 'nearest-hub'],
      ['qionglai-city', 'nearest-hub'],
      ['qionglai-city', 'nearest-hub'],
      ['dayi-county', 'nearest-hub'],
      ['chongzhou-city', 'nearest-hub'],
    ],
    assumption:
      'Termini and the split of the 6 lines among the four counties are not published: each county is drawn to its nearest candidate metro station, and the two extra lines to Pujiang and Qionglai, the counties farthest from one.',
    item: 'bus-feeder',
    note_zh:
      '示意线路,不是实际线路:文中说,将开行接驳蒲江、邛崃、大邑、崇州的公交线路6条,车辆61台,依托地铁站点。文中没有给出线路和起讫点,本图所查资料中也未找到;图上从县城画到最近的候选站点。',
    note_en:
      'An illustrative route, not a real one: the article says 6 feeder bus lines with 61 buses will run from metro stations to Pujiang, Qionglai, Dayi and Chongzhou. The article gives no routes or termini, and none were found in the sources consulted for this map; each is drawn from the county town to the nearest candidate hub.',
  },
  {
    group: 'xinjin-central',
    name_zh: '新津对接成都中心城区、城市新区线路',
    name_en: 'Xinjin lines to central Chengdu and the new urban areas',
    quote: '在对接成都中心城区、城市新区方面,新津将开行公交线路5条,车辆52台',
    lines: 5,
    buses: 52,
    ends: [
      ['xinjin-district', 'chengdu-city-centre'],
      ['xinjin-district', 'chengdu-city-centre'],
      ['xinjin-district', 'sichuan-tianfu-new-area'],
      ['xinjin-district', 'sichuan-tianfu-new-area'],
      ['xinjin-district', 'shuangliu-district'],
    ],
    assumption:
      'Termini are not published: drawn from Xinjin towards central Chengdu (Tianfu Square), Tianfu New Area and Shuangliu as a sketch of the article\'s "central city and new districts".',
    item: 'bus-xinjin-central',
    note_zh:
      '示意线路,不是实际线路:文中说,新津将开行对接成都中心城区、城市新区的公交线路5条,车辆52台。文中没有给出线路和起讫点,本图所查资料中也未找到;图上从新津画向天府广场、四川天府新区和双流。',
    note_en:
      'An illustrative route, not a real one: the article says Xinjin will run 5 bus lines with 52 buses to central Chengdu and the new urban areas. The article gives no routes or termini, and none were found in the sources consulted for this map; they are drawn from Xinjin toward Tianfu Square, Sichuan Tianfu New Area and Shuangliu.',
  },
  {
    group: 'xinjin-pengshan',
    name_zh: '新津接驳眉山市彭山区线路',
    name_en: 'Xinjin lines to Pengshan (Meishan)',
    quote: '新津将开行接驳眉山市彭山区的公交线路2条、车辆26台,日均客流4000人次',
    lines: 2,
    buses: 26,
    riders_per_day: 4000,
    ends: [
      ['xinjin-district', 'pengshan-district'],
      ['xinjin-district', 'pengshan-district'],
    ],
    assumption: 'Termini are not published: drawn between the two district seats.',
    item: 'bus-xinjin-pengshan',
    note_zh:
      '示意线路,不是实际线路:文中说,新津将开行接驳眉山市彭山区的公交线路2条,车辆26台,日均客流4000人次。文中没有给出线路和起讫点,本图所查资料中也未找到;图上画在两区政府驻地之间。',
    note_en:
      'An illustrative route, not a real one: the article says Xinjin will run 2 bus lines with 26 buses to Pengshan District of Meishan, carrying an average of 4,000 passenger trips a day. The article gives no routes or termini, and none were found in the sources consulted for this map; they are drawn between the seats of the two districts.',
  },
];

/** The status words that lead the names of what this map reconstructs (see docs/editorial.md). */
export const ILLUSTRATIVE = { zh: '示意线路', en: 'Illustrative route' };
export const CANDIDATE = { zh: '候选站点', en: 'Candidate hub' };

/** Lines other than 10 that serve a candidate station (source: the gazetteer's station list). */
const HUB_LINES = { 'shuangliu-west-station': ['3', '10'] };

/** Chengdu Metro Line 10's southern stations, the only metro line reaching Xinjin: the candidates for the article's 9 hubs. */
export const CANDIDATE_HUBS = [
  'shuangliu-west-station',
  'yingtiansi-station',
  'huangshui-station',
  'huayuan-station',
  'xinjin-station',
  'huaqiao-station',
  'wujin-station',
  'rulin-road-station',
  'liujianian-station',
  'xinping-station',
];

const DISTRICT_ORDER = ['xinjin', 'shuangliu', 'qionglai', 'chongzhou', 'dayi', 'pujiang', 'pengshan'];

function nearestHub(from) {
  let best = null;
  for (const id of CANDIDATE_HUBS) {
    const d = turf.distance(from, place(id).geometry.coordinates);
    if (!best || d < best.d) best = { id, d };
  }
  return best.id;
}

/** Short names for line ends where the gazetteer's short name would mislead (the point is Tianfu Square, not all of Chengdu). */
const END_LABELS = {
  'chengdu-city-centre': ['天府广场', 'Tianfu Square'],
  'pengshan-district': ['彭山区', 'Pengshan District'],
};

/** Lines sharing both ends are drawn side by side (offset ~0.7 km apart) so each of the 13 stays visible. */
function busLines() {
  const out = [];
  for (const g of BUS_GROUPS) {
    const resolved = g.ends.map(([from, to]) => [from, to === 'nearest-hub' ? nearestHub(place(from).geometry.coordinates) : to]);
    const siblings = new Map();
    for (const [from, to] of resolved) siblings.set(`${from}>${to}`, (siblings.get(`${from}>${to}`) ?? 0) + 1);
    const seen = new Map();
    resolved.forEach(([from, to], i) => {
      const key = `${from}>${to}`;
      const n = siblings.get(key);
      const k = seen.get(key) ?? 0;
      seen.set(key, k + 1);
      let line = turf.lineString([place(from).geometry.coordinates, place(to).geometry.coordinates]);
      if (n > 1) line = turf.lineOffset(line, (k - (n - 1) / 2) * 0.7, { units: 'kilometers' });
      const fromName = shortName(place(from).properties.name_zh);
      const toName = shortName(place(to).properties.name_zh);
      const [fromZh, fromEn] = END_LABELS[from] ?? [fromName, shortName(place(from).properties.name_en)];
      const [toZh, toEn] = END_LABELS[to] ?? [toName, shortName(place(to).properties.name_en)];
      out.push(
        feature(
          {
            id: `bus-${g.group}-${i + 1}`,
            name_zh: `${g.name_zh} 示意线 ${i + 1}:${fromName}—${toName}`,
            name_en: `${g.name_en}, illustrative line ${i + 1}`,
            // The route is this map's guess: its status leads the name every view shows first.
            label_zh: `${ILLUSTRATIVE.zh}:${fromZh}—${toZh}`,
            label_en: `${ILLUSTRATIVE.en}: ${fromEn} – ${toEn}`,
            kind: 'bus-line',
            item: g.item,
            line_index: i,
            line_count: g.ends.length,
            geometry_quality: 'schematic',
            source: `${SOURCES.article.source}; ends from the cited gazetteer points`,
            source_key: 'article',
            licence: SOURCES.article.licence,
            group: g.group,
            group_name_zh: g.name_zh,
            group_name_en: g.name_en,
            group_quote: g.quote,
            group_lines: g.lines,
            group_buses: g.buses,
            buses_average: Math.round((g.buses / g.lines) * 10) / 10,
            riders_per_day_group: g.riders_per_day,
            from_zh: fromName,
            to_zh: toName,
            to_hub_id: CANDIDATE_HUBS.includes(to) ? to : undefined,
            note_zh: g.note_zh,
            note_en: g.note_en,
            datum_note: `${g.assumption} Width shows the group's average buses per line (${g.buses} buses / ${g.lines} lines); buses per line are not published.`,
          },
          line.geometry,
        ),
      );
    });
  }
  return out;
}

/**
 * @param {import('geojson').Feature[]} transitDistricts the seven county polygons (boundaries.mjs)
 * @returns {{ features: import('geojson').Feature[], summary: object }}
 */
export function buildTransit(transitDistricts) {
  const districts = DISTRICT_ORDER.map((id) => {
    const f = transitDistricts.find((d) => d.properties.id === id);
    if (!f) throw new Error(`transit districts: no polygon with id "${id}"`);
    return f;
  });
  const union = turf.union(/** @type {any} */ (turf.featureCollection(districts)));
  const unionArea = Math.round(turf.area(union) / 1e6);

  const tianfu = place('sichuan-tianfu-new-area');
  const tianfuPoint = feature(
    placeProperties(
      tianfu,
      {
        id: 'tianfu-new-area',
        kind: 'development-zone',
        item: 'transit-districts',
        geometry_quality: 'stand-in',
        datum_note:
          `${placeProperties(tianfu).datum_note} A state-level development zone, not a county: it has no outline in the boundary data, so a point (its government affairs service centre) stands in. ` +
          "Its Chengdu part lies mostly inside Shuangliu, which is why the seven county outlines nearly cover the article's 6236 km² without it.",
      },
      {
        zh: '四川天府新区是国家级新区,不是县级行政区,所用边界数据中没有它的轮廓,图上以其政务服务中心的位置代表。它在成都的部分大多落在双流区的轮廓之内。',
        en: 'Sichuan Tianfu New Area is a state-level new area, not a county, and the boundary data has no outline for it: the point marks its government service center. Most of its Chengdu part lies inside the Shuangliu outline.',
      },
    ),
    tianfu.geometry,
  );

  const hubs = CANDIDATE_HUBS.map((id) => {
    const zh = shortName(place(id).properties.name_zh);
    const en = shortName(place(id).properties.name_en);
    const lines = HUB_LINES[id] ?? ['10'];
    const [linesZh, linesEn] =
      lines.length > 1
        ? [`地铁${lines.join('号线、')}号线车站`, `a station on Metro Lines ${lines.join(' and ')}`]
        : [`地铁${lines[0]}号线车站`, `a station on Metro Line ${lines[0]}`];
    return feature(
      placeProperties(
        place(id),
        {
          kind: 'rail-hub-candidate',
          item: 'transit-hubs',
          line: lines.join('/'),
          candidate: true,
          // Which nine stations the article means is this map's guess: the status is part of the name.
          label_zh: `${zh}(${CANDIDATE.zh})`,
          label_en: `${en} (${CANDIDATE.en.toLowerCase()})`,
        },
        {
          zh: `${zh},${linesZh}。文中说各地将围绕“9个轨道站点”投放公交,但没有说是哪9个,本图所查资料中也未找到名单。图上把地铁10号线南段双流西站至新平站的${CANDIDATE_HUBS.length}座车站标为候选站点,这是本图的推断。`,
          en: `${en}, ${linesEn}. The article says the buses will serve “9 rail stations” but does not say which, and the sources consulted for this map do not list them. The map marks the ${CANDIDATE_HUBS.length} stations of Metro Line 10’s southern section, Shuangliu West to Xinping, as candidate hubs: this map’s inference, not a published list.`,
        },
      ),
      place(id).geometry,
    );
  });

  const lines = busLines();
  const busSum = BUS_GROUPS.reduce((s, g) => s + g.buses, 0);
  const summary = {
    article: TRANSIT_ARTICLE_FIGURES,
    measured: {
      districts: districts.length,
      area_union_km2: unionArea,
      area_by_district_km2: Object.fromEntries(districts.map((d) => [d.properties.id, d.properties.area_km2])),
      lines_drawn: lines.length,
      lines_in_groups: BUS_GROUPS.reduce((s, g) => s + g.lines, 0),
      buses_in_groups: busSum,
      candidate_hubs: hubs.length,
    },
    notes: [
      `The article counts eight areas; seven are counties with outlines. Their union measures ${unionArea} km² against the stated 6236 km² (${(((unionArea - 6236) / 6236) * 100).toFixed(1)}%): Tianfu New Area has no outline, and the boundary data is quantised to ~100 m.`,
      `The three groups name ${busSum} buses; the article says "140余台" (more than 140) in all. The rest are not assigned to a group in the article.`,
      'The 9 rail hubs are not named in any source found; the 10 southern stations of Metro Line 10 are shown as candidates.',
    ],
  };
  return { features: [...districts, tianfuPoint, ...hubs, ...lines], summary };
}
