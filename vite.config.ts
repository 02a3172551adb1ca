import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { validateGeoDirectory } from './scripts/validate-geo.mjs';
import { searchIndexPlugin } from './scripts/search-index-plugin.mjs';
import { linkPreviewTags, withDefaultTitle } from './src/pwa/link-preview.js';
import { CONTENT_SECURITY_POLICY, PRECACHE_GLOBS, PRECACHE_IGNORES } from './src/pwa/policy.js';

// ATLAS_GEO_DIR lets the tests point the build at broken fixtures and watch it fail.
const GEO_DIR = resolve(import.meta.dirname, process.env['ATLAS_GEO_DIR'] ?? 'geo');

/** Broken data fails the build, naming the file, the feature and the problem. */
function geoValidation(): Plugin {
  return {
    name: 'atlas-geo-validation',
    async buildStart() {
      try {
        await validateGeoDirectory(GEO_DIR, process.env['ATLAS_GEO_DIR'] ?? 'geo');
      } catch (err) {
        this.error((err as Error).message);
      }
    },
  };
}

/**
 * The Content-Security-Policy travels inside the built index.html (static hosts differ, so no
 * server headers are assumed). Build only: the dev server needs inline scripts for HMR.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'atlas-content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const charset = /<meta charset="utf-8"\s*\/?>/i;
        if (!charset.test(html)) throw new Error('index.html must start its <head> with <meta charset="utf-8">');
        // Right after the charset: the policy must precede every script and stylesheet.
        return html.replace(charset, (m) => `${m}\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`);
      },
    },
  };
}

/**
 * Link previews: the title and description in the default language, Open Graph and Twitter card
 * tags (src/pwa/link-preview.ts). ATLAS_SITE_URL (the address the build will be served at) makes
 * their URLs absolute, as most previewers require.
 */
function linkPreview(): Plugin {
  return {
    name: 'atlas-link-preview',
    transformIndexHtml(html) {
      const tags = linkPreviewTags(process.env['ATLAS_SITE_URL']);
      return withDefaultTitle(html).replace(/(<meta name="description"[^>]*>)/, `$1\n    ${tags}`);
    },
  };
}

/**
 * The tileset is read by byte ranges. Served with no type, Vite's servers would gzip a whole-file
 * response (the service worker's precache fetch), and the cached copy would no longer be the
 * archive the ranges are cut from. Naming its type keeps every response of it byte for byte.
 */
function pmtilesType(): Plugin {
  const TYPE = 'application/vnd.pmtiles';
  const typed = (req: IncomingMessage, res: ServerResponse) => {
    if (!/\.pmtiles(\?|$)/.test(req.url ?? '')) return;
    const setHeader = res.setHeader.bind(res);
    res.setHeader = (name, value) => setHeader(name, name.toLowerCase() === 'content-type' ? TYPE : value);
    setHeader('Content-Type', TYPE);
  };
  return {
    name: 'atlas-pmtiles-type',
    configureServer: (server) => void server.middlewares.use((req, res, next) => (typed(req, res), next())),
    configurePreviewServer: (server) => void server.middlewares.use((req, res, next) => (typed(req, res), next())),
  };
}

/**
 * Offline revisits: src/sw.ts precaches the whole build (app, MapLibre's worker, every data file)
 * and answers from that cache; a new build is announced, not forced (registerType 'prompt').
 * The web app manifest is public/manifest.webmanifest; src/pwa/ registers the worker.
 */
function offline(): Plugin[] {
  return VitePWA({
    strategies: 'injectManifest',
    srcDir: 'src',
    filename: 'sw.ts',
    registerType: 'prompt',
    injectRegister: false,
    manifest: false,
    injectManifest: {
      globPatterns: [...PRECACHE_GLOBS],
      globIgnores: [...PRECACHE_IGNORES],
      // The data (and the coming .pmtiles archive) must be precached whatever its size: an entry
      // skipped here would be missing offline.
      maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
    },
  });
}

export default defineConfig({
  // Under Vitest the tests validate geo/ themselves (and may run while geo/ is being rebuilt);
  // the browser tests build in a child process without VITEST, i.e. exactly as `npm run build`.
  plugins: [...(process.env['VITEST'] ? [] : [geoValidation()]), searchIndexPlugin(), linkPreview(), contentSecurityPolicy(), pmtilesType(), offline()],
  // Every URL of the build is relative (to index.html, or to the script that asks), so dist/ works
  // unchanged at any path: the site root, /special/chengyu/, a CDN folder.
  base: './',
  build: {
    target: 'es2022',
    // The worker is loaded by URL; keep it (and the data) as separate files.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1200,
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
