/**
 * Search over the index (./types): places by name in Chinese, English, pinyin and pinyin initials;
 * passages by their text in both languages and the pinyin of their Chinese.
 *
 * Ranking: places whose name is the query exactly, then those whose name begins with it, then those
 * whose name has it elsewhere (at the start of a word, character or syllable); then passages.
 * Among equals, the shorter name first (the query covers more of it), then the place the article
 * names more often, then index order.
 */
import { type Key, initialsKey, isHan, matchFit, matchesAt, normalizeQuery, pinyinKey, sourceRange, textKey } from './normalize.mjs';
import type { IndexPassage, IndexPlace, SearchIndexData } from './types';

export type Language = 'zh' | 'en';

/** 0 exact, 1 prefix, 2 elsewhere in the name */
export type Tier = 0 | 1 | 2;

export interface PlaceHit {
  place: IndexPlace;
  tier: Tier;
}

export interface PassageHit {
  passage: IndexPassage;
  /** the language whose text the excerpt shows */
  language: Language;
  /** the matched range in that language's text (UTF-16 offsets) */
  range: [number, number];
  /** how many times the passage has the query */
  count: number;
}

export interface Excerpt {
  before: string;
  match: string;
  after: string;
}

export interface SearchResults {
  query: string;
  places: PlaceHit[];
  passages: PassageHit[];
}

export interface SearchOptions {
  /** the interface language: its text is preferred for a passage's excerpt */
  language?: Language;
  maxPlaces?: number;
  maxPassages?: number;
}

interface PlaceKeys {
  place: IndexPlace;
  order: number;
  /** names, their pinyin: exact, prefix or elsewhere */
  names: Key[];
  /** pinyin initials: exact or prefix only (two letters elsewhere would match almost anything) */
  initials: Key[];
}

interface PassageKeys {
  passage: IndexPassage;
  zh: Key;
  py: Key;
  en: Key;
  /** whether Chinese words meet at an offset of the passage's Chinese text */
  zhBoundary: (at: number) => boolean;
}

/** 0 whole words, 1 the start of a word, 2 inside a word (see matchFit) */
type Fit = 0 | 1 | 2;

const everyWord = (): boolean => true;

/** Where words meet in a Chinese text, from the index's word starts (none given: every character is a word). */
function chineseBoundaries(text: string, words: string | undefined): (at: number) => boolean {
  if (words === undefined) return everyWord;
  const inside = new Set<number>();
  let at = 0;
  let han = 0;
  for (const ch of text) {
    if (isHan(ch) && words[han++] === '0') inside.add(at);
    at += ch.length;
  }
  return (offset) => !inside.has(offset);
}

/** The best-fitting of a key's matches: its offset and fit. */
function bestMatch(key: Key, q: string, boundary: (at: number) => boolean): { at: number; fit: Fit } | null {
  let best: { at: number; fit: Fit } | null = null;
  for (const at of matchesAt(key, q)) {
    const fit = matchFit(key, at, q.length, boundary);
    if (!best || fit < best.fit) best = { at, fit };
  }
  return best;
}

const syllables = (py: string): string[] => (py ? py.split(' ') : []);

/** Latin queries this short search names only: two letters are still a prefix, not yet a word. */
const MIN_LATIN_FOR_PASSAGES = 3;

export class SearchEngine {
  readonly #places: PlaceKeys[];
  readonly #passages: PassageKeys[];
  readonly #headlines = new Map<string, IndexPassage>();

  constructor(data: SearchIndexData) {
    if (data?.version !== 1 || !Array.isArray(data.places) || !Array.isArray(data.passages)) throw new Error('not a search index');
    this.#places = data.places.map((place, order) => {
      const names: Key[] = [textKey(place.zh), textKey(place.en), pinyinKey(place.zh, syllables(place.py))];
      const initials: Key[] = [initialsKey(place.zh, syllables(place.py))];
      if (place.zhFull) {
        names.push(textKey(place.zhFull));
        if (place.pyFull !== undefined) names.push(pinyinKey(place.zhFull, syllables(place.pyFull)));
      }
      if (place.enFull) names.push(textKey(place.enFull));
      return { place, order, names, initials };
    });
    this.#passages = data.passages.map((passage) => ({
      passage,
      zh: textKey(passage.zh),
      py: pinyinKey(passage.zh, syllables(passage.py)),
      en: textKey(passage.en),
      zhBoundary: chineseBoundaries(passage.zh, passage.words),
    }));
    for (const p of data.passages) if (p.kind === 'headline') this.#headlines.set(p.story, p);
  }

  /** A story's headline, plain text. */
  headline(story: string, language: Language): string | undefined {
    return this.#headlines.get(story)?.[language];
  }

  search(query: string, options: SearchOptions = {}): SearchResults {
    const q = normalizeQuery(query);
    const language = options.language ?? 'zh';
    const out: SearchResults = { query: q, places: [], passages: [] };
    if (!q) return out;
    const latin = /^[a-z0-9]+$/.test(q);

    const ranked: { hit: PlaceHit; weight: number; length: number; order: number }[] = [];
    for (const entry of this.#places) {
      let best: { tier: Tier; length: number } | null = null;
      const consider = (tier: Tier, length: number) => {
        if (!best || tier < best.tier || (tier === best.tier && length < best.length)) best = { tier, length };
      };
      for (const key of entry.names) {
        const at = matchesAt(key, q);
        if (at.length === 0) continue;
        consider(key.s === q ? 0 : at[0] === 0 ? 1 : 2, key.s.length);
      }
      if (latin && q.length >= 2) {
        for (const key of entry.initials) {
          if (key.s === q) consider(0, key.s.length);
          else if (key.s.startsWith(q)) consider(1, key.s.length);
        }
      }
      if (best) {
        const { tier, length } = best;
        ranked.push({ hit: { place: entry.place, tier }, weight: entry.place.weight, length, order: entry.order });
      }
    }
    ranked.sort((a, b) => a.hit.tier - b.hit.tier || a.length - b.length || b.weight - a.weight || a.order - b.order);
    out.places = ranked.slice(0, options.maxPlaces ?? 8).map((r) => r.hit);

    if (!latin || q.length >= MIN_LATIN_FOR_PASSAGES) {
      const hits: { hit: PassageHit; fit: Fit; order: number }[] = [];
      this.#passages.forEach((entry, order) => {
        const found = this.#passageHit(entry, q, language);
        if (found) hits.push({ ...found, order });
      });
      // Whole words, then words the query begins, then syllables inside words; among equals
      // headlines first, then the passages that have the query most often, in reading order.
      hits.sort(
        (a, b) =>
          a.fit - b.fit ||
          Number(b.hit.passage.kind === 'headline') - Number(a.hit.passage.kind === 'headline') ||
          b.hit.count - a.hit.count ||
          a.order - b.order,
      );
      out.passages = hits.slice(0, options.maxPassages ?? 6).map((h) => h.hit);
    }
    return out;
  }

  /**
   * A passage's match, shown in the interface language when that language has one that is not
   * inside a word. A Latin query that finds only syllables inside Chinese words (依托 for `Tuo`) is
   * a hit for a reader of Chinese, ranked last, but not for a reader of English: it typed a word.
   */
  #passageHit(entry: PassageKeys, q: string, language: Language): { hit: PassageHit; fit: Fit } | null {
    const zh = bestMatch(entry.zh, q, entry.zhBoundary);
    const py = bestMatch(entry.py, q, entry.zhBoundary);
    const en = bestMatch(entry.en, q, everyWord);
    const chinese = zh && (!py || zh.fit <= py.fit) ? { key: entry.zh, ...zh } : py ? { key: entry.py, ...py } : null;
    if (!chinese && !en) return null;
    if (!en && chinese && language === 'en' && chinese.fit === 2 && chinese.key === entry.py) return null;
    const useEn = !!en && (!chinese || language === 'en' || chinese.fit === 2);
    const shown = useEn ? { key: entry.en, ...en! } : chinese!;
    const range = sourceRange(shown.key, shown.at, q.length);
    const count = matchesAt(entry.zh, q).length + matchesAt(entry.py, q).length + matchesAt(entry.en, q).length;
    const fit = Math.min(en?.fit ?? 2, chinese?.fit ?? 2) as Fit;
    return { hit: { passage: entry.passage, language: useEn ? 'en' : 'zh', range, count }, fit };
  }
}

/**
 * A short excerpt of a passage around its match, cut at word boundaries in English; an ellipsis
 * marks text left out. A headline is short: it is shown whole.
 */
export function excerpt(hit: PassageHit, room: { before: number; after: number } = defaultRoom(hit)): Excerpt {
  const text = hit.passage[hit.language];
  const [from, to] = hit.range;
  let start = Math.max(0, from - room.before);
  let end = Math.min(text.length, to + room.after);
  if (hit.language === 'en') {
    if (start > 0) {
      const space = text.indexOf(' ', start);
      start = space >= 0 && space < from ? space + 1 : start;
    }
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      end = space > to ? space : end;
    }
  }
  return {
    before: (start > 0 ? '…' : '') + text.slice(start, from),
    match: text.slice(from, to),
    after: text.slice(to, end) + (end < text.length ? '…' : ''),
  };
}

function defaultRoom(hit: PassageHit): { before: number; after: number } {
  if (hit.passage.kind === 'headline') return { before: Infinity, after: Infinity };
  return hit.language === 'zh' ? { before: 14, after: 26 } : { before: 40, after: 70 };
}
