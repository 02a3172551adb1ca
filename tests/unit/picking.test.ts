import { describe, expect, it } from 'vitest';
import { type Candidate, MOUSE, TOUCH, decide, lineDistance, segmentDistance } from '../../src/map/picking';

const c = (id: string, kind: Candidate['kind'], distance: number, inside?: boolean): Candidate => ({ id, kind, distance, ...(inside === undefined ? {} : { inside }) });

describe('what a click means', () => {
  it('takes the dot under the pointer before a line or an area there', () => {
    expect(decide([c('xinjin', 'area', 0), c('bus-1', 'line', 1), c('hub', 'point', 2, true)], MOUSE)).toEqual({ type: 'one', id: 'hub' });
  });

  it('takes a name under the pointer before a dot merely within reach', () => {
    expect(decide([c('city-chengdu', 'point', 5, false), c('futian-station', 'label', 0)], MOUSE)).toEqual({ type: 'one', id: 'futian-station' });
  });

  it('answers for a district anywhere inside it where nothing else is within reach', () => {
    expect(decide([c('xinjin', 'area', 0), c('bus-1', 'line', 9)], MOUSE)).toEqual({ type: 'one', id: 'xinjin' });
    expect(decide([c('xinjin', 'area', 0), c('bus-1', 'line', 3)], MOUSE)).toEqual({ type: 'one', id: 'bus-1' });
  });

  it('takes the nearer of two overlapping dots', () => {
    expect(decide([c('tongluo', 'point', 4, true), c('guangyang', 'point', 0.5, true)], MOUSE)).toEqual({ type: 'one', id: 'guangyang' });
  });

  it('lets the reader choose between features equally close (coincident bus lines)', () => {
    expect(decide([c('bus-feeder-1', 'line', 0.4), c('bus-feeder-2', 'line', 1.5), c('xinjin', 'area', 0)], MOUSE)).toEqual({
      type: 'choose',
      ids: ['bus-feeder-1', 'bus-feeder-2'],
    });
  });

  it('reaches further for a finger than for a mouse', () => {
    const far = [c('river-jialing', 'line', 14)];
    expect(decide(far, MOUSE)).toEqual({ type: 'none' });
    expect(decide(far, TOUCH)).toEqual({ type: 'one', id: 'river-jialing' });
  });

  it('counts a feature hit twice (its dot and its name) once, by its most specific hit', () => {
    expect(decide([c('a', 'point', 3, false), c('a', 'label', 0), c('b', 'line', 0)], MOUSE)).toEqual({ type: 'one', id: 'a' });
  });

  it('finds nothing where nothing is', () => {
    expect(decide([], MOUSE)).toEqual({ type: 'none' });
  });
});

describe('distances on screen', () => {
  it('measures to the nearest point of a segment, ends included', () => {
    expect(segmentDistance([5, 3], [0, 0], [10, 0])).toBe(3);
    expect(segmentDistance([-3, 4], [0, 0], [10, 0])).toBe(5);
    expect(lineDistance([5, 5], [[[0, 0], [10, 0]], [[0, 6], [10, 6]]])).toBe(1);
  });
});
