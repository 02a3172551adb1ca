import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { DockView, Language } from '../state/store';
import { t } from '../i18n/locale';
import { panelStyles } from './panel-styles';
import { emit } from './events';

/**
 * The reading side of the page: the article, the list of places or the tour, one at a time,
 * under tabs, in an `aside` landmark. Its content is slotted (the reader, the list, the tour).
 *
 * @fires atlas-dock-view - a tab was chosen: detail `{ view }`
 * @fires atlas-dock-close - the reader closed the dock
 * @slot - the views; the one whose `data-view` matches `view` is shown
 */
@customElement('atlas-dock')
export class Dock extends LitElement {
  static override styles = [
    panelStyles,
    css`
      :host { height: 100%; }
      section { height: 100%; }
      header { align-items: center; padding: 6px 8px 0 10px; }
      [role='tablist'] { display: flex; gap: 2px; flex: 1; }
      [role='tab'] { border: 0; background: none; padding: 8px 12px; border-bottom: 3px solid transparent; cursor: pointer; font-weight: 600; color: #4a5560; min-height: 40px; }
      [role='tab'][aria-selected='true'] { color: #1f2a33; border-bottom-color: #0b5d8f; }
      .content { flex: 1; min-height: 0; }
      @media (pointer: coarse) { [role='tab'] { min-height: 44px; } }
    `,
  ];

  @property() view: DockView | null = null;
  @property() language: Language = 'zh';

  protected override updated(): void {
    for (const el of this.children) (el as HTMLElement).hidden = (el as HTMLElement).dataset['view'] !== this.view;
  }

  override render() {
    const lang = this.language;
    if (!this.view) return nothing;
    const tab = (view: DockView, label: string) =>
      html`<button type="button" role="tab" id="tab-${view}" aria-selected=${this.view === view} aria-controls="dock-content" tabindex=${this.view === view ? 0 : -1} @click=${() => this.#choose(view)} @keydown=${this.#tabKeys}>${label}</button>`;
    return html`<section part="panel">
      <header>
        <div role="tablist" aria-label=${t(lang, 'article')}>
          ${tab('article', t(lang, 'article'))} ${tab('places', t(lang, 'places'))}
          ${this.view === 'tour' ? tab('tour', t(lang, 'tour')) : nothing}
        </div>
        <button type="button" class="icon close" aria-label=${t(lang, 'close')} title=${t(lang, 'close')} @click=${this.#close}>×</button>
      </header>
      <div class="content" id="dock-content" role="tabpanel" aria-labelledby="tab-${this.view}"><slot></slot></div>
    </section>`;
  }

  #tabKeys(e: KeyboardEvent) {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const tabs = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    const i = tabs.indexOf(e.currentTarget as HTMLButtonElement);
    const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
    next?.focus();
    next?.click();
  }

  #choose(view: DockView) {
    emit(this, 'atlas-dock-view', { view });
  }

  #close() {
    emit(this, 'atlas-dock-close', null);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-dock': Dock;
  }
}
