/**
 * Keeps the address bar's hash and the app state in step: every state change rewrites the hash
 * (replacing the history entry, so Back leaves the atlas instead of replaying every pan), and a
 * hash the reader edits or pastes is read back into the state through the usual actions.
 */
import { LAYER_GROUPS, type Store } from './store';
import { type LinkProblem, formatHash, parseHash } from './url';

export function syncHash(store: Store, onProblems: (problems: LinkProblem[]) => void): () => void {
  const write = () => {
    const hash = formatHash(store.state);
    if (window.location.hash !== hash) window.history.replaceState(window.history.state, '', hash);
  };
  const read = () => {
    const { state, problems } = parseHash(window.location.hash);
    if (problems.length > 0) onProblems(problems);
    store.dispatch({ type: 'set-language', language: state.language });
    for (const group of LAYER_GROUPS) store.dispatch({ type: 'toggle-layer', group, visible: state.layers[group] });
    store.dispatch({ type: 'select', id: state.selection });
    store.dispatch({ type: 'move', view: state.view });
    // What was ignored is dropped from the address too, so the link shown is the view shown.
    write();
  };
  const unsubscribe = store.subscribe(write);
  window.addEventListener('hashchange', read);
  write();
  return () => {
    unsubscribe();
    window.removeEventListener('hashchange', read);
  };
}
