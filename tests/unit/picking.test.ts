import { describe, expect, it } from 'vitest';
import { type Candidate, MAX_CHOICES, MOUSE, TOUCH, decide, lineDistance, segmentDistance } from '../../src/map/picking';

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
    expect(
      lineDistance(
        [5, 5],
        [
          [
            [0, 0],
            [10, 0],
          ],
          [
            [0, 6],
            [10, 6],
          ],
        ],
      ),
    ).toBe(1);
  });
});

describe('what a tap means', () => {
  it('offers everything within a finger’s width of the nearest, the smallest first: dots, lines, then the area around them', () => {
    expect(decide([dot('hub', 1, 3), line('bus-1', 2), line('bus-2', 6), area('shuangliu')], TOUCH)).toEqual({
      type: 'choose',
      ids: ['hub', 'bus-1', 'bus-2', 'shuangliu'],
    });
  });

  it('takes what is alone under the finger', () => {
    expect(decide([dot('guangyang', 2, 6)], TOUCH)).toEqual({ type: 'one', id: 'guangyang' });
    expect(decide([area('xinjin')], TOUCH)).toEqual({ type: 'one', id: 'xinjin' });
    expect(decide([line('river-wu', 3), dot('far', 30, 5)], TOUCH)).toEqual({ type: 'one', id: 'river-wu' });
  });
});

describe('the choice after a tap in a crowd', () => {
  // The Chengdu cluster at region zoom: a city dot, stations, a dozen bus lines and the areas around them.
  const crowd: Candidate[] = [
    area('province-sichuan'),
    area('region-chengdu-metro'),
    area('district-shuangliu'),
    ...Array.from({ length: 14 }, (_, i) => line(`bus-${i + 1}`, 1 + i * 0.5)),
    dot('city-chengdu', 4, 5),
    dot('tianfu-square', 2, 3),
    label('city-chengdu'),
  ];

  it('offers at most eight, the smallest thing under the finger first, and says more lie there', () => {
    const pick = decide(crowd, TOUCH);
    expect(pick.type).toBe('choose');
    if (pick.type !== 'choose') return;
    expect(pick.ids).toHaveLength(MAX_CHOICES);
    expect(MAX_CHOICES).toBe(8);
    expect(pick.ids.slice(0, 2)).toEqual(['tianfu-square', 'city-chengdu']);
    expect(pick.ids.slice(2)).toEqual(['bus-1', 'bus-2', 'bus-3', 'bus-4', 'bus-5', 'bus-6']);
    expect(new Set(pick.ids).size).toBe(pick.ids.length);
    expect(pick.more).toBe(crowd.length - 1 - MAX_CHOICES);
  });

  it('says nothing of more when all fit', () => {
    const pick = decide([line('bus-1', 1), line('bus-2', 2), area('xinjin')], TOUCH);
    expect(pick).toEqual({ type: 'choose', ids: ['bus-1', 'bus-2', 'xinjin'] });
  });
});
