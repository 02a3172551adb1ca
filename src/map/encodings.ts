/**
 * Visual encodings, each one d3 scale, so the legend, the style and the tests read the same mapping.
 */
import { scaleLinear, scaleOrdinal } from 'd3-scale';
import { readableOn } from './contrast';

/** The six corridors in the article's order. */
export const CORRIDOR_IDS = ['river-yangtze', 'river-jialing', 'river-wu', 'river-min', 'river-tuo', 'river-fu'] as const;

/**
 * Okabe–Ito hues (distinguishable with the common colour-vision deficiencies), without its yellow,
 * which vanishes on a light basemap.
 */
export const riverColor = scaleOrdinal<string, string>()
  .domain(CORRIDOR_IDS)
  .range(['#0072B2', '#56B4E9', '#009E73', '#D55E00', '#CC79A7', '#E69F00'])
  .unknown('#5b8db8');

/** The dark ink of the map's labels. */
export const LABEL_INK = '#1f2a33';

/** The land the labels sit on. */
export const LAND_COLOUR = '#fbfaf5';

/**
 * River names in their river's hue, darkened until they read as text on the land (WCAG AA):
 * the light hues (嘉陵江's sky blue, 涪江's orange) are too pale as they are.
 */
export const riverLabelColor = scaleOrdinal<string, string>()
  .domain(CORRIDOR_IDS)
  .range(CORRIDOR_IDS.map((id) => readableOn(LAND_COLOUR, riverColor(id))))
  .unknown(readableOn(LAND_COLOUR, riverColor.unknown() as string));

export const BUS_GROUP_IDS = ['feeder', 'xinjin-central', 'xinjin-pengshan'] as const;

export const busGroupColor = scaleOrdinal<string, string>().domain(BUS_GROUP_IDS).range(['#6a3d9a', '#b15928', '#1b7837']).unknown('#555555');

/** Line width in px from average buses per line: zero buses, zero width. */
export const busWidth = scaleLinear().domain([0, 13]).range([0, 5]).clamp(true);

export const SITE_KIND_IDS = ['project-site', 'mountain', 'area', 'city', 'province'] as const;

export const siteKindColor = scaleOrdinal<string, string>()
  .domain(SITE_KIND_IDS)
  .range(['#c2185b', '#5d4037', '#00838f', '#37474f', '#78909c'])
  .unknown('#455a64');

/** A MapLibre `match` expression that reproduces an ordinal scale on a feature property. */
export function matchExpression(property: string, scale: { domain(): readonly string[]; (value: string): string; unknown(): unknown }): unknown[] {
  const pairs = scale.domain().flatMap((d) => [d, scale(d)]);
  return ['match', ['get', property], ...pairs, scale.unknown() as string];
}

/** A MapLibre `interpolate` expression that reproduces a linear scale on a numeric property. */
export function interpolateExpression(property: string, scale: { domain(): number[]; range(): number[] }): unknown[] {
  const stops = scale.domain().flatMap((d, i) => [d, scale.range()[i] as number]);
  return ['interpolate', ['linear'], ['to-number', ['get', property], 0], ...stops];
}
