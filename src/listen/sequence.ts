/**
 * What Listen says, in order: the article (or some of its paragraphs) cut into utterances, one
 * per sentence, each knowing where it sits in its paragraph's text and where the places it names
 * lie in what is spoken. Pure: no DOM, no speech.
 */
import { parseMarkup } from '../article/markup.mjs';
import type { Article, Language, Segment, Story } from '../article/types';

/** A place named in an utterance: its mention key and its characters in the spoken text. */
export interface SpokenMention {
  key: string;
  start: number;
  end: number;
}

export interface Utterance {
  /** what the synthesizer is given */
  text: string;
  /**
   * The sentence's index in its paragraph and its characters in the paragraph's plain text (what
   * the reader marks); null for what the page does not print there (a spoken note).
   */
  sentence: { index: number; start: number; end: number } | null;
  mentions: SpokenMention[];
  /** silence after it, in ms at normal speed: headlines stand apart from what follows */
  pauseAfter: number;
}

/** One paragraph, or a story's headline (its id is the story's, as the reader's anchors are). */
export interface SpokenItem {
  id: string;
  kind: 'headline' | 'heading' | 'body' | 'caption';
  story: Story['id'];
  utterances: Utterance[];
}

export interface SequenceOptions {
  /** said after the sentence the printed page cuts off, so that it is heard as cut off */
  cutOffNote: string;
  /** only these paragraphs (a tour chapter's), in the page's order; by default the whole page */
  only?: readonly string[];
}

/** Pauses in ms: a headline is followed by a longer silence than a sentence. */
export const PAUSE = { headline: 900, heading: 700, sentence: 250, paragraph: 500 } as const;

/** A marked-up text as it is read: its plain text and where each mention lies in it. */
function marked(text: string): { text: string; mentions: SpokenMention[] } {
  const mentions: SpokenMention[] = [];
  let plain = '';
  for (const s of parseMarkup(text)) {
    if ('mention' in s) mentions.push({ key: s.mention, start: plain.length, end: plain.length + s.text.length });
    plain += s.text;
  }
  return { text: plain, mentions };
}

/**
 * The sentences of a marked-up text, with the places each names. Sentence ends are the language's
 * own (Intl.Segmenter), so 。！？ in Chinese and full stops in English; the spaces between
 * sentences are not spoken.
 */
export function sentencesOf(text: string, language: Language): { start: number; end: number; text: string; mentions: SpokenMention[] }[] {
  const { text: plain, mentions } = marked(text);
  const out: { start: number; end: number; text: string; mentions: SpokenMention[] }[] = [];
  const segmenter = new Intl.Segmenter(language === 'zh' ? 'zh-Hans' : 'en', { granularity: 'sentence' });
  for (const { segment, index } of segmenter.segment(plain)) {
    const lead = segment.length - segment.trimStart().length;
    const text = segment.trim();
    if (!text) continue;
    const start = index + lead;
    const end = start + text.length;
    // A mention belongs to the sentence it starts in.
    const inside = mentions
      .filter((m) => m.start >= start && m.start < end)
      .map((m) => ({ key: m.key, start: m.start - start, end: Math.min(m.end, end) - start }));
    out.push({ start, end, text, mentions: inside });
  }
  return out;
}

function headlineItem(story: Story, language: Language, sectionChanged: boolean): SpokenItem {
  const utterances: Utterance[] = [];
  if (sectionChanged && story.section) utterances.push({ text: story.section[language], sentence: null, mentions: [], pauseAfter: PAUSE.sentence });
  // A headline is said whole, as one utterance, however many sentences it holds.
  const { text, mentions } = marked(story.headline[language]);
  utterances.push({ text, sentence: { index: 0, start: 0, end: text.length }, mentions, pauseAfter: PAUSE.headline });
  return { id: story.id, kind: 'headline', story: story.id, utterances };
}

/**
 * Everything Listen can say, in reading order: each story's headline (with its column's name where
 * the column changes) before its paragraphs; subheads said as headlines; the sentence the page
 * cuts off followed by a note saying so. With `only`, just those paragraphs, each story's headline
 * said once before the first of them.
 */
export function sequence(article: Article, language: Language, options: SequenceOptions): SpokenItem[] {
  const items: SpokenItem[] = [];
  const only = options.only ? new Set(options.only) : null;
  let lastSection: string | null = null;
  for (const story of article.stories) {
    const section = story.section?.[language] ?? null;
    const paragraphs = only ? story.paragraphs.filter((p) => only.has(p.id)) : story.paragraphs;
    if (paragraphs.length === 0) continue;
    items.push(headlineItem(story, language, section !== null && section !== lastSection));
    lastSection = section;
    for (const p of paragraphs) {
      const heading = p.kind === 'heading';
      const sentences = sentencesOf(p[language], language);
      const utterances: Utterance[] = sentences.map((s, index) => ({
        text: s.text,
        sentence: { index, start: s.start, end: s.end },
        mentions: s.mentions,
        pauseAfter: heading ? PAUSE.heading : index === sentences.length - 1 ? PAUSE.paragraph : PAUSE.sentence,
      }));
      if (p.truncated) {
        const last = utterances.at(-1);
        if (last) last.pauseAfter = PAUSE.sentence;
        utterances.push({ text: options.cutOffNote, sentence: null, mentions: [], pauseAfter: PAUSE.paragraph });
      }
      items.push({ id: p.id, kind: p.kind, story: story.id, utterances });
    }
  }
  return items;
}

/** Where to start for the reader's position: a paragraph, or a story (its headline). */
export function startIndex(items: readonly SpokenItem[], at: string | null): number {
  const i = at ? items.findIndex((item) => item.id === at) : -1;
  return Math.max(0, i);
}

/**
 * Segments cut at two offsets of their plain text: before, between, after. A mention is never cut:
 * it goes where it starts (sentences do not end inside a name).
 */
export function splitSegments(segments: Segment[], start: number, end: number): [Segment[], Segment[], Segment[]] {
  const parts: [Segment[], Segment[], Segment[]] = [[], [], []];
  const part = (at: number) => (at < start ? 0 : at < end ? 1 : 2);
  let at = 0;
  for (const s of segments) {
    const stop = at + s.text.length;
    if ('mention' in s) parts[part(at)].push(s);
    else {
      for (const [from, to] of [
        [at, Math.min(stop, start)],
        [Math.max(at, start), Math.min(stop, end)],
        [Math.max(at, end), stop],
      ] as const) {
        if (to > from) parts[part(from)].push({ text: s.text.slice(from - at, to - at) });
      }
    }
    at = stop;
  }
  return parts;
}
