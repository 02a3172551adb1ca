/**
 * Renders the panels from the app state and the loaded data: the feature panel, the dock and its
 * views, the header's labels. Pure rendering: what happens on a click is in interactions.ts.
 */
import { mentionKeysFor, passagesFor } from '../article/passages';
import type { Article } from '../article/types';
import type { Places } from '../data/places';
import { BUS_GROUP_IDS } from '../map/encodings';
import type { AppState } from '../state/store';
import type { BusGroupRow } from './charts';
import type { Dock, DockView } from './dock';
import { featureComparisons, featureFigures } from './figures';
import { t } from './locale';
import type { Shell } from './shell';

export interface PanelData {
  places: Places | null;
  article: Article | null;
}

/** What the panels need to know that is not in the app state (it is not part of the link). */
export interface PanelUi {
  placesOpen: boolean;
}

export function dockView(state: AppState, ui: PanelUi): DockView | null {
  if (state.chapter) return 'tour';
  if (state.reading) return 'article';
  return ui.placesOpen ? 'places' : null;
}

function busGroups(places: Places, language: AppState['language']): BusGroupRow[] {
  return BUS_GROUP_IDS.flatMap((group) => {
    const line = places.list.find((p) => p.kind === 'bus-line' && p.properties['group'] === group);
    if (!line) return [];
    const p = line.properties;
    const name = String((language === 'zh' ? p['group_label_zh'] : p['group_label_en']) ?? (language === 'zh' ? p['group_name_zh'] : p['group_name_en']) ?? group);
    return [{ group, name: shortGroupName(group, language) ?? name, lines: Number(p['group_lines']), buses: Number(p['group_buses']) }];
  });
}

function shortGroupName(group: string, language: AppState['language']): string | undefined {
  const names: Record<string, [string, string]> = {
    feeder: ['接驳线', 'Feeders'],
    'xinjin-central': ['新津—中心城区', 'Xinjin–Chengdu'],
    'xinjin-pengshan': ['新津—彭山', 'Xinjin–Pengshan'],
  };
  const pair = names[group];
  return pair ? pair[language === 'zh' ? 0 : 1] : undefined;
}

export function renderPanels(state: AppState, data: PanelData, shell: Shell, ui: PanelUi): void {
  const lang = state.language;
  const { places, article } = data;
  document.documentElement.lang = lang === 'zh' ? 'zh-Hans' : 'en';
  shell.setLanguage(lang);

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

  // Dock
  const view = dockView(state, ui);
  const dock = document.querySelector<Dock>('atlas-dock');
  if (dock) {
    dock.view = view;
    dock.language = lang;
  }
  const reader = document.querySelector('atlas-reader');
  if (reader) {
    reader.article = article;
    reader.language = lang;
    reader.at = state.reading;
    reader.selectedKeys = article && state.selection ? mentionKeysFor(article, state.selection) : new Set();
  }
  const list = document.querySelector('atlas-place-list');
  if (list) {
    list.places = places;
    list.language = lang;
    list.selection = state.selection;
  }
  shell.setOpen({ dock: view !== null, feature: place !== null });
  document.querySelector('#dock-host')?.setAttribute('aria-label', `${t(lang, 'article')} · ${t(lang, 'places')}`);

  // Header
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
  const skip = document.querySelector('#skip-link');
  if (skip) skip.textContent = t(lang, 'skipToPlaces');
  const full = document.querySelector<HTMLAnchorElement>('#open-full');
  if (full) {
    full.hidden = !state.embed;
    full.textContent = lang === 'zh' ? '打开完整图鉴 ↗' : 'Open the full atlas ↗';
  }
}
