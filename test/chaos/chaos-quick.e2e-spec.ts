// The short form of `npm run chaos` on the embedded bus: one kill -9 each of
// the gateway, the interior adapter and PostgreSQL while records stream in.
// Every record answered 202 must be in the read model, none twice, no
// reaction twice, no dead letters, and the audit chain intact.
import { describe, expect, it } from '@jest/globals';
import { runQuickChaos } from './run-chaos.js';

describe('the fault suite, short form, on the embedded bus', () => {
  it('loses and duplicates nothing when the gateway, the interior adapter and PostgreSQL are killed', async () => {
    const run = await runQuickChaos([
      '--bus',
      'embedded',
      '--targets',
      'gateway,interior,postgres',
    ]);
    if (run.exitCode !== 0)
      throw new Error(`npm run chaos exited ${run.exitCode}:\n${run.output.slice(-5000)}`);
    const [bus] = run.results!.buses;
    expect(bus).toMatchObject({ bus: 'embedded', quiescent: true });
    expect(bus!.error).toBeUndefined();
    for (const target of ['gateway', 'interior', 'postgres']) {
      const row = bus!.rows.find((r) => r.target === target);
      expect(row).toMatchObject({ kills: 1, lost: 0, duplicated: 0, unrecovered: 0 });
      expect(row!.acknowledged).toBeGreaterThan(0);
    }
    expect(bus!.deaths).toBeGreaterThan(0);
    expect(bus!.verdict).toMatchObject({
      lost: 0,
      duplicated: 0,
      reactionsDuplicated: 0,
      reactionsMissing: 0,
      deadLetters: 0,
      auditVerify: 0,
    });
  }, 900_000); // waiting its turn on dist/ behind the quick-bench suites, then its own run
});
