// The page's terms say the same thing in English wherever they occur: each glossary term whose
// Chinese is in a paragraph, a note or a stand-in's reason has one of its English forms in the
// matching English text.
import { describe, expect, it } from 'vitest';
import glossary from '../../src/article/glossary.json';
import { article } from '../../src/article/article';
import { articleTexts } from '../../src/article/check.mjs';
import { plainText } from '../../src/article/markup.mjs';
import { CHAPTERS } from '../../src/tour/chapters';
import { geoFiles, readGeo } from './geo-helpers';

interface Pair {
  where: string;
  zh: string;
  en: string;
}

const paragraphs: Pair[] = articleTexts(article).map(({ where, text }) => ({ where, zh: plainText(text.zh), en: plainText(text.en) }));
const reasons: Pair[] = Object.entries(article.mentions).flatMap(([key, m]) =>
  m.reason ? [{ where: `mention ${key}`, zh: m.reason.zh, en: m.reason.en }] : [],
);
const notes: Pair[] = geoFiles().flatMap((name) =>
  readGeo(name).features.flatMap((f) => {
    const p = f.properties as Record<string, unknown>;
    return typeof p['note_zh'] === 'string' && typeof p['note_en'] === 'string'
      ? [{ where: `${name} ${f.properties.id}`, zh: p['note_zh'], en: p['note_en'] }]
      : [];
  }),
);

const chapters: Pair[] = CHAPTERS.map((c) => ({ where: `chapter ${c.id}`, zh: c.title.zh, en: c.title.en }));

/** Each term the Chinese of a pair uses, and whether the English has one of its forms. */
export function inconsistencies(pairs: Pair[], terms: { zh: string; en: string[] }[]): string[] {
  const out: string[] = [];
  for (const { where, zh, en } of pairs) {
    for (const term of terms) {
      if (!zh.includes(term.zh)) continue;
      if (!term.en.some((form) => en.toLowerCase().includes(form.toLowerCase()))) out.push(`${where}: ${term.zh} → ${term.en.join(' / ')}`);
    }
  }
  return out;
}

describe('the glossary', () => {
  it('is data: each term has its Chinese, at least one English form and a note', () => {
    expect(glossary.terms.length).toBeGreaterThan(25);
    for (const term of glossary.terms) {
      expect(term.zh).toMatch(/\p{Script=Han}/u);
      expect(term.en.length).toBeGreaterThan(0);
      for (const form of term.en) expect(form).not.toMatch(/\p{Script=Han}/u);
      expect(typeof term.note).toBe('string');
    }
  });

  it.each([
    ['paragraphs', paragraphs],
    ['notes on the map', notes],
    ['reasons for stand-ins', reasons],
    ['tour chapters’ titles', chapters],
  ] as const)('is followed in the %s', (_what, pairs) => {
    expect(pairs.length).toBeGreaterThan(6);
    expect(inconsistencies(pairs, glossary.terms)).toEqual([]);
  });

  it('finds a term rendered another way (the check can fail)', () => {
    const drifted = [{ where: 'x', zh: '共治跨界污染', en: 'tackling cross-border pollution' }];
    expect(inconsistencies(drifted, glossary.terms)).toEqual(['x: 跨界 → cross-boundary']);
  });
});
