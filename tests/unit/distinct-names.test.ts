import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/article/types';
import { distinctNames } from '../../src/data/names';
import { buildSearchIndex } from '../../src/search/build-index.mjs';
import { SearchEngine } from '../../src/search/query';

const ROOT = resolve(import.meta.dirname, '../..');
const lightIndex = JSON.parse(readFileSync(resolve(ROOT, 'geo/index.json'), 'utf8'));
const article = JSON.parse(readFileSync(resolve(ROOT, 'src/article/article.json'), 'utf8')) as Article;
const engine = new SearchEngine(buildSearchIndex(lightIndex, article));

describe('names that tell features apart', () => {
  it('numbers two lines of the same name, in both languages', () => {
    const items = [
      { name: '新津区—彭山区', kind: 'bus-line', n: 1 },
      { name: '新津区—彭山区', kind: 'bus-line', n: 2 },
      { name: '新津站', kind: 'rail-station' },
    ];
    expect(distinctNames(items, 'zh')).toEqual(['新津区—彭山区(第1条)', '新津区—彭山区(第2条)', '新津站']);
    const en = items.map((i, k) => ({ ...i, name: ['Xinjin – Pengshan', 'Xinjin – Pengshan', 'Xinjin Station'][k]! }));
    expect(distinctNames(en, 'en')).toEqual(['Xinjin – Pengshan (line 1)', 'Xinjin – Pengshan (line 2)', 'Xinjin Station']);
  });

  it('leaves a shared name alone when the kinds differ (the kind is shown beside it), and numbers unnumbered twins in order', () => {
    expect(
      distinctNames(
        [
          { name: '重庆', kind: 'city' },
          { name: '重庆', kind: 'province' },
        ],
        'zh',
      ),
    ).toEqual(['重庆', '重庆']);
    expect(
      distinctNames(
        [
          { name: 'A', kind: 'site' },
          { name: 'A', kind: 'site' },
        ],
        'en',
      ),
    ).toEqual(['A (1)', 'A (2)']);
  });

  it('search results for a shared bus-line name are told apart', () => {
    for (const [q, lang] of [
      ['新津区—彭山区', 'zh'],
      ['Xinjin District – Pengshan', 'en'],
    ] as const) {
      const places = engine.search(q, { language: lang }).places.map((h) => h.place);
      const names = distinctNames(
        places.map((p) => ({ name: p[lang], kind: p.kind, n: p.n })),
        lang,
      );
      expect(places.filter((p) => p.id.startsWith('bus-xinjin-pengshan')).length, q).toBe(2);
      expect(new Set(names).size, q).toBe(names.length);
    }
  });
});
