// The geometry that places river names (geo/labels.geojson) must stay true to the rivers it names.
import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { CORRIDOR_IDS } from '../../src/map/encodings';
import { REGION_BOUNDS } from '../../src/state/store';
import { byId, namedPointsInOverview, readGeo } from './geo-helpers';

const labels = readGeo('labels.geojson');
const rivers = readGeo('rivers.geojson');
const anchors = labels.features.filter((f) => f.properties.kind === 'river-label-point');
const named = namedPointsInOverview();

describe('river name anchors for the opening view', () => {
  it.each(CORRIDOR_IDS)('%s has one, on its river and inside the region', (id) => {
    const own = anchors.filter((f) => f.properties['river_id'] === id);
    expect(own.length).toBeGreaterThanOrEqual(1);
    const river = byId(rivers, id);
    if (river.geometry.type !== 'LineString') throw new Error(`${id} is not a line`);
    const [[west, south], [east, north]] = REGION_BOUNDS;
    for (const a of own) {
      if (a.geometry.type !== 'Point') throw new Error(`${a.properties.id} is not a point`);
      // Taken along the river itself: within rounding of the line.
      expect(turf.pointToLineDistance(a.geometry.coordinates, river.geometry, { units: 'kilometers' })).toBeLessThan(0.05);
      const [lng, lat] = a.geometry.coordinates as [number, number];
      expect(lng).toBeGreaterThan(west);
      expect(lng).toBeLessThan(east);
      expect(lat).toBeGreaterThan(south);
      expect(lat).toBeLessThan(north);
    }
  });

  it('reads left to right, set along the river’s own direction there', () => {
    for (const a of anchors) {
      const angle = Number(a.properties['label_angle']);
      expect(angle).toBeGreaterThan(-90);
      expect(angle).toBeLessThanOrEqual(90);
      // The river's direction at the anchor, from points 5 km either side along it, in screen terms.
      const river = byId(rivers, String(a.properties['river_id']));
      if (river.geometry.type !== 'LineString' || a.geometry.type !== 'Point') throw new Error('bad geometry');
      const at = turf.length(turf.lineSlice(river.geometry.coordinates[0] as number[], a.geometry.coordinates, river.geometry));
      const [p, q] = [turf.along(river.geometry, at - 5), turf.along(river.geometry, at + 5)].map((pt) => turf.toMercator(pt).geometry.coordinates) as [
        number[],
        number[],
      ];
      let local = (Math.atan2((p[1] as number) - (q[1] as number), (q[0] as number) - (p[0] as number)) * 180) / Math.PI;
      if (local > 90) local -= 180;
      if (local <= -90) local += 180;
      const gap = Math.abs(((angle - local + 270) % 180) - 90);
      expect(gap, String(a.properties.id)).toBeLessThan(40);
    }
  });

  it('keeps clear of every place named in the opening view', () => {
    for (const a of anchors) {
      if (a.geometry.type !== 'Point') throw new Error('bad geometry');
      const here = a.geometry.coordinates;
      const nearest = Math.min(...named.map((p) => turf.distance(here, (p.geometry as GeoJSON.Point).coordinates)));
      expect(nearest, String(a.properties.id)).toBeGreaterThanOrEqual(30);
    }
  });

  it('never names the Jinsha, above Yibin, as the Yangtze', () => {
    const yibin = [104.63, 28.77];
    const yangtze = byId(rivers, 'river-yangtze');
    if (yangtze.geometry.type !== 'LineString') throw new Error('river-yangtze is not a line');
    const upToYibin = turf.length(turf.lineSlice(yangtze.geometry.coordinates[0] as number[], yibin, yangtze.geometry));
    for (const a of anchors.filter((f) => f.properties['river_id'] === 'river-yangtze')) {
      if (a.geometry.type !== 'Point') throw new Error('bad geometry');
      const at = turf.length(turf.lineSlice(yangtze.geometry.coordinates[0] as number[], a.geometry.coordinates, yangtze.geometry));
      expect(at).toBeGreaterThan(upToYibin);
    }
  });
});

describe('river name lines from zoom 7.5', () => {
  it.each(CORRIDOR_IDS)('%s has a smoothed line that stays within 5 km of the river', (id) => {
    const line = labels.features.find((f) => f.properties.kind === 'river-label-line' && f.properties['river_id'] === id);
    const river = byId(rivers, id);
    if (!line || line.geometry.type !== 'LineString' || river.geometry.type !== 'LineString') throw new Error(`${id}: no label line`);
    // Sampled every 4 km: the line may cut across a meander's neck, but never wanders off the valley.
    // (Measured against the river thinned to 0.002°, about 200 m, to keep the test quick.)
    const reference = turf.simplify(turf.lineString(river.geometry.coordinates), { tolerance: 0.002 });
    const labelLine = turf.lineString(line.geometry.coordinates);
    const length = turf.length(labelLine);
    let widest = 0;
    for (let d = 0; d <= length; d += 4) {
      widest = Math.max(widest, turf.pointToLineDistance(turf.along(labelLine, d), reference));
    }
    expect(widest).toBeLessThan(5);
  });
});
