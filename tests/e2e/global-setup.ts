/**
 * Builds the production bundle once, exactly as `npm run build` does, and serves it with
 * `vite preview` on a free local port: browser tests run against what users get, not the dev
 * server and not a build made from inside Vitest (which would resolve Lit's development build
 * and skip the data validation).
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { existsSync } from 'node:fs';
import { type BrowserServer, chromium } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_ARGS, CHROMIUM_MISSING, CHROMIUM_PATH } from '../../scripts/chromium.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** where the run's one Chromium listens (browser.ts connects to it) */
    chromiumEndpoint: string;
  }
}

const ROOT = resolve(import.meta.dirname, '../..');

/** The environment of a user's shell: without what Vitest adds (VITEST*, TEST, NODE_ENV=test). */
export function userEnvironment(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !k.startsWith('VITEST') && k !== 'TEST' && k !== 'NODE_ENV'));
}

/** `vite build` in a child process, as `npm run build` runs it; extra arguments e.g. to build elsewhere. */
export async function productionBuild(args: string[] = []): Promise<void> {
  const vite = resolve(ROOT, 'node_modules/vite/bin/vite.js');
  try {
    await promisify(execFile)(process.execPath, [vite, 'build', ...args], { cwd: ROOT, env: userEnvironment(), maxBuffer: 16 * 1024 * 1024 });
  } catch (err) {
    const { stdout, stderr } = err as { stdout?: string; stderr?: string };
    throw new Error(`vite build failed:\n${stdout ?? ''}\n${stderr ?? ''}`, { cause: err });
  }
}

let server: PreviewServer | undefined;
let chromiumServer: BrowserServer | undefined;

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`The browser tests need a Chromium. ${CHROMIUM_MISSING}`);
  // One Chromium for the whole run, launched while the bundle builds: every test file connects to
  // it and works in contexts of its own (isolated storage, cache and service workers).
  const launching = chromium.launchServer({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  await productionBuild();
  chromiumServer = await launching;
  server = await preview({ root: ROOT, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a local URL');
  project.provide('baseUrl', url);
  project.provide('chromiumEndpoint', chromiumServer.wsEndpoint());
  return async () => {
    await server?.close();
    await chromiumServer?.close();
  };
}
