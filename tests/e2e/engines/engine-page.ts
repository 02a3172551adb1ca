/**
 * One page of the atlas in a browser engine other than Chromium, behind the few operations the
 * smoke tests need, so the same tests run in Firefox (WebDriver BiDi, puppeteer-core) and in
 * WebKitGTK (classic WebDriver). Clicks are real pointer input at page coordinates.
 */
export interface EnginePage {
  readonly engine: string;
  goto(url: string): Promise<void>;
  /** runs `fn` in the page with one JSON argument and returns its (awaited) JSON result */
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  /** a mouse click at CSS pixels of the viewport */
  click(x: number, y: number): Promise<void>;
  /** the viewport as a PNG */
  screenshot(): Promise<Buffer>;
  /** uncaught exceptions, unhandled rejections and console errors seen so far */
  errors(): Promise<string[]>;
  close(): Promise<void>;
}

/** Polls a condition in the page until it holds (a real signal, not a fixed wait). */
export async function waitUntil<A>(page: EnginePage, fn: (arg: A) => boolean | Promise<boolean>, arg?: A, timeout = 60_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(fn, arg)) return;
    if (Date.now() > deadline) throw new Error(`${page.engine}: timed out waiting for ${fn.toString().slice(0, 200)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
