/**
 * When the map's WebGL context is lost (a GPU reset, a browser reclaiming contexts), the page
 * says it is restoring the map and everything else goes on working (MapView keeps the state and
 * redraws it when the context comes back). If it has not come back within a few seconds, the
 * page hands over to the reading it offers without WebGL: the article, the list of places and
 * every place's panel; when the context does come back, the map returns as the state describes it.
 */
import { type Store, dockView } from '../state/store';

/** How long a lost context may take to come back before the page reads on without the map. */
export const CONTEXT_GRACE_MS = 4000;

export function followMapContext(store: Store): (event: 'lost' | 'restored') => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return (event) => {
    if (event === 'lost') {
      store.dispatch({ type: 'notice', key: 'mapLost' });
      timer ??= setTimeout(() => {
        document.body.classList.add('no-webgl');
        store.dispatch({ type: 'dismiss', key: 'mapLost' });
        store.dispatch({ type: 'notice', key: 'mapGone' });
        if (!dockView(store.state) && !store.state.selection) store.dispatch({ type: 'dock', view: 'places' });
      }, CONTEXT_GRACE_MS);
      return;
    }
    if (timer) clearTimeout(timer);
    timer = null;
    document.body.classList.remove('no-webgl');
    store.dispatch({ type: 'dismiss', key: 'mapLost' });
    store.dispatch({ type: 'dismiss', key: 'mapGone' });
  };
}
