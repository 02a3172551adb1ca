/**
 * The document's title and description in the interface language. They are what a browser tab,
 * a bookmark and a search result show; the build writes the Chinese ones (the default language)
 * into index.html with the link-preview tags (vite.config.ts), and the page follows a language
 * switch by watching the lang of <html>, which the panels set.
 */
import { pageLanguage, t } from '../i18n/locale';

function apply(): void {
  const lang = pageLanguage();
  document.title = t(lang, 'pageTitle');
  document.querySelector('meta[name="description"]')?.setAttribute('content', t(lang, 'pageDescription'));
}

/** Keeps the title and description in the page's language from now on. */
export function followPageLanguage(): void {
  apply();
  new MutationObserver(apply).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}
