/**
 * The "Data" download: the full geometries are fetched only now (the map draws from tiles), the
 * visible features chosen (visible.ts says what that means) and written as one FeatureCollection.
 */
import type { FeatureCollection, Polygon } from 'geojson';
import { fileCreditsFor } from '../data/credits';
import railUrl from '../../geo/rail.geojson?url';
import riversUrl from '../../geo/rivers.geojson?url';
import sitesUrl from '../../geo/sites.geojson?url';
import transitUrl from '../../geo/transit.geojson?url';
import type { AppState } from '../state/store';
import { EXPORT_FILES, type ExportCollection, type ExportFile, exportCollection, visibleFeatures } from './visible';

const URLS: Record<ExportFile, string> = { rivers: riversUrl, rail: railUrl, transit: transitUrl, sites: sitesUrl };

const cache = new Map<ExportFile, Promise<FeatureCollection>>();

function load(file: ExportFile): Promise<FeatureCollection> {
  let pending = cache.get(file);
  if (!pending) {
    pending = fetch(URLS[file]).then(async (response) => {
      if (!response.ok) throw new Error(`${file}.geojson: HTTP ${response.status}`);
      return (await response.json()) as FeatureCollection;
    });
    // A failed fetch is tried again next time.
    pending.catch(() => cache.delete(file));
    cache.set(file, pending);
  }
  return pending;
}

/** The visible features of the state's items in this view (null: no map, the whole data). */
export async function exportVisible(state: AppState, view: Polygon | null, link: string): Promise<ExportCollection> {
  const loaded = await Promise.all(EXPORT_FILES.map(async (file) => [file, await load(file)] as const));
  const files = Object.fromEntries(loaded) as Record<ExportFile, FeatureCollection>;
  return exportCollection(visibleFeatures(files, state.hidden, view), fileCreditsFor(state.language), link);
}
