/**
 * The chooser a click on the map opens when several features are equally close: the reader picks
 * one. Once the map has really moved, the place under the pointer is elsewhere and the chooser
 * closes (the start of a gesture that moves nothing, as a tap's, leaves it open).
 */
import type { LngLat } from 'maplibre-gl';
import type { PickedName } from '../data/names';
import type { MapView } from '../map/map-view';
import type { Store } from '../state/store';
import { closeChooser, showChooser } from '../ui/chooser';
import type { Shell } from '../ui/shell';

/** How far (px) the map may move under an open chooser before it closes. */
const DRIFT = 8;

export class MapChooser {
  readonly #store: Store;
  readonly #shell: Shell;
  /** Where the chooser was opened: the point in the map and the place under it. */
  #anchor: { x: number; y: number; lngLat: LngLat } | null = null;

  constructor(store: Store, shell: Shell) {
    this.#store = store;
    this.#shell = shell;
  }

  attach(view: MapView): void {
    view.map.on('move', () => {
      if (!this.#anchor) return;
      const p = view.map.project(this.#anchor.lngLat);
      if (Math.hypot(p.x - this.#anchor.x, p.y - this.#anchor.y) > DRIFT && closeChooser()) this.#anchor = null;
    });
  }

  /** `more`: how many more features lie under the pointer than the chooser lists, and how to zoom in to them. */
  open(view: MapView, choices: PickedName[], at: { x: number; y: number }, more?: { count: number; zoomIn: () => void }): void {
    const r = view.map.getContainer().getBoundingClientRect();
    const x = at.x - r.left;
    const y = at.y - r.top;
    this.#anchor = { x, y, lngLat: view.map.unproject([x, y]) };
    showChooser(this.#shell.main, choices, at, this.#store.state.language, (id) => this.#store.dispatch({ type: 'select', id, framing: 'reveal' }), { more });
  }
}
