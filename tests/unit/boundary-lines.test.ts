import { describe, expect, it } from 'vitest';
import { boundaryLines } from '../../scripts/geo/boundary-lines.mjs';
import { readGeo } from './geo-helpers';

type Pt = [number, number];
const edgeKey = (a: Pt, b: Pt) => [a.join(','), b.join(',')].sort().join('|');

function edgesOf(lines: { geometry: { coordinates: number[][] } }[]): string[] {
  return lines.flatMap((l) => l.geometry.coordinates.slice(1).map((p, i) => edgeKey(l.geometry.coordinates[i] as Pt, p as Pt)));
}

describe('the basemap’s borders as lines', () => {
  const basemap = readGeo('basemap.geojson').features;
  const lines = boundaryLines(basemap as never);

  it('draws every edge of every province, prefecture and district outline, each exactly once', () => {
    const expected = new Set<string>();
    for (const f of basemap) {
      if (!['province', 'prefecture', 'cq-district'].includes(f.properties.kind)) continue;
      const g = f.geometry;
      const rings = g.type === 'Polygon' ? g.coordinates : g.type === 'MultiPolygon' ? g.coordinates.flat() : [];
      for (const ring of rings)
        for (let i = 1; i < ring.length; i++) if (ring[i - 1]!.join() !== ring[i]!.join()) expected.add(edgeKey(ring[i - 1] as Pt, ring[i] as Pt));
    }
    const drawn = edgesOf(lines);
    expect(drawn.length).toBe(new Set(drawn).size);
    expect(new Set(drawn)).toEqual(expected);
    // Shared borders are what makes the saving: far fewer edges drawn than the outlines hold.
    const outlineEdges = basemap
      .filter((f) => f.properties.kind !== 'city')
      .reduce((n, f) => n + JSON.stringify((f.geometry as { coordinates: unknown }).coordinates).split('],[').length, 0);
    expect(drawn.length).toBeLessThan(outlineEdges * 0.6);
  });

  it('gives a border between the two provinces the province’s weight, one between prefectures theirs', () => {
    const kindOfEdge = new Map<string, string>();
    for (const l of lines) {
      const c = l.geometry.coordinates;
      for (let i = 1; i < c.length; i++) kindOfEdge.set(edgeKey(c[i - 1] as Pt, c[i] as Pt), l.properties.kind);
    }
    const ring = (id: string) => {
      const g = basemap.find((f) => f.properties.id === id)!.geometry;
      return (g.type === 'Polygon' ? g.coordinates : g.type === 'MultiPolygon' ? g.coordinates.flat() : []).flat() as Pt[];
    };
    // Every vertex of the Sichuan outline lies on a province line.
    const provincePoints = new Set(lines.filter((l) => l.properties.kind === 'province').flatMap((l) => l.geometry.coordinates.map((p) => p.join())));
    expect(ring('province-sichuan').every((p) => provincePoints.has(p.join()))).toBe(true);
    expect(new Set(kindOfEdge.values())).toEqual(new Set(['province', 'prefecture', 'cq-district']));
  });

  it('chains the edges back into lines, in the same order every time', () => {
    expect(lines.length).toBeLessThan(300);
    expect(JSON.stringify(boundaryLines(basemap as never))).toBe(JSON.stringify(lines));
  });
});
