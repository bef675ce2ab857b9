// An adapter's own store keeps the newest version of each record it
// published, with the citizens the record names, exactly as given.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  AdapterRecordRepository,
  type RecordToStore,
} from '../../libs/adapter-sdk/src/store/adapter-record.repository.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

describe('adapter record store', () => {
  let db: TestDatabase;
  let store: AdapterRecordRepository;
  const record = (version: number, relatedSubjects: string[]): RecordToStore => ({
    recordType: 'land-title',
    recordId: 'LT-9',
    subjectId: '1000000017',
    relatedSubjects,
    version,
    schemaVersion: 1,
    deleted: false,
    payload: { version },
    eventId: `00000000-0000-4000-8000-00000000000${version}`,
    occurredAt: '2026-12-01T10:00:00+07:00',
  });

  beforeAll(async () => {
    db = await createTestDatabase('adapter_store');
    store = new AdapterRecordRepository(db.database, 'land');
  });
  afterAll(async () => {
    await db.drop();
  });

  it('keeps each record with the citizens it names, whatever characters they hold', async () => {
    const awkward = ['2000000018', 'a "quoted" id', 'back\\slash', 'comma,brace}', ''];
    await store.save([record(1, awkward), { ...record(1, []), recordId: 'LT-10' }]);
    expect((await store.get('land-title', 'LT-9'))?.relatedSubjects).toEqual(awkward);
    expect((await store.get('land-title', 'LT-10'))?.relatedSubjects).toEqual([]);
    expect((await store.concerning('land-title', 'a "quoted" id')).map((r) => r.recordId)).toEqual([
      'LT-9',
    ]);
  });

  it('keeps only a newer version', async () => {
    await store.save([record(3, ['3000000019'])]);
    await store.save([record(2, ['2000000018'])]);
    const stored = await store.get('land-title', 'LT-9');
    expect(stored?.version).toBe(3);
    expect(stored?.relatedSubjects).toEqual(['3000000019']);
  });
});
