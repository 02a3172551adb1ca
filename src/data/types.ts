import type { Feature, FeatureCollection, Geometry } from 'geojson';

export type GeometryQuality = 'surveyed' | 'schematic' | 'stand-in';

/** The property contract every feature of geo/ honours (checked at build by scripts/validate-geo.mjs). */
export interface AtlasProperties {
  id: string;
  name_zh: string;
  name_en: string;
  kind: string;
  source: string;
  licence: string;
  geometry_quality: GeometryQuality;
  confidence?: 'low' | 'medium' | 'high';
  note?: string;
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

/** The geo/ files the map draws, one per layer group (basemap parts included). */
export interface GeoCatalog {
  basemap: AtlasCollection;
  hydrography: AtlasCollection;
  rivers: AtlasCollection;
  /** geometry only for placing names: generalised river lines, district anchor points */
  labels: AtlasCollection;
  rail: AtlasCollection;
  transit: TransitCollection;
  sites: AtlasCollection;
}

export type GeoFileKey = keyof GeoCatalog;
