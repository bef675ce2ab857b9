// `npm start`'s supervisor with the real gateway build: `kill -9` of the
// gateway needs no operator — the supervisor starts it again and /health
// answers 200 again. The build is brought up to date first (as npm start does).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { lockDist } from '../support/dist-lock.js';
import { freePort, waitForHealth } from '../support/http-health.js';
import { GATEWAY_NODE_FLAGS } from '../../apps/gateway/src/gateway.node-flags.js';
import { Supervisor } from '../../tools/supervisor.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const root = path.resolve(import.meta.dirname, '..', '..');

describe('npm start supervising the gateway', () => {
  let db: TestDatabase;
  let dataDir: string;
  let port: number;
  const said: string[] = [];
  const supervisor = new Supervisor({
    maxRestarts: 5,
    windowMs: 60_000,
    firstBackoffMs: 200,
    say: (line) => said.push(line),
  });

  // The build and the apps run from it hold dist/ until the end (test/support/dist-lock.ts).
  let releaseDist: (() => void) | undefined;
  beforeAll(async () => {
    releaseDist = await lockDist();
    execFileSync(
      process.execPath,
      [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
    db = await createTestDatabase('supervised');
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spean-supervised-'));
    port = await freePort();
    supervisor.start({
      name: 'gateway',
      command: process.execPath,
      args: [...GATEWAY_NODE_FLAGS, path.join(root, 'dist/apps/gateway/src/main.js')],
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: db.appUrl,
        DATABASE_MIGRATION_URL: db.migratorUrl,
        DATA_DIR: dataDir,
        PORT: String(port),
        KAFKA_BROKERS: '',
      },
    });
  }, 180_000);
  afterAll(async () => {
    await supervisor.stop();
    await db?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    releaseDist?.();
  });

  it('starts the gateway again after kill -9, and /health answers again', async () => {
    await waitForHealth(`http://127.0.0.1:${port}`, 90_000);
    const first = supervisor.pid('gateway')!;
    process.kill(first, 'SIGKILL');
    await waitFor(() => supervisor.starts('gateway') === 2, 10_000);
    await waitForHealth(`http://127.0.0.1:${port}`, 90_000);
    expect(supervisor.pid('gateway')).not.toBe(first);
    expect(said.join('\n')).toMatch(/gateway stopped unexpectedly \(SIGKILL\); restarting/);
  }, 200_000);
});

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(20);
  }
}
