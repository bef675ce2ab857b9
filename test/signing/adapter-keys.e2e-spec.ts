// The adapter key registry on a real database: proposing is idempotent and a
// key belongs to one adapter; approving a new key starts a rotation's overlap
// on the old ones; a revoked key stays revoked; bad input names its field; the
// in-memory key set hears every change at once, and one made behind its back
// within its age limit. And the built-in adapters' keys are approved with them.
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  AdapterApprovals,
  AdapterKeyService,
  AdapterKeys,
  AdapterRegistryException,
  AdapterRegistryRepository,
  keyRefusal,
  type AdapterActor,
} from '#spean/adapter-registry';
import { AccessDeniedException } from '#spean/access';
import { AuditLog } from '#spean/audit';
import { keyIdOf, publicKeyPem } from '#spean/contracts';
import { ADAPTERS } from '../../tools/adapters.js';
import { registerBuiltInAdapters } from '../../tools/built-in-adapters.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const steward: AdapterActor = { clientId: 'steward-1', agencyId: 'interop', role: 'steward' };
const newPem = (): string => publicKeyPem(generateKeyPairSync('ed25519').publicKey);
let test: TestDatabase;
let audit: AuditLog;
let keys: AdapterKeyService;
const opened: Array<AdapterKeys | AdapterApprovals> = [];

/** A key set as a process has it: hearing announcements on its approvals' one LISTEN. */
async function keySet(maxAgeMs: number): Promise<AdapterKeys> {
  const approvals = new AdapterApprovals(test.database, { maxAgeMs });
  await approvals.start();
  const set = new AdapterKeys(test.database, approvals, { maxAgeMs });
  await set.start();
  opened.push(set, approvals);
  return set;
}

async function until(condition: () => Promise<boolean>, ms: number): Promise<number> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Date.now() - started;
}

beforeAll(async () => {
  test = await createTestDatabase('adapter_keys');
  audit = new AuditLog(test.database);
  keys = new AdapterKeyService(test.database, audit);
});

afterAll(async () => {
  await Promise.all(opened.map((set) => set.stop()));
  await audit.close();
  await test.drop();
});

describe('adapter keys', () => {
  it('proposes a key once, and refuses it to a second adapter', async () => {
    const pem = newPem();
    const first = await keys.propose(steward, 'cadastre', pem);
    expect(first).toMatchObject({ adapter: 'cadastre', state: 'proposed', notAfter: null });
    expect(first.keyId).toBe(keyIdOf(createPublicKey(pem)));
    await expect(keys.propose(steward, 'cadastre', pem)).resolves.toMatchObject({
      keyId: first.keyId,
      proposedAt: first.proposedAt,
    });
    await expect(keys.propose(steward, 'fleet', pem)).rejects.toMatchObject({
      code: 'CONFLICT',
      field: 'publicKey',
    });
    const [row] = await test.database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_entry WHERE details->>'keyId' = $1`,
      [first.keyId],
    );
    expect(row!.n).toBe(1);
  });

  it('names the field and the rule of bad input, and who may do what', async () => {
    await expect(keys.propose(steward, 'cadastre', 'not a key')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'publicKey',
    });
    const rsa = publicKeyPem(generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey);
    await expect(keys.propose(steward, 'cadastre', rsa)).rejects.toThrow(/Ed25519/);
    await expect(keys.propose(steward, 'Not A Name', newPem())).rejects.toMatchObject({
      field: 'adapter',
    });
    const proposed = await keys.propose(steward, 'cadastre', newPem());
    await expect(keys.approve(steward, proposed.keyId, ' ')).rejects.toMatchObject({
      field: 'reason',
    });
    await expect(keys.approve(steward, proposed.keyId, 'ok', -1)).rejects.toMatchObject({
      field: 'overlapHours',
    });
    await expect(keys.approve(steward, 'nope', 'ok')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      field: 'keyId',
    });
    const integrator: AdapterActor = { clientId: 'it-1', agencyId: 'mlmupc', role: 'integrator' };
    await expect(keys.approve(integrator, proposed.keyId, 'ok')).rejects.toBeInstanceOf(
      AccessDeniedException,
    );
    // An integrator proposes keys only for its own agency's adapters.
    await new AdapterRegistryRepository(test.database).ensureAgency('mpwt', 'Transport');
    await test.database.query(
      `INSERT INTO adapter_registration (name, agency_id, title, state, registered_by)
       VALUES ('fleet', 'mpwt', 'Fleet', 'pending', 'test')`,
    );
    await expect(keys.propose(integrator, 'fleet', newPem())).rejects.toBeInstanceOf(
      AccessDeniedException,
    );
  });

  it('rotates: a new key approved leaves the old one verifying for the overlap only', async () => {
    const old = await keys.propose(steward, 'land', newPem());
    await keys.approve(steward, old.keyId, 'first key', 0);
    const next = await keys.propose(steward, 'land', newPem());
    const before = Date.now();
    await keys.approve(steward, next.keyId, 'rotation', 2);
    const [oldNow] = await keys.list('land');
    expect(oldNow!.keyId).toBe(old.keyId);
    expect(oldNow!.state).toBe('approved');
    const end = oldNow!.notAfter!.getTime();
    expect(end).toBeGreaterThanOrEqual(before + 2 * 3_600_000 - 1_000);
    expect(end).toBeLessThanOrEqual(Date.now() + 2 * 3_600_000 + 1_000);
    expect(keyRefusal(oldNow!)).toBeUndefined();
    expect(keyRefusal(oldNow!, new Date(end + 1))).toMatch(/stopped verifying/);
    await expect(keys.approve(steward, next.keyId, 'again')).rejects.toMatchObject({
      code: 'WRONG_STATE',
    });
    await keys.revoke(steward, next.keyId, 'lost');
    await expect(keys.revoke(steward, next.keyId, 'lost')).rejects.toBeInstanceOf(
      AdapterRegistryException,
    );
    await expect(keys.approve(steward, next.keyId, 'back')).rejects.toMatchObject({
      code: 'WRONG_STATE',
    });
  });

  it('the key set hears an announced revocation at once, and a quiet change within its age', async () => {
    const announced = await keySet(60_000);
    const key = await keys.propose(steward, 'tax-office', newPem());
    await keys.approve(steward, key.keyId, 'ok');
    await until(async () => (await announced.find(key.keyId))?.key.state === 'approved', 2_000);
    await keys.revoke(steward, key.keyId, 'compromised');
    const ms = await until(
      async () => (await announced.find(key.keyId))?.key.state === 'revoked',
      2_000,
    );
    expect(ms).toBeLessThan(1_000);

    const quiet = await keySet(300);
    const other = await keys.propose(steward, 'tax-office', newPem());
    await until(async () => (await quiet.find(other.keyId)) !== undefined, 2_000);
    await test.database.query(`UPDATE adapter_key SET state = 'revoked' WHERE key_id = $1`, [
      other.keyId,
    ]);
    await until(async () => (await quiet.find(other.keyId))?.key.state === 'revoked', 2_000);
  });

  it('reads the keys again before refusing a record published after its last read', async () => {
    const key = await keys.propose(steward, 'tax-office', newPem());
    // A key set whose announcements never come (a notification still on its way).
    const deaf = new AdapterKeys(
      test.database,
      { onAnnounced: () => () => undefined },
      { maxAgeMs: 60_000 },
    );
    await deaf.start();
    opened.push(deaf);
    expect((await deaf.find(key.keyId))?.key.state).toBe('proposed');
    const readBefore = new Date(Date.now() - 60_000);
    await keys.approve(steward, key.keyId, 'ok');
    const published = new Date();
    // What it loaded is younger than its age: find answers from it.
    expect((await deaf.find(key.keyId))?.key.state).toBe('proposed');
    // A record published after that load: the keys are read again first.
    expect((await deaf.findAsOf(key.keyId, published))?.key.state).toBe('approved');
    // One published before the last load is answered from it.
    await test.database.query(`UPDATE adapter_key SET state = 'revoked' WHERE key_id = $1`, [
      key.keyId,
    ]);
    expect((await deaf.findAsOf(key.keyId, readBefore))?.key.state).toBe('approved');
  });

  it('registers and approves the built-in adapters with their keys, and never approves a revoked one again', async () => {
    const fresh = await createTestDatabase('built_in_keys');
    const log = new AuditLog(fresh.database);
    try {
      const pair = generateKeyPairSync('ed25519');
      const signingKeys = { interior: pair.publicKey };
      await registerBuiltInAdapters(fresh.database, log, Object.values(ADAPTERS), {
        environment: 'test',
        signingKeys,
      });
      const service = new AdapterKeyService(fresh.database, log);
      const [key] = await service.list('interior');
      expect(key).toMatchObject({ state: 'approved', keyId: keyIdOf(pair.publicKey) });
      await service.revoke(steward, key!.keyId, 'leaked');
      await registerBuiltInAdapters(fresh.database, log, Object.values(ADAPTERS), {
        environment: 'test',
        signingKeys,
      });
      expect((await service.list('interior'))[0]!.state).toBe('revoked');
    } finally {
      await log.close();
      await fresh.drop();
    }
  });
});
