// The read model's SQL on a real database. It links a record to every citizen
// it names (co-owners, parents ...): a new version replaces the links of the
// old one, a stale version changes nothing, and a delete removes them. And a
// lookup's statement is planned once per connection, not on every lookup.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { VerhoeffNationalIdScheme } from '#spean/contracts';
import { Database } from '#spean/persistence';
import {
  ReadModelRepository,
  type ReadRecord,
} from '../../apps/gateway/src/read-model/read-model.repository.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

describe('read model repository', () => {
  let db: TestDatabase;
  let repository: ReadModelRepository;
  const scheme = new VerhoeffNationalIdScheme();
  const [owner, first, second, third] = [101, 202, 303, 404].map((n) => scheme.fromSerial(n));

  const title = (
    version: number,
    related: string[],
    op: ReadRecord['op'] = 'upsert',
  ): ReadRecord => ({
    recordType: 'land-title',
    recordId: 'LT-1',
    subjectId: owner!,
    relatedSubjects: related,
    version,
    schemaVersion: 1,
    op,
    payload: op === 'delete' ? null : { version },
    source: 'land',
    eventId: `00000000-0000-4000-8000-00000000000${version}`,
    occurredAt: '2026-12-01T10:00:00+07:00',
  });
  const titlesOf = async (citizen: string): Promise<unknown[]> =>
    (await repository.sectionsOf(citizen, [], ['land-title'])).map((s) => s.payload);

  beforeAll(async () => {
    db = await createTestDatabase('related_links');
    repository = new ReadModelRepository(db.database);
  });

  it('fails the reads of a statement that cannot be built, and only them', async () => {
    const reads = [
      repository.sectionsOf('0000000001', ['not a type'], []),
      repository.sectionsOf('0000000002', ['not a type'], []),
    ];
    for (const read of reads) await expect(read).rejects.toThrow(/not a record type name/);
    expect(await repository.sectionsOf('0000000003', ['person'], [])).toEqual([]);
  });
  afterAll(async () => {
    await db.drop();
  });

  it('links a new record to the citizens it names', async () => {
    expect(await repository.apply([title(1, [first!, second!])])).toBe(1);
    expect(await titlesOf(first!)).toEqual([{ version: 1 }]);
    expect(await titlesOf(second!)).toEqual([{ version: 1 }]);
  });

  it('replaces the links when a newer version names others', async () => {
    expect(await repository.apply([title(2, [second!, third!])])).toBe(1);
    expect(await titlesOf(first!)).toEqual([]);
    expect(await titlesOf(second!)).toEqual([{ version: 2 }]);
    expect(await titlesOf(third!)).toEqual([{ version: 2 }]);
  });

  it('keeps the links when a stale version arrives', async () => {
    expect(await repository.apply([title(1, [first!])])).toBe(0);
    expect(await titlesOf(first!)).toEqual([]);
    expect(await titlesOf(third!)).toEqual([{ version: 2 }]);
  });

  it('drops the links when a newer version names nobody', async () => {
    const other = (version: number, related: string[]): ReadRecord => ({
      ...title(version, related),
      recordId: 'LT-2',
      eventId: `00000000-0000-4000-8000-00000000002${version}`,
    });
    expect(await repository.apply([other(1, [first!])])).toBe(1);
    expect(await titlesOf(first!)).toEqual([{ version: 1 }]);
    expect(await repository.apply([other(2, [])])).toBe(1);
    expect(await titlesOf(first!)).toEqual([]);
    // Stale, and naming someone: changes nothing, links nobody.
    expect(await repository.apply([other(1, [first!])])).toBe(0);
    expect(await titlesOf(first!)).toEqual([]);
  });

  it('removes the links when the record is deleted', async () => {
    expect(await repository.apply([title(3, [], 'delete')])).toBe(1);
    expect(await titlesOf(second!)).toEqual([]);
    expect(await titlesOf(third!)).toEqual([]);
  });

  it('plans the lookup once per connection, not on every lookup', async () => {
    const people = Array.from({ length: 3_000 }, (_, i) => scheme.fromSerial(10_000 + i));
    await repository.apply(
      people.flatMap((subjectId, i) =>
        ['person', 'address'].map((recordType) => ({
          ...title(1, i % 3 === 0 ? [people[(i + 1) % people.length]!] : []),
          recordType,
          recordId: `${recordType}-${subjectId}`,
          subjectId,
          eventId: '00000000-0000-4000-8000-000000000009',
        })),
      ),
    );
    await db.owner().query('ANALYZE read_record, read_related_subject');
    const single = new Database({
      url: db.appUrl,
      applicationName: 'spean-test-plans',
      poolSize: 1,
    });
    try {
      const lookups = new ReadModelRepository(single);
      for (const subjectId of people.slice(0, 20))
        expect(await lookups.sectionsOf(subjectId, ['person', 'address'], ['person'])).not.toEqual(
          [],
        );
      const [plans] = await single.query<{ generic: number; custom: number }>(
        `SELECT generic_plans::int AS generic, custom_plans::int AS custom
         FROM pg_prepared_statements WHERE name LIKE 'read-model-sections-of%'`,
      );
      // PostgreSQL tries custom plans first and keeps one generic plan once it is no dearer.
      expect(plans!.custom).toBeLessThanOrEqual(5);
      expect(plans!.generic).toBeGreaterThanOrEqual(15);
    } finally {
      await single.close();
    }
  });
});
