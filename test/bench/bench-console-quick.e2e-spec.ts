// `npm run bench -- --quick --only console` end to end: it builds, starts the
// whole system with demo data, and drives the console in Debian's Chromium
// headless shell — the first load in both languages, then every page of every
// role. Only that it works is asserted, never how fast.
import { describe, expect, it } from '@jest/globals';
import { useQuickBench } from '../support/quick-bench.js';

const bench = useQuickBench('console');

describe('npm run bench -- --quick --only console', () => {
  it('completes and weighs the first load in English and in Khmer', () => {
    bench.assertCompleted();
    const first = bench.rows('console', 'first load (the sign-in page)');
    expect(first.map((row) => row.setting)).toEqual(['en, empty cache', 'km, empty cache']);
    for (const row of first) expect(row.note).toMatch(/^\d+\.\d KB over the wire in \d+ requests/);
  });

  it('opens every page of every role, each settled', () => {
    const pages = bench.rows('console').filter((row) => row.subject.startsWith('page '));
    const roles = new Set(pages.map((row) => row.setting.split(' ')[0]));
    expect([...roles].sort()).toEqual(['agency', 'auditor', 'citizen', 'integrator', 'steward']);
    for (const row of pages) {
      expect(row.p50Ms).toBeGreaterThan(0);
      expect(row.note).toContain('slowest GraphQL answer');
    }
  });
});
