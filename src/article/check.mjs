// @ts-check
// Consistency of an article object (src/article/article.json), checked where the data enters:
// by the data build (scripts/geo/mentions.mjs) and by the unit tests.
import { mentionKeys } from './markup.mjs';

/** @typedef {import('./types').Article} Article */

export const PARAGRAPH_KINDS = ['body', 'heading', 'caption'];

/** @param {unknown} v */
const isText = (v) => typeof v === 'string' && v.trim().length > 0;

/** @param {string[]} keys */
const multiset = (keys) => [...keys].sort().join(' ');

/**
 * Every text of the article with a label saying where it is, in reading order: the page
 * headline, then each story's headline and paragraphs.
 * @param {Article} article
 * @returns {{ where: string, story: string, paragraph: string | null, text: { zh: string, en: string } }[]}
 */
export function articleTexts(article) {
  return [
    { where: 'headline', story: '', paragraph: null, text: article.headline },
    ...article.stories.flatMap((s) => [
      { where: `${s.id} headline`, story: s.id, paragraph: null, text: s.headline },
      ...s.paragraphs.map((p) => ({ where: p.id, story: s.id, paragraph: p.id, text: p })),
    ]),
  ];
}

/**
 * What is wrong with an article, one message per problem; empty when it is consistent.
 * @param {Article} article
 * @returns {string[]}
 */
export function articleProblems(article) {
  /** @type {string[]} */
  const problems = [];
  const storyIds = new Set();
  const paragraphIds = new Set();
  for (const s of article.stories) {
    if (storyIds.has(s.id)) problems.push(`story id "${s.id}" is used twice`);
    storyIds.add(s.id);
    s.paragraphs.forEach((p, i) => {
      if (p.id !== `${s.id}-${i + 1}`) problems.push(`paragraph ${i + 1} of story "${s.id}" has id "${p.id}", expected "${s.id}-${i + 1}"`);
      if (paragraphIds.has(p.id)) problems.push(`paragraph id "${p.id}" is used twice`);
      paragraphIds.add(p.id);
      if (!PARAGRAPH_KINDS.includes(p.kind)) problems.push(`${p.id}: kind "${p.kind}" is not one of ${PARAGRAPH_KINDS.join(', ')}`);
      if ('truncated' in p && p.truncated !== true) problems.push(`${p.id}: "truncated" is only ever true`);
    });
  }

  const used = new Set();
  for (const { where, text } of articleTexts(article)) {
    if (!isText(text.zh)) problems.push(`${where}: no Chinese text`);
    if (!isText(text.en)) problems.push(`${where}: no English text`);
    try {
      const zh = mentionKeys(text.zh);
      const en = mentionKeys(text.en);
      zh.forEach((k) => used.add(k));
      if (multiset(zh) !== multiset(en)) {
        problems.push(`${where}: Chinese and English mention different places (zh: ${multiset(zh) || '—'}; en: ${multiset(en) || '—'})`);
      }
    } catch (err) {
      problems.push(`${where}: ${/** @type {Error} */ (err).message}`);
    }
  }

  for (const key of used) if (!(key in article.mentions)) problems.push(`mention "${key}" is used but not defined in "mentions"`);
  for (const [key, m] of Object.entries(article.mentions)) {
    if (!used.has(key)) problems.push(`mention "${key}" is defined but never used`);
    if (!Array.isArray(m.features) || m.features.some((f) => !isText(f))) problems.push(`mention "${key}": features must be a list of feature ids`);
    else if (new Set(m.features).size !== m.features.length) problems.push(`mention "${key}": a feature is listed twice`);
    if (m.reason !== undefined && !(isText(m.reason?.zh) && isText(m.reason?.en))) problems.push(`mention "${key}": a reason needs both zh and en`);
    if (m.features?.length === 0 && m.reason === undefined) problems.push(`mention "${key}" has no feature and no reason`);
  }
  return problems;
}
