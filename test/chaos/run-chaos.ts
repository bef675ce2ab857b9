// Runs `npm run chaos -- --quick …` (through test/support/quick-run.ts, which
// takes turns on dist/ with the quick-bench suites: the run restarts apps from
// dist/ after every kill) and reads back what it wrote, for the short-form
// fault suites of `npm test`.
import fs from 'node:fs';
import { expect } from '@jest/globals';
import type { ChaosResults } from '../../tools/chaos/chaos-report.js';
import { runQuick } from '../support/quick-run.js';

interface ChaosRun {
  exitCode: number | null;
  /** Everything it printed, for failure messages. */
  output: string;
  results?: ChaosResults;
}

async function runQuickChaos(args: readonly string[]): Promise<ChaosRun> {
  const { resultsDir, ...run } = await runQuick<ChaosResults>('chaos', args);
  fs.rmSync(resultsDir, { recursive: true, force: true });
  return run;
}

/**
 * Runs the short form on one bus, killing each target once, and checks the
 * promise: every target recovered, nothing acknowledged lost or applied
 * twice, every death's reactions published once, no dead letters, the audit intact.
 */
export async function expectNothingLost(
  bus: 'embedded' | 'kafka',
  targets: string[],
): Promise<void> {
  const run = await runQuickChaos(['--bus', bus, '--targets', targets.join(',')]);
  if (run.exitCode !== 0)
    throw new Error(`npm run chaos exited ${run.exitCode}:\n${run.output.slice(-5000)}`);
  const [result] = run.results!.buses;
  expect(result).toMatchObject({ bus, quiescent: true });
  expect(result!.error).toBeUndefined();
  for (const target of targets) {
    const row = result!.rows.find((r) => r.target === target);
    expect(row).toMatchObject({ kills: 1, lost: 0, duplicated: 0, unrecovered: 0 });
    expect(row!.acknowledged).toBeGreaterThan(0);
  }
  expect(result!.deaths).toBeGreaterThan(0);
  expect(result!.verdict).toMatchObject({
    lost: 0,
    duplicated: 0,
    reactionsDuplicated: 0,
    reactionsMissing: 0,
    deadLetters: 0,
    auditVerify: 0,
  });
}
