/**
 * A virtual X display for the engines that need one to draw with WebGL: headless Firefox has no
 * WebGL here, and WebKitGTK's MiniBrowser has no headless mode. Started by the test file itself
 * (Xvfb picks a free display number and reports it), so `npm test` needs no wrapper and no
 * display on a fresh machine; Mesa's software renderer draws (LIBGL_ALWAYS_SOFTWARE).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';

export interface VirtualDisplay {
  /** the environment a browser started on this display needs */
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

export const XVFB_MISSING = 'Install it with `apt-get install -y xvfb` (.ci/run does).';

export async function startXvfb(): Promise<VirtualDisplay> {
  if (spawnSync('which', ['Xvfb']).status !== 0) throw new Error(`These tests need Xvfb. ${XVFB_MISSING}`);
  const xvfb: ChildProcess = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1400x1000x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  xvfb.stderr?.on('data', (d: Buffer) => (stderr += String(d)));
  const display = await new Promise<string>((resolve, reject) => {
    xvfb.stdio[3]!.once('data', (d: Buffer) => resolve(String(d).trim()));
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${stderr}`)));
  });
  return {
    env: { ...process.env, DISPLAY: `:${display}`, LIBGL_ALWAYS_SOFTWARE: '1' },
    stop: () =>
      new Promise<void>((resolve) => {
        if (xvfb.exitCode !== null) return resolve();
        xvfb.once('exit', () => resolve());
        xvfb.kill();
      }),
  };
}
