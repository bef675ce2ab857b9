// Scenario "rate-limit": what the per-client rate limit shared through
// PostgreSQL costs a lookup. The lookup scenario's full query against the
// gateway as npm start runs it (--gateway-workers processes), with the limit
// off (GRAPHQL_RATE_LIMIT_PER_SECOND=0, as every other scenario runs) and on:
// a limit far above the bench client's rate, so nothing is refused, with the
// lease of the default limit (20 tokens: one shared-row statement per 20
// lookups, as a client at 200/s with burst 400 costs). The two alternate,
// off–on then on–off, each round a fresh gateway on the same population, so a
// machine that slows down during the run weighs on both alike. Each row is the
// median of its rounds, every round in the note, with the gateway's CPU per
// lookup beside it: on a shared machine the rate moves with the neighbours,
// the CPU per lookup much less.
//
// Beside them, the limiter alone in the bench's process: TAKES sequential
// takes for one client with lease 20 against the population's database, and
// the same through the in-memory buckets of one process (what the limit was
// before it was shared) — CPU per take, here and in PostgreSQL, which a
// crowded machine moves far less than a rate.
import { Database } from '#spean/persistence';
import { fromDist } from '../harness/dist.ts';
import { shortCount } from '../harness/options.ts';
import type { Population } from '../harness/populations.ts';
import type { BenchContext, Measurement, Scenario } from '../harness/scenario.ts';
import { measured, speanTarget, summary } from './lookup.scenario.ts';

type Limit = 'off' | 'on';

const SUBJECTS: Record<Limit, string> = {
  off: 'spean, rate limit off',
  on: 'spean, shared rate limit on (lease 20)',
};

const LIMIT_ENV: Record<Limit, Record<string, string>> = {
  off: { GRAPHQL_RATE_LIMIT_PER_SECOND: '0' },
  on: {
    GRAPHQL_RATE_LIMIT_PER_SECOND: '1000000',
    GRAPHQL_RATE_LIMIT_BURST: '1000000',
    GRAPHQL_RATE_LIMIT_LEASE: '20',
  },
};

interface Point {
  limit: Limit;
  round: number;
  concurrency: number;
  row: Partial<Measurement>;
}

export const rateLimitScenario: Scenario = {
  name: 'rate-limit',
  description:
    'the full lookup with the per-client rate limit shared through PostgreSQL on (never refusing, lease 20) and off, in alternating rounds',
  async run(context) {
    const population = await context.population(context.options.citizens);
    const pairs = context.options.quick ? 1 : 3;
    const points: Point[] = [];
    let round = 0;
    for (let pair = 0; pair < pairs; pair++) {
      const order: Limit[] = pair % 2 === 0 ? ['off', 'on'] : ['on', 'off'];
      for (const limit of order)
        points.push(...(await measureRound(context, population, limit, ++round)));
    }
    return [...rows(context, population, points), ...(await limiterAlone(context, population))];
  },
};

const TAKES = 200_000;

async function limiterAlone(context: BenchContext, population: Population): Promise<Measurement[]> {
  const { LeasedRateLimiter } = await fromDist<
    typeof import('../../apps/gateway/src/hardening/leased-rate-limiter.ts')
  >('apps/gateway/src/hardening/leased-rate-limiter.js');
  const { RateBucketRepository } = await fromDist<
    typeof import('../../apps/gateway/src/hardening/rate-bucket.repository.ts')
  >('apps/gateway/src/hardening/rate-bucket.repository.js');
  const { MemoryBucketStore } = await fromDist<
    typeof import('../../apps/gateway/src/hardening/bucket-store.ts')
  >('apps/gateway/src/hardening/bucket-store.js');
  const database = new Database({ url: population.appUrl, applicationName: 'bench-rate-limit' });
  const limit = { name: 'bench', ratePerSecond: 1_000_000, burst: 1_000_000 };
  try {
    const stores = {
      'shared limiter alone (lease 20, PostgreSQL)': new RateBucketRepository(database),
      'in-memory limiter alone (one process)': new MemoryBucketStore(),
    };
    const rows: Measurement[] = [];
    for (const [subject, store] of Object.entries(stores)) {
      const limiter = new LeasedRateLimiter(store, limit, { lease: 20 });
      for (let i = 0; i < 20_000; i++) await limiter.take('warm-up');
      const pgBefore = context.postgresCpuSeconds();
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      let allowed = 0;
      for (let i = 0; i < TAKES; i++)
        if ((await limiter.take(`client-${subject}`)).allowed) allowed++;
      const seconds = (performance.now() - started) / 1000;
      const cpu = process.cpuUsage(cpuBefore);
      const pgAfter = context.postgresCpuSeconds();
      const cpuUs = (cpu.user + cpu.system) / TAKES;
      const pgUs =
        pgBefore === undefined || pgAfter === undefined
          ? undefined
          : ((pgAfter - pgBefore) * 1e6) / TAKES;
      context.log(
        `rate-limit: ${subject}: ${Math.round(TAKES / seconds).toLocaleString('en')} takes/s, ${cpuUs.toFixed(2)} µs CPU per take` +
          (pgUs === undefined ? '' : `, PostgreSQL ${pgUs.toFixed(2)} µs per take`),
      );
      rows.push({
        scenario: 'rate-limit',
        subject,
        setting: `${TAKES.toLocaleString('en')} takes, one client, one after another`,
        throughput: TAKES / seconds,
        unit: 'takes/s',
        operations: TAKES,
        errors: TAKES - allowed,
        note: `${cpuUs.toFixed(2)} µs CPU per take in the process${pgUs === undefined ? '' : `, ${pgUs.toFixed(2)} µs in PostgreSQL`}`,
      });
    }
    return rows;
  } finally {
    await database.close();
  }
}

async function measureRound(
  context: BenchContext,
  population: Population,
  limit: Limit,
  round: number,
): Promise<Point[]> {
  const server = await context.start('gateway', population, {
    env: { ...LIMIT_ENV[limit], GATEWAY_WORKERS: String(context.options.gatewayWorkers) },
  });
  try {
    const points: Point[] = [];
    for (const concurrency of context.options.concurrencies) {
      const target = await speanTarget(population, server, context);
      context.log(`rate-limit: round ${round}, limit ${limit}, c=${concurrency} …`);
      const result = await context.load(target, { concurrency, population, server });
      context.log(`  ${summary(result, 'lookups/s')}`);
      points.push({ limit, round, concurrency, row: measured(result, 'lookups/s') });
    }
    return points;
  } finally {
    await server.stop();
  }
}

function rows(context: BenchContext, population: Population, points: Point[]): Measurement[] {
  const cpuPerLookupUs = (row: Partial<Measurement>): number | undefined =>
    row.cpuPercent === undefined || !row.throughput
      ? undefined
      : (row.cpuPercent / 100 / row.throughput) * 1e6;
  const workers = context.options.gatewayWorkers;
  return context.options.concurrencies.flatMap((concurrency) => {
    const at = (limit: Limit) =>
      points.filter((point) => point.limit === limit && point.concurrency === concurrency);
    const offRate = median(at('off').map((point) => point.row.throughput ?? 0));
    const offCpu = median(at('off').flatMap((point) => cpuPerLookupUs(point.row) ?? []));
    return (['off', 'on'] as const).map((limit): Measurement => {
      const own = at(limit);
      const throughput = median(own.map((point) => point.row.throughput ?? 0));
      const cpu = median(own.flatMap((point) => cpuPerLookupUs(point.row) ?? []));
      const comparison =
        limit === 'on' && throughput !== undefined && offRate
          ? `; ${Math.round((100 * throughput) / offRate)} % of the rate with the limit off` +
            (cpu !== undefined && offCpu !== undefined
              ? `, ${(cpu - offCpu).toFixed(0)} µs gateway CPU per lookup more`
              : '')
          : '';
      return {
        scenario: 'rate-limit',
        subject: SUBJECTS[limit],
        setting: `c=${concurrency}, ${shortCount(population.citizens)} citizens, ${workers} gateway worker${workers === 1 ? '' : 's'}, median of ${own.length}`,
        concurrency,
        citizens: population.citizens,
        throughput,
        unit: 'lookups/s',
        p50Ms: median(own.map((point) => point.row.p50Ms ?? 0)),
        p99Ms: median(own.map((point) => point.row.p99Ms ?? 0)),
        cpuPercent: median(own.flatMap((point) => point.row.cpuPercent ?? [])),
        operations: own.reduce((sum, point) => sum + (point.row.operations ?? 0), 0),
        errors: own.reduce((sum, point) => sum + (point.row.errors ?? 0), 0),
        note:
          `rounds ${own.map((point) => `#${point.round} ${Math.round(point.row.throughput ?? 0)}/s`).join(', ')}; ` +
          `gateway CPU per lookup ${cpu === undefined ? '–' : `${cpu.toFixed(0)} µs`}${comparison}`,
      };
    });
  });
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
