/**
 * The key beside each layer item, drawn from the same scales and colours as the style, so the
 * legend cannot drift from the map.
 */
import type { LayerItem } from '../state/layers';
import { busGroupColor, riverColor, siteKindColor } from './encodings';
import { DISTRICT_FILL, DISTRICT_LINE, RAIL } from './symbology';

const SVG = 'http://www.w3.org/2000/svg';

export type Swatch =
  | { shape: 'line'; colour: string; dashed?: boolean; width?: number }
  | { shape: 'dot'; colour: string; hollow?: boolean }
  | { shape: 'area'; fill: string; stroke: string };

/** The swatch of each item: the same colour and shape the map draws it with. */
export function swatchOf(item: LayerItem): Swatch {
  switch (item) {
    case 'river-yangtze':
    case 'river-jialing':
    case 'river-wu':
    case 'river-min':
    case 'river-tuo':
    case 'river-fu':
      return { shape: 'line', colour: riverColor(item) };
    case 'rivers-other':
      return { shape: 'dot', colour: riverColor.unknown() as string, hollow: true };
    case 'rail-line':
      return { shape: 'line', colour: RAIL };
    case 'rail-stations':
      return { shape: 'dot', colour: RAIL, hollow: true };
    case 'transit-districts':
      return { shape: 'area', fill: DISTRICT_FILL, stroke: DISTRICT_LINE };
    case 'bus-feeder':
      return { shape: 'line', colour: busGroupColor('feeder') };
    case 'bus-xinjin-central':
      return { shape: 'line', colour: busGroupColor('xinjin-central') };
    case 'bus-xinjin-pengshan':
      return { shape: 'line', colour: busGroupColor('xinjin-pengshan') };
    case 'transit-hubs':
      return { shape: 'dot', colour: '#444444', hollow: true };
    case 'sites-project':
      return { shape: 'dot', colour: siteKindColor('project-site') };
    case 'sites-mountain':
      return { shape: 'dot', colour: siteKindColor('mountain') };
    case 'sites-area':
      return { shape: 'dot', colour: siteKindColor('area'), hollow: true };
    case 'sites-city':
      return { shape: 'dot', colour: siteKindColor('city') };
    case 'sites-province':
      return { shape: 'dot', colour: siteKindColor('province'), hollow: true };
  }
}

/** The swatch as a small SVG (decorative: the item's name says what it is). */
export function swatchSvg(s: Swatch): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', '22');
  svg.setAttribute('height', '12');
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add('swatch');
  const el = document.createElementNS(SVG, s.shape === 'line' ? 'line' : s.shape === 'dot' ? 'circle' : 'rect');
  const attrs: Record<string, string> =
    s.shape === 'line'
      ? { x1: '1', y1: '6', x2: '21', y2: '6', stroke: s.colour, 'stroke-width': String(s.width ?? 3), ...(s.dashed ? { 'stroke-dasharray': '4 2.4' } : {}) }
      : s.shape === 'dot'
        ? { cx: '11', cy: '6', r: '4', fill: s.hollow ? '#fff' : s.colour, stroke: s.hollow ? s.colour : '#fff', 'stroke-width': s.hollow ? '2' : '1' }
        : { x: '2', y: '1', width: '18', height: '10', fill: s.fill, stroke: s.stroke };
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  svg.append(el);
  return svg;
}
