/**
 * The header's search: an ARIA 1.2 combobox (an input with a listbox popup, options grouped into
 * places and passages) over the search index (src/search/). `/` or Ctrl+K (⌘K) focuses it. Arrow
 * keys move aria-activedescendant; Enter or a click opens the option: a place is picked
 * (`atlas-pick`, the map moves to it), a passage is read (`atlas-read`). Escape closes the list; a
 * second Escape clears the field, one more leaves it. On phones the field folds into a 44 px
 * button and opens over the header.
 *
 * Rendered in the light DOM so the combobox, its listbox and their id references share one tree;
 * styled by the search block of app.css. The phone's button sits just before the element, outside
 * it: the field handles its own Escape, the button leaves Escape to the page (closing a panel).
 */
import { LitElement, html, nothing, render } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { type LoadedSearch, loadSearch } from '../search/load';
import type { PassageHit, PlaceHit, SearchEngine, SearchResults } from '../search/query';
import type { Language, Store } from '../state/store';
import { distinctNames } from '../data/names';
import { kindName, searchSummary, t } from '../i18n/locale';
import { emit } from './events';

const LIST_ID = 'atlas-search-list';
const INPUT_ID = 'atlas-search-input';
const FIELD_ID = 'atlas-search-field';
const optionId = (i: number) => `atlas-search-option-${i}`;
const icon = (d: string) => html`<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d=${d} /></svg>`;
const MAGNIFIER = 'M10 3a7 7 0 0 1 5.6 11.2l5 5-1.4 1.4-5-5A7 7 0 1 1 10 3zm0 2a5 5 0 1 0 0 10 5 5 0 0 0 0-10z';

type Option = { type: 'place'; hit: PlaceHit } | { type: 'passage'; hit: PassageHit };

const langAttr = (language: Language) => (language === 'zh' ? 'zh-Hans' : 'en');

function editable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !(el instanceof HTMLElement)) return false;
  return el.isContentEditable || el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;
}

/**
 * @fires atlas-pick - a place was chosen: detail `{ id }`
 * @fires atlas-read - a passage was chosen: detail `{ paragraph }`
 */
@customElement('atlas-search')
export class SearchBox extends LitElement {
  @property() language: Language = 'zh';
  /** on phones: the field is open over the header */
  @property({ type: Boolean, reflect: true }) expanded = false;

  @state() private text = '';
  @state() private results: SearchResults | null = null;
  @state() private open = false;
  /** the option aria-activedescendant names; -1: none yet (Enter then takes the first) */
  @state() private active = -1;
  @state() private loadState: 'idle' | 'loading' | 'ready' | 'failed' = 'idle';
  @state() private announcement = '';
  @state() private focused = false;

  @query(`#${INPUT_ID}`) private input!: HTMLInputElement;

  #engine: SearchEngine | null = null;
  #excerpt: LoadedSearch['excerpt'] | null = null;
  /** where focus was before `/` or Ctrl+K brought it here */
  #returnFocus: HTMLElement | null = null;
  /** phones: the button that opens the field */
  readonly #toggle: HTMLButtonElement = document.createElement('button');

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.#toggle.isConnected) {
      this.#toggle.type = 'button';
      this.#toggle.className = 'search-toggle';
      this.#toggle.setAttribute('aria-controls', FIELD_ID);
      this.#toggle.addEventListener('click', () => void this.focusField());
      render(icon(MAGNIFIER), this.#toggle);
      this.before(this.#toggle);
    }
    document.addEventListener('keydown', this.#onShortcut);
    this.addEventListener('focusout', this.#onFocusOut);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.#onShortcut);
    this.removeEventListener('focusout', this.#onFocusOut);
    this.#toggle.remove();
  }

  /** Focus the field (opening it over the header on phones), its text selected. */
  async focusField(): Promise<void> {
    const active = document.activeElement;
    if (active instanceof HTMLElement && active !== document.body && !this.contains(active)) this.#returnFocus = active;
    this.expanded = true;
    await this.updateComplete;
    this.input.focus();
    this.input.select();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // Names and excerpts follow the interface language.
    if (changed.has('language') && this.text) this.#run();
  }

  protected override updated(): void {
    this.#toggle.setAttribute('aria-label', t(this.language, 'searchOpen'));
    this.#toggle.setAttribute('aria-expanded', String(this.expanded));
    if (this.active >= 0) this.querySelector(`#${optionId(this.active)}`)?.scrollIntoView({ block: 'nearest' });
  }

  get #options(): Option[] {
    if (!this.results) return [];
    return [...this.results.places.map((hit): Option => ({ type: 'place', hit })), ...this.results.passages.map((hit): Option => ({ type: 'passage', hit }))];
  }

  async #ensureEngine(): Promise<SearchEngine | null> {
    if (this.#engine) return this.#engine;
    if (this.loadState === 'idle' || this.loadState === 'failed') this.loadState = 'loading';
    try {
      ({ engine: this.#engine, excerpt: this.#excerpt } = await loadSearch());
      this.loadState = 'ready';
    } catch (err) {
      console.warn(err);
      this.loadState = 'failed';
    }
    return this.#engine;
  }

  #run(): void {
    const engine = this.#engine;
    if (!engine) {
      this.results = null;
      this.open = false;
      if (this.text.trim()) void this.#ensureEngine().then((e) => e && this.#run());
      return;
    }
    const results = engine.search(this.text, { language: this.language });
    this.results = results.query ? results : null;
    this.active = -1;
    const count = this.#options.length;
    this.open = count > 0;
    this.announcement = this.results ? searchSummary(this.language, this.text.trim(), results.places.length, results.passages.length) : '';
  }

  #onInput = (e: Event): void => {
    this.text = (e.target as HTMLInputElement).value;
    this.#run();
  };

  #onFocus = (): void => {
    this.focused = true;
    void this.#ensureEngine();
    if (this.text && this.#options.length > 0) this.open = true;
  };

  #onFocusOut = (e: FocusEvent): void => {
    const next = e.relatedTarget as Node | null;
    if (next && this.contains(next)) return;
    this.focused = false;
    this.open = false;
    this.active = -1;
    this.expanded = false;
  };

  #move(step: 1 | -1): void {
    const n = this.#options.length;
    if (n === 0) return;
    if (!this.open) {
      this.open = true;
      this.active = step === 1 ? 0 : n - 1;
      return;
    }
    if (this.active < 0) this.active = step === 1 ? 0 : n - 1;
    else this.active = (this.active + step + n) % n;
  }

  #onKeydown = (e: KeyboardEvent): void => {
    if (e.isComposing || e.keyCode === 229) return;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        this.#move(1);
        break;
      case 'ArrowUp':
        e.preventDefault();
        this.#move(-1);
        break;
      case 'Enter': {
        const options = this.#options;
        if (!this.open || options.length === 0) return;
        e.preventDefault();
        this.#choose(options[Math.max(0, this.active)] as Option);
        break;
      }
      case 'Escape':
        e.preventDefault();
        if (this.open) {
          this.open = false;
          this.active = -1;
        } else if (this.text) this.#clear();
        else this.#leave();
        break;
      case 'Tab':
        this.open = false;
        this.active = -1;
        break;
      default:
    }
  };

  #onShortcut = (e: KeyboardEvent): void => {
    if (e.defaultPrevented || e.isComposing) return;
    // Hidden (the embedded page has no header), or behind a modal dialog: no shortcut.
    if (this.getClientRects().length === 0 && this.#toggle.getClientRects().length === 0) return;
    if (document.querySelector('dialog[open]')) return;
    const ctrlK = (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k';
    const slash = e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !editable(e.target);
    if (!ctrlK && !slash) return;
    e.preventDefault();
    void this.focusField();
  };

  #clear(): void {
    this.text = '';
    this.results = null;
    this.open = false;
    this.active = -1;
    this.announcement = '';
    this.input.focus();
  }

  /** Leave the field: focus goes back where it came from, or to the button that opened it. */
  #leave(): void {
    const back = this.#returnFocus;
    this.#returnFocus = null;
    const narrow = this.#toggle.offsetParent !== null;
    this.expanded = false;
    this.open = false;
    if (back?.isConnected) back.focus();
    else if (narrow) this.#toggle.focus();
    else this.input.blur();
  }

  #choose(option: Option): void {
    this.open = false;
    this.active = -1;
    this.#returnFocus = null;
    // On phones the field folds away: what opens next returns focus to the search button, not to a
    // hidden field.
    if (this.expanded && this.#toggle.offsetParent) this.#toggle.focus();
    if (option.type === 'place') emit(this, 'atlas-pick', { id: option.hit.place.id });
    else emit(this, 'atlas-read', { paragraph: option.hit.passage.id });
    this.expanded = false;
  }

  #headline(story: string): string {
    return this.#engine?.headline(story, this.language) ?? '';
  }

  /** The places' names in a language, same-named ones told apart by number. */
  #names(places: readonly PlaceHit[], language: Language): string[] {
    return distinctNames(
      places.map(({ place }) => ({ name: place[language], kind: place.kind, n: place.n })),
      language,
    );
  }

  #renderPlace(hit: PlaceHit, i: number, selected: number, names: Record<Language, string[]>) {
    const lang = this.language;
    const other: Language = lang === 'zh' ? 'en' : 'zh';
    const { place } = hit;
    return html`<div role="option" id=${optionId(i)} data-id=${place.id} class="search-option place" aria-selected=${i === selected ? 'true' : 'false'}
      @pointerdown=${(e: Event) => e.preventDefault()} @click=${() => this.#choose({ type: 'place', hit })}>
      <span class="search-name" lang=${langAttr(lang)}>${names[lang][i]}</span>
      <span class="search-second" lang=${langAttr(other)}>${names[other][i]}</span>
      <span class="search-kind">${kindName(place.kind, lang)}</span>
    </div>`;
  }

  #renderPassage(hit: PassageHit, i: number, selected: number) {
    const { before, match, after } = (this.#excerpt as LoadedSearch['excerpt'])(hit);
    const where = hit.passage.kind === 'headline' ? t(this.language, 'searchHeadline') : this.#headline(hit.passage.story);
    return html`<div role="option" id=${optionId(i)} data-id=${hit.passage.id} class="search-option passage" aria-selected=${i === selected ? 'true' : 'false'}
      @pointerdown=${(e: Event) => e.preventDefault()} @click=${() => this.#choose({ type: 'passage', hit })}>
      <span class="search-excerpt" lang=${langAttr(hit.language)}>${before}<mark>${match}</mark>${after}</span>
      <span class="search-where" lang=${langAttr(this.language)}>${where}</span>
    </div>`;
  }

  override render() {
    const lang = this.language;
    const places = this.results?.places ?? [];
    const passages = this.results?.passages ?? [];
    const names = { zh: this.#names(places, 'zh'), en: this.#names(places, 'en') };
    const selected = this.open ? Math.max(0, this.active) : -1;
    let message = '';
    if (this.focused && this.text.trim() && !this.open) {
      if (this.loadState === 'failed') message = t(lang, 'searchFailed');
      else if (this.loadState !== 'ready') message = t(lang, 'searchLoading');
      else if (this.results && places.length + passages.length === 0) message = this.announcement;
    }
    return html`
      <div class="search-field" id=${FIELD_ID} role="search">
        <svg class="search-icon" viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d=${MAGNIFIER} /></svg>
        <input id=${INPUT_ID} type="text" role="combobox" autocomplete="off" autocapitalize="off" spellcheck="false" enterkeyhint="search"
          aria-autocomplete="list" aria-expanded=${this.open ? 'true' : 'false'} aria-controls=${LIST_ID}
          aria-activedescendant=${this.open && this.active >= 0 ? optionId(this.active) : nothing}
          aria-label=${t(lang, 'searchLabel')} aria-keyshortcuts="/ Control+K Meta+K" placeholder=${t(lang, 'searchPlaceholder')}
          .value=${live(this.text)} @input=${this.#onInput} @keydown=${this.#onKeydown} @focus=${this.#onFocus} />
        <button type="button" class="search-clear" aria-label=${t(lang, 'searchClear')} ?hidden=${!this.text} @click=${() => this.#clear()}>
          <svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6L5 6.4z"/></svg>
        </button>
        <button type="button" class="search-collapse" aria-label=${t(lang, 'searchClose')} @click=${() => this.#leave()}>
          <svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M20 11H7.8l5.6-5.6L12 4l-8 8 8 8 1.4-1.4L7.8 13H20z"/></svg>
        </button>
        <div id=${LIST_ID} role="listbox" class="search-list" aria-label=${t(lang, 'searchResults')} ?hidden=${!this.open}>
          ${
            places.length > 0
              ? html`<div role="group" aria-labelledby="atlas-search-group-places">
                <div role="presentation" class="search-group" id="atlas-search-group-places">${t(lang, 'places')}</div>
                ${places.map((hit, i) => this.#renderPlace(hit, i, selected, names))}
              </div>`
              : nothing
          }
          ${
            passages.length > 0
              ? html`<div role="group" aria-labelledby="atlas-search-group-passages">
                <div role="presentation" class="search-group" id="atlas-search-group-passages">${t(lang, 'searchPassages')}</div>
                ${passages.map((hit, i) => this.#renderPassage(hit, places.length + i, selected))}
              </div>`
              : nothing
          }
        </div>
        <div class="search-message" aria-hidden="true" ?hidden=${!message}>${message}</div>
      </div>
      <div class="visually-hidden" role="status">${this.announcement}</div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-search': SearchBox;
  }
}

/** Put the search box in the header's slot; it follows the interface language. */
export function mountSearch(store: Store): SearchBox {
  const box = document.createElement('atlas-search');
  box.language = store.state.language;
  store.subscribe((state) => {
    box.language = state.language;
  });
  document.querySelector('#search-slot')?.append(box);
  return box;
}
