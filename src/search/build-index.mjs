// @ts-check
// The search index, built once at build time (scripts/search-index-plugin.mjs emits it as an asset
// the page fetches when the search box is first used). It holds what the query code needs and
// nothing else: each place's names, each passage's plain text in both languages, and the pinyin of
// every Chinese character, worked out here with pinyin-pro so the browser carries no dictionary.
import { customPinyin, pinyin } from 'pinyin-pro';
import { mentionKeys, parseMarkup, plainText } from '../article/markup.mjs';
import { isHan } from './normalize.mjs';

/** @typedef {import('./types').SearchIndexData} SearchIndexData */
/** @typedef {import('./types').IndexPlace} IndexPlace */
/** @typedef {import('./types').IndexPassage} IndexPassage */

/**
 * Readings pinyin-pro gets wrong in this article's sentences (it reads 成都中心 as chéng dōu and
 * 完成长江 as zhǎng jiāng); place names have one reading.
 */
const READINGS = {
  成都: 'chéng dū',
  长江: 'cháng jiāng',
  重庆: 'chóng qìng',
  长寿: 'cháng shòu',
  乐山: 'lè shān',
};

let readingsSet = false;

/**
 * The toneless pinyin of each Chinese character of a text, in order, read in context; joined by
 * spaces. Other characters have none.
 * @param {string} text
 * @returns {string}
 */
export function syllablesOf(text) {
  if (!readingsSet) {
    customPinyin(READINGS);
    readingsSet = true;
  }
  const chars = [...text];
  const read = /** @type {string[]} */ (pinyin(text, { type: 'array', toneType: 'none', v: true }));
  if (read.length !== chars.length) throw new Error(`pinyin: ${read.length} readings for ${chars.length} characters in "${text}"`);
  /** @type {string[]} */
  const out = [];
  chars.forEach((ch, i) => {
    if (!isHan(ch)) return;
    const syllable = (read[i] ?? '').toLowerCase();
    // A character without a reading keeps its place with an empty syllable, so the rest stay aligned.
    out.push(/^[a-zv]+$/.test(syllable) ? syllable : '');
  });
  return out.join(' ');
}

/** @type {Intl.Segmenter | undefined} */
let segmenter;

/**
 * Where the words of a Chinese text begin: one character per Chinese character of the plain text,
 * `1` where a word begins, `0` inside one. Words are the dictionary's (ICU's word segmentation)
 * and the article's own mentions, whose edges always count: `tuo` then finds 沱江 (a word that
 * begins with 沱) and not 依托 (where 托 ends a word that begins with 依).
 * @param {string} markup a paragraph or headline with its [[mention|key]] markup
 * @returns {string}
 */
export function wordStartsOf(markup) {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const segments = parseMarkup(markup);
  const text = segments.map((s) => s.text).join('');
  /** @type {Set<number>} */
  const starts = new Set();
  let at = 0;
  for (const s of segments) {
    if ('mention' in s) starts.add(at).add(at + s.text.length);
    at += s.text.length;
  }
  for (const w of segmenter.segment(text)) starts.add(w.index);
  let out = '';
  at = 0;
  for (const ch of text) {
    if (isHan(ch)) out += starts.has(at) ? '1' : '0';
    at += ch.length;
  }
  return out;
}

/**
 * @param {{ features: Array<{ id: string, kind: string, properties: Record<string, unknown> }> }} lightIndex geo/index.json
 * @param {import('../article/types').Article} article src/article/article.json
 * @returns {SearchIndexData}
 */
export function buildSearchIndex(lightIndex, article) {
  if (!lightIndex || !Array.isArray(lightIndex.features)) throw new Error('search index: geo/index.json has no features');
  if (!article || !Array.isArray(article.stories)) throw new Error('search index: the article has no stories');

  // How often the article names each feature: among equal matches, the one it talks about comes first.
  /** @type {Map<string, number>} */
  const weight = new Map();
  const count = (/** @type {string} */ text) => {
    for (const key of mentionKeys(text)) {
      for (const id of article.mentions[key]?.features ?? []) weight.set(id, (weight.get(id) ?? 0) + 1);
    }
  };
  for (const story of article.stories) {
    count(story.headline.zh);
    for (const p of story.paragraphs) count(p.zh);
  }

  /** @type {IndexPlace[]} */
  const places = lightIndex.features.map((f) => {
    const p = f.properties;
    const str = (/** @type {unknown} */ v) => (typeof v === 'string' && v.trim() ? v.trim() : null);
    const nameZh = str(p['name_zh']);
    const nameEn = str(p['name_en']);
    if (!nameZh || !nameEn) throw new Error(`search index: feature ${f.id} lacks name_zh or name_en`);
    const zh = str(p['label_zh']) ?? nameZh;
    const en = str(p['label_en']) ?? nameEn;
    /** @type {IndexPlace} */
    const place = { id: f.id, kind: f.kind, zh, en, py: syllablesOf(zh), weight: weight.get(f.id) ?? 0 };
    // One of several lines drawn for a group the article counts: its number tells same-named ones apart.
    const index = p['line_index'];
    if (typeof index === 'number' && typeof p['line_count'] === 'number' && p['line_count'] > 1) place.n = index + 1;
    if (nameZh !== zh) {
      place.zhFull = nameZh;
      place.pyFull = syllablesOf(nameZh);
    }
    if (nameEn !== en) place.enFull = nameEn;
    return place;
  });

  /** @type {IndexPassage[]} */
  const passages = [];
  for (const story of article.stories) {
    const headline = { zh: plainText(story.headline.zh), en: plainText(story.headline.en) };
    const words = wordStartsOf(story.headline.zh);
    passages.push({ id: story.id, story: story.id, kind: 'headline', ...headline, py: syllablesOf(headline.zh), words });
    for (const p of story.paragraphs) {
      const zh = plainText(p.zh);
      passages.push({ id: p.id, story: story.id, kind: p.kind, zh, en: plainText(p.en), py: syllablesOf(zh), words: wordStartsOf(p.zh) });
    }
  }
  return { version: 1, places, passages };
}
