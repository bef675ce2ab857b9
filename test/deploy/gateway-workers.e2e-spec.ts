// GATEWAY_WORKERS with the real gateway build: two workers serve one port,
// both boot the same way (worker 0 and worker 1 each say so), a client's rate
// limit holds across them, a worker killed with -9 is started again while the
// other keeps serving, and SIGTERM to the primary stops every worker and exits
// 0. The build is brought up to date first (as npm start does).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ClientCredentialsService,
  ClientRepository,
  generateSigningKeyPem,
  signingKeyFromPem,
} from '#spean/access';
import { lockDist } from '../support/dist-lock.js';
import { freePort, waitForHealth } from '../support/http-health.js';
import { GATEWAY_NODE_FLAGS } from '../../apps/gateway/src/gateway.node-flags.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const RATE = 10;
const BURST = 10;

/** The pids of a process's children, from /proc. */
function childrenOf(pid: number): number[] {
  return fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
        // pid (comm) state ppid …: comm may hold spaces, so read after its ')'.
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

interface Cluster {
  primary: ChildProcess;
  exited: Promise<number | null>;
  onOutput(listener: (text: string) => void): void;
}

/** `node main.js` with GATEWAY_WORKERS=2 on the test database, as npm start would run it. */
function startCluster(db: TestDatabase, dataDir: string, port: number): Cluster {
  const primary = spawn(
    process.execPath,
    [...GATEWAY_NODE_FLAGS, path.join(root, 'dist/apps/gateway/src/main.js')],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        GATEWAY_WORKERS: '2',
        OIDC_EMBEDDED_PROVIDER: 'false',
        GRAPHQL_RATE_LIMIT_PER_SECOND: String(RATE),
        GRAPHQL_RATE_LIMIT_BURST: String(BURST),
        DATABASE_URL: db.appUrl,
        DATABASE_MIGRATION_URL: db.migratorUrl,
        DATA_DIR: dataDir,
        PORT: String(port),
        KAFKA_BROKERS: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<number | null>((resolve) =>
    primary.once('exit', (code) => resolve(code)),
  );
  return {
    primary,
    exited,
    onOutput(listener) {
      primary.stdout!.on('data', (chunk: Buffer) => listener(chunk.toString()));
      primary.stderr!.on('data', (chunk: Buffer) => listener(chunk.toString()));
    },
  };
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(50);
  }
}

describe('GATEWAY_WORKERS=2', () => {
  let db: TestDatabase;
  let dataDir: string;
  let url: string;
  let primary: ChildProcess;
  let output = '';
  let exited: Promise<number | null>;

  let releaseDist: (() => void) | undefined;
  beforeAll(async () => {
    releaseDist = await lockDist();
    execFileSync(
      process.execPath,
      [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
      { cwd: root, stdio: 'inherit' },
    );
    db = await createTestDatabase('gateway_workers');
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spean-workers-'));
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const cluster = startCluster(db, dataDir, port);
    primary = cluster.primary;
    exited = cluster.exited;
    cluster.onOutput((text) => (output += text));
    await waitForHealth(url, 120_000);
  }, 300_000);

  afterAll(async () => {
    if (primary?.exitCode === null) {
      primary.kill('SIGTERM');
      await exited;
    }
    await db?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    releaseDist?.();
  });

  it('boots both workers the same way on one port', async () => {
    await waitFor(() => /worker 0 of 2/.test(output) && /worker 1 of 2/.test(output), 120_000);
    expect(childrenOf(primary.pid!)).toHaveLength(2);
  }, 130_000);

  it("holds a client's rate limit across both workers", async () => {
    const client = await new ClientCredentialsService(
      new ClientRepository(db.database),
      () => signingKeyFromPem(generateSigningKeyPem()),
      900,
    ).register({
      agencyId: 'mef',
      agencyName: 'Ministry of Economy and Finance',
      name: 'workers busy',
      role: 'agency',
    });
    const issued = await fetch(`${url}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: client.clientSecret,
      }).toString(),
    });
    expect(issued.status).toBe(200);
    const token = ((await issued.json()) as { access_token: string }).access_token;
    let admitted = 0;
    let refused = 0;
    const started = performance.now();
    const until = started + 2_000;
    // Eight callers, so connections land on both workers.
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (performance.now() < until) {
          const response = await fetch(`${url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ query: '{ __typename }' }),
          });
          await response.arrayBuffer();
          if (response.status === 200) admitted++;
          else if (response.status === 429) refused++;
          else throw new Error(`unexpected status ${response.status}`);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    expect(refused).toBeGreaterThan(admitted);
    expect(admitted).toBeGreaterThanOrEqual(BURST);
    // One limit (lease 1: at most 1.5 tokens per worker leased early), not two.
    expect(admitted).toBeLessThanOrEqual(Math.floor(BURST + RATE * seconds + 2 * 1.5));
  }, 30_000);

  it('starts a worker killed with -9 again, and serves meanwhile', async () => {
    const [victim, survivor] = childrenOf(primary.pid!);
    process.kill(victim!, 'SIGKILL');
    await waitFor(() => /worker \d exited \(SIGKILL\); starting it again/.test(output), 10_000);
    expect((await fetch(`${url}/health`)).status).toBe(200);
    await waitFor(() => {
      const children = childrenOf(primary.pid!);
      return children.length === 2 && !children.includes(victim!);
    }, 30_000);
    expect(childrenOf(primary.pid!)).toContain(survivor);
    await waitForHealth(url, 60_000);
  }, 120_000);

  it('stops every worker on SIGTERM and exits 0', async () => {
    const workers = childrenOf(primary.pid!);
    primary.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const pid of workers) expect(fs.existsSync(`/proc/${pid}`)).toBe(false);
    expect(output).toMatch(/gateway stopped/);
  }, 60_000);

  it('stops the whole gateway with exit code 1 when workers keep dying', async () => {
    const port = await freePort();
    const cluster = startCluster(db, dataDir, port);
    let said = '';
    cluster.onOutput((text) => (said += text));
    try {
      await waitForHealth(`http://127.0.0.1:${port}`, 120_000);
      // Six deaths within a minute: more than the five restarts allowed.
      for (let death = 0; death < 6 && cluster.primary.exitCode === null; death++) {
        await waitFor(() => childrenOf(cluster.primary.pid!).length > 0, 30_000);
        process.kill(childrenOf(cluster.primary.pid!)[0]!, 'SIGKILL');
        await waitFor(
          () =>
            said.split('starting it again').length > death + 1 ||
            said.includes('stopping the gateway'),
          10_000,
        );
      }
      expect(await cluster.exited).toBe(1);
      expect(said).toMatch(/gateway worker \d died 6 times within 60 s: stopping the gateway/);
    } finally {
      if (cluster.primary.exitCode === null) cluster.primary.kill('SIGKILL');
    }
  }, 180_000);
});
