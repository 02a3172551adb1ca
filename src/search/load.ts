/**
 * Fetches the search index once, when search is first wanted (the box is focused, or the map has
 * settled and the page is idle), never before the map's first frame.
 */
import indexUrl from 'virtual:atlas-search-index';
import type { SearchEngine, excerpt } from './query';
import type { SearchIndexData } from './types';

/** The engine, and the excerpt maker its passage hits are shown with. */
export interface LoadedSearch {
  engine: SearchEngine;
  excerpt: typeof excerpt;
}

let loading: Promise<LoadedSearch> | null = null;

/** The index and the code that searches it both come with the first search, not with the page. */
export function loadSearch(fetchImpl: typeof fetch = fetch.bind(globalThis)): Promise<LoadedSearch> {
  loading ??= (async () => {
    const [response, query] = await Promise.all([fetchImpl(indexUrl), import('./query')]);
    if (!response.ok) throw new Error(`search index: HTTP ${response.status}`);
    return { engine: new query.SearchEngine((await response.json()) as SearchIndexData), excerpt: query.excerpt };
  })();
  // A failed load may be retried on the next use.
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
