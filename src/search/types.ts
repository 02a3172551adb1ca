/** The search index as the build emits it (src/search/build-index.mjs) and the page fetches it. */

export interface IndexPlace {
  /** the feature id of geo/ */
  id: string;
  kind: string;
  /** the short names (label_zh / label_en, else name_zh / name_en) */
  zh: string;
  en: string;
  /** the full names, when longer than the short ones */
  zhFull?: string;
  enFull?: string;
  /** toneless pinyin, one syllable per Chinese character of `zh` (of `zhFull`), joined by spaces */
  py: string;
  pyFull?: string;
  /** the number of one of several lines drawn for a group (bus lines): tells same-named ones apart */
  n?: number;
  /** how often the article names the feature */
  weight: number;
}

export type PassageKind = 'headline' | 'heading' | 'body' | 'caption';

export interface IndexPassage {
  /** a paragraph id (`eco-3`), or a story id for its headline (`eco`): the reader opens either */
  id: string;
  story: string;
  kind: PassageKind;
  /** plain text, markup removed */
  zh: string;
  en: string;
  /** toneless pinyin, one syllable per Chinese character of `zh`, joined by spaces */
  py: string;
  /** one character per Chinese character of `zh`: `1` where a word begins, `0` inside a word (absent: every character is a word) */
  words?: string;
}

export interface SearchIndexData {
  version: 1;
  places: IndexPlace[];
  passages: IndexPassage[];
}
