// consumerLag over GraphQL, and the spean_consumer_lag_* gauges on /metrics
// (filled on each scrape by the gateway alone: one process reports every group).
import { Module, type DynamicModule } from '@nestjs/common';
import { AdapterRegistryService } from '#spean/adapter-registry';
import type { AuditLog } from '#spean/audit';
import type { EventBus } from '#spean/bus';
import type { Metrics } from '#spean/observability';
import type { Database } from '#spean/persistence';
import { ConsumerLagResolver } from './consumer-lag.resolver.js';
import { ConsumerLagService } from './consumer-lag.service.js';

export interface ConsumerLagDependencies {
  database: Database;
  bus: EventBus;
  metrics: Metrics;
  audit: AuditLog;
}

@Module({})
export class ConsumerLagModule {
  static register(deps: ConsumerLagDependencies): DynamicModule {
    return {
      module: ConsumerLagModule,
      providers: [
        {
          provide: ConsumerLagService,
          useFactory: () => {
            const service = new ConsumerLagService(
              deps.bus,
              new AdapterRegistryService(deps.database, deps.audit),
            );
            deps.metrics.observeConsumerLag(() => service.lag());
            return service;
          },
        },
        ConsumerLagResolver,
      ],
    };
  }
}
