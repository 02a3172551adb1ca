/**
 * Fetches the search index once, when search is first wanted (the box is focused, or the map has
 * settled and the page is idle), never before the map's first frame.
 */
import indexUrl from 'virtual:atlas-search-index';
import { SearchEngine } from './query';
import type { SearchIndexData } from './types';

let loading: Promise<SearchEngine> | null = null;

export function loadSearch(fetchImpl: typeof fetch = fetch.bind(globalThis)): Promise<SearchEngine> {
  loading ??= (async () => {
    const response = await fetchImpl(indexUrl);
    if (!response.ok) throw new Error(`search index: HTTP ${response.status}`);
    return new SearchEngine((await response.json()) as SearchIndexData);
  })();
  // A failed load may be retried on the next use.
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
