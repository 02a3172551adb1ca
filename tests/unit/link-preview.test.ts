// The link-preview tags the build writes into index.html (src/pwa/link-preview.ts).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { PREVIEW_IMAGE, linkPreviewTags, siteBase, withDefaultTitle } from '../../src/pwa/link-preview';
import { t } from '../../src/i18n/locale';

/** The page's title and description, as the interface's words give them. */
const PAGE_META = {
  zh: { title: t('zh', 'pageTitle'), description: t('zh', 'pageDescription') },
  en: { title: t('en', 'pageTitle'), description: t('en', 'pageDescription') },
};

const content = (tags: string, key: string) => new RegExp(`(?:property|name)="${key}" content="([^"]*)"`).exec(tags)?.[1];

describe('link previews', () => {
  it('name the atlas in Chinese, the default language, with a 1200×630 picture', () => {
    const tags = linkPreviewTags();
    expect(content(tags, 'og:title')).toBe(PAGE_META.zh.title);
    expect(content(tags, 'og:description')).toBe(PAGE_META.zh.description);
    expect(content(tags, 'og:image')).toBe('./preview.png');
    expect(content(tags, 'twitter:card')).toBe('summary_large_image');
    expect(content(tags, 'twitter:image')).toBe('./preview.png');
    expect(content(tags, 'og:url')).toBeUndefined();
  });

  it('use absolute URLs when the build is told the site’s address', () => {
    const tags = linkPreviewTags('https://example.org/special/chengyu');
    expect(content(tags, 'og:image')).toBe('https://example.org/special/chengyu/preview.png');
    expect(content(tags, 'twitter:image')).toBe('https://example.org/special/chengyu/preview.png');
    expect(content(tags, 'og:url')).toBe('https://example.org/special/chengyu/');
    expect(siteBase('  ')).toBeNull();
    expect(() => siteBase('example.org')).toThrow();
  });

  it('set the page’s own title and description in Chinese', () => {
    const html = withDefaultTitle('<title>x</title>\n<meta name="description" content="y" />');
    expect(html).toContain(`<title>${PAGE_META.zh.title}</title>`);
    expect(html).toContain(`content="${PAGE_META.zh.description}"`);
  });

  it('have their picture committed, 1200×630', () => {
    const png = PNG.sync.read(readFileSync(resolve(import.meta.dirname, '../../public', PREVIEW_IMAGE.file)));
    expect([png.width, png.height]).toEqual([PREVIEW_IMAGE.width, PREVIEW_IMAGE.height]);
  });
});
