/**
 * Focus, for keyboard and screen-reader users: what opens takes the focus (a feature panel's
 * heading, the passage read, the list's first entry), and when it closes the focus goes back to
 * where the reader came from (a mention, a search result, a chooser, a header button), once the
 * page has laid out again (an element the closed panel covered is focusable only then). Each
 * selection is announced in the one live region.
 */
import { namesFor, t } from '../i18n/locale';
import { type AppState, type Action, type Store, dockView } from '../state/store';
import { deepActiveElement } from '../ui/events';
import type { Shell } from '../ui/shell';
import type { Catalog } from './catalog';

type Opened = 'selection' | 'dock';

/** Whether nothing useful has the focus: the page, or an element that is gone or hidden. */
function focusLost(inside: Element | null): boolean {
  const active = deepActiveElement();
  if (!active || !active.isConnected || !active.checkVisibility()) return true;
  return !!inside && (inside === active || inside.contains(document.activeElement));
}

export class Focus {
  readonly #back: Record<Opened, HTMLElement | null> = { selection: null, dock: null };
  readonly #shell: Shell;

  constructor(store: Store, shell: Shell, catalog: Catalog) {
    this.#shell = shell;
    store.subscribe((state, previous, action) => {
      this.#selection(state, previous, action, catalog);
      if (dockView(state) !== dockView(previous) && !dockView(state)) this.#giveBack('dock', document.querySelector('#dock-host'));
      if (action.type === 'read' && action.at && !action.follow) this.#showPassage(action.at, action.focus ?? false);
    });
  }

  /** Where the focus is now is where it goes back to when `what` closes (the first opener wins). */
  remember(what: Opened): void {
    this.#back[what] ??= deepActiveElement();
  }

  #selection(state: AppState, previous: AppState, action: Action, catalog: Catalog): void {
    if (state.selection === previous.selection) return;
    const place = state.selection ? catalog.places?.get(state.selection) : undefined;
    if (place) {
      if (!previous.selection) this.remember('selection');
      const [name] = namesFor(place.properties, state.language);
      this.#shell.announce(`${t(state.language, 'selected')}: ${name}`);
      if (action.type === 'select' || action.type === 'restore') queueMicrotask(() => void document.querySelector('atlas-feature-panel')?.focusHeading());
    } else if (!state.selection) {
      this.#giveBack('selection', document.querySelector('atlas-feature-panel'));
    }
  }

  #giveBack(what: Opened, closed: Element | null): void {
    const back = this.#back[what];
    this.#back[what] = null;
    void this.#shell.settled().then(() => {
      if (!focusLost(closed)) return;
      if (back?.isConnected && back.checkVisibility()) back.focus();
      else if (what === 'dock') document.querySelector<HTMLElement>('#tour-button, #reader-button')?.focus();
    });
  }

  /** The reader opened at a passage: scroll to it (and focus it) once laid out. */
  #showPassage(at: string, focus: boolean): void {
    void customElements.whenDefined('atlas-reader').then(() => this.#shell.settled().then(() => void document.querySelector('atlas-reader')?.show(at, focus)));
  }
}
