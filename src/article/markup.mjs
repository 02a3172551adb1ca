// @ts-check
// Mention markup in the article's texts: `[[shown text|mention-key]]`, e.g. `[[嘉陵江|jialing]]`.
// Pure functions, shared by the app (TypeScript) and the data scripts (node).

/** @typedef {{ text: string }} TextSegment plain text between mentions */
/** @typedef {{ text: string, mention: string }} MentionSegment the text shown for a mention, and its key */
/** @typedef {TextSegment | MentionSegment} Segment */

/** Mention keys are kebab-case: lower-case ASCII letters and digits, words joined by single hyphens. */
export const MENTION_KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Split a marked-up text into plain and mention segments, in order. Adjacent plain text is one
 * segment; empty plain segments are left out.
 * @param {string} text
 * @returns {Segment[]}
 * @throws {Error} on malformed markup: a `[[` without `]]`, a stray `]]`, nested `[[`, a missing
 *   `|key`, an empty shown text or a key that is not kebab-case.
 */
export function parseMarkup(text) {
  /** @type {Segment[]} */
  const out = [];
  let pos = 0;
  const fail = (/** @type {number} */ at, /** @type {string} */ why) => {
    const start = Math.max(0, at - 12);
    return new Error(`malformed mention markup at offset ${at} (…${text.slice(start, at + 20)}…): ${why}`);
  };
  /** @param {string} plain */
  const pushPlain = (plain) => {
    if (plain.includes(']]')) throw fail(pos + plain.indexOf(']]'), '"]]" without an opening "[["');
    if (plain.length > 0) out.push({ text: plain });
  };
  while (pos < text.length) {
    const open = text.indexOf('[[', pos);
    if (open < 0) {
      pushPlain(text.slice(pos));
      break;
    }
    pushPlain(text.slice(pos, open));
    const close = text.indexOf(']]', open + 2);
    if (close < 0) throw fail(open, '"[[" is never closed by "]]"');
    const inner = text.slice(open + 2, close);
    if (inner.includes('[[')) throw fail(open, 'mentions cannot be nested');
    const bar = inner.lastIndexOf('|');
    if (bar < 0) throw fail(open, 'missing "|mention-key"');
    const shown = inner.slice(0, bar);
    const key = inner.slice(bar + 1);
    if (shown.length === 0) throw fail(open, 'empty shown text');
    if (shown.includes('|')) throw fail(open, 'more than one "|"');
    if (key.length === 0) throw fail(open, 'missing mention key after "|"');
    if (!MENTION_KEY.test(key)) throw fail(open, `mention key "${key}" is not kebab-case`);
    out.push({ text: shown, mention: key });
    pos = close + 2;
  }
  return out;
}

/**
 * The text as readers see it, markup removed.
 * @param {string} text
 * @returns {string}
 */
export function plainText(text) {
  return parseMarkup(text)
    .map((s) => s.text)
    .join('');
}

/**
 * The mention keys of a text, in order of appearance, repeated as often as they occur.
 * @param {string} text
 * @returns {string[]}
 */
export function mentionKeys(text) {
  return parseMarkup(text).flatMap((s) => ('mention' in s ? [s.mention] : []));
}
