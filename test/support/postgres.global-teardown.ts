import fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const running = globalThis.__SPEAN_TEST_POSTGRES__;
  if (!running) return;
  globalThis.__SPEAN_TEST_POSTGRES__ = undefined;
  await running.server.stop();
  fs.rmSync(running.dir, { recursive: true, force: true });
}
