/**
 * The guided tour at work: starting it (the header's button, or a link with `chapter=`), moving
 * between chapters (the panel's buttons and links, ← and →), applying a chapter to the map (its
 * layers as `toggle-layer` actions, its camera fitted beside the panels, its features emphasised,
 * its regions outlined) and leaving it, which keeps whatever the map shows.
 *
 * The chapter is part of the app state (and of the link); everything else here follows from it.
 */
import { mentionKeysFor } from '../article/passages';
import type { Places } from '../data/places';
import type { MapView } from '../map/map-view';
import { SOURCE_ID } from '../map/style';
import { type Store, initialState, isDefaultView } from '../state/store';
import { formatHash } from '../state/url';
import { type Padding, FRAME_MARGIN, addPadding } from '../map/framing';
import { t } from '../i18n/locale';
import { showNotice } from '../ui/notice';
import type { PanelData, PanelUi } from '../ui/panels';
import type { Shell } from '../ui/shell';
import { CHAPTERS, type Chapter, chapterById, chapterIndex, layerActions } from './chapters';

/** The closest a chapter's camera comes: a line of six stations still shows its surroundings. */
const CHAPTER_MAX_ZOOM = 11;
/** Below this many free pixels across, the margin around the framed chapter is dropped. */
const ROOM_FOR_MARGIN = 160;

/** Whether an arrow key pressed here is free for the tour: not typing, not in the map, tabs or a list box. */
function arrowsAreFree(e: KeyboardEvent): boolean {
  for (const target of e.composedPath()) {
    if (!(target instanceof HTMLElement)) continue;
    if (target.isContentEditable) return false;
    if (target.matches('input, textarea, select, [role="tab"], [role="slider"], [role="listbox"], [role="combobox"], [role="textbox"], [role="menu"]')) return false;
    // The map pans with the arrow keys when it has the focus.
    if (target.id === 'map') return false;
  }
  return true;
}

function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export class TourController {
  readonly #store: Store;
  readonly #shell: Shell;
  readonly #ui: PanelUi;
  readonly #data: PanelData;
  readonly #view: () => MapView | null;
  /** the chapter the reader was last at: the header's button resumes there */
  #last: string | null = null;
  /** a link named a chapter and nothing of the view: the chapter is shown as the tour shows it */
  #openedBare: boolean;
  /** features emphasised on the map now, with their source-layer */
  #emphasised: { id: string; sourceLayer: string }[] = [];
  /** region outlines asked for by the rest of the page (the selection, the passage being read) */
  #outlined: readonly string[] = [];
  /** where focus goes back to when the tour is left */
  #returnFocus: HTMLElement | null = null;
  /** only the latest chapter's camera is applied */
  #frameToken = 0;
  #listening = false;

  constructor(store: Store, shell: Shell, ui: PanelUi, data: PanelData, view: () => MapView | null) {
    this.#store = store;
    this.#shell = shell;
    this.#ui = ui;
    this.#data = data;
    this.#view = view;
    this.#openedBare = store.state.chapter !== null && isDefaultView(store.state.view) && store.state.hidden.length === 0;
    // Once the page is wired (the map hooks call back into this controller).
    queueMicrotask(() => this.#dropUnknownChapter());
    this.#last = chapterById(store.state.chapter)?.id ?? null;

    store.subscribe((state, previous) => {
      if (state.chapter !== previous.chapter) {
        if (state.chapter !== null && !chapterById(state.chapter)) {
          // An edited address or a stale history entry: say so, and show the page without it.
          queueMicrotask(() => this.#dropUnknownChapter());
        } else {
          if (state.chapter) this.#last = state.chapter;
          this.#emphasise();
          if (!state.chapter) this.#giveFocusBack();
        }
      } else if (state.language !== previous.language) {
        // The map's style is rebuilt for the other language: make sure the emphasis survives it.
        requestAnimationFrame(() => this.#reassert());
      }
      this.#render();
    });

    document.querySelector('#tour-button')?.addEventListener('click', () => (this.#store.state.chapter ? this.leave() : this.start()));
    document.addEventListener('atlas-tour-go', (e) => this.go((e as CustomEvent<{ id: string }>).detail.id));
    document.addEventListener('atlas-tour-leave', () => this.leave());
    document.addEventListener('atlas-tour-read', (e) => {
      const { paragraph } = (e as CustomEvent<{ paragraph: string }>).detail;
      this.#store.dispatch({ type: 'tour', chapter: null });
      this.#store.dispatch({ type: 'read', at: paragraph, focus: true });
    });
    document.addEventListener('keydown', (e) => {
      if (!this.#store.state.chapter || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
      if (!arrowsAreFree(e)) return;
      const next = CHAPTERS[chapterIndex(this.#store.state.chapter) + (e.key === 'ArrowRight' ? 1 : -1)];
      if (!next) return;
      e.preventDefault();
      this.go(next.id);
    });
    this.#render();
  }

  /** Start the tour at its first chapter, or where the reader left it. */
  start(): void {
    const active = document.activeElement;
    this.#returnFocus = active instanceof HTMLElement && active !== document.body ? active : null;
    // One view in the dock at a time: the tour replaces the article and the list.
    this.#ui.placesOpen = false;
    if (this.#store.state.reading) this.#store.dispatch({ type: 'read', at: null });
    this.go(this.#last ?? (CHAPTERS[0] as Chapter).id, { focus: true });
  }

  /** Show a chapter: the tour action, then its layers, its emphasis and its camera. */
  go(id: string, options: { focus?: boolean } = {}): void {
    const chapter = chapterById(id);
    if (!chapter) return;
    this.#store.dispatch({ type: 'tour', chapter: chapter.id });
    for (const action of layerActions(this.#store.state.hidden, chapter)) this.#store.dispatch(action);
    this.#emphasise();
    void this.#frame(chapter);
    const lang = this.#store.state.language;
    this.#shell.announce(`${this.#progress(chapter)}: ${chapter.title[lang]}`);
    if (options.focus) void customElements.whenDefined('atlas-tour').then(() => document.querySelector('atlas-tour')?.focusHeading());
  }

  /** Leave the tour: the map stays as it is, with whatever is selected. */
  leave(): void {
    this.#store.dispatch({ type: 'tour', chapter: null });
  }

  /** The map hook for passing highlights (a mention pointed at): the chapter's emphasis outlives them. */
  highlight(ids: readonly string[]): void {
    this.#view()?.highlight(ids);
    this.#reassert();
  }

  /** The map hook for region outlines: the page's own, and the current chapter's regions. */
  outline(ids: readonly string[]): void {
    this.#outlined = ids;
    this.#applyOutlines();
  }

  /** The data is in: links can be checked, features emphasised and a linked chapter shown. */
  dataLoaded(): void {
    const map = this.#view()?.map;
    if (map && !this.#listening) {
      this.#listening = true;
      // The map's own pointer clears the hover state it set; the chapter's emphasis is put back after it.
      for (const type of ['mousemove', 'mouseout', 'click'] as const) map.on(type, () => this.#reassert());
    }
    this.#emphasise();
    this.#render();
    const chapter = chapterById(this.#store.state.chapter);
    if (chapter && this.#openedBare) {
      this.#openedBare = false;
      for (const action of layerActions(this.#store.state.hidden, chapter)) this.#store.dispatch(action);
      void this.#frame(chapter);
    }
  }

  #progress(chapter: Chapter): string {
    return t(this.#store.state.language, 'tourProgress')
      .replace('{n}', String(CHAPTERS.indexOf(chapter) + 1))
      .replace('{total}', String(CHAPTERS.length));
  }

  #dropUnknownChapter(): void {
    const s = this.#store.state;
    if (s.chapter === null || chapterById(s.chapter)) return;
    showNotice(`${t(s.language, 'unknownChapter')}${s.chapter}`);
    this.#store.dispatch({ type: 'restore', state: { ...s, chapter: null } });
  }

  #render(): void {
    const panel = document.querySelector('atlas-tour');
    if (!panel) return;
    // The panel's element is loaded with the tour's first chapter: render once it is there.
    if (!customElements.get('atlas-tour')) {
      void customElements.whenDefined('atlas-tour').then(() => this.#render());
      return;
    }
    const { chapter, language, selection } = this.#store.state;
    const article = this.#data.article;
    panel.chapter = chapterById(chapter) ?? null;
    panel.article = article;
    panel.language = language;
    panel.hrefFor = this.#hrefFor;
    const keys = article && selection ? mentionKeysFor(article, selection) : new Set<string>();
    const same = keys.size === panel.selectedKeys.size && [...keys].every((k) => panel.selectedKeys.has(k));
    if (!same) panel.selectedKeys = keys;
  }

  /** A chapter's own link: the opening view, the chapter and the language, so it opens as the tour shows it. */
  readonly #hrefFor = (id: string): string => formatHash({ ...initialState(), language: this.#store.state.language, chapter: id });

  /** The chapter's features, split into those emphasised on the map and the regions outlined. */
  #chapterFeatures(places: Places): { points: { id: string; sourceLayer: string }[]; regions: string[] } {
    const chapter = chapterById(this.#store.state.chapter);
    const points: { id: string; sourceLayer: string }[] = [];
    const regions: string[] = [];
    for (const id of chapter?.highlight ?? []) {
      const layer = places.get(id)?.layer;
      if (layer === 'regions') regions.push(id);
      else if (layer) points.push({ id, sourceLayer: layer });
    }
    return { points, regions };
  }

  /**
   * Emphasise the chapter's features with the map's hover state, the same look a mention pointed at
   * gives them. It is set here rather than through MapView.highlight, which the pointer clears.
   */
  #emphasise(): void {
    const map = this.#view()?.map;
    const places = this.#data.places;
    if (!map || !places) return;
    const { points } = this.#chapterFeatures(places);
    for (const old of this.#emphasised) {
      if (!points.some((p) => p.id === old.id)) map.setFeatureState({ source: SOURCE_ID, sourceLayer: old.sourceLayer, id: old.id }, { hover: false });
    }
    this.#emphasised = points;
    this.#reassert();
    this.#applyOutlines();
  }

  #reassert(): void {
    const map = this.#view()?.map;
    if (!map || !map.getSource(SOURCE_ID)) return;
    for (const { id, sourceLayer } of this.#emphasised) {
      const feature = { source: SOURCE_ID, sourceLayer, id };
      if (map.getFeatureState(feature)['hover'] !== true) map.setFeatureState(feature, { hover: true });
    }
  }

  #applyOutlines(): void {
    const places = this.#data.places;
    const regions = places ? this.#chapterFeatures(places).regions : [];
    this.#view()?.setOutlinedRegions([...new Set([...this.#outlined, ...regions])]);
  }

  /** After the panels have rendered, the browser has laid them out and the phone's sheet has stopped moving. */
  async #settled(): Promise<void> {
    await Promise.all([document.querySelector('atlas-dock')?.updateComplete, document.querySelector('atlas-tour')?.updateComplete]);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    // Reading the style starts any transition the new layout set off, so it can be waited for.
    void getComputedStyle(this.#shell.panels).height;
    await Promise.all(this.#shell.panels.getAnimations().map((a) => a.finished.catch(() => undefined)));
  }

  /** Fit the chapter's bounds into the part of the map the panels and controls leave free. */
  async #frame(chapter: Chapter): Promise<void> {
    const token = ++this.#frameToken;
    await this.#settled();
    const map = this.#view()?.map;
    if (!map || token !== this.#frameToken || this.#store.state.chapter !== chapter.id) return;
    const container = map.getContainer();
    const covered = this.#shell.covered();
    const room = (p: Padding) => Math.min(container.clientWidth - p.left - p.right, container.clientHeight - p.top - p.bottom);
    const withMargin = addPadding(covered, FRAME_MARGIN);
    const padding = room(withMargin) >= ROOM_FOR_MARGIN ? withMargin : covered;
    // The sheet pulled up over nearly all of a phone's map: there is nowhere to frame anything.
    if (room(padding) < 40) return;
    const [west, south, east, north] = chapter.camera.bounds;
    const reduced = prefersReducedMotion();
    map.fitBounds(
      [
        [west, south],
        [east, north],
      ],
      {
        padding,
        bearing: chapter.camera.bearing,
        pitch: chapter.camera.pitch,
        maxZoom: CHAPTER_MAX_ZOOM,
        animate: !reduced,
        speed: 1.4,
        maxDuration: 2200,
      },
    );
  }

  /**
   * The tour was left from inside it (its own button, the dock's ×, Escape): once the page has
   * re-rendered, focus that was left on nothing goes back to where the tour was started from.
   */
  #giveFocusBack(): void {
    const back = this.#returnFocus;
    this.#returnFocus = null;
    void document.querySelector('atlas-dock')?.updateComplete.then(() =>
      requestAnimationFrame(() => {
        if (this.#store.state.chapter || this.#store.state.reading) return;
        const active = document.activeElement;
        const lost = !(active instanceof HTMLElement) || active === document.body || !active.checkVisibility();
        if (!lost) return;
        (back?.isConnected && back.checkVisibility() ? back : document.querySelector<HTMLElement>('#tour-button'))?.focus();
      }),
    );
  }
}
