// What `npm start` writes into the database it is given before it starts the
// apps: demo clients, their credentials file, the demo purposes and grants —
// and, in production, none of it unless SEED_DEMO=true asks for it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { AccessControlService, ClientRepository } from '#spean/access';
import { AuditLog } from '#spean/audit';
import { EnvReader } from '#spean/config';
import { defaultSchemaCatalog } from '#spean/schema-registry';
import { grantableSections } from '#spean/access';
import { credentialsFile, prepareDemoAccess } from '../../tools/demo-data.js';
import { readStartConfig } from '../../tools/start.config.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

describe('demo data at start', () => {
  let db: TestDatabase;
  let audit: AuditLog;
  let dataDir: string;

  beforeEach(async () => {
    db = await createTestDatabase('seeding');
    audit = new AuditLog(db.database);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spean-seeding-'));
  });
  afterEach(async () => {
    await audit.close();
    await db.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function start(env: Record<string, string>): Promise<string[]> {
    const reader = new EnvReader({ DATA_DIR: dataDir, DATABASE_URL: db.appUrl, ...env });
    const config = readStartConfig(reader);
    reader.done();
    const said: string[] = [];
    await prepareDemoAccess(db.database, audit, config, (line) => said.push(line));
    return said;
  }

  async function seeded(): Promise<{ clients: number; file: boolean; purposes: number }> {
    const access = new AccessControlService(
      db.database,
      audit,
      grantableSections(defaultSchemaCatalog()),
    );
    return {
      clients: await new ClientRepository(db.database).countClients(),
      file: fs.existsSync(credentialsFile({ dataDir })),
      purposes: (await access.purposes()).length,
    };
  }

  it('seeds nothing in production, and says so', async () => {
    const said = await start({ NODE_ENV: 'production' });
    await expect(seeded()).resolves.toEqual({ clients: 0, file: false, purposes: 0 });
    expect(said.join('\n')).toMatch(/no demo clients.*SEED_DEMO=true/);
  });

  it('seeds the demo in production when SEED_DEMO=true asks for it', async () => {
    await start({ NODE_ENV: 'production', SEED_DEMO: 'true' });
    const after = await seeded();
    expect(after.clients).toBeGreaterThan(0);
    expect(after.file).toBe(true);
    expect(after.purposes).toBeGreaterThan(0);
  });

  it('seeds the demo in development unless SEED_DEMO=false', async () => {
    await start({ NODE_ENV: 'development', SEED_DEMO: 'false' });
    await expect(seeded()).resolves.toEqual({ clients: 0, file: false, purposes: 0 });
    await start({});
    expect((await seeded()).clients).toBeGreaterThan(0);
  });

  it('adds the console’s demo logins (username, password, role) to the credentials file, once', async () => {
    await start({});
    await start({});
    const entries = JSON.parse(fs.readFileSync(credentialsFile({ dataDir }), 'utf8')) as Array<
      Record<string, string>
    >;
    const logins = entries.filter((entry) => entry.username !== undefined);
    expect(logins.map(({ username, role, agencyId }) => ({ username, role, agencyId }))).toEqual([
      { username: 'desk.officer', role: 'agency', agencyId: 'mef' },
      { username: 'steward', role: 'steward', agencyId: 'interop' },
      { username: 'integrator', role: 'integrator', agencyId: 'mpwt' },
      { username: 'auditor', role: 'auditor', agencyId: 'naa' },
      { username: 'citizen', role: 'citizen', agencyId: undefined },
    ]);
    for (const login of logins) expect(login.password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(logins.at(-1)!.nationalId).toMatch(/^\d{10}$/);
    expect(fs.statSync(credentialsFile({ dataDir })).mode & 0o777).toBe(0o600);
  });

  it('names the setting when SEED_DEMO is not a yes or no', () => {
    const reader = new EnvReader({ SEED_DEMO: 'maybe' });
    readStartConfig(reader);
    expect(() => reader.done()).toThrow(/SEED_DEMO must be true or false/);
  });
});
