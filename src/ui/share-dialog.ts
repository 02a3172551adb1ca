/**
 * The share dialog: the link (copy, the system's share sheet, a QR code), the embed code, an image
 * of the map and the visible data. A modal <dialog>: the page behind is inert, Tab stays inside,
 * Escape closes it and focus goes back to the button that opened it.
 *
 * It is built from the state when it opens (nothing behind it can change while it is open) and
 * thrown away when it closes. The heavy parts (lean-qr, the image composer, the data export with
 * its geometry) are fetched only when they are needed.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Places } from '../data/places';
import type { Store } from '../state/store';
import { EMBED_PRESETS, type EmbedPreset, embedCode, embedLink, fileBase, shareLink, sharedState } from '../share/link';
import { saveBlob } from '../share/save';
import { creditsFor } from '../data/credits';
import { namesFor, shareText, t } from './locale';

export interface ShareContext {
  store: Store;
  /** the map, or null without WebGL */
  map: () => MapLibreMap | null;
  /** the light index, once loaded (for the selected feature's name) */
  places: () => Places | null;
  /** the map's attribution lines (may hold links) */
  credits: readonly string[];
}

export interface OpenOptions {
  /** the feature whose panel asked (anything else is ignored) */
  featureId?: unknown;
  /** where focus goes back to */
  opener: HTMLElement | null;
}

let current: HTMLDialogElement | null = null;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> & { className?: string } = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

function plain(html: string): string {
  return new DOMParser().parseFromString(html, 'text/html').body.textContent?.trim() ?? '';
}

const FOCUSABLE = 'button:not([disabled]):not([hidden]), input:not([disabled]), textarea, [tabindex]:not([tabindex="-1"])';

export function openShareDialog(ctx: ShareContext, options: OpenOptions): HTMLDialogElement {
  current?.close();
  const state = sharedState(ctx.store.state, options.featureId);
  const lang = state.language;
  const s = (key: Parameters<typeof shareText>[1]) => shareText(lang, key);
  const base = `${window.location.origin}${window.location.pathname}`;
  const link = shareLink(base, state);
  const name = fileBase(state);
  const place = state.selection ? ctx.places()?.get(state.selection) : undefined;
  const placeName = place ? namesFor(place.properties, lang)[0] : null;
  const fromFeature = typeof options.featureId === 'string' && state.selection === options.featureId;

  const dialog = el('dialog', { className: 'share-dialog', lang: lang === 'zh' ? 'zh-Hans' : 'en' });
  dialog.setAttribute('aria-labelledby', 'share-title');

  // Head
  const title = el('h2', { id: 'share-title' }, fromFeature && placeName ? `${s('shareFeatureTitle')}${placeName}` : s('shareTitle'));
  const close = el('button', { type: 'button', className: 'share-close', title: t(lang, 'close') }, '×');
  close.setAttribute('aria-label', t(lang, 'close'));
  close.addEventListener('click', () => dialog.close());

  // Link
  const linkField = el('input', { type: 'text', readOnly: true, value: link, id: 'share-link', className: 'share-field', spellcheck: false });
  linkField.setAttribute('aria-labelledby', 'share-link-heading');
  linkField.addEventListener('focus', () => linkField.select());
  const linkStatus = el('p', { className: 'share-status', id: 'share-link-status' });
  linkStatus.setAttribute('role', 'status');
  const copy = el('button', { type: 'button', id: 'share-copy', className: 'share-button primary' }, s('copyLink'));
  copy.addEventListener('click', () => void copyText(link, linkField, linkStatus, s));
  const native = el('button', { type: 'button', id: 'share-native', className: 'share-button' }, s('nativeShare'));
  native.hidden = typeof navigator.share !== 'function' || (typeof navigator.canShare === 'function' && !navigator.canShare({ url: link }));
  native.addEventListener('click', () => {
    navigator.share({ title: document.title, url: link }).catch(() => {
      // Cancelled, or refused: the copy button is still there.
    });
  });
  const qr = el('canvas', { id: 'share-qr', className: 'share-qr' });
  qr.setAttribute('role', 'img');
  qr.setAttribute('aria-label', `${s('qrLabel')}: ${link}`);
  const qrStatus = el('p', { className: 'share-status' });
  const linkSection = el(
    'section',
    { className: 'share-section share-link-section' },
    el('h3', { id: 'share-link-heading' }, s('shareLink')),
    el('div', { className: 'share-row' }, linkField, copy),
    el('p', { className: 'share-hint' }, s('linkHint')),
    native,
    linkStatus,
    el('figure', { className: 'share-qr-figure' }, qr, el('figcaption', {}, s('qrCode')), qrStatus),
  );

  // Embed
  const code = el('textarea', { id: 'share-embed-code', className: 'share-field share-code', readOnly: true, rows: 3, spellcheck: false });
  code.setAttribute('aria-labelledby', 'share-embed-code-label');
  const src = embedLink(base, state);
  const frameTitle = `${t('zh', 'title')} ${t('en', 'title')}`;
  const setPreset = (preset: EmbedPreset) => {
    code.value = embedCode(src, preset, frameTitle);
  };
  const presets = el('fieldset', { className: 'share-presets' }, el('legend', {}, s('embedSize')));
  for (const [i, preset] of EMBED_PRESETS.entries()) {
    const radio = el('input', { type: 'radio', name: 'share-embed-size', value: preset.id, checked: i === 0 });
    radio.addEventListener('change', () => setPreset(preset));
    const text = preset.width === '100%' ? s('embedResponsive') : `${preset.width} × ${preset.height}`;
    presets.append(el('label', { className: 'share-choice' }, radio, text));
  }
  setPreset(EMBED_PRESETS[0] as EmbedPreset);
  code.addEventListener('focus', () => code.select());
  const codeStatus = el('p', { className: 'share-status' });
  codeStatus.setAttribute('role', 'status');
  const copyCode = el('button', { type: 'button', id: 'share-copy-code', className: 'share-button' }, s('copyCode'));
  copyCode.addEventListener('click', () => void copyText(code.value, code, codeStatus, s));
  const embedSection = el(
    'section',
    { className: 'share-section share-embed-section' },
    el('h3', {}, s('embed')),
    presets,
    el('label', { id: 'share-embed-code-label', className: 'share-label' }, s('embedCode')),
    code,
    el('div', { className: 'share-row' }, copyCode),
    el('p', { className: 'share-hint' }, s('embedHint')),
    codeStatus,
  );

  // Image
  const map = ctx.map();
  const imageStatus = el('p', { className: 'share-status', id: 'share-image-status' });
  imageStatus.setAttribute('role', 'status');
  const imageButtons = [1, 2].map((scale) => {
    const b = el('button', { type: 'button', className: 'share-button', disabled: !map }, s(scale === 1 ? 'image1x' : 'image2x'));
    b.dataset['scale'] = String(scale);
    b.addEventListener('click', () => void saveImage(scale));
    return b;
  });
  const saveImage = async (scale: number) => {
    const m = ctx.map();
    if (!m) return;
    for (const b of imageButtons) b.disabled = true;
    imageStatus.textContent = s('imageWorking');
    try {
      const { composeImage } = await import('../share/image');
      const blob = await composeImage({
        map: m,
        state,
        scale,
        title: lang === 'zh' ? `${t('zh', 'title')} ${t('en', 'title')}` : `${t('en', 'title')} ${t('zh', 'title')}`,
        titleLines: [t(lang, 'subtitle'), ...(placeName ? [`${s('selectedIs')}${placeName}`] : [])],
        credits: creditsFor(lang).map(plain).filter((c) => c !== ''),
        creditsLabel: `${t(lang, 'mapData')}: `,
      });
      const file = `${name}${scale === 1 ? '' : `@${scale}x`}.png`;
      saveBlob(blob, file);
      imageStatus.textContent = `${s('imageDone')}${file}`;
    } catch (err) {
      console.warn('share image:', err);
      imageStatus.textContent = `${s('imageFailed')}${err instanceof Error ? err.message : String(err)}`;
    } finally {
      for (const b of imageButtons) b.disabled = false;
    }
  };
  const imageSection = el(
    'section',
    { className: 'share-section' },
    el('h3', {}, s('image')),
    el('p', { className: 'share-hint' }, map ? s('imageHint') : s('noMapImage')),
    el('div', { className: 'share-row' }, ...imageButtons),
    imageStatus,
  );

  // Data
  const dataStatus = el('p', { className: 'share-status', id: 'share-data-status' });
  dataStatus.setAttribute('role', 'status');
  const dataButton = el('button', { type: 'button', id: 'share-data', className: 'share-button' }, s('dataButton'));
  dataButton.addEventListener('click', async () => {
    dataButton.disabled = true;
    dataStatus.textContent = s('dataWorking');
    try {
      const [{ exportVisible }, { viewPolygon }] = await Promise.all([import('../share/data'), import('../share/visible')]);
      const m = ctx.map();
      let view = null;
      if (m) {
        const c = m.getCanvas();
        const corners = [
          [0, 0],
          [c.clientWidth, 0],
          [c.clientWidth, c.clientHeight],
          [0, c.clientHeight],
        ].map(([x, y]) => m.unproject([x as number, y as number]).toArray() as [number, number]);
        view = viewPolygon(corners);
      }
      const collection = await exportVisible(state, view, link);
      const file = `${name}.geojson`;
      saveBlob(new Blob([JSON.stringify(collection)], { type: 'application/geo+json' }), file);
      dataStatus.textContent = `${s('dataDone').replace('{n}', String(collection.features.length))}${file}`;
    } catch (err) {
      console.warn('share data:', err);
      dataStatus.textContent = `${s('dataFailed')}${err instanceof Error ? err.message : String(err)}`;
    } finally {
      dataButton.disabled = false;
    }
  });
  const dataSection = el(
    'section',
    { className: 'share-section' },
    el('h3', {}, s('data')),
    el('p', { className: 'share-hint' }, s('dataHint')),
    el('div', { className: 'share-row' }, dataButton),
    dataStatus,
  );

  dialog.append(
    el('div', { className: 'share-head' }, title, close),
    el('div', { className: 'share-body' }, linkSection, embedSection, imageSection, dataSection),
  );

  // Tab and Shift+Tab go round inside the dialog, never out to the page or the browser.
  dialog.addEventListener('keydown', (e) => {
    if (e.key !== 'Tab') return;
    const items = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((x) => x.offsetParent !== null || x === document.activeElement);
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
  });
  // A click on the backdrop (outside the box) closes, as Escape does.
  dialog.addEventListener('click', (e) => {
    if (e.target !== dialog) return;
    const r = dialog.getBoundingClientRect();
    if (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom) dialog.close();
  });
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (current === dialog) current = null;
    const back = options.opener;
    if (back?.isConnected) back.focus();
  });

  document.body.append(dialog);
  current = dialog;
  dialog.showModal();
  copy.focus();

  void import('../share/qr')
    .then(({ drawQr }) => drawQr(qr, link))
    .catch((err: unknown) => {
      console.warn('share QR:', err);
      qrStatus.textContent = s('qrFailed');
    });
  return dialog;
}

async function copyText(text: string, field: HTMLInputElement | HTMLTextAreaElement, status: HTMLElement, s: (key: 'copied' | 'copyFailed') => string): Promise<void> {
  status.textContent = '';
  try {
    if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    status.textContent = s('copied');
  } catch {
    // The fallback: the text is selected in its field, ready for the keyboard's copy.
    field.focus();
    field.select();
    status.textContent = s('copyFailed');
  }
}
