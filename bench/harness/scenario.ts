// The interface every benchmark scenario implements, and the one row of
// results it produces. A scenario is one module in bench/scenarios/, listed
// once in bench/scenarios/index.ts; it asks the context for a seeded
// population, starts what it measures, drives load, and returns rows.
import type { BenchOptions } from './options.ts';
import type { LoadResult, LoadTarget } from './load.ts';
import type { BenchKafka } from './kafka.ts';
import type { Population } from './populations.ts';
import type { RunningServer, ServerKind } from './servers.ts';

export interface Measurement {
  /** The scenario's name: lookup, scale, memory … */
  scenario: string;
  /** What was measured: "spean (audit on)", "bare endpoint", "postgraphile", "raw select", "gateway" … */
  subject: string;
  /** Under which conditions, e.g. "c=64, 1M citizens" or "at rest". */
  setting: string;
  /** Closed-loop concurrency, when the row is a load point. */
  concurrency?: number;
  /** Citizens in the population the row was measured on. */
  citizens?: number;
  /** Completed operations per second in the measured window. */
  throughput?: number;
  /** What `throughput` counts, e.g. "lookups/s". */
  unit?: string;
  /** Latency percentiles of the operations completed in the measured window, in milliseconds. */
  p50Ms?: number;
  p99Ms?: number;
  /** Resident memory of the process under test (peak over the window when under load), in MB. */
  rssMb?: number;
  /** CPU used over the window, in % of one core: the process under test, PostgreSQL, the load generator. */
  cpuPercent?: number;
  postgresCpuPercent?: number;
  loadCpuPercent?: number;
  /** CPU used meanwhile by everything else on the machine: when high, the row is disturbed. */
  otherCpuPercent?: number;
  /** Operations completed in the window, and how many of them failed (non-2xx or GraphQL errors). */
  operations?: number;
  errors?: number;
  /** Anything a reader needs to read the row right: skipped and why, failed and why. */
  note?: string;
  /** For a row measured in rounds: the figures are medians, and these are each round's. */
  rounds?: RoundSpread;
}

/** Each round's figures of a row measured in rounds (see rounds.ts). */
export interface RoundSpread {
  /** Rounds that measured the row, out of how many the run had. */
  measured: number;
  of: number;
  throughput?: number[];
  p50Ms?: number[];
  p99Ms?: number[];
}

export interface Scenario {
  name: string;
  /** One sentence for the table's legend and `--help`. */
  description: string;
  run(context: BenchContext): Promise<Measurement[]>;
}

export interface StartOptions {
  /** Write a V8 CPU profile of the process to this directory when it stops. */
  cpuProfileDir?: string;
  /** For adapters: the gateway whose published keys verify their callers. */
  gatewayUrl?: string;
  /** Settings added to the process's environment (KAFKA_BROKERS, BUS_NAMESPACE …). */
  env?: Record<string, string>;
}

export interface LoadSettings {
  concurrency: number;
  population: Population;
  /** Sampled for peak RSS and CPU over the measured window. */
  server?: RunningServer;
  /** Override the run's warm-up and duration (seconds). */
  warmupSeconds?: number;
  durationSeconds?: number;
  /** Called once the warm-up is over and the measured window starts. */
  onMeasuring?: () => void;
}

export interface BenchContext {
  readonly options: BenchOptions;
  log(message: string): void;
  /**
   * A database on the bench's PostgreSQL holding `citizens` synthetic
   * citizens in the gateway's read model, with a bench agency granted every
   * section. Seeded on first use, then shared by every scenario.
   */
  population(citizens: number): Promise<Population>;
  /** Starts a process of the system (gateway, an adapter) or a baseline server against a population. */
  start(kind: ServerKind, population: Population, options?: StartOptions): Promise<RunningServer>;
  /** Closed-loop load against `target` from a worker thread: N users, each sends when answered. */
  load(target: LoadTarget, settings: LoadSettings): Promise<LoadResult>;
  /** A fresh, migrated, empty database (with the bench agency), for scenarios that fill it themselves. */
  emptyDatabase(name: string): Promise<Population>;
  /** Drops a database emptyDatabase made, once measured (kept with --keep-data). */
  dropDatabase(database: Population): Promise<void>;
  /** The run's Kafka broker, started on first use and stopped at the end (see kafka.ts). */
  readonly kafka: BenchKafka;
  /** CPU seconds the bench's PostgreSQL has used so far. */
  postgresCpuSeconds(): number | undefined;
  /** Bytes free on the disk holding the bench's PostgreSQL data. */
  freeDiskBytes(): number;
  /** Keeps something beside the measurements in the results JSON (a query text, a profile summary). */
  detail(name: string, value: unknown): void;
}
