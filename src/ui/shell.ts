/**
 * The page around the map: which panels are open and where (layout.ts), the phone's bottom sheet,
 * what covers the map (the camera frames selections in what is left), when the layout has settled
 * after a change, and the one polite live region.
 */
import type { Padding } from '../map/framing';
import { type LayoutMode, type SheetState, type Side, SHEET_PEEK, coveredPadding, largestCover, layoutFor } from './layout';
import type { Language } from '../state/store';
import { t } from '../i18n/locale';

const SHEETS: SheetState[] = ['peek', 'half', 'full'];

export class Shell {
  readonly main: HTMLElement;
  readonly panels: HTMLElement;
  readonly map: HTMLElement;
  #mode: LayoutMode;
  #sheet: SheetState = 'peek';
  #language: Language = 'zh';
  readonly #listeners = new Set<() => void>();

  constructor() {
    this.main = document.querySelector('#main') as HTMLElement;
    this.panels = document.querySelector('#panels') as HTMLElement;
    this.map = document.querySelector('#map') as HTMLElement;
    this.#mode = layoutFor(window.innerWidth);
    document.body.dataset['layout'] = this.#mode;
    window.addEventListener('resize', () => {
      const mode = layoutFor(window.innerWidth);
      if (mode !== this.#mode) {
        this.#mode = mode;
        document.body.dataset['layout'] = mode;
        this.#changed();
      }
      this.#syncSheetCover();
    });
    // In the next frame, not inside the observer's callback: what #changed() writes (the free
    // area's custom properties) resizes the notices it observes, and WebKit reports such a loop as
    // an error ("ResizeObserver loop completed with undelivered notifications").
    let pending = false;
    const observer = new ResizeObserver(() => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        this.#syncSheetCover();
        this.#changed();
      });
    });
    observer.observe(this.panels);
    // A notice takes room from the map (never from the panels): what it covers changes too.
    const notices = document.querySelector('#notices');
    if (notices) observer.observe(notices);
    this.#wireSheet();
    // Once the sheet has settled at a new height, what it covers has changed.
    this.panels.addEventListener('transitionend', (e) => {
      if (e.target === this.panels && e.propertyName === 'height') this.#changed();
    });
    // A map control opened or closed a panel of its own (the layers).
    this.map.addEventListener('atlas-layout', () => this.#changed());
  }

  /**
   * Resolves once the page has laid out what the latest state change opened or closed: every
   * subscriber of that change has run (they run synchronously, before this microtask), the panels'
   * Lit elements have rendered, the browser has laid out a frame and the sheet has stopped moving.
   * The one way to wait for the layout: the camera and the focus both use it.
   */
  async settled(): Promise<void> {
    await null;
    const elements = [...document.querySelectorAll('atlas-dock, atlas-feature-panel, atlas-reader, atlas-tour, atlas-place-list')];
    await Promise.all(elements.map((el) => (el as Partial<{ updateComplete: Promise<unknown> }>).updateComplete));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    // Reading the style starts any transition the new layout set off, so it can be waited for.
    void getComputedStyle(this.panels).height;
    await Promise.all(this.panels.getAnimations().map((a) => a.finished.catch(() => undefined)));
  }

  get mode(): LayoutMode {
    return this.#mode;
  }

  get sheet(): SheetState {
    return this.#sheet;
  }

  /** Called whenever what covers the map may have changed (panels, the sheet, the window, a map control's panel). */
  onLayout(listener: () => void): void {
    this.#listeners.add(listener);
  }

  #changed(): void {
    this.#syncFreeArea();
    for (const l of this.#listeners) l();
  }

  /**
   * The part of the map nothing covers, as CSS custom properties of <main> (--free-left,
   * --free-right): the notices are laid out inside it, so they never lie over a panel or a control.
   */
  #syncFreeArea(): void {
    const pad = this.#coveredBy(false);
    this.main.style.setProperty('--free-left', `${pad.left}px`);
    this.main.style.setProperty('--free-right', `${pad.right}px`);
  }

  setLanguage(language: Language): void {
    this.#language = language;
    this.#labelHandle();
  }

  /** Which panels are open; on phones, how far the sheet is pulled up. */
  setOpen(open: { dock: boolean; feature: boolean }, sheet?: SheetState): void {
    // Something to read has just opened on its own: the sheet comes up half way to show it.
    const dockOpened = open.dock && !document.body.classList.contains('dock-open');
    if (!sheet && dockOpened && !open.feature && this.#mode === 'narrow') sheet = 'half';
    document.body.classList.toggle('dock-open', open.dock);
    document.body.classList.toggle('feature-open', open.feature);
    const any = open.dock || open.feature;
    document.body.classList.toggle('sheet-open', any && this.#mode === 'narrow');
    if (sheet) this.setSheet(sheet);
    this.#syncSheetCover();
    this.#changed();
  }

  setSheet(sheet: SheetState): void {
    const changed = sheet !== this.#sheet;
    this.#sheet = sheet;
    this.panels.dataset['sheet'] = sheet;
    this.panels.style.removeProperty('--sheet-h');
    this.#labelHandle();
    this.#syncSheetCover();
    // Without a transition (reduced motion) there is no transitionend to wait for.
    if (changed && this.#mode === 'narrow' && window.matchMedia('(prefers-reduced-motion: reduce)').matches) {
      requestAnimationFrame(() => this.#changed());
    }
  }

  #labelHandle(): void {
    const handle = document.querySelector('#sheet-handle');
    handle?.setAttribute('aria-label', t(this.#language, this.#sheet === 'full' ? 'collapseSheet' : 'expandSheet'));
  }

  /** The sheet's handle: drag it, or press it to step peek → half → full → peek. */
  #wireSheet(): void {
    const handle = document.querySelector<HTMLElement>('#sheet-handle');
    if (!handle) return;
    let drag: { y: number; h: number; moved: boolean } | null = null;
    handle.addEventListener('pointerdown', (e) => {
      drag = { y: e.clientY, h: this.panels.getBoundingClientRect().height, moved: false };
      handle.setPointerCapture(e.pointerId);
    });
    handle.addEventListener('pointermove', (e) => {
      if (!drag) return;
      const h = Math.max(SHEET_PEEK / 2, Math.min(this.main.clientHeight - 8, drag.h + drag.y - e.clientY));
      if (Math.abs(e.clientY - drag.y) > 4) drag.moved = true;
      if (drag.moved) {
        this.panels.style.setProperty('--sheet-h', `${h}px`);
        this.panels.style.setProperty('height', `${h}px`);
      }
    });
    const end = () => {
      if (!drag) return;
      const moved = drag.moved;
      drag = null;
      this.panels.style.removeProperty('height');
      if (!moved) return;
      // Snap to the nearest of peek, half and full.
      const h = this.panels.getBoundingClientRect().height;
      const total = this.main.clientHeight;
      const heights: Record<SheetState, number> = { peek: SHEET_PEEK, half: total / 2, full: total - 8 };
      const nearest = SHEETS.reduce((a, b) => (Math.abs(heights[b] - h) < Math.abs(heights[a] - h) ? b : a));
      this.setSheet(nearest);
      handle.dataset['dragged'] = '1';
    };
    handle.addEventListener('pointerup', end);
    handle.addEventListener('pointercancel', end);
    handle.addEventListener('click', () => {
      if (handle.dataset['dragged']) {
        delete handle.dataset['dragged'];
        return;
      }
      this.setSheet(SHEETS[(SHEETS.indexOf(this.#sheet) + 1) % SHEETS.length] as SheetState);
    });
  }

  #syncSheetCover(): void {
    const narrowOpen = this.#mode === 'narrow' && document.body.classList.contains('sheet-open');
    const h = narrowOpen ? Math.round(this.panels.getBoundingClientRect().height) : 0;
    this.map.style.setProperty('--sheet-cover', `${h}px`);
  }

  /** What covers the map now: the open panels, the map's own controls and the notices. */
  covered(): Padding {
    return this.#coveredBy(true);
  }

  #coveredBy(withNotices: boolean): Padding {
    const covers: { el: Element; side: Side }[] = [];
    if (withNotices) for (const el of document.querySelectorAll('#notices atlas-notice')) covers.push({ el, side: 'top' });
    const mapEl = this.map;
    if (this.#mode === 'narrow') covers.push({ el: this.panels, side: 'bottom' });
    else {
      for (const el of this.panels.querySelectorAll('#dock-host, atlas-feature-panel')) covers.push({ el, side: 'left' });
    }
    for (const el of mapEl.querySelectorAll('.maplibregl-ctrl-top-right > .maplibregl-ctrl')) covers.push({ el, side: 'right' });
    for (const el of mapEl.querySelectorAll('.maplibregl-ctrl-bottom-left > .maplibregl-ctrl, .maplibregl-ctrl-bottom-right > .maplibregl-ctrl')) {
      covers.push({ el, side: 'bottom' });
    }
    return coveredPadding(mapEl, covers);
  }

  /** The most the panels can ever cover in this window (with the controls' column). */
  largestCover(): Padding {
    const most = largestCover(this.#mode, this.map.clientHeight);
    return { ...most, right: most.right + (this.#mode === 'narrow' ? 52 : 56), bottom: most.bottom + 24 };
  }

  /** Say something to screen readers, politely (one live region for the whole page). */
  announce(text: string): void {
    const el = document.querySelector('#announcer');
    if (!el) return;
    // Clearing first makes the same text be read again.
    el.textContent = '';
    requestAnimationFrame(() => {
      el.textContent = text;
    });
  }
}
