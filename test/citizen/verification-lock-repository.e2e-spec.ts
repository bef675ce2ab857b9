// The verification counters as several gateway processes share them: two
// separate connection pools (as two processes would have) count wrong claims
// about one citizen at once, and no more than the limit are ever answered; a
// check that runs while a failure is being counted waits for it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Database } from '#spean/persistence';
import { VerificationLockRepository } from '../../apps/gateway/src/verification-lock/verification-lock.repository.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const LIMITS = { failuresPerAgency: 3, failuresPerCitizen: 5, windowHours: 24 };

let test: TestDatabase;
let other: Database;
let first: VerificationLockRepository;
let second: VerificationLockRepository;

beforeAll(async () => {
  test = await createTestDatabase('verification_counters');
  other = new Database({ url: test.appUrl, applicationName: 'second-gateway' });
  first = new VerificationLockRepository(test.database, LIMITS);
  second = new VerificationLockRepository(other, LIMITS);
});

afterAll(async () => {
  await other?.close();
  await test?.drop();
});

describe('wrong claims counted by two processes at once', () => {
  it('are answered no more often than the limit allows, per agency and overall', async () => {
    const subject = '1000000001';
    const attempts = Array.from({ length: 20 }, (_, i) =>
      (i % 2 ? first : second).fail(subject, i < 10 ? 'mef' : 'mot', ['dateOfBirth']),
    );
    const beyond = await Promise.all(attempts);
    const answered = (from: number, to: number) =>
      beyond.slice(from, to).filter((claims) => !claims.has('dateOfBirth')).length;
    // Never more than 3 for one agency nor 5 for all together. (A claim refused
    // in a burst still counts, so which agency gets the last answers varies.)
    expect(answered(0, 10)).toBeLessThanOrEqual(3);
    expect(answered(10, 20)).toBeLessThanOrEqual(3);
    expect(answered(0, 20)).toBeLessThanOrEqual(5);
    expect(answered(0, 20)).toBeGreaterThanOrEqual(3);
    expect(await first.locked(subject, 'mef', ['dateOfBirth', 'name'])).toEqual(
      new Set(['dateOfBirth']),
    );
    expect(await second.locked(subject, 'welfare', ['dateOfBirth'])).toEqual(
      new Set(['dateOfBirth']),
    );
  });

  it('a check waits for a failure being counted in another transaction', async () => {
    const subject = '1000000002';
    await first.fail(subject, 'mef', ['name']);
    await first.fail(subject, 'mef', ['name']);
    // A third failure, held uncommitted by another process.
    const holder = await test.database.transaction(async (tx) => {
      await new VerificationLockRepository(tx, LIMITS).fail(subject, 'mef', ['name']);
      const check = second.locked(subject, 'mef', ['name']);
      const early = await Promise.race([
        check.then(() => 'answered'),
        new Promise((resolve) => setTimeout(() => resolve('waiting'), 300)),
      ]);
      return { early, check };
    });
    expect(holder.early).toBe('waiting');
    expect(await holder.check).toEqual(new Set(['name']));
  });
});
