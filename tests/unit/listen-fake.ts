/**
 * A synthesizer with the `speechSynthesis` interface that says nothing: the test decides when each
 * utterance starts, reaches a word and ends, and a clock of its own runs the timers.
 */
import type { BoundaryLike, Clock, SynthLike, UtteranceLike, VoiceLike } from '../../src/listen/synth';

export class FakeUtterance implements UtteranceLike {
  lang = '';
  voice: VoiceLike | null = null;
  rate = 1;
  onstart: ((e: unknown) => void) | null = null;
  onend: ((e: unknown) => void) | null = null;
  onerror: ((e: { error?: string }) => void) | null = null;
  onboundary: ((e: BoundaryLike) => void) | null = null;
  constructor(public text: string) {}
}

export const ZH: VoiceLike = { name: 'Chinese (Mandarin)', lang: 'zh-CN', localService: true, default: false };
export const EN: VoiceLike = { name: 'English (America)', lang: 'en-US', localService: true, default: true };

export class FakeSynth implements SynthLike {
  /** every utterance given to speak, in order */
  readonly spoken: FakeUtterance[] = [];
  current: FakeUtterance | null = null;
  cancels = 0;
  constructor(public voices: VoiceLike[] = [ZH, EN]) {}

  get speaking(): boolean {
    return this.current !== null;
  }
  speak(u: UtteranceLike): void {
    const f = u as FakeUtterance;
    this.spoken.push(f);
    this.current = f;
    f.onstart?.({});
  }
  cancel(): void {
    this.cancels++;
    const c = this.current;
    this.current = null;
    c?.onerror?.({ error: 'interrupted' });
  }
  pause(): void {}
  resume(): void {}
  getVoices(): VoiceLike[] {
    return this.voices;
  }

  /** The engine reaches the word at this character of the current utterance. */
  boundary(charIndex: number): void {
    this.current?.onboundary?.({ charIndex, name: 'word' });
  }
  /** The engine reaches a word of the current utterance. */
  reach(word: string): void {
    const at = this.current?.text.indexOf(word) ?? -1;
    if (at < 0) throw new Error(`"${word}" is not in "${this.current?.text}"`);
    this.boundary(at);
  }
  end(): void {
    const c = this.current;
    this.current = null;
    c?.onend?.({});
  }
}

/** Timers that run only when the test moves time on. */
export class FakeClock implements Clock {
  #now = 0;
  #timers = new Map<number, { at: number; run: () => void }>();
  #id = 0;
  now(): number {
    return this.#now;
  }
  setTimeout(run: () => void, ms: number): unknown {
    this.#timers.set(++this.#id, { at: this.#now + ms, run });
    return this.#id;
  }
  clearTimeout(handle: unknown): void {
    this.#timers.delete(handle as number);
  }
  /** Move time on by ms, running what falls due in order. */
  tick(ms: number): void {
    const until = this.#now + ms;
    for (;;) {
      const due = [...this.#timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.#timers.delete(due[0]);
      this.#now = due[1].at;
      due[1].run();
    }
    this.#now = until;
  }
}
