// Runs `npm run bench|chaos -- --quick …` into a temporary results directory
// and reads back the JSON it wrote, for the quick suites of `npm test`.
//
// Each run starts with `npm run build`, which rewrites dist/ in place, and
// starts apps from dist/: two runs at once could have one load a file the
// other's build has truncated. Runs therefore take turns, holding the lock on
// dist/ (dist-lock.ts) for the whole of the run.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lockDist } from './dist-lock.js';

const root = path.resolve(import.meta.dirname, '..', '..');

export interface QuickRun<Results> {
  exitCode: number | null;
  /** Everything it printed, for failure messages. */
  output: string;
  /** Where it wrote its results; the caller removes it. */
  resultsDir: string;
  /** Undefined when it wrote no results file. */
  results?: Results;
}

export async function runQuick<Results>(
  script: 'bench' | 'chaos',
  args: readonly string[],
): Promise<QuickRun<Results>> {
  const release = await lockDist();
  try {
    const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), `spean-${script}-quick-`));
    let output = '';
    const child = spawn('npm', ['run', script, '--', '--quick', ...args, '--results', resultsDir], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exitCode = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    const file = fs.readdirSync(resultsDir).find((name) => name.endsWith('.json'));
    const results = file
      ? (JSON.parse(fs.readFileSync(path.join(resultsDir, file), 'utf8')) as Results)
      : undefined;
    return { exitCode, output, resultsDir, ...(results ? { results } : {}) };
  } finally {
    release();
  }
}
