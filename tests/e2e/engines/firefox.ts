/**
 * Firefox ESR (Debian's firefox-esr) driven over WebDriver BiDi by puppeteer-core, which downloads
 * no browser. Headful on a virtual display: headless Firefox has no WebGL here.
 */
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { EnginePage } from './engine-page';
import type { VirtualDisplay } from './xvfb';

export const FIREFOX_PATH = process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr';

export async function launchFirefox(display: VirtualDisplay, viewport: { width: number; height: number }): Promise<{ browser: Browser; page: EnginePage }> {
  if (!existsSync(FIREFOX_PATH)) throw new Error(`No Firefox at ${FIREFOX_PATH}: apt-get install -y firefox-esr (.ci/run does), or set FIREFOX_PATH.`);
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX_PATH, headless: false, env: display.env, defaultViewport: viewport });
  const page: Page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`page error: ${String(err)}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console error: ${msg.text()}`);
  });
  return {
    browser,
    page: {
      engine: 'Firefox',
      goto: async (url) => void (await page.goto(url)),
      evaluate: <T, A>(fn: (arg: A) => T | Promise<T>, arg?: A) => page.evaluate(`(${fn.toString()})(${JSON.stringify(arg ?? null)})`) as Promise<T>,
      click: (x, y) => page.mouse.click(x, y),
      screenshot: async () => Buffer.from(await page.screenshot({ type: 'png' })),
      errors: async () => [...errors],
      close: () => browser.close(),
    },
  };
}
