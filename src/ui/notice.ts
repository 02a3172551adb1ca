/**
 * The page's status lines: what failed, was ignored or is ready, said to the reader. Each stays one
 * line (ellipsised, whatever a link threw at it), shows its full text on demand and can always be
 * closed; at most two are stacked, the newest below. The page carries on regardless.
 */
import type { Language } from '../state/store';
import { t } from '../i18n/locale';

const MAX_NOTICES = 2;

export interface NoticeAction {
  label: string;
  run: () => void;
}

function language(): Language {
  return document.documentElement.lang.startsWith('en') ? 'en' : 'zh';
}

export function showNotice(text: string, action?: NoticeAction): HTMLElement | null {
  const stack = document.querySelector<HTMLElement>('#notices');
  if (!stack) return null;
  const lang = language();
  const notice = document.createElement('div');
  notice.className = 'notice';
  notice.setAttribute('role', 'status');
  const message = document.createElement('span');
  message.className = 'notice-text';
  message.textContent = text;
  const more = document.createElement('button');
  more.type = 'button';
  more.className = 'notice-more';
  more.textContent = t(lang, 'showMore');
  more.setAttribute('aria-expanded', 'false');
  more.addEventListener('click', () => {
    const open = notice.classList.toggle('expanded');
    more.textContent = t(lang, open ? 'showLess' : 'showMore');
    more.setAttribute('aria-expanded', String(open));
  });
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'notice-close';
  close.setAttribute('aria-label', t(lang, 'dismiss'));
  close.title = t(lang, 'dismiss');
  close.textContent = '×';
  close.addEventListener('click', () => notice.remove());
  notice.append(message);
  if (action) {
    const run = document.createElement('button');
    run.type = 'button';
    run.className = 'notice-action';
    run.textContent = action.label;
    run.addEventListener('click', () => {
      notice.remove();
      action.run();
    });
    notice.append(run);
  }
  notice.append(more, close);
  stack.append(notice);
  while (stack.children.length > MAX_NOTICES) stack.firstElementChild?.remove();
  // "Show all" only where there is more to show than one line holds.
  requestAnimationFrame(() => {
    more.hidden = message.scrollWidth <= message.clientWidth + 1 && !notice.classList.contains('expanded');
  });
  return notice;
}

/** Every notice shown now, oldest first (for tests and for the no-WebGL page). */
export function noticeTexts(): string[] {
  return [...document.querySelectorAll('#notices .notice-text')].map((el) => el.textContent ?? '');
}
