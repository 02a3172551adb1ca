import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/article/types';
import type { LightIndex } from '../../src/data/types';
import { buildSearchIndex, syllablesOf } from '../../src/search/build-index.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const lightIndex = JSON.parse(readFileSync(resolve(ROOT, 'geo/index.json'), 'utf8')) as LightIndex;
const article = JSON.parse(readFileSync(resolve(ROOT, 'src/article/article.json'), 'utf8')) as Article;
const data = buildSearchIndex(lightIndex, article);
const json = JSON.stringify(data);

const hanCount = (text: string) => [...text].filter((ch) => /\p{Script=Han}/u.test(ch)).length;

describe('the search index built from geo/index.json and the article', () => {
  it('has every feature of the light index, with its short and full names', () => {
    expect(data.places.map((p) => p.id)).toEqual(lightIndex.features.map((f) => f.id));
    const station = data.places.find((p) => p.id === 'ziyang-north-station');
    expect(station).toMatchObject({ zh: '资阳北站', en: 'Ziyang North Station', py: 'zi yang bei zhan' });
    expect(station?.zhFull).toBe('资阳北站(轨道交通资阳线)');
    expect(data.places.find((p) => p.id === 'river-jialing')).toMatchObject({ zh: '嘉陵江', en: 'Jialing River', py: 'jia ling jiang' });
  });

  it('has every headline and paragraph in both languages, markup removed', () => {
    const expected = article.stories.flatMap((s) => [s.id, ...s.paragraphs.map((p) => p.id)]);
    expect(data.passages.map((p) => p.id)).toEqual(expected);
    for (const p of data.passages) {
      expect(p.zh).not.toMatch(/\[\[|\]\]/);
      expect(p.en).not.toMatch(/\[\[|\]\]/);
      expect(p.zh.length).toBeGreaterThan(0);
      expect(p.en.length).toBeGreaterThan(0);
    }
    expect(data.passages.find((p) => p.id === 'eco')?.kind).toBe('headline');
  });

  it('gives every Chinese character of a name or passage one toneless syllable, aligned', () => {
    const texts = [
      ...data.places.flatMap((p) => [[p.zh, p.py] as const, ...(p.zhFull ? [[p.zhFull, p.pyFull ?? ''] as const] : [])]),
      ...data.passages.map((p) => [p.zh, p.py] as const),
    ];
    for (const [text, py] of texts) {
      const syllables = py ? py.split(' ') : [];
      expect(syllables.length, text).toBe(hanCount(text));
      for (const s of syllables) expect(s, text).toMatch(/^[a-z]+$/);
    }
  });

  it('reads place names in context as they are said (成都 chéng dū, 长江 cháng jiāng, 重庆 chóng qìng)', () => {
    for (const p of data.passages) {
      const syllables = p.py.split(' ');
      const han = [...p.zh].filter((ch) => /\p{Script=Han}/u.test(ch));
      han.forEach((ch, i) => {
        const pair = ch + (han[i + 1] ?? '');
        const reading = `${syllables[i]} ${syllables[i + 1]}`;
        if (pair === '成都') expect(reading, p.id).toBe('cheng du');
        if (pair === '长江') expect(reading, p.id).toBe('chang jiang');
        if (pair === '重庆') expect(reading, p.id).toBe('chong qing');
      });
    }
    expect(syllablesOf('环境')).toBe('huan jing');
  });

  it('counts how often the article names each feature', () => {
    const jialing = data.places.find((p) => p.id === 'river-jialing');
    const xinjinStation = data.places.find((p) => p.id === 'xinjin-station');
    expect(jialing?.weight).toBeGreaterThan(0);
    expect(data.places.find((p) => p.id === 'xinjin')?.weight).toBeGreaterThan(xinjinStation?.weight ?? 0);
  });

  it('is small: under 96 kB raw and 32 kB gzipped', () => {
    const raw = Buffer.byteLength(json);
    const gzip = gzipSync(json, { level: 9 }).length;
    expect(raw).toBeLessThan(96 * 1024);
    expect(gzip).toBeLessThan(32 * 1024);
  });

  it('fails loudly on data it cannot index', () => {
    expect(() => buildSearchIndex({ features: null } as unknown as LightIndex, article)).toThrow(/no features/);
    const nameless = { features: [{ id: 'x', kind: 'city', properties: { name_zh: '', name_en: 'X' } }] };
    expect(() => buildSearchIndex(nameless, article)).toThrow(/x lacks name_zh/);
  });
});
