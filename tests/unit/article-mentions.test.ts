// Every place the article names is marked, in both languages, and linked to the map features
// that stand for it, or given a reason readers can read.
import { describe, expect, it } from 'vitest';
import { article } from '../../src/article/article';
import { articleTexts } from '../../src/article/check.mjs';
import { MENTION_KEY, mentionKeys, parseMarkup } from '../../src/article/markup.mjs';
import { geoFiles, readGeo } from './geo-helpers';

const texts = articleTexts(article);
const sorted = (keys: string[]) => [...keys].sort();

/** Every map feature id, read from the committed geo/ files. */
const geoIds = new Set(geoFiles().flatMap((n) => readGeo(n).features.map((f) => f.properties.id)));

/** Mentions by the Chinese text they are shown as, across the whole article. */
const byShownZh = new Map<string, Set<string>>();
for (const { text } of texts) {
  for (const seg of parseMarkup(text.zh)) {
    if ('mention' in seg) byShownZh.set(seg.text, (byShownZh.get(seg.text) ?? new Set()).add(seg.mention));
  }
}
const featuresOf = (shownZh: string) => {
  const keys = byShownZh.get(shownZh);
  if (!keys) throw new Error(`“${shownZh}” is never marked`);
  return [...keys].flatMap((k) => article.mentions[k]?.features ?? []);
};

/** The plain text of a marked-up text, and the character ranges its mentions cover. */
function covered(text: string): { plain: string; ranges: [number, number][] } {
  let plain = '';
  const ranges: [number, number][] = [];
  for (const seg of parseMarkup(text)) {
    if ('mention' in seg) ranges.push([plain.length, plain.length + seg.text.length]);
    plain += seg.text;
  }
  return { plain, ranges };
}

/** Occurrences of `name` in the Chinese texts that no mention covers, with some context. */
function unmarked(name: string): string[] {
  const misses: string[] = [];
  for (const { where, text } of texts) {
    const { plain, ranges } = covered(text.zh);
    for (let i = plain.indexOf(name); i >= 0; i = plain.indexOf(name, i + 1)) {
      if (!ranges.some(([a, b]) => a <= i && i + name.length <= b)) misses.push(`${where}: …${plain.slice(Math.max(0, i - 6), i + name.length + 6)}…`);
    }
  }
  return misses;
}

describe('mention markup in both languages', () => {
  it.each(texts.map((t) => [t.where, t.text] as const))('%s names the same places in Chinese and English', (_where, text) => {
    expect(sorted(mentionKeys(text.en))).toEqual(sorted(mentionKeys(text.zh)));
  });

  it('defines every key it uses and uses every key it defines, all kebab-case', () => {
    const used = new Set(texts.flatMap((t) => mentionKeys(t.text.zh)));
    expect(sorted([...used])).toEqual(sorted(Object.keys(article.mentions)));
    for (const key of used) expect(key).toMatch(MENTION_KEY);
  });
});

describe('mention targets', () => {
  const linked = [...new Set(Object.values(article.mentions).flatMap((m) => m.features))].sort();

  // Until the region outlines land in geo/, region-chengyu-circle, region-chengdu-metro,
  // region-ne-chongqing, region-ne-sichuan and region-chongqing-core fail here, by name.
  it.each(linked)('feature %s exists in geo/', (id) => {
    expect(geoIds.has(id)).toBe(true);
  });

  it('gives every mention without a feature a reason, in both languages, written for readers', () => {
    for (const [key, m] of Object.entries(article.mentions)) {
      if (m.features.length === 0) expect(m.reason, key).toBeDefined();
      if (!m.reason) continue;
      expect(m.reason.zh, key).toMatch(/\p{Script=Han}/u);
      expect(m.reason.en, key).toMatch(/^[A-Z].*\.$/u);
      expect(m.reason.en, key).not.toMatch(/\p{Script=Han}/u);
      // for readers: no feature ids or file names
      for (const text of [m.reason.zh, m.reason.en]) expect(text, key).not.toMatch(/[a-z]+-[a-z]+-|\.geojson|geo\//);
    }
  });

  it('links the places the brief names to what stands for them', () => {
    expect(featuresOf('川渝')).toEqual(['province-sichuan', 'province-chongqing']);
    expect(featuresOf('成渝地区双城经济圈')).toEqual(['region-chengyu-circle']);
    expect(featuresOf('成都都市圈')).toEqual(['region-chengdu-metro']);
    expect(featuresOf('成德眉资')).toContain('region-chengdu-metro');
    expect(featuresOf('渝东北地区')).toEqual(['region-ne-chongqing']);
    expect(featuresOf('重庆中心城区')).toEqual(['region-chongqing-core']);
    expect(featuresOf('川东北人力资源协同发展试验区')).toEqual(['region-ne-sichuan']);
    expect(article.mentions['ne-sichuan-hr-zone']?.reason?.en).toMatch(/no outline/);
    expect(featuresOf('成眉')).toEqual(['city-chengdu', 'city-meishan']);
    expect(featuresOf('成资')).toEqual(['city-chengdu', 'city-ziyang']);
    expect(featuresOf('德阳')).toEqual(['city-deyang']);
    expect(featuresOf('眉山')).toEqual(['city-meishan']);
    expect(featuresOf('资阳')).toEqual(['city-ziyang']);
    expect(featuresOf('成都')).toEqual(['city-chengdu']);
    expect(featuresOf('城市新区')).toEqual(['tianfu-new-area']);
    expect(featuresOf('长征渠引水工程')).toEqual([]);
  });
});

describe('every place the article names is marked', () => {
  // Place names that must sit inside a mention wherever they occur in the Chinese text.
  const PLACES = [
    '长江',
    '嘉陵江',
    '乌江',
    '岷江',
    '沱江',
    '涪江',
    '铜钵河',
    '濑溪河',
    '琼江',
    '六江',
    '长征渠',
    '广阳岛',
    '广阳湾',
    '万州',
    '三峡',
    '渝东北地区',
    '重庆中心城区',
    '四山',
    '龙泉山',
    '城口',
    '大巴山',
    '金阳',
    '荣昌',
    '轨道交通资阳线',
    '资阳北站',
    '福田站',
    '18号线',
    '未来科技城',
    '天府国际机场',
    '成都都市圈',
    '西南',
    '新津',
    '新津区',
    '双流区',
    '邛崃',
    '崇州',
    '大邑',
    '蒲江',
    '眉山市彭山区',
    '天府新区',
    '成都中心城区',
    '城市新区',
    '畅行圈',
    '成都',
    '重庆',
    '四川',
    '川',
    '渝',
    '德阳',
    '眉山',
    '资阳',
    '成渝',
    '成德眉资',
    '成眉',
    '成资',
    '双城经济圈',
    '南充',
    '南充临江新区',
    '上海',
    '广州',
    '西安',
    '贵州',
    '甘肃',
    '长三角',
    '川东北',
    '两岸青山',
  ];

  it.each(PLACES)('marks every occurrence of %s', (name) => {
    expect(
      texts.some((t) => t.text.zh.includes(name)),
      `${name} does not occur`,
    ).toBe(true);
    expect(unmarked(name)).toEqual([]);
  });

  it('marks every occurrence of a name the map gives one of its places', () => {
    const names = new Set<string>();
    for (const file of geoFiles().filter((n) => n !== 'hydrography.geojson')) {
      for (const f of readGeo(file).features) {
        const p = f.properties as unknown as Record<string, unknown>;
        if (p['kind'] === 'bus-line') continue; // descriptive names of schematic lines
        for (const name of [p['name_zh'], p['label_zh']]) if (typeof name === 'string' && name.length >= 2) names.add(name);
      }
    }
    const found = [...names].filter((n) => texts.some((t) => t.text.zh.includes(n)));
    expect(found.length).toBeGreaterThan(20);
    expect(found.flatMap(unmarked)).toEqual([]);
  });

  it('finds an unmarked place (the check can fail)', () => {
    expect(unmarked('两地').length).toBeGreaterThan(0);
  });
});
