/**
 * Keeps the address bar and the browser's history in step with the app state.
 *
 * Opening something (a feature, a passage, a tour chapter) adds a history entry, so Back closes
 * what was opened and Forward reopens it; moving the map, toggling layers and switching language
 * only rewrite the current entry, so Back never replays every pan. Back, Forward and an address the
 * reader edits or pastes restore exactly the state their link describes.
 */
import type { AppState, Store } from '../state/store';
import { type LinkProblem, formatHash, parseHash } from '../state/url';

/** What a history entry is about: a change to any of these is worth a Back. */
function opened(state: AppState): string {
  return `${state.selection}|${state.reading}|${state.chapter}`;
}

export function syncHistory(store: Store, onProblems: (problems: LinkProblem[]) => void): () => void {
  const write = (push: boolean) => {
    const hash = formatHash(store.state);
    if (window.location.hash === hash) return;
    // An embedded atlas never adds to its host page's Back stack.
    if (push && !store.state.embed) window.history.pushState(null, '', hash);
    else window.history.replaceState(window.history.state, '', hash);
  };
  const unsubscribe = store.subscribe((state, previous, action) => {
    const quiet = action.type === 'restore' || (action.type === 'read' && action.follow === true && previous.reading !== null);
    write(!quiet && opened(state) !== opened(previous));
  });
  const read = () => {
    if (window.location.hash === formatHash(store.state)) return;
    const { state, problems } = parseHash(window.location.hash);
    if (problems.length > 0) onProblems(problems);
    store.dispatch({ type: 'restore', state });
    // What was ignored is dropped from the address too, so the link shown is the view shown.
    write(false);
  };
  // Chromium fires popstate then hashchange for one navigation; the second finds nothing to do.
  window.addEventListener('popstate', read);
  window.addEventListener('hashchange', read);
  write(false);
  return () => {
    unsubscribe();
    window.removeEventListener('popstate', read);
    window.removeEventListener('hashchange', read);
  };
}
