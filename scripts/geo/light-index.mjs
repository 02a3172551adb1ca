// geo/index.json: what the panels, lists, search and framing need of each feature the reader can
// pick or look up — its properties, a bbox and one point for a name or a marker — without the
// geometry, which the map now gets from geo/atlas.pmtiles.
import * as turf from '@turf/turf';

export const INDEX_VERSION = 1;

/** The files indexed, in this order, with the map's layer group of each (null: no group). */
export const INDEX_LAYERS = [
  { layer: 'rivers', group: 'rivers' },
  { layer: 'rail', group: 'rail' },
  { layer: 'transit', group: 'transit' },
  { layer: 'sites', group: 'sites' },
  { layer: 'regions', group: null },
  { layer: 'basemap', group: null },
];
/** Of the basemap only the cities and the two provinces: no prefectures or Chongqing districts. */
const BASEMAP_KINDS = new Set(['city', 'province']);

const round6 = (n) => {
  const r = Math.round(n * 1e6) / 1e6;
  return Object.is(r, -0) ? 0 : r;
};
const roundPoint = ([x, y]) => [round6(x), round6(y)];

/** Middle of a line by length (the longest part of a MultiLineString). */
function middleOfLine(geometry) {
  const parts = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
  let best = parts[0];
  let bestLength = -1;
  for (const part of parts) {
    const length = turf.length(turf.lineString(part));
    if (length > bestLength) [best, bestLength] = [part, length];
  }
  return turf.along(turf.lineString(best), bestLength / 2).geometry.coordinates;
}

/** Signed distance (in the scaled plane) from p to the polygon's outline: positive inside. */
function signedDistance(px, py, rings) {
  let inside = false;
  let minSq = Infinity;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [ax, ay] = ring[i];
      const [bx, by] = ring[j];
      if (ay > py !== by > py && px < ((bx - ax) * (py - ay)) / (by - ay) + ax) inside = !inside;
      let dx = bx - ax;
      let dy = by - ay;
      let cx = ax;
      let cy = ay;
      if (dx !== 0 || dy !== 0) {
        const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
        cx = ax + t * dx;
        cy = ay + t * dy;
      }
      dx = px - cx;
      dy = py - cy;
      minSq = Math.min(minSq, dx * dx + dy * dy);
    }
  }
  return (inside ? 1 : -1) * Math.sqrt(minSq);
}

/**
 * Pole of inaccessibility (the inside point farthest from the outline), by the grid refinement of
 * Agafonkin's polylabel: cells are split while one could still hold a point farther from the
 * outline than the best found, by more than `precision` degrees. Longitudes are scaled by
 * cos(latitude) so distances are roughly isotropic.
 */
export function poleOfInaccessibility(rings, precision = 0.001) {
  const outer = rings[0];
  const lat0 = outer.reduce((s, p) => s + p[1], 0) / outer.length;
  const k = Math.cos((lat0 * Math.PI) / 180);
  const scaled = rings.map((r) => r.map(([x, y]) => [x * k, y]));
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [x, y] of scaled[0]) [minX, maxX, minY, maxY] = [Math.min(minX, x), Math.max(maxX, x), Math.min(minY, y), Math.max(maxY, y)];
  const size = Math.min(maxX - minX, maxY - minY);
  const cell = (x, y, h) => {
    const d = signedDistance(x, y, scaled);
    return { x, y, h, d, max: d + h * Math.SQRT2 };
  };
  if (size === 0) return [minX / k, minY];
  const queue = [];
  for (let x = minX; x < maxX; x += size) for (let y = minY; y < maxY; y += size) queue.push(cell(x + size / 2, y + size / 2, size / 2));
  const c = turf.centroid(turf.polygon(rings)).geometry.coordinates;
  let best = cell(c[0] * k, c[1], 0);
  const box = cell((minX + maxX) / 2, (minY + maxY) / 2, 0);
  if (box.d > best.d) best = box;
  while (queue.length > 0) {
    let top = 0;
    for (let i = 1; i < queue.length; i++) if (queue[i].max > queue[top].max) top = i;
    const [next] = queue.splice(top, 1);
    if (next.d > best.d) best = next;
    if (next.max - best.d <= precision) continue;
    const h = next.h / 2;
    queue.push(cell(next.x - h, next.y - h, h), cell(next.x + h, next.y - h, h), cell(next.x - h, next.y + h, h), cell(next.x + h, next.y + h, h));
  }
  return [best.x / k, best.y];
}

/** A point inside a (Multi)Polygon: the pole of its part with the most room. */
function pointInside(geometry) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best = null;
  for (const rings of polygons) {
    const p = poleOfInaccessibility(rings);
    const k = Math.cos((p[1] * Math.PI) / 180);
    const room = signedDistance(
      p[0] * k,
      p[1],
      rings.map((r) => r.map(([x, y]) => [x * k, y])),
    );
    if (!best || room > best.room) best = { p, room };
  }
  return best.p;
}

/**
 * Where a name or a marker for the feature goes: the point itself; a river's overview label
 * anchor (labels.geojson) or else the middle of its line; a transit district's label anchor; the
 * middle of any other line; the pole of inaccessibility of any other polygon.
 */
function markerPoint(f, anchors) {
  const g = f.geometry;
  const anchor = anchors.get(f.properties.id);
  if (g.type === 'Point') return g.coordinates;
  if (anchor) return anchor;
  if (g.type === 'LineString' || g.type === 'MultiLineString') return middleOfLine(g);
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') return pointInside(g);
  if (g.type === 'MultiPoint') return g.coordinates[0];
  throw new Error(`${f.properties.id}: no marker point for a ${g.type}`);
}

/** Label anchors from labels.geojson, by the id of the feature they name (the first one wins). */
function labelAnchors(labels) {
  const anchors = new Map();
  for (const f of labels?.features ?? []) {
    const p = f.properties;
    const of = p.kind === 'river-label-point' ? p.river_id : p.kind === 'district-label-point' ? p.district_id : undefined;
    if (of && !anchors.has(of)) anchors.set(of, f.geometry.coordinates);
  }
  return anchors;
}

/**
 * Properties the interface never shows nor reads: working data of the build (the source's own
 * names, ids and boxes, a region's member lists, the article's full quote of a bus group). They
 * stay in geo/*.geojson (and in the data download); the index every reader fetches goes without.
 */
export const NOT_INDEXED = ['admin_id', 'geonames_name', 'source_bbox_gcj02', 'source_name_zh', 'group_quote', 'members', 'excluded'];

const indexed = (p) => Object.fromEntries(Object.entries(p).filter(([k]) => !NOT_INDEXED.includes(k)));

/**
 * @param {Record<string, import('geojson').FeatureCollection & { summary?: unknown }>} layers geo/ files by name
 *   without extension; `regions` is indexed when present, `labels` gives the anchors.
 */
export function buildIndex(layers) {
  const anchors = labelAnchors(layers.labels);
  const features = [];
  const summaries = {};
  for (const { layer, group } of INDEX_LAYERS) {
    const fc = layers[layer];
    if (!fc) continue;
    if (fc.summary !== undefined) summaries[layer] = fc.summary;
    for (const f of fc.features) {
      if (layer === 'basemap' && !BASEMAP_KINDS.has(f.properties.kind)) continue;
      const p = f.properties;
      features.push({
        id: p.id,
        layer,
        group,
        item: p.item ?? null,
        kind: p.kind,
        geometry: f.geometry.type,
        bbox: turf.bbox(f.geometry).map(round6),
        point: roundPoint(markerPoint(f, anchors)),
        properties: indexed(p),
      });
    }
  }
  return { version: INDEX_VERSION, features, summaries };
}

/** One feature per line, like the GeoJSON files: small diffs when one feature changes. */
export function serializeIndex(index) {
  const { features, ...rest } = index;
  const head = JSON.stringify({ version: rest.version });
  const lines = features.map((f) => JSON.stringify(f)).join(',\n');
  return `${head.slice(0, -1)},"features":[\n${lines}\n],"summaries":${JSON.stringify(rest.summaries)}}\n`;
}
