// The console's tests in a real browser: Debian's Chromium headless shell
// (apt-get install chromium-headless-shell; .ci/run does it), driven by
// @playwright/test pinned to the release built for that Chromium — no browser
// is downloaded. The global setup builds and starts the whole system as
// `npm start` does, on free ports, with its own data directory.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tools/chromium.ts';

export default defineConfig({
  testDir: 'test/console',
  testMatch: '**/*.pw.ts',
  outputDir: '.data/playwright',
  globalSetup: './test/console/system.global-setup.ts',
  // One system for all tests, one browser at a time: a 2-core machine.
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  retries: 0,
  reporter: [['list']],
  use: {
    trace: 'retain-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] },
  },
});
