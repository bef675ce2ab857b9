// Scenario "backfill": a ministry's initial load through `spean backfill`
// (NDJSON of canonical records, validated, signed, COPied into a staging
// table and merged into the adapters' stores, their outboxes and the read
// model, then sent on the embedded bus), one adapter after another, each its
// own CLI process as an operator runs it — beside the gateway and the five
// adapters running (their consumers see every record: the read model skips
// them by version, the reactions react). Beside it, in the same run and on the
// same PostgreSQL: the raw COPY of the same read-model rows into an empty read
// model, before and after the backfill. From both it projects the national
// backfill of 17 million persons.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generatePopulation, type PopulationBatch } from '#spean/population';
import { defaultSchemaCatalog } from '#spean/schema-registry';
import { copyFilesLoad, readRecordRow, relatedLinkRows } from '../baselines/postgres-bulk-load.ts';
import { profileMarkdown, summariseCpuProfile } from '../harness/cpu-profile.ts';
import { distPath } from '../harness/dist.ts';
import {
  BACKFILL_SUBJECT,
  INGEST_SETTINGS,
  INGEST_SUBJECTS,
  NATIONAL_PERSONS,
} from '../harness/flow-targets.ts';
import { shortCount } from '../harness/options.ts';
import type { BenchContext, Measurement, Scenario } from '../harness/scenario.ts';
import { ADAPTER_NAMES, type AdapterKind } from '../harness/servers.ts';
import { startSystem, type RunningSystem } from '../harness/system.ts';

const SEED = 1;

/** Citizens the backfill loads: --backfill-citizens, else 200k (quick: 1k). */
export function backfillCitizens(context: BenchContext): number {
  return context.options.backfillCitizens ?? (context.options.quick ? 1_000 : 200_000);
}

export const backfillScenario: Scenario = {
  name: 'backfill',
  description:
    'records/s of an initial load through spean backfill (COPY, merge, outbox, bus) beside a raw COPY of the same rows, projected to 17M persons',
  async run(context) {
    const citizens = backfillCitizens(context);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spean-bench-backfill-'));
    try {
      context.log(`backfill: writing ${shortCount(citizens)} citizens as NDJSON …`);
      const files = await writeFiles(dir, citizens);
      const copyBefore = await copyControl(context, files, 'backfill_copy_1');
      const backfill = await backfillRun(context, files);
      const copyAfter = await copyControl(context, files, 'backfill_copy_2');
      return rows(citizens, files.records, backfill, [copyBefore, copyAfter]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

interface Files {
  ndjson: Record<AdapterKind, string>;
  /** The same records as read-model rows and links, in COPY text: the control's input. */
  copy: { records: string; links: string };
  records: number;
  bytes: number;
}

/** The population, streamed to disk: one NDJSON file per adapter, and the control's COPY text. */
async function writeFiles(dir: string, citizens: number): Promise<Files> {
  const catalog = defaultSchemaCatalog();
  const ndjson = Object.fromEntries(
    ADAPTER_NAMES.map((name) => [name, path.join(dir, `${name}.ndjson`)]),
  ) as Record<AdapterKind, string>;
  const out = Object.fromEntries(
    ADAPTER_NAMES.map((name) => [name, fs.createWriteStream(ndjson[name])]),
  ) as Record<AdapterKind, fs.WriteStream>;
  const copy = { records: path.join(dir, 'records.copy'), links: path.join(dir, 'links.copy') };
  const records = fs.createWriteStream(copy.records);
  const links = fs.createWriteStream(copy.links);
  const write = async (stream: fs.WriteStream, text: string): Promise<void> => {
    if (text && !stream.write(text)) await once(stream, 'drain');
  };
  let count = 0;
  for (const batch of generatePopulation({ citizens, seed: SEED, batchSize: 1000 })) {
    for (const source of ADAPTER_NAMES) {
      let lines = '';
      let rows = '';
      let related = '';
      for (const record of batch[source] as PopulationBatch[AdapterKind]) {
        const eventId = randomUUID();
        lines += `${JSON.stringify({ ...record, op: 'upsert', eventId })}\n`;
        const subjects =
          catalog.get(record.recordType, record.schemaVersion)?.relatedSubjects(record.payload) ??
          [];
        const read = {
          ...record,
          op: 'upsert' as const,
          source,
          eventId,
          relatedSubjects: subjects.filter((subject) => subject !== record.subjectId),
        };
        rows += readRecordRow(read);
        related += relatedLinkRows(read);
        count++;
      }
      await write(out[source], lines);
      await write(records, rows);
      await write(links, related);
    }
  }
  await Promise.all(
    [...Object.values(out), records, links].map(
      (stream) => new Promise<void>((resolve) => stream.end(() => resolve())),
    ),
  );
  const bytes = ADAPTER_NAMES.reduce((sum, name) => sum + fs.statSync(ndjson[name]).size, 0);
  return { ndjson, copy, records: count, bytes };
}

interface Timed {
  seconds: number;
  note?: string;
  failed?: string;
  postgresCpuPercent?: number;
}

async function copyControl(context: BenchContext, files: Files, label: string): Promise<Timed> {
  try {
    const database = await context.emptyDatabase(label);
    context.log(`backfill: raw COPY of the same ${files.records.toLocaleString('en')} rows …`);
    const before = context.postgresCpuSeconds();
    const { seconds } = await copyFilesLoad(database.appUrl, files.copy);
    const after = context.postgresCpuSeconds();
    context.log(`  ${Math.round(files.records / seconds).toLocaleString('en')} records/s`);
    return {
      seconds,
      postgresCpuPercent: cpu(before, after, seconds),
    };
  } catch (error) {
    return { seconds: NaN, failed: firstLine(error) };
  }
}

async function backfillRun(context: BenchContext, files: Files): Promise<Timed> {
  let system: RunningSystem | undefined;
  try {
    system = await startSystem(context, { bus: 'embedded', label: 'backfill' });
    context.log(
      `backfill: ${files.records.toLocaleString('en')} records through spean backfill, one adapter after another …`,
    );
    const before = context.postgresCpuSeconds();
    const started = performance.now();
    const perAdapter: string[] = [];
    // --profile: a V8 CPU profile of each CLI run, summarised on the log.
    let profileDir: string | undefined;
    if (context.options.profile) {
      fs.mkdirSync(context.options.resultsDir, { recursive: true });
      profileDir = fs.mkdtempSync(path.join(context.options.resultsDir, 'backfill-profile-'));
    }
    for (const name of ADAPTER_NAMES) {
      const began = performance.now();
      await runCli(system, name, files.ndjson[name], profileDir && path.join(profileDir, name));
      if (profileDir) logProfile(context, name, path.join(profileDir, name));
      perAdapter.push(`${name} ${((performance.now() - began) / 1000).toFixed(1)} s`);
    }
    const seconds = (performance.now() - started) / 1000;
    const after = context.postgresCpuSeconds();
    context.log(
      `  ${Math.round(files.records / seconds).toLocaleString('en')} records/s (${perAdapter.join(', ')})`,
    );
    return {
      seconds,
      note: perAdapter.join(', '),
      postgresCpuPercent: cpu(before, after, seconds),
    };
  } catch (error) {
    return { seconds: NaN, failed: firstLine(error) };
  } finally {
    await system?.stop();
  }
}

/** The CPU profile of one CLI run (in `dir`), on the log: where its main thread's time went. */
function logProfile(context: BenchContext, name: AdapterKind, dir: string): void {
  const file = fs.readdirSync(dir).find((each) => each.endsWith('.cpuprofile'));
  if (!file) return;
  context.log(`backfill ${name}: ${path.join(dir, file)}`);
  context.log(profileMarkdown(summariseCpuProfile(path.join(dir, file), 0, 15)));
}

/** `npm run spean -- backfill <adapter> <file>`, as an operator runs it on the adapter's host. */
async function runCli(
  system: RunningSystem,
  name: AdapterKind,
  file: string,
  cpuProfileDir?: string,
): Promise<void> {
  const profile = cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [];
  const child = spawn(
    process.execPath,
    [...profile, distPath('tools/spean.js'), 'backfill', name, file, '--as', 'bench'],
    {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? os.tmpdir(),
        DATABASE_URL: system.database.appUrl,
        DATABASE_MIGRATION_URL: system.database.migratorUrl,
        ADAPTER_SIGNING_KEY_FILE: system.signingKeyFile(name),
        DATA_DIR: path.dirname(file),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (bytes: Buffer) => (output += bytes.toString()));
  child.stderr.on('data', (bytes: Buffer) => (output = (output + bytes.toString()).slice(-4000)));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`spean backfill ${name} exited ${code}: ${output.trim()}`);
}

function rows(
  citizens: number,
  records: number,
  backfill: Timed,
  controls: Timed[],
): Measurement[] {
  const common = { scenario: 'backfill', citizens, unit: 'records/s' } as const;
  const measured = controls.filter((control) => !control.failed);
  const copySeconds =
    measured.length === 0
      ? NaN
      : measured.reduce((sum, control) => sum + control.seconds, 0) / measured.length;
  const settingOf = (how: string): string =>
    `${how}, ${shortCount(citizens)} citizens, ${records.toLocaleString('en')} records`;
  const projection = `${INGEST_SETTINGS.projection} (${NATIONAL_PERSONS / 1_000_000}M persons)`;
  const minutes = (seconds: number): number => NATIONAL_PERSONS / (citizens / seconds) / 60;
  const recordsAt17M = Math.round((NATIONAL_PERSONS * records) / citizens / 1e6);
  const out: Measurement[] = [];
  if (backfill.failed) {
    out.push({
      ...common,
      subject: BACKFILL_SUBJECT,
      setting: settingOf('NDJSON, one CLI run per adapter'),
      note: `failed: ${backfill.failed}`,
    });
  } else {
    const ratio = copySeconds / backfill.seconds;
    out.push(
      {
        ...common,
        subject: BACKFILL_SUBJECT,
        setting: settingOf('NDJSON, one CLI run per adapter'),
        throughput: records / backfill.seconds,
        operations: records,
        postgresCpuPercent: backfill.postgresCpuPercent,
        note:
          `${backfill.seconds.toFixed(1)} s (${backfill.note}): validated, signed, kept in the stores, outboxes and read model, ` +
          `on the embedded bus, with the gateway and adapters consuming; ` +
          (Number.isFinite(ratio)
            ? `${ratio.toFixed(2)}× the raw COPY's speed`
            : 'no COPY control'),
      },
      {
        scenario: 'backfill',
        subject: BACKFILL_SUBJECT,
        setting: projection,
        citizens,
        throughput: citizens / backfill.seconds,
        unit: 'persons/s',
        note:
          `≈ ${minutes(backfill.seconds).toFixed(0)} min for ${NATIONAL_PERSONS / 1_000_000}M persons (≈ ${recordsAt17M}M records) ` +
          `at the rate measured on ${shortCount(citizens)} citizens` +
          (Number.isFinite(copySeconds)
            ? `; the raw COPY of the same rows projects ≈ ${minutes(copySeconds).toFixed(0)} min`
            : '') +
          `; assumes the rate holds as the tables grow ${Math.round(NATIONAL_PERSONS / citizens)}-fold`,
      },
    );
  }
  controls.forEach((control, index) => {
    const when = index === 0 ? 'before' : 'after';
    out.push(
      control.failed
        ? {
            ...common,
            subject: INGEST_SUBJECTS.copy,
            setting: settingOf(`control, ${when} the backfill`),
            note: `failed: ${control.failed}`,
          }
        : {
            ...common,
            subject: INGEST_SUBJECTS.copy,
            setting: settingOf(`control, ${when} the backfill`),
            throughput: records / control.seconds,
            operations: records,
            postgresCpuPercent: control.postgresCpuPercent,
            note: `${control.seconds.toFixed(1)} s: the same read-model rows and links, COPY into an empty read model, one connection per table`,
          },
    );
  });
  if (Number.isFinite(copySeconds)) {
    out.push({
      scenario: 'backfill',
      subject: INGEST_SUBJECTS.copy,
      setting: projection,
      citizens,
      throughput: citizens / copySeconds,
      unit: 'persons/s',
      note: `≈ ${minutes(copySeconds).toFixed(0)} min for ${NATIONAL_PERSONS / 1_000_000}M persons: the mean of the two controls, the read model alone`,
    });
  }
  return out;
}

function cpu(before: number | undefined, after: number | undefined, seconds: number) {
  return before === undefined || after === undefined
    ? undefined
    : (100 * (after - before)) / seconds;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
