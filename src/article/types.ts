// The article as structured data (src/article/article.json). Texts may carry mention markup,
// `[[shown text|mention-key]]`; parse it with parseMarkup from ./markup.mjs.

export type { Segment, TextSegment, MentionSegment } from './markup.mjs';

export type Language = 'zh' | 'en';

/** A text in Chinese (as printed) and in English (this project's translation). */
export interface Bilingual {
  zh: string;
  en: string;
}

/** How the page is credited: a 2022 newspaper page, the paper not named. */
export interface Publication extends Bilingual {
  year: number;
}

export type ParagraphKind = 'body' | 'heading' | 'caption';

export interface Paragraph extends Bilingual {
  /** `<story id>-<n>`, n counting from 1 in reading order; stable. */
  id: string;
  kind: ParagraphKind;
  /** Set only on a sentence the source itself cuts off; its text is kept exactly as printed. */
  truncated?: true;
}

export type StoryId = 'eco' | 'ziyang' | 'transit' | 'news-hr' | 'news-data' | 'news-flood' | 'news-nanchong';

export interface Story {
  id: StoryId;
  /** The column a story is printed under (经济圈动态), or null. */
  section: Bilingual | null;
  headline: Bilingual;
  paragraphs: Paragraph[];
}

/**
 * The map features a mention stands for. With no features, `reason` says why; with features,
 * a `reason` is a caveat (the features only stand for the place).
 */
export interface Mention {
  features: string[];
  reason?: Bilingual;
}

export interface Article {
  /** The page's lead headline: the main story's. */
  headline: Bilingual;
  publication: Publication;
  /** In reading order. */
  stories: Story[];
  /** Every mention key used in the texts, and nothing else. */
  mentions: Record<string, Mention>;
}
