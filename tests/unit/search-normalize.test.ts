import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, initialsKey, matchesAt, normalizeQuery, pinyinKey, sourceRange, textKey } from '../../src/search/normalize.mjs';

describe('normalizeQuery', () => {
  it.each([
    ['Jiālíng', 'jialing'],
    ['JIĀLÍNGJIĀNG', 'jialingjiang'],
    ['jia1ling2', 'jialing'],
    ['jia1 ling2 jiang1', 'jialingjiang'],
    ['jia ling', 'jialing'],
    ['  Ziyang   North ', 'ziyangnorth'],
    ['ｊｉａｌｉｎｇ', 'jialing'],
    ['ＪＩＡ　ＬＩＮＧ', 'jialing'],
    ['Xi’an', 'xian'],
    ['lǜ', 'lv'],
    ['lü4se4', 'lvse'],
    ['嘉陵', '嘉陵'],
    ['“四山”', '四山'],
    ['资阳 北', '资阳北'],
  ])('%s → %s', (query, expected) => {
    expect(normalizeQuery(query)).toBe(expected);
  });

  it.each([
    ['Line 18', 'line18'],
    ['S3', 's3'],
    ['2022', '2022'],
    ['T1 T2', 't1t2'],
    ['ｓ３', 's3'],
  ])('keeps digits that are not tones: %s → %s', (query, expected) => {
    expect(normalizeQuery(query)).toBe(expected);
  });

  it('gives nothing for a query of only spaces and punctuation', () => {
    expect(normalizeQuery('  ,。!? ')).toBe('');
  });

  it('is idempotent and never leaves spaces, upper case or tone marks', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const q = normalizeQuery(s);
        expect(normalizeQuery(q)).toBe(q);
        expect(q).not.toMatch(/[\s\p{Lu}\p{M}]/u);
      }),
    );
  });
});

describe('keys', () => {
  it('match only where a word, character or syllable begins', () => {
    const en = textKey('Ziyang North Station');
    expect(matchesAt(en, 'ziyangnorth')).toEqual([0]);
    expect(matchesAt(en, 'north')).toEqual([6]);
    expect(matchesAt(en, 'orth')).toEqual([]);
    const py = pinyinKey('资阳北站', ['zi', 'yang', 'bei', 'zhan']);
    expect(py.s).toBe('ziyangbeizhan');
    expect(matchesAt(py, 'yangbei')).toEqual([2]);
    expect(matchesAt(py, 'iyang')).toEqual([]);
    const zh = textKey('嘉陵江');
    expect(matchesAt(zh, '陵江')).toEqual([1]);
  });

  it('map a match back to the characters it covers, a half-typed syllable marking its whole character', () => {
    const text = '推进以长江、嘉陵江为主体';
    const syllables = ['tui', 'jin', 'yi', 'chang', 'jiang', 'jia', 'ling', 'jiang', 'wei', 'zhu', 'ti'];
    const py = pinyinKey(text, syllables);
    const [at] = matchesAt(py, 'jialingj');
    expect(text.slice(...sourceRange(py, at as number, 'jialingj'.length))).toBe('嘉陵江');
    const en = textKey('joint environmental protection');
    const [e] = matchesAt(en, 'environment');
    expect('joint environmental protection'.slice(...sourceRange(en, e as number, 11))).toBe('environmental');
  });

  it('keeps the syllables aligned past punctuation, digits and Latin letters', () => {
    const py = pinyinKey('天府机场1号2号航站楼站(S3)', ['tian', 'fu', 'ji', 'chang', 'hao', 'hao', 'hang', 'zhan', 'lou', 'zhan']);
    expect(py.s).toBe('tianfujichang1hao2haohangzhanlouzhans3');
    expect(initialsKey('嘉陵江', ['jia', 'ling', 'jiang']).s).toBe('jlj');
  });

  it('fold drops tone marks and compatibility forms', () => {
    expect(fold('Chóngqìng')).toBe('chongqing');
    expect(fold('ＡＢＣ１２３')).toBe('abc123');
  });
});
