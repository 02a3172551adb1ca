// Validation of geo/ at the edge: the Vite build, the data scripts and the tests all call this,
// so a broken file fails everywhere with the same message naming the file, the feature and the problem.
//
// Two layers: @placemarkio/check-geojson enforces RFC 7946 structure (positions, rings, types),
// and a zod schema enforces this project's property contract.
import { check } from '@placemarkio/check-geojson';
import { z } from 'zod';

export const GEOMETRY_QUALITY = /** @type {const} */ (['surveyed', 'schematic', 'stand-in']);

/**
 * The kind of source behind a feature, so the interface can describe it in either language
 * (the full citation stays in `source`).
 */
export const SOURCE_KEYS = /** @type {const} */ (['wdbii', 'echarts', 'geonames', 'metroman', 'wikipedia', 'cited-web', 'article', 'derived']);

/** What reader-facing text must not contain: addresses, commit hashes, datum jargon. */
const NOT_FOR_READERS = [
  { re: /http/i, what: 'a URL' },
  { re: /\b[0-9a-f]{40}\b/i, what: 'a commit hash' },
  // 7–8 hex digits with at least one letter and one digit: an abbreviated commit hash.
  { re: /\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{7,8}\b/i, what: 'a commit-like hash' },
  { re: /GCJ/i, what: 'datum jargon (GCJ)' },
];

/** Why a piece of reader text is unfit, or null. @param {string} value */
export function readerTextProblem(value) {
  const hit = NOT_FOR_READERS.find((r) => r.re.test(value));
  return hit ? `is shown to readers and must not contain ${hit.what}` : null;
}

const readerText = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .superRefine((value, ctx) => {
    const problem = readerTextProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a kebab-case id (a-z, 0-9, single hyphens)');
const text = z.string().trim().min(1, 'must not be empty');

/** The properties every feature of geo/ carries, whatever its layer. Extra keys are allowed. */
export const featurePropertiesSchema = z
  .looseObject({
    id: kebabId,
    name_zh: text,
    name_en: text,
    kind: kebabId,
    source: text,
    licence: text,
    geometry_quality: z.enum(GEOMETRY_QUALITY),
    confidence: z.enum(['low', 'medium', 'high']).optional(),
    note: z.string().optional(),
    // Reader text, in both languages: short display names and a plain note.
    label_zh: readerText.optional(),
    label_en: readerText.optional(),
    note_zh: readerText.optional(),
    note_en: readerText.optional(),
    source_key: z.enum(SOURCE_KEYS).optional(),
    item: kebabId.optional(),
  })
  .refine((p) => (p.note_zh === undefined) === (p.note_en === undefined), {
    message: 'note_zh and note_en go together: give both or neither',
    path: ['note_zh'],
  });

export class GeoDataError extends Error {
  /**
   * @param {string} file  path as the user would type it, e.g. geo/rivers.geojson
   * @param {string | null} featureId
   * @param {string} problem
   */
  constructor(file, featureId, problem) {
    super(`${file}: ${featureId ? `feature "${featureId}"` : 'file'}: ${problem}`);
    this.name = 'GeoDataError';
    this.file = file;
    this.featureId = featureId;
    this.problem = problem;
  }
}

const MAX_DECIMALS = 6;

/** @param {unknown} coords @param {(p: number[]) => void} visit */
function eachPosition(coords, visit) {
  if (Array.isArray(coords) && typeof coords[0] === 'number') visit(/** @type {number[]} */ (coords));
  else if (Array.isArray(coords)) for (const c of coords) eachPosition(c, visit);
}

/** @param {number} n */
function decimals(n) {
  const s = String(n);
  if (s.includes('e')) return Infinity;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/**
 * The id of the feature whose text spans `offset`, for messages about structural errors.
 * Files are written one feature per line, so the line holding the offset names the feature.
 * @param {string} text @param {number} offset
 */
function idAtOffset(text, offset) {
  const start = text.lastIndexOf('\n', offset) + 1;
  const end = text.indexOf('\n', offset);
  const line = text.slice(start, end < 0 ? undefined : end);
  const m = /"id":"([^"]*)"/.exec(line);
  return m ? (m[1] ?? null) : null;
}

/**
 * Validate one geo/ file's text. Returns the parsed FeatureCollection or throws GeoDataError.
 * @param {string} file
 * @param {string} text
 * @returns {import('geojson').FeatureCollection}
 */
export function validateGeoText(file, text) {
  /** @type {any} */
  let fc;
  try {
    fc = check(text);
  } catch (err) {
    const issues = /** @type {{issues?: {message: string, from: number}[]}} */ (err).issues;
    if (issues && issues.length > 0) {
      const first = /** @type {{message: string, from: number}} */ (issues[0]);
      throw new GeoDataError(file, idAtOffset(text, first.from), `invalid GeoJSON: ${first.message}`);
    }
    throw new GeoDataError(file, null, `invalid GeoJSON: ${/** @type {Error} */ (err).message}`);
  }
  if (fc.type !== 'FeatureCollection') throw new GeoDataError(file, null, 'must be a FeatureCollection');
  if (fc.features.length === 0) throw new GeoDataError(file, null, 'has no features');

  const seen = new Set();
  fc.features.forEach((/** @type {any} */ f, /** @type {number} */ i) => {
    const rawId = f.properties && typeof f.properties.id === 'string' ? f.properties.id : null;
    const label = rawId ?? `#${i}`;
    if (!f.geometry) throw new GeoDataError(file, label, 'has no geometry');
    const parsed = featurePropertiesSchema.safeParse(f.properties ?? {});
    if (!parsed.success) {
      const issue = /** @type {import('zod').core.$ZodIssue} */ (parsed.error.issues[0]);
      throw new GeoDataError(file, label, `properties.${issue.path.join('.') || '(all)'}: ${issue.message}`);
    }
    if (seen.has(rawId)) throw new GeoDataError(file, label, 'duplicate id within the file');
    seen.add(rawId);
    eachPosition(f.geometry.coordinates, (p) => {
      const [lon, lat] = /** @type {[number, number]} */ (p);
      if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
        throw new GeoDataError(file, label, `position [${lon}, ${lat}] is outside WGS84 longitude/latitude`);
      }
      if (decimals(lon) > MAX_DECIMALS || decimals(lat) > MAX_DECIMALS) {
        throw new GeoDataError(file, label, `position [${lon}, ${lat}] has more than ${MAX_DECIMALS} decimals`);
      }
    });
  });
  return fc;
}

/**
 * Validate a whole set of geo/ files: each file, then ids unique across all of them
 * (shared links carry ids, so an id must name one feature only).
 * @param {{file: string, text: string}[]} files
 * @returns {Map<string, import('geojson').FeatureCollection>}
 */
export function validateGeoCatalog(files) {
  /** @type {Map<string, import('geojson').FeatureCollection>} */
  const out = new Map();
  /** @type {Map<string, string>} */
  const owner = new Map();
  for (const { file, text } of files) {
    const fc = validateGeoText(file, text);
    for (const f of fc.features) {
      const id = /** @type {string} */ (f.properties?.['id']);
      const other = owner.get(id);
      if (other) throw new GeoDataError(file, id, `id also used in ${other}; ids must be unique across geo/`);
      owner.set(id, file);
    }
    out.set(file, fc);
  }
  return out;
}

/**
 * Validate every *.geojson file of a directory (the build and the tests call this on geo/).
 * @param {string} dir absolute path of geo/
 * @param {string} [label] how to name the directory in messages
 */
export async function validateGeoDirectory(dir, label = 'geo') {
  const { readdirSync, readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.geojson'))
    .sort();
  if (names.length === 0) throw new GeoDataError(label, null, 'holds no .geojson files');
  return validateGeoCatalog(names.map((n) => ({ file: `${label}/${n}`, text: readFileSync(join(dir, n), 'utf8') })));
}
