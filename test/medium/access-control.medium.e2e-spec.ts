// Access control where its logic lives: the real AccessControlService and
// AccessPolicy on a freshly migrated PostgreSQL with the real audit log — no
// HTTP, no gateway. What a steward's change leaves (rows, audit entries) and
// what the policy then decides for an agency, a section and a purpose.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  AccessControlException,
  AccessControlExceptionCode as Code,
  AccessControlService,
  AccessPolicy,
  type SectionAccess,
} from '#spean/access';
import { AuditLog } from '#spean/audit';
import { startAccessControl } from '../support/access-control.js';
import { auditEntriesSince, lastAuditSeq, type AuditEntryRow } from '../support/audit-entries.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const steward = { clientId: 'steward-1', agencyId: 'interop' };
const HOUR = 3600_000;
const inHours = (hours: number): Date => new Date(Date.now() + hours * HOUR);

let test: TestDatabase;
let audit: AuditLog;
let policy: AccessPolicy;
let service: AccessControlService;

beforeAll(async () => {
  test = await createTestDatabase('access_control_medium');
  await test.database.query(
    `INSERT INTO agency (id, name) VALUES ('welfare', 'Social Affairs'), ('police', 'National Police')`,
  );
  audit = new AuditLog(test.database);
  ({ policy, accessControl: service } = await startAccessControl(test.database, audit));
});

afterAll(async () => {
  await policy?.stop();
  await audit?.close();
  await test?.drop();
});

/** The policy's decision as plain values: section → 'all' or the sorted fields. */
function decided(agencyId: string, purpose: string, at?: Date): Record<string, unknown> {
  const { purposeRegistered, sections } = policy.decide(agencyId, purpose, at);
  const shown = (access: SectionAccess): unknown => (access === 'all' ? 'all' : [...access].sort());
  return {
    purposeRegistered,
    sections: Object.fromEntries([...sections].map(([name, access]) => [name, shown(access)])),
  };
}

/** The grant- and purpose-change audit entries written after `since` (a seq), oldest first. */
const changes = (since: number): Promise<AuditEntryRow[]> =>
  auditEntriesSince(test.database, ['grant-change', 'purpose-change'], since);
const lastSeq = (): Promise<number> => lastAuditSeq(test.database);

async function refusal(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught as AccessControlException,
  );
  if (!error) throw new Error('expected a refusal');
  return {
    type: error.constructor.name,
    code: error.code,
    field: error.field,
    message: error.message,
  };
}

describe('deny by default', () => {
  it('opens nothing to an agency without grants, and nothing for a purpose that is not registered', () => {
    expect(decided('welfare', 'social-assistance')).toEqual({
      purposeRegistered: true,
      sections: {},
    });
    expect(decided('welfare', 'curiosity')).toEqual({ purposeRegistered: false, sections: {} });
  });

  it('opens a granted section only to that agency and for that purpose', async () => {
    await service.grant(steward, {
      agencyId: 'welfare',
      section: 'address',
      purpose: 'social-assistance',
      validUntil: inHours(1),
      reason: 'household visits',
    });
    expect(decided('welfare', 'social-assistance')).toEqual({
      purposeRegistered: true,
      sections: { address: 'all' },
    });
    expect(decided('welfare', 'tax-administration').sections).toEqual({});
    expect(decided('police', 'social-assistance').sections).toEqual({});
  });
});

describe('grants narrowed to fields', () => {
  it('open only the fields named, and two narrowed grants open the union', async () => {
    const first = await service.grant(steward, {
      agencyId: 'welfare',
      section: 'person',
      fields: ['name', 'alive', 'name'],
      purpose: 'social-assistance',
      validUntil: inHours(1),
      reason: 'eligibility',
    });
    expect(first.fields).toEqual(['alive', 'name']);
    expect(decided('welfare', 'social-assistance').sections).toMatchObject({
      person: ['alive', 'name'],
    });
    await service.grant(steward, {
      agencyId: 'welfare',
      section: 'person',
      fields: ['dateOfBirth'],
      purpose: 'social-assistance',
      validUntil: inHours(1),
      reason: 'age check',
    });
    expect(decided('welfare', 'social-assistance').sections).toMatchObject({
      person: ['alive', 'dateOfBirth', 'name'],
    });
  });

  it('give way to a grant of the whole section', async () => {
    await service.grant(steward, {
      agencyId: 'police',
      section: 'person',
      fields: ['alive'],
      purpose: 'vehicle-registration',
      validUntil: inHours(1),
      reason: 'owner alive',
    });
    await service.grant(steward, {
      agencyId: 'police',
      section: 'person',
      purpose: 'vehicle-registration',
      validUntil: inHours(1),
      reason: 'owner identity',
    });
    expect(decided('police', 'vehicle-registration').sections).toEqual({ person: 'all' });
  });
});

describe('validity, revocation and retirement', () => {
  it('applies a grant only within its validity period', async () => {
    await service.grant(steward, {
      agencyId: 'police',
      section: 'vehicles',
      purpose: 'vehicle-registration',
      validFrom: inHours(1),
      validUntil: inHours(2),
      reason: 'from next hour',
    });
    expect(decided('police', 'vehicle-registration').sections).not.toHaveProperty('vehicles');
    expect(decided('police', 'vehicle-registration', inHours(1.5)).sections).toHaveProperty(
      'vehicles',
      'all',
    );
    // Expired: the moment its validity ends it opens nothing.
    expect(decided('police', 'vehicle-registration', inHours(2)).sections).not.toHaveProperty(
      'vehicles',
    );
  });

  it('closes a revoked grant at once, keeps it listed as ended, and audits who revoked it and why', async () => {
    const granted = await service.grant(steward, {
      agencyId: 'police',
      section: 'landTitles',
      purpose: 'land-administration',
      validUntil: inHours(1),
      reason: 'boundary dispute',
    });
    expect(decided('police', 'land-administration').sections).toEqual({ landTitles: 'all' });
    const since = await lastSeq();
    const revoked = await service.revoke(steward, granted.id, 'dispute settled');
    expect(revoked).toMatchObject({
      id: granted.id,
      revokedBy: 'steward-1',
      revokeReason: 'dispute settled',
    });
    expect(decided('police', 'land-administration').sections).toEqual({});
    await expect(service.grants({ agencyId: 'police' })).resolves.not.toContainEqual(
      expect.objectContaining({ id: granted.id }),
    );
    await expect(
      service.grants({ agencyId: 'police', includeEnded: true }),
    ).resolves.toContainEqual(expect.objectContaining({ id: granted.id, revokedBy: 'steward-1' }));
    await expect(changes(since)).resolves.toEqual([
      {
        kind: 'grant-change',
        actorClient: 'steward-1',
        actorAgency: 'interop',
        subjectId: null,
        purpose: null,
        details: {
          action: 'revoked',
          grant: granted.id,
          agency: 'police',
          section: 'landTitles',
          purpose: 'land-administration',
          reason: 'dispute settled',
        },
      },
    ]);
    // Revoked once: a second revocation finds nothing in force and logs nothing.
    await expect(refusal(service.revoke(steward, granted.id, 'again'))).resolves.toMatchObject({
      code: Code.NOT_FOUND,
      field: 'id',
    });
    await expect(changes(since)).resolves.toHaveLength(1);
  });

  it('stops every grant of a retired purpose, and refuses new grants for it', async () => {
    await service.registerPurpose(steward, {
      code: 'census-2026',
      title: 'The 2026 census',
      legalBasis: 'Statistics Law',
    });
    await service.grant(steward, {
      agencyId: 'police',
      section: 'address',
      purpose: 'census-2026',
      validUntil: inHours(1),
      reason: 'enumeration',
    });
    expect(decided('police', 'census-2026')).toEqual({
      purposeRegistered: true,
      sections: { address: 'all' },
    });
    await service.retirePurpose(steward, 'census-2026', 'census over');
    expect(decided('police', 'census-2026')).toEqual({ purposeRegistered: false, sections: {} });
    await expect(
      refusal(
        service.grant(steward, {
          agencyId: 'police',
          section: 'address',
          purpose: 'census-2026',
          validUntil: inHours(1),
          reason: 'again',
        }),
      ),
    ).resolves.toMatchObject({ code: Code.INVALID_INPUT, field: 'purpose' });
    await expect(
      refusal(service.retirePurpose(steward, 'census-2026', 'twice')),
    ).resolves.toMatchObject({ code: Code.NOT_FOUND, field: 'code' });
  });

  it('reaches another gateway’s policy through the announcement, without a reload call', async () => {
    const other = new AccessPolicy(test.database);
    await other.start();
    try {
      const granted = await service.grant(steward, {
        agencyId: 'welfare',
        section: 'taxpayer',
        purpose: 'tax-administration',
        validUntil: inHours(1),
        reason: 'benefit means test',
      });
      await until(() => other.decide('welfare', 'tax-administration').sections.has('taxpayer'));
      await service.revoke(steward, granted.id, 'means test done');
      await until(() => !other.decide('welfare', 'tax-administration').sections.has('taxpayer'));
    } finally {
      await other.stop();
    }
  });
});

describe('validation', () => {
  const valid = {
    agencyId: 'welfare',
    section: 'person',
    purpose: 'social-assistance',
    validUntil: inHours(1),
    reason: 'test',
  };
  it.each([
    ['an unknown section', { section: 'shoeSize' }, 'section', /section must be one of person, /],
    [
      'a field the section does not have',
      { fields: ['salary'] },
      'fields',
      /fields of person are .*; not salary/,
    ],
    [
      'fields of a section that cannot be narrowed',
      { section: 'nationalId', fields: ['x'] },
      'fields',
      /section nationalId cannot be narrowed to fields/,
    ],
    [
      'an unregistered purpose',
      { purpose: 'curiosity' },
      'purpose',
      /purpose must be a registered purpose in use; curiosity is not/,
    ],
    ['an unknown agency', { agencyId: 'nobody' }, 'agencyId', /names no registered agency: nobody/],
    [
      'an end in the past',
      { validUntil: new Date('2020-01-01T00:00:00Z') },
      'validUntil',
      /later than validFrom and than now/,
    ],
    [
      'an end before its start',
      { validFrom: inHours(3), validUntil: inHours(2) },
      'validUntil',
      /later than validFrom and than now/,
    ],
    [
      'more than five years',
      { validUntil: inHours(6 * 366 * 24) },
      'validUntil',
      /at most five years/,
    ],
    [
      'a start that is no date',
      { validFrom: new Date('nope') },
      'validFrom',
      /must be a date-time/,
    ],
    ['no reason', { reason: '   ' }, 'reason', /reason is required, at most 500 characters/],
  ])(
    'refuses a grant with %s, naming the field and the rule, and changes nothing',
    async (_case, change, field, message) => {
      const since = await lastSeq();
      const before = await service.grants({ includeEnded: true });
      const refused = await refusal(service.grant(steward, { ...valid, ...change }));
      expect(refused).toMatchObject({
        type: AccessControlException.name,
        code: Code.INVALID_INPUT,
        field,
      });
      expect(refused.message).toMatch(message);
      await expect(service.grants({ includeEnded: true })).resolves.toHaveLength(before.length);
      await expect(changes(since)).resolves.toEqual([]);
    },
  );

  it.each([
    ['a code that is not lower-case', { code: 'Pension Claims!' }, 'code', /2 to 63 lower-case/],
    ['no title', { title: '' }, 'title', /title is required, at most 200 characters/],
    ['a legal basis too long', { legalBasis: 'x'.repeat(501) }, 'legalBasis', /at most 500/],
    ['a code already taken', { code: 'social-assistance' }, 'code', /already registered/],
  ])('refuses a purpose with %s, naming the field', async (_case, change, field, message) => {
    const since = await lastSeq();
    const refused = await refusal(
      service.registerPurpose(steward, {
        code: 'pension-claims',
        title: 'Paying pensions',
        legalBasis: 'Law on Social Security',
        ...change,
      }),
    );
    expect(refused.field).toBe(field);
    expect(refused.message).toMatch(message);
    await expect(changes(since)).resolves.toEqual([]);
  });

  it('refuses to revoke by something that is not a grant id', async () => {
    await expect(refusal(service.revoke(steward, 'grant-1', 'why'))).resolves.toMatchObject({
      code: Code.INVALID_INPUT,
      field: 'id',
      message: 'id must be a grant id (a UUID)',
    });
  });
});

describe('the audit of changes', () => {
  it('writes each grant and purpose change once, with who made it, what and why', async () => {
    const since = await lastSeq();
    const purpose = await service.registerPurpose(steward, {
      code: ' pension-claims ',
      title: 'Paying pensions',
      legalBasis: 'Law on Social Security',
    });
    expect(purpose).toMatchObject({
      code: 'pension-claims',
      createdBy: 'steward-1',
      retiredAt: null,
    });
    const validFrom = new Date('2026-12-01T00:00:00Z');
    const validUntil = inHours(24);
    const granted = await service.grant(steward, {
      agencyId: 'welfare',
      section: 'person',
      fields: ['alive'],
      purpose: 'pension-claims',
      validFrom,
      validUntil,
      reason: 'pension stops at death',
    });
    await expect(changes(since)).resolves.toEqual([
      {
        kind: 'purpose-change',
        actorClient: 'steward-1',
        actorAgency: 'interop',
        subjectId: null,
        purpose: null,
        details: {
          action: 'registered',
          purpose: 'pension-claims',
          title: 'Paying pensions',
          legalBasis: 'Law on Social Security',
        },
      },
      {
        kind: 'grant-change',
        actorClient: 'steward-1',
        actorAgency: 'interop',
        subjectId: null,
        purpose: null,
        details: {
          action: 'granted',
          grant: granted.id,
          agency: 'welfare',
          section: 'person',
          fields: ['alive'],
          purpose: 'pension-claims',
          validFrom: validFrom.toISOString(),
          validUntil: validUntil.toISOString(),
          requiresOfficer: false,
          reason: 'pension stops at death',
        },
      },
    ]);
  });
});

/** Waits, up to 5 s, for another process's view to catch up. */
async function until(condition: () => boolean): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > 5_000) throw new Error('the policy did not follow the change');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
