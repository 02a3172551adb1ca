/** The one status line the page has: what failed or is missing, said to the reader. The page carries on. */
export function showNotice(text: string): void {
  const notice = document.querySelector<HTMLElement>('#notice');
  if (!notice) return;
  notice.hidden = false;
  notice.textContent = text;
}
