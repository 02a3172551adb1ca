/**
 * The read-only handle the page gives the browser tests and the benchmark (`window.atlas`, set in
 * src/main.ts), typed once: tests read `window.atlas.store.state` without a cast of their own.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapView } from '../../src/map/map-view';
import type { Store } from '../../src/state/store';
import type { Shell } from '../../src/ui/shell';

export interface AtlasHandle {
  map: MapLibreMap;
  view: MapView;
  store: Store;
  shell: Shell;
}

declare global {
  interface Window {
    atlas: AtlasHandle;
  }
}
