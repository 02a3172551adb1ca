/**
 * A link may name ids the data does not have (an old link, an edited address): once the data is
 * in, each is told in a notice and dropped, and what can be opened is opened.
 */
import { DEFAULT_VIEW, type Store } from '../state/store';
import type { Catalog } from './catalog';

/** Whether the article has this story or paragraph. */
export function hasPassage(catalog: Catalog, id: string): boolean {
  return !!catalog.article?.stories.some((s) => s.id === id || s.paragraphs.some((p) => p.id === id));
}

export function dropUnknownIds(store: Store, catalog: Catalog, linkHasView: boolean): void {
  const s = store.state;
  const { places, article } = catalog;
  let next = s;
  if (places && s.selection && !places.has(s.selection)) {
    store.dispatch({ type: 'notice', key: 'unknownPlace', detail: s.selection });
    next = { ...next, selection: null };
  }
  if (article && s.reading && !hasPassage(catalog, s.reading)) {
    store.dispatch({ type: 'notice', key: 'unknownPassage', detail: s.reading });
    next = { ...next, reading: null };
  }
  if (next === s) return;
  // The opening view was fitted beside what the link opened (a reader, a panel); with that gone,
  // a link that named no view of its own opens the map as a bare link would.
  if (!linkHasView) next = { ...next, view: DEFAULT_VIEW };
  store.dispatch({ type: 'restore', state: { ...next, ui: store.state.ui } });
}
