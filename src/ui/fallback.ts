/**
 * Without WebGL there is no map, but the reader still gets the article and the list of places.
 */
import type { AtlasCollection, GeoCatalog } from '../data/types';
import type { Language } from '../state/store';
import { kindName, t } from './locale';
import { showNotice } from './notice';
import articleUrl from '../article/source.zh.txt?url';

export function webglAvailable(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    // Release the probe's context at once: browsers cap live WebGL contexts, and the map needs one.
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
    return gl !== null;
  } catch {
    return false;
  }
}

export async function showFallback(catalog: GeoCatalog, language: Language): Promise<void> {
  const section = document.querySelector<HTMLElement>('#fallback');
  if (!section) return;
  showNotice(t(language, 'noWebgl'));
  const groups: AtlasCollection[] = [catalog.rivers, catalog.rail, catalog.transit, catalog.sites];
  const list = document.createElement('ul');
  list.id = 'place-list';
  for (const fc of groups) {
    for (const f of fc.features) {
      const li = document.createElement('li');
      const p = f.properties;
      li.textContent = `${p.name_zh} ${p.name_en} — ${kindName(p.kind, language)}`;
      list.append(li);
    }
  }
  const h2 = document.createElement('h2');
  h2.textContent = language === 'zh' ? '文中地点' : 'Places in the article';
  // The list is shown at once; the article follows when its text has arrived.
  section.replaceChildren(h2, list);
  section.hidden = false;
  const article = document.createElement('pre');
  article.id = 'article-text';
  article.textContent = await fetch(articleUrl)
    .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .catch(() => (language === 'zh' ? '未能载入文章原文。' : 'The article text could not be loaded.'));
  section.append(article);
}
