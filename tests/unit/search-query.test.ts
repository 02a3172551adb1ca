import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/article/types';
import { buildSearchIndex } from '../../src/search/build-index.mjs';
import { type SearchResults, SearchEngine, excerpt } from '../../src/search/query';

const ROOT = resolve(import.meta.dirname, '../..');
const lightIndex = JSON.parse(readFileSync(resolve(ROOT, 'geo/index.json'), 'utf8'));
const article = JSON.parse(readFileSync(resolve(ROOT, 'src/article/article.json'), 'utf8')) as Article;
const engine = new SearchEngine(buildSearchIndex(lightIndex, article));

const placeIds = (r: SearchResults) => r.places.map((h) => h.place.id);
const marked = (r: SearchResults, i = 0) => excerpt(r.passages[i]!).match;

describe('search over the real index', () => {
  it.each([
    ['jialing', 'river-jialing'],
    ['嘉陵', 'river-jialing'],
    ['jlj', 'river-jialing'],
    ['Jiālíng', 'river-jialing'],
    ['jia1ling2jiang1', 'river-jialing'],
    ['ｊｉａ　ｌｉｎｇ', 'river-jialing'],
    ['Jialing River', 'river-jialing'],
    ['Ziyang North', 'ziyang-north-station'],
    ['ziyangbei', 'ziyang-north-station'],
    ['zi yang bei zhan', 'ziyang-north-station'],
    ['资阳北', 'ziyang-north-station'],
    ['xinjin', 'xinjin'],
    ['新津', 'xinjin'],
    ['Xi’an', 'xian'],
  ])('%s finds %s first', (query, id) => {
    expect(placeIds(engine.search(query))[0]).toBe(id);
  });

  it('jlj is the initials of 嘉陵江 exactly; jl is a prefix of them', () => {
    expect(engine.search('jlj').places[0]).toMatchObject({ tier: 0 });
    expect(placeIds(engine.search('jl'))).toContain('river-jialing');
    expect(engine.search('jl').passages).toEqual([]);
  });

  it('xinjin lists the district before its station, and finds the article’s passages on Xinjin', () => {
    const r = engine.search('xinjin');
    const ids = placeIds(r);
    expect(ids.indexOf('xinjin')).toBeLessThan(ids.indexOf('xinjin-station'));
    expect(r.passages.map((h) => h.passage.id)).toContain('transit-1');
  });

  it('四山 finds the passage on Chongqing’s four mountains, the match marked', () => {
    const r = engine.search('四山');
    expect(r.passages[0]?.passage.id).toBe('eco-9');
    expect(marked(r)).toBe('四山');
    expect(excerpt(r.passages[0]!).before.endsWith('“')).toBe(true);
  });

  it('huanjing finds passages about 环境 through the pinyin of their Chinese', () => {
    const r = engine.search('huanjing');
    expect(r.places).toEqual([]);
    expect(r.passages.length).toBeGreaterThanOrEqual(3);
    for (const hit of r.passages) {
      expect(hit.language).toBe('zh');
      expect(hit.passage.zh).toContain('环境');
      expect(excerpt(hit).match).toBe('环境');
    }
  });

  it('shows a passage’s excerpt in the interface language when both languages match', () => {
    const zh = engine.search('Chengdu', { language: 'zh', maxPassages: 100 });
    const en = engine.search('Chengdu', { language: 'en', maxPassages: 100 });
    const both = zh.passages.filter((h) => h.passage.zh.includes('成都') && /chengdu/i.test(h.passage.en));
    expect(both.length).toBeGreaterThan(3);
    for (const hit of both) {
      expect(hit.language).toBe('zh');
      expect(excerpt(hit).match).toBe('成都');
      const enHit = en.passages.find((h) => h.passage.id === hit.passage.id);
      expect(enHit?.language).toBe('en');
      expect(excerpt(enHit!).match).toBe('Chengdu');
    }
    // Only the English matches: the excerpt is English whatever the interface language.
    const onlyEn = zh.passages.find((h) => !h.passage.zh.includes('成都'));
    expect(onlyEn?.language).toBe('en');
  });

  it('finds English text in passages, the whole word marked', () => {
    const r = engine.search('environment', { language: 'en' });
    expect(r.passages.length).toBeGreaterThan(0);
    expect(marked(r)).toBe('environment');
    const longer = r.passages.findIndex((h) => !/\benvironment\b/i.test(h.passage.en));
    expect(marked(r, longer)).toBe('environmental');
  });

  it('ranks exact names, then names that begin with the query, then names that contain it, then passages', () => {
    for (const q of ['成都', 'chengdu', 'Chengdu', 'cheng du']) {
      const r = engine.search(q);
      const tier = (id: string) => r.places.find((h) => h.place.id === id)?.tier;
      expect(r.places[0]?.place.id, q).toBe('city-chengdu');
      expect(r.places[0]?.tier, q).toBe(0);
      // 成都都市圈 begins with 成都; the Xinjin bus line to central Chengdu has it inside its full name.
      expect(tier('region-chengdu-metro'), q).toBe(1);
      expect(tier('bus-xinjin-central-1'), q).toBe(2);
      const tiers = r.places.map((h) => h.tier);
      expect(tiers, q).toEqual([...tiers].sort());
      expect(r.passages.length, q).toBeGreaterThan(0);
    }
  });

  it('ziyang: the city exactly, then the line and stations that begin with it, then Futian (on the Ziyang line)', () => {
    for (const q of ['资阳', 'ziyang', 'Ziyang']) {
      const r = engine.search(q);
      expect(r.places[0]).toMatchObject({ place: { id: 'city-ziyang' }, tier: 0 });
      expect(r.places.find((h) => h.place.id === 'ziyang-north-station')?.tier).toBe(1);
    }
    const ids = placeIds(engine.search('ziyang'));
    expect(ids.indexOf('ziyang-north-station')).toBeLessThan(ids.indexOf('futian-station'));
  });

  it('cq is the initials of both Chongqings (the city and the municipality), before anything merely beginning with them', () => {
    const r = engine.search('cq');
    expect(
      r.places
        .slice(0, 2)
        .map((h) => h.place.id)
        .sort(),
    ).toEqual(['city-chongqing', 'province-chongqing']);
    expect(r.places.slice(0, 2).map((h) => h.tier)).toEqual([0, 0]);
    expect(r.places.slice(2).every((h) => h.tier > 0)).toBe(true);
  });

  it('matches syllables and words only from their start', () => {
    expect(engine.search('iyang').places).toEqual([]);
    expect(placeIds(engine.search('yang'))).toContain('city-ziyang');
  });

  it('finds nothing for a query that matches nothing, or for no query at all', () => {
    for (const q of ['qxzwv', 'zzzz', '', '   ', '?!']) {
      const r = engine.search(q);
      expect(r.places, q).toEqual([]);
      expect(r.passages, q).toEqual([]);
    }
  });

  it('keeps to the limits asked for', () => {
    const r = engine.search('站', { maxPlaces: 3, maxPassages: 2 });
    expect(r.places).toHaveLength(3);
    expect(r.passages).toHaveLength(2);
  });
});

describe('ranking on a small index of its own', () => {
  // A name that contains the query must not outrank one that begins with it, however often the
  // article names it; nor a prefix an exact name; and any place comes before any passage.
  const small = new SearchEngine({
    version: 1,
    places: [
      { id: 'inner', kind: 'city', zh: '大江城', en: 'Great River Town', py: 'da jiang cheng', weight: 50 },
      { id: 'prefix', kind: 'city', zh: '江城', en: 'River Town', py: 'jiang cheng', weight: 5 },
      { id: 'exact', kind: 'river', zh: '江', en: 'River', py: 'jiang', weight: 0 },
      { id: 'other', kind: 'city', zh: '山城', en: 'Hill Town', py: 'shan cheng', weight: 9 },
    ],
    passages: [
      { id: 's', story: 's', kind: 'headline', zh: '江边', en: 'By the river', py: 'jiang bian' },
      { id: 's-1', story: 's', kind: 'body', zh: '江水', en: 'River water', py: 'jiang shui' },
      { id: 's-2', story: 's', kind: 'body', zh: '江上江下', en: 'River up, river down', py: 'jiang shang jiang xia' },
    ],
  });

  it.each(['江', 'jiang', 'river'])('%s: exact, prefix, substring, then passages', (q) => {
    const r = small.search(q);
    expect(r.places.map((h) => [h.place.id, h.tier])).toEqual([
      ['exact', 0],
      ['prefix', 1],
      ['inner', 2],
    ]);
    // Headlines first, then the passage that has the query most often.
    expect(r.passages.map((h) => h.passage.id)).toEqual(['s', 's-2', 's-1']);
  });

  it('among equal matches, the shorter name and then the one the article names more often', () => {
    expect(small.search('cheng').places.map((h) => h.place.id)).toEqual(['other', 'prefix', 'inner']);
  });

  it('refuses what is not a search index', () => {
    expect(() => new SearchEngine({ version: 2 } as never)).toThrow(/not a search index/);
  });
});

describe('excerpts', () => {
  it('show a headline whole, and cut a paragraph around its match with ellipses', () => {
    const r = engine.search('huanjing');
    const headline = r.passages.find((h) => h.passage.kind === 'headline')!;
    const whole = excerpt(headline);
    expect(whole.before + whole.match + whole.after).toBe(headline.passage.zh);
    const paragraph = r.passages.find((h) => h.passage.kind === 'body' && h.range[0] > 20 && h.range[1] < h.passage.zh.length - 30)!;
    const cut = excerpt(paragraph);
    expect(cut.before.startsWith('…')).toBe(true);
    expect(cut.after.endsWith('…')).toBe(true);
    expect(cut.match).toBe('环境');
    expect((cut.before + cut.match + cut.after).length).toBeLessThan(paragraph.passage.zh.length);
    expect(paragraph.passage.zh).toContain(cut.before.slice(1) + cut.match + cut.after.slice(0, -1));
  });

  it('cut English at spaces', () => {
    const r = engine.search('environment', { language: 'en' });
    const hit = r.passages.find((h) => h.passage.kind !== 'headline' && h.range[0] > 60)!;
    const { before, after } = excerpt(hit);
    expect(before).toMatch(/^…\S/);
    expect(hit.passage.en.includes(` ${before.slice(1)}`)).toBe(true);
    expect(after).toMatch(/\S…$/);
  });
});

describe('whole words before syllables inside other words', () => {
  const only依托 = (zh: string, en: string) => zh.includes('依托') && !zh.includes('沱') && !/\btuo\b/i.test(en);

  it('"Tuo" in English finds the Tuo River and its passages, not passages that match only 依托 (yī tuō)', () => {
    const r = engine.search('Tuo', { language: 'en', maxPassages: 100 });
    expect(r.places[0]?.place.id).toBe('river-tuo');
    expect(r.passages.length).toBeGreaterThanOrEqual(2);
    for (const h of r.passages) expect(only依托(h.passage.zh, h.passage.en), h.passage.id).toBe(false);
  });

  it('the same in Chinese: tuo finds 沱江 passages before 依托 ones', () => {
    const r = engine.search('tuo', { language: 'zh', maxPassages: 100 });
    expect(r.passages[0]?.passage.zh).toContain('沱');
    const firstInside = r.passages.findIndex((h) => only依托(h.passage.zh, h.passage.en));
    const anyWholeAfter = r.passages.slice(firstInside).some((h) => h.passage.zh.includes('沱'));
    expect(anyWholeAfter).toBe(false);
  });

  it('a whole English word ranks above a word it begins (environment before environmental)', () => {
    const r = engine.search('environment', { language: 'en', maxPassages: 100 });
    const whole = (en: string) => /\benvironment\b/i.test(en);
    const firstPrefixOnly = r.passages.findIndex((h) => !whole(h.passage.en) && h.language === 'en');
    const lastWhole = r.passages.map((h) => whole(h.passage.en)).lastIndexOf(true);
    expect(lastWhole).toBeGreaterThanOrEqual(0);
    expect(firstPrefixOnly === -1 || lastWhole < firstPrefixOnly).toBe(true);
  });
});
