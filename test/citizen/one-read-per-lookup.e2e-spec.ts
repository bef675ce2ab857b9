// However many sections a lookup asks for, the read model is read once: the
// service's only reads are one sections query (and one more only when nothing
// is found, to tell an unknown citizen from one with no visible records, or
// the first time the process meets an adapter whose records' source is asked
// for, to learn its agency).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AccessControlService, AccessPolicy, Pseudonymizer, type Principal } from '#spean/access';
import { AdapterRegistryRepository } from '#spean/adapter-registry';
import { AuditLog } from '#spean/audit';
import { getNationalIdScheme, VerhoeffNationalIdScheme } from '#spean/contracts';
import { Metrics } from '#spean/observability';
import type { Database } from '#spean/persistence';
import { SECTION_NAMES, grantableSections } from '#spean/access';
import { AdapterAgencies } from '../../apps/gateway/src/citizen/adapter-agencies.js';
import { CitizenAccess } from '../../apps/gateway/src/citizen/citizen-access.js';
import { CitizenService } from '../../apps/gateway/src/citizen/citizen.service.js';
import { ReadModelRepository } from '../../apps/gateway/src/read-model/read-model.repository.js';
import { defaultSchemaCatalog } from '#spean/schema-registry';
import { grantSections, registerPurposes } from '../../tools/demo-access.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

describe('a lookup reads the read model once', () => {
  let db: TestDatabase;
  const statements: string[] = [];
  let service: CitizenService;
  let audit: AuditLog;
  let policy: AccessPolicy;
  const principal: Principal = { clientId: 'mef.agency.1', agencyId: 'mef', role: 'agency' };
  const nationalId = new VerhoeffNationalIdScheme().fromSerial(424242);

  beforeAll(async () => {
    db = await createTestDatabase('one_read');
    // Counts every statement the repositories send, on the real database.
    const counting = new Proxy(db.database, {
      get(target, property, receiver) {
        if (property === 'query') {
          return (sql: string, params?: unknown[]) => {
            statements.push(sql.trim().split(/\s+/).slice(0, 4).join(' '));
            return target.query(sql, params);
          };
        }
        return Reflect.get(target, property, receiver) as unknown;
      },
    }) as Database;
    const records = new ReadModelRepository(counting);
    await records.apply(
      ['person', 'address', 'vehicle-registration', 'taxpayer'].map((recordType, i) => ({
        recordType,
        recordId: `${recordType}-${i}`,
        subjectId: nationalId,
        relatedSubjects: [],
        version: 1,
        schemaVersion: 1,
        op: 'upsert' as const,
        payload: { n: i },
        source: 'test',
        eventId: `00000000-0000-4000-8000-00000000000${i}`,
        occurredAt: '2026-11-21T10:00:00+07:00',
      })),
    );
    // Deny by default: the agency is granted every section for one purpose.
    await db.database.query(`INSERT INTO agency (id, name) VALUES ('mef', 'Economy and Finance')`);
    audit = new AuditLog(db.database);
    await db.database.query(`INSERT INTO agency (id, name) VALUES ('moi', 'Ministry of Interior')`);
    await db.database.query(
      `INSERT INTO adapter_registration (name, agency_id, title, state, registered_by)
       VALUES ('test', 'moi', 'Test adapter', 'approved', 'system')`,
    );
    policy = new AccessPolicy(db.database);
    await policy.start();
    const accessControl = new AccessControlService(
      db.database,
      audit,
      grantableSections(defaultSchemaCatalog()),
      () => policy.reload(),
    );
    await registerPurposes(accessControl);
    await grantSections(
      accessControl,
      'mef',
      [{ purpose: 'business-registration', sections: [...SECTION_NAMES, 'nationalId'] }],
      'test',
    );
    const pseudonyms = new Pseudonymizer(Buffer.alloc(32, 7));
    const metrics = new Metrics('test');
    service = new CitizenService(
      records,
      new CitizenAccess(policy, audit, pseudonyms, getNationalIdScheme(), metrics),
      pseudonyms,
      metrics,
      new AdapterAgencies(new AdapterRegistryRepository(counting)),
    );
  });
  afterAll(async () => {
    await policy.stop();
    await audit.close();
    await db.drop();
  });

  it('with every section asked for', async () => {
    statements.length = 0;
    const before = audit.stats.entries;
    const view = await service.lookup(
      principal,
      nationalId,
      'business-registration',
      new Map(SECTION_NAMES.map((name) => [name, new Map([['n', new Map()]])])),
    );
    expect(view?.sections.get('vehicles')).toEqual([{ n: 2 }]);
    expect(view?.sections.get('landTitles')).toEqual([]);
    expect(statements.filter((sql) => sql.startsWith('SELECT'))).toHaveLength(1);
    // The audit entry goes through the audit log's own batched transaction.
    expect(audit.stats.entries - before).toBe(1);
  });

  it('with one section asked for', async () => {
    statements.length = 0;
    await service.lookup(
      principal,
      nationalId,
      'business-registration',
      new Map([['person', new Map([['n', new Map()]])]]),
    );
    expect(statements.filter((sql) => sql.startsWith('SELECT'))).toHaveLength(1);
  });

  it('with each record’s source asked for: the adapters’ agencies once per process, not per lookup', async () => {
    const everyRecord = new Map(
      SECTION_NAMES.map((name) => [
        name,
        new Map([['record', new Map([['agencyId', new Map()]])]]),
      ]),
    );
    statements.length = 0;
    await service.lookup(principal, nationalId, 'business-registration', everyRecord);
    expect(statements.filter((sql) => sql.startsWith('SELECT'))).toHaveLength(2);
    statements.length = 0;
    const view = await service.lookup(principal, nationalId, 'business-registration', everyRecord);
    expect(statements.filter((sql) => sql.startsWith('SELECT'))).toHaveLength(1);
    expect(view?.sections.get('vehicles')).toEqual([
      { n: 2, record: expect.objectContaining({ source: 'test', agencyId: 'moi' }) as unknown },
    ]);
  });

  it('lookups asked for at once share one read, each answered with its own citizen’s records', async () => {
    const ids = new VerhoeffNationalIdScheme();
    const other = ids.fromSerial(515151);
    const unknown = ids.fromSerial(616161);
    await new ReadModelRepository(db.database).apply([
      {
        recordType: 'person',
        recordId: 'person-other',
        subjectId: other,
        relatedSubjects: [],
        version: 1,
        schemaVersion: 1,
        op: 'upsert' as const,
        payload: { n: 9 },
        source: 'test',
        eventId: '00000000-0000-4000-8000-000000000009',
        occurredAt: '2026-11-21T10:00:00+07:00',
      },
    ]);
    const asked = new Map(SECTION_NAMES.map((name) => [name, new Map([['n', new Map()]])]));
    statements.length = 0;
    const views = await Promise.all(
      [nationalId, other, nationalId, unknown].map((id) =>
        service.lookup(principal, id, 'business-registration', asked),
      ),
    );
    expect(views.map((view) => view?.sections.get('person') ?? null)).toEqual([
      { n: 0 },
      { n: 9 },
      { n: 0 },
      null,
    ]);
    expect(views[0]?.sections.get('vehicles')).toEqual([{ n: 2 }]);
    expect(views[1]?.sections.get('vehicles')).toEqual([]);
    // One read for the four, and the unknown citizen's one check that it is unknown.
    const selects = statements.filter((sql) => sql.startsWith('SELECT'));
    expect(selects).toEqual(['SELECT q.subject AS "forSubject",', 'SELECT 1 FROM read_record']);
  });
});
