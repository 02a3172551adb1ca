/**
 * Listen in the page: the control in the reader's and the tour's headers, the reader following the
 * voice (the sentence marked, `read=` moving along), the map framing and lighting each place as it
 * is named. Where the browser has no speech at all, nothing is added.
 *
 * Where it meets the rest of the app (all of it here):
 * - elements: an `atlas-listen` appended to `atlas-reader` and to `atlas-tour` in slot "listen";
 *   `atlas-reader.speaking` marks the sentence being read;
 * - store: reads `language`, `reading`, `chapter`, `selection`; dispatches
 *   `{ type: 'read', at, follow: true }` as paragraphs go by and `set-language` when the reader
 *   takes the other language's voice;
 * - map: the place named is lit through the store (`highlight`) and framed by the camera's
 *   director (`hooks.frame`, which waits for the layout like every other camera move);
 * - it stops when the reader and the tour are both closed, the tour changes chapter, or anything
 *   selects a place (another control has taken over the map); a change of language goes on in
 *   the new language at the same paragraph.
 */
import { featuresOfMention, plainHeadline } from '../article/passages';
import type { Article, Language } from '../article/types';
import { t } from '../i18n/locale';
import { Listen, type ListenEvent } from '../listen/controller';
import { type SpokenItem, sequence } from '../listen/sequence';
import type { SynthLike, UtteranceLike } from '../listen/synth';
import type { AppState, Store } from '../state/store';
import { CHAPTERS } from '../tour/chapters';
import { type ListenCommand, type ListenControl } from '../ui/listen-control';
import '../ui/listen-control';
import type { Catalog } from './catalog';

export interface ListenHooks {
  /** bring a feature into the part of the map the panels leave free (eased, instant under reduced motion); none without a map */
  frame(id: string): void;
}

/** How long to wait for the browser to list its voices before saying it has none for a language. */
const VOICES_GRACE_MS = 1500;

const other = (language: Language): Language => (language === 'zh' ? 'en' : 'zh');

export function wireListen(store: Store, data: Catalog, hooks: ListenHooks): void {
  const synth = (window as { speechSynthesis?: SpeechSynthesis }).speechSynthesis;
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return;
  const source =
    (only?: readonly string[]) =>
    (language: Language): SpokenItem[] =>
      data.article ? sequence(data.article, language, { cutOffNote: t(language, 'truncated'), ...(only ? { only } : {}) }) : [];
  const listen = new Listen({
    synth: synth as unknown as SynthLike,
    makeUtterance: (text) => new SpeechSynthesisUtterance(text) as unknown as UtteranceLike,
    source: source(),
  });
  const controls = [mount('atlas-reader'), mount('atlas-tour')];
  let error: string | null = null;
  // Browsers list their voices only after a first request (Chrome fires voiceschanged then): until
  // they have, or a moment has passed, no voice is not yet a reason to say there is none.
  let voicesKnown = synth.getVoices().length > 0;
  const known = () => {
    voicesKnown = true;
    render();
  };
  setTimeout(known, VOICES_GRACE_MS);

  const render = () => {
    const language = store.state.language;
    for (const c of controls) {
      c.language = language;
      c.state = listen.state;
      c.voice = !voicesKnown || listen.hasVoice(language);
      c.other = listen.hasVoice(other(language));
      c.rate = listen.rate;
      c.error = error;
    }
  };
  const play = () => {
    const { chapter, reading, language } = store.state;
    const tour = chapter ? CHAPTERS.find((c) => c.id === chapter) : undefined;
    error = null;
    listen.play(language, tour ? null : reading, source(tour?.passages));
  };
  const commands: Record<ListenCommand, (rate?: number) => void> = {
    play,
    pause: () => listen.pause(),
    resume: () => listen.resume(),
    stop: () => listen.stop(),
    next: () => listen.next(),
    previous: () => listen.previous(),
    rate: (rate) => rate && listen.setRate(rate),
    'other-language': () => {
      store.dispatch({ type: 'set-language', language: other(store.state.language) });
      play();
    },
  };
  for (const c of controls) {
    c.addEventListener('atlas-listen-command', (e) => {
      const { command, rate } = e.detail;
      commands[command](rate);
      render();
    });
  }

  listen.on((e) => {
    follow(e);
    if (e.type === 'error' && e.error !== 'no-voice') {
      // The reader is told in words; the engine's own code is for whoever debugs it.
      console.warn(`listen: ${e.error}`);
      error = e.error;
    }
    if (e.type === 'error' && e.error === 'no-voice') voicesKnown = true;
    if (e.type === 'state' || e.type === 'error') render();
  });
  const follow = following(store, data, hooks);

  // Only a language switch and a take-over concern what is being read; most changes (a move, a
  // pointer over a name) do not.
  store.subscribe((state, previous) => {
    if (state.language !== previous.language) {
      listen.setLanguage(state.language);
      render();
    }
    if (listen.paragraph && takenOver(state, previous)) listen.stop();
  });
  synth.addEventListener?.('voiceschanged', known);
  mediaSession(listen, () => currentHeadline(data.article, listen.paragraph, store.state.language));
  render();
}

/** What the reader and the map do as the voice goes on. */
function following(store: Store, data: Catalog, hooks: ListenHooks): (e: ListenEvent) => void {
  let lit = false;
  return (e) => {
    const reader = document.querySelector('atlas-reader');
    if (e.type === 'paragraph' && store.state.reading) store.dispatch({ type: 'read', at: e.id, follow: true });
    if (e.type === 'sentence' && reader) reader.speaking = { paragraph: e.paragraph, start: e.start, end: e.end };
    if (e.type === 'mention' && data.article && data.places) {
      const places = data.places;
      const ids = featuresOfMention(data.article, e.key).filter((id) => places.has(id));
      if (ids.length === 0) return;
      store.dispatch({ type: 'highlight', ids });
      lit = true;
      // One place is framed; a name standing for several (六江, 成德眉资) lights them all where they are.
      if (ids.length === 1) hooks.frame(ids[0] as string);
    }
    if (e.type === 'state' && (e.state === 'idle' || e.state === 'unavailable')) {
      if (reader) reader.speaking = null;
      if (lit) store.dispatch({ type: 'highlight', ids: [] });
      lit = false;
    }
  };
}

/** Whether something else now has the reader or the map: Listen makes way. */
function takenOver(state: AppState, previous: AppState): boolean {
  if (!state.reading && !state.chapter) return true;
  return state.chapter !== previous.chapter || state.selection !== previous.selection;
}

function mount(host: 'atlas-reader' | 'atlas-tour'): ListenControl {
  const control = document.createElement('atlas-listen');
  control.slot = 'listen';
  document.querySelector(host)?.append(control);
  return control;
}

function currentHeadline(article: Article | null, at: string | null, language: Language): string {
  const story = article?.stories.find((s) => s.id === at || s.paragraphs.some((p) => p.id === at));
  return story ? plainHeadline(story.headline[language]) : t(language, 'title');
}

/** The lock screen's and the media keys' controls, where the browser has them. */
function mediaSession(listen: Listen, title: () => string): void {
  const session = (navigator as { mediaSession?: MediaSession }).mediaSession;
  if (!session) return;
  const handlers: [MediaSessionAction, (() => void) | null][] = [
    ['play', () => listen.resume()],
    ['pause', () => listen.pause()],
    ['previoustrack', () => listen.previous()],
    ['nexttrack', () => listen.next()],
    ['stop', () => listen.stop()],
  ];
  listen.on((e) => {
    if (e.type !== 'state' && e.type !== 'paragraph') return;
    const active = listen.state === 'playing' || listen.state === 'paused';
    for (const [action, run] of handlers) {
      try {
        session.setActionHandler(action, active ? run : null);
      } catch {
        // An action this browser does not know: the others still work.
      }
    }
    session.playbackState = listen.state === 'playing' ? 'playing' : listen.state === 'paused' ? 'paused' : 'none';
    if (typeof MediaMetadata !== 'undefined') session.metadata = active ? new MediaMetadata({ title: title(), artist: t(listen.language, 'title') }) : null;
  });
}
