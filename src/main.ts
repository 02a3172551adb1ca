/**
 * Wiring only: make the state, mount the map and the panels, connect the controllers of src/app/.
 * Who owns what is drawn in docs/architecture.md.
 */
import tilesUrl from '../geo/atlas.pmtiles?url';
import { type Camera, directCamera } from './app/camera';
import { Catalog } from './app/catalog';
import { Focus } from './app/focus';
import { syncHistory } from './app/history';
import { wireKeys } from './app/keys';
import { dropUnknownIds } from './app/links';
import { followMapContext } from './app/map-context';
import { MapChooser } from './app/map-chooser';
import { wirePanelEvents } from './app/panel-events';
import { wireShare } from './app/share';
import { Tour, chapterHref } from './app/tour';
import { creditsFor } from './data/credits';
import { MapView } from './map/map-view';
import { registerServiceWorker } from './pwa/register';
import { Store, isDefaultView } from './state/store';
import { type LinkProblem, parseHash } from './state/url';
import { renderPanels } from './ui/panels';
import { mountSearch } from './ui/search-box';
import { followPageLanguage } from './ui/page-meta';
import { Shell } from './ui/shell';
import { webglAvailable } from './ui/webgl';
import './ui/dock';
import './ui/feature-panel';
import './ui/place-list';

const link = parseHash(window.location.hash);
const linkHasView = !isDefaultView(link.state.view);
const store = new Store(link.state);
const shell = new Shell();
const catalog = new Catalog(store);
const focus = new Focus(store, shell, catalog);
const tour = new Tour(store, shell, focus);
mountSearch(store);
document.body.classList.toggle('embed', store.state.embed);
// The document's title and description follow the interface language.
followPageLanguage();

const reportLinkProblems = (problems: LinkProblem[]) => store.dispatch({ type: 'notice', key: 'badLink', detail: problems.map((p) => p.text).join(' · ') });
if (link.problems.length > 0) reportLinkProblems(link.problems);
syncHistory(store, reportLinkProblems);
wirePanelEvents(store, shell, catalog, focus);
wireKeys(store, tour);
document.addEventListener('atlas-dismiss', (e) => store.dispatch({ type: 'dismiss', id: e.detail.id }));
// The header's buttons work from here on: they no longer say they are waiting (index.html, app.css).
document.body.classList.remove('starting');

// The one render subscriber of the panels.
// Made once: a new function at each render would look like a change to the tour panel and redraw it.
const hrefForChapter = chapterHref(store);
const render = () => renderPanels(store.state, catalog, shell, hrefForChapter);
store.subscribe(render);
render();
tour.dropUnknownChapter();

let view: MapView | null = null;
let camera: Camera | null = null;
// Listen comes with the article (its text is what it reads), in a chunk of its own.
store.subscribe((state, previous) => {
  if (!state.ui.loaded.article || previous.ui.loaded.article) return;
  void import('./app/listen').then(({ wireListen }) => wireListen(store, catalog, { frame: (id) => camera?.framePlace(id) }));
});
const chooser = new MapChooser(store, shell);
wireShare({ store, map: () => view?.map ?? null, places: () => catalog.places });

/** The panels' data, once the map has settled (never competing with its first frames). */
async function loadData(): Promise<void> {
  const s = store.state;
  catalog.start(s.selection !== null || s.reading !== null || s.chapter !== null || !view);
  // A failure has been told (Catalog); the next selection tries again.
  const places = await catalog.loadIndex().catch(() => null);
  if (!places) return;
  if (s.selection || s.reading || s.chapter) await catalog.loadArticle().catch(() => null);
  dropUnknownIds(store, catalog, linkHasView);
}

async function start(): Promise<void> {
  const container = shell.map;
  if (!webglAvailable()) {
    document.body.classList.add('no-webgl');
    store.dispatch({ type: 'notice', key: 'noWebgl' });
    await loadData();
    // Without WebGL the list of places is the page's index: open unless something else is open.
    if (!store.state.selection && !store.state.reading && !store.state.chapter) store.dispatch({ type: 'dock', view: 'places' });
    // Only now is the page ready to read: the readiness signal must not run ahead of the list.
    container.setAttribute('aria-busy', 'false');
    return;
  }
  view = new MapView({
    container,
    tilesUrl: new URL(tilesUrl, window.location.href).href,
    store,
    credits: creditsFor,
    onError: (message) => {
      console.warn(`map: ${message}`);
      store.dispatch({ type: 'notice', key: 'tilesFailed' });
    },
    covered: () => shell.covered(),
    largestCover: () => shell.largestCover(),
    onChoose: (choices, at, more) => view && chooser.open(view, choices, at, more),
    onContext: followMapContext(store),
  });
  const map = view;
  chooser.attach(map);
  const director = directCamera(store, shell, map, catalog);
  camera = director;
  // The map learns the data as it loads (ids to feature layers, passages to regions).
  store.subscribe((state, previous) => {
    if (state.ui.loaded.places && !previous.ui.loaded.places && catalog.places) map.setPlaces(catalog.places);
    if (state.ui.loaded.article && !previous.ui.loaded.article && catalog.article) map.setArticle(catalog.article);
  });
  // A read-only handle for the browser tests and the benchmark.
  Object.assign(window, { atlas: { map: map.map, view: map, store, shell } });
  await new Promise((resolve) => map.map.once('idle', resolve));
  await loadData();
  tour.dataLoaded((chapter) => director.frameChapter(chapter));
  // A shared link's selection opens framed: filled into view when the link carries no view of its
  // own; when it does, that view is what the sender saw, and it moves only if none of it is in sight.
  director.frameLinkedSelection(linkHasView);
  // For the benchmark: what the opening view loads after idle is in.
  performance.mark('atlas-settled');
}

start().catch((err: unknown) => {
  console.error(err);
  // The reader is told in words, with a reload to try again; the exception is for the console.
  store.dispatch({ type: 'notice', key: 'dataError', action: 'reload' });
  shell.map.setAttribute('aria-busy', 'false');
});
// Offline revisits (production builds): registers once #map reports its first idle.
registerServiceWorker();
