/**
 * The data the panels read, and the code that shows it, loaded when first needed: the light index
 * (once the map has settled), the article with the reader's element (with a selection, the reader
 * or the tour), the tour's panel. The catalog owns what has loaded; the store says that it has
 * (`ui.loaded`), so everything rendered from the state renders again.
 */
import type { Article } from '../article/types';
import { type Places, loadPlaces } from '../data/places';
import type { Store } from '../state/store';
import { lazy } from './lazy';

export class Catalog {
  #places: Places | null = null;
  #article: Article | null = null;
  readonly #store: Store;

  /** The light index: once; again after a failure. */
  readonly loadIndex: () => Promise<Places>;
  /** The article and the reader's element (which shows it). */
  readonly loadArticle: () => Promise<Article>;
  /** The tour's panel element. */
  readonly loadTourPanel: () => Promise<unknown>;

  constructor(store: Store) {
    this.#store = store;
    this.loadIndex = lazy(store, 'indexFailed', async () => {
      const places = await loadPlaces();
      this.#places = places;
      store.setContext({ itemOf: (id) => places.itemOf(id) });
      store.dispatch({ type: 'loaded', what: 'places' });
      return places;
    });
    this.loadArticle = lazy(store, 'articleFailed', async () => {
      const [{ article }] = await Promise.all([import('../article/article'), import('../ui/reader-panel')]);
      this.#article = article;
      store.dispatch({ type: 'loaded', what: 'article' });
      return article;
    });
    this.loadTourPanel = lazy(store, 'tourFailed', async () => {
      await import('../ui/tour-panel');
      store.dispatch({ type: 'loaded', what: 'tour' });
    });
    // What the state opens brings what shows it.
    store.subscribe((state) => this.#follow(state));
  }

  get places(): Places | null {
    return this.#places;
  }

  get article(): Article | null {
    return this.#article;
  }

  /** Load what the state now needs; a failure has been told, and is tried again on the next change. */
  #follow(state: Store['state']): void {
    if (!this.#places && state.selection) this.loadIndex().catch(() => undefined);
    if (!this.#article && (state.selection || state.reading || state.chapter)) this.loadArticle().catch(() => undefined);
    if (state.chapter) this.loadTourPanel().catch(() => undefined);
  }

  /** Start loading what the opening state needs (a linked chapter's panel, the article). */
  start(withArticle: boolean): void {
    if (withArticle) this.loadArticle().catch(() => undefined);
    if (this.#store.state.chapter) this.loadTourPanel().catch(() => undefined);
  }
}
