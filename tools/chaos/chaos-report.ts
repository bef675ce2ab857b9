// What a fault-suite run leaves behind: <results>/<time>.json with every kill
// and every check, and the table the runner prints — per bus and target:
// kills, records acknowledged, lost, duplicated; per bus: dead letters,
// reactions duplicated or missing, and the audit chain's verdict.
import fs from 'node:fs';
import path from 'node:path';
import type { PublisherStats } from './chaos-publisher.ts';
import type { Verdict } from './ledger.ts';
import type { BusKind, ChaosOptions, Target } from './options.ts';

export interface KillRecord {
  target: Target;
  round: number;
  /** From the kill until every app answered healthy again. */
  recoverySeconds: number;
  recovered: boolean;
  /** Apps still unhealthy when the recovery time ran out. */
  unhealthy: string[];
  /** Open dead letters in the store once the read model caught up (undefined: could not be read). */
  deadLetters?: number;
  /** Until the read model held everything acknowledged before the kill; undefined if it never did. */
  catchUpSeconds?: number;
}

export interface TargetRow {
  target: Target | 'all';
  kills: number;
  acknowledged: number;
  lost: number;
  duplicated: number;
  /** The slowest recovery of this target, in seconds. */
  maxRecoverySeconds?: number;
  unrecovered: number;
}

export interface Stalled {
  /** Acknowledged records not in the read model when the wait ran out. */
  missing: number;
  /** Messages consumer groups had not read then (-1: not counted while records were missing). */
  lag: number;
  /** Seconds into a second wait when everything had arrived; undefined: still stuck after it. */
  caughtUpAfterSeconds?: number;
}

export interface BusResult {
  bus: BusKind;
  rows: TargetRow[];
  kills: KillRecord[];
  /** Read model complete and every group caught up after the publisher stopped. */
  quiescent: boolean;
  /** When not: what was missing when the wait ran out, and whether it came in a second wait. */
  stalled?: Stalled;
  verdict?: Verdict;
  publisher: PublisherStats;
  /** Deaths acknowledged: each must set off the reactions of interior, transport and tax. */
  deaths: number;
  /** Exits of apps nobody killed (e.g. when PostgreSQL went away), per app. */
  unplannedExits: Record<string, number>;
  /** Set when the run on this bus could not be completed. */
  error?: string;
}

export interface ChaosResults {
  startedAt: string;
  finishedAt: string;
  command: string;
  options: ChaosOptions;
  buses: BusResult[];
  passed: boolean;
}

/** True when nothing was lost, duplicated, dead-lettered or left unverified. */
export function busPassed(result: BusResult): boolean {
  const v = result.verdict;
  return (
    !result.error &&
    result.quiescent &&
    v !== undefined &&
    v.lost === 0 &&
    v.duplicated === 0 &&
    v.reactionsDuplicated === 0 &&
    v.reactionsMissing === 0 &&
    v.deadLetters === 0 &&
    v.auditVerify === 0 &&
    result.kills.every((kill) => kill.recovered)
  );
}

export function writeResults(results: ChaosResults): string {
  fs.mkdirSync(results.options.resultsDir, { recursive: true });
  const file = path.join(
    results.options.resultsDir,
    `${results.startedAt.replaceAll(':', '-').replace(/\.\d+Z$/, 'Z')}.json`,
  );
  // Only counts, timings and event ids: no record ids (they can hold national ids) and no payloads.
  const { buses, ...rest } = results;
  const stripped = buses.map((bus) => {
    if (!bus.verdict) return bus;
    const { lostAcks: _lost, duplicatedAcks: _duplicated, ...verdict } = bus.verdict;
    return { ...bus, verdict };
  });
  fs.writeFileSync(file, `${JSON.stringify({ ...rest, buses: stripped }, null, 2)}\n`);
  return file;
}

export function renderTable(results: ChaosResults): string {
  const header = [
    'bus',
    'target',
    'kills',
    'acknowledged',
    'lost',
    'duplicated',
    'max recovery',
    'dead letters',
    'reactions dup.',
    'reactions missing',
    'audit verify',
  ];
  const lines: string[][] = [];
  for (const bus of results.buses) {
    const v = bus.verdict;
    for (const row of bus.rows) {
      const total = row.target === 'all';
      lines.push([
        bus.bus,
        row.target,
        String(row.kills),
        String(row.acknowledged),
        v ? String(row.lost) : '?',
        v ? String(row.duplicated) : '?',
        row.maxRecoverySeconds === undefined
          ? '-'
          : `${row.maxRecoverySeconds.toFixed(1)} s${row.unrecovered > 0 ? ` (${row.unrecovered} not)` : ''}`,
        total ? (v ? String(v.deadLetters) : '?') : '',
        total ? (v ? String(v.reactionsDuplicated) : '?') : '',
        total ? (v ? String(v.reactionsMissing) : '?') : '',
        total ? (v ? auditText(v.auditVerify) : '?') : '',
      ]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i]!.length)));
  const format = (cells: string[]): string =>
    `| ${cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ')} |`;
  const table = [
    format(header),
    `|${widths.map((w, i) => (i < 2 ? `${'-'.repeat(w + 2)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
    ...lines.map(format),
  ];
  const notes: string[] = [];
  for (const bus of results.buses) {
    if (bus.error) notes.push(`${bus.bus}: not completed: ${bus.error}`);
    if (!bus.quiescent) notes.push(`${bus.bus}: ${stalledText(bus.stalled)}`);
    if (bus.verdict)
      notes.push(
        `${bus.bus}: ${bus.deaths} deaths acknowledged and their consequences checked; ` +
          `${bus.publisher.retries} resends of ${bus.publisher.requests} requests; ` +
          `${bus.publisher.conflicts} records refused as versions a reaction kept first`,
      );
    const crashes = Object.entries(bus.unplannedExits).filter(([, n]) => n > 0);
    if (crashes.length > 0)
      notes.push(
        `${bus.bus}: apps that exited without being killed (restarted): ${crashes.map(([app, n]) => `${app} ${n}`).join(', ')}`,
      );
    for (const [problem, list] of Object.entries(bus.verdict?.examples ?? {}))
      notes.push(`${bus.bus}: ${problem}: ${list.join('; ')}`);
  }
  return [...table, ...notes.map((note) => `- ${note}`)].join('\n');
}

function auditText(code: number | null): string {
  if (code === 0) return 'ok';
  return code === null ? 'not run' : `exit ${code}`;
}

function stalledText(stalled: Stalled | undefined): string {
  if (!stalled) return 'the read model did not catch up in time';
  const then =
    `the read model did not catch up in time (${stalled.missing} acknowledged records missing, ` +
    `consumer lag ${stalled.lag < 0 ? 'not counted' : stalled.lag})`;
  return stalled.caughtUpAfterSeconds === undefined
    ? `${then}, and was still behind after a second wait as long: stuck`
    : `${then}: late, it caught up ${stalled.caughtUpAfterSeconds} s into a second wait`;
}
