/**
 * The MapLibre style, built by plain functions from the geo/ catalog and the encodings, so it can
 * be tested without a browser. Embedded basemap (no tiles, no glyph server, no sprite): labels are
 * drawn by MapLibre from local fonts named in FONT_STACK.
 */
import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import type { GeoFileKey } from '../data/types';
import type { Language, LayerGroup } from '../state/store';
import {
  busGroupColor,
  busWidth,
  interpolateExpression,
  matchExpression,
  riverColor,
  siteKindColor,
} from './encodings';

/** Fonts installed on common systems; with no `glyphs` URL MapLibre renders them locally. */
export const FONT_STACK = [
  'Noto Sans CJK SC',
  'Noto Sans SC',
  'Source Han Sans SC',
  'PingFang SC',
  'Microsoft YaHei',
  'Hiragino Sans GB',
  'sans-serif',
];

/** Style source id for each geo/ file. */
export const SOURCE_IDS: Record<GeoFileKey, string> = {
  basemap: 'basemap',
  hydrography: 'hydrography',
  rivers: 'rivers',
  riverLabels: 'river-labels',
  rail: 'rail',
  transit: 'transit',
  sites: 'sites',
};

/** Layer ids start with their group's name; the basemap's start with `base-`. */
export function groupOfLayer(layerId: string): LayerGroup | null {
  const prefix = layerId.split('-')[0];
  return prefix === 'rivers' || prefix === 'rail' || prefix === 'transit' || prefix === 'sites' ? prefix : null;
}

const e = (x: unknown) => x as ExpressionSpecification;
const f = (x: unknown) => x as FilterSpecification;

const selected = e(['boolean', ['feature-state', 'selected'], false]);
const hovered = e(['boolean', ['feature-state', 'hover'], false]);
const standIn = e(['==', ['get', 'geometry_quality'], 'stand-in']);

/** Two-line label: the reader's language first, the other below, smaller. */
export function labelField(language: Language): ExpressionSpecification {
  const zh = ['coalesce', ['get', 'label_zh'], ['get', 'name_zh']];
  const en = ['coalesce', ['get', 'label_en'], ['get', 'name_en']];
  const [first, second] = language === 'zh' ? [zh, en] : [en, zh];
  return e(['format', first, {}, '\n', {}, second, { 'font-scale': 0.78 }]);
}

const labelPaint = {
  'text-color': '#1f2a33',
  'text-halo-color': 'rgba(255,255,255,0.92)',
  'text-halo-width': 1.4,
};

function basemapLayers(language: Language): LayerSpecification[] {
  return [
    { id: 'base-background', type: 'background', paint: { 'background-color': '#e9ece6' } },
    {
      id: 'base-province-fill',
      type: 'fill',
      source: 'basemap',
      filter: f(['==', ['get', 'kind'], 'province']),
      // The outline is the province-line layer; MapLibre's own fill outline would be a second
      // shader variant to compile for nothing.
      paint: { 'fill-color': '#fbfaf5', 'fill-antialias': false },
    },
    {
      id: 'base-prefecture-line',
      type: 'line',
      source: 'basemap',
      filter: f(['in', ['get', 'kind'], ['literal', ['prefecture', 'cq-district']]]),
      paint: { 'line-color': '#b9b4a8', 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.4, 10, 1], 'line-dasharray': [3, 2] },
    },
    {
      id: 'base-province-line',
      type: 'line',
      source: 'basemap',
      filter: f(['==', ['get', 'kind'], 'province']),
      paint: { 'line-color': '#8d8474', 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 1, 10, 2.2] },
    },
    {
      id: 'base-hydrography',
      type: 'line',
      source: 'hydrography',
      paint: { 'line-color': '#a9c8de', 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.4, 12, 1.4] },
    },
  ];
}

function cityLabelLayer(language: Language): LayerSpecification {
  return {
    id: 'base-city',
    type: 'symbol',
    source: 'basemap',
    filter: f(['==', ['get', 'kind'], 'city']),
    layout: {
      'text-field': labelField(language),
      'text-font': FONT_STACK,
      'text-size': ['match', ['get', 'rank'], 1, 15, 2, 12.5, 11],
      'symbol-sort-key': ['get', 'rank'],
      'text-anchor': 'top',
      'text-offset': [0, 0.35],
      'text-optional': false,
    },
    paint: { ...labelPaint, 'text-color': '#3b3f44' },
  };
}

function cityDotLayer(): LayerSpecification {
  return {
    id: 'base-city-dot',
    type: 'circle',
    source: 'basemap',
    filter: f(['==', ['get', 'kind'], 'city']),
    paint: {
      'circle-radius': ['match', ['get', 'rank'], 1, 4.5, 2, 3, 2.2],
      'circle-color': '#3b3f44',
      'circle-stroke-color': '#fff',
      'circle-stroke-width': 1,
    },
  };
}

function riverLayers(language: Language): LayerSpecification[] {
  const color = e(matchExpression('id', riverColor));
  const corridor = e(['boolean', ['get', 'corridor'], false]);
  const lines = f(['==', ['geometry-type'], 'LineString']);
  const riverLabel = (
    id: string,
    source: string,
    colourBy: string,
    extra: { minzoom?: number; maxzoom?: number; filter?: FilterSpecification },
  ): LayerSpecification => ({
    id,
    type: 'symbol',
    source,
    ...extra,
    layout: {
      'symbol-placement': 'line',
      'symbol-spacing': 420,
      'text-field': e(['get', language === 'zh' ? 'name_zh' : 'name_en']),
      'text-font': FONT_STACK,
      'text-size': ['case', corridor, 14, 11],
      'text-letter-spacing': 0.15,
      'text-max-angle': 60,
      'text-padding': 4,
    },
    paint: { 'text-color': e(matchExpression(colourBy, riverColor)), 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 },
  });
  return [
    {
      id: 'rivers-line',
      type: 'line',
      source: 'rivers',
      filter: lines,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': color,
        // Selection and hover widen the river itself: a separate, mostly transparent highlight
        // layer would cost a full extra line pass per frame (expensive where WebGL is software).
        'line-width': e([
          'interpolate', ['linear'], ['zoom'],
          6, ['*', ['case', corridor, 3, 1.6], ['case', selected, 2.4, hovered, 1.6, 1]],
          12, ['*', ['case', corridor, 7, 3], ['case', selected, 2, hovered, 1.4, 1]],
        ]),
      },
    },
    {
      id: 'rivers-stand-in',
      type: 'circle',
      source: 'rivers',
      filter: f(['==', ['geometry-type'], 'Point']),
      paint: {
        'circle-radius': ['case', selected, 8, 6],
        'circle-color': '#ffffff',
        'circle-stroke-color': color,
        'circle-stroke-width': ['case', selected, 3.5, 2.5],
      },
    },
    // Below zoom 9 labels follow generalised lines (geo/river-labels.geojson): WDBII's meanders
    // turn too sharply for MapLibre to lay text along; above it the real lines are smooth enough.
    riverLabel('rivers-label-overview', SOURCE_IDS.riverLabels, 'river_id', { maxzoom: 9 }),
    riverLabel('rivers-label', SOURCE_IDS.rivers, 'id', { minzoom: 9, filter: lines }),
    {
      id: 'rivers-stand-in-label',
      type: 'symbol',
      source: 'rivers',
      filter: f(['==', ['geometry-type'], 'Point']),
      layout: {
        'text-field': labelField(language),
        'text-font': FONT_STACK,
        'text-size': 11,
        'text-anchor': 'left',
        'text-offset': [0.9, 0],
      },
      paint: { ...labelPaint, 'text-color': '#2e5e86' },
    },
  ];
}

/** District areas sit below the rivers; the network above them (see transitNetworkLayers). */
function transitAreaLayers(): LayerSpecification[] {
  return [
    {
      id: 'transit-district-fill',
      type: 'fill',
      source: 'transit',
      filter: f(['==', ['get', 'kind'], 'district']),
      paint: {
        'fill-color': '#f4a259',
        'fill-opacity': ['case', selected, 0.45, hovered, 0.32, 0.18],
        'fill-antialias': false,
      },
    },
    {
      id: 'transit-district-line',
      type: 'line',
      source: 'transit',
      filter: f(['==', ['get', 'kind'], 'district']),
      paint: { 'line-color': '#c8733a', 'line-width': ['case', selected, 3, 1.2] },
    },
  ];
}

function transitNetworkLayers(language: Language): LayerSpecification[] {
  const busColor = e(matchExpression('group', busGroupColor));
  return [
    {
      id: 'transit-district-label',
      type: 'symbol',
      source: 'transit',
      minzoom: 8,
      filter: f(['==', ['get', 'kind'], 'district']),
      layout: { 'text-field': labelField(language), 'text-font': FONT_STACK, 'text-size': 12 },
      paint: { ...labelPaint, 'text-color': '#8a4b1f' },
    },
    {
      id: 'transit-bus-line',
      type: 'line',
      source: 'transit',
      filter: f(['==', ['get', 'kind'], 'bus-line']),
      layout: { 'line-cap': 'butt' },
      paint: {
        'line-color': busColor,
        'line-width': e(['case', selected, ['+', 2.5, interpolateExpression('buses_average', busWidth)], interpolateExpression('buses_average', busWidth)]),
        'line-dasharray': [2, 1.2],
        'line-opacity': ['case', hovered, 1, 0.85],
      },
    },
    {
      id: 'transit-hub',
      type: 'circle',
      source: 'transit',
      filter: f(['==', ['get', 'kind'], 'rail-hub-candidate']),
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 7, 3, 12, 6],
        'circle-color': '#ffffff',
        'circle-stroke-color': '#444',
        'circle-stroke-width': ['case', selected, 3, 1.5],
      },
    },
    {
      id: 'transit-tianfu',
      type: 'circle',
      source: 'transit',
      filter: f(['==', ['get', 'kind'], 'development-zone']),
      paint: {
        'circle-radius': ['case', selected, 9, 7],
        'circle-color': 'rgba(244,162,89,0.35)',
        'circle-stroke-color': '#c8733a',
        'circle-stroke-width': 2,
      },
    },
    {
      id: 'transit-point-label',
      type: 'symbol',
      source: 'transit',
      minzoom: 9,
      filter: f(['in', ['get', 'kind'], ['literal', ['rail-hub-candidate', 'development-zone']]]),
      layout: {
        'text-field': labelField(language),
        'text-font': FONT_STACK,
        'text-size': 11,
        'text-anchor': 'left',
        'text-offset': [0.8, 0],
      },
      paint: labelPaint,
    },
  ];
}

function railLayers(language: Language): LayerSpecification[] {
  const isStation = e(['==', ['get', 'kind'], 'rail-station']);
  return [
    {
      id: 'rail-line-casing',
      type: 'line',
      source: 'rail',
      filter: f(['==', ['get', 'kind'], 'rail-line']),
      paint: { 'line-color': ['case', selected, '#ffd84d', '#ffffff'], 'line-width': ['case', selected, 10, 6] },
    },
    {
      id: 'rail-line',
      type: 'line',
      source: 'rail',
      filter: f(['==', ['get', 'kind'], 'rail-line']),
      paint: { 'line-color': '#a5214e', 'line-width': 3.5 },
    },
    {
      id: 'rail-station',
      type: 'circle',
      source: 'rail',
      filter: f(['in', ['get', 'kind'], ['literal', ['rail-station', 'airport']]]),
      paint: {
        'circle-radius': e(['case', ['has', 'interchange'], 7, ['==', ['get', 'kind'], 'airport'], 6, ['has', 'context'], 3.5, 4.5]),
        'circle-color': e(['case', ['==', ['get', 'kind'], 'airport'], '#4a4a4a', '#ffffff']),
        'circle-stroke-color': e(['case', ['has', 'context'], '#777777', '#a5214e']),
        'circle-stroke-width': e(['case', selected, 4, ['has', 'interchange'], 3, 2]),
      },
    },
    {
      id: 'rail-interchange-ring',
      type: 'circle',
      source: 'rail',
      filter: f(['has', 'interchange']),
      paint: { 'circle-radius': 3, 'circle-color': '#a5214e' },
    },
    {
      id: 'rail-label',
      type: 'symbol',
      source: 'rail',
      minzoom: 8.5,
      filter: f(['any', isStation, ['==', ['get', 'kind'], 'airport']]),
      layout: {
        'text-field': labelField(language),
        'text-font': FONT_STACK,
        'text-size': 11.5,
        'text-anchor': 'top',
        'text-offset': [0, 0.7],
      },
      paint: labelPaint,
    },
    {
      id: 'rail-line-label',
      type: 'symbol',
      source: 'rail',
      maxzoom: 8.5,
      filter: f(['==', ['get', 'kind'], 'rail-line']),
      layout: {
        'symbol-placement': 'line-center',
        'text-field': e(['get', language === 'zh' ? 'name_zh' : 'name_en']),
        'text-font': FONT_STACK,
        'text-size': 11,
        'text-offset': [0, -0.9],
      },
      paint: { ...labelPaint, 'text-color': '#a5214e' },
    },
  ];
}

function siteLayers(language: Language): LayerSpecification[] {
  const color = e(matchExpression('kind', siteKindColor));
  return [
    {
      id: 'sites-point',
      type: 'circle',
      source: 'sites',
      paint: {
        // Areas are wider rings: they stand for a district, not a spot.
        'circle-radius': e(['*', ['case', ['==', ['get', 'kind'], 'area'], 2.6, 1], ['case', selected, 9, hovered, 8, 6]]),
        // Located points are solid; stand-ins (a nearby point for an unknown site) are hollow rings.
        'circle-color': e(['case', standIn, '#ffffff', color]),
        'circle-stroke-color': e(['case', standIn, color, '#ffffff']),
        'circle-stroke-width': e(['case', selected, 4, standIn, 2.5, 1.5]),
      },
    },
    {
      id: 'sites-label',
      type: 'symbol',
      source: 'sites',
      layout: {
        'text-field': labelField(language),
        'text-font': FONT_STACK,
        'text-size': 11.5,
        'text-anchor': 'left',
        'text-offset': [0.9, 0],
        'text-optional': true,
      },
      paint: { ...labelPaint, 'text-color': color },
    },
  ];
}

/** The layers a click or hover can pick, topmost first. */
export const INTERACTIVE_LAYERS = [
  // Stations before sites: 未来科技城 is a stand-in drawn as a wide ring around 福田站, so the
  // station answers a click at its centre and the area one on its ring.
  'rail-station',
  'sites-point',
  'transit-hub',
  'transit-tianfu',
  'rivers-stand-in',
  'rail-line',
  'transit-bus-line',
  'rivers-line',
  'transit-district-fill',
];

export interface StyleOptions {
  language: Language;
  layers: Record<LayerGroup, boolean>;
}

/**
 * @param urls where each geo/ file is served (same origin): MapLibre's worker fetches and parses
 *   them itself, in parallel with the map's own start-up.
 */
export function buildStyle(urls: Record<GeoFileKey, string>, options: StyleOptions): StyleSpecification {
  const sources = Object.fromEntries(
    (Object.keys(SOURCE_IDS) as GeoFileKey[]).map((key) => [
      SOURCE_IDS[key],
      // promoteId lets hover/selection use feature-state keyed by our stable ids.
      { type: 'geojson' as const, data: urls[key], promoteId: 'id' },
    ]),
  );
  const { language } = options;
  const layers: LayerSpecification[] = [
    ...basemapLayers(language),
    ...transitAreaLayers(),
    ...riverLayers(language),
    ...transitNetworkLayers(language),
    cityDotLayer(),
    ...siteLayers(language),
    // Rail above sites: a station must stay visible inside an area's stand-in ring (福田站 in 未来科技城).
    ...railLayers(language),
    cityLabelLayer(language),
  ].map((layer) => {
    const group = groupOfLayer(layer.id);
    if (!group || options.layers[group]) return layer;
    return { ...layer, layout: { ...(layer.layout ?? {}), visibility: 'none' } } as LayerSpecification;
  });
  return { version: 8, name: 'Chengyu Atlas', sources, layers };
}
