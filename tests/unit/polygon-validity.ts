// A small, independent check of polygon validity for the committed outlines (districts, prefectures,
// provinces, regions). It looks for what renderers and area sums trip over, and what the OGC simple
// features rules forbid: rings that touch or cross themselves, holes that touch their shell or each
// other, and holes so small they are slivers rather than enclaves. It does not share code with the
// data scripts, so it does not share their mistakes.
import { area, polygon as turfPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Closer than this (metres) counts as touching: coordinates are written with 5–6 decimals (≈1 m / 0.1 m). */
export const TOUCH_M = 0.5;
/** A hole smaller than this (km²) is a sliver, not an enclave: the smallest real enclave here is ~0.8 km². */
export const MIN_HOLE_KM2 = 0.1;

const M_PER_DEG = 111_320;

interface Seg {
  ring: number;
  i: number;
  a: Position;
  b: Position;
}

/** Distance in metres from p to segment ab, on a local equirectangular plane. */
function pointSegmentM(p: Position, a: Position, b: Position): number {
  const k = Math.cos(((p[1] as number) * Math.PI) / 180);
  const ax = ((a[0] as number) - (p[0] as number)) * k * M_PER_DEG;
  const ay = ((a[1] as number) - (p[1] as number)) * M_PER_DEG;
  const bx = ((b[0] as number) - (p[0] as number)) * k * M_PER_DEG;
  const by = ((b[1] as number) - (p[1] as number)) * M_PER_DEG;
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

/** True when segments ab and cd cross at a point inside both (not merely at shared end points). */
function properlyCross(a: Position, b: Position, c: Position, d: Position): boolean {
  const o = (p: Position, q: Position, r: Position) =>
    Math.sign(
      ((q[0] as number) - (p[0] as number)) * ((r[1] as number) - (p[1] as number)) -
        ((q[1] as number) - (p[1] as number)) * ((r[0] as number) - (p[0] as number)),
    );
  const [o1, o2, o3, o4] = [o(a, b, c), o(a, b, d), o(c, d, a), o(c, d, b)];
  return o1 * o2 < 0 && o3 * o4 < 0;
}

/** Problems of one polygon (shell + holes), as readable strings; empty when valid. */
export function polygonProblems(rings: Position[][]): string[] {
  const problems: string[] = [];
  rings.forEach((ring, r) => {
    if (ring.length < 4) problems.push(`ring ${r} has ${ring.length} positions`);
    const [f, l] = [ring[0], ring[ring.length - 1]];
    if (!f || !l || f[0] !== l[0] || f[1] !== l[1]) problems.push(`ring ${r} is not closed`);
  });
  if (problems.length > 0) return problems;

  // Edges in a grid (cells of ~0.01°), so each vertex meets only the edges near it.
  const CELL = 0.01;
  const grid = new Map<string, Seg[]>();
  const segs: Seg[] = [];
  rings.forEach((ring, r) => {
    for (let i = 0; i + 1 < ring.length; i++) {
      const s: Seg = { ring: r, i, a: ring[i] as Position, b: ring[i + 1] as Position };
      segs.push(s);
      const [x0, x1] = [Math.min(s.a[0] as number, s.b[0] as number), Math.max(s.a[0] as number, s.b[0] as number)];
      const [y0, y1] = [Math.min(s.a[1] as number, s.b[1] as number), Math.max(s.a[1] as number, s.b[1] as number)];
      for (let gx = Math.floor(x0 / CELL); gx <= Math.floor(x1 / CELL); gx++) {
        for (let gy = Math.floor(y0 / CELL); gy <= Math.floor(y1 / CELL); gy++) {
          const k = `${gx},${gy}`;
          const list = grid.get(k);
          if (list) list.push(s);
          else grid.set(k, [s]);
        }
      }
    }
  });
  const near = (p: Position): Seg[] => {
    const out = new Set<Seg>();
    const [gx, gy] = [Math.floor((p[0] as number) / CELL), Math.floor((p[1] as number) / CELL)];
    for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) for (const s of grid.get(`${gx + dx},${gy + dy}`) ?? []) out.add(s);
    return [...out];
  };

  const found = new Set<string>();
  const report = (text: string) => {
    if (!found.has(text)) {
      found.add(text);
      problems.push(text);
    }
  };
  rings.forEach((ring, r) => {
    const n = ring.length - 1; // distinct vertices
    for (let i = 0; i < n; i++) {
      const p = ring[i] as Position;
      for (const s of near(p)) {
        // An edge that starts or ends at this vertex of the same ring is its own; skip it.
        if (s.ring === r && (s.i === i || (s.i + 1) % n === i)) continue;
        if (pointSegmentM(p, s.a, s.b) > TOUCH_M) continue;
        const where = `${(p[0] as number).toFixed(4)}, ${(p[1] as number).toFixed(4)}`;
        if (s.ring === r) report(`ring ${r} touches itself at ${where}`);
        else if (r === 0 || s.ring === 0) report(`hole ${Math.max(r, s.ring)} touches the shell at ${where}`);
        else report(`holes ${Math.min(r, s.ring)} and ${Math.max(r, s.ring)} touch at ${where}`);
      }
    }
  });
  // Crossings: every pair of edges that share a grid cell.
  for (const list of grid.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const [s, t] = [list[x] as Seg, list[y] as Seg];
        if (t.ring === s.ring && Math.abs(t.i - s.i) <= 1) continue;
        if (properlyCross(s.a, s.b, t.a, t.b)) {
          report(
            `ring ${s.ring} crosses ${t.ring === s.ring ? 'itself' : `ring ${t.ring}`} near ${(s.a[0] as number).toFixed(4)}, ${(s.a[1] as number).toFixed(4)}`,
          );
        }
      }
    }
  }
  rings.slice(1).forEach((hole, h) => {
    const km2 = area(turfPolygon([hole])) / 1e6;
    if (km2 < MIN_HOLE_KM2) report(`hole ${h + 1} is a sliver of ${km2.toFixed(4)} km²`);
  });
  return problems;
}

/** Problems of a Polygon or MultiPolygon, each prefixed with its part number for multipolygons. */
export function geometryProblems(geometry: Polygon | MultiPolygon): string[] {
  if (geometry.type === 'Polygon') return polygonProblems(geometry.coordinates);
  return geometry.coordinates.flatMap((poly, k) => polygonProblems(poly).map((p) => `part ${k}: ${p}`));
}
