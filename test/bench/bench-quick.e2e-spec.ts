// `npm run bench -- --quick --only lookup,scale,memory` end to end: it builds, starts its own
// PostgreSQL, seeds, runs every scenario against the real gateway, the
// baselines and the adapters, and writes its results. Only that it works is
// asserted — every scenario and every subject has rows, and no lookup failed
// — never how fast: CI machines vary.
import { describe, expect, it } from '@jest/globals';
import { useQuickBench } from '../support/quick-bench.js';

const bench = useQuickBench('lookup,scale,memory');

const rows = (scenario: string, subject?: string) => bench.rows(scenario, subject);

describe('npm run bench -- --quick', () => {
  it('completes and writes its results', () => {
    bench.assertCompleted();
    expect(bench.results.machine.postgres).toMatch(/^\d+/);
    expect(bench.latestMarkdown()).toContain('| lookup | spean (audit on) | c=64, 2k citizens |');
  });

  it('measures the lookup and every baseline at every concurrency, without a failed lookup', () => {
    for (const subject of [
      'spean (audit on)',
      'spean (Apollo path)',
      'spean (audit off)',
      'bare endpoint',
      'postgraphile',
      'raw select',
    ]) {
      const points = rows('lookup', subject);
      expect({ subject, concurrencies: points.map((p) => p.concurrency) }).toEqual({
        subject,
        concurrencies: [1, 16, 64],
      });
      for (const point of points) {
        // A note may say the point was disturbed by other work on the machine, never that it failed.
        expect({ subject, note: point.note ?? '' }).not.toEqual({
          subject,
          note: expect.stringMatching(/^(failed|first error)/),
        });
        expect(point.operations).toBeGreaterThan(0);
        expect(point.errors).toBe(0);
      }
    }
  });

  it('measures each lookup point in one round on --quick', () => {
    for (const row of rows('lookup')) expect(row.rounds).toMatchObject({ measured: 1, of: 1 });
  });

  it('states the lookup’s targets at c=64, each with its ratio, and judges none', () => {
    expect(bench.results.targets.map((t) => t.target)).toEqual([
      'full audited lookup, c=64: lookups/s ≥ 0.6× the bare endpoint’s',
      'full audited lookup, c=64: p99 ≤ 2× the bare endpoint’s',
      'full audited lookup, c=64: lookups/s ≥ 2× PostGraphile’s',
    ]);
    for (const target of bench.results.targets) {
      expect(target.actual).toMatch(/^\d+\.\d\d× \(Spean .* vs (bare|PostGraphile) .*, 1 round\)$/);
      expect(target.met).toBeUndefined();
    }
  });

  it('measures the lookup at each population size', () => {
    expect(rows('scale').map((r) => r.setting)).toEqual([
      '1k citizens, c=1',
      '1k citizens, c=64',
      '2k citizens, c=1',
      '2k citizens, c=64',
    ]);
    for (const row of rows('scale')) expect(row.errors).toBe(0);
  });

  it('reads the resident memory of the gateway and of every adapter', () => {
    // The rows "under ingest load" come from the ingest scenario (bench-flows-quick checks them).
    const memory = rows('memory').filter((r) => !r.setting.startsWith('under ingest load'));
    expect(memory.map((r) => `${r.subject}: ${r.setting.replace(/ \(.*/, '')}`)).toEqual([
      'gateway: at rest, after boot',
      'gateway: under load',
      'gateway: at rest, after the load',
      'interior adapter: at rest',
      'transport adapter: at rest',
      'land adapter: at rest',
      'commerce adapter: at rest',
      'tax adapter: at rest',
    ]);
    for (const row of memory) expect(row.rssMb).toBeGreaterThan(10);
  });
});
