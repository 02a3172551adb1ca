/** Wiring only: load the data, make the state, mount the map and the panels, connect them. */
import { GEO_URLS, indexFeatures, loadCatalog } from './data/catalog';
import type { GeoCatalog } from './data/types';
import { MapView } from './map/map-view';
import { registerServiceWorker } from './pwa/register';
import { syncHash } from './state/hash-sync';
import { type Language, Store } from './state/store';
import { type LinkProblem, parseHash } from './state/url';
import './ui/feature-panel';
import { featureFigures } from './ui/figures';
import { t } from './ui/locale';
import { showFallback, webglAvailable } from './ui/fallback';
import { showNotice } from './ui/notice';
import attribution from '../geo/attribution.json';

function credits(): string[] {
  const all = Object.values(attribution as Record<string, string[]>).flat();
  return [...new Set(all), '<a href="https://maplibre.org/">MapLibre</a>'];
}

function reportLinkProblems(language: Language, problems: LinkProblem[]): void {
  showNotice(`${t(language, 'badLink')}${problems.map((p) => p.text).join(' · ')}`);
}

function mountPanel(store: Store, catalog: GeoCatalog): void {
  const panel = document.querySelector('atlas-feature-panel');
  if (!panel) return;
  const index = indexFeatures(catalog);
  const render = () => {
    const { selection, language } = store.state;
    // A link may name a feature that is not (or no longer) in the data: say so and drop it,
    // after the current round of listeners has seen this state.
    if (selection !== null && !index.has(selection)) {
      showNotice(`${t(language, 'unknownPlace')}${selection}`);
      queueMicrotask(() => store.dispatch({ type: 'select', id: null }));
    }
    const feature = selection ? (index.get(selection) ?? null) : null;
    panel.language = language;
    panel.feature = feature;
    panel.figures = feature ? featureFigures(feature, catalog.transit.summary, language) : [];
  };
  panel.addEventListener('atlas-close', () => store.dispatch({ type: 'select', id: null }));
  store.subscribe(render);
  render();
}

function mountHeader(store: Store): void {
  const button = document.querySelector<HTMLButtonElement>('#language-toggle');
  const subtitle = document.querySelector('#subtitle');
  const render = () => {
    const lang = store.state.language;
    document.documentElement.lang = lang === 'zh' ? 'zh-Hans' : 'en';
    if (subtitle) subtitle.textContent = t(lang, 'subtitle');
    if (button) {
      button.textContent = lang === 'zh' ? 'EN' : '中文';
      button.setAttribute('aria-label', lang === 'zh' ? 'Switch to English' : '切换到中文');
    }
  };
  button?.addEventListener('click', () =>
    store.dispatch({ type: 'set-language', language: store.state.language === 'zh' ? 'en' : 'zh' }),
  );
  store.subscribe(render);
  render();
}

async function start(store: Store): Promise<void> {
  const container = document.querySelector<HTMLElement>('#map');
  if (!container) throw new Error('#map container missing from index.html');
  mountHeader(store);
  if (!webglAvailable()) {
    const catalog = await loadCatalog();
    mountPanel(store, catalog);
    await showFallback(catalog, store.state.language);
    // Only now is the page ready to read: the readiness signal must not run ahead of the list.
    container.setAttribute('aria-busy', 'false');
    return;
  }
  // The map comes first: its worker fetches geo/ itself. The panels' copy of the data is loaded
  // once the map has settled, so it never competes with the first frames.
  const view = new MapView({
    container,
    urls: GEO_URLS,
    store,
    credits: credits(),
    onError: (message) => {
      console.warn(`map: ${message}`);
      showNotice(`${t(store.state.language, 'dataError')}${message}`);
    },
  });
  // A read-only handle for the browser tests and the benchmark.
  Object.assign(window, { atlas: { map: view.map, store } });
  await new Promise((resolve) => view.map.once('idle', resolve));
  const catalog = await loadCatalog();
  view.setCatalog(catalog);
  mountPanel(store, catalog);
}

// The shared link, if any, is the starting state; from then on the address follows the state.
const link = parseHash(window.location.hash);
const store = new Store(link.state);
if (link.problems.length > 0) reportLinkProblems(store.state.language, link.problems);
syncHash(store, (problems) => reportLinkProblems(store.state.language, problems));
start(store).catch((err: unknown) => {
  console.error(err);
  showNotice(`${t(store.state.language, 'dataError')}${err instanceof Error ? err.message : String(err)}`);
  document.querySelector('#map')?.setAttribute('aria-busy', 'false');
});
// Offline revisits (production builds): registers once #map reports its first idle.
registerServiceWorker();
