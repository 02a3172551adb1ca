/**
 * The document's title and description in the interface language. They are what a browser tab,
 * a bookmark and a search result show; the build writes the Chinese ones (the default language)
 * into index.html with the link-preview tags (vite.config.ts), and the page follows a language
 * switch by watching the lang of <html>, which the panels set.
 */
export const PAGE_META = {
  zh: {
    title: '成渝图鉴 · 成渝地区双城经济圈互动地图',
    description:
      '把2022年的一个报纸版面做成互动地图：成渝地区双城经济圈的六江生态廊道、轨道交通资阳线、成都南部公交畅行圈和各个项目点，地图与原文对照，中英双语，可离线使用。',
  },
  en: {
    title: 'Chengyu Atlas · the Chengdu–Chongqing Twin-City Economic Circle, mapped',
    description:
      'An interactive map edition of a 2022 newspaper page about the Chengdu–Chongqing Twin-City Economic Circle: its six river corridors, the Ziyang metro line, the southern Chengdu bus circle and project sites, beside the text, in Chinese and English. It works offline.',
  },
} as const;

function apply(): void {
  const meta = PAGE_META[document.documentElement.lang.startsWith('en') ? 'en' : 'zh'];
  document.title = meta.title;
  document.querySelector('meta[name="description"]')?.setAttribute('content', meta.description);
}

/** Keeps the title and description in the page's language from now on. */
export function followPageLanguage(): void {
  apply();
  new MutationObserver(apply).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}
