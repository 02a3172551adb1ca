import { describe, expect, it } from 'vitest';
import { type Bounds, type Camera, type Viewport, clipBounds, frame, freeRect, project, screenBox } from '../../src/map/framing';

const vp: Viewport = { width: 1280, height: 800, padding: { top: 20, right: 80, bottom: 40, left: 400 }, minZoom: 5.5, maxZoom: 12 };
const camera: Camera = { center: [106, 30], zoom: 7, bearing: 0 };
const OPTS = { pointZoom: 9 };

function inside(b: Bounds, cam: Camera, v: Viewport, slack = 0.5): boolean {
  const [x0, y0, x1, y1] = screenBox(b, cam, v);
  const [fx0, fy0, fx1, fy1] = freeRect(v);
  return x0 >= fx0 - slack && y0 >= fy0 - slack && x1 <= fx1 + slack && y1 <= fy1 + slack;
}

describe('framing a selection in the free part of the map', () => {
  it('puts the map centre at the middle of the screen', () => {
    expect(project([106, 30], camera, vp)).toEqual([640, 400]);
  });

  it('leaves the camera alone when a clicked feature is already in the free area', () => {
    const b: Bounds = [106, 30, 106.2, 30.2];
    expect(inside(b, camera, vp)).toBe(true);
    expect(frame(b, camera, vp, 'reveal', OPTS)).toBeNull();
  });

  it('pans a clicked feature out from under the panel, without zooming', () => {
    const b: Bounds = [104, 29.9, 104.3, 30.1];
    expect(inside(b, camera, vp)).toBe(false);
    const next = frame(b, camera, vp, 'reveal', OPTS)!;
    expect(next.zoom).toBe(camera.zoom);
    expect(inside(b, next, vp)).toBe(true);
    // Only as far as needed: its left edge now touches the panel's edge.
    expect(screenBox(b, next, vp)[0]).toBeCloseTo(vp.padding.left, 0);
  });

  it('zooms out only as far as a clicked feature needs to fit', () => {
    const b: Bounds = [103, 28, 109, 32];
    const next = frame(b, camera, vp, 'reveal', OPTS)!;
    expect(next.zoom).toBeLessThan(camera.zoom);
    expect(inside(b, next, vp)).toBe(true);
  });

  it('fills the free area with a feature chosen from text, never beyond the zoom where it fills it', () => {
    const b: Bounds = [103.7, 30.3, 103.95, 30.5];
    const next = frame(b, camera, vp, 'focus', OPTS)!;
    expect(inside(b, next, vp)).toBe(true);
    const [x0, y0, x1, y1] = screenBox(b, next, vp);
    const [fx0, fy0, fx1, fy1] = freeRect(vp);
    // One of its sides spans the free area: it fills it.
    expect(Math.max((x1 - x0) / (fx1 - fx0), (y1 - y0) / (fy1 - fy0))).toBeCloseTo(1, 2);
  });

  it('shows a point at the point zoom, or closer if the reader is closer already', () => {
    const p: Bounds = [104.38, 30.28, 104.38, 30.28];
    expect(frame(p, camera, vp, 'focus', OPTS)!.zoom).toBe(9);
    expect(frame(p, { ...camera, zoom: 10.5 }, vp, 'focus', OPTS)!.zoom).toBe(10.5);
    expect(inside(p, frame(p, camera, vp, 'focus', OPTS)!, vp)).toBe(true);
  });

  it('never zooms out beyond the minimum: a feature too big is centred in the free area', () => {
    const huge: Bounds = [90, 20, 125, 40];
    const next = frame(huge, camera, vp, 'focus', OPTS)!;
    expect(next.zoom).toBe(vp.minZoom);
    const [x0, y0, x1, y1] = screenBox(huge, next, vp);
    const [fx0, fy0, fx1, fy1] = freeRect(vp);
    expect((x0 + x1) / 2).toBeCloseTo((fx0 + fx1) / 2, 0);
    expect((y0 + y1) / 2).toBeCloseTo((fy0 + fy1) / 2, 0);
  });

  it('frames under a rotated map too', () => {
    const rotated = { ...camera, bearing: 30 };
    const b: Bounds = [104, 29.9, 104.3, 30.1];
    const next = frame(b, rotated, vp, 'reveal', OPTS)!;
    expect(inside(b, next, vp)).toBe(true);
  });

  it('keeps a shared link’s view while any of its selection is in sight, and reveals it otherwise', () => {
    const partly: Bounds = [104, 29.9, 106.3, 30.1];
    expect(inside(partly, camera, vp)).toBe(false);
    expect(frame(partly, camera, vp, 'glimpse', OPTS)).toBeNull();
    const hidden: Bounds = [104, 29.9, 104.3, 30.1];
    const next = frame(hidden, camera, vp, 'glimpse', OPTS)!;
    expect(inside(hidden, next, vp)).toBe(true);
  });

  it('does nothing when asked not to', () => {
    expect(frame([104, 30, 105, 31], camera, vp, 'none', OPTS)).toBeNull();
  });

  it('frames the part of a long river inside the region, and a far city as it is', () => {
    expect(clipBounds([101.5, 26, 121.5, 33.5], [102, 27, 110, 33])).toEqual([102, 27, 110, 33]);
    expect(clipBounds([121.4, 31.2, 121.4, 31.2], [102, 27, 110, 33])).toEqual([121.4, 31.2, 121.4, 31.2]);
  });
});
