import { getIssues } from '@placemarkio/check-geojson';
import fc from 'fast-check';
import type { FeatureCollection, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { fileCreditsFor } from '../../src/data/credits';

const attribution = fileCreditsFor('en');
import { GROUP_ITEMS, LAYER_ITEMS, type LayerItem } from '../../src/state/layers';
import {
  EXPORT_FILES,
  type ExportFile,
  exportCollection,
  featureShown,
  intersectsView,
  itemOfFeature,
  viewPolygon,
  visibleFeatures,
} from '../../src/share/visible';
import { readGeo } from './geo-helpers';

const files = Object.fromEntries(EXPORT_FILES.map((f) => [f, readGeo<FeatureCollection>(`${f}.geojson`)])) as Record<ExportFile, FeatureCollection>;
const ids = (v: { feature: { properties: unknown } }[]) => v.map((x) => (x.feature.properties as { id: string }).id);

/** An axis-aligned view, corners clockwise from the top left. */
const box = (w: number, s: number, e: number, n: number) =>
  viewPolygon([
    [w, n],
    [e, n],
    [e, s],
    [w, s],
  ]);

/** Around 福田站 and the airport: the Ziyang line's west end, far from the Wu and from 广阳岛. */
const FUTIAN = box(104.3, 30.25, 104.48, 30.4);

describe('the layer item of each exported feature', () => {
  it('is known for every feature of the thematic files', () => {
    for (const file of EXPORT_FILES) {
      for (const f of files[file].features) expect(itemOfFeature(file, f.properties), `${file} ${f.properties?.['id']}`).not.toBeNull();
    }
  });

  it('follows the layer control’s units: each corridor its own, bus lines by group, sites by kind', () => {
    const item = (file: ExportFile, id: string) => itemOfFeature(file, files[file].features.find((f) => f.properties?.['id'] === id)?.properties);
    expect(item('rivers', 'river-jialing')).toBe('river-jialing');
    expect(item('rivers', 'river-qiong')).toBe('rivers-other');
    expect(item('rail', 'ziyang-line')).toBe('rail-line');
    expect(item('rail', 'futian-station')).toBe('rail-stations');
    expect(item('transit', 'xinjin')).toBe('transit-districts');
    expect(item('transit', 'bus-feeder-1')).toBe('bus-feeder');
    expect(item('sites', 'guangyang-island')).toBe('sites-project');
    // Every item of the layer control has something to export.
    const all = new Set(EXPORT_FILES.flatMap((file) => files[file].features.map((f) => itemOfFeature(file, f.properties))));
    expect([...all].sort()).toEqual([...LAYER_ITEMS].sort());
  });

  it('is the feature’s own `item` when it carries one', () => {
    expect(itemOfFeature('rivers', { id: 'river-min', kind: 'river', item: 'rivers-other' })).toBe('rivers-other');
    // …but not a name the layer control does not know.
    expect(itemOfFeature('rivers', { id: 'river-min', kind: 'river', item: 'nonsense' })).toBe('river-min');
  });

  it('decides whether a feature is shown; an unknown one follows its group', () => {
    const min = { id: 'river-min', kind: 'river' };
    expect(featureShown('rivers', min, [])).toBe(true);
    expect(featureShown('rivers', min, ['river-min'])).toBe(false);
    expect(featureShown('rivers', min, ['river-wu'])).toBe(true);
    const odd = { id: 'x', kind: 'lake' };
    expect(featureShown('rivers', odd, ['river-min'])).toBe(true);
    expect(featureShown('rivers', odd, [...GROUP_ITEMS.rivers])).toBe(false);
    expect(featureShown('rivers', null, [])).toBe(true);
  });
});

describe('meeting the view', () => {
  const view = box(104, 30, 105, 31);
  const point = (x: number, y: number): Geometry => ({ type: 'Point', coordinates: [x, y] });

  it('counts points inside and on the edge, not outside', () => {
    expect(intersectsView(point(104.5, 30.5), view)).toBe(true);
    expect(intersectsView(point(105, 30.5), view)).toBe(true);
    expect(intersectsView(point(105.01, 30.5), view)).toBe(false);
    expect(intersectsView(null, view)).toBe(false);
  });

  it('counts a line crossing the view with no vertex in it, and an area around the whole view', () => {
    expect(
      intersectsView(
        {
          type: 'LineString',
          coordinates: [
            [103, 30.5],
            [106, 30.5],
          ],
        },
        view,
      ),
    ).toBe(true);
    expect(
      intersectsView(
        {
          type: 'LineString',
          coordinates: [
            [103, 29],
            [103.9, 29.9],
          ],
        },
        view,
      ),
    ).toBe(false);
    const around: Geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [100, 25],
          [110, 25],
          [110, 35],
          [100, 35],
          [100, 25],
        ],
      ],
    };
    expect(intersectsView(around, view)).toBe(true);
  });

  it('follows a rotated view, not its bounding box', () => {
    // A diamond (the view turned 45°): the bounding box's corner is not in it.
    const diamond = viewPolygon([
      [104.5, 31],
      [105, 30.5],
      [104.5, 30],
      [104, 30.5],
    ]);
    expect(intersectsView(point(104.5, 30.5), diamond)).toBe(true);
    expect(intersectsView(point(104.05, 30.05), diamond)).toBe(false);
    expect(
      intersectsView(
        {
          type: 'LineString',
          coordinates: [
            [104.02, 30.1],
            [104.1, 30.02],
          ],
        },
        diamond,
      ),
    ).toBe(false);
    expect(
      intersectsView(
        {
          type: 'LineString',
          coordinates: [
            [104.05, 30.05],
            [104.05, 30.95],
          ],
        },
        diamond,
      ),
    ).toBe(true);
  });
});

describe('the visible features', () => {
  it('are the shown items’ features in the view, from the full geometries', () => {
    const visible = ids(visibleFeatures(files, [], FUTIAN));
    expect(visible).toContain('futian-station');
    expect(visible).toContain('ziyang-line');
    expect(visible).not.toContain('river-wu');
    expect(visible).not.toContain('guangyang-island');
    // Nothing outside the view, everything inside it.
    for (const file of EXPORT_FILES) {
      for (const f of files[file].features) {
        const id = f.properties?.['id'] as string;
        expect(visible.includes(id), id).toBe(intersectsView(f.geometry, FUTIAN));
      }
    }
  });

  it('leave out hidden items, and only those', () => {
    const visible = ids(visibleFeatures(files, ['rail-stations'], FUTIAN));
    expect(visible).toContain('ziyang-line');
    expect(visible).not.toContain('futian-station');
  });

  it('never grow when more is hidden, and never hold a hidden item', () => {
    fc.assert(
      fc.property(fc.subarray([...LAYER_ITEMS]), fc.subarray([...LAYER_ITEMS]), (a, b) => {
        const more = [...new Set([...a, ...b])] as LayerItem[];
        const few = visibleFeatures(files, a, FUTIAN);
        const many = visibleFeatures(files, more, FUTIAN);
        expect(ids(few)).toEqual(expect.arrayContaining(ids(many)));
        for (const v of many) expect(more).not.toContain(itemOfFeature(v.file, v.feature.properties));
      }),
      { numRuns: 40 },
    );
  });

  it('are every shown feature when there is no map to take a view from', () => {
    const all = visibleFeatures(files, [], null);
    expect(all).toHaveLength(EXPORT_FILES.reduce((n, f) => n + files[f].features.length, 0));
  });
});

describe('the GeoJSON download', () => {
  const link = 'https://example.org/#map=11/30.33/104.39';
  const collection = exportCollection(visibleFeatures(files, [], FUTIAN), attribution, link);

  it('is valid GeoJSON (RFC 7946) with the credits as a foreign member', () => {
    expect(getIssues(JSON.stringify(collection))).toEqual([]);
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.link).toBe(link);
  });

  it('keeps each feature whole: full geometry, source and licence', () => {
    for (const f of collection.features) {
      const id = f.properties?.['id'];
      const original = EXPORT_FILES.flatMap((file) => files[file].features).find((x) => x.properties?.['id'] === id);
      expect(f.geometry).toEqual(original?.geometry);
      expect(f.properties?.['source']).toEqual(expect.any(String));
      expect(f.properties?.['licence']).toEqual(expect.any(String));
    }
  });

  it('credits the files its features come from, and only those', () => {
    const riversOnly = exportCollection(visibleFeatures({ rivers: files.rivers }, [], null), attribution, link);
    expect(riversOnly.attribution).toEqual(attribution['rivers.geojson']);
    const none = exportCollection([], attribution, link);
    expect(none.attribution).toEqual([]);
    expect(getIssues(JSON.stringify(none))).toEqual([]);
  });
});
