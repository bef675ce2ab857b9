// Runs `npm run chaos -- --quick …` into a temporary results directory and
// reads back what it wrote, for the short-form fault suites of `npm test`.
//
// The run starts with `npm run build`, which rewrites dist/ in place, and
// restarts apps from dist/ after every kill: it must not overlap another
// suite's build. It therefore takes the same lock on dist/ as the quick-bench
// suites (test/support/quick-bench.ts) — a directory named after this
// checkout — for the whole of the run.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChaosResults } from '../../tools/chaos/chaos-report.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const lockDir = path.join(
  os.tmpdir(),
  `spean-quick-bench-${createHash('sha256').update(root).digest('hex').slice(0, 12)}.lock`,
);

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

/** Waits for, then takes, the lock on dist/ for this checkout; returns its release. */
async function lockDist(): Promise<() => void> {
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      return () => fs.rmSync(lockDir, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (holderIsGone()) fs.rmSync(lockDir, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** True when the process that took the lock has ended without releasing it. */
function holderIsGone(): boolean {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(lockDir, 'pid'), 'utf8'));
  } catch {
    // Taken a moment ago and its pid not yet written — or its taker died in between.
    try {
      return Date.now() - fs.statSync(lockDir).mtimeMs > 10_000;
    } catch {
      return false; // released meanwhile
    }
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
