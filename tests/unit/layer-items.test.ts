// Every feature of the thematic files belongs to exactly one layer item, so the interface can list
// the items and switch each on or off.
import { describe, expect, it } from 'vitest';
import { readGeo } from './geo-helpers';
import type { AtlasFeature } from '../../src/data/types';

const CORRIDORS = ['river-yangtze', 'river-jialing', 'river-wu', 'river-min', 'river-tuo', 'river-fu'];

/** The items of each file, and which item a feature must have. */
const FILES: Record<string, { items: string[]; expected: (f: AtlasFeature) => string }> = {
  'rivers.geojson': {
    items: [...CORRIDORS, 'rivers-other'],
    expected: (f) => (CORRIDORS.includes(f.properties.id) ? f.properties.id : 'rivers-other'),
  },
  'rail.geojson': {
    items: ['rail-line', 'rail-stations'],
    expected: (f) => (f.properties.kind === 'rail-line' ? 'rail-line' : 'rail-stations'),
  },
  'transit.geojson': {
    items: ['transit-districts', 'bus-feeder', 'bus-xinjin-central', 'bus-xinjin-pengshan', 'transit-hubs'],
    expected: (f) => {
      const k = f.properties.kind;
      if (k === 'district' || f.properties.id === 'tianfu-new-area') return 'transit-districts';
      if (k === 'rail-hub-candidate') return 'transit-hubs';
      if (k === 'bus-line') return `bus-${String(f.properties['group'])}`;
      return `(no item for kind ${k})`;
    },
  },
  'sites.geojson': {
    items: ['sites-project', 'sites-mountain', 'sites-area', 'sites-city', 'sites-province'],
    expected: (f) =>
      ({ 'project-site': 'sites-project', mountain: 'sites-mountain', area: 'sites-area', city: 'sites-city', province: 'sites-province' })[
        f.properties.kind
      ] ?? `(no item for kind ${f.properties.kind})`,
  },
};

describe.each(Object.entries(FILES))('layer items of %s', (name, { items, expected }) => {
  const features = readGeo(name).features;

  it('gives every feature exactly one item from the list, the one its kind calls for', () => {
    for (const f of features) {
      const item = f.properties['item'];
      expect(typeof item, f.properties.id).toBe('string');
      expect(items, f.properties.id).toContain(item);
      expect(item, f.properties.id).toBe(expected(f));
    }
  });

  it('uses every item of the list', () => {
    expect(new Set(features.map((f) => f.properties['item']))).toEqual(new Set(items));
  });
});

describe('bus lines', () => {
  const lines = readGeo('transit.geojson').features.filter((f) => f.properties.kind === 'bus-line');

  it('number themselves 0…n−1 within their group and know how many the group has', () => {
    const byItem = new Map<string, AtlasFeature[]>();
    for (const l of lines) byItem.set(String(l.properties['item']), [...(byItem.get(String(l.properties['item'])) ?? []), l]);
    expect([...byItem.keys()].sort()).toEqual(['bus-feeder', 'bus-xinjin-central', 'bus-xinjin-pengshan']);
    for (const [item, group] of byItem) {
      expect(group.map((l) => l.properties['line_index']).sort(), item).toEqual(group.map((_, i) => i));
      for (const l of group) {
        expect(l.properties['line_count'], l.properties.id).toBe(group.length);
        // The article's count of lines in the group is the number drawn.
        expect(l.properties['line_count'], l.properties.id).toBe(l.properties['group_lines']);
      }
    }
  });
});
