// geo/mentions.json is generated from the article and cannot drift from it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { article } from '../../src/article/article';
import type { Article } from '../../src/article/types';
import { buildMentions, mentionsFromArticle, readArticle, serializeMentions } from '../../scripts/geo/mentions.mjs';
import { GEO_DIR } from './geo-helpers';

interface Entry {
  key: string;
  zh: string[];
  en: string[];
  feature_ids: string[];
  reason: { zh: string; en: string } | null;
  headlines: string[];
  paragraphs: string[];
  mention_zh: string;
  note?: string;
}

const committed = readFileSync(resolve(GEO_DIR, 'mentions.json'), 'utf8');
const entries = (JSON.parse(committed) as { article: string; mentions: Entry[] }).mentions;
const entry = (key: string) => {
  const e = entries.find((x) => x.key === key);
  if (!e) throw new Error(`no entry ${key}`);
  return e;
};
const allLinked = () => new Set(Object.values(article.mentions).flatMap((m) => m.features));

describe('geo/mentions.json', () => {
  it('is what the article generates, byte for byte (run the data build after editing the article)', () => {
    expect(serializeMentions(readArticle())).toBe(committed);
    expect(serializeMentions(readArticle())).toBe(serializeMentions(readArticle()));
  });

  it('has one entry per mention key, in the article’s order', () => {
    expect(entries.map((e) => e.key)).toEqual(Object.keys(article.mentions));
  });

  it('lists the texts each mention appears as, and where', () => {
    expect(entry('jialing')).toMatchObject({
      zh: ['嘉陵江'],
      en: ['Jialing River'],
      feature_ids: ['river-jialing'],
      reason: null,
      headlines: [],
      paragraphs: ['eco-2', 'eco-9'],
    });
    expect(entry('ziyang-line')).toMatchObject({ headlines: ['ziyang'], paragraphs: ['ziyang-1', 'ziyang-2'] });
    expect(entry('chengyu-circle').zh).toEqual(['成渝地区双城经济圈', '双城经济圈']);
    expect(entry('southwest-china')).toMatchObject({ feature_ids: [], paragraphs: ['ziyang-3'] });
    expect(entry('southwest-china').reason?.en).toMatch(/no outline/);
  });

  it('keeps the fields of the earlier hand-kept list (mention_zh, note) consistent with the new ones', () => {
    for (const e of entries) {
      expect(e.mention_zh).toBe(e.zh[0]);
      expect(e.note).toBe(e.reason?.en);
    }
  });
});

describe('the data build of mentions.json', () => {
  it('accepts an article whose features all exist', () => {
    expect(buildMentions(allLinked(), article)).toBe(committed);
  });

  it('names each mention whose feature is not in geo/', () => {
    const ids = allLinked();
    ids.delete('river-jialing');
    ids.delete('futian-station');
    expect(() => buildMentions(ids, article)).toThrow(/"jialing" → "river-jialing".*"futian-station" → "futian-station".*"metro-line-18" → "futian-station"/);
  });

  it('refuses an inconsistent article, saying what is wrong', () => {
    const broken = structuredClone(article) as Article;
    broken.stories[0]!.paragraphs[1]!.en = broken.stories[0]!.paragraphs[1]!.en.replace('[[Tuo River|tuo-river]]', 'Tuo River');
    delete broken.mentions['changzheng-canal']!.reason;
    expect(() => mentionsFromArticle(broken)).toThrow(/eco-2: Chinese and English mention different places/);
    expect(() => mentionsFromArticle(broken)).toThrow(/"changzheng-canal" has no feature and no reason/);
  });
});
