/**
 * The shell's layout: where the panels sit for the window at hand, and which part of the map they
 * leave free (the camera frames selections there).
 *
 * - wide (≥ 1100 px): the reading dock and the feature panel side by side on the left;
 * - medium (700–1099 px, landscape phones included): one column on the left, the feature panel
 *   over the dock while both are open;
 * - narrow (< 700 px): a bottom sheet holding the same panels, peek / half / full.
 */
import type { Padding } from '../map/framing';

export type LayoutMode = 'wide' | 'medium' | 'narrow';
export type SheetState = 'peek' | 'half' | 'full';

export const NARROW_MAX = 699;
export const MEDIUM_MAX = 1099;

export function layoutFor(width: number): LayoutMode {
  return width <= NARROW_MAX ? 'narrow' : width <= MEDIUM_MAX ? 'medium' : 'wide';
}

/** Panel widths in px (the CSS reads the same numbers through custom properties). */
export const DOCK_WIDTH = 380;
export const FEATURE_WIDTH = 340;
export const PANEL_GAP = 10;
/** Height of the sheet when it only shows the name of what is open. */
export const SHEET_PEEK = 128;

/**
 * The most the panels can ever cover, for the window's layout: the map's minimum zoom is set so
 * the whole region still fits beside (or above) them.
 */
export function largestCover(mode: LayoutMode, height: number): Padding {
  switch (mode) {
    case 'wide':
      return { top: 0, right: 0, bottom: 0, left: PANEL_GAP + DOCK_WIDTH + PANEL_GAP + FEATURE_WIDTH };
    case 'medium':
      return { top: 0, right: 0, bottom: 0, left: PANEL_GAP + Math.max(DOCK_WIDTH, FEATURE_WIDTH) };
    case 'narrow':
      return { top: 0, right: 0, bottom: Math.min(SHEET_PEEK, height / 3), left: 0 };
  }
}

export type Side = 'top' | 'right' | 'bottom' | 'left';

/**
 * What covers the map right now, measured from the elements themselves: the panels, and the
 * map's own controls in their corners. Only what is actually shown counts.
 */
export function coveredPadding(map: HTMLElement, covers: Iterable<{ el: Element; side: Side }>): Padding {
  const m = map.getBoundingClientRect();
  const pad: Padding = { top: 0, right: 0, bottom: 0, left: 0 };
  for (const { el, side } of covers) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.right <= m.left || r.left >= m.right || r.bottom <= m.top || r.top >= m.bottom) continue;
    const take = { top: r.bottom - m.top, right: m.right - r.left, bottom: m.bottom - r.top, left: r.right - m.left }[side];
    pad[side] = Math.max(pad[side], Math.round(take));
  }
  return pad;
}
