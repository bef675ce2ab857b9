// Scenario "ingest": canonical records per second from the adapters' intake
// (POST /v1/records, as ministry systems send them) through the bus into the
// gateway's read model, on the embedded bus and on Kafka — the gateway and the
// five adapters each in their own process, on a fresh database. Beside it, on
// the same broker and the same bytes: raw produce-then-consume with
// @platformatic/kafka and with kafkajs; and on the same PostgreSQL, the same
// rows loaded by COPY and by the read model's own SQL. From the end-to-end
// rate it projects a national backfill of 17 million persons. While it runs it
// samples the resident memory of the gateway and every adapter: the memory
// scenario's "under ingest load" rows come from here.
import fs from 'node:fs';
import path from 'node:path';
import { fromDist } from '../harness/dist.ts';
import {
  profileMarkdown,
  summariseCpuProfile,
  type ProfileSummary,
  type SelfTime,
} from '../harness/cpu-profile.ts';
import { INGEST_SETTINGS, INGEST_SUBJECTS, NATIONAL_PERSONS } from '../harness/flow-targets.ts';
import { KafkaUnavailableError, type KafkaBroker } from '../harness/kafka.ts';
import { shortCount } from '../harness/options.ts';
import {
  cpuColumns,
  ProcessSampler,
  type ProcessSample,
  type SampledProcess,
} from '../harness/process-sampler.ts';
import { waitForReadModel } from '../harness/read-model-watch.ts';
import { combineRounds, interleave } from '../harness/rounds.ts';
import type { BenchContext, Measurement, Scenario } from '../harness/scenario.ts';
import { ADAPTER_NAMES } from '../harness/servers.ts';
import { startSystem, type BusKind, type RunningSystem } from '../harness/system.ts';
import { canonicalMessages, type RawKafkaResult } from '../baselines/kafka-messages.ts';
import { kafkajsProduceConsume } from '../baselines/kafka-kafkajs.ts';
import { platformaticProduceConsume } from '../baselines/kafka-platformatic.ts';
import { copyLoad, readModelSqlLoad, readRecords } from '../baselines/postgres-bulk-load.ts';

const SEED = 1;
/** Requests in flight at once across the five adapters (the seed tool's default). */
const INTAKE_CONCURRENCY = 8;
/** Citizens per generated batch: each request is one adapter's share of a batch. */
const INTAKE_BATCH = 500;
/** Most messages the raw Kafka baselines hold in memory at once. */
const RAW_MESSAGE_LIMIT = 1_000_000;

/** Citizens the ingest sends: --ingest-citizens, else 200k (quick: 1k). */
export function ingestCitizens(context: BenchContext): number {
  return context.options.ingestCitizens ?? (context.options.quick ? 1_000 : 200_000);
}

export const ingestScenario: Scenario = {
  name: 'ingest',
  description:
    'records/s from adapter intake through the bus into the read model (embedded bus, Kafka), beside raw Kafka clients and a raw PostgreSQL load',
  async run(context) {
    const citizens = ingestCitizens(context);
    let broker: KafkaBroker | undefined;
    let noKafka: string | undefined;
    try {
      broker = await context.kafka.broker();
    } catch (error) {
      if (!(error instanceof KafkaUnavailableError)) throw error;
      noKafka = `${context.options.quick ? 'skipped' : 'failed'}: ${error.message}`;
      context.log(`ingest: ${noKafka}`);
    }
    const onKafka = (
      subject: string,
      measure: (broker: KafkaBroker, round: number) => Promise<Measurement[]>,
    ): IngestSubject => ({
      subject,
      measure: (round) =>
        broker
          ? measure(broker, round)
          : Promise.resolve([{ scenario: 'ingest', subject, setting: '', note: noKafka }]),
    });
    // Each round runs every subject once, on a fresh database and fresh topics.
    const subjects: IngestSubject[] = [
      {
        subject: INGEST_SUBJECTS.spean('embedded'),
        measure: (round) => ingestThrough(context, 'embedded', citizens, round),
      },
      onKafka(INGEST_SUBJECTS.spean('kafka'), (broker, round) =>
        ingestThrough(context, 'kafka', citizens, round, broker),
      ),
      onKafka(INGEST_SUBJECTS.platformatic, (broker) =>
        rawKafka(context, broker, citizens, INGEST_SUBJECTS.platformatic),
      ),
      onKafka(INGEST_SUBJECTS.kafkajs, (broker) =>
        rawKafka(context, broker, citizens, INGEST_SUBJECTS.kafkajs),
      ),
      {
        subject: INGEST_SUBJECTS.copy,
        measure: (round) => rawPostgres(context, citizens, INGEST_SUBJECTS.copy, round),
      },
      {
        subject: INGEST_SUBJECTS.readModelSql,
        measure: (round) => rawPostgres(context, citizens, INGEST_SUBJECTS.readModelSql, round),
      },
    ];
    const { rounds } = context.options;
    const perRound = await interleave(rounds, subjects, ({ subject, measure }, round) => {
      if (rounds > 1) context.log(`ingest: round ${round} of ${rounds}, ${subject}`);
      return measure(round);
    });
    const combined = combineRounds(perRound.map((rows) => rows.flat()));
    // The memory scenario's "under ingest load" rows, after the ingest's own.
    return [
      ...combined.filter((row) => row.scenario !== 'memory'),
      ...combined.filter((row) => row.scenario === 'memory'),
    ];
  },
};

interface IngestSubject {
  subject: string;
  measure(round: number): Promise<Measurement[]>;
}

/** Round 1's database keeps its name; later rounds' get the round's number. */
const inRound = (label: string, round: number): string =>
  round === 1 ? label : `${label}_r${round}`;

async function ingestThrough(
  context: BenchContext,
  bus: BusKind,
  citizens: number,
  round: number,
  broker?: KafkaBroker,
): Promise<Measurement[]> {
  const subject = INGEST_SUBJECTS.spean(bus);
  // Profiled in the first round only.
  const profileDir =
    context.options.profile && bus === 'kafka' && round === 1
      ? path.join(context.options.resultsDir, 'profiles')
      : undefined;
  if (profileDir) fs.mkdirSync(profileDir, { recursive: true });
  let system: RunningSystem | undefined;
  const spawned = performance.now();
  try {
    system = await startSystem(context, {
      bus,
      label: inRound('ingest', round),
      ...(broker ? { kafka: { broker, namespace: context.kafka.namespace('ingest') } } : {}),
      ...(profileDir ? { cpuProfileDir: profileDir } : {}),
    });
    const processes: SampledProcess[] = system.processes().map((server) => ({
      name: server.kind,
      rssBytes: server.rssBytes,
      cpuSeconds: server.cpuSeconds,
    }));
    if (broker)
      processes.push({ name: 'kafka', rssBytes: broker.rssBytes, cpuSeconds: broker.cpuSeconds });
    const sampler = new ProcessSampler(processes, () => context.postgresCpuSeconds());
    context.log(`ingest: ${shortCount(citizens)} citizens through the adapters, ${bus} bus …`);
    const profileSkipMs = performance.now() - spawned;
    const { records, seconds, intakeSeconds } = await sendAndApply(context, system, citizens, {
      onStart: () => sampler.start(),
    });
    const sample = sampler.stop();
    const rows = ingestRows({
      subject,
      citizens,
      records,
      seconds,
      intakeSeconds,
      sample,
      broker,
    });
    rows.push(...memoryRows(bus, sample));
    const { database } = system;
    await system.stop();
    system = undefined;
    await context.dropDatabase(database);
    if (profileDir) summariseProfiles(context, profileDir, profileSkipMs);
    return rows;
  } catch (error) {
    const reason = (error as Error).message.split('\n').slice(0, 3).join(' ');
    context.log(`ingest: ${subject} failed: ${reason}`);
    return [
      { scenario: 'ingest', subject, setting: INGEST_SETTINGS.endToEnd, note: `failed: ${reason}` },
    ];
  } finally {
    await system?.stop();
  }
}

export interface IngestRun {
  /** Records accepted at intake, all of them applied in the read model. */
  records: number;
  /** First POST to the last record applied in the read model. */
  seconds: number;
  /** First POST to the last 202. */
  intakeSeconds: number;
}

/**
 * Sends `citizens` synthetic citizens through the system's adapters' intake
 * (as ministry systems do) and waits until the gateway's read model holds
 * every record: the end-to-end ingest every ingest row measures.
 */
export async function sendAndApply(
  context: BenchContext,
  system: RunningSystem,
  citizens: number,
  hooks: { onStart?: () => void } = {},
): Promise<IngestRun> {
  const { seedPopulation } = await fromDist<typeof import('../../tools/seed.ts')>('tools/seed.js');
  const startedAt = Date.now();
  const started = performance.now();
  hooks.onStart?.();
  const sent = await seedPopulation({
    citizens,
    seed: SEED,
    adapters: system.endpoints,
    concurrency: INTAKE_CONCURRENCY,
    batchSize: INTAKE_BATCH,
  });
  const intakeSeconds = (performance.now() - started) / 1000;
  context.log(
    `  intake done: ${sent.records.toLocaleString('en')} records accepted in ${intakeSeconds.toFixed(1)} s; waiting for the read model …`,
  );
  const complete = await waitForReadModel(system.database.appUrl, sent.records, {
    intervalMs: 250,
    stallMs: 60_000,
  });
  const seconds = Math.max((complete.lastAppliedAt - startedAt) / 1000, intakeSeconds);
  context.log(
    `  read model complete after ${seconds.toFixed(1)} s: ${Math.round(sent.records / seconds).toLocaleString('en')} records/s end to end, ` +
      `${Math.round(sent.records / intakeSeconds).toLocaleString('en')} records/s at intake`,
  );
  return { records: sent.records, seconds, intakeSeconds };
}

function ingestRows(input: {
  subject: string;
  citizens: number;
  records: number;
  seconds: number;
  intakeSeconds: number;
  sample: ProcessSample;
  broker: KafkaBroker | undefined;
}): Measurement[] {
  const { subject, citizens, records, seconds, intakeSeconds, sample } = input;
  const cpu = sample.cpuPercent;
  const adapters = ADAPTER_NAMES.reduce((sum, name) => sum + (cpu[name] ?? 0), 0);
  const kafka = cpu.kafka;
  const cpuNote =
    `CPU % of one core: gateway ${pct(cpu.gateway)}, adapters ${pct(adapters)} ` +
    `(${ADAPTER_NAMES.map((name) => `${name} ${pct(cpu[name])}`).join(', ')})` +
    (kafka === undefined ? '' : `, Kafka broker ${pct(kafka)}`);
  const personsPerSecond = citizens / seconds;
  const recordsPerPerson = records / citizens;
  const projectedMinutes = NATIONAL_PERSONS / personsPerSecond / 60;
  const common = { scenario: 'ingest', subject, citizens, unit: 'records/s' } as const;
  return [
    {
      ...common,
      setting: `${INGEST_SETTINGS.endToEnd}, ${shortCount(citizens)} citizens, ${records.toLocaleString('en')} records`,
      throughput: records / seconds,
      operations: records,
      rssMb: sample.peakRssMb.gateway,
      ...cpuColumns(sample, ['gateway', ...ADAPTER_NAMES]),
      note:
        `first POST to the last record applied in the read model: ${seconds.toFixed(1)} s; ` +
        `the subject's CPU is the gateway and the five adapters; ${cpuNote}`,
    },
    {
      ...common,
      setting: `${INGEST_SETTINGS.intake} (first POST to the last 202), ${shortCount(citizens)} citizens`,
      throughput: records / intakeSeconds,
      operations: records,
      note:
        `${intakeSeconds.toFixed(1)} s; the read model was complete ${(seconds - intakeSeconds).toFixed(1)} s after the last 202 ` +
        `(${INTAKE_CONCURRENCY} requests in flight, each one adapter's share of ${INTAKE_BATCH} citizens)`,
    },
    {
      ...common,
      setting: `${INGEST_SETTINGS.projection} (${NATIONAL_PERSONS / 1_000_000}M persons)`,
      throughput: personsPerSecond,
      unit: 'persons/s',
      note:
        `≈ ${projectedMinutes.toFixed(0)} min for ${NATIONAL_PERSONS / 1_000_000}M persons ` +
        `(${recordsPerPerson.toFixed(2)} records per person, ≈ ${Math.round((NATIONAL_PERSONS * recordsPerPerson) / 1e6)}M records) ` +
        `at the end-to-end rate measured on ${shortCount(citizens)} citizens; assumes that rate holds as the read model ` +
        `grows 17M/${shortCount(citizens)}-fold (its indexes deepen, less of them stays cached), on this machine, one process per app`,
    },
  ];
}

function memoryRows(bus: BusKind, sample: ProcessSample): Measurement[] {
  return (['gateway', ...ADAPTER_NAMES] as const).map((name) => ({
    scenario: 'memory',
    subject: name === 'gateway' ? 'gateway' : `${name} adapter`,
    setting: `under ingest load (peak, ${bus} bus)`,
    rssMb: sample.peakRssMb[name],
    cpuPercent: sample.cpuPercent[name],
  }));
}

/** The profiles each process wrote when it stopped, summarised into the results. */
function summariseProfiles(context: BenchContext, dir: string, skipMs: number): void {
  const summaries: Record<string, unknown> = {};
  for (const name of ['gateway', ...ADAPTER_NAMES]) {
    const file = path.join(dir, `${name}.cpuprofile`);
    if (!fs.existsSync(file)) continue;
    const ingestFile = path.join(dir, `ingest-kafka-${name}.cpuprofile`);
    fs.renameSync(file, ingestFile);
    const summary = busyOnly(summariseCpuProfile(ingestFile, skipMs, 60));
    summaries[name] = { file: path.relative(process.cwd(), ingestFile), ...summary };
    fs.writeFileSync(
      path.join(dir, `ingest-kafka-${name}.md`),
      `# ${name}: CPU during the Kafka ingest\n\n${profileMarkdown(summary)}\n`,
    );
    context.log(
      `ingest: ${name} profile, top self time: ${summary.functions
        .slice(0, 5)
        .map((f) => `${f.name} ${f.percent} %`)
        .join('; ')}`,
    );
  }
  context.detail('ingestProfiles', summaries);
}

async function rawKafka(
  context: BenchContext,
  broker: KafkaBroker,
  citizens: number,
  subject: typeof INGEST_SUBJECTS.platformatic | typeof INGEST_SUBJECTS.kafkajs,
): Promise<Measurement[]> {
  // Made again each round rather than held through the Spean runs between.
  const input = canonicalMessages(citizens, SEED, RAW_MESSAGE_LIMIT);
  const average = Math.round(input.bytes / input.messages.length);
  const kafkajs = subject === INGEST_SUBJECTS.kafkajs;
  const run = kafkajs ? kafkajsProduceConsume : platformaticProduceConsume;
  const setting = (what: string): string =>
    `${what}, ${input.messages.length.toLocaleString('en')} messages of ${average} B`;
  try {
    context.log(
      `ingest: ${subject}: produce then consume ${input.messages.length.toLocaleString('en')} messages …`,
    );
    const result: RawKafkaResult = await run(input, {
      brokers: broker.brokers,
      namespace: context.kafka.namespace(kafkajs ? 'kafkajs' : 'platformatic'),
      partitions: 6,
      concurrency: INTAKE_CONCURRENCY,
    });
    context.log(
      `  produce ${Math.round(result.messages / result.produceSeconds).toLocaleString('en')} msg/s, ` +
        `consume ${Math.round(result.messages / result.consumeSeconds).toLocaleString('en')} msg/s`,
    );
    const common = {
      scenario: 'ingest',
      subject,
      unit: 'records/s',
      citizens,
      operations: result.messages,
    };
    return [
      {
        ...common,
        setting: setting('produce (acks=all, idempotent)'),
        throughput: result.messages / result.produceSeconds,
        note: `${result.produceSeconds.toFixed(1)} s, ${INTAKE_CONCURRENCY} requests in flight${kafkajs ? ' (kafkajs sends one at a time per broker when idempotent)' : ''}`,
      },
      {
        ...common,
        setting: setting('consume (new group, from the earliest offset)'),
        throughput: result.messages / result.consumeSeconds,
        note: `${result.consumeSeconds.toFixed(1)} s from the first message to the last; joining the group took ${result.joinSeconds.toFixed(1)} s more`,
      },
      {
        ...common,
        setting: setting('produce then consume'),
        throughput: result.messages / (result.produceSeconds + result.consumeSeconds),
        note: 'the two above one after the other: the bus alone, with no intake, validation or read model',
      },
    ];
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    context.log(`ingest: ${subject} failed: ${reason}`);
    return [
      {
        scenario: 'ingest',
        subject,
        setting: setting('produce then consume'),
        note: `failed: ${reason}`,
      },
    ];
  }
}

async function rawPostgres(
  context: BenchContext,
  citizens: number,
  subject: typeof INGEST_SUBJECTS.copy | typeof INGEST_SUBJECTS.readModelSql,
  round: number,
): Promise<Measurement[]> {
  const records = readRecords(citizens, SEED);
  const [load, how, label] =
    subject === INGEST_SUBJECTS.copy
      ? ([copyLoad, 'COPY, one connection per table', 'ingest_copy'] as const)
      : ([
          readModelSqlLoad,
          'the gateway’s upsert, batches of 1,000 on one connection',
          'ingest_sql',
        ] as const);
  const setting = `${how}, ${records.length.toLocaleString('en')} records`;
  try {
    const database = await context.emptyDatabase(inRound(label, round));
    context.log(`ingest: ${subject}: ${records.length.toLocaleString('en')} records …`);
    const before = context.postgresCpuSeconds();
    const result = await load(database.appUrl, records);
    const after = context.postgresCpuSeconds();
    await context.dropDatabase(database);
    context.log(`  ${Math.round(result.records / result.seconds).toLocaleString('en')} records/s`);
    const rows: Measurement[] = [
      {
        scenario: 'ingest',
        subject,
        setting,
        citizens,
        throughput: result.records / result.seconds,
        unit: 'records/s',
        operations: result.records,
        postgresCpuPercent:
          before === undefined || after === undefined
            ? undefined
            : (100 * (after - before)) / result.seconds,
        note: `${result.seconds.toFixed(1)} s into an empty read model with its indexes, ${result.relatedLinks.toLocaleString('en')} related-subject links`,
      },
    ];
    // The floor a national backfill is judged against: the same persons by COPY.
    if (subject === INGEST_SUBJECTS.copy) {
      const personsPerSecond = citizens / result.seconds;
      rows.push({
        scenario: 'ingest',
        subject,
        setting: `${INGEST_SETTINGS.projection} (${NATIONAL_PERSONS / 1_000_000}M persons)`,
        citizens,
        throughput: personsPerSecond,
        unit: 'persons/s',
        note:
          `≈ ${(NATIONAL_PERSONS / personsPerSecond / 60).toFixed(0)} min for ${NATIONAL_PERSONS / 1_000_000}M persons ` +
          `at COPY's rate on ${shortCount(citizens)} citizens, under the same assumption as Spean's projection`,
      });
    }
    return rows;
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    context.log(`ingest: ${subject} failed: ${reason}`);
    return [{ scenario: 'ingest', subject, setting, note: `failed: ${reason}` }];
  }
}

/**
 * The profile without its idle time, percentages of the busy time: the
 * profiles run until the processes stop, well after the ingest, and the
 * adapters that receive little wait most of the time.
 */
function busyOnly(summary: ProfileSummary): ProfileSummary {
  const idle = (entry: SelfTime): boolean => entry.name.startsWith('(idle)');
  const idleMs = summary.functions.filter(idle).reduce((sum, entry) => sum + entry.selfMs, 0);
  const busyMs = summary.sampledMs - idleMs;
  const rescale = (list: SelfTime[], top: number): SelfTime[] =>
    list
      .filter((entry) => !idle(entry))
      .slice(0, top)
      .map((entry) => ({
        ...entry,
        percent: busyMs <= 0 ? 0 : Math.round((1000 * entry.selfMs) / busyMs) / 10,
      }));
  return {
    sampledMs: Math.round(busyMs),
    functions: rescale(summary.functions, 25),
    packages: rescale(summary.packages, 20),
  };
}

function pct(value: number | undefined): string {
  return value === undefined ? '–' : String(Math.round(value));
}
