/**
 * Bringing a selection into view: in the part of the map the panels leave free, as far as needed
 * and no further. Pure geometry on Web Mercator (512 px tiles, as MapLibre), so it is tested
 * without a browser; the map view turns the result into one camera move.
 */
import type { Framing } from '../state/store';

export type Bounds = [number, number, number, number];

/** What covers the map from each edge, in px: panels, controls, a notice. */
export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Room kept between the framed feature and whatever covers the map. */
export const FRAME_MARGIN = 24;

export function addPadding(a: Padding, margin: number): Padding {
  return { top: a.top + margin, right: a.right + margin, bottom: a.bottom + margin, left: a.left + margin };
}

export interface Camera {
  center: [number, number];
  zoom: number;
  bearing: number;
}

export interface Viewport {
  width: number;
  height: number;
  /** what covers the map, margin included */
  padding: Padding;
  minZoom: number;
  maxZoom: number;
}

const TILE = 512;

/** World pixel coordinates of a lng/lat at a zoom. */
export function toWorld([lng, lat]: [number, number], zoom: number): [number, number] {
  const size = TILE * 2 ** zoom;
  const phi = (Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 180;
  return [((lng + 180) / 360) * size, (0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI)) * size];
}

export function fromWorld([x, y]: [number, number], zoom: number): [number, number] {
  const size = TILE * 2 ** zoom;
  const lng = (x / size) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / size))) * 180) / Math.PI;
  return [lng, lat];
}

function rotate([x, y]: [number, number], degrees: number): [number, number] {
  const a = (degrees * Math.PI) / 180;
  return [x * Math.cos(a) - y * Math.sin(a), x * Math.sin(a) + y * Math.cos(a)];
}

/** Screen position (container px) of a lng/lat under a camera. */
export function project(lngLat: [number, number], camera: Camera, vp: Pick<Viewport, 'width' | 'height'>): [number, number] {
  const [cx, cy] = toWorld(camera.center, camera.zoom);
  const [px, py] = toWorld(lngLat, camera.zoom);
  const [dx, dy] = rotate([px - cx, py - cy], -camera.bearing);
  return [vp.width / 2 + dx, vp.height / 2 + dy];
}

/** The screen box of a bbox under a camera (all four corners, so a rotated map is handled). */
export function screenBox(b: Bounds, camera: Camera, vp: Pick<Viewport, 'width' | 'height'>): Bounds {
  const corners: [number, number][] = [
    [b[0], b[1]],
    [b[0], b[3]],
    [b[2], b[1]],
    [b[2], b[3]],
  ].map((c) => project(c as [number, number], camera, vp));
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** The free rectangle in container px: [left, top, right, bottom]. */
export function freeRect(vp: Viewport): Bounds {
  return [vp.padding.left, vp.padding.top, vp.width - vp.padding.right, vp.height - vp.padding.bottom];
}

/** The camera that puts `lngLat` at screen position `at`, at a zoom. */
function cameraPlacing(lngLat: [number, number], at: [number, number], zoom: number, bearing: number, vp: Viewport): Camera {
  const [px, py] = toWorld(lngLat, zoom);
  const [dx, dy] = rotate([at[0] - vp.width / 2, at[1] - vp.height / 2], bearing);
  return { center: fromWorld([px - dx, py - dy], zoom), zoom, bearing };
}

/** The zoom at which a bbox exactly fills the free rectangle (no bearing). */
function fillingZoom(b: Bounds, vp: Viewport, from: number): number {
  const [x0, y0] = toWorld([b[0], b[3]], from);
  const [x1, y1] = toWorld([b[2], b[1]], from);
  const [fx0, fy0, fx1, fy1] = freeRect(vp);
  const scale = Math.min((fx1 - fx0) / Math.max(x1 - x0, 1e-9), (fy1 - fy0) / Math.max(y1 - y0, 1e-9));
  return from + Math.log2(scale);
}

export interface FrameOptions {
  /** the zoom a point is shown at when it is focused (a point never "fills" anything) */
  pointZoom: number;
}

/**
 * Where the camera should go so that `bbox` is framed in the free area, or null to stay put.
 *
 * - `reveal` (a click on the map): stay if it is already in the free area; else pan just enough;
 *   zoom out only if it cannot fit at this zoom.
 * - `glimpse` (a shared link, whose view is what the sender saw): stay if any of it is in the free
 *   area; else as `reveal`.
 * - `focus` (from text, a list, a search, a link without a view): fill the free area with it, never
 *   past the zoom where it fills it (a point: `pointZoom`, or closer if the reader is closer already).
 *
 * The zoom always stays within the map's range: a feature too large for the free area at the
 * minimum zoom is centred in it instead.
 */
export function frame(bbox: Bounds, camera: Camera, vp: Viewport, framing: Framing, options: FrameOptions): Camera | null {
  if (framing === 'none') return null;
  const [fx0, fy0, fx1, fy1] = freeRect(vp);
  const freeCentre: [number, number] = [(fx0 + fx1) / 2, (fy0 + fy1) / 2];
  // The middle on screen, not in degrees: Mercator stretches latitude.
  const [wx0, wy0] = toWorld([bbox[0], bbox[3]], 0);
  const [wx1, wy1] = toWorld([bbox[2], bbox[1]], 0);
  const centre = fromWorld([(wx0 + wx1) / 2, (wy0 + wy1) / 2], 0);
  const isPoint = bbox[2] - bbox[0] < 1e-6 && bbox[3] - bbox[1] < 1e-6;
  const clampZoom = (z: number) => Math.min(vp.maxZoom, Math.max(vp.minZoom, z));

  if (framing === 'reveal' || framing === 'glimpse') {
    const [x0, y0, x1, y1] = screenBox(bbox, camera, vp);
    // Within a pixel counts as in: a view restored from a link (rounded) must not be nudged.
    const slack = 1;
    if (x0 >= fx0 - slack && y0 >= fy0 - slack && x1 <= fx1 + slack && y1 <= fy1 + slack) return null;
    if (framing === 'glimpse' && x1 > fx0 && x0 < fx1 && y1 > fy0 && y0 < fy1) return null;
    if (x1 - x0 <= fx1 - fx0 && y1 - y0 <= fy1 - fy0) {
      // Pan by the overflow only: the feature stops just inside the free area's edge.
      const dx = x0 < fx0 ? fx0 - x0 : x1 > fx1 ? fx1 - x1 : 0;
      const dy = y0 < fy0 ? fy0 - y0 : y1 > fy1 ? fy1 - y1 : 0;
      const [cx, cy] = project(camera.center, camera, vp);
      const target: [number, number] = [cx - dx, cy - dy];
      const [wx, wy] = toWorld(camera.center, camera.zoom);
      const [rx, ry] = rotate([target[0] - cx, target[1] - cy], camera.bearing);
      return { center: fromWorld([wx + rx, wy + ry], camera.zoom), zoom: camera.zoom, bearing: camera.bearing };
    }
    const zoom = clampZoom(Math.min(camera.zoom, fillingZoom(bbox, vp, camera.zoom)));
    return cameraPlacing(centre, freeCentre, zoom, camera.bearing, vp);
  }

  const zoom = clampZoom(isPoint ? Math.max(camera.zoom, options.pointZoom) : fillingZoom(bbox, vp, camera.zoom));
  return cameraPlacing(centre, freeCentre, zoom, camera.bearing, vp);
}

/** The zoom at which a bbox just fits a window of this size, less what covers it (no bearing). */
export function fittingZoom(b: Bounds, width: number, height: number, padding: Padding): number {
  const w = Math.max(width - padding.left - padding.right, 100);
  const h = Math.max(height - padding.top - padding.bottom, 100);
  const [x0, y0] = toWorld([b[0], b[3]], 0);
  const [x1, y1] = toWorld([b[2], b[1]], 0);
  return Math.log2(Math.min(w / (x1 - x0), h / (y1 - y0)));
}

/** A bbox cut to a window (a river runs far beyond the region; frame the part the atlas is about). */
export function clipBounds(b: Bounds, to: Bounds): Bounds {
  const clipped: Bounds = [Math.max(b[0], to[0]), Math.max(b[1], to[1]), Math.min(b[2], to[2]), Math.min(b[3], to[3])];
  // Entirely outside (Shanghai, Guangzhou…): keep its own box.
  return clipped[0] > clipped[2] || clipped[1] > clipped[3] ? b : clipped;
}
