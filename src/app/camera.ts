/**
 * The camera's director: when the map should move, and to show what. MapView moves it (through
 * framing.ts); this decides when, always after the page has laid out what the change opened
 * (Shell.settled), so what covers the map is known.
 *
 * - A selection is framed as its action asks (reveal, focus, glimpse).
 * - A tour chapter fills the free area with its bounds.
 * - Whenever what covers the map changes (a panel or the sheet opens, resizes or closes, the
 *   window changes), what the reader is reading or has selected is kept in the free area: the
 *   selection, the open paragraph's places, the chapter's features; with the reader open at no
 *   paragraph, the twin cores. Nothing moves when they are already there.
 */
import { featuresOfPassage } from '../article/passages';
import type { MapView } from '../map/map-view';
import type { AppState, Store } from '../state/store';
import { type Chapter, chapterById } from '../tour/chapters';
import type { Shell } from '../ui/shell';
import type { Catalog } from './catalog';

/** The closest a chapter's camera comes: a line of six stations still shows its surroundings. */
const CHAPTER_MAX_ZOOM = 11;
/** What stays in view when the reader is open at no paragraph: the twin cores. */
const TWIN_CORES = ['city-chengdu', 'city-chongqing'];

/** The features the reader is reading about or has selected now. */
export function inViewNow(state: AppState, catalog: Pick<Catalog, 'article'>): string[] {
  if (state.selection) return [state.selection];
  const chapter = chapterById(state.chapter);
  if (chapter) return [...chapter.highlight];
  if (state.reading) {
    const named = catalog.article ? featuresOfPassage(catalog.article, state.reading) : [];
    return named.length > 0 ? named : TWIN_CORES;
  }
  // The list of places is about the whole region: its two cores stay in sight beside it.
  return state.ui.placesOpen ? TWIN_CORES : [];
}

export interface Camera {
  /** Fill the free area with a chapter's bounds, once the page is laid out. */
  frameChapter(chapter: Chapter): void;
  /** Frame the selection a link opened with: filled into view, or only glimpsed when the link carries a view. */
  frameLinkedSelection(linkHasView: boolean): void;
  /** Frame a place without selecting it (Listen names it), once the page is laid out. */
  framePlace(id: string): void;
}

export function directCamera(store: Store, shell: Shell, view: MapView, catalog: Catalog): Camera {
  /** Only the latest request moves the camera; a layout change never overrides a pending frame. */
  let token = 0;
  let framePending = false;
  /**
   * Layout changes are followed from the reader's first action on: until then, what opens is what
   * the link opened, and a link's view is what its sender saw.
   */
  let armed = false;
  const arm = () => {
    armed = true;
    lastCover = cover();
  };
  for (const type of ['pointerdown', 'keydown'] as const) document.addEventListener(type, arm, { capture: true, once: true });
  window.addEventListener('resize', () => (armed = true), { once: true });
  /** What covered the map when the camera last moved or checked: an unchanged cover moves nothing. */
  let lastCover = '';
  const cover = () => JSON.stringify(shell.covered());
  const frameSoon = (move: () => void) => {
    const mine = ++token;
    framePending = true;
    void shell.settled().then(() => {
      if (mine !== token) return;
      framePending = false;
      lastCover = cover();
      move();
    });
  };
  const camera: Camera = {
    frameChapter: (chapter) => frameSoon(() => view.frameBounds(chapter.camera.bounds, CHAPTER_MAX_ZOOM)),
    framePlace: (id) => frameSoon(() => view.frame(id, 'focus')),
    frameLinkedSelection: (linkHasView) => {
      const id = store.state.selection;
      if (!id) return;
      const mine = ++token;
      void shell.settled().then(() => {
        if (mine === token) view.frame(id, linkHasView ? 'glimpse' : 'focus');
      });
    },
  };

  store.subscribe((state, previous, action) => {
    if (action.type === 'select' && state.selection && state.selection !== previous.selection) {
      const id = state.selection;
      frameSoon(() => view.frame(id, action.framing ?? 'focus'));
    } else if (action.type === 'tour' && state.chapter && state.chapter !== previous.chapter) {
      const chapter = chapterById(state.chapter);
      if (chapter) camera.frameChapter(chapter);
    }
  });
  shell.onLayout(() => {
    if (!armed || framePending) return;
    if (inViewNow(store.state, catalog).length === 0) {
      // Nothing to keep in view: the cover last framed for no longer stands. Without this, closing
      // the reader and opening the list (as wide) looked like no change, and the list's twin cores
      // could end up under it.
      lastCover = '';
      return;
    }
    const mine = ++token;
    void shell.settled().then(() => {
      const now = cover();
      if (mine !== token || now === lastCover) return;
      lastCover = now;
      view.keepInView(inViewNow(store.state, catalog));
    });
  });
  return camera;
}
