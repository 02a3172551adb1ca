/**
 * Which feature a click or tap means. Candidates come from what MapLibre drew near the pointer;
 * this decides among them, without a browser:
 *
 * - a dot under the pointer first (the nearest centre), then a name under it;
 * - then whatever is drawn nearest the pointer within reach, dots and lines alike, measured to
 *   their drawn edge (a line under the pointer beats a dot beside it);
 * - an area last: it is what is left when nothing more specific is within reach, so a district
 *   answers anywhere inside it;
 * - when several are equally close (coincident bus lines, dots on top of each other), the reader
 *   chooses: the result lists them instead of silently taking one.
 */
import type { PickClass } from './style';

export interface Candidate {
  id: string;
  kind: PickClass;
  /** px from the pointer to the dot's centre or to the line; 0 inside an area or a name's box */
  distance: number;
  /** for dots: the radius drawn, stroke included */
  radius?: number;
}

export type Pick = { type: 'none' } | { type: 'one'; id: string } | { type: 'choose'; ids: string[] };

const isOnDot = (c: Candidate) => c.kind === 'point' && c.distance <= (c.radius ?? 0);

function rank(c: Candidate): number {
  if (isOnDot(c)) return 0;
  if (c.kind === 'label') return 1;
  if (c.kind === 'area') return 3;
  return 2;
}

/** What orders candidates of one rank: the centre of a dot under the pointer, else the drawn edge. */
function score(c: Candidate): number {
  if (isOnDot(c)) return c.distance;
  return c.kind === 'point' ? c.distance - (c.radius ?? 0) : c.distance;
}

export interface PickOptions {
  /** how far from a dot or a line a pointer still counts (a finger reaches further than a mouse) */
  reach: number;
  /** distances closer than this to the best are "equally close" */
  tie: number;
}

export const MOUSE: PickOptions = { reach: 6, tie: 2 };
export const TOUCH: PickOptions = { reach: 20, tie: 5 };

export function decide(candidates: readonly Candidate[], options: PickOptions): Pick {
  // One entry per feature: its most specific hit.
  const best = new Map<string, Candidate>();
  for (const c of candidates) {
    if (rank(c) === 2 && score(c) > options.reach) continue;
    const seen = best.get(c.id);
    if (!seen || rank(c) < rank(seen) || (rank(c) === rank(seen) && score(c) < score(seen))) best.set(c.id, c);
  }
  const ranked = [...best.values()].sort((a, b) => rank(a) - rank(b) || score(a) - score(b));
  const top = ranked[0];
  if (!top) return { type: 'none' };
  const rivals = ranked.filter((c) => rank(c) === rank(top) && score(c) - score(top) <= options.tie);
  return rivals.length > 1 ? { type: 'choose', ids: rivals.map((c) => c.id) } : { type: 'one', id: top.id };
}

/** Distance in px from point p to the segment ab. */
export function segmentDistance(p: [number, number], a: [number, number], b: [number, number]): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Distance in px from p to the nearest of several lines (each a list of screen points). */
export function lineDistance(p: [number, number], lines: readonly (readonly [number, number][])[]): number {
  let d = Infinity;
  for (const line of lines) {
    if (line.length === 1) d = Math.min(d, Math.hypot(p[0] - line[0]![0], p[1] - line[0]![1]));
    for (let i = 1; i < line.length; i++) d = Math.min(d, segmentDistance(p, line[i - 1]!, line[i]!));
  }
  return d;
}
