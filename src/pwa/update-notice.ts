import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { langAttribute, pageLanguage, t } from '../i18n/locale';
import type { Language } from '../state/store';

/**
 * "A new version is ready" with a Reload button, shown when a new build's service worker is
 * installed and waiting. It follows the page's language (<html lang>) while it is shown.
 *
 * @fires atlas-reload - the reader asked for the new version
 */
@customElement('atlas-update-notice')
export class UpdateNotice extends LitElement {
  static override styles = css`
    :host { position: fixed; left: 50%; bottom: 28px; transform: translateX(-50%); z-index: 10; max-width: calc(100vw - 24px);
      font-size: 14px; line-height: 1.45; }
    /* The face of its language (app.css defines the stacks). */
    [lang|='zh'] { font-family: var(--font-zh); }
    [lang|='en'] { font-family: var(--font-en); }
    :host([hidden]) { display: none; }
    div { display: flex; align-items: center; gap: 10px; padding: 8px 10px 8px 14px; border-radius: 6px;
      background: #1f2a33; color: #fff; box-shadow: 0 2px 12px rgba(0,0,0,.25); }
    button { font: inherit; border: 0; border-radius: 4px; padding: 3px 10px; cursor: pointer; }
    button.reload { background: #56B4E9; color: #1f2a33; font-weight: 600; }
    button.dismiss { background: transparent; color: #d7dde2; }
    button:focus-visible { outline: 2px solid #fff; outline-offset: 1px; }
  `;

  @property() language: Language = pageLanguage();
  @state() private busy = false;

  #observer = new MutationObserver(() => {
    this.language = pageLanguage();
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.language = pageLanguage();
    this.#observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }

  override disconnectedCallback(): void {
    this.#observer.disconnect();
    super.disconnectedCallback();
  }

  override render() {
    const lang = this.language;
    return html`<div role="status" lang=${langAttribute(lang)}>
      <span>${t(lang, 'updateReady')}</span>
      <button type="button" class="reload" ?disabled=${this.busy} @click=${this.#reload}>${t(lang, 'reload')}</button>
      <button type="button" class="dismiss" @click=${this.#dismiss}>${t(lang, 'later')}</button>
    </div>`;
  }

  #reload(): void {
    this.busy = true;
    this.dispatchEvent(new CustomEvent('atlas-reload', { bubbles: true, composed: true, detail: null }));
  }

  #dismiss(): void {
    this.hidden = true;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-update-notice': UpdateNotice;
  }
}
