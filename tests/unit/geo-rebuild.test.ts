// The committed files that the gazetteer and the article alone determine are exactly what the
// data scripts write today: rebuilt here byte for byte, twice, without gmt or the boundary package
// (rivers and county outlines are taken from the committed files, as the scripts would receive them).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeCollection } from '../../scripts/geo/lib.mjs';
import { buildRail } from '../../scripts/geo/rail.mjs';
import { buildSites } from '../../scripts/geo/sites.mjs';
import { buildTransit } from '../../scripts/geo/transit.mjs';
import { buildLabels } from '../../scripts/geo/labels.mjs';
import { GEO_DIR, namedPointsInOverview, readGeo, transit } from './geo-helpers';

const committed = (name: string) => readFileSync(resolve(GEO_DIR, name), 'utf8');

function rebuild(): Record<string, string> {
  const districts = transit().features.filter((f) => f.properties.kind === 'district');
  const t = buildTransit(districts);
  return {
    'rail.geojson': serializeCollection(buildRail(), { name: 'rail' }),
    'sites.geojson': serializeCollection(buildSites(), { name: 'sites' }),
    'transit.geojson': serializeCollection(t.features, { name: 'transit', summary: t.summary }),
    'labels.geojson': serializeCollection(buildLabels(readGeo('rivers.geojson').features, districts, namedPointsInOverview()), { name: 'labels' }),
  };
}

describe('npm run geo is deterministic', () => {
  const first = rebuild();
  const second = rebuild();

  it.each(Object.keys(first))('rebuilds %s byte for byte, the same each time', (name) => {
    expect(second[name]).toBe(first[name]);
    expect(first[name]).toBe(committed(name));
  });
});
