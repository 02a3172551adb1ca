/**
 * The events the page's elements send up to the controllers (src/app/panel-events.ts), typed once
 * here: a listener gets its detail without a cast, and an element cannot send a misspelt one.
 * All bubble and cross shadow roots (composed).
 */
import type { DockView } from '../state/store';

/** What the Listen control asks for (src/app/listen.ts carries it out). */
export type ListenCommand = 'play' | 'pause' | 'resume' | 'stop' | 'next' | 'previous' | 'rate' | 'other-language';

export interface AtlasEvents {
  /** the feature panel's close button */
  'atlas-close': null;
  /** a share button: the feature's own (id) or the page's */
  'atlas-share': { id?: string };
  /** "read in context": open the reader at a paragraph */
  'atlas-read': { paragraph: string };
  /** a place chosen from a list, a search or a chooser */
  'atlas-pick': { id: string };
  /** a tab of the dock */
  'atlas-dock-view': { view: DockView };
  'atlas-dock-close': null;
  /** the reader's contents: go to a story */
  'atlas-goto': { at: string };
  /** the reader scrolled: this passage is now the one at the top */
  'atlas-reading': { at: string };
  /** a name in the text pointed at (null: no longer) */
  'atlas-mention-hover': { key: string | null };
  /** a name in the text pressed */
  'atlas-mention': { key: string; paragraph: string };
  'atlas-tour-go': { id: string };
  'atlas-tour-leave': null;
  'atlas-tour-read': { paragraph: string };
  /** the update notice's Reload */
  'atlas-reload': null;
  /** a notice closed */
  'atlas-dismiss': { id: number };
  /** a map control opened or closed a panel of its own (the layers): what covers the map changed */
  'atlas-layout': null;
  /** a button of the Listen control */
  'atlas-listen-command': { command: ListenCommand; rate?: number };
}

export type AtlasEventName = keyof AtlasEvents;

declare global {
  interface HTMLElementEventMap {
    'atlas-close': CustomEvent<AtlasEvents['atlas-close']>;
    'atlas-share': CustomEvent<AtlasEvents['atlas-share']>;
    'atlas-read': CustomEvent<AtlasEvents['atlas-read']>;
    'atlas-pick': CustomEvent<AtlasEvents['atlas-pick']>;
    'atlas-dock-view': CustomEvent<AtlasEvents['atlas-dock-view']>;
    'atlas-dock-close': CustomEvent<AtlasEvents['atlas-dock-close']>;
    'atlas-goto': CustomEvent<AtlasEvents['atlas-goto']>;
    'atlas-reading': CustomEvent<AtlasEvents['atlas-reading']>;
    'atlas-mention-hover': CustomEvent<AtlasEvents['atlas-mention-hover']>;
    'atlas-mention': CustomEvent<AtlasEvents['atlas-mention']>;
    'atlas-tour-go': CustomEvent<AtlasEvents['atlas-tour-go']>;
    'atlas-tour-leave': CustomEvent<AtlasEvents['atlas-tour-leave']>;
    'atlas-tour-read': CustomEvent<AtlasEvents['atlas-tour-read']>;
    'atlas-reload': CustomEvent<AtlasEvents['atlas-reload']>;
    'atlas-dismiss': CustomEvent<AtlasEvents['atlas-dismiss']>;
    'atlas-layout': CustomEvent<AtlasEvents['atlas-layout']>;
    'atlas-listen-command': CustomEvent<AtlasEvents['atlas-listen-command']>;
  }
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merging adds the page's events to document listeners
  interface DocumentEventMap extends Pick<HTMLElementEventMap, AtlasEventName> {}
}

/** Send one of the page's events from an element: bubbling, across shadow roots. */
export function emit<K extends AtlasEventName>(from: EventTarget, type: K, detail: AtlasEvents[K]): void {
  from.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
}

/** What really has the focus, inside open shadow roots too (a list entry, not the list's host). */
export function deepActiveElement(): HTMLElement | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el instanceof HTMLElement && el !== document.body ? el : null;
}
