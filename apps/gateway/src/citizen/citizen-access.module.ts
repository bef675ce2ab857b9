// Who may see which sections of whose record: the access policy (reloaded when
// grants change) and the checks and audit entries built on it. Shared by the
// lookups (citizen.module.ts) and the access log and grants (access.module.ts).
import { Logger, Module } from '@nestjs/common';
import { AccessPolicy, type Pseudonymizer } from '#spean/access';
import type { AuditLog } from '#spean/audit';
import type { NationalIdScheme } from '#spean/contracts';
import { Metrics } from '#spean/observability';
import type { Database } from '#spean/persistence';
import { AUDIT_LOG, DATABASE, NATIONAL_IDS, PSEUDONYMS } from '../gateway.tokens.js';
import { CitizenAccess } from './citizen-access.js';

@Module({
  providers: [
    {
      provide: AccessPolicy,
      inject: [DATABASE],
      useFactory: async (database: Database) => {
        const policy = new AccessPolicy(database, new Logger('access-policy'));
        await policy.start();
        return policy;
      },
    },
    {
      provide: CitizenAccess,
      inject: [AccessPolicy, AUDIT_LOG, PSEUDONYMS, NATIONAL_IDS, Metrics],
      useFactory: (
        policy: AccessPolicy,
        audit: AuditLog,
        pseudonyms: Pseudonymizer,
        nationalIds: NationalIdScheme,
        metrics: Metrics,
      ) => new CitizenAccess(policy, audit, pseudonyms, nationalIds, metrics),
    },
  ],
  exports: [AccessPolicy, CitizenAccess],
})
export class CitizenAccessModule {}
