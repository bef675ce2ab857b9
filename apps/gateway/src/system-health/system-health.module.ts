// systemHealth over GraphQL, built from what the gateway already reads: the
// database and bus checks, consumer lag and the adapter directory.
import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { AdapterDirectory, AdapterRegistryService } from '#spean/adapter-registry';
import type { AuditLog } from '#spean/audit';
import type { EventBus } from '#spean/bus';
import { DeadLetterRepository } from '#spean/dead-letters';
import type { Database } from '#spean/persistence';
import { ConsumerLagService } from '../consumer-lag/consumer-lag.service.js';
import { SystemHealthResolver } from './system-health.resolver.js';
import { SystemHealthService } from './system-health.service.js';

export interface SystemHealthDependencies {
  database: Database;
  bus: EventBus;
  audit: AuditLog;
}

@Module({})
export class SystemHealthModule {
  static register(deps: SystemHealthDependencies): DynamicModule {
    return {
      module: SystemHealthModule,
      providers: [
        {
          provide: SystemHealthService,
          useFactory: () => {
            const registry = new AdapterRegistryService(deps.database, deps.audit);
            return new SystemHealthService({
              database: deps.database,
              bus: deps.bus,
              lag: new ConsumerLagService(deps.bus, registry),
              directory: new AdapterDirectory(
                registry,
                deps.bus,
                new DeadLetterRepository(deps.database),
                new Logger('system-health'),
              ),
            });
          },
        },
        SystemHealthResolver,
      ],
    };
  }
}
