/**
 * What the page loads up front for sharing: two listeners. The dialog itself (and everything it
 * uses) is fetched on the first press of a share button.
 */
import type { ShareContext } from '../ui/share-dialog';

/** The element that really has focus, through open shadow roots (the feature panel's buttons). */
function deepActive(): HTMLElement | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a instanceof HTMLElement && a !== document.body ? a : null;
}

export function wireShare(ctx: ShareContext): void {
  const open = (featureId: unknown, opener: HTMLElement | null) =>
    import('../ui/share-dialog')
      .then(({ openShareDialog }) => openShareDialog(ctx, { featureId, opener }))
      .catch((err: unknown) => console.warn('share:', err));
  document.querySelector('#share-button')?.addEventListener('click', (e) => void open(undefined, e.currentTarget as HTMLElement));
  document.addEventListener('atlas-share', (e) => {
    const detail = (e as CustomEvent<{ id?: unknown } | null>).detail;
    const origin = e.composedPath()[0];
    void open(detail?.id, origin instanceof HTMLElement ? origin : deepActive());
  });
}
