// Verification and the access checks before it, on a real PostgreSQL and no
// HTTP stack: what is answered, what is refused, and the audit entry each leaves.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  AccessControlService,
  AccessPolicy,
  grantableSections,
  Pseudonymizer,
  type Principal,
} from '#spean/access';
import { AuditLog } from '#spean/audit';
import { getNationalIdScheme, VerhoeffNationalIdScheme } from '#spean/contracts';
import { Metrics } from '#spean/observability';
import { defaultSchemaCatalog } from '#spean/schema-registry';
import { CitizenAccess } from '../../apps/gateway/src/citizen/citizen-access.js';
import { CitizenException } from '../../apps/gateway/src/citizen/citizen.exception.js';
import { ReadModelRepository } from '../../apps/gateway/src/read-model/read-model.repository.js';
import { VerificationService } from '../../apps/gateway/src/verification/verification.service.js';
import { VerificationLockRepository } from '../../apps/gateway/src/verification-lock/verification-lock.repository.js';
import { registerPurposes, SYSTEM_ACTOR } from '../../tools/demo-access.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let db: TestDatabase;
let audit: AuditLog;
let policy: AccessPolicy;
let service: VerificationService;
const agency: Principal = { clientId: 'mef.agency.1', agencyId: 'mef', role: 'agency' };
const nationalId = new VerhoeffNationalIdScheme().fromSerial(515151);

beforeAll(async () => {
  db = await createTestDatabase('verification_medium');
  const records = new ReadModelRepository(db.database);
  await records.apply([
    {
      recordType: 'person',
      recordId: 'person-1',
      subjectId: nationalId,
      relatedSubjects: [],
      version: 1,
      schemaVersion: 1,
      op: 'upsert' as const,
      payload: { dateOfBirth: '1990-02-03', alive: true },
      source: 'test',
      eventId: '00000000-0000-4000-8000-000000000001',
      occurredAt: '2026-11-21T10:00:00+07:00',
    },
  ]);
  await db.database.query(`INSERT INTO agency (id, name) VALUES ('mef', 'Economy and Finance')`);
  audit = new AuditLog(db.database);
  policy = new AccessPolicy(db.database);
  await policy.start();
  const accessControl = new AccessControlService(
    db.database,
    audit,
    grantableSections(defaultSchemaCatalog()),
    () => policy.reload(),
  );
  await registerPurposes(accessControl);
  // Only date-of-birth claims, and only for identity verification.
  await accessControl.grant(SYSTEM_ACTOR, {
    agencyId: 'mef',
    section: 'verification',
    fields: ['dateOfBirth'],
    purpose: 'identity-verification',
    validUntil: new Date(Date.now() + 24 * 3600 * 1000),
    reason: 'test',
  });
  const metrics = new Metrics('test');
  const pseudonyms = new Pseudonymizer(Buffer.alloc(32, 7));
  service = new VerificationService(
    records,
    new CitizenAccess(policy, audit, pseudonyms, getNationalIdScheme(), metrics),
    metrics,
    new VerificationLockRepository(db.database, {
      failuresPerAgency: 3,
      failuresPerCitizen: 10,
      windowHours: 24,
    }),
  );
});

afterAll(async () => {
  await policy?.stop();
  await audit?.close();
  await db?.drop();
});

async function lastEntry(): Promise<{ kind: string; purpose: string | null; details: unknown }> {
  const [row] = await db.database.query<{ kind: string; purpose: string | null; details: unknown }>(
    `SELECT kind, purpose, details FROM audit_entry WHERE subject_id = $1 ORDER BY seq DESC LIMIT 1`,
    [nationalId],
  );
  return row!;
}

describe('verifying claims about a citizen', () => {
  it('answers the granted claims, denies the others, and audits which kinds were checked', async () => {
    const view = await service.verify(agency, nationalId, 'identity-verification', {
      dateOfBirth: '1990-02-03',
      alive: true,
    });
    expect(view.known).toBe(true);
    expect([...view.results]).toEqual([['dateOfBirth', true]]);
    expect([...view.denied]).toEqual(['alive']);
    // Pseudonymous: the agency holds no nationalId grant.
    expect(view.nationalId).not.toBe(nationalId);
    await expect(lastEntry()).resolves.toEqual({
      kind: 'verification',
      purpose: 'identity-verification',
      details: { outcome: 'found', claimsChecked: ['dateOfBirth'], claimsDenied: ['alive'] },
    });
  });

  it('counts a wrong claim as failed, never saying what was claimed', async () => {
    const view = await service.verify(agency, nationalId, 'identity-verification', {
      dateOfBirth: '1991-01-01',
    });
    expect([...view.results]).toEqual([['dateOfBirth', false]]);
    const entry = await lastEntry();
    expect(entry.details).toEqual({
      outcome: 'found',
      claimsChecked: ['dateOfBirth'],
      claimsDenied: [],
      claimsFailed: ['dateOfBirth'],
    });
    expect(JSON.stringify(entry)).not.toContain('1991-01-01');
  });

  it('refuses a purpose the agency holds no verification grant for, and audits the refusal', async () => {
    const refused = service.verify(agency, nationalId, 'business-registration', {
      dateOfBirth: '1990-02-03',
    });
    await expect(refused).rejects.toBeInstanceOf(CitizenException);
    await expect(refused).rejects.toMatchObject({ code: 'NO_GRANT_FOR_PURPOSE' });
    await expect(lastEntry()).resolves.toEqual({
      kind: 'verification',
      purpose: 'business-registration',
      details: { outcome: 'refused', reason: 'no-grant-for-purpose' },
    });
  });

  it('refuses a client that is not an agency before reading anything', async () => {
    const steward: Principal = { clientId: 'steward.1', agencyId: 'office', role: 'steward' };
    await expect(
      service.verify(steward, nationalId, 'identity-verification', { alive: true }),
    ).rejects.toMatchObject({ code: 'NOT_PERMITTED' });
    await expect(lastEntry()).resolves.toMatchObject({
      details: { outcome: 'refused', reason: 'role-may-not-look-up' },
    });
  });

  it('names the field and the rule of a mistyped national id', async () => {
    await expect(
      service.verify(agency, '123', 'identity-verification', { alive: true }),
    ).rejects.toMatchObject({
      code: 'INVALID_NATIONAL_ID',
      details: { field: 'nationalId' },
    });
  });
});
