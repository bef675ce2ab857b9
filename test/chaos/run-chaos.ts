// Runs `npm run chaos -- --quick …` into a temporary results directory and
// reads back what it wrote, for the short-form fault suites of `npm test`.
//
// The run starts with `npm run build`, which rewrites dist/ in place, and
// restarts apps from dist/ after every kill: it must not overlap another
// suite's build. It therefore takes the same lock on dist/ as the quick-bench
// suites (test/support/quick-bench.ts) — a directory named after this
// checkout (test/support/dist-lock.ts) — for the whole of the run.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChaosResults } from '../../tools/chaos/chaos-report.js';
import { lockDist } from '../support/dist-lock.js';

const root = path.resolve(import.meta.dirname, '..', '..');
export interface ChaosRun {
  exitCode: number | null;
  /** Everything it printed, for failure messages. */
  output: string;
  results?: ChaosResults;
}

export async function runQuickChaos(args: readonly string[]): Promise<ChaosRun> {
  const release = await lockDist();
  const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spean-chaos-quick-'));
  try {
    let output = '';
    const child = spawn(
      'npm',
      ['run', 'chaos', '--', '--quick', ...args, '--results', resultsDir],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exitCode = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    const file = fs.readdirSync(resultsDir).find((name) => name.endsWith('.json'));
    const results = file
      ? (JSON.parse(fs.readFileSync(path.join(resultsDir, file), 'utf8')) as ChaosResults)
      : undefined;
    return { exitCode, output, ...(results ? { results } : {}) };
  } finally {
    fs.rmSync(resultsDir, { recursive: true, force: true });
    release();
  }
}
