import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * MapLibre draws one whole frame more than it needs whenever new tiles bring labels: in the frame
 * where their symbols arrive it places every label with them, then marks that placement stale
 * anyway (`Style#_updatePlacement`) — a guard for placements spread over several frames, where a
 * tile may have changed after its labels were placed. With `fadeDuration: 0` every placement is
 * a full one, done within its frame after the new tiles are indexed, so the stale mark only asks
 * for one more frame that repaints an identical picture. On a software renderer that frame is
 * 150–230 ms of the opening view (the last before first idle), and one more after each zoom.
 *
 * This clears that mark, and only that one: when labels do not fade and the placement of this
 * frame is complete. Everything here is MapLibre's private state, so each piece is checked
 * before use; if a MapLibre upgrade moves it, nothing is changed and the map simply draws the
 * extra frame again (the opening-view browser test, which counts frames, then fails and says so).
 */
interface PlacingStyle {
  _updatePlacement: (transform: unknown, showCollisionBoxes: unknown, fadeDuration: unknown, ...rest: unknown[]) => boolean;
  pauseablePlacement?: { isDone(): boolean };
  placement?: { stale?: unknown };
}

const patched = new WeakSet<object>();

function isPlacingStyle(style: unknown): style is PlacingStyle {
  return typeof style === 'object' && style !== null && typeof (style as PlacingStyle)._updatePlacement === 'function';
}

function patch(style: PlacingStyle): void {
  if (patched.has(style)) return;
  patched.add(style);
  const update = style._updatePlacement.bind(style);
  style._updatePlacement = (transform, showCollisionBoxes, fadeDuration, ...rest) => {
    const dirty = update(transform, showCollisionBoxes, fadeDuration, ...rest);
    const { pauseablePlacement, placement } = style;
    if (fadeDuration !== 0 || !pauseablePlacement?.isDone() || placement?.stale !== true) return dirty;
    placement.stale = false;
    return false;
  };
}

/** Keep the map from drawing a frame that changes nothing after labels arrive (see above). */
export function skipRedundantPlacementFrames(map: MapLibreMap): void {
  const apply = () => {
    const style: unknown = (map as unknown as { style?: unknown }).style;
    if (isPlacingStyle(style)) patch(style);
  };
  apply();
  // A style loaded whole (not diffed) is a new object: patch it too.
  map.on('style.load', apply);
}
