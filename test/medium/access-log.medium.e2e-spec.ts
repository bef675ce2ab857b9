// The citizen's access log on a freshly migrated PostgreSQL, for what
// test/access/disclosed-later.e2e-spec.ts cannot wait for: an entry under a
// purpose disclosed later is left out of the citizen's view until its
// discloseAfter date, and shown from then on (not never); an auditor's view
// (no date) shows it at once.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AuditLog } from '#spean/audit';
import { AccessLogRepository } from '../../apps/gateway/src/access-log/access-log.repository.js';
import { newNationalId } from '../support/full-citizen.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let test: TestDatabase;
let audit: AuditLog;

beforeAll(async () => {
  test = await createTestDatabase('access_log_medium');
  audit = new AuditLog(test.database);
});

afterAll(async () => {
  await audit?.close();
  await test?.drop();
});

describe('AccessLogRepository.page', () => {
  it('shows the citizen an entry disclosed later only from its date, and an auditor at once', async () => {
    const subjectId = newNationalId();
    const discloseAfter = new Date(Date.now() + 30 * 24 * 3600_000);
    const lookup = (details: Record<string, string>) =>
      audit.append({
        kind: 'lookup',
        actorClient: 'desk-1',
        actorAgency: 'mef',
        subjectId,
        details: { outcome: 'found', ...details },
      });
    const { seq: delayed } = await lookup({ discloseAfter: discloseAfter.toISOString() });
    const { seq: immediate } = await lookup({});
    const repository = new AccessLogRepository(test.database);
    const seqs = async (disclosedBy: Date | null) =>
      (await repository.page(subjectId, null, 10, disclosedBy)).map((entry) => entry.seq);

    expect(await seqs(new Date())).toEqual([immediate]);
    expect(await seqs(new Date(discloseAfter.getTime() - 1000))).toEqual([immediate]);
    expect(await seqs(discloseAfter)).toEqual([immediate, delayed]);
    expect(await seqs(null)).toEqual([immediate, delayed]);
  });
});
