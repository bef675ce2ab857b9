// `npm run bench`: runs every scenario in bench/scenarios/ (or those named by
// --only) against a PostgreSQL of its own, writes bench/results/<time>.json
// and bench/results/latest.md, and prints the table. `npm run bench --
// --quick` is the small version CI runs to keep the harness alive; it checks
// that everything runs, never how fast. See BENCHMARKS.md.
//
// Runs under Node's type stripping; the apps it measures run from dist/
// (the npm script builds first).
import fs from 'node:fs';
import path from 'node:path';
import { VerhoeffNationalIdScheme } from '#spean/contracts';
import { distPath, REPOSITORY_ROOT } from './harness/dist.ts';
import { DISTURBED_CPU_PERCENT, preflight, runLoad, type LoadResult } from './harness/load.ts';
import { BenchUsageError, parseOptions, USAGE, type BenchOptions } from './harness/options.ts';
import { BenchKafka } from './harness/kafka.ts';
import { BenchPostgres, type Population } from './harness/populations.ts';
import {
  checkTargets,
  currentCommit,
  machineInfo,
  writeResults,
  type BenchResults,
} from './harness/report.ts';
import type { BenchContext, Measurement } from './harness/scenario.ts';
import { startServer, type RunningServer } from './harness/servers.ts';
import { SCENARIOS } from './scenarios/index.ts';

/** How many times a disturbed load point is measured in all. */
const DISTURBED_ATTEMPTS = 3;

/** Stops what a run started when the run is interrupted (Ctrl-C). */
let interrupted: (() => Promise<void>) | undefined;

export interface RunOutcome {
  exitCode: number;
  resultsFile?: string;
}

export async function runBench(argv: readonly string[]): Promise<RunOutcome> {
  let options: BenchOptions;
  try {
    options = parseOptions(argv, REPOSITORY_ROOT);
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    process.stderr.write(`bench: ${error.message}\n\n${USAGE}\n`);
    return { exitCode: 2 };
  }
  if (argv.includes('--help')) {
    process.stdout.write(
      `${USAGE}\n\nScenarios:\n${SCENARIOS.map((s) => `  ${s.name.padEnd(12)} ${s.description}`).join('\n')}\n`,
    );
    return { exitCode: 0 };
  }
  const unknown = options.only.filter((name) => !SCENARIOS.some((s) => s.name === name));
  if (unknown.length > 0) {
    process.stderr.write(
      `bench: no scenario named ${unknown.join(', ')} (there are ${SCENARIOS.map((s) => s.name).join(', ')})\n`,
    );
    return { exitCode: 2 };
  }
  if (!fs.existsSync(distPath('apps/gateway/src/main.js'))) {
    process.stderr.write('bench: dist/ is missing: run npm run build first (npm run bench does)\n');
    return { exitCode: 2 };
  }
  const scenarios = SCENARIOS.filter(
    (s) => options.only.length === 0 || options.only.includes(s.name),
  );

  const startedAt = new Date().toISOString();
  // What is measured is what was built at the start, not what the tree holds at the end.
  const commit = currentCommit(REPOSITORY_ROOT);
  const log = (message: string): void => {
    process.stdout.write(`[bench] ${message}\n`);
  };
  const postgres = await BenchPostgres.start(log);
  const workDir = path.join(postgres.dir, 'apps');
  fs.mkdirSync(workDir, { recursive: true });
  const running = new Set<RunningServer>();
  const details: Record<string, unknown> = {};
  const seeded: Population[] = [];
  const ids = new VerhoeffNationalIdScheme();
  const kafka = new BenchKafka({
    workDir,
    configured: process.env.KAFKA_BROKERS,
    readyTimeoutMs: options.quick ? 60_000 : 120_000,
    log,
  });

  const context: BenchContext = {
    options,
    log,
    async population(citizens) {
      const population = await postgres.population(citizens);
      if (!seeded.includes(population)) seeded.push(population);
      return population;
    },
    async start(kind, population, startOptions = {}) {
      const started = performance.now();
      const server = await startServer(kind, {
        population,
        workDir,
        log,
        ...startOptions,
      });
      running.add(server);
      log(`started ${kind} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      const stop = server.stop;
      return {
        ...server,
        stop: async () => {
          running.delete(server);
          await stop();
        },
      };
    },
    async load(target, settings) {
      await preflight(target, ids.fromSerial(settings.population.startSerial));
      // On a shared machine another process can take the cores mid-point: such
      // a point is measured again (up to DISTURBED_ATTEMPTS times in all) and
      // the least disturbed attempt is kept. A run in rounds measures each
      // point once per round and takes the median of the rounds instead.
      const attempts = options.quick || options.rounds > 1 ? 1 : DISTURBED_ATTEMPTS;
      let best: LoadResult | undefined;
      for (let attempt = 1; attempt <= attempts; attempt++) {
        const result = await runLoad({
          target,
          concurrency: settings.concurrency,
          warmupSeconds: settings.warmupSeconds ?? options.warmupSeconds,
          durationSeconds: settings.durationSeconds ?? options.durationSeconds,
          startSerial: settings.population.startSerial,
          citizens: settings.population.citizens,
          server: settings.server,
          postgresCpuSeconds: () => postgres.cpuSeconds(),
          onMeasuring: settings.onMeasuring,
        });
        if (!best || (result.otherCpuPercent ?? 0) < (best.otherCpuPercent ?? 0)) best = result;
        if ((best.otherCpuPercent ?? 0) <= DISTURBED_CPU_PERCENT) break;
        log(`  disturbed (other processes used ${Math.round(result.otherCpuPercent!)} % CPU)`);
      }
      return best!;
    },
    emptyDatabase: (name) => postgres.emptyDatabase(name),
    async dropDatabase(database) {
      if (!options.keepData) await postgres.dropDatabase(database.database);
    },
    kafka,
    postgresCpuSeconds: () => postgres.cpuSeconds(),
    freeDiskBytes: () => postgres.freeDiskBytes(),
    detail(name, value) {
      details[name] = value;
    },
  };

  const cleanUp = async (): Promise<void> => {
    await Promise.allSettled([...running].map((server) => server.stop()));
    await kafka.stop();
    await postgres.stop(options.keepData);
  };
  interrupted = cleanUp;
  const measurements: Measurement[] = [];
  let failed = false;
  const machine = machineInfo(await postgres.version());
  try {
    for (const scenario of scenarios) {
      log(`scenario ${scenario.name}: ${scenario.description}`);
      const started = performance.now();
      try {
        measurements.push(...(await scenario.run(context)));
      } catch (error) {
        failed = true;
        log(`scenario ${scenario.name} failed: ${(error as Error).stack}`);
        measurements.push({
          scenario: scenario.name,
          subject: '(scenario)',
          setting: '',
          note: `failed: ${(error as Error).message.split('\n')[0]}`,
        });
      }
      log(`scenario ${scenario.name} took ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
  } finally {
    interrupted = undefined;
    await cleanUp();
  }

  const results: BenchResults = {
    startedAt,
    finishedAt: new Date().toISOString(),
    command: `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
    commit,
    options,
    machine,
    populations: seeded.map((p) => ({
      citizens: p.citizens,
      records: p.records,
      relatedLinks: p.relatedLinks,
      seedSeconds: Math.round(p.seedSeconds * 10) / 10,
      databaseGb: Math.round((p.bytes / 1e9) * 100) / 100,
    })),
    measurements,
    targets: checkTargets(measurements, options.quick),
    details,
  };
  const written = writeResults(results);
  process.stdout.write(`\n${written.markdown}\n`);
  log(`results: ${path.relative(process.cwd(), written.json)} and latest.md beside it`);
  if (failed || measurements.some((m) => m.note?.startsWith('failed'))) {
    log('some measurements failed (see the notes)');
    return { exitCode: 1, resultsFile: written.json };
  }
  return { exitCode: 0, resultsFile: written.json };
}

if (import.meta.main) {
  const stop = (): void => {
    process.stderr.write('[bench] interrupted: stopping what the run started\n');
    // Connections cut by the stopping server must not end the process before its clean-up.
    process.on('uncaughtException', () => undefined);
    process.on('unhandledRejection', () => undefined);
    void (interrupted?.() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once('SIGINT', stop);
  runBench(process.argv.slice(2)).then(
    (outcome) => process.exit(outcome.exitCode),
    (error: unknown) => {
      process.stderr.write(`[bench] ${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
}
