// Where a citizen token's national id comes from, on a real database: the
// client registry, read once per client and then held in memory; nothing
// for an unknown client or a client that is not a citizen.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CitizenSubjects, ClientRepository } from '#spean/access';
import type { Queryable } from '#spean/persistence';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let test: TestDatabase;
let reads = 0;
/** The database, counting the statements sent to it. */
let counted: Queryable;

beforeAll(async () => {
  test = await createTestDatabase('citizen_subjects');
  const clients = new ClientRepository(test.database);
  await clients.upsertAgency({ id: 'citizens', name: 'Citizens' });
  await clients.upsertAgency({ id: 'mef', name: 'Ministry of Economy and Finance' });
  const row = { adapter: null, secretHash: 'scrypt$1$1$1$AA$AA' };
  await clients.insertClient({
    ...row,
    clientId: 'citizens.citizen.1',
    agencyId: 'citizens',
    name: 'portal',
    role: 'citizen',
    nationalId: '4016698706',
  });
  await clients.insertClient({
    ...row,
    clientId: 'citizens.citizen.2',
    agencyId: 'citizens',
    name: 'portal',
    role: 'citizen',
    nationalId: '9004795437',
  });
  await clients.insertClient({
    ...row,
    clientId: 'mef.agency.1',
    agencyId: 'mef',
    name: 'desk',
    role: 'agency',
    nationalId: null,
  });
  counted = {
    query: ((text: string, values?: unknown[]) => {
      reads += 1;
      return test.database.query(text, values);
    }) as Queryable['query'],
  } as Queryable;
});

afterAll(async () => {
  await test.drop();
});

describe('CitizenSubjects', () => {
  it("reads a citizen client's national id once, then answers from memory", async () => {
    const subjects = new CitizenSubjects(counted);
    reads = 0;
    await expect(subjects.nationalIdOf('citizens.citizen.1')).resolves.toBe('4016698706');
    await expect(subjects.nationalIdOf('citizens.citizen.1')).resolves.toBe('4016698706');
    expect(reads).toBe(1);
  });

  it('has no national id for an unknown client or one that is not a citizen, and keeps asking', async () => {
    const subjects = new CitizenSubjects(counted);
    reads = 0;
    await expect(subjects.nationalIdOf('citizens.citizen.404')).resolves.toBeUndefined();
    await expect(subjects.nationalIdOf('mef.agency.1')).resolves.toBeUndefined();
    await expect(subjects.nationalIdOf('citizens.citizen.404')).resolves.toBeUndefined();
    expect(reads).toBe(3);
  });

  it('forgets the least recently used client past its bound', async () => {
    const subjects = new CitizenSubjects(counted, 1);
    reads = 0;
    await expect(subjects.nationalIdOf('citizens.citizen.1')).resolves.toBe('4016698706');
    await expect(subjects.nationalIdOf('citizens.citizen.2')).resolves.toBe('9004795437');
    await expect(subjects.nationalIdOf('citizens.citizen.2')).resolves.toBe('9004795437');
    expect(reads).toBe(2);
    await expect(subjects.nationalIdOf('citizens.citizen.1')).resolves.toBe('4016698706');
    expect(reads).toBe(3);
  });
});
