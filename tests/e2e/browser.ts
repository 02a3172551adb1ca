import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Download, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_MISSING, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import './atlas-handle';

/**
 * The run's one Chromium (global-setup.ts launches it). Closing what this returns closes the
 * contexts made through it and disconnects; the browser goes on for the other files.
 */
export function sharedChromium(): Promise<Browser> {
  return chromium.connect(inject('chromiumEndpoint'));
}

/** A Chromium of the caller's own, for a test that needs other switches (e.g. no WebGL). */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`The browser tests need a Chromium. ${CHROMIUM_MISSING}`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

export interface PageWatch {
  consoleErrors: string[];
  pageErrors: string[];
  /** URLs requested from any origin but the local server */
  foreignRequests: string[];
  /** `securitypolicyviolation` events seen in the page: directive, blocked URI, source */
  cspViolations: string[];
}

/** The prefix under which the page reports a Content-Security-Policy violation on the console. */
const CSP_VIOLATION = 'securitypolicyviolation:';

/**
 * Runs in the page before any of its scripts, in every document: each CSP violation is printed
 * to the console, where the watch records it (it survives reloads; nothing to collect at the end).
 */
function reportCspViolations(prefix: string): void {
  document.addEventListener('securitypolicyviolation', (e) => {
    console.error(`${prefix} ${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} in ${e.sourceFile || e.documentURI}:${e.lineNumber}`);
  });
}

/** Record what a user would call a failure: console errors, uncaught exceptions, requests leaving the machine. */
export function watchPage(page: Page, baseUrl: string): PageWatch {
  const origin = new URL(baseUrl).origin;
  const watch: PageWatch = { consoleErrors: [], pageErrors: [], foreignRequests: [], cspViolations: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') watch.consoleErrors.push(`${msg.text()} ${msg.location().url}`.trim());
    if (msg.type() === 'error' && msg.text().startsWith(CSP_VIOLATION)) watch.cspViolations.push(msg.text().slice(CSP_VIOLATION.length).trim());
    // Lit's development build announces itself: the page under test must be the production build.
    if (msg.type() === 'warning' && msg.text().includes('Lit is in dev mode')) watch.consoleErrors.push(`development build: ${msg.text()}`);
  });
  // Registered before the caller's next command (page.goto), which Playwright sends after this one.
  page.addInitScript(reportCspViolations, CSP_VIOLATION).catch(() => undefined); // only fails if the page is already gone
  // Chromium's console line for a failed load does not say which URL; this does.
  page.on('response', (res) => {
    if (res.status() >= 400) watch.consoleErrors.push(`HTTP ${res.status()} for ${res.url()}`);
  });
  page.on('pageerror', (err) => watch.pageErrors.push(String(err)));
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) watch.foreignRequests.push(url);
  });
  return watch;
}

/** The app's own readiness signal: the map container leaves aria-busy once the map first reaches idle. */
export async function waitForMapIdle(page: Page): Promise<void> {
  // Attached, not visible: without WebGL the map's box is hidden, and readiness is still signalled there.
  await page.waitForSelector('#map[aria-busy="false"]', { timeout: 60_000, state: 'attached' });
}

/**
 * Resolves at the map's next idle (after forcing a repaint, so it always comes). It resolves with
 * nothing on purpose: the idle event holds the whole map, which Playwright would spend seconds
 * serialising back to the test.
 */
export function mapIdle(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolveIdle) => {
        const { map } = window.atlas;
        map.once('idle', () => resolveIdle());
        map.triggerRepaint();
      }),
  );
}

export interface OpenedAtlas {
  browser: Browser;
  page: Page;
  watch: PageWatch;
}

export interface OpenOptions {
  viewport?: { width: number; height: number };
  /** extra Chromium switches, e.g. to switch WebGL off */
  chromiumArgs?: string[];
  /** runs after the page exists and before it navigates (e.g. to route requests) */
  beforeGoto?: (page: Page) => Promise<unknown>;
}

/** The atlas open and settled, every failure being recorded: in the shared browser, or in one of its own given switches. */
export async function openAtlas(baseUrl: string, options: OpenOptions = {}): Promise<OpenedAtlas> {
  const browser = options.chromiumArgs ? await launchChromium(options.chromiumArgs) : await sharedChromium();
  const page = await browser.newPage({ viewport: options.viewport ?? { width: 1280, height: 860 } });
  const watch = watchPage(page, baseUrl);
  await options.beforeGoto?.(page);
  await page.goto(baseUrl);
  await waitForMapIdle(page);
  return { browser, page, watch };
}

/** The desktop size most tests read the map at. */
export const DESKTOP = { width: 1280, height: 860 };

export interface PageOptions extends BrowserContextOptions {
  /** what to open, relative to the server: a path, a hash, or both ('/' by default) */
  path?: string;
  /** runs after the page exists and before it navigates (e.g. to route requests or add init scripts) */
  beforeGoto?: (page: Page) => Promise<unknown>;
  /** also wait until the panels' index is in (the list of places has its places) */
  withPlaces?: boolean;
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  watch: PageWatch;
}

/**
 * The atlas opened in a context of its own inside a shared browser, settled and watched. Motion is
 * reduced and the service worker kept out unless the caller says otherwise: tests read where things
 * end up, and each page starts from the network, not from a cache another test filled.
 */
export async function openPage(browser: Browser, baseUrl: string, options: PageOptions = {}): Promise<OpenedPage> {
  const { path = '/', beforeGoto, withPlaces = false, ...contextOptions } = options;
  const context = await browser.newContext({ viewport: DESKTOP, reducedMotion: 'reduce', serviceWorkers: 'block', ...contextOptions });
  const page = await context.newPage();
  const watch = watchPage(page, baseUrl);
  await beforeGoto?.(page);
  await page.goto(new URL(path, baseUrl).href);
  await waitForMapIdle(page);
  if (withPlaces)
    await page.waitForFunction(() => !!(document.querySelector('atlas-place-list') as unknown as { places: unknown } | null)?.places, null, {
      timeout: 30_000,
    });
  return { context, page, watch };
}

export interface BrowserSession {
  /** the shared browser, connected before the file's first test */
  readonly browser: Browser;
  /** `openPage` in that browser, for one test: the page's context is closed when the test is done */
  open(options?: PageOptions): Promise<OpenedPage>;
  /** a bare context for one test (a page that is not the atlas), closed when the test is done */
  context(options?: BrowserContextOptions): Promise<BrowserContext>;
}

/**
 * The shared browser for a test file: connected before its first test, let go after its last. Pages opened
 * through `open` last one test, since each holds a WebGL context on a software renderer; a page
 * several tests share comes from `openPage(session.browser, …)`, closed by the block that opened it.
 */
export function browserSession(baseUrl: string, options: { quiet?: boolean } = {}): BrowserSession {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const watches: PageWatch[] = [];
  beforeAll(async () => {
    browser = await sharedChromium();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    // `quiet`: every page a test opened must have ended it without an exception or a console error.
    for (const w of watches.splice(0)) {
      expect(w.pageErrors).toEqual([]);
      expect(w.consoleErrors).toEqual([]);
    }
  });
  afterAll(async () => {
    await browser?.close();
  });
  const session: BrowserSession = {
    get browser() {
      if (!browser) throw new Error('the browser is connected before the first test, not at import');
      return browser;
    },
    async open(pageOptions = {}) {
      const opened = await openPage(session.browser, baseUrl, pageOptions);
      contexts.push(opened.context);
      if (options.quiet) watches.push(opened.watch);
      return opened;
    },
    async context(options = {}) {
      const context = await session.browser.newContext(options);
      contexts.push(context);
      return context;
    },
  };
  return session;
}

/** A download's bytes. (`download.path()` is not there in a browser the test is connected to.) */
export async function downloadBytes(download: Download): Promise<Buffer> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
