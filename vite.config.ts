import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { validateGeoDirectory } from './scripts/validate-geo.mjs';
import { searchIndexPlugin } from './scripts/search-index-plugin.mjs';

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

export default defineConfig({
  // Under Vitest the tests validate geo/ themselves (and may run while geo/ is being rebuilt).
  plugins: [...(process.env['VITEST'] ? [] : [geoValidation()]), searchIndexPlugin()],
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
