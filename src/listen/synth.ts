/**
 * The part of the Web Speech API Listen uses, as interfaces: the browser's `speechSynthesis` and
 * `SpeechSynthesisUtterance` fit them, and so does the tests' fake. And the choice of a voice.
 */
import type { Language } from '../article/types';

export interface VoiceLike {
  name: string;
  lang: string;
  localService: boolean;
  default: boolean;
}

export interface BoundaryLike {
  charIndex: number;
  /** 'word' or 'sentence' where the engine says */
  name?: string;
}

export interface UtteranceLike {
  text: string;
  lang: string;
  voice: VoiceLike | null;
  rate: number;
  onstart: ((e: unknown) => void) | null;
  onend: ((e: unknown) => void) | null;
  onerror: ((e: { error?: string }) => void) | null;
  onboundary: ((e: BoundaryLike) => void) | null;
}

export interface SynthLike {
  readonly speaking: boolean;
  speak(utterance: UtteranceLike): void;
  cancel(): void;
  pause(): void;
  resume(): void;
  getVoices(): VoiceLike[];
  addEventListener?(type: 'voiceschanged', listener: () => void): void;
}

/** Timers, injected so that the tests run on a clock of their own. */
export interface Clock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** How well a voice's language tag fits: lower is better, null is not at all. */
function fit(tag: string, language: Language): number | null {
  const lang = tag.replace('_', '-').toLowerCase();
  if (language === 'zh') {
    // The page is in simplified Chinese as written in mainland China: zh-CN first, any Mandarin next.
    if (lang === 'zh-cn' || lang.startsWith('zh-hans') || lang === 'cmn-cn' || lang.startsWith('cmn-hans')) return 0;
    if (lang === 'zh' || lang === 'cmn' || lang === 'zh-sg') return 1;
    if (lang.startsWith('zh') || lang.startsWith('cmn')) return 2;
    return null;
  }
  if (lang === 'en-us' || lang === 'en-gb') return 0;
  if (lang === 'en' || lang.startsWith('en-')) return 1;
  return null;
}

/**
 * The best on-device voice for a language, or null. Network voices are left out: Listen works
 * offline, and a page read aloud should not be sent anywhere.
 */
export function chooseVoice(voices: readonly VoiceLike[], language: Language): VoiceLike | null {
  let best: VoiceLike | null = null;
  let bestScore = Infinity;
  for (const v of voices) {
    if (!v.localService) continue;
    const f = fit(v.lang, language);
    if (f === null) continue;
    const score = f * 2 + (v.default ? 0 : 1);
    if (score < bestScore) {
      best = v;
      bestScore = score;
    }
  }
  return best;
}
