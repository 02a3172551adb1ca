// geo/mentions.json, generated from the article (src/article/article.json): one entry per mention
// key, in the order the article defines them, with
//   key         the mention key used in the article's markup
//   zh, en      the texts it appears as in each language (distinct, in order of appearance)
//   feature_ids the map features that stand for it (may be empty)
//   reason      { zh, en } why nothing is drawn, or a caveat when the features only stand for it; null if none
//   headlines   the ids of the stories whose headline names it
//   paragraphs  the ids of the paragraphs that name it
//   mention_zh  its first Chinese text, and note: the English reason (the fields of the earlier
//               hand-kept list, still read by tests/unit/geo-contract.test.ts)
// The build (scripts/geo/build.mjs) checks that every feature id exists in geo/.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './lib.mjs';
import { parseMarkup } from '../../src/article/markup.mjs';
import { articleProblems } from '../../src/article/check.mjs';

export const ARTICLE_FILE = 'src/article/article.json';

/** @returns {import('../../src/article/types').Article} */
export function readArticle() {
  return JSON.parse(readFileSync(resolve(ROOT, ARTICLE_FILE), 'utf8'));
}

/**
 * @param {import('../../src/article/types').Article} article
 * @throws {Error} listing every inconsistency of the article
 */
export function mentionsFromArticle(article) {
  const problems = articleProblems(article);
  if (problems.length > 0) throw new Error(`${ARTICLE_FILE} is inconsistent:\n  ${problems.join('\n  ')}`);

  const seen = new Map(Object.keys(article.mentions).map((key) => [key, { zh: new Set(), en: new Set(), headlines: new Set(), paragraphs: new Set() }]));
  const collect = (/** @type {{ zh: string, en: string }} */ text, /** @type {'headlines' | 'paragraphs'} */ where, /** @type {string} */ id) => {
    for (const lang of /** @type {const} */ (['zh', 'en'])) {
      for (const seg of parseMarkup(text[lang])) {
        if (!('mention' in seg)) continue;
        const entry = seen.get(seg.mention);
        entry[lang].add(seg.text);
        entry[where].add(id);
      }
    }
  };
  for (const story of article.stories) {
    collect(story.headline, 'headlines', story.id);
    for (const p of story.paragraphs) collect(p, 'paragraphs', p.id);
  }

  return [...seen].map(([key, s]) => {
    const { features, reason } = article.mentions[key];
    const zh = [...s.zh];
    const entry = {
      key,
      zh,
      en: [...s.en],
      feature_ids: features,
      reason: reason ?? null,
      headlines: [...s.headlines],
      paragraphs: [...s.paragraphs],
      mention_zh: zh[0],
    };
    return reason ? { ...entry, note: reason.en } : entry;
  });
}

/** The text of geo/mentions.json for an article. */
export function serializeMentions(article) {
  return `${JSON.stringify({ article: ARTICLE_FILE, mentions: mentionsFromArticle(article) }, null, 1)}\n`;
}

/**
 * geo/mentions.json from the committed article, checked against the features that exist.
 * @param {Set<string>} featureIds all ids in geo/
 * @returns {string} the file's text
 */
export function buildMentions(featureIds, article = readArticle()) {
  const text = serializeMentions(article);
  const missing = Object.entries(article.mentions).flatMap(([key, m]) => m.features.filter((id) => !featureIds.has(id)).map((id) => `"${key}" → "${id}"`));
  if (missing.length > 0) throw new Error(`mentions: features not in geo/: ${missing.join(', ')}`);
  return text;
}
