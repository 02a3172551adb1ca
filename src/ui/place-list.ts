import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Places } from '../data/places';
import type { Place } from '../data/types';
import { LAYER_GROUPS } from '../state/layers';
import type { Language } from '../state/store';
import { groupName, kindName, namesFor, t } from '../i18n/locale';
import { panelStyles } from './panel-styles';
import { emit } from './events';

type ListGroup = (typeof LAYER_GROUPS)[number] | 'regions' | 'basemap';
const ORDER: ListGroup[] = [...LAYER_GROUPS, 'regions', 'basemap'];

function listGroup(p: Place): ListGroup {
  return p.group ?? (p.layer === 'regions' ? 'regions' : 'basemap');
}

/**
 * Every place the atlas can open, grouped as the layers are: the keyboard's way to the map (a
 * skip link leads here), and the index of the page without WebGL. Each entry is a button.
 *
 * @fires atlas-pick - an entry was chosen: detail `{ id }`
 */
@customElement('atlas-place-list')
export class PlaceList extends LitElement {
  static override styles = [
    panelStyles,
    css`
      :host { height: 100%; min-height: 0; }
      .body { height: 100%; box-sizing: border-box; overflow: auto; padding: 4px 12px 20px; }
      h3 { font-size: 14px; margin: 14px 4px 4px; }
      ul { list-style: none; margin: 0; padding: 0; }
      li button { display: flex; width: 100%; text-align: left; gap: 8px; align-items: baseline; border: 0; background: none; padding: 6px 6px; border-radius: 4px; cursor: pointer; min-height: 32px; }
      li button:hover { background: #eef1f3; }
      li button[aria-current='true'] { background: #fde68a; }
      .name { flex: 1; min-width: 0; }
      .kind { font-size: 12px; color: #4a5560; flex: none; }
      .second { display: inline; font-size: 12px; color: #4a5560; margin-left: 6px; }
      @media (pointer: coarse) { li button { min-height: 44px; } }
    `,
  ];

  @property({ attribute: false }) places: Places | null = null;
  @property() language: Language = 'zh';
  @property() selection: string | null = null;

  /** Focus the first entry (the skip link lands here). */
  async focusFirst(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('li button')?.focus();
  }

  /** Focus the entry of a place, if listed. */
  async focusPlace(id: string): Promise<boolean> {
    await this.updateComplete;
    const el = this.renderRoot.querySelector<HTMLElement>(`li button[data-id="${CSS.escape(id)}"]`);
    el?.focus();
    return !!el;
  }

  override render() {
    const lang = this.language;
    if (!this.places) return html`<div class="body"><p>…</p></div>`;
    const groups = new Map<ListGroup, Place[]>(ORDER.map((g) => [g, []]));
    for (const p of this.places.list) groups.get(listGroup(p))?.push(p);
    return html`<div class="body" role="region" aria-label=${t(lang, 'placeList')} id="places">
      ${ORDER.filter((g) => (groups.get(g)?.length ?? 0) > 0).map(
        (g) => html`<h3 id="list-${g}">${groupName(g, lang)}</h3>
          <ul aria-labelledby="list-${g}">
            ${(groups.get(g) ?? []).map((p) => {
              const [first, second] = namesFor(p.properties, lang);
              return html`<li>
                <button type="button" data-id=${p.id} aria-current=${this.selection === p.id ? 'true' : 'false'} @click=${() => this.#pick(p.id)}>
                  <span class="name">${first}<span class="second" lang=${lang === 'zh' ? 'en' : 'zh-Hans'}>${second}</span></span>
                  <span class="kind">${kindName(p.kind, lang)}</span>
                </button>
              </li>`;
            })}
          </ul>`,
      )}
    </div>`;
  }

  #pick(id: string) {
    emit(this, 'atlas-pick', { id });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-place-list': PlaceList;
  }
}
