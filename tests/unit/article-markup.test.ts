import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mentionKeys, parseMarkup, plainText } from '../../src/article/markup.mjs';
import type { Segment } from '../../src/article/types';

describe('parseMarkup', () => {
  it('splits a text into plain and mention segments, in order', () => {
    expect(parseMarkup('制定[[嘉陵江|jialing]]、[[沱江|tuo-river]]等方案')).toEqual([
      { text: '制定' },
      { text: '嘉陵江', mention: 'jialing' },
      { text: '、' },
      { text: '沱江', mention: 'tuo-river' },
      { text: '等方案' },
    ]);
  });

  it('handles a text that is all mention, adjacent mentions, and no mention at all', () => {
    expect(parseMarkup('[[重庆中心城区|chongqing-core]][[“四山”|four-mountains]]')).toEqual([
      { text: '重庆中心城区', mention: 'chongqing-core' },
      { text: '“四山”', mention: 'four-mountains' },
    ]);
    expect(parseMarkup('两地将联合防范区域环境风险')).toEqual([{ text: '两地将联合防范区域环境风险' }]);
    expect(parseMarkup('')).toEqual([]);
  });

  it('keeps brackets and punctuation inside the shown text', () => {
    expect(parseMarkup('[[川渝(南充)人力资源服务产业园|nanchong-hr-park]]开园')[0]).toEqual({
      text: '川渝(南充)人力资源服务产业园',
      mention: 'nanchong-hr-park',
    });
  });

  it.each([
    ['an unclosed [[', '在[[嘉陵江|jialing 上', /never closed/],
    ['a stray ]]', '嘉陵江|jialing]] 上', /without an opening/],
    ['a missing key', '[[嘉陵江]]', /missing "\|mention-key"/],
    ['an empty key', '[[嘉陵江|]]', /missing mention key/],
    ['an empty shown text', '[[|jialing]]', /empty shown text/],
    ['a key that is not kebab-case', '[[嘉陵江|Jialing_River]]', /not kebab-case/],
    ['nested mentions', '[[四川[[龙泉山|longquan]]|sichuan]]', /nested/],
    ['two bars', '[[a|b|jialing]]', /more than one/],
  ])('throws a clear error on %s', (_what, text, message) => {
    expect(() => parseMarkup(text)).toThrow(message);
    expect(() => parseMarkup(text)).toThrow(/malformed mention markup at offset \d+/);
  });
});

describe('plainText and mentionKeys', () => {
  const text = '完成[[长江|yangtze]]、[[嘉陵江|jialing]]等5江和460个[[长江|yangtze]]干流岸线';

  it('plainText is the text readers see', () => {
    expect(plainText(text)).toBe('完成长江、嘉陵江等5江和460个长江干流岸线');
  });

  it('mentionKeys lists every occurrence, in order', () => {
    expect(mentionKeys(text)).toEqual(['yangtze', 'jialing', 'yangtze']);
  });

  it('both reject malformed markup', () => {
    expect(() => plainText('[[长江|yangtze')).toThrow();
    expect(() => mentionKeys('[[长江]]')).toThrow();
  });
});

describe('markup round trip', () => {
  const plain = fc.string({ minLength: 1 }).filter((s) => !s.includes('[[') && !s.includes(']]') && !s.includes('|') && !s.endsWith(']') && !s.endsWith('['));
  const key = fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  const segment = fc.oneof(
    plain.map((text): Segment => ({ text })),
    fc.record({ text: plain, mention: key }),
  );

  it('parses what a list of segments serialises to back into the same segments', () => {
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (segs) => {
        // Adjacent plain segments merge when serialised; a plain text that would touch a
        // mention's brackets ("]]]") is not something a writer can express, so it is skipped.
        const expected: Segment[] = [];
        for (const s of segs) {
          const last = expected[expected.length - 1];
          if (!('mention' in s) && last && !('mention' in last)) last.text += s.text;
          else expected.push({ ...s });
        }
        const text = segs.map((s) => ('mention' in s ? `[[${s.text}|${s.mention}]]` : s.text)).join('');
        if (text.includes('[[[') || text.includes(']]]')) return;
        expect(parseMarkup(text)).toEqual(expected);
        expect(plainText(text)).toBe(segs.map((s) => s.text).join(''));
      }),
    );
  });
});
