/**
 * What the reader's actions outside the map do: the header's buttons, the panels' events (close,
 * read in context, a mention, a list entry), Escape, focus moving to what opens and back to where
 * it came from, the phone's sheet, the live region. The map's own pointer is in map-view.ts.
 */
import { featuresOfMention } from '../article/passages';
import type { Framing, Store } from '../state/store';
import { formatHash } from '../state/url';
import { closeChooser, showChooser } from './chooser';
import { namesFor, t } from './locale';
import { type PanelData, type PanelUi, dockView, renderPanels } from './panels';
import type { Shell } from './shell';

export interface MapHooks {
  /** frame the selection the map has queued, now that the panels are laid out */
  frame(): void;
  highlight(ids: readonly string[]): void;
  outline(ids: readonly string[]): void;
  frameNow(id: string, framing: Framing): void;
}

export interface Ui extends PanelUi {
  /** whether the article has this story or paragraph */
  hasAnchor(id: string): boolean;
  /** frame the current selection (a link opened with one) */
  frameSelection(framing: Framing): void;
  /** without WebGL the list of places is the page's index: open it unless something else is open */
  openPlacesIfIdle(): void;
}

export function wireInteractions(store: Store, shell: Shell, data: PanelData, map: MapHooks): Ui {
  /** Where focus goes back to when what is open closes. */
  let returnFocus: { selection: HTMLElement | null; dock: HTMLElement | null } = { selection: null, dock: null };
  const ui: Ui = {
    placesOpen: false,
    hasAnchor: (id) => !!data.article?.stories.some((s) => s.id === id || s.paragraphs.some((p) => p.id === id)),
    frameSelection: (framing) => {
      const id = store.state.selection;
      if (id && framing !== 'none') afterLayout(() => map.frameNow(id, framing));
    },
    openPlacesIfIdle: () => {
      if (!dockView(store.state, ui)) setPlacesOpen(true, false);
    },
  };
  const rerender = () => renderPanels(store.state, data, shell, ui);
  const panel = document.querySelector('atlas-feature-panel');
  const list = document.querySelector('atlas-place-list');

  /**
   * After the panels have rendered and the browser has laid them out. The panels render from the
   * same state change in a later listener: the microtask lets them receive it first.
   */
  const afterLayout = (run: () => void) => {
    queueMicrotask(() => {
      void Promise.all([panel?.updateComplete, document.querySelector('atlas-dock')?.updateComplete]).then(() => requestAnimationFrame(run));
    });
  };

  /** What has the focus, inside shadow roots too (a list entry, not the list's host element). */
  const active = (): HTMLElement | null => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el instanceof HTMLElement && el !== document.body ? el : null;
  };

  const setPlacesOpen = (open: boolean, focus: boolean) => {
    if (open) {
      returnFocus.dock ??= active();
      // One view at a time: the list replaces the article and the tour.
      if (store.state.reading) store.dispatch({ type: 'read', at: null });
      if (store.state.chapter) store.dispatch({ type: 'tour', chapter: null });
    }
    ui.placesOpen = open;
    if (open && shell.mode === 'narrow') shell.setSheet('half');
    rerender();
    if (open && focus) void list?.focusFirst();
  };

  /** Select a place chosen outside the map: its layer is switched on if it was off. */
  const choose = (id: string, framing: Framing = 'focus') => {
    const item = data.places?.itemOf(id) ?? null;
    if (item && store.state.hidden.includes(item)) store.dispatch({ type: 'toggle-layer', target: item, visible: true });
    store.dispatch({ type: 'select', id, framing });
  };

  store.subscribe((state, previous, action) => {
    if (state.selection !== previous.selection) {
      const place = state.selection ? data.places?.get(state.selection) : undefined;
      if (place) {
        if (!previous.selection) returnFocus.selection = active();
        const [name] = namesFor(place.properties, state.language);
        shell.announce(`${t(state.language, 'selected')}: ${name}`);
        if (shell.mode === 'narrow') shell.setSheet(action.type === 'select' && action.framing === 'reveal' ? 'peek' : 'half');
        afterLayout(() => map.frame());
        if (action.type === 'select' || action.type === 'restore') queueMicrotask(() => void panel?.focusHeading());
      } else if (previous.selection && !state.selection) {
        const back = returnFocus.selection;
        returnFocus.selection = null;
        const lost = document.activeElement === document.body || document.activeElement === panel || !!panel?.contains(document.activeElement);
        if (back?.isConnected && lost) back.focus();
      }
    }
    const view = dockView(state, ui);
    if (view !== dockView(previous, ui)) {
      if (view && shell.mode === 'narrow' && !state.selection) shell.setSheet('half');
      if (!view) {
        const back = returnFocus.dock;
        returnFocus.dock = null;
        if (back?.isConnected && document.activeElement === document.body) back.focus();
      }
    }
    if (action.type === 'read' && action.at && !action.follow) {
      const at = action.at;
      // The reader's element is loaded with the article, on first use.
      void customElements.whenDefined('atlas-reader').then(() => afterLayout(() => void document.querySelector('atlas-reader')?.show(at, action.focus ?? false)));
    }
    outlineRegions();
  });

  /** Region outlines: the selected region, and those the passage being read names. */
  const outlineRegions = () => {
    const { selection, reading } = store.state;
    const ids = new Set<string>();
    if (selection && data.places?.get(selection)?.layer === 'regions') ids.add(selection);
    const article = data.article;
    if (article && reading) {
      for (const story of article.stories) {
        for (const p of story.paragraphs) {
          if (p.id !== reading) continue;
          for (const m of p.zh.matchAll(/\[\[[^|\]]*\|([a-z0-9-]+)\]\]/g)) {
            for (const id of featuresOfMention(article, m[1] as string)) if (data.places?.get(id)?.layer === 'regions') ids.add(id);
          }
        }
      }
    }
    map.outline([...ids]);
  };

  // The phone's sheet pulled up or down: what is selected stays in sight above it.
  shell.onSheet((sheet) => {
    const id = store.state.selection;
    if (id && sheet !== 'full') map.frameNow(id, 'reveal');
  });

  // Header buttons
  document.querySelector('#language-toggle')?.addEventListener('click', () =>
    store.dispatch({ type: 'set-language', language: store.state.language === 'zh' ? 'en' : 'zh' }),
  );
  document.querySelector('#reader-button')?.addEventListener('click', () => {
    if (dockView(store.state, ui) === 'article') {
      store.dispatch({ type: 'read', at: null });
      return;
    }
    returnFocus.dock ??= active();
    ui.placesOpen = false;
    if (store.state.chapter) store.dispatch({ type: 'tour', chapter: null });
    store.dispatch({ type: 'read', at: data.article?.stories[0]?.id ?? 'eco', focus: true });
  });
  document.querySelector('#places-button')?.addEventListener('click', () => setPlacesOpen(dockView(store.state, ui) !== 'places', true));
  document.querySelector('#skip-link')?.addEventListener('click', (e) => {
    e.preventDefault();
    setPlacesOpen(true, true);
  });

  // Panel events
  document.addEventListener('atlas-close', () => store.dispatch({ type: 'select', id: null }));
  document.addEventListener('atlas-read', (e) => {
    const { paragraph } = (e as CustomEvent<{ paragraph: string }>).detail;
    ui.placesOpen = false;
    returnFocus.dock ??= active();
    store.dispatch({ type: 'read', at: paragraph, focus: true });
    // The feature panel lies over the dock in one-column layouts: make way for the passage.
    if (shell.mode !== 'wide') store.dispatch({ type: 'select', id: null });
  });
  document.addEventListener('atlas-pick', (e) => choose((e as CustomEvent<{ id: string }>).detail.id));
  document.addEventListener('atlas-dock-view', (e) => {
    const { view } = (e as CustomEvent<{ view: string }>).detail;
    if (view === 'places') setPlacesOpen(true, false);
    else if (view === 'article') {
      ui.placesOpen = false;
      store.dispatch({ type: 'read', at: store.state.reading ?? data.article?.stories[0]?.id ?? 'eco' });
      if (store.state.chapter) store.dispatch({ type: 'tour', chapter: null });
      rerender();
    }
  });
  document.addEventListener('atlas-dock-close', () => closeDock());
  document.addEventListener('atlas-goto', (e) => store.dispatch({ type: 'read', at: (e as CustomEvent<{ at: string }>).detail.at, follow: true }));
  document.addEventListener('atlas-reading', (e) => store.dispatch({ type: 'read', at: (e as CustomEvent<{ at: string }>).detail.at, follow: true }));
  document.addEventListener('atlas-mention-hover', (e) => {
    const { key } = (e as CustomEvent<{ key: string | null }>).detail;
    map.highlight(key && data.article ? featuresOfMention(data.article, key) : []);
  });
  document.addEventListener('atlas-mention', (e) => {
    const { key } = (e as CustomEvent<{ key: string; paragraph: string }>).detail;
    const article = data.article;
    const places = data.places;
    if (!article || !places) return;
    const ids = featuresOfMention(article, key).filter((id) => places.has(id));
    if (ids.length === 1) choose(ids[0] as string);
    else if (ids.length > 1) {
      // Several features for one name (六江, 成德眉资…): the reader chooses, all of them lit meanwhile.
      const target = (e.composedPath()[0] as HTMLElement | undefined)?.getBoundingClientRect();
      map.highlight(ids);
      showChooser(
        shell.main,
        ids.map((id) => ({ id, kind: places.get(id)!.kind, name_zh: namesFor(places.get(id)!.properties, 'zh')[0], name_en: namesFor(places.get(id)!.properties, 'en')[0] })),
        target ? { x: target.left, y: target.bottom } : { x: 40, y: 40 },
        store.state.language,
        (id) => choose(id),
      );
    }
  });

  const closeDock = () => {
    ui.placesOpen = false;
    if (store.state.chapter) store.dispatch({ type: 'tour', chapter: null });
    if (store.state.reading) store.dispatch({ type: 'read', at: null });
    rerender();
    const back = returnFocus.dock;
    returnFocus.dock = null;
    if (back?.isConnected) back.focus();
  };

  // Escape closes the innermost thing open: a chooser, the feature panel, then the dock.
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    if (closeChooser()) return;
    if ((e.target as HTMLElement | null)?.closest?.('atlas-search, dialog')) return;
    if (store.state.selection) {
      e.preventDefault();
      store.dispatch({ type: 'select', id: null });
      return;
    }
    if (dockView(store.state, ui)) {
      e.preventDefault();
      closeDock();
    }
  });

  // The embedded page links to the full atlas at the same view.
  store.subscribe((state) => {
    const full = document.querySelector<HTMLAnchorElement>('#open-full');
    if (full && state.embed) full.href = `${window.location.pathname}${formatHash({ ...state, embed: false })}`;
  });

  return ui;
}
