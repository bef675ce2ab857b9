// The citizen lookup where its logic lives: the real CitizenService and
// CitizenAccess, deciding from the real AccessPolicy and grants, reading the
// real read model on a freshly migrated PostgreSQL and writing the real audit
// log — no HTTP, no GraphQL. What leaves, what is refused, and the audit
// entries written from exactly that. The GraphQL wire shape of a refusal
// (FORBIDDEN on the field's path) stays in test/access/grants.e2e-spec.ts.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AccessControlService, AccessPolicy, Pseudonymizer, type Principal } from '#spean/access';
import { AdapterRegistryRepository } from '#spean/adapter-registry';
import { AuditLog } from '#spean/audit';
import { getNationalIdScheme, VerhoeffNationalIdScheme } from '#spean/contracts';
import { Metrics } from '#spean/observability';
import { AdapterAgencies } from '../../apps/gateway/src/citizen/adapter-agencies.js';
import { CitizenAccess } from '../../apps/gateway/src/citizen/citizen-access.js';
import { CitizenException } from '../../apps/gateway/src/citizen/citizen.exception.js';
import {
  CitizenService,
  type CitizenView,
  type SectionSelection,
} from '../../apps/gateway/src/citizen/citizen.service.js';
import type { Selection } from '../../apps/gateway/src/citizen/granted-fields.js';
import {
  ReadModelRepository,
  type ReadRecord,
} from '../../apps/gateway/src/read-model/read-model.repository.js';
import { SYSTEM_ACTOR } from '../../tools/demo-access.js';
import { startAccessControl } from '../support/access-control.js';
import { auditEntriesSince, lastAuditSeq, type AuditEntryRow } from '../support/audit-entries.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const ids = new VerhoeffNationalIdScheme();
const root = path.resolve(import.meta.dirname, '..', '..');
const PSEUDONYM = /^P-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/;
/** The citizen looked up, their spouse and land co-owner, and a citizen no ministry knows. */
const citizen = ids.fromSerial(610_001);
const spouse = ids.fromSerial(610_002);
const stranger = ids.fromSerial(610_003);

const agencyOf = (agencyId: string): Principal => ({
  clientId: `${agencyId}.desk.1`,
  agencyId,
  role: 'agency',
});
const welfare = agencyOf('welfare');
const police = agencyOf('police');
const land = agencyOf('land');

let test: TestDatabase;
let audit: AuditLog;
let policy: AccessPolicy;
let accessControl: AccessControlService;
let pseudonyms: Pseudonymizer;
let service: CitizenService;

/** A schema's ok fixture with its national ids replaced: `replace` maps fixture id → ours. */
function example(recordType: string, file: string, replace: Record<string, string>): object {
  let text = fs.readFileSync(path.join(root, 'schemas', recordType, 'ok', `${file}.json`), 'utf8');
  for (const [from, to] of Object.entries(replace)) text = text.replaceAll(from, to);
  return JSON.parse(text) as object;
}

let serial = 0;
function record(
  recordType: string,
  payload: object,
  relatedSubjects: string[] = [],
  subjectId = citizen,
): ReadRecord {
  serial += 1;
  return {
    recordType,
    recordId: `${recordType}-${serial}`,
    subjectId,
    // What the read-model consumer derives from the schema (read-model.medium checks that).
    relatedSubjects,
    version: 1,
    schemaVersion: 1,
    op: 'upsert',
    payload,
    source: 'test',
    eventId: `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`,
    occurredAt: '2026-11-21T10:00:00+07:00',
  };
}

/** A selection as the resolver reads it from a query: `{ person: { alive: 1, name: { latin: 1 } } }`. */
type Shape = { [field: string]: 1 | Shape };
function select(shape: Shape): Map<string, Selection> {
  return new Map(
    Object.entries(shape).map(([field, sub]) => [field, sub === 1 ? new Map() : select(sub)]),
  );
}
const lookup = (
  principal: Principal,
  purpose: string,
  shape: Shape,
  options: { nationalId?: string; reference?: string } = {},
): Promise<CitizenView | null> =>
  service.lookup(
    principal,
    options.nationalId ?? citizen,
    purpose,
    select(shape) as SectionSelection,
    options.reference,
  );

async function grant(
  agencyId: string,
  purpose: string,
  section: string,
  fields?: string[],
): Promise<string> {
  const created = await accessControl.grant(SYSTEM_ACTOR, {
    agencyId,
    section,
    fields,
    purpose,
    validUntil: new Date(Date.now() + 3600_000),
    reason: 'medium test',
  });
  return created.id;
}

type Entry = AuditEntryRow;

/** The lookup-side entries (lookup, disclosure) written after `since`, oldest first. */
const entriesSince = (since: number): Promise<Entry[]> =>
  auditEntriesSince(test.database, ['lookup', 'related-party-disclosure'], since);
const lastSeq = (): Promise<number> => lastAuditSeq(test.database);

/** Runs `act` and returns the audit entries it wrote. */
async function audited(act: () => Promise<unknown>): Promise<Entry[]> {
  const since = await lastSeq();
  await act();
  return entriesSince(since);
}

beforeAll(async () => {
  test = await createTestDatabase('citizen_lookup_medium');
  await new ReadModelRepository(test.database).apply([
    record('person', example('person', 'adult-born-in-phnom-penh', { '3234567891': citizen })),
    record('address', example('address', 'phnom-penh-house', {})),
    record(
      'land-title',
      example('land-title', 'married-couple-siem-reap-mortgaged', {
        '2339293628': citizen,
        '7283565536': spouse,
      }),
      [spouse],
    ),
    record(
      'civil-event',
      example('civil-event', 'marriage-in-siem-reap', {
        '5224731827': citizen,
        '2169003735': spouse,
      }),
      [spouse],
    ),
  ]);
  await test.database.query(
    `INSERT INTO agency (id, name) VALUES ('welfare', 'Social Affairs'), ('police', 'National Police'),
       ('land', 'Land Management'), ('moi', 'Ministry of Interior')`,
  );
  // The adapter the records above came from, registered to its ministry.
  await test.database.query(
    `INSERT INTO adapter_registration (name, agency_id, title, state, registered_by)
     VALUES ('test', 'moi', 'Test adapter', 'approved', 'system')`,
  );
  audit = new AuditLog(test.database);
  ({ policy, accessControl } = await startAccessControl(test.database, audit));
  // welfare, for social assistance: the person narrowed to name and alive, the whole address.
  await grant('welfare', 'social-assistance', 'person', ['name', 'alive']);
  await grant('welfare', 'social-assistance', 'address');
  // land, for land administration: land titles, life events, and the national id itself.
  for (const section of ['person', 'landTitles', 'lifeEvents', 'nationalId'])
    await grant('land', 'land-administration', section);
  // police, for land administration too, but not the national id.
  for (const section of ['person', 'landTitles', 'lifeEvents'])
    await grant('police', 'land-administration', section);
  pseudonyms = new Pseudonymizer(Buffer.alloc(32, 9));
  const metrics = new Metrics('test');
  service = new CitizenService(
    new ReadModelRepository(test.database),
    new CitizenAccess(policy, audit, pseudonyms, getNationalIdScheme(), metrics),
    pseudonyms,
    metrics,
    new AdapterAgencies(new AdapterRegistryRepository(test.database)),
  );
});

afterAll(async () => {
  await policy?.stop();
  await audit?.close();
  await test?.drop();
});

describe('sections, by grant and purpose', () => {
  it('returns the granted sections asked for, refuses the others, and audits exactly that', async () => {
    let view: CitizenView | null = null;
    const entries = await audited(async () => {
      view = await lookup(welfare, 'social-assistance', {
        address: { since: 1 },
        vehicles: { plateNumber: 1 },
        taxpayer: { tin: 1 },
      });
    });
    expect([...view!.sections.keys()]).toEqual(['address']);
    expect(view!.sections.get('address')).toMatchObject({
      since: '2021-06-01',
      houseNumber: '12A',
    });
    expect(Object.fromEntries(view!.refused)).toEqual({
      vehicles: { reason: 'section' },
      taxpayer: { reason: 'section' },
    });
    expect(entries).toEqual([
      {
        kind: 'lookup',
        actorClient: 'welfare.desk.1',
        actorAgency: 'welfare',
        subjectId: citizen,
        purpose: 'social-assistance',
        details: {
          outcome: 'found',
          sectionsReturned: ['address'],
          sectionsDenied: ['vehicles', 'taxpayer'],
          nationalId: 'pseudonym',
        },
      },
    ]);
  });

  it('reads and audits only the sections asked for, though more are granted', async () => {
    let view: CitizenView | null = null;
    const entries = await audited(async () => {
      view = await lookup(land, 'land-administration', { landTitles: { titleNumber: 1 } });
    });
    expect([...view!.sections.keys()]).toEqual(['landTitles']);
    expect(view!.refused.size).toBe(0);
    expect(entries.map((entry) => entry.details)).toEqual([
      {
        outcome: 'found',
        sectionsReturned: ['landTitles'],
        sectionsDenied: [],
        nationalId: 'disclosed',
      },
    ]);
  });

  it('answers a section of many records with none as an empty list, and one of a single record with nothing', async () => {
    await grant('land', 'land-administration', 'vehicles');
    await grant('land', 'land-administration', 'taxpayer');
    const view = await lookup(land, 'land-administration', {
      vehicles: { plateNumber: 1 },
      taxpayer: { tin: 1 },
    });
    expect(Object.fromEntries(view!.sections)).toEqual({ vehicles: [] });
    expect(view!.refused.size).toBe(0);
  });

  it('refuses, audited, a purpose the agency holds no grant for', async () => {
    let refused: unknown;
    const entries = await audited(() =>
      lookup(welfare, 'tax-administration', { person: { alive: 1 } }, { reference: 'TX-1' }).catch(
        (error: unknown) => (refused = error),
      ),
    );
    expect(refused).toBeInstanceOf(CitizenException);
    expect(refused).toMatchObject({
      code: 'NO_GRANT_FOR_PURPOSE',
      details: { field: 'purpose' },
      message: 'your agency holds no grant to look citizens up for the purpose tax-administration',
    });
    expect(entries).toEqual([
      expect.objectContaining({
        kind: 'lookup',
        subjectId: citizen,
        purpose: 'tax-administration',
        details: { outcome: 'refused', reason: 'no-grant-for-purpose', reference: 'TX-1' },
      }),
    ]);
  });

  it('refuses, audited without the free text, a purpose that is not registered', async () => {
    let refused: unknown;
    const entries = await audited(() =>
      lookup(welfare, 'just curious', { person: { alive: 1 } }).catch(
        (error: unknown) => (refused = error),
      ),
    );
    expect(refused).toMatchObject({ code: 'INVALID_PURPOSE', details: { field: 'purpose' } });
    expect(entries).toEqual([
      expect.objectContaining({
        purpose: null,
        details: { outcome: 'refused', reason: 'unregistered-purpose' },
      }),
    ]);
  });

  it('refuses, audited, a client that is not an agency, whatever its agency is granted', async () => {
    const steward: Principal = { clientId: 'steward.1', agencyId: 'land', role: 'steward' };
    let refused: unknown;
    const entries = await audited(() =>
      lookup(steward, 'land-administration', { landTitles: { titleNumber: 1 } }).catch(
        (error: unknown) => (refused = error),
      ),
    );
    expect(refused).toMatchObject({
      code: 'NOT_PERMITTED',
      message: 'a steward client may not look citizens up; only agency clients may',
    });
    expect(entries).toEqual([
      expect.objectContaining({
        actorClient: 'steward.1',
        purpose: 'land-administration',
        details: { outcome: 'refused', reason: 'role-may-not-look-up' },
      }),
    ]);
  });

  it('names the field and the rule of a mistyped national id, before anything is audited', async () => {
    let refused: unknown;
    const entries = await audited(() =>
      lookup(
        land,
        'land-administration',
        { person: { alive: 1 } },
        {
          nationalId: `${citizen.slice(0, 9)}${(Number(citizen[9]) + 1) % 10}`,
        },
      ).catch((error: unknown) => (refused = error)),
    );
    expect(refused).toMatchObject({
      code: 'INVALID_NATIONAL_ID',
      details: { field: 'nationalId' },
      message: expect.stringMatching(/^nationalId /) as unknown,
    });
    expect(entries).toEqual([]);
  });

  it('stops returning a section the moment its grant is revoked', async () => {
    const id = await grant('police', 'social-assistance', 'address');
    const before = await lookup(police, 'social-assistance', { address: { since: 1 } });
    expect([...before!.sections.keys()]).toEqual(['address']);
    await accessControl.revoke(SYSTEM_ACTOR, id, 'no longer needed');
    await expect(
      lookup(police, 'social-assistance', { address: { since: 1 } }),
    ).rejects.toMatchObject({ code: 'NO_GRANT_FOR_PURPOSE' });
  });
});

describe('sections narrowed to fields', () => {
  it('return only the granted fields, audited as the fields that left', async () => {
    let view: CitizenView | null = null;
    const entries = await audited(async () => {
      view = await lookup(welfare, 'social-assistance', {
        person: { alive: 1, name: { latin: { familyName: 1 } }, __typename: 1 },
      });
    });
    const person = view!.sections.get('person') as Record<string, unknown>;
    expect(Object.keys(person).sort()).toEqual(['alive', 'name']);
    expect(JSON.stringify(view!.sections)).not.toContain('1985-03-14');
    expect(entries.map((entry) => entry.details)).toEqual([
      {
        outcome: 'found',
        sectionsReturned: ['person'],
        sectionsDenied: [],
        fieldsReturned: { person: ['alive', 'name'] },
        nationalId: 'pseudonym',
      },
    ]);
  });

  it('refuse the whole section when a field beyond the grant is asked for, naming it', async () => {
    let view: CitizenView | null = null;
    const entries = await audited(async () => {
      view = await lookup(welfare, 'social-assistance', {
        address: { since: 1 },
        person: { alive: 1, dateOfBirth: 1, idCardNumber: 1 },
      });
    });
    expect(view!.sections.has('person')).toBe(false);
    expect(view!.refused.get('person')).toEqual({
      reason: 'fields',
      withheld: ['dateOfBirth', 'idCardNumber'],
      granted: ['alive', 'name'],
    });
    expect([...view!.sections.keys()]).toEqual(['address']);
    const [entry] = entries;
    expect(entry!.details).toEqual({
      outcome: 'found',
      sectionsReturned: ['address'],
      sectionsDenied: ['person'],
      fieldsDenied: { person: ['dateOfBirth', 'idCardNumber'] },
      nationalId: 'pseudonym',
    });
    expect(JSON.stringify(entries)).not.toContain('1985-03-14');
  });
});

describe('each record’s source and date', () => {
  const described = {
    source: 'test',
    agencyId: 'moi',
    receivedAt: expect.any(Date) as unknown,
    version: 1,
  };

  it('leave with a granted section, per record, and the entry says so', async () => {
    let view: CitizenView | null = null;
    const entries = await audited(async () => {
      view = await lookup(land, 'land-administration', {
        person: { alive: 1, record: { source: 1 } },
        landTitles: { titleNumber: 1, record: { agencyId: 1 } },
        lifeEvents: { eventType: 1 },
      });
    });
    expect(view!.sections.get('person')).toMatchObject({ alive: true, record: described });
    expect(view!.sections.get('landTitles')).toEqual([
      expect.objectContaining({ record: described }),
    ]);
    const [event] = view!.sections.get('lifeEvents') as object[];
    expect(event).not.toHaveProperty('record');
    const { receivedAt } = (view!.sections.get('person') as { record: { receivedAt: Date } })
      .record;
    expect(Date.now() - receivedAt.getTime()).toBeLessThan(600_000);
    expect(entries.map((entry) => entry.details)).toEqual([
      {
        outcome: 'found',
        sectionsReturned: ['person', 'landTitles', 'lifeEvents'],
        sectionsDenied: [],
        recordsDescribed: ['person', 'landTitles'],
        nationalId: 'disclosed',
      },
    ]);
  });

  it('leave with the granted fields of a narrowed section, not counted as one of its fields', async () => {
    let view: CitizenView | null = null;
    const entries = await audited(async () => {
      view = await lookup(welfare, 'social-assistance', {
        person: { alive: 1, record: { source: 1, receivedAt: 1 } },
      });
    });
    expect(view!.refused.size).toBe(0);
    const person = view!.sections.get('person') as Record<string, unknown>;
    expect(Object.keys(person).sort()).toEqual(['alive', 'name', 'record']);
    expect(person.record).toEqual(described);
    expect(entries.map((entry) => entry.details)).toEqual([
      {
        outcome: 'found',
        sectionsReturned: ['person'],
        sectionsDenied: [],
        fieldsReturned: { person: ['alive'] },
        recordsDescribed: ['person'],
        nationalId: 'pseudonym',
      },
    ]);
  });

  it('are refused with a section not granted, or with fields beyond the grant', async () => {
    let view: CitizenView | null = null;
    const entries = await audited(async () => {
      view = await lookup(welfare, 'social-assistance', {
        vehicles: { record: { source: 1 } },
        person: { dateOfBirth: 1, record: { source: 1 } },
      });
    });
    expect(view!.sections.size).toBe(0);
    expect(Object.fromEntries(view!.refused)).toEqual({
      person: { reason: 'fields', withheld: ['dateOfBirth'], granted: ['alive', 'name'] },
      vehicles: { reason: 'section' },
    });
    expect(entries.map((entry) => entry.details)).toEqual([
      {
        outcome: 'found',
        sectionsReturned: [],
        sectionsDenied: ['person', 'vehicles'],
        fieldsDenied: { person: ['dateOfBirth'] },
        nationalId: 'pseudonym',
      },
    ]);
  });
});

describe('pseudonyms', () => {
  const everyId = {
    nationalId: 1,
    person: { nationalId: 1 },
    landTitles: { owners: { nationalId: 1 } },
    lifeEvents: { subject: { nationalId: 1 }, spouse: { nationalId: 1 } },
  } as const;
  const nationalIds = (view: CitizenView | null): string[] =>
    JSON.stringify(Object.fromEntries(view!.sections)).match(/\b\d{10}\b/g) ?? [];

  it('replace every national id for an agency not granted the id itself, the same way everywhere', async () => {
    const view = await lookup(police, 'land-administration', everyId);
    expect(view!.nationalId).toMatch(PSEUDONYM);
    expect(view!.nationalId).toBe(pseudonyms.pseudonym('police', citizen));
    expect(nationalIds(view)).toEqual([]);
    const person = view!.sections.get('person') as { nationalId: string };
    const [title] = view!.sections.get('landTitles') as Array<{
      owners: Array<{ nationalId: string }>;
    }>;
    const [marriage] = view!.sections.get('lifeEvents') as Array<{
      spouse: { nationalId: string };
    }>;
    expect(person.nationalId).toBe(view!.nationalId);
    expect(title!.owners.map((owner) => owner.nationalId)).toEqual([
      view!.nationalId,
      pseudonyms.pseudonym('police', spouse),
    ]);
    expect(marriage!.spouse.nationalId).toBe(pseudonyms.pseudonym('police', spouse));
  });

  it('are stable for one agency and differ between agencies', async () => {
    const first = await lookup(police, 'land-administration', { nationalId: 1 });
    const again = await lookup(police, 'land-administration', { nationalId: 1 });
    const other = await lookup(welfare, 'social-assistance', { nationalId: 1 });
    expect(again!.nationalId).toBe(first!.nationalId);
    expect(other!.nationalId).toMatch(PSEUDONYM);
    expect(other!.nationalId).not.toBe(first!.nationalId);
  });

  it('give way to the national ids for an agency granted them', async () => {
    const view = await lookup(land, 'land-administration', everyId);
    expect(view!.nationalId).toBe(citizen);
    expect(nationalIds(view).sort()).toEqual([citizen, citizen, citizen, spouse, spouse].sort());
  });
});

describe('related parties', () => {
  it('each one disclosed gets an entry of its own, linked to the lookup, without the citizen or the case', async () => {
    const entries = await audited(() =>
      lookup(
        police,
        'land-administration',
        {
          landTitles: { owners: { share: { numerator: 1 } } },
          lifeEvents: { spouse: { nationalId: 1 } },
        },
        { reference: 'LA-2026-7' },
      ),
    );
    expect(entries).toHaveLength(2);
    const [main, disclosure] = entries;
    const lookupId = main!.details.lookupId as string;
    expect(lookupId).toMatch(/^[0-9a-f-]{36}$/);
    expect(main).toEqual({
      kind: 'lookup',
      actorClient: 'police.desk.1',
      actorAgency: 'police',
      subjectId: citizen,
      purpose: 'land-administration',
      details: {
        lookupId,
        relatedParties: 1,
        outcome: 'found',
        sectionsReturned: ['landTitles', 'lifeEvents'],
        sectionsDenied: [],
        nationalId: 'pseudonym',
        reference: 'LA-2026-7',
      },
    });
    expect(disclosure).toEqual({
      kind: 'related-party-disclosure',
      actorClient: 'police.desk.1',
      actorAgency: 'police',
      subjectId: spouse,
      purpose: 'land-administration',
      details: {
        outcome: 'found',
        sectionsReturned: ['landTitles', 'lifeEvents'],
        nationalId: 'pseudonym',
        lookupId,
      },
    });
  });

  it('are not disclosed, and get no entry, when the selection does not reach them', async () => {
    const entries = await audited(() =>
      lookup(land, 'land-administration', {
        landTitles: { titleNumber: 1 },
        lifeEvents: { eventType: 1, subject: { nationalId: 1 } },
      }),
    );
    expect(entries.map((entry) => entry.kind)).toEqual(['lookup']);
    expect(entries[0]!.details).not.toHaveProperty('lookupId');
    expect(entries[0]!.details).not.toHaveProperty('relatedParties');
  });

  it('looked up themselves, see the records that name them, and are disclosed the other way', async () => {
    let view: CitizenView | null = null;
    const entries = await audited(async () => {
      view = await lookup(
        land,
        'land-administration',
        { person: { alive: 1 }, landTitles: { owners: { nationalId: 1 } } },
        { nationalId: spouse },
      );
    });
    expect(view!.nationalId).toBe(spouse);
    expect(view!.sections.has('person')).toBe(false);
    expect(view!.sections.get('landTitles')).toEqual([
      expect.objectContaining({
        titleNumber: '17100603-0456',
        owners: [
          expect.objectContaining({ nationalId: citizen }),
          expect.objectContaining({ nationalId: spouse }),
        ],
      }),
    ]);
    expect(entries.map((entry) => [entry.kind, entry.subjectId])).toEqual([
      ['lookup', spouse],
      ['related-party-disclosure', citizen],
    ]);
    expect(entries[0]!.details).toMatchObject({
      outcome: 'found',
      sectionsReturned: ['person', 'landTitles'],
      nationalId: 'disclosed',
    });
  });
});

describe('an unknown citizen', () => {
  it('is null, audited as not found with nothing returned and the refusals as they were', async () => {
    let view: CitizenView | null | undefined;
    const entries = await audited(async () => {
      view = await lookup(
        welfare,
        'social-assistance',
        { address: { since: 1 }, vehicles: { plateNumber: 1 } },
        { nationalId: stranger },
      );
    });
    expect(view).toBeNull();
    expect(entries).toEqual([
      {
        kind: 'lookup',
        actorClient: 'welfare.desk.1',
        actorAgency: 'welfare',
        subjectId: stranger,
        purpose: 'social-assistance',
        details: {
          outcome: 'not-found',
          sectionsReturned: [],
          sectionsDenied: ['vehicles'],
          nationalId: 'pseudonym',
        },
      },
    ]);
  });

  it('is not a citizen named only in others’ records: that one is found, with nothing of theirs to show', async () => {
    const view = await lookup(
      welfare,
      'social-assistance',
      { address: { since: 1 } },
      {
        nationalId: spouse,
      },
    );
    expect(view).not.toBeNull();
    expect(view!.sections.size).toBe(0);
  });
});
