// Runs `npm run bench -- --quick --only <scenarios>` (through quick-run.ts,
// which takes turns on dist/) and reads back what it wrote; the quick-bench
// suites then assert only that it worked, never how fast.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from '@jest/globals';
import type { TargetCheck } from '../../bench/harness/report.js';
import type { Measurement } from '../../bench/harness/scenario.js';
import { runQuick } from './quick-run.js';

export interface QuickBenchResults {
  measurements: Measurement[];
  machine: { cores: number; node: string; postgres: string };
  targets: TargetCheck[];
}

export interface QuickBench {
  exitCode: number | null;
  /** Everything it printed, for the failure message. */
  output: string;
  resultsDir: string;
  /** Undefined when it wrote no results file. */
  results?: QuickBenchResults;
  rows(scenario: string, subject?: string): Measurement[];
  /** Throws with the end of its output unless it exited 0. */
  assertCompleted(): void;
  remove(): void;
}

export async function runQuickBench(only: string): Promise<QuickBench> {
  const run = await runQuick<QuickBenchResults>('bench', ['--only', only]);
  const { exitCode, output, resultsDir, results } = run;
  return {
    ...run,
    rows: (scenario, subject) =>
      (results?.measurements ?? []).filter(
        (m) => m.scenario === scenario && (!subject || m.subject === subject),
      ),
    assertCompleted() {
      if (exitCode !== 0)
        throw new Error(`the quick bench exited ${exitCode}:\n${output.slice(-4000)}`);
    },
    remove: () => fs.rmSync(resultsDir, { recursive: true, force: true }),
  };
}

/**
 * Runs the quick bench once for the test file (beforeAll) and removes its
 * results afterwards; what it returns reads the run once it has happened.
 */
export function useQuickBench(only: string): {
  readonly results: QuickBenchResults;
  rows(scenario: string, subject?: string): Measurement[];
  assertCompleted(): void;
  latestMarkdown(): string;
} {
  let run: QuickBench | undefined;
  beforeAll(async () => {
    run = await runQuickBench(only);
  }, 600_000); // waiting its turn behind the other quick-bench suite, then its own run
  afterAll(() => run?.remove());
  const current = (): QuickBench => {
    if (!run) throw new Error('the quick bench has not run');
    return run;
  };
  return {
    get results() {
      return current().results!;
    },
    rows: (scenario, subject) => current().rows(scenario, subject),
    assertCompleted: () => current().assertCompleted(),
    latestMarkdown: () => fs.readFileSync(path.join(current().resultsDir, 'latest.md'), 'utf8'),
  };
}
