import * as turf from '@turf/turf';
import type { LineString, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { byId, readGeo } from './geo-helpers';

const rail = readGeo('rail.geojson');
const line = byId(rail, 'ziyang-line');
const coords = (line.geometry as LineString).coordinates;
const STATIONS = ['futian-station', 'ziyang-linkong-station', 'xingfu-avenue-station', 'changhong-square-station', 'baotai-station', 'ziyang-north-station'];

describe('the Ziyang line', () => {
  it('starts within 300 m of Futian and ends within 300 m of Ziyang North', () => {
    // Independent reference points: the stations' converted coordinates (GCJ-02 → WGS84) from the cited source.
    expect(turf.distance(coords[0]!, [104.38488, 30.28064], { units: 'meters' })).toBeLessThan(300);
    expect(turf.distance(coords.at(-1)!, [104.67888, 30.12949], { units: 'meters' })).toBeLessThan(300);
  });

  it('passes through the six opened stations in order', () => {
    const along = STATIONS.map((id) => {
      const p = (byId(rail, id).geometry as Point).coordinates;
      const snapped = turf.nearestPointOnLine(turf.lineString(coords), p, { units: 'kilometers' });
      expect(snapped.properties.dist, id).toBeLessThan(0.05);
      return snapped.properties.location;
    });
    expect([...along].sort((a, b) => a - b)).toEqual(along);
    expect(STATIONS.map((id) => byId(rail, id).properties['order'])).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('states the article length beside the length the geometry measures, and is marked schematic', () => {
    expect(line.properties['length_stated_km']).toBe(38.7);
    const measured = turf.length(line, { units: 'kilometers' });
    expect(line.properties['length_measured_km']).toBeCloseTo(measured, 1);
    expect(measured).toBeLessThan(38.7);
    expect(line.properties.geometry_quality).toBe('schematic');
    expect(line.properties['opened']).toBe('2024-09-29');
  });

  it('marks Futian as the Line 18/19 interchange and keeps the airport as context', () => {
    expect(byId(rail, 'futian-station').properties['interchange']).toMatch(/18.*19/);
    expect(byId(rail, 'chengdu-tianfu-international-airport').properties['context']).toBe(true);
    expect(byId(rail, 'tianfu-airport-t1-t2-station').properties['context']).toBe(true);
  });
});
