/**
 * Code and data loaded on first use (the article, the reader, the tour's panel, the share dialog,
 * the light index): one promise while it loads and once it has; after a failure none is kept, so
 * the next use tries again. The reader is told once per failure, in the interface language.
 */
import type { Store } from '../state/store';

export type Loader<T> = () => Promise<T>;

/**
 * `what` names the part for the notice (a key of the interface's words). A chunk that a new
 * deploy removed fails the same way on every try: the notice then offers a reload.
 */
export function lazy<T>(store: Store, what: string, load: Loader<T>): Loader<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= load().catch((err: unknown) => {
      pending = null;
      console.warn(`${what}:`, err);
      // Only a reload can mend a missing chunk; anything else is tried again on the next use, as
      // the notice says, so it offers no button that would only close it.
      store.dispatch({ type: 'notice', key: what, action: isMissingChunk(err) ? 'reload' : undefined });
      throw err;
    });
    return pending;
  };
}

/** What the browsers say when a dynamic import's file cannot be fetched. */
function isMissingChunk(err: unknown): boolean {
  const text = err instanceof Error ? err.message : String(err);
  return /dynamically imported module|Importing a module script failed|error loading dynamically imported module/i.test(text) && navigator.onLine;
}
