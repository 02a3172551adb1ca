// The web app manifest's PNG icons, drawn from public/favicon.svg by headless Chromium:
//   node scripts/icons.mjs
// writes public/icons/icon-192.png, icon-512.png (the SVG as it is, transparent corners) and
// icon-maskable-512.png (full-bleed header colour, the drawing inside the maskable safe zone:
// the central circle of 80% diameter). Commit the PNGs; the build copies public/ as it is.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_MISSING, CHROMIUM_PATH } from './chromium.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = resolve(ROOT, 'public/icons');
const svg = readFileSync(resolve(ROOT, 'public/favicon.svg'), 'utf8');
const BACKGROUND = '#1f2a33'; // the favicon's own tile colour, also the header's

/** [file, size, share of the side the drawing takes, full-bleed background?] */
/** @type {[string, number, number, boolean][]} */
const ICONS = [
  ['icon-192.png', 192, 1, false],
  ['icon-512.png', 512, 1, false],
  // A 32-unit tile scaled to 70% of the side: its corners stay inside the 80% safe circle.
  ['icon-maskable-512.png', 512, 0.7, true],
];

if (!existsSync(CHROMIUM_PATH)) throw new Error(CHROMIUM_MISSING);
mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
try {
  for (const [file, size, share, fullBleed] of ICONS) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const side = Math.round(size * share);
    await page.setContent(
      `<!doctype html><html><body style="margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;` +
        `background:${fullBleed ? BACKGROUND : 'transparent'}">` +
        `<div style="width:${side}px;height:${side}px">${svg.replace('<svg ', `<svg width="${side}" height="${side}" `)}</div></body></html>`,
    );
    await page.screenshot({ path: resolve(OUT, file), omitBackground: !fullBleed, clip: { x: 0, y: 0, width: size, height: size } });
    await page.close();
    console.log(`public/icons/${file}  ${size}×${size}`);
  }
} finally {
  await browser.close();
}
