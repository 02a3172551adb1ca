/**
 * Which features a "Data" download holds, as pure functions.
 *
 * A feature is VISIBLE, for the export, when both hold:
 *
 * 1. its layer item is shown: not in `state.hidden`. The item is the feature's `item` property
 *    when it carries one, otherwise the one its file, `kind`, `id` and bus `group` name (the same
 *    units as the layer control, layers.ts). A feature that belongs to no known item follows its
 *    group: shown unless every item of the group is hidden.
 * 2. its full geometry (not the simplified tile geometry) meets the area the map's canvas shows:
 *    the quadrilateral of the canvas's four corners on the ground, so a rotated or tilted view is
 *    honoured. Touching the edge counts. Panels lying over the map do not shrink this area (the
 *    exported image shows the whole canvas too), and zoom-dependent drawing (names that appear
 *    only closer in) is not considered: a feature counts if its layer is shown and it is there.
 *
 * The thematic files are exported (rivers, rail, transit, sites); the basemap (provinces,
 * prefectures, city dots) is background, not something the reader switched on.
 */
import { booleanIntersects } from '@turf/boolean-intersects';
import type { Feature, FeatureCollection, Geometry, Polygon, Position } from 'geojson';
import { GROUP_ITEMS, type LayerItem } from '../state/layers';
import { EXPORT_FILES, type ExportFile, GROUP_OF_FILE, type Props, itemOfFeature } from './items';

export { EXPORT_FILES, type ExportFile, itemOfFeature };

/** Whether a feature's layer item (or, without one, its group) is shown. */
export function featureShown(file: ExportFile, properties: Props, hidden: readonly LayerItem[]): boolean {
  const item = itemOfFeature(file, properties);
  if (item) return !hidden.includes(item);
  return GROUP_ITEMS[GROUP_OF_FILE[file]].some((i) => !hidden.includes(i));
}

/** The area the map shows, from its canvas's corners on the ground (any order around the edge). */
export function viewPolygon(corners: readonly [number, number][]): Polygon {
  const ring: Position[] = corners.map(([lng, lat]) => [lng, lat]);
  const first = ring[0];
  if (first) ring.push([first[0] as number, first[1] as number]);
  return { type: 'Polygon', coordinates: [ring] };
}

type Box = [number, number, number, number];

function boxOf(coordinates: unknown, box: Box = [Infinity, Infinity, -Infinity, -Infinity]): Box {
  if (Array.isArray(coordinates) && typeof coordinates[0] === 'number') {
    const [x, y] = coordinates as number[];
    box[0] = Math.min(box[0], x as number);
    box[1] = Math.min(box[1], y as number);
    box[2] = Math.max(box[2], x as number);
    box[3] = Math.max(box[3], y as number);
  } else if (Array.isArray(coordinates)) {
    for (const c of coordinates) boxOf(c, box);
  }
  return box;
}

function geometryBox(g: Geometry): Box {
  return g.type === 'GeometryCollection'
    ? g.geometries.reduce<Box>((b, x) => boxOf(geometryBox(x), b), [Infinity, Infinity, -Infinity, -Infinity])
    : boxOf(g.coordinates);
}

/** Whether a geometry meets the view (edges included). No geometry never does. */
export function intersectsView(geometry: Geometry | null | undefined, view: Polygon): boolean {
  if (!geometry) return false;
  const [w, s, e, n] = geometryBox(geometry);
  const [vw, vs, ve, vn] = boxOf(view.coordinates);
  // Cheap rejection first: the rivers carry thousands of vertices.
  if (e < vw || w > ve || n < vs || s > vn) return false;
  if (geometry.type === 'GeometryCollection') return geometry.geometries.some((g) => intersectsView(g, view));
  return booleanIntersects(geometry, view);
}

export interface VisibleFeature {
  file: ExportFile;
  feature: Feature;
}

/**
 * The visible features of the files given, in file order then file order of features. `view`
 * null means no map (no WebGL): every feature of a shown item counts.
 */
export function visibleFeatures(files: Partial<Record<ExportFile, FeatureCollection>>, hidden: readonly LayerItem[], view: Polygon | null): VisibleFeature[] {
  const out: VisibleFeature[] = [];
  for (const file of EXPORT_FILES) {
    for (const feature of files[file]?.features ?? []) {
      if (!featureShown(file, feature.properties, hidden)) continue;
      if (view && !intersectsView(feature.geometry, view)) continue;
      out.push({ file, feature });
    }
  }
  return out;
}

export type ExportCollection = FeatureCollection & {
  /** the credit lines of the files the features come from (a GeoJSON foreign member) */
  attribution: string[];
  /** the link that opens the view exported */
  link: string;
};

/**
 * The download: one FeatureCollection of the visible features, each with its full geometry and all
 * its properties (`source` and `licence` among them), and the credit lines of the files they come
 * from. Only the standard members and two foreign ones: no `crs`, no `bbox` to go stale.
 */
export function exportCollection(visible: readonly VisibleFeature[], attribution: Record<string, readonly string[]>, link: string): ExportCollection {
  const files = new Set(visible.map((v) => v.file));
  const lines = new Set<string>();
  for (const file of EXPORT_FILES) if (files.has(file)) for (const line of attribution[`${file}.geojson`] ?? []) lines.add(line);
  return {
    type: 'FeatureCollection',
    attribution: [...lines],
    link,
    features: visible.map(({ feature }) => ({
      type: 'Feature',
      ...(feature.id === undefined ? {} : { id: feature.id }),
      properties: feature.properties,
      geometry: feature.geometry,
    })),
  };
}
