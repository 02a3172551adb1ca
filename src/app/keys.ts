/**
 * The page's own keys. Escape closes the innermost thing open: a chooser, the feature panel, then
 * the dock (a dialog and the search field handle their own). In the tour, ← and → step through
 * the chapters when the keys are free (not typing, not on the map, tabs or a list box).
 */
import { type Store, dockView } from '../state/store';
import { CHAPTERS, chapterIndex } from '../tour/chapters';
import { closeChooser } from '../ui/chooser';
import type { Tour } from './tour';

/** Whether an arrow key pressed here is free for the tour. */
function arrowsAreFree(e: KeyboardEvent): boolean {
  for (const target of e.composedPath()) {
    if (!(target instanceof HTMLElement)) continue;
    if (target.isContentEditable) return false;
    if (target.matches('input, textarea, select, [role="tab"], [role="slider"], [role="listbox"], [role="combobox"], [role="textbox"], [role="menu"]'))
      return false;
    // The map pans with the arrow keys when it has the focus.
    if (target.id === 'map') return false;
  }
  return true;
}

function escape(store: Store, e: KeyboardEvent): void {
  if (closeChooser()) return;
  if ((e.target as HTMLElement | null)?.closest?.('atlas-search, dialog')) return;
  if (store.state.selection) {
    e.preventDefault();
    store.dispatch({ type: 'select', id: null });
  } else if (dockView(store.state)) {
    e.preventDefault();
    store.dispatch({ type: 'dock', view: null });
  }
}

function stepTour(store: Store, tour: Tour, e: KeyboardEvent): void {
  if (!store.state.chapter || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || !arrowsAreFree(e)) return;
  const next = CHAPTERS[chapterIndex(store.state.chapter) + (e.key === 'ArrowRight' ? 1 : -1)];
  if (!next) return;
  e.preventDefault();
  tour.go(next.id);
}

export function wireKeys(store: Store, tour: Tour): void {
  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented) return;
    if (e.key === 'Escape') escape(store, e);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') stepTour(store, tour, e);
  });
}
