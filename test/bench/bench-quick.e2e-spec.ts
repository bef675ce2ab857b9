// `npm run bench -- --quick --only lookup,scale,memory` end to end: it builds, starts its own
// PostgreSQL, seeds, runs every scenario against the real gateway, the
// baselines and the adapters, and writes its results. Only that it works is
// asserted — every scenario and every subject has rows, and no lookup failed
// — never how fast: CI machines vary.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Measurement } from '../../bench/harness/scenario.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spean-bench-quick-'));

interface Results {
  measurements: Measurement[];
  machine: { cores: number; node: string; postgres: string };
}

let exitCode: number | null;
let output = '';
let results: Results;

beforeAll(async () => {
  // The ingest and propagation scenarios (Kafka) have their suite: bench-flows-quick.
  const args = ['--quick', '--only', 'lookup,scale,memory', '--results', resultsDir];
  const child = spawn('npm', ['run', 'bench', '--', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  exitCode = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const file = fs.readdirSync(resultsDir).find((name) => name.endsWith('.json'));
  if (file) results = JSON.parse(fs.readFileSync(path.join(resultsDir, file), 'utf8')) as Results;
}, 300_000);

afterAll(() => {
  fs.rmSync(resultsDir, { recursive: true, force: true });
});

const rows = (scenario: string, subject?: string): Measurement[] =>
  results.measurements.filter(
    (m) => m.scenario === scenario && (!subject || m.subject === subject),
  );

describe('npm run bench -- --quick', () => {
  it('completes and writes its results', () => {
    if (exitCode !== 0)
      throw new Error(`the quick bench exited ${exitCode}:\n${output.slice(-4000)}`);
    expect(results.machine.postgres).toMatch(/^\d+/);
    expect(fs.readFileSync(path.join(resultsDir, 'latest.md'), 'utf8')).toContain(
      '| lookup | spean (audit on) | c=64, 2k citizens |',
    );
  });

  it('measures the lookup and every baseline at every concurrency, without a failed lookup', () => {
    for (const subject of [
      'spean (audit on)',
      'spean (audit off)',
      'bare endpoint',
      'postgraphile',
      'raw select',
    ]) {
      const points = rows('lookup', subject);
      expect({ subject, concurrencies: points.map((p) => p.concurrency) }).toEqual({
        subject,
        concurrencies: [1, 16, 64],
      });
      for (const point of points) {
        // A note may say the point was disturbed by other work on the machine, never that it failed.
        expect({ subject, note: point.note ?? '' }).not.toEqual({
          subject,
          note: expect.stringMatching(/^(failed|first error)/),
        });
        expect(point.operations).toBeGreaterThan(0);
        expect(point.errors).toBe(0);
      }
    }
  });

  it('measures the lookup at each population size', () => {
    expect(rows('scale').map((r) => r.setting)).toEqual([
      '1k citizens, c=1',
      '1k citizens, c=64',
      '2k citizens, c=1',
      '2k citizens, c=64',
    ]);
    for (const row of rows('scale')) expect(row.errors).toBe(0);
  });

  it('reads the resident memory of the gateway and of every adapter', () => {
    // The rows "under ingest load" come from the ingest scenario (bench-flows-quick checks them).
    const memory = rows('memory').filter((r) => !r.setting.startsWith('under ingest load'));
    expect(memory.map((r) => `${r.subject}: ${r.setting.replace(/ \(.*/, '')}`)).toEqual([
      'gateway: at rest, after boot',
      'gateway: under load',
      'gateway: at rest, after the load',
      'interior adapter: at rest',
      'transport adapter: at rest',
      'land adapter: at rest',
      'commerce adapter: at rest',
      'tax adapter: at rest',
    ]);
    for (const row of memory) expect(row.rssMb).toBeGreaterThan(10);
  });
});
