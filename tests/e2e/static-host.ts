/**
 * A plain static file server for the browser tests, standing in for the hosts a newsroom may drop
 * dist/ on: mounted under any path prefix (a GitHub Pages project site, a CMS folder), with or
 * without HTTP byte ranges. Without them it behaves like Python's `python3 -m http.server`: a
 * Range header is ignored and the whole file comes back with a 200 and its Content-Length.
 * Anything outside the prefix is a 404, so a URL that climbs to the site root fails visibly.
 */
import { createReadStream, statSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticHostOptions {
  /** the directory served */
  root: string;
  /** the path the directory appears at, e.g. '/a/b/' ('/' by default) */
  prefix?: string;
  /** answer `Range: bytes=a-b` with a 206 (true) or ignore it like Python's http.server (false) */
  ranges: boolean;
  /** a port to listen on again after a stop (0: any free one) */
  port?: number;
}

export interface StaticHost {
  /** the URL of the served directory, ending in '/' */
  url: string;
  port: number;
  /** every request path received, in order, with the Range header it carried */
  requests: Array<{ path: string; range: string | null; status: number }>;
  close(): Promise<void>;
}

function fileFor(root: string, prefix: string, pathname: string): string | null {
  if (!pathname.startsWith(prefix)) return null;
  const rel = normalize(decodeURIComponent(pathname.slice(prefix.length)) || 'index.html');
  if (rel.startsWith('..')) return null;
  const path = join(root, rel.endsWith('/') ? `${rel}index.html` : rel);
  try {
    return statSync(path).isFile() ? path : null;
  } catch {
    return null;
  }
}

export async function startStaticHost(options: StaticHostOptions): Promise<StaticHost> {
  const root = resolve(options.root);
  const prefix = options.prefix ?? '/';
  const requests: StaticHost['requests'] = [];
  const server: Server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://host').pathname;
    const path = fileFor(root, prefix, pathname);
    const range = req.headers.range ?? null;
    const log = (status: number) => requests.push({ path: pathname, range, status });
    if (!path) {
      log(404);
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const { size, mtime } = statSync(path);
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    // Validators, as Python's http.server sends (Last-Modified, answered with 304 when unchanged).
    const lastModified = new Date(Math.floor(mtime.getTime() / 1000) * 1000).toUTCString();
    const since = req.headers['if-modified-since'];
    if (since && Date.parse(since) >= Date.parse(lastModified)) {
      log(304);
      res.writeHead(304, { 'Last-Modified': lastModified }).end();
      return;
    }
    const m = options.ranges && range ? /^bytes=(\d+)-(\d*)$/.exec(range) : null;
    if (m && Number(m[1]) < size) {
      const start = Number(m[1]);
      const end = Math.min(m[2] ? Number(m[2]) : size - 1, size - 1);
      log(206);
      res.writeHead(206, {
        'Last-Modified': lastModified,
        'Content-Type': type,
        'Content-Length': end - start + 1,
        'Content-Range': `bytes ${start}-${end}/${size}`,
        'Accept-Ranges': 'bytes',
      });
      createReadStream(path, { start, end }).pipe(res);
      return;
    }
    log(200);
    res.writeHead(200, { 'Last-Modified': lastModified, 'Content-Type': type, 'Content-Length': size });
    createReadStream(path).pipe(res);
  });
  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    port,
    requests,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
