// @ts-check
// Text folding and tokens for search, shared by the index builder (node, at build time) and the
// query code (the browser). Pure functions, no dependencies.
//
// Everything searchable is a *key*: its tokens (English words, Chinese characters, pinyin
// syllables) run together into one string, with the offsets where tokens begin. A query, folded the
// same way and with its spaces removed, matches a key only where a token begins: `ziyangbei` finds
// 资阳北站 (zi·yang·bei·zhan) and `Ziyang North` finds "Ziyang North Station", but `iyan` finds
// neither.

const HAN = /\p{Script=Han}/u;
const WORD = /[\p{L}\p{N}]/u;

/**
 * One character (or a short string) as search compares it: compatibility forms folded (full-width
 * ＡＢＣ１ → abc1, full-width space → space), lower case, tone marks dropped (ā → a), ü → v as
 * pinyin is typed.
 * @param {string} text
 * @returns {string}
 */
export function fold(text) {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/u\u0308/g, 'v')
    .replace(/\p{M}/gu, '')
    .normalize('NFC');
}

/** @param {string} ch */
export function isHan(ch) {
  return HAN.test(ch);
}

/**
 * Tone digits as typed in pinyin (`jia1ling2`, `lv4`) are dropped, but only when every digit in the
 * query is one: a single 1–5 right after a letter, with at least one such syllable longer than one
 * letter. `Line 18`, `S3` and `2022` keep their digits.
 * @param {string} folded
 * @returns {string}
 */
export function stripToneDigits(folded) {
  const digits = [...folded.matchAll(/\d+/g)];
  if (digits.length === 0) return folded;
  const tones = [...folded.matchAll(/([a-z]+)([1-5])(?![0-9])/g)];
  if (tones.length !== digits.length) return folded;
  if (!tones.some((m) => (m[1] ?? '').length > 1)) return folded;
  return folded.replace(/([a-z])[1-5](?![0-9])/g, '$1');
}

/**
 * A query as keys are matched: folded, tone digits dropped, everything but letters, digits and
 * Chinese characters removed (spaces too: `jia ling` is `jialing`).
 * @param {string} query
 * @returns {string}
 */
export function normalizeQuery(query) {
  return [...stripToneDigits(fold(query))].filter((ch) => WORD.test(ch)).join('');
}

/**
 * @typedef {object} Key
 * @property {string} s the tokens run together
 * @property {number[]} starts where each token begins in `s`, ascending
 * @property {number[]} from for each token, where it begins in the source text (UTF-16 offset)
 * @property {number[]} to for each token, where it ends in the source text
 */

/**
 * A text as a key of words and characters: each Chinese character is a token, each run of other
 * letters and digits is a word; the rest separates.
 * @param {string} text
 * @returns {Key}
 */
export function textKey(text) {
  return buildKey(text, () => null);
}

/**
 * A Chinese text as a key of pinyin syllables: each Chinese character is the syllable given for it
 * (in order, one per character; the index builder computes them with context), other letters and
 * digits are words as in textKey.
 * @param {string} text
 * @param {readonly string[]} syllables one per Chinese character of `text`
 * @returns {Key}
 */
export function pinyinKey(text, syllables) {
  let i = 0;
  return buildKey(text, () => syllables[i++] ?? '');
}

/**
 * The initials of a Chinese text's syllables (`jlj` for 嘉陵江); other characters are left out.
 * @param {string} text
 * @param {readonly string[]} syllables
 * @returns {Key}
 */
export function initialsKey(text, syllables) {
  let i = 0;
  return buildKey(text, () => (syllables[i++] ?? '').slice(0, 1), true);
}

/**
 * @param {string} text
 * @param {() => string | null} hanToken what a Chinese character becomes (null: the character itself)
 * @param {boolean} [onlyHan] leave out everything but Chinese characters
 * @returns {Key}
 */
function buildKey(text, hanToken, onlyHan = false) {
  /** @type {Key} */
  const key = { s: '', starts: [], from: [], to: [] };
  let word = '';
  let wordFrom = 0;
  const endWord = (/** @type {number} */ at) => {
    if (word) push(word, wordFrom, at);
    word = '';
  };
  const push = (/** @type {string} */ token, /** @type {number} */ from, /** @type {number} */ to) => {
    if (!token) return;
    key.starts.push(key.s.length);
    key.from.push(from);
    key.to.push(to);
    key.s += token;
  };
  let at = 0;
  for (const ch of text) {
    const next = at + ch.length;
    if (HAN.test(ch)) {
      endWord(at);
      const token = hanToken();
      push(token === null ? ch : fold(token), at, next);
    } else if (!onlyHan) {
      const folded = [...fold(ch)].filter((c) => WORD.test(c)).join('');
      if (folded) {
        if (!word) wordFrom = at;
        word += folded;
      } else endWord(at);
    }
    at = next;
  }
  endWord(at);
  return key;
}

/**
 * Where a normalised query occurs in a key at a token start, first occurrence first.
 * @param {Key} key
 * @param {string} q
 * @returns {number[]} offsets into key.s
 */
export function matchesAt(key, q) {
  /** @type {number[]} */
  const out = [];
  if (!q) return out;
  let from = key.s.indexOf(q);
  while (from >= 0) {
    if (isTokenStart(key, from)) out.push(from);
    from = key.s.indexOf(q, from + 1);
  }
  return out;
}

/**
 * @param {Key} key
 * @param {number} offset
 */
function isTokenStart(key, offset) {
  let lo = 0;
  let hi = key.starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = /** @type {number} */ (key.starts[mid]);
    if (v === offset) return true;
    if (v < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * The source-text range a match covers: from the start of the token it begins in to the end of
 * the token it ends in (a syllable typed halfway marks its whole character).
 * @param {Key} key
 * @param {number} offset where the match begins in key.s
 * @param {number} length its length in key.s
 * @returns {[number, number]}
 */
export function sourceRange(key, offset, length) {
  const first = tokenAt(key, offset);
  const last = tokenAt(key, offset + length - 1);
  return [/** @type {number} */ (key.from[first]), /** @type {number} */ (key.to[last])];
}

/**
 * How well a match fits the words of its text: 0 it is whole words, 1 it begins a word, 2 it
 * begins inside a word (a syllable of 依托 for `tuo`). Tokens are characters or syllables in
 * Chinese, so what a word is comes from `boundary`.
 * @param {Key} key
 * @param {number} offset where the match begins in key.s
 * @param {number} length its length in key.s
 * @param {(at: number) => boolean} boundary whether words meet at a source offset
 * @returns {0 | 1 | 2}
 */
export function matchFit(key, offset, length, boundary) {
  const first = tokenAt(key, offset);
  const last = tokenAt(key, offset + length - 1);
  if (!boundary(/** @type {number} */ (key.from[first]))) return 2;
  const tokenEnd = key.starts[last + 1] ?? key.s.length;
  return offset + length === tokenEnd && boundary(/** @type {number} */ (key.to[last])) ? 0 : 1;
}

/**
 * @param {Key} key
 * @param {number} offset
 */
function tokenAt(key, offset) {
  let lo = 0;
  let hi = key.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (/** @type {number} */ (key.starts[mid]) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
