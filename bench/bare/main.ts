/**
 * Benchmark baseline: the same maplibre-gl build as the app, an empty embedded style, the app's
 * opening view, and the app's readiness signal (#map leaves aria-busy at the first `idle`).
 * `npm run bench` compares the app's time to first idle against this page.
 */
import { Map, setWorkerUrl, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { REGION_BOUNDS, regionPadding } from '../../src/state/store';

declare global {
  interface Window {
    /** performance.now() at the map's first `idle` (ms since navigation start) */
    __firstIdle?: number;
  }
}

setWorkerUrl(workerUrl);

const EMPTY_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#e9ece6' } }],
};

const container = document.querySelector<HTMLElement>('#map');
if (!container) throw new Error('#map container missing from bench/bare/index.html');

const map = new Map({
  container,
  style: EMPTY_STYLE,
  // The app's opening camera: fitted to the same region with the same padding.
  bounds: REGION_BOUNDS,
  fitBoundsOptions: { padding: regionPadding(container.clientWidth) },
});

map.once('idle', () => {
  window.__firstIdle = performance.now();
  container.setAttribute('aria-busy', 'false');
});
