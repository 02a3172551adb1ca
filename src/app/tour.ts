/**
 * The guided tour's controller: starting it (the header's button), moving between chapters (the
 * panel's buttons and links; ← and → are in keys.ts) and leaving it. A chapter is data
 * (tour/chapters.ts); what it does to the state is tour/chapters.ts's `layerActions`; the map's
 * emphasis and camera follow from the state (map/emphasis.ts, app/camera.ts).
 */
import { t } from '../i18n/locale';
import { type Store, initialState, isDefaultView } from '../state/store';
import { formatHash } from '../state/url';
import { CHAPTERS, type Chapter, chapterById, layerActions } from '../tour/chapters';
import type { Shell } from '../ui/shell';
import type { Focus } from './focus';

export class Tour {
  readonly #store: Store;
  readonly #shell: Shell;
  readonly #focus: Focus;
  /** the chapter the reader was last at: the header's button resumes there */
  #last: string | null;
  /** a link named a chapter and nothing of the view: the chapter is shown as the tour shows it */
  #openedBare: boolean;

  constructor(store: Store, shell: Shell, focus: Focus) {
    this.#store = store;
    this.#shell = shell;
    this.#focus = focus;
    this.#last = chapterById(store.state.chapter)?.id ?? null;
    this.#openedBare = store.state.chapter !== null && isDefaultView(store.state.view) && store.state.hidden.length === 0;
    store.subscribe((state, previous) => {
      if (state.chapter && chapterById(state.chapter)) this.#last = state.chapter;
      // An edited address or a stale history entry.
      else if (state.chapter !== previous.chapter) queueMicrotask(() => this.dropUnknownChapter());
    });
    document.querySelector('#tour-button')?.addEventListener('click', () => (store.state.chapter ? this.leave() : this.start()));
    document.addEventListener('atlas-tour-go', (e) => this.go(e.detail.id));
    document.addEventListener('atlas-tour-leave', () => this.leave());
    document.addEventListener('atlas-tour-read', (e) => store.dispatch({ type: 'read', at: e.detail.paragraph, focus: true }));
  }

  /** Start the tour at its first chapter, or where the reader left it. */
  start(): void {
    this.#focus.remember('dock');
    this.go(this.#last ?? (CHAPTERS[0] as Chapter).id, { focus: true });
  }

  /** Show a chapter: the tour action, then its layers (its emphasis and camera follow from the state). */
  go(id: string, options: { focus?: boolean } = {}): void {
    const chapter = chapterById(id);
    if (!chapter) return;
    this.#store.dispatch({ type: 'tour', chapter: chapter.id });
    for (const action of layerActions(this.#store.state.hidden, chapter)) this.#store.dispatch(action);
    const lang = this.#store.state.language;
    this.#shell.announce(`${this.progress(chapter)}: ${chapter.title[lang]}`);
    if (options.focus) void customElements.whenDefined('atlas-tour').then(() => document.querySelector('atlas-tour')?.focusHeading());
  }

  /** Leave the tour: the map stays as it is, with whatever is selected. */
  leave(): void {
    this.#store.dispatch({ type: 'tour', chapter: null });
  }

  progress(chapter: Chapter): string {
    return t(this.#store.state.language, 'tourProgress')
      .replace('{n}', String(CHAPTERS.indexOf(chapter) + 1))
      .replace('{total}', String(CHAPTERS.length));
  }

  /** The data is in: a chapter a link opened bare is shown as the tour shows it (its layers and its camera). */
  dataLoaded(frame: (chapter: Chapter) => void): void {
    const chapter = chapterById(this.#store.state.chapter);
    if (!chapter || !this.#openedBare) return;
    this.#openedBare = false;
    for (const action of layerActions(this.#store.state.hidden, chapter)) this.#store.dispatch(action);
    frame(chapter);
  }

  /** A link to a chapter that does not exist: say so, and show the page without it. */
  dropUnknownChapter(): void {
    const s = this.#store.state;
    if (s.chapter === null || chapterById(s.chapter)) return;
    this.#store.dispatch({ type: 'notice', key: 'unknownChapter', detail: s.chapter });
    this.#store.dispatch({ type: 'restore', state: { ...s, chapter: null } });
  }
}

/** A chapter's own link: the opening view, the chapter and the language, so it opens as the tour shows it. */
export function chapterHref(store: Store): (id: string) => string {
  return (id) => formatHash({ ...initialState(), language: store.state.language, chapter: id });
}
