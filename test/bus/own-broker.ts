// A Kafka broker of a test file's own, for tests that kill and restart it:
// the shared broker of the kafka project must stay up for every other file.
// Same jar cache and port range as the kafka global setup.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startKafka, type RunningKafka } from '../../tools/kafka-local.ts';

export interface OwnBroker {
  brokers: string[];
  port: number;
  /** SIGKILL, as a crash or `kill -9` would; resolves once the process is gone. */
  kill(): Promise<void>;
  /** Starts it again on the same port and data directory; resolves once it answers metadata. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startOwnBroker(): Promise<OwnBroker> {
  const libDir = path.resolve(process.env.DATA_DIR ?? '.data', 'kafka', 'lib');
  for (let attempt = 1; ; attempt++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spean-own-kafka-'));
    const port = 20_000 + 2 * Math.floor(Math.random() * 5_000);
    let kafka: RunningKafka;
    try {
      kafka = await startKafka({ dataDir: dir, port, libDir });
    } catch (error) {
      fs.rmSync(dir, { recursive: true, force: true });
      if (attempt === 3 || !/exited during start-up|in use/i.test(String(error))) throw error;
      continue;
    }
    let running: RunningKafka | null = kafka;
    return {
      brokers: [kafka.brokers],
      port,
      async kill() {
        if (!running) return;
        process.kill(running.pid, 'SIGKILL');
        await running.exited;
        await running.stop();
        running = null;
      },
      async restart() {
        if (running) throw new Error('the broker is still running');
        running = await startKafka({ dataDir: dir, port, libDir });
      },
      async stop() {
        await running?.stop();
        running = null;
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
}
