// The names the ingest and propagation scenarios give their rows, and the
// issue's targets for them, checked against those rows: at least 25,000
// records/s end to end through Kafka, a projected 17-million-person backfill
// under 12 minutes, and a death's consequences everywhere within 500 ms at p99.
import type { TargetCheck } from './report.ts';
import type { Measurement } from './scenario.ts';

/** The national backfill the ingest projects. */
export const NATIONAL_PERSONS = 17_000_000;

export const INGEST_SUBJECTS = {
  spean: (bus: 'embedded' | 'kafka'): string => `spean, ${bus} bus`,
  platformatic: 'raw @platformatic/kafka',
  kafkajs: 'raw kafkajs',
  copy: 'raw PostgreSQL COPY',
  readModelSql: 'read-model SQL alone',
} as const;

/** How the ingest's settings start. */
export const INGEST_SETTINGS = {
  endToEnd: 'end to end',
  intake: 'intake only',
  projection: 'projected national backfill',
} as const;

export const PROPAGATION_SETTINGS = {
  intake: 'death → 202 from the interior adapter',
  deathVisible: 'death → the death in the gateway',
  personNotAlive: 'death → gateway shows the person not alive',
  everyReaction: 'death → every adapter’s reaction in the gateway',
  /** One record sent to an idle system: from its intake until the gateway shows it. */
  loneRecord: 'one record, idle system: intake → visible at the gateway',
} as const;

const TARGET_RECORDS_PER_SECOND = 25_000;
const TARGET_BACKFILL_MINUTES = 12;
const TARGET_PROPAGATION_P99_MS = 500;

export function flowTargets(measurements: readonly Measurement[], quick: boolean): TargetCheck[] {
  const judge = (met: boolean): boolean | undefined => (quick ? undefined : met);
  const find = (scenario: string, subject: string, setting: string): Measurement | undefined =>
    measurements.find(
      (m) =>
        m.scenario === scenario &&
        m.subject === subject &&
        m.setting.startsWith(setting) &&
        !m.note?.startsWith('failed'),
    );
  const kafka = INGEST_SUBJECTS.spean('kafka');
  const checks: TargetCheck[] = [];
  const endToEnd = find('ingest', kafka, INGEST_SETTINGS.endToEnd);
  if (endToEnd?.throughput !== undefined)
    checks.push({
      target: `≥ ${TARGET_RECORDS_PER_SECOND.toLocaleString('en')} records/s end to end through Kafka`,
      actual: `${Math.round(endToEnd.throughput).toLocaleString('en')} records/s`,
      met: judge(endToEnd.throughput >= TARGET_RECORDS_PER_SECOND),
    });
  const projection = find('ingest', kafka, INGEST_SETTINGS.projection);
  if (projection?.throughput !== undefined) {
    const minutes = NATIONAL_PERSONS / projection.throughput / 60;
    checks.push({
      target: `projected ${NATIONAL_PERSONS / 1_000_000}M-person backfill through Kafka < ${TARGET_BACKFILL_MINUTES} min`,
      actual: `≈ ${minutes.toFixed(0)} min (${Math.round(projection.throughput).toLocaleString('en')} persons/s)`,
      met: judge(minutes < TARGET_BACKFILL_MINUTES),
    });
  }
  for (const bus of ['kafka', 'embedded'] as const) {
    const row = find('propagation', INGEST_SUBJECTS.spean(bus), PROPAGATION_SETTINGS.everyReaction);
    if (row?.p99Ms === undefined) continue;
    checks.push({
      target: `propagation p99 ≤ ${TARGET_PROPAGATION_P99_MS} ms, ${bus} bus (a death → every reaction in the gateway)`,
      actual: `${row.p99Ms.toFixed(0)} ms (p50 ${row.p50Ms?.toFixed(0)} ms)${row.errors ? `, ${row.errors} incomplete` : ''}`,
      met: judge(row.p99Ms <= TARGET_PROPAGATION_P99_MS && !row.errors),
    });
  }
  return checks;
}
