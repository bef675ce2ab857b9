// What test/audit/audit-log.e2e-spec.ts leaves out of the audit log, on the
// real AuditLog and a freshly migrated PostgreSQL: sealing the chain on demand,
// checkpoints that fall inside a batch, closing with appends still queued,
// verification with the wrong key or from the middle of the log, and the
// rule each refused entry breaks, named by its field.
import { generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  AuditExceptionCode,
  AuditLog,
  verifyAuditLog,
  type AuditEntryInput,
  type AuditSigner,
} from '#spean/audit';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const keys = generateKeyPairSync('ed25519');
const signer: AuditSigner = { keyId: 'k1', sign: (data) => sign(null, data, keys.privateKey) };

function grantChange(i: number): AuditEntryInput {
  return {
    kind: 'grant-change',
    actorClient: 'steward-1',
    actorAgency: 'interop',
    details: { client: `client-${i}`, granted: ['identity'] },
  };
}

let test: TestDatabase;

beforeAll(async () => {
  test = await createTestDatabase('audit_medium');
});

afterAll(async () => {
  await test?.drop();
});

beforeEach(async () => {
  await test.owner().query(`DELETE FROM audit_checkpoint`);
  await test.owner().query(`DELETE FROM audit_entry`);
});

async function checkpointSeqs(): Promise<number[]> {
  const rows = await test.database.query<{ seq: string }>(
    `SELECT seq FROM audit_checkpoint ORDER BY seq`,
  );
  return rows.map((row) => Number(row.seq));
}

describe('checkpoints', () => {
  it('seals every multiple of checkpointEvery, also where it falls inside a batch', async () => {
    const log = new AuditLog(test.database, { maxBatch: 7, checkpointEvery: 5, signer });
    await Promise.all(Array.from({ length: 23 }, (_, i) => log.append(grantChange(i))));
    await log.close();
    expect(log.stats.batches).toBe(4);
    await expect(checkpointSeqs()).resolves.toEqual([5, 10, 15, 20]);
    await expect(
      test.database.query(`SELECT key_id AS "keyId" FROM audit_checkpoint GROUP BY key_id`),
    ).resolves.toEqual([{ keyId: 'k1' }]);
    await expect(verifyAuditLog(test.database, { publicKey: keys.publicKey })).resolves.toEqual({
      ok: true,
      entries: 23,
      checkpoints: 4,
    });
  });

  it('seals the head on demand, once, including what a writer without a key appended', async () => {
    // Adapters and the CLI append without a key; the gateway's writer seals for them.
    const keyless = new AuditLog(test.database);
    await Promise.all([1, 2, 3].map((i) => keyless.append(grantChange(i))));
    await expect(keyless.seal()).resolves.toBeUndefined();
    await expect(checkpointSeqs()).resolves.toEqual([]);

    const sealing = new AuditLog(test.database, { signer });
    await expect(sealing.seal()).resolves.toBe(3);
    await expect(sealing.seal()).resolves.toBeUndefined();
    await keyless.append(grantChange(4));
    await expect(sealing.seal()).resolves.toBe(4);
    await expect(checkpointSeqs()).resolves.toEqual([3, 4]);
    await expect(verifyAuditLog(test.database, { publicKey: keys.publicKey })).resolves.toEqual({
      ok: true,
      entries: 4,
      checkpoints: 2,
    });
    await Promise.all([keyless.close(), sealing.close()]);
  });

  it('has nothing to seal on an empty log', async () => {
    await expect(new AuditLog(test.database, { signer }).seal()).resolves.toBeUndefined();
    await expect(checkpointSeqs()).resolves.toEqual([]);
  });

  it('reports checkpoints signed with another key as bad, and without a key checks only their hashes', async () => {
    const other = generateKeyPairSync('ed25519');
    const log = new AuditLog(test.database, { checkpointEvery: 2, signer });
    await Promise.all([1, 2, 3].map((i) => log.append(grantChange(i))));
    await expect(
      verifyAuditLog(test.database, { publicKey: other.publicKey }),
    ).resolves.toMatchObject({ ok: false, seq: 2, problem: 'bad-checkpoint' });
    await expect(verifyAuditLog(test.database)).resolves.toEqual({
      ok: true,
      entries: 3,
      checkpoints: 1,
    });
    // A checkpoint whose hash is not its entry's, with no key to say who signed it.
    await test
      .owner()
      .query(`UPDATE audit_checkpoint SET hash = $1 WHERE seq = 2`, ['e'.repeat(64)]);
    await expect(verifyAuditLog(test.database)).resolves.toMatchObject({
      ok: false,
      seq: 2,
      problem: 'bad-checkpoint',
    });
  });
});

describe('verifying part of the log', () => {
  it('starts from a seq, trusting the entry before it, and says when that entry is gone', async () => {
    const log = new AuditLog(test.database, { maxBatch: 3 });
    await Promise.all(Array.from({ length: 10 }, (_, i) => log.append(grantChange(i))));
    await expect(verifyAuditLog(test.database, { from: 8 })).resolves.toEqual({
      ok: true,
      entries: 3,
      checkpoints: 0,
    });
    await test.owner().query(`DELETE FROM audit_entry WHERE seq = 7`);
    await expect(verifyAuditLog(test.database, { from: 8 })).resolves.toMatchObject({
      ok: false,
      seq: 7,
      problem: 'removed',
    });
    await expect(verifyAuditLog(test.database, { from: 9 })).resolves.toMatchObject({ ok: true });
  });
});

describe('closing', () => {
  it('commits every append queued before close, and refuses those after', async () => {
    const log = new AuditLog(test.database, { maxBatch: 10 });
    const queued = Array.from({ length: 45 }, (_, i) => log.append(grantChange(i)));
    await log.close();
    // Committed by the time close resolves, not merely later.
    await expect(
      test.database.query(`SELECT count(*)::int AS n FROM audit_entry`),
    ).resolves.toEqual([{ n: 45 }]);
    await expect(Promise.all(queued)).resolves.toHaveLength(45);
    await expect(log.append(grantChange(46))).rejects.toMatchObject({
      code: AuditExceptionCode.CLOSED,
      message: 'the audit log is closed',
    });
  });
});

describe('a refused entry names its field and the rule', () => {
  const base = grantChange(0);
  it.each<[string, AuditEntryInput, string]>([
    ['an empty actor', { ...base, actorClient: '  ' }, 'actorClient is required'],
    ['no agency', { ...base, actorAgency: undefined as never }, 'actorAgency is required'],
    ['a subject that is not text', { ...base, subjectId: 42 as never }, 'subjectId must be text'],
    ['details that are a list', { ...base, details: [] as never }, 'details must be an object'],
    [
      'a number JSON cannot hold',
      { ...base, details: { limits: { perDay: Infinity } } },
      'details.limits.perDay must be a finite number',
    ],
    [
      'a lone surrogate deep in the details',
      { ...base, details: { names: ['ok', '\uD800'] } },
      'details.names[1] holds text PostgreSQL cannot store',
    ],
    ['a function', { ...base, details: { call: (() => 1) as never } }, 'details.call must be JSON'],
  ])('%s', async (_case, input, message) => {
    const log = new AuditLog(test.database);
    await expect(log.append(input)).rejects.toMatchObject({
      code: AuditExceptionCode.INVALID_ENTRY,
      message,
    });
    await expect(
      test.database.query(`SELECT count(*)::int AS n FROM audit_entry`),
    ).resolves.toEqual([{ n: 0 }]);
  });

  it('refuses a writer configured with a batch or interval that is not a whole number above 0', () => {
    expect(() => new AuditLog(test.database, { maxBatch: 0 })).toThrow(
      'maxBatch must be a whole number above 0',
    );
    expect(() => new AuditLog(test.database, { checkpointEvery: 2.5 })).toThrow(
      'checkpointEvery must be a whole number above 0',
    );
  });
});
