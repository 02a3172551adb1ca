/**
 * The key under each layer check box, drawn from the same scales and colours as the style, so
 * the legend cannot drift from the map.
 */
import type { Language, LayerGroup } from '../state/store';
import { BUS_GROUP_IDS, CORRIDOR_IDS, busGroupColor, riverColor, siteKindColor } from './encodings';
import { DISTRICT_FILL, DISTRICT_LINE, RAIL } from './symbology';
import { legendLabel } from '../ui/locale';

const SVG = 'http://www.w3.org/2000/svg';

type Swatch =
  | { shape: 'line'; colour: string; dashed?: boolean; width?: number }
  | { shape: 'dot'; colour: string; hollow?: boolean }
  | { shape: 'area'; fill: string; stroke: string };

function swatch(s: Swatch): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', '22');
  svg.setAttribute('height', '12');
  svg.setAttribute('aria-hidden', 'true');
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

function entries(group: LayerGroup): [Swatch, string][] {
  switch (group) {
    case 'rivers':
      return CORRIDOR_IDS.map((id) => [{ shape: 'line', colour: riverColor(id) }, id]);
    case 'rail':
      return [
        [{ shape: 'line', colour: RAIL }, 'ziyang-line'],
        [{ shape: 'dot', colour: RAIL, hollow: true }, 'station'],
      ];
    case 'transit':
      return [
        [{ shape: 'area', fill: DISTRICT_FILL, stroke: DISTRICT_LINE }, 'district'],
        ...BUS_GROUP_IDS.map((g): [Swatch, string] => [{ shape: 'line', colour: busGroupColor(g), dashed: true }, `bus-${g}`]),
        [{ shape: 'dot', colour: '#444444', hollow: true }, 'hub'],
      ];
    case 'sites':
      return [
        [{ shape: 'dot', colour: siteKindColor('project-site') }, 'located'],
        [{ shape: 'dot', colour: siteKindColor('project-site'), hollow: true }, 'stand-in'],
      ];
  }
}

/** A list of swatches with their names, for one group. */
export function legendFor(group: LayerGroup, language: Language): HTMLUListElement {
  const ul = document.createElement('ul');
  ul.className = 'atlas-legend';
  for (const [s, key] of entries(group)) {
    const li = document.createElement('li');
    li.append(swatch(s), legendLabel(key, language));
    ul.append(li);
  }
  return ul;
}
