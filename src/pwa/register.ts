/// <reference types="vite-plugin-pwa/client" />
/**
 * Registers the service worker (src/sw.ts) in production builds, once the map has first
 * settled so it never competes with the first frames, and tells the reader when a new build
 * is ready. The dev server has no service worker.
 */

/** Resolves once the app has set #map[aria-busy="false"] (the map's first idle, or the fallback list). */
function mapSettled(): Promise<void> {
  return new Promise((resolve) => {
    const map = document.querySelector('#map');
    const settled = () => !map || map.getAttribute('aria-busy') === 'false';
    if (settled()) {
      resolve();
      return;
    }
    const observer = new MutationObserver(() => {
      if (!settled()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(map!, { attributes: true, attributeFilter: ['aria-busy'] });
  });
}

async function register(): Promise<void> {
  await mapSettled();
  const [{ registerSW }] = await Promise.all([import('virtual:pwa-register'), import('./update-notice')]);
  let notice: HTMLElementTagNameMap['atlas-update-notice'] | null = null;
  const updateSW = registerSW({
    immediate: true,
    // A new build's worker is installed and waiting: offer it, never force it.
    onNeedRefresh() {
      if (!notice) {
        notice = document.body.appendChild(document.createElement('atlas-update-notice'));
        // The new worker takes over, then the page reloads (virtual:pwa-register does both).
        notice.addEventListener('atlas-reload', () => void updateSW(true));
      }
      notice.hidden = false;
    },
    onRegisterError(error: unknown) {
      // Offline revisits are a bonus: the page works without them, so this is not an error.
      console.warn('service worker not registered:', error);
    },
  });
}

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  register().catch((err: unknown) => console.warn('service worker not registered:', err));
}
