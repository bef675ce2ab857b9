// Runs `npm run chaos -- --quick …` (through test/support/quick-run.ts, which
// takes turns on dist/ with the quick-bench suites: the run restarts apps from
// dist/ after every kill) and reads back what it wrote, for the short-form
// fault suites of `npm test`.
import fs from 'node:fs';
import type { ChaosResults } from '../../tools/chaos/chaos-report.js';
import { runQuick } from '../support/quick-run.js';

export interface ChaosRun {
  exitCode: number | null;
  /** Everything it printed, for failure messages. */
  output: string;
  results?: ChaosResults;
}

export async function runQuickChaos(args: readonly string[]): Promise<ChaosRun> {
  const { resultsDir, ...run } = await runQuick<ChaosResults>('chaos', args);
  fs.rmSync(resultsDir, { recursive: true, force: true });
  return run;
}
