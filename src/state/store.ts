/**
 * The one app state. The map and the panels render from it and change it only through the
 * named actions below; neither reaches into the other.
 *
 * Part of it is the link (view, layers, selection, passage, chapter, language, embed: url.ts
 * writes and reads it); `ui` is what the page shows for now and no link carries (the places list,
 * the features lit from outside the map, the notices, what has loaded).
 */
import { type LayerGroup, type LayerItem, canonicalHidden, groupOfItem, itemsOf } from './layers';

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
  /** layer items switched off, in canonical order (see layers.ts); empty: everything shown */
  hidden: readonly LayerItem[];
  /** id of the selected feature (ids are unique across geo/), or null */
  selection: string | null;
  /** the story or paragraph the reader panel is open at, or null when it is closed */
  reading: string | null;
  /** the tour chapter being shown, or null outside the tour */
  chapter: string | null;
  language: Language;
  /** reduced chrome for pages that embed the atlas in an iframe; only a link sets it */
  embed: boolean;
  /** what the page shows now that no link carries */
  ui: UiState;
}

/** What the reading dock shows: the tour, the article or the list of places, one at a time. */
export type DockView = 'tour' | 'article' | 'places';

/** Something the page tells the reader: what failed or was ignored, by a key of the interface's words. */
export interface Notice {
  id: number;
  /** a key of src/i18n/locale.ts: the notice follows the interface language */
  key: string;
  /** what it is about, shown as it came (a link's text, a feature id), isolated from the sentence */
  detail?: string;
  /** what the reader can do about it */
  action?: 'reload';
}

export interface UiState {
  /** the list of places is open in the dock (the article and the tour follow from `reading` and `chapter`) */
  placesOpen: boolean;
  /** features lit from outside the map: a mention pointed at, the choices of a chooser */
  highlight: readonly string[];
  notices: readonly Notice[];
  /** what has loaded of the data the panels read and of the elements that show it */
  loaded: { places: boolean; article: boolean; tour: boolean };
}

/** The dock's view: the tour wins over the article, the article over the list. */
export function dockView(state: AppState): DockView | null {
  if (state.chapter) return 'tour';
  if (state.reading) return 'article';
  return state.ui.placesOpen ? 'places' : null;
}

export function initialUi(): UiState {
  return { placesOpen: false, highlight: [], notices: [], loaded: { places: false, article: false, tour: false } };
}

/**
 * The whole Chengdu–Chongqing region, from the Min to the Three Gorges and from Guangyuan to
 * Jinyang: the map opens fitted to it, whatever the window's size.
 */
export const REGION_BOUNDS: [[number, number], [number, number]] = [
  [102.9, 27.6],
  [109.7, 32.5],
];

/** The closest the map may come: a station's surroundings. */
export const MAX_ZOOM = 13;
/** The widest view a link may ask for; the map itself stops where the region fits its window. */
export const MIN_LINK_ZOOM = 4;

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
    hidden: [],
    selection: null,
    reading: null,
    chapter: null,
    language: 'zh',
    embed: false,
    ui: initialUi(),
  };
}

/**
 * How the map should bring a selection into view: `reveal` moves only as far as needed to show it
 * whole (the reader clicked it on the map, so it is in sight), `focus` frames it (chosen from text,
 * a list, a search), `glimpse` moves only if none of it is in sight (a shared link: the view it
 * carries is what the sender saw), `none` leaves the camera alone.
 */
export type Framing = 'reveal' | 'focus' | 'glimpse' | 'none';

export type Action =
  | { type: 'select'; id: string | null; framing?: Framing }
  | { type: 'toggle-layer'; target: LayerGroup | LayerItem; visible?: boolean }
  | { type: 'move'; view: MapView }
  | { type: 'set-language'; language: Language }
  /**
   * Open the reader at a story or paragraph (null closes it). `follow`: the reader only scrolled
   * there, which moves the link along without a history entry; `focus`: give the passage focus.
   */
  | { type: 'read'; at: string | null; follow?: boolean; focus?: boolean }
  | { type: 'tour'; chapter: string | null }
  /** Open the list of places in the dock (it replaces the article and the tour), or close the dock. */
  | { type: 'dock'; view: 'places' | null }
  /** Light features from outside the map (a mention pointed at); [] puts them out. */
  | { type: 'highlight'; ids: readonly string[] }
  | { type: 'notice'; key: string; detail?: string; action?: Notice['action'] }
  /** Close a notice: by its id (the reader closed it) or by its key (what it said is over). */
  | { type: 'dismiss'; id?: number; key?: string }
  | { type: 'loaded'; what: keyof UiState['loaded'] }
  /** Back, Forward or an edited address: become exactly the state the link describes. */
  | { type: 'restore'; state: AppState };

export interface ReduceContext {
  /** The layer item a feature belongs to, when it belongs to one (basemap features do not). */
  itemOf(id: string): LayerItem | null;
}

const NO_CONTEXT: ReduceContext = { itemOf: () => null };

function toggle(state: AppState, target: LayerGroup | LayerItem, visible: boolean | undefined, ctx: ReduceContext): AppState {
  const items = itemsOf(target);
  // A group box ticks everything when anything in it is off, as check boxes with a mixed state do.
  const show = visible ?? items.some((i) => state.hidden.includes(i));
  const hidden = canonicalHidden(show ? state.hidden.filter((i) => !items.includes(i)) : [...state.hidden, ...items]);
  if (hidden.length === state.hidden.length && hidden.every((i, k) => i === state.hidden[k])) return state;
  // What is hidden cannot stay selected: its panel would describe something the map no longer shows.
  const item = state.selection ? ctx.itemOf(state.selection) : null;
  const selection = item && hidden.includes(item) ? null : state.selection;
  return { ...state, hidden, selection };
}

/** At most this many notices at once: the newest stay. */
export const MAX_NOTICES = 2;

function ui(state: AppState, patch: Partial<UiState>): AppState {
  return { ...state, ui: { ...state.ui, ...patch } };
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/** A notice already shown is not shown twice; the oldest gives way past MAX_NOTICES. */
function addNotice(state: AppState, notice: Omit<Notice, 'id'>): AppState {
  const shown = state.ui.notices;
  if (shown.some((n) => n.key === notice.key && n.detail === notice.detail)) return state;
  const id = Math.max(0, ...shown.map((n) => n.id)) + 1;
  return ui(state, { notices: [...shown, { ...notice, id }].slice(-MAX_NOTICES) });
}

/** One view in the dock at a time: opening the article or the tour closes the others. */
function read(state: AppState, at: string | null, follow: boolean): AppState {
  if (state.reading === at) return state;
  // A follow moves an open reader along; it never opens one. The reader's scroll watcher can
  // report a passage a moment after the reader was closed (a quick second tap on its button).
  if (follow && state.reading === null) return state;
  if (at === null || follow) return { ...state, reading: at };
  return { ...state, reading: at, chapter: null, ui: { ...state.ui, placesOpen: false } };
}

function tour(state: AppState, chapter: string | null): AppState {
  if (state.chapter === chapter) return state;
  if (chapter === null) return { ...state, chapter };
  return { ...state, chapter, reading: null, ui: { ...state.ui, placesOpen: false } };
}

function dock(state: AppState, view: 'places' | null): AppState {
  if (view === 'places') return { ...state, reading: null, chapter: null, ui: { ...state.ui, placesOpen: true } };
  if (!dockView(state)) return state;
  return { ...state, reading: null, chapter: null, ui: { ...state.ui, placesOpen: false } };
}

function reduceUi(state: AppState, action: Extract<Action, { type: 'highlight' | 'notice' | 'dismiss' | 'loaded' }>): AppState {
  switch (action.type) {
    case 'highlight':
      return sameIds(state.ui.highlight, action.ids) ? state : ui(state, { highlight: [...action.ids] });
    case 'notice':
      return addNotice(state, { key: action.key, detail: action.detail, action: action.action });
    case 'dismiss':
      if (!state.ui.notices.some((n) => n.id === action.id || n.key === action.key)) return state;
      return ui(state, { notices: state.ui.notices.filter((n) => n.id !== action.id && n.key !== action.key) });
    case 'loaded':
      return state.ui.loaded[action.what] ? state : ui(state, { loaded: { ...state.ui.loaded, [action.what]: true } });
  }
}

export function reduce(state: AppState, action: Action, ctx: ReduceContext = NO_CONTEXT): AppState {
  switch (action.type) {
    case 'select':
      return state.selection === action.id ? state : { ...state, selection: action.id };
    case 'toggle-layer':
      return toggle(state, action.target, action.visible, ctx);
    case 'move':
      return { ...state, view: action.view };
    case 'set-language':
      return state.language === action.language ? state : { ...state, language: action.language };
    case 'read':
      return read(state, action.at, action.follow === true);
    case 'tour':
      return tour(state, action.chapter);
    case 'dock':
      return dock(state, action.view);
    case 'highlight':
    case 'notice':
    case 'dismiss':
    case 'loaded':
      return reduceUi(state, action);
    case 'restore':
      // The link decides what is open; what no link carries stays as it is.
      return { ...action.state, embed: state.embed, ui: state.ui };
  }
}

/** Whether an item is shown in a state. */
export function isShown(state: AppState, item: LayerItem | null): boolean {
  return item === null || !state.hidden.includes(item);
}

export { groupOfItem };

export type Listener = (state: AppState, previous: AppState, action: Action) => void;

export class Store {
  #state: AppState;
  #context: ReduceContext = NO_CONTEXT;
  readonly #listeners = new Set<Listener>();

  constructor(state: AppState = initialState()) {
    this.#state = state;
  }

  get state(): AppState {
    return this.#state;
  }

  /** What the reducer needs to know about the data, once the data is loaded. */
  setContext(context: ReduceContext): void {
    this.#context = context;
  }

  dispatch(action: Action): void {
    const previous = this.#state;
    const next = reduce(previous, action, this.#context);
    if (next === previous) return;
    this.#state = next;
    for (const listener of this.#listeners) listener(next, previous, action);
  }

  /** Returns an unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
