// Scenario "latency": one record on an idle system. A person is registered at
// the interior adapter, alone — no background ingest, a pause between records
// — and timed from the moment intake is called until the gateway's read model
// shows it, on the embedded bus and on Kafka. The read model is polled in
// PostgreSQL every few milliseconds, as the propagation scenario does.
//
// Besides the whole path it reports where the time went, from timestamps the
// system keeps anyway, on one clock (this machine's): intake → its 202 (the
// record kept, signed and acknowledged by the bus: the publisher's fast path);
// 202 → the read model's transaction began (read_record.applied_at, which is
// now() of that transaction: the consumer's fetch, verification and decode);
// that → visible (the apply committed, plus at most one poll). On the
// embedded bus the message's own bus_message.published_at splits the first
// step at the append.
import pg from 'pg';
import { VerhoeffNationalIdScheme } from '#spean/contracts';
import {
  canonicalRecord,
  fixture,
  percentiles,
  postRecords,
} from '../harness/canonical-records.ts';
import { INGEST_SUBJECTS, PROPAGATION_SETTINGS } from '../harness/flow-targets.ts';
import type { KafkaBroker } from '../harness/kafka.ts';
import type { BenchContext, Measurement, Scenario } from '../harness/scenario.ts';
import { onEachBus, startSystem, type BusKind, type RunningSystem } from '../harness/system.ts';

const POLL_EVERY_MS = 2;
/** Wall-clock milliseconds with a fraction, comparable with PostgreSQL's now(). */
const now = (): number => performance.timeOrigin + performance.now();
/** A record not visible by then counts as failed. */
const RECORD_TIMEOUT_MS = 10_000;

interface Settings {
  records: number;
  /** Records before the measured ones, not counted (JIT, pools, the consumers' first fetches). */
  warmup: number;
  /** Quiet between one record being visible and the next being sent. */
  pauseMs: number;
}

function settingsFor(context: BenchContext): Settings {
  return context.options.quick
    ? { records: 10, warmup: 3, pauseMs: 200 }
    : { records: 50, warmup: 10, pauseMs: 300 };
}

/** One record's timestamps, in ms since the epoch (this machine's clock). */
interface Timing {
  calledAt: number;
  acceptedAt: number;
  /** The embedded bus's append (bus_message.published_at); none on Kafka. */
  onBusAt?: number;
  /** When the read model's transaction that applied it began. */
  appliedAt?: number;
  visibleAt?: number;
}

/** The rows of where a lone record's time goes, after the row of the whole path. */
export const LONE_RECORD_STEPS = {
  accepted: 'lone record, step: intake → 202 (kept, signed, acknowledged by the bus)',
  onBus: 'lone record, step: intake → appended to the embedded bus',
  applying: 'lone record, step: 202 → the read model’s transaction begins (fetch, verify)',
  committed: 'lone record, step: that transaction begins → visible (apply, commit, one poll)',
} as const;

export const latencyScenario: Scenario = {
  name: 'latency',
  description:
    'one record on an idle system: intake → visible at the gateway, p50/p99, embedded bus and Kafka, with where the time goes',
  run(context) {
    return onEachBus(context, 'latency', PROPAGATION_SETTINGS.loneRecord, (bus, broker) =>
      latencyOn(context, bus, broker),
    );
  },
};

async function latencyOn(
  context: BenchContext,
  bus: BusKind,
  broker?: KafkaBroker,
): Promise<Measurement[]> {
  const subject = INGEST_SUBJECTS.spean(bus);
  let system: RunningSystem | undefined;
  try {
    system = await startSystem(context, {
      bus,
      label: 'latency',
      ...(broker ? { kafka: { broker, namespace: context.kafka.namespace('latency') } } : {}),
    });
    return await measureLoneRecords(context, system, 'latency');
  } catch (error) {
    const reason = (error as Error).message.split('\n').slice(0, 3).join(' ');
    context.log(`latency: ${subject} failed: ${reason}`);
    return [
      {
        scenario: 'latency',
        subject,
        setting: PROPAGATION_SETTINGS.loneRecord,
        note: `failed: ${reason}`,
      },
    ];
  } finally {
    await system?.stop();
  }
}

/**
 * Times lone records on a running system that is idle (the propagation
 * scenario's too, before its households and background ingest): its rows, by
 * `scenario`, the whole path first.
 */
export async function measureLoneRecords(
  context: BenchContext,
  system: RunningSystem,
  scenario: string,
): Promise<Measurement[]> {
  const settings = settingsFor(context);
  context.log(
    `${scenario}: ${settings.warmup} + ${settings.records} lone records, ${system.bus} bus, ` +
      `${settings.pauseMs} ms apart …`,
  );
  const timings = await sendOneByOne(system, settings);
  const rows = latencyRows(
    scenario,
    INGEST_SUBJECTS.spean(system.bus),
    timings.slice(settings.warmup),
    settings,
  );
  for (const row of rows)
    context.log(
      `  ${row.setting}: p50 ${row.p50Ms?.toFixed(1)} ms, p99 ${row.p99Ms?.toFixed(1)} ms`,
    );
  return rows;
}

function latencyRows(
  scenario: string,
  subject: string,
  timings: readonly Timing[],
  settings: Settings,
): Measurement[] {
  const row = (
    setting: string,
    from: (t: Timing) => number | undefined,
    to: (t: Timing) => number | undefined,
    note?: string,
  ): Measurement => {
    const values: number[] = [];
    for (const timing of timings) {
      const start = from(timing);
      const end = to(timing);
      if (start !== undefined && end !== undefined) values.push(end - start);
    }
    return {
      scenario,
      subject,
      setting,
      ...percentiles(values),
      operations: timings.length,
      errors: timings.length - values.length,
      ...(note ? { note } : {}),
    };
  };
  const incomplete = timings.filter((t) => t.visibleAt === undefined).length;
  const rows = [
    row(
      PROPAGATION_SETTINGS.loneRecord,
      (t) => t.calledAt,
      (t) => t.visibleAt,
      [
        `${timings.length} person records at interior, one at a time, ${settings.pauseMs} ms apart; ${settings.warmup} warm-up records not counted`,
        incomplete > 0 ? `${incomplete} not visible within ${RECORD_TIMEOUT_MS / 1000} s` : '',
      ]
        .filter(Boolean)
        .join('; '),
    ),
    row(
      LONE_RECORD_STEPS.accepted,
      (t) => t.calledAt,
      (t) => t.acceptedAt,
    ),
  ];
  if (timings.some((t) => t.onBusAt !== undefined))
    rows.push(
      row(
        LONE_RECORD_STEPS.onBus,
        (t) => t.calledAt,
        (t) => t.onBusAt,
      ),
    );
  rows.push(
    row(
      LONE_RECORD_STEPS.applying,
      (t) => t.acceptedAt,
      (t) => t.appliedAt,
    ),
    row(
      LONE_RECORD_STEPS.committed,
      (t) => t.appliedAt,
      (t) => t.visibleAt,
    ),
  );
  return rows;
}

/**
 * Sends one person at a time to the interior adapter, waits until the read
 * model shows it, pauses, and sends the next.
 */
async function sendOneByOne(system: RunningSystem, settings: Settings): Promise<Timing[]> {
  const person = fixture('person', 'adult-born-in-phnom-penh');
  const ids = new VerhoeffNationalIdScheme();
  const watcher = new pg.Client({
    connectionString: system.database.appUrl,
    application_name: 'spean-bench-watch',
  });
  await watcher.connect();
  const timings: Timing[] = [];
  try {
    for (let i = 0; i < settings.warmup + settings.records; i++) {
      // Below the propagation scenario's households (the top of the range) and
      // far above the background population (from serial 0).
      const nationalId = ids.fromSerial(ids.capacity - 1_000_000 - i);
      const recordId = `MOI-P-LONE-${nationalId}`;
      const calledAt = now();
      const accepted = postRecords(system.endpoints.interior, [
        canonicalRecord('person', recordId, nationalId, { ...person, nationalId }),
      ]).then(() => now());
      let appliedAt: number | undefined;
      let visibleAt: number | undefined;
      while (visibleAt === undefined && now() - calledAt < RECORD_TIMEOUT_MS) {
        const { rows } = await watcher.query<{ applied_at: Date }>(
          `SELECT applied_at FROM read_record WHERE record_type = 'person' AND record_id = $1`,
          [recordId],
        );
        if (rows[0]) {
          visibleAt = now();
          appliedAt = rows[0].applied_at.getTime();
        } else await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS));
      }
      const timing: Timing = { calledAt, acceptedAt: await accepted };
      if (appliedAt !== undefined) timing.appliedAt = appliedAt;
      if (visibleAt !== undefined) timing.visibleAt = visibleAt;
      if (system.bus === 'embedded') {
        const { rows } = await watcher.query<{ published_at: Date }>(
          `SELECT published_at FROM bus_message WHERE topic LIKE '%person' AND key = $1`,
          [nationalId],
        );
        if (rows[0]) timing.onBusAt = rows[0].published_at.getTime();
      }
      timings.push(timing);
      await new Promise((resolve) => setTimeout(resolve, settings.pauseMs));
    }
  } finally {
    await watcher.end();
  }
  return timings;
}
