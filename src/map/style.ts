/**
 * The MapLibre style, built by plain functions from where the geo/ files are served and the
 * symbology (src/map/symbology.ts, itself built on the d3 scales of encodings.ts), so it can be
 * tested without a browser. Embedded basemap (no tiles, no glyph server, no sprite): labels are
 * drawn by MapLibre from local fonts named in FONT_STACK. Layer order is drawing order.
 */
import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  SymbolLayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import type { GeoFileKey } from '../data/types';
import type { Language, LayerGroup } from '../state/store';
import {
  boundaryLinePaint,
  busLinePaint,
  districtFillPaint,
  districtLinePaint,
  labelPaint,
  landFillPaint,
  pointPaint,
  railCasingPaint,
  railLinePaint,
  riverLabelPaint,
  riverLinePaint,
  streamLinePaint,
} from './symbology';

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
  labels: 'labels',
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


/** Two-line label: the reader's language first, the other below, smaller. */
export function labelField(language: Language): ExpressionSpecification {
  const zh = ['coalesce', ['get', 'label_zh'], ['get', 'name_zh']];
  const en = ['coalesce', ['get', 'label_en'], ['get', 'name_en']];
  const [first, second] = language === 'zh' ? [zh, en] : [en, zh];
  return e(['format', first, {}, '\n', {}, second, { 'font-scale': 0.78 }]);
}


interface PointLabelOptions {
  filter?: FilterSpecification;
  minzoom?: number;
  size?: number;
  /** where the text sits relative to its point */
  anchor?: 'left' | 'top' | 'center';
  /** drop the text, keep the point, when labels collide */
  optional?: boolean;
}

/** A two-line (zh/en) label beside each point or area of a source. */
function pointLabelLayer(id: string, source: string, language: Language, o: PointLabelOptions = {}): LayerSpecification {
  const anchor = o.anchor ?? 'left';
  return {
    id,
    type: 'symbol',
    source,
    ...(o.minzoom === undefined ? {} : { minzoom: o.minzoom }),
    ...(o.filter === undefined ? {} : { filter: o.filter }),
    layout: {
      'text-field': labelField(language),
      'text-font': FONT_STACK,
      'text-size': o.size ?? 11.5,
      'text-anchor': anchor,
      'text-offset': anchor === 'left' ? [0.9, 0] : anchor === 'top' ? [0, 0.7] : [0, 0],
      'text-optional': o.optional ?? false,
    },
    paint: labelPaint(),
  };
}

function basemapLayers(): LayerSpecification[] {
  return [
    { id: 'base-background', type: 'background', paint: { 'background-color': '#e9ece6' } },
    {
      id: 'base-province-fill',
      type: 'fill',
      source: 'basemap',
      filter: f(['==', ['get', 'kind'], 'province']),
      // The outline is drawn by base-boundary; MapLibre's own fill outline would be a second pass.
      paint: landFillPaint(),
    },
    {
      // Province, prefecture and Chongqing district boundaries in one layer, styled by kind.
      id: 'base-boundary',
      type: 'line',
      source: 'basemap',
      filter: f(['in', ['get', 'kind'], ['literal', ['province', 'prefecture', 'cq-district']]]),
      // Province outlines on top: the lighter prefecture edges along them must not cover them.
      layout: { 'line-join': 'round', 'line-sort-key': e(['match', ['get', 'kind'], 'province', 1, 0]) },
      paint: boundaryLinePaint(),
    },
    { id: 'base-hydrography', type: 'line', source: 'hydrography', paint: streamLinePaint() },
  ];
}

/**
 * City names: prefecture seats and the two centres from the opening view, the other towns from
 * zoom 7.5, where there is room for them (their dots show from the start).
 */
function cityLabelLayers(language: Language): LayerSpecification[] {
  const layer = (id: string, ranks: number[], minzoom: number): LayerSpecification => ({
    id,
    type: 'symbol',
    source: 'basemap',
    minzoom,
    filter: f(['all', ['==', ['get', 'kind'], 'city'], ['in', ['get', 'rank'], ['literal', ranks]]]),
    layout: {
      'text-field': labelField(language),
      'text-font': FONT_STACK,
      'text-size': ['match', ['get', 'rank'], 1, 15, 2, 12.5, 11],
      'symbol-sort-key': ['get', 'rank'],
      'text-anchor': 'top',
      'text-offset': [0, 0.35],
      'text-optional': false,
    },
    paint: labelPaint(),
  });
  return [layer('base-city', [1, 2], 0), layer('base-city-minor', [3], 7.5)];
}

function cityDotLayer(): LayerSpecification {
  return { id: 'base-city-dot', type: 'circle', source: 'basemap', filter: f(['==', ['get', 'kind'], 'city']), paint: pointPaint() };
}

function riverLayers(language: Language): LayerSpecification[] {
  const corridor = e(['boolean', ['get', 'corridor'], false]);
  const lines = f(['==', ['geometry-type'], 'LineString']);
  const riverText = {
    'text-field': e(['get', language === 'zh' ? 'name_zh' : 'name_en']),
    'text-font': FONT_STACK,
    // Han characters are spaced out along the river; Latin names are long already.
    'text-size': e(['case', corridor, language === 'zh' ? 14 : 12, 11]),
    'text-letter-spacing': language === 'zh' ? 0.15 : 0.05,
    // Beside the line, not on it: text over a coloured stroke is hard to read.
    'text-offset': [0, -0.85] as [number, number],
    'text-padding': 4,
  } satisfies SymbolLayerSpecification['layout'];
  const riverLabel = (
    id: string,
    source: string,
    colourBy: 'id' | 'river_id',
    extra: { minzoom?: number; maxzoom?: number; filter?: FilterSpecification },
  ): LayerSpecification => ({
    id,
    type: 'symbol',
    source,
    ...extra,
    layout: { ...riverText, 'symbol-placement': 'line', 'symbol-spacing': 250, 'text-max-angle': 45 },
    paint: riverLabelPaint(colourBy),
  });
  return [
    {
      id: 'rivers-line',
      type: 'line',
      source: 'rivers',
      filter: lines,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: riverLinePaint(),
    },
    { id: 'rivers-stand-in', type: 'circle', source: 'rivers', filter: f(['==', ['geometry-type'], 'Point']), paint: pointPaint() },
    // Below zoom 9 names are placed from geo/labels.geojson, not the real lines, whose meanders
    // turn too sharply for MapLibre to lay text along: in the opening views at one anchor per
    // river, set on a straight stretch with room around it (the data step chooses it and the
    // angle); from zoom 7.5 along smoothed generalised lines.
    {
      id: 'rivers-label-overview',
      type: 'symbol',
      source: SOURCE_IDS.labels,
      maxzoom: 7.5,
      filter: f(['==', ['get', 'kind'], 'river-label-point']),
      layout: {
        ...riverText,
        'text-rotate': e(['get', 'label_angle']),
        'text-rotation-alignment': 'map',
        // The side of the river away from the nearest named place (see scripts/geo/labels.mjs).
        'text-offset': e(['case', ['==', ['get', 'label_side'], 1], ['literal', [0, 0.85]], ['literal', [0, -0.85]]]),
      },
      paint: riverLabelPaint('river_id'),
    },
    riverLabel('rivers-label-regional', SOURCE_IDS.labels, 'river_id', { minzoom: 7.5, maxzoom: 9, filter: f(['==', ['get', 'kind'], 'river-label-line']) }),
    riverLabel('rivers-label', SOURCE_IDS.rivers, 'id', { minzoom: 9, filter: lines }),
    pointLabelLayer('rivers-stand-in-label', 'rivers', language, { filter: f(['==', ['geometry-type'], 'Point']), size: 11 }),
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
      paint: districtFillPaint(),
    },
    {
      id: 'transit-district-line',
      type: 'line',
      source: 'transit',
      filter: f(['==', ['get', 'kind'], 'district']),
      paint: districtLinePaint(),
    },
  ];
}

function transitNetworkLayers(language: Language): LayerSpecification[] {
  return [
    // One anchor per district (geo/labels.geojson): a polygon would be labelled once per tile.
    pointLabelLayer('transit-district-label', SOURCE_IDS.labels, language, {
      filter: f(['==', ['get', 'kind'], 'district-label-point']),
      minzoom: 8,
      size: 12,
      anchor: 'center',
    }),
    {
      id: 'transit-bus-line',
      type: 'line',
      source: 'transit',
      filter: f(['==', ['get', 'kind'], 'bus-line']),
      layout: { 'line-cap': 'butt' },
      paint: busLinePaint(),
    },
    {
      id: 'transit-hub',
      type: 'circle',
      source: 'transit',
      filter: f(['==', ['get', 'kind'], 'rail-hub-candidate']),
      paint: pointPaint(),
    },
    {
      id: 'transit-tianfu',
      type: 'circle',
      source: 'transit',
      filter: f(['==', ['get', 'kind'], 'development-zone']),
      paint: pointPaint(),
    },
    pointLabelLayer('transit-point-label', 'transit', language, {
      filter: f(['in', ['get', 'kind'], ['literal', ['rail-hub-candidate', 'development-zone']]]),
      minzoom: 9,
      size: 11,
    }),
  ];
}

function railLayers(language: Language): LayerSpecification[] {
  return [
    {
      id: 'rail-line-casing',
      type: 'line',
      source: 'rail',
      filter: f(['==', ['get', 'kind'], 'rail-line']),
      paint: railCasingPaint(),
    },
    {
      id: 'rail-line',
      type: 'line',
      source: 'rail',
      filter: f(['==', ['get', 'kind'], 'rail-line']),
      paint: railLinePaint(),
    },
    {
      id: 'rail-station',
      type: 'circle',
      source: 'rail',
      filter: f(['in', ['get', 'kind'], ['literal', ['rail-station', 'airport']]]),
      paint: pointPaint(),
    },
    pointLabelLayer('rail-label', 'rail', language, {
      filter: f(['in', ['get', 'kind'], ['literal', ['rail-station', 'airport']]]),
      minzoom: 8.5,
      anchor: 'top',
    }),
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
      paint: labelPaint(),
    },
  ];
}

function siteLayers(language: Language): LayerSpecification[] {
  return [
    // Located points are solid; stand-ins (a nearby point for an unknown site) are hollow rings.
    { id: 'sites-point', type: 'circle', source: 'sites', paint: pointPaint() },
    pointLabelLayer('sites-label', 'sites', language, { optional: true }),
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
    ...basemapLayers(),
    ...transitAreaLayers(),
    ...riverLayers(language),
    ...transitNetworkLayers(language),
    cityDotLayer(),
    ...siteLayers(language),
    // Rail above sites: a station must stay visible inside an area's stand-in ring (福田站 in 未来科技城).
    ...railLayers(language),
    ...cityLabelLayers(language),
  ].map((layer) => {
    const group = groupOfLayer(layer.id);
    if (!group || options.layers[group]) return layer;
    return { ...layer, layout: { ...(layer.layout ?? {}), visibility: 'none' } } as LayerSpecification;
  });
  return { version: 8, name: 'Chengyu Atlas', sources, layers };
}
