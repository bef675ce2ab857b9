// The console's build: one page at /console/, its scripts, styles and the
// Khmer font as hashed files the gateway serves under a strict
// Content-Security-Policy (default-src 'self': no inline script or style).
// Every text file is also written Brotli- and gzip-compressed beside itself,
// once, at build time: the gateway sends what the browser accepts.
import fs from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const here = import.meta.dirname;

const COMPRESSIBLE = /\.(js|css|html|svg)$/;

function precompress(): Plugin {
  return {
    name: 'spean-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const name of Object.keys(bundle)) {
        if (!COMPRESSIBLE.test(name)) continue;
        const file = path.join(options.dir!, name);
        const body = fs.readFileSync(file);
        fs.writeFileSync(
          `${file}.br`,
          brotliCompressSync(body, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
            },
          }),
        );
        fs.writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: here,
  base: '/console/',
  publicDir: false,
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [precompress()],
  build: {
    outDir: path.resolve(here, '../../dist/console'),
    emptyOutDir: true,
    // No inlined assets: a data: URL would need its own CSP exception.
    assetsInlineLimit: 0,
    // Modules, not inline scripts, and no polyfill that injects one.
    modulePreload: { polyfill: false },
    sourcemap: false,
    reportCompressedSize: false,
    rolldownOptions: {
      // React's "use client" markers mean nothing in a single-page bundle.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
});
