/**
 * The share link: the app state as a URL hash, and back. Pure functions, no DOM.
 *
 *   #map=7.50/30.1234/104.5678&layers=rivers,rail&select=river-jialing&lang=en
 *
 * `map=zoom/lat/lng[/bearing[/pitch]]` reads as MapLibre's own hash and openstreetmap.org's, so
 * people recognise it. The other parts appear only when they differ from the opening state:
 * `layers` lists the groups shown (empty: none), `select` a feature id, `lang` the language.
 *
 * Parsing never throws. Each part that cannot be read is left at its default and reported, so a
 * mangled link still opens the map (at the default view if the view is what is mangled).
 */
import {
  type AppState,
  type Language,
  LAYER_GROUPS,
  type LayerGroup,
  MAX_ZOOM,
  MIN_ZOOM,
  type MapView,
  REGION_BOUNDS,
  initialState,
} from './store';

/** A part of the link that was ignored, with the text as it came. */
export interface LinkProblem {
  part: 'map' | 'layers' | 'select' | 'lang' | 'unknown';
  text: string;
}

export interface ParsedLink {
  state: AppState;
  problems: LinkProblem[];
}

/** A link may point beyond the region, as far as a reader can pan with something still in view. */
const MARGIN_DEG = 5;
const MAX_PITCH = 60;
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Decimals of lat/lng that still move the view by less than a pixel at this zoom (as MapLibre's hash). */
function coordinateDecimals(zoom: number): number {
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

/** The hash for a state, with its leading `#`. */
export function formatHash(state: AppState): string {
  const defaults = initialState();
  const params = [`map=${formatView(state.view)}`];
  const shown = LAYER_GROUPS.filter((g) => state.layers[g]);
  if (shown.length !== LAYER_GROUPS.length) params.push(`layers=${shown.join(',')}`);
  if (state.selection !== null) params.push(`select=${encodeURIComponent(state.selection)}`);
  if (state.language !== defaults.language) params.push(`lang=${state.language}`);
  return `#${params.join('&')}`;
}

function parseView(text: string): MapView | null {
  const fields = text.split('/');
  if (fields.length < 3 || fields.length > 5 || fields.some((f) => f.trim() === '')) return null;
  const [zoom, lat, lng, bearing = 0, pitch = 0] = fields.map(Number) as [number, number, number, number?, number?];
  if (![zoom, lat, lng, bearing, pitch].every(Number.isFinite)) return null;
  const [[west, south], [east, north]] = REGION_BOUNDS;
  const inRegion =
    lng >= west - MARGIN_DEG && lng <= east + MARGIN_DEG && lat >= south - MARGIN_DEG && lat <= north + MARGIN_DEG;
  if (!inRegion || zoom < MIN_ZOOM || zoom > MAX_ZOOM) return null;
  if (Math.abs(bearing) > 180 || pitch < 0 || pitch > MAX_PITCH) return null;
  return { center: [lng, lat], zoom, bearing, pitch };
}

function parseLayers(text: string): { layers: Record<LayerGroup, boolean>; unknown: string[] } {
  const names = text === '' ? [] : text.split(',');
  const unknown = names.filter((n) => !(LAYER_GROUPS as readonly string[]).includes(n));
  const layers = Object.fromEntries(LAYER_GROUPS.map((g) => [g, names.includes(g)])) as Record<LayerGroup, boolean>;
  return { layers, unknown };
}

function decode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** The state a hash describes (with or without its `#`), and every part that had to be ignored. */
export function parseHash(hash: string): ParsedLink {
  const state = initialState();
  const problems: LinkProblem[] = [];
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (body === '') return { state, problems };

  for (const param of body.split('&')) {
    if (param === '') continue;
    const eq = param.indexOf('=');
    const key = eq < 0 ? param : param.slice(0, eq);
    const raw = eq < 0 ? null : param.slice(eq + 1);
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
        const { layers, unknown } = parseLayers(value);
        if (unknown.length > 0) problems.push({ part: 'layers', text: `layers=${unknown.join(',')}` });
        else state.layers = layers;
        break;
      }
      case 'select':
        if (value !== null && ID_PATTERN.test(value)) state.selection = value;
        else problems.push({ part: 'select', text: param });
        break;
      case 'lang':
        if (value === 'zh' || value === 'en') state.language = value as Language;
        else problems.push({ part: 'lang', text: param });
        break;
      default:
        problems.push({ part: 'unknown', text: param });
    }
  }
  return { state, problems };
}
