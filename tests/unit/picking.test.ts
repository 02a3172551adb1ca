import { describe, expect, it } from 'vitest';
import { type Candidate, MOUSE, TOUCH, decide, lineDistance, segmentDistance } from '../../src/map/picking';

const dot = (id: string, distance: number, radius = 5): Candidate => ({ id, kind: 'point', distance, radius });
const line = (id: string, distance: number): Candidate => ({ id, kind: 'line', distance });
const area = (id: string): Candidate => ({ id, kind: 'area', distance: 0 });
const label = (id: string): Candidate => ({ id, kind: 'label', distance: 0 });

describe('what a click means', () => {
  it('takes the dot under the pointer before a line or an area there', () => {
    expect(decide([area('xinjin'), line('bus-1', 1), dot('hub', 2)], MOUSE)).toEqual({ type: 'one', id: 'hub' });
  });

  it('takes a name under the pointer before anything merely within reach', () => {
    expect(decide([dot('city-chengdu', 8, 4), line('bus-1', 1), label('futian-station')], MOUSE)).toEqual({ type: 'one', id: 'futian-station' });
  });

  it('takes a line under the pointer before a dot beside it', () => {
    expect(decide([dot('hub', 7, 4), line('bus-1', 0.3)], MOUSE)).toEqual({ type: 'one', id: 'bus-1' });
  });

  it('answers for a district anywhere inside it where nothing else is within reach', () => {
    expect(decide([area('xinjin'), line('bus-1', 9)], MOUSE)).toEqual({ type: 'one', id: 'xinjin' });
    expect(decide([area('xinjin'), line('bus-1', 3)], MOUSE)).toEqual({ type: 'one', id: 'bus-1' });
  });

  it('takes the nearer centre of two overlapping dots', () => {
    expect(decide([dot('tongluo', 4), dot('guangyang', 0.5)], MOUSE)).toEqual({ type: 'one', id: 'guangyang' });
  });

  it('lets the reader choose between features equally close (coincident bus lines)', () => {
    expect(decide([line('bus-feeder-1', 0.4), line('bus-feeder-2', 1.5), area('xinjin')], MOUSE)).toEqual({
      type: 'choose',
      ids: ['bus-feeder-1', 'bus-feeder-2'],
    });
  });

  it('reaches further for a finger than for a mouse', () => {
    const far = [line('river-jialing', 14)];
    expect(decide(far, MOUSE)).toEqual({ type: 'none' });
    expect(decide(far, TOUCH)).toEqual({ type: 'one', id: 'river-jialing' });
  });

  it('counts a feature hit twice (its dot and its name) once, by its most specific hit', () => {
    expect(decide([dot('a', 8, 4), label('a'), line('b', 0)], MOUSE)).toEqual({ type: 'one', id: 'a' });
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
