// The boundary lines the map draws, from the basemap's polygons: each stretch of border once.
//
// Two neighbouring prefectures share their border, and a province's outline runs along the outer
// edges of its prefectures: tiling the polygons themselves sends (and draws) most borders two or
// three times. The polygons come from one topology (mapshaper, shared borders vertex for vertex),
// so an edge can be matched by its two ends. Each edge is kept once, at the highest level of the
// polygons it bounds (province over prefecture or Chongqing district), and the edges are chained
// back into lines.

// Counties (geo/ground.geojson) lie below: a county border that is also a prefecture's is drawn
// as the prefecture's. Their lines come last, so the other lines' ids do not change with them.
const LEVEL = { province: 2, prefecture: 1, 'cq-district': 1, county: 0.5 };

function rings(geometry) {
  if (geometry.type === 'Polygon') return geometry.coordinates;
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat();
  return [];
}

const key = (p) => `${p[0]},${p[1]}`;

/**
 * @param {{ properties: { kind: string }, geometry: any }[]} features the basemap's features
 * @returns {{ type: 'Feature', properties: { id: string, kind: string }, geometry: { type: 'LineString', coordinates: number[][] } }[]}
 */
export function boundaryLines(features) {
  /** edge key → { a, b, kind } with the kind of the highest level that has it */
  const edges = new Map();
  for (const f of features) {
    const level = LEVEL[f.properties.kind];
    if (!level) continue;
    for (const ring of rings(f.geometry)) {
      for (let i = 1; i < ring.length; i++) {
        const a = ring[i - 1];
        const b = ring[i];
        const [ka, kb] = [key(a), key(b)];
        if (ka === kb) continue;
        const k = ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
        const seen = edges.get(k);
        if (!seen || LEVEL[seen.kind] < level) edges.set(k, { a: ka < kb ? a : b, b: ka < kb ? b : a, kind: f.properties.kind });
      }
    }
  }
  const out = [];
  for (const kind of ['province', 'prefecture', 'cq-district', 'county']) {
    const own = [...edges.entries()].filter(([, e]) => e.kind === kind).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    // Vertex → the edges meeting there; lines run on through vertices where exactly two meet.
    const at = new Map();
    for (const [k, e] of own) for (const p of [e.a, e.b]) at.set(key(p), [...(at.get(key(p)) ?? []), k]);
    const used = new Set();
    const byKey = new Map(own);
    const walk = (startKey, from) => {
      const line = [from];
      let k = startKey;
      let here = from;
      while (k && !used.has(k)) {
        used.add(k);
        const e = byKey.get(k);
        const next = key(e.a) === key(here) ? e.b : e.a;
        line.push(next);
        here = next;
        const onward = at.get(key(here)) ?? [];
        k = onward.length === 2 ? onward.find((x) => !used.has(x)) : undefined;
      }
      return line;
    };
    // Open chains first, from their ends (vertices where other than two edges meet); closed rings after.
    for (const [k, e] of own) {
      if (used.has(k)) continue;
      const start = [e.a, e.b].find((p) => (at.get(key(p)) ?? []).length !== 2);
      if (!start) continue;
      out.push({ kind, coordinates: walk(k, start) });
    }
    for (const [k, e] of own) if (!used.has(k)) out.push({ kind, coordinates: walk(k, e.a) });
  }
  return out.map((l, i) => ({
    type: 'Feature',
    properties: { id: `boundary-${l.kind}-${i + 1}`, kind: l.kind },
    geometry: { type: 'LineString', coordinates: l.coordinates },
  }));
}
