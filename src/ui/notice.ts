/**
 * The one status line the page has: what failed or is missing, said to the reader. The page
 * carries on, and the reader can dismiss the line once read.
 */
export function showNotice(text: string): void {
  const notice = document.querySelector<HTMLElement>('#notice');
  if (!notice) return;
  const message = document.createElement('span');
  message.textContent = text;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'notice-close';
  close.setAttribute('aria-label', '关闭 Close');
  close.textContent = '×';
  close.addEventListener('click', () => {
    notice.hidden = true;
  });
  notice.replaceChildren(message, close);
  notice.hidden = false;
}
