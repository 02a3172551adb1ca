// The article, typed. Load it lazily: `const { article } = await import('./article/article')`.
// Its consistency (markup, ids, zh/en mentions, text against the source) is checked by
// tests/unit/article*.test.ts and by the data build (scripts/geo/mentions.mjs).
import data from './article.json';
import type { Article } from './types';

export const article: Article = data as Article;
export default article;
