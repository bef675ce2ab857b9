// The gateway and the interior adapter (the real builds, as `npm start` runs
// them) ride through a PostgreSQL restart: neither process dies, and a record
// published after the database is back reaches the read model. On a
// PostgreSQL of this file's own, since it is stopped mid-test.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { lockDist } from '../support/dist-lock.js';
import { freePort, waitForHealth } from '../support/http-health.js';
import { AuditLog } from '#spean/audit';
import {
  Database,
  runMigrations,
  startEmbeddedPostgres,
  type RunningPostgres,
} from '#spean/persistence';
import { GATEWAY_NODE_FLAGS } from '../../apps/gateway/src/gateway.node-flags.js';
import { fetchAccessToken } from '../../tools/access-token.js';
import { ADAPTERS } from '../../tools/adapters.js';
import { builtInSigningKeys, registerBuiltInAdapters } from '../../tools/built-in-adapters.js';
import { credentialsFile, prepareDemoAccess } from '../../tools/demo-data.js';
import { Supervisor } from '../../tools/supervisor.js';
import { fixtureAbout, newNationalId } from '../support/full-citizen.js';

const root = path.resolve(import.meta.dirname, '..', '..');

interface Client {
  clientId: string;
  clientSecret: string;
  role: string;
  adapter?: string;
}

describe('a PostgreSQL restart under running apps', () => {
  let dataDir: string;
  let pgPort: number;
  let postgres: RunningPostgres | undefined;
  let gatewayUrl: string;
  let interiorUrl: string;
  let clients: Client[];
  const said: string[] = [];
  const output: string[] = [];
  const supervisor = new Supervisor({
    maxRestarts: 5,
    windowMs: 60_000,
    say: (line) => said.push(line),
    output: (app, line) => output.push(`[${app}] ${line}`),
  });

  // The build and the apps run from it hold dist/ until the end (test/support/dist-lock.ts).
  let releaseDist: (() => void) | undefined;
  beforeAll(async () => {
    releaseDist = await lockDist();
    execFileSync(
      process.execPath,
      [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
      { cwd: root, stdio: 'inherit' },
    );
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spean-pg-restart-'));
    pgPort = await freePort();
    postgres = await startEmbeddedPostgres({ dataDir, port: pgPort });
    await runMigrations(postgres.url('migrator'));
    const database = new Database({ url: postgres.url('app'), applicationName: 'pg-restart-spec' });
    const audit = new AuditLog(database);
    try {
      // As npm start does: the adapters' signing keys, made in the data directory they run with.
      await registerBuiltInAdapters(database, audit, Object.values(ADAPTERS), {
        environment: 'test',
        signingKeys: await builtInSigningKeys(dataDir, Object.values(ADAPTERS)),
      });
      await prepareDemoAccess(
        database,
        audit,
        { seedDemo: true, demoCitizens: 1, dataDir, gatewayPort: 0 },
        () => undefined,
      );
    } finally {
      await audit.close();
      await database.close();
    }
    clients = JSON.parse(fs.readFileSync(credentialsFile({ dataDir }), 'utf8')) as Client[];

    const [gatewayPort, interiorPort] = [await freePort(), await freePort()];
    gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    interiorUrl = `http://127.0.0.1:${interiorPort}`;
    const env = {
      ...process.env,
      DATABASE_URL: postgres.url('app'),
      DATABASE_MIGRATION_URL: postgres.url('migrator'),
      DATA_DIR: dataDir,
      KAFKA_BROKERS: '',
      GATEWAY_URL: gatewayUrl,
    };
    supervisor.start({
      name: 'gateway',
      command: process.execPath,
      args: [...GATEWAY_NODE_FLAGS, path.join(root, 'dist/apps/gateway/src/main.js')],
      cwd: root,
      env: { ...env, PORT: String(gatewayPort) },
    });
    supervisor.start({
      name: 'interior',
      command: process.execPath,
      args: [path.join(root, 'dist/apps/interior/src/main.js')],
      cwd: root,
      env: { ...env, PORT: String(interiorPort) },
    });
    await Promise.all([waitForHealth(gatewayUrl, 90_000), waitForHealth(interiorUrl, 90_000)]);
  }, 240_000);

  afterAll(async () => {
    await supervisor.stop();
    await postgres?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    releaseDist?.();
  }, 60_000);

  it('applies a record published after PostgreSQL is back, and no app died', async () => {
    const agency = clients.find((c) => c.role === 'agency')!;
    const interior = clients.find((c) => c.role === 'adapter' && c.adapter === 'interior')!;
    const before = newNationalId();
    await publishPerson(interior, before);
    await waitForCitizen(agency, before, 30_000);

    await postgres!.stop();
    postgres = undefined;
    await sleep(3_000);
    postgres = await startEmbeddedPostgres({ dataDir, port: pgPort });

    const after = newNationalId();
    await publishPerson(interior, after, 60_000);
    await waitForCitizen(agency, after, 60_000);
    expect({
      gateway: supervisor.starts('gateway'),
      interior: supervisor.starts('interior'),
    }).toEqual({ gateway: 1, interior: 1 });
    expect(said).toEqual([]);
  }, 180_000);

  /** Posts a person record to the interior adapter, retrying until it answers 202. */
  async function publishPerson(
    client: Client,
    nationalId: string,
    timeoutMs = 10_000,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
      try {
        const token = await fetchAccessToken(gatewayUrl, client);
        const response = await fetch(`${interiorUrl}/v1/records`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({
            recordType: 'person',
            schemaVersion: 1,
            recordId: `person-${nationalId}`,
            subjectId: nationalId,
            version: 1,
            op: 'upsert',
            occurredAt: '2026-11-21T10:00:00+07:00',
            payload: fixtureAbout('person', 'adult-born-in-phnom-penh', nationalId),
          }),
        });
        if (response.status === 202) return;
        last = `${response.status} ${await response.text()}`;
      } catch (error) {
        last = String(error);
      }
      await sleep(250);
    }
    throw new Error(`the interior adapter did not accept the record: ${last}`);
  }

  async function waitForCitizen(
    client: Client,
    nationalId: string,
    timeoutMs: number,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
      try {
        const token = await fetchAccessToken(gatewayUrl, client);
        const response = await fetch(`${gatewayUrl}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({
            query:
              'query($id: ID!) { citizen(nationalId: $id, purpose: "business-registration", reference: "restart check") { nationalId person { alive } } }',
            variables: { id: nationalId },
          }),
        });
        const body = (await response.json()) as { data?: { citizen: { person: unknown } | null } };
        if (body.data?.citizen?.person) return;
        last = JSON.stringify(body);
      } catch (error) {
        last = String(error);
      }
      await sleep(250);
    }
    throw new Error(
      `the gateway did not show the citizen: ${last}\n${output.slice(-30).join('\n')}`,
    );
  }
});
