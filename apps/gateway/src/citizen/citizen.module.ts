// A citizen's record as agencies see it: the lookup, verification of claims
// without the data, and the locks that stop guessing; read from the read model.
import { Module } from '@nestjs/common';
import type { Pseudonymizer } from '#spean/access';
import type { AuditLog } from '#spean/audit';
import { AdapterRegistryRepository } from '#spean/adapter-registry';
import { Metrics } from '#spean/observability';
import type { Database } from '#spean/persistence';
import type { GatewayConfig } from '../config/gateway.config.js';
import { AUDIT_LOG, DATABASE, GATEWAY_CONFIG, PSEUDONYMS } from '../gateway.tokens.js';
import { ReadModelModule } from '../read-model/read-model.module.js';
import { ReadModelRepository } from '../read-model/read-model.repository.js';
import { VerificationResolver } from '../verification/verification.resolver.js';
import { VerificationService } from '../verification/verification.service.js';
import { VerificationLockRepository } from '../verification-lock/verification-lock.repository.js';
import { VerificationLockResolver } from '../verification-lock/verification-lock.resolver.js';
import { VerificationLockService } from '../verification-lock/verification-lock.service.js';
import { AdapterAgencies } from './adapter-agencies.js';
import { CitizenAccess } from './citizen-access.js';
import { CitizenAccessModule } from './citizen-access.module.js';
import { CitizenResolver } from './citizen.resolver.js';
import { CitizenService } from './citizen.service.js';

@Module({
  imports: [CitizenAccessModule, ReadModelModule],
  providers: [
    {
      provide: CitizenService,
      inject: [ReadModelRepository, CitizenAccess, PSEUDONYMS, Metrics, DATABASE],
      useFactory: (
        records: ReadModelRepository,
        access: CitizenAccess,
        pseudonyms: Pseudonymizer,
        metrics: Metrics,
        database: Database,
      ) =>
        new CitizenService(
          records,
          access,
          pseudonyms,
          metrics,
          new AdapterAgencies(new AdapterRegistryRepository(database)),
        ),
    },
    {
      provide: VerificationLockRepository,
      inject: [DATABASE, GATEWAY_CONFIG],
      useFactory: (database: Database, config: GatewayConfig) =>
        new VerificationLockRepository(database, config.verification),
    },
    {
      provide: VerificationService,
      inject: [ReadModelRepository, CitizenAccess, Metrics, VerificationLockRepository],
      useFactory: (
        records: ReadModelRepository,
        access: CitizenAccess,
        metrics: Metrics,
        locks: VerificationLockRepository,
      ) => new VerificationService(records, access, metrics, locks),
    },
    {
      provide: VerificationLockService,
      inject: [VerificationLockRepository, AUDIT_LOG, CitizenAccess],
      useFactory: (locks: VerificationLockRepository, audit: AuditLog, access: CitizenAccess) =>
        new VerificationLockService(locks, audit, (id) => access.checkNationalId(id)),
    },
    CitizenResolver,
    VerificationResolver,
    VerificationLockResolver,
  ],
})
export class CitizenModule {}
