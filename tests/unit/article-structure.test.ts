// The article's shape (the contract the reader panel, search and tour build on) and its English.
import { describe, expect, it } from 'vitest';
import { article } from '../../src/article/article';
import { articleProblems, articleTexts } from '../../src/article/check.mjs';
import { parseMarkup, plainText } from '../../src/article/markup.mjs';
import type { Article } from '../../src/article/types';

const paragraphs = article.stories.flatMap((s) => s.paragraphs);
const clone = (): Article => structuredClone(article);

describe('stories and ids', () => {
  it('keeps every story and paragraph id (a change here must be deliberate: links and the tour use them)', () => {
    expect(article.stories.map((s) => [s.id, s.paragraphs.map((p) => p.id)])).toEqual([
      ['eco', Array.from({ length: 16 }, (_, i) => `eco-${i + 1}`)],
      ['ziyang', ['ziyang-1', 'ziyang-2', 'ziyang-3']],
      ['transit', ['transit-1', 'transit-2', 'transit-3', 'transit-4']],
      ['news-hr', ['news-hr-1', 'news-hr-2', 'news-hr-3']],
      ['news-data', ['news-data-1', 'news-data-2', 'news-data-3', 'news-data-4']],
      ['news-flood', ['news-flood-1', 'news-flood-2']],
      ['news-nanchong', ['news-nanchong-1', 'news-nanchong-2', 'news-nanchong-3']],
    ]);
  });

  it('numbers paragraphs <story>-<n> from 1 in reading order, each id once', () => {
    const ids = paragraphs.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of article.stories) s.paragraphs.forEach((p, i) => expect(p.id).toBe(`${s.id}-${i + 1}`));
  });

  it('puts the four 经济圈动态 items under their column, and nothing else', () => {
    expect(article.stories.map((s) => s.section)).toEqual([
      null,
      null,
      null,
      ...Array.from({ length: 4 }, () => ({ zh: '经济圈动态', en: 'Economic Circle News' })),
    ]);
  });

  it('leads with the main story’s headline and credits a 2022 newspaper page without naming a paper', () => {
    expect(article.headline).toEqual(article.stories[0]?.headline);
    expect(article.publication).toEqual({ year: 2022, zh: '2022年的一版报纸', en: 'A 2022 newspaper page' });
  });

  it('marks only the two section headings as headings and the photo caption as a caption', () => {
    expect(paragraphs.filter((p) => p.kind === 'heading').map((p) => p.id)).toEqual(['eco-3', 'eco-8']);
    expect(paragraphs.filter((p) => p.kind === 'caption').map((p) => p.id)).toEqual(['eco-16']);
  });

  it('passes the consistency check the data build runs', () => {
    expect(articleProblems(article)).toEqual([]);
  });

  it('has a consistency check that names what is wrong', () => {
    const renumbered = clone();
    renumbered.stories[1]!.paragraphs[0]!.id = 'ziyang-9';
    expect(articleProblems(renumbered)).toContain('paragraph 1 of story "ziyang" has id "ziyang-9", expected "ziyang-1"');

    const untranslated = clone();
    untranslated.stories[2]!.paragraphs[1]!.en = ' ';
    expect(articleProblems(untranslated)).toContain('transit-2: no English text');

    const broken = clone();
    broken.stories[0]!.paragraphs[1]!.en = 'In 2021, [[Sichuan and Chongqing|chuanyu';
    expect(articleProblems(broken).join('\n')).toMatch(/^eco-2: malformed mention markup/m);
  });
});

describe('the English translation', () => {
  const texts = articleTexts(article);

  it('gives every headline and paragraph its English, and the English is English', () => {
    for (const { where, text } of texts) {
      expect(plainText(text.en).trim().length, where).toBeGreaterThan(0);
      expect(plainText(text.en), where).not.toMatch(/\p{Script=Han}/u);
    }
    for (const s of article.stories) if (s.section) expect(s.section.en).toMatch(/\S/);
  });

  it('keeps to American spelling throughout', () => {
    const all = texts.map((t) => plainText(t.text.en)).join('\n');
    expect(all).not.toMatch(/optimis|organis|centre|labour|neighbour|defence|programme|colour|favour/i);
  });

  it('renders document titles in quotation marks, not italics or book-title brackets', () => {
    const all = texts.map((t) => t.text.en).join('\n');
    expect(all).not.toMatch(/[《》*_]|<\/?i>/);
    expect(plainText(texts.find((t) => t.where === 'eco-1')!.text.en)).toContain('(the “Key Points” for short)');
  });

  it('carries every figure of the Chinese over', () => {
    const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    const grouped = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // a figure stands alone: "6" must not be found inside "6,236" or "16"
    const stands = (en: string, figure: string) => new RegExp(`(?<![\\d.,])${escape(figure)}(?![\\d]|[.,]\\d)`).test(en);
    let figures = 0;
    for (const { where, text } of texts) {
      const zh = plainText(text.zh);
      const en = plainText(text.en);
      for (const m of zh.matchAll(/(\d+(?:\.\d+)?)(余)?(月(\d+)日|月|万)?/g)) {
        const n = Number(m[1]);
        let expected: string[];
        if (m[3]?.startsWith('月')) expected = [m[4] ? `${MONTHS[n - 1]} ${m[4]}` : MONTHS[n - 1]!];
        else if (m[3] === '万') expected = [grouped(n * 10_000), `${grouped(n / 100)} million`];
        else expected = [m[1]!, grouped(n)];
        if (m[2]) expected = expected.map((e) => `more than ${e}`);
        expect(
          expected.some((e) => stands(en, e)),
          `${where}: ${m[0]} → ${expected.join(' or ')}`,
        ).toBe(true);
        figures += 1;
      }
    }
    expect(figures).toBeGreaterThanOrEqual(40);
  });

  it('quotes the figures readers will compare with the map exactly', () => {
    const en = (id: string) => plainText(paragraphs.find((p) => p.id === id)!.en);
    expect(en('ziyang-2')).toContain('38.7 km');
    expect(en('transit-3')).toContain('6,236 km²');
    expect(en('transit-3')).toContain('5.14 million people');
    expect(en('transit-3')).toContain('more than 140 buses');
    expect(en('transit-3')).toContain('13 bus lines');
  });

  it('uses the names readers meet on the map for the places it links', () => {
    const names: Record<string, string> = {
      yangtze: 'Yangtze',
      jialing: 'Jialing River',
      'wu-river': 'Wu River',
      'min-river': 'Min River',
      'tuo-river': 'Tuo River',
      'fu-river': 'Fu River',
      'qiong-river': 'Qiong River',
      'laixi-river': 'Laixi River',
      'tongbo-river': 'Tongbo River',
      chengdu: 'Chengdu',
      chongqing: 'Chongqing',
      'chongqing-municipality': 'Chongqing',
      ziyang: 'Ziyang',
      deyang: 'Deyang',
      meishan: 'Meishan',
      wanzhou: 'Wanzhou',
      'ziyang-line': 'Ziyang Line',
      'ziyang-north-station': 'Ziyang North Station',
      'futian-station': 'Futian Station',
      xinjin: 'Xinjin',
      'tianfu-new-area': 'Tianfu New Area',
      shuangliu: 'Shuangliu',
      qionglai: 'Qionglai',
      chongzhou: 'Chongzhou',
      dayi: 'Dayi',
      pujiang: 'Pujiang',
      pengshan: 'Pengshan',
      'guangyang-island': 'Guangyang Island',
      'tianfu-airport': 'Chengdu Tianfu International Airport',
      'chengyu-circle': 'Twin-City Economic Circle',
      'chengdu-metro': 'Chengdu Metropolitan Area',
      'three-gorges': 'Three Gorges',
      longquan: 'Longquan Mountains',
      shanghai: 'Shanghai',
      guangzhou: 'Guangzhou',
      xian: 'Xi’an',
      guizhou: 'Guizhou',
      gansu: 'Gansu',
    };
    const shown = new Map<string, Set<string>>();
    for (const { text } of texts) {
      for (const seg of parseMarkup(text.en)) {
        if ('mention' in seg) shown.set(seg.mention, (shown.get(seg.mention) ?? new Set()).add(seg.text));
      }
    }
    for (const [key, name] of Object.entries(names)) {
      expect(shown.has(key), key).toBe(true);
      for (const text of shown.get(key) ?? []) expect(text, key).toContain(name);
    }
  });
});
