/**
 * What the browser tests read from the map in the page: which features a group draws, and whether
 * a place lies where nothing covers the map. One definition for every file that asks.
 */
import type { Page } from 'playwright-core';
import './atlas-handle';

/** Ids of the features a group's layers draw in the current view (`group-…` layers). */
export function renderedIds(page: Page, group: string): Promise<string[]> {
  return page.evaluate((g) => {
    const { map } = window.atlas;
    const layers = map
      .getStyle()
      .layers.map((l) => l.id)
      .filter((id) => id.startsWith(`${g}-`));
    return map.queryRenderedFeatures({ layers }).map((f) => String(f.properties['id']));
  }, group);
}

/** Whether a point is on the map and clear of the panels and the map's controls, in page pixels. */
export function inFreeArea(page: Page, lngLat: [number, number]): Promise<boolean> {
  return page.evaluate((ll) => {
    const { map } = window.atlas;
    const r = map.getContainer().getBoundingClientRect();
    const p = map.project(ll);
    const x = r.left + p.x;
    const y = r.top + p.y;
    if (x < r.left || x > r.right || y < r.top || y > r.bottom) return false;
    return ![...document.querySelectorAll('#dock-host, atlas-feature-panel, .maplibregl-ctrl')].some((el) => {
      const b = el.getBoundingClientRect();
      return b.width > 0 && x >= b.left && x <= b.right && y >= b.top && y <= b.bottom;
    });
  }, lngLat);
}

/** The layer items hidden by a link that shows only the rivers and the rail (`layers=rivers,rail`). */
export const HIDDEN_BESIDE_RIVERS_AND_RAIL = [
  'transit-districts',
  'bus-feeder',
  'bus-xinjin-central',
  'bus-xinjin-pengshan',
  'transit-hubs',
  'sites-project',
  'sites-mountain',
  'sites-area',
  'sites-city',
  'sites-province',
];
