/**
 * The head of the built index.html that link previews read (chat apps, social posts, search
 * results): title and description in Chinese, the default language (src/i18n/locale.ts), Open
 * Graph and Twitter card tags, and the 1200×630 picture public/preview.png (made by
 * scripts/preview-image.mjs). Most previewers need absolute URLs: given the site's address
 * (ATLAS_SITE_URL at build time) the tags name it; without one they stay relative, which keeps
 * the build deployable anywhere but leaves previews to the previewers that resolve them.
 */
import { t } from '../i18n/locale.js';

export const PREVIEW_IMAGE = { file: 'preview.png', width: 1200, height: 630 } as const;

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The site's address as a base for absolute URLs ('https://example.org/special/chengyu/'), or null. */
export function siteBase(siteUrl: string | undefined): string | null {
  if (!siteUrl?.trim()) return null;
  const url = new URL(siteUrl.trim()); // throws on a malformed address: the build stops and says so
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

export function linkPreviewTags(siteUrl?: string): string {
  const base = siteBase(siteUrl);
  const image = base ? new URL(PREVIEW_IMAGE.file, base).href : `./${PREVIEW_IMAGE.file}`;
  const zh = { title: t('zh', 'pageTitle'), description: t('zh', 'pageDescription') };
  const en = { title: t('en', 'pageTitle'), description: t('en', 'pageDescription') };
  const tags: Array<[string, string, string]> = [
    ['property', 'og:type', 'website'],
    ['property', 'og:site_name', '成渝图鉴 Chengyu Atlas'],
    ['property', 'og:title', zh.title],
    ['property', 'og:description', zh.description],
    ['property', 'og:locale', 'zh_CN'],
    ['property', 'og:locale:alternate', 'en_US'],
    ['property', 'og:image', image],
    ['property', 'og:image:width', String(PREVIEW_IMAGE.width)],
    ['property', 'og:image:height', String(PREVIEW_IMAGE.height)],
    ['property', 'og:image:alt', `${zh.title} — ${en.title}`],
    ['name', 'twitter:card', 'summary_large_image'],
    ['name', 'twitter:title', zh.title],
    ['name', 'twitter:description', zh.description],
    ['name', 'twitter:image', image],
  ];
  if (base) tags.splice(2, 0, ['property', 'og:url', base]);
  return tags.map(([attr, key, value]) => `<meta ${attr}="${key}" content="${escape(value)}" />`).join('\n    ');
}

/** index.html's own title and description, in the default language. */
export function withDefaultTitle(html: string): string {
  return html
    .replace(/<title>[^<]*<\/title>/, `<title>${escape(t('zh', 'pageTitle'))}</title>`)
    .replace(/<meta name="description" content="[^"]*" \/>/, `<meta name="description" content="${escape(t('zh', 'pageDescription'))}" />`);
}
