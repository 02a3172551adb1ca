/**
 * WebKitGTK (Safari's engine): Debian's webkit2gtk-driver, whose WebKitWebDriver drives the
 * MiniBrowser that libwebkit2gtk-4.1 ships, over classic W3C WebDriver. The few commands the smoke
 * tests use are plain HTTP, sent here directly.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import type { EnginePage } from './engine-page';
import type { VirtualDisplay } from './xvfb';

export const MINIBROWSER_PATH = process.env['MINIBROWSER_PATH'] ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const MISSING = 'apt-get install -y webkit2gtk-driver (.ci/run does), or set MINIBROWSER_PATH.';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** What the page records of its own failures: set up after each load (classic WebDriver cannot run a script before one). */
function recordErrors(): void {
  const w = window as unknown as { __engineErrors?: string[] };
  if (w.__engineErrors) return;
  const errors: string[] = (w.__engineErrors = []);
  addEventListener('error', (e) => errors.push(`page error: ${e.message}`));
  addEventListener('unhandledrejection', (e) => errors.push(`unhandled rejection: ${String(e.reason)}`));
  const consoleError = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    errors.push(`console error: ${args.map(String).join(' ')}`);
    consoleError(...args);
  };
}

export async function launchWebKit(display: VirtualDisplay, viewport: { width: number; height: number }): Promise<EnginePage> {
  if (spawnSync('which', ['WebKitWebDriver']).status !== 0) throw new Error(`No WebKitWebDriver: ${MISSING}`);
  if (!existsSync(MINIBROWSER_PATH)) throw new Error(`No MiniBrowser at ${MINIBROWSER_PATH}: ${MISSING}`);
  const port = await freePort();
  const driver: ChildProcess = spawn('WebKitWebDriver', [`--port=${port}`], { env: display.env, stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  const command = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    // The driver takes a moment to listen: a refused connection is tried again, for up to 10 s.
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        res = await fetch(base + path, {
          method,
          headers: { 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      } catch (err) {
        if (attempt > 100) throw err;
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
      const json = (await res.json()) as { value: T & { error?: string; message?: string } };
      if (!res.ok) throw new Error(`WebKitWebDriver ${method} ${path}: ${json.value.error}: ${json.value.message}`);
      return json.value;
    }
  };
  const { sessionId } = await command<{ sessionId: string }>('POST', '/session', {
    capabilities: { alwaysMatch: { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args: ['--automation'] } } },
  });
  const session = `/session/${sessionId}`;
  // The window's outer size: the viewport is that less MiniBrowser's toolbar.
  await command('POST', `${session}/window/rect`, viewport);
  const run = <T>(script: string, args: unknown[] = []) => command<T>('POST', `${session}/execute/sync`, { script, args });
  return {
    engine: 'WebKit',
    goto: async (url) => {
      await command('POST', `${session}/url`, { url });
      await run(`(${recordErrors.toString()})()`);
    },
    evaluate: async <T, A>(fn: (arg: A) => T | Promise<T>, arg?: A) => {
      const result = await command<{ ok: boolean; value: T; error?: string }>('POST', `${session}/execute/async`, {
        script: `const done = arguments[1]; Promise.resolve().then(() => (${fn.toString()})(arguments[0])).then((value) => done({ ok: true, value }), (e) => done({ ok: false, error: String(e) }));`,
        args: [arg ?? null],
      });
      if (!result.ok) throw new Error(`in WebKit: ${result.error}`);
      return result.value;
    },
    click: async (x, y) => {
      await command('POST', `${session}/actions`, {
        actions: [
          {
            type: 'pointer',
            id: 'mouse',
            parameters: { pointerType: 'mouse' },
            actions: [
              { type: 'pointerMove', x: Math.round(x), y: Math.round(y), duration: 0, origin: 'viewport' },
              { type: 'pointerDown', button: 0 },
              { type: 'pointerUp', button: 0 },
            ],
          },
        ],
      });
    },
    screenshot: async () => Buffer.from(await command<string>('GET', `${session}/screenshot`), 'base64'),
    // The page's own record since it loaded (the tests navigate once).
    errors: async () => (await run<string[] | null>('return window.__engineErrors || null')) ?? [],
    close: async () => {
      await command('DELETE', session).catch(() => undefined);
      driver.kill();
    },
  };
}
