/**
 * The production build carries a strict Content-Security-Policy in its index.html, and the app
 * works under it: opening, selecting, switching language and toggling a layer trip no violation.
 * Also: what the browser tests drive is exactly what `npm run build` makes.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/pwa/policy';
import { type PageWatch, mapIdle, openAtlas } from './browser';
import { productionBuild } from './global-setup';
import './atlas-handle';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = resolve(ROOT, 'dist');
const baseUrl = inject('baseUrl');

/** Every file under dir, by path relative to it, with its SHA-256. */
function fingerprint(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
  return Object.fromEntries(
    files
      .map((d) => join(d.parentPath, d.name))
      .map((path) => [relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex')] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** The directives of a policy string, each with its source list. */
function parsePolicy(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe('the build the browser tests drive', () => {
  it('is the production build, byte for byte what `npm run build` makes', async () => {
    const built = fingerprint(DIST);
    for (const [file] of Object.entries(built).filter(([f]) => /\.m?js$/.test(f))) {
      expect(readFileSync(join(DIST, file), 'utf8'), file).not.toContain('Lit is in dev mode');
    }
    const elsewhere = mkdtempSync(join(tmpdir(), 'atlas-build-'));
    try {
      await productionBuild(['--outDir', elsewhere, '--emptyOutDir']);
      expect(built).toEqual(fingerprint(elsewhere));
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('the Content-Security-Policy of the built index.html', () => {
  const html = readFileSync(resolve(DIST, 'index.html'), 'utf8');
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"\s*\/?>/.exec(html);

  it('is declared before any script or stylesheet', () => {
    expect(meta, 'no CSP <meta> in dist/index.html').not.toBeNull();
    expect(meta![1]).toBe(CONTENT_SECURITY_POLICY);
    const at = html.indexOf(meta![0]);
    for (const tag of ['<script', '<link rel="stylesheet"', '<style']) {
      const first = html.indexOf(tag);
      if (first >= 0) expect(at, tag).toBeLessThan(first);
    }
  });

  it('allows only same-origin code and data: no inline script or style, no eval, no plugins', () => {
    const policy = parsePolicy(meta![1]!);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('worker-src')).toEqual(["'self'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:']);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(meta![1]).not.toMatch(/unsafe-|\*|https?:/);
  });

  it('needs no exception in the page itself: every script is a file, no inline style attribute', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      // Relative to the page (the build works at any path).
      expect(attrs).toMatch(/\ssrc="\.\/[^"]+"/);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/\sstyle="/);
  });
});

describe('the app under its policy', () => {
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    ({ browser, page, watch } = await openAtlas(baseUrl));
  });

  afterAll(async () => {
    await browser?.close();
  });

  const selection = () => page.evaluate(() => window.atlas.store.state.selection);

  it('opens, selects a place, switches language and toggles a layer without a violation or an error', async () => {
    // Futian station, at a zoom where it is drawn apart from its neighbours.
    await page.evaluate(() => {
      window.atlas.map.jumpTo({ center: [104.45, 30.27], zoom: 11 });
    });
    await mapIdle(page);
    const { x, y } = await page.evaluate(() => {
      const { map } = window.atlas;
      const box = map.getCanvas().getBoundingClientRect();
      const p = map.project([104.38488, 30.28064]);
      return { x: box.left + p.x, y: box.top + p.y };
    });
    await page.mouse.click(x, y);
    await expect.poll(selection).toBe('futian-station');
    await expect.poll(() => page.locator('atlas-feature-panel h2').textContent()).toContain('福田站');

    await page.click('#language-toggle');
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    await expect.poll(() => page.locator('atlas-feature-panel h2').textContent()).toContain('Futian');

    await page.locator('.atlas-layer-panel input[value="rivers"]').uncheck();
    await mapIdle(page);
    await page.locator('.atlas-layer-panel input[value="rivers"]').check();
    await mapIdle(page);

    // The service worker registers after the first idle; let it, so its loading is covered too.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });

    expect(watch.cspViolations).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });

  it('is enforced: an injected inline script, code from a string and a request elsewhere are refused and reported', async () => {
    const outcome = await page.evaluate(async () => {
      const w = window as unknown as { __injected?: boolean; __fromString?: boolean };
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.append(script);
      // A string timer is eval by another name. (eval itself cannot be tried from here: the
      // DevTools protocol that runs this function is exempt from the eval restriction.)
      (setTimeout as (code: string, ms: number) => number)('window.__fromString = true', 0);
      await new Promise((r) => setTimeout(r, 50));
      const fetched = await fetch('http://example.com/').then(
        () => true,
        () => false,
      );
      return { injected: w.__injected === true, fromString: w.__fromString === true, fetched };
    });
    expect(outcome).toEqual({ injected: false, fromString: false, fetched: false });
    await expect.poll(() => watch.cspViolations.map((v) => v.split(' ')[0]).sort()).toEqual(['connect-src', 'script-src', 'script-src-elem']);
  });
});
