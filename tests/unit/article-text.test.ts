// The article's Chinese text is the source page's, restored from the layout's damage and nothing
// else: no character lost, added or changed.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { article } from '../../src/article/article';
import { plainText } from '../../src/article/markup.mjs';
import { ROOT } from './geo-helpers';

const SOURCE = readFileSync(resolve(ROOT, 'src/article/source.zh.txt'), 'utf8');
const normalise = (s: string) => s.replace(/\s+/g, '');
const paragraphs = article.stories.flatMap((s) => s.paragraphs);
const paragraph = (id: string) => {
  const p = paragraphs.find((x) => x.id === id);
  if (!p) throw new Error(`no paragraph ${id}`);
  return p;
};

/** Every printed unit of the page once: the column title, each headline, each paragraph. */
function printedUnits(): { id: string; text: string }[] {
  const sections = [...new Set(article.stories.flatMap((s) => (s.section ? [s.section.zh] : [])))];
  return [
    ...sections.map((text, i) => ({ id: `section-${i}`, text })),
    ...article.stories.flatMap((s) => [
      { id: `${s.id} headline`, text: plainText(s.headline.zh) },
      ...s.paragraphs.map((p) => ({ id: p.id, text: plainText(p.zh) })),
    ]),
  ].map((u) => ({ ...u, text: normalise(u.text) }));
}

/**
 * Lays the units end to end so that they spell `target`, each used once: the order in which
 * they stand in the source. Null when no order does.
 */
function sourceOrder(units: { id: string; text: string }[], target: string): string[] | null {
  const used = new Set<number>();
  const order: string[] = [];
  const place = (at: number): boolean => {
    if (at === target.length) return used.size === units.length;
    for (const [i, u] of units.entries()) {
      if (used.has(i) || u.text.length === 0 || !target.startsWith(u.text, at)) continue;
      used.add(i);
      order.push(u.id);
      if (place(at + u.text.length)) return true;
      used.delete(i);
      order.pop();
    }
    return false;
  };
  return place(0) ? order : null;
}

describe('the Chinese text against the source page', () => {
  it('finds every headline and paragraph in the source', () => {
    const source = normalise(SOURCE);
    for (const u of printedUnits()) expect(source.includes(u.text), u.id).toBe(true);
  });

  it('spells out the whole source, nothing lost or added, once put back in source order', () => {
    const order = sourceOrder(printedUnits(), normalise(SOURCE));
    expect(order).not.toBeNull();
    // The only departure from the printed order: the main story's two displaced paragraphs,
    // which the layout put after the Ziyang story, now close the main story.
    expect(order).toEqual([
      'eco headline',
      'eco-1',
      'eco-2',
      'eco-3',
      'eco-4',
      'eco-5',
      'eco-6',
      'eco-7',
      'eco-8',
      'eco-9',
      'eco-10',
      'eco-11',
      'eco-12',
      'eco-13',
      'eco-16',
      'ziyang headline',
      'ziyang-1',
      'ziyang-2',
      'ziyang-3',
      'eco-14',
      'eco-15',
      'transit headline',
      'transit-1',
      'transit-2',
      'transit-3',
      'transit-4',
      'section-0',
      'news-hr headline',
      'news-hr-1',
      'news-hr-2',
      'news-hr-3',
      'news-data headline',
      'news-data-1',
      'news-data-2',
      'news-data-3',
      'news-data-4',
      'news-flood headline',
      'news-flood-1',
      'news-flood-2',
      'news-nanchong headline',
      'news-nanchong-1',
      'news-nanchong-2',
      'news-nanchong-3',
    ]);
  });

  it('keeps the source punctuation as printed (ASCII commas and brackets included)', () => {
    expect(plainText(paragraph('eco-1').zh)).toContain('近日,《推动成渝地区双城经济圈');
    expect(plainText(paragraph('eco-10').zh)).toContain('保护场(区)建设');
    expect(plainText(paragraph('news-data-3').zh)).toMatch(/^具体怎么强化\?/);
  });

  it('joins the sentences the layout broke across lines', () => {
    expect(plainText(paragraph('eco-5').zh)).toContain('绿色技术创新中心和绿色工程研究中心');
    expect(plainText(paragraph('eco-6').zh)).toContain('持续淘汰煤电落后产能,推动煤电结构优化');
    expect(plainText(paragraph('eco-10').zh)).toContain('四川金阳丝毛鸡畜禽遗传资源保护场(区)建设');
    expect(plainText(paragraph('eco-12').zh)).toContain('川渝将完成“成渝地区大气污染联防联控');
    // Body text and caption run on without any break; a two-part heading keeps the single
    // space that separates its halves, as printed.
    for (const p of paragraphs) expect(p.zh, p.id).not.toMatch(p.kind === 'heading' ? /\s\s|[^ \S]/ : /\s/);
  });

  it('puts the displaced paragraphs and the photo caption back in the main story', () => {
    const eco = article.stories.find((s) => s.id === 'eco');
    const tail = eco?.paragraphs.slice(-3).map((p) => [p.kind, plainText(p.zh).slice(0, 14)]);
    expect(tail).toEqual([
      ['body', '《要点》提出,两地将联合防范'],
      ['body', '今年,两地将落实川渝生态环境'],
      ['caption', '重庆广阳湾智创生态城迎龙小院'],
    ]);
    expect(eco?.paragraphs.filter((p) => p.kind === 'heading').map((p) => p.zh)).toEqual(['优化产业和能源结构 共推绿色转型', '筑牢生态屏障 共治跨界污染']);
  });
});

describe('the sentence the source cuts off', () => {
  const truncated = paragraphs.filter((p) => p.truncated);
  const cut = '作为西南首个集国际机场、高速铁路、高速公路、城际及城市轨道交通、市内公共交通圈。';

  it('is the only paragraph flagged, and it is the Ziyang story’s last', () => {
    expect(truncated.map((p) => p.id)).toEqual(['ziyang-3']);
    expect(article.stories.find((s) => s.id === 'ziyang')?.paragraphs.at(-1)?.id).toBe('ziyang-3');
  });

  it('keeps the source’s words exactly, on a line of their own there', () => {
    expect(plainText(paragraph('ziyang-3').zh)).toBe(cut);
    expect(SOURCE.split('\n')).toContain(cut);
  });

  it('ends its English with an ellipsis in brackets, and carries no translator’s note in the text', () => {
    const en = plainText(paragraph('ziyang-3').en);
    expect(en).toMatch(/ \[…\]$/);
    expect(en).not.toMatch(/truncat|cut off|source|note/i);
  });
});
