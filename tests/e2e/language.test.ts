/**
 * Everything on screen in the reader's language, and text in the other language marked as such
 * (lang), so that screen readers pronounce it and every engine picks a face made for it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { t } from '../../src/i18n/locale';

/** The page's title and description, as the interface's words give them. */
const PAGE_META = {
  zh: { title: t('zh', 'pageTitle'), description: t('zh', 'pageDescription') },
  en: { title: t('en', 'pageTitle'), description: t('en', 'pageDescription') },
};
import { browserSession } from './browser';

const session = browserSession(inject('baseUrl'));
const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;
/** Mostly Chinese: more Han characters than Latin letters (an English note may name 福田 in passing). */
const chinese = (text: string) => count(text, /\p{Script=Han}/gu) > count(text, /[A-Za-z]/g);
/** English prose: three words of Latin letters in a row, and mostly Latin. */
const english = (text: string) => /[A-Za-z]+\s+[A-Za-z]+\s+[A-Za-z]+/.test(text) && !chinese(text);

/** Visible text runs (light DOM and shadow roots) with the language they are marked with. */
function textRuns(page: Page): Promise<Array<{ text: string; lang: string }>> {
  return page.evaluate(() => {
    const runs: Array<{ text: string; lang: string }> = [];
    const langOf = (node: Node): string => {
      for (let n: Node | null = node; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) {
        if (n instanceof Element && n.hasAttribute('lang')) return n.getAttribute('lang')!;
      }
      return '';
    };
    const visit = (root: Node) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
      for (let n: Node | null = walker.currentNode; n; n = walker.nextNode()) {
        if (n instanceof Element && n.shadowRoot) visit(n.shadowRoot);
        if (n.nodeType !== Node.TEXT_NODE || !n.textContent?.trim()) continue;
        const el = n.parentElement;
        if (!el || el.closest('script,style,template') || !el.checkVisibility?.()) continue;
        runs.push({ text: n.textContent.trim(), lang: langOf(n) });
      }
    };
    visit(document.body);
    return runs;
  });
}

describe('the language switch', () => {
  it('turns the scale bar, title and description to English, and back', async () => {
    const { page, watch } = await session.open({ path: '/#select=ziyang-line' });
    const scale = page.locator('.maplibregl-ctrl-scale');
    expect(await scale.textContent()).toMatch(/公里|米/);
    expect(await page.title()).toBe(PAGE_META.zh.title);
    await page.click('#language-toggle');
    await expect.poll(() => scale.textContent()).toMatch(/^\d+\s*k?m$/);
    expect(await scale.getAttribute('lang')).toBe('en');
    expect(await page.title()).toBe(PAGE_META.en.title);
    expect(await page.getAttribute('meta[name="description"]', 'content')).toBe(PAGE_META.en.description);
    await page.click('#language-toggle');
    await expect.poll(() => scale.textContent()).toMatch(/公里|米/);
    expect(await page.title()).toBe(PAGE_META.zh.title);
    expect(watch.pageErrors).toEqual([]);
  });

  it('in English, every Chinese text on screen is marked zh; in Chinese, every English sentence is marked en', async () => {
    const { page } = await session.open({ path: '/#select=ziyang-line&read=ziyang&lang=en' });
    await page
      .locator('atlas-feature-panel details')
      .first()
      .evaluate((d) => ((d as HTMLDetailsElement).open = true));
    const en = await textRuns(page);
    expect(en.filter((r) => chinese(r.text) && !r.lang.startsWith('zh'))).toEqual([]);
    await page.click('#language-toggle');
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('zh-Hans');
    const zh = await textRuns(page);
    expect(zh.filter((r) => english(r.text) && !r.lang.startsWith('en'))).toEqual([]);
  });
});
