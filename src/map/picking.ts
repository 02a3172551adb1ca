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
 *
 * A fingertip is wider than what it means to touch: on touch screens nothing under the finger has
 * precedence (a dot, a line, a name, the district around them), and everything within a finger's
 * width of the nearest is offered to choose from; alone, it is taken.
 *
 * A choice lists the smallest things first (dots, then names, then lines, then the areas around
 * them: what a finger on a crowd most likely meant), at most MAX_CHOICES of them; `more` says how
 * many more lay there, for a "zoom in here" entry.
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

export type Pick = { type: 'none' } | { type: 'one'; id: string } | { type: 'choose'; ids: string[]; more?: number };

/** The most a choice lists: more than a glance can take in is a list to search, not a choice. */
export const MAX_CHOICES = 8;

/** Smallest first: a dot, a name, a line, the area around them. */
const SIZE_ORDER: Record<PickClass, number> = { point: 0, label: 1, line: 2, area: 3 };

export interface PickOptions {
  /** how far from a dot or a line a pointer still counts (a finger reaches further than a mouse) */
  reach: number;
  /** distances closer than this to the best are "equally close" */
  tie: number;
  /** a mouse points precisely: a dot under it wins outright, then a name under it */
  precise: boolean;
}

export const MOUSE: PickOptions = { reach: 6, tie: 2, precise: true };
export const TOUCH: PickOptions = { reach: 20, tie: 10, precise: false };

const isOnDot = (c: Candidate) => c.kind === 'point' && c.distance <= (c.radius ?? 0);

function ranker(precise: boolean) {
  const rank = (c: Candidate): number => {
    // Under a finger an area is as near as anything else it touches: it joins the choice.
    if (!precise) return 2;
    if (c.kind === 'area') return 3;
    if (isOnDot(c)) return 0;
    return c.kind === 'label' ? 1 : 2;
  };
  /** What orders candidates of one rank: the centre of a dot under a mouse, else the drawn edge. */
  const score = (c: Candidate): number => {
    if (precise && isOnDot(c)) return c.distance;
    return c.kind === 'point' ? Math.max(0, c.distance - (c.radius ?? 0)) : c.distance;
  };
  return { rank, score };
}

export function decide(candidates: readonly Candidate[], options: PickOptions): Pick {
  const { rank, score } = ranker(options.precise);
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
  return rivals.length > 1 ? choice(rivals) : { type: 'one', id: top.id };
}

/** Rivals as a choice: the smallest (then the nearest) first, no more than MAX_CHOICES. */
function choice(rivals: readonly Candidate[]): Pick {
  const ordered = [...rivals].sort((a, b) => SIZE_ORDER[a.kind] - SIZE_ORDER[b.kind] || a.distance - b.distance);
  const ids = ordered.slice(0, MAX_CHOICES).map((c) => c.id);
  const more = ordered.length - ids.length;
  return more > 0 ? { type: 'choose', ids, more } : { type: 'choose', ids };
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
