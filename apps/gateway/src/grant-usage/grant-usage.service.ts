// Which grants are used, and when last: for stewards tidying what agencies
// hold, and auditors asking whether a grant is still needed. Every grant ever
// made (ended ones too), with its last use; unusedGrants keeps those never used.
import type { AccessControlRepository, Grant } from '#spean/access';
import {
  ConsoleQueryException,
  ConsoleQueryExceptionCode,
} from '../console-queries/console-query.exception.js';
import type { GrantUsageRepository } from './grant-usage.repository.js';

export interface GrantUsage {
  grant: Grant;
  lastUsedAt: Date | null;
}

export class GrantUsageService {
  constructor(
    private readonly grants: Pick<AccessControlRepository, 'grants'>,
    private readonly usage: GrantUsageRepository,
  ) {}

  async usageOf(agencyId?: string): Promise<GrantUsage[]> {
    if (agencyId !== undefined && !(await this.usage.agencyExists(agencyId))) {
      throw new ConsoleQueryException(
        ConsoleQueryExceptionCode.INVALID_ARGUMENT,
        `agencyId: ${JSON.stringify(agencyId)} is not a registered agency`,
        'agencyId',
      );
    }
    const grants = await this.grants.grants({ agencyId, includeEnded: true });
    const lastUse = await this.usage.lastUse(grants.map((grant) => grant.id));
    return grants.map((grant) => ({ grant, lastUsedAt: lastUse.get(grant.id) ?? null }));
  }

  async unused(agencyId?: string): Promise<GrantUsage[]> {
    return (await this.usageOf(agencyId)).filter((usage) => usage.lastUsedAt === null);
  }
}
