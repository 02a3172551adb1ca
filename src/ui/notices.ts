/**
 * The page's notices: what failed, was ignored or cannot be shown, said to the reader in the
 * interface language (they are kept as keys in the state, so they follow a language switch). Each
 * stays one line (ellipsised, whatever a link threw at it), shows its full text on demand and can
 * always be closed. What a link said is quoted inside <bdi>, so no character of it can turn the
 * sentence around. Rendered with Lit into the light DOM of #notices.
 */
import { LitElement, html, nothing, render } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { type StringKey, t } from '../i18n/locale';
import type { AppState, Language, Notice } from '../state/store';
import { emit } from './events';

@customElement('atlas-notice')
export class NoticeElement extends LitElement {
  @property({ attribute: false }) notice: Notice | null = null;
  @property() language: Language = 'zh';
  @state() private expanded = false;
  @state() private overflows = false;

  // Light DOM: the page's stylesheet lays notices out with the rest of the page.
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override render() {
    const n = this.notice;
    if (!n) return nothing;
    const lang = this.language;
    this.className = `notice${this.expanded ? ' expanded' : ''}`;
    return html`<span class="notice-text">${t(lang, n.key as StringKey)}${n.detail ? html`<bdi>${n.detail}</bdi>` : nothing}</span>
      ${n.action ? html`<button type="button" class="notice-action" @click=${this.#act}>${t(lang, 'reload')}</button>` : nothing}
      <button type="button" class="notice-more" ?hidden=${!this.overflows && !this.expanded} aria-expanded=${String(this.expanded)} @click=${this.#toggle}>
        ${t(lang, this.expanded ? 'showLess' : 'showMore')}
      </button>
      <button type="button" class="notice-close" aria-label=${t(lang, 'dismiss')} title=${t(lang, 'dismiss')} @click=${this.#close}>×</button>`;
  }

  protected override updated(): void {
    // "Show all" only where there is more to show than one line holds.
    const text = this.querySelector<HTMLElement>('.notice-text');
    const overflows = !!text && text.scrollWidth > text.clientWidth + 1;
    if (overflows !== this.overflows && !this.expanded) this.overflows = overflows;
  }

  #toggle(): void {
    this.expanded = !this.expanded;
  }

  #close(): void {
    if (this.notice) emit(this, 'atlas-dismiss', { id: this.notice.id });
  }

  /** The one action a notice offers: a reload (a chunk a new deploy removed, a failed start). */
  #act(): void {
    window.location.reload();
  }
}

export function renderNotices(state: AppState): void {
  const stack = document.querySelector<HTMLElement>('#notices');
  if (!stack) return;
  render(
    repeat(
      state.ui.notices,
      (n) => n.id,
      (n) => html`<atlas-notice role="status" .notice=${n} language=${state.language}></atlas-notice>`,
    ),
    stack,
  );
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-notice': NoticeElement;
  }
}
