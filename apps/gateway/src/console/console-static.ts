// The console (apps/console, built by `npm run build` into dist/console) at
// /console/: its hashed assets cached for good, and every other address under
// /console/ answered with its one page, never cached. Every answer carries a
// strict Content-Security-Policy: scripts, styles, fonts and requests from this
// origin only, no inline script or style attribute, no framing.
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

export const CONSOLE_PATH = '/console';

export const CONSOLE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "default-src 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

const TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** An asset's name as the build writes it: no directories, no dot files. */
const ASSET = /^\/assets\/([A-Za-z0-9_-][A-Za-z0-9._-]{0,200})$/;

type Next = (error?: unknown) => void;

/** The console's handler, mounted at /console; `dir` is the built console. */
export function consoleStatic(dir: string) {
  const files = new Map<string, Buffer | null>();
  const read = (file: string): Buffer | null => {
    if (!files.has(file)) {
      try {
        files.set(file, fs.readFileSync(path.join(dir, file)));
      } catch {
        return null;
      }
    }
    return files.get(file) ?? null;
  };

  return (request: IncomingMessage, response: ServerResponse, _next: Next): void => {
    for (const [name, value] of Object.entries(CONSOLE_SECURITY_HEADERS))
      response.setHeader(name, value);
    const url = new URL(request.url ?? '/', 'http://console');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' });
      response.end('Method not allowed\n');
      return;
    }
    // Mounted at /console, the path here is what follows it: /console itself
    // is told apart by the original address, and sent to /console/.
    const original = (request as { originalUrl?: string }).originalUrl ?? '';
    if (original.split('?')[0] === CONSOLE_PATH) {
      response.writeHead(308, { Location: `${CONSOLE_PATH}/${url.search}` });
      response.end();
      return;
    }
    const asset = ASSET.exec(url.pathname);
    if (asset || url.pathname.startsWith('/assets/')) {
      const body = asset ? read(path.join('assets', asset[1]!)) : null;
      const type = asset ? TYPES[path.extname(asset[1]!)] : undefined;
      if (!body || !type) {
        response.writeHead(404, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' });
        response.end('Not found\n');
        return;
      }
      response.writeHead(200, {
        'Content-Type': type,
        'Content-Length': body.length,
        'Cache-Control': 'public, max-age=31536000, immutable',
      });
      response.end(request.method === 'HEAD' ? undefined : body);
      return;
    }
    const page = read('index.html');
    if (!page) {
      response.writeHead(503, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' });
      response.end('The console is not built: run npm run build\n');
      return;
    }
    response.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': page.length,
      'Cache-Control': 'no-store',
    });
    response.end(request.method === 'HEAD' ? undefined : page);
  };
}

/** dist/console of this checkout: found from this file, in source or built. */
export function defaultConsoleDir(): string {
  let dir = import.meta.dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir)
    dir = path.dirname(dir);
  return path.join(dir, 'dist', 'console');
}
