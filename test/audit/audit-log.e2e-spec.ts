// The tamper-evident audit log on a real PostgreSQL: group commit under
// concurrency, and verification naming the first tampered entry — each kind
// of tampering done directly in the database, on a freshly written log.
import { generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  AuditException,
  AuditExceptionCode,
  AuditLog,
  AuditRepository,
  checkpointMessage,
  hashEntry,
  verifyAuditLog,
  type AuditEntryInput,
  type AuditSigner,
} from '#spean/audit';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const keys = generateKeyPairSync('ed25519');
const signer: AuditSigner = {
  keyId: 'test-key-1',
  sign: (data) => sign(null, data, keys.privateKey),
};
const publicKey = keys.publicKey;

// Every third entry is made by a signed-in person, so each log here mixes the
// spean-audit/1 and /2 formats.
function lookup(i: number): AuditEntryInput {
  return {
    kind: 'lookup',
    actorClient: `client-${i % 7}`,
    actorAgency: i % 2 ? 'mef' : 'gdt',
    actorPerson:
      i % 3 === 0
        ? {
            issuer: 'https://login.example',
            subject: `officer-${i}`,
            name: `Officer ${i}`,
            statedBy: 'session',
          }
        : null,
    subjectId: String(100_000_000 + i),
    purpose: 'business-registration',
    details: { sectionsReturned: ['identity', 'address'], sectionsDenied: i % 3 ? [] : ['land'] },
  };
}

let test: TestDatabase;

beforeAll(async () => {
  test = await createTestDatabase('audit_log');
});

afterAll(async () => {
  await test.drop();
});

async function count(table: 'audit_entry' | 'audit_checkpoint'): Promise<number> {
  const [row] = await test.database.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
  return Number(row!.n);
}

async function reset(): Promise<void> {
  await test.owner().query(`DELETE FROM audit_checkpoint`);
  await test.owner().query(`DELETE FROM audit_entry`);
}

describe('the audit tables are append-only for the services', () => {
  beforeEach(reset);

  it('refuses UPDATE, DELETE and TRUNCATE to the app role, and allows INSERT and SELECT', async () => {
    const log = new AuditLog(test.database);
    await log.append(lookup(1));
    await expect(count('audit_entry')).resolves.toBe(1);
    for (const statement of [
      `UPDATE audit_entry SET purpose = 'other'`,
      `DELETE FROM audit_entry`,
      `TRUNCATE audit_entry`,
      `UPDATE audit_checkpoint SET signature = 'x'`,
      `DELETE FROM audit_checkpoint`,
    ]) {
      await expect(test.database.query(statement)).rejects.toThrow(/permission denied/);
    }
    await expect(count('audit_entry')).resolves.toBe(1);
  });
});

describe('AuditLog writer', () => {
  beforeEach(reset);

  it('commits 2,000 concurrent appends gap-free, in batches, with a valid chain', async () => {
    const log = new AuditLog(test.database, { maxBatch: 250, checkpointEvery: 500, signer });
    const n = 2000;
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: n }, (_, i) => log.append(lookup(i))));
    const ms = performance.now() - started;
    const { batches } = log.stats;
    console.log(
      `audit log: ${n} concurrent appends in ${ms.toFixed(0)} ms = ${Math.round((n / ms) * 1000)} appends/s, ` +
        `${batches} transactions`,
    );

    // First come, first chained: the i-th append got seq i + 1.
    expect(results.map((result) => result.seq)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    const [span] = await test.database.query<{
      n: string;
      min: string;
      max: string;
      times: string;
    }>(
      `SELECT count(*) AS n, min(seq) AS min, max(seq) AS max, count(DISTINCT at) AS times FROM audit_entry`,
    );
    expect(span).toEqual({ n: '2000', min: '1', max: '2000', times: expect.any(String) });
    // Batching, without timing: at most maxBatch per transaction, far fewer
    // transactions than entries, and the writer stamps one time per batch.
    expect(log.stats.entries).toBe(n);
    expect(batches).toBeGreaterThanOrEqual(n / 250);
    expect(batches).toBeLessThan(n / 10);
    expect(Number(span!.times)).toBeLessThanOrEqual(batches);
    expect(await count('audit_checkpoint')).toBe(4);

    await expect(verifyAuditLog(test.database, { publicKey })).resolves.toEqual({
      ok: true,
      entries: n,
      checkpoints: 4,
    });
    // Small pages and a partial run give the same answer.
    await expect(verifyAuditLog(test.database, { publicKey, pageSize: 97 })).resolves.toMatchObject(
      {
        ok: true,
        entries: n,
      },
    );
    await expect(verifyAuditLog(test.database, { publicKey, from: 1501 })).resolves.toEqual({
      ok: true,
      entries: 500,
      checkpoints: 1,
    });
    await log.close();
  });

  it('lets two writers (two gateway processes) share one chain', async () => {
    const one = new AuditLog(test.database, { maxBatch: 50 });
    const two = new AuditLog(test.database, { maxBatch: 50 });
    const results = await Promise.all(
      Array.from({ length: 600 }, (_, i) => (i % 2 ? one : two).append(lookup(i))),
    );
    expect(results.map((result) => result.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 600 }, (_, i) => i + 1),
    );
    await expect(verifyAuditLog(test.database)).resolves.toEqual({
      ok: true,
      entries: 600,
      checkpoints: 0,
    });
  });

  it('commits a batch in one round trip once it knows the head, and in three until then', async () => {
    const sent: string[] = [];
    const record = (client: { query: (...args: never[]) => unknown }): void => {
      const query = client.query.bind(client);
      client.query = ((config: string | { text: string }, ...rest: never[]) => {
        sent.push(typeof config === 'string' ? config : config.text);
        return query(config as never, ...rest);
      }) as typeof client.query;
    };
    const clients = new WeakSet<object>();
    const onAcquire = (client: { query: (...args: never[]) => unknown }): void => {
      if (clients.has(client)) return;
      clients.add(client);
      record(client);
    };
    test.database.pool.on('acquire', onAcquire);
    const statements = () => sent.map((sql) => sql.replace(/\s+/g, ' ').trim().split(' (')[0]);
    try {
      const log = new AuditLog(test.database);
      const other = new AuditLog(test.database);
      // The head is not known yet: BEGIN with the lock and the head read; the insert; COMMIT.
      await log.append(lookup(1));
      expect(statements()).toEqual([
        'BEGIN; SELECT pg_advisory_xact_lock(5863242011); SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1',
        'INSERT INTO audit_entry',
        'COMMIT',
      ]);
      // It wrote the head: lock, check, insert and commit in one statement.
      sent.length = 0;
      await log.append(lookup(2));
      const onto = expect.stringMatching(
        /^SELECT appended, head_seq, head_hash FROM audit_append\(/,
      );
      expect(statements()).toEqual([onto]);
      // Another writer moves the head (by the locked path: it knew none).
      await other.append(lookup(3));
      sent.length = 0;
      // Refused onto the stale head, told the new one, and sent again onto it.
      await expect(log.append(lookup(4))).resolves.toEqual({ seq: 4 });
      expect(statements()).toEqual([onto, onto]);
      expect(
        await test.database.query('SELECT seq, prev_hash FROM audit_entry ORDER BY seq'),
      ).toEqual([
        { seq: '1', prev_hash: '0'.repeat(64) },
        ...[2, 3, 4].map((seq) => ({
          seq: String(seq),
          prev_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        })),
      ]);
      await expect(verifyAuditLog(test.database)).resolves.toEqual({
        ok: true,
        entries: 4,
        checkpoints: 0,
      });
    } finally {
      test.database.pool.off('acquire', onAcquire);
    }
  });

  it('rejects every append of a batch that fails, and writes none of it', async () => {
    const failing = new AuditLog(test.database, {
      checkpointEvery: 1,
      signer: {
        keyId: 'broken',
        sign: () => {
          throw new Error('the key store is unreachable');
        },
      },
    });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => failing.append(lookup(i))),
    );
    for (const outcome of outcomes) {
      expect(outcome.status).toBe('rejected');
      const reason = (outcome as PromiseRejectedResult).reason as AuditException;
      expect(reason).toBeInstanceOf(AuditException);
      expect(reason.code).toBe(AuditExceptionCode.WRITE_FAILED);
    }
    expect(await count('audit_entry')).toBe(0);
    // The chain goes on from where it was.
    const log = new AuditLog(test.database);
    await expect(log.append(lookup(1))).resolves.toEqual({ seq: 1 });
  });

  it('refuses a bad entry alone, without failing the others', async () => {
    const log = new AuditLog(test.database);
    const [good, bad, nul] = await Promise.allSettled([
      log.append(lookup(1)),
      log.append({ ...lookup(2), kind: 'peek' as never }),
      log.append({ ...lookup(3), purpose: 'a\u0000b' }),
    ]);
    expect(good).toEqual({ status: 'fulfilled', value: { seq: 1 } });
    expect(bad).toMatchObject({
      status: 'rejected',
      reason: { code: AuditExceptionCode.INVALID_ENTRY },
    });
    expect(nul).toMatchObject({
      status: 'rejected',
      reason: { code: AuditExceptionCode.INVALID_ENTRY },
    });
    await log.close();
    await expect(log.append(lookup(4))).rejects.toMatchObject({ code: AuditExceptionCode.CLOSED });
  });

  it('stores Khmer text as NFC and verifies it', async () => {
    const log = new AuditLog(test.database);
    await log.append({
      ...lookup(1),
      purpose: 'ក\u17C1\u17B8'.normalize('NFD'),
      details: { note: 'សុខ' },
    });
    await expect(verifyAuditLog(test.database)).resolves.toMatchObject({ ok: true, entries: 1 });
  });
});

describe('verifyAuditLog on a tampered log', () => {
  // A fresh log of 300 entries for every case, sealed every 100 entries.
  beforeEach(async () => {
    await reset();
    const log = new AuditLog(test.database, { maxBatch: 64, checkpointEvery: 100, signer });
    await Promise.all(Array.from({ length: 300 }, (_, i) => log.append(lookup(i))));
    await log.close();
    await expect(verifyAuditLog(test.database, { publicKey })).resolves.toEqual({
      ok: true,
      entries: 300,
      checkpoints: 3,
    });
  });

  // Tampering as the schema owner: the services' own role may not change or remove entries.
  const sql = (text: string, params: unknown[] = []) => test.owner().query(text, params);
  const verdict = () => verifyAuditLog(test.database, { publicKey });

  it('names an altered entry', async () => {
    await sql(
      `UPDATE audit_entry SET details = '{"sectionsReturned": ["identity"], "sectionsDenied": []}' WHERE seq = 137`,
    );
    await expect(verdict()).resolves.toMatchObject({ ok: false, seq: 137, problem: 'altered' });
  });

  it('names an entry whose person was changed, removed or added', async () => {
    // 138 = 3 × 46: written with a person (seq is i + 1).
    await sql(
      `UPDATE audit_entry SET actor_person = jsonb_set(actor_person, '{name}', '"Someone else"') WHERE seq = 139`,
    );
    await expect(verdict()).resolves.toMatchObject({ ok: false, seq: 139, problem: 'altered' });
    await reset();
    const log = new AuditLog(test.database);
    await Promise.all([0, 1, 2, 3].map((i) => log.append(lookup(i))));
    await expect(verdict()).resolves.toMatchObject({ ok: true, entries: 4 });
    await sql(`UPDATE audit_entry SET actor_person = NULL WHERE seq = 4`);
    await expect(verdict()).resolves.toMatchObject({ ok: false, seq: 4, problem: 'altered' });
    await sql(`UPDATE audit_entry SET actor_person = $1 WHERE seq = 2`, [
      JSON.stringify({ issuer: 'x', subject: 'y', name: 'z', statedBy: 'client' }),
    ]);
    await expect(verdict()).resolves.toMatchObject({ ok: false, seq: 2, problem: 'altered' });
  });

  it('reads back the person it stored, and none where none acted', async () => {
    const page = await new AuditRepository(test.database).entriesBetween(1, 2);
    expect(page.map((entry) => entry.actorPerson)).toEqual([
      {
        issuer: 'https://login.example',
        subject: 'officer-0',
        name: 'Officer 0',
        statedBy: 'session',
      },
      null,
    ]);
  });

  it('names a removed entry (a gap)', async () => {
    await sql(`DELETE FROM audit_entry WHERE seq = 137`);
    await expect(verdict()).resolves.toMatchObject({ ok: false, seq: 137, problem: 'removed' });
  });

  it('names a removed entry when the later seqs were closed up', async () => {
    await sql(`DELETE FROM audit_entry WHERE seq = 137`);
    await sql(`UPDATE audit_entry SET seq = seq + 1000000 WHERE seq > 137`);
    await sql(`UPDATE audit_entry SET seq = seq - 1000001 WHERE seq > 1000000`);
    await expect(verdict()).resolves.toMatchObject({ ok: false, seq: 137, problem: 'removed' });
  });

  it('names a reordered entry when two entries swap content', async () => {
    await sql(
      `UPDATE audit_entry a
          SET at = b.at, kind = b.kind, actor_client = b.actor_client, actor_agency = b.actor_agency,
              subject_id = b.subject_id, purpose = b.purpose, details = b.details,
              actor_person = b.actor_person
         FROM audit_entry b
        WHERE (a.seq, b.seq) IN ((137, 142), (142, 137))`,
    );
    await expect(verdict()).resolves.toMatchObject({ ok: false, seq: 137, problem: 'reordered' });
  });

  it('names a reordered entry when two whole rows swap seqs', async () => {
    await sql(`UPDATE audit_entry SET seq = 999999 WHERE seq = 137`);
    await sql(`UPDATE audit_entry SET seq = 137 WHERE seq = 138`);
    await sql(`UPDATE audit_entry SET seq = 138 WHERE seq = 999999`);
    await expect(verdict()).resolves.toMatchObject({ ok: false, seq: 137, problem: 'reordered' });
  });

  it('reports a checkpoint with a bad signature', async () => {
    const forged = sign(null, checkpointMessage(200, 'f'.repeat(64)), keys.privateKey).toString(
      'base64url',
    );
    await sql(`UPDATE audit_checkpoint SET signature = $1 WHERE seq = 200`, [forged]);
    await expect(verdict()).resolves.toMatchObject({
      ok: false,
      seq: 200,
      problem: 'bad-checkpoint',
    });
  });

  it('reports a cut tail against the newest checkpoint', async () => {
    await sql(`DELETE FROM audit_entry WHERE seq > 250`);
    await expect(verdict()).resolves.toMatchObject({ ok: false, seq: 251, problem: 'removed' });
  });

  it('catches a rewrite with recomputed hashes at the next signed checkpoint', async () => {
    const repository = new AuditRepository(test.database);
    const tail = await repository.entriesAfter(149, 1000);
    let prevHash = tail[0]!.prevHash;
    for (const entry of tail) {
      const details =
        entry.seq === 150 ? { sectionsReturned: [], sectionsDenied: [] } : entry.details;
      const hash = hashEntry({ ...entry, details, prevHash });
      await sql(`UPDATE audit_entry SET details = $2, prev_hash = $3, hash = $4 WHERE seq = $1`, [
        entry.seq,
        JSON.stringify(details),
        prevHash,
        hash,
      ]);
      prevHash = hash;
    }
    await expect(verdict()).resolves.toMatchObject({ ok: false, seq: 200, problem: 'altered' });
    // Without the key a checkpoint cannot be trusted over the log: reported as the checkpoint's problem.
    await expect(verifyAuditLog(test.database)).resolves.toMatchObject({
      ok: false,
      seq: 200,
      problem: 'bad-checkpoint',
    });
  });
});
