/**
 * What the article says about a feature: every passage whose mentions link to it, cut to the
 * sentences that name it, with the mentions marked, grouped by story in reading order.
 */
import { mentionKeys, parseMarkup } from './markup.mjs';
import type { Article, Language as Lang } from './types';

export interface Piece {
  text: string;
  /** a mention of the feature being read about */
  mark: boolean;
}

export interface Excerpt {
  paragraphId: string;
  pieces: Piece[];
  /** the excerpt starts or ends inside its paragraph */
  clippedStart: boolean;
  clippedEnd: boolean;
}

export interface StoryPassages {
  storyId: string;
  headline: string;
  excerpts: Excerpt[];
}

/** Mention keys that link to a feature. */
export function mentionKeysFor(article: Article, featureId: string): Set<string> {
  return new Set(
    Object.entries(article.mentions)
      .filter(([, m]) => m.features.includes(featureId))
      .map(([key]) => key),
  );
}

/** Features a mention key links to (none for a mention without a feature). */
export function featuresOfMention(article: Article, key: string): readonly string[] {
  return article.mentions[key]?.features ?? [];
}

/** Features the mentions of one paragraph link to, in reading order (none for a story id). */
export function featuresOfPassage(article: Article, passageId: string): string[] {
  const ids = new Set<string>();
  for (const story of article.stories) {
    for (const p of story.paragraphs) {
      if (p.id !== passageId) continue;
      for (const key of mentionKeys(p.zh)) for (const id of featuresOfMention(article, key)) ids.add(id);
    }
  }
  return [...ids];
}

const SENTENCE_END: Record<Lang, RegExp> = {
  zh: /[。！？；]/g,
  en: /[.!?;](?=\s|$)/g,
};

/** [start, end) ranges of the sentences of a text. */
function sentences(text: string, language: Lang): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END[language])) {
    const end = (m.index ?? 0) + m[0].length;
    out.push([start, end]);
    start = end;
  }
  if (start < text.length) out.push([start, text.length]);
  return out;
}

/** The sentences of one paragraph that hold a marked mention, as pieces; null if none does. */
export function excerpt(text: string, keys: ReadonlySet<string>, language: Lang): { pieces: Piece[]; clippedStart: boolean; clippedEnd: boolean } | null {
  const segments = parseMarkup(text);
  const marks: [number, number][] = [];
  let plain = '';
  for (const s of segments) {
    if ('mention' in s && keys.has(s.mention)) marks.push([plain.length, plain.length + s.text.length]);
    plain += s.text;
  }
  if (marks.length === 0) return null;
  const keep = sentences(plain, language).filter(([a, b]) => marks.some(([m0, m1]) => m0 < b && m1 > a));
  const first = keep[0] as [number, number];
  const last = keep[keep.length - 1] as [number, number];
  const pieces: Piece[] = [];
  keep.forEach(([a, b], i) => {
    if (i > 0 && (keep[i - 1] as [number, number])[1] !== a) pieces.push({ text: language === 'zh' ? '……' : ' … ', mark: false });
    let at = a;
    for (const [m0, m1] of marks) {
      if (m1 <= a || m0 >= b) continue;
      if (m0 > at) pieces.push({ text: plain.slice(at, m0), mark: false });
      pieces.push({ text: plain.slice(Math.max(m0, at), Math.min(m1, b)), mark: true });
      at = Math.min(m1, b);
    }
    if (at < b) pieces.push({ text: plain.slice(at, b), mark: false });
  });
  if (pieces[0]) pieces[0] = { ...pieces[0], text: pieces[0].text.trimStart() };
  return { pieces, clippedStart: first[0] > 0, clippedEnd: last[1] < plain.trimEnd().length };
}

export function passagesFor(article: Article, featureId: string, language: Lang): StoryPassages[] {
  const keys = mentionKeysFor(article, featureId);
  if (keys.size === 0) return [];
  const out: StoryPassages[] = [];
  for (const story of article.stories) {
    const excerpts: Excerpt[] = [];
    for (const p of story.paragraphs) {
      const cut = excerpt(p[language], keys, language);
      if (cut) excerpts.push({ paragraphId: p.id, ...cut });
    }
    if (excerpts.length > 0) out.push({ storyId: story.id, headline: plainHeadline(story.headline[language]), excerpts });
  }
  return out;
}

/** A headline's text without its mention markup. */
export function plainHeadline(text: string): string {
  return parseMarkup(text)
    .map((s) => s.text)
    .join('');
}
