// `npm run chaos`: the fault-injection suite. On each bus (embedded, Kafka) it
// starts PostgreSQL, the broker, the gateway and the five adapters itself;
// while a publisher streams records and keeps every 202 it was answered, it
// kills -9, one at a time and round after round, each target — the gateway,
// each adapter, PostgreSQL, the broker — and lets it come back. Then it
// checks that every acknowledged record is in the read model exactly once,
// no reaction was published twice (or left out), no dead letters, and
// `spean audit verify` exits 0; prints the table, writes .data/chaos/<time>.json,
// and exits 1 if anything was lost or duplicated. See README.md, "What is
// promised under faults, and how it is tested".
//
// Runs under Node's type stripping; the apps it kills run from dist/ (the npm
// script builds first).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { distPath, REPOSITORY_ROOT } from '../../bench/harness/dist.ts';
import { APP_NAMES } from './app-supervisor.ts';
import { ChaosPublisher, type Ack, type PublisherStats } from './chaos-publisher.ts';
import {
  busPassed,
  renderTable,
  writeResults,
  type BusResult,
  type ChaosResults,
  type KillRecord,
  type Stalled,
  type TargetRow,
} from './chaos-report.ts';
import { startChaosSystem, type ChaosSystem } from './chaos-system.ts';
import { ChaosKafka, ChaosPostgres, stablePort } from './infrastructure.ts';
import { missingFromReadModel, storedDeadLetters, verify, waitForQuiescence } from './ledger.ts';
import {
  ADAPTER_TARGETS,
  ChaosUsageError,
  parseChaosOptions,
  targetsFor,
  USAGE,
  type AppName,
  type BusKind,
  type ChaosOptions,
  type Target,
} from './options.ts';

/** Stops what a run started when the run is interrupted (Ctrl-C). */
let interrupted: (() => Promise<void>) | undefined;

const log = (message: string): void => {
  process.stdout.write(`[chaos] ${message}\n`);
};
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function runChaos(argv: readonly string[]): Promise<number> {
  let options: ChaosOptions;
  try {
    options = parseChaosOptions(argv, REPOSITORY_ROOT);
  } catch (error) {
    if (!(error instanceof ChaosUsageError)) throw error;
    process.stderr.write(`chaos: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (argv.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!fs.existsSync(distPath('apps/gateway/src/main.js'))) {
    process.stderr.write('chaos: dist/ is missing: run npm run build first (npm run chaos does)\n');
    return 2;
  }
  const startedAt = new Date().toISOString();
  // PostgreSQL runs as an unprivileged user when we are root: its directory must be reachable.
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spean-chaos-'));
  fs.chmodSync(runDir, 0o755);
  log(`PostgreSQL, Kafka and app data under ${runDir}`);
  const postgres = await ChaosPostgres.start(path.join(runDir, 'postgres'), await stablePort());
  const stops: Array<() => Promise<void>> = [];
  const cleanUp = async (): Promise<void> => {
    for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined);
    await postgres.stop().catch(() => undefined);
    if (!options.keepData) fs.rmSync(runDir, { recursive: true, force: true });
  };
  interrupted = cleanUp;
  const buses: BusResult[] = [];
  try {
    for (const [index, bus] of options.buses.entries()) {
      buses.push(await runOnBus(bus, index, options, postgres, runDir, stops));
    }
  } finally {
    interrupted = undefined;
    await cleanUp();
  }
  const results: ChaosResults = {
    startedAt,
    finishedAt: new Date().toISOString(),
    command: `npm run chaos${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
    options,
    buses,
    passed: buses.every(busPassed),
  };
  const file = writeResults(results);
  process.stdout.write(`\n${renderTable(results)}\n\n`);
  log(`results: ${path.relative(process.cwd(), file)}`);
  log(results.passed ? 'passed: nothing lost or duplicated' : 'FAILED (see the table and notes)');
  return results.passed ? 0 : 1;
}

async function runOnBus(
  bus: BusKind,
  index: number,
  options: ChaosOptions,
  postgres: ChaosPostgres,
  runDir: string,
  stops: Array<() => Promise<void>>,
): Promise<BusResult> {
  const targets = targetsFor(options, bus);
  const kills: KillRecord[] = [];
  let kafka: ChaosKafka | undefined;
  let system: ChaosSystem | undefined;
  let publisher: ChaosPublisher | undefined;
  const result = (extra: Partial<BusResult>): BusResult => ({
    bus,
    rows: rowsOf(targets, kills, publisher?.acks ?? [], extra.verdict),
    kills,
    quiescent: false,
    publisher: publisher?.stats ?? NO_PUBLISHING,
    deaths: publisher?.deaths.length ?? 0,
    unplannedExits: system?.supervisor.unplannedExits() ?? {},
    ...extra,
  });
  try {
    if (bus === 'kafka') kafka = await startBroker(runDir, stops);
    log(`${bus} bus: starting the gateway and ${ADAPTER_TARGETS.length} adapters`);
    system = await startChaosSystem({
      bus,
      postgres,
      workDir: path.join(runDir, bus),
      ...(kafka ? { kafkaBrokers: kafka.brokers } : {}),
    });
    const running = system;
    stops.push(() => running.stop());
    publisher = new ChaosPublisher({
      urls: Object.fromEntries(
        ADAPTER_TARGETS.map((name) => [name, running.supervisor.urlOf(name)]),
      ) as Record<(typeof ADAPTER_TARGETS)[number], string>,
      clients: system.clients,
      gatewayUrl: system.supervisor.gatewayUrl,
      recordsPerSecond: options.recordsPerSecond,
      seed: index + 1,
    });
    publisher.start();
    await sleep(options.settleSeconds * 1000);
    await killEachTarget(bus, targets, kills, publisher, options, system, postgres, kafka);
    publisher.window = 'end';
    await publisher.stop(60_000);
    if (publisher.failure) throw publisher.failure;
    log(`${bus} bus: publisher stopped; waiting for the read model and every consumer to catch up`);
    const window = options.quiescenceSeconds * 1000;
    const caughtUp = await waitForQuiescence(system, publisher.acks, window);
    // Not caught up in time: wait as long again, to tell records that are
    // late from records that are stuck. The run fails either way.
    const stalled = caughtUp.quiet ? undefined : await lateOrStuck(system, publisher.acks, window);
    const verdict = await verify(system, publisher.acks, publisher.deaths);
    return result({ quiescent: caughtUp.quiet, stalled, verdict });
  } catch (error) {
    log(`${bus} bus: ${(error as Error).stack ?? String(error)}`);
    await publisher?.stop(0);
    return result({ error: (error as Error).message.split('\n')[0]! });
  } finally {
    await system?.stop();
    await kafka?.stop();
    stops.splice(0);
  }
}

/** Kills every target once a round, while the publisher goes on, and records how each was taken. */
async function killEachTarget(
  bus: BusKind,
  targets: readonly Target[],
  kills: KillRecord[],
  publisher: ChaosPublisher,
  options: ChaosOptions,
  system: ChaosSystem,
  postgres: ChaosPostgres,
  kafka: ChaosKafka | undefined,
): Promise<void> {
  for (let round = 1; round <= options.kills; round++) {
    for (const target of targets) {
      if (publisher.failure) throw publisher.failure;
      publisher.window = target;
      const kill = await killAndRecover(
        target,
        round,
        options,
        system,
        postgres,
        kafka,
        publisher.acks,
      );
      kills.push(kill);
      log(
        `${bus} bus: killed ${target} (${round}/${options.kills}): ${killSummary(kill, options)}` +
          `, ${publisher.acks.length} records acknowledged so far`,
      );
      await sleep(options.settleSeconds * 1000);
    }
  }
}

/** What a publisher that never started did. */
const NO_PUBLISHING: PublisherStats = {
  requests: 0,
  retries: 0,
  abandoned: 0,
  retryReasons: {},
  conflicts: 0,
};

async function startBroker(runDir: string, stops: Array<() => Promise<void>>): Promise<ChaosKafka> {
  log('starting a Kafka broker');
  const kafka = await ChaosKafka.start({
    dataDir: path.join(runDir, 'kafka'),
    // Jars are kept in the project's data dir, as the Kafka test suites keep them.
    libDir: path.join(REPOSITORY_ROOT, '.data', 'kafka', 'lib'),
    log: (line) => log(`kafka: ${line}`),
  });
  stops.push(() => kafka.stop());
  return kafka;
}

/** How the system took a kill: back to health, the read model caught up, dead letters. */
function killSummary(kill: KillRecord, options: ChaosOptions): string {
  return (
    (kill.recovered
      ? `healthy again in ${kill.recoverySeconds.toFixed(1)} s`
      : `NOT healthy after ${options.recoverySeconds} s: ${kill.unhealthy.join(', ')}`) +
    (kill.catchUpSeconds === undefined
      ? ', the read model did not catch up'
      : `, read model caught up in ${kill.catchUpSeconds.toFixed(1)} s`) +
    (kill.deadLetters ? `, ${kill.deadLetters} dead letters` : '')
  );
}

async function killAndRecover(
  target: Target,
  round: number,
  options: ChaosOptions,
  system: ChaosSystem,
  postgres: ChaosPostgres,
  kafka: ChaosKafka | undefined,
  acks: readonly Ack[],
): Promise<KillRecord> {
  const before = acks.length;
  const killedAt = performance.now();
  if (target === 'postgres') {
    await postgres.kill();
    await sleep(1_000);
    await postgres.restart();
  } else if (target === 'kafka') {
    await kafka!.kill();
    await sleep(1_000);
    await kafka!.restart();
  } else {
    // The supervisor starts it again.
    await system.supervisor.kill(target as AppName);
  }
  const health = await system.supervisor.waitHealthy(options.recoverySeconds * 1000);
  const recoverySeconds = (performance.now() - killedAt) / 1000;
  if (!health.healthy) {
    // Not riding through is a finding; the run goes on with those apps restarted.
    for (const app of health.unhealthy) await system.supervisor.kill(app);
    await system.supervisor.waitHealthy(options.recoverySeconds * 1000, APP_NAMES);
  }
  // Everything acknowledged before the kill must reach the read model.
  const caughtUpAt = await until(
    async () => (await missingFromReadModel(system.appUrl, acks.slice(0, before))).length === 0,
    options.recoverySeconds * 1000,
  );
  return {
    target,
    round,
    recoverySeconds,
    recovered: health.healthy,
    unhealthy: health.unhealthy,
    deadLetters: await storedDeadLetters(system.appUrl).catch(() => undefined),
    ...(caughtUpAt === undefined ? {} : { catchUpSeconds: (caughtUpAt - killedAt) / 1000 }),
  };
}

/** What was missing when the wait ran out, and whether it arrived in a second wait as long. */
async function lateOrStuck(
  system: ChaosSystem,
  acks: Parameters<typeof waitForQuiescence>[1],
  windowMs: number,
): Promise<Stalled> {
  const before = await waitForQuiescence(system, acks, 0);
  log(
    `not caught up after ${windowMs / 1000} s: ${before.missing} acknowledged records not in the read model, ` +
      `consumer lag ${before.lag < 0 ? 'not counted' : before.lag}; waiting ${windowMs / 1000} s more`,
  );
  const started = performance.now();
  const after = await waitForQuiescence(system, acks, windowMs);
  return {
    missing: before.missing,
    lag: before.lag,
    caughtUpAfterSeconds: after.quiet
      ? Math.round((performance.now() - started) / 1000)
      : undefined,
  };
}

/** performance.now() when `check` first holds; undefined if it never does within `timeoutMs`. */
async function until(
  check: () => Promise<boolean>,
  timeoutMs: number,
): Promise<number | undefined> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    try {
      if (await check()) return performance.now();
    } catch {
      // the database is still coming back
    }
    await sleep(500);
  }
  return undefined;
}

function rowsOf(
  targets: readonly Target[],
  kills: readonly KillRecord[],
  acks: readonly Ack[],
  verdict: { lostAcks: Ack[]; duplicatedAcks: Ack[] } | undefined,
): TargetRow[] {
  const lost = new Set(verdict?.lostAcks ?? []);
  const duplicated = new Set(verdict?.duplicatedAcks ?? []);
  const row = (target: Target | 'all', windows: (window: string) => boolean): TargetRow => {
    const mine = acks.filter((ack) => windows(ack.window));
    const killed = kills.filter((kill) => target === 'all' || kill.target === target);
    return {
      target,
      kills: killed.length,
      acknowledged: mine.length,
      lost: mine.filter((ack) => lost.has(ack)).length,
      duplicated: mine.filter((ack) => duplicated.has(ack)).length,
      ...(killed.length > 0
        ? { maxRecoverySeconds: Math.max(...killed.map((kill) => kill.recoverySeconds)) }
        : {}),
      unrecovered: killed.filter((kill) => !kill.recovered).length,
    };
  };
  // Records acknowledged before the first kill and after the last count only in the total.
  return [...targets.map((target) => row(target, (w) => w === target)), row('all', () => true)];
}

if (import.meta.main) {
  const stop = (): void => {
    process.stderr.write('[chaos] interrupted: stopping what the run started\n');
    // Connections cut by the stopping servers must not end the process before its clean-up.
    process.on('uncaughtException', () => undefined);
    process.on('unhandledRejection', () => undefined);
    void (interrupted?.() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  runChaos(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`[chaos] ${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
}
