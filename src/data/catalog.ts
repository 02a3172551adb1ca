import type { AtlasCollection, AtlasFeature, GeoCatalog, GeoFileKey } from './types';
import basemapUrl from '../../geo/basemap.geojson?url';
import hydrographyUrl from '../../geo/hydrography.geojson?url';
import riversUrl from '../../geo/rivers.geojson?url';
import labelsUrl from '../../geo/labels.geojson?url';
import railUrl from '../../geo/rail.geojson?url';
import transitUrl from '../../geo/transit.geojson?url';
import sitesUrl from '../../geo/sites.geojson?url';

/**
 * The geo/ files as hashed static assets: fetched, not bundled, so our JavaScript stays small
 * and the browser caches data separately from code. Their content was validated at build.
 * The map's worker fetches them itself; the main thread loads them again (from the HTTP cache)
 * only for the panels, after the map is up.
 */
export const GEO_URLS: Record<GeoFileKey, string> = {
  basemap: basemapUrl,
  hydrography: hydrographyUrl,
  rivers: riversUrl,
  labels: labelsUrl,
  rail: railUrl,
  transit: transitUrl,
  sites: sitesUrl,
};

export class GeoLoadError extends Error {
  constructor(
    readonly file: GeoFileKey,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'GeoLoadError';
  }
}

async function loadOne(key: GeoFileKey, fetchImpl: typeof fetch): Promise<AtlasCollection> {
  const response = await fetchImpl(GEO_URLS[key]);
  if (!response.ok) throw new GeoLoadError(key, `HTTP ${response.status}`);
  const body = (await response.json()) as AtlasCollection;
  if (body?.type !== 'FeatureCollection' || !Array.isArray(body.features)) {
    throw new GeoLoadError(key, 'not a FeatureCollection');
  }
  return body;
}

export async function loadCatalog(fetchImpl: typeof fetch = fetch.bind(globalThis)): Promise<GeoCatalog> {
  const keys = Object.keys(GEO_URLS) as GeoFileKey[];
  const loaded = await Promise.all(keys.map((k) => loadOne(k, fetchImpl)));
  return Object.fromEntries(keys.map((k, i) => [k, loaded[i]])) as unknown as GeoCatalog;
}

/** Every feature by id, for panels that must show what the data says rather than what the renderer kept. */
export function indexFeatures(catalog: GeoCatalog): Map<string, AtlasFeature> {
  const index = new Map<string, AtlasFeature>();
  for (const fc of Object.values(catalog) as AtlasCollection[]) {
    for (const f of fc.features) index.set(f.properties.id, f);
  }
  return index;
}
