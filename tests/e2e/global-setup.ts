/**
 * Builds the production bundle once and serves it with `vite preview` on a free local port:
 * browser tests run against what users get, not the dev server.
 */
import { resolve } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: PreviewServer | undefined;

export default async function setup(project: TestProject) {
  const root = resolve(import.meta.dirname, '../..');
  await build({ root, logLevel: 'warn' });
  server = await preview({ root, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a local URL');
  project.provide('baseUrl', url);
  return async () => {
    await server?.close();
  };
}
