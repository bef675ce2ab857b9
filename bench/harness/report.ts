// What a run leaves behind: bench/results/<timestamp>.json with every
// measurement and the machine it ran on, and bench/results/latest.md with
// the same as markdown tables, which the runner also prints.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { flowTargets } from './flow-targets.ts';
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
      `${results.options.durationSeconds} s measured, closed loop.`,
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
      `${[r.errors ? `${number(r.errors)} of ${number(r.operations)} failed` : '', r.note ?? '']
        .filter(Boolean)
        .join('; ')} |`,
  );
  return [
    '| Scenario | Subject | Setting | Throughput | p50 ms | p99 ms | RSS MB | CPU % subject / pg / load / other | Note |',
    '|---|---|---|---:|---:|---:|---:|---:|---|',
    ...rows,
  ].join('\n');
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

/** The issue's targets, checked against the lookup and memory rows at the highest concurrency. */
export function checkTargets(measurements: readonly Measurement[], quick: boolean): TargetCheck[] {
  const lookups = measurements.filter((r) => r.scenario === 'lookup');
  const top = Math.max(0, ...lookups.map((r) => r.concurrency ?? 0));
  const at = (subject: string): Measurement | undefined =>
    lookups.find((r) => r.subject === subject && r.concurrency === top && r.throughput);
  const spean = at(SUBJECTS.auditOn);
  const bare = at(SUBJECTS.bare);
  const postgraphile = at(SUBJECTS.postgraphile);
  const gatewayUnderLoad = measurements.find(
    (r) => r.scenario === 'memory' && r.subject === 'gateway' && r.setting.startsWith('under load'),
  );
  const judge = (met: boolean | undefined): boolean | undefined => (quick ? undefined : met);
  const checks: TargetCheck[] = [];
  if (spean) {
    checks.push(
      {
        target: `≥ 5,000 lookups/s at c=${top}, audit on`,
        actual: `${number(spean.throughput)} lookups/s`,
        met: judge(spean.throughput! >= 5_000),
      },
      {
        target: `p99 ≤ 25 ms at c=${top}, audit on`,
        actual: `${number(spean.p99Ms, 1)} ms`,
        met: judge(spean.p99Ms! <= 25),
      },
    );
    if (bare)
      checks.push({
        target: '≥ ½ the bare endpoint’s throughput',
        actual: `${number((100 * spean.throughput!) / bare.throughput!)} % of ${number(bare.throughput)}/s`,
        met: judge(spean.throughput! >= bare.throughput! / 2),
      });
    if (postgraphile)
      checks.push({
        target: '≥ 2× PostGraphile’s throughput',
        actual: `${number(spean.throughput! / postgraphile.throughput!, 2)}× of ${number(postgraphile.throughput)}/s`,
        met: judge(spean.throughput! >= 2 * postgraphile.throughput!),
      });
  }
  if (gatewayUnderLoad?.rssMb !== undefined)
    checks.push({
      target: 'gateway RSS ≤ 300 MB under load',
      actual: `${number(gatewayUnderLoad.rssMb)} MB`,
      met: judge(gatewayUnderLoad.rssMb <= 300),
    });
  checks.push(...flowTargets(measurements, quick));
  return checks;
}

/** Subject names shared by the scenarios and the target checks. */
export const SUBJECTS = {
  auditOn: 'spean (audit on)',
  auditOff: 'spean (audit off)',
  bare: 'bare endpoint',
  postgraphile: 'postgraphile',
  rawSelect: 'raw select',
} as const;
