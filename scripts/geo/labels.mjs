// Geometry used only to place names, precomputed so the browser does no geometry work:
// - one or two anchors per corridor for the opening views, where MapLibre's line placement
//   rejects most stretches of a meandering river and names come and go with the window size;
// - smoothed, generalised copies of the traced rivers for the names from zoom 7.5 to 9: WDBII's
//   full-detail meanders turn too sharply for MapLibre to lay text along them;
// - one anchor point inside each transit district: MapLibre labels a polygon once per tile it
//   crosses, so a large district would otherwise carry its name two or three times.
import * as turf from '@turf/turf';
import { feature } from './lib.mjs';
import { CHECKPOINTS } from './rivers.mjs';

/**
 * The regional label line: Douglas-Peucker at 0.04° (≈4 km), its corners then cut by Chaikin's
 * scheme so names can curve along it (Douglas-Peucker alone leaves corners MapLibre's angle
 * limit refuses). Corner cutting never overshoots, unlike a spline: the line stays within 5 km
 * of the river (tests/unit/labels.test.ts).
 */
const REGIONAL_TOLERANCE_DEG = 0.04;
const CHAIKIN_ROUNDS = 3;

/**
 * Overview anchors: the middle of a stretch of river that is straight (so the name can be set
 * straight along it) and clear of every point named in the opening view (so the name is not
 * dropped in a collision with a bigger one). A stretch is as long as an English name at the
 * opening zoom (≈60 km) and lies inside the region. Score: straightness (chord over path) times
 * clearance up to CLEAR_ENOUGH_KM, which is room for a name at the smallest opening zoom.
 */
const STRETCH_KM = 60;
const STEP_KM = 2;
const INNER_VIEW = { west: 103.3, south: 28.0, east: 108.3, north: 32.2 };
const MIN_CLEARANCE_KM = 30;
const CLEAR_ENOUGH_KM = 60;
const NAME_SEPARATION_KM = 70;
/**
 * Where a name may start: above Yibin the Yangtze line is the Jinsha (金沙江, its upper course,
 * see the feature's note), which must not carry the name 长江.
 */
const NAMED_FROM = { 'river-yangtze': CHECKPOINTS['river-yangtze'].pass.find(([name]) => name === 'Yibin') };
/** The Yangtze crosses the whole region: it may be named twice, far apart, where there is room. */
const ANCHORS_PER_RIVER = { 'river-yangtze': 2 };
const SAME_RIVER_SEPARATION_KM = 250;

/**
 * @param {import('geojson').Feature[]} rivers features of rivers.geojson
 * @param {import('geojson').Feature[]} districts the transit district polygons
 * @param {import('geojson').Feature[]} namedPoints the points whose names the opening view shows
 *   (large cities, stations, sites), which a river's name must keep clear of
 */
export function buildLabels(rivers, districts, namedPoints) {
  const districtAnchors = districtLabelPoints(districts);
  const obstacles = [...namedPoints, ...districtAnchors].flatMap(nameFootprint);
  return [...riverLabelPoints(rivers, obstacles), ...riverLabelLines(rivers), ...districtAnchors];
}

/**
 * The points whose names the opening view shows: every point of the thematic layers, and the
 * cities named from the start (ranks 1 and 2; see cityLabelLayers in src/map/style.ts).
 * @param {import('geojson').Feature[][]} layers the features of each geo/ file
 */
export function pointsNamedInOverview(layers) {
  return layers.flat().filter((f) => f.geometry.type === 'Point' && (f.properties.kind !== 'city' || f.properties.rank <= 2));
}

/**
 * Where a point's name covers the opening view, as a few sample positions: the point itself and
 * the text's extent. City names hang below their dot (text-anchor top, two lines, ≈15 km at the
 * opening zoom); other names run to the right of their point (text-anchor left, ≈40 km for a
 * short name). District anchors carry a centred name.
 */
function nameFootprint(f) {
  const [lng, lat] = f.geometry.coordinates;
  if (f.properties.kind === 'city')
    return [
      [lng, lat],
      [lng, lat - 0.13],
    ];
  if (f.properties.kind === 'district-label-point') return [[lng, lat]];
  return [
    [lng, lat],
    [lng + 0.2, lat],
    [lng + 0.4, lat],
  ];
}

/** Inside the polygon: its centre of mass where that falls inside, else turf's point on surface. */
function anchorInside(polygon) {
  const centre = turf.centerOfMass(polygon);
  return turf.booleanPointInPolygon(centre, polygon) ? centre.geometry : turf.pointOnFeature(polygon).geometry;
}

/**
 * A feature that only places the name of another: the same names and licence, always
 * `schematic`, its source saying how it was derived from the other's.
 */
function labelFeature(of, { id, kind, derivation, extra }, geometry, decimals) {
  const p = of.properties;
  return feature(
    {
      id,
      name_zh: p.name_zh,
      name_en: p.name_en,
      kind,
      geometry_quality: 'schematic',
      source: `${p.source}${derivation}`,
      source_key: 'derived',
      licence: p.licence,
      ...extra,
    },
    geometry,
    decimals,
  );
}

/**
 * The short name a small-scale map gives a county (新津, Xinjin): seven names must fit in a patch
 * of the opening view about 100 px across.
 */
export function shortDistrictName(p) {
  const zh = String(p.label_zh ?? p.name_zh)
    .replace(/^.*市(?=.+区$)/, '')
    .replace(/(区|县|市)$/, '');
  const en = String(p.label_en ?? p.name_en).replace(/ (District|County|City)(, .*)?$/, '');
  return { zh, en };
}

function districtLabelPoints(districts) {
  return districts.map((d) =>
    labelFeature(
      d,
      {
        id: `${d.properties.id}-label-point`,
        kind: 'district-label-point',
        derivation: '; label anchor computed inside the outline',
        extra: { district_id: d.properties.id, label_zh: shortDistrictName(d.properties).zh, label_en: shortDistrictName(d.properties).en },
      },
      anchorInside(d),
      5,
    ),
  );
}

/** Web Mercator y (in degrees of longitude), so that angles match the screen. */
function mercatorY(latDeg) {
  return (Math.log(Math.tan(Math.PI / 4 + (latDeg * Math.PI) / 360)) * 180) / Math.PI;
}

/** Clockwise screen angle of the chord a→b for MapLibre's text-rotate, turned to read left to right. */
function readingAngle([lngA, latA], [lngB, latB]) {
  const dx = lngB - lngA;
  const dyDown = mercatorY(latA) - mercatorY(latB);
  let angle = (Math.atan2(dyDown, dx) * 180) / Math.PI;
  if (angle > 90) angle -= 180;
  if (angle <= -90) angle += 180;
  return Math.round(angle * 10) / 10;
}

/**
 * Which side of the river the name goes: `above` (-1) unless the nearest named point lies on
 * that side, then `below` (1). Sides are the text's own, so `above` is left of its direction.
 */
function sideAwayFrom(anchor, angleDeg, obstacles) {
  const nearest = obstacles.reduce((best, c) => (turf.distance(anchor, c) < turf.distance(anchor, best) ? c : best));
  const theta = (angleDeg * Math.PI) / 180;
  // The text's upward normal, in (east, north): screen (sin θ, −cos θ) with y pointing down.
  const up = [Math.sin(theta), Math.cos(theta)];
  const towards = [(nearest[0] - anchor[0]) * Math.cos((anchor[1] * Math.PI) / 180), nearest[1] - anchor[1]];
  return up[0] * towards[0] + up[1] * towards[1] > 0 ? 1 : -1;
}

/** @param {number[]} point [lng, lat] */
function inside([lng, lat], box) {
  return lng >= box.west && lng <= box.east && lat >= box.south && lat <= box.north;
}

/** Every candidate stretch of a river, with its straightness (chord over path, 1 is straight). */
function stretches(river) {
  const length = turf.length(river);
  const from = NAMED_FROM[river.properties.id];
  const first = from ? turf.length(turf.lineSlice(river.geometry.coordinates[0], [from[1], from[2]], river)) : 0;
  const out = [];
  for (let start = first; start + STRETCH_KM <= length; start += STEP_KM) {
    const a = turf.along(river, start).geometry.coordinates;
    const b = turf.along(river, start + STRETCH_KM).geometry.coordinates;
    const mid = turf.along(river, start + STRETCH_KM / 2).geometry.coordinates;
    out.push({ start, a, b, mid, straightness: turf.distance(a, b) / STRETCH_KM });
  }
  return out;
}

/** A river's candidate stretches, best first: inside the region, clear of named points, scored. */
function rankedStretches(river, obstacles) {
  return (
    stretches(river)
      .filter((s) => inside(s.a, INNER_VIEW) && inside(s.b, INNER_VIEW))
      .map((s) => ({ ...s, clearance: Math.min(...obstacles.map((c) => turf.distance(s.mid, c))) }))
      .filter((s) => s.clearance >= MIN_CLEARANCE_KM)
      .map((s) => ({ ...s, score: s.straightness * Math.min(1, s.clearance / CLEAR_ENOUGH_KM) }))
      // Best first; ties go to the stretch nearer the source.
      .sort((x, y) => y.score - x.score || x.start - y.start)
  );
}

function riverLabelPoints(rivers, obstacles) {
  const corridors = rivers.filter((f) => f.properties.corridor && f.geometry.type === 'LineString');
  const ranked = new Map(corridors.map((r) => [r, rankedStretches(r, obstacles)]));
  // The river with the fewest places to go chooses first, so a long river does not take them.
  const order = [...corridors].sort((x, y) => ranked.get(x).length - ranked.get(y).length || corridors.indexOf(x) - corridors.indexOf(y));
  const chosen = [];
  const picks = new Map();
  for (const river of order) {
    const own = [];
    for (const s of ranked.get(river)) {
      if (own.length >= (ANCHORS_PER_RIVER[river.properties.id] ?? 1)) break;
      if (chosen.some((c) => turf.distance(s.mid, c) < NAME_SEPARATION_KM)) continue;
      if (own.some((o) => turf.distance(s.mid, o.mid) < SAME_RIVER_SEPARATION_KM)) continue;
      own.push(s);
    }
    if (own.length === 0) throw new Error(`labels: no stretch of ${river.properties.id} qualifies for its overview name`);
    chosen.push(...own.map((o) => o.mid));
    picks.set(river, own);
  }
  // Written in the rivers' own order, each river's anchors from its source down.
  return corridors.flatMap((river) =>
    picks
      .get(river)
      .sort((x, y) => x.start - y.start)
      .map((s, i) => {
        const { id, corridor } = river.properties;
        const angle = readingAngle(s.a, s.b);
        return labelFeature(
          river,
          {
            id: `${id}-label-point-${i + 1}`,
            kind: 'river-label-point',
            derivation: `; label anchor in the middle of a straight ${STRETCH_KM} km stretch clear of other names`,
            extra: {
              corridor,
              river_id: id,
              label_angle: angle,
              label_side: sideAwayFrom(s.mid, angle, obstacles),
              straightness: Math.round(s.straightness * 1000) / 1000,
            },
          },
          { type: 'Point', coordinates: s.mid },
          5,
        );
      }),
  );
}

/** Chaikin's corner cutting: each round replaces every corner by two points at ¼ and ¾. */
function chaikin(coordinates, rounds) {
  let line = coordinates;
  for (let r = 0; r < rounds; r++) {
    const next = [line[0]];
    for (let i = 0; i < line.length - 1; i++) {
      const [a, b] = [line[i], line[i + 1]];
      next.push([0.75 * a[0] + 0.25 * b[0], 0.75 * a[1] + 0.25 * b[1]], [0.25 * a[0] + 0.75 * b[0], 0.25 * a[1] + 0.75 * b[1]]);
    }
    next.push(line[line.length - 1]);
    line = next;
  }
  return line;
}

function regionalLabelGeometry(river) {
  const simplified = turf.simplify(river, { tolerance: REGIONAL_TOLERANCE_DEG, highQuality: true, mutate: false });
  // The smooth line is thinned again; 0.002° (≈200 m) is below a pixel until zoom 9.
  const smooth = turf.lineString(chaikin(simplified.geometry.coordinates, CHAIKIN_ROUNDS));
  return turf.simplify(smooth, { tolerance: 0.002, highQuality: true }).geometry;
}

function riverLabelLines(rivers) {
  return rivers
    .filter((f) => f.geometry.type === 'LineString')
    .map((f) =>
      labelFeature(
        f,
        {
          id: `${f.properties.id}-label-line`,
          kind: 'river-label-line',
          derivation: `, generalised (Douglas-Peucker ${REGIONAL_TOLERANCE_DEG}°, Chaikin-smoothed) for label placement`,
          extra: { corridor: f.properties.corridor, river_id: f.properties.id },
        },
        regionalLabelGeometry(f),
        4,
      ),
    );
}
