/**
 * The MapLibre style, built by plain functions from where the data is served and the symbology
 * (src/map/symbology.ts, itself built on the d3 scales of encodings.ts), so it can be tested
 * without a browser. Embedded basemap (no remote tiles, no glyph server, no sprite): labels are
 * drawn by MapLibre from local fonts named in FONT_STACK. Layer order is drawing order.
 *
 * Layers read one source-layer each, named after the geo/ file the features come from.
 */
import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';
import reliefUrl from '../../geo/relief.png?url';
import relief from '../../geo/relief.json';
import type { TileLayer } from '../data/types';
import { type LayerGroup, type LayerItem, LAYER_GROUPS, groupVisibility } from '../state/layers';
import type { Language } from '../state/store';
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
  regionFillPaint,
  reliefPaint,
  regionLinePaint,
  riverLabelPaint,
  riverLinePaint,
  streamLinePaint,
  waterFillPaint,
} from './symbology';

/** Fonts installed on common systems; with no `glyphs` URL MapLibre renders them locally. */
export const FONT_STACK = ['Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'Hiragino Sans GB', 'sans-serif'];

/** The one style source: every geo/ file is a source-layer of the tileset. */
export const SOURCE_ID = 'atlas';

/** Where the map's data is: one PMTiles archive, read through the `pmtiles://` protocol. */
export interface DataSource {
  /** absolute URL of the archive (the protocol needs one) */
  tilesUrl: string;
  /**
   * geo/regions.geojson once a region outline has been asked for, else null: the outlines are not
   * in the tileset (every opening tile would carry them for nothing), so they come on demand.
   */
  regionsUrl?: string | null;
  /**
   * Whether the relief joins the style: it does once the opening view has settled. Loaded with the
   * opening style, the image cost it two more full frames before the first idle (6 instead of 4).
   */
  relief?: boolean;
}

/**
 * The relief: one small hillshade image (geo/relief.png, built by scripts/geo/relief.mjs), its rows
 * on Web Mercator, so MapLibre can stretch it between its corners: one request and one textured
 * quad (tiles of a raster DEM would cost many), added right after the opening view's first idle.
 */
export const RELIEF_SOURCE = 'relief';
const [RW, RS, RE, RN] = relief.bounds as [number, number, number, number];
export const RELIEF_CORNERS: [[number, number], [number, number], [number, number], [number, number]] = [
  [RW, RN],
  [RE, RN],
  [RE, RS],
  [RW, RS],
];

/** The region outlines' own source. */
export const REGIONS_SOURCE = 'regions';

/**
 * What the archive's header says (tested against geo/atlas.pmtiles): the style names the tiles
 * directly, so the map requests the opening view's tiles in its first frame instead of reading the
 * header first (one frame fewer before the map settles).
 */
export const TILESET = { minzoom: 4, maxzoom: 10, bounds: [97.34798, 23.11667, 121.45806, 36.05701] as [number, number, number, number] };

/** Layer ids start with their group's name; the basemap's with `base-`, the region outlines' with `region-`. */
export function groupOfLayer(layerId: string): LayerGroup | null {
  const prefix = layerId.split('-')[0] as string;
  return (LAYER_GROUPS as readonly string[]).includes(prefix) ? (prefix as LayerGroup) : null;
}

const e = (x: unknown) => x as ExpressionSpecification;
const f = (x: unknown) => x as FilterSpecification;

/**
 * The layer item a feature of each layer belongs to, as an expression: most features carry
 * `item`; the name anchors of labels.geojson say which river or district they name.
 */
const ITEM_OF_LAYER: Record<string, unknown> = {
  'rivers-label-overview': ['get', 'river_id'],
  'rivers-label-regional': ['get', 'river_id'],
  'transit-district-label': 'transit-districts',
};

function itemExpression(layerId: string): unknown {
  return ITEM_OF_LAYER[layerId] ?? ['get', 'item'];
}

/**
 * A place's name: in the reader's language only at the scale of the whole region, both from zoom 8,
 * the reader's first and the other below, smaller. At the region's scale every name is a dozen
 * more glyphs drawn before the first frame (the costliest part of the opening), and a second line
 * of every name would crowd the map.
 */
export const BILINGUAL_FROM = 8;

export function labelField(language: Language): ExpressionSpecification {
  const zh = ['coalesce', ['get', 'label_zh'], ['get', 'name_zh']];
  const en = ['coalesce', ['get', 'label_en'], ['get', 'name_en']];
  const [first, second] = language === 'zh' ? [zh, en] : [en, zh];
  return e(['step', ['zoom'], first, BILINGUAL_FROM, ['format', first, {}, '\n', {}, second, { 'font-scale': 0.78 }]]);
}

const from = (layer: TileLayer) => ({ source: SOURCE_ID, 'source-layer': layer });

interface PointLabelOptions {
  filter?: FilterSpecification;
  minzoom?: number;
  size?: number;
  /** where the text sits relative to its point */
  anchor?: 'left' | 'top' | 'center';
  /** drop the text, keep the point, when labels collide */
  optional?: boolean;
}

/** A two-line (zh/en) label beside each point or area of a source-layer. */
function pointLabelLayer(id: string, file: TileLayer, language: Language, o: PointLabelOptions = {}): LayerSpecification {
  const anchor = o.anchor ?? 'left';
  return {
    id,
    type: 'symbol',
    ...from(file),
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
  } as LayerSpecification;
}

function basemapLayers(): LayerSpecification[] {
  return [
    { id: 'base-background', type: 'background', paint: { 'background-color': '#e9ece6' } },
    {
      id: 'base-province-fill',
      type: 'fill',
      ...from('basemap'),
      filter: f(['==', ['get', 'kind'], 'province']),
      // The outline is drawn by base-boundary; MapLibre's own fill outline would be a second pass.
      paint: landFillPaint(),
    },
    { id: 'base-relief', type: 'raster', source: RELIEF_SOURCE, paint: reliefPaint() },
    {
      // Province, prefecture and Chongqing district borders in one layer, styled by kind; each
      // stretch of border is one line in the tileset, at its highest level (see boundary-lines.mjs).
      id: 'base-boundary',
      type: 'line',
      ...from('boundaries'),
      layout: { 'line-join': 'round' },
      paint: boundaryLinePaint(),
    },
    { id: 'base-hydrography', type: 'line', ...from('hydrography'), paint: streamLinePaint() },
  ] as LayerSpecification[];
}

/** Zooms from which the ground's dots and names are drawn: the seats' names fit from 8, the towns' from 10. */
export const GROUND_ZOOM = { county: 8, seat: 8, town: 10, water: 8 };

/**
 * The ground at city scale (geo/ground.geojson, in the tiles from zoom 8 only): Sichuan's county
 * borders under the prefectures', county seats and towns as small grey dots. Their names are in
 * groundLabelLayers, drawn under every thematic name so that those are placed first.
 */
function groundLayers(): LayerSpecification[] {
  const kind = (k: string) => f(['==', ['get', 'kind'], k]);
  return [
    { id: 'base-lake', type: 'fill', ...from('ground'), minzoom: GROUND_ZOOM.water, filter: kind('lake'), paint: waterFillPaint() },
    {
      id: 'base-county',
      type: 'line',
      ...from('ground'),
      minzoom: GROUND_ZOOM.county,
      filter: kind('county-border'),
      layout: { 'line-join': 'round' },
      paint: boundaryLinePaint(),
    },
    // Seats a basemap city stands for are not in the tiles (scripts/geo/build-derived.mjs).
    { id: 'base-seat-dot', type: 'circle', ...from('ground'), minzoom: GROUND_ZOOM.seat, filter: kind('county-seat'), paint: pointPaint() },
    { id: 'base-town-dot', type: 'circle', ...from('ground'), minzoom: GROUND_ZOOM.town, filter: kind('town'), paint: pointPaint() },
  ] as LayerSpecification[];
}

/** Names of seats and towns: one line, in the reader's language (towns' English names are pinyin). */
function groundLabelLayers(language: Language): LayerSpecification[] {
  const layer = (id: string, filter: FilterSpecification, minzoom: number, size: number): LayerSpecification =>
    ({
      id,
      type: 'symbol',
      ...from('ground'),
      minzoom,
      filter,
      layout: {
        'text-field': e(['get', language === 'zh' ? 'name_zh' : 'name_en']),
        'text-font': FONT_STACK,
        'text-size': size,
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 0.5,
        'text-padding': 3,
      },
      paint: labelPaint(),
    }) as LayerSpecification;
  // The background streams Natural Earth names (大渡河, 汉江…), along their lines; 长寿湖 inside it.
  const streams: LayerSpecification = {
    id: 'base-water-label',
    type: 'symbol',
    ...from('hydrography'),
    minzoom: GROUND_ZOOM.water,
    filter: f(['!=', ['get', 'name_zh'], '河流']),
    layout: {
      'symbol-placement': 'line',
      'symbol-spacing': 400,
      'text-field': e(['get', language === 'zh' ? 'name_zh' : 'name_en']),
      'text-font': FONT_STACK,
      'text-size': 11,
      'text-letter-spacing': language === 'zh' ? 0.15 : 0.05,
      'text-offset': [0, -0.8],
      'text-max-angle': 40,
    },
    paint: labelPaint(),
  } as LayerSpecification;
  return [
    streams,
    layer('base-lake-label', f(['==', ['get', 'kind'], 'lake']), GROUND_ZOOM.water + 1, 11),
    layer('base-town-label', f(['==', ['get', 'kind'], 'town']), GROUND_ZOOM.town, 10.5),
    // Above the towns' names, so a seat is placed before the towns around it.
    layer('base-seat-label', f(['==', ['get', 'kind'], 'county-seat']), GROUND_ZOOM.seat, 11.5),
  ];
}

/**
 * The regions the article names (成都都市圈, 渝东北…) are outlined only while one is selected
 * or a passage about it is open: they overlap everything, so a permanent layer would bury the map.
 */
function regionLayers(outlined: readonly string[]): LayerSpecification[] {
  const filter = regionFilter(outlined);
  return [
    { id: 'region-fill', type: 'fill', source: REGIONS_SOURCE, filter, paint: regionFillPaint() },
    { id: 'region-line', type: 'line', source: REGIONS_SOURCE, filter, layout: { 'line-join': 'round' }, paint: regionLinePaint() },
  ] as LayerSpecification[];
}

export const REGION_LAYERS = ['region-fill', 'region-line'];

/** The filter that shows these region ids only. */
export function regionFilter(ids: readonly string[]): FilterSpecification {
  return f(['in', ['get', 'id'], ['literal', [...ids]]]);
}

/**
 * City names: prefecture seats and the two centres from the opening view, the other towns from
 * zoom 7.5, where there is room for them (their dots show from the start). The two centres (rank
 * 1, 成都 and 重庆, the page's twin cores) have a layer of their own, placed before every other
 * name (see allLayers): at region zoom on a phone the districts' names around 成都 used to take
 * its place.
 */
function cityLabelLayers(language: Language): LayerSpecification[] {
  const layer = (id: string, ranks: number[], minzoom: number): LayerSpecification =>
    ({
      id,
      type: 'symbol',
      ...from('basemap'),
      minzoom,
      filter: f(['all', ['==', ['get', 'kind'], 'city'], ['in', ['get', 'rank'], ['literal', ranks]]]),
      layout: {
        'text-field': labelField(language),
        'text-font': FONT_STACK,
        'text-size': ['match', ['get', 'rank'], 1, 15, 2, 12.5, 11],
        'symbol-sort-key': ['get', 'rank'],
        // Below its dot where there is room, else beside or above it: the districts' names around
        // 成都 are placed first (there are seven of them in a patch of the opening view).
        'text-variable-anchor': ['top', 'right', 'left', 'bottom'],
        'text-radial-offset': 0.35,
        'text-optional': false,
      },
      paint: labelPaint(),
    }) as LayerSpecification;
  const core = layer('base-city-core', [1], 0);
  // Drawn even where a corridor's or a district's name (placed first) is near: the twin cores are what the page is about.
  Object.assign(core.layout as object, { 'text-allow-overlap': true });
  return [core, layer('base-city', [2], 0), layer('base-city-minor', [3], 7.5)];
}

function cityDotLayer(): LayerSpecification {
  return { id: 'base-city-dot', type: 'circle', ...from('basemap'), filter: f(['==', ['get', 'kind'], 'city']), paint: pointPaint() } as LayerSpecification;
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
    file: TileLayer,
    colourBy: 'id' | 'river_id',
    extra: { minzoom?: number; maxzoom?: number; filter?: FilterSpecification },
  ): LayerSpecification =>
    ({
      id,
      type: 'symbol',
      ...from(file),
      ...extra,
      layout: { ...riverText, 'symbol-placement': 'line', 'symbol-spacing': 250, 'text-max-angle': 45 },
      paint: riverLabelPaint(colourBy),
    }) as LayerSpecification;
  return [
    {
      id: 'rivers-line',
      type: 'line',
      ...from('rivers'),
      filter: lines,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: riverLinePaint(),
    } as LayerSpecification,
    { id: 'rivers-stand-in', type: 'circle', ...from('rivers'), filter: f(['==', ['geometry-type'], 'Point']), paint: pointPaint() } as LayerSpecification,
    // Below zoom 9 names are placed from geo/labels.geojson, not the real lines, whose meanders
    // turn too sharply for MapLibre to lay text along: in the opening views at one anchor per
    // river, set on a straight stretch with room around it (the data step chooses it and the
    // angle); from zoom 7.5 along smoothed generalised lines.
    {
      id: 'rivers-label-overview',
      type: 'symbol',
      ...from('labels'),
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
    } as LayerSpecification,
    riverLabel('rivers-label-regional', 'labels', 'river_id', { minzoom: 7.5, maxzoom: 9, filter: f(['==', ['get', 'kind'], 'river-label-line']) }),
    riverLabel('rivers-label', 'rivers', 'id', { minzoom: 9, filter: lines }),
    pointLabelLayer('rivers-stand-in-label', 'rivers', language, { filter: f(['==', ['geometry-type'], 'Point']), size: 11 }),
  ];
}

/** District areas sit below the rivers; the network above them (see transitNetworkLayers). */
function transitAreaLayers(): LayerSpecification[] {
  return [
    { id: 'transit-district-fill', type: 'fill', ...from('transit'), filter: f(['==', ['get', 'kind'], 'district']), paint: districtFillPaint() },
    { id: 'transit-district-line', type: 'line', ...from('transit'), filter: f(['==', ['get', 'kind'], 'district']), paint: districtLinePaint() },
  ] as LayerSpecification[];
}

function transitNetworkLayers(language: Language): LayerSpecification[] {
  return [
    {
      id: 'transit-bus-line',
      type: 'line',
      ...from('transit'),
      filter: f(['==', ['get', 'kind'], 'bus-line']),
      layout: { 'line-cap': 'butt' },
      paint: busLinePaint(),
    } as LayerSpecification,
    {
      id: 'transit-hub',
      type: 'circle',
      ...from('transit'),
      filter: f(['==', ['get', 'kind'], 'rail-hub-candidate']),
      paint: pointPaint(),
    } as LayerSpecification,
    {
      id: 'transit-tianfu',
      type: 'circle',
      ...from('transit'),
      filter: f(['==', ['get', 'kind'], 'development-zone']),
      paint: pointPaint(),
    } as LayerSpecification,
    pointLabelLayer('transit-point-label', 'transit', language, {
      filter: f(['in', ['get', 'kind'], ['literal', ['rail-hub-candidate', 'development-zone']]]),
      minzoom: 9,
      size: 11,
    }),
  ];
}

/**
 * One name per transit district, from the opening view (the article is about these eight areas),
 * at one anchor each (geo/labels.geojson: a polygon would be labelled once per tile). Drawn above
 * every name but the rivers', so they are placed before the rest (the cities' names move round
 * their dots to make room): below zoom 8 in the reader's language only, short, moved around their
 * anchor to find room.
 */
function districtLabelLayer(language: Language): LayerSpecification {
  return {
    id: 'transit-district-label',
    type: 'symbol',
    ...from('labels'),
    filter: f(['==', ['get', 'kind'], 'district-label-point']),
    layout: {
      'text-field': labelField(language),
      'text-font': FONT_STACK,
      'text-size': e(['interpolate', ['linear'], ['zoom'], 6, 10, 9, 12]),
      'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
      'text-radial-offset': 0.4,
      'text-padding': 0,
    },
    paint: labelPaint(),
  } as LayerSpecification;
}

function railLayers(language: Language): LayerSpecification[] {
  return [
    { id: 'rail-line-casing', type: 'line', ...from('rail'), filter: f(['==', ['get', 'kind'], 'rail-line']), paint: railCasingPaint() },
    { id: 'rail-line', type: 'line', ...from('rail'), filter: f(['==', ['get', 'kind'], 'rail-line']), paint: railLinePaint() },
    { id: 'rail-station', type: 'circle', ...from('rail'), filter: f(['in', ['get', 'kind'], ['literal', ['rail-station', 'airport']]]), paint: pointPaint() },
    pointLabelLayer('rail-label', 'rail', language, {
      filter: f(['in', ['get', 'kind'], ['literal', ['rail-station', 'airport']]]),
      minzoom: 8.5,
      anchor: 'top',
    }),
    {
      id: 'rail-line-label',
      type: 'symbol',
      ...from('rail'),
      maxzoom: 8.5,
      filter: f(['==', ['get', 'kind'], 'rail-line']),
      layout: {
        'symbol-placement': 'line-center',
        'text-field': e(['coalesce', ['get', language === 'zh' ? 'label_zh' : 'label_en'], ['get', language === 'zh' ? 'name_zh' : 'name_en']]),
        'text-font': FONT_STACK,
        'text-size': 11,
        'text-offset': [0, -0.9],
      },
      paint: labelPaint(),
    },
  ] as LayerSpecification[];
}

function siteLayers(language: Language): LayerSpecification[] {
  return [
    // Located points are solid; stand-ins (a nearby point for an unknown site) are hollow rings.
    { id: 'sites-point', type: 'circle', ...from('sites'), paint: pointPaint() } as LayerSpecification,
    pointLabelLayer('sites-label', 'sites', language, { optional: true }),
  ];
}

/** How a layer's features are hit: a dot, a line, an area, or a name. */
export type PickClass = 'point' | 'line' | 'area' | 'label';

/**
 * The layers a click or hover can pick, and how. A name picks the feature it names: a river's
 * anchor names `river_id`, a district's `district_id`.
 */
export const PICKABLE: Record<string, { kind: PickClass; idProperty?: string; ring?: boolean }> = {
  'rail-station': { kind: 'point' },
  'sites-point': { kind: 'point' },
  'transit-hub': { kind: 'point' },
  'transit-tianfu': { kind: 'point' },
  'rivers-stand-in': { kind: 'point' },
  'base-city-dot': { kind: 'point' },
  'rail-line': { kind: 'line' },
  'transit-bus-line': { kind: 'line' },
  'rivers-line': { kind: 'line' },
  'transit-district-fill': { kind: 'area' },
  'rivers-label-overview': { kind: 'label', idProperty: 'river_id' },
  'rivers-label-regional': { kind: 'label', idProperty: 'river_id' },
  'rivers-label': { kind: 'label' },
  'rivers-stand-in-label': { kind: 'label' },
  'transit-district-label': { kind: 'label', idProperty: 'district_id' },
  'transit-point-label': { kind: 'label' },
  'rail-label': { kind: 'label' },
  'rail-line-label': { kind: 'label' },
  'sites-label': { kind: 'label' },
  'base-city-core': { kind: 'label' },
  'base-city': { kind: 'label' },
  'base-city-minor': { kind: 'label' },
};

export interface StyleOptions {
  language: Language;
  hidden: readonly LayerItem[];
  /** the region outlines shown */
  outlined?: readonly string[];
}

/** The filter a thematic layer gets: its own, and none of the hidden items. */
export function layerFilter(layer: LayerSpecification, base: FilterSpecification | undefined, hidden: readonly LayerItem[]): FilterSpecification | undefined {
  if (!groupOfLayer(layer.id) || hidden.length === 0) return base;
  const notHidden = ['!', ['in', itemExpression(layer.id), ['literal', [...hidden]]]];
  return f(base ? ['all', base, notHidden] : notHidden);
}

/** The thematic layers with their own filters, kept to re-filter them when items are switched. */
export function baseFilters(style: StyleSpecification): Map<string, FilterSpecification | undefined> {
  return new Map(style.layers.map((l) => [l.id, (l as { filter?: FilterSpecification }).filter]));
}

/** Visibility of a layer: off when its whole group is off (cheaper than filtering every feature out). */
export function layerVisible(layerId: string, hidden: readonly LayerItem[]): boolean {
  const group = groupOfLayer(layerId);
  return !group || groupVisibility(group, hidden) !== 'none';
}

/** The style's layers before visibility and item filters are applied. */
function allLayers(language: Language, outlined: readonly string[], withRegions: boolean): LayerSpecification[] {
  // The six corridors' names in the opening view are placed before any other name: the page is
  // about these rivers, and each has one anchor only.
  const rivers = riverLayers(language);
  const riverNames = rivers.filter((l) => l.id === 'rivers-label-overview');
  const regions = withRegions ? regionLayers(outlined) : [];
  const cities = cityLabelLayers(language);
  const core = cities.find((l) => l.id === 'base-city-core');
  return [
    ...basemapLayers(),
    ...groundLayers(),
    // Symbols are placed from the top layer down: the ground's names, under every thematic layer,
    // yield to every thematic name (and lie under the lines, as the ground does).
    ...groundLabelLayers(language),
    ...regions.slice(0, 1),
    ...transitAreaLayers(),
    ...rivers.filter((l) => !riverNames.includes(l)),
    ...transitNetworkLayers(language),
    cityDotLayer(),
    ...siteLayers(language),
    // Rail above sites: a station must stay visible inside an area's stand-in ring (福田站 in 未来科技城).
    ...railLayers(language),
    ...regions.slice(1),
    ...cities.filter((l) => l !== core),
    // Placed after the corridors' and the transit districts' names and drawn whatever they cover
    // (text-allow-overlap): nothing can take the twin cores' names at region zoom, and they take
    // no name of the article's from the map (the other cities' names make room round them).
    ...(core ? [core] : []),
    districtLabelLayer(language),
    ...riverNames,
  ];
}

/** The global-state property holding the ids whose names are placed first (selection, highlights). */
export const EMPHASIS_STATE = 'emphasis';
const EMPHASIS_SUFFIX = '-emphasis';

/**
 * Twins of the name layers that draw only the selected and highlighted features' names, on top of
 * every other layer so that MapLibre places them first. Which ids is map state, not style: a
 * `global-state` expression in the filter (layout properties cannot read feature-state), set with
 * map.setGlobalStateProperty(EMPHASIS_STATE, ids). A point's name shows at every zoom when it is
 * emphasised; the rivers' names keep their zoom tiers (one tier names a river at a time).
 */
// An emphasised name picks its feature as the name it doubles does.
for (const [id, how] of Object.entries(PICKABLE)) if (how.kind === 'label' && !id.startsWith('base-city')) PICKABLE[`${id}${EMPHASIS_SUFFIX}`] = how;

function emphasisLayers(layers: readonly LayerSpecification[]): LayerSpecification[] {
  return layers.flatMap((layer) => {
    const how = PICKABLE[layer.id];
    if (layer.type !== 'symbol' || how?.kind !== 'label' || layer.id.startsWith('base-city')) return [];
    const base = (layer as { filter?: FilterSpecification }).filter;
    const emphasised = ['in', ['get', how.idProperty ?? 'id'], ['global-state', EMPHASIS_STATE]];
    const twin: Record<string, unknown> = { ...layer, id: `${layer.id}${EMPHASIS_SUFFIX}`, filter: f(base ? ['all', base, emphasised] : emphasised) };
    if (!layer.id.startsWith('rivers-label')) delete twin['minzoom'];
    return [twin as unknown as LayerSpecification];
  });
}

export function buildStyle(data: DataSource, options: StyleOptions): StyleSpecification {
  const source: SourceSpecification = {
    type: 'vector',
    tiles: [`pmtiles://${data.tilesUrl}/{z}/{x}/{y}`],
    ...TILESET,
    // Hover and selection use feature-state keyed by our stable ids.
    promoteId: 'id',
  };
  const withRelief = (layer: LayerSpecification) => data.relief || (layer as { source?: string }).source !== RELIEF_SOURCE;
  const drawn = allLayers(options.language, options.outlined ?? [], !!data.regionsUrl).filter(withRelief);
  const layers = [...drawn, ...emphasisLayers(drawn)].map((layer) => {
    const base = (layer as { filter?: FilterSpecification }).filter;
    const filter = layerFilter(layer, base, options.hidden);
    const visible = layerVisible(layer.id, options.hidden);
    return {
      ...layer,
      ...(filter ? { filter } : {}),
      ...(visible ? {} : { layout: { ...(layer.layout ?? {}), visibility: 'none' } }),
    } as LayerSpecification;
  });
  // The regions' source and layers join the style with the first outline asked for: even empty,
  // a source costs the opening view two frames (its metadata, then its tiles).
  const sources: Record<string, SourceSpecification> = { [SOURCE_ID]: source };
  if (data.relief) sources[RELIEF_SOURCE] = { type: 'image', url: reliefUrl, coordinates: RELIEF_CORNERS };
  if (data.regionsUrl) sources[REGIONS_SOURCE] = { type: 'geojson', data: data.regionsUrl, promoteId: 'id' };
  return { version: 8, name: 'Chengyu Atlas', sources, layers, state: { [EMPHASIS_STATE]: { default: [] } } } as StyleSpecification;
}
