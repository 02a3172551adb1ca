/**
 * Builds the benchmark baseline (bench/bare: MapLibre with an empty style) into dist-bench/.
 * Same build settings as the app where they matter: target es2022, no inlined assets (the worker
 * is loaded by URL, as in the app). `npm run bench` builds and serves it; see scripts/bench.mjs.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const REPO = resolve(import.meta.dirname, '..');

export default defineConfig({
  root: resolve(REPO, 'bench/bare'),
  base: './',
  publicDir: false,
  build: {
    target: 'es2022',
    assetsInlineLimit: 0,
    outDir: resolve(REPO, 'dist-bench'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
});
