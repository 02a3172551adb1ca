/**
 * Listen's state machine: speaks a sequence (sequence.ts) one sentence at a time through a
 * synthesizer with the `speechSynthesis` interface, and says what it is saying: the paragraph, the
 * sentence, each place as it is named. No DOM: src/app/listen.ts connects it to the page.
 *
 * One utterance per sentence, because the sentence being read is marked from the utterance's own
 * start, whatever the engine reports, and because engines stop long utterances (Chrome after about
 * fifteen seconds). Pause cancels and resume says the sentence again from its start: the engines'
 * own pause is unreliable (on Android it ends the utterance).
 */
import type { Language } from '../article/types';
import type { SpokenItem, Utterance } from './sequence';
import { type Clock, type SynthLike, type UtteranceLike, chooseVoice, systemClock } from './synth';

export type ListenState = 'unavailable' | 'idle' | 'playing' | 'paused';

export type ListenEvent =
  | { type: 'state'; state: ListenState }
  | { type: 'paragraph'; id: string }
  | { type: 'sentence'; paragraph: string; index: number; start: number; end: number }
  | { type: 'mention'; key: string; paragraph: string }
  | { type: 'ended' }
  | { type: 'error'; error: string };

/** Characters said per second at rate 1, to place mentions in time where the engine gives no word boundaries. */
const CHARS_PER_SECOND: Record<Language, number> = { zh: 4.5, en: 14 };

export const RATES = [0.75, 1, 1.25, 1.5, 2] as const;

export interface ListenOptions {
  synth: SynthLike | null;
  makeUtterance: (text: string) => UtteranceLike;
  /** the sequence for a language (the page, or a tour chapter's passages) */
  source: (language: Language) => SpokenItem[];
  clock?: Clock;
}

export class Listen {
  readonly #synth: SynthLike | null;
  readonly #make: (text: string) => UtteranceLike;
  readonly #clock: Clock;
  #source: (language: Language) => SpokenItem[];
  readonly #listeners = new Set<(e: ListenEvent) => void>();
  #state: ListenState;
  #language: Language = 'zh';
  #items: SpokenItem[] = [];
  #item = 0;
  #sentence = 0;
  #rate = 1;
  /** bumped at every (re)start: callbacks of a cancelled utterance are ignored */
  #generation = 0;
  #timers: unknown[] = [];
  /** whether the engine reports word boundaries; until it does, mentions are placed by time */
  #boundaries = false;
  #said = new Set<number>();
  /** held while it is said: Chrome drops an utterance nothing refers to, and its end never comes */
  #utterance: UtteranceLike | null = null;
  /** between two utterances: resuming goes on to the next one rather than saying this one again */
  #gap = false;

  constructor(options: ListenOptions) {
    this.#synth = options.synth;
    this.#make = options.makeUtterance;
    this.#source = options.source;
    this.#clock = options.clock ?? systemClock;
    this.#state = options.synth ? 'idle' : 'unavailable';
  }

  get state(): ListenState {
    return this.#state;
  }
  get language(): Language {
    return this.#language;
  }
  get rate(): number {
    return this.#rate;
  }
  /** the paragraph (or headline) being read, or null */
  get paragraph(): string | null {
    return this.#state === 'playing' || this.#state === 'paused' ? (this.#items[this.#item]?.id ?? null) : null;
  }

  on(listener: (e: ListenEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Whether the synthesizer has an on-device voice for a language. */
  hasVoice(language: Language): boolean {
    return !!this.#synth && chooseVoice(this.#synth.getVoices(), language) !== null;
  }

  /** Start reading at a paragraph or story (the first item when it is not in the sequence). */
  play(language: Language, at: string | null, source?: (language: Language) => SpokenItem[]): boolean {
    if (!this.#synth) return false;
    if (source) this.#source = source;
    if (!this.hasVoice(language)) {
      this.stop();
      this.#emit({ type: 'error', error: 'no-voice' });
      return false;
    }
    this.#language = language;
    this.#items = this.#source(language);
    if (this.#items.length === 0) return false;
    const i = at ? this.#items.findIndex((item) => item.id === at) : -1;
    // speak() queues behind whatever the synthesizer is saying: start from silence.
    this.#halt();
    this.#goto(Math.max(0, i), 'playing');
    return true;
  }

  pause(): void {
    if (this.#state !== 'playing') return;
    this.#halt();
    this.#setState('paused');
  }

  resume(): void {
    if (this.#state !== 'paused') return;
    this.#setState('playing');
    if (this.#gap) this.#advance();
    else this.#speak();
  }

  next(): void {
    this.#skip(1);
  }

  previous(): void {
    this.#skip(-1);
  }

  /** A new speed: the sentence being said starts again at it. */
  setRate(rate: number): void {
    this.#rate = rate;
    if (this.#state === 'playing' && !this.#gap) {
      this.#halt();
      this.#speak();
    }
  }

  /** The interface's language changed: go on reading the same paragraph, in that language. */
  setLanguage(language: Language): void {
    if (language === this.#language) return;
    const at = this.paragraph;
    const state = this.#state;
    this.#language = language;
    if (!at) return;
    this.#halt();
    if (!this.hasVoice(language)) {
      this.stop();
      this.#emit({ type: 'error', error: 'no-voice' });
      return;
    }
    this.#items = this.#source(language);
    const i = this.#items.findIndex((item) => item.id === at);
    this.#goto(Math.max(0, i), state === 'paused' ? 'paused' : 'playing');
  }

  stop(): void {
    if (this.#state !== 'playing' && this.#state !== 'paused') return;
    this.#halt();
    this.#setState('idle');
  }

  #skip(by: number): void {
    if (this.#state !== 'playing' && this.#state !== 'paused') return;
    const to = this.#item + by;
    if (to < 0 || to >= this.#items.length) return;
    this.#halt();
    this.#goto(to, this.#state);
  }

  #goto(item: number, state: 'playing' | 'paused'): void {
    this.#gap = false;
    this.#item = item;
    this.#sentence = 0;
    this.#setState(state);
    this.#emit({ type: 'paragraph', id: this.#items[item]!.id });
    if (state === 'playing') this.#speak();
    else this.#markSentence();
  }

  /** Cancel what is being said and anything scheduled; callbacks still on their way are ignored. */
  #halt(): void {
    this.#generation++;
    this.#utterance = null;
    for (const t of this.#timers.splice(0)) this.#clock.clearTimeout(t);
    this.#synth?.cancel();
  }

  #current(): Utterance | undefined {
    return this.#items[this.#item]?.utterances[this.#sentence];
  }

  #markSentence(): void {
    const u = this.#current();
    const item = this.#items[this.#item];
    if (u?.sentence && item) this.#emit({ type: 'sentence', paragraph: item.id, ...u.sentence });
  }

  #speak(): void {
    const item = this.#items[this.#item];
    const u = this.#current();
    const synth = this.#synth;
    if (!item || !u || !synth) return;
    const generation = this.#generation;
    const voice = chooseVoice(synth.getVoices(), this.#language);
    const spoken = this.#make(u.text);
    const live = () => generation === this.#generation && this.#state === 'playing' && this.#utterance === spoken;
    spoken.voice = voice;
    spoken.lang = voice?.lang ?? (this.#language === 'zh' ? 'zh-CN' : 'en-US');
    spoken.rate = this.#rate;
    this.#said = new Set();
    spoken.onstart = () => {
      if (!live()) return;
      this.#markSentence();
      if (!this.#boundaries) this.#placeByTime(u, item.id);
    };
    spoken.onboundary = (e) => {
      if (!live() || (e.name && e.name !== 'word')) return;
      if (!this.#boundaries) {
        this.#boundaries = true;
        for (const t of this.#timers.splice(0)) this.#clock.clearTimeout(t);
      }
      u.mentions.forEach((m, i) => {
        if (m.start <= e.charIndex) this.#sayMention(i, m.key, item.id);
      });
    };
    spoken.onend = () => {
      if (live()) this.#after(u.pauseAfter);
    };
    spoken.onerror = (e) => {
      // A cancelled utterance reports `interrupted` or `canceled`: that is Listen's own doing.
      if (!live() || e.error === 'interrupted' || e.error === 'canceled') return;
      this.#halt();
      this.#setState('idle');
      this.#emit({ type: 'error', error: e.error ?? 'synthesis-failed' });
    };
    this.#utterance = spoken;
    synth.speak(spoken);
  }

  #sayMention(index: number, key: string, paragraph: string): void {
    if (this.#said.has(index)) return;
    this.#said.add(index);
    this.#emit({ type: 'mention', key, paragraph });
  }

  /** Without word boundaries: each place named when the voice should be reaching it, at the sentence's speed. */
  #placeByTime(u: Utterance, paragraph: string): void {
    const perMs = (CHARS_PER_SECOND[this.#language] * this.#rate) / 1000;
    u.mentions.forEach((m, i) => {
      const ms = m.start / perMs;
      if (ms === 0) this.#sayMention(i, m.key, paragraph);
      else this.#timers.push(this.#clock.setTimeout(() => this.#sayMention(i, m.key, paragraph), ms));
    });
  }

  /** The silence after an utterance, then what comes next. */
  #after(pause: number): void {
    for (const t of this.#timers.splice(0)) this.#clock.clearTimeout(t);
    this.#gap = true;
    const generation = this.#generation;
    this.#timers.push(
      this.#clock.setTimeout(() => {
        if (generation === this.#generation && this.#state === 'playing') this.#advance();
      }, pause / this.#rate),
    );
  }

  /** The next sentence, the next paragraph, or the end. */
  #advance(): void {
    this.#gap = false;
    const item = this.#items[this.#item]!;
    if (this.#sentence + 1 < item.utterances.length) {
      this.#sentence++;
      this.#speak();
    } else if (this.#item + 1 < this.#items.length) this.#goto(this.#item + 1, 'playing');
    else {
      this.#setState('idle');
      this.#emit({ type: 'ended' });
    }
  }

  #setState(state: ListenState): void {
    if (state === this.#state) return;
    this.#state = state;
    this.#emit({ type: 'state', state });
  }

  #emit(e: ListenEvent): void {
    for (const l of [...this.#listeners]) l(e);
  }
}
