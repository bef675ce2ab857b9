import fs from 'node:fs';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { consoleStatic } from './console-static.js';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

describe('the console as the gateway serves it', () => {
  let dir: string;
  let server: http.Server;
  let base: string;

  const get = (address: string, headers: Record<string, string> = {}, method = 'GET') =>
    new Promise<Answer>((resolve, reject) => {
      const request = http.request(`${base}${address}`, { method, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode!,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
      });
      request.on('error', reject);
      request.end();
    });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'console-static-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>page</title>');
    fs.writeFileSync(path.join(dir, 'index.html.br'), 'not used without a br request');
    fs.writeFileSync(path.join(dir, 'assets', 'app-1.js'), 'console.log("app");');
    fs.writeFileSync(path.join(dir, 'assets', 'app-1.js.br'), 'brotli of app');
    fs.writeFileSync(path.join(dir, 'assets', 'app-1.js.gz'), 'gzip of app');
    fs.writeFileSync(path.join(dir, 'assets', 'font-1.woff2'), 'font');
    fs.writeFileSync(path.join(dir, 'assets', 'font-1.woff2.br'), 'never sent');
    const handler = consoleStatic(dir);
    server = http.createServer((request, response) => {
      const original = request.url ?? '/';
      if (!original.startsWith('/console')) {
        response.writeHead(404).end();
        return;
      }
      Object.assign(request, { originalUrl: original, url: original.slice(8) || '/' });
      handler(request, response, () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sends the compressed copy the browser prefers, and says so', async () => {
    const brotli = await get('/console/assets/app-1.js', { 'Accept-Encoding': 'gzip, br' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.body.toString()).toBe('brotli of app');
    expect(brotli.headers.vary).toBe('Accept-Encoding');
    expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const gzip = await get('/console/assets/app-1.js', { 'Accept-Encoding': 'gzip, br;q=0' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.body.toString()).toBe('gzip of app');

    const plain = await get('/console/assets/app-1.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe('console.log("app");');
    expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('falls back to the file itself when no compressed copy was built', async () => {
    const page = await get('/console/desk', { 'Accept-Encoding': 'gzip' });
    expect(page.status).toBe(200);
    expect(page.headers['content-encoding']).toBeUndefined();
    expect(page.body.toString()).toContain('<title>page</title>');
    expect(page.headers['cache-control']).toBe('no-store');
  });

  it('sends fonts as they are, and never a compressed copy by its own name', async () => {
    const font = await get('/console/assets/font-1.woff2', { 'Accept-Encoding': 'br' });
    expect(font.headers['content-encoding']).toBeUndefined();
    expect(font.body.toString()).toBe('font');
    expect((await get('/console/assets/app-1.js.br')).status).toBe(404);
    expect((await get('/console/assets/..%2Findex.html')).status).toBe(404);
    expect((await get('/console/assets/missing-1.js', { 'Accept-Encoding': 'br' })).status).toBe(
      404,
    );
  });

  it('answers everything under a strict Content-Security-Policy', async () => {
    for (const address of ['/console/', '/console/assets/app-1.js', '/console/assets/nope.js']) {
      const answer = await get(address);
      expect(answer.headers['content-security-policy']).toContain("default-src 'self'");
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    }
    expect((await get('/console/', {}, 'POST')).status).toBe(405);
    const moved = await get('/console?lang=km');
    expect(moved.status).toBe(308);
    expect(moved.headers.location).toBe('/console/?lang=km');
  });
});
