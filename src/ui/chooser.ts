/**
 * A short list of the features under a click or a tap, so the reader picks one instead of the
 * map silently taking one: each entry named (same-named ones told apart by number) with its kind,
 * and a last "zoom in here" entry when more lie there than the list shows. Keyboard: focus starts
 * on the first entry, arrows move, Escape closes and returns focus where it was.
 *
 * `showChooser` / `closeChooser` are the whole API: one chooser at a time.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { type PickedName, distinctNames } from '../data/names';
import type { Language } from '../state/store';
import { kindName, t, zoomInHere } from '../i18n/locale';

/** A chooser's entry: a feature's names, kind and number (data/names.ts). */
export type ChoiceName = PickedName;

export interface ChooserOptions {
  /** More lie under the pointer than the list shows: how many, and how to get closer. */
  more?: { count: number; zoomIn: () => void };
}

@customElement('atlas-chooser')
export class AtlasChooser extends LitElement {
  @property({ attribute: false }) choices: ChoiceName[] = [];
  @property() language: Language = 'zh';
  @property({ attribute: false }) more: ChooserOptions['more'];
  /** Called with the id picked, or null for "zoom in here" (the chooser has already closed). */
  @property({ attribute: false }) onPick: (id: string | null) => void = () => {};

  // Light DOM: the page's stylesheet (app.css) styles it, as it did the hand-built one.
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.className = 'atlas-chooser';
    this.setAttribute('role', 'dialog');
    this.addEventListener('keydown', this.#keys);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.#keys);
  }

  /** Renders now, not at the next microtask: the chooser is measured to be placed as soon as it is added. */
  renderNow(): void {
    this.performUpdate();
  }

  #keys = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const buttons = [...this.querySelectorAll('button')];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    buttons[(i + (e.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length]?.focus();
  };

  override render() {
    const lang = this.language;
    this.setAttribute('aria-label', t(lang, 'choose'));
    const names = distinctNames(
      this.choices.map((c) => ({ name: lang === 'zh' ? c.name_zh : c.name_en, kind: c.kind ?? '', n: c.n })),
      lang,
    );
    const zoom = this.more ? zoomInHere(this.more.count, lang) : null;
    return html`<p>${t(lang, 'choose')}</p>
      <ul>
        ${this.choices.map(
          (c, i) => html`<li>
            <button type="button" data-id=${c.id} @click=${() => this.onPick(c.id)}>
              <span class="choice-name">${names[i]}</span>
              ${c.kind ? html`<span class="choice-kind">${kindName(c.kind, lang)}</span>` : nothing}
            </button>
          </li>`,
        )}
        ${
          zoom
            ? html`<li>
              <button type="button" class="choice-zoom" data-zoom="in" @click=${() => this.onPick(null)}>
                <span class="choice-name">${zoom.label}</span><span class="choice-kind">${zoom.detail}</span>
              </button>
            </li>`
            : nothing
        }
      </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-chooser': AtlasChooser;
  }
}

let open: { el: AtlasChooser; close: () => void } | null = null;

export function closeChooser(): boolean {
  if (!open) return false;
  open.close();
  return true;
}

export function showChooser(
  host: HTMLElement,
  choices: ChoiceName[],
  at: { x: number; y: number },
  language: Language,
  onPick: (id: string) => void,
  options: ChooserOptions = {},
): void {
  closeChooser();
  const el = document.createElement('atlas-chooser');
  el.choices = choices;
  el.language = language;
  el.more = options.more;
  el.onPick = (id) => {
    close();
    if (id === null) options.more?.zoomIn();
    else onPick(id);
  };
  const returnTo = document.activeElement as HTMLElement | null;
  const escape = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    close();
    returnTo?.focus();
  };
  const outside = (e: PointerEvent) => {
    if (!el.contains(e.target as Node)) close();
  };
  function close() {
    el.remove();
    el.removeEventListener('keydown', escape);
    document.removeEventListener('pointerdown', outside, true);
    open = null;
  }
  el.addEventListener('keydown', escape);
  host.append(el);
  // The element renders its entries synchronously here, so it can be measured and placed now.
  el.renderNow();
  // Inside the host, near the click, never off its edges.
  const box = host.getBoundingClientRect();
  el.style.left = `${Math.max(4, Math.min(at.x - box.left + 8, box.width - el.offsetWidth - 4))}px`;
  el.style.top = `${Math.max(4, Math.min(at.y - box.top + 8, box.height - el.offsetHeight - 4))}px`;
  // The click that opened it is over; a later press anywhere else closes it.
  setTimeout(() => document.addEventListener('pointerdown', outside, true), 0);
  open = { el, close };
  el.querySelector('button')?.focus({ preventScroll: true });
}
