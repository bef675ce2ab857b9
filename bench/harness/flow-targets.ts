// The names the ingest and propagation scenarios give their rows, and the
// targets for them, checked against those rows (the lookup's are in
// report.ts): ingest end to end as a ratio of a raw control of the same run —
// Kafka ≥ 0.5× raw @platformatic/kafka produce then consume, the embedded bus
// ≥ 0.4× raw PostgreSQL COPY —, the projected 17-million-person initial load
// at ≥ 0.5× the speed of COPY's projection, a death's every reaction in the
// gateway within 250 ms at p99 under background ingest, and one record on an
// idle system visible at the gateway within 50 ms (embedded) or 100 ms (Kafka)
// at p99.
import { roundsLabel } from './rounds.ts';
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

/** A bulk initial load's subject; its row's setting starts with INGEST_SETTINGS.projection. */
export const BACKFILL_SUBJECT = 'spean backfill';

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

/** Spean's ingest end to end over each bus, at least this share of its raw control's records/s. */
const INGEST_RATIO = { kafka: 0.5, embedded: 0.4 } as const;
/** The projected national initial load, at least this share of COPY's speed. */
const BACKFILL_RATIO = 0.5;
/** A death → every reaction in the gateway, p99, on either bus, under background ingest. */
const PROPAGATION_P99_MS = 250;
/** The background ingest the propagation target is set under. */
const PROPAGATION_BACKGROUND_RECORDS_PER_SECOND = 2_000;
/** One record on an idle system, intake → visible at the gateway, p99. */
const LONE_RECORD_P99_MS = { embedded: 50, kafka: 100 } as const;

const count = (value: number): string => Math.round(value).toLocaleString('en');

/**
 * A target stated as a ratio of a subject to its control in the same run:
 * "0.52× (Spean 1,210/s vs bare 2,330/s, medians of 3)". `atLeast` for a
 * rate, `atMost` for a latency. Left out when the control measured nothing.
 */
export function ratioCheck(input: {
  target: string;
  subject: Measurement;
  control: Measurement;
  value: (row: Measurement) => number | undefined;
  /** How a value reads: "1,210/s", "12.3 ms". */
  show: (value: number) => string;
  names: readonly [subject: string, control: string];
  atLeast?: number;
  atMost?: number;
  quick: boolean;
}): TargetCheck | undefined {
  const subject = input.value(input.subject);
  const control = input.value(input.control);
  if (subject === undefined || control === undefined) return undefined;
  if (!Number.isFinite(subject) || !Number.isFinite(control) || !(control > 0))
    return {
      target: input.target,
      actual: `no ratio (${input.names[0]} ${subject}, ${input.names[1]} ${control}: nothing completed)`,
      met: input.quick ? undefined : false,
    };
  const ratio = subject / control;
  const met =
    (input.atLeast === undefined || ratio >= input.atLeast) &&
    (input.atMost === undefined || ratio <= input.atMost);
  return {
    target: input.target,
    actual:
      `${ratio.toFixed(2)}× (${input.names[0]} ${input.show(subject)} vs ` +
      `${input.names[1]} ${input.show(control)}, ${howMeasured(input.subject, input.control, input.names)})`,
    ratio,
    met: input.quick ? undefined : met,
  };
}

/** "medians of 3" for both, else each its own: "spean backfill 1 round, COPY medians of 3". */
function howMeasured(
  subject: Measurement,
  control: Measurement,
  names: readonly [string, string],
): string {
  const [ofSubject, ofControl] = [roundsLabel(subject), roundsLabel(control)];
  return ofSubject === ofControl ? ofSubject : `${names[0]} ${ofSubject}, ${names[1]} ${ofControl}`;
}

/** The first unfailed row of that scenario (any, when undefined) and subject whose setting starts so. */
export function findRow(
  measurements: readonly Measurement[],
  scenario: string | undefined,
  subject: string,
  setting: string,
): Measurement | undefined {
  return measurements.find(
    (m) =>
      (scenario === undefined || m.scenario === scenario) &&
      m.subject === subject &&
      m.setting.startsWith(setting) &&
      !m.note?.startsWith('failed'),
  );
}

export function flowTargets(measurements: readonly Measurement[], quick: boolean): TargetCheck[] {
  const find = (scenario: string | undefined, subject: string, setting: string) =>
    findRow(measurements, scenario, subject, setting);
  const checks: Array<TargetCheck | undefined> = [];
  const perSecond = (value: number): string => `${count(value)}/s`;

  const controls = {
    kafka: {
      row: find('ingest', INGEST_SUBJECTS.platformatic, 'produce then consume'),
      name: 'raw @platformatic/kafka',
      target: `Spean ingest end to end, Kafka: records/s ≥ ${INGEST_RATIO.kafka}× raw @platformatic/kafka produce then consume`,
    },
    embedded: {
      row: find('ingest', INGEST_SUBJECTS.copy, 'COPY'),
      name: 'COPY',
      target: `Spean ingest end to end, embedded bus: records/s ≥ ${INGEST_RATIO.embedded}× raw PostgreSQL COPY`,
    },
  };
  for (const bus of ['kafka', 'embedded'] as const) {
    const subject = find('ingest', INGEST_SUBJECTS.spean(bus), INGEST_SETTINGS.endToEnd);
    const control = controls[bus];
    if (subject && control.row)
      checks.push(
        ratioCheck({
          target: control.target,
          subject,
          control: control.row,
          value: (row) => row.throughput,
          show: perSecond,
          names: ['Spean', control.name],
          atLeast: INGEST_RATIO[bus],
          quick,
        }),
      );
  }

  // A bulk backfill command's projection, when the run has one; else the Kafka ingest's.
  const backfill = find(undefined, BACKFILL_SUBJECT, INGEST_SETTINGS.projection);
  const projection =
    backfill ?? find('ingest', INGEST_SUBJECTS.spean('kafka'), INGEST_SETTINGS.projection);
  // Judged against the COPY of its own scenario: the backfill's controls load the same rows.
  const copyProjection = find(
    backfill ? 'backfill' : 'ingest',
    INGEST_SUBJECTS.copy,
    INGEST_SETTINGS.projection,
  );
  if (projection && copyProjection) {
    const minutes = (personsPerSecond: number): string =>
      `≈ ${(NATIONAL_PERSONS / personsPerSecond / 60).toFixed(0)} min`;
    const millions = NATIONAL_PERSONS / 1_000_000;
    checks.push(
      ratioCheck({
        target: `${millions}M-person initial load (projected): speed ≥ ${BACKFILL_RATIO}× COPY’s, ${backfill ? 'spean backfill' : 'through Kafka'}`,
        subject: projection,
        control: copyProjection,
        value: (row) => row.throughput,
        show: minutes,
        names: [backfill ? 'spean backfill' : 'Spean', 'COPY'],
        atLeast: BACKFILL_RATIO,
        quick,
      }),
    );
  }

  for (const bus of ['kafka', 'embedded'] as const) {
    const row = find('propagation', INGEST_SUBJECTS.spean(bus), PROPAGATION_SETTINGS.everyReaction);
    if (row?.p99Ms === undefined) continue;
    const background = /background ingest ([\d,]+) records\/s/.exec(row.setting)?.[1];
    checks.push({
      target:
        `a death → every reaction in the gateway, p99 ≤ ${PROPAGATION_P99_MS} ms, ${bus} bus ` +
        `(under ${count(PROPAGATION_BACKGROUND_RECORDS_PER_SECOND)} records/s of background ingest)`,
      actual:
        `${row.p99Ms.toFixed(0)} ms (p50 ${row.p50Ms?.toFixed(0)} ms` +
        `${background ? `, background ingest ${background} records/s` : ''})` +
        `${row.errors ? `, ${row.errors} incomplete` : ''}`,
      met: quick ? undefined : row.p99Ms <= PROPAGATION_P99_MS && !row.errors,
    });
  }

  for (const bus of ['embedded', 'kafka'] as const) {
    const row = find(undefined, INGEST_SUBJECTS.spean(bus), PROPAGATION_SETTINGS.loneRecord);
    if (row?.p99Ms === undefined) continue;
    checks.push({
      target: `one record, idle system, intake → visible at the gateway, p99 ≤ ${LONE_RECORD_P99_MS[bus]} ms, ${bus} bus`,
      actual:
        `${row.p99Ms.toFixed(1)} ms (p50 ${row.p50Ms?.toFixed(1)} ms)` +
        `${row.errors ? `, ${row.errors} not visible` : ''}`,
      met: quick ? undefined : row.p99Ms <= LONE_RECORD_P99_MS[bus] && !row.errors,
    });
  }
  return checks.filter((check): check is TargetCheck => check !== undefined);
}
