// What a reader of the Chinese interface can be shown — the notes and names on the map, the
// article's reasons for stand-ins, the interface, the credits (on the map and on the PNG), the
// licenses in the panels — is Chinese: no sentence without a Chinese character, no address, no
// file path, no commit hash. And the English side keeps to American spelling.
import { describe, expect, it } from 'vitest';
import { article } from '../../src/article/article';
import { creditsFor } from '../../src/data/credits';
import { allStrings, licenceName } from '../../src/i18n/locale';
import { geoFiles, readGeo } from './geo-helpers';

/** The switch to the other language is written in that language, on purpose. */
const OTHER_LANGUAGE = new Set(['English', 'Switch to English', '中文', '切换到中文']);

/** What a reader sees of a string: markup removed (a link's address is not shown). */
const visible = (s: string) => s.replace(/<[^>]*>/g, '');

/** Why a string is unfit for a reader of Chinese, or null. */
export function unfitForChinese(s: string): string | null {
  const text = visible(s);
  if (/https?:|www\.|\b[\w-]+\.(?:com|org|cn|net)\b/i.test(text)) return 'an address';
  if (/(?:^|[\s(])[\w.-]+\/[\w./-]+|\.(?:mjs|ts|json|md|geojson)\b/.test(text)) return 'a file path';
  if (/\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{7,40}\b/.test(text)) return 'a hash';
  for (const sentence of text.split(/[。;;!?!?]/)) {
    if (/[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(sentence) && !/\p{Script=Han}/u.test(sentence)) return `a sentence in Latin letters only: “${sentence.trim()}”`;
  }
  return null;
}

function chineseStrings(): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  for (const name of geoFiles()) {
    for (const f of readGeo(name).features) {
      const p = f.properties as Record<string, unknown>;
      for (const key of ['note_zh', 'label_zh', 'name_zh'])
        if (typeof p[key] === 'string') out.push({ where: `${name} ${f.properties.id}.${key}`, text: p[key] as string });
      if (typeof p['licence'] === 'string') out.push({ where: `${name} ${f.properties.id} license`, text: licenceName(p['licence'] as string, 'zh') });
    }
  }
  for (const [key, m] of Object.entries(article.mentions)) if (m.reason) out.push({ where: `mention ${key}`, text: m.reason.zh });
  for (const text of allStrings('zh')) if (!OTHER_LANGUAGE.has(text)) out.push({ where: 'interface', text });
  for (const text of creditsFor('zh')) out.push({ where: 'credits', text });
  return out;
}

describe('the Chinese interface', () => {
  it('shows no sentence in Latin letters only, no address, file path or hash', () => {
    const all = chineseStrings();
    expect(all.length).toBeGreaterThan(600);
    const unfit = all.flatMap(({ where, text }) => {
      const why = unfitForChinese(text);
      return why ? [`${where}: ${why}`] : [];
    });
    expect(unfit).toEqual([]);
  });

  it('names its credits in Chinese, GSHHG as a Chinese reader knows it, and the page by its headline', () => {
    const credits = creditsFor('zh').join(' | ');
    expect(credits).toContain('全球海岸线与河流数据 GSHHG');
    expect(credits).toContain('《2022年明确6个方面32项重点任务 川渝持续推进生态共建环境共保》');
    expect(creditsFor('en').join(' | ')).toContain('“32 key tasks in 6 areas set out for 2022');
  });

  it('finds what is unfit (the check can fail)', () => {
    expect(unfitForChinese('Places: cited Chinese sources (see geo/README.md)')).toBe('a file path');
    expect(unfitForChinese('来源:https://example.org/x')).toBe('an address');
    expect(unfitForChinese('提交 087310aa')).toBe('a hash');
    expect(unfitForChinese('Rivers from the world data')).toMatch(/Latin letters only/);
    expect(unfitForChinese('河流:全球海岸线与河流数据 GSHHG 2.3.7(LGPL-3.0 许可)')).toBeNull();
  });
});

describe('the English interface', () => {
  it('keeps to American spelling in every note, reason, credit and interface string', () => {
    const texts = [
      ...geoFiles().flatMap((n) => readGeo(n).features.map((f) => String((f.properties as Record<string, unknown>)['note_en'] ?? ''))),
      ...Object.values(article.mentions).map((m) => m.reason?.en ?? ''),
      ...allStrings('en'),
      ...creditsFor('en'),
    ].join('\n');
    expect(texts).not.toMatch(
      /optimis|organis|centre|labour|neighbour|defence|programme|colour|favour|kilometre|licence|towards|-east |-west |north-east|south-west/i,
    );
  });
});
