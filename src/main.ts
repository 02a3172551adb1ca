/** Wiring only: make the state, mount the map and the panels, load the data, connect them. */
import tilesUrl from '../geo/atlas.pmtiles?url';
import attribution from '../geo/attribution.json';
import type { Article } from './article/types';
import { type Places, loadPlaces } from './data/places';
import { type PanelData, renderPanels } from './ui/panels';
import { MapView } from './map/map-view';
import { registerServiceWorker } from './pwa/register';
import { syncHistory } from './state/history';
import { DEFAULT_VIEW, Store, isDefaultView } from './state/store';
import { type LinkProblem, parseHash } from './state/url';
import { closeChooser, showChooser } from './ui/chooser';
import { Shell } from './ui/shell';
import { t } from './ui/locale';
import { showNotice } from './ui/notice';
import { webglAvailable } from './ui/webgl';
import { wireInteractions } from './ui/interactions';
import { mountSearch } from './ui/search-box';
import { wireShare } from './share/wire';
import { TourController } from './tour/controller';
import './ui/dock';
import './ui/feature-panel';
import './ui/place-list';

function credits(): string[] {
  const all = Object.values(attribution as Record<string, string[]>).flat();
  return [...new Set(all), '<a href="https://maplibre.org/">MapLibre</a>'];
}

const link = parseHash(window.location.hash);
const linkHasView = !isDefaultView(link.state.view);
const store = new Store(link.state);
const shell = new Shell();
mountSearch(store);
document.body.classList.toggle('embed', store.state.embed);

function reportLinkProblems(problems: LinkProblem[]): void {
  showNotice(`${t(store.state.language, 'badLink')}${problems.map((p) => p.text).join(' · ')}`);
}
if (link.problems.length > 0) reportLinkProblems(link.problems);
syncHistory(store, reportLinkProblems);

const data: PanelData = { places: null, article: null };
/** Where the map's chooser was opened: the point on screen and the place under it. */
let chooserAnchor: { x: number; y: number; lngLat: import('maplibre-gl').LngLat } | null = null;
const hasWebgl = webglAvailable();
let view: MapView | null = null;

const ui = wireInteractions(store, shell, data, {
  frame: () => view?.framePending(),
  highlight: (ids) => tour.highlight(ids),
  outline: (ids) => tour.outline(ids),
  frameNow: (id, framing) => view?.frame(id, framing),
});
const tour = new TourController(store, shell, ui, data, () => view);
store.subscribe(() => renderPanels(store.state, data, shell, ui));
wireShare({ store, map: () => view?.map ?? null, places: () => data.places, credits: credits() });
renderPanels(store.state, data, shell, ui);

/** Links name ids the data may not have: say so, and open what can be opened. */
function checkLinkIds(places: Places, article: Article | null): void {
  const s = store.state;
  const bad: string[] = [];
  let next = s;
  if (s.selection && !places.has(s.selection)) {
    bad.push(`${t(s.language, 'unknownPlace')}${s.selection}`);
    next = { ...next, selection: null };
  }
  if (article && s.reading && !ui.hasAnchor(s.reading)) {
    bad.push(`${t(s.language, 'unknownPassage')}${s.reading}`);
    next = { ...next, reading: null };
  }
  if (next !== s) {
    // The opening view was fitted beside what the link opened (a reader, a panel); with that gone,
    // a link that named no view of its own opens the map as a bare link would.
    if (!linkHasView) next = { ...next, view: DEFAULT_VIEW };
    for (const text of bad) showNotice(text);
    store.dispatch({ type: 'restore', state: next });
  }
}

/**
 * The article (its text in both languages and its mentions) is loaded the first time something
 * needs it: a selection (its panel lists what the page says), the reader, the tour.
 */
let articleLoading: Promise<void> | null = null;
function ensureArticle(): Promise<void> {
  // The reader's element comes with the text it shows.
  articleLoading ??= Promise.all([import('./article/article'), import('./ui/reader-panel')]).then(([{ article }]) => {
    data.article = article;
    if (data.places) checkLinkIds(data.places, article);
    tour.dataLoaded();
    renderPanels(store.state, data, shell, ui);
  });
  return articleLoading;
}
store.subscribe((state) => {
  if (!data.article && (state.selection || state.reading || state.chapter)) void ensureArticle();
  if (state.chapter) void import('./ui/tour-panel');
});
// The tour's panel is loaded with its first chapter.
if (store.state.chapter) void import('./ui/tour-panel');

async function loadData(): Promise<void> {
  const s = store.state;
  const opened = s.selection !== null || s.reading !== null || s.chapter !== null || !hasWebgl;
  const [places] = await Promise.all([loadPlaces(), opened ? ensureArticle() : null]);
  data.places = places;
  store.setContext({ itemOf: (id) => places.itemOf(id) });
  view?.setPlaces(places);
  checkLinkIds(places, data.article);
  tour.dataLoaded();
  renderPanels(store.state, data, shell, ui);
  // A shared link's selection opens framed: filled into view when the link carries no view of its
  // own; when it does, that view is what the sender saw, and it moves only if none of it is in sight.
  if (store.state.selection) ui.frameSelection(linkHasView ? 'glimpse' : 'focus');
}

async function start(): Promise<void> {
  const container = shell.map;
  if (!hasWebgl) {
    document.body.classList.add('no-webgl');
    showNotice(t(store.state.language, 'noWebgl'));
    await loadData();
    ui.openPlacesIfIdle();
    // Only now is the page ready to read: the readiness signal must not run ahead of the list.
    container.setAttribute('aria-busy', 'false');
    return;
  }
  view = new MapView({
    container,
    tilesUrl: new URL(tilesUrl, window.location.href).href,
    store,
    credits: credits(),
    onError: (message) => {
      console.warn(`map: ${message}`);
      showNotice(`${t(store.state.language, 'dataError')}${message}`);
    },
    covered: () => shell.covered(),
    largestCover: () => shell.largestCover(),
    onChoose: (choices, at, more) => {
      if (!view) return;
      const r = view.map.getContainer().getBoundingClientRect();
      chooserAnchor = { x: at.x - r.left, y: at.y - r.top, lngLat: view.map.unproject([at.x - r.left, at.y - r.top]) };
      showChooser(shell.main, choices, at, store.state.language, (id) => store.dispatch({ type: 'select', id, framing: 'reveal' }), { more });
    },
  });
  // A chooser lists what was under the pointer: once the map has really moved, that place is
  // elsewhere (the start of a gesture that moves nothing, as a tap's, leaves it open).
  view.map.on('move', () => {
    if (!chooserAnchor || !view) return;
    const p = view.map.project(chooserAnchor.lngLat);
    if (Math.hypot(p.x - chooserAnchor.x, p.y - chooserAnchor.y) > 8 && closeChooser()) chooserAnchor = null;
  });
  // A read-only handle for the browser tests and the benchmark.
  Object.assign(window, { atlas: { map: view.map, view, store, shell } });
  // The map comes first; the panels' data is loaded once it has settled, never competing with its first frames.
  await new Promise((resolve) => view?.map.once('idle', resolve));
  await loadData();
  // For the benchmark: what the opening view loads after idle is in (the article and the search
  // index come later, when a reader first needs them).
  performance.mark('atlas-settled');
}

start().catch((err: unknown) => {
  console.error(err);
  showNotice(`${t(store.state.language, 'dataError')}${err instanceof Error ? err.message : String(err)}`);
  shell.map.setAttribute('aria-busy', 'false');
});
// Offline revisits (production builds): registers once #map reports its first idle.
registerServiceWorker();
