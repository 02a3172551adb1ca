import { describe, expect, it } from 'vitest';
import { feature, serializeCollection } from '../../scripts/geo/lib.mjs';

describe('geo/ serialisation', () => {
  it('is byte-identical for the same input, whatever the property order', () => {
    const a = feature({ licence: 'MIT', id: 'x', kind: 'river', zeta: 1, alpha: 2 }, { type: 'Point', coordinates: [104.123456789, 30.1] });
    const b = feature({ alpha: 2, zeta: 1, kind: 'river', id: 'x', licence: 'MIT' }, { type: 'Point', coordinates: [104.123456789, 30.1] });
    expect(serializeCollection([a])).toBe(serializeCollection([b]));
    expect(Object.keys(a.properties)).toEqual(['id', 'kind', 'licence', 'alpha', 'zeta']);
  });

  it('rounds to at most 6 decimals and drops repeated vertices', () => {
    const f = feature(
      { id: 'l' },
      {
        type: 'LineString',
        coordinates: [
          [1.0000001, 2],
          [1.0000002, 2],
          [3, 4],
        ],
      },
    );
    expect(f.geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [1, 2],
        [3, 4],
      ],
    });
  });

  it('writes one feature per line so diffs and error messages name features', () => {
    const text = serializeCollection([
      feature({ id: 'a' }, { type: 'Point', coordinates: [1, 2] }),
      feature({ id: 'b' }, { type: 'Point', coordinates: [3, 4] }),
    ]);
    expect(text.split('\n').filter((l) => l.includes('"id"'))).toHaveLength(2);
  });
});
