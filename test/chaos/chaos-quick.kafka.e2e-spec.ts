// The short form of `npm run chaos` on the Kafka bus: one kill -9 of the
// broker and one of the gateway while records stream in. The run starts a
// broker of its own (it must be able to kill it), not the suite's shared one.
import { describe, expect, it } from '@jest/globals';
import { runQuickChaos } from './run-chaos.js';

describe('the fault suite, short form, on the Kafka bus', () => {
  it('loses and duplicates nothing when the broker and the gateway are killed', async () => {
    const run = await runQuickChaos(['--bus', 'kafka', '--targets', 'kafka,gateway']);
    if (run.exitCode !== 0)
      throw new Error(`npm run chaos exited ${run.exitCode}:\n${run.output.slice(-5000)}`);
    const [bus] = run.results!.buses;
    expect(bus).toMatchObject({ bus: 'kafka', quiescent: true });
    expect(bus!.error).toBeUndefined();
    for (const target of ['kafka', 'gateway']) {
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
