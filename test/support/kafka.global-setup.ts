// The Kafka suites run against a real Apache Kafka broker: KAFKA_BROKERS when
// set, otherwise a single-node KRaft broker started here from the official
// artifacts (tools/kafka-local.ts). If neither is possible the run fails and
// says what to install — the Kafka suites are never skipped in silence.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgresGlobalSetup from './postgres.global-setup.ts';

declare global {
  var __SPEAN_TEST_KAFKA__: { stop(): Promise<void>; dir: string } | undefined;
}

export default async function globalSetup(): Promise<void> {
  const postgres = postgresGlobalSetup();
  if (!process.env.KAFKA_BROKERS && !globalThis.__SPEAN_TEST_KAFKA__) {
    const { startKafka } = await import('../../tools/kafka-local.ts');
    // Jars are kept in the project's data dir, so only the first run copies them.
    const libDir = path.resolve(process.env.DATA_DIR ?? '.data', 'kafka', 'lib');
    // Ports below Linux's ephemeral range (32768+), so no outgoing connection
    // holds them; a port taken anyway (another run) means another try on another.
    for (let attempt = 1; ; attempt++) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spean-test-kafka-'));
      const port = 20_000 + 2 * Math.floor(Math.random() * 5_000);
      try {
        const kafka = await startKafka({ dataDir: dir, port, libDir });
        globalThis.__SPEAN_TEST_KAFKA__ = { stop: kafka.stop, dir };
        process.env.KAFKA_BROKERS = kafka.brokers;
        break;
      } catch (error) {
        fs.rmSync(dir, { recursive: true, force: true });
        if (attempt === 3 || !/exited during start-up|in use/i.test(String(error))) throw error;
      }
    }
  }
  await postgres;
}
