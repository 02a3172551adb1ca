/**
 * What the page loads up front for sharing: two listeners. The dialog itself (and everything it
 * uses) is fetched on the first press of a share button, and again on the next press if that
 * failed (lazy.ts).
 */
import { deepActiveElement } from '../ui/events';
import type { ShareContext } from '../ui/share-dialog';
import { lazy } from './lazy';

export function wireShare(ctx: ShareContext): void {
  const load = lazy(ctx.store, 'shareFailed', () => import('../ui/share-dialog'));
  const open = (featureId: unknown, opener: HTMLElement | null) =>
    load()
      .then(({ openShareDialog }) => openShareDialog(ctx, { featureId, opener }))
      .catch(() => undefined); // told by lazy()
  document.querySelector('#share-button')?.addEventListener('click', (e) => void open(undefined, e.currentTarget as HTMLElement));
  document.addEventListener('atlas-share', (e) => {
    const origin = e.composedPath()[0];
    void open(e.detail.id, origin instanceof HTMLElement ? origin : deepActiveElement());
  });
}
