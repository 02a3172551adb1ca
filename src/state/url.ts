/**
 * The share link: the app state as a URL hash, and back. Pure functions, no DOM.
 *
 *   #map=7.5/30.1234/104.5678&layers=-river-wu&select=river-jialing&read=eco-9&chapter=rivers&lang=en
 *
 * `map=zoom/lat/lng[/bearing[/pitch]]` reads as MapLibre's own hash and openstreetmap.org's, so
 * people recognise it. The other parts appear only when they differ from the opening state:
 *
 * - `layers`: what is shown, in the shorter of two readable forms. Plain names switch on, from
 *   nothing: `layers=rivers,rail-line` shows the rivers and the Ziyang line only. A list that
 *   starts with `-` switches off, from everything: `layers=-river-wu` hides the Wu alone. Names
 *   are groups (`rivers`, `rail`, `transit`, `sites`) or their items (layers.ts). `layers=` shows
 *   nothing.
 * - `select`: a feature id; `read`: the story or paragraph the reader is open at; `chapter`: the
 *   tour chapter; `lang`: `en` (Chinese is the default); `embed=1`: the reduced chrome for iframes.
 *
 * Parsing never throws. Each part, and each name inside `layers`, is read on its own: what cannot
 * be read is left at its default and reported, so a mangled link still opens the map.
 */
import { type LayerItem, LAYER_GROUPS, GROUP_ITEMS, canonicalHidden, groupVisibility, isLayerGroup, isLayerItem, itemsOf, LAYER_ITEMS } from './layers';
import { type AppState, MAX_ZOOM, MIN_LINK_ZOOM, type MapView, REGION_BOUNDS, initialState } from './store';

export type LinkPart = 'map' | 'layers' | 'select' | 'read' | 'chapter' | 'lang' | 'embed' | 'unknown';

/** A part of the link that was ignored, with the text as it came. */
export interface LinkProblem {
  part: LinkPart;
  text: string;
}

export interface ParsedLink {
  state: AppState;
  problems: LinkProblem[];
}

/** A link may point beyond the region, as far as a reader can pan with something still in view. */
const MARGIN_DEG = 5;
const MAX_PITCH = 60;
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Longer than any id we have by far: a longer value is not an id, whatever its characters. */
const MAX_ID_LENGTH = 80;

/** Decimals of lat/lng that still move the view by less than a pixel at this zoom (as MapLibre's hash). */
export function coordinateDecimals(zoom: number): number {
  return Math.max(0, Math.ceil((zoom * Math.LN2 + Math.log(512 / 360 / 0.5)) / Math.LN10));
}

/** A number written without trailing zeros: 7.5 not 7.50, 0 not -0. */
function tidy(value: number, decimals: number): string {
  const rounded = Number(value.toFixed(decimals));
  return String(rounded === 0 ? 0 : rounded);
}

export function formatView(view: MapView): string {
  const d = coordinateDecimals(view.zoom);
  const parts = [tidy(view.zoom, 2), tidy(view.center[1], d), tidy(view.center[0], d)];
  if (view.bearing !== 0 || view.pitch !== 0) parts.push(tidy(view.bearing, 1));
  if (view.pitch !== 0) parts.push(tidy(view.pitch, 0));
  return parts.join('/');
}

/** The view as the link will carry it: what a reader opening the link gets. */
export function roundView(view: MapView): MapView {
  const parsed = parseView(formatView(view));
  return parsed ?? view;
}

/** The shorter of "what is on, from nothing" and "what is off, from everything"; null when all is on. */
export function formatLayers(hidden: readonly LayerItem[]): string | null {
  if (hidden.length === 0) return null;
  const on: string[] = [];
  const off: string[] = [];
  for (const group of LAYER_GROUPS) {
    const items = GROUP_ITEMS[group];
    switch (groupVisibility(group, hidden)) {
      case 'all':
        on.push(group);
        break;
      case 'none':
        off.push(`-${group}`);
        break;
      case 'some':
        on.push(...items.filter((i) => !hidden.includes(i)));
        off.push(...items.filter((i) => hidden.includes(i)).map((i) => `-${i}`));
    }
  }
  const positive = on.join(',');
  const negative = off.join(',');
  return negative.length < positive.length ? negative : positive;
}

/** The hash for a state, with its leading `#`. */
export function formatHash(state: AppState): string {
  const defaults = initialState();
  const params = [`map=${formatView(state.view)}`];
  const layers = formatLayers(state.hidden);
  if (layers !== null) params.push(`layers=${layers}`);
  if (state.selection !== null) params.push(`select=${encodeURIComponent(state.selection)}`);
  if (state.reading !== null) params.push(`read=${encodeURIComponent(state.reading)}`);
  if (state.chapter !== null) params.push(`chapter=${encodeURIComponent(state.chapter)}`);
  if (state.language !== defaults.language) params.push(`lang=${state.language}`);
  if (state.embed) params.push('embed=1');
  return `#${params.join('&')}`;
}

/** A number as links write them: no exponents, no hex, no blanks (Number() accepts all three). */
const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)$/;

function parseView(text: string): MapView | null {
  const fields = text.split('/');
  if (fields.length < 3 || fields.length > 5 || !fields.every((f) => NUMBER.test(f))) return null;
  const [zoom, lat, lng, bearing = 0, pitch = 0] = fields.map(Number) as [number, number, number, number?, number?];
  if (![zoom, lat, lng, bearing, pitch].every(Number.isFinite)) return null;
  const [[west, south], [east, north]] = REGION_BOUNDS;
  const inRegion = lng >= west - MARGIN_DEG && lng <= east + MARGIN_DEG && lat >= south - MARGIN_DEG && lat <= north + MARGIN_DEG;
  if (!inRegion || zoom < MIN_LINK_ZOOM || zoom > MAX_ZOOM) return null;
  if (Math.abs(bearing) > 180 || pitch < 0 || pitch > MAX_PITCH) return null;
  return { center: [lng, lat], zoom, bearing: bearing === 0 ? 0 : bearing, pitch: pitch === 0 ? 0 : pitch };
}

/**
 * Names are applied in order; a list that starts with `-` starts from everything shown, any other
 * from nothing. Unknown names are returned so they can be reported; the rest still apply.
 */
export function parseLayers(text: string): { hidden: LayerItem[]; unknown: string[] } {
  const names = text === '' ? [] : text.split(',');
  const shown = new Set<LayerItem>(names[0]?.startsWith('-') ? LAYER_ITEMS : []);
  const unknown: string[] = [];
  for (const raw of names) {
    const negative = raw.startsWith('-');
    const name = negative ? raw.slice(1) : raw;
    if (!isLayerGroup(name) && !isLayerItem(name)) {
      unknown.push(raw);
      continue;
    }
    for (const item of itemsOf(name)) {
      if (negative) shown.delete(item);
      else shown.add(item);
    }
  }
  return { hidden: canonicalHidden(LAYER_ITEMS.filter((i) => !shown.has(i))), unknown };
}

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

const isId = (value: string | null): value is string => value !== null && value.length <= MAX_ID_LENGTH && ID_PATTERN.test(value);

/** The state a hash describes (with or without its `#`), and every part that had to be ignored. */
export function parseHash(hash: string): ParsedLink {
  const state = initialState();
  const problems: LinkProblem[] = [];
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (body === '') return { state, problems };

  for (const encoded of body.split('&')) {
    if (encoded === '') continue;
    // Reported as the reader would type it (decoded where it can be): `select=<img>`, not `%3Cimg%3E`.
    const param = decode(encoded) ?? encoded;
    const eq = encoded.indexOf('=');
    const key = eq < 0 ? encoded : encoded.slice(0, eq);
    const raw = eq < 0 ? null : encoded.slice(eq + 1);
    const value = raw === null ? null : decode(raw);
    switch (key) {
      case 'map': {
        const view = value === null ? null : parseView(value);
        if (view) state.view = view;
        else problems.push({ part: 'map', text: param });
        break;
      }
      case 'layers': {
        if (value === null) {
          problems.push({ part: 'layers', text: param });
          break;
        }
        const { hidden, unknown } = parseLayers(value);
        // A list of names none of which is known says nothing about what to show: the layers stay
        // at their default (as the notice says), rather than the list's own start (nothing shown).
        const readable = value === '' || unknown.length < value.split(',').length;
        if (readable) state.hidden = hidden;
        for (const name of unknown) problems.push({ part: 'layers', text: `layers=${name}` });
        break;
      }
      case 'select':
        if (isId(value)) state.selection = value;
        else problems.push({ part: 'select', text: param });
        break;
      case 'read':
        if (isId(value)) state.reading = value;
        else problems.push({ part: 'read', text: param });
        break;
      case 'chapter':
        if (isId(value)) state.chapter = value;
        else problems.push({ part: 'chapter', text: param });
        break;
      case 'lang':
        if (value === 'zh' || value === 'en') state.language = value;
        else problems.push({ part: 'lang', text: param });
        break;
      case 'embed':
        if (value === '1' || value === '0') state.embed = value === '1';
        else problems.push({ part: 'embed', text: param });
        break;
      default:
        problems.push({ part: 'unknown', text: param });
    }
  }
  return { state, problems };
}

/** Whether a hash is exactly the one its own state writes: the form the address bar always shows. */
export function isCanonical(hash: string): boolean {
  const { state, problems } = parseHash(hash);
  return problems.length === 0 && formatHash(state) === hash;
}
