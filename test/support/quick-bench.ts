// Runs `npm run bench -- --quick --only <scenarios>` into a temporary results
// directory and reads back what it wrote; the quick-bench suites then assert
// only that it worked, never how fast.
//
// Each run starts with `npm run build`, which rewrites dist/ in place; two
// suites running at once (jest runs two workers) could have one load a file of
// dist/ while the other's build has it truncated. Runs therefore take turns,
// holding a lock for the whole of the run.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from '@jest/globals';
import type { TargetCheck } from '../../bench/harness/report.js';
import type { Measurement } from '../../bench/harness/scenario.js';
import { lockDist } from './dist-lock.js';

const root = path.resolve(import.meta.dirname, '..', '..');

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
  const release = await lockDist();
  try {
    return await runUnlocked(only);
  } finally {
    release();
  }
}

async function runUnlocked(only: string): Promise<QuickBench> {
  const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spean-bench-quick-'));
  let output = '';
  const child = spawn(
    'npm',
    ['run', 'bench', '--', '--quick', '--only', only, '--results', resultsDir],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exitCode = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const file = fs.readdirSync(resultsDir).find((name) => name.endsWith('.json'));
  const results = file
    ? (JSON.parse(fs.readFileSync(path.join(resultsDir, file), 'utf8')) as QuickBenchResults)
    : undefined;
  return {
    exitCode,
    output,
    resultsDir,
    results,
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
