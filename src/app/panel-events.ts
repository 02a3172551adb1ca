/**
 * What the reader's actions outside the map mean, as actions on the store: the header's buttons,
 * the skip link, and the events the panels send (src/ui/events.ts). Focus and the camera follow
 * from the state (focus.ts, camera.ts); nothing here renders.
 */
import { featuresOfMention } from '../article/passages';
import { pickedName } from '../data/names';
import { type Framing, type Store, dockView } from '../state/store';
import { showChooser } from '../ui/chooser';
import type { Shell } from '../ui/shell';
import type { Catalog } from './catalog';
import type { Focus } from './focus';

/** The first story: where the reader opens when asked for the article as a whole. */
const FIRST_STORY = 'eco';

export function wirePanelEvents(store: Store, shell: Shell, catalog: Catalog, focus: Focus): void {
  /** Select a place chosen outside the map: its layer is switched on if it was off. */
  const choose = (id: string, framing: Framing = 'focus') => {
    const item = catalog.places?.itemOf(id) ?? null;
    if (item && store.state.hidden.includes(item)) store.dispatch({ type: 'toggle-layer', target: item, visible: true });
    store.dispatch({ type: 'select', id, framing });
  };
  const firstStory = () => catalog.article?.stories[0]?.id ?? FIRST_STORY;
  const openPlaces = (focusList: boolean) => {
    focus.remember('dock');
    store.dispatch({ type: 'dock', view: 'places' });
    if (shell.mode === 'narrow') shell.setSheet('half');
    if (focusList) void shell.settled().then(() => document.querySelector('atlas-place-list')?.focusFirst());
  };

  document
    .querySelector('#language-toggle')
    ?.addEventListener('click', () => store.dispatch({ type: 'set-language', language: store.state.language === 'zh' ? 'en' : 'zh' }));
  document.querySelector('#reader-button')?.addEventListener('click', () => {
    if (dockView(store.state) === 'article') return store.dispatch({ type: 'read', at: null });
    focus.remember('dock');
    store.dispatch({ type: 'read', at: firstStory(), focus: true });
  });
  document.querySelector('#places-button')?.addEventListener('click', () => {
    if (dockView(store.state) === 'places') store.dispatch({ type: 'dock', view: null });
    else openPlaces(true);
  });
  document.querySelector('#skip-link')?.addEventListener('click', (e) => {
    e.preventDefault();
    openPlaces(true);
  });

  document.addEventListener('atlas-close', () => store.dispatch({ type: 'select', id: null }));
  document.addEventListener('atlas-read', (e) => {
    focus.remember('dock');
    store.dispatch({ type: 'read', at: e.detail.paragraph, focus: true });
    // The feature panel lies over the dock in one-column layouts: make way for the passage.
    if (shell.mode !== 'wide') store.dispatch({ type: 'select', id: null });
  });
  document.addEventListener('atlas-pick', (e) => choose(e.detail.id));
  document.addEventListener('atlas-dock-view', (e) => {
    if (e.detail.view === 'places') openPlaces(false);
    else if (e.detail.view === 'article') store.dispatch({ type: 'read', at: store.state.reading ?? firstStory() });
  });
  document.addEventListener('atlas-dock-close', () => store.dispatch({ type: 'dock', view: null }));
  document.addEventListener('atlas-goto', (e) => store.dispatch({ type: 'read', at: e.detail.at, follow: true }));
  document.addEventListener('atlas-reading', (e) => store.dispatch({ type: 'read', at: e.detail.at, follow: true }));
  document.addEventListener('atlas-mention-hover', (e) => {
    const { key } = e.detail;
    store.dispatch({ type: 'highlight', ids: key && catalog.article ? featuresOfMention(catalog.article, key) : [] });
  });
  document.addEventListener('atlas-mention', (e) => {
    const { article, places } = catalog;
    if (!article || !places) return;
    // The link names the passage acted on, not only the one scrolled to.
    if (store.state.reading && store.state.reading !== e.detail.paragraph) store.dispatch({ type: 'read', at: e.detail.paragraph, follow: true });
    const ids = featuresOfMention(article, e.detail.key).filter((id) => places.has(id));
    if (ids.length === 1) return choose(ids[0] as string);
    if (ids.length === 0) return;
    // Several features for one name (六江, 成德眉资…): the reader chooses, all of them lit meanwhile.
    const target = (e.composedPath()[0] as HTMLElement | undefined)?.getBoundingClientRect();
    store.dispatch({ type: 'highlight', ids });
    // Named as the map's chooser names them (a bus line by its own number).
    const names = ids.map((id) => {
      const place = places.get(id)!;
      return pickedName(id, { ...place.properties, kind: place.kind });
    });
    showChooser(shell.main, names, target ? { x: target.left, y: target.bottom } : { x: 40, y: 40 }, store.state.language, (id) => choose(id));
  });
}
