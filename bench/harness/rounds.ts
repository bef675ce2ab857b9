// Rounds: on a shared, noisy machine one measurement of a subject beside one
// of its control can differ by more than what is being compared (the audit-off
// gateway once measured slower than the audited one). So the lookup and ingest
// scenarios measure every subject and control in turn, round after round
// (subject, control, subject, control …), and each row reports the median of
// its rounds and their spread: what a comparison judges is medians taken over
// the same stretch of time.
import type { Measurement, RoundSpread } from './scenario.ts';

/** The median: the middle value, or the mean of the two middle ones. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('the median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Runs `measure` for every subject in turn, `rounds` times over: round 1 all, round 2 all … */
export async function interleave<S, R>(
  rounds: number,
  subjects: readonly S[],
  measure: (subject: S, round: number) => Promise<R>,
): Promise<R[][]> {
  const results: R[][] = [];
  for (let round = 1; round <= rounds; round++) {
    const these: R[] = [];
    for (const subject of subjects) these.push(await measure(subject, round));
    results.push(these);
  }
  return results;
}

const MEDIAN_FIELDS = [
  'throughput',
  'p50Ms',
  'p99Ms',
  'rssMb',
  'cpuPercent',
  'postgresCpuPercent',
  'loadCpuPercent',
  'otherCpuPercent',
] as const;

const SPREAD_FIELDS = ['throughput', 'p50Ms', 'p99Ms'] as const;

const keyOf = (row: Measurement): string => `${row.scenario}\n${row.subject}\n${row.setting}`;

/**
 * The rows of every round (`rounds[i]` holds round i + 1's rows), one row per
 * scenario, subject and setting, in the order they first appear: its
 * throughput, latencies, memory and CPU are the medians over the rounds that
 * measured it; operations and errors are summed; `rounds` keeps each round's
 * throughput and latencies. The other fields and the note are those of the
 * round nearest the median throughput (its note's own figures are that
 * round's). A row that failed in any round is reported failed; a failure
 * whose setting differs from the measured rows' (an ingest that stopped before
 * counting its records) stays a row of its own, beside theirs.
 */
export function combineRounds(rounds: readonly (readonly Measurement[])[]): Measurement[] {
  const groups = new Map<string, Measurement[]>();
  for (const rows of rounds)
    for (const row of rows) {
      const key = keyOf(row);
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
  return [...groups.values()].map((group) => combine(group, rounds.length));
}

function combine(group: readonly Measurement[], of: number): Measurement {
  const failed = group.find((row) => row.note?.startsWith('failed'));
  if (failed) return { ...failed, rounds: { measured: group.length, of } };
  if (group.length === 1) return { ...group[0]!, rounds: spreadOf(group, of) };
  const throughputs = group.map((row) => row.throughput);
  const middle = throughputs.every((t) => t !== undefined) ? median(throughputs) : undefined;
  const base =
    middle === undefined
      ? group[0]!
      : group.reduce((best, row) =>
          Math.abs(row.throughput! - middle) < Math.abs(best.throughput! - middle) ? row : best,
        );
  const combined: Measurement = { ...base };
  for (const field of MEDIAN_FIELDS) {
    const values = group.map((row) => row[field]);
    // A round that completed nothing has no latency (NaN): the median is of those that did.
    const finite = values.filter((value): value is number => Number.isFinite(value));
    if (values.every((value) => value !== undefined) && finite.length > 0)
      combined[field] = median(finite);
  }
  for (const field of ['operations', 'errors'] as const) {
    const values = group.map((row) => row[field]);
    if (values.some((value) => value !== undefined))
      combined[field] = values.reduce<number>((sum, value) => sum + (value ?? 0), 0);
  }
  // A round's error must show even when the median round had none.
  const erring = group.find((row) => row.errors && !base.errors);
  if (erring?.note) combined.note = [erring.note, base.note].filter(Boolean).join('; ');
  combined.rounds = spreadOf(group, of);
  return combined;
}

function spreadOf(group: readonly Measurement[], of: number): RoundSpread {
  const spread: RoundSpread = { measured: group.length, of };
  for (const field of SPREAD_FIELDS) {
    const values = group.map((row) => row[field]);
    if (values.every((value): value is number => value !== undefined))
      spread[field] = values.filter((value) => Number.isFinite(value));
  }
  return spread;
}

/** "medians of 3", "1 round", "medians of 2 of 3 rounds": how a row's figures were reached. */
export function roundsLabel(row: Measurement): string {
  const { measured, of } = row.rounds ?? { measured: 1, of: 1 };
  if (of <= 1) return '1 round';
  return measured === of ? `medians of ${of}` : `medians of ${measured} of ${of} rounds`;
}
