/**
 * The MapLibre map: renders the app state (style, layer items, selection, language) and turns the
 * reader's pointer into actions. It never touches the panels; what it needs of the page (what
 * covers the map, where to show a chooser) comes in through its options.
 */
import { type PickedName, pickedName } from '../data/names';
import { AttributionControl, Map as MapLibreMap, type MapGeoJSONFeature, type MapMouseEvent, NavigationControl, addProtocol, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import regionsUrl from '../../geo/regions.geojson?url';
import type { Article } from '../article/types';
import type { Places } from '../data/places';
import type { LayerItem } from '../state/layers';
import { type AppState, type Framing, MAX_ZOOM, REGION_BOUNDS, type Store, isDefaultView } from '../state/store';
import { MAPLIBRE_LOCALE, t } from '../i18n/locale';
import { type Bounds, FRAME_MARGIN, type Padding, addPadding, clipBounds, fittingZoom, frame } from './framing';
import { emphasisOf } from './emphasis';
import { MapTooltip } from './tooltip';
import { HOME_LABEL_KEY, HomeControl } from './home-control';
import { LayerControl } from './layer-control';
import { type Candidate, MOUSE, type Pick, TOUCH, decide, lineDistance } from './picking';
import { skipRedundantPlacementFrames } from './placement-frame';
import { LanguageScaleControl } from './scale-control';
import { anyHostProtocol } from './tiles-source';
import { drawnRadius } from './symbology';
import {
  type DataSource,
  EMPHASIS_STATE,
  FONT_STACK,
  PICKABLE,
  REGION_LAYERS,
  SOURCE_ID,
  baseFilters,
  buildStyle,
  groupOfLayer,
  layerFilter,
  layerVisible,
  regionFilter,
} from './style';

setWorkerUrl(workerUrl);
// One protocol for the process: MapLibre asks it for the archive's tiles, by range where the host
// serves ranges, else cut from the one whole response (tiles-source.ts).
addProtocol('pmtiles', anyHostProtocol());

/** A feature the pointer may mean, named for a chooser or a tooltip. */

export interface MapViewOptions {
  container: HTMLElement;
  /** absolute URL of the tileset */
  tilesUrl: string;
  store: Store;
  /** one credit per upstream source and licence, in a language */
  credits: (language: AppState['language']) => string[];
  /** A data file or the renderer failed: the map keeps what it could draw, the reader is told. */
  onError: (message: string) => void;
  /** What covers the map now (panels, controls), in px from each edge. */
  covered: () => Padding;
  /** The most the panels can ever cover: the whole region must fit beside them at the minimum zoom. */
  largestCover: () => Padding;
  /** The WebGL context was lost, or has come back. */
  onContext: (event: 'lost' | 'restored') => void;
  /** Several features are equally close to a click: let the reader choose among them. */
  onChoose: (candidates: PickedName[], at: { x: number; y: number }, more?: { count: number; zoomIn: () => void }) => void;
}

/** A feature's names and kind as a chooser shows them; a line of a group carries its number. */

const REGION_BOX: Bounds = [REGION_BOUNDS[0][0], REGION_BOUNDS[0][1], REGION_BOUNDS[1][0], REGION_BOUNDS[1][1]];

/** The zoom a point is framed at when chosen from text, a list or a search. */
const POINT_ZOOM = 9;

export class MapView {
  readonly map: MapLibreMap;
  readonly #store: Store;
  readonly #options: MapViewOptions;
  readonly #layerControl: LayerControl;
  readonly #tooltip: MapTooltip;
  /** Which source-layer holds each feature id: from the light index, or learnt from hits before it loads. */
  readonly #layerOfId = new Map<string, string>();
  #filters: Map<string, unknown> = new Map();
  /** what the pointer is over now */
  #pointed: readonly string[] = [];
  /** features drawn lit now (pointer ∪ what the state lights), with their source-layer */
  #lit: { id: string; sourceLayer: string }[] = [];
  #pointer: 'mouse' | 'touch' = 'mouse';
  #regionsUrl: string | null = null;
  /** set once MapLibre has loaded the opening style: from then on it can be patched (setStyle with diff) */
  #styleLoaded = false;
  /** region outlines shown now: kept so that a change of style (the language) keeps them */
  #outlined: readonly string[] = [];
  #places: Places | null = null;
  #article: Article | null = null;

  constructor(options: MapViewOptions) {
    const { container, store } = options;
    this.#store = store;
    this.#options = options;
    const { view, language, hidden } = store.state;
    container.setAttribute('aria-busy', 'true');
    const style = buildStyle({ tilesUrl: options.tilesUrl }, { language, hidden });
    this.#filters = baseFilters(buildStyle({ tilesUrl: options.tilesUrl }, { language, hidden: [] }));
    const camera = isDefaultView(view)
      ? { bounds: REGION_BOUNDS, fitBoundsOptions: { padding: addPadding(options.covered(), 8) } }
      : { center: view.center, zoom: view.zoom, bearing: view.bearing, pitch: view.pitch };
    this.map = new MapLibreMap({
      container,
      style,
      ...camera,
      minZoom: this.#fittingZoom(),
      maxZoom: MAX_ZOOM,
      attributionControl: false,
      locale: MAPLIBRE_LOCALE[language],
      localIdeographFontFamily: FONT_STACK.map((name) => (name.includes(' ') ? `'${name}'` : name)).join(', '),
      // Labels appear at once: a fade-in costs several extra full frames before the map settles.
      fadeDuration: 0,
    });
    skipRedundantPlacementFrames(this.map);
    this.map.once('style.load', () => {
      this.#styleLoaded = true;
      this.#emphasise();
    });
    this.#labelCanvas(language);
    this.#measureFirstFrames();
    this.map.once('idle', () => {
      container.setAttribute('aria-busy', 'false');
      this.#addRelief();
    });
    this.map.on('error', (event) => {
      const sourceId = (event as { sourceId?: unknown }).sourceId;
      options.onError(`${event.error?.message ?? 'unknown error'}${typeof sourceId === 'string' ? ` (${sourceId})` : ''}`);
    });

    this.map.addControl(new NavigationControl({ visualizePitch: true }), 'top-right');
    this.map.addControl(new HomeControl({ goHome: () => this.fitRegion() }), 'top-right');
    this.#layerControl = new LayerControl({
      hidden,
      language,
      onToggle: (target, visible) => store.dispatch({ type: 'toggle-layer', target, visible }),
    });
    this.map.addControl(this.#layerControl, 'top-right');
    this.map.addControl(new LanguageScaleControl({ unit: 'metric' }), 'bottom-left');
    this.#attribution = this.#addCredits(language);
    // The opening view fits the region beside the controls, which exist only now.
    if (isDefaultView(view)) this.fitRegion(false);

    this.#tooltip = document.createElement('atlas-map-tooltip');
    container.append(this.#tooltip);

    container.addEventListener('pointerdown', (e) => {
      this.#pointer = e.pointerType === 'touch' || e.pointerType === 'pen' ? 'touch' : 'mouse';
    });
    this.map.on('mousemove', (e) => this.#onHover(e));
    this.map.on('mouseout', () => this.#setPointed([], null));
    this.map.on('click', (e) => this.#onClick(e));
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
    this.map.on('resize', () => this.map.setMinZoom(this.#fittingZoom()));
    this.#rendered = store.state;
    store.subscribe((state) => this.#render(state));
    this.#followContext(options.onContext);
  }

  /**
   * Marks for the benchmark and the tests, in the page's performance timeline: the first frame
   * drawn with every tile of the opening view in (`atlas-full-frame`), first idle (`atlas-idle`),
   * and how many frames were drawn before it (`framesBeforeIdle`).
   */
  #measureFirstFrames(): void {
    let frames = 0;
    let full = false;
    // Before the first tile arrives there are no tiles to wait for: that is not a full frame.
    let tilesArrived = false;
    const onTile = (e: { sourceId?: string; tile?: unknown }) => {
      if (e.sourceId === SOURCE_ID && e.tile) tilesArrived = true;
    };
    this.map.on('sourcedata', onTile);
    const onRender = () => {
      frames++;
      if (!full && tilesArrived && this.map.isStyleLoaded() && this.map.areTilesLoaded()) {
        this.map.off('sourcedata', onTile);
        full = true;
        performance.mark('atlas-full-frame', { detail: { frames } });
      }
    };
    this.map.on('render', onRender);
    this.map.once('idle', () => {
      this.map.off('render', onRender);
      performance.mark('atlas-idle', { detail: { frames } });
      this.framesBeforeIdle = frames;
    });
  }

  /** Frames drawn before the map first settled (null until it has). */
  framesBeforeIdle: number | null = null;

  /** The zoom at which the whole region fits beside the largest panels: the map's minimum. */
  #fittingZoom(): number {
    const el = this.#options.container;
    // With the same margin the framing keeps: a selection as wide as the region fits at this zoom.
    const cover = addPadding(this.#options.largestCover(), FRAME_MARGIN);
    return Math.floor(fittingZoom(REGION_BOX, el.clientWidth, el.clientHeight, cover) * 100) / 100;
  }

  #labelCanvas(language: AppState['language']): void {
    const canvas = this.map.getCanvas();
    canvas.setAttribute('aria-label', t(language, 'mapLabel'));
    canvas.setAttribute('role', 'application');
    canvas.setAttribute('aria-roledescription', t(language, 'mapRole'));
  }

  /** Once the light index is loaded, features can be highlighted and framed by id alone. */
  setPlaces(places: Places): void {
    this.#places = places;
    for (const p of places.list) this.#layerOfId.set(p.id, p.layer);
    // A selection that came with a link could not be highlighted before its layer was known.
    this.#setSelected(this.#store.state.selection, true);
    this.#emphasise();
  }

  /** Once the article is loaded, the regions a passage names can be outlined while it is read. */
  setArticle(article: Article): void {
    this.#article = article;
    this.#emphasise();
  }

  /** Light and outline what the state asks for (see emphasis.ts), with what the pointer is over. */
  #emphasise(force = false): void {
    if (this.#lost) return;
    const { lit, outlined } = emphasisOf(this.#store.state, this.#places, this.#article);
    this.#setLit([...new Set([...this.#pointed, ...lit])], force);
    this.#setOutlinedRegions(outlined);
    this.#nameFirst([this.#store.state.selection, ...lit], force);
  }

  /** ids whose names are placed before any other now (style.ts: the emphasis label layers) */
  #namedFirst: readonly string[] = [];

  /** The selection's and the lit features' names are placed first (not the pointer's: it moves too often). */
  #nameFirst(ids: readonly (string | null)[], force: boolean): void {
    const named = [...new Set(ids.filter((id): id is string => !!id))];
    if (!this.#styleLoaded || (!force && named.join() === this.#namedFirst.join())) return;
    this.#namedFirst = named;
    this.map.setGlobalStateProperty(EMPHASIS_STATE, named);
  }

  /** Outline these regions (the selected one, those a passage being read names, the chapter's). */
  #setOutlinedRegions(ids: readonly string[]): void {
    // A filter set again, even unchanged, costs a full re-render.
    const sorted = [...ids].sort();
    if (sorted.join() === this.#outlined.join()) return;
    this.#outlined = sorted;
    if (ids.length > 0 && !this.#regionsUrl) {
      // The first outline asked for: the regions' source and layers join the style, already filtered.
      // A style can only be patched once it has loaded (before, MapLibre would reload it whole).
      this.#regionsUrl = new URL(regionsUrl, window.location.href).href;
      const addRegions = () => {
        const { language, hidden } = this.#store.state;
        this.map.setStyle(buildStyle(this.#data(), { language, hidden, outlined: this.#outlined }), { diff: true });
      };
      if (this.#styleLoaded) addRegions();
      else this.map.once('style.load', addRegions);
      return;
    }
    for (const layer of REGION_LAYERS) if (this.map.getLayer(layer)) this.map.setFilter(layer, regionFilter(ids));
  }

  #data(): DataSource {
    return { tilesUrl: this.#options.tilesUrl, regionsUrl: this.#regionsUrl, relief: this.#relief };
  }

  /** The relief joins the style once the opening view has settled (see DataSource.relief). */
  #relief = false;

  #addRelief(): void {
    if (this.#relief || this.#lost) return;
    this.#relief = true;
    const { language, hidden } = this.#store.state;
    this.map.setStyle(buildStyle(this.#data(), { language, hidden, outlined: this.#outlined }), { diff: true });
  }

  /** Bring a feature into the part of the map the panels leave free. */
  frame(id: string, framing: Framing): void {
    const place = this.#places?.get(id);
    if (!place || this.#lost) return;
    this.#bring(place.bbox, framing, { pointZoom: place.kind === 'rail-station' ? 11 : POINT_ZOOM, maxZoom: 12 });
  }

  /**
   * Keep these features in the free part of the map (what the reader is reading or has selected):
   * nothing moves when they are there already; else as little as brings them in.
   */
  keepInView(ids: readonly string[]): void {
    const boxes = ids.map((id) => this.#places?.get(id)?.bbox).filter((b) => b !== undefined);
    if (boxes.length === 0 || this.#lost) return;
    const union: Bounds = [
      Math.min(...boxes.map((b) => b[0])),
      Math.min(...boxes.map((b) => b[1])),
      Math.max(...boxes.map((b) => b[2])),
      Math.max(...boxes.map((b) => b[3])),
    ];
    this.#bring(union, 'reveal', { pointZoom: POINT_ZOOM, maxZoom: 12 });
  }

  /** Fill the free part of the map with a chapter's bounds (its camera never closer than `maxZoom`). */
  frameBounds(bounds: Bounds, maxZoom: number): void {
    if (this.#lost) return;
    this.#bring(bounds, 'focus', { pointZoom: maxZoom, maxZoom }, { flight: true, tightRoom: 160 });
  }

  /** The whole region beside what covers the map: the opening view, and the home button. */
  fitRegion(animate = true): void {
    this.#bring(REGION_BOX, 'focus', { pointZoom: POINT_ZOOM, maxZoom: MAX_ZOOM }, { margin: 8, animate });
  }

  /**
   * Every camera move of the page: framing.ts decides where, this says how (eased, or at once under
   * reduced motion). `tightRoom`: below this many free pixels the margin around the target is dropped.
   */
  #bring(
    box: readonly number[],
    framing: Framing,
    limits: { pointZoom: number; maxZoom: number },
    how: { flight?: boolean; tightRoom?: number; margin?: number; animate?: boolean } = {},
  ): void {
    const [[w, s], [e, n]] = REGION_BOUNDS;
    const bbox = clipBounds(box as Bounds, [w, s, e, n]);
    const c = this.map.getCenter();
    const { clientWidth: width, clientHeight: height } = this.#options.container;
    const covered = this.#options.covered();
    let padding = addPadding(covered, how.margin ?? FRAME_MARGIN);
    const room = Math.min(width - padding.left - padding.right, height - padding.top - padding.bottom);
    if (how.tightRoom && room < how.tightRoom) padding = covered;
    // The sheet pulled up over nearly all of a phone's map: there is nowhere to frame anything.
    if (Math.min(width - padding.left - padding.right, height - padding.top - padding.bottom) < 40) return;
    const camera = { center: [c.lng, c.lat] as [number, number], zoom: this.map.getZoom(), bearing: this.map.getBearing() };
    const viewport = { width, height, padding, minZoom: this.map.getMinZoom(), maxZoom: limits.maxZoom };
    const target = frame(bbox, camera, viewport, framing, { pointZoom: limits.pointZoom });
    if (!target) return;
    const instant = how.animate === false || window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const to = { center: target.center, zoom: target.zoom, bearing: target.bearing };
    if (instant) this.map.jumpTo(to);
    else if (how.flight) this.map.flyTo({ ...to, speed: 1.4, maxDuration: 2200 });
    else this.map.easeTo({ ...to, duration: 600 });
  }

  /** Every feature drawn near a screen point, as pick candidates, with the names to offer. */
  candidatesAt(x: number, y: number, pointer = this.#pointer): { candidates: Candidate[]; names: Map<string, PickedName> } {
    const reach = (pointer === 'touch' ? TOUCH : MOUSE).reach;
    const layers = Object.keys(PICKABLE).filter((id) => this.map.getLayer(id) && this.#layerShown(id));
    const box: [[number, number], [number, number]] = [
      [x - reach, y - reach],
      [x + reach, y + reach],
    ];
    const near = this.map.queryRenderedFeatures(box, { layers: layers.filter((l) => PICKABLE[l]?.kind !== 'label') });
    // A name counts only when the pointer is on it.
    const onNames = this.map.queryRenderedFeatures([x, y], { layers: layers.filter((l) => PICKABLE[l]?.kind === 'label') });
    const candidates: Candidate[] = [];
    const names = new Map<string, PickedName>();
    for (const hit of [...near, ...onNames]) {
      const how = PICKABLE[hit.layer.id];
      const id = hit.properties[how?.idProperty ?? 'id'];
      if (!how || typeof id !== 'string') continue;
      if (!this.#layerOfId.has(id) && hit.sourceLayer && !how.idProperty) this.#layerOfId.set(id, hit.sourceLayer);
      if (!names.has(id) || !how.idProperty) {
        names.set(id, pickedName(id, hit.properties));
      }
      candidates.push({ id, kind: how.kind, ...this.#distance(hit, how.kind, [x, y]) });
    }
    return { candidates, names };
  }

  #distance(hit: MapGeoJSONFeature, kind: Candidate['kind'], p: [number, number]): { distance: number; radius?: number } {
    if (kind === 'area' || kind === 'label') return { distance: 0 };
    const project = (c: number[]) => {
      const s = this.map.project([c[0] as number, c[1] as number]);
      return [s.x, s.y] as [number, number];
    };
    const g = hit.geometry;
    if (kind === 'point' && g.type === 'Point') {
      const [sx, sy] = project(g.coordinates);
      const d = Math.hypot(p[0] - sx, p[1] - sy);
      const radius = drawnRadius(hit.properties, this.map.getZoom());
      // An area drawn as a wide ring (未来科技城 around 福田站) is hit on its ring, not at its centre.
      if (hit.properties['kind'] === 'area' && hit.properties['geometry_quality'] === 'stand-in') return { distance: Math.abs(d - radius), radius: 3 };
      return { distance: d, radius };
    }
    const lines = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
    return {
      distance: lineDistance(
        p,
        lines.map((l) => l.map(project)),
      ),
    };
  }

  #layerShown(layerId: string): boolean {
    return layerVisible(layerId, this.#store.state.hidden);
  }

  /** What a click (or a tap) at this container point would select: the tests look for a point that picks a feature. */
  pickAt(x: number, y: number, pointer: 'mouse' | 'touch' = this.#pointer): Pick {
    return this.#pickAt(x, y, pointer).pick;
  }

  #pickAt(x: number, y: number, pointer = this.#pointer): { pick: Pick; names: Map<string, PickedName> } {
    const { candidates, names } = this.candidatesAt(x, y, pointer);
    return { pick: decide(candidates, pointer === 'touch' ? TOUCH : MOUSE), names };
  }

  #onClick(e: MapMouseEvent): void {
    const { pick, names } = this.#pickAt(e.point.x, e.point.y);
    this.#setPointed([], null);
    if (pick.type === 'choose') {
      const rect = this.#options.container.getBoundingClientRect();
      const around = e.lngLat;
      const zoomIn = () =>
        this.map.easeTo({ zoom: this.map.getZoom() + 2, around, duration: window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 600 });
      this.#options.onChoose(
        pick.ids.map((id) => names.get(id) as PickedName),
        { x: rect.left + e.point.x, y: rect.top + e.point.y },
        pick.more ? { count: pick.more, zoomIn } : undefined,
      );
      return;
    }
    this.#store.dispatch({ type: 'select', id: pick.type === 'one' ? pick.id : null, framing: 'reveal' });
  }

  #onHover(e: MapMouseEvent): void {
    const { pick, names } = this.#pickAt(e.point.x, e.point.y);
    const ids = pick.type === 'one' ? [pick.id] : pick.type === 'choose' ? pick.ids : [];
    const language = this.#store.state.language;
    const text = ids.map((id) => (language === 'zh' ? names.get(id)?.name_zh : names.get(id)?.name_en) ?? id).join(' · ');
    this.#setPointed(ids, ids.length ? { x: e.point.x, y: e.point.y, text } : null);
  }

  #setPointed(ids: readonly string[], tip: { x: number; y: number; text: string } | null): void {
    if (ids.join() !== this.#pointed.join()) {
      this.#pointed = ids;
      this.map.getCanvas().style.cursor = ids.length ? 'pointer' : '';
      this.#emphasise();
    }
    this.#tooltip.tip = tip;
  }

  /** The one writer of the map's hover state: set where it is new, cleared where it is gone. */
  #setLit(ids: readonly string[], force: boolean): void {
    const next = ids.flatMap((id) => {
      const sourceLayer = this.#layerOfId.get(id);
      return sourceLayer ? [{ id, sourceLayer }] : [];
    });
    const keep = new Set(next.map((f) => f.id));
    const had = new Set(this.#lit.map((f) => f.id));
    for (const f of this.#lit) if (!keep.has(f.id)) this.map.setFeatureState({ source: SOURCE_ID, ...f }, { hover: false });
    for (const f of next) if (force || !had.has(f.id)) this.map.setFeatureState({ source: SOURCE_ID, ...f }, { hover: true });
    this.#lit = next;
  }

  #setSelected(id: string | null, value: boolean): void {
    if (this.#lost) return;
    const sourceLayer = id ? this.#layerOfId.get(id) : undefined;
    if (id && sourceLayer) this.map.setFeatureState({ source: SOURCE_ID, sourceLayer, id }, { selected: value });
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

  #applyItems(hidden: readonly LayerItem[]): void {
    for (const layer of this.map.getStyle().layers) {
      if (!groupOfLayer(layer.id)) continue;
      const filter = layerFilter(layer, this.#filters.get(layer.id) as never, hidden);
      this.map.setFilter(layer.id, filter ?? null);
      this.map.setLayoutProperty(layer.id, 'visibility', layerVisible(layer.id, hidden) ? 'visible' : 'none');
    }
  }

  /**
   * While the WebGL context is lost the map is not written to (MapLibre would throw); the state
   * goes on changing, and once the context is back the map is brought up to it in one render.
   */
  #followContext(onContext: MapViewOptions['onContext']): void {
    this.map.on('webglcontextlost', () => {
      this.#lost = true;
      onContext('lost');
    });
    // MapLibre rebuilds its style from a snapshot taken at the loss (without feature state): once
    // that has loaded, the map is brought up to the state and what is selected and lit is set again.
    const resume = () => {
      this.#lost = false;
      this.#render(this.#store.state);
      this.#setSelected(this.#store.state.selection, true);
      this.#emphasise(true);
      onContext('restored');
    };
    this.map.on('webglcontextrestored', () => {
      if (this.map.isStyleLoaded()) resume();
      else this.map.once('style.load', resume);
    });
  }

  /** the state the map shows: what a render compares the new state with */
  #rendered: AppState;
  #lost = false;

  #render(state: AppState): void {
    if (this.#lost) return;
    const previous = this.#rendered;
    this.#rendered = state;
    // The view mostly comes from the map itself (moveend); Back, Forward and edited links move it here.
    if (state.view !== previous.view && !this.#shows(state.view)) {
      if (isDefaultView(state.view)) {
        this.fitRegion(false);
      } else {
        this.map.jumpTo({ center: state.view.center, zoom: state.view.zoom, bearing: state.view.bearing, pitch: state.view.pitch });
      }
    }
    if (state.language !== previous.language) {
      this.map.setStyle(buildStyle(this.#data(), { language: state.language, hidden: state.hidden, outlined: this.#outlined }), { diff: true });
      // The style is rebuilt for the other language: what is lit is set again on it.
      this.map.once('styledata', () => this.#emphasise(true));
      this.#labelCanvas(state.language);
      this.#relabelControls(state.language);
    }
    // By content: Back and Forward hand over equal lists that are new arrays.
    if (state.hidden.join() !== previous.hidden.join()) this.#applyItems(state.hidden);
    if (state.hidden !== previous.hidden || state.language !== previous.language) {
      this.#layerControl.update(state.hidden, state.language);
    }
    if (state.selection !== previous.selection) {
      this.#setSelected(previous.selection, false);
      this.#setSelected(state.selection, true);
    }
    this.#emphasise();
  }

  /**
   * The credits, in the interface language. Compact: an (i) button that opens them on demand; the
   * full list stays one click away. MapLibre opens a compact attribution expanded; readers ask for
   * it instead. Folded at once, not at 'load': the opening view is fitted just below, beside what
   * covers the map, and an expanded attribution would push the region up and out by its height
   * (on phones a third of the map).
   */
  #addCredits(language: AppState['language']): AttributionControl {
    const control = new AttributionControl({ customAttribution: this.#options.credits(language), compact: true });
    this.map.addControl(control, 'bottom-right');
    this.#options.container.querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show');
    return control;
  }

  #attribution: AttributionControl;

  /** MapLibre writes its control labels once; follow the interface language. */
  #relabelControls(language: AppState['language']): void {
    // Its credits too: the control is made anew with the other language's lines.
    this.map.removeControl(this.#attribution);
    this.#attribution = this.#addCredits(language);
    const strings = MAPLIBRE_LOCALE[language];
    (this.map as unknown as { _locale: Record<string, string> })._locale = { ...strings };
    const label = (selector: string, key: string) => {
      for (const el of this.#options.container.querySelectorAll<HTMLElement>(selector)) {
        el.title = strings[key] ?? '';
        el.setAttribute('aria-label', strings[key] ?? '');
      }
    };
    label('.maplibregl-ctrl-zoom-in', 'NavigationControl.ZoomIn');
    label('.maplibregl-ctrl-zoom-out', 'NavigationControl.ZoomOut');
    label('.maplibregl-ctrl-compass', 'NavigationControl.ResetBearing');
    label('.maplibregl-ctrl-attrib-button', 'AttributionControl.ToggleAttribution');
    label('.maplibregl-ctrl-home', HOME_LABEL_KEY);
  }
}
