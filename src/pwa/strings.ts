/** The update notice's words, zh and en (to move into src/ui/locale.ts with the rest). */
export type NoticeLanguage = 'zh' | 'en';

export const UPDATE_STRINGS = {
  zh: { updateReady: '新版本已就绪。', reload: '重新加载', dismiss: '稍后' },
  en: { updateReady: 'A new version is ready.', reload: 'Reload', dismiss: 'Later' },
} satisfies Record<NoticeLanguage, Record<string, string>>;

/** The page's language as the app sets it on <html lang>: zh-Hans or en. */
export function pageLanguage(): NoticeLanguage {
  return document.documentElement.lang.toLowerCase().startsWith('en') ? 'en' : 'zh';
}
