// GATEWAY_WORKERS gateway processes on one machine, sharing its port (node
// cluster: the primary accepts connections and hands them to the workers in
// turn). The primary serves nothing itself. It does once what must be done
// once before any worker boots — starts the embedded PostgreSQL when no
// DATABASE_URL is set, and migrates — then starts the workers, each booting
// exactly as a lone gateway does (main.ts → gateway.process.ts) on the
// primary's database. A worker that dies is started again with its index; a
// crash loop stops the whole gateway. SIGINT/SIGTERM stop every worker
// (each closes its app: in-flight requests finish, its audit entries are
// sealed), then the embedded PostgreSQL, then the primary.
//
// What runs where (docs/operators.md, "Several gateway processes"):
//   primary only   embedded PostgreSQL, migrations (workers migrate again
//                  under the migration lock: nothing left to apply)
//   worker 0 only  the audit log's periodic signed checkpoint (AuditCheckpointer)
//   every worker   the read model's consumer (one member of its consumer group
//                  each: the bus gives each member its own partitions), dead-letter
//                  replay (under its advisory lock), bus retention, the sweep of
//                  rate-limit buckets (idempotent DELETEs), the seal at shutdown
//                  (under the audit chain's lock: the last to stop seals all),
//                  caches of revocations, grants, approvals and schemas (each
//                  process's own, each told of changes by NOTIFY or polling),
//                  and the rate limits (shared in PostgreSQL)
import cluster, { type Worker } from 'node:cluster';
import { Logger } from '@nestjs/common';
import { SpeanLogger } from '#spean/observability';
import { migratedServer } from '#spean/persistence';
import type { GatewayConfig } from './config/gateway.config.js';

/** More restarts than this within RESTART_WINDOW_MS is a crash loop. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;
const RESTART_DELAY_MS = 1_000;
/** How long the workers get to close before they are killed. */
const STOP_TIMEOUT_MS = 30_000;

export async function runGatewayPrimary(config: GatewayConfig): Promise<void> {
  // The primary logs as its workers do (JSON in production), though it creates no app.
  Logger.overrideLogger(
    new SpeanLogger('gateway', {
      level: config.logLevel,
      json: config.environment === 'production',
    }),
  );
  const log = new Logger('gateway');
  // An embedded server runs in its own process group: Ctrl-C stops the workers first, then this stops it.
  const postgres = await migratedServer(config, { ownProcessGroup: true });

  const workerEnv = (index: number) => ({
    GATEWAY_WORKER_INDEX: String(index),
    DATABASE_URL: postgres.appUrl,
    DATABASE_MIGRATION_URL: postgres.migratorUrl,
  });
  const indexOf = new Map<Worker, number>();
  const restarts: number[] = [];
  let stopping = false;

  const start = (index: number): void => {
    const worker = cluster.fork(workerEnv(index));
    indexOf.set(worker, index);
  };

  const stop = async (code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((worker) => worker !== undefined);
    const exited = workers.map(
      (worker) => new Promise<void>((resolve) => worker.once('exit', () => resolve())),
    );
    for (const worker of workers) worker.process.kill('SIGTERM');
    const killer = setTimeout(() => {
      for (const worker of workers) worker.process.kill('SIGKILL');
    }, STOP_TIMEOUT_MS);
    await Promise.all(exited);
    clearTimeout(killer);
    await postgres.stop();
    log.log('gateway stopped');
    process.exit(code);
  };

  cluster.on('exit', (worker, exitCode, signal) => {
    const index = indexOf.get(worker) ?? 0;
    indexOf.delete(worker);
    if (stopping) return;
    const now = Date.now();
    restarts.push(now);
    while (restarts[0]! < now - RESTART_WINDOW_MS) restarts.shift();
    if (restarts.length > MAX_RESTARTS) {
      log.error(
        `gateway worker ${index} died ${restarts.length} times within ${RESTART_WINDOW_MS / 1000} s: stopping the gateway`,
      );
      void stop(1);
      return;
    }
    log.warn(`gateway worker ${index} exited (${signal ?? `code ${exitCode}`}); starting it again`);
    // Not unref'd: with every worker dead, this timer is what keeps the primary alive.
    setTimeout(() => {
      if (!stopping) start(index);
    }, RESTART_DELAY_MS);
  });
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));

  for (let index = 0; index < config.workers; index++) start(index);
  log.log(
    `gateway starting ${config.workers} workers on http://${config.host}:${config.port}/graphql`,
  );
}
