// What a run leaves behind: bench/results/<timestamp>.json with every
// measurement and the machine it ran on, and bench/results/latest.md with
// the same as markdown tables, which the runner also prints.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { flowTargets, ratioCheck } from './flow-targets.ts';
import type { BenchOptions } from './options.ts';
import { shortCount } from './options.ts';
import type { Measurement } from './scenario.ts';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  postgres: string;
}

export interface PopulationInfo {
  citizens: number;
  records: number;
  relatedLinks: number;
  seedSeconds: number;
  databaseGb: number;
}

export interface TargetCheck {
  target: string;
  actual: string;
  /** Subject over control, for a target stated as a ratio. */
  ratio?: number;
  /** Undefined on a quick run: its figures mean nothing. */
  met: boolean | undefined;
}

export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  command: string;
  commit?: string;
  options: BenchOptions;
  machine: MachineInfo;
  populations: PopulationInfo[];
  measurements: Measurement[];
  targets: TargetCheck[];
  /** Anything else a scenario recorded: the lookup query, profile summaries … */
  details: Record<string, unknown>;
}

export function machineInfo(postgres: string): MachineInfo {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgres,
  };
}

export function currentCommit(root: string): string | undefined {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root })
      .toString()
      .trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd: root,
    })
      .toString()
      .trim();
    return dirty ? `${commit} (with uncommitted changes)` : commit;
  } catch {
    return undefined;
  }
}

/** Writes <resultsDir>/<timestamp>.json and latest.md; returns the markdown. */
export function writeResults(results: BenchResults): { json: string; markdown: string } {
  fs.mkdirSync(results.options.resultsDir, { recursive: true });
  const stamp = results.startedAt.replaceAll(':', '-').replace(/\.\d+Z$/, 'Z');
  const json = path.join(results.options.resultsDir, `${stamp}.json`);
  fs.writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
  const markdown = renderMarkdown(results);
  fs.writeFileSync(path.join(results.options.resultsDir, 'latest.md'), markdown);
  return { json, markdown };
}

const number = (value: number | undefined, digits = 0): string =>
  value === undefined || Number.isNaN(value)
    ? ''
    : value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function renderMarkdown(results: BenchResults): string {
  const m = results.machine;
  const lines = [
    `# Spean benchmark — ${results.startedAt}`,
    '',
    `\`${results.command}\`${results.commit ? ` at ${results.commit}` : ''}` +
      `${results.options.quick ? ' — **quick run: sizes and durations too small to mean anything**' : ''}`,
    '',
    `Machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGb} GB RAM, ${m.os}; Node ${m.node}; ` +
      `PostgreSQL ${m.postgres}. Each load point: ${results.options.warmupSeconds} s warm-up, ` +
      `${results.options.durationSeconds} s measured, closed loop.` +
      (results.options.rounds > 1
        ? ` Lookup and ingest: ${results.options.rounds} rounds, each subject and control in turn; ` +
          'their figures are the medians of the rounds.'
        : ''),
    '',
    measurementTable(results.measurements),
  ];
  if (results.populations.length > 0) {
    lines.push(
      '',
      '| Population | Records | Related links | Seeded in | Database size |',
      '|---|---:|---:|---:|---:|',
      ...results.populations.map(
        (p) =>
          `| ${shortCount(p.citizens)} citizens | ${number(p.records)} | ${number(p.relatedLinks)} | ` +
          `${number(p.seedSeconds, 1)} s | ${number(p.databaseGb, 2)} GB |`,
      ),
    );
  }
  if (results.targets.length > 0) {
    lines.push(
      '',
      '| Target | Measured | Met |',
      '|---|---|---|',
      ...results.targets.map(
        (t) =>
          `| ${t.target} | ${t.actual} | ${t.met === undefined ? 'n/a' : t.met ? 'yes' : '**no**'} |`,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

export function measurementTable(measurements: readonly Measurement[]): string {
  const rows = measurements.map(
    (r) =>
      `| ${r.scenario} | ${r.subject} | ${r.setting} | ` +
      `${r.throughput === undefined ? '' : `${number(r.throughput)} ${r.unit ?? ''}`.trim()} | ` +
      `${number(r.p50Ms, 2)} | ${number(r.p99Ms, 2)} | ${number(r.rssMb)} | ${r.cpuPercent === undefined && r.postgresCpuPercent === undefined ? '' : cpuTriple(r)} | ` +
      `${spreadOfRounds(r)} | ` +
      `${[r.errors ? `${number(r.errors)} of ${number(r.operations)} failed` : '', r.note ?? '']
        .filter(Boolean)
        .join('; ')} |`,
  );
  return [
    '| Scenario | Subject | Setting | Throughput | p50 ms | p99 ms | RSS MB | CPU % subject / pg / load / other | Rounds: min–max | Note |',
    '|---|---|---|---:|---:|---:|---:|---:|---|---|',
    ...rows,
  ].join('\n');
}

/**
 * "3: 1,150–1,300, p99 2.10–2.80 ms": for a row measured in rounds (whose
 * figures are medians), how many rounds and the spread between them.
 */
export function spreadOfRounds(r: Measurement): string {
  const rounds = r.rounds;
  if (!rounds || rounds.of <= 1) return '';
  const range = (values: number[] | undefined, digits: number): string | undefined =>
    values && values.length > 0
      ? `${number(Math.min(...values), digits)}–${number(Math.max(...values), digits)}`
      : undefined;
  const throughput = range(rounds.throughput, 0);
  const p99 = range(rounds.p99Ms, 2);
  return [
    rounds.measured === rounds.of ? `${rounds.of}` : `${rounds.measured} of ${rounds.of}`,
    [throughput, p99 === undefined ? undefined : `p99 ${p99} ms`].filter(Boolean).join(', '),
  ]
    .filter(Boolean)
    .join(': ');
}

/** "89 / 95 / 15 / 3": CPU % of the subject, PostgreSQL, the load generator and everything else. */
export function cpuTriple(r: {
  cpuPercent?: number;
  postgresCpuPercent?: number;
  loadCpuPercent?: number;
  otherCpuPercent?: number;
}): string {
  const n = (value: number | undefined): string =>
    value === undefined || Number.isNaN(value) ? '–' : String(Math.round(value));
  return [r.cpuPercent, r.postgresCpuPercent, r.loadCpuPercent, r.otherCpuPercent]
    .map(n)
    .join(' / ');
}

/** The full audited lookup's targets, judged at this concurrency against controls of the same run. */
export const TARGET_CONCURRENCY = 64;
/** Spean's lookups/s at least this share of the bare endpoint's, its p99 at most this multiple of the bare endpoint's. */
const BARE_THROUGHPUT_RATIO = 0.6;
const BARE_P99_RATIO = 2;
/** Spean's lookups/s at least this multiple of PostGraphile's. */
const POSTGRAPHILE_RATIO = 2;

/**
 * The performance targets, each a ratio against a control measured in the
 * same run (medians of its rounds) or a latency bound: the lookup's at
 * c=64 here, the ingest's, the initial load's and the propagation's in
 * flow-targets.ts. A target whose rows the run did not measure is left out;
 * a quick run states them all and judges none.
 */
export function checkTargets(measurements: readonly Measurement[], quick: boolean): TargetCheck[] {
  const at = (subject: string): Measurement | undefined =>
    measurements.find(
      (r) =>
        r.scenario === 'lookup' &&
        r.subject === subject &&
        r.concurrency === TARGET_CONCURRENCY &&
        r.throughput !== undefined &&
        !r.note?.startsWith('failed'),
    );
  const spean = at(SUBJECTS.auditOn);
  const perSecond = (value: number): string => `${number(value)}/s`;
  const ms = (value: number): string => `${number(value, 1)} ms`;
  const lookups = {
    value: (row: Measurement) => row.throughput,
    show: perSecond,
    unit: 'lookups/s',
  };
  const p99 = { value: (row: Measurement) => row.p99Ms, show: ms, unit: 'p99' };
  // Spean's figure over the control's, and the bound the ratio must keep.
  const table: Array<{
    control: string;
    name: string;
    its: string;
    unit: string;
    value: (row: Measurement) => number | undefined;
    show: (value: number) => string;
    atLeast?: number;
    atMost?: number;
  }> = [
    {
      control: SUBJECTS.bare,
      name: 'bare',
      its: 'the bare endpoint’s',
      ...lookups,
      atLeast: BARE_THROUGHPUT_RATIO,
    },
    {
      control: SUBJECTS.bare,
      name: 'bare',
      its: 'the bare endpoint’s',
      ...p99,
      atMost: BARE_P99_RATIO,
    },
    {
      control: SUBJECTS.postgraphile,
      name: 'PostGraphile',
      its: 'PostGraphile’s',
      ...lookups,
      atLeast: POSTGRAPHILE_RATIO,
    },
  ];
  const checks: Array<TargetCheck | undefined> = [];
  for (const { control, name, its, unit, atLeast, atMost, value, show } of table) {
    const controlRow = at(control);
    if (!spean || !controlRow) continue;
    const bound = atLeast === undefined ? `≤ ${atMost}×` : `≥ ${atLeast}×`;
    checks.push(
      ratioCheck({
        target: `full audited lookup, c=${TARGET_CONCURRENCY}: ${unit} ${bound} ${its}`,
        subject: spean,
        control: controlRow,
        value,
        show,
        names: ['Spean', name],
        ...(atLeast === undefined ? { atMost } : { atLeast }),
        quick,
      }),
    );
  }
  return [
    ...checks.filter((check): check is TargetCheck => check !== undefined),
    ...flowTargets(measurements, quick),
  ];
}

/** Subject names shared by the scenarios and the target checks. */
export const SUBJECTS = {
  auditOn: 'spean (audit on)',
  auditOff: 'spean (audit off)',
  /** The audited gateway with GRAPHQL_COMPILED_LOOKUPS=false: every lookup through Apollo. */
  apolloPath: 'spean (Apollo path)',
  bare: 'bare endpoint',
  postgraphile: 'postgraphile',
  rawSelect: 'raw select',
} as const;
