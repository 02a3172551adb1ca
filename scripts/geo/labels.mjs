// Geometry used only to place names, precomputed so the browser does no geometry work:
// - one or two anchors per corridor for the opening views, where MapLibre's line placement
//   rejects most stretches of a meandering river and names come and go with the window size;
// - smoothed, generalised copies of the traced rivers for the names from zoom 7.5 to 9: WDBII's
//   full-detail meanders turn too sharply for MapLibre to lay text along them;
// - one anchor point inside each transit district: MapLibre labels a polygon once per tile it
//   crosses, so a large district would otherwise carry its name two or three times.
import * as turf from '@turf/turf';
import { feature } from './lib.mjs';

/**
 * The regional label line: Douglas-Peucker at 0.04° (≈4 km), its corners then cut by Chaikin's
 * scheme so names can curve along it (Douglas-Peucker alone leaves corners MapLibre's angle
 * limit refuses). Corner cutting never overshoots, unlike a spline: the line stays within 5 km
 * of the river (tests/unit/labels.test.ts).
 */
const REGIONAL_TOLERANCE_DEG = 0.04;
const CHAIKIN_ROUNDS = 3;

/**
 * Overview anchors: the middle of the straightest stretch of each river, so the name can be set
 * straight along it. A stretch is as long as an English name at the opening zoom (≈60 km); it
 * must lie inside the region's opening view, clear of every point named there (so the name is
 * not dropped in a collision), and away from another river's name.
 */
const STRETCH_KM = 60;
const STEP_KM = 2;
const INNER_VIEW = { west: 103.3, south: 28.0, east: 108.3, north: 32.2 };
const POINT_CLEARANCE_KM = 35;
const NAME_SEPARATION_KM = 70;
/** The Yangtze crosses the whole region: it is named twice, far apart. */
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
  const obstacles = [...namedPoints, ...districtAnchors].map((f) => f.geometry.coordinates);
  return [...riverLabelPoints(rivers, obstacles), ...riverLabelLines(rivers), ...districtAnchors];
}

/**
 * The points whose names the opening view shows: every point of the thematic layers, and the
 * cities named from the start (ranks 1 and 2; see cityLabelLayers in src/map/style.ts).
 * @param {import('geojson').Feature[][]} layers the features of each geo/ file
 */
export function pointsNamedInOverview(layers) {
  return layers
    .flat()
    .filter((f) => f.geometry.type === 'Point' && (f.properties.kind !== 'city' || f.properties.rank <= 2));
}

/** Inside the polygon: its centre of mass where that falls inside, else turf's point on surface. */
function anchorInside(polygon) {
  const centre = turf.centerOfMass(polygon);
  return turf.booleanPointInPolygon(centre, polygon) ? centre.geometry : turf.pointOnFeature(polygon).geometry;
}

function districtLabelPoints(districts) {
  return districts.map((d) => {
    const p = d.properties;
    return feature(
      {
        id: `${p.id}-label-point`,
        name_zh: p.name_zh,
        name_en: p.name_en,
        kind: 'district-label-point',
        geometry_quality: 'schematic',
        source: `${p.source}; label anchor computed inside the outline`,
        licence: p.licence,
        district_id: p.id,
      },
      anchorInside(d),
      5,
    );
  });
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

function inside([lng, lat], box) {
  return lng >= box.west && lng <= box.east && lat >= box.south && lat <= box.north;
}

/** Every candidate stretch of a river, scored by straightness (chord over path, 1 is straight). */
function stretches(river) {
  const length = turf.length(river);
  const out = [];
  for (let start = 0; start + STRETCH_KM <= length; start += STEP_KM) {
    const a = turf.along(river, start).geometry.coordinates;
    const b = turf.along(river, start + STRETCH_KM).geometry.coordinates;
    const mid = turf.along(river, start + STRETCH_KM / 2).geometry.coordinates;
    out.push({ start, a, b, mid, straightness: turf.distance(a, b) / STRETCH_KM });
  }
  return out;
}

function riverLabelPoints(rivers, obstacles) {
  const chosen = [];
  const features = [];
  for (const river of rivers.filter((f) => f.properties.corridor && f.geometry.type === 'LineString')) {
    const p = river.properties;
    const ownAnchors = [];
    const candidates = stretches(river)
      .filter((s) => inside(s.a, INNER_VIEW) && inside(s.b, INNER_VIEW))
      .filter((s) => obstacles.every((c) => turf.distance(s.mid, c) >= POINT_CLEARANCE_KM))
      // Straightest first; ties go to the stretch nearer the source.
      .sort((x, y) => y.straightness - x.straightness || x.start - y.start);
    for (const s of candidates) {
      if (ownAnchors.length >= (ANCHORS_PER_RIVER[p.id] ?? 1)) break;
      if (chosen.some((c) => turf.distance(s.mid, c) < NAME_SEPARATION_KM)) continue;
      if (ownAnchors.some((c) => turf.distance(s.mid, c) < SAME_RIVER_SEPARATION_KM)) continue;
      ownAnchors.push(s.mid);
      const angle = readingAngle(s.a, s.b);
      features.push(
        feature(
          {
            id: `${p.id}-label-point-${ownAnchors.length}`,
            name_zh: p.name_zh,
            name_en: p.name_en,
            kind: 'river-label-point',
            geometry_quality: 'schematic',
            source: `${p.source}; label anchor at the middle of its straightest ${STRETCH_KM} km stretch in the opening view`,
            licence: p.licence,
            corridor: p.corridor,
            river_id: p.id,
            label_angle: angle,
            label_side: sideAwayFrom(s.mid, angle, obstacles),
            straightness: Math.round(s.straightness * 1000) / 1000,
          },
          { type: 'Point', coordinates: s.mid },
          5,
        ),
      );
    }
    if (ownAnchors.length === 0) throw new Error(`labels: no stretch of ${p.id} qualifies for its overview name`);
    chosen.push(...ownAnchors);
  }
  return features;
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
    .map((f) => {
      const p = f.properties;
      return feature(
        {
          id: `${p.id}-label-line`,
          name_zh: p.name_zh,
          name_en: p.name_en,
          kind: 'river-label-line',
          geometry_quality: 'schematic',
          source: `${p.source}, generalised (Douglas-Peucker ${REGIONAL_TOLERANCE_DEG}°, Chaikin-smoothed) for label placement`,
          licence: p.licence,
          corridor: p.corridor,
          river_id: p.id,
        },
        regionalLabelGeometry(f),
        4,
      );
    });
}
