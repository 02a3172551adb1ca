/**
 * The share dialog: the link (copy, the system's share sheet, a QR code), the embed code, an image
 * of the map and the visible data. A modal <dialog>: the page behind is inert, Tab stays inside,
 * Escape closes it and focus goes back to the button that opened it.
 *
 * It is built from the state when it opens (nothing behind it can change while it is open) and
 * thrown away when it closes. The heavy parts (lean-qr, the image composer, the data export with
 * its geometry) are fetched only when they are needed. Rendered by Lit into the light DOM, so the
 * page's stylesheet and the tests see it as part of the page.
 */
import { LitElement, html } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Places } from '../data/places';
import { type ShareStringKey, langAttribute, namesFor, shareText, t } from '../i18n/locale';
import { EMBED_PRESETS, type EmbedPreset, embedCode, embedLink, fileBase, shareLink, sharedState } from '../share/link';
import { saveBlob } from '../share/save';
import type { AppState, Store } from '../state/store';
import { creditsFor } from '../data/credits';

export interface ShareContext {
  store: Store;
  /** the map, or null without WebGL */
  map: () => MapLibreMap | null;
  /** the light index, once loaded (for the selected feature's name) */
  places: () => Places | null;
}

export interface OpenOptions {
  /** the feature whose panel asked (anything else is ignored) */
  featureId?: unknown;
  /** where focus goes back to */
  opener: HTMLElement | null;
}

const FOCUSABLE = 'button:not([disabled]):not([hidden]), input:not([disabled]), textarea, [tabindex]:not([tabindex="-1"])';

function plain(markup: string): string {
  return new DOMParser().parseFromString(markup, 'text/html').body.textContent?.trim() ?? '';
}

/** The four corners of what the map shows, as [lng, lat]. */
function viewCorners(m: MapLibreMap): [number, number][] {
  const c = m.getCanvas();
  return [
    [0, 0],
    [c.clientWidth, 0],
    [c.clientWidth, c.clientHeight],
    [0, c.clientHeight],
  ].map(([x, y]) => m.unproject([x as number, y as number]).toArray() as [number, number]);
}

@customElement('atlas-share-dialog')
export class ShareDialog extends LitElement {
  context!: ShareContext;
  options: OpenOptions = { opener: null };
  @state() private status: Record<'link' | 'code' | 'image' | 'data' | 'qr', string> = { link: '', code: '', image: '', data: '', qr: '' };
  @state() private preset: EmbedPreset = EMBED_PRESETS[0] as EmbedPreset;
  @state() private busy: { image: boolean; data: boolean } = { image: false, data: false };
  @query('dialog') dialog!: HTMLDialogElement;
  #state!: AppState;
  #base = `${window.location.origin}${window.location.pathname}`;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#state = sharedState(this.context.store.state, this.options.featureId);
  }

  get #lang() {
    return this.#state.language;
  }

  #s(key: ShareStringKey): string {
    return shareText(this.#lang, key);
  }

  get #link(): string {
    return shareLink(this.#base, this.#state);
  }

  get #placeName(): string | null {
    const id = this.#state.selection;
    const place = id ? this.context.places()?.get(id) : undefined;
    return place ? namesFor(place.properties, this.#lang)[0] : null;
  }

  #say(part: keyof ShareDialog['status'], text: string): void {
    this.status = { ...this.status, [part]: text };
  }

  override render() {
    const lang = this.#lang;
    const fromFeature = typeof this.options.featureId === 'string' && this.#state.selection === this.options.featureId;
    const title = fromFeature && this.#placeName ? `${this.#s('shareFeatureTitle')}${this.#placeName}` : this.#s('shareTitle');
    return html`<dialog class="share-dialog" lang=${langAttribute(lang)} aria-labelledby="share-title" @keydown=${this.#trapTab} @click=${this.#backdrop} @close=${this.#closed}>
      <div class="share-head">
        <h2 id="share-title">${title}</h2>
        <button type="button" class="share-close" title=${t(lang, 'close')} aria-label=${t(lang, 'close')} @click=${() => this.dialog.close()}>×</button>
      </div>
      <div class="share-body">${this.#linkSection()} ${this.#embedSection()} ${this.#imageSection()} ${this.#dataSection()}</div>
    </dialog>`;
  }

  #linkSection() {
    const link = this.#link;
    const canShare = typeof navigator.share === 'function' && (typeof navigator.canShare !== 'function' || navigator.canShare({ url: link }));
    return html`<section class="share-section share-link-section">
      <h3 id="share-link-heading">${this.#s('shareLink')}</h3>
      <div class="share-row">
        <input type="text" readonly .value=${link} id="share-link" class="share-field" spellcheck="false" aria-labelledby="share-link-heading" @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
        <button type="button" id="share-copy" class="share-button primary" @click=${() => void this.#copy(link, '#share-link', 'link')}>${this.#s('copyLink')}</button>
      </div>
      <p class="share-hint">${this.#s('linkHint')}</p>
      <button type="button" id="share-native" class="share-button" ?hidden=${!canShare} @click=${this.#nativeShare}>${this.#s('nativeShare')}</button>
      <p class="share-status" id="share-link-status" role="status">${this.status.link}</p>
      <figure class="share-qr-figure">
        <canvas id="share-qr" class="share-qr" role="img" aria-label="${this.#s('qrLabel')}: ${link}"></canvas>
        <figcaption>${this.#s('qrCode')}</figcaption>
        <p class="share-status">${this.status.qr}</p>
      </figure>
    </section>`;
  }

  #embedSection() {
    const code = embedCode(embedLink(this.#base, this.#state), this.preset, `${t('zh', 'title')} ${t('en', 'title')}`);
    return html`<section class="share-section share-embed-section">
      <h3>${this.#s('embed')}</h3>
      <fieldset class="share-presets">
        <legend>${this.#s('embedSize')}</legend>
        ${EMBED_PRESETS.map(
          (preset) =>
            html`<label class="share-choice"
              ><input type="radio" name="share-embed-size" value=${preset.id} .checked=${preset === this.preset} @change=${() => (this.preset = preset)} />${
                preset.width === '100%' ? this.#s('embedResponsive') : `${preset.width} × ${preset.height}`
              }</label
            >`,
        )}
      </fieldset>
      <label id="share-embed-code-label" class="share-label">${this.#s('embedCode')}</label>
      <textarea id="share-embed-code" class="share-field share-code" readonly rows="3" spellcheck="false" aria-labelledby="share-embed-code-label" .value=${code} @focus=${(e: Event) => (e.target as HTMLTextAreaElement).select()}></textarea>
      <div class="share-row"><button type="button" id="share-copy-code" class="share-button" @click=${() => void this.#copy(code, '#share-embed-code', 'code')}>${this.#s('copyCode')}</button></div>
      <p class="share-hint">${this.#s('embedHint')}</p>
      <p class="share-status" role="status">${this.status.code}</p>
    </section>`;
  }

  #imageSection() {
    const map = this.context.map();
    return html`<section class="share-section">
      <h3>${this.#s('image')}</h3>
      <p class="share-hint">${map ? this.#s('imageHint') : this.#s('noMapImage')}</p>
      <div class="share-row">
        ${[1, 2].map(
          (scale) =>
            html`<button type="button" class="share-button" data-scale=${scale} ?disabled=${!map || this.busy.image} @click=${() => void this.#saveImage(scale)}>
              ${this.#s(scale === 1 ? 'image1x' : 'image2x')}
            </button>`,
        )}
      </div>
      <p class="share-status" id="share-image-status" role="status">${this.status.image}</p>
    </section>`;
  }

  #dataSection() {
    return html`<section class="share-section">
      <h3>${this.#s('data')}</h3>
      <p class="share-hint">${this.#s('dataHint')}</p>
      <div class="share-row"><button type="button" id="share-data" class="share-button" ?disabled=${this.busy.data} @click=${() => void this.#saveData()}>${this.#s('dataButton')}</button></div>
      <p class="share-status" id="share-data-status" role="status">${this.status.data}</p>
    </section>`;
  }

  protected override firstUpdated(): void {
    this.dialog.showModal();
    this.querySelector<HTMLElement>('#share-copy')?.focus();
    const qr = this.querySelector<HTMLCanvasElement>('#share-qr');
    void import('../share/qr')
      .then(({ drawQr }) => qr && drawQr(qr, this.#link))
      .catch((err: unknown) => {
        console.warn('share QR:', err);
        this.#say('qr', this.#s('qrFailed'));
      });
  }

  #nativeShare(): void {
    navigator.share({ title: document.title, url: this.#link }).catch(() => {
      // Cancelled, or refused: the copy button is still there.
    });
  }

  async #copy(text: string, fieldSelector: string, part: 'link' | 'code'): Promise<void> {
    this.#say(part, '');
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      this.#say(part, this.#s('copied'));
    } catch {
      // The fallback: the text is selected in its field, ready for the keyboard's copy.
      const field = this.querySelector<HTMLInputElement | HTMLTextAreaElement>(fieldSelector);
      field?.focus();
      field?.select();
      this.#say(part, this.#s('copyFailed'));
    }
  }

  async #saveImage(scale: number): Promise<void> {
    const m = this.context.map();
    if (!m) return;
    const lang = this.#lang;
    this.busy = { ...this.busy, image: true };
    this.#say('image', this.#s('imageWorking'));
    try {
      const { composeImage } = await import('../share/image');
      const placeName = this.#placeName;
      const blob = await composeImage({
        map: m,
        state: this.#state,
        scale,
        title: lang === 'zh' ? `${t('zh', 'title')} ${t('en', 'title')}` : `${t('en', 'title')} ${t('zh', 'title')}`,
        titleLines: [t(lang, 'subtitle'), ...(placeName ? [`${this.#s('selectedIs')}${placeName}`] : [])],
        credits: creditsFor(lang)
          .map(plain)
          .filter((c) => c !== ''),
        creditsLabel: `${t(lang, 'mapData')}: `,
      });
      const file = `${fileBase(this.#state)}${scale === 1 ? '' : `@${scale}x`}.png`;
      saveBlob(blob, file);
      this.#say('image', `${this.#s('imageDone')}${file}`);
    } catch (err) {
      console.warn('share image:', err);
      this.#say('image', `${this.#s('imageFailed')}${err instanceof Error ? err.message : String(err)}`);
    } finally {
      this.busy = { ...this.busy, image: false };
    }
  }

  async #saveData(): Promise<void> {
    this.busy = { ...this.busy, data: true };
    this.#say('data', this.#s('dataWorking'));
    try {
      const [{ exportVisible }, { viewPolygon }] = await Promise.all([import('../share/data'), import('../share/visible')]);
      const m = this.context.map();
      const collection = await exportVisible(this.#state, m ? viewPolygon(viewCorners(m)) : null, this.#link);
      const file = `${fileBase(this.#state)}.geojson`;
      saveBlob(new Blob([JSON.stringify(collection)], { type: 'application/geo+json' }), file);
      this.#say('data', `${this.#s('dataDone').replace('{n}', String(collection.features.length))}${file}`);
    } catch (err) {
      console.warn('share data:', err);
      this.#say('data', `${this.#s('dataFailed')}${err instanceof Error ? err.message : String(err)}`);
    } finally {
      this.busy = { ...this.busy, data: false };
    }
  }

  /** Tab and Shift+Tab go round inside the dialog, never out to the page or the browser. */
  #trapTab(e: KeyboardEvent): void {
    if (e.key !== 'Tab') return;
    const items = [...this.dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((x) => x.offsetParent !== null || x === document.activeElement);
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  }

  /** A click on the backdrop (outside the box) closes, as Escape does. */
  #backdrop(e: MouseEvent): void {
    if (e.target !== this.dialog) return;
    const r = this.dialog.getBoundingClientRect();
    if (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom) this.dialog.close();
  }

  #closed(): void {
    this.remove();
    if (current === this) current = null;
    const back = this.options.opener;
    if (back?.isConnected) back.focus();
  }
}

let current: ShareDialog | null = null;

export function openShareDialog(context: ShareContext, options: OpenOptions): ShareDialog {
  current?.dialog?.close();
  const dialog = document.createElement('atlas-share-dialog');
  dialog.context = context;
  dialog.options = options;
  document.body.append(dialog);
  current = dialog;
  return dialog;
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-share-dialog': ShareDialog;
  }
}
