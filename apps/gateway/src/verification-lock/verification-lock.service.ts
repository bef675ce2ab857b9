// Stewards' side of the verification locks: see which citizens' claims are
// refused to whom, and lift a lock with a stated reason (audited). The counting
// itself happens in VerificationService.verify, through the repository.
import {
  auditActor,
  reasonIssue,
  requireRole,
  storedText,
  type Actor,
  type Principal,
} from '#spean/access';
import type { AuditLog } from '#spean/audit';
import { CitizenException, CitizenExceptionCode } from '../citizen/citizen.exception.js';
import type {
  VerificationLock,
  VerificationLockRepository,
} from './verification-lock.repository.js';

const MAX_LISTED = 500;

export class VerificationLockService {
  constructor(
    private readonly locks: VerificationLockRepository,
    private readonly audit: AuditLog,
    private readonly checkNationalId: (input: string) => string,
  ) {}

  /**
   * Locks in force, newest first (stewards and auditors). Each citizen whose
   * locks the answer shows gets an audit entry before it leaves: who tried
   * their claims, and which, is about them.
   */
  async list(principal: Principal, nationalIdInput?: string | null): Promise<VerificationLock[]> {
    requireRole(principal, ['steward', 'auditor'], 'the list of verification locks');
    return this.listAs(principal, nationalIdInput);
  }

  /** Lifts every lock on the citizen's claims and clears their counters (stewards). */
  lift(principal: Principal, nationalIdInput: string, reason: string): Promise<VerificationLock[]> {
    requireRole(principal, ['steward'], 'lifting a verification lock');
    return this.liftAs(principal, nationalIdInput, reason);
  }

  /**
   * For trusted callers that authorise elsewhere (the CLI, which runs with the
   * database's credentials). Each citizen whose locks the answer shows gets an
   * audit entry before it leaves: who tried their claims, and which, is about them.
   */
  async listAs(actor: Actor, nationalIdInput?: string | null): Promise<VerificationLock[]> {
    const nationalId = nationalIdInput ? this.checkNationalId(nationalIdInput) : null;
    const locks = await this.locks.list(nationalId, MAX_LISTED);
    const shown = new Map<string, number>();
    for (const lock of locks) shown.set(lock.nationalId, (shown.get(lock.nationalId) ?? 0) + 1);
    await Promise.all(
      [...shown].map(([subjectId, count]) =>
        this.audit.append({
          kind: 'verification-lock-read',
          ...auditActor(actor),
          subjectId,
          details: { locks: count },
        }),
      ),
    );
    return locks;
  }

  async liftAs(
    actor: Actor,
    nationalIdInput: string,
    reasonInput: string,
  ): Promise<VerificationLock[]> {
    const nationalId = this.checkNationalId(nationalIdInput);
    const issue = reasonIssue(reasonInput, true);
    if (issue) {
      throw new CitizenException(
        CitizenExceptionCode.INVALID_INPUT,
        `${issue.message}; say why the lock is lifted`,
        { field: issue.field, rule: issue.rule },
      );
    }
    const reason = storedText(reasonInput)!;
    const locked = await this.locks.list(nationalId, MAX_LISTED);
    const cleared = await this.locks.clear(nationalId);
    if (cleared.length === 0) return [];
    // Which counters were cleared and which of them were locks; never a claimed value.
    await this.audit.append({
      kind: 'verification-lock-lift',
      ...auditActor(actor),
      subjectId: nationalId,
      details: {
        reason,
        cleared: cleared.map((counter) => ({ ...counter })),
      },
    });
    return locked;
  }
}
