/**
 * How each kind of feature is drawn: one table per geometry type, turned into MapLibre
 * expressions keyed by the feature's `kind` (and its state: hovered, selected, stand-in).
 *
 * Why every paint property goes through these helpers, even where a layer holds a single kind:
 * MapLibre compiles one shader variant per combination of "constant" and "data-driven" paint
 * properties. When every circle layer (and every line, fill and label layer) drives the same
 * properties from data, they all share one program. Under software WebGL each extra variant is
 * compiled during the first frames: 18 variants became 8, and the median first idle in
 * `npm run bench` fell from 4060 to 3797 ms.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import {
  LABEL_INK,
  LAND_COLOUR,
  busGroupColor,
  busWidth,
  interpolateExpression,
  matchExpression,
  riverColor,
  riverLabelColor,
  siteKindColor,
} from './encodings';

type Expr = ExpressionSpecification;
const e = (x: unknown) => x as Expr;

const selected = e(['boolean', ['feature-state', 'selected'], false]);
const hovered = e(['boolean', ['feature-state', 'hover'], false]);
const standIn = e(['==', ['get', 'geometry_quality'], 'stand-in']);

/** A `match` on `kind` with a fallback: the one shape every table below takes. */
export function byKind<T extends string | number>(table: Record<string, T>, fallback: T): Expr {
  return e(['match', ['get', 'kind'], ...Object.entries(table).flat(), fallback]);
}

/** 1 normally, larger when hovered, larger still when selected. */
const emphasis = (hover: number, select: number) => e(['case', selected, select, hovered, hover, 1]);

// ---------------------------------------------------------------------------------------------
// Points

/** Colours the legend repeats; everything else is in the tables below. */
export const RAIL = '#a5214e';
export const DISTRICT_FILL = 'rgba(244,162,89,0.35)';
export const DISTRICT_LINE = '#c8733a';

/** Fill, stroke and radius of each kind of point; stand-ins swap fill and stroke (hollow rings). */
const POINT: Record<string, { fill: string; stroke: string; radius: number; strokeWidth: number }> = {
  city: { fill: '#3b3f44', stroke: '#ffffff', radius: 2.2, strokeWidth: 1 },
  'rail-station': { fill: '#ffffff', stroke: RAIL, radius: 4.5, strokeWidth: 2 },
  airport: { fill: '#4a4a4a', stroke: '#777777', radius: 6, strokeWidth: 2 },
  'rail-hub-candidate': { fill: '#ffffff', stroke: '#444444', radius: 4, strokeWidth: 1.5 },
  'development-zone': { fill: 'rgba(244,162,89,0.35)', stroke: '#c8733a', radius: 7, strokeWidth: 2 },
  river: { fill: '#ffffff', stroke: '#2e5e86', radius: 6, strokeWidth: 2.5 },
  // The ground at city scale: small grey dots, a seat a little larger than a town.
  'county-seat': { fill: '#77736a', stroke: '#ffffff', radius: 2.4, strokeWidth: 0.8 },
  town: { fill: '#a39e93', stroke: '#ffffff', radius: 1.8, strokeWidth: 0.6 },
  ...Object.fromEntries(siteKindColor.domain().map((k) => [k, { fill: siteKindColor(k), stroke: '#ffffff', radius: 6, strokeWidth: 1.5 }])),
};

const pointTable = <K extends 'fill' | 'stroke' | 'radius' | 'strokeWidth'>(key: K) =>
  Object.fromEntries(Object.entries(POINT).map(([k, v]) => [k, v[key]])) as Record<string, (typeof POINT)[string][K]>;

/** Radius before emphasis: cities by rank, stations by role, area stand-ins as wide rings. */
const baseRadius = e([
  'case',
  ['==', ['get', 'kind'], 'city'],
  ['match', ['get', 'rank'], 1, 4.5, 2, 3, 2.2],
  ['has', 'interchange'],
  7,
  ['has', 'context'],
  3.5,
  // An area stands for a district, not a spot: a wide ring, under which a station stays visible.
  ['==', ['get', 'kind'], 'area'],
  13,
  byKind(pointTable('radius'), 5),
]);

/**
 * Stations and candidate hubs come in chains a few pixels apart: at the region's scale they are
 * drawn smaller, so the bus lines and names around them can still be seen and clicked.
 */
const SHRINKING = ['rail-station', 'rail-hub-candidate'];
const SHRINK_FROM = { zoom: 6, scale: 0.6 };
const SHRINK_TO = { zoom: 9, scale: 1 };

export function shrink(kind: string, zoom: number): number {
  if (!SHRINKING.includes(kind)) return 1;
  const t = Math.max(0, Math.min(1, (zoom - SHRINK_FROM.zoom) / (SHRINK_TO.zoom - SHRINK_FROM.zoom)));
  return SHRINK_FROM.scale + t * (SHRINK_TO.scale - SHRINK_FROM.scale);
}

/**
 * The radius a dot is drawn with at a zoom, outer edge of its stroke included, as the expressions
 * below evaluate it for these properties (the picking needs to know where a dot ends).
 */
export function drawnRadius(p: Record<string, unknown>, zoom: number): number {
  const kind = String(p['kind']);
  const standInRing = p['geometry_quality'] === 'stand-in' && kind !== 'development-zone';
  const radius =
    kind === 'city'
      ? p['rank'] === 1
        ? 4.5
        : p['rank'] === 2
          ? 3
          : 2.2
      : p['interchange'] !== undefined
        ? 7
        : p['context'] !== undefined
          ? 3.5
          : kind === 'area'
            ? 13
            : (POINT[kind]?.radius ?? 5);
  const stroke = p['interchange'] !== undefined ? 3 : standInRing ? 2.5 : (POINT[kind]?.strokeWidth ?? 1.5);
  return radius * shrink(kind, zoom) + stroke / 2;
}

/** Stand-in rivers take their river's colour on the ring. */
const pointColour = e(['case', ['==', ['get', 'kind'], 'river'], matchExpression('id', riverColor), byKind(pointTable('fill'), '#455a64')]);

export function pointPaint() {
  return {
    'circle-radius': e([
      'interpolate',
      ['linear'],
      ['zoom'],
      SHRINK_FROM.zoom,
      ['*', baseRadius, emphasis(1.25, 1.4), ['match', ['get', 'kind'], SHRINKING, SHRINK_FROM.scale, 1]],
      SHRINK_TO.zoom,
      ['*', baseRadius, emphasis(1.25, 1.4)],
    ]),
    'circle-color': e(['case', ['all', standIn, ['!=', ['get', 'kind'], 'development-zone']], '#ffffff', pointColour]),
    'circle-stroke-color': e([
      'case',
      ['has', 'context'],
      '#777777',
      ['==', ['get', 'kind'], 'rail-station'],
      RAIL,
      standIn,
      pointColour,
      byKind(pointTable('stroke'), '#ffffff'),
    ]),
    'circle-stroke-width': e(['+', ['case', ['has', 'interchange'], 3, standIn, 2.5, byKind(pointTable('strokeWidth'), 1.5)], ['case', selected, 2, 0]]),
  };
}

// ---------------------------------------------------------------------------------------------
// Lines

/** Width at zoom 6 and 12 for each kind of line, widened on hover and selection. */
function lineWidth(at6: Expr | number, at12: Expr | number, hover = 1.4, select = 2.2): Expr {
  const k = emphasis(hover, select);
  return e(['interpolate', ['linear'], ['zoom'], 6, ['*', at6, k], 12, ['*', at12, k]]);
}

const corridor = e(['boolean', ['get', 'corridor'], false]);

/** Borders: the province's strongest, then prefectures and Chongqing's districts, then Sichuan's counties. */
export function boundaryLinePaint() {
  return {
    'line-color': byKind({ province: '#8d8474', 'county-border': '#dcd6ca' }, '#cbc5b8'),
    'line-width': lineWidth(byKind({ province: 1, 'county-border': 0.4 }, 0.4), byKind({ province: 2.4, 'county-border': 0.8 }, 1.1), 1, 1),
  };
}

export function streamLinePaint() {
  return { 'line-color': byKind({ stream: '#a9c8de' }, '#a9c8de'), 'line-width': lineWidth(byKind({ stream: 0.4 }, 0.4), 1.4, 1, 1) };
}

export function riverLinePaint() {
  return {
    'line-color': e(matchExpression('id', riverColor)),
    'line-width': lineWidth(e(['case', corridor, 3, 1.6]), e(['case', corridor, 7, 3]), 1.5, 2.2),
  };
}

export function districtLinePaint() {
  return { 'line-color': byKind({ district: '#c8733a' }, '#c8733a'), 'line-width': lineWidth(byKind({ district: 1 }, 1), 1.6, 1.6, 2.5) };
}

export function railCasingPaint() {
  return { 'line-color': e(['case', selected, '#ffd84d', '#ffffff']), 'line-width': lineWidth(byKind({ 'rail-line': 5 }, 5), 8, 1.2, 1.8) };
}

export function railLinePaint() {
  return { 'line-color': byKind({ 'rail-line': RAIL }, RAIL), 'line-width': lineWidth(byKind({ 'rail-line': 3 }, 3), 4.5, 1, 1) };
}

/**
 * Bus lines: colour by group, width from buses per line (a d3 scale, from zero). Solid, like the
 * Ziyang line, though both are schematic: a dash pattern is a shader program and a pattern atlas
 * of its own, and dropping it made the opening view settle 170 ms sooner (npm run bench, paired
 * runs). That they are schematic is said in the key, the panel and the name ("示意").
 */
export function busLinePaint() {
  const width = interpolateExpression('buses_average', busWidth);
  return {
    'line-color': e(matchExpression('group', busGroupColor)),
    'line-width': e(['case', selected, ['+', 2.5, width], width]),
    'line-opacity': e(['case', hovered, 1, 0.8]),
  };
}

// ---------------------------------------------------------------------------------------------
// Areas

/** Data-driven although constant, so that it shares the district fill's shader (see above). */
export function landFillPaint() {
  return { 'fill-color': byKind({ province: LAND_COLOUR }, LAND_COLOUR), 'fill-antialias': false };
}

/** Lakes: the streams' blue, light, under every line. */
export function waterFillPaint() {
  return { 'fill-color': byKind({ lake: '#cfe1ee' }, '#cfe1ee'), 'fill-antialias': false };
}

/** Districts: translucent, more opaque on hover and selection (alpha in the colour, opacity 1). */
export function districtFillPaint() {
  return {
    'fill-color': e(['case', selected, 'rgba(244,162,89,0.45)', hovered, 'rgba(244,162,89,0.32)', 'rgba(244,162,89,0.18)']),
    'fill-antialias': false,
  };
}

// ---------------------------------------------------------------------------------------------
// Labels

const LABEL_COLOUR: Record<string, string> = {
  city: '#3b3f44',
  district: '#8a4b1f',
  'rail-line': RAIL,
  river: '#2e5e86',
  'county-seat': '#4f4c46',
  town: '#6b675f',
  stream: '#4a7597',
  lake: '#4a7597',
  ...Object.fromEntries(siteKindColor.domain().map((k) => [k, siteKindColor(k)])),
};

export function labelPaint(colour: Expr = byKind(LABEL_COLOUR, LABEL_INK)) {
  return { 'text-color': colour, 'text-halo-color': 'rgba(255,255,255,0.92)', 'text-halo-width': 1.4 };
}

/** River names take a darkened shade of their river's colour. */
export function riverLabelPaint(idProperty: 'id' | 'river_id') {
  return labelPaint(e(matchExpression(idProperty, riverLabelColor)));
}

// ---------------------------------------------------------------------------------------------
// Relief

/**
 * The hillshade image (geo/relief.png) is shadow and light with alpha over the land: faint, so the
 * ridges read as ground under every line and name, and fainter still at city scale, where its 2′
 * cells are soft blurs a few hundred pixels wide.
 */
export function reliefPaint() {
  return {
    'raster-opacity': ['interpolate', ['linear'], ['zoom'], 6, 0.42, 9, 0.3, 12, 0.16] as Expr,
    'raster-fade-duration': 0,
    'raster-resampling': 'linear' as const,
  };
}

// ---------------------------------------------------------------------------------------------
// Regions the article names, outlined while selected or read about

/** A wash light enough to read the map through, so the outline says "this area" without hiding it. */
export function regionFillPaint() {
  return { 'fill-color': byKind({ region: 'rgba(0,114,178,0.07)' }, 'rgba(0,114,178,0.07)'), 'fill-antialias': false };
}

export function regionLinePaint() {
  return { 'line-color': byKind({ region: '#0b5d8f' }, '#0b5d8f'), 'line-width': lineWidth(byKind({ region: 2 }, 2), 3, 1, 1) };
}
