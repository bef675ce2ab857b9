// One Kafka broker for the whole bench run, started the first time a scenario
// asks for it (tools/kafka-local.ts: a single KRaft node from the official
// jars) and stopped when the run ends — or the brokers of KAFKA_BROKERS, left
// alone. Every scenario that uses it works under a namespace of its own
// (BUS_NAMESPACE, or a topic prefix for the raw clients), so no consumer group
// ever reads what an earlier scenario wrote.
import fs from 'node:fs';
import path from 'node:path';
import {
  KafkaLocalError,
  startKafkaOnSomePort,
  type RunningKafka,
} from '../../tools/kafka-local.ts';
import { REPOSITORY_ROOT } from './dist.ts';
import { readCpuSeconds, readRss } from './servers.ts';

export interface KafkaBroker {
  /** Bootstrap servers, as KAFKA_BROKERS takes them. */
  brokers: string;
  /** The broker's process when the bench started it (for its CPU and memory); none for KAFKA_BROKERS. */
  pid?: number;
  /** Where it came from, for the notes: "local KRaft broker" or "KAFKA_BROKERS". */
  origin: string;
  cpuSeconds(): number | undefined;
  rssBytes(): number | undefined;
}

/** Thrown when no broker could be had; scenarios turn it into a note row. */
export class KafkaUnavailableError extends Error {
  override name = 'KafkaUnavailableError';
}

export class BenchKafka {
  private started?: Promise<{ broker: KafkaBroker; running?: RunningKafka }>;
  private readonly workDir: string;
  private readonly readyTimeoutMs: number;
  private readonly log: (message: string) => void;
  private readonly configured: string | undefined;
  private namespaces = 0;

  /**
   * `configured` is KAFKA_BROKERS, when set; otherwise a broker is started
   * under `workDir` and must answer within `readyTimeoutMs` (the jars are
   * fetched once into .data/kafka/lib, as the Kafka test suites keep them).
   */
  constructor(options: {
    workDir: string;
    configured?: string;
    readyTimeoutMs: number;
    log: (message: string) => void;
  }) {
    this.workDir = options.workDir;
    this.configured = options.configured?.trim() || undefined;
    this.readyTimeoutMs = options.readyTimeoutMs;
    this.log = options.log;
  }

  /** The broker, started on first use; throws KafkaUnavailableError when it cannot be had. */
  async broker(): Promise<KafkaBroker> {
    this.started ??= this.start();
    return (await this.started).broker;
  }

  /** A prefix no earlier scenario of this run (or an earlier run on a shared broker) used. */
  namespace(label: string): string {
    this.namespaces += 1;
    return `bench-${label}-${Date.now().toString(36)}-${this.namespaces}`;
  }

  async stop(): Promise<void> {
    const started = await this.started?.catch(() => undefined);
    this.started = undefined;
    await started?.running?.stop();
  }

  private async start(): Promise<{ broker: KafkaBroker; running?: RunningKafka }> {
    if (this.configured) {
      this.log(`Kafka: using KAFKA_BROKERS=${this.configured}`);
      return {
        broker: {
          brokers: this.configured,
          origin: 'KAFKA_BROKERS',
          cpuSeconds: () => undefined,
          rssBytes: () => undefined,
        },
      };
    }
    const dataDir = path.join(this.workDir, 'kafka-broker');
    fs.mkdirSync(dataDir, { recursive: true });
    const started = performance.now();
    try {
      const { running } = await startKafkaOnSomePort({
        dataDir,
        libDir: path.join(REPOSITORY_ROOT, '.data', 'kafka', 'lib'),
        readyTimeoutMs: this.readyTimeoutMs,
        log: (line) => this.log(`Kafka: ${line}`),
      });
      const pid = running.pid;
      this.log(
        `Kafka broker ready on ${running.brokers} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
      return {
        running,
        broker: {
          brokers: running.brokers,
          pid,
          origin: 'local KRaft broker',
          cpuSeconds: () => readCpuSeconds(pid),
          rssBytes: () => readRss(pid),
        },
      };
    } catch (error) {
      const reason =
        error instanceof KafkaLocalError
          ? error.message.split('\n')[0]!
          : (error as Error).message.split('\n')[0]!;
      throw new KafkaUnavailableError(`Kafka could not be started: ${reason}`, { cause: error });
    }
  }
}
