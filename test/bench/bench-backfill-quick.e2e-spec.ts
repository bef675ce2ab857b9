// `npm run bench -- --quick --only backfill` end to end: the population as
// NDJSON, `spean backfill` run per adapter beside the running system, and the
// raw COPY control before and after it. Only that it works is asserted —
// every row is there and unfailed, the projection names its minutes — never
// how fast: CI machines vary.
import { describe, expect, it } from '@jest/globals';
import { useQuickBench } from '../support/quick-bench.js';

const bench = useQuickBench('backfill');

describe('npm run bench -- --quick --only backfill', () => {
  it('completes with the backfill, its projection and both COPY controls, none failed', () => {
    bench.assertCompleted();
    const rows = bench.rows('backfill');
    expect(rows.map((r) => [r.subject, r.setting.replace(/,.*/, '')])).toEqual([
      ['spean backfill', 'NDJSON'],
      ['spean backfill', 'projected national backfill (17M persons)'],
      ['raw PostgreSQL COPY', 'control'],
      ['raw PostgreSQL COPY', 'control'],
      ['raw PostgreSQL COPY', 'projected national backfill (17M persons)'],
    ]);
    for (const row of rows) {
      expect({ setting: row.setting, note: row.note ?? '' }).not.toEqual({
        setting: row.setting,
        note: expect.stringMatching(/^failed/),
      });
      expect(row.throughput).toBeGreaterThan(0);
    }
    expect(rows[1]!.note).toMatch(/^≈ \d+ min for 17M persons/);
  });
});
