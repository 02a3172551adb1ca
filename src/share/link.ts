/**
 * What the share dialog hands out, as pure functions of the app state: the link, the embed code
 * and the names of the downloaded files. Nothing here assumes the state is sensible: the link is
 * always what formatHash writes for it, and file names keep only safe characters.
 */
import type { AppState } from '../state/store';
import { ID_PATTERN, formatHash } from '../state/url';

/**
 * The state a share made from here describes: the current state, with `select` set to a feature
 * when the share came from that feature's panel. The reduced embed chrome is never passed on by a
 * link (an embedded page shares the full atlas); the embed code asks for it itself.
 */
export function sharedState(state: AppState, featureId?: unknown): AppState {
  const selection = typeof featureId === 'string' && ID_PATTERN.test(featureId) ? featureId : state.selection;
  return { ...state, selection, embed: false };
}

/** The page's address without its hash: `location.origin + location.pathname`. */
export function shareLink(base: string, state: AppState): string {
  return `${base}${formatHash({ ...state, embed: false })}`;
}

export function embedLink(base: string, state: AppState): string {
  return `${base}${formatHash({ ...state, embed: true })}`;
}

export interface EmbedPreset {
  id: string;
  /** CSS width: px, or a percentage of the embedding page's column */
  width: number | '100%';
  height: number;
}

/** Sizes offered for the embed code: two fixed frames and one that fills its column. */
export const EMBED_PRESETS: readonly EmbedPreset[] = [
  { id: '640x480', width: 640, height: 480 },
  { id: '800x600', width: 800, height: 600 },
  { id: 'responsive', width: '100%', height: 480 },
];

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The iframe another page pastes to show this view. Fixed sizes use width/height attributes;
 * the responsive frame needs a percentage, which only CSS may give.
 */
export function embedCode(src: string, preset: EmbedPreset, title: string): string {
  const size =
    preset.width === '100%' ? `style="width:100%;height:${preset.height}px;border:0"` : `width="${preset.width}" height="${preset.height}" style="border:0"`;
  return `<iframe src="${escapeAttribute(src)}" ${size} title="${escapeAttribute(title)}" loading="lazy" allowfullscreen></iframe>`;
}

/** A number for a file name: fixed decimals, without trailing zeros, never `NaN` or `-0`. */
function part(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return '0';
  const rounded = Number(value.toFixed(decimals));
  return String(rounded === 0 ? 0 : rounded);
}

/**
 * The downloaded files' name without extension, after what they show: the view
 * (`chengyu-atlas-9.5-30.66-104.06`: zoom, latitude, longitude, as the link orders them) or, with a
 * selection, the view and the feature (`chengyu-atlas-9.5-30.66-104.06-futian-station`).
 */
export function fileBase(state: AppState): string {
  const { zoom, center } = state.view;
  const parts = ['chengyu-atlas', part(zoom, 1), part(center[1], 2), part(center[0], 2)];
  if (state.selection) {
    const id = state.selection
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80);
    if (id) parts.push(id);
  }
  return parts.join('-');
}
