// Geometry used only to place names, precomputed so the browser does no geometry work:
// - generalised copies of the traced rivers: WDBII's full-detail meanders turn too sharply for
//   MapLibre to lay text along them, so names on the real lines never get placed at low zoom;
// - one anchor point inside each transit district: MapLibre labels a polygon once per tile it
//   crosses, so a large district would otherwise carry its name two or three times.
import * as turf from '@turf/turf';
import { feature } from './lib.mjs';

const TOLERANCE_DEG = 0.03;

/**
 * @param {import('geojson').Feature[]} rivers features of rivers.geojson
 * @param {import('geojson').Feature[]} districts the transit district polygons
 */
export function buildLabels(rivers, districts) {
  return [...riverLabelLines(rivers), ...districtLabelPoints(districts)];
}

/** Inside the polygon: its centre of mass where that falls inside, else turf's point on surface. */
function anchorInside(polygon) {
  const centre = turf.centerOfMass(polygon);
  return turf.booleanPointInPolygon(centre, polygon) ? centre.geometry : turf.pointOnFeature(polygon).geometry;
}

function districtLabelPoints(districts) {
  return districts.map((d) => {
    const p = d.properties;
    return feature(
      {
        id: `${p.id}-label-point`,
        name_zh: p.name_zh,
        name_en: p.name_en,
        kind: 'district-label-point',
        geometry_quality: 'schematic',
        source: `${p.source}; label anchor computed inside the outline`,
        licence: p.licence,
        district_id: p.id,
      },
      anchorInside(d),
      5,
    );
  });
}

function riverLabelLines(rivers) {
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
