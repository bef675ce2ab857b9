import fs from 'node:fs';
import postgresGlobalTeardown from './postgres.global-teardown.ts';

export default async function globalTeardown(): Promise<void> {
  const kafka = globalThis.__SPEAN_TEST_KAFKA__;
  globalThis.__SPEAN_TEST_KAFKA__ = undefined;
  if (kafka) {
    await kafka.stop();
    fs.rmSync(kafka.dir, { recursive: true, force: true });
  }
  await postgresGlobalTeardown();
}
