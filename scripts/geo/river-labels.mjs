// Generalised copies of the traced rivers, used only to place their names at low zoom:
// WDBII's full-detail meanders turn too sharply for MapLibre to lay text along them, so labels on
// the real lines never get placed at overview zooms. Precomputed here so the browser does no
// geometry work before the first frame.
import * as turf from '@turf/turf';
import { feature } from './lib.mjs';

const TOLERANCE_DEG = 0.03;

/** @param {import('geojson').Feature[]} rivers features of rivers.geojson */
export function buildRiverLabels(rivers) {
  return rivers
    .filter((f) => f.geometry.type === 'LineString')
    .map((f) => {
      const p = f.properties;
      const simplified = turf.simplify(f, { tolerance: TOLERANCE_DEG, highQuality: true, mutate: false });
      return feature(
        {
          id: `${p.id}-label-line`,
          name_zh: p.name_zh,
          name_en: p.name_en,
          kind: 'river-label-line',
          geometry_quality: 'schematic',
          source: `${p.source}, generalised (Douglas-Peucker ${TOLERANCE_DEG}°) for label placement`,
          licence: p.licence,
          corridor: p.corridor,
          river_id: p.id,
        },
        simplified.geometry,
        4,
      );
    });
}
