// Drives one load point: starts the load generator in a worker thread (so
// the runner's own bookkeeping never delays a request), and meanwhile samples
// the process under test for peak resident memory and CPU over the measured
// window.
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { RunningServer } from './servers.ts';

export type LoadTarget =
  | {
      kind: 'http';
      method: 'GET' | 'POST';
      /** {id} is replaced by a random citizen's national id. */
      url: string;
      headers?: Record<string, string>;
      /** JSON; {id} is replaced as in url. */
      body?: string;
    }
  | {
      kind: 'pg';
      url: string;
      /** One parameter, $1: `param` with {id} replaced. */
      sql: string;
      param: string;
    };

export interface WorkerInput {
  target: LoadTarget;
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  startSerial: number;
  citizens: number;
}

export interface WorkerOutput {
  operations: number;
  errors: number;
  firstError?: string;
  durationSeconds: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface LoadResult extends WorkerOutput {
  throughput: number;
  /** Peak RSS of the sampled server over the measured window, bytes. */
  peakRssBytes?: number;
  /** CPU over the measured window, % of one core: the server under test, PostgreSQL, the load generator. */
  cpuPercent?: number;
  postgresCpuPercent?: number;
  loadCpuPercent?: number;
  /** CPU everything else on the machine used meanwhile (other processes: noise in the figures). */
  otherCpuPercent?: number;
}

export interface LoadPoint {
  target: LoadTarget;
  concurrency: number;
  warmupSeconds: number;
  durationSeconds: number;
  startSerial: number;
  citizens: number;
  server?: RunningServer;
  /** CPU seconds PostgreSQL has used so far. */
  postgresCpuSeconds?: () => number | undefined;
  onMeasuring?: () => void;
}

const SAMPLE_EVERY_MS = 200;

/** CPU other processes may use during a load point before it counts as disturbed (% of one core). */
export const DISTURBED_CPU_PERCENT = 25;

/** Busy CPU seconds of the whole machine, all cores (/proc/stat, in clock ticks of 1/100 s). */
function machineBusySeconds(): number | undefined {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const [user, nice, system, , , irq, softirq, steal] = line
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    return (user! + nice! + system! + irq! + softirq! + steal!) / 100;
  } catch {
    return undefined;
  }
}

function other(
  machine: number | undefined,
  ...parts: Array<number | undefined>
): number | undefined {
  if (machine === undefined) return undefined;
  return Math.max(0, machine - parts.reduce<number>((sum, part) => sum + (part ?? 0), 0));
}

/**
 * One request before the load, about a citizen known to exist: it must
 * answer 200, without GraphQL errors, naming the citizen — so a point never
 * measures how fast something fails.
 */
export async function preflight(target: LoadTarget, nationalId: string): Promise<void> {
  if (target.kind !== 'http') return;
  const response = await fetch(target.url.replaceAll('{id}', nationalId), {
    method: target.method,
    headers: {
      ...target.headers,
      ...(target.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: target.body?.replaceAll('{id}', nationalId),
  });
  const text = await response.text();
  if (response.status !== 200 || text.includes('"errors"') || !text.includes(nationalId))
    throw new Error(
      `a lookup of a seeded citizen answered ${response.status}: ${text.slice(0, 500)}`,
    );
}

export function runLoad(point: LoadPoint): Promise<LoadResult> {
  const input: WorkerInput = {
    target: point.target,
    concurrency: point.concurrency,
    warmupMs: point.warmupSeconds * 1000,
    durationMs: point.durationSeconds * 1000,
    startSerial: point.startSerial,
    citizens: point.citizens,
  };
  const worker = new Worker(new URL('./load-worker.ts', import.meta.url), { workerData: input });
  const server = point.server;
  let peakRss: number | undefined;
  const cpuNow = (): {
    at: number;
    server?: number;
    postgres?: number;
    load: number;
    machine?: number;
  } => {
    const usage = process.cpuUsage();
    return {
      at: performance.now(),
      machine: machineBusySeconds(),
      server: server?.cpuSeconds(),
      postgres: point.postgresCpuSeconds?.(),
      // This process: the runner and the load generator's worker thread.
      load: (usage.user + usage.system) / 1e6,
    };
  };
  let cpuFrom: ReturnType<typeof cpuNow> | undefined;
  let sampler: NodeJS.Timeout | undefined;
  const sample = (): void => {
    const rss = server?.rssBytes();
    if (rss !== undefined) peakRss = Math.max(peakRss ?? 0, rss);
  };

  return new Promise<LoadResult>((resolve, reject) => {
    worker.on(
      'message',
      (message: { measuring?: true; result?: WorkerOutput; failure?: string }) => {
        if (message.measuring) {
          point.onMeasuring?.();
          cpuFrom = cpuNow();
          sample();
          sampler = setInterval(sample, SAMPLE_EVERY_MS);
        } else if (message.result) {
          clearInterval(sampler);
          sample();
          const cpuTo = cpuNow();
          const percent = (key: 'server' | 'postgres' | 'load' | 'machine'): number | undefined => {
            const from = cpuFrom?.[key];
            const to = cpuTo[key];
            return from === undefined || to === undefined || !cpuFrom
              ? undefined
              : (100 * (to - from)) / ((cpuTo.at - cpuFrom.at) / 1000);
          };
          const result = message.result;
          resolve({
            ...result,
            throughput: result.operations / result.durationSeconds,
            peakRssBytes: peakRss,
            cpuPercent: percent('server'),
            postgresCpuPercent: percent('postgres'),
            loadCpuPercent: percent('load'),
            otherCpuPercent: other(
              percent('machine'),
              percent('server'),
              percent('postgres'),
              percent('load'),
            ),
          });
        } else if (message.failure) {
          clearInterval(sampler);
          reject(new Error(`the load generator failed: ${message.failure}`));
        }
      },
    );
    worker.on('error', (error) => {
      clearInterval(sampler);
      reject(error);
    });
  }).finally(() => void worker.terminate());
}
