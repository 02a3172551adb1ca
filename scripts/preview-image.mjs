// public/preview.png: the 1200×630 picture a chat app or social post shows beside a link to the
// atlas (og:image, twitter:image). A screenshot of the production build's opening view in
// headless Chromium, at 1200×630 CSS pixels. Rebuild it after a visible change:
//   npm run build && node scripts/preview-image.mjs
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_MISSING, CHROMIUM_PATH } from './chromium.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = resolve(ROOT, 'public/preview.png');
if (!existsSync(resolve(ROOT, 'dist/index.html'))) throw new Error('Build first: npm run build');
if (!existsSync(CHROMIUM_PATH)) throw new Error(CHROMIUM_MISSING);

const server = await preview({ root: ROOT, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, open: false } });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 630 }, deviceScaleFactor: 1, serviceWorkers: 'block' });
  await page.goto(server.resolvedUrls.local[0]);
  await page.waitForSelector('#map[aria-busy="false"]', { state: 'attached', timeout: 60_000 });
  // The relief joins the map just after its first idle: the picture waits until it is drawn.
  await page.waitForFunction(
    () => {
      const { map } = /** @type {any} */ (window).atlas;
      return !!map.getLayer('base-relief') && map.isSourceLoaded('relief') && map.loaded();
    },
    null,
    { timeout: 30_000 },
  );
  await page.screenshot({ path: OUT, type: 'png' });
  console.log(`wrote ${OUT}`);
} finally {
  await browser.close();
  await server.close();
}
