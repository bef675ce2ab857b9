// Scenario "propagation": "tell us once", timed. Households are registered
// through the adapters — a person (interior), a vehicle (transport), a
// taxpayer registration (tax), a sole proprietorship (commerce) — then, while
// background ingest keeps transport, land, commerce and tax busy, a death is
// registered at the interior adapter for each, one every DEATH_INTERVAL_MS.
// For each death it measures, from the moment the death is sent: when the
// gateway's read model holds the death itself, when it shows the person as not
// alive (the interior adapter's own reaction), and when every subscribing
// adapter's consequence is there too (vehicle flagged, taxpayer closed,
// business flagged). The read model is polled in PostgreSQL every few
// milliseconds, all outstanding deaths in one query, not through GraphQL.
// Before any of that, while the system is idle, it times lone records from
// intake to the gateway (latency.scenario.ts, which also runs that alone).
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
import { measureLoneRecords } from './latency.scenario.ts';
import { PacedIngest, type PacedIngestResult } from '../harness/paced-ingest.ts';
import type { BenchContext, Measurement, Scenario } from '../harness/scenario.ts';
import { cpuColumns, ProcessSampler, type SampledProcess } from '../harness/process-sampler.ts';
import { ADAPTER_NAMES, type AdapterKind } from '../harness/servers.ts';
import { onEachBus, startSystem, type BusKind, type RunningSystem } from '../harness/system.ts';

const DEATH_INTERVAL_MS = 100;
const POLL_EVERY_MS = 5;
/** A death whose consequences are not all visible by then counts as failed. */
const DEATH_TIMEOUT_MS = 30_000;
const BACKGROUND_ADAPTERS: readonly AdapterKind[] = ['transport', 'land', 'commerce', 'tax'];
const DATE_OF_DEATH = '2026-11-20';

interface Settings {
  deaths: number;
  /** Deaths before the measured ones, not counted (JIT, pools, first subscriptions' batches). */
  warmup: number;
  backgroundRecordsPerSecond: number;
  backgroundWarmupMs: number;
}

function settingsFor(context: BenchContext): Settings {
  return context.options.quick
    ? { deaths: 10, warmup: 2, backgroundRecordsPerSecond: 200, backgroundWarmupMs: 1_000 }
    : { deaths: 200, warmup: 10, backgroundRecordsPerSecond: 2_000, backgroundWarmupMs: 5_000 };
}

export const propagationScenario: Scenario = {
  name: 'propagation',
  description:
    'a death registered at interior: time until the gateway shows it and every adapter’s reaction, p50/p99, under background ingest',
  run(context) {
    return onEachBus(context, 'propagation', '', (bus, broker) =>
      propagationOn(context, bus, broker),
    );
  },
};

interface Household {
  nationalId: string;
  plate: string;
  tin: string;
  business: string;
  deathRecordId: string;
}

/** Keys of the read-model records each death should change, and the state that shows it did. */
const CONSEQUENCES = [
  'person',
  'vehicle-registration',
  'taxpayer',
  'business-registration',
] as const;

interface Timing {
  sentAt: number;
  acceptedMs?: number;
  /** Milliseconds from sending, by record type (civil-event for the death itself). */
  seenMs: Map<string, number>;
}

async function propagationOn(
  context: BenchContext,
  bus: BusKind,
  broker?: KafkaBroker,
): Promise<Measurement[]> {
  const subject = INGEST_SUBJECTS.spean(bus);
  const settings = settingsFor(context);
  let system: RunningSystem | undefined;
  let background: PacedIngest | undefined;
  try {
    system = await startSystem(context, {
      bus,
      label: 'propagation',
      ...(broker ? { kafka: { broker, namespace: context.kafka.namespace('propagation') } } : {}),
    });
    // While the system is still idle: one record at a time, intake to gateway.
    const lone = await measureLoneRecords(context, system, 'propagation');
    const households = makeHouseholds(settings.warmup + settings.deaths);
    context.log(`propagation: registering ${households.length} households, ${bus} bus …`);
    await registerHouseholds(system, households);
    await waitForHouseholds(system.database.appUrl, households);

    background = new PacedIngest({
      endpoints: system.endpoints,
      adapters: BACKGROUND_ADAPTERS,
      recordsPerSecond: settings.backgroundRecordsPerSecond,
      seed: 2,
      startSerial: 0,
    });
    background.start();
    await new Promise((resolve) => setTimeout(resolve, settings.backgroundWarmupMs));
    context.log(
      `propagation: ${settings.warmup} + ${settings.deaths} deaths, one every ${DEATH_INTERVAL_MS} ms, ` +
        `background ingest ${settings.backgroundRecordsPerSecond.toLocaleString('en')} records/s …`,
    );
    const processes: SampledProcess[] = system.processes().map((server) => ({
      name: server.kind,
      rssBytes: server.rssBytes,
      cpuSeconds: server.cpuSeconds,
    }));
    if (broker)
      processes.push({ name: 'kafka', rssBytes: broker.rssBytes, cpuSeconds: broker.cpuSeconds });
    const sampler = new ProcessSampler(processes, () => context.postgresCpuSeconds());
    sampler.start();
    const timings = await registerDeaths(system, households);
    const sample = sampler.stop();
    const ingest = await background.stop();
    background = undefined;
    const measured = timings.slice(settings.warmup);
    const rows = propagationRows(subject, measured, ingest, settings).map((row) => ({
      ...row,
      rssMb: sample.peakRssMb.gateway,
      ...cpuColumns(sample, ['gateway', ...ADAPTER_NAMES]),
    }));
    for (const row of rows)
      context.log(
        `  ${row.setting}: p50 ${row.p50Ms?.toFixed(1)} ms, p99 ${row.p99Ms?.toFixed(1)} ms`,
      );
    return [...rows, ...lone];
  } catch (error) {
    const reason = (error as Error).message.split('\n').slice(0, 3).join(' ');
    context.log(`propagation: ${subject} failed: ${reason}`);
    return [
      {
        scenario: 'propagation',
        subject,
        setting: PROPAGATION_SETTINGS.everyReaction,
        note: `failed: ${reason}`,
      },
    ];
  } finally {
    await background?.stop();
    await system?.stop();
  }
}

function propagationRows(
  subject: string,
  timings: readonly Timing[],
  ingest: PacedIngestResult,
  settings: Settings,
): Measurement[] {
  const backgroundRate = ingest.records / ingest.seconds;
  const under =
    `${timings.length} deaths, 1 per ${DEATH_INTERVAL_MS} ms, background ingest ` +
    `${Math.round(backgroundRate).toLocaleString('en')} records/s`;
  const row = (
    setting: string,
    latency: (timing: Timing) => number | undefined,
    extra = '',
  ): Measurement => {
    const values = timings.map(latency);
    const done = values.filter((value): value is number => value !== undefined);
    const failed = values.length - done.length;
    return {
      scenario: 'propagation',
      subject,
      setting: `${setting} (${under})`,
      ...percentiles(done),
      operations: values.length,
      errors: failed,
      note: [
        failed > 0 ? `${failed} not complete within ${DEATH_TIMEOUT_MS / 1000} s` : '',
        ingest.failures > 0
          ? `${ingest.failures} background requests failed: ${ingest.firstFailure}`
          : '',
        extra,
      ]
        .filter(Boolean)
        .join('; '),
    };
  };
  const seen = (type: string) => (t: Timing) => t.seenMs.get(type);
  return [
    row(PROPAGATION_SETTINGS.intake, (t) => t.acceptedMs, 'validated, stored and on the bus'),
    row(
      PROPAGATION_SETTINGS.deathVisible,
      seen('civil-event'),
      'the civil-event record, straight from the bus',
    ),
    row(
      PROPAGATION_SETTINGS.personNotAlive,
      seen('person'),
      'the interior adapter’s reaction (person revised) through the bus',
    ),
    row(
      PROPAGATION_SETTINGS.everyReaction,
      (t) => {
        const all = CONSEQUENCES.map((type) => t.seenMs.get(type));
        return all.some((ms) => ms === undefined) ? undefined : Math.max(...(all as number[]));
      },
      `interior, transport, tax and commerce reactions all in the read model; ${settings.warmup} warm-up deaths not counted`,
    ),
  ].map((measurement) => (measurement.note ? measurement : { ...measurement, note: undefined }));
}

// ------------------------------------------------------------ households

/**
 * Citizens from the top of the national id range (the background population
 * starts at serial 0), with a plate, a TIN and a business number in forms the
 * population generator never issues.
 */
function makeHouseholds(count: number): Household[] {
  const ids = new VerhoeffNationalIdScheme();
  const run = Date.now() % 1_000_000;
  return Array.from({ length: count }, (_, i) => {
    const letters = String.fromCharCode(65 + (Math.floor(i / 26) % 26), 65 + (i % 26));
    return {
      nationalId: ids.fromSerial(ids.capacity - 1 - i),
      plate: `Bench 9${letters}-${String(Math.floor(i / 676)).padStart(4, '0')}`,
      tin: `Z999-${String(i).padStart(9, '0')}`,
      business: `BENCH-${run}-${i}`,
      deathRecordId: `CR-BENCH-${run}-${i}`,
    };
  });
}

async function registerHouseholds(
  system: RunningSystem,
  households: readonly Household[],
): Promise<void> {
  const person = fixture('person', 'adult-born-in-phnom-penh');
  const car = fixture('vehicle-registration', 'car-in-phnom-penh');
  const taxpayer = fixture('taxpayer', 'individual-active');
  const shop = fixture('business-registration', 'sole-proprietor-spice-shop');
  const batches: Record<'interior' | 'transport' | 'tax' | 'commerce', object[]> = {
    interior: households.map((h) =>
      canonicalRecord('person', `MOI-P-${h.nationalId}`, h.nationalId, {
        ...person,
        nationalId: h.nationalId,
      }),
    ),
    transport: households.map((h) =>
      canonicalRecord('vehicle-registration', h.plate, h.nationalId, {
        ...car,
        plateNumber: h.plate,
        owner: { nationalId: h.nationalId },
        ownerDeceased: false,
      }),
    ),
    tax: households.map((h) =>
      canonicalRecord('taxpayer', h.tin, h.nationalId, {
        ...taxpayer,
        tin: h.tin,
        nationalId: h.nationalId,
      }),
    ),
    commerce: households.map((h) =>
      canonicalRecord('business-registration', h.business, h.nationalId, {
        ...shop,
        registrationNumber: h.business,
        people: [{ nationalId: h.nationalId, roles: ['owner', 'director'] }],
        soleOwnerDeceased: false,
      }),
    ),
  };
  await Promise.all(
    Object.entries(batches).map(([adapter, records]) =>
      postRecords(system.endpoints[adapter as AdapterKind], records),
    ),
  );
}

async function waitForHouseholds(url: string, households: readonly Household[]): Promise<void> {
  const keys = households.flatMap((h) => [
    ['person', `MOI-P-${h.nationalId}`],
    ['vehicle-registration', h.plate],
    ['taxpayer', h.tin],
    ['business-registration', h.business],
  ]);
  const client = new pg.Client({ connectionString: url, application_name: 'spean-bench-watch' });
  await client.connect();
  try {
    const deadline = performance.now() + 60_000;
    for (;;) {
      const { rows } = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM read_record
         WHERE (record_type, record_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
        [keys.map((k) => k[0]), keys.map((k) => k[1])],
      );
      if (Number(rows[0]!.n) === keys.length) return;
      if (performance.now() > deadline)
        throw new Error(
          `only ${rows[0]!.n} of ${keys.length} household records reached the read model in 60 s`,
        );
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await client.end();
  }
}

// ------------------------------------------------------------ deaths

/**
 * Sends one death every DEATH_INTERVAL_MS while a single watcher polls the
 * read model for every death still outstanding; resolves when all are seen
 * complete or have timed out.
 */
async function registerDeaths(
  system: RunningSystem,
  households: readonly Household[],
): Promise<Timing[]> {
  const death = fixture('civil-event', 'death-in-kandal');
  const timings: Timing[] = households.map(() => ({ sentAt: 0, seenMs: new Map() }));
  const watched = new Map<string, { index: number; type: string }>();
  const keyOf = (type: string, id: string): string => `${type}\u0000${id}`;
  const watcher = new pg.Client({
    connectionString: system.database.appUrl,
    application_name: 'spean-bench-watch',
  });
  await watcher.connect();
  let sending = true;
  const watching = (async () => {
    while (sending || watched.size > 0) {
      if (watched.size > 0) {
        const keys = [...watched.keys()].map((key) => key.split('\u0000') as [string, string]);
        const { rows } = await watcher.query<{ record_type: string; record_id: string }>(
          `SELECT record_type, record_id FROM read_record
           WHERE (record_type, record_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))
             AND CASE record_type
                   WHEN 'civil-event' THEN true
                   WHEN 'person' THEN payload->>'alive' = 'false'
                   WHEN 'vehicle-registration' THEN payload->>'ownerDeceased' = 'true'
                   WHEN 'taxpayer' THEN payload->>'status' = 'closed'
                   WHEN 'business-registration' THEN payload->>'soleOwnerDeceased' = 'true'
                 END`,
          [keys.map((k) => k[0]), keys.map((k) => k[1])],
        );
        const now = performance.now();
        for (const row of rows) {
          const key = keyOf(row.record_type, row.record_id);
          const entry = watched.get(key);
          if (!entry) continue;
          const timing = timings[entry.index]!;
          timing.seenMs.set(entry.type, now - timing.sentAt);
          watched.delete(key);
        }
        for (const [key, entry] of watched)
          if (now - timings[entry.index]!.sentAt > DEATH_TIMEOUT_MS) watched.delete(key);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS));
    }
  })();

  const sends: Promise<void>[] = [];
  let refused: unknown;
  try {
    for (const [index, h] of households.entries()) {
      const payload = {
        ...death,
        subject: { nationalId: h.nationalId },
        date: DATE_OF_DEATH,
        registeredOn: '2026-11-21',
      };
      const timing = timings[index]!;
      timing.sentAt = performance.now();
      for (const [type, id] of [
        ['civil-event', h.deathRecordId],
        ['person', `MOI-P-${h.nationalId}`],
        ['vehicle-registration', h.plate],
        ['taxpayer', h.tin],
        ['business-registration', h.business],
      ] as const)
        watched.set(keyOf(type, id), { index, type });
      sends.push(
        postRecords(system.endpoints.interior, [
          canonicalRecord('civil-event', h.deathRecordId, h.nationalId, payload),
        ]).then(
          () => {
            timing.acceptedMs = performance.now() - timing.sentAt;
          },
          (error: unknown) => {
            refused ??= error;
          },
        ),
      );
      if (refused) throw refused;
      await new Promise((resolve) => setTimeout(resolve, DEATH_INTERVAL_MS));
    }
    await Promise.all(sends);
    if (refused) throw refused;
  } catch (error) {
    watched.clear();
    throw error;
  } finally {
    sending = false;
    // A failed poll fails the run: a death it missed must not pass for a slow one.
    await watching.finally(() => watcher.end());
  }
  return timings;
}
