// Access to the cited gazetteer points (sources/gazetteer-places.geojson, compiled from public sources;
// each point keeps its own `source` and `datum_note`). Coordinates are facts carried over unchanged.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './lib.mjs';

const GAZETTEER_FILE = resolve(ROOT, 'scripts/geo/sources/gazetteer-places.geojson');
const gazetteer = JSON.parse(readFileSync(GAZETTEER_FILE, 'utf8'));
const byId = new Map(gazetteer.features.map((f) => [f.properties.id, f]));

/** A gazetteer point by id; throws naming the id when it is missing, so a typo fails the build. */
export function place(id) {
  const f = byId.get(id);
  if (!f) throw new Error(`scripts/geo/sources/gazetteer-places.geojson: no place with id "${id}"`);
  return f;
}

export function allPlaces() {
  return gazetteer.features;
}

/** The licence that goes with a gazetteer point's source. */
export function licenceFor(source) {
  if (source.startsWith('GeoNames')) return 'CC-BY-4.0';
  if (/wikipedia|wikimili|friendlywiki|lescigales|perceptiopl|abcdef\.wiki/i.test(source)) return 'CC-BY-SA-4.0 (Wikipedia coordinates)';
  if (source.includes('metromancn')) return 'coordinates as cited facts';
  return 'coordinates as cited facts';
}

/** The kind of source behind a gazetteer point (see SOURCE_KEYS in scripts/validate-geo.mjs). */
export function sourceKeyFor(source) {
  if (source.startsWith('Derived')) return 'derived'; // computed here from cited text (it may cite Wikipedia too)
  if (source.startsWith('GeoNames')) return 'geonames';
  if (source.includes('metromancn')) return 'metroman';
  if (/wikipedia|wikimili|friendlywiki|lescigales|perceptiopl|abcdef\.wiki/i.test(source)) return 'wikipedia';
  return 'cited-web';
}

/** `low` confidence marks a proxy point standing in for a site whose exact place is unknown. */
export function qualityFor(confidence) {
  return confidence === 'low' ? 'stand-in' : 'surveyed';
}

/**
 * The short form for a map label: the name before any qualifier.
 * "资阳北站(轨道交通资阳线)" → "资阳北站"; "Three Gorges (north-east Chongqing), west entrance" →
 * "Three Gorges"; "Jinyang County seat, Liangshan (…)" → "Jinyang County seat".
 */
export function shortName(name) {
  return name.split(/\s*[(（]|,\s|\s\/\s/)[0].trim() || name;
}

/**
 * The properties a gazetteer point carries into geo/, renamed to the project contract. The
 * compiler's own remarks (`note` in the gazetteer: sources, addresses) join the technical
 * `datum_note`; what readers see is `note_zh` / `note_en`, which the caller writes.
 * @param {{zh: string, en: string} | undefined} reader the reader's note in both languages
 */
export function placeProperties(f, overrides = {}, reader = undefined) {
  const p = f.properties;
  return {
    id: p.id,
    name_zh: p.name_zh,
    name_en: p.name_en,
    // Short forms for map labels: the parenthetical qualifiers stay in the panel.
    label_zh: shortName(p.name_zh),
    label_en: shortName(p.name_en),
    kind: p.kind,
    geometry_quality: qualityFor(p.confidence),
    confidence: p.confidence,
    source: p.source,
    source_key: sourceKeyFor(p.source),
    licence: licenceFor(p.source),
    datum_note: p.note ? `${p.datum_note} Compiler's note: ${p.note}` : p.datum_note,
    note_zh: reader?.zh,
    note_en: reader?.en,
    ...overrides,
  };
}
