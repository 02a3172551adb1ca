import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { transit } from './geo-helpers';

const fc = transit();
const kind = (k: string) => fc.features.filter((f) => f.properties.kind === k);

describe('the southern Chengdu transit circle', () => {
  it('has the seven county areas and Tianfu New Area as a stand-in point, not an invented polygon', () => {
    expect(
      kind('district')
        .map((f) => f.properties.id)
        .sort(),
    ).toEqual(['chongzhou', 'dayi', 'pengshan', 'pujiang', 'qionglai', 'shuangliu', 'xinjin']);
    const tianfu = fc.features.find((f) => f.properties.id === 'tianfu-new-area');
    expect(tianfu?.geometry.type).toBe('Point');
    expect(tianfu?.properties.geometry_quality).toBe('stand-in');
    expect(tianfu?.properties['note_en']).toMatch(/not a county/);
    expect(tianfu?.properties['note_zh']).toMatch(/不是县级行政区/);
  });

  it('measures a union within 2% of the article’s 6236 km², and says so', () => {
    const districts = kind('district') as Feature<Polygon | MultiPolygon>[];
    const union = turf.union(turf.featureCollection(districts));
    const km2 = turf.area(union!) / 1e6;
    expect(Math.abs(km2 - 6236) / 6236).toBeLessThan(0.02);
    expect(fc.summary.measured.area_union_km2).toBe(Math.round(km2));
    expect(fc.summary.article.area_km2).toBe(6236);
    expect(fc.summary.article.population).toBe(5_140_000);
  });

  it('draws 13 schematic bus lines whose groups add up to the article’s totals', () => {
    const lines = kind('bus-line');
    expect(lines).toHaveLength(13);
    for (const l of lines) expect(l.properties.geometry_quality).toBe('schematic');
    const groups = new Map<string, { lines: number; buses: number; drawn: number }>();
    for (const l of lines) {
      const g = String(l.properties['group']);
      const entry = groups.get(g) ?? { lines: Number(l.properties['group_lines']), buses: Number(l.properties['group_buses']), drawn: 0 };
      entry.drawn += 1;
      groups.set(g, entry);
    }
    expect(Object.fromEntries(groups)).toEqual({
      feeder: { lines: 6, buses: 61, drawn: 6 },
      'xinjin-central': { lines: 5, buses: 52, drawn: 5 },
      'xinjin-pengshan': { lines: 2, buses: 26, drawn: 2 },
    });
    const lineSum = [...groups.values()].reduce((s, g) => s + g.lines, 0);
    const busSum = [...groups.values()].reduce((s, g) => s + g.buses, 0);
    expect(lineSum).toBe(fc.summary.article.lines);
    // "140余台": the groups name 139 of the 140-odd buses; the summary must say so rather than hide it.
    expect(busSum).toBe(fc.summary.measured.buses_in_groups);
    expect(busSum).toBeLessThanOrEqual(fc.summary.article.buses_min);
    expect(fc.summary.notes.join(' ')).toContain(`${busSum} buses`);
  });

  it('marks the rail hubs as candidates', () => {
    const hubs = kind('rail-hub-candidate');
    expect(hubs.length).toBeGreaterThanOrEqual(fc.summary.article.rail_hubs);
    for (const h of hubs) expect(h.properties['candidate']).toBe(true);
  });
});
