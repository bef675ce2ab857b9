// The console (apps/console, built by `npm run build` into dist/console) at
// /console/: its hashed assets cached for good, and every other address under
// /console/ answered with its one page, never cached. Every answer carries a
// strict Content-Security-Policy: scripts, styles, fonts and requests from this
// origin only, no inline script or style attribute, no framing. Text files go
// compressed, Brotli or gzip as the browser accepts, from the compressed copies
// the build writes beside them (never compressed here, on the request's time).
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

type Encoding = 'br' | 'gzip' | 'identity';

/** Fonts (woff2 is compressed already) and images are sent as they are. */
const COMPRESSIBLE = new Set(['.js', '.css', '.html', '.svg']);

/** The best encoding the request accepts: Brotli, then gzip, else none. */
function acceptedEncoding(request: IncomingMessage): Encoding {
  const accepted = new Map<string, number>();
  for (const part of String(request.headers['accept-encoding'] ?? '').split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = parameters.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const weight = (name: string): number => accepted.get(name) ?? accepted.get('*') ?? 0;
  if (weight('br') > 0) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return 'identity';
}

const SUFFIX: Readonly<Record<Encoding, string>> = { br: '.br', gzip: '.gz', identity: '' };

/**
 * The built console's files, read once each as they are asked for. Only files
 * that exist are kept: a probe of made-up names keeps nothing, and a console
 * built after the gateway started is found.
 */
class ConsoleFiles {
  private readonly files = new Map<string, Buffer>();

  constructor(private readonly dir: string) {}

  /** The file as this request takes it, and the headers that say how. */
  serve(
    request: IncomingMessage,
    file: string,
  ): { body: Buffer; headers: Record<string, string | number> } | null {
    let encoding = COMPRESSIBLE.has(path.extname(file)) ? acceptedEncoding(request) : 'identity';
    let body = this.read(file, encoding);
    if (!body && encoding !== 'identity') {
      // A build without compressed copies: the file as it is.
      encoding = 'identity';
      body = this.read(file, encoding);
    }
    if (!body) return null;
    const headers: Record<string, string | number> = {
      'Content-Length': body.length,
      Vary: 'Accept-Encoding',
    };
    if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
    return { body, headers };
  }

  private read(file: string, encoding: Encoding): Buffer | null {
    const key = `${encoding}:${file}`;
    let body = this.files.get(key);
    if (!body) {
      try {
        body = fs.readFileSync(path.join(this.dir, file + SUFFIX[encoding]));
      } catch {
        return null;
      }
      this.files.set(key, body);
    }
    return body;
  }
}

/** A short text answer that no cache keeps. */
function plain(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' });
  response.end(text);
}

/** The console's handler, mounted at /console; `dir` is the built console. */
export function consoleStatic(dir: string) {
  const files = new ConsoleFiles(dir);
  return (request: IncomingMessage, response: ServerResponse, _next: Next): void => {
    for (const [name, value] of Object.entries(CONSOLE_SECURITY_HEADERS))
      response.setHeader(name, value);
    const url = new URL(request.url ?? '/', 'http://console');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      plain(response, 405, 'Method not allowed\n');
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
    const sent =
      asset || url.pathname.startsWith('/assets/')
        ? assetOf(files, request, asset?.[1])
        : pageOf(files, request);
    if ('missing' in sent) {
      plain(response, sent.missing, sent.text);
      return;
    }
    response.writeHead(200, sent.headers);
    response.end(request.method === 'HEAD' ? undefined : sent.body);
  };
}

type Sent =
  { body: Buffer; headers: Record<string, string | number> } | { missing: number; text: string };

/** A hashed asset, cached for good; an unknown name or kind is not found. */
function assetOf(files: ConsoleFiles, request: IncomingMessage, name: string | undefined): Sent {
  const type = name ? TYPES[path.extname(name)] : undefined;
  const file = name && type ? files.serve(request, path.join('assets', name)) : null;
  if (!file || !type) return { missing: 404, text: 'Not found\n' };
  return {
    body: file.body,
    headers: {
      ...file.headers,
      'Content-Type': type,
      'Cache-Control': 'public, max-age=31536000, immutable',
    },
  };
}

/** The one page, for every other address: never cached. */
function pageOf(files: ConsoleFiles, request: IncomingMessage): Sent {
  const page = files.serve(request, 'index.html');
  if (!page) return { missing: 503, text: 'The console is not built: run npm run build\n' };
  return {
    body: page.body,
    headers: {
      ...page.headers,
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
    },
  };
}

/** dist/console of this checkout: found from this file, in source or built. */
export function defaultConsoleDir(): string {
  let dir = import.meta.dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir)
    dir = path.dirname(dir);
  return path.join(dir, 'dist', 'console');
}
