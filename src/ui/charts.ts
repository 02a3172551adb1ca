/**
 * Small inline charts for figures that compare: stated against measured, and the three bus groups.
 * Drawn from d3 scales (the bus colours are the map's own scale), as SVG the panel styles.
 */
import { scaleLinear } from 'd3-scale';
import { html, svg, type TemplateResult } from 'lit';
import { busGroupColor } from '../map/encodings';
import type { Language } from '../state/store';
import type { Comparison } from './figures';
import { formatNumber } from '../i18n/locale';

const WIDTH = 300;
const LABEL = 96;
const BAR = 14;
const ROW = 22;

/** Two bars on one scale from zero, so the gap between what is said and what is drawn shows. */
export function comparisonChart(c: Comparison, language: Language): TemplateResult {
  const x = scaleLinear()
    .domain([0, Math.max(c.stated, c.measured)])
    .range([0, WIDTH - LABEL - 70]);
  const rows = [
    { label: c.statedLabel, value: c.stated, cls: 'article' },
    { label: c.measuredLabel, value: c.measured, cls: 'measured' },
  ];
  const value = (v: number) => `${formatNumber(v, language, Number.isInteger(v) ? 0 : 1)}${c.unit ? ` ${c.unit}` : ''}`;
  const title = `${c.label}: ${rows.map((r) => `${r.label} ${value(r.value)}`).join(language === 'zh' ? ',' : ', ')}`;
  return html`<figure class="chart">
    <figcaption>${c.label}</figcaption>
    <svg viewBox="0 0 ${WIDTH} ${rows.length * ROW}" width="100%" role="img" aria-label=${title}>
      ${rows.map(
        (r, i) => svg`<g transform="translate(0 ${i * ROW})">
          <text x="0" y="${BAR - 2}" class="label">${r.label}</text>
          <rect x="${LABEL}" y="2" height="${BAR - 2}" width="${Math.max(1, x(r.value))}" class="bar ${r.cls}"></rect>
          <text x="${LABEL + x(r.value) + 6}" y="${BAR - 2}" class="value">${value(r.value)}</text>
        </g>`,
      )}
    </svg>
  </figure>`;
}

export interface BusGroupRow {
  group: string;
  name: string;
  lines: number;
  buses: number;
}

/** The three groups' buses as bars and their lines as counts, the current group emphasised. */
export function busGroupsChart(rows: readonly BusGroupRow[], current: string | null, language: Language): TemplateResult {
  const x = scaleLinear()
    .domain([0, Math.max(...rows.map((r) => r.buses))])
    .range([0, WIDTH - LABEL - 90]);
  const caption = language === 'zh' ? '三组线路的车辆与线路数(文章)' : 'Buses and lines of the three groups (the article)';
  const title = rows
    .map((r) => (language === 'zh' ? `${r.name}:${r.lines}条线路,${r.buses}台车` : `${r.name}: ${r.lines} lines, ${r.buses} buses`))
    .join(language === 'zh' ? ';' : '; ');
  return html`<figure class="chart">
    <figcaption>${caption}</figcaption>
    <svg viewBox="0 0 ${WIDTH} ${rows.length * ROW}" width="100%" role="img" aria-label=${title}>
      ${rows.map(
        (r, i) => svg`<g transform="translate(0 ${i * ROW})" class=${r.group === current ? 'current' : ''}>
          <text x="0" y="${BAR - 2}" class="label">${r.name}</text>
          <rect x="${LABEL}" y="2" height="${BAR - 2}" width="${Math.max(1, x(r.buses))}" fill=${busGroupColor(r.group)}></rect>
          <text x="${LABEL + x(r.buses) + 6}" y="${BAR - 2}" class="value">${language === 'zh' ? `${r.buses}台 · ${r.lines}条` : `${r.buses} buses · ${r.lines}`}</text>
        </g>`,
      )}
    </svg>
  </figure>`;
}
