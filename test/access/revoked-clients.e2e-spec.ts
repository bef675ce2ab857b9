// The in-memory revocation list on a real database: a revocation arrives by
// NOTIFY long before any reload; with the listen connection lost, reconnecting
// and polling still bring it within seconds; what was revoked before the list
// started is loaded at start.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ClientRepository, RevokedClients } from '#spean/access';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let test: TestDatabase;
let clients: ClientRepository;

beforeAll(async () => {
  test = await createTestDatabase('revoked_clients');
  clients = new ClientRepository(test.database);
  await clients.upsertAgency({ id: 'mef', name: 'Ministry of Economy and Finance' });
  for (const n of [1, 2, 3, 4])
    await clients.insertClient({
      clientId: `mef.agency.${n}`,
      agencyId: 'mef',
      name: `desk ${n}`,
      role: 'agency',
      adapter: null,
      nationalId: null,
      secretHash: 'scrypt$1$1$1$AA$AA',
    });
  await test.database.transaction((tx) =>
    new ClientRepository(tx).revoke('mef.agency.1', 'steward', 'before start'),
  );
});

afterAll(async () => {
  await test.drop();
});

async function until(check: () => boolean, withinMs: number): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > withinMs) throw new Error(`not within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - started;
}

describe('revoked clients', () => {
  it('loads earlier revocations at start and hears new ones by NOTIFY, without a reload', async () => {
    // A reload only every hour: whatever arrives sooner came by NOTIFY.
    const revoked = await RevokedClients.start(test.database, { refreshMs: 3_600_000 });
    try {
      expect(revoked.isRevoked('mef.agency.1')).toBe(true);
      expect(revoked.isRevoked('mef.agency.2')).toBe(false);
      await test.database.transaction((tx) =>
        new ClientRepository(tx).revoke('mef.agency.2', 'steward', 'lost'),
      );
      expect(await until(() => revoked.isRevoked('mef.agency.2'), 1000)).toBeLessThan(1000);
      expect(revoked.isRevoked('mef.agency.3')).toBe(false);
    } finally {
      await revoked.close();
    }
  });

  it('brings a revocation within seconds when its listen connection is lost', async () => {
    const revoked = await RevokedClients.start(test.database, {
      refreshMs: 3_600_000,
      retryMs: 500,
    });
    try {
      // Cut the listener, then revoke without a notification it could hear.
      await test.database.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND application_name LIKE '%-listen'
           AND pid <> pg_backend_pid()`,
      );
      await test.database.query(
        `UPDATE client SET revoked_at = now(), revoked_by = 'steward', revoke_reason = 'x'
         WHERE client_id = 'mef.agency.3'`,
      );
      expect(await until(() => revoked.isRevoked('mef.agency.3'), 5000)).toBeLessThan(5000);
      // ... and listens again: the next revocation comes by NOTIFY.
      await new Promise((resolve) => setTimeout(resolve, 1200));
      await test.database.transaction((tx) =>
        new ClientRepository(tx).revoke('mef.agency.4', 'steward', 'lost'),
      );
      expect(await until(() => revoked.isRevoked('mef.agency.4'), 300)).toBeLessThan(300);
    } finally {
      await revoked.close();
    }
  });
});
