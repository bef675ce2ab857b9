import { describe, expect, it } from '@jest/globals';
import type { AuditLog } from '#spean/audit';
import { CitizenException } from '../citizen/citizen.exception.js';
import type { VerificationLockRepository } from './verification-lock.repository.js';
import { VerificationLockService } from './verification-lock.service.js';

const NATIONAL_ID = '4016698706';
const STEWARD = { clientId: 'steward-1', agencyId: 'interop' };

/** The service over an in-memory store of one locked citizen, recording what it was asked. */
function service() {
  const cleared: string[] = [];
  const audited: unknown[] = [];
  const locks = {
    list: async () => [],
    clear: async (nationalId: string) => {
      cleared.push(nationalId);
      return [{ agencyId: null, claim: 'name', failures: 5, locked: true }];
    },
  } as unknown as VerificationLockRepository;
  const audit = {
    append: async (entry: unknown) => {
      audited.push(entry);
    },
  } as unknown as AuditLog;
  return { locks: new VerificationLockService(locks, audit, (id) => id), cleared, audited };
}

async function refusal(reason: string): Promise<Record<string, unknown>> {
  const { locks, cleared } = service();
  const error = await locks.liftAs(STEWARD, NATIONAL_ID, reason).catch((e: unknown) => e);
  expect(cleared).toEqual([]);
  expect(error).toBeInstanceOf(CitizenException);
  return (error as CitizenException).details;
}

describe('VerificationLockService.liftAs: the reason', () => {
  it('is stored trimmed and in NFC, in the audit entry of the lift', async () => {
    const { locks, audited } = service();
    await locks.liftAs(STEWARD, NATIONAL_ID, '  Cafe\u0301 desk error ');
    expect(audited).toEqual([
      expect.objectContaining({ details: expect.objectContaining({ reason: 'Café desk error' }) }),
    ]);
  });

  it('is refused when blank, naming the rule "required"', async () => {
    await expect(refusal('   ')).resolves.toEqual({ field: 'reason', rule: 'required' });
  });

  it('is refused when too long, naming the rule "max-length"', async () => {
    await expect(refusal('x'.repeat(501))).resolves.toEqual({
      field: 'reason',
      rule: 'max-length',
    });
  });

  it('is refused with a control character or a lone surrogate, naming the rule "text"', async () => {
    await expect(refusal('desk\u0000error')).resolves.toEqual({ field: 'reason', rule: 'text' });
    await expect(refusal('desk \ud800 error')).resolves.toEqual({ field: 'reason', rule: 'text' });
  });
});
