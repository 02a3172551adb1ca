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

/** Opening view: the whole Chengdu–Chongqing region, from the Min to the Three Gorges. */
export const DEFAULT_VIEW: MapView = { center: [105.75, 30.1], zoom: 6.4, bearing: 0, pitch: 0 };

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
