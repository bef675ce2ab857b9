// grantUsage and unusedGrants over GraphQL: grants and the audit log, read only.
import { Module, type DynamicModule } from '@nestjs/common';
import { AccessControlRepository } from '#spean/access';
import type { Database } from '#spean/persistence';
import { GrantUsageRepository } from './grant-usage.repository.js';
import { GrantUsageResolver } from './grant-usage.resolver.js';
import { GrantUsageService } from './grant-usage.service.js';

export interface GrantUsageDependencies {
  database: Database;
}

@Module({})
export class GrantUsageModule {
  static register(deps: GrantUsageDependencies): DynamicModule {
    return {
      module: GrantUsageModule,
      providers: [
        {
          provide: GrantUsageService,
          useFactory: () =>
            new GrantUsageService(
              new AccessControlRepository(deps.database),
              new GrantUsageRepository(deps.database),
            ),
        },
        GrantUsageResolver,
      ],
    };
  }
}
