import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { LayerGroup, LayerItem } from '../state/layers';

export type GeometryQuality = 'surveyed' | 'schematic' | 'stand-in';

/** The property contract every feature of geo/ honours (checked at build by scripts/validate-geo.mjs). */
export interface AtlasProperties {
  id: string;
  name_zh: string;
  name_en: string;
  label_zh?: string;
  label_en?: string;
  kind: string;
  source: string;
  licence: string;
  source_key?: string;
  geometry_quality: GeometryQuality;
  confidence?: 'low' | 'medium' | 'high';
  /** what readers are told about the feature, in each language */
  note_zh?: string;
  note_en?: string;
  /** technical provenance, shown only behind the source disclosure */
  datum_note?: string;
  item?: LayerItem;
  [key: string]: unknown;
}

export type AtlasFeature = Feature<Geometry, AtlasProperties>;
export type AtlasCollection = FeatureCollection<Geometry, AtlasProperties>;

export interface TransitSummary {
  article: {
    areas: number;
    area_km2: number;
    population: number;
    rail_hubs: number;
    buses_min: number;
    lines: number;
    new_lines: number;
    new_buses: number;
  };
  measured: {
    districts: number;
    area_union_km2: number;
    area_by_district_km2: Record<string, number>;
    lines_drawn: number;
    lines_in_groups: number;
    buses_in_groups: number;
    candidate_hubs: number;
  };
  notes: string[];
}

export type TransitCollection = AtlasCollection & { summary: TransitSummary };

/** The geo/ files, each a source-layer of the map's tileset. */
export type GeoFileKey = 'basemap' | 'ground' | 'hydrography' | 'rivers' | 'labels' | 'rail' | 'transit' | 'sites' | 'regions';

/** The tileset's source-layers: the geo/ files it carries, and the basemap's borders as lines. */
export type TileLayer = Exclude<GeoFileKey, 'regions'> | 'boundaries';

/** One feature of the light index (geo/index.json): what panels, lists and search need, no geometry. */
export interface Place {
  id: string;
  /** the geo/ file (and source-layer) it comes from */
  layer: GeoFileKey;
  group: LayerGroup | null;
  item: LayerItem | null;
  kind: string;
  geometry: string;
  /** [west, south, east, north] of its full geometry */
  bbox: [number, number, number, number];
  /** where its name or marker goes */
  point: [number, number];
  properties: AtlasProperties;
}

export interface LightIndex {
  version: 1;
  features: Place[];
  summaries: { transit: TransitSummary };
}
