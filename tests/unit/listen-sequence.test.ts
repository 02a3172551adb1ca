/** What Listen says, in what order: paragraphs, headlines, sentences and where the places named lie. */
import { describe, expect, it } from 'vitest';
import { article } from '../../src/article/article';
import { parseMarkup, plainText } from '../../src/article/markup.mjs';
import type { Segment } from '../../src/article/types';
import { PAUSE, sentencesOf, sequence, splitSegments, startIndex } from '../../src/listen/sequence';
import { CHAPTERS } from '../../src/tour/chapters';

const NOTE = { cutOffNote: 'This sentence is cut off on the printed page.' };
const zh = sequence(article, 'zh', NOTE);
const item = (id: string, items = zh) => items.find((i) => i.id === id)!;

describe('the sequence', () => {
  it('is the page in reading order, each story’s headline before its paragraphs', () => {
    const expected = article.stories.flatMap((s) => [s.id, ...s.paragraphs.map((p) => p.id)]);
    expect(zh.map((i) => i.id)).toEqual(expected);
    expect(item('ziyang').kind).toBe('headline');
  });

  it('says a headline whole and on its own, with a longer silence after it than after a sentence', () => {
    const headline = item('ziyang').utterances;
    expect(headline).toHaveLength(1);
    expect(headline[0]!.text).toBe(plainText(article.stories[1]!.headline.zh).trim());
    expect(headline[0]!.pauseAfter).toBeGreaterThan(PAUSE.paragraph);
    const subhead = item('eco-3');
    expect(subhead.kind).toBe('heading');
    expect(subhead.utterances[0]!.pauseAfter).toBeGreaterThan(PAUSE.sentence);
  });

  it('names a column where it begins, not again for each of its stories', () => {
    expect(item('news-hr').utterances.map((u) => u.text)).toEqual([
      '经济圈动态',
      plainText(article.stories.find((s) => s.id === 'news-hr')!.headline.zh).trim(),
    ]);
    expect(item('news-data').utterances).toHaveLength(1);
  });

  it('cuts paragraphs into sentences that are exactly the text the reader shows', () => {
    const p = item('ziyang-1');
    const shown = plainText(article.stories[1]!.paragraphs[0]!.zh);
    expect(p.utterances.map((u) => u.text)).toEqual([
      '作为首条成都都市圈市域铁路项目,轨道交通资阳线预计2024年开通试运营。',
      '位于成都未来科技城的福田站,是轨道交通资阳线的起始站,也是成都通往资阳的首站门户。',
      '目前,福田站站点上跨地铁18号线段墩身施工已经完成,预计明年实现桥通。',
    ]);
    for (const u of p.utterances) expect(shown.slice(u.sentence!.start, u.sentence!.end)).toBe(u.text);
    const en = item('ziyang-1', sequence(article, 'en', NOTE));
    expect(en.utterances).toHaveLength(3);
    expect(en.utterances[1]!.text).toMatch(/^Futian Station, in Chengdu Future/);
  });

  it('knows where each place is named in what is spoken', () => {
    const second = item('ziyang-1').utterances[1]!;
    expect(second.mentions.map((m) => [m.key, second.text.slice(m.start, m.end)])).toEqual([
      ['future-sci-tech-city', '成都未来科技城'],
      ['futian-station', '福田站'],
      ['ziyang-line', '轨道交通资阳线'],
      ['chengdu', '成都'],
      ['ziyang', '资阳'],
    ]);
    const en = item('ziyang-2', sequence(article, 'en', NOTE)).utterances[0]!;
    const north = en.mentions.find((m) => m.key === 'ziyang-north-station')!;
    expect(en.text.slice(north.start, north.end)).toBe('Ziyang North Station');
  });

  it('says the sentence the page cuts off, then that it is cut off', () => {
    const cut = item('ziyang-3').utterances;
    expect(cut).toHaveLength(2);
    expect(cut[1]).toMatchObject({ text: NOTE.cutOffNote, sentence: null, mentions: [] });
    expect(item('ziyang-2').utterances.every((u) => u.sentence)).toBe(true);
  });

  it('reads only a tour chapter’s passages, each story’s headline once before them', () => {
    const chapter = CHAPTERS.find((c) => c.passages.some((p) => p.startsWith('ziyang')))!;
    const items = sequence(article, 'zh', { ...NOTE, only: chapter.passages });
    expect(items.filter((i) => i.kind !== 'headline').map((i) => i.id)).toEqual(chapter.passages);
    const stories = new Set(items.map((i) => i.story));
    expect(items.filter((i) => i.kind === 'headline')).toHaveLength(stories.size);
  });

  it('starts at the open paragraph, or at a story’s headline', () => {
    expect(zh[startIndex(zh, 'ziyang-2')]!.id).toBe('ziyang-2');
    expect(zh[startIndex(zh, 'ziyang')]!.kind).toBe('headline');
    expect(startIndex(zh, null)).toBe(0);
  });

  it('splits English sentences at their full stops, not the spaces between them', () => {
    const s = sentencesOf('One [[place|a]]. Two places: [[here|b]] and [[there|c]].', 'en');
    expect(s.map((x) => x.text)).toEqual(['One place.', 'Two places: here and there.']);
    expect(s[1]!.mentions.map((m) => s[1]!.text.slice(m.start, m.end))).toEqual(['here', 'there']);
  });
});

describe('the sentence marked in the reader', () => {
  it('is cut out of the text’s segments at its offsets, the places it names kept whole', () => {
    const p = item('ziyang-1').utterances[1]!.sentence!;
    const text = article.stories[1]!.paragraphs[0]!.zh;
    const [before, inside, after] = splitSegments(parseMarkup(text), p.start, p.end);
    const plain = (segments: Segment[]) => segments.map((s) => s.text).join('');
    expect(plain(inside)).toBe('位于成都未来科技城的福田站,是轨道交通资阳线的起始站,也是成都通往资阳的首站门户。');
    expect(plain(before) + plain(inside) + plain(after)).toBe(plainText(text));
    expect(inside.filter((s) => 'mention' in s).map((s) => s.text)).toEqual(['成都未来科技城', '福田站', '轨道交通资阳线', '成都', '资阳']);
    expect(before.filter((s) => 'mention' in s)).toHaveLength(2);
  });
});
