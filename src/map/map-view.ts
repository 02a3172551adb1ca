/**
 * The MapLibre map: renders the app state (style, layer visibility, selection, language) and
 * turns the reader's pointer into actions. It never touches the panels.
 */
import {
  AttributionControl,
  FullscreenControl,
  Map as MapLibreMap,
  type MapGeoJSONFeature,
  type MapMouseEvent,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { GeoCatalog, GeoFileKey } from '../data/types';
import { type AppState, MAX_ZOOM, MIN_ZOOM, REGION_BOUNDS, type Store, isDefaultView, regionPadding } from '../state/store';
import { t } from '../ui/locale';
import { LayerControl } from './layer-control';
import { FONT_STACK, INTERACTIVE_LAYERS, SOURCE_IDS, buildStyle, groupOfLayer } from './style';

setWorkerUrl(workerUrl);

/** Pixels around the pointer that still count as on a line. */
const HIT_TOLERANCE = 5;

export interface MapViewOptions {
  container: HTMLElement;
  /** where each geo/ file is served */
  urls: Record<GeoFileKey, string>;
  store: Store;
  /** one credit per upstream source and licence */
  credits: string[];
  /** A data file or the renderer failed: the map keeps what it could draw, the reader is told. */
  onError: (message: string) => void;
}

export class MapView {
  readonly map: MapLibreMap;
  readonly #store: Store;
  readonly #urls: Record<GeoFileKey, string>;
  /** Which style source holds each feature id: learnt from the catalog, or from hits before it loads. */
  readonly #sourceOfId = new Map<string, string>();
  readonly #layerControl: LayerControl;
  #hovered: { source: string; id: string } | null = null;

  constructor({ container, urls, store, credits, onError }: MapViewOptions) {
    this.#store = store;
    this.#urls = urls;
    const { view, language, layers } = store.state;
    container.setAttribute('aria-busy', 'true');
    const camera = isDefaultView(view)
      ? { bounds: REGION_BOUNDS, fitBoundsOptions: { padding: regionPadding(container.clientWidth) } }
      : { center: view.center, zoom: view.zoom, bearing: view.bearing, pitch: view.pitch };
    this.map = new MapLibreMap({
      container,
      style: buildStyle(urls, { language, layers }),
      ...camera,
      minZoom: MIN_ZOOM,
      maxZoom: MAX_ZOOM,
      attributionControl: false,
      localIdeographFontFamily: FONT_STACK.map((name) => (name.includes(' ') ? `'${name}'` : name)).join(', '),
      // Labels appear at once: a fade-in costs several extra full frames before the map settles.
      fadeDuration: 0,
    });
    this.map.getCanvas().setAttribute('aria-label', t(language, 'mapLabel'));
    this.map.once('idle', () => container.setAttribute('aria-busy', 'false'));
    this.map.on('error', (event) => {
      const sourceId = (event as { sourceId?: unknown }).sourceId;
      onError(`${event.error?.message ?? 'unknown error'}${typeof sourceId === 'string' ? ` (${sourceId})` : ''}`);
    });

    this.map.addControl(new NavigationControl({ visualizePitch: true }), 'top-right');
    this.map.addControl(new FullscreenControl(), 'top-right');
    this.#layerControl = new LayerControl({
      layers,
      language,
      onToggle: (group, visible) => store.dispatch({ type: 'toggle-layer', group, visible }),
    });
    this.map.addControl(this.#layerControl, 'top-right');
    this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    // Full credits on wide maps; MapLibre folds them behind an (i) button on narrow ones.
    this.map.addControl(new AttributionControl({ customAttribution: credits }), 'bottom-right');

    this.map.on('mousemove', (e) => this.#onHover(e));
    this.map.on('mouseout', () => this.#setHover(null));
    this.map.on('click', (e) => store.dispatch({ type: 'select', id: this.#idOf(this.#pick(e)) }));
    const reportView = () => {
      const c = this.map.getCenter();
      store.dispatch({
        type: 'move',
        view: { center: [c.lng, c.lat], zoom: this.map.getZoom(), bearing: this.map.getBearing(), pitch: this.map.getPitch() },
      });
    };
    this.map.on('moveend', reportView);
    // Fitting the region at start-up fires no moveend: report where the map actually opened.
    this.map.once('load', reportView);
    store.subscribe((state, previous) => this.#render(state, previous));
  }

  /** The topmost interactive feature under the pointer, by INTERACTIVE_LAYERS priority. */
  #pick(e: MapMouseEvent): MapGeoJSONFeature | null {
    const { x, y } = e.point;
    const layers = INTERACTIVE_LAYERS.filter((id) => {
      const group = groupOfLayer(id);
      return group ? this.#store.state.layers[group] : true;
    });
    const hits = this.map.queryRenderedFeatures(
      [
        [x - HIT_TOLERANCE, y - HIT_TOLERANCE],
        [x + HIT_TOLERANCE, y + HIT_TOLERANCE],
      ],
      { layers },
    );
    hits.sort((a, b) => INTERACTIVE_LAYERS.indexOf(a.layer.id) - INTERACTIVE_LAYERS.indexOf(b.layer.id));
    return hits[0] ?? null;
  }

  /** Once the catalog is loaded, features can be highlighted by id alone (e.g. from the panels). */
  setCatalog(catalog: GeoCatalog): void {
    for (const key of Object.keys(SOURCE_IDS) as GeoFileKey[]) {
      for (const f of catalog[key].features) this.#sourceOfId.set(f.properties.id, SOURCE_IDS[key]);
    }
    // A selection that came with a link could not be highlighted before its source was known.
    const selected = this.#store.state.selection;
    const source = selected ? this.#sourceOfId.get(selected) : undefined;
    if (selected && source) this.map.setFeatureState({ source, id: selected }, { selected: true });
  }

  #idOf(hit: MapGeoJSONFeature | null): string | null {
    const id = hit?.properties['id'];
    if (!hit || typeof id !== 'string') return null;
    this.#sourceOfId.set(id, hit.source);
    return id;
  }

  #onHover(e: MapMouseEvent): void {
    this.#setHover(this.#idOf(this.#pick(e)));
  }

  #setHover(id: string | null): void {
    if (this.#hovered?.id === id) return;
    if (this.#hovered) this.map.setFeatureState(this.#hovered, { hover: false });
    this.#hovered = null;
    const source = id ? this.#sourceOfId.get(id) : undefined;
    if (id && source) {
      this.#hovered = { source, id };
      this.map.setFeatureState(this.#hovered, { hover: true });
    }
    this.map.getCanvas().style.cursor = id ? 'pointer' : '';
  }

  /** Whether the camera already shows this view, to within a pixel (links round their numbers). */
  #shows(view: AppState['view']): boolean {
    const c = this.map.getCenter();
    const pixelDeg = 360 / (512 * 2 ** this.map.getZoom());
    return (
      Math.abs(this.map.getZoom() - view.zoom) < 0.01 &&
      Math.abs(c.lng - view.center[0]) < pixelDeg &&
      Math.abs(c.lat - view.center[1]) < pixelDeg &&
      Math.abs(this.map.getBearing() - view.bearing) < 0.1 &&
      Math.abs(this.map.getPitch() - view.pitch) < 0.5
    );
  }

  #render(state: AppState, previous: AppState): void {
    // The view mostly comes from the map itself (moveend); a pasted or edited link moves it here.
    if (state.view !== previous.view && !this.#shows(state.view)) {
      if (isDefaultView(state.view)) {
        this.map.fitBounds(REGION_BOUNDS, { padding: regionPadding(this.map.getContainer().clientWidth), animate: false });
      } else {
        this.map.jumpTo({ center: state.view.center, zoom: state.view.zoom, bearing: state.view.bearing, pitch: state.view.pitch });
      }
    }
    if (state.language !== previous.language) {
      this.map.setStyle(buildStyle(this.#urls, { language: state.language, layers: state.layers }), { diff: true });
      this.map.getCanvas().setAttribute('aria-label', t(state.language, 'mapLabel'));
    }
    if (state.layers !== previous.layers) {
      for (const layer of this.map.getStyle().layers) {
        const group = groupOfLayer(layer.id);
        if (group && state.layers[group] !== previous.layers[group]) {
          this.map.setLayoutProperty(layer.id, 'visibility', state.layers[group] ? 'visible' : 'none');
        }
      }
    }
    if (state.layers !== previous.layers || state.language !== previous.language) {
      this.#layerControl.update(state.layers, state.language);
    }
    if (state.selection !== previous.selection) {
      for (const [id, value] of [
        [previous.selection, false],
        [state.selection, true],
      ] as const) {
        const source = id ? this.#sourceOfId.get(id) : undefined;
        if (id && source) this.map.setFeatureState({ source, id }, { selected: value });
      }
    }
  }
}

