// The bench's rounds: subjects and controls measured in turn, each row the
// median of its rounds with their spread; and the --rounds option.
import { describe, expect, it } from '@jest/globals';
import { parseOptions } from '../../bench/harness/options.js';
import { measurementTable, spreadOfRounds } from '../../bench/harness/report.js';
import { combineRounds, interleave, median, roundsLabel } from '../../bench/harness/rounds.js';
import type { Measurement } from '../../bench/harness/scenario.js';

const point = (subject: string, throughput: number, p99Ms: number, extra = {}): Measurement => ({
  scenario: 'lookup',
  subject,
  setting: 'c=64, 20k citizens',
  concurrency: 64,
  throughput,
  unit: 'lookups/s',
  p50Ms: p99Ms / 2,
  p99Ms,
  operations: throughput * 3,
  errors: 0,
  note: `round of ${throughput}`,
  ...extra,
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(() => median([])).toThrow('the median of no values');
  });
});

describe('interleave', () => {
  it('measures every subject once per round, round after round', async () => {
    const order: string[] = [];
    const results = await interleave(3, ['spean', 'bare'], async (subject, round) => {
      order.push(`${subject}${round}`);
      return `${subject}${round}`;
    });
    expect(order).toEqual(['spean1', 'bare1', 'spean2', 'bare2', 'spean3', 'bare3']);
    expect(results).toEqual([
      ['spean1', 'bare1'],
      ['spean2', 'bare2'],
      ['spean3', 'bare3'],
    ]);
  });
});

describe('combineRounds', () => {
  it('reports per row the median of its rounds and keeps each round’s figures', () => {
    const [spean, bare] = combineRounds([
      [point('spean', 1_000, 30), point('bare', 2_000, 10)],
      [point('spean', 1_300, 20), point('bare', 2_100, 12)],
      [point('spean', 1_100, 40), point('bare', 1_900, 11)],
    ]);
    expect(spean).toMatchObject({
      subject: 'spean',
      throughput: 1_100,
      p99Ms: 30,
      p50Ms: 15,
      operations: 3 * (1_000 + 1_300 + 1_100),
      errors: 0,
      // The note is the median round's.
      note: 'round of 1100',
      rounds: { measured: 3, of: 3, throughput: [1_000, 1_300, 1_100], p99Ms: [30, 20, 40] },
    });
    expect(bare).toMatchObject({ subject: 'bare', throughput: 2_000, p99Ms: 11 });
  });

  it('keeps one round as it was, marked as one round', () => {
    const [row] = combineRounds([[point('spean', 1_000, 30)]]);
    expect(row).toEqual({
      ...point('spean', 1_000, 30),
      rounds: { measured: 1, of: 1, throughput: [1_000], p50Ms: [15], p99Ms: [30] },
    });
  });

  it('reports a row failed when any of its rounds failed', () => {
    const failed: Measurement = { ...point('spean', 0, 0), note: 'failed: connection refused' };
    delete failed.throughput;
    const [row] = combineRounds([
      [point('spean', 1_000, 30)],
      [failed],
      [point('spean', 1_200, 30)],
    ]);
    expect(row!.note).toBe('failed: connection refused');
    expect(row!.throughput).toBeUndefined();
  });

  it('takes the latency medians over the rounds that completed something', () => {
    const [row] = combineRounds([
      [point('spean', 1_000, 30)],
      [point('spean', 0, NaN)],
      [point('spean', 1_100, 50)],
    ]);
    expect(row).toMatchObject({ throughput: 1_000, p99Ms: 40 });
    expect(row!.rounds!.p99Ms).toEqual([30, 50]);
  });

  it('shows a round’s errors even when the median round had none', () => {
    const [row] = combineRounds([
      [point('spean', 1_000, 30)],
      [point('spean', 900, 30, { errors: 2, note: 'first error: 503' })],
      [point('spean', 1_100, 30)],
    ]);
    expect(row!.errors).toBe(2);
    expect(row!.note).toBe('first error: 503; round of 1000');
  });

  it('keeps rows that only some rounds have, saying in how many they were measured', () => {
    const rows = combineRounds([
      [point('spean', 1_000, 30), point('bare', 2_000, 10)],
      [point('spean', 1_200, 30)],
    ]);
    expect(rows.map((r) => [r.subject, r.rounds?.measured, r.rounds?.of])).toEqual([
      ['spean', 2, 2],
      ['bare', 1, 2],
    ]);
    expect(rows.map(roundsLabel)).toEqual(['medians of 2', 'medians of 1 of 2 rounds']);
    expect(roundsLabel(combineRounds([[point('spean', 1_000, 30)]])[0]!)).toBe('1 round');
  });
});

describe('the results table', () => {
  it('shows the spread of the rounds beside the medians', () => {
    const [row] = combineRounds([
      [point('spean', 1_000, 30)],
      [point('spean', 1_300, 20)],
      [point('spean', 1_100, 40)],
    ]);
    expect(spreadOfRounds(row!)).toBe('3: 1,000–1,300, p99 20.00–40.00 ms');
    expect(measurementTable([row!])).toContain(
      '| lookup | spean | c=64, 20k citizens | 1,100 lookups/s | 15.00 | 30.00 |  |  | 3: 1,000–1,300, p99 20.00–40.00 ms | round of 1100 |',
    );
  });

  it('leaves the spread empty for a run of one round', () => {
    const [row] = combineRounds([[point('spean', 1_000, 30)]]);
    expect(spreadOfRounds(row!)).toBe('');
  });
});

describe('--rounds', () => {
  it('is 3 by default, 1 on --quick, and what it is told', () => {
    expect(parseOptions([], '/repo').rounds).toBe(3);
    expect(parseOptions(['--quick'], '/repo').rounds).toBe(1);
    expect(parseOptions(['--quick', '--rounds', '2'], '/repo').rounds).toBe(2);
    expect(parseOptions(['--rounds', '5'], '/repo').rounds).toBe(5);
  });

  it('refuses anything but a whole number from 1 to 20, naming the option', () => {
    for (const bad of ['0', '21', 'three', '1.5'])
      expect(() => parseOptions(['--rounds', bad], '/repo')).toThrow(
        '--rounds must be a whole number from 1 to 20, e.g. 3',
      );
    expect(() => parseOptions(['--rounds'], '/repo')).toThrow('--rounds needs a value');
  });
});
