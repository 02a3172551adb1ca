/**
 * The one app state. The map and the panels render from it and change it only through the
 * named actions below; neither reaches into the other.
 */
export const LAYER_GROUPS = ['rivers', 'rail', 'transit', 'sites'] as const;
export type LayerGroup = (typeof LAYER_GROUPS)[number];

export type Language = 'zh' | 'en';

export interface MapView {
  /** [lng, lat] */
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

export interface AppState {
  view: MapView;
  layers: Record<LayerGroup, boolean>;
  /** id of the selected feature (ids are unique across geo/), or null */
  selection: string | null;
  language: Language;
}

/**
 * The whole Chengdu–Chongqing region, from the Min to the Three Gorges and from Guangyuan to
 * Jinyang: the map opens fitted to it, whatever the window's size.
 */
export const REGION_BOUNDS: [[number, number], [number, number]] = [
  [102.9, 27.6],
  [109.7, 32.5],
];

/** The zoom range the map allows: the whole region at 6, a station's surroundings at 13. */
export const MIN_ZOOM = 6;
export const MAX_ZOOM = 13;

/** Room kept free around the region when fitting it: on wide maps, the layer key on the right. */
export function regionPadding(mapWidth: number): { top: number; right: number; bottom: number; left: number } {
  return { top: 16, bottom: 16, left: 16, right: mapWidth >= 900 ? 250 : 16 };
}

/** The view REGION_BOUNDS gives in a 1280×860 window; the state holds it until the map reports its own. */
export const DEFAULT_VIEW: MapView = { center: [107.14, 30.08], zoom: 6.62, bearing: 0, pitch: 0 };

export function isDefaultView(view: MapView): boolean {
  return (
    view.center[0] === DEFAULT_VIEW.center[0] &&
    view.center[1] === DEFAULT_VIEW.center[1] &&
    view.zoom === DEFAULT_VIEW.zoom &&
    view.bearing === DEFAULT_VIEW.bearing &&
    view.pitch === DEFAULT_VIEW.pitch
  );
}

export function initialState(): AppState {
  return {
    view: { ...DEFAULT_VIEW },
    layers: { rivers: true, rail: true, transit: true, sites: true },
    selection: null,
    language: 'zh',
  };
}

export type Action =
  | { type: 'select'; id: string | null }
  | { type: 'toggle-layer'; group: LayerGroup; visible?: boolean }
  | { type: 'move'; view: MapView }
  | { type: 'set-language'; language: Language };

export function reduce(state: AppState, action: Action): AppState {
  switch (action.type) {
    case 'select':
      return state.selection === action.id ? state : { ...state, selection: action.id };
    case 'toggle-layer': {
      const visible = action.visible ?? !state.layers[action.group];
      if (state.layers[action.group] === visible) return state;
      return { ...state, layers: { ...state.layers, [action.group]: visible } };
    }
    case 'move':
      return { ...state, view: action.view };
    case 'set-language':
      return state.language === action.language ? state : { ...state, language: action.language };
  }
}

export type Listener = (state: AppState, previous: AppState) => void;

export class Store {
  #state: AppState;
  readonly #listeners = new Set<Listener>();

  constructor(state: AppState = initialState()) {
    this.#state = state;
  }

  get state(): AppState {
    return this.#state;
  }

  dispatch(action: Action): void {
    const previous = this.#state;
    const next = reduce(previous, action);
    if (next === previous) return;
    this.#state = next;
    for (const listener of this.#listeners) listener(next, previous);
  }

  /** Returns an unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
