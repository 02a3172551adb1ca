/**
 * Benchmark baseline: the same maplibre-gl build as the app, an empty embedded style, the app's
 * opening view, and the app's readiness signal (#map leaves aria-busy at the first `idle`).
 * `npm run bench` compares the app's time to first idle against this page.
 */
import { Map, setWorkerUrl, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { REGION_BOUNDS } from '../../src/state/store';

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

/**
 * `?floor`: one tiny feature for each kind of layer the atlas draws, each drawn once. Under
 * software WebGL the first use of each costs shader and pipeline work, so this page measures
 * the least a map with the atlas's content can cost before it reaches idle.
 */
const FLOOR_STYLE: StyleSpecification = {
  version: 8,
  sources: {
    tiny: {
      type: 'geojson',
      data: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: {},
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [104, 29],
                  [106, 29],
                  [106, 31],
                  [104, 31],
                  [104, 29],
                ],
              ],
            },
          },
          {
            type: 'Feature',
            properties: {},
            geometry: {
              type: 'LineString',
              coordinates: [
                [103, 28],
                [108, 32],
              ],
            },
          },
          { type: 'Feature', properties: { name: '成都 Chengdu' }, geometry: { type: 'Point', coordinates: [105, 30] } },
        ],
      },
    },
  },
  layers: [
    ...EMPTY_STYLE.layers,
    { id: 'fill', type: 'fill', source: 'tiny', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': '#f4a259', 'fill-antialias': false } },
    { id: 'line', type: 'line', source: 'tiny', filter: ['==', ['geometry-type'], 'LineString'], paint: { 'line-color': '#0072B2', 'line-width': 3 } },
    {
      id: 'dash',
      type: 'line',
      source: 'tiny',
      filter: ['==', ['geometry-type'], 'LineString'],
      paint: { 'line-color': '#6a3d9a', 'line-width': 3, 'line-dasharray': [2, 1] },
    },
    { id: 'circle', type: 'circle', source: 'tiny', filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 6, 'circle-color': '#c2185b' } },
    {
      id: 'label',
      type: 'symbol',
      source: 'tiny',
      filter: ['==', ['geometry-type'], 'Point'],
      layout: { 'text-field': ['get', 'name'], 'text-font': ['Noto Sans CJK SC', 'sans-serif'] },
    },
  ],
};

const container = document.querySelector<HTMLElement>('#map');
if (!container) throw new Error('#map container missing from bench/bare/index.html');

const map = new Map({
  container,
  style: new URLSearchParams(location.search).has('floor') ? FLOOR_STYLE : EMPTY_STYLE,
  // The app's opening camera: fitted to the same region with the same padding.
  bounds: REGION_BOUNDS,
  fitBoundsOptions: { padding: { top: 16, bottom: 16, left: 16, right: container.clientWidth >= 1100 ? 300 : 60 } },
});

// The part of the app's handle (window.atlas) the benchmark's camera moves use.
Object.assign(window, { atlas: { map } });

// The app's marks (src/map/map-view.ts #measureFirstFrames), measured the same way: the first
// frame drawn with every tile of the opening view in, and first idle, each with the frames so far.
let frames = 0;
let full = false;
const onRender = () => {
  frames++;
  if (!full && map.isStyleLoaded() && map.areTilesLoaded()) {
    full = true;
    performance.mark('atlas-full-frame', { detail: { frames } });
  }
};
map.on('render', onRender);
map.once('idle', () => {
  map.off('render', onRender);
  performance.mark('atlas-idle', { detail: { frames } });
  window.__firstIdle = performance.now();
  container.setAttribute('aria-busy', 'false');
});
