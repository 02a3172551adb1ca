/**
 * A short list of the features equally close to a click, so the reader picks one instead of the
 * map silently taking one. Keyboard: focus starts on the first entry, arrows move, Escape closes.
 */
import type { Language } from '../state/store';
import { t } from '../i18n/locale';

export interface ChoiceName {
  id: string;
  name_zh: string;
  name_en: string;
}

let open: { el: HTMLElement; close: () => void } | null = null;

export function closeChooser(): boolean {
  if (!open) return false;
  open.close();
  return true;
}

export function showChooser(host: HTMLElement, choices: ChoiceName[], at: { x: number; y: number }, language: Language, onPick: (id: string) => void): void {
  closeChooser();
  const el = document.createElement('div');
  el.className = 'atlas-chooser';
  el.setAttribute('role', 'dialog');
  el.setAttribute('aria-label', t(language, 'choose'));
  const p = document.createElement('p');
  p.textContent = t(language, 'choose');
  const list = document.createElement('ul');
  for (const c of choices) {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset['id'] = c.id;
    b.textContent = language === 'zh' ? c.name_zh : c.name_en;
    b.addEventListener('click', () => {
      close();
      onPick(c.id);
    });
    li.append(b);
    list.append(li);
  }
  el.append(p, list);
  host.append(el);
  // Inside the host, near the click, never off its edges.
  const box = host.getBoundingClientRect();
  const w = el.offsetWidth;
  const h = el.offsetHeight;
  el.style.left = `${Math.max(4, Math.min(at.x - box.left + 8, box.width - w - 4))}px`;
  el.style.top = `${Math.max(4, Math.min(at.y - box.top + 8, box.height - h - 4))}px`;
  const returnTo = document.activeElement as HTMLElement | null;
  const keys = (e: KeyboardEvent) => {
    const buttons = [...el.querySelectorAll('button')];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.stopPropagation();
      close();
      returnTo?.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      buttons[(i + (e.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length]?.focus();
    }
  };
  const outside = (e: PointerEvent) => {
    if (!el.contains(e.target as Node)) close();
  };
  function close() {
    el.remove();
    el.removeEventListener('keydown', keys);
    document.removeEventListener('pointerdown', outside, true);
    open = null;
  }
  el.addEventListener('keydown', keys);
  // The click that opened it is over; a later press anywhere else closes it.
  setTimeout(() => document.addEventListener('pointerdown', outside, true), 0);
  open = { el, close };
  el.querySelector('button')?.focus({ preventScroll: true });
}
