import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ListenState } from '../listen/controller';
import { RATES } from '../listen/controller';
import type { Language } from '../state/store';
import { t } from '../i18n/locale';
import { type ListenCommand, emit } from './events';
import { panelStyles } from './panel-styles';

export type { ListenCommand };

/**
 * The Listen control (收听 / Listen): start, pause and resume, the previous and next paragraph, the
 * speed, stop. With the focus inside it, Space pauses or resumes and ← → move between paragraphs.
 * Where the browser has no voice for the language it says so, and offers the other language if
 * that one has a voice. It only asks: what it asks for is done by src/app/listen.ts.
 *
 * @fires atlas-listen-command - detail `{ command, rate? }`
 */
@customElement('atlas-listen')
export class ListenControl extends LitElement {
  static override styles = [
    panelStyles,
    css`
      :host { font-size: 13px; }
      .row { display: flex; align-items: center; gap: 6px; flex-wrap: wrap; padding: 6px 0; }
      button.main { border: 1px solid #0b5d8f; background: #fff; color: #0b5d8f; border-radius: 16px; padding: 3px 12px 3px 10px; min-height: 32px; cursor: pointer; font-weight: 600; display: inline-flex; align-items: center; gap: 6px; }
      button.main.playing { background: #0b5d8f; color: #fff; }
      button.icon { width: 32px; height: 32px; font-size: 14px; }
      select { font: inherit; min-height: 32px; border: 1px solid #c4cbd1; border-radius: 6px; background: #fff; color: #1f2a33; }
      .note { color: #4a5560; margin: 0; flex-basis: 100%; }
      .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
      svg { width: 14px; height: 14px; fill: currentColor; flex: none; }
      @media (pointer: coarse) { button.main, select { min-height: 44px; } }
    `,
  ];

  @property() language: Language = 'zh';
  @property() state: ListenState = 'idle';
  /** whether the browser has a voice for the language */
  @property({ type: Boolean }) voice = true;
  /** whether it has one for the other language */
  @property({ type: Boolean }) other = false;
  @property({ type: Number }) rate = 1;
  /** what went wrong, said once, or null */
  @property() error: string | null = null;

  override render() {
    const lang = this.language;
    if (!this.voice) {
      return html`<div class="row" role="group" aria-label=${t(lang, 'listenGroup')}>
        <p class="note" role="status">${t(lang, 'listenNoVoice')}</p>
        ${this.other ? html`<button type="button" class="link" @click=${() => this.#ask('other-language')}>${t(lang, 'listenOther')}</button>` : nothing}
      </div>`;
    }
    const active = this.state === 'playing' || this.state === 'paused';
    const label = this.state === 'playing' ? t(lang, 'listenPause') : this.state === 'paused' ? t(lang, 'listenResume') : t(lang, 'listen');
    return html`<div class="row" role="group" aria-label=${t(lang, 'listenGroup')} aria-keyshortcuts="Space ArrowLeft ArrowRight" @keydown=${this.#keys}>
      <button type="button" class="main ${this.state}" @click=${this.#main}>
        ${this.state === 'playing' ? PAUSE_ICON : PLAY_ICON}<span>${label}</span>
      </button>
      ${
        active
          ? html`<button type="button" class="icon" aria-label=${t(lang, 'listenPrevious')} title=${t(lang, 'listenPrevious')} @click=${() => this.#ask('previous')}>${PREVIOUS_ICON}</button>
            <button type="button" class="icon" aria-label=${t(lang, 'listenNext')} title=${t(lang, 'listenNext')} @click=${() => this.#ask('next')}>${NEXT_ICON}</button>
            <select aria-label=${t(lang, 'listenSpeed')} title=${t(lang, 'listenSpeed')} @change=${this.#speed}>
              ${RATES.map((r) => html`<option value=${r} ?selected=${r === this.rate}>${r}×</option>`)}
            </select>
            <button type="button" class="icon" aria-label=${t(lang, 'listenStop')} title=${t(lang, 'listenStop')} @click=${() => this.#ask('stop')}>${STOP_ICON}</button>
            <span class="sr">${t(lang, 'listenKeys')}</span>`
          : nothing
      }
      ${this.error ? html`<p class="note" role="status">${t(lang, 'listenFailed')}</p>` : nothing}
    </div>`;
  }

  #main() {
    this.#ask(this.state === 'playing' ? 'pause' : this.state === 'paused' ? 'resume' : 'play');
  }

  #keys(e: KeyboardEvent) {
    if (e.altKey || e.ctrlKey || e.metaKey || (e.target as HTMLElement).localName === 'select') return;
    const command: ListenCommand | null =
      e.key === ' '
        ? this.state === 'playing'
          ? 'pause'
          : this.state === 'paused'
            ? 'resume'
            : 'play'
        : e.key === 'ArrowLeft'
          ? 'previous'
          : e.key === 'ArrowRight'
            ? 'next'
            : null;
    if (!command) return;
    // Space would also click the focused button, and the arrows step the tour: this key is Listen's.
    e.preventDefault();
    e.stopPropagation();
    this.#ask(command);
  }

  #speed(e: Event) {
    this.#ask('rate', Number((e.target as HTMLSelectElement).value));
  }

  #ask(command: ListenCommand, rate?: number) {
    const focused = this.renderRoot instanceof ShadowRoot && this.renderRoot.activeElement !== null;
    emit(this, 'atlas-listen-command', { command, rate });
    // Stopped, the control shrinks to its one button: the focus stays in it rather than falling to the page.
    if (focused && command === 'stop') void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('button.main')?.focus());
  }
}

const PLAY_ICON = html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M4 2.5v11l9-5.5z" /></svg>`;
const PAUSE_ICON = html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M4 2.5h3v11H4zm5 0h3v11H9z" /></svg>`;
const PREVIOUS_ICON = html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M3 3h2v10H3zm10 0v10L6 8z" /></svg>`;
const NEXT_ICON = html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M11 3h2v10h-2zM3 3v10l7-5z" /></svg>`;
const STOP_ICON = html`<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M3.5 3.5h9v9h-9z" /></svg>`;

declare global {
  interface HTMLElementTagNameMap {
    'atlas-listen': ListenControl;
  }
}
