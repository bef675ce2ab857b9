// Scenario "lookup": the full citizen(...) query — every section, authorised
// and audited — at each concurrency, beside its baselines in the same run:
// the same gateway with a discarding audit log (what the audit costs), a bare
// HTTP endpoint doing the same SQL (the floor), PostGraphile over the same
// tables (a peer) and a raw primary-key select (the limit).
import path from 'node:path';
import { fromDist } from '../harness/dist.ts';
import { fullCitizenQuery } from '../harness/citizen-query.ts';
import { summariseCpuProfile, profileMarkdown } from '../harness/cpu-profile.ts';
import { DISTURBED_CPU_PERCENT, type LoadResult, type LoadTarget } from '../harness/load.ts';
import { shortCount } from '../harness/options.ts';
import type { Population } from '../harness/populations.ts';
import { cpuTriple, SUBJECTS } from '../harness/report.ts';
import { combineRounds, interleave } from '../harness/rounds.ts';
import type { BenchContext, Measurement, Scenario, StartOptions } from '../harness/scenario.ts';
import type { RunningServer, ServerKind } from '../harness/servers.ts';
import fs from 'node:fs';

/** PostGraphile's closest equivalent of a lookup (see bench/baselines/postgraphile-server.ts). */
export const POSTGRAPHILE_QUERY = `query BenchLookup($id: String!) {
  allReadRecords(condition: { subjectId: $id, deleted: false }) {
    nodes { recordType recordId payload occurredAt }
  }
  allReadRelatedSubjects(condition: { subjectId: $id }) {
    nodes { readRecordByRecordTypeAndRecordId { recordType recordId subjectId deleted payload occurredAt } }
  }
}`;

/** The limit: one citizen's person record by primary key, on a prepared statement. */
export const RAW_SELECT_SQL = `SELECT record_type, record_id, subject_id, payload, occurred_at
FROM read_record WHERE record_type = 'person' AND record_id = $1`;

interface Subject {
  name: string;
  unit: string;
  /** The process serving it, or none (the raw select talks to PostgreSQL itself). */
  server?: ServerKind;
  target(population: Population, server: RunningServer | undefined): Promise<LoadTarget>;
}

export async function speanTarget(
  population: Population,
  server: RunningServer,
  context: BenchContext,
): Promise<LoadTarget> {
  const { fetchAccessToken } =
    await fromDist<typeof import('../../tools/access-token.ts')>('tools/access-token.js');
  const token = await fetchAccessToken(server.url, population.agency);
  const query = await fullCitizenQuery(server.url, token);
  context.detail('lookupQuery', query);
  return {
    kind: 'http',
    method: 'POST',
    url: `${server.url}/graphql`,
    headers: { authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables: { id: '{id}' } }),
  };
}

const SUBJECT_LIST = (context: BenchContext): Subject[] => [
  {
    name: SUBJECTS.auditOn,
    unit: 'lookups/s',
    server: 'gateway',
    target: (population, server) => speanTarget(population, server!, context),
  },
  {
    // What the compiled lookups give: the same gateway, every lookup through Apollo.
    name: SUBJECTS.apolloPath,
    unit: 'lookups/s',
    server: 'gateway-apollo-path',
    target: (population, server) => speanTarget(population, server!, context),
  },
  {
    name: SUBJECTS.auditOff,
    unit: 'lookups/s',
    server: 'gateway-without-audit',
    target: (population, server) => speanTarget(population, server!, context),
  },
  {
    name: SUBJECTS.bare,
    unit: 'lookups/s',
    server: 'bare-endpoint',
    target: async (_population, server) => ({
      kind: 'http',
      method: 'GET',
      url: `${server!.url}/citizens/{id}`,
    }),
  },
  {
    name: SUBJECTS.postgraphile,
    unit: 'lookups/s',
    server: 'postgraphile',
    target: async (_population, server) => ({
      kind: 'http',
      method: 'POST',
      url: `${server!.url}/graphql`,
      body: JSON.stringify({ query: POSTGRAPHILE_QUERY, variables: { id: '{id}' } }),
    }),
  },
  {
    name: SUBJECTS.rawSelect,
    unit: 'selects/s',
    target: async (population) => ({
      kind: 'pg',
      url: population.appUrl,
      sql: RAW_SELECT_SQL,
      param: 'MOI-P-{id}',
    }),
  },
];

export const lookupScenario: Scenario = {
  name: 'lookup',
  description:
    'the full citizen(...) query, every section, authorised and audited, beside a bare endpoint, PostGraphile and a raw select',
  async run(context) {
    const population = await context.population(context.options.citizens);
    const rows = await measureInRounds(context, SUBJECT_LIST(context), population);
    if (context.options.profile) await profileGateway(context, population);
    return rows;
  },
};

interface Started {
  subject: Subject;
  server?: RunningServer;
  /** Why it could not start: its rows say so instead of measuring. */
  failed?: string;
}

/**
 * Every subject's server is started once and kept up; at each concurrency the
 * subjects then take turns, round after round (audit on, Apollo path, audit off, bare,
 * PostGraphile, raw select; again …), so each comparison is between medians
 * measured over the same stretch of time.
 */
async function measureInRounds(
  context: BenchContext,
  subjects: readonly Subject[],
  population: Population,
): Promise<Measurement[]> {
  const { concurrencies, rounds } = context.options;
  const started: Started[] = [];
  try {
    for (const subject of subjects) {
      try {
        const server = subject.server
          ? await context.start(subject.server, population, gatewayStart(context, subject.server))
          : undefined;
        started.push({ subject, server });
      } catch (error) {
        const failed = reasonOf(error);
        context.log(`lookup: ${subject.name} failed to start: ${failed}`);
        started.push({ subject, failed });
      }
    }
    const measuredRounds: Measurement[][] = Array.from({ length: rounds }, () => []);
    for (const concurrency of concurrencies) {
      const perRound = await interleave(rounds, started, (entry, round) => {
        context.log(
          `lookup: ${rounds > 1 ? `round ${round} of ${rounds}, ` : ''}${entry.subject.name} at c=${concurrency} …`,
        );
        return measurePoint(context, entry, population, concurrency);
      });
      perRound.forEach((rows, i) => measuredRounds[i]!.push(...rows));
    }
    // Rows in the order a reader compares them: each subject at each concurrency.
    const combined = combineRounds(measuredRounds);
    return subjects.flatMap((subject) => combined.filter((row) => row.subject === subject.name));
  } finally {
    await Promise.allSettled(started.map((entry) => entry.server?.stop()));
  }
}

async function measurePoint(
  context: BenchContext,
  { subject, server, failed }: Started,
  population: Population,
  concurrency: number,
): Promise<Measurement> {
  const workers =
    subject.server === 'gateway' && context.options.gatewayWorkers > 1
      ? `, ${context.options.gatewayWorkers} gateway workers`
      : '';
  const row = (fields: Partial<Measurement>): Measurement => ({
    scenario: 'lookup',
    subject: subject.name,
    setting: `c=${concurrency}, ${shortCount(population.citizens)} citizens${workers}`,
    concurrency,
    citizens: population.citizens,
    ...fields,
  });
  if (failed) return row({ note: `failed: ${failed}` });
  try {
    // A fresh token per point: a long --duration must not outlive it.
    const target = await subject.target(population, server);
    const result = await context.load(target, { concurrency, population, server });
    context.log(`  ${summary(result, subject.unit)}`);
    return row(measured(result, subject.unit));
  } catch (error) {
    const reason = reasonOf(error);
    context.log(`lookup: ${subject.name} failed: ${reason}`);
    return row({ note: `failed: ${reason}` });
  }
}

const reasonOf = (error: unknown): string =>
  (error as Error).message.split('\n').slice(0, 3).join(' ');

/** The gateway as npm start runs it gets --gateway-workers processes; the bench-only ones one. */
export function gatewayStart(context: BenchContext, kind: ServerKind): StartOptions {
  if (kind === 'gateway-apollo-path') return { env: { GRAPHQL_COMPILED_LOOKUPS: 'false' } };
  return kind === 'gateway'
    ? { env: { GATEWAY_WORKERS: String(context.options.gatewayWorkers) } }
    : {};
}

export function measured(result: LoadResult, unit: string): Partial<Measurement> {
  return {
    throughput: result.throughput,
    unit,
    p50Ms: result.p50Ms,
    p99Ms: result.p99Ms,
    rssMb: result.peakRssBytes === undefined ? undefined : result.peakRssBytes / 2 ** 20,
    cpuPercent: result.cpuPercent,
    postgresCpuPercent: result.postgresCpuPercent,
    loadCpuPercent: result.loadCpuPercent,
    otherCpuPercent: result.otherCpuPercent,
    operations: result.operations,
    errors: result.errors,
    ...(result.errors > 0
      ? { note: `first error: ${result.firstError?.slice(0, 160)}` }
      : (result.otherCpuPercent ?? 0) > DISTURBED_CPU_PERCENT
        ? { note: `disturbed: other processes used ${Math.round(result.otherCpuPercent!)} % CPU` }
        : {}),
  };
}

export function summary(result: LoadResult, unit: string): string {
  return (
    `${Math.round(result.throughput).toLocaleString('en')} ${unit}, p50 ${result.p50Ms.toFixed(2)} ms, ` +
    `p99 ${result.p99Ms.toFixed(2)} ms` +
    (result.peakRssBytes ? `, RSS ${Math.round(result.peakRssBytes / 2 ** 20)} MB` : '') +
    `, CPU % ${cpuTriple(result)}` +
    (result.errors ? `, ${result.errors} errors (${result.firstError?.slice(0, 200)})` : '')
  );
}

/**
 * A separate gateway run under `node --cpu-prof` at the highest concurrency;
 * its profile (boot and warm-up cut off) is summarised into the results.
 */
async function profileGateway(context: BenchContext, population: Population): Promise<void> {
  const concurrency = Math.max(...context.options.concurrencies);
  const dir = path.join(context.options.resultsDir, 'profiles');
  fs.mkdirSync(dir, { recursive: true });
  const spawned = performance.now();
  const server = await context.start('gateway', population, { cpuProfileDir: dir });
  let measuringAt = 0;
  try {
    const target = await speanTarget(population, server, context);
    context.log(`lookup: profiling the gateway at c=${concurrency} …`);
    const result = await context.load(target, {
      concurrency,
      population,
      server,
      onMeasuring: () => (measuringAt = performance.now()),
    });
    context.log(`  profiled run: ${summary(result, 'lookups/s')}`);
  } finally {
    await server.stop();
  }
  const file = path.join(dir, 'gateway.cpuprofile');
  const profile = summariseCpuProfile(file, measuringAt - spawned);
  context.detail('gatewayProfile', { file, concurrency, ...profile });
  const markdown = profileMarkdown(profile);
  fs.writeFileSync(path.join(dir, 'gateway-profile.md'), `${markdown}\n`);
  context.log(`gateway CPU profile at c=${concurrency}:\n${markdown}`);
}
