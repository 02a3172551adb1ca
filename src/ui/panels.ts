/**
 * Renders the panels from the app state and the loaded data: the feature panel, the dock and its
 * views (article, places, tour), the header's labels, the notices. Pure rendering, called by one
 * store subscriber: what happens on a click is in src/app/.
 */
import { mentionKeysFor, passagesFor } from '../article/passages';
import type { Article } from '../article/types';
import type { Places } from '../data/places';
import { BUS_GROUP_IDS } from '../map/encodings';
import { type AppState, dockView } from '../state/store';
import { formatHash } from '../state/url';
import { chapterById } from '../tour/chapters';
import type { BusGroupRow } from './charts';
import type { Dock } from './dock';
import { featureComparisons, featureFigures } from './figures';
import { busGroupShortName, langAttribute, t } from '../i18n/locale';
import { renderNotices } from './notices';
import type { Shell } from './shell';

/** What has loaded of the data the panels read (read only). */
export interface PanelData {
  readonly places: Places | null;
  readonly article: Article | null;
}

function busGroups(places: Places, language: AppState['language']): BusGroupRow[] {
  return BUS_GROUP_IDS.flatMap((group) => {
    const line = places.list.find((p) => p.kind === 'bus-line' && p.properties['group'] === group);
    if (!line) return [];
    const p = line.properties;
    const name = String(
      (language === 'zh' ? p['group_label_zh'] : p['group_label_en']) ?? (language === 'zh' ? p['group_name_zh'] : p['group_name_en']) ?? group,
    );
    return [{ group, name: busGroupShortName(group, language) ?? name, lines: Number(p['group_lines']), buses: Number(p['group_buses']) }];
  });
}

export function renderPanels(state: AppState, data: PanelData, shell: Shell, hrefForChapter: (id: string) => string): void {
  const lang = state.language;
  // Written only when it changes: a write is a mutation the page's title and the update notice follow.
  if (document.documentElement.lang !== langAttribute(lang)) document.documentElement.lang = langAttribute(lang);
  shell.setLanguage(lang);
  renderNotices(state);
  renderFeature(state, data);
  renderDock(state, data, shell, hrefForChapter);
  renderHeader(state);
}

function renderFeature(state: AppState, { places, article }: PanelData): void {
  const lang = state.language;

  // Feature panel
  const panel = document.querySelector('atlas-feature-panel');
  const place = state.selection && places ? (places.get(state.selection) ?? null) : null;
  if (panel) {
    panel.language = lang;
    panel.place = place;
    if (place && places) {
      const p = place.properties;
      panel.figures = featureFigures(p, places.transit, lang);
      panel.comparisons = featureComparisons(p, places.transit, lang);
      panel.busGroups = p.kind === 'bus-line' ? busGroups(places, lang) : [];
      panel.passages = article ? passagesFor(article, place.id, lang) : null;
    }
  }
}

function renderDock(state: AppState, { places, article }: PanelData, shell: Shell, hrefForChapter: (id: string) => string): void {
  const lang = state.language;
  const view = dockView(state);
  const dock = document.querySelector<Dock>('atlas-dock');
  if (dock) {
    dock.view = view;
    dock.language = lang;
  }
  // The mentions of the selection, marked in the reader and the tour. A new set is given to a panel
  // only when the keys differ: every store change renders here (a pointer over a name is one), and
  // a new set would redraw every paragraph of the article.
  const keys: ReadonlySet<string> = article && state.selection ? mentionKeysFor(article, state.selection) : new Set<string>();
  const reader = document.querySelector('atlas-reader');
  if (reader) {
    reader.article = article;
    reader.language = lang;
    reader.at = state.reading;
    if (!sameKeys(keys, reader.selectedKeys)) reader.selectedKeys = keys;
  }
  const list = document.querySelector('atlas-place-list');
  if (list) {
    list.places = places;
    list.language = lang;
    list.selection = state.selection;
  }
  const tour = document.querySelector('atlas-tour');
  if (tour && customElements.get('atlas-tour')) {
    tour.chapter = chapterById(state.chapter) ?? null;
    tour.article = article;
    tour.language = lang;
    tour.hrefFor = hrefForChapter;
    if (!sameKeys(keys, tour.selectedKeys)) tour.selectedKeys = keys;
  }
  const feature = !!(state.selection && places?.get(state.selection));
  shell.setOpen({ dock: view !== null, feature });
  document.querySelector('#dock-host')?.setAttribute('aria-label', `${t(lang, 'article')} · ${t(lang, 'places')}`);
}

/** Whether a panel already has these keys (`b` is undefined on a panel whose code has not loaded yet). */
const sameKeys = (a: ReadonlySet<string>, b: ReadonlySet<string> | undefined) => !!b && a.size === b.size && [...a].every((k) => b.has(k));

function renderHeader(state: AppState): void {
  const lang = state.language;
  const view = dockView(state);
  const subtitle = document.querySelector('#subtitle');
  if (subtitle) subtitle.textContent = t(lang, 'subtitle');
  const label = (id: string, key: Parameters<typeof t>[1], pressed?: boolean) => {
    const b = document.querySelector<HTMLElement>(id);
    if (!b) return;
    const text = b.querySelector('.label');
    if (text) text.textContent = t(lang, key);
    b.setAttribute('aria-label', t(lang, key));
    b.title = t(lang, key);
    if (pressed !== undefined) b.setAttribute('aria-pressed', String(pressed));
  };
  label('#tour-button', 'tour', view === 'tour');
  label('#reader-button', 'article', view === 'article');
  label('#places-button', 'places', view === 'places');
  label('#share-button', 'share');
  const toggle = document.querySelector<HTMLButtonElement>('#language-toggle');
  if (toggle) {
    // The other language, named in itself: what the button's text says is its whole name.
    toggle.textContent = lang === 'zh' ? 'English' : '中文';
    toggle.lang = lang === 'zh' ? 'en' : 'zh-Hans';
    toggle.title = t(lang, 'languageLabel');
  }
  const loading = document.querySelector('#map-loading');
  if (loading) loading.textContent = t(lang, 'mapLoading');
  const skip = document.querySelector('#skip-link');
  if (skip) skip.textContent = t(lang, 'skipToPlaces');
  const full = document.querySelector<HTMLAnchorElement>('#open-full');
  if (full) {
    full.hidden = !state.embed;
    // The embedded page links to the full atlas at the same view, whatever has loaded.
    if (state.embed) full.href = `${window.location.pathname}${formatHash({ ...state, embed: false })}`;
    full.textContent = t(lang, 'openFullAtlas');
  }
}
