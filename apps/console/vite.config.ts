// The console's build: one page at /console/, its scripts, styles and the
// Khmer font as hashed files the gateway serves under a strict
// Content-Security-Policy (default-src 'self': no inline script or style).
import path from 'node:path';
import { defineConfig } from 'vite';

const here = import.meta.dirname;

export default defineConfig({
  root: here,
  base: '/console/',
  publicDir: false,
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic' } },
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
